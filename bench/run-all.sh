#!/bin/sh
# All issue 9 benchmarks, one after the other (each starts and stops its own lab), then one
# table: figure | measured | target | ok. Not part of ./run-tests. The machine is shared with
# whatever else runs on it: run it on a quiet machine, and more than once.
# Usage: bench/run-all.sh            (prints progress on stderr, the table on stdout)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lab.sh"
rows=$bench_work/rows
: >"$rows"
# How fast the machine is before and after (reference.sh): figures move with it.
reference() {
  if "$here/reference.sh" 2 >"$bench_work/ref.out" 2>&1; then
    sed -n 's/^reference job (s)://p' "$bench_work/ref.out"
  else
    echo "run-all: reference.sh failed:" >&2
    cat "$bench_work/ref.out" >&2
  fi
}
before=$(reference)
for script in cold-start.sh round-trips.sh many-domains.sh; do
  echo "run-all: $script ..." >&2
  if ! "$here/$script" >"$bench_work/out" 2>&1; then
    echo "run-all: $script failed:" >&2
    cat "$bench_work/out" >&2
  fi
  grep -v '^ROW|' "$bench_work/out" >&2 || true
  grep '^ROW|' "$bench_work/out" >>"$rows" || true
done
after=$(reference)
echo "Machine: $(bench_machine); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "Reference job (bench/reference.sh, s): before${before:- failed}, after${after:- failed}"
echo
echo "| figure | measured | target | ok |"
echo "| --- | --- | --- | --- |"
cut -d'|' -f2- "$rows" | awk -F'|' '{ printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }'
