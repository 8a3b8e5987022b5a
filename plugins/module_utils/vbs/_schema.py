# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Business service (VBS) definitions: validation, and the graph of service groups they describe.

A definition::

    name: finance
    tiers:
      - {name: db, cluster: prodclus, service_groups: [ora_sg], vms: [dbvm1]}
      - {name: app, cluster: drclus, service_groups: [was_sg], timeouts: {online: 300}}
    links:
      - {parent: app, child: db, fault_policy: firm}     # tier or group names
    timeouts: {online: 600, offline: 300}                 # seconds per step
    rto: 900                                              # seconds

Tier names and service group names share one namespace, so a link names exactly one thing.
A link between tiers links every group of the parent tier to every group of the child tier.
``fault_policy`` defaults to ``soft`` (ordering only).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.continuum.infoscale.plugins.module_utils._plan import find_cycle

FAULT_POLICIES = ('soft', 'firm', 'restart')
SERVICE_KEYS = ('name', 'tiers', 'links', 'timeouts', 'rto')
TIER_KEYS = ('name', 'cluster', 'service_groups', 'vms', 'timeouts')
LINK_KEYS = ('parent', 'child', 'fault_policy')
TIMEOUT_KEYS = ('online', 'offline')


def _is_name(value):
    return isinstance(value, str) and value.strip() != ''


