#!/usr/bin/env bash
# Benchmark (not a test): the pilot report's speed with a year of a pilot in the database.
#
#   bench/report.sh [consultations] [runs]      (build first: ./mvnw -B -DskipTests install)
#
# Unpacks a fresh distribution, starts it once (migrations, demo data), stops it, writes <consultations>
# (default 100000) consultations of 2026 with their assessments and transitions straight into its H2
# database (bench/report/seed-h2.sql through H2's RunScript, while Karaf is down), starts it again and
# times GET /api/reports/pilot for the whole of 2026 <runs> times (default 5; the first one warms up),
# then the PDF and one section's CSV once. Prints each time and the JVM's RSS. Uses port 8181: stop any
# running PediConsult first. KEEP=1 keeps the unpacked distribution and its database.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
runs=${2:-5}
zip=$(ls karaf-distribution/target/karaf-distribution-*.zip | head -1)
h2=$(ls ~/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar)
work=$(mktemp -d)
home=""
cleanup() { [ -n "$home" ] && "$home/bin/stop" >/dev/null 2>&1; sleep 3; if [ -n "${KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT
api=http://localhost:8181/api
unzip -q "$zip" -d "$work" && home=$(ls -d "$work"/*/)
up() { "$home/bin/start"; until [ "$(curl -s -o /dev/null -w '%{http_code}' $api/health)" = 200 ]; do sleep 0.5; done; }
down() { "$home/bin/stop"; while pgrep -f "$home" >/dev/null; do sleep 0.5; done; }
up
down
t0=$(date +%s.%N)
{ echo "SET @N = $n;"; cat bench/report/seed-h2.sql; } > "$work/seed.sql"
java -cp "$h2" org.h2.tools.RunScript -url "jdbc:h2:file:$home/data/pediconsult/h2/pediconsult" \
  -user pediconsult -password pediconsult -script "$work/seed.sql"
echo "seeded $n consultations in $(echo "$(date +%s.%N) - $t0" | bc) s"
up
token() { curl -s -X POST -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"pediconsult\"}" $api/auth/token | sed 's/.*"access_token":"\([^"]*\)".*/\1/'; }
A=$(token auditor.chen)
q="from=2026-01-01&to=2026-12-31"
# each run a different end day (2026-12-31, -30, ...): H2 answers a repeated identical query from its result cache
for i in $(seq 1 "$runs"); do
  qi="from=2026-01-01&to=2026-12-$((32 - i))"
  curl -s -o "$work/report.json" -w "report json run $i ($qi): %{http_code} %{time_total} s, %{size_download} bytes\n" \
    -H "Authorization: Bearer $A" "$api/reports/pilot?$qi"
done
grep -o '"key":"total","label":"[^"]*","value":[0-9]*' "$work/report.json" | head -1
q="from=2026-01-02&to=2026-12-31"
curl -s -o "$work/report.pdf" -w "report pdf: %{http_code} %{time_total} s, %{size_download} bytes\n" -H "Authorization: Bearer $A" "$api/reports/pilot.pdf?$q"
curl -s -o "$work/c.csv" -w "consultations csv: %{http_code} %{time_total} s, %{size_download} bytes\n" -H "Authorization: Bearer $A" "$api/reports/pilot/sections/consultations.csv?$q"
for id in consultations safety travel video prescriptions delivery claims hl7; do
  q="from=2026-01-03&to=2026-12-$((20 + ${#id} % 10))"
  curl -s -o /dev/null -w "section $id alone (csv): %{http_code} %{time_total} s\n" -H "Authorization: Bearer $A" "$api/reports/pilot/sections/$id.csv?$q"
done
pid=$(pgrep -f "java.*karaf.home=${home%/}" | head -1)
echo "karaf RSS: $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MiB"
