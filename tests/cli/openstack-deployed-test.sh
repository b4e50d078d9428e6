#!/usr/bin/env bash
# Drives jnova deployed as nova is with Debian's `openstack` CLI: a real Keystone (Debian's
# keystone, bin/lib/keystone-test-server.sh) and a real Glance (Debian's glance-api,
# bin/lib/glance-test-server.sh) behind it, jnova on PostgreSQL (two fresh databases of its own)
# with RabbitMQ (a vhost of its own) as transport, set up as the README tells an operator:
# `nova-manage api_db sync` and `db sync`, two `bin/nova-api` nodes (osapi_compute and metadata,
# each on its own ports) and one `bin/nova-compute`, the compute and image endpoints in
# Keystone's catalog (compute public: node A, internal: node B). The CLI reads nothing but the
# clouds.yaml written here for Keystone's users: tokens, the catalog, an image uploaded to and
# read back from Glance, a project and a user made by the admin who sees only its project, a
# server booted from the uploaded image, its snapshot (seen by its owner only), deletes.
# Prints one line per check and closes with "openstack-deployed: N passed, N failed"; exits
# non-zero when anything failed. Skipped (exit 0) when keystone or glance-api is not installed.
# JNOVA_DEPLOYED_TEST_KEEP=1 keeps the scratch directory (configuration and logs).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
started=$SECONDS

if ! command -v keystone-manage >/dev/null || ! command -v keystone-wsgi-public >/dev/null \
    || ! command -v glance-api >/dev/null; then
  echo "openstack-deployed: skipped, keystone or glance-api is not installed (bin/lib/test-services.sh installs them)"
  exit 0
fi

RUN=$(mktemp -d)
# the nodes' ports: four free ones chosen by the system, or four from JNOVA_DEPLOYED_TEST_PORT on
if [ -n "${JNOVA_DEPLOYED_TEST_PORT:-}" ]; then
  PORT=$JNOVA_DEPLOYED_TEST_PORT
  set -- "$PORT" $((PORT + 1)) $((PORT + 2)) $((PORT + 3))
else
  set -- $(python3 -c 'import socket
sockets = [socket.socket() for _ in range(4)]
for s in sockets: s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in sockets))')
fi
API_A=$1 MD_A=$2 API_B=$3 MD_B=$4
NAME=jnova_deployed_$$_$RANDOM  # the databases (NAME, NAME_api) and the RabbitMQ vhost
NOVA_PASSWORD=nova-$RANDOM$RANDOM
GLANCE_PASSWORD=glance-$RANDOM$RANDOM
DEMO_PASSWORD=demo-$RANDOM$RANDOM
. "$HERE/lib.sh"

psql_admin() { psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qtAc "$1"; }

stop_group() {  # stop_group PIDFILE: SIGTERM to the process group it names, SIGKILL after 15 s
  local pid i
  pid=$(cat "$1" 2>/dev/null) || return 0
  kill -TERM -- "-$pid" 2>/dev/null || return 0
  for i in $(seq 1 60); do kill -0 -- "-$pid" 2>/dev/null || return 0; sleep 0.25; done
  kill -KILL -- "-$pid" 2>/dev/null
}

