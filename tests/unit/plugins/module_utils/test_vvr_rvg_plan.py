"""vvr_rvg planning: (disk group records, repstatus, request) -> commands, undo, views; refusals."""

import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils.vvr._parse import parse_repstatus
from ansible_collections.continuum.infoscale.plugins.module_utils.vvr._read import replication_records
from ansible_collections.continuum.infoscale.plugins.module_utils.vvr._rvg_plan import (
    needs_resync, not_synchronized, parse_bandwidth, plan_rvg, replication_phase, request_problems, same_bandwidth,
    shown_bandwidth)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._parse import parse_vxprint

VRADMIN = ['vradmin', '-g', 'dbdg']

# (data status, replication status, logging to) of the simulator's repstatus, per phase.
STATUSES = {
    'started': ('consistent, up-to-date', 'replicating (connected)', 'SRL'),
    'behind': ('consistent, behind', 'replicating (connected)', 'SRL (2048 Kbytes behind, 1 % full)'),
    'autosync': ('inconsistent', 'resync in progress (autosync)', 'DCM (contains 73190 Kbytes) (autosync)'),
    'paused': ('consistent, up-to-date', 'paused by user', 'SRL'),
    'stopped': ('inconsistent', 'stopped', 'N/A'),
    'stale': ('consistent, stale', 'stopped', 'N/A'),
    'disconnected': ('consistent, behind', 'paused due to network disconnection', 'SRL'),
    'dcm': ('consistent, behind', 'logging to DCM (needs dcm resynchronization)', 'DCM (contains 4096 Kbytes)'),
    'failback': ('inconsistent', 'needs failback synchronization', 'DCM (contains 0 Kbytes) (failback logging)'),
}


def line(label, value):
    return '  %-28s%s' % (label + ':', value)


def repstatus(*secondaries, **primary):
    """Text as vradmin -l repstatus prints it; secondaries are (host, phase[, mode[, bandwidth]])."""
    lines = ['Replicated Data Set: db_rvg', 'Primary:', line('Host name', primary.get('host', 'prod-n1')),
             line('RVG name', 'db_rvg'), line('DG name', 'dbdg'), line('RVG state', 'enabled for I/O'),
             line('Data volumes', 2), line('VSets', 0), line('SRL name', primary.get('srl', 'db_rvg_srl')),
             line('SRL size', '200.00 M'), line('Total secondaries', len(secondaries))]
    for secondary in secondaries:
        host, phase = secondary[:2]
        mode = secondary[2] if len(secondary) > 2 else 'asynchronous'
        bandwidth = secondary[3] if len(secondary) > 3 else 'N/A'
        data, replication, logging = STATUSES[phase]
        lines += ['Secondary:', line('Host name', host), line('RVG name', 'db_rvg'), line('DG name', 'dbdg'),
                  line('Rlink from Primary', 'rlk_%s_db_rvg' % host), line('Rlink to Primary', 'rlk_prod-n1_db_rvg'),
                  line('Configured mode', mode), line('Latency protection', 'off'), line('SRL protection', 'autodcm'),
                  line('Data status', data), line('Replication status', replication),
                  line('Current mode', 'N/A' if phase == 'stopped' else mode), line('Logging to', logging),
                  line('Timestamp Information', 'N/A'), line('Bandwidth Limit', bandwidth),
                  line('Compression Mode', 'Off')]
    return '\n'.join(lines) + '\n'


def vxprint(*rows):
    """vxprint -g dbdg -htr rows: ('v', name, rvg, length) or ('rv', name, role, srl)."""
    lines = ['dg dbdg         default      default  10000    1795564329.2.prod-n1', '']
    for row in rows:
        if row[0] == 'rv':
            lines.append('rv %-12s 1            ENABLED  ACTIVE   %-8s 2         %s' % row[1:])
        else:
            lines.append('v  %-12s %-12s ENABLED  ACTIVE   %-8d SELECT    -        fsgen' % row[1:])
    return '\n'.join(lines) + '\n'


PLAIN = [('v', 'dbdata', '-', 204800), ('v', 'dblog', '-', 102400)]
WITH_SRL = PLAIN + [('v', 'db_rvg_srl', '-', 409600)]
IN_RVG = [('rv', 'db_rvg', 'primary', 'db_rvg_srl'), ('v', 'dbdata', 'db_rvg', 204800),
          ('v', 'dblog', 'db_rvg', 102400), ('v', 'db_rvg_srl', 'db_rvg', 409600)]


