# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Pure parsers for VxVM command output (vxdisk, vxdg, vxprint, vxassist): text -> data.

Columns are always found by splitting on whitespace, never by character offsets: long
names push the columns of real output to the right. Lines a parser does not recognise
are skipped, so a banner, a shell prompt or a stray message never makes it fail.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

# is_prompt, output_lines and vcode live in module_utils/_text.py (shared with the VCS
# parsers); they stay importable from here.
from ansible_collections.continuum.infoscale.plugins.module_utils._text import (  # noqa: F401 pylint: disable=unused-import
    is_prompt, output_lines, vcode)

# --------------------------------------------------------------------------- common

_MAXSIZE = re.compile(r'Maximum volume size:\s*(\d+)')
_SIZE = re.compile(r'^(\d+(?:\.\d+)?)([skmgtSKMGT]?)$')
_SECTORS_PER = {'': 1, 's': 1, 'k': 2, 'm': 2048, 'g': 2048 * 1024, 't': 2048 * 1024 * 1024}


def _dash(value):
    return None if value == '-' else value


def to_sectors(value):
    """Sectors for a vxprint length: ``62914560`` or, with ``-u``, ``1024.00m``.

    None for ``-`` and for anything that is not a length (for example ``LOGONLY``).
    """
    if value is None:
        return None
    match = _SIZE.match(value)
    if not match:
        return None
    number, unit = match.groups()
    if unit or '.' in number:
        return int(round(float(number) * _SECTORS_PER[unit.lower()]))
    return int(number)


def _to_int(value):
    if value is None or not value.isdigit():
        return None
    return int(value)


def parse_maxsize(text):
    """Sectors from ``vxassist maxsize``: ``Maximum volume size: 3840000 (1875Mb)``.

    None when the text has no such line (for example V-5-1-15809 "No free space").
    """
    match = _MAXSIZE.search(text or '')
    return int(match.group(1)) if match else None


# --------------------------------------------------------------------------- vxdisk list

_DISK_TYPES = ('auto', 'simple', 'sliced', 'nopriv', 'cdsdisk', 'none')


def _is_disk_type(token):
    # auto:cdsdisk, auto:none, auto:LVM, auto:ZFS, auto [samples]; simple, sliced, nopriv
    # and "-" for a failed disk that lost its device [gk]. Anything else ("-g", "14G" in
    # pasted sessions) is not a vxdisk row.
    return token == '-' or ':' in token or token in _DISK_TYPES


def parse_vxdisk_list(text):
    """Rows of ``vxdisk list``, ``vxdisk -o alldgs list`` and ``vxdisk -e list``.

    Each row: device, type, disk, group, status (all words after GROUP), deported
    (True when GROUP is shown in parentheses), plus any extra header columns after
    STATUS (``os_native_name``, ``attr``), each taking one word from the right.
    ``-`` becomes None.
    """
    extra = []
    rows = []
    for line in output_lines(text):
        tokens = line.split()
        if tokens[:2] == ['DEVICE', 'TYPE']:
            extra = [name.lower() for name in tokens[5:]]
            continue
        if len(tokens) < 5 + len(extra) or not _is_disk_type(tokens[1]):
            continue
        group = tokens[3]
        deported = group.startswith('(') and group.endswith(')') and len(group) > 2
        if deported:
            group = group[1:-1]
        # STATUS has several words; the -e columns after it one word each [gk for ATTR]
        status_end = len(tokens) - len(extra)
        row = dict(
            device=_dash(tokens[0]),
            type=_dash(tokens[1]),
            disk=_dash(tokens[2]),
            group=_dash(group),
            status=_dash(' '.join(tokens[4:status_end])),
            deported=deported,
        )
        for name, value in zip(extra, tokens[status_end:]):
            row[name] = _dash(value)
        rows.append(row)
    return rows


# --------------------------------------------------------------------------- key: value details

# "label: value"; a label has at most three words, so a message such as
# "VxVM vxdisk ERROR V-5-1-558 Disk sdq: Disk not in the configuration" is not one.
_KEY_VALUE = re.compile(r'^([A-Za-z][\w-]*(?: [\w-]+){0,2}):(?:\s+(.*))?$')
_PATH = re.compile(r'^(\S+)\s+(state=\S+.*)$')


def _key(name):
    return re.sub(r'[\s-]+', '_', name.strip().lower())


def _pairs(text):
    """``name=disk_0 id=17.8.host`` -> {'name': 'disk_0', 'id': '17.8.host'}."""
    pairs = {}
    for word in text.split():
        if '=' in word:
            key, value = word.split('=', 1)
            pairs[key] = value
    return pairs


