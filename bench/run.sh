#!/usr/bin/env bash
# Benchmark: `pmtriage analyze` (default text output and --format json) against Python's csv module
# merely iterating the same CSV rows, and against `pmtriage stats` on the same file, INTERLEAVED in
# one run: each round runs every command once in turn (python, analyze, analyze --format json, stats),
# so the ratios of a round are measured under the same load. Prints each round's times and ratios,
# the median of each ratio, peak RSS, and the load average before and after.
#
#   bench/run.sh                               # every capture below, 3 rounds
#   CAPTURES="build-shaped 1g" ROUNDS=5 bench/run.sh
#   JAVA_OPTS= bench/run.sh                    # the launcher's default heap instead of -Xmx128m
#
# Captures (made once by the project's generator into $BENCH_DIR, default /tmp/pmtriage-bench, and
# reused; uncompressed, so that the times are those of the analysis, not of gunzip):
#   build-shaped  a CI build: 20,000 `cmd /c tool >> log` jobs, 16 in parallel, PID reuse, current
#                 directories, every output redirected, 3 leaks, 2 PDB servers (550 MB, 2.7 M events)
#   1g, 5g        the generator's 1 GB and 5 GB captures (2,000 jobs, injected leaks and races)
#   1g.pml        the 1 GB capture's 27 columns written as PML (20 stack frames per event)
#   1g.xml        the 1 GB capture's shape as a ProcMon XML export (not in the default list)
# For PML and XML there is no Python figure: `analyze` is compared with `stats` (the reader alone).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${BENCH_DIR:-/tmp/pmtriage-bench}
captures=${CAPTURES:-"build-shaped 1g 5g 1g.pml"}
rounds=${ROUNDS:-3}
export JAVA_OPTS=${JAVA_OPTS--Xmx128m}
mkdir -p "$dir"
mvn -q -B -Dstyle.color=never -DskipTests package > /dev/null

generate() { # name -> path of the capture, made when missing
  local out
  case "$1" in
    build-shaped) out="$dir/build-shaped.csv"
      [ -f "$out" ] || bin/generate-capture --seed 11 --jobs 20000 --parallel 16 --pid-reuse --current-directory \
        --redirect-all --leaks 3 --pdb-servers 2 --handed-over 0 --races 0 --near-misses 0 --scan-violations 0 \
        --output "$out" >&2 ;;
    1g) out="$dir/build-1g.csv"
      [ -f "$out" ] || bin/generate-capture --seed 42 --jobs 2000 --parallel 8 --leaks 20 --handed-over 10 --races 10 \
        --near-misses 20 --pid-reuse --bytes 1000000000 --output "$out" >&2 ;;
    5g) out="$dir/build-5g.csv"
      # --bytes stops at 2 GiB (a generator limit): the 5 GB capture is given by its events
      [ -f "$out" ] || bin/generate-capture --seed 104 --jobs 2000 --parallel 8 --leaks 20 --handed-over 10 --races 10 \
        --near-misses 20 --pid-reuse --events 26000000 --output "$out" >&2 ;;
    1g.pml) out="$dir/build-1g.pml"
      if [ ! -f "$out" ]; then
        local src="$dir/build-1g-pml-source.csv"
        [ -f "$src" ] || bin/generate-capture --seed 42 --jobs 2000 --parallel 8 --leaks 20 --handed-over 10 \
          --races 10 --near-misses 20 --pid-reuse --columns all27 --events 3030303 --output "$src" >&2
        java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/generator.classpath)" \
          org.pmtriage.read.pml.PmlBenchmark copy "$src" "$out" >&2
        rm -f "$src"
      fi ;;
    1g.xml) out="$dir/build-1g.xml"
      [ -f "$out" ] || bin/generate-capture --seed 42 --jobs 2000 --parallel 8 --leaks 20 --handed-over 10 --races 10 \
        --near-misses 20 --pid-reuse --format xml --bytes 1000000000 --output "$out" >&2 ;;
    *) echo "bench/run.sh: unknown capture $1 (build-shaped, 1g, 5g, 1g.pml, 1g.xml)" >&2; exit 2 ;;
  esac
  echo "$out"
}

