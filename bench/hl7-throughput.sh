#!/usr/bin/env bash
# Benchmark (not a test): HL7 inbound throughput and ACK latency over MLLP, against the assembled
# distribution with the HL7 bridge installed, and the same load against a bare HAPI receiver (parse
# and ACK, no store) in the same run.
#
#   bench/hl7-throughput.sh [seconds] [warmup-seconds]     (build first: ./mvnw -B -DskipTests install)
#   ZIP=other.zip: another build's distribution (before/after pairs)
#
# Unpacks a fresh distribution into a temp dir, moves its ports (HTTP 28181, HTTPS 28443, ssh 28101, broker 28616,
# MLLP 22575; the bare receiver listens on 22576) so it runs beside other instances, starts it,
# installs pediconsult-hl7-bridge with bin/client, then runs bench/hl7-throughput/Bench.java (HAPI
# and HdrHistogram from the Maven repository: M2_REPO, default ~/.m2/repository, which must also hold
# the installed hl7-runtime and hl7-bridge bundles) with 1 and 8
# connections: ADT^A04 (the real path) and ADT^A01 (only stored, ACCEPTED). The channel acknowledges
# per ACK_AFTER (default STORED: A04 stored as RECEIVED and ACKed, the patient upsert runs afterwards
# from the store; PROCESSED: the upsert before the store and ACK). After each bridge run it waits until
# the processing backlog (RECEIVED messages, from GET /api/hl7/channels) is drained, at most
# DRAIN_MAX seconds (default 900), and prints how long that took, so a run's backlog does not load the
# next run. Then stops Karaf and runs the same A04 load against the bare receiver. Every ACK must be
# AA. Prints one RESULT line per run, the ratios and the load average.
#
# PROFILE=cpu|alloc|wall attaches async-profiler (tools.profiler:async-profiler:4.1:jar:linux-x64 from the
# Maven repository) to the Karaf JVM for the 8-connection ADT^A04 run only, after its warm-up, and writes
# the flame graph and collapsed stacks to PROFILE_OUT (default bench/results/), plus a table of where a
# message's time goes (bench/hl7-throughput/buckets.py).
# DB=postgres runs the suite on PostgreSQL (.ci/postgres-setup; a database pediconsult_bench_<time> of
# its own, dropped at the end) instead of the embedded H2 file database.
# PROFILE_PHASE=drain profiles the drain after the 8-connection ADT^A04 run instead (the processor alone:
# patient upserts, coverage, outcomes and their commits, on a machine otherwise idle), for
# PROFILE_DRAIN_SECONDS (default 15); its table divides by the messages processed meanwhile.
# PIN=1 runs Karaf on CPU 0 and the load generator on CPU 1 (taskset); the bare receiver runs on CPU 0 too.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
warmup=${2:-5}
repo=${M2_REPO:-$HOME/.m2/repository}
zip=${ZIP:-$(ls karaf-distribution/target/karaf-distribution-*.zip | head -1)}
work=$(mktemp -d)
home=""
bare=""
. bench/lib/postgres.sh
cleanup() {
  [ -n "$bare" ] && kill "$bare" 2>/dev/null
  if [ -n "$home" ]; then
    "$home/bin/stop" >/dev/null 2>&1
    for _ in $(seq 1 50); do kill -0 "$(cat "$home/karaf.pid" 2>/dev/null)" 2>/dev/null || break; sleep 0.2; done
  fi
  drop_postgres
  sleep 1; rm -rf "$work"
}
trap cleanup EXIT
HTTP=28181 HTTPS=28443 SSH=28101 BROKER=28616 MLLP=22575 BARE=22576

