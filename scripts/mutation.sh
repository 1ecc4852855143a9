#!/bin/sh
# Mutation testing of the DANE engine (dev.smtpdane.dane) with PIT: mutates the rules and
# checks that the dane unit tests notice. Runs the pom's "mutation" profile with a JDK >= 21,
# found as ./run-tests finds it. Extra arguments go to Maven, e.g. -o (offline) or
# -Dmutation.targetClasses=dev.smtpdane.dane.UsableRecords (one class, while iterating), or
# -Dmutation.targetClasses='dev.smtpdane.tls.Bc*' -Dmutation.targetTests='dev.smtpdane.tls.*Test'.
# 7 to 13 minutes on a 2-core machine (README "Building").
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/find-jdk.sh"
smtpdane_find_jdk jdk || smtpdane_no_jdk
command -v mvn >/dev/null 2>&1 || { echo "mutation.sh: Maven (mvn) is not installed;" \
  "install it, e.g. 'apt-get install maven'" >&2; exit 2; }
echo "mutation.sh: using JDK at $SMTPDANE_JAVA_HOME" >&2
cd "$root"
export JAVA_HOME=$SMTPDANE_JAVA_HOME
major=$(smtpdane_java_major "$JAVA_HOME")
# Maven's bundled Guava warns about sun.misc.Unsafe on JDK 24+; the flag exists only there.
if [ "$major" -ge 24 ]; then
  MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"; export MAVEN_OPTS
fi
mvn -B -Pmutation test-compile org.pitest:pitest-maven:mutationCoverage "$@"
echo "mutation.sh: report in $root/target/pit-reports/index.html" \
  "(mutations.xml beside it)" >&2
