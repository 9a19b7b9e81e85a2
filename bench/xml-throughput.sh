#!/usr/bin/env bash
# XML reading throughput (docs/performance-xml.md). Makes a ~1 GB XML export in /tmp from a CSV
# export of ../shared (never commit it), then reads it with each StAX parser under -Xmx128m,
# reporting MB/s and the peak RSS from /usr/bin/time -v.
#   bench/xml-throughput.sh [MEGABYTES] [all|default] [parsers...]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1024}
columns=${2:-all}
shift $(( $# > 2 ? 2 : $# )) || true
parsers=("${@:-aalto-async aalto woodstox jdk}")
csv=../shared/samples-public/procmon-parser/win10x64-process.csv
xml=/tmp/pmtriage-bench-${columns}-${size}m.xml
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench.classpath)"
if [[ ! -f $xml ]]; then
  java -cp "$cp" org.pmtriage.read.xml.XmlBenchmark make "$csv" "$xml" "$size" "$columns"
fi
for parser in ${parsers[@]}; do
  for run in 1 2 3; do
    /usr/bin/time -v java -Xmx128m -cp "$cp" org.pmtriage.read.xml.XmlBenchmark read "$xml" "$parser" \
      2> >(grep -E "Maximum resident" | sed 's/^\s*/    /' >&2)
  done
done
