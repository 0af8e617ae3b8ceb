#!/usr/bin/env bash
# bench/compare.sh: uptake against sqlite3, and DuckDB where it can be
# installed, on a million synthetic figures (200 apps × 50 countries × 100
# months), side by side on this machine.
#
#   bash bench/compare.sh            # from the repository's root, or anywhere
#   RUNS=15 bash bench/compare.sh    # more runs per measure (default 9)
#   KEEP=1 bash bench/compare.sh     # keep the work folder (CSV, databases)
#   DUCKDB=0 bash bench/compare.sh   # without DuckDB, even if it is installed
#
# It builds uptake and the generator, writes the CSV, installs sqlite3
# with apt-get when it is missing and DuckDB's Node package with npm into
# a cache folder (once; a machine without network has no DuckDB column),
# then times each measure as whole processes, interleaved (uptake,
# sqlite3, DuckDB, uptake, sqlite3, DuckDB, … after one untimed run of
# each, so that a change of load on a shared machine falls on all alike),
# RUNS rounds, and prints the median wall time, the peak resident memory
# and the file sizes, with the ratios uptake/sqlite3 and uptake/DuckDB
# (below 1: uptake is faster or smaller). The dashboard's
# first frame, a view switch and the Data view's first page have no
# command of their own: their rows come from Go benchmarks (ui, Million).
# It also re-imports the million three times with every figure changed
# (the file size after each, which undo's history must not blow up) and
# imports five million figures in one file against sqlite3's .import of
# the same (one run each). The whole run takes five to ten minutes.
set -euo pipefail

RUNS=${RUNS:-9}
WARMUP=1
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
W=$(mktemp -d "${TMPDIR:-/tmp}/uptake-compare.XXXXXX")
if [[ -z "${KEEP:-}" ]]; then
	trap 'rm -rf "$W"' EXIT
else
	echo "work folder: $W" >&2
fi
say() { echo "compare: $*" >&2; }
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

if ! command -v sqlite3 >/dev/null; then
	say "installing sqlite3"
	apt-get update -qq >/dev/null && apt-get install -y -qq sqlite3 >/dev/null
fi

# ---- DuckDB, the third column, where it can be installed -----------------
# The issue asks for DuckDB beside sqlite3 where it is installed. Its Node
# package, @duckdb/node-api, ships the library for linux-x64 as an npm
# dependency, so npm is all it takes (no system package, no PyPI). It goes
# into a cache folder outside the repository, once, at a pinned version
# (1.5.6-r.1 is DuckDB 1.5.6 and runs on Node 20). Any failure leaves the
# reason in duck_why and the table without a DuckDB column: the script
# must still work on a machine without network.
DUCKDB_NODE_API=1.5.6-r.1
duck_dir=${XDG_CACHE_HOME:-$HOME/.cache}/uptake-bench/duckdb-$DUCKDB_NODE_API
DN=(node "$root/bench/duckdb.js" -modules "$duck_dir") # the runner: one statement, one process
duck="" duck_why="" duck_version=""
duck_setup() {
	if [[ "${DUCKDB:-1}" == 0 ]]; then
		duck_why="DUCKDB=0"
		return
	fi
	if ! command -v node >/dev/null; then
		duck_why="node not found"
		return
	fi
	if [[ ! -f "$duck_dir/node_modules/@duckdb/node-api/package.json" ]]; then
		if ! command -v npm >/dev/null; then
			duck_why="npm not found"
			return
		fi
		say "installing @duckdb/node-api@$DUCKDB_NODE_API into $duck_dir (once)"
		mkdir -p "$(dirname "$duck_dir")"
		# Into a folder of its own first, renamed when whole, so that an
		# interrupted install is not taken for a finished one next time.
		local tmp
		tmp=$(mktemp -d "$duck_dir.partial.XXXXXX")
		# timeout: without network npm retries for minutes.
		if ! timeout 300 npm install --prefix "$tmp" --no-audit --no-fund --fetch-retries 1 \
			"@duckdb/node-api@$DUCKDB_NODE_API" >"$W/npm.log" 2>&1; then
			rm -rf "$tmp"
			# The line that says why (no network, no such version), else
			# the error code, else npm's last word.
			duck_why=$(grep -m1 -E 'npm (error|ERR!) (FetchError|network|404)' "$W/npm.log" ||
				grep -m1 -E 'npm (error|ERR!) code' "$W/npm.log" || tail -n 1 "$W/npm.log" || true)
			duck_why="npm install failed: ${duck_why#npm error }"
			duck_why=${duck_why:0:200}
			return
		fi
		if ! mv -T "$tmp" "$duck_dir" 2>/dev/null; then
			rm -rf "$tmp" # installed meanwhile by another run: use that
		fi
	fi
	if ! duck_version=$("${DN[@]}" -write :memory: "SELECT version()" 2>"$W/duck.err"); then
		duck_why="the library does not load: $(head -c 200 "$W/duck.err")"
		return
	fi
	duck=1
}
duck_setup
if [[ -n "$duck" ]]; then
	say "duckdb: $duck_version (@duckdb/node-api $DUCKDB_NODE_API, node $(node --version)) from $duck_dir"
