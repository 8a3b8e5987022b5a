# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Desired service group vs its current configuration -> hagrp/hares commands (pure).

The commands are those that go inside one configuration transaction (the caller wraps
them in ``haconf -makerw`` ... ``haconf -dump -makero``). Order for a new group: hagrp -add,
SystemList, AutoStartList, Parallel, the other attributes, each resource (children first)
with its attributes, resource links, group dependencies, and Enabled last, so that agents
only monitor complete resources. For an existing group: group unlinks, resource unlinks,
resource deletions (parents first), then the same order; only changed attributes are
modified, compared with their effective value (the type's default when main.cf does not
set them).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import re

from ansible_collections.continuum.infoscale.plugins.module_utils._names import name_problem
from ansible_collections.continuum.infoscale.plugins.module_utils._result import Plan, PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._maincf import (
    is_per_system, per_system_values)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._normalize import (
    empty_group, normalize_group)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._types import (
    ASSOCIATION, GROUP_OPTION_ATTRIBUTES, KEYLIST, RESOURCE_OPTION_ATTRIBUTES, SCALAR)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._values import (
    AttributeValueError, cli_words, is_empty, same_value, task_value)

CATEGORIES = ('online', 'offline')
LOCATIONS = ('local', 'global', 'remote')
RIGIDITIES = ('soft', 'firm', 'hard')
DEFAULT_RIGIDITY = 'firm'
_ATTRIBUTE_NAME = re.compile(r'^[A-Za-z_]\w*$')
# a group that is any of these on a system is not offline there
UP_FLAGS = frozenset(('ONLINE', 'PARTIAL', 'STARTING', 'STOPPING'))


# --------------------------------------------------------------------------- request checks

def _cycle(graph, order):
    """The first cycle of ``graph`` ({node: [children]}) as a list ending where it starts."""
    state = {}

    def visit(node, path):
        state[node] = 'open'
        path.append(node)
        for child in graph.get(node, ()):
            if state.get(child) == 'open':
                return path[path.index(child):] + [child]
            if child not in state:
                found = visit(child, path)
                if found:
                    return found
        path.pop()
        state[node] = 'done'
        return None

    for node in order:
        if node not in state:
            found = visit(node, [])
            if found:
                return found
    return None


def _system_names(system_list):
    if isinstance(system_list, dict):
        return list(system_list)
    return list(system_list or [])


def _priority_list_problems(option, kind, value, pairs):
    """Problems of a SystemList-like option (a list in priority order, or a dict of name: priority);
    its names are added to ``pairs`` for the name checks."""
    if value is None:
        return []
    if not isinstance(value, (list, dict)):
        return ['%s must be a list of %s names (in priority order) or a dict of %s name: priority' % (option, kind, kind)]
    pairs += [(kind, name) for name in _system_names(value)]
    problems = []
    if isinstance(value, dict):
        for name, priority in value.items():
            if not isinstance(priority, int) or isinstance(priority, bool):
                try:
                    int(str(priority))
                except ValueError:
                    problems.append('%s priority of %s must be a whole number, not %r' % (option, name, priority))
    else:
        repeated = sorted(set(s for s in value if value.count(s) > 1))
        if repeated:
            problems.append('%s names %s more than once' % (option, ', '.join(map(str, repeated))))
    return problems


