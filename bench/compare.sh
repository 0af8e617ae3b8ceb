#!/usr/bin/env bash
# bench/compare.sh: uptake against sqlite3 on a million synthetic figures
# (200 apps × 50 countries × 100 months), side by side on this machine.
#
#   bash bench/compare.sh            # from the repository's root, or anywhere
#   RUNS=15 bash bench/compare.sh    # more runs per measure (default 9)
#   KEEP=1 bash bench/compare.sh     # keep the work folder (CSV, databases)
#
# It builds uptake and the generator, writes the CSV, installs sqlite3
# with apt-get when it is missing, then times each measure as whole
# processes, interleaved (uptake, sqlite3, uptake, sqlite3, … after one
# untimed run of each, so that a change of load on a shared machine falls
# on both alike), RUNS rounds, and prints the median wall time, the peak
# resident memory and the file sizes, with the ratio uptake/sqlite3
# (below 1: uptake is faster or smaller). The dashboard's
# first frame, a view switch and the Data view's first page have no
# command of their own: their rows come from Go benchmarks (ui, Million).
# The whole run takes four to eight minutes.
set -euo pipefail

RUNS=${RUNS:-9}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
W=$(mktemp -d "${TMPDIR:-/tmp}/uptake-compare.XXXXXX")
if [[ -z "${KEEP:-}" ]]; then
	trap 'rm -rf "$W"' EXIT
else
	echo "work folder: $W" >&2
fi
say() { echo "compare: $*" >&2; }

if ! command -v sqlite3 >/dev/null; then
	say "installing sqlite3"
	apt-get update -qq >/dev/null && apt-get install -y -qq sqlite3 >/dev/null
fi

say "building uptake, uptake-gen and timeit"
go build -o "$W/uptake" .
go build -o "$W/uptake-gen" ./cmd/uptake-gen
go build -o "$W/timeit" ./bench/timeit
U="$W/uptake"
T() { "$W/timeit" -n "$RUNS" "$@"; }

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

# nth N LINES: the Nth line of timeit's output, one line per command.
nth() { sed -n "$1p" <<<"$2"; }

say "timing the import ($RUNS rounds, interleaved)"
imp=$(T -prepare "rm -f '$W/u.db'" -prepare "rm -f '$W/s.db' && sqlite3 '$W/s.db' < '$W/schema.sql'" \
	-- "$U" -import "$W/big.csv" -no-ui -db "$W/u.db" \
	-- sqlite3 "$W/s.db" -cmd ".mode csv" ".import --skip 1 '$W/big.csv' figures")
imp_u=$(nth 1 "$imp")
imp_s=$(nth 2 "$imp")
reimp_u=$(T -- "$U" -import "$W/big.csv" -no-ui -db "$W/u.db")
"$U" -import "$W/big.csv" -no-ui -db "$W/u.db" 2>"$W/reimport.txt"
"$U" -import "$W/launches.csv" -no-ui -db "$W/u.db" 2>/dev/null
sqlite3 "$W/s.db" -cmd ".mode csv" ".import --skip 1 '$W/launches.csv' launches"
# The data export ends with the launches (app,country,,,…,launched): not figures.
n_u=$("$U" -export data -format csv -db "$W/u.db" | tail -n +2 | grep -cv ',,,,,,,,,')
n_s=$(sqlite3 "$W/s.db" "SELECT count(*) FROM figures")
if [[ "$n_u" != 1000000 || "$n_s" != 1000000 ]]; then
	echo "compare: expected 1000000 figures, uptake has $n_u and sqlite3 $n_s" >&2
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
declare -a names uptake sqlite
# row NAME UPTAKE-ARGS SQL: one measure, uptake's export against the
# plainest SQL that gives the view's numbers, timed interleaved. The SQL
# is run once first and its row count said (to stderr), so that a query
# that finds nothing cannot pass for a fast one.
row() {
	local name=$1 args=$2 sql=$3 n res
	local -a ucmd
	eval "ucmd=(\"\$U\" -db \"\$W/u.db\" $args)"
	n=$(sqlite3 "$W/s.db" "$sql" | wc -l)
	say "rows: $name: sqlite3 $n"
	if ((n == 0)); then
		say "the SQL of \"$name\" returns no rows: fix the query or the data"
		exit 1
	fi
	res=$(T -- "${ucmd[@]}" -- sqlite3 "$W/s.db" "$sql")
	names+=("$name")
	uptake+=("$(nth 1 "$res")")
	sqlite+=("$(nth 2 "$res")")
}
row "process start: -h / SELECT 1" "-h" "SELECT 1"
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
page_s=$(T -- sqlite3 "$W/s.db" "SELECT * FROM figures ORDER BY app, country, \"from\", \"to\" LIMIT 40")
say "timing the full data dump (3 rounds, interleaved)"
dump=$("$W/timeit" -n 3 -- "$U" -db "$W/u.db" -export data -format csv \
	-- sqlite3 -csv "$W/s.db" "SELECT * FROM figures ORDER BY app, country, \"from\", \"to\"")
dump_u=$(nth 1 "$dump")
dump_s=$(nth 2 "$dump")

