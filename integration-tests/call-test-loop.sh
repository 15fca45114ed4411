#!/usr/bin/env bash
# Runs ConsultUiIT's browser call test (videoConsultInTwoBrowsers: two chromium processes, coturn,
# glare, ICE restarts, socket drop, rejoin, audio-only, end-and-refer) N times in a row on the
# distribution as built, each time a fresh unpack and start, and counts the passes. The log and
# screenshots of every failed run are kept under integration-tests/target/call-loop/run-<i>/.
#
#   integration-tests/call-test-loop.sh [runs=20] [--until-fail]
#
# Needs the distribution built once (./mvnw -B -DskipTests install) and .ci/test-setup's packages.
# Exit code 0 only when every run passed.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=20
until_fail=""
for arg in "$@"; do
  case "$arg" in
    --until-fail) until_fail=1 ;;
    *) runs="$arg" ;;
  esac
done
out=integration-tests/target/call-loop
rm -rf "$out"
mkdir -p "$out"
pass=0
fail=0
for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  if ./mvnw -B -ntp -o -q -pl integration-tests verify -Dit.test='ConsultUiIT#videoConsultInTwoBrowsers' \
      >"$out/maven-$i.log" 2>&1; then
    pass=$((pass + 1))
    result=PASS
    rm -f "$out/maven-$i.log"
  else
    fail=$((fail + 1))
    result=FAIL
    mkdir -p "$out/run-$i"
    mv "$out/maven-$i.log" "$out/run-$i/"
    cp integration-tests/target/ui-call-test.log "$out/run-$i/" 2>/dev/null
    cp integration-tests/target/ui-screenshots/call-*failure*.png "$out/run-$i/" 2>/dev/null
    cp -r integration-tests/target/consult-ui/*/data/log "$out/run-$i/karaf-log" 2>/dev/null
    grep -h '\[call-test\] FAIL' "$out/run-$i/ui-call-test.log" 2>/dev/null | head -1
  fi
  echo "run $i/$runs: $result in $(( $(date +%s) - start )) s (passed $pass, failed $fail)" | tee -a "$out/summary.txt"
  [ -n "$until_fail" ] && [ "$fail" -gt 0 ] && break
done
echo "call test: $pass of $((pass + fail)) runs passed" | tee -a "$out/summary.txt"
[ "$fail" -eq 0 ]
