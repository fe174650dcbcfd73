#!/usr/bin/env bash
# The marketplace search benchmark (issue 4): seeds N vendors with the bulk generator on a throwaway PostgreSQL, starts
# the Api, and prints, per query class, the Api's p50/p95 latency and requests/s next to the same SQL run directly,
# and whether the plans use indexes.
#   bench/search.sh [N] [REQUESTS_PER_CLASS]     (defaults 100000 and 200)
# Set MARKETPLACE_BENCH_KEEP=1 to keep the seeded database in .local/bench-search for a second run (seeding is skipped
# when it already holds N or more vendors).
set -euo pipefail
PROJECT_ROOT=$(cd "$(dirname "$0")/.." && pwd)
export PROJECT_ROOT
cd "$PROJECT_ROOT"
source infra/local/services.sh
COUNT=${1:-100000}
REQUESTS=${2:-200}
RUN=$PROJECT_ROOT/.local/bench-search
mkdir -p "$RUN/logs"
read -r PG_PORT API_PORT UNUSED_PORT <<<"$(free_ports 3)"
API_PID=
cleanup() {
  trap '' INT TERM PIPE; set +e
  [ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null && wait "$API_PID" 2>/dev/null
  stop_postgres "$RUN/postgres"
  if [ "${MARKETPLACE_BENCH_KEEP:-0}" != 1 ]; then [ -L "$RUN/postgres" ] && rm -rf "$(readlink -f "$RUN/postgres")"; rm -rf "$RUN"; fi
}
trap cleanup EXIT

ensure_packages postgresql curl
start_postgres "$RUN/postgres" "$PG_PORT"
provision_database "$PG_PORT"
log "Building"
dotnet build Marketplace.sln -c Release -nologo -v quiet -clp:ErrorsOnly >"$RUN/logs/build.log" 2>&1 || { tail -30 "$RUN/logs/build.log"; die "the build failed"; }
# The search needs neither the broker nor mail: their settings point at a port nothing listens on.
export_service_settings "$PG_PORT" "$UNUSED_PORT" "$UNUSED_PORT"
ADMIN="dotnet src/Admin/bin/Release/net10.0/Marketplace.Admin.dll"
$ADMIN migrate >/dev/null
PSQL=(psql -X -A -t -h 127.0.0.1 -p "$PG_PORT" -U marketplace_owner -d marketplace)

HAVE=$("${PSQL[@]}" -c "SELECT count(*) FROM vendor_profiles WHERE slug LIKE 'bulk-%'")
if [ "$HAVE" -lt "$COUNT" ]; then
  log "Seeding $((COUNT - HAVE)) vendors (profiles, certifications, search entries)"
  start=$(date +%s.%N)
  $ADMIN seed --bulk $((COUNT - HAVE))
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v n="$((COUNT - HAVE))" 'BEGIN { printf "bulk seed: %d vendors in %.1f s (%.0f vendors/s)\n", n, e - s, n / (e - s) }'
fi
"${PSQL[@]}" -c "VACUUM ANALYZE vendor_search_entries" >/dev/null
"${PSQL[@]}" -c "SELECT 'vendor_search_entries: ' || count(*) || ' rows, ' || pg_size_pretty(pg_total_relation_size('vendor_search_entries')) || ' with indexes' FROM vendor_search_entries"

log "Starting the Api"
# The Api alone (the search needs no broker; its readiness check would wait for one, so liveness is polled).
( cd src/Api && ASPNETCORE_URLS="http://127.0.0.1:$API_PORT" DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production \
    Oidc__RequireHttps=false Logging__LogLevel__Default=Warning exec dotnet bin/Release/net10.0/Marketplace.Api.dll ) >"$RUN/logs/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$API_PORT/health/live" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "http://127.0.0.1:$API_PORT/health/live" >/dev/null || { tail -30 "$RUN/logs/api.log"; die "the Api did not start"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), PostgreSQL $("${PSQL[@]}" -c 'SHOW server_version' | cut -d' ' -f1)"
dotnet bench/SearchBench/bin/Release/net10.0/SearchBench.dll "http://127.0.0.1:$API_PORT" "$ConnectionStrings__Marketplace" "$REQUESTS"
