#!/usr/bin/env bash
# Drives the all-in-one jnova with Debian's `openstack` CLI (python-openstackclient over
# openstacksdk): flavors, images, key pairs and a server's whole life. Prints one line per
# check and closes with "N passed, N failed"; exits non-zero when anything failed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RUN=$(mktemp -d)
PORT=${JNOVA_CLI_TEST_PORT:-$((20000 + RANDOM % 20000))}
MD_PORT=$((PORT + 1))
passed=0
failed=0

cleanup() {
  [ -f "$RUN/pid" ] && kill "$(cat "$RUN/pid")" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$RUN"
}
trap cleanup EXIT

check() {  # check NAME COMMAND...: passes when the command succeeds
  local name=$1; shift
  if "$@" >"$RUN/check.out" 2>&1; then
    passed=$((passed + 1)); echo "ok   - $name"
  else
    failed=$((failed + 1)); echo "FAIL - $name"; sed 's/^/       /' "$RUN/check.out" | head -20
  fi
}

cat >"$RUN/nova.conf" <<CONF
[DEFAULT]
osapi_compute_listen = 127.0.0.1
osapi_compute_listen_port = $PORT
metadata_listen = 127.0.0.1
metadata_listen_port = $MD_PORT
[database]
connection = sqlite:///$RUN/nova.sqlite
CONF

"$ROOT/bin/jnova" --config-file "$RUN/nova.conf" >"$RUN/jnova.log" 2>&1 &
echo $! >"$RUN/pid"
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/" >/dev/null 2>&1 && break
  sleep 0.5
done

os() {
  openstack --os-auth-type admin_token --os-token admin:admin \
    --os-endpoint "http://127.0.0.1:$PORT/v2.1" --os-compute-api-version 2.79 "$@"
}
export -f os 2>/dev/null
OS_PORT=$PORT

has() {  # has PATTERN COMMAND...: the command succeeds and prints PATTERN
  local pattern=$1; shift
  local out
  out=$("$@" 2>&1) || { echo "$out"; return 1; }
  grep -q -- "$pattern" <<<"$out" || { echo "expected '$pattern' in:"; echo "$out"; return 1; }
}

wait_status() {  # wait_status SERVER STATUS
  local i status
  for i in $(seq 1 60); do
    status=$(os server show "$1" -f value -c status 2>/dev/null)
    [ "$status" = "$2" ] && return 0
    sleep 0.5
  done
  echo "server $1 is $status, not $2"
  return 1
}

check "flavor list shows m1.tiny" has m1.tiny os flavor list
check "flavor show m1.small" has 2048 os flavor show m1.small
check "keypair create" has cli-key os keypair create --public-key "$HERE/test-key.pub" cli-key
check "keypair list" has cli-key os keypair list
check "server create" has cli-server os server create --flavor m1.tiny --image 155d900f-4e14-4e4c-a73d-069cbf4541e6 \
  --key-name cli-key --network auto --property role=web cli-server
check "server becomes ACTIVE" wait_status cli-server ACTIVE
check "server list" has cli-server os server list
check "server show has an address" has '10\.' os server show cli-server -f value -c addresses
check "server set name" os server set --name cli-renamed cli-server
check "renamed server shows" has cli-renamed os server show cli-renamed -f value -c name
check "server delete" os server delete --wait cli-renamed
check "server gone" bash -c "! openstack --os-auth-type admin_token --os-token admin:admin --os-endpoint http://127.0.0.1:$OS_PORT/v2.1 server show cli-renamed"
check "keypair delete" os keypair delete cli-key

echo "openstack-cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
