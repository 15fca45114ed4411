#!/usr/bin/env bash
# Benchmark (not a test): time from `feature:install` of a specialty on a running distribution to
# the specialty answering in GET /api/specialties, and failed requests to other endpoints meanwhile.
#
#   bench/specialty-install.sh [feature] [specialty-id] [runs]     (build first: ./mvnw -B -DskipTests install)
#   defaults: pediconsult-specialty-nutrition nutrition 5
#
# Each run: feature:uninstall, wait until the id is gone, then start a bystander client (curl loop
# on /api/children and /api/physicians), run feature:install through bin/client, poll
# /api/specialties every 20 ms until the id is listed, stop the bystander and count its non-200s.
# Uses ports 8181, 8443 and SSH 8101: stop any running PediConsult first.
set -euo pipefail
cd "$(dirname "$0")/.."
feature=${1:-pediconsult-specialty-nutrition}
id=${2:-nutrition}
runs=${3:-5}
zip=$(ls karaf-distribution/target/karaf-distribution-*.zip | head -1)
work=$(mktemp -d)
home=""
cleanup() { [ -n "$home" ] && "$home/bin/stop" >/dev/null 2>&1; sleep 3; rm -rf "$work"; }
trap cleanup EXIT
api=http://localhost:8181/api
unzip -q "$zip" -d "$work" && home=$(ls -d "$work"/*/)
"$home/bin/start"
until [ "$(curl -s -o /dev/null -w '%{http_code}' $api/health)" = 200 ]; do sleep 0.5; done
shell() { "$home/bin/client" -u admin -p pediconsult -b <<<"$1" >/dev/null 2>&1; }
G=$(curl -s -X POST -H 'Content-Type: application/json' -d '{"username":"guardian.tang","password":"pediconsult"}' \
  $api/auth/token | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
listed() { curl -s -H "Authorization: Bearer $G" $api/specialties | grep -q "\"id\":\"$id\""; }
now_ms() { date +%s%3N; }
for i in $(seq 1 "$runs"); do
  shell "feature:uninstall $feature"
  while listed; do sleep 0.1; done
  : > "$work/bystander"
  ( while [ ! -f "$work/stop" ]; do
      for p in children physicians; do
        curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $G" "$api/$p" >> "$work/bystander"
      done
    done ) &
  bystander=$!
  t0=$(now_ms)
  shell "feature:install $feature" &
  installer=$!
  until listed; do sleep 0.02; done
  t1=$(now_ms)
  wait "$installer"
  touch "$work/stop"; wait "$bystander" 2>/dev/null || true; rm -f "$work/stop"
  total=$(wc -l < "$work/bystander"); failed=$(grep -vc '^200$' "$work/bystander" || true)
  printf 'run %d: listed %d ms after feature:install started (includes bin/client start-up); bystander %d requests, %d failed\n' \
    "$i" $((t1 - t0)) "$total" "$failed"
done
