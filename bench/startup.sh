#!/usr/bin/env bash
# Benchmark (not a test): cold start of the assembled distribution to /api/health UP, and the
# Karaf JVM's RSS right after, over N runs (default 5), each on a fresh unpack (empty data/).
# Then one warm start (same data/) per run. Prints each run and the medians.
#
#   bench/startup.sh [runs]        (build first: ./mvnw -B -DskipTests install; ZIP=other.zip for another build)
#
# Uses ports 8181 and 8443 (and 8101, 2575): stop any running PediConsult first.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/karaf.sh
runs=${1:-5}
zip=${ZIP:-$(ls karaf-distribution/target/karaf-distribution-*.zip | head -1)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cold=(); warm=(); rss=(); rsswarm=(); cpu=(); cpuwarm=()
for i in $(seq 1 "$runs"); do
  rm -rf "$work/run" && mkdir -p "$work/run" && unzip -q "$zip" -d "$work/run"
  home=$(ls -d "$work"/run/*/)
  t0=$(now); "$home/bin/start"; wait_up; t1=$(now)
  c=$(awk "BEGIN {print $t1 - $t0}"); r=$(rss_mib "$(cat "$home/karaf.pid")"); cc=$(cpu_secs "$(cat "$home/karaf.pid")")
  stop_karaf "$home"
  t0=$(now); "$home/bin/start"; wait_up; t1=$(now)
  w=$(awk "BEGIN {print $t1 - $t0}"); rw=$(rss_mib "$(cat "$home/karaf.pid")"); cw=$(cpu_secs "$(cat "$home/karaf.pid")")
  stop_karaf "$home"
  printf 'run %d: cold %.2f s (CPU %.1f s), RSS %d MiB; warm %.2f s (CPU %.1f s), RSS %d MiB\n' "$i" "$c" "$cc" "$r" "$w" "$cw" "$rw"
  cold+=("$c"); warm+=("$w"); rss+=("$r"); rsswarm+=("$rw"); cpu+=("$cc"); cpuwarm+=("$cw")
done
printf 'median of %d: cold start %.2f s (CPU %.1f s), RSS %s MiB; warm start %.2f s (CPU %.1f s), RSS %s MiB\n' "$runs" \
  "$(printf '%s\n' "${cold[@]}" | median)" "$(printf '%s\n' "${cpu[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | median)" \
  "$(printf '%s\n' "${warm[@]}" | median)" "$(printf '%s\n' "${cpuwarm[@]}" | median)" "$(printf '%s\n' "${rsswarm[@]}" | median)"
echo "JVM: $(grep -E 'JAVA_MAX_MEM|EXTRA_JAVA_OPTS' "$home/bin/setenv" | tr '\n' ' ')"
