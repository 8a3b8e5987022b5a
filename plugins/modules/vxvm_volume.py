#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vxvm_volume
short_description: Create, grow, shrink and remove VxVM volumes
version_added: 0.1.0
description:
  - Makes a Veritas Volume Manager (VxVM) volume in an imported disk group match the request,
    with C(vxassist make), C(growto), C(shrinkto) and C(remove volume).
  - Reads the whole disk group once with C(vxprint -g <diskgroup> -htr); a request that is already
    met runs no changing command.
  - A size equal to the current length after the rounding C(vxassist) applies (8 KiB for CDS disk
    groups, a full stripe width for striped layouts) is no change.
  - Nothing is shrunk unless O(allow_shrink=true), and an open (mounted) volume is never shrunk
    or removed.
  - The layout of an existing volume is not changed (no relayout); a request for another layout
    fails with an explanation.
  - A volume that has instant snapshots (for example a golden image with its clones) is not
    removed; the error names the snapshots to remove first with M(continuum.infoscale.vxvm_snapshot).
author:
  - continuum.infoscale developers (@continuum-infoscale)
extends_documentation_fragment:
  - continuum.infoscale.attributes
  - continuum.infoscale.attributes.changing
options:
  diskgroup:
    description: Disk group holding the volume; it must be imported on the node the task runs on.
    type: str
    required: true
    aliases: [dg]
  name:
    description: Volume name (at most 31 characters, no white space, not starting with C(-)).
    type: str
    required: true
  size:
    description:
      - Length of the volume. A whole number is in 512-byte sectors, as in C(vxassist); the
        suffixes C(k), C(m), C(g) and C(t) give kibibytes, mebibytes, gibibytes and tebibytes.
      - Required to create a volume. When omitted for an existing volume its size is left as it is.
    type: str
  layout:
    description:
      - Layout of a new volume. Defaults to C(concat) on creation.
      - For an existing volume, a different value is an error (no relayout).
    type: str
    choices: [concat, stripe, mirror, mirror-stripe, stripe-mirror, concat-mirror]
  ncol:
    description:
      - Number of stripe columns for the striped layouts.
      - Defaults to the number of disks (divided by O(nmirror) for mirrored stripes), at most 8.
    type: int
  nmirror:
    description: Number of mirrors (plexes) for the mirrored layouts. Defaults to 2.
    type: int
  state:
    description: Whether the volume should exist.
    type: str
    choices: [present, absent]
    default: present
  allow_shrink:
    description:
      - Allow a smaller O(size) than the current length. Data beyond the new end is lost, so this
        is refused unless set, and always refused while the volume is open.
    type: bool
    default: false
  prepared:
    description:
      - Make the volume ready for instant snapshots (C(vxsnap prepare) adds a DCO) when it is not.
      - V(false) leaves a prepared volume as it is.
    type: bool
    default: false
notes:
  - The size is passed to C(vxassist) as given, so the product applies its own rounding.
  - C(vxassist -f shrinkto) shrinks the volume only; shrink a file system on it first.
  - In check mode, a disk group that is not imported yet is assumed to be created by an earlier
    task (with a warning), so a whole deployment can be previewed.
seealso:
  - module: continuum.infoscale.vxvm_diskgroup
  - module: continuum.infoscale.vxvm_info
'''

EXAMPLES = r'''
- name: A 20 GiB mirrored volume for the database
  continuum.infoscale.vxvm_volume:
    diskgroup: dbdg
    name: dbvol
    size: 20g
    layout: mirror

- name: A striped volume over four columns
  continuum.infoscale.vxvm_volume:
    diskgroup: dbdg
    name: logvol
    size: 8g
    layout: stripe
    ncol: 4

- name: Grow it (never shrinks unless allow_shrink is set)
  continuum.infoscale.vxvm_volume:
    diskgroup: dbdg
    name: logvol
    size: 16g

- name: Remove a volume (refused while it is mounted)
  continuum.infoscale.vxvm_volume:
    diskgroup: dbdg
    name: scratch
    state: absent
