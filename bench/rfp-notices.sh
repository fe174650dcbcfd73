#!/usr/bin/env bash
# The RFP benchmark (issue 5): seeds N vendors with the bulk generator on a throwaway PostgreSQL, with RabbitMQ and the
# mail catcher, starts the Workers as their own process (production settings: the outbox relay woken by NOTIFY or
# polled every 250 ms, the 20 best matches told), and runs bench/RfpBench: publish → last match notice stored, p50/p95 over the RFPs; the matcher's
# throughput; the hard filter as raw SQL; a raw RabbitMQ round trip.
#   bench/rfp-notices.sh [N] [RFPS]     (defaults 100000 and 20)
# Set MARKETPLACE_BENCH_KEEP=1 to keep the seeded database in .local/bench-rfp for a second run (seeding is skipped
# when it already holds N or more bulk vendors).
set -euo pipefail
PROJECT_ROOT=$(cd "$(dirname "$0")/.." && pwd)
export PROJECT_ROOT
cd "$PROJECT_ROOT"
source infra/local/services.sh
COUNT=${1:-100000}
RFPS=${2:-20}
RUN=$PROJECT_ROOT/.local/bench-rfp
mkdir -p "$RUN/logs"
read -r PG_PORT SMTP_PORT MAIL_WEB_PORT <<<"$(free_ports 3)"
RABBITMQ_PORT=$(free_port_block "$RABBITMQ_PORT_BLOCK")
NODE=marketplace-bench-$$
WORKERS_PID=
cleanup() {
  trap '' INT TERM PIPE; set +e
  [ -n "$WORKERS_PID" ] && kill "$WORKERS_PID" 2>/dev/null && wait "$WORKERS_PID" 2>/dev/null
  stop_mail_catcher "$RUN/mail"
  stop_rabbitmq "$RUN/rabbitmq" "$NODE" "$RABBITMQ_PORT"
  stop_postgres "$RUN/postgres"
  if [ "${MARKETPLACE_BENCH_KEEP:-0}" != 1 ]; then [ -L "$RUN/postgres" ] && rm -rf "$(readlink -f "$RUN/postgres")"; rm -rf "$RUN"; fi
}
trap cleanup EXIT

ensure_packages postgresql rabbitmq-server curl
start_postgres "$RUN/postgres" "$PG_PORT"
provision_database "$PG_PORT"
start_rabbitmq "$RUN/rabbitmq" "$NODE" "$RABBITMQ_PORT"
start_mail_catcher "$RUN/mail" "$SMTP_PORT" "$MAIL_WEB_PORT"
log "Building"
dotnet build Marketplace.sln -c Release -nologo -v quiet -clp:ErrorsOnly >"$RUN/logs/build.log" 2>&1 || { tail -30 "$RUN/logs/build.log"; die "the build failed"; }
export_service_settings "$PG_PORT" "$RABBITMQ_PORT" "$SMTP_PORT"
ADMIN="dotnet src/Admin/bin/Release/net10.0/Marketplace.Admin.dll"
$ADMIN migrate >/dev/null
PSQL=(psql -X -A -t -h 127.0.0.1 -p "$PG_PORT" -U marketplace_owner -d marketplace)

HAVE=$("${PSQL[@]}" -c "SELECT count(*) FROM vendor_profiles WHERE slug LIKE 'bulk-%'")
if [ "$HAVE" -lt "$COUNT" ]; then
  log "Seeding $((COUNT - HAVE)) vendors (profiles, certifications, search entries)"
  $ADMIN seed --bulk $((COUNT - HAVE))
fi
"${PSQL[@]}" -c "VACUUM ANALYZE vendor_search_entries" -c "VACUUM ANALYZE vendor_profiles" >/dev/null

log "Starting the Workers"
# (env: a setting with dots in its name is no shell variable.)
( cd src/Workers && exec env DOTNET_ENVIRONMENT=Production Logging__LogLevel__Default=Warning 'Logging__LogLevel__Marketplace.Workers.Rfps=Information' \
    dotnet bin/Release/net10.0/Marketplace.Workers.dll ) >"$RUN/logs/workers.log" 2>&1 &
WORKERS_PID=$!
sleep 5
kill -0 "$WORKERS_PID" 2>/dev/null || { tail -30 "$RUN/logs/workers.log"; die "the Workers did not start"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), PostgreSQL $("${PSQL[@]}" -c 'SHOW server_version' | cut -d' ' -f1), RabbitMQ on loopback"
# From its own folder: the in-process Api finds its content root through the manifest there, as the tests do.
( cd bench/RfpBench/bin/Release/net10.0 && Logging__LogLevel__Default=Warning dotnet RfpBench.dll "$RFPS" )
echo
for PART in best rest; do
  echo "the Workers' own timing of the $RFPS RFPs published one at a time, $PART part:"
  grep -o "($PART): evaluated [0-9]* vendor(s), [0-9]* matched, [0-9]* stored, in [0-9]* ms ([^)]*)" "$RUN/logs/workers.log" | tail -n $((2 * RFPS)) | sed -n "1,${RFPS}p" \
    | tee "$RUN/logs/matches-$PART.txt" \
    | awk '{ e += $3; t += $10; if ($10 > m) m = $10 } END { printf "  %d matches, %d vendors evaluated in %d ms in all (%.0f vendors/s), slowest %d ms\n", NR, e, t, e / (t / 1000), m }'
  echo "  the slowest three, by phase:"
  sort -t' ' -k10 -n "$RUN/logs/matches-$PART.txt" | tail -3 | sed 's/^/    /'
done
