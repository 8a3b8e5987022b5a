"""The vvr_role planner on its own: views from vradmin output, every refusal, every command."""

import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils.vvr._parse import parse_printrvg, parse_repstatus
from ansible_collections.continuum.infoscale.plugins.module_utils.vvr._read import read_rds_sides
from ansible_collections.continuum.infoscale.plugins.module_utils.vvr._role_plan import (
    behind_bytes, option_problems, plan_role, rds_view, repstatus_synced, roles, synced)
from ansible_collections.continuum.infoscale.tests.unit.sequence_runner import SequenceRunner

UNREACHABLE = ('VxVM VVR vradmin INFO V-5-52-1205 Primary is unreachable or RDS has configuration error. '
               'Displayed status information is from Secondary and can be out-of-date.\n')


def printrvg(primary='prod-n1', secondary='dr-n1', local='dr-n1'):
    def mark(host):
        return host + ('    <localhost>' if host == local else '')
    return ('Replicated Data Set: app_rvg\nPrimary:\n        HostName: %s\n        RvgName: app_rvg\n'
            '        DgName: appdg\nSecondary:\n        HostName: %s\n        RvgName: app_rvg\n'
            '        DgName: appdg\n' % (mark(primary), mark(secondary)))


def repstatus(primary='prod-n1', secondary='dr-n1', data='consistent, up-to-date', rep='replicating (connected)',
              logging='SRL', lag='behind by  0h 0m 0s', state='enabled for I/O'):
    return ('Replicated Data Set: app_rvg\nPrimary:\n  Host name:                  %s\n'
            '  RVG name:                   app_rvg\n  DG name:                    appdg\n'
            '  RVG state:                  %s\n  Data volumes:               1\n  VSets:                      0\n'
            '  SRL name:                   app_srl\n  SRL size:                   200.00 M\n'
            '  Total secondaries:          1\nSecondary:\n  Host name:                  %s\n'
            '  RVG name:                   app_rvg\n  DG name:                    appdg\n'
            '  Rlink from Primary:         rlk_%s_app_rvg\n  Rlink to Primary:           rlk_%s_app_rvg\n'
            '  Configured mode:            asynchronous\n  Latency protection:         off\n'
            '  SRL protection:             autodcm\n  Data status:                %s\n'
            '  Replication status:         %s\n  Current mode:               asynchronous\n'
            '  Logging to:                 %s\n  Timestamp Information:      %s\n'
            '  Bandwidth Limit:            N/A\n  Compression Mode:           Off\n'
            % (primary, state, secondary, secondary, primary, data, rep, logging, lag))


def view(local='dr-n1', primary='prod-n1', secondary='dr-n1', notes='', **status):
    return rds_view(parse_printrvg(printrvg(primary, secondary, local)),
                    parse_repstatus(repstatus(primary, secondary, **status)), notes)


def options(**changes):
    params = dict(diskgroup='appdg', rvg='app_rvg', mode='migrate', primary_host=None, max_data_loss=0,
                  accept_data_loss=False, force=False, fast_failback=True, fbsync=False, makesec=False,
                  wait=True, wait_timeout=600)
    params.update(changes)
    return params


def refused(rds, *texts, **params):
    with pytest.raises(PlanError) as caught:
        plan_role(rds, options(**params))
    for text in texts:
        assert text in str(caught.value)
    return str(caught.value)


CRASHED = dict(notes=UNREACHABLE, data='consistent, behind', rep='paused due to network disconnection',
               logging='SRL (36814 Kbytes behind, 17 % full)', lag='behind by  0h 0m 24s')


def changed_view(base, **changes):
    """view(**base) with some of its keywords changed."""
    words = dict(base)
    words.update(changes)
    return view(**words)


# --------------------------------------------------------------------------- views

@pytest.mark.parametrize('text, expected', [
    ('SRL', 0), ('SRL (36814 Kbytes behind, 17 % full)', 36814 * 1024),
    ('DCM (contains 169728 Kbytes) (autosync)', 169728 * 1024), ('N/A', None), (None, None)])
def test_behind_bytes(text, expected):
    assert behind_bytes(text) == expected


