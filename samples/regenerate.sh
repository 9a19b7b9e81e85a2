#!/bin/sh
# Regenerates every capture in samples/ (and its .truth.json) with fixed seeds.
# Deterministic: running it again must leave `git status` clean.
set -e
cd "$(dirname "$0")"
G=../bin/generate-capture

# The story: python.exe 4312 opens C:\build\gen\parser_tab.cpp, 18.9 ms later spawns cmd.exe 5120,
# cl.exe fails with SHARING VIOLATION, cmd.exe logs the CloseFile; plus cmd /c link.exe >> C:\build\link.log.
$G --story --seed 1 --jobs 8 --parallel 3 --leaks 1 --handed-over 1 --races 0 --near-misses 0 \
   --scan-violations 0 --output flaky-build.csv

# The same story as a PML with modules and stacks (CPython 2.7: python27.dll over msvcr90.dll);
# the scenario is the options above plus --stacks. Its truth is flaky-build.pml.truth.json.
$G --scenario flaky-build --format pml --output flaky-build.pml

# es-ES, all 27 columns, PID reuse, crosses midnight, every kind of injection (including an
# antivirus sharing violation without leak, a file the indexer leaves open at the end, and a leak
# through cmd -> cl -> mspdbsrv.exe).
$G --seed 2 --jobs 8 --parallel 3 --leaks 2 --handed-over 1 --races 1 --near-misses 2 --pid-reuse \
   --scan-violations 1 --open-at-end 1 --deep-leaks 1 \
   --locale es-ES --columns all27 --start 23:59:59 --day 2026-12-31 --output parallel-build-es.csv

# XML export with a processlist, the default columns plus TID, Parent PID and Command Line.
$G --seed 3 --jobs 7 --parallel 3 --leaks 1 --handed-over 1 --races 1 --near-misses 2 --format xml \
   --columns "Time of Day;Process Name;PID;Operation;Path;Result;Detail;TID;Parent PID;Command Line" \
   --output parallel-build.xml

# Only intended inheritance: cmd /c link.exe ... >> log, handed over to link.exe; no error.
$G --seed 4 --jobs 6 --parallel 2 --leaks 0 --handed-over 2 --races 0 --near-misses 0 --scan-violations 0 \
   --output redirect-ok.csv
