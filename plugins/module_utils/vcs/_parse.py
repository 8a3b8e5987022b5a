# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Pure parsers for Cluster Server (VCS) command output: text -> data.

hastatus -sum, hagrp/hares -state, hagrp/hares/hasys/hatype -display, haclus -display,
hagrp/hares -dep, -value and -list. Columns are found by splitting on whitespace (real
output, fixtures and pasted sessions all pad differently); the last column of a table
keeps its inner spacing, because values such as ``sys1<TAB>0<TAB>sys2<TAB>1`` or
``OFFLINE|STATE UNKNOWN`` contain blanks. Shell prompts, blank lines, VCS messages
(``VCS WARNING V-16-1-50035 ...``) and lines that fit no table are skipped.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.continuum.infoscale.plugins.module_utils._text import output_lines

# "VCS WARNING V-16-1-50035 No Group dependencies are configured", "V-16-1-50997 ..."
_MESSAGE = re.compile(r'^(?:VCS\s+[A-Z]+\s+)?V-\d+-\d+-\d+\b')
# VCS attribute names: letters, digits and underscores, not starting with a digit.
_ATTRIBUTE = re.compile(r'^[A-Za-z_]\w*$')
# A bare state value: ONLINE, |OFFLINE|FAULTED|, OFFLINE|STATE UNKNOWN.
_BARE_STATE = re.compile(r'^\|?[A-Z][A-Z_ ]*(?:\|[A-Z][A-Z_ ]*)*\|?$')
_GLOBAL = 'global'


def _is_message(line):
    return _MESSAGE.match(line.strip()) is not None


def _unpipe(value):
    """``|OFFLINE|FAULTED|`` -> ``OFFLINE|FAULTED``; inner pipes of combinations stay."""
    return value.strip().strip('|')


def _split_row(line, count):
    """The first ``count - 1`` words of ``line`` and the rest of it ('' when absent).

    None when the line has fewer than ``count - 1`` words.
    """
    parts = line.split(None, count - 1)
    if len(parts) < count - 1:
        return None
    if len(parts) < count:
        parts.append('')
    return parts


def _table_header(line):
    """Column names of a ``-state``/``-display`` header, or None for any other line.

    ``#Group  Attribute  System  Value`` -> ['Group', 'Attribute', 'System', 'Value'];
    also the 3-column ``#System Attribute Value``, the 2-column ``#Attribute Value`` and
    the header printed without ``#`` (sample hares_display_1).
    """
    words = line.lstrip('#').split()
    if not words or words[-1] != 'Value':
        return None
    if len(words) == 2 and words[0] == 'Attribute':
        return words
    if len(words) in (3, 4) and words[1] == 'Attribute':
        return words
    return None


def _with_cluster(row, system):
    """Store ``system`` in row; a GCO ``cluster:system`` adds a ``cluster`` key."""
    if system and ':' in system:
        row['cluster'], row['system'] = system.split(':', 1)
    else:
        row['system'] = system


def split_value(value):
    """Words of a keylist/association/vector value as printed by -display or -value.

    ``'sys1\\t0\\tsys2\\t1'`` -> ['sys1', '0', 'sys2', '1']; '' or None -> [].
    """
    if not value:
        return []
    return value.split()


# --------------------------------------------------------------------------- -display


def parse_display(text):
    """``hagrp -display``, ``hares -display``, ``hasys -display``, ``hatype -display``.

    -> {object: {attribute: {system or 'global': value}}}. Values are the raw text of
    the Value column with trailing blanks removed ('' for an empty value); use
    ``split_value`` for keylists and associations. Tables without a System column
    (``#System Attribute Value``, ``#Type Attribute Value``) store their values under
    'global'. Several tables in one text (each after its own header) are merged;
    ``#Attribute Value`` tables (haclus -display) are skipped.
    """
    objects = {}
    columns = 4
    for line in output_lines(text):
        header = _table_header(line)
        if header is not None:
            columns = len(header)
            continue
        if line.startswith('#') or columns == 2 or _is_message(line):
            continue
        parts = _split_row(line, columns)
        if parts is None or not _ATTRIBUTE.match(parts[1]):
            continue
        if columns == 4:
            name, attribute, system, value = parts
        else:
            (name, attribute, value), system = parts, _GLOBAL
        objects.setdefault(name, {}).setdefault(attribute, {})[system] = value
    return objects


def parse_haclus_display(text):
    """``haclus -display`` (``#Attribute  Value``) -> {attribute: value}.

    Attributes without a value give ''. When the text also holds other tables (the
    Checkmk agent section), only the rows before the first other header or under an
    ``#Attribute`` header are read.
    """
    attributes = {}
    reading = True
    for line in output_lines(text):
        header = _table_header(line)
        if header is not None:
            reading = len(header) == 2
            continue
        if not reading or line.startswith('#') or _is_message(line):
            continue
        parts = _split_row(line, 2)
        if parts is None or not _ATTRIBUTE.match(parts[0]):
            continue
        attributes[parts[0]] = parts[1]
    return attributes


