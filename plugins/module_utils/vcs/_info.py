# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What vcs_info returns, assembled from parsed output (pure)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


def _int(text):
    try:
        return int(text)
    except (TypeError, ValueError):
        return text


def cluster_facts(attributes, config=None):
    name = attributes.get('ClusterName') or ((config or {}).get('cluster') or {}).get('name')
    return {'name': name, 'state': attributes.get('ClusState'),
            'read_only': attributes.get('ReadOnly') == '1', 'attributes': attributes}


def system_facts(summary):
    return [{'name': row.get('system'), 'state': row.get('state'), 'frozen': bool(row.get('frozen'))}
            for row in summary.get('systems') or []]


def _states_by(rows, key):
    states = {}
    for row in rows:
        if row.get(key) and row.get('system'):
            states.setdefault(row[key], {})[row['system']] = row.get('state')
    return states


def group_facts(groups, summary, resource_rows=None, names=None):
    """groups: {name: normalized group}; summary: parse_hastatus_sum; resource_rows:
    parse_state_table of ``hares -state`` (None: resource states not asked).
    -> list of group dicts sorted by name."""
    group_states = _states_by(summary.get('groups') or [], 'group')
    resource_states = _states_by(resource_rows, 'resource') if resource_rows is not None else None
    wanted = set(groups) | set(group_states)
    if names is not None:
        wanted &= set(names)
    facts = []
    for name in sorted(wanted):
        group = groups.get(name) or {'attributes': {}, 'resources': {}, 'resource_links': [], 'dependencies': []}
        attributes = group['attributes']
        system_list = attributes.get('SystemList') or {}
        resources = {}
        for res_name, resource in group['resources'].items():
            entry = {'type': resource['type'], 'attributes': resource['attributes']}
            if resource_states is not None:
                entry['states'] = resource_states.get(res_name, {})
            resources[res_name] = entry
        facts.append({
            'name': name,
            'attributes': attributes,
            'system_list': dict((system, _int(priority)) for system, priority in system_list.items())
            if isinstance(system_list, dict) else {},
            'autostart_list': list(attributes.get('AutoStartList') or []),
            'parallel': attributes.get('Parallel', '0') not in ('0', ''),
            'frozen': attributes.get('Frozen', '0') == '1',
            'states': group_states.get(name, {}),
            'resources': resources,
            'resource_links': group['resource_links'],
            'dependencies': group['dependencies'],
        })
    return facts
