#!/usr/bin/env bash
# Benchmark (not a test): the delivery event chain, on the assembled distribution. From an approved prescription
# to its delivery order (event prescription.approved: outbox relay -> ActiveMQ -> the pharmacy-logistics listener),
# and from the dispense to the order DISPENSED (same transaction).
#
#   bench/delivery.sh [chains=200] [concurrency=8]      (build first: ./mvnw -B -DskipTests install)
#   env: POLL_MS=10 (the driver's read interval), COMPLETE=0 (no consultation completion before the approval),
#        THINK_MS=<ms> (a random pause of 0..THINK_MS between completion and approval: human time, not measured),
#        RELAY_POLL_MS=<ms> (diagnosis only: another relay.poll.millis than the shipped 200)
#
# Unpacks a fresh distribution, opens the pilot window and adds the test specialty (itest-allergy, dropped into
# deploy/) to pilot.specialties, lifts the REST rate limits (as bench/prescription.sh). Then
# bench/delivery/driver.py (python3, standard library; reuses bench/prescription/driver.py) makes chains + 1
# IN_PROGRESS consultations of dr.wang, each of a new child of guardian.tang (verified by frontdesk.zhou), drafts
# and signs a cetirizine prescription in each (Argon2id: before the timing), runs one chain alone (the sentinel),
# then <concurrency> threads each run chains: completion by dr.wang, approval by pharmacist.li, the guardian's
# GET /api/consultations/{id}/deliveries every POLL_MS until the order is there, the pharmacist's dispense queue,
# POST /api/dispenses, the order read DISPENSED; then the database's timestamps of each order. Figures:
# docs/benchmarks.md. KEEP=1 leaves Karaf running (for a look at the log).
# Uses ports 8181, 8443, 8101 and 2575: stop any running PediConsult first.
set -euo pipefail
cd "$(dirname "$0")/.."
chains=${1:-200}
concurrency=${2:-8}
zip=$(ls karaf-distribution/target/karaf-distribution-*.zip | head -1)
specialty=$(ls integration-tests/test-specialty/target/test-specialty-*.jar | head -1)
work=$(mktemp -d)
home=""
cleanup() {
  if [ -n "${KEEP:-}" ]; then echo "KEEP: left running in $home"; return; fi
  if [ -n "$home" ] && [ -f "$home/karaf.pid" ]; then
    pid=$(cat "$home/karaf.pid")
    "$home/bin/stop" >/dev/null 2>&1 || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT
api=http://localhost:8181/api
if [ "$(curl -s -o /dev/null -w '%{http_code}' $api/health)" != 000 ]; then
  echo "something answers on 8181 already: stop it first" >&2; exit 1
fi

unzip -q "$zip" -d "$work" && home=$(ls -d "$work"/*/)
cfg="$home/etc/org.pediconsult.consultation.cfg"
sed -i 's/^pilot.start = .*/pilot.start = 2020-01-01/; s/^pilot.end = .*/pilot.end = 2099-12-31/' "$cfg"
grep -q '^pilot.specialties = .*itest-allergy' "$cfg" || sed -i 's/^pilot.specialties = \(.*\)$/pilot.specialties = \1,itest-allergy/' "$cfg"
# one account per role makes all the requests from 127.0.0.1, polling every 10 ms: far over the shipped REST
# rate limits (etc/org.pediconsult.ratelimit.cfg); this copy lifts them (0 = off). Logins keep their limits.
printf '\napi.address.limit = 0\napi.account.limit = 0\n' >> "$home/etc/org.pediconsult.ratelimit.cfg"
# RELAY_POLL_MS: a diagnostic run with another outbox relay interval (not a shipped setting)
shipped="as shipped"
if [ -n "${RELAY_POLL_MS:-}" ]; then
  sed -i "s/^relay.poll.millis = .*/relay.poll.millis = $RELAY_POLL_MS/" "$home/etc/org.pediconsult.events.cfg"
  shipped="RELAY_POLL_MS: NOT as shipped"
fi
echo "outbox relay: $(grep -E '^relay\.' "$home/etc/org.pediconsult.events.cfg" | tr '\n' ' ')($shipped)"

"$home/bin/start"
until [ "$(curl -s -o /dev/null -w '%{http_code}' $api/health)" = 200 ]; do sleep 0.5; done
cp "$specialty" "$home/deploy/"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

status=0
python3 bench/delivery/driver.py "$chains" "$concurrency" || status=$?
echo "RSS after the run: $(( $(ps -o rss= -p "$(cat "$home/karaf.pid")") / 1024 )) MiB"
if [ "$status" -ne 0 ]; then
  echo "--- karaf.log, last ERROR/WARN lines ---"
  grep -E 'ERROR|WARN' "$home/data/log/karaf.log" | tail -20 || true
fi
exit "$status"
