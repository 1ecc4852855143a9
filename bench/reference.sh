#!/bin/sh
# The machine's speed right now (not a target): wall seconds of bench/ReferenceJob.java, a fixed
# CPU-only job in the interpreter (-Xint), RUNS times (default 2). run-all.sh prints it before
# and after its benchmarks. On the 2-core development VM it took 1.6 to 2.7 s over one day: the
# other figures move that much too, for reasons not in the code.
# Usage: bench/reference.sh [RUNS]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/find-jdk.sh"
smtpdane_find_jdk jdk || smtpdane_no_jdk
[ -x /usr/bin/time ] || { echo "reference: needs /usr/bin/time (apt-get install time)" >&2
  exit 2; }
runs=${1:-2}
case $runs in ''|*[!0-9]*) echo "usage: bench/reference.sh [RUNS]" >&2; exit 2 ;; esac
work=$(mktemp -d "${TMPDIR:-/tmp}/smtpdane-reference.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
"$SMTPDANE_JAVA_HOME/bin/javac" -d "$work" "$root/bench/ReferenceJob.java"
i=0
times=
while [ $i -lt "$runs" ]; do
  i=$((i + 1))
  /usr/bin/time -f '%e' -o "$work/t" "$SMTPDANE_JAVA_HOME/bin/java" -Xint -cp "$work" \
    ReferenceJob
  times="$times $(cat "$work/t")"
done
echo "reference job (s):$times"