cp="$repo/ca/uhn/hapi/hapi-base/2.6.0/hapi-base-2.6.0.jar:$repo/ca/uhn/hapi/hapi-structures-v251/2.6.0/hapi-structures-v251-2.6.0.jar"
cp="$cp:$repo/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar:$repo/org/slf4j/slf4j-nop/2.0.17/slf4j-nop-2.0.17.jar"
cp="$cp:$repo/org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar"
javac -d "$work/classes" -cp "$cp" bench/hl7-throughput/Bench.java
if [ "${PIN:-0}" = 1 ]; then server_cpu=(taskset -c 0); client_cpu=(taskset -c 1); else server_cpu=(); client_cpu=(); fi
bench() { "${client_cpu[@]}" java -Xmx256m -cp "$work/classes:$cp" Bench "$@"; }
load() { echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"; bench load 127.0.0.1 "$@" | tee -a "$work/results"; }

unzip -q "$zip" -d "$work" && home=$(ls -d "$work"/karaf-distribution*/ | head -1)
printf '\norg.osgi.service.http.port = %s\norg.osgi.service.http.port.secure = %s\n' "$HTTP" "$HTTPS" >> "$home/etc/org.ops4j.pax.web.cfg"
echo "sshPort = $SSH" >> "$home/etc/org.apache.karaf.shell.cfg"
echo "embedded.listen = tcp://127.0.0.1:$BROKER" >> "$home/etc/org.pediconsult.messaging.cfg"
# bundles missing from the distribution's system/ folder (none since the bridge is a boot feature) resolve from the build's repository
echo "org.ops4j.pax.url.mvn.localRepository = $repo" >> "$home/etc/org.ops4j.pax.url.mvn.cfg"
if [ -f "$home/etc/org.apache.karaf.management.cfg" ]; then
  sed -i 's/^rmiRegistryPort *=.*/rmiRegistryPort = 28099/; s/^rmiServerPort *=.*/rmiServerPort = 28444/' "$home/etc/org.apache.karaf.management.cfg"
fi
if [ "${DB:-h2}" = postgres ]; then
  use_postgres "$home"
else
  echo "database: H2 file (WRITE_DELAY=0, CHECKPOINT SYNC per group)"
fi
printf 'name = his\nport = %s\nack.mode = ORIGINAL\nallowed.sending.facilities =\nack.after = %s\n' "$MLLP" "${ACK_AFTER:-STORED}" \
  > "$home/etc/org.pediconsult.hl7.inbound-his.cfg"
"${server_cpu[@]}" "$home/bin/start"
until [ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:$HTTP/api/health)" = 200 ]; do sleep 0.5; done
"$home/bin/client" -a "$SSH" -u admin -p pediconsult -b <<<"feature:install pediconsult-hl7-bridge" >/dev/null 2>&1
until (exec 3<>/dev/tcp/127.0.0.1/$MLLP) 2>/dev/null; do sleep 0.5; done
echo "Karaf JVM: $(grep -E 'JAVA_MAX_MEM|EXTRA_JAVA_OPTS' "$home/bin/setenv" | tr '\n' ' ')"

# counts per outcome of the channel, e.g. "PROCESSED=1200 RECEIVED=300"
counts() {
  local token
  token=$(curl -s -H 'Content-Type: application/json' -d '{"username":"admin","password":"pediconsult"}' \
    "http://localhost:$HTTP/api/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  curl -s -H "Authorization: Bearer $token" "http://localhost:$HTTP/api/hl7/channels" | python3 -c '
import json,sys
for c in json.load(sys.stdin):
    if c.get("name") == "his" and c.get("direction") == "IN":
        print(" ".join("%s=%s" % kv for kv in sorted(c["counts"].items())))'
}
received() { counts | tr ' ' '\n' | sed -n 's/^RECEIVED=//p' | grep . || echo 0; }
processed() { counts | tr ' ' '\n' | sed -n 's/^PROCESSED=//p' | grep . || echo 0; }
drain() {
  local began left p0 p1 secs
  began=$(date +%s); left=$(received); p0=$(processed)
  echo "after the run: $(counts); backlog (RECEIVED) $left"
  while [ "$left" -gt 0 ] && [ $(( $(date +%s) - began )) -lt "${DRAIN_MAX:-900}" ]; do sleep 2; left=$(received); done
  p1=$(processed); secs=$(( $(date +%s) - began ))
  echo "DRAIN backlog left=$left after ${secs} s; processed $(( p1 - p0 )) in that time ($(( (p1 - p0) / (secs > 0 ? secs : 1) ))/s); load $(cut -d' ' -f1-3 /proc/loadavg)"
}

load "$MLLP" 1 "$warmup" "$seconds" A04 store; drain
if [ -n "${PROFILE:-}" ] && [ "${PROFILE_PHASE:-load}" = drain ]; then
  . bench/lib/profiler.sh
  pid=$(cat "$home/karaf.pid")
  load "$MLLP" 8 "$warmup" "$seconds" A04 store
  p0=$(processed)
  profile_start "$pid" 0
  sleep "${PROFILE_DRAIN_SECONDS:-15}"
  collapsed=$(profile_stop "$pid" hl7-drain)
  p1=$(processed)
  echo "profiled the drain: $(( p1 - p0 )) messages processed in ${PROFILE_DRAIN_SECONDS:-15} s (profiler on)"
  python3 bench/hl7-throughput/buckets.py "$collapsed" "$(( p1 - p0 ))"
  drain
elif [ -n "${PROFILE:-}" ]; then
  . bench/lib/profiler.sh
  pid=$(cat "$home/karaf.pid")
  profile_start "$pid" "$warmup" # after the run's warm-up; stopped when its load ends
  load "$MLLP" 8 "$warmup" "$seconds" A04 store
  python3 bench/hl7-throughput/buckets.py "$(profile_stop "$pid" hl7)" \
    "$(grep 'label=store type=ADT^A04 connections=8 ' "$work/results" | sed 's/.*acks=\([0-9]*\).*/\1/')"
  drain
else
  load "$MLLP" 8 "$warmup" "$seconds" A04 store; drain
fi
load "$MLLP" 1 "$warmup" "$seconds" A01 store
load "$MLLP" 8 "$warmup" "$seconds" A01 store
echo "channel metrics: $(curl -s -H "Authorization: Bearer $(curl -s -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"pediconsult"}' "http://localhost:$HTTP/api/auth/token" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')" "http://localhost:$HTTP/api/hl7/channels" \
  | python3 -c 'import json,sys; print([c.get("metrics") for c in json.load(sys.stdin) if c.get("name") == "his"])')"