def request_problems(params):
    """Problems of the task's options alone, found before anything is read or run."""
    pairs = [('group', params.get('name'))]
    problems = _priority_list_problems('system_list', 'system', params.get('system_list'), pairs)
    autostart = params.get('autostart_list') or []
    pairs += [('system', system) for system in autostart]
    problems += _priority_list_problems('cluster_list', 'cluster', params.get('cluster_list'), pairs)
    for attr in params.get('attributes') or {}:
        if not _ATTRIBUTE_NAME.match(str(attr)):
            problems.append('group attribute name %r is not a VCS attribute name' % (attr,))
    resources = params.get('resources') or []
    names = [resource.get('name') for resource in resources]
    repeated = sorted(set(str(n) for n in names if names.count(n) > 1))
    if repeated:
        problems.append('resources listed more than once: %s' % ', '.join(repeated))
    graph = {}
    for resource in resources:
        pairs.append(('resource', resource.get('name')))
        pairs.append(('resource type', resource.get('type')))
        requires = resource.get('requires') or []
        pairs += [('resource', child) for child in requires]
        graph[resource.get('name')] = list(requires)
        for attr, values in (resource.get('per_system') or {}).items():
            if not isinstance(values, dict) or not values:
                problems.append('per_system %s of resource %s must be a dict of system: value'
                                % (attr, resource.get('name')))
                continue
            pairs += [('system', system) for system in values]
        for attr in list(resource.get('attributes') or {}) + list(resource.get('per_system') or {}):
            if not _ATTRIBUTE_NAME.match(str(attr)):
                problems.append('attribute name %r of resource %s is not a VCS attribute name'
                                % (attr, resource.get('name')))
        both = sorted(set(resource.get('attributes') or {}) & set(resource.get('per_system') or {}))
        if both:
            problems.append('resource %s sets %s both in attributes and in per_system'
                            % (resource.get('name'), ', '.join(both)))
    children = [dependency.get('child') for dependency in params.get('dependencies') or []]
    pairs += [('group', child) for child in children]
    repeated = sorted(set(str(c) for c in children if children.count(c) > 1))
    if repeated:
        problems.append('dependencies name the child group %s more than once (a group depends on '
                        'another in one way only)' % ', '.join(repeated))
    if params.get('name') in children:
        problems.append('group %s cannot depend on itself' % params.get('name'))
    for dependency in params.get('dependencies') or []:
        problems.extend(_dependency_problems(dependency))
    for kind, value in pairs:
        problem = name_problem(kind, value)
        if problem and problem not in problems:
            problems.append(problem)
    if not problems:
        cycle = _cycle(graph, [r.get('name') for r in resources])
        if cycle:
            problems.append('the resources\' requires form a cycle: %s' % ' -> '.join(cycle))
    return problems


def _dependency_problems(dependency):
    problems = []
    for key, choices in (('category', CATEGORIES), ('location', LOCATIONS), ('rigidity', RIGIDITIES)):
        value = dependency.get(key)
        if value is not None and value not in choices:
            problems.append('dependency on %s: %s must be one of %s, not %r'
                            % (dependency.get('child'), key, ', '.join(choices), value))
    if dependency.get('category') == 'offline':
        if dependency.get('location') not in (None, 'local'):
            problems.append('dependency on %s: an offline dependency is always local' % dependency.get('child'))
        if dependency.get('rigidity') is not None:
            problems.append('dependency on %s: an offline dependency has no rigidity' % dependency.get('child'))
    return problems


# --------------------------------------------------------------------------- desired state

def desired_dependency(dependency):
    """A task dependency with its defaults: online local firm (offline: local, no rigidity)."""
    category = dependency.get('category') or 'online'
    return {'child': dependency['child'], 'category': category,
            'location': dependency.get('location') or 'local',
            'rigidity': None if category == 'offline' else (dependency.get('rigidity') or DEFAULT_RIGIDITY)}


def _same_dependency(current, desired):
    current = dict(current)
    if current.get('category') == 'online' and not current.get('rigidity'):
        current['rigidity'] = DEFAULT_RIGIDITY
    if current.get('category') == 'offline':
        current['rigidity'] = None
    return current == desired


def _system_list_value(system_list):
    if isinstance(system_list, dict):
        return dict((str(system), str(int(str(priority)))) for system, priority in system_list.items())
    return dict((str(system), str(index)) for index, system in enumerate(system_list))


