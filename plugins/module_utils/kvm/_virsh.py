# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run virsh for kvm_guest: read the definition and state, carry out a plan, wait for shut off."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import time

from ansible_collections.continuum.infoscale.plugins.module_utils._runner import CommandError
from ansible_collections.continuum.infoscale.plugins.module_utils.kvm._domain import parse_domain
from ansible_collections.continuum.infoscale.plugins.module_utils.kvm._parse import parse_domstate
from ansible_collections.continuum.infoscale.plugins.module_utils.kvm._plan import (
    SHUT_OFF, define_placeholder)

# virsh has no wait: the state is polled this often (seconds) until the deadline.
POLL_SECONDS = 1

_NOT_DEFINED = ('failed to get domain', 'Domain not found')


def read_definition(runner, name):
    """(xml text, <domain> element) of the persistent definition, or (None, None) when the
    domain is not defined. --inactive: a running domain's next-boot definition."""
    argv = ['virsh', 'dumpxml', '--inactive', name]
    rc, out, err = runner.read(argv, ok_rcs=(0, 1))
    if rc == 1:
        if any(text in (err or '') for text in _NOT_DEFINED):
            return None, None
        raise CommandError(argv, rc, out, err)
    return out, parse_domain(out)


def read_state(runner, name):
    return parse_domstate(runner.read(['virsh', 'domstate', name])[1])['state']


class WaitTimeout(Exception):
    """The domain did not shut off in time."""

    def __init__(self, name, seconds, last):
        self.last = last
        super(WaitTimeout, self).__init__(
            'domain %s did not shut off within %s seconds after virsh shutdown; last state seen: %s. '
            'The guest may ignore the ACPI shutdown request (no ACPI support, or still booting); '
            'set force=true to destroy (power off) it when wait_timeout is over, or raise wait_timeout'
            % (name, seconds, last))


def wait_shut_off(runner, name, seconds):
    """Poll ``virsh domstate`` until it says "shut off"; WaitTimeout after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        state = read_state(runner, name)
        if state == SHUT_OFF:
            return
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise WaitTimeout(name, seconds, state)
        time.sleep(min(POLL_SECONDS, remaining))


def write_definition(folder, name, xml):
    path = os.path.join(folder, '%s.xml' % name)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, 'w') as handle:
        handle.write(xml)
    return path


def apply_guest_plan(runner, plan, name, folder, wait_timeout, force):
    """Run the plan's commands; the define reads a file written into ``folder``; a shutdown
    is waited for, and with ``force`` a guest still up at the deadline is destroyed.
    Returns warnings for the person running it."""
    warnings = []
    for argv in plan.commands:
        if argv[1] == 'define' and argv[2] == define_placeholder(name):
            runner.change(['virsh', 'define', write_definition(folder, name, plan.xml)])
        elif argv[1] == 'shutdown':
            runner.change(argv)
            try:
                wait_shut_off(runner, name, wait_timeout)
            except WaitTimeout as exc:
                if not force:
                    raise
                runner.change(['virsh', 'destroy', name])
                warnings.append('domain %s did not shut off within %s seconds (last state: %s); it was '
                                'destroyed (powered off) because force=true' % (name, wait_timeout, exc.last))
        else:
            runner.change(argv)
    return warnings
