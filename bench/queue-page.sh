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
work=$(mktemp -d)
home=""
cleanup() { [ -n "$home" ] && "$home/bin/stop" >/dev/null 2>&1; sleep 3; drop_postgres; rm -rf "$work"; }
trap cleanup EXIT
. bench/lib/seeded-suite.sh

[ -d bench/queue-page/node_modules/lighthouse ] || (cd bench/queue-page && npm install --no-audit --no-fund lighthouse@12.8.2 puppeteer-core@24.43.1 >/dev/null)
start_suite growth-development,nutrition,dermatology,itest-allergy

echo "seeding $n consultations booked with dr.wang..."
seed_pairs "$n"
xargs -P 4 -L 1 sh -c 'curl -s -o /dev/null -w "%{http_code}\n" -X POST -H "Authorization: Bearer $0" -H "Content-Type: application/json" -d "{\"slotId\":\"$2\"}" "http://localhost:8181/api/consultations/$1/booking"' "$G" < "$work/pairs" \
  | sort | uniq -c
echo "dr.wang's queue: $(curl -s -H "Authorization: Bearer $(token dr.wang)" "$api/consultations/queue?group=UPCOMING&limit=1" | grep -o '"total":[0-9]*' || echo "(no queue endpoint in this build)")"
(cd bench/queue-page && PRESET=desktop node lighthouse.mjs && PRESET=mobile node lighthouse.mjs)