def test_view_of_a_healthy_rds_from_the_secondary():
    assert view() == {
        'rds': 'app_rvg', 'local_host': 'dr-n1', 'primary': 'prod-n1', 'primary_reachable': True,
        'primary_rvg_state': 'enabled for I/O',
        'secondaries': [{'host': 'dr-n1', 'data_status': 'consistent, up-to-date',
                         'replication_status': 'replicating (connected)', 'logging_to': 'SRL', 'lag_seconds': 0,
                         'behind_bytes': 0, 'up_to_date': True, 'consistent': True, 'replicating': True}]}
    assert roles(view()) == {'rds': 'app_rvg', 'primary': 'prod-n1',
                             'secondaries': {'dr-n1': 'replicating (connected)'}}
    assert synced(view(), 'dr-n1') and not synced(view(), 'prod-n1')


def test_view_with_the_primary_unreachable():
    rds = view(**CRASHED)
    assert rds['primary_reachable'] is False
    assert rds['secondaries'][0]['lag_seconds'] == 24 and rds['secondaries'][0]['behind_bytes'] == 36814 * 1024


# --------------------------------------------------------------------------- already primary

def test_already_primary_is_no_change_from_either_side():
    for local in ('prod-n1', 'dr-n1'):
        plan = plan_role(view(local=local), options(primary_host='prod-n1', mode='takeover'))
        assert (plan.commands, plan.changed, plan.action, plan.data_lost) == ([], False, 'none', None)
        assert plan.before == plan.after
    assert plan_role(view(local='prod-n1'), options()).commands == []


def test_two_primaries_are_reported():
    plan = plan_role(view(local='dr-n1', primary='dr-n1', secondary='prod-n1', data='N/A',
                          rep='secondary config error', logging='N/A', lag='N/A'), options())
    assert plan.commands == [] and 'prod-n1 shows "secondary config error"' in plan.warnings[0]


# --------------------------------------------------------------------------- migrate

def test_migrate_when_up_to_date():
    plan = plan_role(view(), options())
    assert plan.commands == [['vradmin', '-g', 'appdg', 'migrate', 'app_rvg', 'dr-n1']]
    assert plan.action == 'migrate' and plan.data_lost == {'seconds': 0, 'bytes': 0}
    assert plan.before == {'rds': 'app_rvg', 'primary': 'prod-n1', 'secondaries': {'dr-n1': 'replicating (connected)'}}
    assert plan.after == {'rds': 'app_rvg', 'primary': 'dr-n1', 'secondaries': {'prod-n1': 'replicating (connected)'}}


def test_migrate_from_the_primary_side_names_the_secondary():
    plan = plan_role(view(local='prod-n1'), options(primary_host='dr-n1'))
    assert plan.commands == [['vradmin', '-g', 'appdg', 'migrate', 'app_rvg', 'dr-n1']]


def test_migrate_is_refused_while_behind_paused_or_without_the_primary():
    refused(view(data='consistent, behind', lag='behind by  0h 0m 20s', logging='SRL (17951 Kbytes behind, 8 % full)'),
            'Cannot migrate RDS app_rvg to dr-n1', 'Data status: consistent, behind', 'behind by 20 s')
    refused(view(rep='paused by user'), 'Replication status: paused by user')
    refused(view(data='inconsistent', rep='resync in progress (autosync)', lag='N/A'), 'Data status: inconsistent')
    refused(view(**CRASHED), 'the Primary prod-n1 is not reachable', 'mode: takeover')


def test_a_host_that_is_not_a_secondary_is_refused():
    refused(view(local='prod-n1'), 'Host dr-n2 is not a Secondary of RDS app_rvg', 'Secondaries: dr-n1',
            primary_host='dr-n2')
    refused(view(local='prod-n1'), 'not a Secondary', primary_host='dr-n2', mode='takeover')


# --------------------------------------------------------------------------- takeover

def test_takeover_is_refused_while_the_primary_is_healthy():
    refused(view(), 'The Primary prod-n1 of RDS app_rvg is reachable and healthy', 'mode: migrate', 'force: true',
            mode='takeover')
    plan = plan_role(view(), options(mode='takeover', force=True))
    assert plan.commands == [['vradmin', '-g', 'appdg', 'takeover', 'app_rvg']]
    assert plan.after['secondaries'] == {'prod-n1': 'needs failback synchronization'}
    assert 'prod-n1 was reachable' in plan.warnings[0]


def test_takeover_runs_only_on_the_secondary():
    refused(view(local='prod-n1', **CRASHED), 'run this task on dr-n1', mode='takeover', primary_host='dr-n1')


