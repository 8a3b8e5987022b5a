# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Desired instant snapshots of one source volume vs current disk group -> vxsnap/vxassist/
vxedit commands (pure).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.continuum.infoscale.plugins.module_utils._result import Plan, PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._size import SECTOR, human

TYPES = ('space_optimized', 'full_sized')
STATES = ('present', 'absent', 'refreshed', 'restored')
# A cache smaller than this share of what its snapshots could come to need gets a warning.
CACHE_WARNING_PERCENT = 10
FACT_KEYS = ('name', 'diskgroup', 'source', 'type', 'cache', 'length', 'kstate', 'state',
             'device', 'raw_device')


def snapshot_facts(view):
    """The documented return value of one snapshot (empty when there is none)."""
    if not view:
        return {}
    facts = dict((key, view.get(key)) for key in FACT_KEYS)
    facts['size_bytes'] = facts['length'] * SECTOR if facts['length'] is not None else None
    return facts


def _own_snapshot(dg_view, source, name, state):
    """The view of ``name`` when it is a snapshot of ``source``; None when there is no such
    volume; PlanError when the name is taken by another volume."""
    snap = dg_view['snapshots'].get(name)
    if snap is not None and snap['source'] == source:
        return snap
    if snap is None and name not in dg_view['volumes']:
        return None
    what = 'is a snapshot of %s, not of %s' % (snap['source'], source) if snap else 'is not a snapshot of %s' % source
    hint = 'choose another name' if state == 'present' else 'check source and name'
    raise PlanError('volume %s in disk group %s %s; %s' % (name, dg_view['name'], what, hint))


def _check_existing(snap, params):
    if snap['type'] != params['type']:
        raise PlanError('snapshot %s of %s exists as a %s snapshot (asked %s); remove it first to '
                        'change its type' % (snap['name'], snap['source'], snap['type'], params['type']))
    if params.get('cache') and snap.get('cache') != params['cache']:
        raise PlanError('snapshot %s of %s uses the cache %s (asked %s); remove it first to move it'
                        % (snap['name'], snap['source'], snap.get('cache'), params['cache']))


def _cache_warning(dg_view, cache, source_length, new):
    """A warning when the cache is small for what its snapshots could come to need, or None."""
    view = dg_view['caches'][cache]
    if not source_length or view.get('length') is None:
        return None
    lengths = dict((name, v.get('length') or 0) for name, v in dg_view['volumes'].items())
    could_need = len(new) * source_length
    for snap in view.get('snapshots') or []:
        source = (dg_view['snapshots'].get(snap) or {}).get('source')
        could_need += lengths.get(source, 0)
    length = view.get('length') or 0
    if length * 100 >= could_need * CACHE_WARNING_PERCENT:
        return None
    return ('cache %s (%s) is smaller than %d%% of what its %d space-optimized snapshots could need '
            '(%s if every region diverged from the source); it fills as clones and source are written: '
            'grow it (continuum.infoscale.vxvm_cache size) or let it autogrow'
            % (cache, human(length), CACHE_WARNING_PERCENT, len(view.get('snapshots') or []) + len(new),
               human(could_need)))


def _create(dg_view, params, new):
    dg, source = dg_view['name'], params['source']
    source_length = dg_view['volumes'][source]['length']
    commands = []
    if source not in dg_view['prepared']:
        commands.append(['vxsnap', '-g', dg, 'prepare', source])
    warnings = []
    if params['type'] == 'full_sized':
        for name in new:
            commands.append(['vxassist', '-g', dg, 'make', name, str(source_length)])
            commands.append(['vxsnap', '-g', dg, 'prepare', name])
        commands.append(['vxsnap', '-g', dg, 'make'] + ['source=%s/snapvol=%s' % (source, name) for name in new])
        if params.get('sync'):
            commands.extend(['vxsnap', '-g', dg, 'syncwait', name] for name in new)
    else:
        if params.get('cache'):
            tail = 'cache=%s' % params['cache']
            warning = _cache_warning(dg_view, params['cache'], source_length, new)
            if warning:
                warnings.append(warning)
        else:
            tail = 'cachesize=%s' % params['cachesize_text']
        commands.append(['vxsnap', '-g', dg, 'make'] + ['source=%s/newvol=%s/%s' % (source, name, tail) for name in new])
    views = {}
    for name in new:
        views[name] = dict(name=name, diskgroup=dg, source=source, type=params['type'], cache=params.get('cache'),
                           length=source_length, kstate='ENABLED', state='ACTIVE',
                           device='/dev/vx/dsk/%s/%s' % (dg, name), raw_device='/dev/vx/rdsk/%s/%s' % (dg, name))
    return commands, views, warnings