# --------------------------------------------------------------------------- -state


def parse_state_table(text):
    """``hagrp -state``, ``hares -state``, ``hasys -state`` (and -display -attribute State).

    -> [{group|resource|system, attribute, system, state}], the first key named by the
    header's first column (``#Group`` -> group, ``#Resource`` -> resource; a table
    without a System column, ``#System Attribute Value``, has no second system key).
    States lose their surrounding pipes: ``|OFFLINE|FAULTED|`` -> ``OFFLINE|FAULTED``.
    A GCO ``cluster:system`` adds a ``cluster`` key. The bare form printed for one
    group on one system (``ONLINE``) gives [{'state': 'ONLINE'}] [gk: -state g -sys s].
    Without a header the rows are read as a group table.
    """
    rows = []
    key, columns, seen_header = 'group', 4, False
    for line in output_lines(text):
        header = _table_header(line)
        if header is not None:
            key, columns, seen_header = header[0].lower(), len(header), True
            continue
        if line.startswith('#') or _is_message(line):
            continue
        stripped = line.strip()
        if not seen_header and not rows and _BARE_STATE.match(stripped):
            rows.append({'state': _unpipe(stripped)})
            continue
        if columns == 2:
            continue
        parts = _split_row(line, columns)
        if parts is None or not _ATTRIBUTE.match(parts[1]):
            continue
        row = {key: parts[0], 'attribute': parts[1]}
        if columns == 4:
            _with_cluster(row, parts[2])
        row['state'] = _unpipe(parts[-1])
        rows.append(row)
    return rows


# --------------------------------------------------------------------------- -dep

_CATEGORIES = ('online', 'offline')


def _dep_form(words):
    """'group' for ``#Parent Child Relationship``, 'resource' for ``#Group Parent Child``."""
    if words[:2] == ['Parent', 'Child']:
        return 'group'
    if words[:3] == ['Group', 'Parent', 'Child']:
        return 'resource'
    return None


def parse_dep(text):
    """``hagrp -dep`` -> [{parent, child, category, location, rigidity}] (rigidity None
    when the link has none, e.g. ``offline local``); ``hares -dep`` -> [{group, parent,
    child}]. The header decides the form; without one, rows whose third word is
    ``online``/``offline`` are group links and 3-word rows resource links.
    V-16-1-50035 / V-16-1-50034 ("No ... dependencies are configured") give [].
    """
    links = []
    form = None
    for line in output_lines(text):
        if _is_message(line):
            continue
        if line.startswith('#'):
            form = _dep_form(line.lstrip('#').split()) or form
            continue
        words = line.split()
        header_form = _dep_form(words)
        if header_form is not None:
            form = header_form
            continue
        row_form = form
        if row_form is None:
            if len(words) >= 4 and words[2] in _CATEGORIES:
                row_form = 'group'
            elif len(words) == 3:
                row_form = 'resource'
        if row_form == 'group' and 4 <= len(words) <= 5 and words[2] in _CATEGORIES:
            links.append(dict(parent=words[0], child=words[1], category=words[2],
                              location=words[3], rigidity=words[4] if len(words) == 5 else None))
        elif row_form == 'resource' and len(words) == 3:
            links.append(dict(group=words[0], parent=words[1], child=words[2]))
    return links


# --------------------------------------------------------------------------- -value, -list


# hagrp -online <group> -any says where VCS sends the group:
# VCS NOTICE V-16-1-50735 Attempting to online group <group> on <system>, the system last (the exact
# wording is not confirmed; 'on system <system>' is read as well)
_ATTEMPTING = re.compile(r'V-16-1-50735\b.*\bon (?:system )?(\S+)\s*$')


def attempted_systems(text):
    """The systems named by the V-16-1-50735 notices of ``hagrp -online <group> -any``, in order."""
    systems = []
    for line in output_lines(text or ''):
        match = _ATTEMPTING.search(line)
        if match and match.group(1) not in systems:
            systems.append(match.group(1))
    return systems


def parse_value(text):
    """``hagrp -value``, ``hares -value``, ``haclus -value``: the value, stripped ('' when
    the output is empty). Only the first output line is read."""
    lines = [line for line in output_lines(text) if not _is_message(line)]
    return lines[0].strip() if lines else ''


def parse_list(text):
    """``hasys -list``, ``hagrp -list``, ``hares -list`` -> rows as lists of words
    (``hares -list Group=g`` gives [resource, system] rows)."""
    return [line.split() for line in output_lines(text) if not _is_message(line)]