def parse_vxdisk_detail(text):
    """``vxdisk list <da>`` -> dict.

    Keys are the lowercased labels with ``_`` for spaces/dashes (``Device`` -> ``device``),
    values the text after the colon, except: ``disk`` and ``group`` -> dicts of their
    ``key=value`` words, ``flags`` -> list of words, ``numpaths`` -> int, the lines under
    ``Multipathing information:`` -> ``paths`` [{path, state, ...}], the lines under
    ``Defined regions:`` -> ``defined_regions`` (list of stripped lines).
    """
    detail = {}
    block = None
    for line in output_lines(text):
        if block == 'defined_regions' and line[:1].isspace():
            detail['defined_regions'].append(line.strip())
            continue
        if block == 'paths':
            path = _PATH.match(line.strip())
            if path:
                entry = dict(path=path.group(1))
                entry.update(_pairs(path.group(2)))
                detail['paths'].append(entry)
                continue
        match = _KEY_VALUE.match(line)
        if not match:
            continue
        key, value = _key(match.group(1)), (match.group(2) or '').strip()
        if key == 'numpaths':
            detail[key] = _to_int(value)
            continue
        block = None
        if key == 'multipathing_information':
            block = 'paths'
            detail.setdefault('paths', [])
        elif key == 'defined_regions':
            block = key
            detail.setdefault(key, [])
        elif key in ('disk', 'group'):
            detail[key] = _pairs(value)
        elif key == 'flags':
            detail[key] = value.split()
        else:
            detail[key] = value
    return detail


# --------------------------------------------------------------------------- vxdg

_DG_ID = re.compile(r'^\d+\.\d+\.\S+$')
_DG_STATE = re.compile(r'^[a-z_-]+(?:,[a-z_-]+)*$')


def parse_vxdg_list(text):
    """Rows of ``vxdg list``: name, state (list of words), id, enabled, shared, cds."""
    rows = []
    for line in output_lines(text):
        tokens = line.split()
        if len(tokens) != 3 or not _DG_STATE.match(tokens[1]) or not _DG_ID.match(tokens[2]):
            continue
        state = tokens[1].split(',')
        rows.append(dict(name=tokens[0], state=state, id=tokens[2],
                         enabled='enabled' in state, shared='shared' in state,
                         cds='cds' in state))
    return rows


def parse_vxdg_detail(text):
    """``vxdg list <dg>`` -> dict.

    Keys are the lowercased labels with ``_`` for spaces/dashes (``import-id`` ->
    ``import_id``), values the text after the colon; ``name`` repeats ``group``;
    ``flags`` is a list of words; ``config disk …`` and ``log disk …`` lines become
    ``config_disks`` / ``log_disks``: [{disk, copy, len, state}] (state only for config).
    """
    detail = {'config_disks': [], 'log_disks': []}
    for line in output_lines(text):
        tokens = line.split()
        if len(tokens) >= 3 and tokens[0] in ('config', 'log') and tokens[1] == 'disk':
            entry = dict(disk=tokens[2], copy=None, len=None)
            if tokens[3:4] == ['copy'] and len(tokens) > 4:
                entry['copy'] = _to_int(tokens[4])
            rest = ' '.join(tokens[5:])
            if 'len=' in rest:
                entry['len'] = _to_int(_pairs(rest).get('len'))
            if tokens[0] == 'config':
                state = rest.split('state=', 1)[1] if 'state=' in rest else None
                entry['state'] = state
                detail['config_disks'].append(entry)
            else:
                detail['log_disks'].append(entry)
            continue
        match = _KEY_VALUE.match(line)
        if not match:
            continue
        key, value = _key(match.group(1)), (match.group(2) or '').strip()
        if key == 'flags':
            detail[key] = value.split()
        else:
            detail[key] = value
        if key == 'group':
            detail['name'] = value
    return detail


# --------------------------------------------------------------------------- vxprint

