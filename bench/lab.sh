# Sourced by the bench/*.sh scripts (issue 9; not part of ./run-tests): starts
# `./smtpdane demo --serve` in another process, on loopback only, and stops it on exit.
#   bench_lab_start [demo options...]   sets LAB_RESOLVER (ip:port) and LAB_PORT
# The lab's anchor file and output live in a temporary directory removed at exit.
bench_root=$(cd "$(dirname "$0")/.." && pwd)
bench_work=$(mktemp -d "${TMPDIR:-/tmp}/smtpdane-bench.XXXXXX")
bench_lab_pid=

bench_lab_stop() {
  if [ -n "$bench_lab_pid" ]; then
    kill "$bench_lab_pid" 2>/dev/null || true
    wait "$bench_lab_pid" 2>/dev/null || true
    bench_lab_pid=
  fi
}
trap 'bench_lab_stop; rm -rf "$bench_work"' EXIT
trap 'exit 130' INT TERM

bench_lab_count=0
bench_lab_start() {
  bench_lab_stop
  # Each lab its own output file: round-trips.sh keeps a first lab running while it starts a
  # second, and a shared file would be truncated under the first one's writes.
  bench_lab_count=$((bench_lab_count + 1))
  _out=$bench_work/lab-$bench_lab_count.out
  "$bench_root/smtpdane" demo --serve --nocolor --anchor-file "$bench_work/anchor.ds" "$@" \
    >"$_out" 2>&1 &
  bench_lab_pid=$!
  _i=0
  # The port line comes last in the banner: wait for it, not only for "lab running".
  until grep -q ' all on port ' "$_out" 2>/dev/null; do
    _i=$((_i + 1))
    if [ $_i -gt 600 ] || ! kill -0 "$bench_lab_pid" 2>/dev/null; then
      echo "bench: the lab did not start:" >&2
      cat "$_out" >&2
      exit 1
    fi
    sleep 0.2
  done
  LAB_RESOLVER=$(sed -n 's/^ *resolver: *\([0-9.:]*\) .*/\1/p' "$_out")
  LAB_PORT=$(sed -n 's/.* all on port \([0-9]*\).*/\1/p' "$_out")
  if [ -z "$LAB_RESOLVER" ] || [ -z "$LAB_PORT" ]; then
    echo "bench: cannot read the lab's resolver and port (needs one shared port):" >&2
    cat "$_out" >&2
    exit 1
  fi
}

# Waits (at most 60 s) until the lab has been idle for a second (under 3% of one core): after
# a warm-up its JIT compiles on for a while, and would take CPU from what is measured.
bench_lab_settle() {
  _hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
  _i=0
  while [ $_i -lt 60 ]; do
    _a=$(awk '{ print $14 + $15 }' "/proc/$bench_lab_pid/stat" 2>/dev/null || echo 0)
    sleep 1
    _b=$(awk '{ print $14 + $15 }' "/proc/$bench_lab_pid/stat" 2>/dev/null || echo 0)
    [ $((_b - _a)) -le $((_hz * 3 / 100)) ] && return 0
    _i=$((_i + 1))
  done
}

# Warms the lab up until it is in a steady state: runs `smtpdane --input FILE --parallel P`
# against it again and again (at least twice, at most 8 times) until one run costs the lab
# no less than 85% of the CPU the run before did. A fresh lab's JIT needs several thousand
# handshakes before its CPU per check stops falling (seen: 13.1, 7.3, 3.9, 2.5, 2.9 s for
# 1,000 checks); a real MX costs the tool nothing, so what is measured should be the tool,
# not the lab still compiling. Prints the lab's CPU per warm-up run on stderr.
#   bench_lab_warm FILE PARALLEL
bench_lab_warm() {
  _prev=
  _i=0
  while [ $_i -lt 8 ]; do
    _i=$((_i + 1))
    _a=$(awk '{ print $14 + $15 }' "/proc/$bench_lab_pid/stat" 2>/dev/null || echo 0)
    "$bench_root/smtpdane" -nagios -mx --input "$1" --parallel "$2" \
      --resolver "$LAB_RESOLVER" -port "$LAB_PORT" >/dev/null 2>&1 || true
    _b=$(awk '{ print $14 + $15 }' "/proc/$bench_lab_pid/stat" 2>/dev/null || echo 0)
    _t=$((_b - _a))
    echo "bench: lab warm-up run $_i: lab CPU $_t ticks" >&2
    if [ -n "$_prev" ] && [ $_i -ge 2 ] && [ $((_t * 100)) -ge $((_prev * 85)) ]; then
      return 0
    fi
    _prev=$_t
  done
}

# Median of the numbers on standard input, one per line.
bench_median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1;
    if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# One table row for run-all.sh: figure|measured|target|ok (ok: yes or NO).
bench_row() {
  echo "ROW|$1|$2|$3|$4"
}

# Prints "nproc, CPU model, JDK" for the README's table.
bench_machine() {
  . "$bench_root/scripts/find-jdk.sh"
  smtpdane_find_jdk jre >/dev/null 2>&1 || true
  _cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
  _jdk=$("${SMTPDANE_JAVA_HOME:-/nonexistent}/bin/java" -version 2>&1 | sed -n 2p)
  _mem=$(free -g 2>/dev/null | awk '/^Mem/ {print $2}')
  echo "$(nproc) cores (${_cpu:-unknown CPU}), ${_mem:-?} GiB, ${_jdk:-unknown JDK}," \
    "load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
}
