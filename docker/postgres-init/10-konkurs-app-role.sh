#!/bin/sh
# The role the app runs as (docker-compose.yml: DATABASE_URL), beside the owner that runs the migrations
# (POSTGRES_USER: DATABASE_OWNER_URL). The app grants it what it needs at every start-up; it owns nothing, so it
# cannot alter or truncate the audit log. The postgres image runs this on the first start of an empty volume;
# for a volume made before, run it once by hand (it is idempotent):
#   docker compose exec postgres sh /docker-entrypoint-initdb.d/10-konkurs-app-role.sh
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v password="${APP_DB_PASSWORD:-konkurs_app}" <<'SQL'
SELECT format('CREATE ROLE konkurs_app LOGIN PASSWORD %L', :'password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'konkurs_app') \gexec
SQL
