#!/usr/bin/python3
"""Writes bench/fuzz's figures into a markdown document (standard library only).

  fuzz_report.py FIGURES.jsonl DOCUMENT STARTED COMMIT

FIGURES holds one JSON object a line (FuzzRun.Figures.json()): engine, seed, budget, sent,
five_hundreds, no_answer, slowest_ms, slowest, rss_before_mib, rss_after_mib, seconds,
skipped, statuses, failures. The table replaces what stands between the markers
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
    out = [BEGIN, '',
           'Run of %s (commit %s): seed %d, budget %d requests per engine, %d targets '
           '(operations, one per action, and metadata paths).' % (started, commit, first['seed'],
                                                                   first['budget'], first['targets']), '',
           '| engine | requests | 5xx | no answer | 4xx | slowest answer | RSS before → after | time |',
           '| --- | ---: | ---: | ---: | ---: | --- | --- | ---: |']
    for r in rows:
        fours = sum(n for s, n in r['statuses'].items() if 400 <= int(s) < 500)
        out.append('| %s | %d | %d | %d | %d | %.0f ms: `%s` | %d → %d MiB | %d s |' % (
            r['engine'], r['sent'], r['five_hundreds'], r['no_answer'], fours, r['slowest_ms'],
            cell(r['slowest']), r['rss_before_mib'], r['rss_after_mib'], r['seconds']))
    out += ['', END]
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