cleanup() {
  local pidfile
  for pidfile in "$RUN"/*.pid; do [ -f "$pidfile" ] && stop_group "$pidfile" & done
  wait
  "$ROOT/bin/lib/glance-test-server.sh" stop "$RUN/glance" 2>/dev/null
  "$ROOT/bin/lib/keystone-test-server.sh" stop "$RUN/keystone" 2>/dev/null
  if [ -f "$RUN/database-created" ]; then
    psql_admin "DROP DATABASE IF EXISTS $NAME WITH (FORCE)" >/dev/null 2>&1
    psql_admin "DROP DATABASE IF EXISTS ${NAME}_api WITH (FORCE)" >/dev/null 2>&1
  fi
  [ -f "$RUN/vhost-created" ] && rabbitmqctl -q delete_vhost "$NAME" >/dev/null 2>&1
  if [ "${JNOVA_DEPLOYED_TEST_KEEP:-}" = 1 ]; then echo "openstack-deployed: kept $RUN"; else rm -rf "$RUN"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

die() {  # die MESSAGE [LOG...]: the set-up failed; says why, shows the logs' last lines
  local message=$1 log; shift
  echo "openstack-deployed: set-up failed: $message" >&2
  for log in "$@"; do
    [ -f "$log" ] && { echo "--- last lines of $(basename "$log")" >&2; tail -n 15 "$log" >&2; }
  done
  exit 1
}

for tool in openstack psql rabbitmqctl curl; do
  command -v "$tool" >/dev/null || die "$tool is not installed (bin/lib/test-services.sh installs what the tests need)"
done
psql_admin "SELECT 1" >/dev/null 2>&1 \
  || die "PostgreSQL does not answer on 127.0.0.1:5432 as user postgres (bin/lib/test-services.sh starts it)"
(exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null \
  || die "RabbitMQ does not answer on 127.0.0.1:5672 (bin/lib/test-services.sh starts it)"

# --- Keystone and Glance; the schemas are made while Keystone starts --------------------------
"$ROOT/bin/lib/keystone-test-server.sh" start "$RUN/keystone" >"$RUN/keystone-start.out" 2>&1 &
keystone_job=$!
"$ROOT/bin/lib/glance-test-server.sh" sync "$RUN/glance" >"$RUN/glance-sync.out" 2>&1 &
glance_job=$!
wait "$keystone_job" || die "Keystone did not start" "$RUN/keystone-start.out" "$RUN/keystone/keystone.log"
KEYSTONE=$(tail -n 1 "$RUN/keystone-start.out")
ADMIN_PASSWORD=$(cat "$RUN/keystone/admin-password")
wait "$glance_job" || die "glance-manage db_sync failed" "$RUN/glance-sync.out" "$RUN/glance/manage.log"
"$ROOT/bin/lib/glance-test-server.sh" start "$RUN/glance" "$KEYSTONE" glance "$GLANCE_PASSWORD" \
  >"$RUN/glance-start.out" 2>&1 || die "glance-api did not start" "$RUN/glance-start.out" "$RUN/glance/glance-api.log"
GLANCE=$(tail -n 1 "$RUN/glance-start.out")

# --- The clouds: Keystone's admin, a member of project demo (through either interface), and
# the user the admin makes during the scenario -------------------------------------------------
cloud() {  # cloud NAME USER PASSWORD PROJECT INTERFACE: one clouds.yaml entry
  cat <<YAML
  $1:
    auth:
      auth_url: $KEYSTONE/v3
      username: $2
      password: $3
      project_name: $4
      user_domain_name: Default
      project_domain_name: Default
    identity_api_version: 3
    region_name: RegionOne
    interface: $5
YAML
}
{
  echo "clouds:"
  cloud deployed-admin admin "$ADMIN_PASSWORD" admin public
  cloud deployed-demo demo "$DEMO_PASSWORD" demo public
  cloud deployed-demo-internal demo "$DEMO_PASSWORD" demo internal
  cloud deployed-cli-user cli-user Cli-pw-1 cli-project public
} >"$RUN/clouds.yaml"
chmod 600 "$RUN/clouds.yaml"
export OS_CLIENT_CONFIG_FILE="$RUN/clouds.yaml"
unset OS_AUTH_URL OS_TOKEN OS_USERNAME OS_PASSWORD OS_PROJECT_NAME OS_AUTH_TYPE OS_ENDPOINT OS_CLOUD

# --- jnova's configuration: one nova.conf for every node, a small file per node for what differs
cat >"$RUN/nova.conf" <<CONF
[DEFAULT]
transport_url = rabbit://guest:guest@127.0.0.1:5672/$NAME
enabled_apis = osapi_compute,metadata
osapi_compute_listen = 127.0.0.1
osapi_compute_workers = 1
metadata_listen = 127.0.0.1
metadata_workers = 1
state_path = $RUN/jnova
[api]
auth_strategy = keystone
[keystone_authtoken]
www_authenticate_uri = $KEYSTONE
auth_url = $KEYSTONE
auth_type = password
username = nova
password = $NOVA_PASSWORD
user_domain_name = Default
project_name = service
project_domain_name = Default
service_token_roles_required = true
[database]
connection = postgresql://postgres@127.0.0.1:5432/$NAME
[api_database]
connection = postgresql://postgres@127.0.0.1:5432/${NAME}_api
[glance]
api_servers = $GLANCE
CONF
mkdir -p "$RUN/jnova"
printf '[DEFAULT]\nhost = api-a\nosapi_compute_listen_port = %d\nmetadata_listen_port = %d\n' "$API_A" "$MD_A" \
  >"$RUN/api-a.conf"
printf '[DEFAULT]\nhost = api-b\nosapi_compute_listen_port = %d\nmetadata_listen_port = %d\n' "$API_B" "$MD_B" \
  >"$RUN/api-b.conf"
printf '[DEFAULT]\nhost = compute-1\n' >"$RUN/compute-1.conf"

start_node() {  # start_node BINARY NAME: a jnova process in a session of its own
  setsid "$ROOT/bin/$1" --config-file "$RUN/nova.conf" --config-file "$RUN/$2.conf" \
    >"$RUN/$2.log" 2>&1 </dev/null &
  echo $! >"$RUN/$2.pid"
}

# the databases, the vhost, the schemas and the nodes' start, while Keystone gets its users and
# catalog (the nodes ask Keystone nothing before the first request)
(
  set -e
  psql_admin "CREATE DATABASE $NAME" && psql_admin "CREATE DATABASE ${NAME}_api"
  touch "$RUN/database-created"
  rabbitmqctl -q add_vhost "$NAME" && touch "$RUN/vhost-created"
  rabbitmqctl -q set_permissions -p "$NAME" guest '.*' '.*' '.*'
  "$ROOT/bin/nova-manage" --config-file "$RUN/nova.conf" api_db sync
  "$ROOT/bin/nova-manage" --config-file "$RUN/nova.conf" db sync
  start_node nova-api api-a
  start_node nova-api api-b
  start_node nova-compute compute-1
) >"$RUN/prepare.log" 2>&1 &
prepare_job=$!

# Keystone: the service project and users, project demo and its member, the catalog entries
NOVA_PASSWORD=$NOVA_PASSWORD GLANCE_PASSWORD=$GLANCE_PASSWORD DEMO_PASSWORD=$DEMO_PASSWORD GLANCE=$GLANCE \
COMPUTE_PUBLIC=http://127.0.0.1:$API_A/v2.1 COMPUTE_INTERNAL=http://127.0.0.1:$API_B/v2.1 \
  /usr/bin/python3 - >"$RUN/register.log" 2>&1 <<'PY' || die "registering in Keystone failed" "$RUN/register.log"
import os
import openstack

identity = openstack.connect(cloud='deployed-admin').identity
roles = {role.name: role for role in identity.roles()}


def user(name, password, project, *role_names):
    created = identity.create_user(name=name, password=password, domain_id='default',
                                   default_project_id=project.id)
    for role in role_names:
        identity.assign_project_role_to_user(project, created, roles[role])


service = identity.create_project(name='service', domain_id='default')
demo = identity.create_project(name='demo', domain_id='default')
user('nova', os.environ['NOVA_PASSWORD'], service, 'admin')
user('glance', os.environ['GLANCE_PASSWORD'], service, 'admin')
user('demo', os.environ['DEMO_PASSWORD'], demo, 'member', 'reader')
for name, kind, urls in (('nova', 'compute', {'public': os.environ['COMPUTE_PUBLIC'],
                                              'internal': os.environ['COMPUTE_INTERNAL']}),
                         ('glance', 'image', {'public': os.environ['GLANCE'], 'internal': os.environ['GLANCE']})):
    created = identity.create_service(name=name, type=kind)
    for interface, url in urls.items():
        identity.create_endpoint(service_id=created.id, interface=interface, url=url, region_id='RegionOne')
print(demo.id)
PY
DEMO_PROJECT=$(tail -n 1 "$RUN/register.log")
wait "$prepare_job" || die "creating jnova's databases, vhost or schemas failed" "$RUN/prepare.log"

for node_port in api-a:$API_A api-b:$API_B; do
  node=${node_port%%:*}
  for i in $(seq 1 240); do
    curl -sf -o /dev/null "http://127.0.0.1:${node_port#*:}/" && break
    kill -0 "$(cat "$RUN/$node.pid")" 2>/dev/null || die "nova-api $node exited" "$RUN/$node.log"
    [ "$i" = 240 ] && die "nova-api $node did not answer on port ${node_port#*:}" "$RUN/$node.log"
    sleep 0.25
  done
done
echo "set up in $((SECONDS - started)) s (Keystone $KEYSTONE, Glance $GLANCE, nova-api on $API_A and $API_B)"

# every CLI call is bounded (--wait alone would wait for ever)
admin() {  # Keystone's admin, in project admin
  OS_CLOUD=deployed-admin timeout 120 openstack "$@"
}
demo() {  # the member of project demo, compute through node A (the public endpoint)
  OS_CLOUD=deployed-demo timeout 120 openstack "$@"
}
demo_b() {  # the same member, compute through node B (the internal endpoint)
  OS_CLOUD=deployed-demo-internal timeout 120 openstack "$@"
}
third() {  # the user the admin creates, member of project cli-project
  OS_CLOUD=deployed-cli-user timeout 120 openstack "$@"
}

compute_host_up() {  # the compute host registered itself and reports
  local i out
  for i in $(seq 1 30); do
    out=$(admin compute service list --service nova-compute -f value -c Host -c State 2>&1)
    grep -q "compute-1 up" <<<"$out" && return 0
    sleep 1
  done
  echo "$out"
  return 1
}

check "no token, no service" has '^401$' curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$API_A/v2.1/servers"
check "metadata service on both nodes" \
  bash -c "curl -sf http://127.0.0.1:$MD_A/ | grep -q latest && curl -sf http://127.0.0.1:$MD_B/ | grep -q latest"
check "admin: the compute host is up" compute_host_up
check "demo: token issue is scoped to project demo" has "^$DEMO_PROJECT\$" demo token issue -f value -c project_id
check "demo: catalog list names compute, identity and image" \
  bash -c "out=\$(OS_CLOUD=deployed-demo openstack catalog list -f value -c Type) && grep -q compute <<<\"\$out\" \
    && grep -q identity <<<\"\$out\" && grep -q image <<<\"\$out\""
check "admin: flavor create" has m1.tiny admin flavor create --ram 64 --disk 1 --vcpus 1 m1.tiny -f value -c name
check "demo: may not create a flavor" fails demo flavor create --ram 64 --disk 1 --vcpus 1 demo-flavor

head -c 65536 /dev/urandom >"$RUN/upload.img"
check "demo: image create --file (to Glance)" has myimg demo image create --file "$RUN/upload.img" \
  --disk-format raw --container-format bare myimg -f value -c name
IMAGE=myimg-has-no-id
uploaded_image_active() {  # the uploaded image is active; IMAGE becomes its id
  local out
  out=$(demo image show myimg -f value -c id -c status 2>&1) || { echo "$out"; return 1; }
  grep -q '^active$' <<<"$out" || { echo "not active: $out"; return 1; }
  IMAGE=$(grep -v '^active$' <<<"$out")
}
check "demo: the uploaded image is active" uploaded_image_active
check "Glance holds the uploaded bytes" \
  bash -c "[ -n '$IMAGE' ] && [ \"\$(stat -c %s '$RUN/glance/data/$IMAGE')\" = 65536 ]"
check "demo: image save gives the same bytes" \
  bash -c "OS_CLOUD=deployed-demo openstack image save --file '$RUN/download.img' myimg && cmp '$RUN/upload.img' '$RUN/download.img'"
check "demo: image list shows it" has myimg demo image list

check "demo: server create --wait from the uploaded image (node A)" has ACTIVE demo server create --flavor m1.tiny \
  --image myimg --wait demo1 -f value -c status
check "demo: server list (node A)" has demo1 demo server list
check "demo: server list through node B shows the same server" has demo1 demo_b server list
check "demo: the server was booted from the uploaded image" has "$IMAGE" demo server show demo1 -f value -c image
check "demo: server image create (snapshot, to Glance)" has active demo server image create --name demo-snap --wait \
  demo1 -f value -c status
check "demo: image list shows its snapshot, private" has '^demo-snap private$' demo image list --long \
  -f value -c Name -c Visibility

check "demo: may not create a project" fails demo project create --domain default demo-made
CLI_PROJECT=cli-project-has-no-id
project_create() {  # the admin creates project cli-project; CLI_PROJECT becomes its id
  CLI_PROJECT=$(admin project create --domain default cli-project -f value -c id) && [ -n "$CLI_PROJECT" ]
}
check "admin: project create" project_create
check "admin: user create" has cli-user admin user create --domain default --project cli-project \
  --password Cli-pw-1 cli-user -f value -c name
check "admin: role add" admin role add --project cli-project --user cli-user member
check "new user: token issue is scoped to its project" has "^$CLI_PROJECT\$" third token issue -f value -c project_id
check "new user: server list lacks the demo project's server" lacks demo1 third server list
check "new user: server show of the demo project's server fails" fails third server show demo1
check "new user: image list lacks the demo project's upload and snapshot" \
  bash -c "out=\$(OS_CLOUD=deployed-cli-user openstack image list -f value -c Name) && ! grep -q -e myimg -e demo-snap <<<\"\$out\""
check "new user: image show of the snapshot fails" fails third image show demo-snap

check "demo: server delete --wait (node B)" demo_b server delete --wait demo1
check "demo: the server is gone (node A)" fails demo server show demo1
check "demo: image delete (in Glance)" demo image delete myimg demo-snap
check "demo: image list lacks the deleted images" \
  bash -c "out=\$(OS_CLOUD=deployed-demo openstack image list -f value -c Name) && ! grep -q -e myimg -e demo-snap <<<\"\$out\""

echo "checks took $((SECONDS - started)) s in all"
echo "openstack-deployed: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
