# Sourced by ./smtpdane, and by bin/smtpdane when SMTPDANE_CACHE_DIR is set: the start-up cache
# of a one-shot check (issue 9). A JDK AOT cache on JDK 25+ (JEP 483/515), made by a silent
# training run the first time, else an AppCDS archive the JVM makes itself (JDK 19-24). Any
# failure just means a run without a cache. Needs find-jdk.sh (smtpdane_read_major).

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
    _sc_cache=$3/smtpdane-$_sc_stamp-jdk$_sc_major.aot
    # A training that failed is not retried for this jar (a ".failed" mark): every run would
    # pay for it again.
    if [ ! -f "$_sc_cache" ] && [ ! -f "$_sc_cache.failed" ] && mkdir -p "$3" 2>/dev/null; then
      _sc_tmp=$_sc_cache.$$.tmp
      if "$1/bin/java" -Xlog:disable -XX:AOTCacheOutput="$_sc_tmp" @"$4" -jar "$2" _aot-train \
           >/dev/null 2>&1 && mv -f "$_sc_tmp" "$_sc_cache" 2>/dev/null; then
        # The caches of older jars and runtimes are of no use any more (about 30 MB each).
        for _sc_old in "$3"/smtpdane-*-jdk"$_sc_major".aot \
                       "$3"/smtpdane-*-jdk"$_sc_major".aot.failed; do
          [ "$_sc_old" = "$_sc_cache" ] || rm -f "$_sc_old"
        done
      else
        : >"$_sc_cache.failed" 2>/dev/null || true
      fi
      rm -f "$_sc_tmp" "$_sc_tmp.config"
    fi
    if [ -f "$_sc_cache" ]; then
      _cache_kind=aot
      _cache_file=$_sc_cache
    fi
  elif [ "$_sc_major" -ge 19 ] && mkdir -p "$3" 2>/dev/null; then
    _sc_cache=$3/smtpdane-$_sc_stamp-jdk$_sc_major.jsa
    if [ ! -f "$_sc_cache" ]; then
      for _sc_old in "$3"/smtpdane-*-jdk"$_sc_major".jsa; do
        [ "$_sc_old" = "$_sc_cache" ] || rm -f "$_sc_old"
      done
    fi
    _cache_kind=cds
    _cache_file=$_sc_cache
  fi
}
