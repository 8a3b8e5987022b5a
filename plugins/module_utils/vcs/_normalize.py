# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""One shape for a service group's configuration, whether it was read from main.cf or
from ``hagrp``/``hares`` -display and -dep output (pure).

The shape is parse_maincf's group entry::

    {'attributes': {...}, 'resources': {name: {'type', 'attributes'}},
     'resource_links': [[parent, child], ...],
     'dependencies': [{'child', 'category', 'location', 'rigidity'}]}

normalized so that the same configuration compares equal from either source: attributes
equal to their default are dropped (hacf never writes them; -display shows them all),
resource links and dependencies are sorted and unique.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._maincf import is_per_system
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._types import (
    RESOURCE_ATTRIBUTES, RUNTIME_RESOURCE_ATTRIBUTES, SCALAR, STATIC_ATTRIBUTES)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._values import (
    AttributeValueError, display_value, same_value)

GLOBAL = 'global'
_UNKNOWN = (SCALAR, '', False)   # [recon] attributes of types the catalog does not know


def empty_group():
    return {'attributes': {}, 'resources': {}, 'resource_links': [], 'dependencies': []}


def _is_default(definition, value):
    return definition is not None and not is_per_system(value) and same_value(definition[0], value, definition[1])


def _without_defaults(attributes, lookup):
    return dict((name, value) for name, value in (attributes or {}).items()
                if not _is_default(lookup(name), value))


def _dependency_key(dependency):
    return tuple(dependency.get(key) or '' for key in ('child', 'category', 'location', 'rigidity'))


def resource_lookup(catalog, type_name):
    """name -> definition for resources of ``type_name`` (common ones for unknown types)."""
    if catalog.knows_type(type_name):
        return lambda name: catalog.resource_attribute(type_name, name)
    return lambda name: RESOURCE_ATTRIBUTES.get(name) or STATIC_ATTRIBUTES.get(name)


def normalize_group(group, catalog):
    """A group entry (parse_maincf shape) in the comparable form described above."""
    resources = {}
    for name, resource in (group.get('resources') or {}).items():
        type_name = resource.get('type')
        resources[name] = {'type': type_name, 'attributes': _without_defaults(
            resource.get('attributes'), resource_lookup(catalog, type_name))}
    links = sorted(set(tuple(link) for link in group.get('resource_links') or []))
    dependencies = []
    for dependency in sorted(group.get('dependencies') or [], key=_dependency_key):
        if dependency not in dependencies:
            dependencies.append(dict(dependency))
    return {'attributes': _without_defaults(group.get('attributes'), catalog.group_attribute),
            'resources': resources,
            'resource_links': [list(link) for link in links],
            'dependencies': dependencies}


# --------------------------------------------------------------------------- from the CLI

def _value_of(rows, dimension):
    """{system or 'global': raw} -> main.cf form; per-system rows give {'@sys': value}."""
    systems = [key for key in rows if key != GLOBAL]
    if not systems:
        return display_value(dimension, rows.get(GLOBAL, ''))
    return dict(('@' + system, display_value(dimension, rows[system])) for system in systems)


def _attributes_from_rows(rows, lookup, skip):
    attributes = {}
    for name, values in rows.items():
        if name in skip:
            continue
        definition = lookup(name)
        if definition is None:
            continue
        try:
            attributes[name] = _value_of(values, definition[0])
        except AttributeValueError:
            attributes[name] = _value_of(values, SCALAR)
    return attributes


def _unknown_type_lookup(name):
    if name in RUNTIME_RESOURCE_ATTRIBUTES:
        return None
    return RESOURCE_ATTRIBUTES.get(name) or STATIC_ATTRIBUTES.get(name) or _UNKNOWN


def _global(rows, name):
    return (rows.get(name) or {}).get(GLOBAL)


def groups_from_cli(group_display, resource_display, group_links, resource_links, catalog, names=None):
    """Service groups from parsed CLI output -> {name: normalized group}.

    group_display: parse_display of ``hagrp -display [<g>]``; resource_display: of
    ``hares -display [-group <g>]`` (the Group and Type rows say where each resource
    belongs); group_links: parse_dep of ``hagrp -dep [<g>]``; resource_links: parse_dep of
    ``hares -dep``. Only configuration attributes the catalog knows are kept (for types it
    does not know: every attribute that is not a runtime one) [recon]. ``names`` limits
    the result to those groups.
    """
    groups = {}
    for name, rows in group_display.items():
        if names is None or name in names:
            group = empty_group()
            group['attributes'] = _attributes_from_rows(rows, catalog.group_attribute, ())
            groups[name] = group
    for res_name, rows in resource_display.items():
        group = groups.get(_global(rows, 'Group'))
        if group is None:
            continue
        type_name = _global(rows, 'Type')
        lookup = resource_lookup(catalog, type_name) if catalog.knows_type(type_name) else _unknown_type_lookup
        group['resources'][res_name] = {'type': type_name, 'attributes': _attributes_from_rows(
            rows, lookup, RUNTIME_RESOURCE_ATTRIBUTES)}
    for link in resource_links:
        group = groups.get(link.get('group'))
        if group is not None:
            group['resource_links'].append([link['parent'], link['child']])
    for link in group_links:
        group = groups.get(link.get('parent'))
        if group is not None:
            group['dependencies'].append(dict((key, link.get(key)) for key in
                                              ('child', 'category', 'location', 'rigidity')))
    return dict((name, normalize_group(group, catalog)) for name, group in groups.items())
