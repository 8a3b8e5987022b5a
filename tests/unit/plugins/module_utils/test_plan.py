import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils._plan import (
    CycleError, find_cycle, start_waves, stop_waves)


def test_children_start_first_and_siblings_share_a_wave():
    links = [('web', 'app'), ('app', 'db'), ('report', 'db')]
    assert start_waves(['web', 'app', 'report', 'db'], links) == [['db'], ['app', 'report'], ['web']]
    assert stop_waves(['web', 'app', 'report', 'db'], links) == [['web'], ['app', 'report'], ['db']]


def test_independent_names_form_one_wave_in_the_given_order():
    assert start_waves(['b', 'a', 'c'], []) == [['b', 'a', 'c']]


def test_names_only_in_links_are_included():
    assert start_waves(['app'], [('app', 'db')]) == [['db'], ['app']]


def test_a_diamond():
    links = [('top', 'left'), ('top', 'right'), ('left', 'base'), ('right', 'base')]
    assert start_waves(['top', 'left', 'right', 'base'], links) == [['base'], ['left', 'right'], ['top']]


@pytest.mark.parametrize('links, cycle', [
    ([('a', 'a')], ['a', 'a']),
    ([('a', 'b'), ('b', 'a')], ['a', 'b', 'a']),
    ([('a', 'b'), ('b', 'c'), ('c', 'a'), ('x', 'a')], ['a', 'b', 'c', 'a']),
])
def test_cycles_are_named(links, cycle):
    assert find_cycle(['a', 'b', 'c', 'x'], links) == cycle
    with pytest.raises(CycleError, match='dependency cycle: %s' % ' -> '.join(cycle)):
        start_waves(['a', 'b', 'c', 'x'], links)


def test_no_cycle():
    assert find_cycle(['a', 'b'], [('a', 'b')]) is None
