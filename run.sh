#!/usr/bin/env bash
# Runs the whole product on this machine with demo data: PostgreSQL, RabbitMQ, the Api (serving the SPA) and the
# Workers, all on 127.0.0.1. Data lives in .local/run (git-ignored), so the next run finds it again.
# Ctrl-C stops everything this script started.
#
#   MARKETPLACE_PORT   the Api's port (default 5080)
#   MARKETPLACE_PG_PORT, MARKETPLACE_RABBITMQ_PORT   the services' ports (defaults 55432, 55672); RabbitMQ also
#   takes the 13 ports above its own (Erlang distribution, epmd, command-line tools)
#   MARKETPLACE_SMTP_PORT, MARKETPLACE_MAIL_WEB_PORT   the local mail catcher (defaults 51025, 51080)
set -euo pipefail
PROJECT_ROOT=$(cd "$(dirname "$0")" && pwd)
export PROJECT_ROOT
cd "$PROJECT_ROOT"
source infra/local/services.sh

PORT=${MARKETPLACE_PORT:-5080}
PG_PORT=${MARKETPLACE_PG_PORT:-55432}
RABBITMQ_PORT=${MARKETPLACE_RABBITMQ_PORT:-55672}
SMTP_PORT=${MARKETPLACE_SMTP_PORT:-51025}
MAIL_WEB_PORT=${MARKETPLACE_MAIL_WEB_PORT:-51080}
STATE=$PROJECT_ROOT/.local/run
LOGS=$STATE/logs
LOCK=$STATE/run.pid
URL="http://127.0.0.1:$PORT"
mkdir -p "$LOGS"

# One run at a time: a second one would fight the first over the same ports and data.
if [ -f "$LOCK" ] && kill -0 "$(cat "$LOCK")" 2>/dev/null; then
  die "Marketplace is already running (pid $(cat "$LOCK")) at $URL. Stop it with Ctrl-C in its terminal, or: kill $(cat "$LOCK")"
fi
for p in "$PORT" "$PG_PORT" "$SMTP_PORT" "$MAIL_WEB_PORT" $(seq "$RABBITMQ_PORT" $((RABBITMQ_PORT + RABBITMQ_PORT_BLOCK - 1))); do
  port_in_use "$p" && die "port $p on 127.0.0.1 is taken by another program; choose others with MARKETPLACE_PORT, MARKETPLACE_PG_PORT, MARKETPLACE_RABBITMQ_PORT"
done
echo $$ > "$LOCK"

CHILDREN=()
cleanup() {
  # Never stop half-way: not on a failed command, not on a closed terminal or pipe (SIGPIPE), not on a second Ctrl-C.
  trap '' INT TERM PIPE; trap - EXIT
  set +e
  log "Stopping"
  for pid in "${CHILDREN[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${CHILDREN[@]}"; do wait "$pid" 2>/dev/null || true; done
  stop_mail_catcher "$STATE/mail"
  stop_rabbitmq "$STATE/rabbitmq" marketplace-run "$RABBITMQ_PORT"
  stop_postgres "$STATE/postgres"
  rm -f "$LOCK"
}
trap cleanup INT TERM EXIT

# MeCab with its IPADIC dictionary: the Api reads RFP texts with it (the disguised-contracting check).
ensure_packages postgresql rabbitmq-server curl libmecab2 mecab-ipadic-utf8
start_postgres "$STATE/postgres" "$PG_PORT"
provision_database "$PG_PORT"
start_rabbitmq "$STATE/rabbitmq" marketplace-run "$RABBITMQ_PORT"
start_mail_catcher "$STATE/mail" "$SMTP_PORT" "$MAIL_WEB_PORT"

build_all "$LOGS" Marketplace.Product.slnf
export_service_settings "$PG_PORT" "$RABBITMQ_PORT" "$SMTP_PORT"
export Site__PublicUrl="$URL"
export Storage__Path="$STATE/files"   # uploaded evidence files, kept with the rest of the local state
export DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development

log "Migrating and seeding the demo data"
# The demo person's password: made up on the first run, kept with the local state, never in the repository.
DEMO_PASSWORD_FILE="$STATE/demo-password"
[ -s "$DEMO_PASSWORD_FILE" ] || head -c 15 /dev/urandom | base64 | tr -d '/+=' > "$DEMO_PASSWORD_FILE"
MARKETPLACE_DEMO_PASSWORD=$(cat "$DEMO_PASSWORD_FILE")
export MARKETPLACE_DEMO_PASSWORD
dotnet src/Admin/bin/Release/net10.0/Marketplace.Admin.dll migrate
dotnet src/Admin/bin/Release/net10.0/Marketplace.Admin.dll seed

log "Starting the Workers and the Api"
( cd src/Workers && exec dotnet bin/Release/net10.0/Marketplace.Workers.dll ) >"$LOGS/workers.log" 2>&1 &
CHILDREN+=($!)
( cd src/Api && ASPNETCORE_URLS=$URL exec dotnet bin/Release/net10.0/Marketplace.Api.dll ) >"$LOGS/api.log" 2>&1 &
CHILDREN+=($!)

for i in $(seq 1 120); do
  curl -fsS "$URL/health/ready" >/dev/null 2>&1 && break
  for pid in "${CHILDREN[@]}"; do kill -0 "$pid" 2>/dev/null || { tail -30 "$LOGS"/*.log; die "a process exited during start-up"; }; done
  sleep 1
done
curl -fsS "$URL/health/ready" >/dev/null || die "the Api did not become ready; see $LOGS/api.log"
all_running() { for pid in "${CHILDREN[@]}"; do kill -0 "$pid" 2>/dev/null || return 1; done; }
sleep 2
all_running || { tail -30 "$LOGS"/*.log; die "a process exited during start-up"; }

cat <<INFO

  Marketplace is running at $URL
    API reference   $URL/api/docs   (OpenAPI document: $URL/openapi/v1.json)
    Health          $URL/health/ready
    Mail            http://127.0.0.1:$MAIL_WEB_PORT   (every e-mail the platform sends lands here)
    Logs            $LOGS/api.log, $LOGS/workers.log

  Demo sign-in     demo@marketplace.example / $MARKETPLACE_DEMO_PASSWORD
                   (owner of 株式会社さくら物産 and 東京ビジネスサポート株式会社: switch between them in the header)
  Or create your own account at $URL/account/sign-up; the confirmation mail is in the mail catcher above.
  Service catalogue $URL/catalogue   (210 demo vendors with profiles and certifications are loaded)

  Press Ctrl-C to stop everything.
INFO
while all_running; do sleep 2; done
log "A process stopped unexpectedly; see $LOGS"
