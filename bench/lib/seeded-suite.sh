# Shared by bench/booking.sh and bench/queue-page.sh (sourced after `cd` to the repository; needs $work, a temp dir).
# DB=postgres: the suite runs on a PostgreSQL database of its own (bench/lib/postgres.sh; the bench's cleanup drops it).
# start_suite SPECIALTIES: a fresh unpack of $zip into $work with the pilot window opened wide, pilot.specialties set,
# rate limits off; starts it, drops in the test specialty (itest-allergy) and sets $home, $api, $G (guardian.tang's
# token), $A (admin's), $child (the demo child) and $doctor (dr.wang's id). seed_pairs N: N assessed consultations of
# the demo child and N free slots of dr.wang (30 days ahead and on, 30 minutes apart), paired in $work/pairs.
# CHILDREN=n (default 1): the N consultations spread round-robin over n children of guardian.tang, the demo child and
# n-1 more that she registers and frontdesk.zhou verifies first, as a pilot's are (each child with a few consultations:
# a new assessment reads its child's earlier consultations, up to 500, so one child with thousands slows the seeding).
# make_slots N FROM: N more free slots of dr.wang after the first FROM (ids printed).
api=http://localhost:8181/api
. bench/lib/postgres.sh
token() { curl -s -X POST -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"pediconsult\"}" $api/auth/token | sed 's/.*"access_token":"\([^"]*\)".*/\1/'; }

start_suite() {
  local specialty; specialty=$(ls integration-tests/test-specialty/target/test-specialty-*.jar | head -1)
  unzip -q "$zip" -d "$work" && home=$(ls -d "$work"/*/)
  sed -i "s/^pilot.start = .*/pilot.start = 2020-01-01/; s/^pilot.end = .*/pilot.end = 2099-12-31/; s/^pilot.specialties = .*/pilot.specialties = $1/" \
    "$home/etc/org.pediconsult.consultation.cfg"
  printf '\napi.address.limit = 0\napi.account.limit = 0\n' >> "$home/etc/org.pediconsult.ratelimit.cfg"
  if [ "${DB:-h2}" = postgres ]; then use_postgres "$home"; else echo "database: H2 file (WRITE_DELAY=0)"; fi
  "$home/bin/start"
  until [ "$(curl -s -o /dev/null -w '%{http_code}' $api/health)" = 200 ]; do sleep 0.5; done
  cp "$specialty" "$home/deploy/"
  G=$(token guardian.tang); A=$(token admin)
  until curl -s -H "Authorization: Bearer $G" $api/specialties | grep -q itest-allergy; do sleep 0.5; done
  child=$(curl -s -H "Authorization: Bearer $G" $api/children | sed 's/.*"id":"\([^"]*\)".*/\1/')
  doctor=$(curl -s -H "Authorization: Bearer $A" $api/physicians | sed 's/.*"id":"\([^"]*\)","username":"dr.wang".*/\1/')
}

json_field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

# $work/children: the demo child, then CHILDREN-1 more of guardian.tang, each relationship verified by the front desk
seed_children() {
  local n=${CHILDREN:-1} i id D gid birth
  echo "$child" > "$work/children"
  [ "$n" -le 1 ] && return 0
  D=$(token frontdesk.zhou)
  gid=$(curl -s -H "Authorization: Bearer $G" $api/guardians/me | json_field id)
  birth=$(curl -s -H "Authorization: Bearer $G" "$api/children/$child" | json_field birthDate)
  for ((i = 2; i <= n; i++)); do
    id=$(curl -s -X POST -H "Authorization: Bearer $G" -H 'Content-Type: application/json' \
      -d "{\"familyName\":\"唐\",\"givenName\":\"测$i\",\"sex\":\"FEMALE\",\"birthDate\":\"$birth\",\"relationship\":\"MOTHER\"}" \
      $api/children | json_field id)
    curl -s -o /dev/null -X POST -H "Authorization: Bearer $D" -H 'Content-Type: application/json' \
      -d "{\"guardianId\":\"$gid\",\"method\":\"ID_CARD_AT_DESK\"}" "$api/children/$id/guardianship-verification"
    echo "$id"
  done >> "$work/children"
  echo "$(wc -l < "$work/children") children, each relationship verified"
}

seed_pairs() {
  local n=$1
  seed_children
  # child of the i-th assessment: round-robin over $work/children
  awk -v n="$n" '{c[NR] = $0} END {for (i = 0; i < n; i++) print c[i % NR + 1]}' "$work/children" \
    | xargs -P 4 -I{} curl -s -o /dev/null -w '%{http_code}\n' -X POST -H "Authorization: Bearer $G" \
    -H 'Content-Type: application/json' \
    -d "{\"childId\":\"{}\",\"specialtyId\":\"itest-allergy\",\"answers\":{\"fever\":false,\"rashDays\":2}}" \
    $api/assessments | sort | uniq -c
  curl -s -H "Authorization: Bearer $G" $api/consultations | grep -o '"id":"[^"]*","childId"' | sed 's/"id":"\([^"]*\)".*/\1/' \
    | awk -v n="$n" 'NR <= n' > "$work/consults"
  make_slots "$n" 0 > "$work/slots"
  paste -d' ' "$work/consults" "$work/slots" | awk 'NF == 2' > "$work/pairs"
}

# make_slots N FROM: N free slots of dr.wang, the FROM-th to the (FROM+N-1)-th half hour from 30 days ahead; prints ids
make_slots() {
  local n=$1 from=$2 i j k body start
  start=$(( $(date +%s) / 1800 * 1800 + 86400 * 30 + 420 ))
  for ((i = 0; i < n; i += 500)); do
    k=$(( n - i < 500 ? n - i : 500 ))
    body=$(for ((j = 0; j < k; j++)); do
      printf '{"startsAt":"%s","minutes":30}' "$(date -u -d "@$(( start + (from + i + j) * 1800 ))" +%Y-%m-%dT%H:%M:%SZ)"; if [ $j -lt $((k - 1)) ]; then printf ','; fi; done)
    curl -s -X POST -H "Authorization: Bearer $A" -H 'Content-Type: application/json' -d "[$body]" \
      "$api/physicians/$doctor/slots" | grep -o '"id":"[^"]*"' | sed 's/"id":"\([^"]*\)"/\1/'
  done
}
