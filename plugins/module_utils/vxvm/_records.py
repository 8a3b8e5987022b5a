# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Views over parsed vxprint records (``_parse.parse_vxprint``): disk groups, volumes, space.

Pure functions; nothing here runs a command.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

VOLUME_TYPES = ('v',)
PLEX_TYPES = ('pl', 'p2', 'p3')
SUBDISK_TYPES = ('sd', 's2', 's3')


def records_of(records, dg):
    """The records of disk group ``dg``.

    Output read with ``vxprint -g <dg> -v`` carries no dg row and no ``Disk group:`` line,
    so when no record names any disk group, all records are taken as ``dg``'s.
    """
    mine = [r for r in records if r.get('dg') == dg]
    if mine or any(r.get('dg') for r in records):
        return mine
    return list(records)


def diskgroup_names(records):
    """Disk group names in order of appearance."""
    names = []
    for record in records:
        name = record.get('dg')
        if name and name not in names:
            names.append(name)
    return names


class _Index(object):
    """Plexes per volume and sv rows per plex, for one disk group."""

    def __init__(self, records):
        self.plexes = {}
        self.subvolumes = {}
        self.dco_parents = set()
        for record in records:
            kind = record['type']
            if kind == 'dc':
                self.dco_parents.add(record.get('parentvol'))
            elif kind in PLEX_TYPES:
                self.plexes.setdefault(record.get('volume') or record.get('assoc'), []).append(record)
            elif kind == 'sv' and record.get('volname'):
                self.subvolumes.setdefault(record.get('plex'), []).append(record.get('volname'))

    def data_plexes(self, volume):
        return [p for p in self.plexes.get(volume, ()) if not p.get('log')]


def _shape(volume, index):
    """(layout, ncol, nmirror) of a volume from its plexes (see the common brief):

    one CONCAT plex = concat, one STRIPE plex = stripe, >=2 CONCAT = mirror, >=2 STRIPE =
    mirror-stripe; a plex made of sv rows (sub-volumes) = stripe-mirror (STRIPE) or
    concat-mirror (CONCAT), nmirror then counted on the sub-volumes' plexes.
    Without a LAYOUT column (default vxprint form) layout and ncol are None.
    """
    plexes = index.data_plexes(volume)
    for plex in plexes:
        subvolumes = index.subvolumes.get(plex['name'])
        if subvolumes:
            kind = plex.get('layout')
            layout = {'STRIPE': 'stripe-mirror', 'CONCAT': 'concat-mirror'}.get(kind)
            ncol = plex.get('ncol') if kind == 'STRIPE' else None
            nmirror = max(len(index.data_plexes(sub)) for sub in subvolumes)
            return layout, ncol, nmirror
    kinds = set(p.get('layout') for p in plexes)
    if not plexes or None in kinds:
        return None, None, len(plexes)
    if kinds == set(['RAID']):
        return 'raid5', plexes[0].get('ncol'), len(plexes)
    striped = kinds == set(['STRIPE'])
    ncol = plexes[0].get('ncol') if striped else None
    if len(plexes) == 1:
        return ('stripe' if striped else 'concat'), ncol, 1
    return ('mirror-stripe' if striped else 'mirror'), ncol, len(plexes)


def _hidden_volumes(records):
    """Volumes that are not user volumes: DCO log volumes and layered sub-volumes."""
    hidden = set()
    for record in records:
        kind = record['type']
        if kind == 'dc' and record.get('logvol'):
            hidden.add(record['logvol'])
        elif kind == 'sv' and record.get('volname'):
            hidden.add(record['volname'])
        elif kind == 'v' and record.get('utype') == 'gen' and record['name'].endswith('_dcl'):
            hidden.add(record['name'])
    return hidden


