#!/bin/sh
# Cold start (issue 9, target 1): `./smtpdane -nagios -mx ee-311-good.test` against a lab
# served by `./smtpdane demo --serve` in another process; RUNS runs (default 10), each a new
# JVM through the launcher as a user would start it. Prints the median wall time and the
# median CPU time (user + system, the JVM's compiler and GC threads included) with the
# targets. Usage: bench/cold-start.sh [RUNS] [extra smtpdane options]
set -eu
. "$(dirname "$0")/lab.sh"
runs=${1:-10}
[ $# -gt 0 ] && shift
[ -x /usr/bin/time ] || { echo "cold-start: needs /usr/bin/time (apt-get install time)" >&2
  exit 2; }
# Builds the jar and the start-up cache if needed, so that no timed run pays for them.
"$bench_root/smtpdane" -version >/dev/null
bench_lab_start
target=ee-311-good.test
check() {
  "$bench_root/smtpdane" -nagios -mx --resolver "$LAB_RESOLVER" -port "$LAB_PORT" "$@" "$target"
}
# The lab is a long-running server: warm it up (its JIT, its resolver cache) with runs of 200
# checks until it is steady (bench_lab_warm), so that what is measured is the tool starting cold.
awk -v d="$target" 'BEGIN { for (i = 0; i < 200; i++) print d }' >"$bench_work/warm"
bench_lab_warm "$bench_work/warm" 8
check "$@" >/dev/null 2>&1 || true
bench_lab_settle
: >"$bench_work/times"
i=0
while [ $i -lt "$runs" ]; do
  i=$((i + 1))
  /usr/bin/time -f '%e %U %S' -o "$bench_work/time1" "$bench_root/smtpdane" -nagios -mx \
    --resolver "$LAB_RESOLVER" -port "$LAB_PORT" "$@" "$target" >"$bench_work/out" 2>&1 || true
  if ! grep -q '^DANE OK' "$bench_work/out"; then
    echo "cold-start: run $i did not verify:" >&2; cat "$bench_work/out" >&2; exit 1
  fi
  tail -n 1 "$bench_work/time1" >>"$bench_work/times"
done
wall=$(awk '{print $1}' "$bench_work/times" | bench_median)
cpu=$(awk '{printf "%.2f\n", $2 + $3}' "$bench_work/times" | bench_median)
echo "cold-start: $runs runs of smtpdane -nagios -mx $target: wall (s):" \
  "$(awk '{print $1}' "$bench_work/times" | sort -g | tr '\n' ' ')"
echo "cold-start: median wall ${wall} s (target <= 0.35), median CPU ${cpu} s (target <= 0.6)"
bench_row "cold start, median wall (s)" "$wall" "<= 0.35" \
  "$(awk -v v="$wall" 'BEGIN { print (v <= 0.35) ? "yes" : "NO" }')"
bench_row "cold start, median CPU (s)" "$cpu" "<= 0.6" \
  "$(awk -v v="$cpu" 'BEGIN { print (v <= 0.6) ? "yes" : "NO" }')"
