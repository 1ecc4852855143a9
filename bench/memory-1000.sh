#!/bin/sh
# Memory benchmark (issue 8; not part of ./run-tests): the tool probes N addresses at once
# (default 1000; -> 1000 literal targets 127.1.x.y:PORT, each a lab SMTP server with STARTTLS
# and a two-certificate chain) and its peak resident set size is reported. Everything listens
# and connects on loopback only. Usage: bench/memory-1000.sh [N] [extra smtpdane options]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/find-jdk.sh"
smtpdane_find_jdk jdk || smtpdane_no_jdk
java=$SMTPDANE_JAVA_HOME/bin/java
n=${1:-1000}
[ $# -gt 0 ] && shift
jar=$root/target/smtpdane.jar
if [ ! -f "$jar" ]; then
  echo "memory-1000: build the jar first (./smtpdane -version or mvn -DskipTests package)" >&2
  exit 2
fi
[ -x /usr/bin/time ] || { echo "memory-1000: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
port=$((20000 + $$ % 20000))
work=$(mktemp -d)
trap 'kill "$fleet" 2>/dev/null || true; rm -rf "$work"' EXIT INT TERM
mkfifo "$work/in"
# The fleet serves until its standard input closes (this script's fd 3) or 600 s pass.
"$java" -cp "$jar" "$root/bench/LabFleet.java" "$n" "$port" 600 <"$work/in" >"$work/fleet.out" 2>&1 &
fleet=$!
exec 3>"$work/in"
i=0
until grep -q '^ready' "$work/fleet.out" 2>/dev/null; do
  i=$((i + 1))
  if [ $i -gt 300 ] || ! kill -0 "$fleet" 2>/dev/null; then
    echo "memory-1000: the lab servers did not start:" >&2; cat "$work/fleet.out" >&2; exit 1
  fi
  sleep 0.2
done
targets=$(awk -v n="$n" -v p="$port" 'BEGIN { for (i = 0; i < n; i++)
  printf "127.1.%d.%d:%d ", int(i / 250), i % 250 + 1, p }')
# No DNS is needed for literal targets; the resolver is a loopback address nobody asks.
# shellcheck disable=SC2086
/usr/bin/time -v "$java" ${BENCH_JAVA_OPTS:-} -jar "$jar" --resolver 127.0.0.1:9 --json \
  --timeout 300s "$@" $targets >"$work/report.json" 2>"$work/time.txt" || true
exec 3>&-
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
verdicts=$(grep -o '"verdict": *"[a-z-]*"' "$work/report.json" | sort | uniq -c | tr -s ' ' | tr '\n' ';')
addresses=$(grep -c '"address":' "$work/report.json" || true)
tls=$(grep -c '"protocol": *"TLSv1' "$work/report.json" || true)
echo "memory-1000: $n addresses, $addresses in the report, $tls TLS handshakes done; wall $wall; peak RSS $((rss_kb / 1024)) MiB"
echo "memory-1000: verdicts:$verdicts"
echo "memory-1000: JVM options: ${BENCH_JAVA_OPTS:-(defaults)}"
