#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vcs_group_state
short_description: Bring a VCS service group online or offline, switch, freeze, unfreeze or clear it
version_added: 0.1.0
description:
  - Drives the operational state of a Veritas Cluster Server (VCS) service group with C(hagrp),
    and waits for the result with the product's own C(hagrp -wait) (no polling).
  - Reads the group once (C(hagrp -display <group> -attribute State Frozen TFrozen SystemList
    Parallel AutoStartList)); a group already in the state asked is not touched.
  - O(state=online) with O(system) brings the group online there; a failover group online on
    another system is switched (C(hagrp -switch <group> -to <system>)). Without O(system), a
    failover group already online (or partly online) somewhere is left there (completed when
    partial); otherwise it goes online on the first system that is RUNNING (C(hasys -state)) and
    where it is not faulted, taken from its AutoStartList in order, then from the rest of its
    SystemList by priority. A parallel group goes online on every RUNNING system of its
    AutoStartList (of its SystemList when the AutoStartList is empty).
  - O(state=offline) takes the group offline on O(system), or on every system where it is not offline.
  - O(state=frozen) freezes the group (C(hagrp -freeze)); with O(persistent=true) the freeze is
    saved in the configuration, in its own transaction (C(haconf -makerw) ... C(haconf -dump -makero)).
    O(state=unfrozen) removes any freeze, temporary and persistent.
  - O(state=cleared) clears a fault (C(hagrp -clear)) on O(system), or on every system.
  - In check mode a group that does not exist yet is taken as made by an earlier task (with a
    warning), so a whole deployment can be previewed.
  - Refused before anything runs - an unknown group, a system not in the group's SystemList,
    bringing online, taking offline or switching a frozen group (VCS refuses it too), bringing
    online where the group is faulted.
author:
  - continuum.infoscale developers (@continuum-infoscale)
extends_documentation_fragment:
  - continuum.infoscale.attributes
  - continuum.infoscale.attributes.changing
options:
  name:
    description: Service group name. One of O(name) and O(names) is required.
    type: str
  names:
    description:
      - Several service groups, each driven to O(state) as O(name) would be, in one task - all read with one
        C(hagrp -display -attribute ...), every command issued, then each group waited for (so groups
        brought online together start together). A persistent freeze or unfreeze of several groups is one
        configuration transaction.
      - O(system) then applies to every group; O(cluster) is not taken with O(names).
      - In check mode the groups that do not exist yet are taken as made by an earlier task.
    type: list
    elements: str
    version_added: 0.1.0
  state:
    description: The state asked for.
    type: str
    required: true
    choices: [online, offline, frozen, unfrozen, cleared]
  system:
    description:
      - The system (for V(online), the target; for V(offline) and V(cleared), the only system acted on).
      - It must be in the group's SystemList.
    type: str
  persistent:
    description:
      - With O(state=frozen), freeze persistently (kept across restarts, written to main.cf).
      - O(state=unfrozen) removes any freeze, persistent or not; other states ignore this option.
    type: bool
    default: false
  cluster:
    description:
      - For a global group (Global Cluster Option), the cluster to act in - V(online) brings the group online
        there (C(hagrp -online <group> -any -clus <cluster>)), or switches it there from the cluster where it runs
        (C(hagrp -switch <group> -any -clus <cluster>)); V(offline) takes it offline there. O(system) then names
        a system of that cluster.
      - The group's state in every cluster comes from one C(hagrp -state <group>); the cluster must be RUNNING
        as seen from here and in the group's ClusterList. This cluster's own name brings the group back here
        (C(-clus) with this cluster) when it runs in another cluster; for a group that is not global it acts as if
        O(cluster) were not given.
      - Only with O(state=online) or O(state=offline).
    type: str
    version_added: 0.1.0
  wait:
    description: Wait until the group reaches the state asked (C(hagrp -wait)).
    type: bool
    default: true
  wait_timeout:
    description:
      - Seconds to wait, for all the waits of the task together. When they run out, the task fails
        naming the group, the system, the state expected, the last state seen and the resources that
        are not in that state.
    type: int
    default: 300
notes:
  - In check mode the commands are computed and nothing is run, not even the waits.
  - C(group.states) after a change is the state the task waited for (or, with O(wait=false), the
    state asked for).
seealso:
  - module: continuum.infoscale.vcs_service_group
  - module: continuum.infoscale.vcs_info
'''

EXAMPLES = r'''
- name: Database group online on its preferred system, waiting up to 10 minutes
  continuum.infoscale.vcs_group_state:
    name: db_sg
    state: online
    wait_timeout: 600

- name: Move it to the second node (hagrp -switch)
  continuum.infoscale.vcs_group_state:
    name: db_sg
    state: online
    system: prod-n2

