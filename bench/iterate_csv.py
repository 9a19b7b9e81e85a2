"""The baseline: Python's csv module merely iterating a ProcMon CSV export's rows."""
import csv
import sys

count = 0
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    for row in csv.reader(f):
        count += 1
print(count)