def volume_view(volume, dg, index):
    """One volume: the dict the VxVM modules compare and return."""
    name = volume['name']
    layout, ncol, nmirror = _shape(name, index)
    return dict(
        name=name,
        diskgroup=dg,
        length=volume.get('length'),
        kstate=volume.get('kstate'),
        state=volume.get('state'),
        utype=volume.get('utype'),
        layout=layout,
        ncol=ncol,
        nmirror=nmirror,
        plexes=[p['name'] for p in index.plexes.get(name, ())],
        device='/dev/vx/dsk/%s/%s' % (dg, name),
        raw_device='/dev/vx/rdsk/%s/%s' % (dg, name),
        instant_ready=name in index.dco_parents,
    )


def diskgroup_view(records, dg):
    """``{name, disks: [{disk, device, publen}], volumes: {name: volume_view}}`` of ``dg``.

    Volumes are the user volumes only: sub-volumes of layered volumes (v2 rows and
    sv targets) and DCO log volumes (named by dc rows, or ``*_dcl`` with usage type gen)
    are left out.
    """
    mine = records_of(records, dg)
    index = _Index(mine)
    hidden = _hidden_volumes(mine)
    disks = []
    volumes = {}
    for record in mine:
        kind = record['type']
        if kind == 'dm':
            disks.append(dict(disk=record['name'], device=record.get('device'),
                              publen=record.get('publen', record.get('length'))))
        elif kind in VOLUME_TYPES and record['name'] not in hidden:
            volumes[record['name']] = volume_view(record, dg, index)
    return dict(name=dg, disks=disks, volumes=volumes)


def diskgroup_views(records):
    """``{dg: diskgroup_view}`` for every disk group in ``records`` (``vxprint -htr``)."""
    return dict((name, diskgroup_view(records, name)) for name in diskgroup_names(records))


def used_sectors_by_disk(records, dg=None):
    """``{dm name: sectors used by subdisks}`` for every disk media record.

    Needs the DISK column of sd rows (``-ht``/``-t`` forms). Records of one disk group,
    or pass ``dg`` to select it from multi-group output.
    """
    mine = records if dg is None else records_of(records, dg)
    used = dict((r['name'], 0) for r in mine if r['type'] == 'dm')
    for record in mine:
        if record['type'] in SUBDISK_TYPES and record.get('disk'):
            used[record['disk']] = used.get(record['disk'], 0) + (record.get('length') or 0)
    return used


def free_sectors_by_disk(records, dg=None):
    """``{dm name: public length - used sectors}`` (ignores alignment and reserved space)."""
    mine = records if dg is None else records_of(records, dg)
    used = used_sectors_by_disk(mine)
    return dict((r['name'], (r.get('publen') or 0) - used.get(r['name'], 0))
                for r in mine if r['type'] == 'dm')


# --------------------------------------------------------------------------- snapshots, caches

def _volume_caches(records):
    """``{volume: cache object}`` for volumes whose plex lives on a cache (``sc`` rows)."""
    plex_volume = dict((r['name'], r.get('volume') or r.get('assoc'))
                       for r in records if r['type'] in PLEX_TYPES)
    caches = {}
    for record in records:
        if record['type'] == 'sc' and record.get('cache'):
            volume = plex_volume.get(record.get('plex'))
            if volume:
                caches.setdefault(volume, record['cache'])
    return caches


def _snap_point_pairs(records):
    """(volume whose DCO holds the snap point, volume at its other end) per ``sp`` row, in order
    and without repeats (``sp NAME SNAPVOL DCO``, DCO owners from the ``dc`` rows)."""
    dco_owner = dict((r['name'], r.get('parentvol')) for r in records if r['type'] == 'dc')
    pairs = []
    for record in records:
        if record['type'] != 'sp':
            continue
        pair = (dco_owner.get(record.get('dco')), record.get('snapvol'))
        if pair[0] and pair[1] and pair[0] != pair[1] and pair not in pairs:
            pairs.append(pair)
    return pairs


def _orient(first, second, cached, parents):
    """(source, snapshot) of two volumes linked by snap points on both sides, or None when the
    records alone cannot tell: ``parents`` (from ``vxsnap list``) decides, else the volume on a
    cache is the snapshot."""
    if parents.get(second) == first:
        return first, second
    if parents.get(first) == second:
        return second, first
    if (first in cached) != (second in cached):
        return (second, first) if first in cached else (first, second)
    return None


