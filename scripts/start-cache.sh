# Sourced by ./smtpdane, and by bin/smtpdane when SMTPDANE_CACHE_DIR is set: the start-up cache
# of a one-shot check (issue 9). A JDK AOT cache on JDK 25+ (JEP 483/515), else an AppCDS
# archive (JDK 19-24), made by a silent training run the first time. Any failure just means a
# run without a cache; nothing here may end the launcher. Needs find-jdk.sh.

smtpdane_start_cache() {
  # $1 java.home, $2 the jar, $3 the cache directory, $4 the JVM options file of a check.
  # Sets _cache_kind (aot, cds or empty) and _cache_file for the launcher to pass on.
  _cache_kind=
  _cache_file=
  smtpdane_read_major "$1"
  _sc_major=${_major:-0}
  # Keyed by the time and size of the jar and of the Java runtime's modules: an update of
  # either (a JDK update keeps its major version) gets a new cache, as the JVM would refuse
  # the old one.
  _sc_stamp=$(stat -c %Y-%s "$2" "$1/lib/modules" 2>/dev/null || echo x)
  _sc_nl='
'
  case $_sc_stamp in *"$_sc_nl"*) _sc_stamp=${_sc_stamp%%"$_sc_nl"*}-${_sc_stamp#*"$_sc_nl"} ;; esac
  if [ "$_sc_major" -ge 25 ]; then
    _sc_kind=aot
    _sc_cache=$3/smtpdane-$_sc_stamp-jdk$_sc_major.aot
    _sc_out=-XX:AOTCacheOutput=
  elif [ "$_sc_major" -ge 19 ]; then
    _sc_kind=cds
    _sc_cache=$3/smtpdane-$_sc_stamp-jdk$_sc_major.jsa
    # Made by a training run too, never by a check at its exit: a JVM that cannot write the
    # archive then exits 1 and says so on stdout, where Nagios reads.
    _sc_out=-XX:ArchiveClassesAtExit=
  else
    return 0
  fi
  # A training that failed is not retried for this jar (a ".failed" mark): every run would pay
  # for it again. An existing directory this user may not write is no place for a cache.
  if [ ! -f "$_sc_cache" ] && [ ! -f "$_sc_cache.failed" ] && mkdir -p "$3" 2>/dev/null \
     && [ -w "$3" ]; then
    _sc_tmp=$_sc_cache.$$.tmp
    if "$1/bin/java" -Xlog:disable "$_sc_out$_sc_tmp" @"$4" -jar "$2" _aot-train \
         >/dev/null 2>&1 && [ -s "$_sc_tmp" ] && mv -f "$_sc_tmp" "$_sc_cache" 2>/dev/null; then
      # The caches of older jars and runtimes are of no use any more (about 30 MB each).
      for _sc_old in "$3"/smtpdane-*-jdk"$_sc_major".* ; do
        case $_sc_old in *.tmp|*.tmp.config) continue ;; esac # another run's training
        [ "$_sc_old" = "$_sc_cache" ] || rm -f "$_sc_old" 2>/dev/null || true
      done
    else
      # (true, not ':': a failed redirection of a special builtin would end the launcher)
      true >"$_sc_cache.failed" 2>/dev/null || true
    fi
    rm -f "$_sc_tmp" "$_sc_tmp.config" 2>/dev/null || true
  fi
  if [ -f "$_sc_cache" ]; then
    _cache_kind=$_sc_kind
    _cache_file=$_sc_cache
  fi
}
