#!/usr/bin/python3
"""Writes bench/fuzz's figures into a markdown document (standard library only).

  fuzz_report.py FIGURES.jsonl DOCUMENT STARTED COMMIT

FIGURES holds one JSON object a line (FuzzRun.Figures.json()): engine, seed, budget,
service_budget, targets (by service), sent, five_hundreds, no_answer, slowest_ms, slowest,
rss_before_mib, rss_after_mib, seconds, statuses, services (per service: service, sent,
five_hundreds, no_answer, four_hundreds, leaks, slowest_ms, slowest, seconds), failures. The table replaces what stands between the markers
<!-- fuzz-figures:begin --> and <!-- fuzz-figures:end --> in DOCUMENT; the 5xx found, if
any, are printed on stderr.
"""
import json
import sys

BEGIN, END = '<!-- fuzz-figures:begin -->', '<!-- fuzz-figures:end -->'


def cell(text):
    return text.replace('|', '\\|').replace('\n', ' ')


def table(rows, started, commit):
    first = rows[0]
    targets = ', '.join('%s %d' % (name, n) for name, n in first['targets'].items())
    out = [BEGIN, '',
           'Run of %s (commit %s): seed %d; budget %d requests per engine to the Compute and metadata APIs and '
           '%d to each other service; targets (operations, one per action; metadata paths; image routes; EC2 '
           'actions and a bogus one): %s.' % (started, commit, first['seed'], first['budget'],
                                              first.get('service_budget', 0), targets), '',
           '| engine | service | requests | 5xx | no answer | other project\'s data | 4xx | slowest answer | time |',
           '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |']
    for r in rows:
        for s in r['services']:
            out.append('| %s | %s | %d | %d | %d | %d | %d | %.0f ms: `%s` | %d s |' % (
                r['engine'], s['service'], s['sent'], s['five_hundreds'], s['no_answer'], s['leaks'],
                s['four_hundreds'], s['slowest_ms'], cell(s['slowest']), s['seconds']))
    out += ['', 'Resident memory of the test JVM (it serves every API in-process): ' + '; '.join(
        '%s %d → %d MiB in %d s' % (r['engine'], r['rss_before_mib'], r['rss_after_mib'], r['seconds'])
        for r in rows) + '.', '', END]
    return '\n'.join(out)


def main():
    figures, document, started, commit = sys.argv[1:5]
    rows = [json.loads(line) for line in open(figures) if line.strip()]
    text = open(document).read()
    if BEGIN not in text or END not in text:
        sys.exit('%s has no %s ... %s markers' % (document, BEGIN, END))
    head, rest = text.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    with open(document, 'w') as f:
        f.write(head + table(rows, started, commit) + tail)
    for r in rows:
        for failure in r['failures']:
            print('%s: %s\n' % (r['engine'], failure), file=sys.stderr)


if __name__ == '__main__':
    main()
