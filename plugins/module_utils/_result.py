# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What every module returns: the planned commands, changed, and a diff."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class PlanError(Exception):
    """The request cannot be carried out; nothing has been run."""


class Plan:
    """An ordered list of argv lists and the state expected before and after them."""

    def __init__(self, commands=None, before=None, after=None):
        self.commands = [list(argv) for argv in (commands or [])]
        self.before = before
        self.after = after

    @property
    def changed(self):
        return bool(self.commands)

    def result(self, module, **facts):
        result = dict(changed=self.changed, commands=self.commands)
        if module._diff:
            result['diff'] = dict(before=self.before or {}, after=self.after or {})
        result.update(facts)
        return result
