#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vxvm_info
short_description: Disks, disk groups and volumes of Veritas Volume Manager
version_added: 0.1.0
description:
  - Returns what Veritas Volume Manager (VxVM) shows on the node the task runs on, in two reads
    (C(vxdisk -o alldgs list) and C(vxprint -htr)).
  - Disk groups with instant snapshots are also read with C(vxsnap -g <dg> list) (the data each
    snapshot holds apart from its source), and each cache object with C(vxcache -g <dg> stat <cache>)
    (its use); O(diskgroup) limits these reads to one disk group.
  - A full cache (its space-optimized snapshots invalidated) is reported with a warning that names them.
  - Disk groups deported, or imported on another node, are listed with their disks; their
    volumes are only visible where the group is imported.
author:
  - continuum.infoscale developers (@continuum-infoscale)
extends_documentation_fragment:
  - continuum.infoscale.attributes
  - continuum.infoscale.attributes.info_module
options:
  diskgroup:
    description: Only this disk group (its disks, and its volumes when it is imported here).
    type: str
seealso:
  - module: continuum.infoscale.vxvm_diskgroup
  - module: continuum.infoscale.vxvm_volume
'''

EXAMPLES = r'''
- name: What VxVM sees on this node
  continuum.infoscale.vxvm_info:
  register: vxvm

- name: Free space of each imported disk group, in GiB
  ansible.builtin.debug:
    msg: "{{ item.name }}: {{ (item.free_bytes / 1024**3) | round(1) }} GiB free"
  loop: "{{ vxvm.diskgroups | selectattr('state', 'eq', 'imported') }}"
  loop_control:
    label: "{{ item.name }}"
'''

RETURN = r'''
disks:
  description: Every disk this node sees.
  returned: always
  type: list
  elements: dict
  sample:
    - {device: emc0_0, type: auto:cdsdisk, disk: emc0_0, group: dbdg, status: online, deported: false}
    - {device: emc0_5, type: auto:none, disk: null, group: null, status: online invalid, deported: false}
diskgroups:
  description: Disk groups known to this node.
  returned: always
  type: list
  elements: dict
  contains:
    name:
      description: Disk group name.
      type: str
    state:
      description: V(imported) on this node, or V(deported) (or imported on another node).
      type: str
    disks:
      description: Member disks as device and disk media name.
      type: list
      elements: dict
    volumes:
      description: Names of the volumes (imported groups only).
      type: list
      elements: str
    size_bytes:
      description: Public capacity of the member disks (imported groups only, else null).
      type: int
    free_bytes:
      description: Capacity not allocated to subdisks (imported groups only, else null).
      type: int
volumes:
  description: Volumes of the imported disk groups, as returned by M(continuum.infoscale.vxvm_volume).
  returned: always
  type: list
  elements: dict
  sample:
    - name: dbvol
      diskgroup: dbdg
      length: 41943040
      size_bytes: 21474836480
      layout: mirror
      ncol: null
      nmirror: 2
      kstate: ENABLED
      state: ACTIVE
      device: /dev/vx/dsk/dbdg/dbvol
      raw_device: /dev/vx/rdsk/dbdg/dbvol
snapshots:
  description: Instant snapshots of the volumes of the imported disk groups.
  returned: always
  type: list
  elements: dict
  sample:
    - name: vm01_boot
      diskgroup: bootdg
      source: gold
      type: space_optimized
      cache: gold_co
      length: 41943040
      size_bytes: 21474836480
      kstate: ENABLED
      state: ACTIVE
      device: /dev/vx/dsk/bootdg/vm01_boot
      raw_device: /dev/vx/rdsk/bootdg/vm01_boot
      snapdate: 2026/11/24 21:40
      change_bytes: 54525952
      change_percent: 0.5
caches:
  description: Cache objects of the imported disk groups with their use, as returned by M(continuum.infoscale.vxvm_cache).
  returned: always
  type: list
  elements: dict
  sample:
    - {name: gold_co, diskgroup: bootdg, cache_volume: gold_cachevol, length: 8388608, size_bytes: 4294967296,
       used: 1048576, used_bytes: 536870912, used_percent: 12, region_size: 128, region_size_bytes: 65536,
       autogrow: true, highwatermark: 90, kstate: ENABLED, state: ACTIVE, snapshots: [vm01_boot, vm02_boot]}