def _snapshot_links(records, cached, parents=None):
    """([(source, snapshot)], [ambiguous pairs]) from the ``sp`` rows.

    A snap point on one side only (issue 4 brief: on the source's DCO) gives the direction.
    With snap points on both DCOs (as vxsnap print shows them) the direction comes from
    ``parents`` or the cache; a pair left undecided is taken in the order first seen and
    also returned as ambiguous, so the caller can read ``vxsnap list``. [recon]
    """
    parents = parents or {}
    pairs = _snap_point_pairs(records)
    links, ambiguous, done = [], [], set()
    for first, second in pairs:
        key = frozenset((first, second))
        if key in done:
            continue
        done.add(key)
        if (second, first) not in pairs:
            links.append((first, second))
            continue
        oriented = _orient(first, second, cached, parents)
        if oriented is None:
            ambiguous.append((first, second))
            oriented = (first, second)
        links.append(oriented)
    return links, ambiguous


def snapshot_views(records, dg, parents=None):
    """``{snapshot volume: view}`` of ``dg``: name, diskgroup, source, type
    (space_optimized when its plex is on a cache, else full_sized), cache, length, kstate,
    state, device, raw_device. ``parents``: ``{snapshot: source}`` (``vxsnap list``) to
    settle pairs the records leave open.
    """
    mine = records_of(records, dg)
    volumes = dict((r['name'], r) for r in mine if r['type'] in VOLUME_TYPES)
    cached = _volume_caches(mine)
    views = {}
    for source, name in _snapshot_links(mine, cached, parents)[0]:
        volume = volumes.get(name)
        if volume is None or name in views:
            continue
        views[name] = dict(
            name=name, diskgroup=dg, source=source,
            type='space_optimized' if name in cached else 'full_sized',
            cache=cached.get(name), length=volume.get('length'),
            kstate=volume.get('kstate'), state=volume.get('state'),
            device='/dev/vx/dsk/%s/%s' % (dg, name),
            raw_device='/dev/vx/rdsk/%s/%s' % (dg, name))
    return views


def snapshot_direction_unknown(records, dg):
    """True when some snapshot pair of ``dg`` needs ``vxsnap list`` to tell source from snapshot."""
    mine = records_of(records, dg)
    return bool(_snapshot_links(mine, _volume_caches(mine))[1])


def cache_views(records, dg):
    """``{cache object: view}`` of ``dg`` from ``co`` rows: name, diskgroup, cache_volume,
    length (of the cache volume), kstate, state, snapshots (volumes on the cache, sorted).
    """
    mine = records_of(records, dg)
    lengths = dict((r['name'], r.get('length')) for r in mine if r['type'] in VOLUME_TYPES)
    users = {}
    for volume, cache in _volume_caches(mine).items():
        users.setdefault(cache, []).append(volume)
    views = {}
    for record in mine:
        if record['type'] != 'co':
            continue
        name = record['name']
        views[name] = dict(
            name=name, diskgroup=dg, cache_volume=record.get('cachevol'),
            length=lengths.get(record.get('cachevol')), kstate=record.get('kstate'),
            state=record.get('state'), snapshots=sorted(users.get(name, [])))
    return views


def snapshot_diskgroup_view(records, dg, parents=None):
    """``diskgroup_view`` plus ``snapshots`` (snapshot_views), ``caches`` (cache_views) and
    ``prepared`` (sorted names of the volumes with a DCO, ready for instant snapshots).
    """
    view = diskgroup_view(records, dg)
    view['snapshots'] = snapshot_views(records, dg, parents)
    view['caches'] = cache_views(records, dg)
    view['prepared'] = sorted(set(r['parentvol'] for r in records_of(records, dg)
                                  if r['type'] == 'dc' and r.get('parentvol')))
    return view
