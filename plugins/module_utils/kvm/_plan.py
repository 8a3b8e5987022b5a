# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Plan for one KVM guest: (current definition and state, request) -> virsh commands."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import re

from ansible_collections.continuum.infoscale.plugins.module_utils._names import name_problems
from ansible_collections.continuum.infoscale.plugins.module_utils._result import Plan, PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils.kvm._domain import (
    DomainXMLError, apply_options, carry_macs, differences, disk_path, domain_view, new_domain,
    parse_domain, set_name, to_text)

SHUT_OFF = 'shut off'
# States in which the guest runs (or could go on running): a new definition waits for a restart.
RUNNING = ('running', 'idle', 'blocked')

_BRIDGE = re.compile(r'^[A-Za-z0-9_.:@-]{1,15}$')
_VXVM_DISK = re.compile(r'^([^/\s]+)/([^/\s]+)$')


def define_placeholder(name):
    """What the define command shows instead of the temporary file in check mode."""
    return '<definition of %s>' % name


def domain_name_problem(name):
    if not name:
        return 'the domain name must not be empty'
    if name.startswith('-'):
        return 'domain name %r starts with "-" and would be read as an option' % name
    if any(ch.isspace() for ch in name) or '/' in name:
        return 'domain name %r contains white space or "/"' % name
    return None


def disk_problem(disk):
    if disk.startswith('/'):
        if '\n' in disk or '\0' in disk or '/../' in disk + '/':
            return 'disk %r is not a clean absolute path' % disk
        return None
    match = _VXVM_DISK.match(disk)
    if not match:
        return ('disk %r is neither a VxVM volume (diskgroup/volume, meaning /dev/vx/dsk/diskgroup/volume) '
                'nor an absolute path' % disk)
    problems = name_problems([('disk group', match.group(1)), ('volume', match.group(2))])
    return 'disk %r: %s' % (disk, '; '.join(problems)) if problems else None


def input_problems(params):
    """Everything wrong with the request, before anything runs."""
    problems = []
    problem = domain_name_problem(params['name'])
    if problem:
        problems.append(problem)
    for key in ('memory', 'vcpus'):
        if params.get(key) is not None and params[key] <= 0:
            problems.append('%s must be a positive number, not %s' % (key, params[key]))
    if params.get('wait_timeout') is not None and params['wait_timeout'] < 1:
        problems.append('wait_timeout must be at least 1 second, not %s' % params['wait_timeout'])
    for disk in params.get('disks') or []:
        problem = disk_problem(disk)
        if problem:
            problems.append(problem)
    for bridge in params.get('networks') or []:
        if not _BRIDGE.match(bridge or '') or bridge.startswith('-'):
            problems.append('network %r is not a bridge name (1 to 15 letters, digits, "_", ".", "-", '
                            'not starting with "-")' % bridge)
    if params.get('xml') is not None:
        try:
            parse_domain(params['xml'])
        except DomainXMLError as exc:
            problems.append('xml is not a domain definition: %s' % exc)
    return problems


def desired_options(params):
    options = dict((key, params.get(key)) for key in ('memory', 'vcpus', 'os_type', 'arch', 'machine', 'networks'))
    options['disks'] = None if params.get('disks') is None else [disk_path(d) for d in params['disks']]
    return options


def desired_domain(params, current):
    """The definition the request asks for, as an element.

    Based on the xml template when given, else on the current definition (so what the
    options do not name is kept), else generated from the options. The name is always the
    requested one and the uuid the existing domain's (none for a new domain).
    """
    options = desired_options(params)
    if params.get('xml') is not None:
        root = parse_domain(params['xml'])
    elif current is not None:
        root = copy.deepcopy(current)
    else:
        missing = [key for key in ('memory', 'vcpus') if options[key] is None]
        if missing:
            raise PlanError('domain %s is not defined; %s needed to define it (or give xml)'
                            % (params['name'], ' and '.join(missing) + (' are' if len(missing) > 1 else ' is')))
        root = new_domain(params['name'], options)
    apply_options(root, options)
    set_name(root, params['name'], domain_view(current).get('uuid'))
    carry_macs(root, current)
    return root


class GuestPlan(Plan):
    """A Plan plus the XML to define (None when the definition stays) and the warnings."""

    def __init__(self, commands, before, after, xml=None, changes=None, restart_needed=False):
        super(GuestPlan, self).__init__(commands, before, after)
        self.xml = xml
        self.changes = changes or []
        self.restart_needed = restart_needed


def described(view, state, xml):
    if not view:
        return {}
    return dict(view, state=state, xml=xml)


def plan_guest(params, current, current_xml, state):
    """Commands for the request. ``current`` is the defined <domain> element or None,
    ``state`` the domain state (virsh domstate) or None when it was not read."""
    name, wanted = params['name'], params['state']
    before = described(domain_view(current), state, current_xml)
    if wanted == 'absent':
        return _plan_absent(params, current, state, before)
    desired = desired_domain(params, current)
    changes = differences(domain_view(current), domain_view(desired)) if current is not None else ['defined']
    commands, xml = [], current_xml
    if changes:
        xml = to_text(desired)
        commands.append(['virsh', 'define', define_placeholder(name)])
    state = state if current is not None else SHUT_OFF
    restart = bool(changes) and current is not None and state != SHUT_OFF
    if wanted == 'running':
        if state == SHUT_OFF:
            commands.append(['virsh', 'start', name])
        elif state == 'paused':
            commands.append(['virsh', 'resume', name])
        elif state not in RUNNING:
            raise PlanError('domain %s is %s; wait until it is shut off or running and run again'
                            ' (or destroy it: state=shutdown force=true)' % (name, state))
        after_state = 'running'
    elif wanted == 'shutdown':
        if state != SHUT_OFF:
            commands.append(['virsh', 'shutdown', name])
        restart, after_state = False, SHUT_OFF
    else:
        after_state = state
    after = described(domain_view(desired), after_state, xml)
    return GuestPlan(commands, before, after, xml=xml if changes else None, changes=changes,
                     restart_needed=restart)


def _plan_absent(params, current, state, before):
    name = params['name']
    if current is None:
        return GuestPlan([], before, {})
    commands = []
    if state != SHUT_OFF:
        if not params.get('force'):
            raise PlanError('domain %s is %s; shut it down first (state=shutdown) or set force=true '
                            'to destroy (power off) it before it is undefined' % (name, state))
        commands.append(['virsh', 'destroy', name])
    undefine = ['virsh', 'undefine', name]
    if current.find('./os/nvram') is not None:
        undefine.insert(2, '--nvram')
    commands.append(undefine)
    return GuestPlan(commands, before, {})


def needs_state(params, current):
    """Whether the domain state must be read: not for an undefined domain, nor for
    state=defined when the definition does not change."""
    if current is None:
        return False
    if params['state'] != 'defined':
        return True
    return bool(differences(domain_view(current), domain_view(desired_domain(params, current))))