else
	say "duckdb: not installed ($duck_why)"
fi

say "building uptake, uptake-gen and timeit"
go build -o "$W/uptake" .
go build -o "$W/uptake-gen" ./cmd/uptake-gen
go build -o "$W/timeit" ./bench/timeit
go build -o "$W/hello" ./bench/hello
U="$W/uptake"
T() { "$W/timeit" -n "$RUNS" -warmup "$WARMUP" "$@"; }

say "writing the CSV (1,000,000 figures) and the launches"
"$W/uptake-gen" -o "$W/big.csv" -launches "$W/launches.csv"

# sqlite3's side: one table keyed by the figure's identity, WITHOUT ROWID
# so that the rows are stored in key order in one b-tree, as uptake keeps
# them (with a rowid table and its separate key index the file is ~45%
# larger and the import no faster). Default settings: journal and fsync
# on, as uptake commits with fsync; .import runs in one transaction.
cat >"$W/schema.sql" <<'SQL'
CREATE TABLE figures(
  app TEXT NOT NULL, country TEXT NOT NULL, "from" TEXT NOT NULL, "to" TEXT NOT NULL,
  installs INTEGER NOT NULL, source TEXT, note TEXT, estimate TEXT,
  PRIMARY KEY (app, country, "from", "to")) WITHOUT ROWID;
CREATE TABLE launches(app TEXT NOT NULL, country TEXT NOT NULL, launched TEXT NOT NULL,
  PRIMARY KEY (app, country)) WITHOUT ROWID;
SQL
# DuckDB's side: the same columns, loaded with CREATE TABLE … AS from
# read_csv in one statement (one transaction). No key: DuckDB stores
# columns with min/max per row group, and the CSV is already in key
# order, so a filter on app skips what it does not need without an index
# (a PRIMARY KEY would add an ART index that makes the import slower and
# the file larger).
duck_load() { # table, CSV, columns
	echo "CREATE TABLE $1 AS SELECT * FROM read_csv('$2', header = true, columns = {$3})"
}
duck_figures=$(duck_load figures "$W/big.csv" "'app': 'VARCHAR', 'country': 'VARCHAR', 'from': 'VARCHAR', 'to': 'VARCHAR', 'installs': 'BIGINT', 'source': 'VARCHAR', 'note': 'VARCHAR', 'estimate': 'VARCHAR'")
duck_launches=$(duck_load launches "$W/launches.csv" "'app': 'VARCHAR', 'country': 'VARCHAR', 'launched': 'VARCHAR'")