- name: Move a global group to the DR cluster (GCO), waiting until it runs there
  continuum.infoscale.vcs_group_state:
    name: db_sg
    state: online
    cluster: drclus

- name: Maintenance - freeze it, kept across restarts
  continuum.infoscale.vcs_group_state:
    name: db_sg
    state: frozen
    persistent: true

- name: Clear a fault on one node
  continuum.infoscale.vcs_group_state:
    name: db_sg
    state: cleared
    system: prod-n1

- name: Take it offline everywhere
  continuum.infoscale.vcs_group_state:
    name: db_sg
    state: offline

- name: Every VM group online, started together, each waited for
  continuum.infoscale.vcs_group_state:
    names: [web01_sg, web02_sg, web03_sg]
    state: online
'''

RETURN = r'''
commands:
  description: The changing commands, as argv lists, that ran (or would run in check mode), in order. Waits are not listed.
  returned: always
  type: list
  elements: list
  sample: [[hagrp, -switch, db_sg, -to, prod-n2]]
waited:
  description: The waits done, as state and system (and C(group) with O(names)).
  returned: success
  type: list
  elements: dict
  sample: [{state: ONLINE, system: prod-n2}]
groups:
  description: With O(names), each group after the task, in the order given (each as C(group) below).
  returned: success, with O(names)
  type: list
  elements: dict
  sample: [{name: web01_sg, states: {prod-n1: ONLINE, prod-n2: OFFLINE}}]
group:
  description: The group after the task (the states waited for or asked for).
  returned: success, with O(name)
  type: dict
  contains:
    name:
      description: Group name.
      type: str
      sample: db_sg
    states:
      description: State on each system (C(ONLINE), C(OFFLINE), C(PARTIAL), C(OFFLINE|FAULTED)...).
      type: dict
      sample: {prod-n1: OFFLINE, prod-n2: ONLINE}
    frozen:
      description: Persistently frozen (Frozen).
      type: bool
    tfrozen:
      description: Temporarily frozen (TFrozen).
      type: bool
    parallel:
      description: Parallel group.
      type: bool
    system_list:
      description: SystemList, system to priority.
      type: dict
      sample: {prod-n1: 0, prod-n2: 1}
    autostart_list:
      description: AutoStartList.
      type: list
      elements: str
    cluster:
      description: With O(cluster) naming another cluster, that cluster; C(states) are then its systems' (and only
        C(name), C(cluster) and C(states) are returned).
      type: str
states:
  description: Last group states seen when a wait failed (system to state).
  returned: failure of a wait
  type: dict
  sample: {prod-n1: OFFLINE|FAULTED, prod-n2: OFFLINE}
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.continuum.infoscale.plugins.module_utils._names import name_problems
from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils._runner import CommandError, Runner
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._apply import (
    Deadline, WaitFailed, fail_run, in_transaction, run_configuration, wait_for_state)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._cluster_state import (
    plan_cluster_state, read_local_cluster, read_states_by_cluster, run_cluster_state)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._config import read_is_read_only
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._read import (
    read_group_view, read_system_states, read_views)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._state_plan import (
    STATES, plan_group_state)


def read_group_view_or_preview(module, runner, name):
    """The group; None in check mode when it does not exist yet (an earlier task makes it)."""
    try:
        return read_group_view(runner, name)
    except PlanError as exc:
        if not module.check_mode or 'does not exist' not in str(exc):
            raise
        module.warn('%s; check mode assumes an earlier task creates it' % exc)
        return None


def preview_command(params):
    """What would run for a group still to be made: its exact target is not known yet."""
    verb = {'online': '-online', 'offline': '-offline', 'frozen': '-freeze',
            'unfrozen': '-unfreeze', 'cleared': '-clear'}[params['state']]
    where = ['-sys', params['system']] if params['system'] else (
        ['-any'] if params['state'] in ('online', 'offline') else [])
    return ['hagrp', verb, params['name']] + where


def in_other_cluster(module, runner, params):
    """The task for a global group in a remote cluster; returns only when ``cluster`` is this cluster."""
    name, cluster = params['name'], params['cluster']
    commands = []
    try:
        local = read_local_cluster(runner)
        before = read_states_by_cluster(runner, name, local)
        if cluster == local and len(before) < 2:
            return      # not a global group, or no other cluster seen: the usual local task
        commands, waits = plan_cluster_state(name, params['state'], cluster, params['system'], before)
        waited = []
        if module.check_mode or not params['wait']:
            runner.apply(commands)
        else:
            waited = run_cluster_state(runner, name, cluster, local, commands, waits, before, Deadline(params['wait_timeout']))
    except (PlanError, WaitFailed, CommandError) as exc:
        fail_run(module, exc, commands, runner)
    after = dict(before)
    for entry in waited:
        after[cluster] = dict(after.get(cluster, {}), **{entry['system']: entry['state']})
    result = dict(changed=bool(commands), commands=commands, waited=waited,
                  group={'name': name, 'cluster': cluster, 'states': after.get(cluster, {})})
    if module._diff:
        result['diff'] = dict(before=before, after=after)
    module.exit_json(**result)