def test_takeover_within_max_data_loss():
    plan = plan_role(view(**CRASHED), options(mode='takeover', max_data_loss=30))
    assert plan.commands == [['vradmin', '-g', 'appdg', 'takeover', 'app_rvg']]
    assert plan.action == 'takeover' and plan.data_lost == {'seconds': 24, 'bytes': 36814 * 1024}
    assert plan.after == {'rds': 'app_rvg', 'primary': 'dr-n1', 'secondaries': {'prod-n1': 'not replicating'}}
    assert plan.warnings == []


def test_takeover_over_max_data_loss_needs_accept_data_loss():
    message = refused(view(**CRASHED), 'behind by 24 s (37697536 bytes), more than max_data_loss=10 s',
                      'accept_data_loss: true', mode='takeover', max_data_loss=10)
    assert 'Cannot take over RDS app_rvg on dr-n1' in message
    plan = plan_role(view(**CRASHED), options(mode='takeover', max_data_loss=10, accept_data_loss=True))
    assert plan.data_lost == {'seconds': 24, 'bytes': 37697536} and plan.changed


def test_zero_max_data_loss_also_counts_bytes():
    refused(changed_view(CRASHED, lag='behind by  0h 0m 0s'), 'behind by 0 s (37697536 bytes)', mode='takeover')
    clean = changed_view(CRASHED, logging='SRL', lag='behind by  0h 0m 0s', data='consistent, up-to-date')
    assert plan_role(clean, options(mode='takeover')).data_lost == {'seconds': 0, 'bytes': 0}


def test_unknown_lag_and_inconsistent_data():
    refused(changed_view(CRASHED, lag='N/A'), 'its lag is not known', mode='takeover', max_data_loss=100)
    assert plan_role(changed_view(CRASHED, lag='N/A'), options(mode='takeover', accept_data_loss=True)).changed
    refused(changed_view(CRASHED, data='inconsistent'), 'its data is not consistent', mode='takeover',
            accept_data_loss=True)


@pytest.mark.parametrize('extra, flags', [
    ({}, []), ({'fast_failback': False}, ['-N']), ({'fbsync': True}, ['-autofb'])])
def test_takeover_flags(extra, flags):
    plan = plan_role(view(**CRASHED), options(mode='takeover', accept_data_loss=True, **extra))
    assert plan.commands == [['vradmin', '-g', 'appdg'] + flags + ['takeover', 'app_rvg']]


def test_a_stopped_primary_rvg_is_not_healthy():
    plan = plan_role(view(state='disabled for I/O', rep='stopped'), options(mode='takeover'))
    assert plan.commands == [['vradmin', '-g', 'appdg', 'takeover', 'app_rvg']]


# --------------------------------------------------------------------------- fbsync

NEW_PRIMARY = dict(local='dr-n1', primary='dr-n1', secondary='prod-n1', lag='N/A')


def test_fbsync_when_the_old_primary_is_back():
    rds = view(data='inconsistent', rep='needs failback synchronization',
               logging='DCM (contains 47811 Kbytes) (failback logging)', **NEW_PRIMARY)
    plan = plan_role(rds, options(mode='takeover', fbsync=True))
    assert plan.commands == [['vradmin', '-g', 'appdg', '-wait', 'fbsync', 'app_rvg']] and plan.action == 'fbsync'
    assert plan.after['secondaries'] == {'prod-n1': 'replicating (connected)'}
    plan = plan_role(rds, options(fbsync=True, wait=False))
    assert plan.commands == [['vradmin', '-g', 'appdg', 'fbsync', 'app_rvg']]
    assert plan_role(rds, options()).commands == []
    from_old_primary = view(data='inconsistent', rep='needs failback synchronization', lag='N/A',
                            logging='DCM (contains 47811 Kbytes) (failback logging)', local='prod-n1', primary='dr-n1',
                            secondary='prod-n1')
    refused(from_old_primary, 'fbsync runs on the Primary: run this task on dr-n1 to resynchronise prod-n1',
            fbsync=True, primary_host='dr-n1')


def test_fbsync_before_the_old_primary_is_back_only_warns():
    rds = view(data='N/A', rep='not replicating', logging='DCM (contains 0 Kbytes) (failback logging)', **NEW_PRIMARY)
    plan = plan_role(rds, options(mode='takeover', fbsync=True))
    assert plan.commands == [] and 'prod-n1 is not back yet' in plan.warnings[0]
    synced_rds = changed_view(NEW_PRIMARY, lag='behind by  0h 0m 0s')
    plan = plan_role(synced_rds, options(fbsync=True))
    assert (plan.commands, plan.warnings) == ([], [])


