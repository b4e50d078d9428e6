#!/usr/bin/env bash
# Makes sure PostgreSQL, MariaDB and RabbitMQ answer on loopback, and creates the empty
# databases the tests use; installs Debian's keystone package (the Keystone tests start
# their own with keystone-test-server.sh) and glance-api (the operator's-Glance tests start
# their own) when missing. Safe to run again.
set -u

# The openstack CLI drives the all-in-one in tests/cli.
if ! command -v openstack >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    python3-openstackclient) >/dev/null 2>&1 || echo "could not install python3-openstackclient" >&2
fi

# The AWS CLI drives the EC2 API in Ec2CliTest.
if ! command -v aws >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    awscli) >/dev/null 2>&1 || echo "could not install awscli; the EC2 CLI test will be skipped" >&2
fi

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {
  local i
  for i in $(seq 1 60); do port_open "$1" && return 0; sleep 1; done
  echo "nothing answers on 127.0.0.1:$1" >&2
  return 1
}

if ! command -v keystone-manage >/dev/null; then
  echo "installing keystone for the Keystone tests" >&2
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      keystone python3-keystoneclient; } >&2 || echo "could not install keystone; its tests will be skipped" >&2
fi

if ! command -v glance-api >/dev/null; then
  echo "installing glance-api for the operator's-Glance tests" >&2
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      glance-api; } >&2 || echo "could not install glance-api; its tests will be skipped" >&2
fi

if ! port_open 5432 && command -v pg_ctlcluster >/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
fi
if ! port_open 3306 && [ -x /usr/sbin/mariadbd ]; then
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
fi
if ! port_open 5672 && command -v rabbitmq-server >/dev/null; then
  rabbitmq-server -detached || true
fi

if wait_port 5432; then
  for db in jnova_test jnova_test_api; do
    psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 \
      || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" || true
  done
fi
if wait_port 3306; then
  mariadb -h 127.0.0.1 -u root -e "CREATE DATABASE IF NOT EXISTS jnova_test; CREATE DATABASE IF NOT EXISTS jnova_test_api" || true
fi
wait_port 5672 || true
exit 0
