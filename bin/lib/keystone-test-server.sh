#!/usr/bin/env bash
# Starts or stops a throw-away Keystone for tests: Debian's keystone package run through
# its WSGI script's simple server on 127.0.0.1, SQLite, fernet tokens, an admin bootstrapped
# in the Default domain (user admin, project admin, roles admin/member/reader). The admin
# project is Keystone's admin project, so tokens carry is_admin_project (true only for it).
#
#   keystone-test-server.sh start RUN_DIR [TOKEN_EXPIRATION_SECONDS]   prints the URL (http://127.0.0.1:PORT)
#   keystone-test-server.sh stop RUN_DIR
#
# The admin password is in RUN_DIR/admin-password. The log is RUN_DIR/keystone.log.
set -euo pipefail

usage() { echo "usage: $0 start|stop RUN_DIR [TOKEN_EXPIRATION_SECONDS]" >&2; exit 2; }
[ $# -ge 2 ] || usage
action=$1
run_dir=$(mkdir -p "$2" && cd "$2" && pwd)
expiration=${3:-3600}

. "$(dirname "$0")/test-server-lib.sh"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  if ! command -v keystone-manage >/dev/null || ! command -v keystone-wsgi-public >/dev/null; then
    echo "keystone is not installed (apt-get install keystone)" >&2
    exit 3
  fi
  if [ -f "$run_dir/pid" ] && kill -0 "$(cat "$run_dir/pid")" 2>/dev/null; then
    cat "$run_dir/url"
    return
  fi
  local port password
  port=$(free_port)
  password=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
  echo "$password" > "$run_dir/admin-password"
  mkdir -p "$run_dir/fernet-keys" "$run_dir/credential-keys"
  chmod 700 "$run_dir/fernet-keys" "$run_dir/credential-keys"
  cat > "$run_dir/keystone.conf" <<CONF
[DEFAULT]
log_file = $run_dir/keystone.log
debug = false
[database]
connection = sqlite:///$run_dir/keystone.db
[token]
provider = fernet
expiration = $expiration
[fernet_tokens]
key_repository = $run_dir/fernet-keys
[credential]
key_repository = $run_dir/credential-keys
[cache]
enabled = false
[identity]
# bcrypt's fewest rounds: every password authentication stays quick (a throw-away Keystone)
password_hash_rounds = 4
[resource]
admin_project_domain_name = Default
admin_project_name = admin
[oslo_policy]
enforce_scope = false
enforce_new_defaults = false
CONF
  export OS_KEYSTONE_CONFIG_DIR="$run_dir" OS_KEYSTONE_CONFIG_FILES=keystone.conf
  local manage=(keystone-manage --config-file "$run_dir/keystone.conf")
  if [ ! -f "$run_dir/keystone.db" ]; then
    # the key repositories are made while the schema is (they do not touch the database)
    "${manage[@]}" fernet_setup --keystone-user "$(id -un)" --keystone-group "$(id -gn)" >>"$run_dir/keys.log" 2>&1 &
    local fernet=$!
    "${manage[@]}" credential_setup --keystone-user "$(id -un)" --keystone-group "$(id -gn)" >>"$run_dir/keys.log" 2>&1 &
    local credential=$!
    "${manage[@]}" db_sync >>"$run_dir/manage.log" 2>&1
    wait "$fernet" && wait "$credential" || { cat "$run_dir/keys.log" >&2; exit 1; }
    # readers must not block the writer inside keystone's single process (else "database is locked")
    python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute("PRAGMA journal_mode=WAL")' \
      "$run_dir/keystone.db"
    "${manage[@]}" bootstrap --bootstrap-password "$password" \
      --bootstrap-admin-url "http://127.0.0.1:$port/v3/" \
      --bootstrap-public-url "http://127.0.0.1:$port/v3/" \
      --bootstrap-internal-url "http://127.0.0.1:$port/v3/" \
      --bootstrap-region-id RegionOne >>"$run_dir/manage.log" 2>&1
  else
    "${manage[@]}" bootstrap --bootstrap-password "$password" >>"$run_dir/manage.log" 2>&1
  fi
  setsid keystone-wsgi-public --host 127.0.0.1 --port "$port" \
    >"$run_dir/server.out" 2>&1 < /dev/null &
  echo $! > "$run_dir/pid"
  await_server keystone "$port" "$run_dir/keystone.log" port_open "$port"
}

stop() { stop_server; }

case "$action" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
