#!/usr/bin/env bash
# Runs every test against real services: a throwaway PostgreSQL and RabbitMQ on free ports, the SPA built and
# served by the Api, and Debian's Chromium for the browser tests. The house style checks and the SPA's component
# tests run first, after the build (decision 0025). Ends with one line "N passed, N failed, N skipped"
# and exits non-zero on any failure. Everything it starts is stopped and removed at the end.
set -euo pipefail
PROJECT_ROOT=$(cd "$(dirname "$0")" && pwd)
export PROJECT_ROOT
cd "$PROJECT_ROOT"
source infra/local/services.sh

STARTED=$(date +%s)
RUN=$PROJECT_ROOT/.local/test-$$
RESULTS=$RUN/results
mkdir -p "$RESULTS"
read -r PG_PORT SMTP_PORT MAIL_WEB_PORT <<<"$(free_ports 3)"
RABBITMQ_PORT=$(free_port_block "$RABBITMQ_PORT_BLOCK")
NODE=marketplace-test-$$

summary_line() { echo "$1 passed, $2 failed, $3 skipped"; }
cleanup() {
  local status=$?
  # Never stop half-way: not on a failed command, not on a closed terminal or pipe (SIGPIPE), not on a second Ctrl-C.
  trap '' INT TERM PIPE; trap - EXIT
  set +e
  stop_mail_catcher "$RUN/mail"
  stop_rabbitmq "$RUN/rabbitmq" "$NODE" "$RABBITMQ_PORT"
  stop_postgres "$RUN/postgres"
  # As root the cluster may live outside the checkout (see pg_data_dir); remove both.
  [ -L "$RUN/postgres" ] && rm -rf "$(readlink -f "$RUN/postgres")"
  rm -rf "$RUN"
  exit $status
}
trap cleanup INT TERM EXIT
# Anything that fails before the tests run counts as one failure, so CI's reading of the last line is right.
fail_setup() { printf '\033[1;31merror:\033[0m %s\n' "$1" >&2; summary_line 0 1 0; exit 1; }
die() { fail_setup "$*"; }

ensure_packages postgresql rabbitmq-server chromium curl libmecab2 mecab-ipadic-utf8 || fail_setup "installing packages failed"
start_postgres "$RUN/postgres" "$PG_PORT" fast || fail_setup "PostgreSQL did not start"
provision_database "$PG_PORT" || fail_setup "creating the database failed"
start_rabbitmq "$RUN/rabbitmq" "$NODE" "$RABBITMQ_PORT" || fail_setup "RabbitMQ did not start"
start_mail_catcher "$RUN/mail" "$SMTP_PORT" "$MAIL_WEB_PORT" || fail_setup "the mail catcher did not start"

# The NuGet lock files are the truth here: a restore that would pick other versions fails instead (MSBuild reads
# the variable as a property).
export RestoreLockedMode=true
build_all "$RUN"

# The house style and the SPA's component tests: fast, before the long suites. Each check counts as one test in
# the summary (and its output is shown when it fails); the component tests count one by one.
checks_passed=0; checks_failed=0
check() {
  local name=$1; shift
  if "$@" >"$RESULTS/check-$name.log" 2>&1; then
    echo "    Passed check $name"; checks_passed=$((checks_passed + 1))
  else
    echo "    Failed check $name"; tail -40 "$RESULTS/check-$name.log" >&2; checks_failed=$((checks_failed + 1))
  fi
}
log "Checking the house style"
check dotnet-format dotnet format whitespace --folder --verify-no-changes --verbosity quiet
check eslint bash -c 'cd src/Web && node_modules/.bin/eslint --max-warnings 0 .'
check prettier bash -c 'cd src/Web && node_modules/.bin/prettier --check --log-level warn .'
log "Testing the SPA's components"
( cd src/Web && NO_COLOR=1 node_modules/.bin/vitest run --reporter=default --reporter=junit --outputFile.junit="$RESULTS/Web.junit.xml" ) \
  >"$RESULTS/Web.log" 2>&1 || true
