#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vbs_steps
short_description: Run the steps of a business service on one VCS cluster and report its groups
version_added: 0.1.0
description:
  - "The unit of work of a virtual business service (the C(continuum.infoscale.business_service) role does the rest):
    on a node of one cluster, bring the service groups of one wave online or offline together, wait
    for each with the product's own wait (C(hagrp -wait)), and report when each step started and
    ended and how it went."
  - Reads every group of the cluster once (C(hagrp -display -attribute State Frozen TFrozen SystemList
    Parallel AutoStartList)); a group already in the state asked is not touched (step status V(unchanged)).
  - A group offline everywhere goes online with C(hagrp -online <group> -any), so VCS picks the system
    (AutoStartList, SystemList priorities, systems where its own group dependencies are met); one
    C(hagrp -state) then tells where it went, to wait there. A group partly online is completed where it
    is; V(offline) takes the group offline everywhere it runs (as M(continuum.infoscale.vcs_group_state)
    plans them).
  - All the steps' commands are issued first, then each step waits in its own thread, so the steps
    run in parallel and each step's end time is when its own group got there.
  - A step fails when its group does not exist, is frozen, cannot go online on any system, faults on
    the way, or does not get there within its timeout; the other steps still finish, and the task
    fails with every step's record, so a caller sees what is done and what failed.
  - With no O(steps) it only reads, which is how the role observes a cluster.
author:
  - continuum.infoscale developers (@continuum-infoscale)
extends_documentation_fragment:
  - continuum.infoscale.attributes
  - continuum.infoscale.attributes.changing
