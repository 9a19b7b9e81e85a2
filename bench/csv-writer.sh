#!/bin/sh
# Times writing ProcMon's CSV through our CsvEventWriter and through commons-csv's CSVPrinter, as
# whole processes, alternating (ours, commons-csv, ours, ...): RUNS pairs (default 3) after one
# warm-up pair; prints each run's wall and CPU (user + sys) seconds, then the medians of the pair
# ratios commons-csv/ours (wall and CPU: on a shared machine the CPU ratio is the steadier).
# Usage: bench/csv-writer.sh LOG [RUNS]   (LOG: a large capture, e.g. from bin/generate-capture)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LOG=$1
RUNS=${2:-3}
OUT=${TMPDIR:-/tmp}/pmtriage-csv-writer.$$.csv
(cd "$ROOT" && mvn -B -q -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/generator.classpath -Dmdep.includeScope=test) >&2
CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$ROOT/target/generator.classpath")"
run() { # prints "wall cpu" seconds of one run
    /usr/bin/time -f '%e %U %S' java -XX:+UseParallelGC -cp "$CP" org.pmtriage.report.CsvWriterBenchmark "$1" "$LOG" "$OUT" 2>&1 \
        | awk 'END { printf "%s %.2f\n", $1, $2 + $3 }'
}
run ours >/dev/null; run commons-csv >/dev/null
median() { tr ' ' '\n' | grep . | sort -n | awk '{ r[NR] = $1 } END { print r[int((NR + 1) / 2)] }'; }
i=0; walls=""; cpus=""
while [ "$i" -lt "$RUNS" ]; do
    a=$(run commons-csv); b=$(run ours)
    echo "pair $((i + 1)): commons-csv wall/cpu $a s, ours $b s"
    walls="$walls $(echo "$a $b" | awk '{ printf "%.3f", $1 / $3 }')"
    cpus="$cpus $(echo "$a $b" | awk '{ printf "%.3f", $2 / $4 }')"
    i=$((i + 1))
done
rm -f "$OUT"
echo "median ratio commons-csv/ours: wall $(echo "$walls" | median), cpu $(echo "$cpus" | median)"