grep -E "✓|×|Test Files|Tests " "$RESULTS/Web.log" | sed 's/^\s*/    /' || true

export_service_settings "$PG_PORT" "$RABBITMQ_PORT" "$SMTP_PORT"
export MARKETPLACE_TEST_MAIL_API="http://127.0.0.1:$MAIL_WEB_PORT"
dotnet src/Admin/bin/Release/net10.0/Marketplace.Admin.dll migrate || fail_setup "migrations failed"

# Tests that take the broker down and up again call this (see tests/TestSupport/Broker.cs).
cat > "$RUN/rabbitmqctl" <<CTL
#!/usr/bin/env bash
PROJECT_ROOT="$PROJECT_ROOT"; source "$PROJECT_ROOT/infra/local/services.sh"
rabbitmq_env "$RUN/rabbitmq" "$NODE" "$RABBITMQ_PORT"
if [ "\${1:-}" = wait ]; then wait_for_rabbitmq "$RUN/rabbitmq"; else exec "\$RABBITMQ_BIN/rabbitmqctl" -q "\$@"; fi
CTL
chmod +x "$RUN/rabbitmqctl"
export MARKETPLACE_TEST_RABBITMQCTL="$RUN/rabbitmqctl"
export MARKETPLACE_TEST_CHROMIUM=/usr/bin/chromium

# One project at a time: the broker tests stop RabbitMQ, which would fail another project's tests running beside them.
PROJECTS=(tests/Core.Tests tests/Api.Tests tests/Workers.Tests tests/E2E)
for project in "${PROJECTS[@]}"; do
  name=$(basename "$project")
  log "Testing $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$RESULTS" \
    >"$RESULTS/$name.log" 2>&1 || true
  # Test results only (a logged "Failed executing DbCommand" is not a failed test).
  grep -E "^\s+(Passed|Failed|Skipped) Marketplace\." "$RESULTS/$name.log" | sed 's/^\s*/    /' || true
  grep -qE "^\s+Failed Marketplace\." "$RESULTS/$name.log" && grep -A30 -E "^\s+Failed Marketplace\." "$RESULTS/$name.log" | head -80 >&2 || true
  # An answer its OpenAPI document does not list was turned into a 500 (tests/TestSupport/DocumentedAnswers.cs): name it.
  grep -E "UNDOCUMENTED ANSWER" "$RESULTS/$name.log" | sort | uniq -c >&2 || true
done

# Sum the TRX counters. A project without a TRX crashed before reporting: that is a failure too.
passed=0; failed=0; skipped=0
for project in "${PROJECTS[@]}"; do
  name=$(basename "$project")
  trx="$RESULTS/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "no results from $name; its log:" >&2; tail -40 "$RESULTS/$name.log" >&2
    failed=$((failed + 1)); continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done

# The component tests' JUnit file: tests="N" failures="N" errors="N" skipped="N" on its root.
if [ -f "$RESULTS/Web.junit.xml" ]; then
  root=$(grep -o '<testsuites [^>]*>' "$RESULTS/Web.junit.xml" | head -1)
  attr() { echo "$root" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  web_failed=$(( $(attr failures) + $(attr errors) ))
  passed=$((passed + $(attr tests) - web_failed - $(attr skipped))); failed=$((failed + web_failed)); skipped=$((skipped + $(attr skipped)))
  [ "$web_failed" -gt 0 ] && tail -60 "$RESULTS/Web.log" >&2
else
  echo "no results from the SPA's component tests; their log:" >&2; tail -40 "$RESULTS/Web.log" >&2; failed=$((failed + 1))
fi
passed=$((passed + checks_passed)); failed=$((failed + checks_failed))

echo "test.sh took $(( $(date +%s) - STARTED )) s"
summary_line "$passed" "$failed" "$skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
