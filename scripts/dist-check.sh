#!/bin/sh
# Checks the distribution tarballs in target/ (build them with mvn -Pdist[,jlink] package):
# the launcher through two symlinks from another directory, the man page (groff warnings),
# bash and zsh completion (zsh only if installed), the jlink runtime without any Java on
# PATH and its start-up cache (SMTPDANE_CACHE_DIR's for the plain package), and that the
# jlink module list in pom.xml still covers what jdeps finds in the jar.
# Usage: scripts/dist-check.sh
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
fail=0
ok() { echo "ok    $*"; }
bad() { echo "FAIL  $*"; fail=1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tarball in "$root"/target/smtpdane-*.tar.gz; do
  [ -f "$tarball" ] || { echo "dist-check: no tarball; run mvn -Pdist package" >&2; exit 2; }
  name=$(basename "$tarball" .tar.gz)
  dir=$work/$name
  mkdir -p "$dir/opt" "$dir/bin" "$dir/elsewhere"
  tar -xzf "$tarball" -C "$dir/opt" --strip-components=1
  echo "== $name"
  for f in bin/smtpdane lib/smtpdane.jar lib/find-jdk.sh lib/check.jvmopts man/man1/smtpdane.1 \
           completion/smtpdane.bash completion/_smtpdane README.md \
           docs/findings/README.md contrib/nagios/smtpdane.cfg; do
    [ -e "$dir/opt/$f" ] || bad "$f missing"
  done
  [ -x "$dir/opt/bin/smtpdane" ] || bad "bin/smtpdane is not executable"

  # Launcher through two symlinks, started from an unrelated directory.
  ln -s "$dir/opt/bin/smtpdane" "$dir/bin/smtpdane"
  ln -s "$dir/bin/smtpdane" "$dir/elsewhere/sd"
  if (cd / && "$dir/elsewhere/sd" -version >"$work/version" 2>&1); then
    ok "bin/smtpdane -version through symlinks: $(head -n 1 "$work/version")"
  else
    bad "bin/smtpdane -version through symlinks: $(cat "$work/version")"
  fi
  if [ -d "$dir/opt/runtime" ]; then
    if (cd / && env -i PATH=/usr/bin:/bin "$dir/bin/smtpdane" -version >"$work/v2" 2>&1) \
        && grep -q "$dir/opt/runtime" "$work/v2"; then
      ok "runs on its own runtime/ with no JAVA_HOME and no java on PATH"
    else
      bad "runtime/ not used: $(cat "$work/v2")"
    fi
    # The start-up cache made at package time must still fit the unpacked runtime and jar.
    if [ -f "$dir/opt/lib/smtpdane.aot" ]; then
      if (cd / && "$dir/opt/runtime/bin/java" -Xlog:disable -Xlog:aot=error:stderr \
            -XX:AOTMode=on -XX:AOTCache="$dir/opt/lib/smtpdane.aot" \
            @"$dir/opt/lib/check.jvmopts" -jar "$dir/opt/lib/smtpdane.jar" -version \
            >"$work/v3" 2>&1); then
        ok "lib/smtpdane.aot is used by the unpacked runtime"
      else
        bad "lib/smtpdane.aot does not fit the unpacked runtime: $(head -n 3 "$work/v3")"
      fi
    else
      bad "no lib/smtpdane.aot start-up cache in the runtime package"
    fi
  else
    # The plain package makes a start-up cache only where SMTPDANE_CACHE_DIR says (Java 19+).
    if (cd / && SMTPDANE_CACHE_DIR=$work/cache "$dir/bin/smtpdane" -version >"$work/v4" 2>&1 \
          && SMTPDANE_CACHE_DIR=$work/cache "$dir/bin/smtpdane" -version >>"$work/v4" 2>&1) \
        && ls "$work"/cache/smtpdane-*.aot "$work"/cache/smtpdane-*.jsa 2>/dev/null | grep -q . \
        && ! ls "$work"/cache/*.failed >/dev/null 2>&1; then
      ok "SMTPDANE_CACHE_DIR: a start-up cache is made, and a second run starts:" \
        "$(ls "$work/cache")"
    else
      bad "SMTPDANE_CACHE_DIR: no start-up cache made: $(head -n 3 "$work/v4")"
    fi
    # Any other run trains in the background: it returns at once, the cache comes later.
    if (cd / && SMTPDANE_CACHE_DIR=$work/cache2 "$dir/bin/smtpdane" --help >"$work/v5" 2>&1)
    then
      waited=0
      cached() { ls "$work"/cache2/smtpdane-*.aot "$work"/cache2/smtpdane-*.jsa 2>/dev/null \
        | grep -q .; }
      until cached || [ $waited -ge 120 ] || ls "$work"/cache2/*.failed >/dev/null 2>&1; do
        sleep 1
        waited=$((waited + 1))
      done
      if cached; then
        ok "SMTPDANE_CACHE_DIR: a run other than -version trains in the background" \
          "(cache after ${waited} s)"
      else
        bad "SMTPDANE_CACHE_DIR: no cache from the background training: $(ls "$work/cache2")"
      fi
    else
      bad "SMTPDANE_CACHE_DIR: --help failed: $(head -n 3 "$work/v5")"
    fi
  fi

  warnings=$(groff -man -ww -z "$dir/opt/man/man1/smtpdane.1" 2>&1 || true)
  [ -z "$warnings" ] && ok "man page: no groff warnings" || bad "man page: $warnings"

  if bash -c ". '$dir/opt/completion/smtpdane.bash' && complete -p smtpdane" >/dev/null 2>&1
  then ok "bash completion registers for smtpdane"
  else bad "bash completion does not load"
  fi
  if command -v zsh >/dev/null 2>&1; then
    cat >"$work/z.zsh" <<EOF
zmodload zsh/zpty
zpty z 'zsh -f -i'
zpty -w z 'PS1="> "; fpath=($dir/opt/completion \$fpath); autoload -Uz compinit; compinit -u -d $work/zd'
sleep 1; zpty -r -t z junk
zpty -w -n z \$'smtpdane -expir\t'
sleep 2; zpty -r -t z out; zpty -d z
print -r -- "\$out"
EOF
    if timeout 20 zsh -f "$work/z.zsh" 2>/dev/null | grep -q 'expiration-warning'; then
      ok "zsh completion completes -expir to -expiration-warning"
    else
      bad "zsh completion does not complete options"
    fi
  else
    echo "skip  zsh not installed"
  fi
done

# The jlink module list must cover what the jar needs.
jdeps=$(command -v jdeps || true)
[ -n "$jdeps" ] || { [ -n "${JAVA_HOME:-}" ] && jdeps=$JAVA_HOME/bin/jdeps; }
if [ -n "$jdeps" ] && [ -x "$jdeps" ] && [ -f "$root/target/smtpdane.jar" ]; then
  need=$("$jdeps" --print-module-deps --ignore-missing-deps --multi-release 21 \
    "$root/target/smtpdane.jar" | tr ',' '\n')
  have=$(sed -n 's:.*<smtpdane.jlink.modules>\(.*\)</smtpdane.jlink.modules>.*:\1:p' \
    "$root/pom.xml" | tr ',' '\n')
  missing=$(echo "$need" | while read -r m; do
    echo "$have" | grep -qx "$m" || echo "$m"; done)
  [ -z "$missing" ] && ok "jlink modules cover jdeps: $(echo "$need" | paste -sd, -)" \
    || bad "add to smtpdane.jlink.modules in pom.xml: $missing"
else
  echo "skip  jdeps not found (set JAVA_HOME to a JDK)"
fi
exit $fail