savings:
  description:
    - Storage used by the space-optimized snapshots (the use of the caches they are on) compared with what
      full copies of them would take (the sum of their sources' lengths).
  returned: always
  type: dict
  contains:
    clones:
      description: Number of space-optimized snapshots.
      type: int
      sample: 10
    full_copies_bytes:
      description: Bytes that full copies of them would take.
      type: int
      sample: 214748364800
    used_bytes:
      description: Bytes in use in the caches they are on.
      type: int
      sample: 536870912
    cache_size_bytes:
      description: Bytes allocated to those caches (their cache volumes).
      type: int
      sample: 4294967296
    saved_bytes:
      description: Full copies minus cache use, in bytes.
      type: int
      sample: 214211493888
    used_percent:
      description: Cache use in percent of what full copies would take, rounded to 0.01 (0 without clones).
      type: float
      sample: 0.25
    saved_percent:
      description: Bytes saved in percent of what full copies would take, rounded to 0.01 (0 without clones).
      type: float
      sample: 99.75
commands:
  description: Always empty; this module changes nothing.
  returned: always
  type: list
  elements: list
  sample: []
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.continuum.infoscale.plugins.module_utils._names import name_problem
from ansible_collections.continuum.infoscale.plugins.module_utils._runner import (
    CommandError, Runner, fail_command)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._diskgroup import group_facts
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._cache import cache_facts
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._read import (
    read_all_diskgroups, read_cache_stat, read_disks, read_snapshot_list, snapshot_parents)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._records import snapshot_diskgroup_view
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._size import SECTOR
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._snapshot import snapshot_facts
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._volume import volume_facts


def space(records, dg):
    capacity = sum(r['length'] or 0 for r in records if r['dg'] == dg and r['type'] == 'dm')
    used = sum(r['length'] or 0 for r in records
               if r['dg'] == dg and r['type'] in ('sd', 's2') and r.get('disk'))
    return capacity * SECTOR, (capacity - used) * SECTOR


def snapshots_of(runner, records, view):
    """Snapshot facts of one disk group, with the change data of ``vxsnap list``."""
    if not view['snapshots']:
        return []
    listed = read_snapshot_list(runner, view['name'])
    view = snapshot_diskgroup_view(records, view['name'], snapshot_parents(listed))
    snapshots = []
    for name in sorted(view['snapshots']):
        facts = snapshot_facts(view['snapshots'][name])
        row = listed.get(name) or {}
        facts.update(snapdate=row.get('snapdate'), change_bytes=row.get('change_data_bytes'),
                     change_percent=row.get('change_data_percent'))
        snapshots.append(facts)
    return snapshots


def caches_of(runner, view):
    return [cache_facts(view['caches'][name], read_cache_stat(runner, view['name'], name))
            for name in sorted(view['caches'])]


def _percent(part, whole):
    return round(100.0 * part / whole, 2) if whole else 0.0


def savings(snapshots, caches, lengths):
    """Space-optimized clones (cache use) versus full copies (their sources' lengths), in bytes."""
    clones = [s for s in snapshots if s['type'] == 'space_optimized']
    full = sum(lengths.get((s['diskgroup'], s['source'])) or 0 for s in clones) * SECTOR
    backing = set((s['diskgroup'], s['cache']) for s in clones)
    used_caches = [c for c in caches if (c['diskgroup'], c['name']) in backing]
    used = sum(c['used_bytes'] or 0 for c in used_caches)
    return dict(clones=len(clones), full_copies_bytes=full, used_bytes=used,
                cache_size_bytes=sum(c['size_bytes'] or 0 for c in used_caches),
                saved_bytes=full - used, used_percent=_percent(used, full),
                saved_percent=_percent(full - used, full))


def collect(disks, records, only, runner=None):
    names = sorted(set(d['group'] for d in disks if d['group']))
    if only:
        names = [n for n in names if n == only]
    diskgroups, volumes, snapshots, caches = [], [], [], []
    for name in names:
        group = group_facts(name, disks)
        group.update(volumes=[], size_bytes=None, free_bytes=None)
        if group['state'] == 'imported':
            view = snapshot_diskgroup_view(records, name)
            group['volumes'] = sorted(view['volumes'])
            group['size_bytes'], group['free_bytes'] = space(records, name)
            volumes.extend(volume_facts(view['volumes'][v]) for v in group['volumes'])
            if runner is not None:
                snapshots.extend(snapshots_of(runner, records, view))
                caches.extend(caches_of(runner, view))
        diskgroups.append(group)
    if only:
        disks = [d for d in disks if d['group'] == only]
    lengths = dict(((v['diskgroup'], v['name']), v['length']) for v in volumes)
    return dict(disks=disks, diskgroups=diskgroups, volumes=volumes, snapshots=snapshots,
                caches=caches, savings=savings(snapshots, caches, lengths))


def space_warnings(facts):
    """A warning per full cache, naming the space-optimized snapshots it invalidated."""
    invalid = [s for s in facts['snapshots'] if s.get('state') == 'INVALID']
    warnings = []
    for cache in facts['caches']:
        if cache.get('state') != 'FULL':
            continue
        lost = sorted(s['name'] for s in invalid if s.get('cache') == cache['name'] and s['diskgroup'] == cache['diskgroup'])
        warnings.append('cache %s of disk group %s is full: %s; grow it (continuum.infoscale.vxvm_cache size) '
                        'and refresh them from their source (continuum.infoscale.vxvm_snapshot state=refreshed)'
                        % (cache['name'], cache['diskgroup'],
                           'the space-optimized snapshots %s are invalid' % ', '.join(lost) if lost
                           else 'new writes to its snapshots cannot be kept'))
    return warnings


def main():
    module = AnsibleModule(
        argument_spec=dict(diskgroup=dict(type='str')),
        supports_check_mode=True,
    )
    only = module.params['diskgroup']
    problem = only is not None and name_problem('disk group', only)
    if problem:
        module.fail_json(msg=problem, commands=[])
    runner = Runner(module)
    try:
        facts = collect(read_disks(runner), read_all_diskgroups(runner), only, runner)
    except CommandError as exc:
        fail_command(module, exc, [])
    for warning in space_warnings(facts):
        module.warn(warning)
    module.exit_json(changed=False, commands=[], **facts)


if __name__ == '__main__':
    main()
