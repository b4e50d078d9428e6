#!/usr/bin/python3
"""Writes docs/performance.md (markdown, on stdout) from bench/run's results.

  report.py META.json RESULTS.jsonl

RESULTS holds one JSON object a line: target (jnova, jnova-pg, nova, jetty), measure, conc,
round, servers (servers in the cloud at the time) and data (wrk figures, boot.py's line,
seconds to the first 200, or RSS). Rounds of one measure are averaged; the raw rounds are
shown next to the mean.
"""
import json
import os
import re
import sys
from collections import defaultdict

TARGET_NAMES = {'jnova': 'jnova (SQLite)', 'jnova-pg': 'jnova (PostgreSQL)',
                'nova': 'nova', 'jetty': 'trivial Jetty'}
JNOVAS = ('jnova', 'jnova-pg')
GOAL_CONC = 16
READ_P99_MS = 10.0

# measure -> (title, goal ratio jnova/nova at c16 or None)
READS = [
    ('version', 'GET /v2.1/', 25),
    ('flavors', 'GET /v2.1/flavors/detail', 100),
    ('server_show', 'GET /v2.1/servers/{id}', 200),
]
DETAIL_GOALS = {100: 300, 1000: 200}


def mean(xs):
    xs = [x for x in xs if x is not None]
    return sum(xs) / len(xs) if xs else None


def fmt(x, unit=''):
    if x is None:
        return 'n/a'
    if abs(x) >= 100:
        s = '%.0f' % x
    elif abs(x) >= 10:
        s = '%.1f' % x
    elif abs(x) >= 1:
        s = '%.2f' % x
    else:
        s = '%.3g' % x
    return s + unit


def ratio(a, b):
    return a / b if a is not None and b else None


def met(ok):
    return 'n/a' if ok is None else ('met' if ok else '**not met**')


class Results:
    def __init__(self, lines):
        self.rows = [json.loads(l) for l in lines if l.strip()]
        self.by = defaultdict(list)
        for r in self.rows:
            self.by[(r['target'], r['measure'], r['conc'])].append(r)
        self.targets = [t for t in ('jnova', 'jnova-pg', 'nova')
                        if any(r['target'] == t and r['measure'] != 'startup' for r in self.rows)]
        self.failed = {}
        for r in self.rows:
            if r['measure'] == 'startup' and r['data'].get('failed') and r['target'] not in self.targets:
                self.failed.setdefault(r['target'], r['data'].get('reason') or 'no 200 on GET /v2.1/')

    def measures(self, prefix):
        out = sorted({r['measure'] for r in self.rows if r['measure'].startswith(prefix)},
                     key=lambda m: int(re.sub(r'\D', '', m) or 0))
        return out

    def concs(self, measure):
        return sorted({r['conc'] for r in self.rows if r['measure'] == measure})

    def wrk(self, target, measure, conc):
        rs = self.by.get((target, measure, conc), [])
        ok = [r['data'] for r in rs if r['data'].get('requests')]
        if not rs:
            return None
        return {
            'rps': mean([d['rps'] for d in ok]) if ok else 0.0,
            'rounds': [r['data'].get('rps') for r in rs],
            'p50': mean([d.get('p50_ms') for d in ok]),
            'p99': mean([d.get('p99_ms') for d in ok]),
            'requests': sum(r['data'].get('requests', 0) for r in rs),
            'bad': sum(r['data'].get('errors', 0) + r['data'].get('non2xx', 0) for r in rs),
            'servers': rs[-1]['servers'],
        }

    def valid(self, w):
        """Figures count only when (nearly) every answer was a success."""
        return w is not None and w['requests'] > 0 and w['bad'] <= 0.01 * w['requests']

    def value(self, target, measure, key, conc=0):
        rs = self.by.get((target, measure, conc), [])
        return [r['data'].get(key) for r in rs]


def rounds_text(xs):
    return ' / '.join(fmt(x) for x in xs)


