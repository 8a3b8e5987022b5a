# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""clone_names: names of N clones from a printf-style pattern."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.errors import AnsibleFilterError


def clone_names(count, pattern='vm%02d', first=1):
    """['vm01', 'vm02', ...]: ``count`` names from ``pattern`` numbered from ``first``."""
    try:
        count, first = int(count), int(first)
    except (TypeError, ValueError):
        raise AnsibleFilterError('clone_names: count and first must be whole numbers')
    if count < 0:
        raise AnsibleFilterError('clone_names: count must not be negative, not %d' % count)
    try:
        names = [pattern % number for number in range(first, first + count)]
    except (TypeError, ValueError):
        raise AnsibleFilterError('clone_names: pattern %r must hold one number placeholder such as %%02d' % pattern)
    if len(set(names)) != len(names):
        raise AnsibleFilterError('clone_names: pattern %r gives the same name twice' % pattern)
    return names


class FilterModule(object):
    def filters(self):
        return {'clone_names': clone_names}
