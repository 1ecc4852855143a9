#!/bin/sh
# Runs smtpdane under strace and checks that everything it touches (files opened, programs run,
# sockets, connections) is in the "Access needed" list of README.md, so a sandbox
# profile written from that list will work. Not part of ./run-tests: it needs strace and takes
# a few seconds per run.
#
# Usage: scripts/access-check.sh [--launcher PATH] [--run "ARGS" [--smtp HOST:PORT]...]...
#   --launcher PATH  the smtpdane to trace (default: ./smtpdane of this tree, which builds the
#                    jar first; give an unpacked distribution's bin/smtpdane to check that)
#   --run "ARGS"     a run to trace instead of the built-in ones; --resolver in ARGS names the
#                    resolvers it may use; --smtp names the SMTP endpoints it may connect to
#   --keep DIR       keep the strace output in DIR
#
# Built-in runs (no network beyond loopback; nothing listens on the ports used):
#   -version; -help; an -mx run whose resolver is a dead loopback port; a run against
#   127.0.0.1 on a dead port (DNS is not needed for an address).
# With the lab server (once `smtpdane demo --serve` exists), trace a real check, e.g.:
#   ./smtpdane demo --serve &     # prints its resolver and SMTP addresses
#   scripts/access-check.sh --run "--resolver 127.0.0.1:5300 -mx example.test" \
#     --smtp '127.0.0.1:*'
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
launcher=$root/smtpdane
keep=
runs=
nl='
'
while [ $# -gt 0 ]; do
  case $1 in
    --launcher) launcher=$2; shift 2 ;;
    --run) runs="$runs${nl}RUN $2"; shift 2 ;;
    --smtp) runs="$runs${nl}SMTP $2"; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "access-check: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

if ! command -v strace >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "access-check: installing strace" >&2
    apt-get install -y -q strace >/dev/null
  else
    echo "access-check: strace is not installed (apt-get install strace)" >&2; exit 2
  fi
fi
command -v python3 >/dev/null 2>&1 || { echo "access-check: needs python3" >&2; exit 2; }

# Build first (./smtpdane builds on first use) so that the traces show the tool, not Maven.
"$launcher" -version >/dev/null

out=${keep:-$(mktemp -d)}
mkdir -p "$out"
[ -n "$keep" ] || trap 'rm -rf "$out"' EXIT

if [ -z "$runs" ]; then
  # Two loopback ports with nothing listening: DNS and SMTP attempts fail at once.
  ports=$(python3 -c 'import socket
for _ in range(2):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  dns=$(echo "$ports" | sed -n 1p)
  smtp=$(echo "$ports" | sed -n 2p)
  runs="RUN -version${nl}RUN -help"
  runs="$runs${nl}RUN --resolver 127.0.0.1:$dns --timeout 10s -nocertnames -mx example.org"
  runs="$runs${nl}RUN --resolver 127.0.0.1:$dns --timeout 10s -connect-timeout 2s"
  runs="$runs -port $smtp 127.0.0.1${nl}SMTP 127.0.0.1:$smtp"
fi

n=0
echo "$runs" | while IFS= read -r line; do
  case $line in
    "RUN "*)
      n=$((n + 1)); args=${line#RUN }
      echo "$args" >"$out/run$n.args"
      echo "access-check: tracing smtpdane $args" >&2
      # shellcheck disable=SC2086 # ARGS are split into words on purpose
      (cd /tmp && env -u SSL_CERT_FILE -u SSL_CERT_DIR strace -ff -qq -y -s 400 \
        -e trace=file,network,execve -o "$out/run$n.trace" "$launcher" $args \
        >"$out/run$n.out" 2>&1) || true ;;
    "SMTP "*) echo "${line#SMTP }" >>"$out/run$n.smtp" ;;
  esac
done

exec python3 "$root/scripts/access-check.py" "$root/README.md" "$out" "$launcher"