def desired_group_attributes(params, catalog):
    """[(attribute, dimension, value)] in the order they are set; PlanError when unknown."""
    wanted = []
    if params.get('system_list') is not None:
        wanted.append(('SystemList', ASSOCIATION, _system_list_value(params['system_list'])))
    if params.get('autostart_list') is not None:
        wanted.append(('AutoStartList', KEYLIST, [str(s) for s in params['autostart_list']]))
    if params.get('parallel') is not None:
        wanted.append(('Parallel', SCALAR, '1' if params['parallel'] else '0'))
    if params.get('cluster_list') is not None:
        wanted.append(('ClusterList', ASSOCIATION, _system_list_value(params['cluster_list'])))
    if params.get('cluster_failover_policy') is not None:
        wanted.append(('ClusterFailOverPolicy', SCALAR, params['cluster_failover_policy']))
    problems = []
    for attr, value in (params.get('attributes') or {}).items():
        if attr in GROUP_OPTION_ATTRIBUTES:
            problems.append('set %s with %s, not in attributes' % (attr, GROUP_OPTION_ATTRIBUTES[attr]))
            continue
        definition = catalog.group_attribute(attr)
        if definition is None:
            problems.append('%s is not a service group attribute' % attr)
            continue
        try:
            wanted.append((attr, definition[0], task_value(definition[0], value)))
        except AttributeValueError as exc:
            problems.append('group attribute %s: %s' % (attr, exc))
    if problems:
        raise PlanError('; '.join(problems))
    return wanted


class _Resource:
    """A resource as the task wants it, values in main.cf form."""

    def __init__(self, spec, catalog):
        self.name = spec['name']
        self.type = spec['type']
        self.requires = list(spec.get('requires') or [])
        self.attributes = []   # [(attr, (dimension, default, static), value)]
        self.per_system = []   # [(attr, definition, {system: value})]
        critical = spec.get('critical')
        self.critical = None if critical is None else ('1' if critical else '0')
        enabled = spec.get('enabled')
        self.enabled = '0' if enabled is False else '1'
        self.problems = []
        if not catalog.knows_type(self.type):
            self.problems.append('resource %s: unknown resource type %s (known: %s)'
                                 % (self.name, self.type, ', '.join(catalog.type_names())))
            return
        for attr, value in (spec.get('attributes') or {}).items():
            definition = self._definition(catalog, attr)
            if definition is not None:
                try:
                    self.attributes.append((attr, definition, task_value(definition[0], value)))
                except AttributeValueError as exc:
                    self.problems.append('resource %s attribute %s: %s' % (self.name, attr, exc))
        for attr, values in (spec.get('per_system') or {}).items():
            definition = self._definition(catalog, attr)
            if definition is None:
                continue
            if definition[2]:
                self.problems.append('resource %s: %s is a static (type-level) attribute and cannot '
                                     'have per-system values' % (self.name, attr))
                continue
            try:
                converted = dict((str(system), task_value(definition[0], value))
                                 for system, value in values.items())
            except AttributeValueError as exc:
                self.problems.append('resource %s per_system %s: %s' % (self.name, attr, exc))
                continue
            self.per_system.append((attr, definition, converted))

    def _definition(self, catalog, attr):
        if attr in RESOURCE_OPTION_ATTRIBUTES:
            self.problems.append('resource %s: set %s with its %s option, not in attributes'
                                 % (self.name, attr, RESOURCE_OPTION_ATTRIBUTES[attr]))
            return None
        definition = catalog.resource_attribute(self.type, attr)
        if definition is None:
            self.problems.append('resource %s: %s is not an attribute of type %s'
                                 % (self.name, attr, self.type))
        return definition


# --------------------------------------------------------------------------- commands

def modify(command, name, attr, dimension, value, system=None):
    """``hagrp|hares -modify <name> <attr> <words>`` (``-delete -keys`` to empty a list)."""
    if is_empty(dimension, value):
        argv = [command, '-modify', name, attr, '-delete', '-keys']
    else:
        argv = [command, '-modify', name, attr] + cli_words(dimension, value)
    if system is not None:
        argv += ['-sys', system]
    return argv


