# Shared by the benches that can run on PostgreSQL (sourced; DB=postgres): use_postgres HOME makes the unpacked
# distribution at HOME use a database of its own on the local server (.ci/postgres-setup: installs and starts it,
# user pediconsult), named pediconsult_bench_<time>; drop_postgres drops it (call it from the bench's cleanup).
pgdb=""
psql_bench() { PGPASSWORD=pediconsult psql -h 127.0.0.1 -U pediconsult -d postgres -v ON_ERROR_STOP=1 -q "$@"; }
use_postgres() {
  local cfg=$1/etc/org.ops4j.datasource-pediconsult.cfg
  bash .ci/postgres-setup >/dev/null
  pgdb=pediconsult_bench_$(date +%s)
  psql_bench -c "CREATE DATABASE $pgdb ENCODING 'UTF8' TEMPLATE template0" >/dev/null
  sed -i '/^osgi.jdbc.driver.class\|^url\|^user\|^password/d' "$cfg"
  printf 'osgi.jdbc.driver.class = org.postgresql.Driver\nurl = jdbc:postgresql://127.0.0.1:5432/%s\nuser = pediconsult\npassword = pediconsult\n' \
    "$pgdb" >> "$cfg"
  echo "database: PostgreSQL $(psql_bench -tAc 'SHOW server_version'), database $pgdb (synchronous_commit $(psql_bench -tAc 'SHOW synchronous_commit'))"
}
drop_postgres() {
  [ -n "$pgdb" ] && psql_bench -c "DROP DATABASE IF EXISTS $pgdb WITH (FORCE)" >/dev/null 2>&1
  pgdb=""
}
