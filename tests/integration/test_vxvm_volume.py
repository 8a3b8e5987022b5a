"""vxvm_volume against the simulator: every layout, twice, check mode, resize rules, bad input."""

import pytest

from modcall import assert_refused, call_module


@pytest.fixture
def dbdg(estate):
    call_module(estate, 'vxvm_diskgroup', {'name': 'dbdg', 'disks': ['emc0_0', 'emc0_1', 'emc0_2', 'emc0_3']})
    return estate


def volume(name, **extra):
    return dict({'diskgroup': 'dbdg', 'name': name}, **extra)


def test_create_twice_and_check_mode(dbdg):
    dry = call_module(dbdg, 'vxvm_volume', volume('v1', size='500m'), check=True)
    assert dry.result['commands'] == [['vxassist', '-g', 'dbdg', 'make', 'v1', '500m', 'layout=concat']]
    assert dry.changing_calls == []

    first = call_module(dbdg, 'vxvm_volume', volume('v1', size='500m'))
    assert first.changing_calls == [['vxassist', '-g', 'dbdg', 'make', 'v1', '500m', 'layout=concat']]
    assert first.result['volume']['length'] == 1024000
    assert first.result['volume']['device'] == '/dev/vx/dsk/dbdg/v1'

    second = call_module(dbdg, 'vxvm_volume', volume('v1', size='500m'))
    assert second.result['changed'] is False
    assert [entry['argv'] for entry in second.calls] == [['vxprint', '-g', 'dbdg', '-htr']]

    rounded = call_module(dbdg, 'vxvm_volume', volume('v1', size='1023999'))
    assert rounded.result['changed'] is False


@pytest.mark.parametrize('layout, extra, ncol, nmirror, length', [
    ('concat', {}, None, 1, 2097152),
    ('stripe', {'ncol': 3}, 3, 1, 2097408),
    ('mirror', {}, None, 2, 2097152),
    ('mirror-stripe', {'ncol': 2, 'nmirror': 2}, 2, 2, 2097152),
    ('stripe-mirror', {'ncol': 2, 'nmirror': 2}, 2, 2, 2097152),
])
def test_every_layout_is_made_and_read_back(dbdg, layout, extra, ncol, nmirror, length):
    made = call_module(dbdg, 'vxvm_volume', volume('v1', size='1g', layout=layout, **extra))
    assert made.result['changed'] is True, made.result
    facts = made.result['volume']
    assert (facts['layout'], facts['ncol'], facts['nmirror'], facts['length']) == (layout, ncol, nmirror, length)
    again = call_module(dbdg, 'vxvm_volume', volume('v1', size='1g', layout=layout, **extra))
    assert again.result['changed'] is False and again.changing_calls == []


def test_grow_shrink_and_remove(dbdg):
    call_module(dbdg, 'vxvm_volume', volume('v1', size='1g'))
    dry = call_module(dbdg, 'vxvm_volume', volume('v1', size='2g'), check=True)
    assert dry.result['volume']['length'] == 4194304 and dry.changing_calls == []

    grown = call_module(dbdg, 'vxvm_volume', volume('v1', size='2g'))
    assert grown.changing_calls == [['vxassist', '-g', 'dbdg', 'growto', 'v1', '2g']]
    assert grown.result['volume']['length'] == 4194304

    assert_refused(call_module(dbdg, 'vxvm_volume', volume('v1', size='1g')), 'allow_shrink')
    dbdg.sim('open', '--node', 'prod-n1', 'dbdg/v1')
    assert_refused(call_module(dbdg, 'vxvm_volume', volume('v1', size='1g', allow_shrink=True)), 'v1 is open')
    assert_refused(call_module(dbdg, 'vxvm_volume', volume('v1', state='absent')), 'v1 is open')
    dbdg.sim('close', '--node', 'prod-n1', 'dbdg/v1')

    shrunk = call_module(dbdg, 'vxvm_volume', volume('v1', size='1g', allow_shrink=True))
    assert shrunk.changing_calls == [['vxassist', '-g', 'dbdg', '-f', 'shrinkto', 'v1', '1g']]
    assert shrunk.result['volume']['length'] == 2097152

    removed = call_module(dbdg, 'vxvm_volume', volume('v1', state='absent'))
    assert removed.changing_calls == [['vxassist', '-g', 'dbdg', 'remove', 'volume', 'v1']]
    assert call_module(dbdg, 'vxvm_volume', volume('v1', state='absent')).result['changed'] is False


def test_bad_input_is_refused_and_changes_nothing(dbdg):
    call_module(dbdg, 'vxvm_volume', volume('v1', size='1g'))
    cases = [
        (volume('my vol', size='1g'), ['contains white space']),
        (volume('-v', size='1g'), ['starts with "-"']),
        (volume('v2', size='10x'), ["size '10x' is not a VxVM length"]),
        (volume('v2', size='-5g'), ["size '-5g' is not a VxVM length"]),
        (volume('v2', size='0'), ['must be greater than zero']),
        (volume('v2', size='1g', layout='raid7'), ['layout']),
        (volume('v2', size='1g', layout='stripe', ncol=6), ['needs 6 disks', 'only 4']),
        (volume('v2', size='10t'), ['Cannot allocate space']),
        (volume('v1', size='1g', layout='mirror'), ['layout concat (asked mirror)']),
        ({'diskgroup': 'nodg', 'name': 'v2', 'size': '1g'}, ['disk group nodg is not imported on this node']),
    ]
    for args, texts in cases:
        assert_refused(call_module(dbdg, 'vxvm_volume', args), *texts)
