# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Desired cache object vs current disk group -> vxassist/vxmake/vxcache/vxedit commands (pure)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.continuum.infoscale.plugins.module_utils._result import Plan, PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._size import (
    CDS_ALIGNMENT, SECTOR, human, round_up, same_length)

CACHE_LAYOUTS = ('concat', 'mirror')
DEFAULT_REGION_SIZE = 128      # 64 KiB, the product default
MIN_REGION_SIZE = 32           # 16 KiB


def region_size_problem(sectors):
    """Why ``sectors`` is not a valid cache region size (power of two, at least 16k), or None."""
    if sectors < MIN_REGION_SIZE or sectors & (sectors - 1):
        return ('region_size must be a power of two of at least 16k (for example 16k, 64k, 1m), '
                'not %s' % human(sectors))
    return None


def cache_facts(view, stat=None):
    """The documented ``cache`` return value from a cache view and its ``vxcache stat`` row."""
    if not view:
        return {}
    stat = stat or {}
    length = stat.get('size') or view.get('length')
    used = stat.get('used')
    region = stat.get('region_size')
    return dict(
        name=view['name'], diskgroup=view['diskgroup'], cache_volume=view.get('cache_volume'),
        length=length, size_bytes=length * SECTOR if length is not None else None,
        used=used, used_bytes=used * SECTOR if used is not None else None,
        used_percent=stat.get('used_percent'),
        region_size=region, region_size_bytes=region * SECTOR if region is not None else None,
        autogrow=stat.get('autogrow'), highwatermark=stat.get('highwatermark'),
        kstate=view.get('kstate'), state=stat.get('state') or view.get('state'),
        snapshots=list(view.get('snapshots') or []))


def _removal(dg, name, current, force, is_open):
    users = current.get('snapshots') or []
    commands = []
    if users:
        if not force:
            raise PlanError('cache %s is used by the space-optimized snapshots %s; remove them first '
                            '(continuum.infoscale.vxvm_snapshot state=absent), or set force: true to '
                            'remove them with the cache' % (name, ', '.join(users)))
        busy = [snap for snap in users if is_open(snap)]
        if busy:
            raise PlanError('cache %s: the snapshots %s are open (mounted or in use) on this node; '
                            'not removed, even with force' % (name, ', '.join(busy)))
        commands = [['vxedit', '-g', dg, '-rf', 'rm', snap] for snap in users]
    commands.append(['vxedit', '-g', dg, '-rf', 'rm', name])
    return Plan(commands, current, None)


def _create(dg_view, params):
    dg, name, cvol = dg_view['name'], params['name'], params['cache_volume']
    existing = dg_view['volumes'].get(cvol)
    if existing is not None:
        raise PlanError('volume %s already exists and is not the cache volume of any cache object; '
                        'choose another cache_volume, or remove it (continuum.infoscale.vxvm_volume '
                        'state=absent) if it is left over from an earlier attempt' % cvol)
    if params.get('size') is None:
        raise PlanError('cache %s does not exist: size is required to create it' % name)
    layout = params.get('layout') or 'concat'
    region = params.get('region_size') or DEFAULT_REGION_SIZE
    autogrow = params.get('autogrow') is not False
    make_cache = ['vxmake', '-g', dg, 'cache', name, 'cachevolname=%s' % cvol,
                  'regionsize=%s' % (params.get('region_size_text') or '64k'),
                  'autogrow=%s' % ('on' if autogrow else 'off')]
    if params.get('highwatermark') is not None:
        make_cache.append('highwatermark=%d' % params['highwatermark'])
    commands = [
        ['vxassist', '-g', dg, 'make', cvol, params['size_text'], 'layout=%s' % layout, 'init=active'],
        make_cache,
        ['vxcache', '-g', dg, 'start', name],
    ]
    after = dict(name=name, diskgroup=dg, cache_volume=cvol, length=round_up(params['size'], CDS_ALIGNMENT),
                 kstate='ENABLED', state='ACTIVE', snapshots=[])
    stat = dict(size=after['length'], used=0, used_percent=0, region_size=region, autogrow=autogrow,
                highwatermark=params.get('highwatermark'), state='ACTIVE')
    return Plan(commands, None, after), stat


def _settings(dg, name, params, stat):
    """``vxcache set`` commands for the tunables asked for that differ (``stat`` is updated to
    match); PlanError for another region size, which cannot be changed.
    """
    region = params.get('region_size')
    if region is not None and stat.get('region_size') not in (None, region):
        raise PlanError('cache %s has a region size of %s (asked %s); the region size of a cache '
                        'cannot be changed: remove and re-create the cache'
                        % (name, human(stat['region_size']), human(region)))
    changes = []
    if params.get('autogrow') is not None and stat.get('autogrow') not in (None, params['autogrow']):
        changes.append('autogrow=%s' % ('on' if params['autogrow'] else 'off'))
        stat['autogrow'] = params['autogrow']
    wanted = params.get('highwatermark')
    if wanted is not None and stat.get('highwatermark') not in (None, wanted):
        changes.append('highwatermark=%d' % wanted)
        stat['highwatermark'] = wanted
    # [recon] "vxcache set attr=value... cache" as in the admin guide's highwatermark example
    return [['vxcache', '-g', dg, 'set'] + changes + [name]] if changes else []


def plan_cache(dg_view, params, stat, is_open):
    """Plan for one cache object -> (Plan, the expected ``vxcache stat`` row after it).

    dg_view: ``snapshot_diskgroup_view``; params: name, cache_volume, size (sectors or None),
    size_text, layout, region_size (sectors or None), region_size_text, autogrow (None = not
    asked), highwatermark, state, force; stat: the current ``vxcache stat`` row or None;
    is_open(volume) -> bool, called only when snapshots would be removed.
    """
    dg, name = dg_view['name'], params['name']
    current = dg_view['caches'].get(name)
    if params['state'] == 'absent':
        if current is None:
            return Plan([], None, None), None
        return _removal(dg, name, current, params.get('force'), is_open), None
    if current is None:
        return _create(dg_view, params)
    if params.get('cache_volume_given') and params['cache_volume'] != current['cache_volume']:
        raise PlanError('cache %s exists with the cache volume %s (asked %s); the cache volume of a '
                        'cache object is not changed' % (name, current['cache_volume'], params['cache_volume']))
    stat = dict(stat or {})
    commands = _settings(dg, name, params, stat)
    after = dict(current)
    if current.get('kstate') != 'ENABLED':
        commands.insert(0, ['vxcache', '-g', dg, 'start', name])
        after.update(kstate='ENABLED', state='ACTIVE')
    length = stat.get('size') or current.get('length') or 0
    size = params.get('size')
    if size is not None and size > length and not same_length(length, size, CDS_ALIGNMENT):
        commands.append(['vxcache', '-g', dg, 'growcacheto', name, params['size_text']])
        after['length'] = round_up(size, CDS_ALIGNMENT)
        stat['size'] = after['length']
    return Plan(commands, current, after), stat