timed() { # label command... -> "wall peakKB" of one run; its output goes to $dir/out-label.txt
  local label=$1
  shift
  if ! /usr/bin/time -f "%e %M" -o "$dir/time.txt" "$@" > "$dir/out-$label.txt" 2> "$dir/err-$label.txt"; then
    # still timed, so that the round stays whole, but a failed run must not pass for a fast one
    echo "bench/run.sh: $label FAILED (its time below is not a result): $(head -n 1 "$dir/err-$label.txt")" >&2
  fi
  tail -n 1 "$dir/time.txt"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
ratio() { awk "BEGIN { printf \"%.2f\", $1 / $2 }"; }
rate() { python3 -c "print(f'{$1 / $2:,.0f}')" 2>/dev/null || echo '?'; } # events seconds -> events per second
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "JAVA_OPTS=${JAVA_OPTS:-(launcher default)}, $rounds rounds, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
for name in $captures; do
  file=$(generate "$name")
  mb=$(( $(stat -c %s "$file") / 1000000 ))
  no_python=false # PML and XML: no Python figure
  [[ "$file" == *.pml || "$file" == *.xml ]] && no_python=true
  analyze=(bin/pmtriage analyze --quiet --fail-on none "$file")
  json=(bin/pmtriage analyze --quiet --fail-on none --format json "$file")
  stats=(bin/pmtriage stats --quiet "$file")
  python=(python3 bench/iterate_csv.py "$file")
  # one warm-up of each (page cache, the launcher's class-data archive)
  "${analyze[@]}" > /dev/null 2>&1 || true
  "${stats[@]}" > /dev/null 2>&1 || true
  $no_python || "${python[@]}" > /dev/null
  echo
  echo "## $name: $(basename "$file"), $mb MB (load average before: $(load))"
  echo "| round | python s | analyze s | analyze json s | stats s | python/analyze | python/json | analyze/stats |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
  r_text=() r_json=() r_stats=() kb=0 py=- ppa=- ppj=-
  for i in $(seq "$rounds"); do
    if ! $no_python; then read -r py _ < <(timed python "${python[@]}"); fi
    read -r an k1 < <(timed analyze "${analyze[@]}")
    read -r js k2 < <(timed json "${json[@]}")
    read -r st k3 < <(timed stats "${stats[@]}")
    for k in $k1 $k2 $k3; do [ "$k" -gt "$kb" ] && kb=$k; done
    if ! $no_python; then
      ppa=$(ratio "$py" "$an") ppj=$(ratio "$py" "$js")
      r_text+=("$ppa") r_json+=("$ppj")
    fi
    pas=$(ratio "$an" "$st")
    r_stats+=("$pas")
    echo "| $i | $py | $an | $js | $st | $ppa | $ppj | $pas |"
  done
  events=$(python3 -c "import json; print(json.load(open('$dir/out-json.txt'))['input']['events'])" 2>/dev/null \
    || echo "? ($(head -c 300 "$dir/err-json.txt"))")
  med_text=- med_json=-
  if ! $no_python; then
    med_text=$(printf '%s\n' "${r_text[@]}" | median) med_json=$(printf '%s\n' "${r_json[@]}" | median)
  fi
  med_stats=$(printf '%s\n' "${r_stats[@]}" | median)
  echo "| **median** | | | | | **$med_text** | **$med_json** | **$med_stats** |"
  echo
  echo "$name: $events events; median ratios: Python/analyze $med_text, Python/analyze --format json $med_json," \
    "analyze/stats $med_stats; peak RSS $(( kb / 1024 )) MB (largest of every pmtriage run); load average after: $(load)"
  echo "$name: last round: analyze $(rate "$events" "$an") events/s, stats $(rate "$events" "$st") events/s"
done