def wrk_table(res, out, measure, title, goal):
    out.append('### %s\n' % title)
    concs = res.concs(measure)
    targets = [t for t in res.targets + ['jetty'] if res.wrk(t, measure, concs[0]) is not None]
    servers = {t: res.wrk(t, measure, concs[0])['servers'] for t in targets if t != 'jetty'}
    if measure.startswith('servers_detail') and servers:
        out.append('Servers in the cloud: %s.\n' % ', '.join(
            '%s %d' % (TARGET_NAMES[t], n) for t, n in servers.items()))
    out.append('| conc. | server | req/s (mean) | req/s by round | p50 ms | p99 ms | requests | errors '
               '| ratio to nova | goal | met |')
    out.append('| ---: | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |')
    for c in concs:
        nova = res.wrk('nova', measure, c)
        for t in targets:
            w = res.wrk(t, measure, c)
            if w is None:
                continue
            r = ratio(w['rps'], nova['rps']) if nova and t != 'nova' else None
            if not res.valid(w) or (r is not None and not res.valid(nova)):
                r = None
            goal_text, ok = '', None
            if t in JNOVAS and c == GOAL_CONC and goal:
                goal_text = '≥ %d×' % goal
                ok = r is not None and r >= goal
            if t in JNOVAS and c == GOAL_CONC and measure != 'keypair':
                goal_text += (', ' if goal_text else '') + 'p99 < %g ms' % READ_P99_MS
                p99_ok = w['p99'] is not None and w['p99'] < READ_P99_MS
                ok = p99_ok if ok is None else (ok and p99_ok)
            out.append('| %d | %s | %s | %s | %s | %s | %d | %d | %s | %s | %s |' % (
                c, TARGET_NAMES[t], fmt(w['rps']), rounds_text(w['rounds']), fmt(w['p50']),
                fmt(w['p99']), w['requests'], w['bad'],
                (fmt(r) + '×') if r is not None else ('' if t == 'nova' or res.valid(w) else 'failed requests'), goal_text,
                met(ok) if goal_text else ''))
    out.append('')


def failed_cell():
    return ('requests failed', False)


