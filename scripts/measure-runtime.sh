#!/bin/sh
# Compares the two distributions built by `mvn -Pdist,jlink package`: the plain one (a Java 21+
# found on the host) and the one with its own jlink runtime. Prints sizes and the median
# start-up time of `-version`, `-help` and a run that fails at once (dead loopback resolver).
# Usage: scripts/measure-runtime.sh [RUNS]     (default 21 runs each, after 3 warm-up runs)
# Timings on a busy machine are noisy: compare medians from the same session only.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-21}
plain=$(ls "$root"/target/smtpdane-*.tar.gz 2>/dev/null | grep -v -- '-Linux-\|-Mac\|-Windows' \
  | head -n 1 || true)
image=$(ls "$root"/target/smtpdane-*-*-*.tar.gz 2>/dev/null | grep -v SNAPSHOT.tar.gz \
  | head -n 1 || true)
if [ -z "$plain" ] || [ -z "$image" ]; then
  echo "measure-runtime: build both first: mvn -Pdist,jlink -DskipTests package" >&2; exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/plain" "$work/image"
tar -xzf "$plain" -C "$work/plain" --strip-components=1
tar -xzf "$image" -C "$work/image" --strip-components=1

echo "tarball sizes: plain $(du -h "$plain" | cut -f1), with runtime $(du -h "$image" | cut -f1)"
echo "unpacked: plain $(du -sh "$work/plain" | cut -f1)," \
  "with runtime $(du -sh "$work/image" | cut -f1) (runtime/ $(du -sh "$work/image/runtime" | cut -f1))"
echo "host Java used by the plain one: $("$work/plain/bin/smtpdane" -version | sed -n 2p)"

host_java=$("$work/plain/bin/smtpdane" -version | sed -n 's/^Java .* (.*, \(.*\)) on .*/\1/p')
python3 - "$work" "$runs" "$host_java" <<'EOF'
import socket, statistics, subprocess, sys, time
work, runs, host_java = sys.argv[1], int(sys.argv[2]), sys.argv[3]
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0))
dead = s.getsockname()[1]; s.close()
cases = [["-version"], ["-help"],
         ["--resolver", f"127.0.0.1:{dead}", "--timeout", "5s", "-mx", "example.org"]]
def median_ms(cmd):
    quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(3):
        subprocess.run(cmd, **quiet)
    times = []
    for _ in range(runs):
        t = time.perf_counter(); subprocess.run(cmd, **quiet)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), min(times)
print(f"\nstart-up, median (min) of {runs} runs, ms:")
print(f"{'arguments':48} {'plain jar':>16} {'jlink runtime':>16}")
for args in cases:
    p = median_ms([f"{work}/plain/bin/smtpdane"] + args)
    i = median_ms([f"{work}/image/bin/smtpdane"] + args)
    label = " ".join(args).replace(str(dead), "DEAD")
    print(f"{label:48} {p[0]:8.0f} ({p[1]:4.0f}) {i[0]:8.0f} ({i[1]:4.0f})")
# The JVM alone, without the launchers (the plain launcher also searches for a Java).
flags = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:-UsePerfData"]
p = median_ms([f"{host_java}/bin/java"] + flags + ["-jar", f"{work}/plain/lib/smtpdane.jar",
                                                   "-version"])
i = median_ms([f"{work}/image/runtime/bin/java"] + flags + ["-jar",
               f"{work}/image/lib/smtpdane.jar", "-version"])
print(f"{'java -jar ... -version (no launcher)':48} {p[0]:8.0f} ({p[1]:4.0f}) {i[0]:8.0f} ({i[1]:4.0f})")
EOF
