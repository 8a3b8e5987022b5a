# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Parsers for virsh output: list --all, dominfo, domblklist, domstate."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.continuum.infoscale.plugins.module_utils._text import output_lines

# Domain states as virsh prints them (virshDomainStateToString); two-word ones first.
STATES = ('in shutdown', 'shut off', 'running', 'idle', 'paused', 'crashed', 'pmsuspended',
          'dying', 'no state', 'blocked')

_DASHES = re.compile(r'^-{3,}$')
_KEY = re.compile(r'[^a-z0-9]+')


def _number(text):
    """An int for a whole number, None for '-' (inactive domains have no Id)."""
    text = text.strip()
    if text in ('-', ''):
        return None
    return int(text) if text.isdigit() else text


def _table_rows(text):
    """Data lines of a virsh table: what follows the dashes line, or every line that is not
    the header when there is no dashes line."""
    lines = output_lines(text)
    for index, line in enumerate(lines):
        if _DASHES.match(line.strip()):
            return lines[index + 1:]
    return lines[1:] if lines and lines[0].split()[:1] in (['Id'], ['Target'], ['Type']) else lines


def parse_virsh_list(text):
    """``virsh list [--all]``: a list of {id, name, state}; id is None for inactive domains."""
    rows = []
    for line in _table_rows(text):
        words = line.split(None, 1)
        if len(words) < 2:
            continue
        rest = words[1].rstrip()
        state = next((s for s in STATES if rest.endswith(' ' + s)), None)
        if state is None:
            parts = rest.rsplit(None, 1)
            if len(parts) < 2:
                continue
            name, state = parts
        else:
            name = rest[:-len(state)]
        rows.append(dict(id=_number(words[0]), name=name.strip(), state=state))
    return rows


def _yes(value):
    return value.strip().lower() in ('yes', 'enable', 'enabled')


def _kib(value):
    """'2097152 KiB' (or a bare number) -> 2097152."""
    words = value.split()
    return int(words[0]) if words and words[0].isdigit() else value.strip()


_DOMINFO = {
    'id': ('id', _number),
    'cpu_s': ('cpus', _number),
    'max_memory': ('max_memory_kib', _kib),
    'used_memory': ('used_memory_kib', _kib),
    'persistent': ('persistent', _yes),
    'autostart': ('autostart', _yes),
    'managed_save': ('managed_save', _yes),
}


def parse_dominfo(text):
    """``virsh dominfo NAME``: {key: value}; keys in snake case (os_type, cpu_time...),
    memory in KiB under max_memory_kib / used_memory_kib, yes/no and enable/disable as booleans."""
    info = {}
    for line in output_lines(text):
        if ':' not in line:
            continue
        key, value = line.split(':', 1)
        key = _KEY.sub('_', key.strip().lower()).strip('_')
        if not key:
            continue
        name, convert = _DOMINFO.get(key, (key, lambda v: v.strip()))
        info[name] = convert(value)
    return info


def parse_domblklist(text):
    """``virsh domblklist NAME [--details]``: a list of {target, source} (source None for an
    empty drive, '-'), with type and device too for ``--details``."""
    lines = output_lines(text)
    details = bool(lines) and lines[0].split()[:1] == ['Type']
    rows = []
    for line in _table_rows(text):
        if details:
            words = line.split(None, 3)
            if len(words) < 4:
                continue
            row = dict(type=words[0], device=words[1], target=words[2], source=words[3].strip())
        else:
            words = line.split(None, 1)
            if len(words) < 2:
                continue
            row = dict(target=words[0], source=words[1].strip())
        if row['source'] == '-':
            row['source'] = None
        rows.append(row)
    return rows


def parse_domstate(text):
    """``virsh domstate NAME [--reason]``: {state, reason}; reason None without --reason."""
    lines = output_lines(text)
    if not lines:
        return dict(state=None, reason=None)
    line = lines[0].strip()
    match = re.match(r'^(.*?)\s*\((.*)\)$', line)
    if match:
        return dict(state=match.group(1), reason=match.group(2))
    return dict(state=line, reason=None)
