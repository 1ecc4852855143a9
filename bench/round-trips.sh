#!/bin/sh
# Round trips (issue 9, target 2): a lab that simulates a network with a round-trip time of
# L ms (`demo --serve --latency L`, default 50: every resolver answer, SMTP reply and TLS flight
# waits L after the tool spoke, the greeting 2 L for the TCP handshake) next to a lab without
# latency. Each check runs RUNS times (default 24) one after the other in one JVM (--input,
# --parallel 1) against each lab; the median of the second half (a warmed-up JVM) of the
# reports' own elapsed times is compared:
#   time / L            the check's time with latency, in round trips (computing included)
#   (time - time0) / L  the round trips the check waited for: computing cancels out
# Measured for one MX host with one address (ee-311-good.test) and for three MX hosts with two
# addresses each (three-mx-two-addr.test), which costs the same since hosts and addresses are
# probed in parallel. The floor is 8: MX; A, AAAA and TLSA at once; TCP connect; greeting;
# EHLO; STARTTLS; TLS 1.3 handshake; EHLO inside TLS (RFC 3207 §4.2: its refusal is an error).
# QUIT's reply is not awaited. Usage: bench/round-trips.sh [L] [RUNS]
set -eu
. "$(dirname "$0")/lab.sh"
latency=${1:-50}
runs=${2:-24}
floor=8
"$bench_root/smtpdane" -version >/dev/null
bench_lab_start --latency "$latency"
slow_resolver=$LAB_RESOLVER
slow_port=$LAB_PORT
slow_pid=$bench_lab_pid
bench_lab_pid= # keep it running: a second lab without latency starts next
bench_lab_start
trap 'kill "$slow_pid" 2>/dev/null || true; bench_lab_stop; rm -rf "$bench_work"' EXIT
elapsed() { # RESOLVER PORT: the median check time of the second half of the runs
  "$bench_root/smtpdane" --json -mx --parallel 1 --input "$bench_work/list" --resolver "$1" \
    -port "$2" | sed -n 's/.*"elapsedMs": *\([0-9]*\).*/\1/p' | tail -n $((runs / 2)) \
    | bench_median
}
measure() {
  domain=$1
  label=$2
  : >"$bench_work/list"
  i=0
  while [ $i -lt "$runs" ]; do
    i=$((i + 1))
    echo "$domain" >>"$bench_work/list"
  done
  slow=$(elapsed "$slow_resolver" "$slow_port")
  fast=$(elapsed "$LAB_RESOLVER" "$LAB_PORT")
  raw=$(awk -v t="$slow" -v l="$latency" 'BEGIN { printf "%.2f", t / l }')
  waited=$(awk -v t="$slow" -v z="$fast" -v l="$latency" 'BEGIN { printf "%.2f", (t - z) / l }')
  echo "round-trips: $domain ($label): ${slow} ms with L = $latency ms (${raw} x L)," \
    "${fast} ms without: waited ${waited} round trips (floor $floor)"
  # At the floor: round trips are whole, so anything under floor + 1 is the floor plus the
  # timing noise left after subtracting time0 (a few tenths of L either way).
  bench_row "round trips, $label: (time - time0) / L" "$waited (time / L $raw)" \
    "$floor (< $((floor + 1)))" "$(awk -v v="$waited" -v f="$floor" 'BEGIN { print (v < f + 1) ? "yes" : "NO" }')"
}
measure ee-311-good.test "1 MX x 1 address"
measure three-mx-two-addr.test "3 MX x 2 addresses"
