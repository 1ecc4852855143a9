# Sourced by ./smtpdane and ./run-tests: sets SMTPDANE_JAVA_HOME to a JDK >= 21.
# Order: $JAVA_HOME, the `java` on PATH, then the system JVM directories (newest first).
# POSIX sh; never assumes the user set JAVA_HOME. Every run of smtpdane comes through here, so
# it forks as little as it can (issue 9: on a machine whose default java is older than 21 the
# directory scan cost ~9 ms a run when each candidate's version was read in a subshell).

smtpdane_read_major() {
  # Sets _major to the major version of the JDK/JRE at $1 (a java.home), or to "". The release
  # file is read by the shell itself, with no fork.
  _major=
  _v=
  if [ -r "$1/release" ]; then
    while IFS= read -r _line || [ -n "$_line" ]; do
      case $_line in
        JAVA_VERSION=*) _v=${_line#JAVA_VERSION=}; _v=${_v#\"}; _v=${_v%%\"*}; break ;;
      esac
    done <"$1/release"
  elif [ -x "$1/bin/java" ]; then
    _v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  case $_v in
    '') return 0 ;;
    1.*) _v=${_v#1.} ;;
  esac
  _major=${_v%%[!0-9]*}
}

smtpdane_java_major() {
  # Prints the major version of the JDK/JRE at $1 (a java.home), or nothing.
  smtpdane_read_major "$1"
  [ -z "$_major" ] || echo "$_major"
}

smtpdane_is_jdk21() {
  # True when $1 is a java.home with bin/java (and javac when $2 = jdk) of version >= 21.
  [ -n "$1" ] && [ -x "$1/bin/java" ] || return 1
  if [ "${2:-}" = jdk ] && [ ! -x "$1/bin/javac" ]; then return 1; fi
  smtpdane_read_major "$1"
  case $_major in ''|*[!0-9]*) return 1 ;; esac
  [ "$_major" -ge 21 ]
}

smtpdane_find_jdk() {
  # $1 = jdk (need javac, for building) or jre (running only).
  _need=${1:-jdk}
  SMTPDANE_JAVA_HOME=
  if smtpdane_is_jdk21 "${JAVA_HOME:-}" "$_need"; then
    SMTPDANE_JAVA_HOME=$JAVA_HOME; return 0
  fi
  _j=$(command -v java 2>/dev/null || true)
  case $_j in
    */*)
      _real=$(readlink -f "$_j" 2>/dev/null || echo "$_j")
      _h=${_real%/*}; _h=${_h%/*} # .../bin/java -> java.home
      if smtpdane_is_jdk21 "$_h" "$_need"; then SMTPDANE_JAVA_HOME=$_h; return 0; fi
      ;;
  esac
  # The newest suitable JDK in the usual directories (symlinked aliases skipped). The list can
  # be replaced (SMTPDANE_JVM_DIRS, space-separated) for tests.
  _best=
  _best_major=0
  for _dir in ${SMTPDANE_JVM_DIRS:-/usr/lib/jvm /usr/java /opt/java \
               /Library/Java/JavaVirtualMachines}; do
    [ -d "$_dir" ] || continue
    for _c in "$_dir"/* "$_dir"/*/Contents/Home; do
      [ -d "$_c" ] && [ ! -L "$_c" ] || continue
      smtpdane_is_jdk21 "$_c" "$_need" || continue
      if [ "$_major" -gt "$_best_major" ]; then
        _best=$_c; _best_major=$_major
      fi
    done
  done
  [ -n "$_best" ] || return 1
  SMTPDANE_JAVA_HOME=$_best
}

smtpdane_no_jdk() {
  echo "smtpdane: no JDK 21 or newer found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm);" \
       "install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+, or set JAVA_HOME" >&2
  exit 2
}