# Columns of each record type in the -t/-ht forms, as printed in the -ht header block
# [sample: vxprint_htr_1]. Used when the output has no header for a type (vxprint -t
# without -h, sample vxprint_t_um_1). A header in the output replaces these.
_HT_HEADERS = {
    'dg': 'NAME NCONFIG NLOG MINORS GROUP-ID',
    'st': 'NAME STATE DM_CNT SPARE_CNT APPVOL_CNT',
    'dm': 'NAME DEVICE TYPE PRIVLEN PUBLEN STATE',
    'rv': 'NAME RLINK_CNT KSTATE STATE PRIMARY DATAVOLS SRL',
    'rl': 'NAME RVG KSTATE STATE REM_HOST REM_DG REM_RLNK',
    'co': 'NAME CACHEVOL KSTATE STATE',
    'vt': 'NAME RVG KSTATE STATE NVOLUME',
    'v': 'NAME RVG/VSET/CO KSTATE STATE LENGTH READPOL PREFPLEX UTYPE',
    'pl': 'NAME VOLUME KSTATE STATE LENGTH LAYOUT NCOL/WID MODE',
    'sd': 'NAME PLEX DISK DISKOFFS LENGTH [COL/]OFF DEVICE MODE',
    'sv': 'NAME PLEX VOLNAME NVOLLAYR LENGTH [COL/]OFF AM/NM MODE',
    'sc': 'NAME PLEX CACHE DISKOFFS LENGTH [COL/]OFF DEVICE MODE',
    'dc': 'NAME PARENTVOL LOGVOL',
    'sp': 'NAME SNAPVOL DCO',
    'ex': 'NAME ASSOC VC PERMS MODE STATE',
    'sr': 'NAME KSTATE',
}
# The default form (vxprint -g dg, i.e. -fhrA) uses one header for every type.
_DEFAULT_HEADER = 'NAME ASSOC KSTATE LENGTH PLOFFS STATE TUTIL0 PUTIL0'

# Header words whose key is not simply the lowercased word.
_COLUMN_KEYS = {
    'RVG/VSET/CO': 'rvg',
    'NCOL/WID': 'ncol/wid',
    '[COL/]OFF': 'col/off',
    'AM/NM': 'am_nm',
    'GROUP-ID': 'group_id',
}
# The column that is the record's association, per type, in the -t/-ht forms.
_ASSOC = {
    'v': 'rvg', 'pl': 'volume', 'sd': 'plex', 'sv': 'plex', 'sc': 'plex', 'dm': 'device',
    'rl': 'rvg', 'vt': 'rvg', 'co': 'cachevol', 'dc': 'parentvol', 'sp': 'snapvol',
    'ex': 'assoc',
}
_SIZE_FIELDS = frozenset(('length', 'publen', 'privlen', 'diskoffs', 'ploffs'))
_INT_FIELDS = frozenset(('nvollayr', 'rlink_cnt', 'datavols', 'nvolume', 'dm_cnt',
                         'spare_cnt', 'appvol_cnt', 'minors'))
_KSTATES = frozenset(('ENABLED', 'DISABLED', 'DETACHED', 'CONNECT', 'DISCONNECT', '-'))
# Usage types shown in the ASSOC column of a default-form v row; any other word there is
# the RVG or volume set the volume belongs to [gk].
_USAGE_TYPES = frozenset(('fsgen', 'gen', 'raid5', 'root', 'swap', 'rootdisk'))
_LAYERED_TYPE = re.compile(r'^([vps])(\d)$')
_LAYERED_BASE = {'v': 'v', 'p': 'pl', 's': 'sd'}


class _Schema(object):
    """Column keys of one record type in one output form, and which of them to convert."""

    __slots__ = ('columns', 'sizes', 'ints', 'pairs', 'default_form')

    def __init__(self, header_words, rec_type, default_form=False):
        columns = []
        for word in header_words:
            key = _COLUMN_KEYS.get(word, word.lower())
            if rec_type == 'dm' and key == 'type':
                key = 'dm_type'
            columns.append(key)
        self.columns = columns
        self.sizes = [key for key in columns if key in _SIZE_FIELDS]
        self.ints = [key for key in columns if key in _INT_FIELDS]
        self.pairs = [key for key in columns if key in ('ncol/wid', 'col/off')]
        self.default_form = default_form


_BUILTIN_SCHEMAS = dict((t, _Schema(h.split(), t)) for t, h in _HT_HEADERS.items())
_DEFAULT_SCHEMA = _Schema(_DEFAULT_HEADER.split(), None, default_form=True)


def _base_type(rec_type):
    """Schema type of a record type: v2/p2/s2 (layered sub-level records) -> v/pl/sd."""
    if rec_type in _BUILTIN_SCHEMAS:
        return rec_type
    match = _LAYERED_TYPE.match(rec_type)
    if match:
        return _LAYERED_BASE[match.group(1)]
    return None


def _looks_default(tokens):
    """A header-less row printed in the default form (``vxprint -q``) rather than -t:
    KSTATE in the 3rd column, then LENGTH (or ``-`` ``-`` for dg/dm-like rows).

    [recon] heuristic: no capture of header-less default-form output exists.
    """
    if len(tokens) != 9 or tokens[3] not in _KSTATES:
        return False
    if tokens[4] == '-':
        return tokens[5] == '-'
    return _SIZE.match(tokens[4]) is not None


def _split_pair(value):
    """``8/128`` -> ('8', '128'); ``0`` -> (None, '0'); None -> (None, None)."""
    if value is None:
        return None, None
    if '/' in value:
        first, second = value.split('/', 1)
        return _dash(first), _dash(second)
    return None, value


