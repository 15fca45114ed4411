#!/usr/bin/env bash
# Benchmark (not a test): e-prescriptions under concurrent physicians, on the assembled distribution.
#
#   bench/prescription.sh [physicians=50] [rounds=4]      (build first: ./mvnw -B -DskipTests install)
#
# Unpacks a fresh distribution, opens the pilot window and adds the test specialty (itest-allergy, dropped
# into deploy/) to pilot.specialties, lifts the REST rate limits, and points a pharmacy HL7 channel
# (etc/org.pediconsult.hl7.outbound-pharmacy.cfg: 127.0.0.1, a free port, message.types RDE^O11, the
# shipped settle.millis) at bench/prescription/mllp_receiver.py, which answers AA and logs when each
# RDE^O11 arrived. Then bench/prescription/driver.py (python3, standard library) makes physicians x rounds
# IN_PROGRESS consultations of dr.wang, each of a new child of guardian.tang (verified by frontdesk.zhou),
# only then puts the channel's file into etc/ and sends one sentinel prescription through, and measures:
# <physicians> clients, all dr.wang, each per round drafting and signing (password checked again with
# Argon2id; 503s counted and retried) a cetirizine prescription; <physicians> pharmacist.li clients
# approving them; and approval -> RDE^O11 received by the pharmacy. Figures: docs/benchmarks.md.
# KEEP=1 leaves Karaf and the receiver running (for a look at the log).
# Uses ports 8181, 8443, 8101 and 2575: stop any running PediConsult first.
set -euo pipefail
cd "$(dirname "$0")/.."
physicians=${1:-50}
rounds=${2:-4}
zip=$(ls karaf-distribution/target/karaf-distribution-*.zip | head -1)
specialty=$(ls integration-tests/test-specialty/target/test-specialty-*.jar | head -1)
work=$(mktemp -d)
home=""
receiver=""
cleanup() {
  if [ -n "${KEEP:-}" ]; then echo "KEEP: left running in $home (receiver pid $receiver)"; return; fi
  if [ -n "$home" ] && [ -f "$home/karaf.pid" ]; then
    pid=$(cat "$home/karaf.pid")
    "$home/bin/stop" >/dev/null 2>&1 || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
  [ -n "$receiver" ] && kill "$receiver" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
api=http://localhost:8181/api

unzip -q "$zip" -d "$work" && home=$(ls -d "$work"/*/)
cfg="$home/etc/org.pediconsult.consultation.cfg"
sed -i 's/^pilot.start = .*/pilot.start = 2020-01-01/; s/^pilot.end = .*/pilot.end = 2099-12-31/' "$cfg"
grep -q '^pilot.specialties = .*itest-allergy' "$cfg" || sed -i 's/^pilot.specialties = \(.*\)$/pilot.specialties = \1,itest-allergy/' "$cfg"
# one physician account signs from 127.0.0.1 far over the shipped REST rate limits
# (etc/org.pediconsult.ratelimit.cfg): this copy lifts them (0 = off). Logins keep their limits (5 logins).
printf '\napi.address.limit = 0\napi.account.limit = 0\n' >> "$home/etc/org.pediconsult.ratelimit.cfg"

python3 bench/prescription/mllp_receiver.py "$work/rde.log" "$work/rde.port" >"$work/receiver.out" 2>&1 &
receiver=$!
until [ -s "$work/rde.port" ]; do kill -0 "$receiver" || exit 1; sleep 0.1; done
port=$(cat "$work/rde.port")
# the channel's file: the driver moves it into etc/ (live, no restart) once its setup is done
sed -e 's/^host = .*/host = 127.0.0.1/' -e "s/^port = .*/port = $port/" -e 's/^message.types = .*/message.types = RDE^O11/' \
  "$home/etc/org.pediconsult.hl7.outbound-pharmacy.cfg.example" > "$work/pharmacy.cfg"
echo "pharmacy receiver on 127.0.0.1:$port; channel settle.millis $(sed -n 's/^settle.millis = //p' "$work/pharmacy.cfg") (as shipped)"

"$home/bin/start"
until [ "$(curl -s -o /dev/null -w '%{http_code}' $api/health)" = 200 ]; do sleep 0.5; done
cp "$specialty" "$home/deploy/"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

status=0
python3 bench/prescription/driver.py "$physicians" "$rounds" "$work/rde.log" "$work/pharmacy.cfg" \
  "$home/etc/org.pediconsult.hl7.outbound-pharmacy.cfg" || status=$?
echo "RSS after the run: $(( $(ps -o rss= -p "$(cat "$home/karaf.pid")") / 1024 )) MiB"
if [ "$status" -ne 0 ]; then
  echo "--- karaf.log, last ERROR/WARN lines ---"
  grep -E 'ERROR|WARN' "$home/data/log/karaf.log" | tail -20 || true
fi
exit "$status"
