#!/usr/bin/env bash
# Run once by the postgres image on an empty volume (/docker-entrypoint-initdb.d): the roles and database.
set -euo pipefail
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres \
  -v owner_password="$MARKETPLACE_OWNER_DB_PASSWORD" -v app_password="$MARKETPLACE_APP_DB_PASSWORD" \
  -f /marketplace/roles.sql
