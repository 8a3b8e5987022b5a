# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Pure planning for the role of an RVG in a replicated data set (module vvr_role).

``rds_view`` turns what ``vradmin printrvg`` (which host is local, which is the Primary)
and ``vradmin -l repstatus`` (how each Secondary is doing) say, both read by
vvr/_read.read_rds_sides and parsed by vvr/_parse.py, into one small dict. ``plan_role`` turns (view, options) into the
``vradmin`` commands that make the host asked the Primary (``migrate``, ``takeover``),
resynchronise an old Primary after a takeover (``fbsync``) or convert an old Primary
taken over without failback logging into a Secondary (``makesec`` then ``startrep``).
Every refusal is a PlanError raised before anything runs.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import re

from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils.vvr._parse import (
    data_consistent, data_up_to_date, replicating)

MODES = ('migrate', 'takeover')
UNREACHABLE_CODE = 'V-5-52-1205'
NEEDS_FBSYNC = 'needs failback synchronization'
FBSYNC_RUNNING = 'failback resync in progress'
CONFIG_ERROR = 'secondary config error'
STOPPED = 'stopped'

# "SRL (36814 Kbytes behind, 17 % full)", "DCM (contains 169728 Kbytes) (autosync)"
_KBYTES = re.compile(r'(\d+)\s*Kbytes', re.IGNORECASE)
_SECONDARY_KEYS = ('data_status', 'replication_status', 'logging_to', 'lag_seconds')


def _lower(text):
    return ' '.join((text or '').lower().split())


def behind_bytes(logging_to):
    """Bytes a Secondary still lacks, from repstatus ``Logging to``.

    ``SRL`` -> 0; ``SRL (N Kbytes behind, P % full)`` and ``DCM (contains N Kbytes) ...`` ->
    N * 1024; ``N/A`` or nothing -> None.
    """
    text = (logging_to or '').strip()
    match = _KBYTES.search(text)
    if match:
        return int(match.group(1)) * 1024
    if text.upper() == 'SRL':
        return 0
    return None


def _secondary(host, status):
    status = status or {}
    side = {'host': host}
    for key in _SECONDARY_KEYS:
        side[key] = status.get(key)
    side['behind_bytes'] = behind_bytes(status.get('logging_to'))
    side['up_to_date'] = data_up_to_date(status)
    side['consistent'] = data_consistent(status)
    side['replicating'] = replicating(status)
    return side


def rds_view(printrvg, repstatus, notes=''):
    """{rds, local_host, primary, primary_reachable, primary_rvg_state, secondaries}.

    ``printrvg`` and ``repstatus`` are parse_printrvg and parse_repstatus documents;
    ``notes`` is the text the two commands wrote on stderr (see vvr/_read.read_rds_sides).
    The Primary counts as reachable unless vradmin says V-5-52-1205 (``Primary is
    unreachable or RDS has configuration error``: the status then comes from the
    Secondary). PlanError when repstatus shows no Primary.
    """
    if repstatus.get('primary') is None:
        raise PlanError('vradmin repstatus of RDS %s gave no Primary: %s' % (
            printrvg.get('rds'), ' '.join(list(repstatus.get('messages') or []) + [(notes or '').strip()]).strip()
            or 'no output'))
    hosts = [printrvg.get('primary')] + list(printrvg.get('secondaries') or [])
    local = [host['host'] for host in hosts if host and host.get('local')]
    statuses = dict((side.get('host'), side) for side in repstatus.get('secondaries') or [])
    said = ' '.join([notes or ''] + list(printrvg.get('messages') or []) + list(repstatus.get('messages') or []))
    primary = (printrvg.get('primary') or {}).get('host') or (repstatus.get('primary') or {}).get('host')
    names = [host['host'] for host in printrvg.get('secondaries') or [] if host.get('host')]
    names += [name for name in statuses if name and name not in names]
    return {
        'rds': printrvg.get('rds') or repstatus.get('rds'),
        'local_host': local[0] if local else None,
        'primary': primary,
        'primary_reachable': UNREACHABLE_CODE not in said,
        'primary_rvg_state': (repstatus.get('primary') or {}).get('rvg_state'),
        'secondaries': [_secondary(name, statuses.get(name)) for name in names],
    }


