// bench/duckdb.js: run one SQL statement in a DuckDB database file and
// print its rows, one process per query as sqlite3 and uptake are timed,
// for bench/compare.sh.
//
//   node bench/duckdb.js -modules DIR [-write] [-times FILE] DB SQL
//
// -modules is the folder that npm installed @duckdb/node-api into (the
// script keeps it in a cache folder, outside the repository). The
// database is opened read-only unless -write is given (the import), so
// that a query process neither replays nor checkpoints anything.
// -times appends the statement's time in process, in milliseconds, to
// FILE: from sending the SQL to the last row written, without node's
// start-up, loading the library and opening the file, so that the
// reader sees both that and the whole process's time.
//
// Rows are printed as sqlite3's list mode prints them: values joined
// by "|", NULL as nothing.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

function usage(msg) {
	process.stderr.write(`duckdb.js: ${msg}\nusage: node duckdb.js -modules DIR [-write] [-times FILE] DB SQL\n`);
	process.exit(2);
}

function parseArgs(argv) {
	const o = { modules: '', write: false, times: '', rest: [] };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '-modules' || a === '-times') {
			if (i + 1 >= argv.length) usage(`${a} needs a value`);
			o[a.slice(1)] = argv[++i];
		} else if (a === '-write') {
			o.write = true;
		} else {
			o.rest.push(a);
		}
	}
	if (o.modules === '') usage('-modules DIR is required (where npm installed @duckdb/node-api)');
	if (o.rest.length !== 2) usage('expected a database file and one SQL statement');
	return o;
}

// writeAll writes s to fd whole: a pipe may take part of it, or refuse
// for a moment (EAGAIN) when node has made it non-blocking.
function writeAll(fd, s) {
	let buf = Buffer.from(s);
	while (buf.length > 0) {
		try {
			buf = buf.subarray(fs.writeSync(fd, buf));
		} catch (err) {
			if (err.code !== 'EAGAIN') throw err;
		}
	}
}

function text(v) {
	if (v === null || v === undefined) return '';
	return String(v); // BigInt, numbers, strings; DuckDB values have toString
}

async function main() {
	const o = parseArgs(process.argv.slice(2));
	const [db, sql] = o.rest;
	// require() from the cache folder: the repository has no node_modules.
	const { DuckDBInstance } = require(require.resolve('@duckdb/node-api', { paths: [path.resolve(o.modules)] }));
	const instance = await DuckDBInstance.create(db, o.write ? {} : { access_mode: 'READ_ONLY' });
	const conn = await instance.connect();
	const out = process.stdout.fd;
	const t0 = performance.now();
	// Streamed chunk by chunk, so that a million rows are never all in
	// memory as JavaScript values at once.
	const result = await conn.stream(sql);
	for (;;) {
		const chunk = await result.fetchChunk();
		if (chunk === null || chunk.rowCount === 0) break;
		const rows = chunk.getRows();
		let s = '';
		for (const r of rows) s += r.map(text).join('|') + '\n';
		writeAll(out, s);
	}
	const ms = performance.now() - t0;
	if (o.times !== '') fs.appendFileSync(o.times, `${ms.toFixed(2)}\n`);
	// Closing checkpoints a written database into its file (no WAL left
	// beside it), which the file size row measures.
	conn.closeSync();
	instance.closeSync();
}

main().catch((err) => {
	process.stderr.write(`duckdb.js: ${err && err.message ? err.message : err}\n`);
	process.exit(1);
});
