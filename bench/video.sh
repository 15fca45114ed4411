#!/usr/bin/env bash
# Benchmark (not a test): video call setup, from the call page's load to the peer connection
# 'connected', to the first decoded remote frame and to the first 1280x720 one, and the inbound
# resolution and frame rate at 1 s, 2 s, ... 5 s after the load; both sides (physician, guardian), each
# in its own headless chromium (Debian's) with a 1280x720 fake camera; medians over the runs.
#
#   bench/video.sh [--turn] [--solid] [runs]   (build first: ./mvnw -B -DskipTests install)
#
# --turn: starts coturn's turnserver on 127.0.0.1 (as ConsultUiIT: use-auth-secret, loopback peers
#         allowed, no cli/tls/dtls) and configures the distribution with turn.urls, turn.secret and
#         ice.transport.policy = relay, so the media is relayed (each run checks the selected
#         candidate pair is relay/relay). Without it: host candidates on loopback, no STUN/TURN.
# --solid: a picture of one colour (as ConsultUiIT) instead of the default moving, noisy picture.
#
# Unpacks a fresh distribution, opens the pilot window, starts it, then runs bench/video/call-bench.mjs
# (playwright-core from integration-tests/ui, installed there with npm ci if absent): each run is a new
# consultation set up by REST (slot, assessment, booking, waiting room, admission) and ends with the
# physician completing it (the room closes). Uses ports 8181, 8443 and 8101: stop any running PediConsult first.
# KEEP=1 keeps the unpacked distribution (its data/log) and the turnserver log.
set -euo pipefail
cd "$(dirname "$0")/.."
turn=false; picture=moving; runs=5
for a in "$@"; do
  case $a in
    --turn) turn=true ;;
    --solid) picture=solid ;;
    [0-9]*) runs=$a ;;
    *) echo "usage: bench/video.sh [--turn] [--solid] [runs]" >&2; exit 2 ;;
  esac
done
for port in 8181 8443 8101; do
  if ss -Hltn "sport = :$port" | grep -q .; then echo "port $port is in use: stop what listens there first" >&2; exit 1; fi
done
zip=$(ls karaf-distribution/target/karaf-distribution-*.zip | head -1)
[ -d integration-tests/ui/node_modules/playwright-core ] || (cd integration-tests/ui && npm ci --no-audit --no-fund)
work=$(mktemp -d)
home=""; turnpid=""
cleanup() {
  if [ -n "$home" ] && [ -f "$home/karaf.pid" ]; then
    pid=$(cat "$home/karaf.pid"); "$home/bin/stop" >/dev/null 2>&1 || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
  if [ -n "$turnpid" ]; then kill "$turnpid" 2>/dev/null || true; wait "$turnpid" 2>/dev/null || true; fi
  if [ -n "${KEEP:-}" ]; then echo "kept $work (Karaf log: ${home}data/log/karaf.log)"; else rm -rf "$work"; fi
}
trap cleanup EXIT
api=http://localhost:8181/api

unzip -q "$zip" -d "$work" && home=$(ls -d "$work"/*/)
sed -i 's/^pilot.start = .*/pilot.start = 2020-01-01/; s/^pilot.end = .*/pilot.end = 2099-12-31/' "$home/etc/org.pediconsult.consultation.cfg"
mode=direct; expect=""
if $turn; then
  secret=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  tport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  mkdir -p "$work/turn"
  # relay ports 51000-51999: away from the 40000-49999 of ConsultUiIT's turnserver, which may run at the same time
  cat > "$work/turn/turnserver.conf" <<EOF
listening-ip=127.0.0.1
relay-ip=127.0.0.1
listening-port=$tport
min-port=51000
max-port=51999
use-auth-secret
static-auth-secret=$secret
realm=pediconsult.test
allow-loopback-peers
no-cli
no-tls
no-dtls
no-multicast-peers
fingerprint
simple-log
log-file=$work/turn/turnserver.log
pidfile=$work/turn/turnserver.pid
EOF
  /usr/bin/turnserver -c "$work/turn/turnserver.conf" > "$work/turn/turnserver.out" 2>&1 &
  turnpid=$!
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$tport") 2>/dev/null && break; sleep 0.2; done
  kill -0 "$turnpid" || { cat "$work/turn/turnserver.out" >&2; exit 1; }
  sed -i "s|^turn.urls =.*|turn.urls = turn:127.0.0.1:$tport?transport=udp,turn:127.0.0.1:$tport?transport=tcp|;
          s|^turn.secret =.*|turn.secret = $secret|; s|^ice.transport.policy =.*|ice.transport.policy = relay|" "$home/etc/org.pediconsult.video.cfg"
  mode="relay (coturn $(/usr/bin/turnserver --version 2>/dev/null | head -1) on 127.0.0.1:$tport)"; expect=relay
fi
"$home/bin/start"
until [ "$(curl -s -o /dev/null -w '%{http_code}' $api/health)" = 200 ] \
  && [ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:8181/consult/)" = 200 ]; do sleep 0.5; done
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load $(cut -d' ' -f1-3 /proc/loadavg); chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}')"
BASE_URL=http://localhost:8181 RUNS=$runs PICTURE=$picture WORK=$work MODE=$mode EXPECT_CANDIDATE_TYPE=$expect \
  node bench/video/call-bench.mjs
echo "load after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