def roles(view):
    """The roles as the diff shows them: {rds, primary, secondaries: {host: replication status}}."""
    if not view:
        return {}
    return {'rds': view['rds'], 'primary': view['primary'],
            'secondaries': dict((side['host'], side['replication_status']) for side in view['secondaries'])}


def find_secondary(view, host):
    for side in view['secondaries']:
        if side['host'] == host:
            return side
    return None


class RolePlan:
    """Commands (argv lists) in order, the roles before and after, and what a takeover loses."""

    def __init__(self, view):
        self.view = view
        self.commands = []
        self.action = 'none'
        self.data_lost = None
        self.warnings = []
        self.wait_sync = None          # host whose replication to wait for after the commands
        self.after_view = copy.deepcopy(view)

    @property
    def changed(self):
        return bool(self.commands)

    @property
    def before(self):
        return roles(self.view)

    @property
    def after(self):
        return roles(self.after_view)


def _status_text(side):
    text = 'Data status: %s; Replication status: %s' % (side['data_status'], side['replication_status'])
    if side['lag_seconds'] is not None:
        text += '; behind by %d s' % side['lag_seconds']
    return text


def _swap(plan, new_primary, status):
    """The view after ``new_primary`` became the Primary; the old one is its Secondary."""
    view = plan.after_view
    old = view['primary']
    others = [side for side in view['secondaries'] if side['host'] != new_primary]
    demoted = _secondary(old, {'replication_status': status})
    view['primary'] = new_primary
    view['primary_reachable'] = True
    view['secondaries'] = ([demoted] if old else []) + others


def _base(params):
    return ['vradmin', '-g', params['diskgroup']]


def _names_of(view):
    return ', '.join(side['host'] for side in view['secondaries']) or 'none'


def _fbsync(plan, params):
    """fbsync every Secondary that needs it (one vradmin call resynchronises them)."""
    view = plan.view
    due = [side['host'] for side in view['secondaries'] if _lower(side['replication_status']) == NEEDS_FBSYNC]
    if due and params['local_host'] != view['primary']:
        raise PlanError('fbsync runs on the Primary: run this task on %s to resynchronise %s (this node is %s).'
                        % (view['primary'], ', '.join(due), params['local_host']))
    if due:
        plan.commands.append(_base(params) + (['-wait'] if params['wait'] else []) + ['fbsync', params['rvg']])
        plan.action = 'fbsync'
        for side in plan.after_view['secondaries']:
            if side['host'] in due:
                side['replication_status'] = 'replicating (connected)' if params['wait'] else FBSYNC_RUNNING
        return
    waiting = [side['host'] for side in view['secondaries']
               if 'failback logging' in _lower(side['logging_to']) and _lower(side['replication_status']) != FBSYNC_RUNNING]
    if waiting:
        plan.warnings.append(
            'fbsync: %s is not back yet (no failback synchronization to do now); run the task again once it is'
            % ', '.join(waiting))


def _warn_two_primaries(plan):
    doubles = [side['host'] for side in plan.view['secondaries'] if _lower(side['replication_status']) == CONFIG_ERROR]
    if doubles:
        plan.warnings.append(
            '%s shows "secondary config error": it also acts as a Primary (a takeover without failback logging?); '
            'run this module with makesec on the one that must become the Secondary' % ', '.join(doubles))


def _check_migrate(view, target, secondary):
    if not view['primary_reachable']:
        raise PlanError(
            'Cannot migrate RDS %s to %s: the Primary %s is not reachable (vradmin %s); a planned migration needs '
            'both sides up. Use mode: takeover to take over from a lost Primary.'
            % (view['rds'], target, view['primary'], UNREACHABLE_CODE))
    if not (secondary['up_to_date'] and secondary['replicating']):
        raise PlanError(
            'Cannot migrate RDS %s to %s: the Secondary is not consistent, up-to-date and replicating (%s). '
            'Wait until it has caught up (vvr_info shows the lag), then run the task again.'
            % (view['rds'], target, _status_text(secondary)))


