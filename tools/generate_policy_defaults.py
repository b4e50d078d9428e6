#!/usr/bin/env python3
"""Turns nova's sample policy file (oslopolicy-sample-generator output) into jnova's
policy defaults data file: one entry per rule with its check string, description,
operations, scope types and deprecation facts.

Usage: tools/generate_policy_defaults.py ../shared/reference/nova-policy.yaml.sample-zed \
           > src/main/resources/org/jnova/policy/nova-policy-defaults.json
"""
import json
import re
import sys

RULE_LINE = re.compile(r'^#"(?P<name>[^"]+)": "(?P<check>.*)"$')
OPERATION = re.compile(r'^(GET|POST|PUT|DELETE|PATCH|HEAD)  (\S.*)$')
SCOPE = re.compile(r'^Intended scope\(s\): (.*)$')
REMOVAL = re.compile(r'^"(?P<name>[^"]+)" has been deprecated since (?P<since>\S+)\.$')
REPLACED = re.compile(r'^"(?P<old>[^"]+)":"(?P<old_check>.*?)" has been deprecated since '
                      r'(?P<since>\S+) in favor of "(?P<new>[^"]+)":"(?P<check>.*?)"\.$')
ALIAS = re.compile(r'^"(?P<old>[^"]+)": "rule:(?P<new>[^"]+)"$')
ALIAS_WARNING = 'WARNING: A rule name change has been identified.'


def unwrap(lines):
    """Joins lines that textwrap split: after a hyphen without a space, else with one."""
    text = ''
    for line in lines:
        if text and not (text.endswith('-') and not text.endswith(' -')):
            text += ' '
        text += line
    return text


def paragraphs(lines):
    """Text lines with empty lines as paragraph breaks, each paragraph unwrapped."""
    out, current = [], []
    for line in lines:
        if line == '':
            if current:
                out.append(unwrap(current))
            current = []
        else:
            current.append(line)
    if current:
        out.append(unwrap(current))
    return '\n\n'.join(out)


def blocks(path):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    for block in text.split('\n\n'):
        lines = [line for line in block.split('\n') if line.strip()]
        if lines:
            yield lines


def comment(line):
    return line[2:] if line.startswith('# ') else line[1:]


def parse_rule(lines):
    rule = {}
    match = RULE_LINE.match(lines[-1])
    if not match:
        raise ValueError('no rule line in block: %r' % lines)
    rule['name'], rule['check_str'] = match['name'], match['check']
    body = [comment(line) for line in lines[:-1]]
    if body and body[0] == 'DEPRECATED':
        removal = REMOVAL.match(body[1])
        if not removal or removal['name'] != rule['name']:
            raise ValueError('unexpected deprecation in %r' % lines)
        # the reason runs to the first line ending a sentence; the description follows
        end = next(i for i in range(2, len(body)) if body[i].endswith('.'))
        rule['deprecated_for_removal'] = True
        rule['deprecated_since'] = removal['since']
        rule['deprecated_reason'] = unwrap(body[2:end + 1])
        body = body[end + 1:]
    description, operations, scopes = [], [], []
    for line in body:
        operation = OPERATION.match(line)
        scope = SCOPE.match(line)
        if operation:
            operations.append({'method': operation[1], 'path': operation[2]})
        elif scope:
            scopes = [s.strip() for s in scope[1].split(',')]
        else:
            description.append(line)
    rule['description'] = paragraphs(description)
    if operations:
        rule['operations'] = operations
    if scopes:
        rule['scope_types'] = scopes
    return rule


def parse_deprecation(lines, rule):
    body = [comment(line) for line in lines[1:]]
    alias_at = next((i for i, line in enumerate(body) if line.strip() == ALIAS_WARNING), len(body))
    # the first sentence names the old rule and check string; it ends with '".'
    end = next(i for i in range(alias_at) if body[i].endswith('".'))
    replaced = REPLACED.match(unwrap(body[:end + 1]))
    if not replaced or replaced['new'] != rule['name'] or replaced['check'] != rule['check_str']:
        raise ValueError('cannot read deprecation of %s: %r' % (rule['name'], lines))
    old_name = replaced['old']
    if alias_at < len(body):
        alias = ALIAS.match(body[-1])
        if not alias or alias['new'] != rule['name']:
            raise ValueError('cannot read alias of %s: %r' % (rule['name'], lines))
        old_name = alias['old']
    elif old_name != rule['name']:
        raise ValueError('renamed rule without alias line: %r' % lines)
    rule['deprecated_rule'] = {
        'name': old_name,
        'check_str': replaced['old_check'],
        'deprecated_since': replaced['since'],
        'deprecated_reason': unwrap(body[end + 1:alias_at]),
    }


def main(path):
    rules = []
    for lines in blocks(path):
        if any(RULE_LINE.match(line) for line in lines):
            rules.append(parse_rule(lines))
        elif lines[0] == '# DEPRECATED':
            parse_deprecation(lines, rules[-1])
        else:
            raise ValueError('unexpected block: %r' % lines)
    json.dump({'source': 'nova 26.0.0 (Zed) policy defaults, from oslopolicy-sample-generator output',
               'rules': rules}, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main(sys.argv[1])