def read_group_views(module, runner, names):
    """[(name, view or None)]: the groups in one read; None for one that does not exist yet (check mode)."""
    views = read_views(runner)
    missing = [name for name in names if name not in views]
    if missing:
        message = 'service group %s does not exist in this cluster' % ', '.join(missing)
        if not module.check_mode:
            raise PlanError(message)
        module.warn('%s; check mode assumes an earlier task creates it' % message)
    return [(name, views.get(name)) for name in names]


def run_groups(module, runner, params):
    """state for every group of ``names``: one read, one transaction, all operations, then the waits."""
    plans, previews, commands, waited = [], [], [], []
    systems = {}

    def running():
        if not systems:
            systems.update(read_system_states(runner))
        return systems

    try:
        for name, view in read_group_views(module, runner, params['names']):
            if view is None:
                previews.append(preview_command(dict(params, name=name)))
            else:
                plans.append((name, plan_group_state(view, params, running)))
        config = [argv for name, plan in plans for argv in plan.config]
        operations = [argv for name, plan in plans for argv in plan.operations]
        opens = read_is_read_only(runner) if config else False
        commands = in_transaction(config, opens) + operations + previews
        run_configuration(runner, config, opens)
        runner.apply(operations)
        if params['wait'] and not module.check_mode:
            deadline = Deadline(params['wait_timeout'])
            for name, plan in plans:
                for state, system in plan.waits:
                    wait_for_state(runner, name, state, system, deadline)
                    waited.append(dict(group=name, state=state, system=system))
    except (PlanError, WaitFailed, CommandError) as exc:
        fail_run(module, exc, commands, runner)
    afters = dict((name, plan.after) for name, plan in plans)
    result = dict(changed=bool(previews) or any(plan.changed for name, plan in plans), commands=commands,
                  waited=waited, groups=[afters.get(name, {}) for name in params['names']])
    if module._diff:
        result['diff'] = dict(before=dict((name, plan.before) for name, plan in plans), after=afters)
    module.exit_json(**result)


def main():
    module = AnsibleModule(
        argument_spec=dict(
            name=dict(type='str'),
            names=dict(type='list', elements='str'),
            state=dict(type='str', required=True, choices=list(STATES)),
            system=dict(type='str'),
            persistent=dict(type='bool', default=False),
            cluster=dict(type='str'),
            wait=dict(type='bool', default=True),
            wait_timeout=dict(type='int', default=300),
        ),
        required_one_of=[('name', 'names')],
        mutually_exclusive=[('name', 'names'), ('names', 'cluster')],
        supports_check_mode=True,
    )
    params = module.params
    pairs = [('group', name) for name in ([params['name']] if params['name'] is not None else params['names'])]
    if params['system'] is not None:
        pairs.append(('system', params['system']))
    problems = name_problems(pairs)
    if params['names'] is not None and not params['names']:
        problems.append('names is empty')
    if params['names'] and len(set(params['names'])) != len(params['names']):
        problems.append('names lists a group twice')
    if params['wait_timeout'] < 1:
        problems.append('wait_timeout must be at least 1 second, not %s' % params['wait_timeout'])
    if params['cluster'] is not None:
        problems.extend(name_problems([('cluster', params['cluster'])]))
        if params['state'] not in ('online', 'offline'):
            problems.append('cluster applies to state=online or state=offline, not %s' % params['state'])
    if problems:
        module.fail_json(msg='; '.join(problems), commands=[])
    runner = Runner(module)
    if params['names'] is not None:
        run_groups(module, runner, params)
    if params['cluster'] is not None:
        in_other_cluster(module, runner, params)
    name = params['name']
    commands = []
    waited = []
    try:
        view = read_group_view_or_preview(module, runner, name)
        if view is None:
            module.exit_json(changed=True, commands=[preview_command(params)], waited=[], group={})
        plan = plan_group_state(view, params, lambda: read_system_states(runner))
        opens = read_is_read_only(runner) if plan.config else False
        commands = in_transaction(plan.config, opens) + plan.operations
        run_configuration(runner, plan.config, opens)
        runner.apply(plan.operations)
        if params['wait'] and not module.check_mode:
            deadline = Deadline(params['wait_timeout'])
            for state, system in plan.waits:
                wait_for_state(runner, name, state, system, deadline)
                waited.append(dict(state=state, system=system))
    except (PlanError, WaitFailed, CommandError) as exc:
        fail_run(module, exc, commands, runner)
    result = dict(changed=plan.changed, commands=commands, waited=waited, group=plan.after)
    if module._diff:
        result['diff'] = dict(before=plan.before, after=plan.after)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
