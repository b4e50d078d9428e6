#!/usr/bin/python3
"""Writes Keystone's registered policy rules as jnova's policy defaults data file (the same
shape as nova-policy-defaults.json), read from the installed keystone package itself.

Usage (Debian's python3-keystone installed):
  tools/generate_keystone_policy_defaults.py \
      > src/main/resources/org/jnova/policy/keystone-policy-defaults.json
"""
import json
import sys

import keystone
from keystone.common import policies


def rule(default):
    entry = {'name': default.name, 'check_str': default.check_str,
             'description': default.description or ''}
    operations = getattr(default, 'operations', None) or []
    if operations:
        entry['operations'] = [{'method': op['method'], 'path': op['path']} for op in operations]
    if default.scope_types:
        entry['scope_types'] = list(default.scope_types)
    old = default.deprecated_rule
    if old:
        entry['deprecated_rule'] = {
            'name': old.name, 'check_str': old.check_str,
            'deprecated_since': old.deprecated_since or default.deprecated_since or '',
            'deprecated_reason': old.deprecated_reason or default.deprecated_reason or '',
        }
    if default.deprecated_for_removal:
        entry['deprecated_for_removal'] = True
        entry['deprecated_reason'] = default.deprecated_reason
        entry['deprecated_since'] = default.deprecated_since
    return entry


def main():
    version = getattr(keystone, '__version__', None)
    if version is None:
        from importlib.metadata import version as package_version
        version = package_version('keystone')
    json.dump({'source': 'keystone %s policy defaults, from keystone.common.policies.list_rules()' % version,
               'rules': [rule(r) for r in policies.list_rules()]}, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
