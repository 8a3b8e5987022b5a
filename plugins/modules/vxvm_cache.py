#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vxvm_cache
short_description: Cache objects for space-optimized VxVM snapshots
version_added: 0.1.0
description:
  - Makes a Veritas Volume Manager (VxVM) cache object, the shared store of the regions in which
    space-optimized instant snapshots differ from their source, match the request.
  - "A new cache is made in three steps: the cache volume (C(vxassist make <cache_volume> <size>
    layout=<layout> init=active)), the cache object (C(vxmake cache <name> cachevolname=<cache_volume>
    regionsize=<region_size> autogrow=on|off [highwatermark=<pct>])) and its start (C(vxcache start))."
  - An existing cache is started when it is stopped, grown with C(vxcache growcacheto) when O(size) is
    larger than the cache, and given the O(autogrow) and O(highwatermark) asked for with C(vxcache set).
    A cache larger than O(size) (for example grown by autogrow) is left as it is.
  - Reads the disk group once with C(vxprint -g <diskgroup> -htr) and the cache's use with
    C(vxcache -g <diskgroup> stat <name>).
author:
  - continuum.infoscale developers (@continuum-infoscale)
extends_documentation_fragment:
  - continuum.infoscale.attributes
  - continuum.infoscale.attributes.changing
options:
  diskgroup:
    description: Disk group of the cache; it must be imported on the node the task runs on.
    type: str
    required: true
    aliases: [dg]
  name:
    description: Name of the cache object.
    type: str
    required: true
  size:
    description:
      - Size of the cache volume, in 512-byte sectors or with a suffix C(k), C(m), C(g) or C(t).
      - Required to create the cache. A larger value than the current size grows the cache; a smaller
        one changes nothing (a cache is never shrunk).
    type: str
  cache_volume:
    description:
      - Name of the cache volume. Defaults to O(name) followed by C(vol).
      - For an existing cache, a different cache volume than the one it has is an error.
    type: str
  layout:
    description: Layout of a new cache volume.
    type: str
    choices: [concat, mirror]
    default: concat
  region_size:
    description:
      - Region size of a new cache (C(regionsize)), a power of two of at least C(16k). Defaults to C(64k).
      - The region size of an existing cache cannot be changed; a different value is an error.
    type: str
  autogrow:
    description:
      - Whether the product grows the cache volume when its use passes the high watermark. A new cache
        gets V(true) when this is not set; an existing one is changed only when this is set.
    type: bool
  highwatermark:
    description: Use, in percent of the cache, at which autogrow grows the cache (product default 90).
    type: int
  state:
    description: Whether the cache should exist.
    type: str
    choices: [present, absent]
    default: present
  force:
    description:
      - With O(state=absent), also remove the space-optimized snapshots that use the cache
        (C(vxedit -rf rm) of each, then of the cache). Without it, a cache in use is not removed and the
        error names its snapshots.
      - Open (mounted or in use) snapshots are never removed.
    type: bool
    default: false
notes:
  - The cache and its cache volume are removed together with C(vxedit -g <diskgroup> -rf rm <name>).
  - A volume that already has the cache volume's name is never taken over as a cache volume.
seealso:
  - module: continuum.infoscale.vxvm_snapshot
  - module: continuum.infoscale.vxvm_info
'''

EXAMPLES = r'''
- name: A 4 GiB mirrored cache for the clones of the golden image
  continuum.infoscale.vxvm_cache:
    diskgroup: bootdg
    name: gold_co
    cache_volume: gold_cachevol
    size: 4g
    layout: mirror

- name: Remove the cache and every clone on it (refused while a clone is in use)
  continuum.infoscale.vxvm_cache:
    diskgroup: bootdg
    name: gold_co
    state: absent
    force: true
'''

RETURN = r'''
commands:
  description: The changing commands, as argv lists, that ran (or would run in check mode), in order.
  returned: always
  type: list
  elements: list
  sample:
    - [vxassist, -g, bootdg, make, gold_cachevol, 4g, layout=mirror, init=active]
    - [vxmake, -g, bootdg, cache, gold_co, cachevolname=gold_cachevol, regionsize=64k, autogrow=on]
    - [vxcache, -g, bootdg, start, gold_co]
