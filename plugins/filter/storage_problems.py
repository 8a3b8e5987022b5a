# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""storage_problems: what is wrong with a storage role request, before anything runs."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.errors import AnsibleFilterError

from ansible_collections.continuum.infoscale.plugins.module_utils._names import name_problems
from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._size import SizeError, parse_size
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._volume import LAYOUTS, check_shape


def _repeated(values):
    return sorted(set(v for v in values if values.count(v) > 1))


def _volume_problems(group, volume, ndisks):
    where = 'volume %s/%s' % (group.get('name'), volume.get('name'))
    problems = ['%s: %s' % (where, p) for p in name_problems([('volume', volume.get('name'))])]
    if volume.get('size') is not None:
        try:
            parse_size(volume['size'])
        except SizeError as exc:
            problems.append('%s: %s' % (where, exc))
    layout = volume.get('layout')
    if layout is not None and layout not in LAYOUTS:
        problems.append('%s: layout %r is not one of %s' % (where, layout, ', '.join(LAYOUTS)))
    elif volume.get('state', 'present') == 'present':
        try:
            check_shape(layout or 'concat', volume.get('ncol'), volume.get('nmirror'), ndisks)
        except PlanError as exc:
            problems.append('%s: %s' % (where, exc))
    return problems


def storage_problems(diskgroups):
    """Every problem found in ``storage_diskgroups`` (an empty list when there is none)."""
    if not isinstance(diskgroups, list):
        raise AnsibleFilterError('storage_problems expects the list storage_diskgroups, got %s'
                                 % type(diskgroups).__name__)
    problems = []
    names = [g.get('name') for g in diskgroups]
    problems.extend('disk group %s is listed twice' % n for n in _repeated(names))
    all_disks = []
    for group in diskgroups:
        disks = list(group.get('disks') or [])
        all_disks.extend(disks)
        pairs = [('disk group', group.get('name'))] + [('device', d) for d in disks]
        problems.extend(name_problems(pairs))
        volumes = group.get('volumes') or []
        problems.extend('volume %s/%s is listed twice' % (group.get('name'), v)
                        for v in _repeated([v.get('name') for v in volumes]))
        if group.get('state', 'present') != 'absent':
            for volume in volumes:
                problems.extend(_volume_problems(group, volume, len(disks) if disks else None))
    problems.extend('disk %s is listed in more than one disk group' % d for d in _repeated(all_disks))
    return problems


class FilterModule(object):
    def filters(self):
        return {'storage_problems': storage_problems}