'''

RETURN = r'''
commands:
  description: The changing commands, as argv lists, that ran (or would run in check mode), in order.
  returned: always
  type: list
  elements: list
  sample: [[vxassist, -g, dbdg, make, dbvol, 20g, layout=mirror, nmirror=2]]
volume:
  description: The volume after the task (predicted in check mode); empty when absent.
  returned: always
  type: dict
  contains:
    name:
      description: Volume name.
      type: str
      sample: dbvol
    diskgroup:
      description: Disk group.
      type: str
      sample: dbdg
    length:
      description: Length in 512-byte sectors.
      type: int
      sample: 41943040
    size_bytes:
      description: Length in bytes.
      type: int
      sample: 21474836480
    layout:
      description: Layout derived from the plexes.
      type: str
      sample: mirror
    ncol:
      description: Stripe columns, or null for unstriped layouts.
      type: int
      sample: 4
    nmirror:
      description: Number of data plexes (1 when not mirrored).
      type: int
      sample: 2
    kstate:
      description: Kernel state (ENABLED, DISABLED, DETACHED).
      type: str
      sample: ENABLED
    state:
      description: Volume state (ACTIVE, CLEAN, EMPTY...).
      type: str
      sample: ACTIVE
    device:
      description: Block device path.
      type: str
      sample: /dev/vx/dsk/dbdg/dbvol
    raw_device:
      description: Character device path.
      type: str
      sample: /dev/vx/rdsk/dbdg/dbvol
    instant_ready:
      description: The volume has a DCO (C(vxsnap prepare) was run), so instant snapshots can be taken.
      type: bool
      sample: true
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.continuum.infoscale.plugins.module_utils._names import name_problems
from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils._runner import (
    CommandError, Runner, fail_command)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._read import (
    read_diskgroup, read_or_assume, read_volumes_in_use)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._size import (
    SizeError, parse_size)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._volume import (
    LAYOUTS, plan_volume, volume_facts)


def validated(module):
    params = dict(module.params)
    problems = name_problems([('disk group', params['diskgroup']), ('volume', params['name'])])
    for key in ('ncol', 'nmirror'):
        if params[key] is not None and params[key] < 1:
            problems.append('%s must be a positive number, not %s' % (key, params[key]))
    params['size_text'] = None
    if params['size'] is not None:
        try:
            params['size'] = parse_size(params['size'])
            params['size_text'] = module.params['size'].strip().lower()
        except SizeError as exc:
            problems.append(str(exc))
    if problems:
        module.fail_json(msg='; '.join(problems), commands=[])
    return params


def main():
    module = AnsibleModule(
        argument_spec=dict(
            diskgroup=dict(type='str', required=True, aliases=['dg']),
            name=dict(type='str', required=True),
            size=dict(type='str'),
            layout=dict(type='str', choices=list(LAYOUTS)),
            ncol=dict(type='int'),
            nmirror=dict(type='int'),
            state=dict(type='str', default='present', choices=['present', 'absent']),
            allow_shrink=dict(type='bool', default=False),
            prepared=dict(type='bool', default=False),
        ),
        supports_check_mode=True,
    )
    params = validated(module)
    runner = Runner(module)
    dg = params['diskgroup']
    plan = None
    try:
        dg_view = read_or_assume(module, runner, dg)
        plan = plan_volume(dg_view, params, lambda name: name in read_volumes_in_use(runner, dg)[1])
        runner.apply(plan.commands)
        after = plan.after
        if plan.changed and not module.check_mode and params['state'] == 'present':
            after = read_diskgroup(runner, dg)['volumes'].get(params['name'])
    except PlanError as exc:
        module.fail_json(msg=str(exc), commands=[])
    except CommandError as exc:
        fail_command(module, exc, plan.commands if plan else [], executed=runner.executed)
    plan.before = volume_facts(plan.before)
    plan.after = volume_facts(after)
    module.exit_json(**plan.result(module, volume=plan.after))


if __name__ == '__main__':
    main()
