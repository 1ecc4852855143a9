#!/bin/sh
# Makes the start-up cache of the runtime package (mvn -Pdist,jlink package runs this after
# the shaded jar and the jlink runtime exist): the same training run as ./smtpdane's, with the
# bundled runtime, and the jar at lib/smtpdane.jar beside runtime/ as in the tarball, so that
# the JVM, relocating both paths by their common prefix, accepts the cache wherever the
# tarball is unpacked. JDK 25+ only (an AOT cache); otherwise, or if the training fails, the
# package has no cache and bin/smtpdane runs without one. Never fails the build.
# Usage: scripts/train-runtime-cache.sh TARGET_DIR
set -u
target=$1
out=$target/runtime-cache
rm -rf "$out" "$target/lib"
mkdir -p "$out" "$target/lib" || exit 0
# -p: the JVM checks the jar's size and time, and the tarball keeps the original's time.
cp -p "$target/smtpdane.jar" "$target/lib/smtpdane.jar" || exit 0
if "$target/runtime/bin/java" -Xlog:disable -XX:AOTCacheOutput="$out/smtpdane.aot" \
     @"$(dirname "$0")/check.jvmopts" -jar "$target/lib/smtpdane.jar" _aot-train \
     >"$out/training.log" 2>&1 && [ -s "$out/smtpdane.aot" ]; then
  echo "smtpdane: runtime start-up cache made: $out/smtpdane.aot"
else
  echo "smtpdane: WARNING: no start-up cache for the runtime package (JDK older than 25, or" \
    "the training failed; see $out/training.log)" >&2
  rm -f "$out/smtpdane.aot"
fi
exit 0
