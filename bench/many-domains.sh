#!/bin/sh
# Many domains (issue 9, target 3): N lab domains (default 1000; `demo --serve --domains`,
# d00001.bulk.test ...) checked in one run from an --input file, with --parallel P (default
# 64), against a lab in another process. Prints the wall time and the peak resident set size
# of the tool (not the lab) with the targets, and how many domains verified. The lab serves 2N
# domains and is warmed up (its JIT, bench_lab_warm in lab.sh) by untimed runs over the
# second N, so the measured run asks it about domains it has not seen; the lab's own CPU time
# in the measured run is printed too, as both share this machine's cores.
# Usage: bench/many-domains.sh [N] [P] [extra smtpdane options]
set -eu
. "$(dirname "$0")/lab.sh"
n=${1:-1000}
parallel=${2:-64}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && shift
[ -x /usr/bin/time ] || { echo "many-domains: needs /usr/bin/time (apt-get install time)" >&2
  exit 2; }
"$bench_root/smtpdane" -version >/dev/null
bench_lab_start --domains $((2 * n))
awk -v n="$n" 'BEGIN { for (i = 1; i <= n; i++) printf "d%05d.bulk.test\n", i }' \
  >"$bench_work/domains"
awk -v n="$n" 'BEGIN { for (i = n + 1; i <= 2 * n; i++) printf "d%05d.bulk.test\n", i }' \
  >"$bench_work/warm"
bench_lab_warm "$bench_work/warm" "$parallel"
bench_lab_settle
lab_cpu() { awk '{ print $14 + $15 }' "/proc/$bench_lab_pid/stat" 2>/dev/null || echo 0; }
# The lab's process is the launcher's java (exec): its CPU in clock ticks.
before=$(lab_cpu)
/usr/bin/time -v "$bench_root/smtpdane" --json -mx --input "$bench_work/domains" \
  --parallel "$parallel" --resolver "$LAB_RESOLVER" -port "$LAB_PORT" "$@" \
  >"$bench_work/lines" 2>"$bench_work/time.txt" || true
after=$(lab_cpu)
ticks=$(getconf CLK_TCK 2>/dev/null || echo 100)
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$bench_work/time.txt")
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$bench_work/time.txt" \
  | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }')
cpu=$(awk '/User time|System time/ { s += $NF } END { printf "%.1f", s }' "$bench_work/time.txt")
verified=$(grep -c '"verdict":"verified","noService"' "$bench_work/lines" || true)
lines=$(wc -l <"$bench_work/lines")
rss=$((rss_kb / 1024))
echo "many-domains: $n domains, --parallel $parallel: $lines results, $verified verified;" \
  "wall ${wall} s (target <= 10), peak RSS ${rss} MiB (target <= 512); tool CPU ${cpu} s," \
  "lab CPU $(awk -v t=$((after - before)) -v hz="$ticks" 'BEGIN { printf "%.1f", t / hz }') s"
if [ "$verified" -ne "$n" ]; then
  echo "many-domains: only $verified of $n domains verified; first other result:" >&2
  grep -v '"verdict":"verified","noService"' "$bench_work/lines" | head -n 1 | cut -c1-600 >&2
fi
ok_wall=$(awk -v v="$wall" 'BEGIN { print (v <= 10) ? "yes" : "NO" }')
[ "$verified" -eq "$n" ] || ok_wall=NO
bench_row "$n domains, wall (s)" "$wall" "<= 10" "$ok_wall"
bench_row "$n domains, peak RSS (MiB)" "$rss" "<= 512" \
  "$([ "$rss" -le 512 ] && echo yes || echo NO)"
# For information, not a target: the same run again, now that the lab's resolver has these
# names in its cache, as a local caching resolver would for a list checked every few minutes.
# The difference is the lab's own DNSSEC work in the measured run above.
settle_and_time() {
  bench_lab_settle
  _before=$(lab_cpu)
  /usr/bin/time -f '%e %U %S' -o "$bench_work/again.txt" "$bench_root/smtpdane" --json -mx \
    --input "$bench_work/domains" --parallel "$parallel" --resolver "$LAB_RESOLVER" \
    -port "$LAB_PORT" "$@" >/dev/null 2>&1 || true
  _after=$(lab_cpu)
  again=$(awk '{ print $1 }' "$bench_work/again.txt")
  echo "many-domains: the same $n domains again (lab's resolver cache warm): wall ${again} s;" \
    "tool CPU $(awk '{ printf "%.1f", $2 + $3 }' "$bench_work/again.txt") s, lab CPU" \
    "$(awk -v t=$((_after - _before)) -v hz="$ticks" 'BEGIN { printf "%.1f", t / hz }') s"
  bench_row "$n domains again, lab cache warm (information), wall (s)" "$again" "-" "-"
}
settle_and_time "$@"
