#!/usr/bin/python3
"""Small helpers for bench/run (standard library only).

  lib.py start --url U --pid-file F --log L -- CMD...   start CMD in its own session, print
                                                        seconds from spawn to the first 200 on U
  lib.py quiesce PID [--max S]       wait until PID stops using CPU (after a load run)
  lib.py rss PID                     resident memory in MiB of PID and its descendants
  lib.py wrk FILE                    wrk --latency output as one JSON object
  lib.py duration RESULTS TARGET MEASURE CONC BASE MAX   seconds for one wrk run
  lib.py free-port PORT              exit 1 if something listens on 127.0.0.1:PORT
"""
import argparse
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import time


def start(a):
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == '--' else a.cmd
    host, _, rest = a.url.partition('://')[2].partition(':')
    port, _, path = rest.partition('/')
    log = open(a.log, 'ab')
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                            start_new_session=True, cwd=a.cwd)
    with open(a.pid_file, 'w') as f:
        f.write('%d\n' % proc.pid)
    deadline = t0 + a.timeout
    while True:
        if proc.poll() is not None:
            print('exited with %s before answering' % proc.returncode, file=sys.stderr)
            sys.exit(1)
        try:
            c = http.client.HTTPConnection(host, int(port), timeout=2)
            c.request('GET', '/' + path, headers={'X-Auth-Token': a.token})
            status = c.getresponse().status
            c.close()
            if status == 200:
                print('%.3f' % (time.perf_counter() - t0))
                return
        except (OSError, http.client.HTTPException):
            pass
        if time.perf_counter() > deadline:
            print('no 200 on %s within %ss' % (a.url, a.timeout), file=sys.stderr)
            sys.exit(1)
        time.sleep(0.01)


def cpu_seconds(pid):
    with open('/proc/%d/stat' % pid) as f:
        fields = f.read().rpartition(')')[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')


def quiesce(a):
    """A server keeps working on requests whose client went away; wait for it."""
    t0 = time.perf_counter()
    quiet = 0
    last = cpu_seconds(a.pid)
    while quiet < 2 and time.perf_counter() - t0 < a.max:
        time.sleep(0.5)
        now = cpu_seconds(a.pid)
        quiet = quiet + 1 if now - last < 0.05 else 0
        last = now
    print('%.1f' % (time.perf_counter() - t0))


def descendants(pid):
    children = {}
    for d in os.listdir('/proc'):
        if d.isdigit():
            try:
                with open('/proc/%s/stat' % d) as f:
                    ppid = int(f.read().rpartition(')')[2].split()[1])
                children.setdefault(ppid, []).append(int(d))
            except OSError:
                pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def rss(a):
    total = 0
    for p in descendants(a.pid):
        try:
            with open('/proc/%d/status' % p) as f:
                m = re.search(r'^VmRSS:\s+(\d+) kB', f.read(), re.M)
            total += int(m.group(1)) if m else 0
        except OSError:
            pass
    print('%.1f' % (total / 1024.0))


UNITS = {'us': 1e-3, 'ms': 1.0, 's': 1000.0, 'm': 60000.0}


def ms(text):
    m = re.match(r'([\d.]+)(us|ms|s|m)$', text)
    return float(m.group(1)) * UNITS[m.group(2)]


def parse_wrk(a):
    text = open(a.file).read()
    out = {'requests': 0, 'rps': None, 'p50_ms': None, 'p99_ms': None,
           'errors': 0, 'non2xx': 0}
    m = re.search(r'Running ([\d.]+)(\w+) test', text)
    if m:
        out['duration_s'] = float(m.group(1)) * {'s': 1, 'm': 60, 'h': 3600}.get(m.group(2), 1)
    m = re.search(r'(\d+) requests in ([\d.]+)(\w+)', text)
    if m:
        out['requests'] = int(m.group(1))
    m = re.search(r'Requests/sec:\s+([\d.]+)', text)
    if m:
        out['rps'] = float(m.group(1))
    for pct, key in (('50', 'p50_ms'), ('99', 'p99_ms')):
        m = re.search(r'^\s+%s%%\s+(\S+)' % pct, text, re.M)
        if m:
            out[key] = round(ms(m.group(1)), 3)
    m = re.search(r'Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)', text)
    if m:
        out['errors'] = sum(int(x) for x in m.groups())
    m = re.search(r'Non-2xx or 3xx responses: (\d+)', text)
    if m:
        out['non2xx'] = int(m.group(1))
    m = re.search(r'status counts: (.*)', text)
    if m:
        out['status_counts'] = m.group(1).strip()
    if out['requests'] == 0:
        out['rps'] = 0.0
    print(json.dumps(out))


def duration(a):
    """Seconds for a wrk run at a.conc connections: long enough for the server to complete a
    few requests when it serves its connections side by side (each request then takes about
    conc x the single-connection latency), from this target's single-connection p50."""
    p50 = None
    for line in open(a.results):
        r = json.loads(line)
        if (r['target'], r['measure'], r['conc']) == (a.target, a.measure, 1) and r['data'].get('p50_ms'):
            p50 = r['data']['p50_ms'] if p50 is None else max(p50, r['data']['p50_ms'])
    need = 2.0 * a.conc * p50 / 1000.0 if p50 else 0
    print(int(min(max(a.base, need), max(a.base, a.max)) + 0.999))


def free_port(a):
    s = socket.socket()
    try:
        s.connect(('127.0.0.1', a.port))
        sys.exit(1)
    except OSError:
        pass
    finally:
        s.close()


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest='op', required=True)
    s = sub.add_parser('start')
    s.add_argument('--url', required=True)
    s.add_argument('--token', default='admin:admin')
    s.add_argument('--pid-file', required=True)
    s.add_argument('--log', required=True)
    s.add_argument('--cwd', default=None)
    s.add_argument('--timeout', type=float, default=120)
    s.add_argument('cmd', nargs=argparse.REMAINDER)
    s.set_defaults(fn=start)
    s = sub.add_parser('quiesce')
    s.add_argument('pid', type=int)
    s.add_argument('--max', type=float, default=180)
    s.set_defaults(fn=quiesce)
    s = sub.add_parser('rss')
    s.add_argument('pid', type=int)
    s.set_defaults(fn=rss)
    s = sub.add_parser('wrk')
    s.add_argument('file')
    s.set_defaults(fn=parse_wrk)
    s = sub.add_parser('duration')
    s.add_argument('results')
    s.add_argument('target')
    s.add_argument('measure')
    s.add_argument('conc', type=int)
    s.add_argument('base', type=float)
    s.add_argument('max', type=float)
    s.set_defaults(fn=duration)
    s = sub.add_parser('free-port')
    s.add_argument('port', type=int)
    s.set_defaults(fn=free_port)
    a = p.parse_args()
    a.fn(a)


if __name__ == '__main__':
    main()