def group_link(parent, dependency):
    argv = ['hagrp', '-link', parent, dependency['child'], dependency['category'], dependency['location']]
    if dependency.get('rigidity'):
        argv.append(dependency['rigidity'])
    return argv


def _children_first(names, links):
    """``names`` ordered so that a resource comes after the resources it requires."""
    remaining = list(names)
    placed = []
    inside = set(names)
    needs = dict((name, set(child for parent, child in links if parent == name and child in inside))
                 for name in names)
    while remaining:
        for name in remaining:
            if needs[name] <= set(placed):
                placed.append(name)
                remaining.remove(name)
                break
        else:   # a cycle: refused earlier; keep the request order
            placed += remaining
            break
    return placed


def _attribute_commands(resource, current_attrs):
    """Commands setting ``resource``'s attributes from ``current_attrs`` (main.cf form)."""
    commands = []
    name = resource.name
    for attr, (dimension, default, static), value in resource.attributes:
        have = current_attrs.get(attr)
        if is_per_system(have):
            commands.append(['hares', '-global', name, attr] + cli_words(dimension, value))
            continue
        if same_value(dimension, default if have is None else have, value):
            continue
        if static and have is None:
            commands.append(['hares', '-override', name, attr])
        commands.append(modify('hares', name, attr, dimension, value))
    for attr, (dimension, default, _static), values in resource.per_system:
        have = current_attrs.get(attr)
        local = per_system_values(have)
        if local is None:
            base = default if have is None else have
            commands.append(['hares', '-local', name, attr])
            local = {}
        else:
            base = default
        for system, value in values.items():
            if not same_value(dimension, local.get(system, base), value):
                commands.append(modify('hares', name, attr, dimension, value, system))
    critical = current_attrs.get('Critical', '1')
    if resource.critical is not None and resource.critical != critical:
        commands.append(['hares', '-modify', name, 'Critical', resource.critical])
    return commands


def _after_attributes(resource, current_attrs, system_list):
    attrs = dict(current_attrs)
    for attr, _definition, value in resource.attributes:
        attrs[attr] = value
    for attr, (_dimension, default, _static), values in resource.per_system:
        have = attrs.get(attr)
        if not is_per_system(have):
            base = default if have is None else have
            have = dict(('@' + system, base) for system in system_list)
        have = dict(have)
        for system, value in values.items():
            have['@' + system] = value
        attrs[attr] = have
    if resource.critical is not None:
        attrs['Critical'] = resource.critical
    attrs['Enabled'] = resource.enabled
    return attrs


# --------------------------------------------------------------------------- plan

def _check_against_cluster(name, resources, dependencies, group_attributes, current, view):
    problems = []
    for resource in resources:
        problems.extend(resource.problems)
    wanted = dict((attr, value) for attr, _dimension, value in group_attributes)
    current_attrs = current['attributes'] if current else {}
    system_list = wanted.get('SystemList', current_attrs.get('SystemList') or {})
    referenced = list(system_list)
    referenced += [s for s in wanted.get('AutoStartList', []) if s not in referenced]
    for resource in resources:
        for _attr, _definition, values in resource.per_system:
            referenced += [s for s in values if s not in referenced]
    if referenced:
        known = view.systems()
        unknown = [s for s in referenced if s not in known]
        if unknown:
            problems.append('system %s is not in the cluster (systems: %s)'
                            % (', '.join(unknown), ', '.join(known) or 'none'))
    autostart = wanted.get('AutoStartList')
    if autostart:
        outside = [s for s in autostart if s not in system_list]
        if outside:
            problems.append('autostart_list names %s, not in the SystemList of group %s'
                            % (', '.join(outside), name))
    for resource in resources:
        for attr, _definition, values in resource.per_system:
            outside = [s for s in values if system_list and s not in system_list]
            if outside:
                problems.append('resource %s: per_system %s names %s, not in the SystemList of group %s'
                                % (resource.name, attr, ', '.join(outside), name))
    if dependencies:
        groups = view.group_names()
        for dependency in dependencies:
            if dependency['child'] not in groups:
                problems.append('group %s depends on group %s, which does not exist in the cluster'
                                % (name, dependency['child']))
    current_resources = current['resources'] if current else {}
    for resource in resources:
        existing = current_resources.get(resource.name)
        if existing is None:
            owner = view.other_group_of(resource.name, name)
            if owner:
                problems.append('resource %s already belongs to %s (resource names are unique in a '
                                'cluster)' % (resource.name, owner if owner == 'another group' else 'group ' + owner))
        elif existing['type'] != resource.type:
            problems.append('resource %s is of type %s, not %s: the type of a resource cannot change '
                            '(remove it and add it again under another name or in another run)'
                            % (resource.name, existing['type'], resource.type))
    return problems


