#!/bin/sh
# The machine's speed right now (not a target): wall seconds of bench/ReferenceJob.java, a fixed
# CPU-only job in the interpreter (-Xint), RUNS times (default 2). run-all.sh prints it before
# and after its benchmarks; on a shared or virtual machine it varies by 30% from one minute to
# the next, which is how much the other figures may move for reasons not in the code.
# Usage: bench/reference.sh [RUNS]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/find-jdk.sh"
smtpdane_find_jdk jdk || smtpdane_no_jdk
[ -x /usr/bin/time ] || { echo "reference: needs /usr/bin/time (apt-get install time)" >&2
  exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/smtpdane-reference.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$SMTPDANE_JAVA_HOME/bin/javac" -d "$work" "$root/bench/ReferenceJob.java"
runs=${1:-2}
i=0
times=
while [ $i -lt "$runs" ]; do
  i=$((i + 1))
  /usr/bin/time -f '%e' -o "$work/t" "$SMTPDANE_JAVA_HOME/bin/java" -Xint -cp "$work" \
    ReferenceJob
  times="$times $(cat "$work/t")"
done
echo "reference job (s):$times"