def _record(rec_type, base, schema, tokens, dg):
    columns = schema.columns
    values = tokens[1:]
    if len(values) > len(columns):
        values = values[:len(columns) - 1] + [' '.join(values[len(columns) - 1:])]
    record = {'type': rec_type}
    for key, value in zip(columns, values):
        record[key] = None if value == '-' else value
    for key in columns[len(values):]:
        record[key] = None
    if base == 'pl':
        # a DRL/log-only plex shows LOGONLY as its length [gk]
        record['log'] = record.get('state') == 'LOG' or record.get('length') == 'LOGONLY'
    for key in schema.sizes:
        record[key] = to_sectors(record[key])
    for key in schema.ints:
        record[key] = _to_int(record[key])
    for key in schema.pairs:
        first, second = _split_pair(record.pop(key))
        if key == 'ncol/wid':
            record['ncol'], record['width'] = _to_int(first), to_sectors(second)
        else:
            record['column'], record['offset'] = _to_int(first), to_sectors(second)
    if schema.default_form:
        _default_aliases(base, record)
    else:
        record['assoc'] = record.get(_ASSOC.get(base, ''))
    if base == 'dg':
        record['assoc'] = record['name']
    elif base == 'dm':
        record['length'] = record.get('publen')
    if 'kstate' not in record:
        record['kstate'] = None
    if 'state' not in record:
        record['state'] = None
    if 'length' not in record:
        record['length'] = None
    record['dg'] = dg
    return record


def _default_aliases(base, record):
    """Give default-form rows the type-specific names of the -ht form where they exist."""
    assoc = record.get('assoc')
    if base == 'v':
        in_set = assoc is not None and assoc not in _USAGE_TYPES
        record['utype'] = None if in_set else assoc
        record['rvg'] = assoc if in_set else None
    elif base == 'pl':
        record['volume'] = assoc
    elif base in ('sd', 'sv', 'sc'):
        record['plex'] = assoc
    elif base == 'dm':
        record['device'] = assoc
        record['publen'] = record.get('length')
    elif base in ('rl', 'vt'):
        record['rvg'] = assoc
    elif base == 'dc':
        record['parentvol'] = assoc


def parse_vxprint(text):
    """Records of ``vxprint`` output: default form (``TY NAME ASSOC …`` header), ``-ht``/
    ``-htr`` (header block per type), ``-t`` without headers, any of them with ``-u <unit>``.

    Every record has type, name, assoc, kstate, length (sectors, int or None), state, dg,
    plus the columns of its type under lowercase names (see ``_HT_HEADERS``; ``NCOL/WID``
    -> ncol, width; ``[COL/]OFF`` -> column, offset; ``RVG/VSET/CO`` -> rvg; the dm TYPE
    column -> dm_type; pl rows also get ``log``: True for a log-only plex). ``-`` becomes
    None. dg is the disk group of the last ``Disk group:`` line or dg record, else None.
    """
    records = []
    dg = None
    schemas = {}
    default_form = False
    for line in output_lines(text):
        tokens = line.split()
        first = tokens[0]
        base = _base_type(first)
        if base is None:
            if first == 'Disk' and line.startswith('Disk group:'):
                dg = line[len('Disk group:'):].strip() or None
            elif len(tokens) > 1 and tokens[1] == 'NAME' and first.isupper():
                if first == 'TY':
                    default_form = True
                else:
                    schemas[first.lower()] = _Schema(tokens[1:], first.lower())
                    default_form = False
            continue
        if len(tokens) < 2:
            continue
        if default_form:
            schema = _DEFAULT_SCHEMA
        elif base in schemas:
            schema = schemas[base]
        elif _looks_default(tokens):
            schema = _DEFAULT_SCHEMA
        else:
            schema = _BUILTIN_SCHEMAS[base]
        if base == 'dg':
            dg = tokens[1]
        records.append(_record(first, base, schema, tokens, dg))
    return records


def parse_vxprint_format(text, fields):
    """Rows of ``vxprint -F`` output, one per line, split on whitespace.

    ``fields`` names the columns: a list (``['name', 'devopen']``) or the format string
    itself (``'%name %devopen'``, ``'%{name} %{len}'``). The last field takes the rest of
    the line; missing fields are None. Values stay text.
    """
    if isinstance(fields, str):
        fields = [re.sub(r'^%\{?([^}:]*).*$', r'\1', word) for word in fields.split()]
    fields = list(fields)
    if not fields:
        raise ValueError('parse_vxprint_format needs at least one field name')
    rows = []
    for line in output_lines(text):
        if line.startswith('Disk group:'):
            continue
        values = line.split(None, len(fields) - 1)
        row = dict(zip(fields, values))
        for name in fields[len(values):]:
            row[name] = None
        rows.append(row)
    return rows
