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
        for record in records:
            kind = record['type']
            if kind in PLEX_TYPES:
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