def _check_request(dg_view, params):
    dg, source = dg_view['name'], params['source']
    if source not in dg_view['volumes']:
        raise PlanError('source volume %s does not exist in disk group %s' % (source, dg))
    if params['state'] != 'present' or params['type'] != 'space_optimized':
        return
    cache = params.get('cache')
    if cache and cache not in dg_view['caches']:
        known = ', '.join(sorted(dg_view['caches'])) or 'none'
        raise PlanError('cache object %s does not exist in disk group %s (cache objects: %s); create it '
                        'first with continuum.infoscale.vxvm_cache' % (cache, dg, known))
    if not cache and not params.get('cachesize_text'):
        raise PlanError('a space-optimized snapshot needs a cache: set cache (a cache object) or cachesize')


def plan_snapshots(dg_view, params, is_open):
    """Plan for the snapshots ``params['names']`` of ``params['source']`` -> (Plan, warnings).

    dg_view: ``snapshot_diskgroup_view``; params: source, names, type, cache, cachesize_text,
    sync, state; is_open(volume) -> bool, called only before a removal, refresh or restore.
    Plan.before / after: {snapshot name: view or None}.
    """
    _check_request(dg_view, params)
    dg, source, state = dg_view['name'], params['source'], params['state']
    current = dict((name, _own_snapshot(dg_view, source, name, state)) for name in params['names'])
    before = dict(current)
    if state == 'present':
        for snap in current.values():
            if snap:
                _check_existing(snap, params)
        new = [name for name in params['names'] if current[name] is None]
        if not new:
            return Plan([], before, current), []
        commands, views, warnings = _create(dg_view, params, new)
        current.update(views)
        return Plan(commands, before, current), warnings
    if state == 'absent':
        existing = [name for name in params['names'] if current[name]]
        busy = [name for name in existing if is_open(name)]
        if busy:
            raise PlanError('snapshot %s is open (mounted or in use, for example by a running guest) on this '
                            'node; stop using it before removing it' % ', '.join(busy))
        commands = []
        for name in existing:
            if current[name]['type'] == 'full_sized':
                commands.append(['vxsnap', '-g', dg, 'dis', name])
            commands.append(['vxedit', '-g', dg, '-rf', 'rm', name])
        after = dict((name, None) for name in params['names'])
        return Plan(commands, before, after), []
    missing = [name for name in params['names'] if not current[name]]
    if missing:
        raise PlanError('%s is not a snapshot of %s in disk group %s; create it first (state=present)'
                        % (', '.join(missing), source, dg))
    if state == 'refreshed':
        busy = [name for name in params['names'] if is_open(name)]
        if busy:
            raise PlanError('snapshot %s is open (mounted or in use, for example by a running guest) on this '
                            'node; refreshing it would change its data under its user' % ', '.join(busy))
        commands = [['vxsnap', '-g', dg, 'refresh', name, 'source=%s' % source] for name in params['names']]
        return Plan(commands, before, current), []
    if len(params['names']) != 1:
        raise PlanError('state=restored takes one snapshot to restore %s from, not %d'
                        % (source, len(params['names'])))
    if is_open(source):
        raise PlanError('source volume %s is open (mounted or in use) on this node; stop using it before '
                        'restoring it from %s' % (source, params['names'][0]))
    return Plan([['vxsnap', '-g', dg, 'restore', source, 'source=%s' % params['names'][0]]], before, current), []
