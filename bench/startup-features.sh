#!/usr/bin/env bash
# Benchmark (not a test): what each of PediConsult's boot features costs at a cold start. For the whole suite and
# then for each pediconsult-* boot feature left out of featuresBoot (the platform and the consultation, which
# everything needs, stay), RUNS cold starts (default 3) on a fresh unpack each: median time to /api/health UP,
# median RSS, and the number of bundles installed (a feature another boot feature depends on stays installed:
# then its "cost" is not measurable this way, and the table says so). Prints a table of the differences.
#
#   bench/startup-features.sh [runs]      (build first: ./mvnw -B -DskipTests install; ZIP=other.zip for another build)
#
# Uses ports 8181 and 8443 (and 8101, 2575): stop any running PediConsult first.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/karaf.sh
runs=${1:-3}
zip=${ZIP:-$(ls karaf-distribution/target/karaf-distribution-*.zip | head -1)}
work=$(mktemp -d)
cleanup() { for h in "$work"/run/*/; do [ -f "$h/karaf.pid" ] && kill -9 "$(cat "$h/karaf.pid")" 2>/dev/null; done; rm -rf "$work"; }
trap cleanup EXIT

# featuresBoot without one feature (the list is one entry per line, the last without its comma)
without() {
  python3 - "$1" "$2" <<'PY'
import re, sys
path, feature = sys.argv[1], sys.argv[2]
s = open(path).read()
m = re.search(r'featuresBoot\s*=\s*\\\n((?:.*\\\n)*.*\n)', s)
entries = [e.strip().rstrip(',').rstrip('\\').strip().rstrip(',') for e in m.group(1).splitlines()]
kept = [e for e in entries if e and not e.startswith(feature + '/')]
s = s[:m.start(1)] + ', \\\n'.join('    ' + e for e in kept) + '\n' + s[m.end(1):]
open(path, 'w').write(s)
PY
}
measure() {   # $1: label, $2: feature to leave out or ""
  local times=() rss=() bundles=0
  for i in $(seq 1 "$runs"); do
    rm -rf "$work/run" && mkdir -p "$work/run" && unzip -q "$zip" -d "$work/run"
    local home; home=$(ls -d "$work"/run/*/)
    [ -n "$2" ] && without "$home/etc/org.apache.karaf.features.cfg" "$2"
    local t0 t1; t0=$(now); "$home/bin/start"
    if ! wait_up 2>/dev/null; then
      # without this feature the suite does not come UP (another boot feature needs what it brings)
      stop_karaf "$home"
      printf '%s\t-\t-\t-\n' "$1"
      return 0
    fi
    t1=$(now)
    times+=("$(awk "BEGIN {print $t1 - $t0}")")
    rss+=("$(( $(ps -o rss= -p "$(cat "$home/karaf.pid")") / 1024 ))")
    bundles=$(ls -d "$home"/data/cache/bundle* 2>/dev/null | wc -l)
    stop_karaf "$home"
  done
  printf '%s\t%s\t%s\t%s\n' "$1" "$(printf '%s\n' "${times[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | median)" "$bundles"
}

features=$(unzip -p "$zip" '*/etc/org.apache.karaf.features.cfg' | grep -o 'pediconsult-[a-z0-9-]*' | sort -u \
  | grep -v -x -e pediconsult-platform -e pediconsult-consultation)
{
  measure "(whole suite)" ""
  for f in $features; do measure "$f" "$f"; done
} > "$work/results"
base_t=$(awk -F'\t' 'NR == 1 {print $2}' "$work/results")
base_r=$(awk -F'\t' 'NR == 1 {print $3}' "$work/results")
base_b=$(awk -F'\t' 'NR == 1 {print $4}' "$work/results")
printf '%-36s %10s %9s %8s %14s %12s\n' "left out" "cold (s)" "RSS MiB" "bundles" "feature costs" ""
awk -F'\t' -v bt="$base_t" -v br="$base_r" -v bb="$base_b" '{
  if (NR == 1) { printf "%-36s %10.2f %9d %8d\n", $1, $2, $3, $4; next }
  if ($2 == "-") { printf "%-36s %10s %9s %8s   %s\n", $1, "-", "-", "-", "(health not UP without it in 60 s)"; next }
  if ($4 == bb) { printf "%-36s %10.2f %9d %8d   %s\n", $1, $2, $3, $4, "(still installed: another boot feature needs it)"; next }
  printf "%-36s %10.2f %9d %8d   %+.2f s, %+d MiB, %d bundles\n", $1, $2, $3, $4, bt - $2, br - $3, bb - $4
}' "$work/results"
echo "runs per row: $runs (medians); JVM: $(unzip -p "$zip" '*/bin/setenv' | grep -E '^export (JAVA_M|EXTRA)' | tr '\n' ' ')"
