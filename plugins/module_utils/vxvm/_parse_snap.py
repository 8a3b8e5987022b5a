# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Pure parsers for instant snapshot and cache output: ``vxsnap list``, ``vxsnap print``,
``vxcache stat``. Columns are split on whitespace; unrecognised lines are skipped.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.continuum.infoscale.plugins.module_utils._text import output_lines

_BYTES_PER = {'': 1, 'B': 1, 'K': 1024, 'M': 1024 ** 2, 'G': 1024 ** 3, 'T': 1024 ** 4}
_AMOUNT = re.compile(r'^(\d+(?:\.\d+)?)([BKMGT]?)$', re.IGNORECASE)
_PERCENT = re.compile(r'^\((\d+(?:\.\d+)?)%\)$')
_DATE = re.compile(r'^\d{4}/\d{1,2}/\d{1,2}$')


def _none(value):
    return None if value in ('-', '--') else value


def amount_bytes(text):
    """Bytes of a ``vxsnap list`` amount: ``52M`` -> 54525952, ``10G``, ``0``; None otherwise."""
    match = _AMOUNT.match(text or '')
    if not match:
        return None
    return int(round(float(match.group(1)) * _BYTES_PER[match.group(2).upper()]))


def _percent(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def _take_amount(tokens, prefix, row):
    """Consume ``-`` or ``52M (0.5%)`` from ``tokens``: sets <prefix>, _bytes, _percent."""
    row[prefix] = row[prefix + '_bytes'] = row[prefix + '_percent'] = None
    if not tokens:
        return tokens
    if tokens[0] == '-':
        return tokens[1:]
    row[prefix] = tokens[0]
    row[prefix + '_bytes'] = amount_bytes(tokens[0])
    if len(tokens) > 1 and _PERCENT.match(tokens[1]):
        row[prefix] = '%s %s' % (tokens[0], tokens[1])
        row[prefix + '_percent'] = float(_PERCENT.match(tokens[1]).group(1))
        return tokens[2:]
    return tokens[1:]


_LIST_KEYS = ('name', 'dg', 'objtype', 'snaptype', 'parent', 'parentdg')


def parse_vxsnap_list(text):
    """Rows of ``vxsnap [-g dg] [-vx] list``.

    Each row: name, dg, objtype, snaptype, parent, parentdg (``-`` -> None), snapdate
    (``2026/11/24 21:40`` or None), change_data (``52M (0.5%)``), change_data_bytes,
    change_data_percent, synced_data, synced_data_bytes, synced_data_percent.
    """
    rows = []
    for line in output_lines(text):
        tokens = line.split()
        if len(tokens) < 7 or tokens[:2] == ['NAME', 'DG']:
            continue
        row = dict(zip(_LIST_KEYS, [_none(t) for t in tokens[:6]]))
        rest = tokens[6:]
        if rest[0] == '-':
            row['snapdate'], rest = None, rest[1:]
        elif _DATE.match(rest[0]) and len(rest) > 1:
            row['snapdate'], rest = '%s %s' % (rest[0], rest[1]), rest[2:]
        else:
            continue
        rest = _take_amount(rest, 'change_data', row)
        _take_amount(rest, 'synced_data', row)
        rows.append(row)
    return rows


def parse_vxsnap_print(text):
    """Rows of ``vxsnap [-g dg] print``: name, snapobject, type, parent, snapshot,
    dirty_percent, valid_percent (``--`` -> None). A continuation row (blank NAME column)
    takes the name of the row above it.
    """
    rows = []
    name = None
    for line in output_lines(text):
        tokens = line.split()
        if tokens[:2] == ['NAME', 'SNAPOBJECT']:
            continue
        if len(tokens) == 7 and not line[:1].isspace():
            name = tokens[0]
            values = tokens[1:]
        elif len(tokens) == 6 and line[:1].isspace() and name:
            values = tokens
        else:
            continue
        rows.append(dict(name=name, snapobject=_none(values[0]), type=_none(values[1]),
                         parent=_none(values[2]), snapshot=_none(values[3]),
                         dirty_percent=_percent(_none(values[4])),
                         valid_percent=_percent(_none(values[5]))))
    return rows


def _int(value):
    return int(value) if value is not None and value.isdigit() else None


def parse_vxcache_stat(text):
    """Rows of ``vxcache -g dg stat [co]`` [recon layout, issue 4 brief]:

    ``CACHE-OBJECT CACHEVOL REGIONSZ CACHESZ USED %USED AUTOGROW HWM STATE`` -> name,
    cache_volume, region_size, size, used (512-byte sectors), used_percent (int),
    autogrow (bool), highwatermark (int), state (ACTIVE, FULL...).
    """
    rows = []
    for line in output_lines(text):
        tokens = line.split()
        if len(tokens) != 9 or tokens[0] == 'CACHE-OBJECT' or not tokens[2].isdigit():
            continue
        rows.append(dict(name=tokens[0], cache_volume=tokens[1], region_size=_int(tokens[2]),
                         size=_int(tokens[3]), used=_int(tokens[4]),
                         used_percent=_int(tokens[5].rstrip('%')),
                         autogrow=tokens[6].lower() in ('on', 'yes', 'true'),
                         highwatermark=_int(tokens[7]), state=_none(tokens[8])))
    return rows
