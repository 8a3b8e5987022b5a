# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run one InfoScale command safely: argv lists only, C locale, product bin folders."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import re

PRODUCT_DIRS = (
    '/opt/VRTS/bin',
    '/opt/VRTSvcs/bin',
    '/usr/sbin',
    '/usr/lib/vxvm/bin',
    '/etc/vx/bin',
)

C_LOCALE = {'LANG': 'C', 'LC_ALL': 'C'}

_VCODE = re.compile(r'\bV-\d+-\d+-\d+\b')


def vcode_of(*texts):
    """The first V-code (V-5-1-2349, V-16-1-10136...) found in the given texts, or None."""
    for text in texts:
        match = _VCODE.search(text or '')
        if match:
            return match.group(0)
    return None


class CommandError(Exception):
    """A command exited with a code the caller did not accept."""

    def __init__(self, argv, rc, stdout, stderr):
        self.argv = list(argv)
        self.rc = rc
        self.stdout = stdout
        self.stderr = stderr
        self.vcode = vcode_of(stderr, stdout)
        detail = (stderr or stdout or '').strip()
        super(CommandError, self).__init__(
            '%s failed (rc=%s): %s' % (' '.join(self.argv), rc, detail or 'no message'))

    def result(self):
        """Keys to merge into fail_json so a person sees what ran and what it said."""
        return dict(cmd=self.argv, rc=self.rc, stdout=self.stdout, stderr=self.stderr,
                    vcode=self.vcode)


class Runner:
    """Runs InfoScale commands for one module invocation.

    ``read`` always runs (it changes nothing); ``change`` is skipped in check mode.
    ``executed`` keeps every command that really ran and changed something.
    """

    def __init__(self, module, search_dirs=PRODUCT_DIRS):
        self.module = module
        self.search_dirs = list(search_dirs)
        self.executed = []
        self._paths = {}

    def binary(self, name):
        if name not in self._paths:
            path = self.module.get_bin_path(name, required=False, opt_dirs=self.search_dirs)
            if not path:
                self.module.fail_json(
                    msg='%s not found on PATH or in %s; is Veritas InfoScale installed on %s?'
                    % (name, ', '.join(self.search_dirs), os.uname()[1]))
            self._paths[name] = path
        return self._paths[name]

    def _run(self, argv, ok_rcs):
        argv = [str(arg) for arg in argv]
        full = [self.binary(argv[0])] + argv[1:]
        rc, out, err = self.module.run_command(full, environ_update=C_LOCALE, check_rc=False)
        if rc not in ok_rcs:
            raise CommandError(argv, rc, out, err)
        return rc, out, err

    def read(self, argv, ok_rcs=(0,)):
        """Run a command that only reads; returns (rc, stdout, stderr)."""
        return self._run(argv, ok_rcs)

    def change(self, argv, ok_rcs=(0,)):
        """Run a command that changes state, unless in check mode (then returns None)."""
        if self.module.check_mode:
            return None
        result = self._run(argv, ok_rcs)
        self.executed.append([str(arg) for arg in argv])
        return result

    def apply(self, commands):
        """Run an ordered list of changing commands; stops at the first failure."""
        for argv in commands:
            self.change(argv)


def fail_command(module, error, commands, **extra):
    """fail_json for a CommandError: what was asked, what the product answered."""
    result = dict(error.result())
    result.update(extra)
    module.fail_json(msg=str(error), commands=commands, **result)
