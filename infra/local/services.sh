# Shared by ./run.sh and ./test.sh: install and run PostgreSQL and RabbitMQ as plain local processes on
# 127.0.0.1, with their data in a folder of the caller's, stopped by the PID they started with.
# Source it; every function prints what it does on stderr and fails loudly.

PG_BIN=/usr/lib/postgresql/15/bin
RABBITMQ_BIN=/usr/lib/rabbitmq/bin

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Installs the Debian packages that are missing. The first chromium install on a fresh machine has been seen to
# fail half-way (dpkg loses its archive after a systemd upgrade): the same install then completes, so retry once.
ensure_packages() {
  local missing=() p
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "Installing ${missing[*]} from Debian's packages"
  as_root apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "could not install ${missing[*]}"
}

# free_ports N: N distinct free ports on loopback (all held open together while chosen, so none repeats).
free_ports() {
  node -e "const net=require('net');const n=+process.argv[1];const ss=[];let done=0;
    for(let i=0;i<n;i++){const s=net.createServer();ss.push(s);s.listen(0,'127.0.0.1',()=>{if(++done===n){
      console.log(ss.map(x=>x.address().port).join(' '));ss.forEach(x=>x.close());}});}" "$1"
}

port_in_use() { node -e "const s=require('net').connect($1,'127.0.0.1');s.on('connect',()=>process.exit(0));s.on('error',()=>process.exit(1))"; }

# PostgreSQL refuses to run as root; as root it runs as the 'postgres' user, which must be able to reach the folder.
pg_run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# pg_data_dir DIR: where the cluster lives. As root, when the postgres user cannot reach DIR (a checkout under
# /root, say), the cluster goes to /var/lib/marketplace-local/<hash of DIR> and DIR becomes a link to it.
pg_data_dir() {
  local dir=$1
  if [ "$(id -u)" != 0 ]; then echo "$dir"; return; fi
  if [ -L "$dir" ]; then readlink -f "$dir"; return; fi
  mkdir -p "$(dirname "$dir")"
  if runuser -u postgres -- test -x "$(dirname "$dir")"; then echo "$dir"; return; fi
  local elsewhere="/var/lib/marketplace-local/$(printf '%s' "$dir" | sha1sum | cut -c1-12)"
  mkdir -p "$elsewhere"; chown postgres "$elsewhere"
  ln -sfn "$elsewhere" "$dir"
  echo "$elsewhere"
}

# start_postgres DIR PORT [fast]: initialises DIR on first use, starts the server, waits until it answers.
start_postgres() {
  local dir port=$2 fast=${3:-} opts
  dir=$(pg_data_dir "$1")
  if [ ! -f "$dir/PG_VERSION" ]; then
    log "Initialising PostgreSQL in $1"
    mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir"
    # C.UTF-8 so that pg_trgm indexes Japanese text (with --no-locale it ignores it).
    pg_run "$PG_BIN/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null || die "initdb failed"
  fi
  opts="-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories="
  [ "$fast" = fast ] && opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  log "Starting PostgreSQL on 127.0.0.1:$port"
  pg_run "$PG_BIN/pg_ctl" -D "$dir" -w -t 60 -l "$dir/server.log" -o "$opts" start >/dev/null \
    || { tail -20 "$dir/server.log" >&2; die "PostgreSQL did not start"; }
}

stop_postgres() {
  local dir; dir=$(readlink -f "$1")
  [ -f "$dir/postmaster.pid" ] || return 0
  pg_run "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
}

# provision_database PORT: roles and database (idempotent), see infra/postgres/roles.sql.
provision_database() {
  psql -q -X -h 127.0.0.1 -p "$1" -U postgres -d postgres -v owner_password= -v app_password= \
    -f "$PROJECT_ROOT/infra/postgres/roles.sql" >/dev/null || die "creating the database roles failed"
}

# RabbitMQ takes a block of RABBITMQ_PORT_BLOCK ports from its base: base = AMQP, base+1 = Erlang distribution,
# base+2 = its own epmd, base+3..base+13 = the command-line tools' distribution ports. The tools' default range
# (35672-35682) is shared by every broker on the machine and collided with our own ports, so it is set explicitly.
RABBITMQ_PORT_BLOCK=14

# free_port_block N: the first port of N consecutive ports that are all free, below the ephemeral range (so the
# kernel does not hand them out to outgoing connections meanwhile); each is checked by binding it.
free_port_block() {
  node -e "const net=require('net');const n=+process.argv[1];
    const tryBase=b=>new Promise(ok=>{let left=n,good=true;const ss=[];
      for(let p=b;p<b+n;p++){const s=net.createServer();ss.push(s);s.once('error',()=>{good=false;done();});s.listen(p,'127.0.0.1',done);}
      function done(){if(--left===0){ss.forEach(s=>s.listening&&s.close());ok(good);}}});
    (async()=>{for(let i=0;i<200;i++){const b=20000+Math.floor(Math.random()*9000);if(await tryBase(b)){console.log(b);return;}}process.exit(1);})();" "$1"
}