def current(rows, text=None):
    state = replication_records(parse_vxprint(vxprint(*rows)), 'dbdg')
    state['rds'] = parse_repstatus(text) if text is not None else None
    return state


def request(**changes):
    wanted = dict(diskgroup='dbdg', name='db_rvg', volumes=['dbdata', 'dblog'], srl=None, srl_size=None,
                  primary='prod-n1', secondaries=[{'host': 'dr-n1', 'mode': None, 'bandwidth_limit': None}],
                  state='present', force=False)
    wanted.update(changes)
    return wanted


def secondary(host, mode=None, bandwidth_limit=None):
    return {'host': host, 'mode': mode, 'bandwidth_limit': bandwidth_limit}


def never_open():
    raise AssertionError('open volumes read when not needed')


# --------------------------------------------------------------------------- creation

def test_new_rds_makes_srl_createpri_addsec_with_undo():
    plan = plan_rvg(request(srl_size='200m'), current(PLAIN), never_open)
    assert plan.commands == [
        ['vxassist', '-g', 'dbdg', 'make', 'db_rvg_srl', '200m'],
        VRADMIN + ['createpri', 'db_rvg', 'dbdata,dblog', 'db_rvg_srl'],
        VRADMIN + ['addsec', 'db_rvg', 'prod-n1', 'dr-n1', 'synchronous=off'],
    ]
    assert plan.undo == {0: ['vxassist', '-g', 'dbdg', 'remove', 'volume', 'db_rvg_srl'],
                         1: VRADMIN + ['delpri', 'db_rvg'], 2: VRADMIN + ['delsec', 'db_rvg', 'dr-n1']}
    assert plan.configuration_end == 3
    assert plan.before == {}
    assert plan.after == {'rvg': 'db_rvg', 'diskgroup': 'dbdg', 'primary': 'prod-n1', 'volumes': ['dbdata', 'dblog'],
                          'srl': 'db_rvg_srl', 'secondaries': [{'host': 'dr-n1', 'mode': 'async', 'replication': 'stopped',
                                                                'bandwidth_limit_bps': None}]}


def test_an_existing_srl_is_used_and_sync_mode_and_bandwidth_go_to_addsec():
    wanted = request(secondaries=[secondary('dr-n1', 'sync', '30Mbps')], state='started')
    plan = plan_rvg(wanted, current(WITH_SRL), never_open)
    assert plan.commands == [
        VRADMIN + ['createpri', 'db_rvg', 'dbdata,dblog', 'db_rvg_srl'],
        VRADMIN + ['addsec', 'db_rvg', 'prod-n1', 'dr-n1', 'synchronous=override', 'bandwidth_limit=30mbps'],
        VRADMIN + ['-a', 'startrep', 'db_rvg', 'dr-n1'],
    ]
    assert plan.configuration_end == 2
    assert plan.after['secondaries'] == [{'host': 'dr-n1', 'mode': 'sync', 'replication': 'started',
                                          'bandwidth_limit_bps': 30000000}]


def test_a_named_srl_and_no_secondaries():
    plan = plan_rvg(request(srl='mylog', srl_size='1g', secondaries=None), current(PLAIN), never_open)
    assert plan.commands == [['vxassist', '-g', 'dbdg', 'make', 'mylog', '1g'],
                             VRADMIN + ['createpri', 'db_rvg', 'dbdata,dblog', 'mylog']]


@pytest.mark.parametrize('state, tail', [
    ('present', []),
    ('stopped', []),
    ('started', [VRADMIN + ['-a', 'startrep', 'db_rvg', 'dr-n1']]),
    ('paused', [VRADMIN + ['-a', 'startrep', 'db_rvg', 'dr-n1'], VRADMIN + ['pauserep', 'db_rvg', 'dr-n1']]),
])
def test_a_new_secondary_is_stopped_then_brought_to_the_state(state, tail):
    plan = plan_rvg(request(state=state), current(WITH_SRL), never_open)
    assert plan.commands[2:] == tail
    assert plan.after['secondaries'][0]['replication'] == ('stopped' if state == 'present' else state)


# --------------------------------------------------------------------------- existing RDS

