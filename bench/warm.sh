#!/usr/bin/env bash
# What a compiled pass costs: Python's csv loop once, then `analyze` RUNS times in one JVM
# (bench/WarmRuns.java), then Python again; prints each run's wall and CPU time and Python's time
# over the first run's and over the median of the last three. The first run pays for the JVM's
# compilers (and its start is not in it); the last ones show the code alone.
#   bench/warm.sh FILE.csv [RUNS]        (RUNS: default 6)
set -euo pipefail
cd "$(dirname "$0")/.."
file=$1 runs=${2:-6}
[ -f target/pmtriage.jar ] || mvn -q -B -Dstyle.color=never -DskipTests package > /dev/null
python() { /usr/bin/time -f %e python3 bench/iterate_csv.py "$file" 2>&1 > /dev/null | tail -1; }
p1=$(python)
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
# compiled apart: the source launcher would run javac in the measured JVM, and the JIT with it
javac -cp target/pmtriage.jar -d "$classes" bench/WarmRuns.java
out=$(java -XX:+UseParallelGC -Xmx128m -cp "target/pmtriage.jar:$classes" WarmRuns "$runs" \
  analyze --quiet --fail-on none "$file")
p2=$(python)
echo "$out"
echo "python: $p1 s, $p2 s"
walls=$(echo "$out" | awk '{ sub(",", "", $4); print $4 }')
first=$(echo "$walls" | head -1)
last=$(echo "$walls" | tail -3 | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
awk -v a="$p1" -v b="$p2" -v f="$first" -v l="$last" 'BEGIN {
  printf "python / first run: %.2f; python / median of the last 3 runs: %.2f\n", (a + b) / 2 / f, (a + b) / 2 / l }'
