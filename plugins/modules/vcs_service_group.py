#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vcs_service_group
short_description: Configure a Cluster Server (VCS) service group, its resources and dependencies
version_added: 0.1.0
description:
  - Makes the configuration of a Veritas Cluster Server (VCS) service group match the request -
    group attributes (SystemList, AutoStartList, Parallel and any other), resources with their
    attributes and per-system values, resource links (C(requires)) and dependencies on other
    groups, with C(hagrp) and C(hares).
  - Reads the configuration once. When it is closed (C(haclus -value ReadOnly) is 1), VCS wrote
    it to disk when it was closed, so C(main.cf) is read and parsed and no other command runs.
    When someone has it open, the group is read from the engine (C(hagrp -list),
    C(hagrp -display), C(hares -display -group), C(hagrp -dep), C(hares -dep)).
  - Every change runs in one configuration transaction, C(haconf -makerw) ... C(haconf -dump -makero).
    The configuration is closed again also when a command fails. When it was already open
    (someone else's transaction), the module changes it without opening or closing it.
  - Only what differs is changed. An attribute is compared with its effective value, the
    type's default when main.cf does not set it. Attributes the task does not mention are left
    as they are.
  - New resources are enabled last, after their attributes and links are set, so that agents
    only monitor complete resources.
  - Bad input fails before any change, naming the problem - unknown resource types or
    attributes, a cycle in C(requires), a dependency on a group that does not exist, a system
    that is not in the cluster, a resource name used by another group. In check mode a child
    group that does not exist yet is taken as made by an earlier task (with a warning).
  - Operational state (online, offline, freeze) is the job of M(continuum.infoscale.vcs_group_state).
author:
  - continuum.infoscale developers (@continuum-infoscale)
extends_documentation_fragment:
  - continuum.infoscale.attributes
  - continuum.infoscale.attributes.changing
options:
  name:
    description:
      - Service group name (no white space, not starting with C(-)).
      - One of O(name) and O(groups) is required.
    type: str
  groups:
    description:
      - Several groups (O(state=present) only) configured in one task and one configuration transaction
        (C(haconf -makerw) ... C(haconf -dump -makero) once for all). Each entry is a dict of the options
        O(name), O(system_list), O(autostart_list), O(parallel), O(cluster_list), O(cluster_failover_policy),
        O(attributes), O(resources), O(dependencies) and O(purge), as for one group; the task's own values of
        these options are the defaults for what an entry leaves out.
      - A group may depend on another group of the same task. Every entry is checked, against the cluster
        too, before anything runs; a resource name used by two entries is refused.
    type: list
    elements: dict
    version_added: 0.1.0
  state:
    description:
      - V(present) creates or updates the group.
      - V(absent) deletes it with its resources. A group that is not offline everywhere, or that
        other groups depend on, is refused unless O(force=true).
    type: str
    choices: [present, absent]
    default: present
  system_list:
    description:
      - The systems the group can run on (SystemList).
      - 'A list gives them in priority order (priorities 0, 1, 2...); a dict gives each system''s
        priority, for example C({prod-n1: 0, prod-n2: 1}).'
      - Every system must be a system of the cluster.
    type: raw
  autostart_list:
    description: Systems where the group starts automatically, in order (AutoStartList); each must be in the SystemList.
    type: list
    elements: str
  parallel:
    description:
      - Whether the group is parallel (online on several systems at once) rather than a failover group.
      - Set it when creating a group; VCS may refuse to change it once the group has resources.
    type: bool
  cluster_list:
    description:
      - Makes the group global (Global Cluster Option) - the clusters it can run in (ClusterList), as for
        O(system_list) a list in priority order or a dict of cluster name to priority.
      - The same group must be configured in each cluster, and each other cluster must be a remote cluster of
        this one (M(continuum.infoscale.vcs_remote_cluster)).
    type: raw
    version_added: 0.1.0
  cluster_failover_policy:
    description:
      - How a global group fails over between clusters (ClusterFailOverPolicy) - V(Manual) only by an operator
        (switch, or a declared disaster), V(Auto) when its cluster faults, V(Connected) only while the
        clusters are still connected.
    type: str
    choices: [Manual, Auto, Connected]
    version_added: 0.1.0
  attributes:
    description:
      - Any other service group attribute, by its VCS name, for example C(OnlineRetryLimit),
        C(FailOverPolicy), C(ClusterList), C(SysDownPolicy).
      - A keylist or vector is a list, an association a dict, anything else a single value.
      - C(SystemList), C(AutoStartList) and C(Parallel) have their own options; C(Frozen) is set
        by M(continuum.infoscale.vcs_group_state).
    type: dict
  resources:
    description:
      - Resources of the group. Resources the group has that are not listed are kept unless
        O(purge=true).
    type: list
    elements: dict
    suboptions:
      name:
        description: Resource name, unique in the cluster.
        type: str
        required: true
      type:
        description:
          - Resource type, for example C(DiskGroup), C(Volume), C(Mount), C(IP), C(NIC),
            C(Application), C(Process), C(Phantom), C(Proxy), C(KVMGuest), C(RVG),
            C(RVGPrimary), C(RVGSnapshot), or a type defined in the node's types.cf files.
          - The type of an existing resource cannot change.
        type: str
        required: true
      attributes:
        description:
          - 'Attribute values, by VCS name, for example C({MountPoint: /db, FSType: vxfs}).'
          - A keylist or vector is a list, an association a dict. A value starting with C(-)
            is passed escaped as the product requires (C(%-y)).
          - Static (type-level) attributes such as C(OnlineTimeout) or C(RestartLimit) are
            overridden for this resource first (C(hares -override)).
        type: dict
      per_system:
        description:
          - 'Per-system (local) values, as attribute name to a dict of system name to value,
            for example C({Address: {prod-n1: 10.0.0.11, prod-n2: 10.0.0.12}}).'
          - The attribute is made local (C(hares -local)) when it is not yet.
        type: dict
      critical:
        description:
          - Whether a fault of this resource faults the group (Critical). Left as it is when
            omitted; a new resource is critical.
        type: bool
      enabled:
        description: Whether agents monitor the resource (Enabled).
        type: bool
        default: true
      requires:
        description: Resources of the same group this one needs (its children, C(hares -link <this> <child>)).
        type: list
        elements: str
  dependencies:
    description:
      - Groups this group depends on (C(hagrp -link <name> <child> <category> <location> <rigidity>)).
      - A dependency that differs from the current one on the same child group is unlinked and linked again.
    type: list
    elements: dict
    suboptions:
      child:
        description: The group this one depends on; it must exist.
        type: str
        required: true
      category:
        description: V(online) (this group needs the child online) or V(offline) (needs it offline).
        type: str
        choices: [online, offline]
        default: online
      location:
        description: V(local) (same system), V(global) (any system) or V(remote) (another system). Offline dependencies are local.
        type: str
        choices: [local, global, remote]
        default: local
      rigidity:
        description:
          - V(soft), V(firm) or V(hard). Defaults to V(firm) for online dependencies, the product's own
            default when the word is omitted; offline dependencies have none.
        type: str
        choices: [soft, firm, hard]
  purge:
    description:
      - Remove the resources, resource links and group dependencies of the group that the task does
        not list. Attributes that are not listed are never reset.
    type: bool
    default: false
  force:
    description:
      - With O(state=absent), take the group offline first (C(hagrp -offline -any), then wait) when
        it is online or partly online, and unlink the groups that depend on it.
    type: bool
    default: false
  wait_timeout:
    description: Seconds to wait for the group to go offline before deleting it (O(force=true)).
    type: int
    default: 300
notes:
  - The configuration root is C($VCS_CONF), C(/etc/VRTSvcs) by default; C(main.cf) and the
    C(types.cf) files are read in C($VCS_CONF/conf/config). Types defined there extend the module's
    own table of bundled types.
  - A no-op run reads C(haclus -value ReadOnly) and C(main.cf), nothing else.
  - The C(group) and C(diff) values describe the configuration as planned; values equal to their
    default are not shown, as in main.cf.
seealso:
  - module: continuum.infoscale.vcs_group_state
  - module: continuum.infoscale.vcs_info
'''

EXAMPLES = r'''
- name: Database group - disk group, volume, file system, address and the application
  continuum.infoscale.vcs_service_group:
    name: db_sg
    system_list: [prod-n1, prod-n2]
    autostart_list: [prod-n1]
    attributes:
      OnlineRetryLimit: 2
    resources:
      - {name: db_dg, type: DiskGroup, attributes: {DiskGroup: dbdg}}
      - {name: db_vol, type: Volume, attributes: {DiskGroup: dbdg, Volume: dbvol}, requires: [db_dg]}
      - name: db_mnt
        type: Mount
        attributes: {MountPoint: /db, BlockDevice: /dev/vx/dsk/dbdg/dbvol, FSType: vxfs, FsckOpt: -y}
        requires: [db_vol]
      - {name: db_nic, type: NIC, attributes: {Device: eth0}}
      - name: db_ip
        type: IP
        attributes: {Device: eth0, NetMask: 255.255.255.0}
        per_system:
          Address: {prod-n1: 10.0.0.11, prod-n2: 10.0.0.12}
        requires: [db_nic]
      - name: db_app
        type: Application
        attributes:
          StartProgram: /opt/db/bin/start
          StopProgram: /opt/db/bin/stop
          MonitorProcesses: [/opt/db/bin/dbd]
        requires: [db_mnt, db_ip]

- name: Application tier - needs the database online anywhere in the cluster
  continuum.infoscale.vcs_service_group:
    name: app_sg
    system_list: {prod-n1: 1, prod-n2: 0}
    resources:
      - {name: app_proc, type: Process, attributes: {PathName: /opt/app/bin/appd}}
    dependencies:
      - {child: db_sg, category: online, location: global, rigidity: soft}
    purge: true

- name: Delete a group, taking it offline first
  continuum.infoscale.vcs_service_group:
    name: old_sg
    state: absent
    force: true
'''

RETURN = r'''
commands:
  description:
    - Every changing command, as argv lists, that ran (or would run in check mode), in order,
      including C(haconf -makerw) and C(haconf -dump -makero).
    - Waits (C(hagrp -wait)) are not listed.
  returned: always
  type: list
  elements: list
  sample:
    - [haconf, -makerw]
    - [hagrp, -add, app_sg]
    - [hagrp, -modify, app_sg, SystemList, prod-n1, '0', prod-n2, '1']
    - [hares, -add, app_proc, Process, app_sg]
    - [hares, -modify, app_proc, PathName, /opt/app/bin/appd]
    - [hares, -modify, app_proc, Enabled, '1']
    - [haconf, -dump, -makero]
groups:
  description: With O(groups), each group after the task, in the order given, as RV(group).
  returned: with O(groups)
  type: list
  elements: dict
  sample: [{name: web01_sg, attributes: {SystemList: {prod-n1: '0', prod-n2: '1'}}}]
group:
  description:
    - The group configuration after the task (as planned), in the shape of main.cf - values are
      text, keylists and vectors lists, associations dicts; per-system values are dicts whose keys
      are C(@) and the system name. Attributes equal to their default are left out.
    - Empty when the group is absent.
  returned: always
  type: dict
  contains:
    name:
      description: Group name.
      type: str
      sample: app_sg
    attributes:
      description: Group attributes.
      type: dict
      sample: {SystemList: {prod-n1: '0', prod-n2: '1'}, AutoStartList: [prod-n1]}
    resources:
      description: Resources by name, each with its type and attributes.
      type: dict
      sample: {app_proc: {type: Process, attributes: {PathName: /opt/app/bin/appd}}}
    resource_links:
      description: Resource links as [parent, child] pairs.
      type: list
      elements: list
      sample: [[db_mnt, db_vol]]
    dependencies:
      description: Dependencies on other groups.
      type: list
      elements: dict
      sample: [{child: db_sg, category: online, location: global, rigidity: soft}]
diff:
  description:
    - With C(--diff), two entries - the group configuration before and after as dicts, and the
      group's main.cf text before and after (with O(groups), these two for each group in turn).
  returned: when diff mode is on
  type: list
  elements: dict
source:
  description: Where the configuration was read - V(main.cf) (closed configuration) or V(cli) (open configuration).
  returned: success
  type: str
  sample: main.cf
'''

from ansible.module_utils.basic import AnsibleModule
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils._runner import CommandError, Runner
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._apply import (
    Deadline, WaitFailed, fail_run, in_transaction, run_configuration, wait_for_state)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._config import read_configuration
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._group_plan import (
    CATEGORIES, LOCATIONS, RIGIDITIES, plan_group_removal, plan_service_group, request_problems)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._maincf import render_maincf
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._read import read_group_states

RESOURCE_OPTIONS = dict(
    name=dict(type='str', required=True),
    type=dict(type='str', required=True),
    attributes=dict(type='dict'),
    per_system=dict(type='dict'),
    critical=dict(type='bool'),
    enabled=dict(type='bool', default=True),
    requires=dict(type='list', elements='str'),
)

DEPENDENCY_OPTIONS = dict(
    child=dict(type='str', required=True),
    category=dict(type='str', default='online', choices=list(CATEGORIES)),
    location=dict(type='str', default='local', choices=list(LOCATIONS)),
    rigidity=dict(type='str', choices=list(RIGIDITIES)),
)


def maincf_text(name, group):
    """The group as hacf writes it in main.cf ('' when there is none)."""
    if not group:
        return ''
    return render_maincf({'groups': {name: group}})


def group_result(name, group):
    if not group:
        return {}
    result = dict(name=name)
    result.update(group)
    return result


def diff_of(name, before, after):
    return [
        dict(before=group_result(name, before), after=group_result(name, after)),
        dict(before=maincf_text(name, before), after=maincf_text(name, after),
             before_header='main.cf group %s (before)' % name,
             after_header='main.cf group %s (after)' % name),
    ]


def remove(module, runner, view, name, planned):
    """state=absent: returns (commands, before); ``planned`` gets the commands once known."""
    current = view.group(name)
    states = read_group_states(runner, name) if current is not None else None
    operations, offline_on, config, before = plan_group_removal(
        name, current, states, view, module.params['force'])
    commands = operations + in_transaction(config, view.read_only)
    planned.extend(commands)
    runner.apply(operations)
    if not module.check_mode:
        deadline = Deadline(module.params['wait_timeout'])
        for system in offline_on:
            wait_for_state(runner, name, 'OFFLINE', system, deadline)
    run_configuration(runner, config, view.read_only)
    return commands, before


class _WithGroupsToBe(object):
    """A configuration view that also counts groups an earlier task is to create."""

    def __init__(self, view, names):
        self._view = view
        self._names = list(names)

    def __getattr__(self, attribute):
        return getattr(self._view, attribute)

    def group_names(self):
        return list(self._view.group_names()) + self._names


def assume_new_children(module, view, dependencies):
    """Check mode: child groups that do not exist yet are taken as made by an earlier task."""
    existing = view.group_names()
    missing = [d['child'] for d in dependencies or [] if d['child'] not in existing]
    if not missing:
        return view
    module.warn('group %s does not exist yet; check mode assumes an earlier task creates it'
                % ', '.join(missing))
    return _WithGroupsToBe(view, missing)


GROUP_SPEC = dict(
    name=dict(type='str'),
    state=dict(type='str', default='present', choices=['present', 'absent']),
    system_list=dict(type='raw'),
    autostart_list=dict(type='list', elements='str'),
    parallel=dict(type='bool'),
    cluster_list=dict(type='raw'),
    cluster_failover_policy=dict(type='str', choices=['Manual', 'Auto', 'Connected']),
    attributes=dict(type='dict'),
    resources=dict(type='list', elements='dict', options=RESOURCE_OPTIONS),
    dependencies=dict(type='list', elements='dict', options=DEPENDENCY_OPTIONS),
    purge=dict(type='bool', default=False),
    force=dict(type='bool', default=False),
    wait_timeout=dict(type='int', default=300),
)
ENTRY_KEYS = ('name', 'system_list', 'autostart_list', 'parallel', 'cluster_list', 'cluster_failover_policy',
              'attributes', 'resources', 'dependencies', 'purge')


def group_requests(params):
    """Each entry of ``groups`` validated as one group's options, the task's values as defaults;
    returns (requests, problems)."""
    requests, problems = [], []
    for index, entry in enumerate(params['groups']):
        label = 'groups[%d]' % index
        unknown = sorted(set(entry) - set(ENTRY_KEYS))
        if unknown:
            problems.append('%s: unknown option %s (an entry takes %s)' % (label, ', '.join(unknown), ', '.join(ENTRY_KEYS)))
            continue
        merged = dict((key, params[key]) for key in ENTRY_KEYS if key != 'name' and params[key] is not None)
        merged.update((key, value) for key, value in entry.items() if value is not None)
        checked = ArgumentSpecValidator(GROUP_SPEC).validate(merged)
        if checked.error_messages:
            problems.extend('%s: %s' % (entry.get('name', label), message) for message in checked.error_messages)
            continue
        if not checked.validated_parameters.get('name'):
            problems.append('%s has no name' % label)
            continue
        requests.append(checked.validated_parameters)
    names = [request['name'] for request in requests]
    problems += ['group %s is listed more than once' % name for name in sorted(set(names)) if names.count(name) > 1]
    owners = {}
    for request in requests:
        for resource in request.get('resources') or []:
            owners.setdefault(resource['name'], []).append(request['name'])
    problems += ['resource %s is listed in groups %s (resource names are unique in a cluster)'
                 % (resource, ', '.join(groups)) for resource, groups in sorted(owners.items()) if len(groups) > 1]
    for request in requests:
        problems += ['group %s: %s' % (request['name'], problem) for problem in request_problems(request)]
    return requests, problems


def configure_groups(module, runner, params):
    """``groups``: every group planned against one read of the configuration, all changed in one transaction
    (group links last, so a group may depend on one made by the same task)."""
    requests, problems = group_requests(params)
    if problems:
        module.fail_json(msg='; '.join(problems), commands=[])
    planned, plans, source = [], [], None
    try:
        view = read_configuration(runner)
        source = view.source
        for warning in view.warnings:
            module.warn(warning)
        names = [request['name'] for request in requests]
        view = _WithGroupsToBe(view, [name for name in names if name not in view.group_names()])
        if module.check_mode:
            view = assume_new_children(module, view, [d for r in requests for d in r['dependencies'] or []])
        for request in requests:
            try:
                plans.append((request['name'], plan_service_group(request, view)))
            except PlanError as exc:
                raise PlanError('group %s: %s' % (request['name'], exc))
        changes = [argv for name, plan in plans for argv in plan.commands if argv[:2] != ['hagrp', '-link']]
        changes += [argv for name, plan in plans for argv in plan.commands if argv[:2] == ['hagrp', '-link']]
        planned.extend(in_transaction(changes, view.read_only))
        run_configuration(runner, changes, view.read_only)
    except (PlanError, WaitFailed, CommandError) as exc:
        fail_run(module, exc, planned, runner)
    result = dict(changed=bool(planned), commands=planned, source=source,
                  groups=[group_result(name, plan.after) for name, plan in plans])
    if module._diff:
        result['diff'] = [entry for name, plan in plans for entry in diff_of(name, plan.before, plan.after)]
    module.exit_json(**result)


def main():
    module = AnsibleModule(
        argument_spec=dict(GROUP_SPEC, groups=dict(type='list', elements='dict')),
        required_one_of=[('name', 'groups')],
        mutually_exclusive=[('name', 'groups')],
        supports_check_mode=True,
    )
    params = module.params
    if params['groups'] is not None:
        if params['state'] != 'present':
            module.fail_json(msg='groups is for state=present; remove groups one task each', commands=[])
        configure_groups(module, Runner(module), params)
    name = params['name']
    problems = request_problems(params) if params['state'] == 'present' else request_problems({'name': name})
    if problems:
        module.fail_json(msg='; '.join(problems), commands=[])
    runner = Runner(module)
    planned = []
    source = None
    try:
        view = read_configuration(runner)
        source = view.source
        for warning in view.warnings:
            module.warn(warning)
        if module.check_mode and params['state'] == 'present':
            view = assume_new_children(module, view, params['dependencies'])
        if params['state'] == 'absent':
            commands, before = remove(module, runner, view, name, planned)
            after = None
        else:
            plan = plan_service_group(params, view)
            commands = in_transaction(plan.commands, view.read_only)
            planned.extend(commands)
            run_configuration(runner, plan.commands, view.read_only)
            before, after = plan.before, plan.after
    except (PlanError, WaitFailed, CommandError) as exc:
        fail_run(module, exc, planned, runner)
    result = dict(changed=bool(commands), commands=commands, group=group_result(name, after), source=source)
    if module._diff:
        result['diff'] = diff_of(name, before, after)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
