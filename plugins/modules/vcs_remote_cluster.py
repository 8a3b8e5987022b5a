#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vcs_remote_cluster
short_description: Link this VCS cluster to a remote cluster (Global Cluster Option)
version_added: 0.1.0
description:
  - Makes another cluster a remote cluster of this one, so that global service groups
    (M(continuum.infoscale.vcs_service_group) with O(continuum.infoscale.vcs_service_group#module:cluster_list))
    can run in either and move between them - C(haclus -add <remote> <address>), a wide-area heartbeat to it
    (C(hahb -add), C(hahb -modify <hb> ClusterList ...), C(hahb -modify <hb> Arguments <address> -clus <remote>)),
    and this cluster's own ClusterAddress when O(cluster_address) is given - in one configuration transaction
    (C(haconf -makerw) ... C(haconf -dump -makero)), closed again also on failure.
  - Run it on a node of each cluster, each naming the other; the clusters see each other (C(haclus -state
    <remote>) RUNNING) once both sides are done. With O(wait) the module waits for that with C(haclus -wait
    ClusState RUNNING -clus <remote>).
  - Reads main.cf when the configuration is closed (one command), the engine otherwise.
  - O(state=absent) removes the remote cluster and its heartbeats; refused while a global group lists it in its
    ClusterList unless O(force=true).
author:
  - continuum.infoscale developers (@continuum-infoscale)
extends_documentation_fragment:
  - continuum.infoscale.attributes
  - continuum.infoscale.attributes.changing
options:
  name:
    description: The remote cluster's name (its own ClusterName).
    type: str
    required: true
  address:
    description: The remote cluster's ClusterAddress (the virtual IP of its wide-area connector). Required with O(state=present).
    type: str
  cluster_address:
    description: This cluster's own ClusterAddress; set when it differs. A cluster needs one before it can have remote clusters.
    type: str
  heartbeat:
    description:
      - The wide-area heartbeat to the remote cluster (C(Icmp) or C(IcmpS)), pointed at O(address).
      - An empty string leaves the heartbeats alone.
    type: str
    default: Icmp
  state:
    description: Whether the remote cluster is known to this one.
    type: str
    choices: [present, absent]
    default: present
  force:
    description: With O(state=absent), remove it even when global groups list it in their ClusterList.
    type: bool
    default: false
  wait:
    description: Wait until the remote cluster is RUNNING as seen from here (both sides configured, connected).
    type: bool
    default: false
  wait_timeout:
    description: Seconds to wait with O(wait).
    type: int
    default: 300
seealso:
  - module: continuum.infoscale.vcs_service_group
  - module: continuum.infoscale.vcs_group_state
'''

EXAMPLES = r'''
- name: The DR cluster is a remote cluster of the production one
  continuum.infoscale.vcs_remote_cluster:
    name: drclus
    address: 10.20.1.100
    cluster_address: 10.10.1.100
  delegate_to: "{{ groups['prodclus'][0] }}"

- name: And the other way round, waiting until they see each other
  continuum.infoscale.vcs_remote_cluster:
    name: prodclus
    address: 10.10.1.100
    cluster_address: 10.20.1.100
    wait: true
  delegate_to: "{{ groups['drclus'][0] }}"
'''

RETURN = r'''
commands:
  description: The changing commands, as argv lists, that ran (or would run in check mode), in order.
  returned: always
  type: list
  elements: list
  sample: [[haconf, -makerw], [haclus, -add, drclus, 10.20.1.100], [hahb, -add, Icmp], [haconf, -dump, -makero]]
cluster:
  description: This cluster after the task - C(cluster), C(cluster_address), C(remotes) (name to address), C(heartbeats).
  returned: success
  type: dict
  sample: {cluster: prodclus, cluster_address: 10.10.1.100, remotes: {drclus: 10.20.1.100},
           heartbeats: {Icmp: {clusters: [drclus], arguments: {drclus: [10.20.1.100]}}}}
remote_state:
  description: The remote cluster's state as seen from here after a wait (C(RUNNING)); null without O(wait).
  returned: success
  type: str
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.continuum.infoscale.plugins.module_utils._names import name_problems
from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils._runner import CommandError, Runner
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._apply import (
    fail_run, in_transaction, run_configuration)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._remote_plan import plan_remote, read_view


def shown(view):
    return dict((key, view[key]) for key in ('cluster', 'cluster_address', 'remotes', 'heartbeats'))


def wait_running(runner, remote, seconds):
    """``haclus -wait ClusState RUNNING -clus <remote>``; PlanError naming the state seen on a timeout."""
    try:
        runner.read(['haclus', '-wait', 'ClusState', 'RUNNING', '-clus', remote, '-time', str(seconds)])
    except CommandError:
        seen = runner.read(['haclus', '-state', remote], ok_rcs=(0, 1))[1].strip() or 'unknown'
        raise PlanError('remote cluster %s is not RUNNING after %s seconds (state seen from here: %s); is it '
                        'configured on its side, with this cluster as its remote cluster?' % (remote, seconds, seen))
    return 'RUNNING'


def main():
    module = AnsibleModule(
        argument_spec=dict(
            name=dict(type='str', required=True),
            address=dict(type='str'),
            cluster_address=dict(type='str'),
            heartbeat=dict(type='str', default='Icmp'),
            state=dict(type='str', default='present', choices=['present', 'absent']),
            force=dict(type='bool', default=False),
            wait=dict(type='bool', default=False),
            wait_timeout=dict(type='int', default=300),
        ),
        supports_check_mode=True,
    )
    params = module.params
    pairs = [('cluster', params['name'])]
    pairs += [(kind, params[key]) for kind, key in (('address', 'address'), ('address', 'cluster_address'),
                                                    ('heartbeat', 'heartbeat')) if params[key]]
    problems = name_problems(pairs)
    if params['heartbeat'] and params['heartbeat'] not in ('Icmp', 'IcmpS'):
        problems.append('heartbeat must be Icmp or IcmpS (or empty to leave heartbeats alone), not %s' % params['heartbeat'])
    if params['wait_timeout'] < 1:
        problems.append('wait_timeout must be at least 1 second, not %s' % params['wait_timeout'])
    if problems:
        module.fail_json(msg='; '.join(problems), commands=[])
    runner = Runner(module)
    commands = []
    try:
        before, read_only = read_view(runner)
        planned, after = plan_remote(before, params)
        commands = in_transaction(planned, read_only)
        run_configuration(runner, planned, read_only)
        remote_state = None
        if params['wait'] and params['state'] == 'present' and not module.check_mode:
            remote_state = wait_running(runner, params['name'], params['wait_timeout'])
    except (PlanError, CommandError) as exc:
        fail_run(module, exc, commands, runner)
    result = dict(changed=bool(commands), commands=commands, cluster=shown(after), remote_state=remote_state)
    if module._diff:
        result['diff'] = dict(before=shown(before), after=shown(after))
    module.exit_json(**result)


if __name__ == '__main__':
    main()
