#!/usr/bin/env bash
# Measures the bulk seed mode on a throwaway PostgreSQL: how long `seed --bulk N` takes and how big the table gets.
#   bench/bulk-seed.sh [N]     (default 100000)
set -euo pipefail
PROJECT_ROOT=$(cd "$(dirname "$0")/.." && pwd)
export PROJECT_ROOT
cd "$PROJECT_ROOT"
source infra/local/services.sh
COUNT=${1:-100000}
RUN=$PROJECT_ROOT/.local/bench-$$
mkdir -p "$RUN"
read -r PG_PORT <<<"$(free_ports 1)"
cleanup() { trap '' INT TERM PIPE; set +e; stop_postgres "$RUN/postgres"; [ -L "$RUN/postgres" ] && rm -rf "$(readlink -f "$RUN/postgres")"; rm -rf "$RUN"; }
trap cleanup EXIT

ensure_packages postgresql
start_postgres "$RUN/postgres" "$PG_PORT"
provision_database "$PG_PORT"
dotnet build src/Admin -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
export_service_settings "$PG_PORT" 0 0
ADMIN="dotnet src/Admin/bin/Release/net10.0/Marketplace.Admin.dll"
$ADMIN migrate >/dev/null

start=$(date +%s.%N)
$ADMIN seed --bulk "$COUNT"
end=$(date +%s.%N)
psql -X -A -t -h 127.0.0.1 -p "$PG_PORT" -U marketplace_owner -d marketplace -c \
  "SELECT 'rows: ' || count(*) || ', table with indexes: ' || pg_size_pretty(pg_total_relation_size('organisations')) FROM organisations"
awk -v s="$start" -v e="$end" -v n="$COUNT" 'BEGIN { printf "bulk seed of %d vendors: %.1f s wall (process start included), %.0f rows/s\n", n, e - s, n / (e - s) }'
