#!/usr/bin/env bash
# Peak RSS and outcome of `pmtriage analyze` on each hostile input of issue 15 at -Xmx128m (the
# target: under 300 MB, in the outcome docs/robustness.md states). Prints a Markdown table.
#
#   bench/hostile-rss.sh
#
# The inputs are small .gz files made by the test suite's robust/HostileShapes into $BENCH_DIR
# (default /tmp/pmtriage-hostile) and reused; each decompresses to 15 MB to 600 MB. pmtriage runs
# through its launcher with JAVA_OPTS=-Xmx128m; peak RSS is /usr/bin/time's maximum resident set.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${BENCH_DIR:-/tmp/pmtriage-hostile}
mvn -q -B -Dstyle.color=never -DskipTests package > /dev/null
[ -f "$dir/pml-one-huge-string.pml.gz" ] || java -Xmx512m \
  -cp "target/test-classes:target/classes" org.pmtriage.robust.HostileShapes "$dir"

echo "| input | .gz KB | exit | peak RSS MB | first line on standard error |"
echo "|---|---:|---:|---:|---|"
for file in "$dir"/*.gz; do
  set +e
  env JAVA_OPTS=-Xmx128m /usr/bin/time -f "%M" -o "$dir/time.txt" \
    bin/pmtriage analyze --format json "$file" > /dev/null 2> "$dir/err.txt"
  code=$?
  set -e
  kb=$(tail -n 1 "$dir/time.txt")
  line=$(head -n 1 "$dir/err.txt" | sed "s|$dir/||; s/|/\\\\|/g" | cut -c 1-140)
  echo "| $(basename "$file") | $(( $(stat -c %s "$file") / 1024 )) | $code | $(( kb / 1024 )) | $line |"
done