def _is_seconds(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0


def _is_vm(value):
    return _is_name(value) or (isinstance(value, dict) and _is_name(value.get('name')))


def _unknown_keys(where, item, allowed):
    extra = sorted(str(k) for k in item if k not in allowed)
    if not extra:
        return []
    return ['%s has unknown keys: %s (allowed: %s).' % (where, ', '.join(extra), ', '.join(allowed))]


def _timeout_errors(where, timeouts):
    if timeouts is None:
        return []
    if not isinstance(timeouts, dict):
        return ['%s timeouts must be a mapping with online and/or offline seconds.' % where]
    errors = _unknown_keys('%s timeouts' % where, timeouts, TIMEOUT_KEYS)
    for key in TIMEOUT_KEYS:
        if key in timeouts and not _is_seconds(timeouts[key]):
            errors.append('%s timeouts.%s must be a positive number of seconds, not %r.' % (where, key, timeouts[key]))
    return errors


def _tier_errors(index, tier, known_clusters):
    where = 'Tier %d' % (index + 1)
    if not isinstance(tier, dict):
        return ['%s must be a mapping with name, cluster and service_groups.' % where]
    if _is_name(tier.get('name')):
        where = 'Tier %s' % tier['name']
    else:
        return ['%s has no name.' % where]
    errors = _unknown_keys(where, tier, TIER_KEYS)
    cluster = tier.get('cluster')
    if not _is_name(cluster):
        errors.append('%s has no cluster.' % where)
    elif known_clusters is not None and cluster not in known_clusters:
        errors.append('%s uses unknown cluster %s (known clusters: %s).'
                      % (where, cluster, ', '.join(sorted(known_clusters)) or 'none'))
    groups = tier.get('service_groups')
    if not isinstance(groups, list) or not groups or not all(_is_name(g) for g in groups):
        errors.append('%s needs service_groups: a non-empty list of service group names.' % where)
    vms = tier.get('vms')
    if vms is not None and not (isinstance(vms, list) and all(_is_vm(v) for v in vms)):
        errors.append('%s vms must be a list of VM names (or mappings with a name).' % where)
    return errors + _timeout_errors(where, tier.get('timeouts'))


def _duplicate_errors(tiers):
    errors, owner = [], {}
    for tier in tiers:
        entries = [(tier['name'], 'tier')] + [(g, 'service group') for g in tier['service_groups']]
        for name, kind in entries:
            what = '%s %s' % (kind, name) if kind == 'tier' else '%s %s of tier %s' % (kind, name, tier['name'])
            if name in owner:
                errors.append('Duplicate name %s: used by %s and by %s.' % (name, owner[name], what))
            else:
                owner[name] = what
    return errors


def _link_errors(links, members):
    if links is None:
        return []
    if not isinstance(links, list):
        return ['links must be a list of {parent, child, fault_policy} mappings.']
    errors, seen = [], set()
    for index, link in enumerate(links):
        where = 'Link %d' % (index + 1)
        if not isinstance(link, dict) or not _is_name(link.get('parent')) or not _is_name(link.get('child')):
            errors.append('%s must be a mapping with a parent and a child (tier or service group names).' % where)
            continue
        parent, child = link['parent'], link['child']
        where = 'Link %s -> %s' % (parent, child)
        errors.extend(_unknown_keys(where, link, LINK_KEYS))
        policy = link.get('fault_policy', 'soft')
        if policy not in FAULT_POLICIES:
            errors.append('%s has fault_policy %r; use one of %s.' % (where, policy, ', '.join(FAULT_POLICIES)))
        unknown = [n for n in (parent, child) if n not in members]
        for name in unknown:
            errors.append('%s names %s, which is neither a tier nor a service group of this service.' % (where, name))
        if parent == child:
            errors.append('%s links %s to itself.' % (where, parent))
        elif not unknown and set(members[parent]) & set(members[child]):
            errors.append('%s links %s to itself: one contains the other.' % (where, parent))
        if (parent, child) in seen:
            errors.append('%s is given more than once.' % where)
        seen.add((parent, child))
    return errors


def members_by_name(definition):
    """{tier or group name: [group names it stands for]} for a valid definition."""
    members = {}
    for tier in definition['tiers']:
        members[tier['name']] = list(tier['service_groups'])
        for group in tier['service_groups']:
            members[group] = [group]
    return members


def service_groups(definition):
    """Every group of a valid definition, in definition order: [{group, tier, cluster, timeouts}]."""
    base = definition.get('timeouts') or {}
    result = []
    for tier in definition['tiers']:
        timeouts = dict(base)
        timeouts.update(tier.get('timeouts') or {})
        for group in tier['service_groups']:
            result.append({'group': group, 'tier': tier['name'], 'cluster': tier['cluster'], 'timeouts': timeouts})
    return result


def group_links(definition):
    """Links of a valid definition between groups: [(parent group, child group, fault policy)], first policy kept."""
    members = members_by_name(definition)
    result, seen = [], set()
    for link in definition.get('links') or []:
        policy = link.get('fault_policy', 'soft')
        for parent in members[link['parent']]:
            for child in members[link['child']]:
                if (parent, child) not in seen:
                    seen.add((parent, child))
                    result.append((parent, child, policy))
    return result


def _policy_conflicts(definition):
    members = members_by_name(definition)
    policies, errors = {}, []
    for link in definition.get('links') or []:
        policy = link.get('fault_policy', 'soft')
        for parent in members[link['parent']]:
            for child in members[link['child']]:
                first = policies.setdefault((parent, child), (policy, link))
                if first[0] != policy:
                    errors.append('Links %s -> %s (%s) and %s -> %s (%s) give %s -> %s two fault policies.'
                                  % (first[1]['parent'], first[1]['child'], first[0], link['parent'], link['child'], policy,
                                     parent, child))
    return errors


def validate(definition, known_clusters=None):
    """Problems of a business service definition as a list of sentences; empty when it is valid.

    ``known_clusters``: the cluster names that exist (e.g. inventory groups); None skips that check.
    """
    if not isinstance(definition, dict):
        return ['A business service must be a mapping with name, tiers and links.']
    errors = _unknown_keys('The business service', definition, SERVICE_KEYS)
    if not _is_name(definition.get('name')):
        errors.append('The business service has no name.')
    errors.extend(_timeout_errors('The business service', definition.get('timeouts')))
    if 'rto' in definition and not _is_seconds(definition['rto']):
        errors.append('rto must be a positive number of seconds, not %r.' % (definition['rto'],))
    tiers = definition.get('tiers')
    if not isinstance(tiers, list) or not tiers:
        return errors + ['The business service needs tiers: a non-empty list.']
    if known_clusters is not None:
        known_clusters = set(known_clusters)
    tier_errors = []
    for index, tier in enumerate(tiers):
        tier_errors.extend(_tier_errors(index, tier, known_clusters))
    errors.extend(tier_errors)
    if tier_errors:
        return errors
    duplicates = _duplicate_errors(tiers)
    if duplicates:
        return errors + duplicates
    link_errors = _link_errors(definition.get('links'), members_by_name(definition))
    if link_errors:
        return errors + link_errors
    conflicts = _policy_conflicts(definition)
    if conflicts:
        return errors + conflicts
    cycle = find_cycle([g['group'] for g in service_groups(definition)], [link[:2] for link in group_links(definition)])
    if cycle:
        errors.append('The links form a cycle: %s.' % ' -> '.join(cycle))
    return errors
