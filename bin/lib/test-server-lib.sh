# Shared by the throw-away test servers (keystone-test-server.sh, glance-test-server.sh):
# a free loopback port, waiting for the started process to answer, stopping it. Each script
# sets run_dir and keeps the server's pid in $run_dir/pid.

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# await_server NAME PORT LOG CHECK...: prints http://127.0.0.1:PORT (also into $run_dir/url) once
# CHECK succeeds; exits 1 when the process exits or 60 s pass.
await_server() {
  local name=$1 port=$2 log=$3 i
  shift 3
  for i in $(seq 1 240); do
    if "$@"; then
      echo "http://127.0.0.1:$port" | tee "$run_dir/url"
      return
    fi
    if ! kill -0 "$(cat "$run_dir/pid")" 2>/dev/null; then
      echo "$name exited; see $run_dir/server.out and $log" >&2
      exit 1
    fi
    sleep 0.25
  done
  echo "$name did not answer on 127.0.0.1:$port; see $run_dir/server.out" >&2
  exit 1
}

# stop_server: SIGTERM, SIGKILL after 5 s.
stop_server() {
  if [ -f "$run_dir/pid" ]; then
    local pid
    pid=$(cat "$run_dir/pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$run_dir/pid"
  fi
}
