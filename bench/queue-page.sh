#!/usr/bin/env bash
# Benchmark (not a test): Lighthouse's performance score of the physician's queue page (#/queue) with N
# consultations booked with dr.wang (default 1000), on a fresh unpack of the distribution (H2, demo data).
# Seeds through REST (rate limits off for the run), then bench/queue-page/lighthouse.mjs logs in as dr.wang in
# Debian's chromium and runs Lighthouse on #/queue, RUNS times (default 3) with Lighthouse's desktop configuration,
# then RUNS times with its default (mobile) throttling.
#
#   bench/queue-page.sh [consultations]      (build first: ./mvnw -B -DskipTests install; ZIP=other.zip for another build)
#
# Needs chromium (apt) and npm (lighthouse and puppeteer-core are installed into bench/queue-page/node_modules).
# Uses ports 8181 and 8443 (and 8101, 2575): stop any running PediConsult first.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
zip=${ZIP:-$(ls karaf-distribution/target/karaf-distribution-*.zip | head -1)}
specialty=$(ls integration-tests/test-specialty/target/test-specialty-*.jar | head -1)
work=$(mktemp -d)
home=""
cleanup() { [ -n "$home" ] && "$home/bin/stop" >/dev/null 2>&1; sleep 3; rm -rf "$work"; }
trap cleanup EXIT
api=http://localhost:8181/api

[ -d bench/queue-page/node_modules/lighthouse ] || (cd bench/queue-page && npm install --no-audit --no-fund lighthouse@12.8.2 puppeteer-core@24.43.1 >/dev/null)
unzip -q "$zip" -d "$work" && home=$(ls -d "$work"/*/)
cfg="$home/etc/org.pediconsult.consultation.cfg"
sed -i 's/^pilot.start = .*/pilot.start = 2020-01-01/; s/^pilot.end = .*/pilot.end = 2099-12-31/; s/^pilot.specialties = .*/pilot.specialties = growth-development,nutrition,dermatology,itest-allergy/' "$cfg"
printf '\napi.address.limit = 0\napi.account.limit = 0\n' >> "$home/etc/org.pediconsult.ratelimit.cfg"
"$home/bin/start"
until [ "$(curl -s -o /dev/null -w '%{http_code}' $api/health)" = 200 ]; do sleep 0.5; done
cp "$specialty" "$home/deploy/"
token() { curl -s -X POST -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"pediconsult\"}" $api/auth/token | sed 's/.*"access_token":"\([^"]*\)".*/\1/'; }
G=$(token guardian.tang); A=$(token admin)
until curl -s -H "Authorization: Bearer $G" $api/specialties | grep -q itest-allergy; do sleep 0.5; done
child=$(curl -s -H "Authorization: Bearer $G" $api/children | sed 's/.*"id":"\([^"]*\)".*/\1/')
doctor=$(curl -s -H "Authorization: Bearer $A" $api/physicians | sed 's/.*"id":"\([^"]*\)","username":"dr.wang".*/\1/')

echo "seeding $n consultations booked with dr.wang..."
seq 1 "$n" | xargs -P 4 -I{} curl -s -o /dev/null -w '%{http_code}\n' -X POST -H "Authorization: Bearer $G" \
  -H 'Content-Type: application/json' \
  -d "{\"childId\":\"$child\",\"specialtyId\":\"itest-allergy\",\"answers\":{\"fever\":false,\"rashDays\":2}}" \
  $api/assessments | sort | uniq -c
curl -s -H "Authorization: Bearer $G" $api/consultations | grep -o '"id":"[^"]*","childId"' | sed 's/"id":"\([^"]*\)".*/\1/' \
  | awk -v n="$n" 'NR <= n' > "$work/consults"
start=$(( $(date +%s) / 1800 * 1800 + 86400 * 30 + 420 ))
for ((i = 0; i < n; i += 500)); do
  k=$(( n - i < 500 ? n - i : 500 ))
  body=$(for ((j = 0; j < k; j++)); do
    printf '{"startsAt":"%s","minutes":30}' "$(date -u -d "@$(( start + (i + j) * 1800 ))" +%Y-%m-%dT%H:%M:%SZ)"; if [ $j -lt $((k - 1)) ]; then printf ','; fi; done)
  curl -s -X POST -H "Authorization: Bearer $A" -H 'Content-Type: application/json' -d "[$body]" \
    "$api/physicians/$doctor/slots" | grep -o '"id":"[^"]*"' | sed 's/"id":"\([^"]*\)"/\1/'
done > "$work/slots"
paste -d' ' "$work/consults" "$work/slots" | awk 'NF == 2' \
  | xargs -P 4 -L 1 sh -c 'curl -s -o /dev/null -w "%{http_code}\n" -X POST -H "Authorization: Bearer $0" -H "Content-Type: application/json" -d "{\"slotId\":\"$2\"}" "http://localhost:8181/api/consultations/$1/booking"' "$G" \
  | sort | uniq -c
echo "dr.wang's queue: $(curl -s -H "Authorization: Bearer $(token dr.wang)" "$api/consultations/queue?group=UPCOMING&limit=1" | grep -o '"total":[0-9]*' || echo "(no queue endpoint in this build)")"
(cd bench/queue-page && PRESET=desktop node lighthouse.mjs && PRESET=mobile node lighthouse.mjs)
