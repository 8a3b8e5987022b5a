# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Dependency graphs: start order in waves (children first), stop order (parents first)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class CycleError(ValueError):
    """The dependencies loop; ``cycle`` names it, first name repeated at the end."""

    def __init__(self, cycle):
        self.cycle = list(cycle)
        super(CycleError, self).__init__('dependency cycle: %s' % ' -> '.join(self.cycle))


def find_cycle(names, links):
    """A cycle among ``links`` ((parent, child) pairs) as a list of names, or None."""
    children = dict((name, []) for name in names)
    for parent, child in links:
        children.setdefault(parent, []).append(child)
        children.setdefault(child, [])
    state = {}
    path = []

    def visit(name):
        state[name] = 'open'
        path.append(name)
        for child in children[name]:
            if state.get(child) == 'open':
                return path[path.index(child):] + [child]
            if child not in state:
                found = visit(child)
                if found:
                    return found
        state[name] = 'done'
        path.pop()
        return None

    for name in list(children):
        if name not in state:
            found = visit(name)
            if found:
                return found
    return None


def start_waves(names, links):
    """Names in waves: each wave only needs children from earlier waves; order kept inside a wave.

    ``links`` are (parent, child) pairs meaning the parent needs the child started first.
    Raises CycleError when the links loop.
    """
    cycle = find_cycle(names, links)
    if cycle:
        raise CycleError(cycle)
    ordered = list(names)
    for parent, child in links:
        for name in (parent, child):
            if name not in ordered:
                ordered.append(name)
    needs = dict((name, set()) for name in ordered)
    for parent, child in links:
        needs[parent].add(child)
    waves, placed = [], set()
    while len(placed) < len(ordered):
        wave = [n for n in ordered if n not in placed and needs[n] <= placed]
        waves.append(wave)
        placed.update(wave)
    return waves


def stop_waves(names, links):
    """The reverse of start_waves: parents stop before their children."""
    return list(reversed(start_waves(names, links)))