def plan_service_group(params, view):
    """Plan for ``state: present``.

    params: the module options (name, system_list, autostart_list, parallel, attributes,
    resources, dependencies, purge); view: the configuration (_config.MainCfView or
    CliView, or any object with catalog, group(), group_names(), systems(),
    other_group_of()). Returns a Plan whose before/after are normalized groups (None
    before creation).
    """
    name = params['name']
    catalog = view.catalog
    current = view.group(name)
    purge = bool(params.get('purge'))
    group_attributes = desired_group_attributes(params, catalog)
    resources = [_Resource(spec, catalog) for spec in params.get('resources') or []]
    dependencies = [desired_dependency(d) for d in params.get('dependencies') or []]
    problems = _check_against_cluster(name, resources, dependencies, group_attributes, current, view)

    base = current or empty_group()
    listed = set(r.name for r in resources)
    kept_resources = [r for r in base['resources'] if r in listed or not purge]
    wanted_links = [[r.name, child] for r in resources for child in r.requires]
    kept_links = [link for link in base['resource_links']
                  if link in wanted_links or (not purge and link[0] in kept_resources and link[1] in kept_resources)]
    final_links = kept_links + [link for link in wanted_links if link not in kept_links]
    final_resources = set(kept_resources) | listed
    for parent, child in wanted_links:
        if child not in final_resources:
            problems.append('resource %s requires %s, which is neither listed nor in group %s'
                            % (parent, child, name))
    if not problems:
        graph = {}
        for parent, child in final_links:
            graph.setdefault(parent, []).append(child)
        cycle = _cycle(graph, [r.name for r in resources] + sorted(graph))
        if cycle:
            problems.append('with the links group %s already has, the resources\' requires form a '
                            'cycle: %s' % (name, ' -> '.join(cycle)))
    if problems:
        raise PlanError('; '.join(problems))

    commands = []
    if current is None:
        commands.append(['hagrp', '-add', name])
    # group dependencies and resource links that go away, then resources
    wanted_children = dict((d['child'], d) for d in dependencies)
    kept_dependencies = []
    for dependency in base['dependencies']:
        desired = wanted_children.get(dependency['child'])
        if desired is not None and not _same_dependency(dependency, desired):
            commands.append(['hagrp', '-unlink', name, dependency['child']])
        elif desired is None and purge:
            commands.append(['hagrp', '-unlink', name, dependency['child']])
        else:
            kept_dependencies.append(dependency)
    for link in base['resource_links']:
        if link not in kept_links:
            commands.append(['hares', '-unlink', link[0], link[1]])
    removed = [r for r in base['resources'] if r not in kept_resources]
    for resource_name in reversed(_children_first(removed, base['resource_links'])):
        commands.append(['hares', '-delete', resource_name])

    current_attrs = base['attributes']
    for attr, dimension, value in group_attributes:
        default = catalog.group_attribute(attr)[1]
        have = current_attrs.get(attr, default)
        if not same_value(dimension, have, value):
            commands.append(modify('hagrp', name, attr, dimension, value))

    by_name = dict((r.name, r) for r in resources)
    new = _children_first([r.name for r in resources if r.name not in base['resources']], final_links)
    for resource_name in new:
        resource = by_name[resource_name]
        commands.append(['hares', '-add', resource.name, resource.type, name])
        commands += _attribute_commands(resource, {'Enabled': '0'})
    for resource in resources:
        if resource.name in base['resources']:
            commands += _attribute_commands(resource, base['resources'][resource.name]['attributes'])
    for link in final_links:
        if link not in kept_links:
            commands.append(['hares', '-link', link[0], link[1]])
    for dependency in dependencies:
        if not any(_same_dependency(d, dependency) for d in kept_dependencies):
            commands.append(group_link(name, dependency))
    # Enabled last: new resources in the order they were added, then the others
    for resource in [by_name[n] for n in new] + [r for r in resources if r.name not in new]:
        have = '0' if resource.name in new else base['resources'][resource.name]['attributes'].get('Enabled', '1')
        if have != resource.enabled:
            commands.append(['hares', '-modify', resource.name, 'Enabled', resource.enabled])

    after = _predict(base, group_attributes, resources, kept_resources, final_links,
                     kept_dependencies, dependencies, catalog)
    return Plan(commands, current, after)


