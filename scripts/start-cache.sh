# Sourced by ./smtpdane, and by bin/smtpdane when SMTPDANE_CACHE_DIR is set: the start-up cache
# of a one-shot check (issue 9). A JDK AOT cache on JDK 25+ (JEP 483/515), else an AppCDS
# archive (JDK 19-24), made by a silent training run. Any failure just means a run without a
# cache; nothing here may end the launcher. Needs find-jdk.sh.

smtpdane_start_cache() {
  # $1 java.home, $2 the jar, $3 the cache directory, $4 the JVM options file of a check,
  # $5 "now" to train before this run and use the cache at once (-version, which README and
  # the man page say to run once after installing), anything else to train in the background
  # for the next run while this one goes on without a cache: a first check from a monitoring
  # system must not wait several seconds for a training.
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
  # for it again. An existing directory this user may not write is no place for a cache. One
  # training at a time: the others go on without a cache.
  if [ ! -f "$_sc_cache" ] && [ ! -f "$_sc_cache.failed" ] && mkdir -p "$3" 2>/dev/null \
     && [ -w "$3" ] && smtpdane_claim_training "$_sc_cache.training"; then
    if [ "${5:-}" = now ]; then
      sh -c "$smtpdane_train_script" smtpdane-train "$1/bin/java" "$_sc_out" "$_sc_cache" \
        "$4" "$2" "$3" "$_sc_major" </dev/null >/dev/null 2>&1 || true
    else
      # In a session of its own where setsid exists, so that a plugin timeout, which kills
      # the check's process group, does not cut the training short.
      _sc_setsid=
      command -v setsid >/dev/null 2>&1 && _sc_setsid=setsid
      $_sc_setsid sh -c "$smtpdane_train_script" smtpdane-train "$1/bin/java" "$_sc_out" \
        "$_sc_cache" "$4" "$2" "$3" "$_sc_major" </dev/null >/dev/null 2>&1 &
    fi
  fi
  if [ -f "$_sc_cache" ]; then
    _cache_kind=$_sc_kind
    _cache_file=$_sc_cache
  fi
}

# Takes the training of one cache (a directory: mkdir is atomic). A training that died (killed,
# or the machine went down) leaves its mark behind; after 10 minutes (a training takes
# seconds) another run may take over.
smtpdane_claim_training() {
  mkdir "$1" 2>/dev/null && return 0
  [ -n "$(find "$1" -maxdepth 0 -mmin +10 2>/dev/null)" ] || return 1
  rmdir "$1" 2>/dev/null
  mkdir "$1" 2>/dev/null
}

# The training, run by its own sh (in the background or not): java, the cache-output option,
# the cache, the options file, the jar, the cache directory, the Java major version.
smtpdane_train_script='
java=$1 out=$2 cache=$3 opts=$4 jar=$5 dir=$6 major=$7
tmp=$cache.$$.tmp
# What a training killed mid-way (a reboot) left behind: 30 MB a time.
find "$dir" -maxdepth 1 -name "smtpdane-*.tmp*" -mmin +10 -exec rm -f {} + 2>/dev/null || true
if "$java" -Xlog:disable "$out$tmp" @"$opts" -jar "$jar" _aot-train >/dev/null 2>&1 \
   && [ -s "$tmp" ] && mv -f "$tmp" "$cache" 2>/dev/null; then
  # The caches of older jars and runtimes are of no use any more (about 30 MB each).
  for old in "$dir"/smtpdane-*-jdk"$major".*; do
    case $old in *.tmp|*.tmp.config|*.training) continue ;; esac # (another training)
    [ "$old" = "$cache" ] || rm -f "$old" 2>/dev/null || true
  done
else
  true >"$cache.failed" 2>/dev/null || true
fi
rm -f "$tmp" "$tmp.config" 2>/dev/null || true
rmdir "$cache.training" 2>/dev/null || true
'