@pytest.mark.parametrize('phase, state, commands', [
    ('started', 'started', []),
    ('behind', 'started', []),
    ('autosync', 'started', []),
    ('disconnected', 'started', []),
    ('paused', 'started', [['resumerep', 'db_rvg', 'dr-n1']]),
    ('stopped', 'started', [['-a', 'startrep', 'db_rvg', 'dr-n1']]),
    ('stale', 'started', [['-a', 'startrep', 'db_rvg', 'dr-n1']]),
    ('started', 'paused', [['pauserep', 'db_rvg', 'dr-n1']]),
    ('paused', 'paused', []),
    ('stopped', 'paused', [['-a', 'startrep', 'db_rvg', 'dr-n1'], ['pauserep', 'db_rvg', 'dr-n1']]),
    ('started', 'stopped', [['stoprep', 'db_rvg', 'dr-n1']]),
    ('paused', 'stopped', [['stoprep', 'db_rvg', 'dr-n1']]),
    ('stopped', 'stopped', []),
    ('paused', 'present', []),
    ('failback', 'present', []),
])
def test_replication_state_transitions(phase, state, commands):
    plan = plan_rvg(request(state=state), current(IN_RVG, repstatus(('dr-n1', phase))), never_open)
    assert plan.commands == [VRADMIN + words for words in commands]
    assert plan.configuration_end == 0
    assert plan.undo == {}


def test_idempotent_request_gives_equal_before_and_after():
    plan = plan_rvg(request(state='started'), current(IN_RVG, repstatus(('dr-n1', 'started'))), never_open)
    assert plan.commands == [] and not plan.changed
    assert plan.before == plan.after
    assert plan.before['secondaries'] == [{'host': 'dr-n1', 'mode': 'async', 'replication': 'started',
                                           'bandwidth_limit_bps': None}]


def test_state_applies_to_every_secondary_and_new_ones_are_added_first():
    text = repstatus(('dr-n1', 'started'), ('dr-n2', 'paused'))
    wanted = request(secondaries=[secondary('dr-n1'), secondary('bunker-n1', 'sync')], state='stopped')
    plan = plan_rvg(wanted, current(IN_RVG, text), never_open)
    assert plan.commands == [
        VRADMIN + ['addsec', 'db_rvg', 'prod-n1', 'bunker-n1', 'synchronous=override'],
        VRADMIN + ['stoprep', 'db_rvg', 'dr-n1'],
        VRADMIN + ['stoprep', 'db_rvg', 'dr-n2'],
    ]
    assert plan.undo == {0: VRADMIN + ['delsec', 'db_rvg', 'bunker-n1']}
    assert plan.configuration_end == 1
    assert plan.warnings == ['RDS db_rvg also has the secondary dr-n2, not in secondaries; left as it is']


def test_mode_and_bandwidth_changes_are_one_set_command():
    text = repstatus(('dr-n1', 'started', 'asynchronous', '30.00 Mbps'))
    wanted = request(secondaries=[secondary('dr-n1', 'sync', '50mbps')])
    plan = plan_rvg(wanted, current(IN_RVG, text), never_open)
    assert plan.commands == [VRADMIN + ['set', 'db_rvg', 'dr-n1', 'synchronous=override', 'bandwidth_limit=50mbps']]
    assert plan.undo == {}
    assert (plan.before['secondaries'][0]['mode'], plan.after['secondaries'][0]['mode']) == ('async', 'sync')
    assert plan.after['secondaries'][0]['bandwidth_limit_bps'] == 50000000


def test_same_mode_and_bandwidth_is_no_change_and_an_omitted_mode_keeps_the_mode():
    text = repstatus(('dr-n1', 'started', 'synchronous', '30.00 Mbps'))
    same = request(secondaries=[secondary('dr-n1', 'sync', '30000kbps')])
    assert plan_rvg(same, current(IN_RVG, text), never_open).commands == []
    assert plan_rvg(request(), current(IN_RVG, text), never_open).commands == []
    removed = plan_rvg(request(secondaries=[secondary('dr-n1', None, 'none')]), current(IN_RVG, text), never_open)
    assert removed.commands == [VRADMIN + ['set', 'db_rvg', 'dr-n1', 'bandwidth_limit=none']]


def test_a_missing_volume_is_added_and_an_unlisted_one_stays_with_a_warning():
    rows = IN_RVG + [('v', 'dbarch', '-', 204800)]
    plan = plan_rvg(request(volumes=['dbdata', 'dbarch']), current(rows, repstatus(('dr-n1', 'started'))), never_open)
    assert plan.commands == [VRADMIN + ['addvol', 'db_rvg', 'dbarch']]
    assert plan.after['volumes'] == ['dbdata', 'dblog', 'dbarch']
    assert plan.warnings == ['RVG db_rvg also replicates dblog, not in volumes; it is left in the RVG']


def test_omitted_volumes_and_secondaries_leave_an_existing_rds_as_it_is():
    text = repstatus(('dr-n1', 'started'), ('dr-n2', 'stopped'))
    plan = plan_rvg(request(volumes=None, secondaries=None), current(IN_RVG, text), never_open)
    assert plan.commands == [] and plan.warnings == []


