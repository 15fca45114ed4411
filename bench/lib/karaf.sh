# Shared by bench/startup.sh and bench/startup-features.sh (sourced): timing a start of the distribution.
now() { date +%s.%N; }
# waits until /api/health answers 200 on 8181 (at most 60 s)
wait_up() {
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:8181/api/health)" = 200 ] && return 0
    sleep 0.05
  done
  echo "health never came UP" >&2; return 1
}
rss_mib() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }
# CPU seconds (user + system) the process has used so far: less at the mercy of a noisy machine than wall time
cpu_secs() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"; }
stop_karaf() {
  local home=$1 pid; pid=$(cat "$home/karaf.pid")
  "$home/bin/stop" >/dev/null 2>&1 || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
