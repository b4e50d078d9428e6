#!/usr/bin/env bash
# Drives the all-in-one jnova, started with its defaults in a fresh state_path, with Debian's
# `openstack` CLI (python-openstackclient over openstacksdk), using nothing but the clouds.yaml
# jnova writes there (clouds jnova = admin, jnova-demo = demo): tokens, the catalog, flavors,
# images (upload, download, snapshots and who sees them), key pairs, a server's whole life, a
# project and user made by the admin, and openstacksdk's cloud layer.
# Prints one line per check and closes with "N passed, N failed"; exits non-zero when anything
# failed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RUN=$(mktemp -d)
PORT=${JNOVA_CLI_TEST_PORT:-$((20000 + RANDOM % 20000))}
MD_PORT=$((PORT + 1))
ID_PORT=$((PORT + 2))
IMAGE_PORT=$((PORT + 3))
. "$HERE/lib.sh"

cleanup() {
  [ -f "$RUN/pid" ] && kill "$(cat "$RUN/pid")" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$RUN"
}
trap cleanup EXIT

# only the ports differ from the defaults; state_path is the working directory
cat >"$RUN/nova.conf" <<CONF
[DEFAULT]
osapi_compute_listen_port = $PORT
metadata_listen_port = $MD_PORT
identity_listen_port = $ID_PORT
image_listen_port = $IMAGE_PORT
CONF

(cd "$RUN" && exec "$ROOT/bin/jnova" --config-file "$RUN/nova.conf" >"$RUN/jnova.log" 2>&1) &
echo $! >"$RUN/pid"
for _ in $(seq 1 120); do
  [ -f "$RUN/clouds.yaml" ] && curl -sf "http://127.0.0.1:$IMAGE_PORT/" -o /dev/null 2>&1 && break
  sleep 0.5
done

export OS_CLIENT_CONFIG_FILE="$RUN/clouds.yaml"
unset OS_AUTH_URL OS_TOKEN OS_USERNAME OS_PASSWORD OS_PROJECT_NAME OS_AUTH_TYPE OS_ENDPOINT
os() {  # the admin of project admin
  OS_CLOUD=jnova openstack --os-compute-api-version 2.79 "$@"
}
demo() {  # the member of project demo
  OS_CLOUD=jnova-demo openstack "$@"
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

check "clouds.yaml written with mode 0600" test "$(stat -c %a "$RUN/clouds.yaml")" = 600
check "no token, no service" has '^401$' curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v2.1/servers"
check "token issue" has project_id demo token issue
check "catalog list names compute, identity and image" \
  bash -c "out=\$(OS_CLOUD=jnova-demo openstack catalog list -f value -c Type) && grep -q compute <<<\"\$out\" \
    && grep -q identity <<<\"\$out\" && grep -q image <<<\"\$out\""
check "flavor list shows m1.tiny" has m1.tiny os flavor list
check "flavor show m1.small" has 2048 os flavor show m1.small
check "keypair create" has cli-key os keypair create --public-key "$HERE/test-key.pub" cli-key
check "keypair list" has cli-key os keypair list
check "server create" has cli-server os server create --flavor m1.tiny --image 155d900f-4e14-4e4c-a73d-069cbf4541e6 \
  --key-name cli-key --network auto --property role=web cli-server
check "server becomes ACTIVE" wait_status cli-server ACTIVE
check "server list" has cli-server os server list
check "server show has an address" has '10\.' os server show cli-server -f value -c addresses
check "admin snapshots its server" has active os server image create --name admin-snap --wait cli-server \
  -f value -c status
check "the demo project does not see the admin's server" fails demo server show cli-server
check "server set name" os server set --name cli-renamed cli-server
check "renamed server shows" has cli-renamed os server show cli-renamed -f value -c name
check "server delete" os server delete --wait cli-renamed
check "server gone" fails os server show cli-renamed
check "keypair delete" os keypair delete cli-key

check "demo: image list shows cirros" has cirros demo image list
check "demo: server create --wait" has ACTIVE demo server create --flavor m1.tiny --image cirros \
  --wait demo1 -f value -c status
check "demo: server list" has demo1 demo server list
head -c 65536 /dev/urandom >"$RUN/upload.qcow2"
check "demo: image create --file" has myimg demo image create --file "$RUN/upload.qcow2" --disk-format qcow2 \
  myimg -f value -c name
check "demo: the uploaded image is active" has active demo image show myimg -f value -c status
check "demo: image save gives the same bytes" \
  bash -c "OS_CLOUD=jnova-demo openstack image save --file '$RUN/download.qcow2' myimg && cmp '$RUN/upload.qcow2' '$RUN/download.qcow2'"
check "demo: server image create (snapshot)" has active demo server image create --name demo-snap --wait demo1 \
  -f value -c status
check "demo: image list shows its snapshot and upload" has demo-snap demo image list
check "demo: image list lacks the admin's snapshot" lacks admin-snap demo image list
check "admin: image list shows its snapshot" has admin-snap os image list
check "demo: may not create a project" fails demo project create --domain default demo-made
check "admin: project create" has cli-project os project create --domain default cli-project -f value -c name
check "admin: user create" has cli-user os user create --domain default --project cli-project \
  --password Cli-pw-1 cli-user -f value -c name
check "admin: role add" os role add --project cli-project --user cli-user member
check "admin: role assignment list names the grant" has member os role assignment list --user cli-user --names
check "admin: user list" has cli-user os user list
# the new user gets a cloud of its own: jnova-demo's entry with its credentials (the client
# would keep the cloud's project_name over --os-project-name)
/usr/bin/python3 - "$RUN/clouds.yaml" "$RUN/clouds-cli-user.yaml" <<'PY'
import sys, yaml
clouds = yaml.safe_load(open(sys.argv[1]))
cloud = clouds['clouds']['jnova-demo']
cloud['auth'].update(username='cli-user', password='Cli-pw-1', project_name='cli-project')
yaml.safe_dump({'clouds': {'cli-user': cloud}}, open(sys.argv[2], 'w'))
PY
third() {  # the new user, member of project cli-project
  OS_CLIENT_CONFIG_FILE="$RUN/clouds-cli-user.yaml" OS_CLOUD=cli-user openstack "$@"
}
check "new user: token issue" has "$(os project show cli-project -f value -c id)" third token issue -f value -c project_id
check "new user: server list lacks the demo project's server" lacks demo1 third server list
check "new user: image list lacks the demo project's snapshot" lacks demo-snap third image list
check "new user: image list shows the public cirros" has cirros third image list
check "openstacksdk: create_server(image=name) and delete_server" has ACTIVE /usr/bin/python3 -c "
import openstack
cloud = openstack.connect(cloud='jnova-demo')
server = cloud.create_server('sdk1', image='cirros', flavor='m1.tiny', wait=True, timeout=60)
print(server.status)
cloud.delete_server('sdk1', wait=True, timeout=60)
"
check "demo: server delete" demo server delete --wait demo1

echo "openstack-cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
