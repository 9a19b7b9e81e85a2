#!/usr/bin/env bash
# XML reading throughput (docs/performance-xml.md). Makes a ~1 GB XML export in /tmp from a CSV
# export in ../shared (never commit it), then reads it with each StAX parser under -Xmx128m, three
# times in one JVM (the first read includes JIT warm-up), printing MB/s, the reading thread's CPU
# time and the peak RSS and CPU times that /usr/bin/time -v reports.
#   bench/xml-throughput.sh [MEGABYTES] [all|default]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1024}
columns=${2:-all}
csv=../shared/samples-public/procmon-parser/win10x64-process.csv
xml=/tmp/pmtriage-bench-${columns}-${size}m.xml
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench.classpath)"
if [[ ! -f $xml ]]; then
  java -cp "$cp" org.pmtriage.read.xml.XmlBenchmark make "$csv" "$xml" "$size" "$columns"
fi
uptime
for parser in default aalto woodstox jdk; do
  /usr/bin/time -v -o /tmp/pmtriage-bench.time java -Xmx128m -cp "$cp" org.pmtriage.read.xml.XmlBenchmark \
    read "$xml" "$parser" 3
  grep -E "Maximum resident|User time|System time" /tmp/pmtriage-bench.time | tr -s ' \t' ' ' | paste -sd';'
  uptime
done
uptime
