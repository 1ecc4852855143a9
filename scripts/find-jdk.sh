# Sourced by ./smtpdane and ./run-tests: sets SMTPDANE_JAVA_HOME to a JDK >= 21.
# Order: $JAVA_HOME, the `java` on PATH, then the system JVM directory (newest first).
# POSIX sh; never assumes the user set JAVA_HOME.

smtpdane_java_major() {
  # Prints the major version of the JDK/JRE at $1 (a java.home), or nothing. The release file
  # is read by the shell itself: every run of smtpdane goes through here, and forks cost.
  _home=$1
  _v=
  if [ -r "$_home/release" ]; then
    while IFS= read -r _line || [ -n "$_line" ]; do
      case $_line in
        JAVA_VERSION=*) _v=${_line#JAVA_VERSION=}; _v=${_v#\"}; _v=${_v%%\"*}; break ;;
      esac
    done <"$_home/release"
  elif [ -x "$_home/bin/java" ]; then
    _v=$("$_home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  [ -n "$_v" ] || return 0
  case $_v in
    1.*) _v=${_v#1.}; echo "${_v%%[!0-9]*}" ;;
    *) echo "${_v%%[!0-9]*}" ;;
  esac
}

smtpdane_is_jdk21() {
  # True when $1 is a java.home with bin/java (and javac when $2 = jdk) of version >= 21.
  [ -n "$1" ] && [ -x "$1/bin/java" ] || return 1
  if [ "${2:-}" = jdk ] && [ ! -x "$1/bin/javac" ]; then return 1; fi
  _m=$(smtpdane_java_major "$1")
  case $_m in ''|*[!0-9]*) return 1 ;; esac
  [ "$_m" -ge 21 ]
}

smtpdane_find_jdk() {
  # $1 = jdk (need javac, for building) or jre (running only).
  _need=${1:-jdk}
  SMTPDANE_JAVA_HOME=
  if smtpdane_is_jdk21 "${JAVA_HOME:-}" "$_need"; then
    SMTPDANE_JAVA_HOME=$JAVA_HOME; return 0
  fi
  _j=$(command -v java 2>/dev/null || true)
  if [ -n "$_j" ]; then
    _real=$(readlink -f "$_j" 2>/dev/null || echo "$_j")
    _h=$(dirname "$(dirname "$_real")")
    if smtpdane_is_jdk21 "$_h" "$_need"; then SMTPDANE_JAVA_HOME=$_h; return 0; fi
  fi
  for _dir in /usr/lib/jvm /usr/java /opt/java /Library/Java/JavaVirtualMachines; do
    [ -d "$_dir" ] || continue
    # Newest first: sort candidates by their major version, descending.
    for _h in $(for _c in "$_dir"/* "$_dir"/*/Contents/Home; do
                  [ -d "$_c" ] && [ ! -L "$_c" ] || continue
                  _m=$(smtpdane_java_major "$_c")
                  case $_m in ''|*[!0-9]*) continue ;; esac
                  echo "$_m $_c"
                done | sort -rn | cut -d' ' -f2-); do
      if smtpdane_is_jdk21 "$_h" "$_need"; then SMTPDANE_JAVA_HOME=$_h; return 0; fi
    done
  done
  return 1
}

smtpdane_no_jdk() {
  echo "smtpdane: no JDK 21 or newer found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm);" \
       "install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+, or set JAVA_HOME" >&2
  exit 2
}