# --------------------------------------------------------------------------- makesec

TWO_PRIMARIES = dict(local='prod-n1', primary='prod-n1', secondary='dr-n1', data='N/A', rep='secondary config error',
                     logging='N/A', lag='N/A')


def test_makesec_converts_the_old_primary_then_starts_replication():
    plan = plan_role(view(**TWO_PRIMARIES), options(makesec=True, primary_host='dr-n1'))
    assert plan.commands == [['vradmin', '-g', 'appdg', 'makesec', 'app_rvg', 'dr-n1'],
                             ['vradmin', '-g', 'appdg', '-a', 'startrep', 'app_rvg']]
    assert plan.action == 'makesec' and plan.wait_sync == 'prod-n1'
    assert plan.after == {'rds': 'app_rvg', 'primary': 'dr-n1',
                          'secondaries': {'prod-n1': 'resync in progress (autosync)'}}
    assert plan_role(view(**TWO_PRIMARIES), options(makesec=True, primary_host='dr-n1', wait=False)).wait_sync is None


def test_makesec_is_idempotent():
    done = dict(local='prod-n1', primary='dr-n1', secondary='prod-n1')
    assert plan_role(view(**done), options(makesec=True, primary_host='dr-n1')).commands == []
    stopped = plan_role(view(rep='stopped', data='inconsistent', lag='N/A', **done),
                        options(makesec=True, primary_host='dr-n1'))
    assert stopped.commands == [['vradmin', '-g', 'appdg', '-a', 'startrep', 'app_rvg']] and stopped.action == 'startrep'
    fbsync_due = plan_role(view(rep='needs failback synchronization', data='inconsistent', lag='N/A', **done),
                           options(makesec=True, primary_host='dr-n1'))
    assert fbsync_due.commands == [] and 'run fbsync on dr-n1' in fbsync_due.warnings[0]


def test_makesec_refusals():
    refused(view(local='prod-n1'), 'dr-n1 shows "replicating (connected)"', makesec=True, primary_host='dr-n1')
    refused(view(**TWO_PRIMARIES), 'Host dr-n2 is not in RDS app_rvg', makesec=True, primary_host='dr-n2')
    refused(view(local='dr-n1'), 'dr-n1 is not the Primary', makesec=True, primary_host='dr-n2')


def test_option_problems():
    assert option_problems(options()) == []
    problems = option_problems(options(max_data_loss=-1, wait_timeout=0, makesec=True, fbsync=True))
    assert len(problems) == 4 and 'makesec needs primary_host' in problems[2]
    assert 'fbsync needs fast_failback' in option_problems(options(mode='takeover', fbsync=True,
                                                                   fast_failback=False))[0]


def test_no_local_host():
    refused(view(local='elsewhere'), 'marks no host of RDS app_rvg as <localhost>')


# --------------------------------------------------------------------------- reads

def test_the_reads_give_a_view_that_sees_the_unreachable_note():
    lost = dict((key, value) for key, value in CRASHED.items() if key != 'notes')
    runner = SequenceRunner([(0, printrvg(), UNREACHABLE), (0, repstatus(**lost), UNREACHABLE)])
    rds = rds_view(*read_rds_sides(runner, 'appdg', 'app_rvg'))
    assert runner.calls == [['vradmin', '-g', 'appdg', 'printrvg', 'app_rvg'],
                            ['vradmin', '-g', 'appdg', '-l', 'repstatus', 'app_rvg']]
    assert rds['primary_reachable'] is False and rds['local_host'] == 'dr-n1'
    with pytest.raises(PlanError, match='gave no Primary'):
        rds_view(*read_rds_sides(SequenceRunner([(0, printrvg(), ''), (0, '', '')]), 'appdg', 'app_rvg'))


def test_repstatus_synced():
    assert repstatus_synced(parse_repstatus(repstatus()), 'dr-n1')
    assert not repstatus_synced(parse_repstatus(repstatus(data='inconsistent', rep='resync in progress (autosync)')),
                                'dr-n1')
    assert not repstatus_synced(parse_repstatus(repstatus()), 'prod-n1') and not repstatus_synced(None, 'dr-n1')
