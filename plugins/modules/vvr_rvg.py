#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vvr_rvg
short_description: Replicated data sets of Veritas Volume Replicator - RVG, SRL, secondaries, replication state
version_added: 0.1.0
description:
  - Makes a replicated data set (RDS) of Veritas Volume Replicator (VVR) match the request - a primary
    replicated volume group (RVG) over data volumes of a disk group, its storage replicator log (SRL), its
    secondary hosts with their replication mode - and starts, pauses or stops replication to them, or
    removes the RDS.
  - Runs on the Primary's node. Reads the disk group once with C(vxprint -g <diskgroup> -htr) and, when the RVG
    is there, the RDS with C(vradmin -g <diskgroup> -l repstatus <name>); a request that is already met runs
    no changing command.
  - O(state=present) creates what is missing - the SRL (C(vxassist make)) when O(srl_size) is given, the
    Primary RVG (C(vradmin createpri)), each missing secondary (C(vradmin addsec)), each data volume missing
    from an existing RVG (C(vradmin addvol)) - and changes the mode or bandwidth limit of a secondary
    (C(vradmin set)). It does not start replication; a new secondary is V(stopped).
  - O(state=started) is O(state=present), then C(vradmin -a startrep) (initial synchronisation by autosync)
    to each secondary that is not replicating and C(vradmin resumerep) to each paused one.
    O(state=paused) pauses replication (C(vradmin pauserep); a stopped secondary is started first);
    O(state=stopped) stops it (C(vradmin stoprep)). These apply to every secondary of the RDS.
  - O(state=absent) stops replication, removes every secondary (C(vradmin delsec)) and the Primary RVG
    (C(vradmin delpri)). The data volumes and the SRL are kept, with their data. This is refused while a data
    volume is open (mounted, in use), and while replication is not stopped unless O(force=true).
  - Each secondary must hold the data volumes, with the same names and sizes, and a volume named like the SRL
    before it is added (for example made with M(continuum.infoscale.vxvm_volume) on the secondary's node). This node
    cannot see them, so C(vradmin addsec) checks them; when it refuses, the task removes again what it created in
    the same run (secondaries, Primary RVG, SRL) and fails with the product's message, so the estate is as before.
  - Bad input fails before any command that changes something runs - names, sizes, a data volume missing on
    the Primary or belonging to another RVG, a missing SRL without O(srl_size), a Primary that is not
    O(primary).
author:
  - continuum.infoscale developers (@continuum-infoscale)
extends_documentation_fragment:
  - continuum.infoscale.attributes
  - continuum.infoscale.attributes.changing
options:
  diskgroup:
    description: Disk group holding the data volumes and the SRL; it must be imported on the node the task runs on.
    type: str
    required: true
    aliases: [dg]
  name:
    description: Name of the RVG (the RDS is named after it), the same on every host.
    type: str
    required: true
    aliases: [rvg]
  volumes:
    description:
      - Data volumes to replicate, in the disk group on the Primary (and, with the same names and sizes, on each
        secondary).
      - Required to create the RVG. For an existing RVG, a listed volume that it does not replicate yet is added
        (C(vradmin addvol)); a volume it replicates but not listed stays (with a warning); when omitted, the
        volumes are left as they are.
    type: list
    elements: str
  srl:
    description:
      - Name of the SRL volume (storage replicator log).
      - Defaults to C(<name>_srl) for a new RVG; an existing RVG keeps its SRL (naming another one is an error).
    type: str
  srl_size:
    description:
      - Length of the SRL when it has to be created (C(vxassist -g <diskgroup> make <srl> <srl_size>)), in 512-byte
        sectors or with a suffix k, m, g or t, as for M(continuum.infoscale.vxvm_volume).
      - Without it a missing SRL is an error. An existing SRL is not resized.
      - The secondaries need an SRL of the same name too; create it there before adding them.
    type: str
  primary:
    description:
      - Host name of the Primary, as VVR knows it (C(vradmin addsec <rvg> <primary> <secondary>)); the task must
        run on this host.
      - When the RDS exists with another Primary the task fails; change roles with M(continuum.infoscale.vvr_role).
    type: str
    required: true
  secondaries:
    description:
      - Secondary hosts of the RDS. A missing one is added; for an existing one, a given O(secondaries[].mode) or
        O(secondaries[].bandwidth_limit) that differs is changed with C(vradmin set).
      - A secondary of the RDS that is not listed stays (with a warning). When omitted, the secondaries are left as
        they are.
    type: list
    elements: dict
    suboptions:
      host:
        description: Host name of the secondary (in another cluster, joined by a replication link).
        type: str
        required: true
      mode:
        description:
          - V(sync) - synchronous replication (C(synchronous=override) - asynchronous while the link is down, so the
            application is never stopped by the network); V(async) - asynchronous (C(synchronous=off)).
          - Defaults to V(async) for a new secondary; an existing one keeps its mode.
        type: str
        choices: [sync, async]
      bandwidth_limit:
        description:
          - Highest network rate replication to this secondary may use, in bits per second with a unit - C(bps),
            C(kbps), C(mbps) or C(gbps) (for example V(30mbps)) - or V(none) for no limit.
          - When omitted a new secondary has no limit and an existing one keeps its limit.
        type: str
  state:
    description:
      - V(present) - the RDS is configured as asked; replication is left as it is.
      - V(started) - configured, and replicating to every secondary.
      - V(paused) - configured, and replication paused to every secondary.
      - V(stopped) - configured, and replication stopped to every secondary.
      - V(absent) - no RDS; the volumes are kept.
    type: str
    choices: [present, absent, started, stopped, paused]
    default: present
  wait:
    description:
      - With O(state=started), wait until every secondary is C(consistent, up-to-date) and C(replicating) (the
        initial synchronisation is over).
      - VVR has no command that waits for this, so the task reads C(vradmin -l repstatus) at once, then after 1, 2,
        4 and 8 seconds and then every 10 seconds until O(wait_timeout).
      - With continuous writes an asynchronous secondary may stay C(consistent, behind); give such a task
        O(wait=false) or a longer O(wait_timeout).
      - A secondary that logs to the DCM because the SRL overflowed (C(logging to DCM (needs dcm resynchronization)))
        does not catch up by itself; the task fails at once and names C(vradmin resync).
    type: bool
    default: true
  wait_timeout:
    description: Seconds to wait (O(wait)); when they run out the task fails, naming the secondaries and their last status.
    type: int
    default: 1800
  force:
    description:
      - With O(state=absent), stop replication (C(vradmin stoprep)) before removing an RDS that is still replicating
        or paused. The secondary's data stays as it is, but it is no longer kept up to date.
      - Never removes an RDS whose data volumes are open.
    type: bool
    default: false
notes:
  - Only the Primary's node is read; a secondary's volumes are checked by C(vradmin addsec) itself.
  - A secondary whose replication status belongs to a role change (C(needs failback synchronization),
    C(secondary config error)...) makes O(state=started), V(paused) and V(stopped) fail; finish the role change with
    M(continuum.infoscale.vvr_role).
  - The vradmin message for an unknown RVG has not been seen from a real system; an RVG the disk group does not
    show in C(vxprint) is taken as absent, without asking vradmin.
  - In check mode the commands are computed and nothing is run, not even the wait. A disk group that is not
    imported yet is assumed to be made by an earlier task (with a warning), so a whole deployment can be previewed.
seealso:
  - module: continuum.infoscale.vvr_info
  - module: continuum.infoscale.vxvm_volume
'''

EXAMPLES = r'''
- name: Replicate the database volumes to the DR site and wait for the initial synchronisation
  continuum.infoscale.vvr_rvg:
    diskgroup: dbdg
    name: db_rvg
    volumes: [dbdata, dblog]
    srl_size: 4g
    primary: prod-n1
    secondaries:
      - host: dr-n1
        mode: async
        bandwidth_limit: 200mbps
    state: started
    wait_timeout: 7200

- name: Pause replication for a maintenance of the link
  continuum.infoscale.vvr_rvg:
    diskgroup: dbdg
    name: db_rvg
    primary: prod-n1
    state: paused

- name: Remove the RDS (the volumes stay); refused while the database is mounted
  continuum.infoscale.vvr_rvg:
    diskgroup: dbdg
    name: db_rvg
    primary: prod-n1
    state: absent
    force: true
'''

RETURN = r'''
commands:
  description: The changing commands, as argv lists, that ran (or would run in check mode), in order.
  returned: always
  type: list
  elements: list
  sample: [[vxassist, -g, dbdg, make, db_rvg_srl, 4g], [vradmin, -g, dbdg, createpri, db_rvg, 'dbdata,dblog', db_rvg_srl],
           [vradmin, -g, dbdg, addsec, db_rvg, prod-n1, dr-n1, synchronous=off], [vradmin, -g, dbdg, -a, startrep, db_rvg, dr-n1]]
rds:
  description: The RDS after the task (predicted in check mode, read again otherwise); empty when absent.
  returned: success
  type: dict
  contains:
    rvg:
      description: RVG name.
      type: str
    diskgroup:
      description: Disk group.
      type: str
    primary:
      description: Primary host.
      type: str
    volumes:
      description: Data volumes of the RVG.
      type: list
      elements: str
    srl:
      description: SRL volume.
      type: str
    secondaries:
      description: One entry per secondary.
      type: list
      elements: dict
      contains:
        host:
          description: Secondary host.
          type: str
        mode:
          description: Configured mode, V(sync) or V(async).
          type: str
        replication:
          description: V(started), V(paused), V(stopped), or the replication status as printed when it is another one.
          type: str
        bandwidth_limit_bps:
          description: Bandwidth limit in bits per second, null for none.
          type: int
        data_status:
          description: Data status as printed (V(consistent, up-to-date), V(inconsistent)...); null when predicted.
          type: str
        replication_status:
          description: Replication status as printed (V(replicating (connected)), V(resync in progress (autosync))...);
            null when predicted.
          type: str
  sample: {rvg: db_rvg, diskgroup: dbdg, primary: prod-n1, volumes: [dbdata, dblog], srl: db_rvg_srl,
           secondaries: [{host: dr-n1, mode: async, replication: started, bandwidth_limit_bps: 200000000,
                          data_status: 'consistent, up-to-date', replication_status: replicating (connected)}]}
waited:
  description: Whether the task waited for the secondaries to be synchronised.
  returned: success
  type: bool
executed:
  description: The changing commands that ran before a failure.
  returned: failure of a command
  type: list
  elements: list
rolled_back:
  description: The commands that undid, after a failure, what the task had created in the same run.
  returned: failure of a configuration command
  type: list
  elements: list
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils._runner import (
    CommandError, Runner, fail_command)
from ansible_collections.continuum.infoscale.plugins.module_utils.vvr._read import (
    poll_rds, read_rds, read_replication_records)
from ansible_collections.continuum.infoscale.plugins.module_utils.vvr._rvg_plan import (
    MODES, STATES, needs_resync, not_synchronized, plan_rvg, rds_view, request_problems, with_statuses)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._read import read_volumes_in_use


def validated(module):
    request = dict(module.params)
    if request['srl_size'] is not None:
        request['srl_size'] = request['srl_size'].strip().lower()
    problems = request_problems(request)
    if request['wait_timeout'] < 1:
        problems.append('wait_timeout must be at least 1 second, not %s' % request['wait_timeout'])
    if problems:
        module.fail_json(msg='; '.join(problems), commands=[])
    return request


def read_current(module, runner, request):
    """Volumes and RVGs of the disk group, and the RDS when the RVG is there."""
    dg = request['diskgroup']
    try:
        current = read_replication_records(runner, dg)
    except PlanError as exc:
        if not module.check_mode or request['state'] == 'absent':
            raise
        module.warn('%s; check mode assumes an earlier task creates it with the volumes' % exc)
        names = list(request['volumes'] or [])
        if request['srl_size'] is None:
            names.append(request['srl'] or '%s_srl' % request['name'])
        current = {'volumes': dict((name, {'length': None, 'rvg': None}) for name in names), 'rvgs': {}}
    current['rds'] = None
    if request['name'] in current['rvgs']:
        current['rds'] = read_rds(runner, dg, request['name'])
    return current


def apply(runner, plan):
    """Run the plan; when a configuration command fails, undo what this run created, newest first."""
    for index, argv in enumerate(plan.commands):
        try:
            runner.change(argv)
        except CommandError as exc:
            if index < plan.configuration_end:
                exc.rolled_back = []
                undo = [plan.undo[done] for done in range(index - 1, -1, -1) if done in plan.undo]
                for undo_argv in undo:
                    try:
                        runner.change(undo_argv)
                    except CommandError as undo_error:
                        exc.rollback_error = str(undo_error)
                        break
                    exc.rolled_back.append(undo_argv)
            raise


def synchronize(module, runner, request, plan, rds):
    """Wait for every secondary to be synchronised; (rds, waited). Fails when the time runs out, or at once
    when a secondary needs a resynchronization that no wait brings."""
    def failed(msg):
        module.fail_json(msg=msg, changed=plan.changed, commands=plan.commands, executed=runner.executed,
                         repstatus=rds)

    def over(seen):
        behind = not_synchronized(seen)
        return not behind or any(needs_resync(secondary) for secondary in behind)

    if not plan.changed and not not_synchronized(rds):
        return rds, False
    rds, reached = poll_rds(runner, request['diskgroup'], request['name'], over, request['wait_timeout'],
                            first=None if plan.changed else rds)
    behind = not_synchronized(rds)
    blocked = [secondary['host'] for secondary in behind if needs_resync(secondary)]
    if blocked:
        failed('replication of RDS %s to %s logs to the DCM (the SRL overflowed) and will not catch up by itself: '
               'resynchronize it (vradmin -g %s resync %s)' % (request['name'], ', '.join(blocked),
                                                               request['diskgroup'], request['name']))
    if not reached:
        seen = '; '.join('%s: data %s, replication %s' % (
            secondary.get('host'), secondary.get('data_status'), secondary.get('replication_status'))
            for secondary in behind) or 'the RDS was not found'
        failed('replication of RDS %s did not become consistent, up-to-date and replicating within %s seconds: %s'
               % (request['name'], request['wait_timeout'], seen))
    return rds, True


def main():
    module = AnsibleModule(
        argument_spec=dict(
            diskgroup=dict(type='str', required=True, aliases=['dg']),
            name=dict(type='str', required=True, aliases=['rvg']),
            volumes=dict(type='list', elements='str'),
            srl=dict(type='str'),
            srl_size=dict(type='str'),
            primary=dict(type='str', required=True),
            secondaries=dict(type='list', elements='dict', options=dict(
                host=dict(type='str', required=True),
                mode=dict(type='str', choices=list(MODES)),
                bandwidth_limit=dict(type='str'),
            )),
            state=dict(type='str', default='present', choices=list(STATES)),
            wait=dict(type='bool', default=True),
            wait_timeout=dict(type='int', default=1800),
            force=dict(type='bool', default=False),
        ),
        supports_check_mode=True,
    )
    request = validated(module)
    runner = Runner(module)
    plan = None
    try:
        current = read_current(module, runner, request)
        plan = plan_rvg(request, current, lambda: read_volumes_in_use(runner, request['diskgroup'])[1])
        for warning in plan.warnings:
            module.warn(warning)
        apply(runner, plan)
        after = with_statuses(plan.after)
        waited = False
        if not module.check_mode and request['state'] != 'absent':
            rds = current['rds']
            if request['state'] == 'started' and request['wait']:
                rds, waited = synchronize(module, runner, request, plan, rds)
            elif plan.changed:
                rds = read_rds(runner, request['diskgroup'], request['name'])
            # the volumes and SRL are as planned once the commands ran; no second vxprint
            rvg = {'role': 'primary', 'datavols': plan.after['volumes'], 'srl': plan.after['srl']}
            after = rds_view(request, {'rvgs': {request['name']: rvg}, 'rds': rds}, statuses=True)
    except PlanError as exc:
        module.fail_json(msg=str(exc), commands=[])
    except CommandError as exc:
        extra = dict(executed=runner.executed)
        rolled_back = getattr(exc, 'rolled_back', None)
        if rolled_back is not None:
            extra['rolled_back'] = rolled_back
            if getattr(exc, 'rollback_error', None):
                extra['rollback_error'] = exc.rollback_error
            if rolled_back or extra.get('rollback_error'):
                exc.args = ('%s; undone: %s%s' % (
                    exc, ', '.join(' '.join(argv) for argv in rolled_back) or 'nothing',
                    '; undoing failed: %s' % extra['rollback_error'] if 'rollback_error' in extra else ''),)
        fail_command(module, exc, plan.commands if plan else [], **extra)
    module.exit_json(**plan.result(module, rds=after, waited=waited))


if __name__ == '__main__':
    main()