# rabbitmq_env DIR NODE BASE: exports what rabbitmq-server and rabbitmqctl need to find this one broker.
rabbitmq_env() {
  local dir=$1 node=$2 base=$3
  mkdir -p "$dir/mnesia" "$dir/log"
  [ -f "$dir/enabled_plugins" ] || echo '[].' > "$dir/enabled_plugins"
  [ -f "$dir/rabbitmq.conf" ] || printf 'loopback_users.guest = true\ndisk_free_limit.absolute = 50MB\n' > "$dir/rabbitmq.conf"
  export HOME="$dir" RABBITMQ_NODENAME="$node@localhost" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$base"
  export RABBITMQ_DIST_PORT=$((base + 1)) ERL_EPMD_PORT=$((base + 2)) ERL_EPMD_ADDRESS=127.0.0.1
  export RABBITMQ_CTL_DIST_PORT_MIN=$((base + 3)) RABBITMQ_CTL_DIST_PORT_MAX=$((base + RABBITMQ_PORT_BLOCK - 1))
  export RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" ERL_CRASH_DUMP="$dir/log/erl_crash.dump"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
}

# start_rabbitmq DIR NODE BASE (in a subshell, so the caller's HOME stays as it was).
start_rabbitmq() {
  ( rabbitmq_env "$@"
    rm -f "$1/log/erl_crash.dump"
    log "Starting RabbitMQ on 127.0.0.1:$3"
    "$RABBITMQ_BIN/rabbitmq-server" -detached >/dev/null 2>&1 || die "rabbitmq-server did not start"
    wait_for_rabbitmq "$1" )
}

# Polls until the node answers: await_startup fails at once while the node has not registered with epmd yet.
wait_for_rabbitmq() {
  local i
  for i in $(seq 1 120); do
    "$RABBITMQ_BIN/rabbitmqctl" -q await_startup >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  cat "$1"/log/*.log 2>/dev/null | tail -n 20 >&2
  # A node that died while starting leaves its reason in the crash dump's first lines.
  grep -m1 '^Slogan' "$1/log/erl_crash.dump" >&2 2>/dev/null || true
  die "RabbitMQ did not become ready within a minute"
}

# stop_rabbitmq DIR NODE BASE
stop_rabbitmq() {
  ( rabbitmq_env "$@"
    "$RABBITMQ_BIN/rabbitmqctl" -q shutdown >/dev/null 2>&1 || true
    epmd -port "$ERL_EPMD_PORT" -kill >/dev/null 2>&1 || true )
}

# build_all LOGDIR [SOLUTION]: the .NET solution (default Marketplace.sln; ./run.sh builds only the product,
# Marketplace.Product.slnf, so it never downloads the test tools), which also writes the Api's OpenAPI document,
# then the SPA, whose API types are generated from that document. Output goes to LOGDIR; on failure its tail is shown.
build_all() {
  local logs=$1 solution=${2:-Marketplace.sln}
  log "Building ($solution, then the SPA)"
  dotnet tool restore >/dev/null
  dotnet build "$PROJECT_ROOT/$solution" -c Release -nologo -v quiet -clp:ErrorsOnly >"$logs/build.log" 2>&1 \
    || { tail -40 "$logs/build.log" >&2; die "the build failed (full log: $logs/build.log)"; }
  ( cd "$PROJECT_ROOT/src/Web"
    if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
      npm ci --no-audit --no-fund --loglevel=error >"$logs/npm-ci.log" 2>&1 || { tail -40 "$logs/npm-ci.log" >&2; exit 1; }
    fi
    npm run build --silent >"$logs/web-build.log" 2>&1 || { tail -40 "$logs/web-build.log" >&2; exit 1; } ) \
    || die "the SPA build failed (logs in $logs)"
}

# export_service_settings PG_PORT RABBITMQ_PORT SMTP_PORT: how the Api, Workers, Admin and tests find the services.
export_service_settings() {
  export ConnectionStrings__Marketplace="Host=127.0.0.1;Port=$1;Database=marketplace;Username=marketplace_app"
  export ConnectionStrings__MarketplaceOwner="Host=127.0.0.1;Port=$1;Database=marketplace;Username=marketplace_owner"
  export RabbitMq__Host=127.0.0.1 RabbitMq__Port=$2
  export Smtp__Host=127.0.0.1 Smtp__Port=$3 Smtp__Security=None
}

# The mail catcher (maildev from npm): takes every mail sent to its SMTP port and shows it on its web port, with an
# HTTP API (/api/email) that tests read confirmation links from. Installed from infra/local/mail/package-lock.json.
MAIL_CATCHER_DIR="$PROJECT_ROOT/infra/local/mail"

# start_mail_catcher DIR SMTP_PORT WEB_PORT: mail is kept in DIR, so it survives a restart of ./run.sh.
start_mail_catcher() {
  local dir=$1 smtp=$2 web=$3 i
  ( cd "$MAIL_CATCHER_DIR"
    if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
      npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1 || die "installing the mail catcher failed"
    fi )
  mkdir -p "$dir/messages"
  log "Starting the mail catcher: SMTP 127.0.0.1:$smtp, web http://127.0.0.1:$web"
  "$MAIL_CATCHER_DIR/node_modules/.bin/maildev" --smtp "$smtp" --ip 127.0.0.1 --web "$web" --web-ip 127.0.0.1 \
    --mail-directory "$dir/messages" >"$dir/maildev.log" 2>&1 &
  echo $! > "$dir/maildev.pid"
  for i in $(seq 1 60); do
    curl -fs "http://127.0.0.1:$web/api/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$(cat "$dir/maildev.pid")" 2>/dev/null || break
    sleep 0.5
  done
  tail -20 "$dir/maildev.log" >&2
  die "the mail catcher did not start"
}

stop_mail_catcher() {
  [ -f "$1/maildev.pid" ] || return 0
  kill "$(cat "$1/maildev.pid")" 2>/dev/null || true
  rm -f "$1/maildev.pid"
}