options:
  steps:
    description: The steps to run on this cluster, all in parallel.
    type: list
    elements: dict
    default: []
    suboptions:
      group:
        description: Service group name.
        type: str
        required: true
      action:
        description: Bring the group online or take it offline.
        type: str
        required: true
        choices: [online, offline]
      timeout:
        description: Seconds the step may take, from its first command to its group's state.
        type: int
        default: 600
  groups:
    description: Further service groups to report (the steps' groups are always reported).
    type: list
    elements: str
    default: []
  vms:
    description: Virtual machines (libvirt domains) to report the state of, with one C(virsh list --all) after the steps.
    type: list
    elements: str
    default: []
  dependencies:
    description: Also report the cluster's own links between the reported groups (C(hagrp -dep)).
    type: bool
    default: false
  clear_faults:
    description:
      - Before bringing online a group that runs nowhere and is FAULTED on some system, clear the fault
        (C(hagrp -clear <group>)), so VCS may use that system again. Nothing is lost; if the cause
        is still there the group faults again and the step fails.
      - With V(false) such a step fails and says so.
    type: bool
    default: true
seealso:
  - module: continuum.infoscale.vcs_group_state
  - module: continuum.infoscale.vcs_info
notes:
  - Start and end times are the node's clock, in seconds since the epoch.
'''

EXAMPLES = r'''
- name: Wave 2 of the service on this cluster
  continuum.infoscale.vbs_steps:
    steps:
      - {group: app01_sg, action: online, timeout: 300}
      - {group: app02_sg, action: online, timeout: 300}

- name: Observe the groups and VMs of the tiers on this cluster
  continuum.infoscale.vbs_steps:
    groups: [app01_sg, app02_sg]
    vms: [app01, app02]
    dependencies: true
  register: seen
'''

RETURN = r'''
commands:
  description: The changing commands, as argv lists, that ran (or would run in check mode), in order. Waits are not listed.
  returned: always
  type: list
  elements: list
  sample: [[hagrp, -online, app01_sg, -sys, prod-n1]]
steps:
  description: One record per step, in the order given.
  returned: always
  type: list
  elements: dict
  contains:
    group:
      description: Service group.
      type: str
    action:
      description: V(online) or V(offline).
      type: str
    status:
      description: V(done), V(unchanged) (already there), V(failed), or V(planned) (check mode).
      type: str
    message:
      description: Why the step failed; empty otherwise.
      type: str
    systems:
      description: The systems the step waited on.
      type: list
      elements: str
    commands:
      description: The step's own commands.
      type: list
      elements: list
    started:
      description: When its first command was issued (epoch seconds); null when it did not start.
      type: float
    ended:
      description: When its group reached the state, or the step failed (epoch seconds).
      type: float
    duration:
      description: Seconds from start to end.
      type: float
    states:
      description: The group's state on each system after the step (as waited for, or as last seen on a failure).
      type: dict
    state:
      description: One state for the group (ONLINE, OFFLINE, PARTIAL, FAULTED).
      type: str
  sample:
    - {group: app01_sg, action: online, status: done, message: '', systems: [prod-n1],
       commands: [[hagrp, -online, app01_sg, -sys, prod-n1]], started: 1764021601.0, ended: 1764021615.2,
       duration: 14.2, states: {prod-n1: ONLINE, prod-n2: OFFLINE}, state: ONLINE}
groups:
  description: The reported groups after the steps; a group that does not exist has C(state) null.
  returned: always
  type: dict
  sample: {app01_sg: {states: {prod-n1: ONLINE, prod-n2: OFFLINE}, state: ONLINE, frozen: false, parallel: false}}
vms:
  description: State of each VM asked for (C(running), C(shut off)...), null when the node does not know it.
  returned: always
  type: dict
  sample: {app01: running, app02: shut off}
dependencies:
  description: With O(dependencies=true), the cluster's links between the reported groups.
  returned: always
  type: list
  elements: dict
  sample: [{parent: app01_sg, child: bootdg_sg, category: online, location: local, rigidity: firm}]
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.continuum.infoscale.plugins.module_utils._names import name_problems
from ansible_collections.continuum.infoscale.plugins.module_utils._runner import CommandError, Runner, fail_command
from ansible_collections.continuum.infoscale.plugins.module_utils.kvm._parse import parse_virsh_list
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._steps import (
    ACTIONS, group_facts, read_dependencies, run_steps)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._read import read_views

STEP_SPEC = dict(
    group=dict(type='str', required=True),
    action=dict(type='str', required=True, choices=list(ACTIONS)),
    timeout=dict(type='int', default=600),
)


def input_problems(params):
    pairs = [('group', step['group']) for step in params['steps']] + [('group', name) for name in params['groups']]
    problems = name_problems(pairs)
    seen = set()
    for step in params['steps']:
        if step['timeout'] < 1:
            problems.append('step %s %s: timeout must be at least 1 second, not %s'
                            % (step['group'], step['action'], step['timeout']))
        if step['group'] in seen:
            problems.append('group %s has more than one step; a wave acts once on each group' % step['group'])
        seen.add(step['group'])
    return problems


def read_vms(runner, names):
    if not names:
        return {}
    rows = parse_virsh_list(runner.read(['virsh', 'list', '--all'])[1])
    states = dict((row['name'], row['state']) for row in rows)
    return dict((name, states.get(name)) for name in names)


def report_groups(names, views, records):
    groups = dict((name, group_facts(views[name]) if name in views else {'states': {}, 'state': None})
                  for name in names)
    for record in records:
        if record['group'] in views and record['states']:
            groups[record['group']] = dict(groups[record['group']], states=record['states'], state=record['state'])
    return groups


def failure_message(records):
    failed = [r for r in records if r['status'] == 'failed']
    done = [r for r in records if r['status'] in ('done', 'unchanged')]
    text = '; '.join('%s %s failed: %s' % (r['group'], r['action'], r['message']) for r in failed)
    if done:
        text += ' (done: %s)' % ', '.join('%s %s' % (r['group'], r['action']) for r in done)
    return text


def main():
    module = AnsibleModule(
        argument_spec=dict(
            steps=dict(type='list', elements='dict', default=[], options=STEP_SPEC),
            groups=dict(type='list', elements='str', default=[]),
            vms=dict(type='list', elements='str', default=[]),
            dependencies=dict(type='bool', default=False),
            clear_faults=dict(type='bool', default=True),
        ),
        supports_check_mode=True,
    )
    params = module.params
    problems = input_problems(params)
    if problems:
        module.fail_json(msg='; '.join(problems), commands=[])
    runner = Runner(module)
    names = []
    for name in [step['group'] for step in params['steps']] + params['groups']:
        if name not in names:
            names.append(name)
    try:
        views = read_views(runner)
        links = read_dependencies(runner, names) if params['dependencies'] else []
    except CommandError as exc:
        fail_command(module, exc, [])
    before = report_groups(names, views, [])
    runs = run_steps(runner, params['steps'], views, module.check_mode, params['clear_faults'])
    records = [run.record() for run in runs]
    try:
        vms = read_vms(runner, params['vms'])
    except CommandError as exc:
        vms = dict((name, None) for name in params['vms'])
        module.warn('the VMs could not be read: %s' % exc)
    commands = [argv for record in records for argv in record['commands']]
    changed = bool(commands) if module.check_mode else bool(runner.executed)
    result = dict(changed=changed, commands=commands, steps=records, vms=vms, dependencies=links,
                  groups=report_groups(names, views, records))
    if module._diff:
        result['diff'] = dict(before=dict((n, g['states']) for n, g in before.items()),
                              after=dict((n, g['states']) for n, g in result['groups'].items()))
    if any(record['status'] == 'failed' for record in records):
        module.fail_json(msg=failure_message(records), **result)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
