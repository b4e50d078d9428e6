#!/usr/bin/env bash
# Starts or stops a throw-away Glance for tests: Debian's glance-api on 127.0.0.1, one process,
# SQLite, the file store under RUN_DIR, and either no authentication (an empty [paste_deploy]
# flavor: every request gets glance's unauthenticated admin context) or Keystone tokens checked
# by keystonemiddleware with the given service user (in project service of domain Default).
#
#   glance-test-server.sh sync RUN_DIR                                   creates the schema only
#   glance-test-server.sh start RUN_DIR [KEYSTONE_URL USER PASSWORD]     prints the URL (http://127.0.0.1:PORT)
#   glance-test-server.sh stop RUN_DIR
#
# `start` creates the schema when `sync` did not (`sync` lets a caller do the slow part while
# it waits for Keystone). The log is RUN_DIR/glance-api.log, the output RUN_DIR/server.out.
set -euo pipefail

usage() { echo "usage: $0 sync|start|stop RUN_DIR [KEYSTONE_URL USER PASSWORD]" >&2; exit 2; }
[ $# -ge 2 ] || usage
action=$1
run_dir=$(mkdir -p "$2" && cd "$2" && pwd)
shift 2
paste=/usr/share/glance-common/glance-api-paste.ini

. "$(dirname "$0")/test-server-lib.sh"

require_glance() {
  if ! command -v glance-api >/dev/null || ! command -v glance-manage >/dev/null || [ ! -r "$paste" ]; then
    echo "glance-api is not installed (apt-get install glance-api)" >&2
    exit 3
  fi
}

write_conf() {  # write_conf PORT [KEYSTONE_URL USER PASSWORD]
  mkdir -p "$run_dir/data"
  cp "$paste" "$run_dir/glance-api-paste.ini"
  cat >"$run_dir/glance-api.conf" <<CONF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = $1
workers = 0
log_file = $run_dir/glance-api.log
[database]
connection = sqlite:///$run_dir/glance.sqlite
[glance_store]
stores = file
default_store = file
filesystem_store_datadir = $run_dir/data
CONF
  if [ $# -ge 4 ]; then
    cat >>"$run_dir/glance-api.conf" <<CONF
[paste_deploy]
flavor = keystone
[keystone_authtoken]
www_authenticate_uri = $2
auth_url = $2
auth_type = password
username = $3
password = $4
user_domain_name = Default
project_name = service
project_domain_name = Default
CONF
  else
    printf '[paste_deploy]\nflavor =\n' >>"$run_dir/glance-api.conf"
  fi
}

sync() {
  require_glance
  [ -f "$run_dir/glance.sqlite" ] && return
  [ -f "$run_dir/glance-api.conf" ] || write_conf 0
  if ! glance-manage --config-file "$run_dir/glance-api.conf" db_sync >"$run_dir/manage.log" 2>&1; then
    echo "glance-manage db_sync failed; see $run_dir/manage.log" >&2
    exit 1
  fi
}

start() {
  require_glance
  [ $# -eq 0 ] || [ $# -eq 3 ] || usage
  if [ -f "$run_dir/pid" ] && kill -0 "$(cat "$run_dir/pid")" 2>/dev/null; then
    cat "$run_dir/url"
    return
  fi
  local port
  port=$(free_port)
  write_conf "$port" "$@"
  sync
  setsid glance-api --config-file "$run_dir/glance-api.conf" >"$run_dir/server.out" 2>&1 </dev/null &
  echo $! >"$run_dir/pid"
  await_server glance-api "$port" "$run_dir/glance-api.log" curl -sf -o /dev/null "http://127.0.0.1:$port/versions"
}

stop() { stop_server; }

case "$action" in
  sync) sync ;;
  start) start "$@" ;;
  stop) stop ;;
  *) usage ;;
esac