def _data_lost(secondary):
    return {'seconds': secondary['lag_seconds'], 'bytes': secondary['behind_bytes']}


def _check_takeover(view, target, secondary, params):
    if params['local_host'] != target:
        raise PlanError(
            'A takeover runs on the Secondary that takes over: run this task on %s (this node is %s in RDS %s).'
            % (target, params['local_host'], view['rds']))
    state = _lower(view['primary_rvg_state'])
    healthy = view['primary_reachable'] and (not state or state.startswith('enabled'))
    if healthy and not params['force']:
        raise PlanError(
            'The Primary %s of RDS %s is reachable and healthy (RVG state: %s): use mode: migrate for a planned '
            'switch, or force: true to take over anyway (its writes not yet on %s are lost and it must be '
            'resynchronised afterwards).' % (view['primary'], view['rds'], view['primary_rvg_state'], target))
    if not secondary['consistent']:
        raise PlanError(
            'Cannot take over RDS %s on %s: its data is not consistent (%s); a Primary made of it would hold '
            'unusable data.' % (view['rds'], target, _status_text(secondary)))
    lost = _data_lost(secondary)
    if params['accept_data_loss']:
        return lost
    limit = params['max_data_loss']
    if lost['seconds'] is None:
        raise PlanError(
            'Cannot take over RDS %s on %s: its lag is not known (Timestamp Information: N/A), so the data a '
            'takeover loses cannot be bounded by max_data_loss=%d s; set accept_data_loss: true to take over anyway.'
            % (view['rds'], target, limit))
    over = lost['seconds'] > limit or (limit == 0 and (lost['bytes'] or 0) > 0)
    if over:
        size = '' if lost['bytes'] is None else ' (%d bytes)' % lost['bytes']
        raise PlanError(
            'Cannot take over RDS %s on %s: it is behind by %d s%s, more than max_data_loss=%d s; a takeover loses '
            'those writes. Set accept_data_loss: true to take over anyway, or wait for the Primary.'
            % (view['rds'], target, lost['seconds'], size, limit))
    return lost


def _make_primary(plan, params):
    view = plan.view
    target = params['primary_host'] or params['local_host']
    if target == view['primary']:
        _warn_two_primaries(plan)
        if params['fbsync']:
            _fbsync(plan, params)
        return
    secondary = find_secondary(view, target)
    if secondary is None:
        raise PlanError('Host %s is not a Secondary of RDS %s (Primary: %s; Secondaries: %s).'
                        % (target, view['rds'], view['primary'], _names_of(view)))
    if params['mode'] == 'migrate':
        _check_migrate(view, target, secondary)
        plan.commands.append(_base(params) + ['migrate', params['rvg'], target])
        plan.action = 'migrate'
        plan.data_lost = {'seconds': 0, 'bytes': 0}
        _swap(plan, target, 'replicating (connected)')
        return
    plan.data_lost = _check_takeover(view, target, secondary, params)
    flag = ['-N'] if not params['fast_failback'] else (['-autofb'] if params['fbsync'] else [])
    plan.commands.append(_base(params) + flag + ['takeover', params['rvg']])
    plan.action = 'takeover'
    if view['primary_reachable']:
        demoted = NEEDS_FBSYNC if params['fast_failback'] else CONFIG_ERROR
        plan.warnings.append('%s was reachable: it %s' % (
            view['primary'], 'becomes a Secondary that needs failback synchronization' if params['fast_failback']
            else 'stays a Primary too until makesec is run on it'))
    else:
        demoted = 'not replicating'
    _swap(plan, target, demoted)


