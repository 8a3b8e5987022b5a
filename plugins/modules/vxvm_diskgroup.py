#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vxvm_diskgroup
short_description: Create, import, deport and destroy VxVM disk groups
version_added: 0.1.0
description:
  - Makes a Veritas Volume Manager (VxVM) disk group match the request on the node the task runs
    on, with C(vxdisksetup -i), C(vxdg init), C(adddisk), C(rmdisk), C(import), C(deport) and
    C(destroy).
  - Reads the disks once with C(vxdisk -o alldgs list); a request that is already met runs no
    changing command.
  - Uninitialised disks (C(auto:none), C(online invalid)) are initialised as CDS disks first.
    Disk media names are the device names.
  - A disk that belongs to another disk group, is owned by LVM or ZFS, or is in error is refused
    before anything runs.
  - A disk group is never destroyed while one of its volumes is open, and not while it holds
    volumes unless O(force=true).
author:
  - continuum.infoscale developers (@continuum-infoscale)
extends_documentation_fragment:
  - continuum.infoscale.attributes
  - continuum.infoscale.attributes.changing
options:
  name:
    description: Disk group name (at most 31 characters, no white space, not starting with C(-)).
    type: str
    required: true
  disks:
    description:
      - Device (disk access) names, as C(vxdisk list) shows them, that the disk group must hold.
      - Required to create a disk group. Listed disks missing from an existing group are added.
      - Disks of the group that are not listed are kept unless O(purge=true).
    type: list
    elements: str
  state:
    description:
      - V(present) imports the disk group on this node (creating it when needed).
      - V(deported) leaves it deported, visible to every node sharing the disks.
      - V(absent) destroys it.
    type: str
    choices: [present, absent, deported]
    default: present
  purge:
    description: Remove from the group (C(vxdg rmdisk)) the disks not listed in O(disks).
    type: bool
    default: false
  force:
    description:
      - With O(state=absent), destroy a disk group that still holds volumes (their data is lost),
        or one that is deported (it is imported first).
      - Open volumes always prevent the destruction.
    type: bool
    default: false
notes:
  - A disk group imported on another node looks deported from this node; importing it then fails
    with the product's message.
seealso:
  - module: continuum.infoscale.vxvm_volume
  - module: continuum.infoscale.vxvm_info
'''

EXAMPLES = r'''
- name: A disk group on two shared disks, imported here
  continuum.infoscale.vxvm_diskgroup:
    name: dbdg
    disks: [emc0_0, emc0_1]

- name: Hand it over to the cluster (deported, importable by any node)
  continuum.infoscale.vxvm_diskgroup:
    name: dbdg
    state: deported

- name: Destroy an empty disk group
  continuum.infoscale.vxvm_diskgroup:
    name: scratchdg
    state: absent
'''

RETURN = r'''
commands:
  description: The changing commands, as argv lists, that ran (or would run in check mode), in order.
  returned: always
  type: list
  elements: list
  sample: [[vxdisksetup, -i, emc0_1], [vxdg, init, dbdg, emc0_0=emc0_0, emc0_1=emc0_1]]
diskgroup:
  description: The disk group after the task (predicted in check mode).
  returned: always
  type: dict
  contains:
    name:
      description: Disk group name.
      type: str
      sample: dbdg
    state:
      description: V(imported) (on this node), V(deported) (or imported elsewhere) or V(absent).
      type: str
      sample: imported
    disks:
      description: Member disks as device and disk media name.
      type: list
      elements: dict
      sample: [{device: emc0_0, disk: emc0_0}]
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.continuum.infoscale.plugins.module_utils._names import name_problems
from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils._runner import (
    CommandError, Runner, fail_command)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._diskgroup import (
    group_facts, plan_diskgroup)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._read import (
    read_disks, read_volumes_in_use)


def validate(module):
    params = module.params
    pairs = [('disk group', params['name'])]
    pairs.extend(('device', disk) for disk in params['disks'] or [])
    problems = name_problems(pairs)
    duplicates = sorted(set(d for d in params['disks'] or [] if params['disks'].count(d) > 1))
    if duplicates:
        problems.append('disks listed twice: %s' % ', '.join(duplicates))
    if problems:
        module.fail_json(msg='; '.join(problems), commands=[])


def main():
    module = AnsibleModule(
        argument_spec=dict(
            name=dict(type='str', required=True),
            disks=dict(type='list', elements='str'),
            state=dict(type='str', default='present', choices=['present', 'absent', 'deported']),
            purge=dict(type='bool', default=False),
            force=dict(type='bool', default=False),
        ),
        supports_check_mode=True,
    )
    validate(module)
    runner = Runner(module)
    name = module.params['name']
    plan = None
    try:
        plan = plan_diskgroup(read_disks(runner), module.params,
                              lambda: read_volumes_in_use(runner, name))
        runner.apply(plan.commands)
        if plan.changed and not module.check_mode:
            plan.after = group_facts(name, read_disks(runner))
    except PlanError as exc:
        module.fail_json(msg=str(exc), commands=[])
    except CommandError as exc:
        fail_command(module, exc, plan.commands if plan else [], executed=runner.executed)
    module.exit_json(**plan.result(module, diskgroup=plan.after))


if __name__ == '__main__':
    main()