cache:
  description: The cache after the task (predicted in check mode); empty when absent.
  returned: always
  type: dict
  contains:
    name:
      description: Cache object name.
      type: str
      sample: gold_co
    diskgroup:
      description: Disk group.
      type: str
      sample: bootdg
    cache_volume:
      description: Cache volume name.
      type: str
      sample: gold_cachevol
    length:
      description: Size of the cache in 512-byte sectors.
      type: int
      sample: 8388608
    size_bytes:
      description: Size of the cache in bytes.
      type: int
      sample: 4294967296
    used:
      description: Sectors of the cache in use by snapshots.
      type: int
      sample: 1048576
    used_bytes:
      description: Bytes of the cache in use by snapshots.
      type: int
      sample: 536870912
    used_percent:
      description: Use of the cache in percent, as C(vxcache stat) shows it.
      type: int
      sample: 12
    region_size:
      description: Region size in sectors.
      type: int
      sample: 128
    region_size_bytes:
      description: Region size in bytes.
      type: int
      sample: 65536
    autogrow:
      description: Whether the cache grows itself.
      type: bool
      sample: true
    highwatermark:
      description: Use in percent at which it grows.
      type: int
      sample: 90
    kstate:
      description: Kernel state of the cache object (ENABLED when started).
      type: str
      sample: ENABLED
    state:
      description: State from C(vxcache stat) (ACTIVE, or FULL when the cache is full).
      type: str
      sample: ACTIVE
    snapshots:
      description: The space-optimized snapshots on the cache.
      type: list
      elements: str
      sample: [vm01_boot, vm02_boot]
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.continuum.infoscale.plugins.module_utils._names import name_problems
from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils._runner import (
    CommandError, Runner, fail_command)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._cache import (
    CACHE_LAYOUTS, cache_facts, plan_cache, region_size_problem)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._read import (
    open_checker, read_cache_stat, read_diskgroup_snapshots, read_or_assume)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._size import (
    SizeError, parse_size)


def validated(module):
    params = dict(module.params)
    params['cache_volume_given'] = params['cache_volume'] is not None
    if params['cache_volume'] is None:
        params['cache_volume'] = '%svol' % params['name']
    problems = name_problems([('disk group', params['diskgroup']), ('cache object', params['name']),
                              ('volume', params['cache_volume'])])
    for key in ('size', 'region_size'):
        params[key + '_text'] = None
        if params[key] is None:
            continue
        try:
            params[key] = parse_size(params[key])
            params[key + '_text'] = module.params[key].strip().lower()
        except SizeError as exc:
            problems.append('%s: %s' % (key, exc))
            continue
        if key == 'region_size':
            problem = region_size_problem(params[key])
            if problem:
                problems.append(problem)
    if params['highwatermark'] is not None and not 1 <= params['highwatermark'] <= 99:
        problems.append('highwatermark is a percentage from 1 to 99, not %s' % params['highwatermark'])
    if problems:
        module.fail_json(msg='; '.join(problems), commands=[])
    return params


def read_stat(runner, dg_view, name):
    return read_cache_stat(runner, dg_view['name'], name) if name in dg_view['caches'] else None


def main():
    module = AnsibleModule(
        argument_spec=dict(
            diskgroup=dict(type='str', required=True, aliases=['dg']),
            name=dict(type='str', required=True),
            size=dict(type='str'),
            cache_volume=dict(type='str'),
            layout=dict(type='str', default='concat', choices=list(CACHE_LAYOUTS)),
            region_size=dict(type='str'),
            autogrow=dict(type='bool'),
            highwatermark=dict(type='int'),
            state=dict(type='str', default='present', choices=['present', 'absent']),
            force=dict(type='bool', default=False),
        ),
        supports_check_mode=True,
    )
    params = validated(module)
    runner = Runner(module)
    dg, name = params['diskgroup'], params['name']
    plan = None
    try:
        dg_view = read_or_assume(module, runner, dg)
        stat = read_stat(runner, dg_view, name)
        before = cache_facts(dg_view['caches'].get(name), stat)
        plan, stat = plan_cache(dg_view, params, stat, open_checker(runner, dg))
        runner.apply(plan.commands)
        after = cache_facts(plan.after, stat)
        if plan.changed and not module.check_mode and params['state'] == 'present':
            dg_view = read_diskgroup_snapshots(runner, dg)
            after = cache_facts(dg_view['caches'].get(name), read_stat(runner, dg_view, name))
    except PlanError as exc:
        module.fail_json(msg=str(exc), commands=plan.commands if plan else [])
    except CommandError as exc:
        fail_command(module, exc, plan.commands if plan else [], executed=runner.executed)
    plan.before, plan.after = before, after
    module.exit_json(**plan.result(module, cache=after))


if __name__ == '__main__':
    main()
