#!/bin/sh
# Runs once, when the db service initialises its data volume: the read-only login for BI tools.
# Its group ogi_analyst is the role the migrations grant SELECT on the analytics views to (they keep a
# group that already exists), so the login works as soon as the first `etl run` has migrated.
# The password comes from the environment (.env) and reaches the server as a quoted psql variable.
set -eu
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v bi_user="$BI_USER" -v bi_password="$BI_PASSWORD" <<'EOSQL'
SELECT 'CREATE ROLE ogi_analyst NOLOGIN NOBYPASSRLS'
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ogi_analyst') \gexec
CREATE ROLE :"bi_user" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION
    PASSWORD :'bi_password' IN ROLE ogi_analyst;
ALTER ROLE :"bi_user" SET search_path = analytics;
ALTER ROLE :"bi_user" SET default_transaction_read_only = on;
EOSQL
