#!/usr/bin/env bash
# bench/compare.sh: uptake against sqlite3 on a million synthetic figures
# (200 apps × 50 countries × 100 months), side by side on this machine.
#
#   bash bench/compare.sh            # from the repository's root, or anywhere
#   RUNS=9 bash bench/compare.sh     # more runs per measure (default 5)
#   KEEP=1 bash bench/compare.sh     # keep the work folder (CSV, databases)
#
# It builds uptake and the generator, writes the CSV, installs sqlite3
# with apt-get when it is missing, then times each measure as whole
# processes, RUNS times after one untimed run, and prints the median wall
# time, the peak resident memory and the file sizes, with the ratio
# uptake/sqlite3 (below 1: uptake is faster or smaller). The dashboard's
# first frame, a view switch and the Data view's first page have no
# command of their own: their rows come from Go benchmarks (ui, Million).
# It also re-imports the million three times with every figure changed
# (the file size after each, which undo's history must not blow up) and
# imports five million figures in one file against sqlite3's .import of
# the same (one run each). The whole run takes three to five minutes.
set -euo pipefail

RUNS=${RUNS:-5}
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

say "timing the import ($RUNS runs each)"
imp_u=$(T -prepare "rm -f '$W/u.db'" -- "$U" -import "$W/big.csv" -no-ui -db "$W/u.db")
imp_s=$(T -prepare "rm -f '$W/s.db' && sqlite3 '$W/s.db' < '$W/schema.sql'" -- \
	sqlite3 "$W/s.db" -cmd ".mode csv" ".import --skip 1 '$W/big.csv' figures")
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

say "timing the views ($RUNS runs each)"
declare -a names uptake sqlite
row() { # name, uptake args (one string, eval'd), then sqlite3's arguments after the file
	local name=$1 args=$2
	shift 2
	names+=("$name")
	uptake+=("$(eval "T -- \"\$U\" -db \"\$W/u.db\" $args")")
	sqlite+=("$(T -- sqlite3 "$W/s.db" "$@")")
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
page_s=$(T -- sqlite3 "$W/s.db" "SELECT * FROM figures ORDER BY app, country, \"from\", \"to\" LIMIT 40")

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
say "timing the full data dump (3 runs each)"
dump_u=$("$W/timeit" -n 3 -- "$U" -db "$W/u.db" -export data -format csv)
dump_s=$("$W/timeit" -n 3 -- sqlite3 -csv "$W/s.db" "SELECT * FROM figures ORDER BY app, country, \"from\", \"to\"")

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
echo "machine: $(nproc) cores, $cpu, $mem; load average $(cut -d' ' -f1-3 /proc/loadavg); median of $RUNS runs, whole processes"
echo
printf '%-38s %12s %12s %10s   %s\n' "measure" "uptake" "sqlite3" "ratio" "peak RSS uptake / sqlite3"
printf '%-38s %12s %12s %10s   %s\n' "--------------------------------------" "------------" "------------" "----------" "-------------------------"
printf '%-38s %12s %12s %10s   %s / %s\n' "import (one transaction)" "$(msfmt "$(field "$imp_u" 1)")" "$(msfmt "$(field "$imp_s" 1)")" \
	"$(ratio "$(field "$imp_u" 1)" "$(field "$imp_s" 1)")" "$(mbfmt "$(field "$imp_u" 4)")" "$(mbfmt "$(field "$imp_s" 4)")"
printf '%-38s %12s %12s %10s   %s\n' "import again (all unchanged)" "$(msfmt "$(field "$reimp_u" 1)")" "" "" "$(mbfmt "$(field "$reimp_u" 4)")"
printf '%-38s %12s %12s %10s\n' "file size" "$(awk -v x="$size_u" 'BEGIN { printf "%.1f MB", x / 1048576 }')" \
	"$(awk -v x="$size_s" 'BEGIN { printf "%.1f MB", x / 1048576 }')" "$(ratio "$size_u" "$size_s")"
sizefmt() { awk -v x="$1" 'BEGIN { printf "%.1f MB", x / 1048576 }'; }
for i in 0 1 2; do
	printf '%-38s %12s %12s %10s   %s\n' "re-import $((i + 1)), every figure changed" "$(msfmt "$(field "${reimp_r[$i]}" 1)")" "" "" "$(mbfmt "$(field "${reimp_r[$i]}" 4)")"
done
printf '%-38s %12s %12s %10s   %s\n' "file size: 1 import, then 3 re-imports" "$(sizefmt "$size_r0")" "" "" \
	"$(sizefmt "${size_r[0]}"), $(sizefmt "${size_r[1]}"), $(sizefmt "${size_r[2]}"): $(awk -v a="${size_r[2]}" -v b="$size_r0" 'BEGIN { printf "%.2f", a / b }')× the first"
printf '%-38s %12s %12s %10s   %s / %s\n' "import 5,000,000 figures, one file" "$(msfmt "$(field "$imp5_u" 1)")" "$(msfmt "$(field "$imp5_s" 1)")" \
	"$(ratio "$(field "$imp5_u" 1)" "$(field "$imp5_s" 1)")" "$(mbfmt "$(field "$imp5_u" 4)")" "$(mbfmt "$(field "$imp5_s" 4)")"
printf '%-38s %12s %12s %10s\n' "file size, 5,000,000 figures" "$(sizefmt "$size5_u")" "$(sizefmt "$size5_s")" "$(ratio "$size5_u" "$size5_s")"
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
echo "after the three re-imports the file holds $n_r figures (want 1000000); its undo keeps the last re-import, the older steps are dropped and named"
echo
echo "dashboard on the million (Go benchmarks over the ui model, no process start; goals: first frame 100 ms, view switch 16 ms):"
echo "$gobench" | awk '/ns\/op/ { name = $1; sub(/^BenchmarkMillion\//, "", name); sub(/-[0-9]+$/, "", name); for (i = 2; i <= NF; i++) if ($(i + 1) == "ns/op") printf "  %-34s %8.1f ms\n", name, $i / 1e6 }'