# --------------------------------------------------------------------------- absent

def test_absent_of_a_stopped_rds_deletes_secondaries_then_primary():
    text = repstatus(('dr-n1', 'stale'), ('dr-n2', 'stopped'))
    plan = plan_rvg(request(state='absent', volumes=None), current(IN_RVG, text), set)
    assert plan.commands == [VRADMIN + ['delsec', 'db_rvg', 'dr-n1'], VRADMIN + ['delsec', 'db_rvg', 'dr-n2'],
                             VRADMIN + ['delpri', 'db_rvg']]
    assert plan.after == {} and plan.before['volumes'] == ['dbdata', 'dblog']


def test_absent_of_a_running_rds_needs_force_then_stops_first():
    text = repstatus(('dr-n1', 'started'), ('dr-n2', 'paused'))
    with pytest.raises(PlanError, match='replication of RDS db_rvg to dr-n1, dr-n2 is not stopped: set force=true'):
        plan_rvg(request(state='absent'), current(IN_RVG, text), set)
    plan = plan_rvg(request(state='absent', force=True), current(IN_RVG, text), lambda: set(['db_rvg_srl']))
    assert plan.commands == [VRADMIN + ['stoprep', 'db_rvg', 'dr-n1'], VRADMIN + ['stoprep', 'db_rvg', 'dr-n2'],
                             VRADMIN + ['delsec', 'db_rvg', 'dr-n1'], VRADMIN + ['delsec', 'db_rvg', 'dr-n2'],
                             VRADMIN + ['delpri', 'db_rvg']]


def test_absent_is_refused_while_a_data_volume_is_open_even_with_force():
    text = repstatus(('dr-n1', 'stopped'))
    with pytest.raises(PlanError, match='RDS db_rvg is in use: data volume dbdata is open'):
        plan_rvg(request(state='absent', force=True), current(IN_RVG, text), lambda: set(['dbdata']))


def test_absent_when_there_is_no_rvg_reads_nothing_more():
    plan = plan_rvg(request(state='absent'), current(WITH_SRL), never_open)
    assert plan.commands == [] and plan.before == {} and plan.after == {}


# --------------------------------------------------------------------------- refusals

@pytest.mark.parametrize('rows, changes, text', [
    (PLAIN, dict(volumes=['dbdata', 'nosuch', 'other'], srl_size='1g'),
     'volumes nosuch, other are not in disk group dbdg on the Primary'),
    (PLAIN, {}, 'the SRL db_rvg_srl does not exist in disk group dbdg: give srl_size'),
    (PLAIN, dict(volumes=None), 'volumes is required to create RVG db_rvg'),
    ([('rv', 'old_rvg', 'primary', 'old_srl'), ('v', 'dbdata', 'old_rvg', 204800), ('v', 'dblog', '-', 1),
      ('v', 'old_srl', 'old_rvg', 409600), ('v', 'db_rvg_srl', '-', 409600)], {},
     'volume dbdata already belongs to RVG old_rvg'),
    ([('rv', 'old_rvg', 'primary', 'old_srl'), ('v', 'dbdata', '-', 204800), ('v', 'dblog', '-', 1),
      ('v', 'old_srl', 'old_rvg', 409600)], dict(srl='old_srl'), 'volume old_srl already belongs to RVG old_rvg'),
])
def test_bad_requests_for_a_new_rds(rows, changes, text):
    with pytest.raises(PlanError, match=text):
        plan_rvg(request(**changes), current(rows), never_open)


def test_a_secondary_rvg_here_means_the_wrong_node():
    rows = [('rv', 'db_rvg', 'secondary', 'db_rvg_srl')] + IN_RVG[1:]
    with pytest.raises(PlanError, match="RVG db_rvg on this node is a secondary RVG .the Primary is prod-n1.: run "
                                        "the task on the Primary's node"):
        plan_rvg(request(), current(rows, repstatus(('dr-n1', 'started'))), never_open)


def test_another_primary_is_refused():
    with pytest.raises(PlanError, match='the Primary of RDS db_rvg is dr-n1, not prod-n1: change roles with '
                                        'continuum.infoscale.vvr_role'):
        plan_rvg(request(secondaries=None), current(IN_RVG, repstatus(('prod-n1', 'started'), host='dr-n1')),
                 never_open)


