# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The reads VxVM modules share: one command each, parsed by the pure parsers."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils._runner import CommandError
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._parse import (
    parse_vxdisk_list, parse_vxprint, parse_vxprint_format)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._parse_snap import (
    parse_vxcache_stat, parse_vxsnap_list)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._records import (
    diskgroup_view, snapshot_diskgroup_view, snapshot_direction_unknown)

# vxprint exits 11 when a selection (for example -v) matches no record.
NOTHING_SELECTED = 11


def read_disks(runner):
    """Every disk this node sees, with deported disk groups in parentheses."""
    out = runner.read(['vxdisk', '-o', 'alldgs', 'list'])[1]
    return parse_vxdisk_list(out)


def _read_records(runner, dg):
    try:
        out = runner.read(['vxprint', '-g', dg, '-htr'])[1]
    except CommandError as exc:
        raise PlanError('disk group %s is not imported on this node: %s'
                        % (dg, (exc.stderr or exc.stdout or '').strip()))
    return parse_vxprint(out)


def read_diskgroup(runner, dg):
    """``diskgroup_view`` of an imported disk group; PlanError when it is not imported here."""
    return diskgroup_view(_read_records(runner, dg), dg)


def read_all_diskgroups(runner):
    """Records of every disk group imported on this node."""
    return parse_vxprint(runner.read(['vxprint', '-htr'])[1])


def read_volumes_in_use(runner, dg):
    """(every volume name, the open ones) of ``dg``: open means mounted or otherwise in use."""
    argv = ['vxprint', '-g', dg, '-q', '-v', '-F', '%name %devopen']
    rc, out, err = runner.read(argv, ok_rcs=(0, NOTHING_SELECTED))
    if rc == NOTHING_SELECTED and err.strip():
        raise CommandError(argv, rc, out, err)
    rows = parse_vxprint_format(out, ['name', 'devopen'])
    return [row['name'] for row in rows], set(row['name'] for row in rows if row['devopen'] == 'on')


def read_diskgroup_snapshots(runner, dg):
    """``read_diskgroup`` with the ``snapshots`` and ``caches`` of the group, from the same
    read; ``vxsnap list`` is read too only when the records cannot tell a snapshot from its source.
    """
    records = _read_records(runner, dg)
    parents = None
    if snapshot_direction_unknown(records, dg):
        parents = snapshot_parents(read_snapshot_list(runner, dg))
    return snapshot_diskgroup_view(records, dg, parents)


def snapshot_parents(listed):
    """``{snapshot: source}`` from ``read_snapshot_list``."""
    return dict((name, row['parent']) for name, row in listed.items() if row.get('parent'))


def read_cache_stat(runner, dg, cache):
    """The ``vxcache -g dg stat <cache>`` row of ``cache`` (dict), or None when it shows none."""
    rows = parse_vxcache_stat(runner.read(['vxcache', '-g', dg, 'stat', cache])[1])
    return next((row for row in rows if row['name'] == cache), None)


def read_snapshot_list(runner, dg):
    """``{name: row}`` of ``vxsnap -g dg list``."""
    rows = parse_vxsnap_list(runner.read(['vxsnap', '-g', dg, 'list'])[1])
    return dict((row['name'], row) for row in rows)


def open_checker(runner, dg):
    """is_open(volume) -> bool for ``dg``, reading the open volumes once, on the first call."""
    opened = []

    def is_open(volume):
        if not opened:
            opened.append(read_volumes_in_use(runner, dg)[1])
        return volume in opened[0]
    return is_open


def read_or_assume(module, runner, dg, volumes=(), caches=()):
    """``read_diskgroup_snapshots``; in check mode a disk group that is not imported yet is
    taken as made by an earlier task of the same run (with a warning), holding ``volumes``
    (prepared for instant snapshots) and ``caches``, so a whole deployment can be previewed."""
    try:
        return read_diskgroup_snapshots(runner, dg)
    except PlanError as exc:
        if not module.check_mode:
            raise
        module.warn('%s; check mode assumes an earlier task creates it' % exc)
    assumed = dict(name=dg, disks=None, snapshots={}, prepared=list(volumes))
    assumed['volumes'] = dict((name, dict(name=name, diskgroup=dg, length=None)) for name in volumes)
    assumed['caches'] = dict((name, dict(name=name, diskgroup=dg, cache_volume=None, length=None,
                                         kstate=None, state=None, snapshots=[])) for name in caches)
    return assumed
