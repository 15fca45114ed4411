#!/usr/bin/env bash
# Benchmark (not a test): which threads use the CPU during a cold start of the distribution, sampled from
# /proc every 0.5 s (no agent, so nothing is slowed), from bin/start until /api/health answers 200.
# Shows whether the boot is short of CPU or waiting: on the 2 vCPU VM of docs/benchmarks.md the JIT's
# compiler threads took ~0.8 of a core and the features deployer (which starts every bundle and our
# components) ~0.55, with ~0.5 of a core idle.
#
#   bench/startup-threads.sh        (build first: ./mvnw -B -DskipTests install; ZIP=other.zip for another build)
#
# Uses ports 8181 and 8443 (and 8101, 2575): stop any running PediConsult first.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/karaf.sh
zip=${ZIP:-$(ls karaf-distribution/target/karaf-distribution-*.zip | head -1)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unzip -q "$zip" -d "$work/run"
home=$(ls -d "$work"/run/*/)
t0=$(now); "$home/bin/start"
for _ in $(seq 1 200); do [ -s "$home/karaf.pid" ] && break; sleep 0.05; done
python3 bench/lib/thread-cpu.py "$(cat "$home/karaf.pid")" "$t0" "$work/stop" &
sampler=$!
wait_up; t1=$(now); touch "$work/stop"; wait "$sampler"
printf 'cold start %.2f s\n' "$(awk "BEGIN {print $t1 - $t0}")"
stop_karaf "$home"
