# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The reads the VVR modules share: one command each, parsed by the pure parsers.

- ``read_rds``: ``vradmin -g <dg> -l repstatus <rvg>`` parsed (``vvr/_parse.py``), None when
  vradmin answers that the RVG does not exist.
- ``read_replication_records``: the disk group's volumes and RVGs from ``vxprint -g <dg> -htr``
  (the read the VxVM modules make), with ``replication_records`` as its pure part.
- ``poll_rds``: repstatus again and again until a condition holds or the time runs out.
  VVR has no command that waits for a synchronisation, so this polls: the first read at
  once, then after 1, 2, 4, 8 and every 10 seconds, never past the deadline.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re
import time

from ansible_collections.continuum.infoscale.plugins.module_utils._runner import CommandError
from ansible_collections.continuum.infoscale.plugins.module_utils.vvr._parse import parse_printrvg, parse_repstatus
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._read import _read_records
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._records import records_of

# V-codes of vradmin's "RVG <rvg> does not exist in disk group <dg>." [recon: no capture of
# this message has been found; the code is the simulator's reconstruction].
NO_RVG_VCODES = ('V-5-52-152',)

POLL_FIRST = 1
POLL_LONGEST = 10
POLL_SHORTEST = 0.2


def repstatus_argv(dg, rvg):
    return ['vradmin', '-g', dg, '-l', 'repstatus', rvg]


def read_rds(runner, dg, rvg):
    """``parse_repstatus`` of the RDS of ``rvg``; None when vradmin says the RVG does not exist.

    Any other error (disk group not imported, vradmind not answering) raises CommandError.
    """
    try:
        out = runner.read(repstatus_argv(dg, rvg))[1]
    except CommandError as exc:
        if exc.vcode in NO_RVG_VCODES:
            return None
        raise
    return parse_repstatus(out)


def printrvg_argv(dg, rvg):
    return ['vradmin', '-g', dg, 'printrvg', rvg]


def read_rds_sides(runner, dg, rvg):
    """``(printrvg, repstatus, notes)`` of the RDS of ``rvg`` as this node sees it (vvr_role).

    ``printrvg`` is parse_printrvg (this node's host is marked ``local``), ``repstatus``
    parse_repstatus of ``-l repstatus``, ``notes`` what both wrote on stderr (where vradmin says
    V-5-52-1205 when the Primary is unreachable). Any error, an unknown RVG too, raises CommandError.
    """
    printed, printed_err = runner.read(printrvg_argv(dg, rvg))[1:]
    status, status_err = runner.read(repstatus_argv(dg, rvg))[1:]
    return parse_printrvg(printed), parse_repstatus(status), '\n'.join([printed_err or '', status_err or ''])


def replication_records(records, dg):
    """``{volumes: {name: {length, rvg}}, rvgs: {name: {role, srl, datavols, rlinks}}}`` of ``dg``.

    From ``parse_vxprint`` records of ``vxprint -htr``: ``v`` rows (length in sectors, the
    RVG in the RVG/VSET/CO column), ``rv`` rows (``role`` is the PRIMARY column:
    ``primary`` or ``secondary``; ``datavols`` the volumes of the RVG other than its SRL, in
    vxprint order) and ``rl`` rows (``rlinks``: name and remote host).
    """
    volumes = {}
    rvgs = {}
    order = []
    for record in records_of(records, dg):
        kind = record.get('type')
        if kind == 'v':
            volumes[record['name']] = {'length': record.get('length'), 'rvg': record.get('rvg')}
            order.append(record['name'])
        elif kind == 'rv':
            rvgs[record['name']] = {'role': record.get('primary'), 'srl': record.get('srl'), 'datavols': [],
                                    'rlinks': []}
    for record in records_of(records, dg):
        if record.get('type') == 'rl' and (record.get('rvg') or record.get('assoc')) in rvgs:
            rvgs[record.get('rvg') or record.get('assoc')]['rlinks'].append(
                {'name': record['name'], 'remote_host': record.get('rem_host')})
    for name in order:
        rvg = volumes[name]['rvg']
        if rvg in rvgs and name != rvgs[rvg]['srl']:
            rvgs[rvg]['datavols'].append(name)
    for volume in volumes.values():
        if volume['rvg'] not in rvgs:
            volume['rvg'] = None
    return {'volumes': volumes, 'rvgs': rvgs}


def read_replication_records(runner, dg):
    """``replication_records`` of ``dg`` (one ``vxprint -g dg -htr``); PlanError when it is not imported here."""
    return replication_records(_read_records(runner, dg), dg)


_BEHIND = re.compile(r'(\d+)\s*Kbytes behind')


def backlog_kbytes(rds):
    """Kbytes the secondaries still lack, from their ``Logging to: SRL (N Kbytes behind, ...)``; None when not shown."""
    found = [int(m.group(1)) for m in (_BEHIND.search((s.get('logging_to') or '')) for s in (rds or {}).get('secondaries') or []) if m]
    return sum(found) if found else None


def poll_rds(runner, dg, rvg, done, timeout, first=None, sleep=None, clock=None):
    """Read the RDS until ``done(rds)`` holds or ``timeout`` seconds have passed.

    Between reads it sleeps 1, 2, 4, 8 then 10 seconds; once two reads show the backlog
    shrinking (Kbytes behind), it sleeps only until the backlog should be gone at that rate,
    so the wait ends close to the end of the drain rather than up to 10 seconds after it.
    ``first``: an RDS already read, looked at before any new read. Returns ``(rds, reached)``
    with the last RDS seen (None when the RVG went away). ``sleep`` and ``clock`` default to
    ``time.sleep`` and ``time.time``.
    """
    sleep = sleep or time.sleep
    clock = clock or time.time
    end = clock() + timeout
    interval = POLL_FIRST
    rds = first if first is not None else read_rds(runner, dg, rvg)
    seen = (clock(), backlog_kbytes(rds))
    while not (rds is not None and done(rds)):
        left = end - clock()
        if left <= 0:
            return rds, False
        pause = min(interval, left)
        now, behind = clock(), backlog_kbytes(rds)
        if behind is not None and seen[1] is not None and behind < seen[1] and now > seen[0]:
            rate = (seen[1] - behind) / (now - seen[0])
            pause = min(pause, max(POLL_SHORTEST, behind / rate))
        if behind is not None:
            seen = (now, behind)
        sleep(pause)
        interval = min(interval * 2, POLL_LONGEST)
        rds = read_rds(runner, dg, rvg)
    return rds, True
