#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vcs_info
short_description: Cluster, systems, service groups, resources and their states in Cluster Server (VCS)
version_added: 0.1.0
description:
  - Returns what Veritas Cluster Server (VCS) knows on the node the task runs on - the cluster and
    its attributes (C(haclus -display)), the systems and the state of every group on every system
    (C(hastatus -sum)), and the configuration of every group - attributes, resources, resource links
    and group dependencies.
  - The configuration comes from C(main.cf) when it is closed (ReadOnly 1), so the whole task takes
    two commands; when someone has it open, from C(hagrp -display), C(hares -display), C(hagrp -dep)
    and C(hares -dep).
  - Resource states (C(hares -state)) are read only with O(resource_states=true).
author:
  - continuum.infoscale developers (@continuum-infoscale)
extends_documentation_fragment:
  - continuum.infoscale.attributes
  - continuum.infoscale.attributes.info_module
options:
  groups:
    description: Only these service groups (names that do not exist are left out of the result).
    type: list
    elements: str
  resource_states:
    description: Also read the state of every resource on every system (one more command).
    type: bool
    default: false
notes:
  - The configuration root is C($VCS_CONF), C(/etc/VRTSvcs) by default.
seealso:
  - module: continuum.infoscale.vcs_service_group
  - module: continuum.infoscale.vcs_group_state
'''

EXAMPLES = r'''
- name: What the cluster runs
  continuum.infoscale.vcs_info:
  register: vcs

- name: Where is the database group online
  ansible.builtin.debug:
    msg: "{{ (vcs.groups | selectattr('name', 'eq', 'db_sg') | first).states | dict2items
             | selectattr('value', 'eq', 'ONLINE') | map(attribute='key') | list }}"

- name: Systems that are not RUNNING
  ansible.builtin.debug:
    msg: "{{ vcs.systems | rejectattr('state', 'eq', 'RUNNING') | map(attribute='name') | list }}"
'''

RETURN = r'''
cluster:
  description: The cluster.
  returned: always
  type: dict
  contains:
    name:
      description: Cluster name.
      type: str
      sample: prodclus
    state:
      description: ClusState (RUNNING...).
      type: str
      sample: RUNNING
    read_only:
      description: Whether the configuration is closed.
      type: bool
    attributes:
      description: Every row of C(haclus -display), attribute to value text.
      type: dict
systems:
  description: Systems of the cluster.
  returned: always
  type: list
  elements: dict
  sample: [{name: prod-n1, state: RUNNING, frozen: false}]
groups:
  description: Service groups, sorted by name.
  returned: always
  type: list
  elements: dict
  contains:
    name:
      description: Group name.
      type: str
    attributes:
      description: Group attributes that differ from their defaults, as in main.cf (text values, lists, dicts).
      type: dict
    system_list:
      description: SystemList, system to priority.
      type: dict
      sample: {prod-n1: 0, prod-n2: 1}
    autostart_list:
      description: AutoStartList.
      type: list
      elements: str
    parallel:
      description: Parallel group.
      type: bool
    frozen:
      description: Persistently frozen.
      type: bool
    states:
      description: State on each system, as C(hastatus -sum) shows it.
      type: dict
      sample: {prod-n1: ONLINE, prod-n2: OFFLINE}
    resources:
      description:
        - Resources by name with their type and attributes (as in main.cf); with
          O(resource_states=true) also C(states), system to state.
      type: dict
      sample: {db_mnt: {type: Mount, attributes: {MountPoint: /db}, states: {prod-n1: ONLINE}}}
    resource_links:
      description: Resource links as [parent, child] pairs.
      type: list
      elements: list
    dependencies:
      description: Dependencies on other groups (child, category, location, rigidity).
      type: list
      elements: dict
source:
  description: Where the configuration was read - V(main.cf) or V(cli).
  returned: always
  type: str
commands:
  description: Always empty; this module changes nothing.
  returned: always
  type: list
  elements: list
  sample: []
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.continuum.infoscale.plugins.module_utils._names import name_problems
from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils._runner import (
    CommandError, Runner, fail_command)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._config import (
    read_configuration_closed, read_configuration_open_groups, read_is_read_only)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._info import (
    cluster_facts, group_facts, system_facts)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._parse import (
    parse_haclus_display, parse_hastatus_sum, parse_state_table)


def collect(runner, names, resource_states):
    attributes = parse_haclus_display(runner.read(['haclus', '-display'])[1])
    summary = parse_hastatus_sum(runner.read(['hastatus', '-sum'])[1])
    if 'ReadOnly' in attributes:
        read_only = attributes['ReadOnly'] == '1'
    else:
        read_only = read_is_read_only(runner)
    config = None
    if read_only:
        config, groups, warnings = read_configuration_closed(names)
        source = 'main.cf'
    else:
        groups, warnings = read_configuration_open_groups(runner, names)
        source = 'cli'
    rows = parse_state_table(runner.read(['hares', '-state'])[1]) if resource_states else None
    return dict(cluster=cluster_facts(attributes, config), systems=system_facts(summary),
                groups=group_facts(groups, summary, rows, names), source=source), warnings


def main():
    module = AnsibleModule(
        argument_spec=dict(
            groups=dict(type='list', elements='str'),
            resource_states=dict(type='bool', default=False),
        ),
        supports_check_mode=True,
    )
    names = module.params['groups']
    problems = name_problems([('group', name) for name in names or []])
    if problems:
        module.fail_json(msg='; '.join(problems), commands=[])
    runner = Runner(module)
    try:
        facts, warnings = collect(runner, names, module.params['resource_states'])
    except PlanError as exc:
        module.fail_json(msg=str(exc), commands=[])
    except CommandError as exc:
        fail_command(module, exc, [])
    for warning in warnings:
        module.warn(warning)
    module.exit_json(changed=False, commands=[], **facts)


if __name__ == '__main__':
    main()
