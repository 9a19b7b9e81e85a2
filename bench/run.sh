#!/usr/bin/env bash
# Benchmark: end-to-end `pmtriage analyze` on generated captures of each format, side by side with
# Python's csv module merely iterating the same CSV rows. Prints a Markdown table.
#
#   bench/run.sh                  # 1 GB and 5 GB captures, csv xml pml
#   SIZES="0.05 1" FORMATS="csv" RUNS=5 bench/run.sh
#
# Each figure is the median of RUNS runs (default 3); peak RSS is the largest of them. For PML it
# also times `pmtriage stats` (issue 4's target), in the last two columns.
#
# Captures are made once by the project's generator (bin/generate-capture; PML: its capture
# written through the test PML writer) into $BENCH_DIR (default /tmp/pmtriage-bench) and reused. Each command runs once to
# warm the page cache, then the measured run follows. pmtriage runs through its launcher with
# JAVA_OPTS=-Xmx128m (the launcher adds -XX:+UseParallelGC).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${BENCH_DIR:-/tmp/pmtriage-bench}
sizes=${SIZES:-"1 5"}
formats=${FORMATS:-"csv xml pml"}
mkdir -p "$dir"
mvn -q -B -Dstyle.color=never -DskipTests package > /dev/null

capture() { # size format -> path
  local size=$1 fmt=$2 out="$dir/build-${1}g.$2"
  if [ ! -f "$out" ]; then
    local bytes
    bytes=$(awk "BEGIN { printf \"%d\", $size * 1000000000 }")
    if [ "$fmt" = pml ]; then
      # the generator writes exports; its 27-column capture is written as PML by the test PML
      # writer while it is read (20 stack frames per event, as real captures have)
      local src="$dir/build-${size}g-pml-source.csv"
      [ -f "$src" ] || bin/generate-capture --seed 42 --jobs 2000 --parallel 8 --leaks 20 --handed-over 10 \
        --races 10 --near-misses 20 --pid-reuse --columns all27 --events $((bytes / 330)) --output "$src" >&2
      java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/generator.classpath)" \
        org.pmtriage.read.pml.PmlBenchmark copy "$src" "$out" >&2
      rm -f "$src"
    else
      bin/generate-capture --seed 42 --jobs 2000 --parallel 8 --leaks 20 --handed-over 10 --races 10 \
        --near-misses 20 --pid-reuse --bytes "$bytes" --format "$fmt" --output "$out" >&2
    fi
  fi
  echo "$out"
}

runs=${RUNS:-3}

measure() { # command... -> "median-seconds peakKB" over $runs runs, after one to warm the page cache
  "$@" > /dev/null 2>&1 || true
  local times=() kb=0 t k
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" "$@" 2> "$dir/time.txt" > "$dir/out.txt"
    read -r t k < <(tail -n 1 "$dir/time.txt")
    times+=("$t")
    [ "$k" -gt "$kb" ] && kb=$k
  done
  echo "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') $kb"
}

echo "| capture | MB | events | pmtriage s | MB/s | events/s | peak RSS MB | python csv s | python MB/s | speed-up | stats s | stats events/s |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for size in $sizes; do
  for fmt in $formats; do
    file=$(capture "$size" "$fmt")
    mb=$(( $(stat -c %s "$file") / 1000000 ))
    read -r secs kb < <(measure env JAVA_OPTS=-Xmx128m bin/pmtriage analyze --quiet --format json --fail-on none "$file")
    events=$(python3 -c "import json; print(json.load(open('$dir/out.txt'))['input']['events'])" 2>/dev/null) || {
      echo "| $(basename "$file") | $mb | pmtriage failed: $(tail -n 2 "$dir/time.txt" | head -n 1) |"; continue; }
    py="-"; pymbs="-"; ratio="-"; st="-"; stev="-"
    if [ "$fmt" = pml ]; then
      read -r st _ < <(measure env JAVA_OPTS=-Xmx128m bin/pmtriage stats --quiet --format json "$file")
      stev=$(python3 -c "print(round($events / $st))")
    fi
    if [ "$fmt" = csv ]; then
      read -r pysecs _ < <(measure python3 bench/iterate_csv.py "$file")
      py=$pysecs
      pymbs=$(python3 -c "print(round($mb / $pysecs))")
      ratio=$(python3 -c "print(round($pysecs / $secs, 2))")
    fi
    python3 -c "print('| $(basename "$file") | $mb | $events | $secs | %d | %d | %d | $py | $pymbs | $ratio | $st | $stev |' % ($mb / $secs, $events / $secs, $kb / 1024))"
  done
done
