#!/usr/bin/env bash
# Benchmark (not a test): booking throughput and latency, with wrk, on the assembled distribution.
#
#   bench/booking.sh [pairs] [seconds] [connections] [think-ms]   (build first: ./mvnw -B -DskipTests install)
#
# think-ms (default 0): pause of each connection between its requests, to measure latency at a
# chosen load below saturation (e.g. 8 connections x 5 ms ~ 1,000 bookings/s here).
#
# Unpacks a fresh distribution, opens the pilot window, drops the test specialty bundle into
# deploy/, creates <pairs> consultations (assessments of the demo child) and as many free slots of
# dr.wang, then has wrk book them: every request books a different consultation into a different
# slot, so each is a real, successful booking (slot claim, consultation update, transition row,
# outbox event, audit record, one transaction). Uses ports 8181 and 8443: stop any running PediConsult first.
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-8000}
seconds=${2:-5}
connections=${3:-16}
think=${4:-0}
zip=$(ls karaf-distribution/target/karaf-distribution-*.zip | head -1)
specialty=$(ls integration-tests/test-specialty/target/test-specialty-*.jar | head -1)
work=$(mktemp -d)
home=""
cleanup() { [ -n "$home" ] && "$home/bin/stop" >/dev/null 2>&1; sleep 3; rm -rf "$work"; }
trap cleanup EXIT
api=http://localhost:8181/api

unzip -q "$zip" -d "$work" && home=$(ls -d "$work"/*/)
cfg="$home/etc/org.pediconsult.consultation.cfg"
sed -i 's/^pilot.start = .*/pilot.start = 2020-01-01/; s/^pilot.end = .*/pilot.end = 2099-12-31/; s/^pilot.specialties = .*/pilot.specialties = itest-allergy/' "$cfg"
# one guardian books thousands a second from 127.0.0.1, far over the shipped REST rate limits
# (etc/org.pediconsult.ratelimit.cfg): this copy lifts them (0 = off)
printf '\napi.address.limit = 0\napi.account.limit = 0\n' >> "$home/etc/org.pediconsult.ratelimit.cfg"
"$home/bin/start"
until [ "$(curl -s -o /dev/null -w '%{http_code}' $api/health)" = 200 ]; do sleep 0.5; done
cp "$specialty" "$home/deploy/"
token() { curl -s -X POST -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"pediconsult\"}" $api/auth/token | sed 's/.*"access_token":"\([^"]*\)".*/\1/'; }
G=$(token guardian.tang); A=$(token admin)
until curl -s -H "Authorization: Bearer $G" $api/specialties | grep -q itest-allergy; do sleep 0.5; done
child=$(curl -s -H "Authorization: Bearer $G" $api/children | sed 's/.*"id":"\([^"]*\)".*/\1/')
doctor=$(curl -s -H "Authorization: Bearer $A" $api/physicians | sed 's/.*"id":"\([^"]*\)","username":"dr.wang".*/\1/')

echo "creating $pairs consultations and slots..."
seq 1 "$pairs" | xargs -P 4 -I{} curl -s -o /dev/null -w '%{http_code}\n' -X POST -H "Authorization: Bearer $G" \
  -H 'Content-Type: application/json' \
  -d "{\"childId\":\"$child\",\"specialtyId\":\"itest-allergy\",\"answers\":{\"fever\":false,\"rashDays\":2}}" \
  $api/assessments | sort | uniq -c
curl -s -H "Authorization: Bearer $G" $api/consultations | grep -o '"id":"[^"]*","childId"' | sed 's/"id":"\([^"]*\)".*/\1/' \
  | awk -v n="$pairs" 'NR <= n' > "$work/consults"
start=$(( $(date +%s) + 86400 * 30 ))
for ((i = 0; i < pairs; i += 500)); do
  n=$(( pairs - i < 500 ? pairs - i : 500 ))
  body=$(for ((j = 0; j < n; j++)); do
    printf '{"startsAt":"%s","minutes":30}' "$(date -u -d "@$(( start + (i + j) * 1800 ))" +%Y-%m-%dT%H:%M:%SZ)"; if [ $j -lt $((n - 1)) ]; then printf ','; fi; done)
  curl -s -X POST -H "Authorization: Bearer $A" -H 'Content-Type: application/json' -d "[$body]" \
    "$api/physicians/$doctor/slots" | grep -o '"id":"[^"]*"' | sed 's/"id":"\([^"]*\)"/\1/'
done > "$work/slots"
paste -d' ' "$work/consults" "$work/slots" | awk 'NF == 2' > "$work/pairs"
echo "$(wc -l < "$work/pairs") pairs ready; booking with wrk: 2 threads, $connections connections, ${seconds}s, think ${think} ms"
wrk -t2 -c"$connections" -d"${seconds}s" -s bench/booking.lua http://localhost:8181 -- "$work/pairs" "$G" "$think"
echo "RSS after the run: $(( $(ps -o rss= -p "$(cat "$home/karaf.pid")") / 1024 )) MiB"
