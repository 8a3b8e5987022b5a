# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Pure parsers for Volume Replicator (VVR) command output: text -> data.

``vradmin repstatus`` (with and without ``-l``), ``vradmin printrvg``, ``vradmin printvol``
and ``vxrlink status``, plus small predicates on a parsed Secondary that the VVR modules
use before a migrate or a takeover. Shell prompts and blank lines are skipped (see
module_utils/_text.py); values are found by splitting on the first ``: `` of a line or on
whitespace, never by character offsets.

Shapes (every key listed here is always present; V(None) when its line is absent):

``parse_repstatus`` -> ``{rds, primary, secondaries, messages}``
  - ``primary``: None without a ``Primary:`` block, else ``host``, ``rvg``, ``dg``,
    ``rvg_state``, ``data_volumes`` (int), ``vsets`` (int), ``srl``, ``srl_size`` (as
    printed, ``278.38 G``), ``srl_size_bytes`` (int, K/M/G/T are 1024-based),
    ``total_secondaries`` (int).
  - ``secondaries``: one dict per ``Secondary:`` block, in order: ``host``, ``rvg``, ``dg``,
    ``rlink_from_primary``, ``rlink_to_primary``, ``configured_mode``,
    ``latency_protection``, ``srl_protection``, ``data_status``, ``replication_status``,
    ``current_mode``, ``logging_to``, ``timestamp`` (the ``Timestamp Information`` text as
    printed), ``lag_seconds`` (int from ``behind by  1h 2m 3s``, None for ``N/A``),
    ``bandwidth_limit`` (as printed: ``N/A``, ``30.00 Mbps``), ``compression_mode``.
  - Any other ``Label: value`` line of a block is kept under the label in snake case
    (``Last Update on Primary`` -> ``last_update_on_primary``), its value as printed.
  - ``messages``: the VxVM message lines (``VxVM VVR vradmin ... V-5-52-...``) as printed.

``parse_printrvg`` -> ``{rds, primary, secondaries, messages}``; each host is ``host``,
``rvg``, ``dg``, ``local`` (True when ``<localhost>`` follows the host name), plus the
other labels of ``-l`` in snake case (``datavol_cnt``, ``srl``...); a label with an empty
value followed by ``name=..., key=...`` lines (``RLinks:``) gives a list of dicts.
``parse_printrvg_all`` gives the list of every Replicated Data Set of a ``printrvg``
run without an RVG name.

``parse_printvol`` -> ``{rds, primary, secondary, secondaries, volumes, messages}``: the
rows before the first ``v`` row describe the hosts (``h`` -> ``host``, ``dg``, ``rv`` ->
``rvg``); each ``v`` row starts a volume: ``name``, ``size`` (``sz``, int, 512-byte
sectors as in vxprint), ``plexes`` (``pn``, int), ``flags`` (``fl`` as printed, ``DCM``),
``dcm`` (True when the flags hold ``DCM``), and ``secondary`` (the same keys for the first
SECONDARY column) and ``secondaries`` (every SECONDARY column). ``secondary`` is
``secondaries[0]`` (None when there is no such column). Rows with an unknown code are
kept under the code.

