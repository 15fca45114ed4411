#!/usr/bin/env bash
# Benchmark (not a test): booking throughput and latency, with wrk, on the assembled distribution.
#
#   bench/booking.sh [pairs] [seconds] [connections] [think-ms]   (build first: ./mvnw -B -DskipTests install)
#   ZIP=other.zip: another build's distribution (before/after pairs)
#
# think-ms (default 0): pause of each connection between its requests, to measure latency at a
# chosen load below saturation (e.g. 8 connections x 5 ms ~ 1,000 bookings/s here).
#
# Unpacks a fresh distribution, opens the pilot window, drops the test specialty bundle into
# deploy/, creates <pairs> consultations (assessments of the demo child) and as many free slots of
# dr.wang, then has wrk book them: every request books a different consultation into a different
# slot, so each is a real, successful booking (slot claim, consultation update, transition row,
# outbox event, audit record, one transaction). Uses ports 8181 and 8443: stop any running PediConsult first.
# CHILDREN=n: the consultations spread over n children of guardian.tang (bench/lib/seeded-suite.sh), not all of the
# demo child. DB=postgres: on a PostgreSQL database of its own. WARMUP=seconds: first a run of that length on half of the
# pairs, not measured, so the measured run is not the JIT's warm-up (a 5 s run from a cold start is mostly that).
# RESCHEDULE_WARMUP=seconds: first that long a warm-up of reschedules (bench/reschedule.lua): 512 more consultations are
# booked, then moved from slot to slot over 1,024 spare slots for that long, so a warm-up of a minute or more needs no
# more seeding than that (WARMUP's costs a pair per request, ~30,000 for a minute); all <pairs> are then measured.
# PROFILE=cpu|alloc|wall: async-profiler on the Karaf JVM for the wrk run (bench/lib/profiler.sh), flame graph and
# collapsed stacks to PROFILE_OUT (default bench/results/), and a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-8000}
seconds=${2:-5}
connections=${3:-16}
think=${4:-0}
zip=${ZIP:-$(ls karaf-distribution/target/karaf-distribution-*.zip | head -1)}
work=$(mktemp -d)
home=""
cleanup() { [ -n "$home" ] && "$home/bin/stop" >/dev/null 2>&1; sleep 3; drop_postgres; rm -rf "$work"; }
trap cleanup EXIT
. bench/lib/seeded-suite.sh

start_suite itest-allergy

moving=$(( ${RESCHEDULE_WARMUP:-0} > 0 ? 512 : 0 ))
echo "creating $(( pairs + moving )) consultations and slots..."
seed_pairs "$(( pairs + moving ))"
if [ "$moving" -gt 0 ]; then
  head -n "$moving" "$work/pairs" > "$work/moving"; tail -n +"$(( moving + 1 ))" "$work/pairs" > "$work/measured"
  mv "$work/measured" "$work/pairs"
  make_slots 1024 "$(( pairs + moving ))" > "$work/spare"
  echo "reschedule warm-up: booking $moving consultations: $(xargs -P 4 -L 1 sh -c 'curl -s -o /dev/null -w "%{http_code}\n" \
    -X POST -H "Authorization: Bearer $0" -H "Content-Type: application/json" -d "{\"slotId\":\"$2\"}" \
    "'"$api"'/consultations/$1/booking"' "$G" < "$work/moving" | sort | uniq -c | tr '\n' ' ')"
  echo "reschedule warm-up: ${RESCHEDULE_WARMUP}s over $(wc -l < "$work/spare") spare slots (not measured)"
  wrk -t2 -c"$connections" -d"${RESCHEDULE_WARMUP}s" -s bench/reschedule.lua http://localhost:8181 -- "$work/moving" \
    "$work/spare" "$G" | grep -E '^warm-up'
fi
echo "$(wc -l < "$work/pairs") pairs ready; booking with wrk: 2 threads, $connections connections, ${seconds}s, think ${think} ms"
if [ "${WARMUP:-0}" -gt 0 ]; then
  # the first half of the pairs warms the JVM up (its JIT compiles the booking path), the second half is measured
  half=$(( $(wc -l < "$work/pairs") / 2 ))
  head -n "$half" "$work/pairs" > "$work/warm"; tail -n +"$(( half + 1 ))" "$work/pairs" > "$work/measured"
  mv "$work/measured" "$work/pairs"
  echo "warm-up: ${WARMUP}s on $half other pairs (not measured)"
  wrk -t2 -c"$connections" -d"${WARMUP}s" -s bench/booking.lua http://localhost:8181 -- "$work/warm" "$G" "$think" \
    | grep -E '^bookings/s|^bookings ok'
fi
if [ -n "${PROFILE:-}" ]; then
  . bench/lib/profiler.sh
  profile_start "$(cat "$home/karaf.pid")"
fi
wrk -t2 -c"$connections" -d"${seconds}s" -s bench/booking.lua http://localhost:8181 -- "$work/pairs" "$G" "$think"
if [ -n "${PROFILE:-}" ]; then
  python3 bench/lib/profile-summary.py "$(profile_stop "$(cat "$home/karaf.pid")" booking)"
fi
echo "RSS after the run: $(( $(ps -o rss= -p "$(cat "$home/karaf.pid")") / 1024 )) MiB"
