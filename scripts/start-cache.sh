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
  # Named for this install and this Java (a key of their paths: installs sharing a directory
  # keep their own caches), then keyed by the time and size of the jar and of the runtime's
  # modules: an update of either (a JDK update keeps its major version) gets a new cache, as
  # the JVM would refuse the old one.
  _sc_key=$(printf '%s\n' "$2 $1" | cksum 2>/dev/null) || _sc_key=0
  _sc_key=${_sc_key%% *}
  _sc_stamp=$(stat -c %Y-%s "$2" "$1/lib/modules" 2>/dev/null || echo x)
  _sc_nl='
'
  case $_sc_stamp in *"$_sc_nl"*) _sc_stamp=${_sc_stamp%%"$_sc_nl"*}-${_sc_stamp#*"$_sc_nl"} ;; esac
  if [ "$_sc_major" -ge 25 ]; then
    _sc_kind=aot
    _sc_ext=aot
    _sc_out=-XX:AOTCacheOutput=
  elif [ "$_sc_major" -ge 19 ]; then
    _sc_kind=cds
    _sc_ext=jsa
    # Made by a training run too, never by a check at its exit: a JVM that cannot write the
    # archive then exits 1 and says so on stdout, where Nagios reads.
    _sc_out=-XX:ArchiveClassesAtExit=
  else
    return 0
  fi
  _sc_base=$3/smtpdane-$_sc_key-jdk$_sc_major
  _sc_cache=$_sc_base-$_sc_stamp.$_sc_ext
  # -version was asked for: a training that failed before is tried again.
  [ "${5:-}" = now ] && rm -f "$_sc_cache.failed" 2>/dev/null
  # A training that failed is not retried by checks (a ".failed" mark): every run would pay
  # for it again. An existing directory this user may not write is no place for a cache. One
  # training at a time: the others go on without a cache; -version waits for it.
  if [ ! -f "$_sc_cache" ] && [ ! -f "$_sc_cache.failed" ] && mkdir -p "$3" 2>/dev/null \
     && [ -w "$3" ]; then
    if smtpdane_claim_training "$_sc_cache.training"; then
      if [ "${5:-}" = now ]; then
        sh -c "$smtpdane_train_script" smtpdane-train "$1/bin/java" "$_sc_out" "$_sc_cache" \
          "$4" "$2" "$_sc_base" </dev/null >/dev/null 2>&1 || true
      else
        # Detached: in a subshell that ends at once (no child left to the check's JVM), in a
        # session of its own where setsid exists (a plugin timeout kills the check's process
        # group, not the training), holding none of the caller's files or pipes.
        _sc_setsid=
        command -v setsid >/dev/null 2>&1 && _sc_setsid=setsid
        ( $_sc_setsid sh -c "$smtpdane_train_script" smtpdane-train "$1/bin/java" \
            "$_sc_out" "$_sc_cache" "$4" "$2" "$_sc_base" </dev/null >/dev/null 2>&1 \
            3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- & ) || true
      fi
    elif [ "${5:-}" = now ]; then
      _sc_waited=0 # another run is training: -version waits for it (a minute at most)
      while [ -d "$_sc_cache.training" ] && [ ! -f "$_sc_cache" ] && [ $_sc_waited -lt 60 ]; do
        sleep 1
        _sc_waited=$((_sc_waited + 1))
      done
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
# the cache, the options file, the jar, the name every cache of this install and Java starts
# with. It gives up its mark however it ends, and marks ".failed" only a training that failed
# by itself, not one a signal stopped (an OOM kill, a reboot): that one is tried again.
smtpdane_train_script='
java=$1 out=$2 cache=$3 opts=$4 jar=$5 base=$6
tmp=$cache.$$.tmp
done_() { rm -f "$tmp" "$tmp.config" 2>/dev/null; rmdir "$cache.training" 2>/dev/null; }
trap "done_; exit 1" HUP INT TERM
if [ -f "$cache" ]; then done_; exit 0; fi # made meanwhile by a training before ours
dir=${base%/*}
# What a training killed mid-way left behind: its files (30 MB) and its mark.
find "$dir" -maxdepth 1 -name "smtpdane-*.tmp*" -mmin +10 -exec rm -f {} + 2>/dev/null
find "$dir" -maxdepth 1 -name "smtpdane-*.training" -type d -mmin +10 \
  -exec rmdir {} + 2>/dev/null
"$java" -Xlog:disable "$out$tmp" @"$opts" -jar "$jar" _aot-train >/dev/null 2>&1
status=$?
if [ $status -eq 0 ] && [ -s "$tmp" ] && mv -f "$tmp" "$cache" 2>/dev/null; then
  # Caches of this install and Java for older jars or runtimes are of no use (30 MB each).
  for old in "$base"-*; do
    case $old in "$cache"|*.tmp|*.tmp.config|*.training) continue ;; esac
    rm -f "$old" 2>/dev/null
  done
elif [ $status -lt 128 ]; then
  : >"$cache.failed" 2>/dev/null
fi
done_
'