def test_another_srl_for_an_existing_rds_is_refused():
    with pytest.raises(PlanError, match='RVG db_rvg uses the SRL db_rvg_srl, not other_srl'):
        plan_rvg(request(srl='other_srl'), current(IN_RVG, repstatus(('dr-n1', 'started'))), never_open)


def test_repstatus_without_primary_is_an_error():
    with pytest.raises(PlanError, match='shows no Primary: VxVM VVR vradmin ERROR V-5-52-421'):
        plan_rvg(request(), current(IN_RVG, 'VxVM VVR vradmin ERROR V-5-52-421 vradmind server not responding\n'),
                 never_open)


@pytest.mark.parametrize('state', ['started', 'stopped', 'paused'])
def test_a_role_change_status_blocks_state_changes(state):
    with pytest.raises(PlanError, match=r'dr-n1 \(needs failback synchronization\): finish the role change'):
        plan_rvg(request(state=state), current(IN_RVG, repstatus(('dr-n1', 'failback'))), never_open)


@pytest.mark.parametrize('changes, texts', [
    (dict(diskgroup='-dg', name='my rvg'), ['disk group name \'-dg\' starts with "-"', 'RVG name \'my rvg\' contains']),
    (dict(volumes=['dbdata', 'dbdata']), ['volumes lists dbdata more than once']),
    (dict(volumes=[]), ['volumes must name at least one data volume']),
    (dict(volumes=['dbdata', 'db_rvg_srl']), ['the SRL db_rvg_srl cannot also be a data volume']),
    (dict(srl_size='lots'), ["srl_size: size 'lots' is not a VxVM length"]),
    (dict(secondaries=[secondary('prod-n1'), secondary('dr-n1'), secondary('dr-n1')]),
     ['secondary prod-n1 is the primary host', 'secondary dr-n1 is listed more than once']),
    (dict(secondaries=[secondary('-x')]), ['secondaries: host name \'-x\' starts with "-"']),
    (dict(secondaries=[secondary('dr-n1', bandwidth_limit='fast')]), ["secondary dr-n1: bandwidth_limit 'fast'"]),
    (dict(primary=None), ['host name must not be empty']),
])
def test_request_problems(changes, texts):
    problems = request_problems(request(**changes))
    for text in texts:
        assert any(text in problem for problem in problems), problems


def test_a_good_request_has_no_problems():
    assert request_problems(request(secondaries=[secondary('dr-n1', 'sync', '1gbps')], srl_size='4g')) == []
    assert request_problems(request(state='absent', volumes=[])) == []


# --------------------------------------------------------------------------- values

@pytest.mark.parametrize('status, phase', [
    ('replicating (connected)', 'started'), ('resync in progress (autosync)', 'started'),
    ('resync in progress (dcm resynchronization)', 'started'), ('logging to DCM (needs dcm resynchronization)', 'started'),
    ('paused due to network disconnection', 'started'), ('paused by user', 'paused'), ('stopped', 'stopped'),
    ('needs failback synchronization', None), ('secondary config error', None), ('not replicating', None), (None, None),
])
def test_replication_phase(status, phase):
    assert replication_phase({'replication_status': status}) == phase


def test_bandwidth_values():
    assert parse_bandwidth('30mbps') == ('30mbps', 30000000)
    assert parse_bandwidth(' 1.5 Gbps') == ('1.5gbps', 1500000000)
    assert parse_bandwidth('64000') == ('64000bps', 64000)
    assert parse_bandwidth('None') == ('none', None)
    for bad in ('fast', '0mbps', '-3mbps', '30 mb'):
        with pytest.raises(PlanError):
            parse_bandwidth(bad)
    assert shown_bandwidth('30.00 Mbps') == 30000000 and shown_bandwidth('N/A') is None
    assert same_bandwidth(30000000, 30001000) and not same_bandwidth(30000000, 31000000)
    assert same_bandwidth(None, None) and not same_bandwidth(None, 1000)


def test_not_synchronized_lists_secondaries_still_behind():
    rds = parse_repstatus(repstatus(('dr-n1', 'started'), ('dr-n2', 'autosync'), ('dr-n3', 'behind')))
    assert [secondary['host'] for secondary in not_synchronized(rds)] == ['dr-n2', 'dr-n3']
    assert not_synchronized(parse_repstatus(repstatus())) == []


def test_needs_resync_only_for_a_secondary_logging_to_the_dcm():
    rds = parse_repstatus(repstatus(('dr-n1', 'dcm'), ('dr-n2', 'autosync'), ('dr-n3', 'disconnected')))
    assert [needs_resync(secondary) for secondary in rds['secondaries']] == [True, False, False]