def summary(res, meta):
    """(goal, [per jnova target: (value text, met)]) rows for the summary table."""
    rows = []

    def add(goal, nova_text, cells):
        rows.append((goal, nova_text, cells))

    def c16(t, m):
        w = res.wrk(t, m, GOAL_CONC)
        if w is not None and not res.valid(w):
            w = dict(w, rps=None, p99=None, failed=True)
        return w

    for m, title, goal in READS + [('keypair', 'key pair POST + DELETE', 40)]:
        n = c16('nova', m)
        cells = {}
        for t in JNOVAS:
            w = c16(t, m)
            if w is None:
                continue
            r = ratio(w['rps'], n['rps']) if n else None
            cells[t] = failed_cell() if w.get('failed') else \
                ('%s req/s = %s×' % (fmt(w['rps']), fmt(r)), None if r is None else r >= goal)
        add('%s ≥ %d× nova at c16' % (title, goal), '%s req/s' % fmt(n['rps']) if n else 'n/a', cells)
        if m == 'version':
            j = c16('jetty', 'version')
            cells = {}
            for t in JNOVAS:
                w = c16(t, m)
                if w is not None and j and w['rps']:
                    r = ratio(w['rps'], j['rps'])
                    cells[t] = ('%s%% of %s req/s' % (fmt(100 * r), fmt(j['rps'])), r >= 0.5)
            add('GET /v2.1/ ≥ 50% of trivial Jetty at c16', '', cells)
    for m in res.measures('servers_detail_'):
        n_servers = int(m.rsplit('_', 1)[1])
        goal = DETAIL_GOALS.get(n_servers)
        n = c16('nova', m)
        cells = {}
        for t in JNOVAS:
            w = c16(t, m)
            if w is None:
                continue
            r = ratio(w['rps'], n['rps']) if n else None
            cells[t] = failed_cell() if w.get('failed') else \
                ('%s req/s = %s×' % (fmt(w['rps']), fmt(r)), None if r is None or goal is None else r >= goal)
        add('GET /v2.1/servers/detail, %d servers%s' % (
            n_servers, ' ≥ %d× nova at c16' % goal if goal else ' (no goal at this count)'),
            '%s req/s' % fmt(n['rps']) if n else 'n/a', cells)
    nova_boot = mean(res.value('nova', 'boot', 'active_per_s', meta['boot_threads']))
    cells = {}
    for t in JNOVAS:
        b = mean(res.value(t, 'boot', 'active_per_s', meta['boot_threads']))
        if not any(res.value(t, 'boot', 'accepted', meta['boot_threads'])) and \
                res.value(t, 'boot', 'accepted', meta['boot_threads']):
            cells[t] = ('no server booted', False)
        elif b is not None:
            r = ratio(b, nova_boot)
            cells[t] = ('%s servers/s = %s×' % (fmt(b), fmt(r)), None if r is None else r >= 100)
    add('%s servers to ACTIVE (%d client threads) ≥ 100× nova' % (meta['boot_count'], meta['boot_threads']),
        '%s servers/s' % fmt(nova_boot), cells)
    nova_start = mean(res.value('nova', 'startup', 'seconds'))
    cells = {}
    for t in JNOVAS:
        s = mean(res.value(t, 'startup', 'seconds'))
        if s is not None:
            cells[t] = ('%s s' % fmt(s), s < 1.0)
    add('start to first 200 on GET /v2.1/ < 1 s', '%s s' % fmt(nova_start), cells)
    loaded = res.measures('rss_loaded')
    if loaded:
        nova_rss = mean(res.value('nova', 'rss_loaded', 'rss_mib'))
        n_servers = max([r['servers'] for r in res.rows if r['measure'] == 'rss_loaded'] or [0])
        cells = {}
        for t in JNOVAS:
            v = mean(res.value(t, 'rss_loaded', 'rss_mib'))
            mine = [r['servers'] for r in res.rows if r['measure'] == 'rss_loaded' and r['target'] == t]
            if v is not None and mine and mine[-1] < n_servers:
                cells[t] = ('%s MiB with only %d servers' % (fmt(v), mine[-1]), None)
            elif v is not None:
                cells[t] = ('%s MiB' % fmt(v), None if nova_rss is None else v <= nova_rss)
        add('RSS with %d servers ≤ nova\'s' % n_servers, '%s MiB' % fmt(nova_rss), cells)
    reads = [m for m, _, _ in READS] + res.measures('servers_detail_')
    cells = {}
    for t in JNOVAS:
        worst = [(c16(t, m)['p99'], m) for m in reads if c16(t, m) and c16(t, m)['p99'] is not None]
        if any(c16(t, m) and c16(t, m).get('failed') for m in reads):
            worst.append((float('inf'), 'failed requests'))
        if worst:
            p99, m = max(worst)
            cells[t] = ('worst %s ms (%s)' % (fmt(p99), m) if p99 != float('inf') else 'some reads failed',
                        p99 < READ_P99_MS)
    add('p99 of every read at c16 < %g ms' % READ_P99_MS, '', cells)
    return rows


