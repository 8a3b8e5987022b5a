#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vxvm_snapshot
short_description: Instant snapshots (clones) of VxVM volumes
version_added: 0.1.0
description:
  - Creates, removes, refreshes and restores Veritas Volume Manager (VxVM) instant snapshots of one
    source volume, for example space-optimized clones of a golden image.
  - Space-optimized snapshots keep only the regions that differ from the source, in a cache object
    (see M(continuum.infoscale.vxvm_cache)); full-sized snapshots are volumes of the source's length.
  - Several snapshots given in O(names) are made by one C(vxsnap make) call with one tuple each.
  - The source is prepared for instant snapshots (C(vxsnap prepare), which adds a DCO) when it is not
    prepared yet.
  - Reads the disk group once with C(vxprint -g <diskgroup> -htr); whether a volume is open is read
    with C(vxprint -q -v -F '%name %devopen') only before a removal, refresh or restore.
author:
  - continuum.infoscale developers (@continuum-infoscale)
extends_documentation_fragment:
  - continuum.infoscale.attributes
  - continuum.infoscale.attributes.changing
options:
  diskgroup:
    description: Disk group of the source volume and its snapshots, imported on the node the task runs on.
    type: str
    required: true
    aliases: [dg]
  source:
    description: The volume the snapshots are taken of (for example the golden image).
    type: str
    required: true
  name:
    description: Name of the snapshot volume. Exactly one of O(name) and O(names) is required.
    type: str
  names:
    description: Names of several snapshot volumes of O(source), made in one C(vxsnap make) call.
    type: list
    elements: str
  type:
    description: Kind of snapshot to make.
    type: str
    choices: [space_optimized, full_sized]
    default: space_optimized
  cache:
    description:
      - Cache object for space-optimized snapshots. Required for them unless O(cachesize) is given.
      - When the cache is smaller than 10% of what its snapshots could need (their sources' length), the
        module warns; the snapshots are made anyway, the cache fills as they diverge from the source.
    type: str
  cachesize:
    description:
      - Size of a cache made for this one space-optimized snapshot (C(vxsnap make .../cachesize=<size>))
        when no O(cache) is given. Only with a single snapshot.
    type: str
  sync:
    description: For full-sized snapshots, wait with C(vxsnap syncwait) until each new one is in sync.
    type: bool
    default: true
  state:
    description:
      - V(present) makes the snapshots that do not exist.
      - V(absent) removes them; space-optimized ones with C(vxedit -rf rm), full-sized ones with
        C(vxsnap dis) then C(vxedit -rf rm). An open snapshot is not removed.
      - V(refreshed) resets each snapshot to the current contents of O(source) (C(vxsnap refresh));
        it always reports a change. An open snapshot is not refreshed.
      - V(restored) copies one snapshot back onto O(source) (C(vxsnap restore)); it always reports a
        change and is refused while the source is open.
    type: str
    choices: [present, absent, refreshed, restored]
    default: present
notes:
  - A name that belongs to a volume that is not a snapshot of O(source) is refused before anything runs.
  - A source volume that has snapshots is not removed by M(continuum.infoscale.vxvm_volume).
seealso:
  - module: continuum.infoscale.vxvm_cache
  - module: continuum.infoscale.vxvm_volume
  - module: continuum.infoscale.vxvm_info
'''

EXAMPLES = r'''
- name: Ten boot disks cloned from the golden image in one vxsnap call
  continuum.infoscale.vxvm_snapshot:
    diskgroup: bootdg
    source: gold
    names: [vm01_boot, vm02_boot, vm03_boot, vm04_boot, vm05_boot, vm06_boot, vm07_boot, vm08_boot, vm09_boot, vm10_boot]
    cache: gold_co

- name: Reset a clone to the golden image
  continuum.infoscale.vxvm_snapshot:
    diskgroup: bootdg
    source: gold
    name: vm01_boot
    state: refreshed

- name: Retire a clone
  continuum.infoscale.vxvm_snapshot:
    diskgroup: bootdg
    source: gold
    name: vm01_boot
    state: absent
'''

RETURN = r'''
commands:
  description: The changing commands, as argv lists, that ran (or would run in check mode), in order.
  returned: always
  type: list
  elements: list
  sample:
    - [vxsnap, -g, bootdg, prepare, gold]
    - [vxsnap, -g, bootdg, make, source=gold/newvol=vm01_boot/cache=gold_co, source=gold/newvol=vm02_boot/cache=gold_co]
snapshots:
  description: The requested snapshots that exist after the task (predicted in check mode), in the order asked.
  returned: always
  type: list
  elements: dict
  contains:
    name:
      description: Snapshot volume name.
      type: str
      sample: vm01_boot
    diskgroup:
      description: Disk group.
      type: str
      sample: bootdg
    source:
      description: The volume it is a snapshot of.
      type: str
      sample: gold
    type:
      description: V(space_optimized) (on a cache) or V(full_sized).
      type: str
      sample: space_optimized
    cache:
      description: Cache object of a space-optimized snapshot, else null.
      type: str
      sample: gold_co
    length:
      description: Length in 512-byte sectors (the source's length).
      type: int
      sample: 41943040
    size_bytes:
      description: Length in bytes.
      type: int
      sample: 21474836480
    kstate:
      description: Kernel state of the snapshot volume.
      type: str
      sample: ENABLED
    state:
      description: Volume state (ACTIVE; INVALID when its full cache invalidated it).
      type: str
      sample: ACTIVE
    device:
      description: Block device path.
      type: str
      sample: /dev/vx/dsk/bootdg/vm01_boot
    raw_device:
      description: Character device path.
      type: str
      sample: /dev/vx/rdsk/bootdg/vm01_boot
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.continuum.infoscale.plugins.module_utils._names import name_problems
from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils._runner import (
    CommandError, Runner, fail_command)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._read import (
    open_checker, read_diskgroup_snapshots, read_or_assume)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._size import (
    SizeError, parse_size)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._snapshot import (
    STATES, TYPES, plan_snapshots, snapshot_facts)


def validated(module):
    params = dict(module.params)
    names = [params['name']] if params['name'] is not None else list(params['names'] or [])
    params['names'] = names
    pairs = [('disk group', params['diskgroup']), ('volume', params['source'])]
    pairs.extend(('volume', name) for name in names)
    if params['cache'] is not None:
        pairs.append(('cache object', params['cache']))
    problems = name_problems(pairs)
    if not names:
        problems.append('names must list at least one snapshot')
    repeated = sorted(set(name for name in names if names.count(name) > 1))
    if repeated:
        problems.append('names lists %s more than once' % ', '.join(repeated))
    if params['source'] in names:
        problems.append('a snapshot cannot have the name of its source %s' % params['source'])
    if params['type'] == 'full_sized' and (params['cache'] or params['cachesize']):
        problems.append('cache and cachesize apply to space_optimized snapshots only')
    if params['cache'] and params['cachesize']:
        problems.append('give either cache (an existing cache object) or cachesize, not both')
    params['cachesize_text'] = None
    if params['cachesize'] is not None:
        if len(names) > 1:
            problems.append('cachesize makes one cache per snapshot; for several snapshots make a cache '
                            '(continuum.infoscale.vxvm_cache) and give cache')
        try:
            parse_size(params['cachesize'])
            params['cachesize_text'] = params['cachesize'].strip().lower()
        except SizeError as exc:
            problems.append('cachesize: %s' % exc)
    if problems:
        module.fail_json(msg='; '.join(problems), commands=[])
    return params


def facts_in_order(views, names):
    return [snapshot_facts(views[name]) for name in names if views.get(name)]


def main():
    module = AnsibleModule(
        argument_spec=dict(
            diskgroup=dict(type='str', required=True, aliases=['dg']),
            source=dict(type='str', required=True),
            name=dict(type='str'),
            names=dict(type='list', elements='str'),
            type=dict(type='str', default='space_optimized', choices=list(TYPES)),
            cache=dict(type='str'),
            cachesize=dict(type='str'),
            sync=dict(type='bool', default=True),
            state=dict(type='str', default='present', choices=list(STATES)),
        ),
        mutually_exclusive=[('name', 'names')],
        required_one_of=[('name', 'names')],
        supports_check_mode=True,
    )
    params = validated(module)
    runner = Runner(module)
    dg, names = params['diskgroup'], params['names']
    plan = None
    try:
        dg_view = read_or_assume(module, runner, dg, volumes=[params['source']],
                                 caches=[params['cache']] if params.get('cache') else [])
        plan, warnings = plan_snapshots(dg_view, params, open_checker(runner, dg))
        for warning in warnings:
            module.warn(warning)
        runner.apply(plan.commands)
        after = plan.after
        if plan.changed and not module.check_mode and params['state'] == 'present':
            after = read_diskgroup_snapshots(runner, dg)['snapshots']
    except PlanError as exc:
        module.fail_json(msg=str(exc), commands=[])
    except CommandError as exc:
        fail_command(module, exc, plan.commands if plan else [], executed=runner.executed)
    plan.before = dict((name, snapshot_facts(plan.before.get(name))) for name in names)
    plan.after = dict((name, snapshot_facts(after.get(name))) for name in names)
    module.exit_json(**plan.result(module, snapshots=facts_in_order(after, names)))


if __name__ == '__main__':
    main()
