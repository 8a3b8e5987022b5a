# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Pure planning for ``vvr_rvg``: (replicated data set as read, request) -> ordered commands.

Nothing here runs a command. The module reads the disk group (``vxprint -g dg -htr``, see
``vvr/_read.py``) and, when the RVG is there, ``vradmin -l repstatus``; ``plan_rvg`` turns
that and the request into an ``RvgPlan``: the argv lists in order, the undo of each
configuration command (so a failed ``addsec`` can leave the estate as it was), the view of
the RDS before and after, and warnings.

``current``: ``{volumes: {name: {length, rvg}}, rvgs: {name: {role, srl, datavols}},
rds: parse_repstatus(...) or None}``.

``request`` (checked with ``request_problems`` first): ``diskgroup``, ``name``, ``volumes``
(list or None), ``srl`` (None: ``<name>_srl`` for a new RVG, the RVG's own otherwise),
``srl_size`` (VxVM length text or None), ``primary``, ``secondaries`` (list of ``{host,
mode: sync|async|None, bandwidth_limit: text|None}``), ``state``, ``force``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.continuum.infoscale.plugins.module_utils._names import name_problem
from ansible_collections.continuum.infoscale.plugins.module_utils._result import Plan, PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils.vvr._parse import (
    data_up_to_date, replicating)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._size import SizeError, parse_size

STATES = ('present', 'absent', 'started', 'stopped', 'paused')
MODES = ('sync', 'async')
# mode -> the addsec / set attribute (override: synchronous while connected, asynchronous
# while the link is down, so the application never stops for the network).
SYNCHRONOUS = {'sync': 'override', 'async': 'off'}
CONFIGURED_MODES = {'synchronous': 'sync', 'asynchronous': 'async'}

STARTED = 'started'
PAUSED = 'paused'
STOPPED = 'stopped'
# Replication status (as printed) -> phase. Anything else (needs failback synchronization,
# failback resync in progress, secondary config error, not replicating) belongs to a role
# change: this module leaves it to vvr_role.
_RUNNING = ('replicating', 'resync in progress', 'logging to dcm', 'paused due to', 'primary paused')

_BANDWIDTH = re.compile(r'^(\d+(?:\.\d+)?)\s*(bps|kbps|mbps|gbps)?$', re.IGNORECASE)
_BANDWIDTH_UNITS = {'': 1, 'bps': 1, 'kbps': 10 ** 3, 'mbps': 10 ** 6, 'gbps': 10 ** 9}


class RvgPlan(Plan):
    """A Plan with, per command index, the command that undoes it (configuration only),
    the index of the first replication-state command, and warnings."""

    def __init__(self, commands=None, before=None, after=None):
        super(RvgPlan, self).__init__(commands, before, after)
        self.undo = {}
        self.configuration_end = 0
        self.warnings = []

    def add(self, argv, undo=None):
        if undo is not None:
            self.undo[len(self.commands)] = list(undo)
        self.commands.append(list(argv))


# --------------------------------------------------------------------------- values

def replication_phase(secondary):
    """``started``, ``paused`` (by the user), ``stopped`` or None (a role change's status)."""
    status = ' '.join(((secondary or {}).get('replication_status') or '').lower().split())
    if status.startswith('stopped'):
        return STOPPED
    if status.startswith('paused by user'):
        return PAUSED
    if status.startswith(_RUNNING):
        return STARTED
    return None


def parse_bandwidth(text):
    """``30mbps`` -> ('30mbps', 30000000); ``none`` -> ('none', None). PlanError otherwise.

    Units are bits per second, decimal: bps (default), kbps, mbps, gbps.
    """
    raw = str(text).strip()
    if raw.lower() == 'none':
        return 'none', None
    match = _BANDWIDTH.match(raw)
    if not match or float(match.group(1)) <= 0:
        raise PlanError('bandwidth_limit %r is not a rate: use a number with bps, kbps, mbps or gbps '
                        '(for example 30mbps), or none for no limit' % (text,))
    unit = (match.group(2) or '').lower()
    return match.group(1) + (unit or 'bps'), int(round(float(match.group(1)) * _BANDWIDTH_UNITS[unit]))


def shown_bandwidth(text):
    """``Bandwidth Limit`` of repstatus -> bits/s: ``30.00 Mbps`` -> 30000000, ``N/A`` -> None."""
    match = _BANDWIDTH.match((text or '').strip().replace(' ', ''))
    if not match:
        return None
    return int(round(float(match.group(1)) * _BANDWIDTH_UNITS[(match.group(2) or '').lower()]))


def same_bandwidth(shown, wanted):
    """True when a shown limit (bits/s, rounded to 0.01 Mbps by vradmin) is the wanted one."""
    if shown is None or wanted is None:
        return shown == wanted
    return abs(shown - wanted) <= max(5000, wanted * 0.005)


def synchronized(secondary):
    """Data ``consistent, up-to-date`` and replication ``replicating``: what a wait waits for."""
    return data_up_to_date(secondary) and replicating(secondary)


def needs_resync(secondary):
    """``logging to DCM (needs dcm resynchronization)``: the SRL overflowed and no wait ends this;
    ``vradmin resync`` does."""
    status = ' '.join(((secondary or {}).get('replication_status') or '').lower().split())
    return status.startswith('logging to dcm')


def not_synchronized(rds):
    """The secondaries of a parsed repstatus that are not ``synchronized``."""
    return [secondary for secondary in (rds or {}).get('secondaries') or [] if not synchronized(secondary)]


# --------------------------------------------------------------------------- request

def request_problems(request):
    """Problems of the request alone (names, values), in order; nothing has been read yet."""
    state = request['state']
    pairs = [('disk group', request['diskgroup']), ('RVG', request['name']), ('host', request['primary'])]
    pairs += [('volume', volume) for volume in request['volumes'] or []]
    if request['srl'] is not None:
        pairs.append(('volume', request['srl']))
    problems = []
    for kind, value in pairs:
        problem = name_problem(kind, value)
        if problem:
            problems.append(problem)
    volumes = request['volumes'] or []
    twice = sorted(set(volume for volume in volumes if volumes.count(volume) > 1))
    if twice:
        problems.append('volumes lists %s more than once' % ', '.join(twice))
    if request['volumes'] is not None and not volumes and state != 'absent':
        problems.append('volumes must name at least one data volume')
    srl = request['srl'] or '%s_srl' % request['name']
    if srl in volumes:
        problems.append('the SRL %s cannot also be a data volume' % srl)
    if request['srl_size'] is not None:
        try:
            parse_size(request['srl_size'])
        except SizeError as exc:
            problems.append('srl_size: %s' % exc)
    hosts = []
    for secondary in request['secondaries'] or []:
        host = secondary.get('host')
        problem = name_problem('host', host)
        if problem:
            problems.append('secondaries: %s' % problem)
            continue
        if host == request['primary']:
            problems.append('secondary %s is the primary host' % host)
        if host in hosts:
            problems.append('secondary %s is listed more than once' % host)
        hosts.append(host)
        if secondary.get('mode') not in (None,) + MODES:
            problems.append('secondary %s: mode must be sync or async, not %s' % (host, secondary['mode']))
        if secondary.get('bandwidth_limit') is not None:
            try:
                parse_bandwidth(secondary['bandwidth_limit'])
            except PlanError as exc:
                problems.append('secondary %s: %s' % (host, exc))
    return problems


# --------------------------------------------------------------------------- views

def _mode(secondary):
    configured = (secondary.get('configured_mode') or '').strip().lower()
    return CONFIGURED_MODES.get(configured, configured or None)


def secondary_view(secondary):
    phase = replication_phase(secondary)
    return {
        'host': secondary.get('host'),
        'mode': _mode(secondary),
        'replication': phase or secondary.get('replication_status'),
        'bandwidth_limit_bps': shown_bandwidth(secondary.get('bandwidth_limit')),
    }


def rds_view(request, current, statuses=False):
    """The RDS as the module shows it ({} when there is none): rvg, diskgroup, primary,
    volumes, srl and secondaries (host, mode, replication, bandwidth_limit_bps, and with
    ``statuses`` data_status and replication_status as printed)."""
    rds = current.get('rds')
    if not rds or not rds.get('primary'):
        return {}
    local = current['rvgs'].get(request['name']) or {}
    secondaries = []
    for secondary in rds['secondaries']:
        view = secondary_view(secondary)
        if statuses:
            view.update(data_status=secondary.get('data_status'),
                        replication_status=secondary.get('replication_status'))
        secondaries.append(view)
    return {
        'rvg': request['name'],
        'diskgroup': request['diskgroup'],
        'primary': rds['primary'].get('host'),
        'volumes': list(local.get('datavols') or []),
        'srl': rds['primary'].get('srl') or local.get('srl'),
        'secondaries': secondaries,
    }


def with_statuses(view):
    """A predicted view with data_status / replication_status None (not read)."""
    if not view:
        return {}
    view = dict(view)
    view['secondaries'] = [dict(secondary, data_status=None, replication_status=None)
                           for secondary in view.get('secondaries', [])]
    return view


# --------------------------------------------------------------------------- planning

def plan_rvg(request, current, open_volumes=set):
    """An RvgPlan for the request (see the module doc); PlanError when it cannot be done.

    ``open_volumes()`` gives the open (in use) volumes of the disk group; it is called only
    to remove an existing RDS.
    """
    name = request['name']
    rds = current.get('rds')
    local = current['rvgs'].get(name)
    if local is not None and local.get('role') != 'primary':
        primary = ((rds or {}).get('primary') or {}).get('host')
        raise PlanError('RVG %s on this node is a %s RVG%s: run the task on the Primary\'s node'
                        % (name, local.get('role') or 'non-Primary',
                           ' (the Primary is %s)' % primary if primary else ''))
    if local is not None and (not rds or not rds.get('primary')):
        raise PlanError('vradmin repstatus of %s in %s shows no Primary: %s'
                        % (name, request['diskgroup'], ' '.join((rds or {}).get('messages') or []) or 'no output'))
    if rds is not None and rds['primary'].get('host') != request['primary']:
        raise PlanError('the Primary of RDS %s is %s, not %s: change roles with continuum.infoscale.vvr_role, '
                        'or ask for primary=%s' % (name, rds['primary'].get('host'), request['primary'],
                                                   rds['primary'].get('host')))
    before = rds_view(request, dict(current, rds=rds))
    if request['state'] == 'absent':
        plan = _plan_absent(request, before, open_volumes)
    else:
        plan = _plan_present(request, current, before)
    plan.before = before
    return plan


def _dg_args(request):
    return ['vradmin', '-g', request['diskgroup']]


def _plan_absent(request, before, open_volumes):
    plan = RvgPlan(after={})
    if not before:
        return plan
    name = request['name']
    busy = sorted(set(before['volumes']) & set(open_volumes()))
    if busy:
        raise PlanError('RDS %s is in use: data volume%s %s %s open; stop what uses %s (unmount, stop the '
                        'application) before removing the RDS' % (
                            name, 's' if len(busy) > 1 else '', ', '.join(busy),
                            'are' if len(busy) > 1 else 'is', 'them' if len(busy) > 1 else 'it'))
    running = [secondary['host'] for secondary in before['secondaries'] if secondary['replication'] != STOPPED]
    if running and not request['force']:
        raise PlanError('replication of RDS %s to %s is not stopped: set force=true to stop it and remove the '
                        'RDS (the data volumes are kept)' % (name, ', '.join(running)))
    vradmin = _dg_args(request)
    for host in running:
        plan.add(vradmin + ['stoprep', name, host])
    for secondary in before['secondaries']:
        plan.add(vradmin + ['delsec', name, secondary['host']])
    plan.add(vradmin + ['delpri', name])
    plan.configuration_end = len(plan.commands)
    return plan


def _check_volumes(request, current, srl):
    volumes = current['volumes']
    name = request['name']
    wanted = request['volumes'] or []
    problems = []
    missing = [volume for volume in wanted if volume not in volumes]
    if missing:
        problems.append('%s not in disk group %s on the Primary: create %s first (continuum.infoscale.vxvm_volume)'
                        % (_volume_words(missing), request['diskgroup'], 'them' if len(missing) > 1 else 'it'))
    for volume in wanted + [srl]:
        other = (volumes.get(volume) or {}).get('rvg')
        if other in current['rvgs'] and other != name:
            problems.append('volume %s already belongs to RVG %s' % (volume, other))
    if problems:
        raise PlanError('; '.join(problems))


def _volume_words(names):
    if len(names) == 1:
        return 'volume %s is' % names[0]
    return 'volumes %s are' % ', '.join(names)


def _srl_of(request, rds):
    if rds is None:
        return request['srl'] or '%s_srl' % request['name']
    srl = rds['primary'].get('srl')
    if request['srl'] is not None and request['srl'] != srl:
        raise PlanError('RVG %s uses the SRL %s, not %s: the SRL of an existing RVG is not changed'
                        % (request['name'], srl, request['srl']))
    return srl


def _plan_present(request, current, before):
    name = request['name']
    rds = current['rds'] if before else None
    vradmin = _dg_args(request)
    plan = RvgPlan()
    srl = _srl_of(request, rds)
    if rds is None and not request['volumes']:
        raise PlanError('volumes is required to create RVG %s (its data volumes)' % name)
    _check_volumes(request, current, srl)
    if rds is None:
        if srl not in current['volumes']:
            if request['srl_size'] is None:
                raise PlanError('the SRL %s does not exist in disk group %s: give srl_size to create it, or srl to '
                                'name an existing volume' % (srl, request['diskgroup']))
            plan.add(['vxassist', '-g', request['diskgroup'], 'make', srl, request['srl_size']],
                     undo=['vxassist', '-g', request['diskgroup'], 'remove', 'volume', srl])
        plan.add(vradmin + ['createpri', name, ','.join(request['volumes']), srl], undo=vradmin + ['delpri', name])
        volumes = list(request['volumes'])
        secondaries = []
    else:
        volumes = list(before['volumes'])
        for volume in request['volumes'] or []:
            if volume not in volumes:
                plan.add(vradmin + ['addvol', name, volume])
                volumes.append(volume)
        extra = [volume for volume in volumes if request['volumes'] and volume not in request['volumes']]
        if extra:
            plan.warnings.append('RVG %s also replicates %s, not in volumes; %s left in the RVG'
                                 % (name, ', '.join(extra), 'they are' if len(extra) > 1 else 'it is'))
        secondaries = [dict(secondary) for secondary in before['secondaries']]
    _plan_secondaries(request, plan, secondaries)
    plan.configuration_end = len(plan.commands)
    _plan_replication(request, plan, secondaries)
    plan.after = {'rvg': name, 'diskgroup': request['diskgroup'], 'primary': request['primary'],
                  'volumes': volumes, 'srl': srl, 'secondaries': secondaries}
    return plan


def _plan_secondaries(request, plan, secondaries):
    """addsec for the new ones, set for a changed mode or bandwidth; updates ``secondaries``."""
    name = request['name']
    vradmin = _dg_args(request)
    known = dict((secondary['host'], secondary) for secondary in secondaries)
    listed = []
    for wanted in request['secondaries'] or []:
        host = wanted['host']
        listed.append(host)
        bandwidth = parse_bandwidth(wanted['bandwidth_limit']) if wanted.get('bandwidth_limit') is not None else None
        current = known.get(host)
        if current is None:
            mode = wanted.get('mode') or 'async'
            attributes = ['synchronous=%s' % SYNCHRONOUS[mode]]
            if bandwidth is not None and bandwidth[1] is not None:
                attributes.append('bandwidth_limit=%s' % bandwidth[0])
            plan.add(vradmin + ['addsec', name, request['primary'], host] + attributes,
                     undo=vradmin + ['delsec', name, host])
            current = {'host': host, 'mode': mode, 'replication': STOPPED,
                       'bandwidth_limit_bps': bandwidth[1] if bandwidth else None}
            secondaries.append(current)
            known[host] = current
            continue
        attributes = []
        if wanted.get('mode') and wanted['mode'] != current['mode']:
            attributes.append('synchronous=%s' % SYNCHRONOUS[wanted['mode']])
            current['mode'] = wanted['mode']
        if bandwidth is not None and not same_bandwidth(current['bandwidth_limit_bps'], bandwidth[1]):
            attributes.append('bandwidth_limit=%s' % bandwidth[0])
            current['bandwidth_limit_bps'] = bandwidth[1]
        if attributes:
            plan.add(vradmin + ['set', name, host] + attributes)
    others = [host for host in known if request['secondaries'] is not None and host not in listed]
    if others:
        plan.warnings.append('RDS %s also has the secondar%s %s, not in secondaries; left as %s'
                             % (name, 'ies' if len(others) > 1 else 'y', ', '.join(others),
                                'they are' if len(others) > 1 else 'it is'))


# state -> {phase now: commands (as vradmin words after -g dg) to reach it}
_TRANSITIONS = {
    STARTED: {STOPPED: [['-a', 'startrep']], PAUSED: [['resumerep']]},
    STOPPED: {STARTED: [['stoprep']], PAUSED: [['stoprep']]},
    PAUSED: {STOPPED: [['-a', 'startrep'], ['pauserep']], STARTED: [['pauserep']]},
}


def _plan_replication(request, plan, secondaries):
    state = request['state']
    if state not in _TRANSITIONS:
        return
    name = request['name']
    vradmin = _dg_args(request)
    odd = [secondary for secondary in secondaries if secondary['replication'] not in (STARTED, PAUSED, STOPPED)]
    if odd:
        raise PlanError('state=%s cannot be reached from the replication status of %s: finish the role change '
                        'first (continuum.infoscale.vvr_role)' % (state, ', '.join(
                            '%s (%s)' % (secondary['host'], secondary['replication']) for secondary in odd)))
    for secondary in secondaries:
        for words in _TRANSITIONS[state].get(secondary['replication'], []):
            plan.add(vradmin + words + [name, secondary['host']])
        secondary['replication'] = state