def main():
    meta = json.load(open(sys.argv[1]))
    res = Results(open(sys.argv[2]).readlines())
    out = []
    out.append('# Performance: jnova measured against nova\n')
    if meta.get('quick'):
        out.append('**Smoke run (`--quick`): tiny counts and 1 s runs; the figures mean little.**\n')
    out.append('Produced by `bench/run` (%s to %s). Each server runs as one process with one API worker '
               'on loopback; jnova on a SQLite file (and on PostgreSQL where shown), nova '
               '(nova-ref: the unmodified Debian nova with its conductor, scheduler, placement and fake '
               'driver in one process) on in-memory SQLite; both with noauth2, the fake driver and '
               'unlimited quotas. wrk runs from another process on the same machine. Every measure '
               'alternates the servers round by round (A B A B) and the tables give the mean with '
               'each round beside it.\n' % (meta['started'], meta['finished']))
    out.append('## Machine\n')
    out.append('| | |\n| --- | --- |')
    for k, label in (('nproc', 'CPUs (nproc)'), ('memory', 'memory'), ('cpu', 'CPU'),
                     ('jdk', 'JDK'), ('nova', 'nova'), ('wrk', 'wrk'), ('jnova_commit', 'jnova commit'),
                     ('args', 'run'), ('load_before', 'load average before'),
                     ('load_after', 'load average after')):
        out.append('| %s | %s |' % (label, meta.get(k, '?')))
    out.append('')
    jn = [t for t in JNOVAS if t in res.targets]
    for t, why in res.failed.items():
        out.append('**%s did not start in this run** (`%s`).\n' % (TARGET_NAMES[t], why))
    out.append('## Goals (ratios jnova/nova at 16 connections, one worker each)\n')
    out.append('| goal | nova |' + ''.join(' %s | met |' % TARGET_NAMES[t] for t in jn))
    out.append('| --- | ---: |' + ' ---: | --- |' * len(jn))
    for goal, nova_text, cells in summary(res, meta):
        row = '| %s | %s |' % (goal, nova_text)
        for t in jn:
            v = cells.get(t)
            row += ' %s | %s |' % ((v[0], met(v[1])) if v else ('n/a', 'n/a'))
        out.append(row)
    out.append('')
    out.append('## Requests per second and latency\n')
    out.append('wrk `--latency`, %s. "errors" counts socket errors, time-outs and non-2xx answers.\n'
               % meta.get('args', ''))
    for m, title, goal in READS[:2]:
        wrk_table(res, out, m, title, goal)
    for m in res.measures('servers_detail_'):
        n = int(m.rsplit('_', 1)[1])
        wrk_table(res, out, m, 'GET /v2.1/servers/detail, %d servers' % n, DETAIL_GOALS.get(n))
    wrk_table(res, out, 'server_show', 'GET /v2.1/servers/{id}', 200)
    wrk_table(res, out, 'keypair', 'Key pair POST + DELETE (nova-ref\'s wrk/keypair.lua; '
              'each request is one POST or one DELETE)', 40)
    out.append('## Boot to ACTIVE\n')
    out.append('nova-ref\'s `boot.py`: client threads POST one server each; the time runs from the first '
               'POST until none is left in BUILD. Round 1 starts from an empty cloud, later rounds add '
               'to the servers already there. "top-up" rows fill the cloud to the larger counts.\n')
    out.append('| server | what | round | servers before → after | threads | ACTIVE/s | all ACTIVE s '
               '| POST p50 ms | POST p99 ms | errors | ratio to nova |')
    out.append('| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
    nova_boot = mean(res.value('nova', 'boot', 'active_per_s', meta['boot_threads']))
    for measure in ('boot', 'seed'):
        for t in res.targets:
            for r in [x for x in res.rows if x['target'] == t and x['measure'] == measure]:
                d = r['data']
                before = r['servers'] - (d.get('accepted') or 0)
                rt = ratio(d.get('active_per_s'), nova_boot) if measure == 'boot' and t != 'nova' else None
                out.append('| %s | %s | %s | %d → %d | %d | %s | %s | %s | %s | %d | %s |' % (
                    TARGET_NAMES[t], 'timed boot' if measure == 'boot' else 'top-up',
                    r['round'] if measure == 'boot' else '', before, r['servers'], r['conc'],
                    fmt(d.get('active_per_s')), fmt(d.get('all_active_s')), fmt(d.get('post_p50_ms')),
                    fmt(d.get('post_p99_ms')),
                    (d.get('post_errors') or 0) + (d.get('error_state') or 0) + (1 if d.get('failed') else 0),
                    (fmt(rt) + '×') if rt is not None else ''))
    out.append('')
    out.append('## Start-up and memory\n')
    out.append('Start-up: seconds from spawning the command (`bin/jnova --config-file F`, '
               '`run_ref.py ...`, `java TrivialJetty.java`) to the first 200 on GET /v2.1/ (Jetty: GET /), '
               'each round on a fresh database. Memory: VmRSS of the process and its children.\n')
    out.append('| server | start s by round | start s (mean) | RSS after warm-up MiB | RSS loaded MiB '
               '| servers when loaded |')
    out.append('| --- | --- | ---: | ---: | ---: | ---: |')
    for t in res.targets + ['jetty']:
        starts = res.value(t, 'startup', 'seconds')
        loaded = [r for r in res.rows if r['target'] == t and r['measure'] == 'rss_loaded']
        out.append('| %s | %s | %s | %s | %s | %s |' % (
            TARGET_NAMES[t], rounds_text(starts), fmt(mean(starts)),
            fmt(mean(res.value(t, 'rss_warm', 'rss_mib'))),
            fmt(mean(res.value(t, 'rss_loaded', 'rss_mib'))),
            loaded[-1]['servers'] if loaded else ''))
    out.append('')
    out.append('## How the figures are taken\n')
    out.append('- wrk uses one thread per connection up to the CPU count, sends `X-Auth-Token: admin:admin` '
               '(noauth2; the project is `admin`) and microversion 2.1 (no version header). Requests still '
               'in flight when a run ends are not counted; for lists of 500+ servers runs are longer so '
               'that nova completes a few requests at all.')
    out.append('- After every run the script waits until the measured server stops using CPU (a server '
               'keeps working on requests whose client left) before the next server is measured.')
    out.append('- A table\'s ratio is jnova\'s mean req/s over nova\'s at the same connection count; a '
               'run with more than 1% failed answers counts as failed, not as throughput.')
    out.append('- Server counts: the timed boot (round 1) fills an empty cloud to the first count, the '
               'first list and `servers/{id}` reads follow, later boot rounds add to it, and top-ups '
               'fill it to the next counts before their list reads.')
    out.append('- RSS "loaded" is taken after the reads at the largest count.')
    out.append('- `boot.py` looks for servers still in BUILD every 0.25 s, so a boot that takes about a '
               'second is known to ±0.25 s; the boot ratio is coarse when jnova is that fast.')
    out.append('- jnova gets a generated nova.conf: its own `osapi_compute_listen_port` and '
               '`metadata_listen_port`, one worker each, `[api] auth_strategy = noauth2`, '
               '`[database] connection = sqlite:////<work dir>/nova.sqlite` (or '
               '`postgresql://postgres@127.0.0.1/jnova_bench`, created afresh for every start), every '
               '`[quota]` limit -1 and `[jnova_compute] fake_spawn_delay_ms = 0`. nova-ref runs with '
               '`--quota-unlimited --no-rt-alloc-scan` and its default INFO logging (one line per '
               'request, as jnova).')
    out.append('- jnova runs as `bin/jnova` starts it: the parallel collector with at most 384 MiB of heap, '
               'and a class-data archive that the first run writes when it exits; the script starts and '
               'stops jnova once before the timed starts, so every timed start is such a second start.')
    out.append('')
    findings = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'findings.md')
    if os.path.exists(findings):
        out.append(open(findings).read().rstrip() + '\n')
    out.append('## Reproduce\n')
    out.append('```bash\nbench/run                          # full run, rewrites docs/performance.md\n'
               'bench/run --servers 100,1000 --duration 5 --rounds 2\n'
               'bench/run --quick                  # smoke run in seconds, report left in the work dir\n'
               'bench/run --help\n```\n')
    out.append('It needs wrk, `/usr/bin/python3` with Debian\'s python3-nova and python3-placement (and '
               'python3-oslotest, -fixtures, -testtools, -requests-mock, -wsgi-intercept, which nova-ref '
               'imports); as root it installs them with apt-get when missing. nova-ref and its `boot.py` '
               'and `wrk/keypair.lua` are used from `../shared/tools/nova-ref` (or `$NOVA_REF`). '
               'PostgreSQL figures appear when a server answers on 127.0.0.1:5432 as user postgres; the '
               'script creates and drops the database `jnova_bench`. Figures on a shared machine move '
               '10–40% from run to run; compare the ratios from one run.\n')
    print('\n'.join(out))


if __name__ == '__main__':
    main()
