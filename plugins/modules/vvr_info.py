#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vvr_info
short_description: Replication status of a Volume Replicator data set, per secondary
version_added: 0.1.0
description:
  - Reads a replicated data set (RDS) of Veritas Volume Replicator with C(vradmin -g <dg> -l repstatus <rvg>)
    and, for each secondary, its link with C(vxrlink -g <dg> status <rlink>), and returns per secondary its data
    status, replication status, mode, lag in seconds and in bytes, and the SRL use.
  - The same data comes from the C(infoscale_parse) filter kinds V(vradmin repstatus) and V(vxrlink status).
  - C(vxrlink status) answers for a link of the Primary; run the module on the Primary's node to get the lag in
    bytes and the SRL use (elsewhere they are null, with a warning).
author:
  - continuum.infoscale developers (@continuum-infoscale)
extends_documentation_fragment:
  - continuum.infoscale.attributes
  - continuum.infoscale.attributes.info_module
options:
  diskgroup:
    description: Disk group holding the RVG on this node.
    type: str
    required: true
  rvg:
    description: Name of the replicated volume group (the RDS is named after it).
    type: str
    required: true
  links:
    description: Also read each secondary's link with C(vxrlink status) (lag in bytes, SRL use).
    type: bool
    default: true
seealso:
  - module: continuum.infoscale.vxvm_info
'''

EXAMPLES = r'''
- name: How far behind is the DR site
  continuum.infoscale.vvr_info:
    diskgroup: dbdg
    rvg: db_rvg
  register: replication

- name: Refuse to go on when the secondary is behind
  ansible.builtin.assert:
    that: replication.secondaries | map(attribute='up_to_date') is all
'''

RETURN = r'''
rds:
  description: The replicated data set (RVG name on the Primary).
  returned: success
  type: str
  sample: db_rvg
primary:
  description: The Primary - C(host), C(rvg), C(dg), C(rvg_state), C(data_volumes), C(srl), C(srl_size_bytes).
  returned: success
  type: dict
  sample: {host: prod-n1, rvg: db_rvg, dg: dbdg, rvg_state: enabled for I/O, data_volumes: 2, srl: db_srl,
           srl_size_bytes: 4294967296}
secondaries:
  description: One entry per secondary.
  returned: success
  type: list
  elements: dict
  contains:
    host:
      description: Secondary host.
      type: str
    rlink:
      description: The Primary's link to it.
      type: str
    data_status:
      description: As printed (V(consistent, up-to-date), V(consistent, behind), V(inconsistent), V(needs recovery)...).
      type: str
    replication_status:
      description: As printed (V(replicating (connected)), V(paused by user), V(logging to DCM ...), V(needs failback synchronization)...).
      type: str
    mode:
      description: Current mode (V(asynchronous), V(synchronous)); C(configured_mode) is the configured one.
      type: str
    up_to_date:
      description: Data status is consistent and up to date.
      type: bool
    consistent:
      description: Data status is consistent (up to date or behind).
      type: bool
    replicating:
      description: Replication status is replicating.
      type: bool
    lag_seconds:
      description: Seconds behind (Timestamp Information), null when not known.
      type: int
    lag_bytes:
      description: Bytes of writes not yet on the secondary (outstanding on the SRL), null when not read.
      type: int
    srl_percent:
      description: Percentage of the SRL these writes occupy, null when not read.
      type: int
    logging_to:
      description: V(SRL) or V(DCM ...).
      type: str
  sample:
    - {host: dr-n1, rlink: rlk_dr-n1_db_rvg, data_status: 'consistent, behind', replication_status: replicating (connected),
       mode: asynchronous, configured_mode: asynchronous, up_to_date: false, consistent: true, replicating: true,
       lag_seconds: 12, lag_bytes: 52428800, srl_percent: 1, logging_to: SRL}
repstatus:
  description: The whole C(vradmin -l repstatus) output as data (see the C(infoscale_parse) filter).
  returned: success
  type: dict
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.continuum.infoscale.plugins.module_utils._names import name_problems
from ansible_collections.continuum.infoscale.plugins.module_utils._runner import CommandError, Runner, fail_command
from ansible_collections.continuum.infoscale.plugins.module_utils.vvr._parse import (
    data_consistent, data_up_to_date, parse_repstatus, parse_vxrlink_status, replicating)


def secondary_view(secondary, link):
    kbytes = (link or {}).get('srl_kbytes')
    if link and link.get('up_to_date'):
        kbytes = 0
    return {
        'host': secondary.get('host'), 'rlink': secondary.get('rlink_from_primary'),
        'data_status': secondary.get('data_status'), 'replication_status': secondary.get('replication_status'),
        'mode': secondary.get('current_mode'), 'configured_mode': secondary.get('configured_mode'),
        'up_to_date': data_up_to_date(secondary), 'consistent': data_consistent(secondary),
        'replicating': replicating(secondary), 'lag_seconds': secondary.get('lag_seconds'),
        'lag_bytes': None if kbytes is None else kbytes * 1024,
        'srl_percent': 0 if link and link.get('up_to_date') else (link or {}).get('srl_percent'),
        'logging_to': secondary.get('logging_to'),
    }


def read_link(module, runner, diskgroup, rlink):
    try:
        return parse_vxrlink_status(runner.read(['vxrlink', '-g', diskgroup, 'status', rlink])[1])
    except CommandError as exc:
        module.warn('the lag in bytes of %s is not known here (%s); run on the Primary to read it' % (rlink, exc))
        return None


def main():
    module = AnsibleModule(
        argument_spec=dict(
            diskgroup=dict(type='str', required=True),
            rvg=dict(type='str', required=True),
            links=dict(type='bool', default=True),
        ),
        supports_check_mode=True,
    )
    params = module.params
    problems = name_problems([('disk group', params['diskgroup']), ('RVG', params['rvg'])])
    if problems:
        module.fail_json(msg='; '.join(problems))
    runner = Runner(module)
    try:
        status = parse_repstatus(runner.read(['vradmin', '-g', params['diskgroup'], '-l', 'repstatus', params['rvg']])[1])
    except CommandError as exc:
        fail_command(module, exc, [])
    if status['primary'] is None:
        module.fail_json(msg='vradmin repstatus of %s in %s gave no Primary: %s'
                         % (params['rvg'], params['diskgroup'], ' '.join(status['messages']) or 'no output'), repstatus=status)
    secondaries = []
    for secondary in status['secondaries']:
        link = None
        if params['links'] and secondary.get('rlink_from_primary'):
            link = read_link(module, runner, params['diskgroup'], secondary['rlink_from_primary'])
        secondaries.append(secondary_view(secondary, link))
    primary = dict((key, status['primary'].get(key)) for key in
                   ('host', 'rvg', 'dg', 'rvg_state', 'data_volumes', 'srl', 'srl_size_bytes'))
    module.exit_json(changed=False, rds=status['rds'], primary=primary, secondaries=secondaries, repstatus=status)


if __name__ == '__main__':
    main()
