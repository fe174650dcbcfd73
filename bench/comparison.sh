#!/usr/bin/env bash
# The proposal comparison benchmark (issue 6): on a throwaway PostgreSQL (with RabbitMQ and the mail catcher, which the
# Api expects), runs bench/EvaluationBench: an RFP with 50 proposals, 8 axes and 5 evaluators' submitted scores, then
# GET /comparison (p50/p95 over 200 requests after a warm-up) and the Excel and CSV exports (20 each).
#   bench/comparison.sh [PROPOSALS] [EVALUATORS] [REQUESTS]     (defaults 50, 5, 200)
set -euo pipefail
PROJECT_ROOT=$(cd "$(dirname "$0")/.." && pwd)
export PROJECT_ROOT
cd "$PROJECT_ROOT"
source infra/local/services.sh
RUN=$PROJECT_ROOT/.local/bench-comparison
mkdir -p "$RUN/logs"
read -r PG_PORT SMTP_PORT MAIL_WEB_PORT <<<"$(free_ports 3)"
RABBITMQ_PORT=$(free_port_block "$RABBITMQ_PORT_BLOCK")
NODE=marketplace-bench-$$
cleanup() {
  trap '' INT TERM PIPE; set +e
  stop_mail_catcher "$RUN/mail"
  stop_rabbitmq "$RUN/rabbitmq" "$NODE" "$RABBITMQ_PORT"
  stop_postgres "$RUN/postgres"
  [ -L "$RUN/postgres" ] && rm -rf "$(readlink -f "$RUN/postgres")"
  rm -rf "$RUN"
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
dotnet src/Admin/bin/Release/net10.0/Marketplace.Admin.dll migrate >/dev/null
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), PostgreSQL $(psql -X -A -t -h 127.0.0.1 -p "$PG_PORT" -U marketplace_owner -d marketplace -c 'SHOW server_version' | cut -d' ' -f1)"
# From its own folder: the in-process Api finds its content root through the manifest there, as the tests do.
( cd bench/EvaluationBench/bin/Release/net10.0 && Logging__LogLevel__Default=Warning dotnet EvaluationBench.dll "${1:-50}" "${2:-5}" "${3:-200}" )