def _makesec(plan, params):
    view = plan.view
    new_primary = params['primary_host']
    local = params['local_host']
    start = _base(params) + ['-a', 'startrep', params['rvg']]
    if view['primary'] == new_primary:
        side = find_secondary(view, local)
        status = _lower((side or {}).get('replication_status'))
        if status == STOPPED:
            plan.commands.append(start)
            plan.action = 'startrep'
            plan.wait_sync = local if params['wait'] else None
            plan.after_view['secondaries'] = [
                dict(other, replication_status='resync in progress (autosync)') if other['host'] == local else other
                for other in plan.after_view['secondaries']]
        elif status in (NEEDS_FBSYNC, FBSYNC_RUNNING):
            plan.warnings.append('%s is already a Secondary of %s (%s): run fbsync on %s, not makesec'
                                 % (local, new_primary, status, new_primary))
        return
    if view['primary'] != local:
        raise PlanError('makesec converts an original Primary into a Secondary: %s is not the Primary of RDS %s '
                        'here (Primary: %s), nor is %s.' % (local, view['rds'], view['primary'], new_primary))
    side = find_secondary(view, new_primary)
    if side is None:
        raise PlanError('Host %s is not in RDS %s (Primary: %s; Secondaries: %s).'
                        % (new_primary, view['rds'], view['primary'], _names_of(view)))
    if _lower(side['replication_status']) != CONFIG_ERROR:
        raise PlanError(
            'makesec converts an original Primary that %s took over without failback logging (%s then shows '
            '"secondary config error"); %s shows "%s". To make %s the Primary, run mode: migrate or takeover on it.'
            % (new_primary, new_primary, new_primary, side['replication_status'], new_primary))
    plan.commands.append(_base(params) + ['makesec', params['rvg'], new_primary])
    plan.commands.append(start)
    plan.action = 'makesec'
    plan.wait_sync = local if params['wait'] else None
    _swap(plan, new_primary, 'resync in progress (autosync)')


def plan_role(view, params):
    """(view, options) -> RolePlan. Options: diskgroup, rvg, mode, primary_host, max_data_loss,
    accept_data_loss, force, fast_failback, fbsync, makesec, wait, and local_host (filled from
    the view when missing). Raises PlanError when the request cannot be carried out."""
    params = dict(params)
    if not params.get('local_host'):
        params['local_host'] = view['local_host']
    if not params['local_host']:
        raise PlanError('vradmin printrvg marks no host of RDS %s as <localhost>: cannot tell which host this is.'
                        % view['rds'])
    plan = RolePlan(view)
    if params['makesec']:
        _makesec(plan, params)
    else:
        _make_primary(plan, params)
    return plan


def option_problems(params):
    """Conflicts between options, found before anything runs."""
    problems = []
    if params['max_data_loss'] is not None and params['max_data_loss'] < 0:
        problems.append('max_data_loss must be 0 or more seconds, not %s' % params['max_data_loss'])
    if params['wait_timeout'] < 1:
        problems.append('wait_timeout must be at least 1 second, not %s' % params['wait_timeout'])
    if params['makesec'] and not params['primary_host']:
        problems.append('makesec needs primary_host: the host that took over and stays the Primary')
    if params['makesec'] and params['fbsync']:
        problems.append('makesec and fbsync exclude each other: fbsync runs on the new Primary after a takeover '
                        'with failback logging, makesec on the old Primary after one without')
    if params['mode'] == 'takeover' and params['fbsync'] and not params['fast_failback']:
        problems.append('fbsync needs fast_failback: true (failback logging); after a takeover without it, bring '
                        'the old Primary back with makesec')
    return problems


def synced(view, host):
    """True when ``host`` is a consistent, up-to-date, replicating Secondary in the view."""
    side = find_secondary(view, host)
    return bool(side and side['up_to_date'] and side['replicating'])


def repstatus_secondary(repstatus, host):
    """The Secondary block of ``host`` in a parse_repstatus document, or None."""
    for side in (repstatus or {}).get('secondaries') or []:
        if side.get('host') == host:
            return side
    return None


def repstatus_synced(repstatus, host):
    """``synced`` on a parse_repstatus document (what vvr/_read.poll_rds gives)."""
    side = repstatus_secondary(repstatus, host)
    return bool(side and data_up_to_date(side) and replicating(side))