# nth N LINES: the Nth line of timeit's output, one line per command.
nth() { sed -n "$1p" <<<"$2"; }
# inproc FILE: the median of the DuckDB runner's in-process times (ms),
# one line per run, leaving out the warm-up runs.
inproc() {
	[[ -s "$1" ]] || return 0
	tail -n "+$((WARMUP + 1))" "$1" | sort -n |
		awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else if (NR) print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

say "timing the import ($RUNS rounds, interleaved)"
imp_args=(-prepare "rm -f '$W/u.db'" -prepare "rm -f '$W/s.db' && sqlite3 '$W/s.db' < '$W/schema.sql'")
imp_cmds=(-- "$U" -import "$W/big.csv" -no-ui -db "$W/u.db"
	-- sqlite3 "$W/s.db" -cmd ".mode csv" ".import --skip 1 '$W/big.csv' figures")
if [[ -n "$duck" ]]; then
	imp_args+=(-prepare "rm -f '$W/d.db' '$W/d.db.wal'")
	imp_cmds+=(-- "${DN[@]}" -write -times "$W/dq.import" "$W/d.db" "$duck_figures")
fi
imp=$(T "${imp_args[@]}" "${imp_cmds[@]}")
imp_u=$(nth 1 "$imp")
imp_s=$(nth 2 "$imp")
imp_d=$(nth 3 "$imp")
reimp_u=$(T -- "$U" -import "$W/big.csv" -no-ui -db "$W/u.db")
"$U" -import "$W/big.csv" -no-ui -db "$W/u.db" 2>"$W/reimport.txt"
"$U" -import "$W/launches.csv" -no-ui -db "$W/u.db" 2>/dev/null
sqlite3 "$W/s.db" -cmd ".mode csv" ".import --skip 1 '$W/launches.csv' launches"
if [[ -n "$duck" ]]; then
	"${DN[@]}" -write "$W/d.db" "$duck_launches" >/dev/null
fi
# The data export ends with the launches (app,country,,,…,launched): not figures.
n_u=$("$U" -export data -format csv -db "$W/u.db" | tail -n +2 | grep -cv ',,,,,,,,,')
n_s=$(sqlite3 "$W/s.db" "SELECT count(*) FROM figures")
n_d=1000000
if [[ -n "$duck" ]]; then
	n_d=$("${DN[@]}" "$W/d.db" "SELECT count(*) FROM figures")
fi
if [[ "$n_u" != 1000000 || "$n_s" != 1000000 || "$n_d" != 1000000 ]]; then
	echo "compare: expected 1000000 figures, uptake has $n_u, sqlite3 $n_s and DuckDB $n_d" >&2
	exit 1
fi

A="Synthetic App 001"
TEN=$(for i in $(seq -f %03g 1 10); do printf 'Synthetic App %s,' "$i"; done)
TEN=${TEN%,}
TEN_SQL="'${TEN//,/\',\'}'"
month='(CAST(substr(%s,1,4) AS INTEGER)*12 + CAST(substr(%s,6,2) AS INTEGER))'
m_from=$(printf "$month" 'f."from"' 'f."from"')
m_launch=$(printf "$month" l.launched l.launched)

say "timing the views ($RUNS rounds, interleaved)"
names=() uptake=() sqlite=() duckdb=() duckq=()
# row NAME UPTAKE-ARGS SQL: one measure, uptake's export against the
# plainest SQL that gives the view's numbers, run by sqlite3 and by
# DuckDB (the same text: it is plain enough for both), timed interleaved.
# The SQL is run once first and its row count said (to stderr), so that
# a query that finds nothing cannot pass for a fast one, nor one that
# DuckDB reads otherwise than sqlite3.
row() {
	local name=$1 args=$2 sql=$3 n nd="" res k=${#names[@]}
	local -a ucmd cmds
	eval "ucmd=(\"\$U\" -db \"\$W/u.db\" $args)"
	n=$(sqlite3 "$W/s.db" "$sql" | wc -l)
	cmds=(-- "${ucmd[@]}" -- sqlite3 "$W/s.db" "$sql")
	if [[ -n "$duck" ]]; then
		nd=$("${DN[@]}" "$W/d.db" "$sql" | wc -l)
		cmds+=(-- "${DN[@]}" -times "$W/dq.$k" "$W/d.db" "$sql")
	fi
	say "rows: $name: sqlite3 $n${duck:+, duckdb $nd}"
	if ((n == 0)); then
		say "the SQL of \"$name\" returns no rows: fix the query or the data"
		exit 1
	fi
	if [[ -n "$duck" && "$nd" != "$n" ]]; then
		say "the SQL of \"$name\" returns $n rows in sqlite3 and $nd in DuckDB"
		exit 1
	fi
	res=$(T "${cmds[@]}")
	names+=("$name")
	uptake+=("$(nth 1 "$res")")
	sqlite+=("$(nth 2 "$res")")
	duckdb+=("$(nth 3 "$res")")
	duckq+=("$(inproc "$W/dq.$k")")
}
row "process start: -h / SELECT 1" "-h" "SELECT 1"
# The floor: a Go program that prints one line, against the same SELECT 1.
# What uptake's rows spend above it is uptake's own; what it spends above
# sqlite3 is the Go runtime's start.
floor=$(T -- "$W/hello" -- sqlite3 "$W/s.db" "SELECT 1")
names+=("floor: Go hello-world / SELECT 1")
uptake+=("$(nth 1 "$floor")")
sqlite+=("$(nth 2 "$floor")")
duckdb+=("")
duckq+=("")
row "curves: 1 app, 1 country" "-export curves -app \"\$A\" -country IN" \
	"SELECT \"from\", installs FROM figures WHERE app='$A' AND country='IN' ORDER BY \"from\""
row "curves: 1 app, WW summed from 50" "-export curves -app \"\$A\" -country WW" \
	"SELECT \"from\", SUM(installs) FROM figures WHERE app='$A' GROUP BY \"from\" ORDER BY \"from\""
row "countries: 1 app, all time" "-export countries -app \"\$A\"" \
	"SELECT country, SUM(installs) AS n FROM figures WHERE app='$A' GROUP BY country ORDER BY n DESC"
row "compare: 10 apps since launch, IN" "-export compare -app \"\$TEN\" -country IN -since-launch" \
	"SELECT app, m, SUM(installs) OVER (PARTITION BY app ORDER BY m) FROM (SELECT f.app, f.installs, $m_from - $m_launch + 1 AS m FROM figures f JOIN launches l ON l.app = f.app AND l.country = f.country WHERE f.app IN ($TEN_SQL) AND f.country = 'IN') ORDER BY app, m"
# Share: each app's installs over the ten's sum, month by month, in the
# months where all ten have a figure (the view's "common" months).
row "share: 10 apps, IN" "-export share -app \"\$TEN\" -country IN" \
	"SELECT \"from\", app, installs, share FROM (SELECT \"from\", app, installs, 1.0 * installs / SUM(installs) OVER (PARTITION BY \"from\") AS share, COUNT(*) OVER (PARTITION BY \"from\") AS apps FROM figures WHERE app IN ($TEN_SQL) AND country = 'IN') WHERE apps = 10 ORDER BY \"from\", app"
# Ranking: each app's installs in the latest 12 months with figures in
# the market and in the 12 before, ranked, with the change and the move
# (both ranks are taken before the apps without a figure in the window
# are left out, as the view ranks the previous window in full).
m_plain=$(printf "$month" '"from"' '"from"')
row "ranking: all apps, IN, last 12 months" "-export ranking -country IN" \
	"SELECT * FROM (SELECT RANK() OVER (ORDER BY now DESC NULLS LAST) AS rank, app, now, before, round(100.0 * (now - before) / before) AS change_pct, RANK() OVER (ORDER BY before DESC NULLS LAST) - RANK() OVER (ORDER BY now DESC NULLS LAST) AS move FROM (SELECT app, SUM(CASE WHEN m > last - 12 THEN installs END) AS now, SUM(CASE WHEN m <= last - 12 THEN installs END) AS before FROM (SELECT app, installs, $m_plain AS m FROM figures WHERE country = 'IN'), (SELECT max($m_plain) AS last FROM figures WHERE country = 'IN') WHERE m > last - 24 GROUP BY app)) WHERE now IS NOT NULL ORDER BY rank, app"

page_sql="SELECT * FROM figures ORDER BY app, country, \"from\", \"to\" LIMIT 40"
page_cmds=(-- sqlite3 "$W/s.db" "$page_sql")
if [[ -n "$duck" ]]; then
	page_cmds+=(-- "${DN[@]}" -times "$W/dq.page" "$W/d.db" "$page_sql")
fi
page=$(T "${page_cmds[@]}")
page_s=$(nth 1 "$page")
page_d=$(nth 2 "$page")


# The file as it is used: re-imports that change every figure (each keeps
# its old values for undo) must leave it small; a copy of the database, so
# that the views above and below read the million as imported.
say "re-importing the million three times, every figure changed (uptake-gen -seed 2, 3, 4)"
for s in 2 3 4; do "$W/uptake-gen" -seed "$s" -o "$W/big$s.csv"; done
rm -f "$W/r.db"
"$U" -import "$W/big.csv" -no-ui -db "$W/r.db" 2>/dev/null
size_r0=$(stat -c %s "$W/r.db")
declare -a reimp_r size_r
for s in 2 3 4; do
	reimp_r+=("$("$W/timeit" -n 1 -warmup 0 -- "$U" -import "$W/big$s.csv" -no-ui -db "$W/r.db")")
	size_r+=("$(stat -c %s "$W/r.db")")
done
n_r=$("$U" -export data -format csv -db "$W/r.db" | grep -c ',synthetic benchmark data' || true)
rm -f "$W/big2.csv" "$W/big3.csv" "$W/big4.csv"

# Five million figures in one file, one transaction (1 run each).
say "writing 5,000,000 figures (uptake-gen -apps 1000) and importing them in one file (1 run each)"
"$W/uptake-gen" -apps 1000 -o "$W/big5m.csv"
imp5_u=$("$W/timeit" -n 1 -warmup 0 -prepare "rm -f '$W/u5.db'" -- "$U" -import "$W/big5m.csv" -no-ui -db "$W/u5.db")
imp5_s=$("$W/timeit" -n 1 -warmup 0 -prepare "rm -f '$W/s5.db' && sqlite3 '$W/s5.db' < '$W/schema.sql'" -- \
	sqlite3 "$W/s5.db" -cmd ".mode csv" ".import --skip 1 '$W/big5m.csv' figures")
size5_u=$(stat -c %s "$W/u5.db")
size5_s=$(stat -c %s "$W/s5.db")
rm -f "$W/big5m.csv" "$W/u5.db" "$W/s5.db"
say "timing the full data dump (3 rounds, interleaved)"
dump_sql="SELECT * FROM figures ORDER BY app, country, \"from\", \"to\""
dump_cmds=(-- "$U" -db "$W/u.db" -export data -format csv -- sqlite3 -csv "$W/s.db" "$dump_sql")
if [[ -n "$duck" ]]; then
	# DuckDB's own CSV writer, as sqlite3 -csv is sqlite3's: rows made
	# into JavaScript values and back would time node, not DuckDB.
	dump_cmds+=(-- "${DN[@]}" -times "$W/dq.dump" "$W/d.db" "COPY ($dump_sql) TO '/dev/stdout' (FORMAT csv)")
fi
dump=$("$W/timeit" -n 3 -warmup "$WARMUP" "${dump_cmds[@]}")
dump_u=$(nth 1 "$dump")
dump_s=$(nth 2 "$dump")
dump_d=$(nth 3 "$dump")

say "running the Go benchmarks of the dashboard (ui, Million)"
go test -c -o "$W/ui.test" ./ui
gobench=$(cd ui && for pattern in 'Million/(FirstFrame|ViewSwitch)' 'Million/Data/FirstPage'; do
	"$W/ui.test" -test.run '^$' -test.bench "$pattern" -test.benchtime 10x 2>&1 | grep -E '^BenchmarkMillion/' || true
done)
gons() { echo "$gobench" | awk -v n="$1" '$1 ~ "^BenchmarkMillion/" n "-[0-9]+$" { for (i = 2; i <= NF; i++) if ($(i + 1) == "ns/op") print $i / 1e6 }'; }

# ---- the table ----------------------------------------------------------
# Every helper prints nothing for an empty value, so that a cell of a
# measure a side does not have (uptake's second import, DuckDB absent)
# stays blank.
field() { echo "$1" | awk -v k="$2" '{print $k}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "" && b > 0) printf "%.2f×", a / b }'; }
msfmt() { awk -v x="$1" 'BEGIN { if (x == "") exit; if (x >= 1000) printf "%.2f s", x / 1000; else printf "%.1f ms", x }'; }
mbfmt() { awk -v x="$1" 'BEGIN { if (x == "") exit; if (x == 0) print "-"; else printf "%.1f MB", x / 1024 }'; }
sizefmt() { awk -v x="$1" 'BEGIN { if (x != "") printf "%.1f MB", x / 1048576 }'; }
# filesize FILE...: the bytes of a database and its WAL, if any.
filesize() {
	local f n=0
	for f; do
		if [[ -f "$f" ]]; then n=$((n + $(stat -c %s "$f"))); fi
	done
	echo "$n"
}

# tline NAME UPTAKE SQLITE DUCKDB DUCKDB-Q RATIO-S RATIO-D RSS: one line of
# the table, cells already written; without DuckDB its cells are left out.
# Widths are counted in characters (bash's printf counts bytes, and ×, †
# and ‡ are two or three); trailing blanks are dropped.
lpad() { printf '%*s%s' $(($1 - ${#2} > 0 ? $1 - ${#2} : 0)) '' "$2"; }
rpad() { printf '%s%*s' "$2" $(($1 - ${#2} > 0 ? $1 - ${#2} : 0)) ''; }
tline() {
	local l
	if [[ -n "$duck" ]]; then
		l="$(rpad 38 "$1") $(lpad 10 "$2") $(lpad 10 "$3") $(lpad 10 "$4") $(lpad 10 "$5") $(lpad 10 "$6") $(lpad 10 "$7")   $8"
	else
		l="$(rpad 38 "$1") $(lpad 12 "$2") $(lpad 12 "$3") $(lpad 10 "$6")   $8"
	fi
	echo "${l%"${l##*[![:space:]]}"}"
}
# trow NAME UPTAKE SQLITE [DUCKDB [DUCKDB-Q]]: a measure's line from
# timeit's result lines (median first, peak RSS fourth).
trow() {
	local name=$1 u=$2 s=$3 d=${4:-} dq=${5:-} rss
	rss="$(mbfmt "$(field "$u" 4)")${s:+ / $(mbfmt "$(field "$s" 4)")}${d:+ / $(mbfmt "$(field "$d" 4)")}"
	tline "$name" "$(msfmt "$(field "$u" 1)")" "$(msfmt "$(field "$s" 1)")" "$(msfmt "$(field "$d" 1)")" "$(msfmt "$dq")" \
		"$(ratio "$(field "$u" 1)" "$(field "$s" 1)")" "$(ratio "$(field "$u" 1)" "$(field "$d" 1)")" "$rss"
}
size_u=$(filesize "$W/u.db")
size_s=$(filesize "$W/s.db")
size_d=""
if [[ -n "$duck" ]]; then
	size_d=$(filesize "$W/d.db" "$W/d.db.wal")
fi

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
mem=$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)
echo
echo "uptake vs sqlite3 $(sqlite3 --version | cut -d' ' -f1)${duck:+ vs DuckDB $duck_version†}, 1,000,000 figures (200 apps × 50 countries × 100 months)"
echo "machine: $(nproc) cores, $cpu, $mem; load average $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo "median of $RUNS interleaved runs, whole processes; ratio: uptake's time or size over the other's"
if [[ -z "$duck" ]]; then
	echo "duckdb: not installed ($duck_why)"
fi
echo
tline "measure" "uptake" "sqlite3" "duckdb†" "duckdb in" "uptake/" "uptake/" "peak RSS uptake / sqlite3${duck:+ / duckdb}"
tline "" "" "" "" "process‡" "sqlite3" "duckdb" ""
dashes() { printf '%*s' "$1" '' | tr ' ' -; }
w=$([[ -n "$duck" ]] && echo 10 || echo 12)
tline "$(dashes 38)" "$(dashes "$w")" "$(dashes "$w")" "$(dashes 10)" "$(dashes 10)" "$(dashes 10)" "$(dashes 10)" "$(dashes 25)"
trow "import (one transaction)" "$imp_u" "$imp_s" "$imp_d" "$(inproc "$W/dq.import")"
trow "import again (all unchanged)" "$reimp_u" ""
tline "file size" "$(sizefmt "$size_u")" "$(sizefmt "$size_s")" "$(sizefmt "$size_d")" "" \
	"$(ratio "$size_u" "$size_s")" "$(ratio "$size_u" "$size_d")" ""
for i in 0 1 2; do
	trow "re-import $((i + 1)), every figure changed" "${reimp_r[$i]}" ""
done
tline "file size: 1 import, then 3 re-imports" "$(sizefmt "$size_r0")" "" "" "" "" "" \
	"$(sizefmt "${size_r[0]}"), $(sizefmt "${size_r[1]}"), $(sizefmt "${size_r[2]}"): $(awk -v a="${size_r[2]}" -v b="$size_r0" 'BEGIN { printf "%.2f", a / b }')× the first"
trow "import 5,000,000 figures, one file" "$imp5_u" "$imp5_s"
tline "file size, 5,000,000 figures" "$(sizefmt "$size5_u")" "$(sizefmt "$size5_s")" "" "" "$(ratio "$size5_u" "$size5_s")" "" ""
for i in "${!names[@]}"; do
	trow "${names[$i]}" "${uptake[$i]}" "${sqlite[$i]}" "${duckdb[$i]}" "${duckq[$i]}"
done
fp=$(gons Data/FirstPage)
# uptake's side is a Go benchmark: its median is the ns/op, its RSS unknown (0).
trow "data: first page (uptake: Go bench*)" "${fp:-0} 0 0 0 0" "$page_s" "$page_d" "$(inproc "$W/dq.page")"
trow "data: every figure, CSV (3 runs)" "$dump_u" "$dump_s" "$dump_d" "$(inproc "$W/dq.dump")"
echo
echo "* uptake has no command that prints one page: its row is the dashboard's Data view opening on the"
echo "  million (read the first apps' packed figures, draw the first 33 rows; the whole table follows behind),"
echo "  in process; the others' is a LIMIT 40 query."
if [[ -n "$duck" ]]; then
	echo "† DuckDB runs in node (bench/duckdb.js, @duckdb/node-api $DUCKDB_NODE_API, node $(node --version)): its"
	echo "  whole-process time includes node's start-up, loading the library and opening the file, as its"
	echo "  'process start' row shows. ‡ The statement alone, in the same runs: from sending the SQL to the"
	echo "  last row written (the import: the CREATE TABLE … AS read_csv)."
fi
echo "CPU time (user+system, median): import uptake $(msfmt "$(field "$imp_u" 5)"), sqlite3 $(msfmt "$(field "$imp_s" 5)")${duck:+, duckdb $(msfmt "$(field "$imp_d" 5)")}"
echo "second import: $(cat "$W/reimport.txt")"
echo "after the three re-imports the file holds $n_r figures (want 1000000); its undo keeps the last re-import, the older steps are dropped and named"
echo
echo "dashboard on the million (Go benchmarks over the ui model, no process start; goals: first frame 100 ms, view switch 16 ms):"
echo "$gobench" | awk '/ns\/op/ { name = $1; sub(/^BenchmarkMillion\//, "", name); sub(/-[0-9]+$/, "", name); for (i = 2; i <= NF; i++) if ($(i + 1) == "ns/op") printf "  %-34s %8.1f ms\n", name, $i / 1e6 }'
