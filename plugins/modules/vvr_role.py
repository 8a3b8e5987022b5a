#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vvr_role
short_description: Make a site's RVG the Primary of a Volume Replicator data set (migrate, takeover, fbsync, makesec)
version_added: 0.1.0
description:
  - Makes the RVG of O(primary_host) (by default this node's) the Primary of its replicated data set (RDS), with a
    planned role switch (O(mode=migrate), C(vradmin -g <dg> migrate <rvg> <host>)) or by taking over from a lost
    Primary (O(mode=takeover), C(vradmin -g <dg> [-autofb|-N] takeover <rvg>)).
  - Reads the RDS once, with C(vradmin -g <dg> printrvg <rvg>) (which host is this node, marked C(<localhost>),
    and which is the Primary) and C(vradmin -g <dg> -l repstatus <rvg>) (each Secondary's data status, replication
    status and lag). When the host asked is already the Primary nothing changes and only these two reads run.
  - O(mode=migrate) is refused unless the Primary is reachable and the new Primary's Secondary RVG is
    C(consistent, up-to-date) and replicating; nothing is lost. It can run on either side (give O(primary_host) on
    the Primary's side).
  - O(mode=takeover) must run on the Secondary that takes over. It is refused while the Primary answers and is
    healthy unless O(force=true) (use O(mode=migrate) for that); refused when the Secondary's data is not
    consistent; refused when the Secondary lags the Primary by more than O(max_data_loss) seconds (repstatus
    C(Timestamp Information), C(behind by ...)), or when its lag is not known, unless O(accept_data_loss=true). The
    data the takeover loses is returned as RV(data_lost).
  - After a takeover with failback logging (O(fast_failback=true), the default) the old Primary, once it is back,
    becomes a Secondary that C(needs failback synchronization); O(fbsync=true) resynchronises it from the new
    Primary. After a takeover without failback logging (O(fast_failback=false), C(-N)) the old Primary stays a
    Primary once back (both show C(secondary config error)); run this module on it with O(makesec=true) and
    O(primary_host) naming the new Primary to convert it into a Secondary and start replication again.
  - Refused before anything runs - an unknown disk group or RVG (the product's message), a O(primary_host) that is
    not a Secondary of the RDS, and the cases above. In check mode only the reads run and RV(commands) shows what
    would run.
author:
  - continuum.infoscale developers (@continuum-infoscale)
extends_documentation_fragment:
  - continuum.infoscale.attributes
  - continuum.infoscale.attributes.changing
options:
  diskgroup:
    description: Disk group holding the RVG on this node.
    type: str
    required: true
  rvg:
    description: Name of the replicated volume group (the RDS is named after it).
    type: str
    required: true
  mode:
    description:
      - How to make O(primary_host) the Primary when it is a Secondary.
      - V(migrate) - planned switch, both sides up and the Secondary up to date; the old Primary becomes a Secondary
        and replication goes on the other way.
      - V(takeover) - the Primary is lost (site down, crash, cut off); run on the Secondary that takes over.
      - Does not apply with O(makesec=true).
    type: str
    choices: [migrate, takeover]
    default: migrate
  primary_host:
    description:
      - The host (as C(vradmin printrvg) names it) whose RVG must be the Primary.
      - Defaults to this node's host in the RDS (the one C(printrvg) marks C(<localhost>)). With O(mode=migrate) it
        may name the Secondary from the Primary's side; O(mode=takeover) must run on it.
      - With O(makesec=true), required - the new Primary that this node's old Primary becomes a Secondary of.
    type: str
  max_data_loss:
    description:
      - O(mode=takeover) - the most seconds of writes the takeover may lose (the Secondary's lag, C(behind by) in
        repstatus, the recovery point); a Secondary further behind is refused unless O(accept_data_loss=true).
      - V(0) means nothing may be lost - also refused when the Secondary is known to lack bytes (C(Logging to SRL (N
        Kbytes behind ...))) though its lag rounds to 0 s.
    type: int
    default: 0
  accept_data_loss:
    description:
      - O(mode=takeover) - take over even when the Secondary is further behind than O(max_data_loss) or its lag is
        not known. The writes the Secondary lacks are lost; RV(data_lost) says how many.
    type: bool
    default: false
  force:
    description:
      - O(mode=takeover) - take over although the Primary is reachable and healthy. It is demoted at once (with
        O(fast_failback=true) it then needs failback synchronization) and its writes not yet replicated are lost
        (still bounded by O(max_data_loss)).
    type: bool
    default: false
  fast_failback:
    description:
      - O(mode=takeover) - take over with failback logging (the new Primary tracks its writes in the DCM), so the old
        Primary can be resynchronised with O(fbsync) once it is back. V(false) takes over with C(-N) - no failback
        logging; the old Primary must then be converted with O(makesec) and fully resynchronised (autosync).
      - Secondary data volumes need a DCM for failback logging.
    type: bool
    default: true
  fbsync:
    description:
      - Bring the old Primary back as a Secondary by failback synchronization (needs O(fast_failback=true)).
      - On a takeover, adds C(-autofb) - the product resynchronises the old Primary by itself as soon as it is back.
      - When the host is already the Primary and a Secondary shows C(needs failback synchronization) (an old
        Primary back after a takeover), runs C(vradmin -g <dg> -wait fbsync <rvg>) (without C(-wait) when
        O(wait=false)); this must run on the Primary's node. When the old Primary is not back yet there is nothing
        to do; the task warns and changes nothing, and can be run again later.
    type: bool
    default: false
  makesec:
    description:
      - Run on the old Primary after a takeover without failback logging (O(fast_failback=false)) once it is back -
        convert its RVG into a Secondary of O(primary_host) (C(vradmin -g <dg> makesec <rvg> <primary_host>)), then
        start replication from the new Primary with a full autosync (C(vradmin -g <dg> -a startrep <rvg>)).
      - Refused unless this node's RVG is a Primary and O(primary_host) shows C(secondary config error) (it acts as
        a Primary too). When this node is already a Secondary of O(primary_host) with replication stopped, only
        C(startrep) runs; when it replicates, nothing changes.
      - O(mode), O(max_data_loss), O(accept_data_loss), O(force) and O(fast_failback) do not apply.
    type: bool
    default: false
  wait:
    description:
      - Wait for the resynchronization - C(vradmin -wait fbsync) with O(fbsync), and after O(makesec) until this
        node is a consistent, up-to-date, replicating Secondary (repstatus read every 2 seconds, within
        O(wait_timeout)).
      - C(migrate) and C(takeover) return when done and need no wait.
    type: bool
    default: true
  wait_timeout:
    description:
      - Seconds to wait after O(makesec) for the autosync to end; on timeout the task fails naming the host and the
        status last seen.
      - C(vradmin -wait fbsync) has no time limit of its own; bound it with the task's C(timeout) keyword.
    type: int
    default: 600
notes:
  - In check mode only the two reads run; RV(commands), RV(data_lost) and the diff show what would happen.
seealso:
  - module: continuum.infoscale.vvr_info
  - module: continuum.infoscale.vcs_group_state
'''

EXAMPLES = r'''
- name: Planned switch to the DR site (run on dr-n1); refused while the DR copy is behind
  continuum.infoscale.vvr_role:
    diskgroup: dbdg
    rvg: db_rvg
    mode: migrate

- name: Same switch, run from the production side
  continuum.infoscale.vvr_role:
    diskgroup: dbdg
    rvg: db_rvg
    primary_host: dr-n1

- name: Production site lost - take over on dr-n1, at most 5 minutes of writes lost
  continuum.infoscale.vvr_role:
    diskgroup: dbdg
    rvg: db_rvg
    mode: takeover
    max_data_loss: 300
  register: takeover

- name: Report the loss
  ansible.builtin.debug:
    msg: "{{ takeover.data_lost.seconds }} s ({{ takeover.data_lost.bytes }} bytes) of writes lost"

- name: Production back - resynchronise it from dr-n1 (run on dr-n1)
  continuum.infoscale.vvr_role:
    diskgroup: dbdg
    rvg: db_rvg
    mode: takeover
    fbsync: true
  timeout: 3600

- name: After a takeover without failback logging, on prod-n1 once back - become dr-n1's Secondary
  continuum.infoscale.vvr_role:
    diskgroup: dbdg
    rvg: db_rvg
    makesec: true
    primary_host: dr-n1
'''

RETURN = r'''
commands:
  description: The changing commands, as argv lists, that ran (or would run in check mode), in order. Reads are not listed.
  returned: always
  type: list
  elements: list
  sample: [[vradmin, -g, dbdg, migrate, db_rvg, dr-n1]]
action:
  description: What the task did (or would do) - V(none), V(migrate), V(takeover), V(fbsync), V(makesec), V(startrep).
  returned: success
  type: str
  sample: migrate
data_lost:
  description:
    - The writes the new Primary lacks after a takeover - C(seconds) (the Secondary's lag) and C(bytes) (null when
      not known). Zero for a migrate; null when no role changed.
  returned: success
  type: dict
  sample: {seconds: 24, bytes: 37697536}
rds:
  description: The RDS as read after the task (before it in check mode, or when nothing changed).
  returned: success
  type: dict
  contains:
    rds:
      description: RDS name.
      type: str
    local_host:
      description: This node's host in the RDS.
      type: str
    primary:
      description: The Primary's host.
      type: str
    primary_reachable:
      description: False when vradmin said the Primary is unreachable (V-5-52-1205).
      type: bool
    secondaries:
      description: One entry per Secondary - host, data_status, replication_status, logging_to, lag_seconds,
        behind_bytes, up_to_date, consistent, replicating.
      type: list
      elements: dict
  sample: {rds: db_rvg, local_host: dr-n1, primary: dr-n1, primary_reachable: true,
           secondaries: [{host: prod-n1, data_status: 'consistent, up-to-date', replication_status: replicating (connected),
                          logging_to: SRL, lag_seconds: 0, behind_bytes: 0, up_to_date: true, consistent: true,
                          replicating: true}]}
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.continuum.infoscale.plugins.module_utils._names import name_problems
from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils._runner import CommandError, Runner, fail_command
from ansible_collections.continuum.infoscale.plugins.module_utils.vvr._read import poll_rds, read_rds_sides
from ansible_collections.continuum.infoscale.plugins.module_utils.vvr._role_plan import (
    MODES, option_problems, plan_role, rds_view, repstatus_secondary, repstatus_synced, roles, synced)


class SyncTimeout(Exception):
    """A Secondary did not become consistent, up-to-date and replicating in time (the commands ran)."""


def validated(module):
    params = module.params
    pairs = [('disk group', params['diskgroup']), ('RVG', params['rvg'])]
    if params['primary_host'] is not None:
        pairs.append(('host', params['primary_host']))
    problems = name_problems(pairs) + option_problems(params)
    if problems:
        module.fail_json(msg='; '.join(problems), commands=[])
    return dict(params)


def read_view(runner, dg, rvg):
    return rds_view(*read_rds_sides(runner, dg, rvg))


def wait_synced(runner, dg, rvg, host, timeout, view, sleep=None, clock=None):
    """The view once ``host`` is a consistent, up-to-date, replicating Secondary.

    vradmin has no wait for an autosync (startrep -a): repstatus is polled (vvr/_read.poll_rds)
    within ``timeout`` seconds; SyncTimeout names the host and the status last seen.
    """
    if synced(view, host):
        return view
    status, reached = poll_rds(runner, dg, rvg, lambda rds: repstatus_synced(rds, host), timeout,
                               sleep=sleep, clock=clock)
    if not reached:
        side = repstatus_secondary(status, host) or {}
        raise SyncTimeout(
            'Timed out after %d s waiting for %s to be a consistent, up-to-date, replicating Secondary of RDS %s; '
            'last seen: Data status: %s; Replication status: %s; Logging to: %s'
            % (timeout, host, rvg, side.get('data_status'), side.get('replication_status'), side.get('logging_to')))
    return read_view(runner, dg, rvg)


def main():
    module = AnsibleModule(
        argument_spec=dict(
            diskgroup=dict(type='str', required=True),
            rvg=dict(type='str', required=True),
            mode=dict(type='str', default='migrate', choices=list(MODES)),
            primary_host=dict(type='str'),
            max_data_loss=dict(type='int', default=0),
            accept_data_loss=dict(type='bool', default=False),
            force=dict(type='bool', default=False),
            fast_failback=dict(type='bool', default=True),
            fbsync=dict(type='bool', default=False),
            makesec=dict(type='bool', default=False),
            wait=dict(type='bool', default=True),
            wait_timeout=dict(type='int', default=600),
        ),
        supports_check_mode=True,
    )
    params = validated(module)
    runner = Runner(module)
    dg, rvg = params['diskgroup'], params['rvg']
    plan = None
    try:
        view = read_view(runner, dg, rvg)
        plan = plan_role(view, params)
        for warning in plan.warnings:
            module.warn(warning)
        runner.apply(plan.commands)
        if plan.changed and not module.check_mode:
            view = read_view(runner, dg, rvg)
            if plan.wait_sync:
                view = wait_synced(runner, dg, rvg, plan.wait_sync, params['wait_timeout'], view)
    except PlanError as exc:
        module.fail_json(msg=str(exc), commands=plan.commands if plan else [], executed=runner.executed)
    except SyncTimeout as exc:
        module.fail_json(msg=str(exc), commands=plan.commands, executed=runner.executed)
    except CommandError as exc:
        fail_command(module, exc, plan.commands if plan else [], executed=runner.executed)
    result = dict(changed=plan.changed, commands=plan.commands, action=plan.action, data_lost=plan.data_lost,
                  rds=view)
    if module._diff:
        after = roles(view) if plan.changed and not module.check_mode else plan.after
        result['diff'] = dict(before=plan.before, after=after)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
