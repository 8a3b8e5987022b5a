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
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._read import (
    read_all_diskgroups, read_disks)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._records import diskgroup_view
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._size import SECTOR
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._volume import volume_facts


def space(records, dg):
    capacity = sum(r['length'] or 0 for r in records if r['dg'] == dg and r['type'] == 'dm')
    used = sum(r['length'] or 0 for r in records
               if r['dg'] == dg and r['type'] in ('sd', 's2') and r.get('disk'))
    return capacity * SECTOR, (capacity - used) * SECTOR


def collect(disks, records, only):
    names = sorted(set(d['group'] for d in disks if d['group']))
    if only:
        names = [n for n in names if n == only]
    diskgroups, volumes = [], []
    for name in names:
        group = group_facts(name, disks)
        group.update(volumes=[], size_bytes=None, free_bytes=None)
        if group['state'] == 'imported':
            view = diskgroup_view(records, name)
            group['volumes'] = sorted(view['volumes'])
            group['size_bytes'], group['free_bytes'] = space(records, name)
            volumes.extend(volume_facts(view['volumes'][v]) for v in group['volumes'])
        diskgroups.append(group)
    if only:
        disks = [d for d in disks if d['group'] == only]
    return dict(disks=disks, diskgroups=diskgroups, volumes=volumes)


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
        facts = collect(read_disks(runner), read_all_diskgroups(runner), only)
    except CommandError as exc:
        fail_command(module, exc, [])
    module.exit_json(changed=False, commands=[], **facts)


if __name__ == '__main__':
    main()