``parse_vxrlink_status`` -> ``{rlink, up_to_date, outstanding_writes, srl_kbytes,
srl_percent, autosync_remaining_kbytes, dcm_kbytes, messages}`` from the V-5-1-4640
(outstanding writes on the SRL), V-5-1-4464 (AUTOSYNC, Kbytes remaining), V-5-1-4348 (DCM
in use) messages and ``Rlink <name> is up to date``. Numbers that are not digits (the
documentation's ``<x>``) give None.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.continuum.infoscale.plugins.module_utils._text import output_lines, vcode

# "Label: value" or "Label:"; the label holds no colon, the value may ("Sep 26 14:44:07").
_LABEL = re.compile(r'^([A-Za-z][\w /()-]*?)\s*:(?:\s+(.*))?$')
_BYTES_PER = {'': 1, 'K': 1024, 'M': 1024 ** 2, 'G': 1024 ** 3, 'T': 1024 ** 4, 'P': 1024 ** 5}
_SIZE = re.compile(r'^(\d+(?:\.\d+)?)\s*([KMGTP]?)(B|bytes)?$', re.IGNORECASE)
# "behind by  0h 0m 0s" (two spaces after "by" in real output); days only in case.
_LAG = re.compile(r'behind by\s+(?:(\d+)d\s*)?(\d+)h\s*(\d+)m\s*(\d+)s', re.IGNORECASE)
_BLOCKS = {'Primary:': 'primary', 'Secondary:': 'secondary'}
_RDS_LABEL = 'replicated_data_set'

# snake-cased label -> key, where the key is not the label itself.
_KEYS = {
    'host_name': 'host',
    'rvg_name': 'rvg',
    'dg_name': 'dg',
    'srl_name': 'srl',
    'timestamp_information': 'timestamp',
}
PRIMARY_KEYS = ('host', 'rvg', 'dg', 'rvg_state', 'data_volumes', 'vsets', 'srl', 'srl_size',
                'srl_size_bytes', 'total_secondaries')
SECONDARY_KEYS = ('host', 'rvg', 'dg', 'rlink_from_primary', 'rlink_to_primary', 'configured_mode',
                  'latency_protection', 'srl_protection', 'data_status', 'replication_status',
                  'current_mode', 'logging_to', 'timestamp', 'lag_seconds', 'bandwidth_limit',
                  'compression_mode')
_INTEGERS = ('data_volumes', 'vsets', 'total_secondaries')
PRINTRVG_KEYS = ('host', 'rvg', 'dg', 'local')

_PRINTVOL_ROWS = {'h': 'host', 'dg': 'dg', 'rv': 'rvg', 'v': 'name', 'sz': 'size', 'pn': 'plexes', 'fl': 'flags'}
_PRINTVOL_INTEGERS = ('size', 'plexes')
VOLUME_KEYS = ('name', 'size', 'plexes', 'flags', 'dcm')
HOST_KEYS = ('host', 'dg', 'rvg')

_RLINK_WRITES = re.compile(
    r'Rlink (\S+) has (\S+) outstanding writes?, occupying (\S+) Kbytes \((\d+(?:\.\d+)?)%\) on the SRL')
_RLINK_AUTOSYNC = re.compile(r'Rlink (\S+) is in AUTOSYNC\.\s+(\S+) Kbytes remaining')
_RLINK_DCM = re.compile(r'DCM is in use on Rlink (\S+?)\.\s+DCM contains (\S+) Kbytes')
_RLINK_UP_TO_DATE = re.compile(r'Rlink (\S+?)\.? is up[- ]to[- ]date', re.IGNORECASE)


# --------------------------------------------------------------------------- values

def snake_key(label):
    """``Host name`` -> ``host_name``, ``HostName`` -> ``host_name``, ``VSets`` -> ``vsets``,
    ``Secondary up-to-date as of`` -> ``secondary_up_to_date_as_of``."""
    words = re.sub(r'([a-z0-9])([A-Z])', r'\1_\2', label.strip())
    return re.sub(r'[^a-z0-9]+', '_', words.lower()).strip('_')


def size_bytes(text):
    """Bytes of a size as vradmin prints it: ``278.38 G``, ``4.00 GB``, ``169728 Kbytes``.

    K, M, G, T (and P) are 1024-based; ``B`` or ``bytes`` alone means bytes. None for
    anything else, including a number without a unit.
    """
    match = _SIZE.match((text or '').strip())
    if not match:
        return None
    number, unit, suffix = match.groups()
    if not unit and not suffix:
        return None
    return int(round(float(number) * _BYTES_PER[unit.upper()]))


def lag_seconds(text):
    """Seconds from ``Timestamp Information``: ``behind by  1h 2m 3s`` -> 3723; None otherwise (``N/A``)."""
    match = _LAG.search(text or '')
    if not match:
        return None
    days, hours, minutes, seconds = (int(group or 0) for group in match.groups())
    return ((days * 24 + hours) * 60 + minutes) * 60 + seconds


def _int(value):
    if value is None:
        return None
    value = value.strip()
    return int(value) if value.isdigit() else None


def _number(value):
    """``17`` -> 17, ``17.5`` -> 17.5, anything else None."""
    if value is None:
        return None
    if value.isdigit():
        return int(value)
    try:
        return float(value)
    except ValueError:
        return None


def _is_message(line):
    return line.startswith('VxVM ') or vcode(line) is not None


def _pairs(text):
    """``name=rlk_london, detached=on, synchronous=off`` -> dict."""
    pairs = {}
    for word in re.split(r'[,\s]+', text):
        if '=' in word:
            key, value = word.split('=', 1)
            pairs[key] = value
    return pairs


# --------------------------------------------------------------------------- RDS blocks

def _new_set(name, messages):
    return {'rds': name, 'top': {}, 'blocks': [], 'messages': messages}


def _read_sets(text):
    """Replicated Data Sets of ``repstatus``/``printrvg`` output.

    Each: rds (name or None), top (labels outside Primary/Secondary blocks), blocks
    [(primary|secondary, {snake label: value})] in order, messages. Messages before the
    first set belong to it; output with only messages gives one set without a name.
    """
    sets = []
    current = None
    pending = []
    block = None
    open_key = None
    for line in output_lines(text):
        stripped = line.strip()
        if _is_message(stripped):
            (current['messages'] if current is not None else pending).append(stripped)
            continue
        if stripped in _BLOCKS:
            if current is None:
                current = _new_set(None, pending)
                sets.append(current)
            block = {}
            current['blocks'].append((_BLOCKS[stripped], block))
            open_key = None
            continue
        match = _LABEL.match(stripped)
        if match:
            key = snake_key(match.group(1))
            value = match.group(2)
            value = value.strip() if value and value.strip() else None
            if key == _RDS_LABEL:
                if current is not None and current['rds'] is None and not current['blocks']:
                    current['rds'] = value
                else:
                    current = _new_set(value, pending if current is None else [])
                    sets.append(current)
                block = None
                open_key = None
                continue
            if current is None:
                current = _new_set(None, pending)
                sets.append(current)
            target = block if block is not None else current['top']
            target[key] = value
            open_key = key if value is None else None
            continue
        if open_key is not None and '=' in stripped:
            target = block if block is not None else current['top']
            if not isinstance(target.get(open_key), list):
                target[open_key] = []
            target[open_key].append(_pairs(stripped))
    if not sets and pending:
        sets.append(_new_set(None, pending))
    return sets


def _keyed(block, defaults):
    side = dict.fromkeys(defaults)
    for key, value in block.items():
        side[_KEYS.get(key, key)] = value
    return side


def _document(rds_set, primary, secondary):
    """{rds, primary, secondaries, messages} plus the set's top-level labels."""
    document = {'rds': None, 'primary': None, 'secondaries': [], 'messages': []}
    if rds_set is None:
        return document
    for key, value in rds_set['top'].items():
        if key not in document:
            document[key] = value
    document['rds'] = rds_set['rds']
    document['messages'] = list(rds_set['messages'])
    for kind, block in rds_set['blocks']:
        if kind == 'primary':
            document['primary'] = primary(block)
        else:
            document['secondaries'].append(secondary(block))
    return document


# --------------------------------------------------------------------------- vradmin repstatus

def _repstatus_primary(block):
    primary = _keyed(block, PRIMARY_KEYS)
    for key in _INTEGERS:
        primary[key] = _int(primary[key])
    primary['srl_size_bytes'] = size_bytes(primary['srl_size'])
    return primary


def _repstatus_secondary(block):
    secondary = _keyed(block, SECONDARY_KEYS)
    secondary['lag_seconds'] = lag_seconds(secondary['timestamp'])
    return secondary


def parse_repstatus(text):
    """``vradmin [-l] repstatus <rvg>`` -> {rds, primary, secondaries, messages} (see the module doc)."""
    sets = _read_sets(text)
    return _document(sets[0] if sets else None, _repstatus_primary, _repstatus_secondary)


def _status_words(secondary):
    status = (secondary or {}).get('data_status') or ''
    return [word.strip().lower() for word in status.split(',') if word.strip()]


def data_consistent(secondary):
    """True when a parsed Secondary's ``Data status`` starts with ``consistent``.

    ``consistent, up-to-date``, ``consistent, behind`` and ``consistent, stale`` are
    consistent; ``inconsistent``, ``needs recovery``, ``N/A`` and a missing status are not.
    """
    return _status_words(secondary)[:1] == ['consistent']


def data_up_to_date(secondary):
    """True only for ``Data status: consistent, up-to-date``: nothing is left to send."""
    words = _status_words(secondary)
    return words[:1] == ['consistent'] and 'up-to-date' in words[1:]


def replicating(secondary):
    """True when ``Replication status`` is ``replicating`` (``replicating (connected)``).

    Paused, stopped, resync/autosync in progress, ``logging to DCM``, ``not replicating``
    and a missing status are False.
    """
    status = ' '.join(((secondary or {}).get('replication_status') or '').lower().split())
    return status == 'replicating' or status.startswith('replicating ')


# --------------------------------------------------------------------------- vradmin printrvg

def _printrvg_host(block):
    host = _keyed(block, PRINTRVG_KEYS)
    words = (host['host'] or '').split()
    local = '<localhost>' in words
    names = [word for word in words if word != '<localhost>']
    host['host'] = ' '.join(names) or None
    host['local'] = local
    return host


def _printrvg_document(rds_set):
    return _document(rds_set, _printrvg_host, _printrvg_host)


def parse_printrvg_all(text):
    """``vradmin [-l] printrvg`` without an RVG name: one document per Replicated Data Set."""
    return [_printrvg_document(rds_set) for rds_set in _read_sets(text)]


def parse_printrvg(text):
    """``vradmin [-l] printrvg <rvg>`` -> {rds, primary, secondaries, messages}.

    Each host: host, rvg, dg, local (True for the host marked ``<localhost>``) and the
    other labels in snake case. For output holding several sets, the first one (see
    parse_printrvg_all).
    """
    sets = _read_sets(text)
    return _printrvg_document(sets[0] if sets else None)


# --------------------------------------------------------------------------- vradmin printvol

def _printvol_value(key, value):
    if value is None or value == '-':
        return None
    if key in _PRINTVOL_INTEGERS:
        return _int(value)
    return value


def _with_dcm(side):
    flags = re.split(r'[,\s]+', (side.get('flags') or '').upper())
    side['dcm'] = 'DCM' in flags
    return side


def parse_printvol(text):
    """``vradmin printvol <rvg>`` (the ``TY PRIMARY SECONDARY`` table) -> dict (see the module doc).

    Rows before the ``TY`` header are skipped. A row with fewer cells than the header has
    columns fills the leftmost columns; one with more gives the last column the rest.
    """
    document = {'rds': None, 'primary': None, 'secondary': None, 'secondaries': [], 'volumes': [],
                'messages': []}
    columns = None
    volume = None
    for line in output_lines(text):
        stripped = line.strip()
        if _is_message(stripped):
            document['messages'].append(stripped)
            continue
        match = _LABEL.match(stripped)
        if match and snake_key(match.group(1)) == _RDS_LABEL:
            document['rds'] = (match.group(2) or '').strip() or None
            continue
        tokens = stripped.split()
        if tokens[0] == 'TY':
            columns = max(len(tokens) - 1, 1)
            document['primary'] = dict.fromkeys(HOST_KEYS)
            document['secondaries'] = [dict.fromkeys(HOST_KEYS) for index in range(columns - 1)]
            continue
        if columns is None or len(tokens) < 2:
            continue
        cells = tokens[1:]
        if len(cells) > columns:
            cells = cells[:columns - 1] + [' '.join(cells[columns - 1:])]
        cells = cells + [None] * (columns - len(cells))
        key = _PRINTVOL_ROWS.get(tokens[0], tokens[0])
        values = [_printvol_value(key, cell) for cell in cells]
        if key == 'name':
            sides = [_with_dcm(dict(dict.fromkeys(VOLUME_KEYS), name=value)) for value in values]
            volume = sides[0]
            volume['secondaries'] = sides[1:]
            document['volumes'].append(volume)
            continue
        targets = [volume] + volume['secondaries'] if volume is not None else (
            [document['primary']] + document['secondaries'])
        for target, value in zip(targets, values):
            target[key] = value
            if key == 'flags':
                _with_dcm(target)
    # copies, not the same dicts: shared objects would come out as YAML anchors
    for holder in [document] + document['volumes']:
        holder['secondary'] = dict(holder['secondaries'][0]) if holder['secondaries'] else None
    return document


# --------------------------------------------------------------------------- vxrlink status

def parse_vxrlink_status(text):
    """``vxrlink -g <dg> status <rlink>`` -> dict (see the module doc).

    ``up_to_date`` is True only when an ``is up to date`` message is present. When a
    message repeats (``-i`` interval output), the last one wins.
    """
    status = {'rlink': None, 'up_to_date': False, 'outstanding_writes': None, 'srl_kbytes': None,
              'srl_percent': None, 'autosync_remaining_kbytes': None, 'dcm_kbytes': None, 'messages': []}
    for line in output_lines(text):
        stripped = line.strip()
        status['messages'].append(stripped)
        match = _RLINK_WRITES.search(stripped)
        if match:
            status['rlink'] = match.group(1)
            status['outstanding_writes'] = _int(match.group(2))
            status['srl_kbytes'] = _int(match.group(3))
            status['srl_percent'] = _number(match.group(4))
            status['up_to_date'] = False
            continue
        match = _RLINK_AUTOSYNC.search(stripped)
        if match:
            status['rlink'] = match.group(1)
            status['autosync_remaining_kbytes'] = _int(match.group(2))
            status['up_to_date'] = False
            continue
        match = _RLINK_DCM.search(stripped)
        if match:
            status['rlink'] = match.group(1)
            status['dcm_kbytes'] = _int(match.group(2))
            status['up_to_date'] = False
            continue
        match = _RLINK_UP_TO_DATE.search(stripped)
        if match:
            status['rlink'] = match.group(1)
            status['up_to_date'] = True
    return status
