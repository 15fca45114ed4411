#!/usr/bin/env bash
# Benchmark (not a test): where a cold start of the distribution spends its time, profiled with
# async-profiler (tools.profiler:async-profiler:4.1:jar:linux-x64 from the Maven repository: M2_REPO,
# default ~/.m2/repository; fetch it once with
#   mvn dependency:get -Dartifact=tools.profiler:async-profiler:4.1:jar:linux-x64).
#
#   bench/startup-profile.sh [cpu|wall]     (build first: ./mvnw -B -DskipTests install)
#
# Starts a fresh copy of the distribution with the profiler loaded from the JVM's first instruction,
# stops the profile when /api/health first answers 200, and writes the flame graph and collapsed stacks
# to PROFILE_OUT (default bench/results/): startup-<event>.html / .collapsed. Then prints the CPU time
# per thread and the heaviest frames of PediConsult's own code and of the libraries they start.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/karaf.sh
event=${1:-cpu}
repo=${M2_REPO:-$HOME/.m2/repository}
zip=${ZIP:-$(ls karaf-distribution/target/karaf-distribution-*.zip | head -1)}
out=${PROFILE_OUT:-bench/results}; mkdir -p "$out"; out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. bench/lib/profiler.sh
PROFILE=$event
profiler=$(profiler_lib)
unzip -q "$zip" -d "$work/run"
home=$(ls -d "$work"/run/*/)
# the distribution's own JVM options (its bin/setenv, read here rather than copied), plus the profiler
unset EXTRA_JAVA_OPTS
. "$home/bin/setenv"
export EXTRA_JAVA_OPTS="$EXTRA_JAVA_OPTS -agentpath:$profiler=start,event=$event,interval=1ms,threads"
t0=$(now); "$home/bin/start"; wait_up; t1=$(now)
pid=$(cat "$home/karaf.pid")
collapsed=$(PROFILE_OUT=$out profile_stop "$pid" startup)
stop_karaf "$home"
printf 'cold start with the profiler: %.2f s (the profiler adds to it; bench/startup.sh gives the figure without)\n' \
  "$(awk "BEGIN {print $t1 - $t0}")"
python3 bench/lib/profile-summary.py "$collapsed"