say "running the Go benchmarks of the dashboard (ui, Million)"
go test -c -o "$W/ui.test" ./ui
gobench=$(cd ui && for pattern in 'Million/(FirstFrame|ViewSwitch)' 'Million/Data/FirstPage'; do
	"$W/ui.test" -test.run '^$' -test.bench "$pattern" -test.benchtime 10x 2>&1 | grep -E '^BenchmarkMillion/' || true
done)
gons() { echo "$gobench" | awk -v n="$1" '$1 ~ "^BenchmarkMillion/" n "-[0-9]+$" { for (i = 2; i <= NF; i++) if ($(i + 1) == "ns/op") print $i / 1e6 }'; }

# ---- the table ----------------------------------------------------------
field() { echo "$1" | awk -v k="$2" '{print $k}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "-" }'; }
msfmt() { awk -v x="$1" 'BEGIN { if (x >= 1000) printf "%.2f s", x / 1000; else printf "%.1f ms", x }'; }
mbfmt() { awk -v x="$1" 'BEGIN { printf "%.1f MB", x / 1024 }'; }
size_u=$(stat -c %s "$W/u.db")
size_s=$(stat -c %s "$W/s.db")

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
mem=$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)
echo
echo "uptake vs sqlite3 $(sqlite3 --version | cut -d' ' -f1), 1,000,000 figures (200 apps × 50 countries × 100 months)"
echo "machine: $(nproc) cores, $cpu, $mem; load average $(cut -d' ' -f1-3 /proc/loadavg); median of $RUNS interleaved runs, whole processes"
echo
printf '%-38s %12s %12s %10s   %s\n' "measure" "uptake" "sqlite3" "ratio" "peak RSS uptake / sqlite3"
printf '%-38s %12s %12s %10s   %s\n' "--------------------------------------" "------------" "------------" "----------" "-------------------------"
printf '%-38s %12s %12s %10s   %s / %s\n' "import (one transaction)" "$(msfmt "$(field "$imp_u" 1)")" "$(msfmt "$(field "$imp_s" 1)")" \
	"$(ratio "$(field "$imp_u" 1)" "$(field "$imp_s" 1)")" "$(mbfmt "$(field "$imp_u" 4)")" "$(mbfmt "$(field "$imp_s" 4)")"
printf '%-38s %12s %12s %10s   %s\n' "import again (all unchanged)" "$(msfmt "$(field "$reimp_u" 1)")" "" "" "$(mbfmt "$(field "$reimp_u" 4)")"
printf '%-38s %12s %12s %10s\n' "file size" "$(awk -v x="$size_u" 'BEGIN { printf "%.1f MB", x / 1048576 }')" \
	"$(awk -v x="$size_s" 'BEGIN { printf "%.1f MB", x / 1048576 }')" "$(ratio "$size_u" "$size_s")"
for i in "${!names[@]}"; do
	printf '%-38s %12s %12s %10s   %s / %s\n' "${names[$i]}" "$(msfmt "$(field "${uptake[$i]}" 1)")" "$(msfmt "$(field "${sqlite[$i]}" 1)")" \
		"$(ratio "$(field "${uptake[$i]}" 1)" "$(field "${sqlite[$i]}" 1)")" "$(mbfmt "$(field "${uptake[$i]}" 4)")" "$(mbfmt "$(field "${sqlite[$i]}" 4)")"
done
fp=$(gons Data/FirstPage)
printf '%-38s %12s %12s %10s   %s\n' "data: first page (uptake: Go bench*)" "$(msfmt "${fp:-0}")" "$(msfmt "$(field "$page_s" 1)")" \
	"$(ratio "${fp:-0}" "$(field "$page_s" 1)")" "- / $(mbfmt "$(field "$page_s" 4)")"
printf '%-38s %12s %12s %10s   %s / %s\n' "data: every figure, CSV (3 runs)" "$(msfmt "$(field "$dump_u" 1)")" "$(msfmt "$(field "$dump_s" 1)")" \
	"$(ratio "$(field "$dump_u" 1)" "$(field "$dump_s" 1)")" "$(mbfmt "$(field "$dump_u" 4)")" "$(mbfmt "$(field "$dump_s" 4)")"
echo
echo "* uptake has no command that prints one page: its row is the dashboard's Data view opening on the"
echo "  million (read the packed figures, draw the first 33 rows), in process; sqlite3's is a LIMIT 40 query."
echo "CPU time (user+system, median): import uptake $(msfmt "$(field "$imp_u" 5)"), sqlite3 $(msfmt "$(field "$imp_s" 5)")"
echo "second import: $(cat "$W/reimport.txt")"
echo
echo "dashboard on the million (Go benchmarks over the ui model, no process start; goals: first frame 100 ms, view switch 16 ms):"
echo "$gobench" | awk '/ns\/op/ { name = $1; sub(/^BenchmarkMillion\//, "", name); sub(/-[0-9]+$/, "", name); for (i = 2; i <= NF; i++) if ($(i + 1) == "ns/op") printf "  %-34s %8.1f ms\n", name, $i / 1e6 }'