def _predict(base, group_attributes, resources, kept_resources, final_links, kept_dependencies,
             dependencies, catalog):
    after = empty_group()
    after['attributes'] = dict(base['attributes'])
    for attr, _dimension, value in group_attributes:
        after['attributes'][attr] = value
    system_list = list(after['attributes'].get('SystemList') or {})
    for resource_name in kept_resources:
        after['resources'][resource_name] = copy.deepcopy(base['resources'][resource_name])
    for resource in resources:
        existing = after['resources'].get(resource.name)
        attrs = existing['attributes'] if existing else {}
        after['resources'][resource.name] = {
            'type': resource.type, 'attributes': _after_attributes(resource, attrs, system_list)}
    after['resource_links'] = [list(link) for link in final_links]
    merged = [d for d in kept_dependencies if not any(_same_dependency(d, w) for w in dependencies)]
    after['dependencies'] = merged + [dict(d) for d in dependencies]
    return normalize_group(after, catalog)


# --------------------------------------------------------------------------- removal

def is_up(state):
    """True when a group state (``ONLINE``, ``OFFLINE|FAULTED``, ``STARTING|PARTIAL``...) is
    not offline."""
    return bool(set((state or '').split('|')) & UP_FLAGS)


def plan_group_removal(name, current, states, view, force):
    """Plan for ``state: absent``: (operations, systems to wait OFFLINE on, configuration
    commands, before). ``states``: {system: state} from ``hagrp -state <g>`` (None when
    the group does not exist)."""
    if current is None:
        return [], [], [], None
    up = [system for system, state in sorted((states or {}).items()) if is_up(state)]
    parents = view.parent_groups(name)
    problems = []
    if up and not force:
        problems.append('group %s is not offline (%s): take it offline first, or set force: true to '
                        'take it offline and delete it' % (name, ', '.join(
                            '%s on %s' % (states[s], s) for s in up)))
    if parents and not force:
        problems.append('group %s is required by %s: remove those dependencies first, or set force: '
                        'true to unlink them' % (name, ', '.join(sorted(parents))))
    if problems:
        raise PlanError('; '.join(problems))
    operations = [['hagrp', '-offline', name, '-any']] if up else []
    config = [['hagrp', '-unlink', parent, name] for parent in sorted(parents)]
    config += [['hagrp', '-unlink', name, d['child']] for d in current['dependencies']]
    config += [['hares', '-unlink', parent, child] for parent, child in current['resource_links']]
    order = _children_first(list(current['resources']), current['resource_links'])
    config += [['hares', '-delete', resource] for resource in reversed(order)]
    config.append(['hagrp', '-delete', name])
    return operations, up, config, current