echo "group commits as logged by the store (every 60 s):"
grep -h "HL7 store" "$home/data/log/karaf.log" | tail -3 || true
echo "RSS: $(( $(ps -o rss= -p "$(cat "$home/karaf.pid")") / 1024 )) MiB"
"$home/bin/stop" >/dev/null 2>&1; while kill -0 "$(cat "$home/karaf.pid")" 2>/dev/null; do sleep 0.2; done; home=""

"${server_cpu[@]}" java -Xmx256m -cp "$work/classes:$cp" Bench bare "$BARE" > "$work/bare.log" 2>&1 & bare=$!
until (exec 3<>/dev/tcp/127.0.0.1/$BARE) 2>/dev/null; do sleep 0.2; done
load "$BARE" 1 "$warmup" "$seconds" A04 bare
load "$BARE" 8 "$warmup" "$seconds" A04 bare
kill "$bare"; bare=""

rate() { grep "label=$1 type=ADT^$2 connections=$3 " "$work/results" | sed 's/.*msg_per_s=\([0-9]*\).*/\1/'; }
for c in 1 8; do
  awk -v s="$(rate store A04 $c)" -v b="$(rate bare A04 $c)" -v c="$c" \
    'BEGIN { printf "ratio store/bare, ADT^A04, %d connection(s): %d / %d = %.2f\n", c, s, b, s / b }'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
