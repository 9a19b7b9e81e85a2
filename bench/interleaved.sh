#!/usr/bin/env bash
# A against B on one shared, noisy machine: runs `java -XX:+UseParallelGC -Xmx128m -jar JAR COMMAND FILE`
# (the launcher's collector; COMMAND defaults to `analyze --quiet --format json --fail-on none`) with
# A.jar and B.jar in turn (one warm-up each, then A B A B ...) under /usr/bin/time and prints each
# pair's wall and CPU (user + sys) ratio A/B and their medians. Only the ratios of pairs mean
# something where other work slows the machine down and up.
#   bench/interleaved.sh A.jar B.jar FILE [PAIRS]     (PAIRS: default 7)
#   COMMAND="stats --quiet" bench/interleaved.sh A.jar B.jar FILE 5
set -euo pipefail
a=$1 b=$2 file=$3 pairs=${4:-7}
read -r -a command <<< "${COMMAND:-analyze --quiet --format json --fail-on none}"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
run() { # jar -> "wall cpu"
  /usr/bin/time -f "%e %U %S" -o "$out" java -XX:+UseParallelGC -Xmx128m -jar "$1" "${command[@]}" "$file" > /dev/null
  awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$out"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
run "$a" > /dev/null
run "$b" > /dev/null
echo "pair  A wall  B wall  A/B wall  A cpu  B cpu  A/B cpu   ($(uptime | sed 's/.*load/load/'))"
walls=() cpus=()
for i in $(seq "$pairs"); do
  read -r aw ac < <(run "$a")
  read -r bw bc < <(run "$b")
  rw=$(awk "BEGIN { printf \"%.3f\", $aw / $bw }")
  rc=$(awk "BEGIN { printf \"%.3f\", $ac / $bc }")
  walls+=("$rw") cpus+=("$rc")
  printf '%4d  %6s  %6s  %8s  %5s  %5s  %7s\n' "$i" "$aw" "$bw" "$rw" "$ac" "$bc" "$rc"
done
echo "median A/B: wall $(printf '%s\n' "${walls[@]}" | median), cpu $(printf '%s\n' "${cpus[@]}" | median)   ($(uptime | sed 's/.*load/load/'))"