# --------------------------------------------------------------------------- hastatus -sum

# Section titles -> result keys. Only SYSTEM STATE and GROUP STATE are in real captures;
# the other titles are from memory of the product [gk]; an unknown title becomes its
# lowercased words joined by '_'.
_SUM_SECTIONS = {
    'SYSTEM STATE': 'systems',
    'GROUP STATE': 'groups',
    'RESOURCES FAILED': 'failed_resources',
    'RESOURCES NOT PROBED': 'not_probed_resources',
    'RESOURCES DISABLED': 'disabled_resources',
    'RESOURCES ONLINING': 'onlining_resources',
    'RESOURCES OFFLINING': 'offlining_resources',
    'GROUPS FROZEN': 'frozen_groups',
    'WAN HEARTBEAT STATE': 'wan_heartbeats',
    'REMOTE CLUSTER STATE': 'remote_clusters',
    'REMOTE SYSTEM STATE': 'remote_systems',
}
# Columns used when a section prints rows without its "-- Column ..." line. [recon] except
# systems and groups (samples hastatus_sum_*).
_SUM_COLUMNS = {
    'systems': ['System', 'State', 'Frozen'],
    'groups': ['Group', 'System', 'Probed', 'AutoDisabled', 'State'],
    'failed_resources': ['Group', 'Type', 'Resource', 'System'],
    'not_probed_resources': ['Group', 'Type', 'Resource', 'System'],
    'disabled_resources': ['Group', 'Type', 'Resource'],
    'onlining_resources': ['Group', 'Type', 'Resource', 'System'],
    'offlining_resources': ['Group', 'Type', 'Resource', 'System'],
    'frozen_groups': ['Group'],
    'wan_heartbeats': ['Heartbeat', 'To', 'State'],
    'remote_clusters': ['Cluster', 'State'],
    'remote_systems': ['cluster:system', 'State', 'Frozen'],
}
# Row letters of the two sections seen in real output, for rows met before any title
# (output filtered through grep).
_SUM_LETTERS = {'A': 'systems', 'B': 'groups'}
_SUM_ROW = re.compile(r'^([A-Z])\s+(\S.*)$')
_SUM_FLAGS = frozenset(('frozen', 'probed', 'autodisabled'))
_SUM_TRUE = frozenset(('1', 'Y', 'y'))


def _column_key(name):
    if ':' in name:
        # "cluster:system" (remote systems) -> system, split per row
        return 'system'
    return re.sub(r'[^a-z0-9]+', '_', name.lower()).strip('_')


def _sum_row(columns, values):
    if len(values) > len(columns):
        values = values[:len(columns) - 1] + [' '.join(values[len(columns) - 1:])]
    row = {}
    for index, name in enumerate(columns):
        key = _column_key(name)
        value = values[index] if index < len(values) else None
        if key in _SUM_FLAGS:
            value = value in _SUM_TRUE
        elif key == 'state' and value is not None:
            value = _unpipe(value)
        if key == 'system':
            _with_cluster(row, value)
        else:
            row[key] = value
    return row


def parse_hastatus_sum(text):
    """``hastatus -sum`` / ``-summary`` -> {systems, groups, failed_resources, ...}.

    systems: [{system, state, frozen}], groups: [{group, system, probed, autodisabled,
    state}] (``Y``/``N`` and ``0``/``1`` columns become booleans; a state keeps the pipes
    inside a combination, ``OFFLINE|FAULTED``, without outer ones). Every other
    ``-- TITLE`` section present gives a list of dicts keyed by its ``-- Column`` line:
    failed_resources, not_probed_resources, disabled_resources, frozen_groups,
    wan_heartbeats, remote_clusters, remote_systems... A GCO ``cluster:system`` value
    gives ``cluster`` and ``system`` keys. systems, groups and failed_resources are
    always present; the output of a node where HAD is down (V-16-1-11046) gives them empty.
    """
    result = {'systems': [], 'groups': [], 'failed_resources': []}
    section, columns = None, None
    for line in output_lines(text):
        stripped = line.strip()
        if stripped.startswith('--'):
            words = stripped[2:].split()
            if not words:
                continue
            title = ' '.join(words)
            if title.upper() == title and all(word.isalpha() for word in words):
                section = _SUM_SECTIONS.get(title, '_'.join(words).lower())
                columns = _SUM_COLUMNS.get(section)
                result.setdefault(section, [])
            elif section is not None:
                columns = words
            continue
        match = _SUM_ROW.match(stripped)
        if not match:
            continue
        target, target_columns = section, columns
        if target is None:
            target = _SUM_LETTERS.get(match.group(1))
            target_columns = _SUM_COLUMNS.get(target)
        if target is None or not target_columns:
            continue
        result.setdefault(target, []).append(_sum_row(target_columns, match.group(2).split()))
    return result
