#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: kvm_guest
short_description: Define, start, shut down and remove KVM guests (libvirt domains) with virsh
version_added: 0.1.0
description:
  - Makes a KVM guest on the node the task runs on match the request, with C(virsh define),
    C(start), C(shutdown), C(destroy) and C(undefine). Guests are defined per node, as libvirt
    keeps them.
  - Disks are VxVM volumes (C(diskgroup/volume), meaning the block device
    C(/dev/vx/dsk/diskgroup/volume)) or absolute paths; they become virtio disks C(vda),
    C(vdb)... in the order given. Networks are Linux bridges, with virtio network cards.
  - Reads the persistent definition with C(virsh dumpxml --inactive <name>) and, only when the
    state matters (O(state=running), O(state=shutdown), O(state=absent), or a definition that
    changes), the state with C(virsh domstate <name>). A request that is already met runs at most
    these two commands and nothing that changes anything.
  - Idempotent on the effective definition - memory, vcpus, os type, architecture, machine type,
    the disks' targets and sources and the bridges of the bridge interfaces. What libvirt adds
    (uuid, MAC addresses, controllers, PCI addresses, the emulator, the versioned machine type such
    as C(pc-q35-rhel9.2.0) for C(q35)) is kept and never counts as a difference.
  - A new definition is written to a file in the module's temporary folder and loaded with
    C(virsh define <file>). It keeps the uuid of the existing domain and the MAC address of the
    network card at the same position, so the guest sees the same machine.
  - A running guest keeps running when its definition changes; the change applies at its next
    start. The result then has RV(restart_needed=true) and a warning.
author:
  - continuum.infoscale developers (@continuum-infoscale)
extends_documentation_fragment:
  - continuum.infoscale.attributes
  - continuum.infoscale.attributes.changing
options:
  name:
    description:
      - Domain name (no white space or C(/), not starting with C(-)).
      - One of O(name) and O(guests) is required.
    type: str
  guests:
    description:
      - Several guests on this node in one task, one after the other, each as O(name) would make it. Each entry
        names its guest and may set its own O(state), O(memory), O(vcpus), O(disks), O(networks), O(xml),
        O(os_type), O(arch) and O(machine); the task's options are the defaults for what an entry leaves out.
      - Every entry is checked before anything runs. A failure stops the task at that guest; the result says
        which one, and the commands run for the guests before it.
    type: list
    elements: dict
    version_added: 0.1.0
    suboptions:
      name:
        description: Domain name.
        type: str
        required: true
      state:
        description: As O(state).
        type: str
        choices: [defined, running, shutdown, absent]
      memory:
        description: As O(memory).
        type: int
      vcpus:
        description: As O(vcpus).
        type: int
      disks:
        description: As O(disks).
        type: list
        elements: str
      networks:
        description: As O(networks).
        type: list
        elements: str
      xml:
        description: As O(xml).
        type: str
      os_type:
        description: As O(os_type).
        type: str
      arch:
        description: As O(arch).
        type: str
      machine:
        description: As O(machine).
        type: str
  state:
    description:
      - V(defined) - the domain is defined with the requested definition; whether it runs is left as it is.
      - V(running) - defined and running; started (C(virsh start)) when shut off, resumed when paused.
      - >-
        V(shutdown) - defined and shut off: C(virsh shutdown) (an ACPI request to the guest OS), then
        C(virsh domstate) is polled every second until it says C(shut off), at most O(wait_timeout)
        seconds (virsh has no wait of its own). With O(force=true) a guest still up then is destroyed.
      - >-
        V(absent) - not defined (C(virsh undefine)). A guest that is not shut off is refused unless
        O(force=true), which destroys (powers off) it first.
    type: str
    choices: [defined, running, shutdown, absent]
    default: defined
  memory:
    description:
      - Memory in MiB (maximum and current memory). Needed to define a new domain without O(xml).
      - When omitted for an existing domain its memory is left as it is.
    type: int
  vcpus:
    description:
      - Number of virtual CPUs. Needed to define a new domain without O(xml).
      - When omitted for an existing domain it is left as it is.
    type: int
  disks:
    description:
      - The guest's disks in order (C(vda), C(vdb)...), each a VxVM volume C(diskgroup/volume) or an
        absolute path (a path under C(/dev) is a block device, another one an image file, qcow2 when it
        ends in C(.qcow2)).
      - The whole list of disk devices; CD-ROMs and floppies of the definition are kept.
        When omitted for an existing domain its disks are left as they are.
    type: list
    elements: str
  networks:
    description:
      - Bridges (for example C(br0)) for the guest's network cards, in order, each with the virtio model.
      - The whole list of bridge interfaces; other interfaces of the definition are kept. When
        omitted for an existing domain its interfaces are left as they are.
    type: list
    elements: str
  xml:
    description:
      - A domain XML template used instead of the generated definition (for example from
        C(lookup('template', 'guest.xml.j2'))). The module still sets the name, uses the existing
        domain's uuid (a uuid in the template is dropped) and keeps MAC addresses as described above.
      - O(memory), O(vcpus), O(os_type), O(arch), O(machine), O(disks) and O(networks) given
        with it replace those parts of the template.
      - Only the effective definition is compared; a template that differs from the domain only in
        other elements (graphics, channels...) does not redefine it.
    type: str
  os_type:
    description: OS type of a new generated definition, or a change of it. Defaults to V(hvm) for a new domain.
    type: str
  arch:
    description: Architecture of a new generated definition, or a change of it. Defaults to V(x86_64) for a new domain.
    type: str
  machine:
    description:
      - Machine type. Defaults to V(q35) for a new domain (the RHEL 8 and 9 default).
      - V(q35) and V(pc) match the versioned types libvirt expands them to (C(pc-q35-*), C(pc-i440fx-*)).
    type: str
  force:
    description:
      - With O(state=absent), destroy (power off) a guest that is not shut off before undefining it.
      - With O(state=shutdown), destroy a guest that is still up after O(wait_timeout).
    type: bool
    default: false
  wait_timeout:
    description: Seconds to wait for a guest to shut off after C(virsh shutdown).
    type: int
    default: 120
notes:
  - >-
    For guests under Cluster Server (VCS C(KVMGuest) resources), use O(state=defined) on every node of
    the cluster and let VCS start and stop the guest - the C(vm_clone) role does so. Starting or
    shutting down such a guest with this module works against VCS, which would see a change it did not make.
  - A guest whose disks are VxVM volumes can start only on a node where the disk group is imported
    and the volumes are started.
  - The domain is managed on the default libvirt connection of the node (C(qemu:///system) for root).
seealso:
  - module: continuum.infoscale.vxvm_volume
  - module: continuum.infoscale.vcs_service_group
'''

EXAMPLES = r'''
- name: A guest booting from a space-optimized snapshot of the golden image
  continuum.infoscale.kvm_guest:
    name: vm01
    memory: 4096
    vcpus: 2
    disks: [bootdg/vm01_boot]
    networks: [br0]
    state: running

- name: Define the guest on every node of a cluster, for a VCS KVMGuest resource
  continuum.infoscale.kvm_guest:
    name: web01
    memory: 2048
    vcpus: 2
    disks: [bootdg/web01_boot, /var/lib/libvirt/images/web01-data.qcow2]
    networks: [br0, br1]
    state: defined

- name: From a template, with this guest's boot disk
  continuum.infoscale.kvm_guest:
    name: app01
    xml: "{{ lookup('ansible.builtin.template', 'guest.xml.j2') }}"
    disks: [bootdg/app01_boot]
    state: defined

- name: Shut it down, powering it off when it has not stopped within 5 minutes
  continuum.infoscale.kvm_guest:
    name: vm01
    state: shutdown
    wait_timeout: 300
    force: true

- name: Remove the guest definition (the disks are left alone)
  continuum.infoscale.kvm_guest:
    name: vm01
    state: absent

- name: Guests defined on this node in one task, each with its own boot disk
  continuum.infoscale.kvm_guest:
    guests:
      - {name: web01, disks: [bootdg/web01_boot]}
      - {name: web02, disks: [bootdg/web02_boot]}
      - {name: web03, disks: [bootdg/web03_boot], memory: 4096}
    memory: 2048
    vcpus: 2
    networks: [br0]
    state: defined
'''

RETURN = r'''
commands:
  description:
    - The changing commands, as argv lists, that ran (or would run in check mode), in order.
    - In check mode the define command shows C(<definition of NAME>) in place of the temporary file.
  returned: always
  type: list
  elements: list
  sample: [[virsh, define, /root/.ansible/tmp/ansible-moduletmp-1700000000.0-x/vm01.xml], [virsh, start, vm01]]
guests:
  description:
    - With O(guests), one result per guest in the order given - C(name), C(changed), C(commands), C(changes),
      C(restart_needed) and C(domain), each as described here for one guest.
  returned: with O(guests)
  type: list
  elements: dict
  sample: [{name: web01, changed: true, commands: [[virsh, define, /tmp/web01.xml]], changes: [defined],
            restart_needed: false, domain: {name: web01, state: shut off}}]
changes:
  description: The fields of the effective definition that differ (V(defined) for a new domain).
  returned: always
  type: list
  elements: str
  sample: [memory, disks]
restart_needed:
  description: The running guest was given a new definition that applies only at its next start.
  returned: always
  type: bool
  sample: false
domain:
  description: The domain after the task (predicted in check mode); empty when absent.
  returned: always
  type: dict
  contains:
    name:
      description: Domain name.
      type: str
      sample: vm01
    uuid:
      description: Domain uuid (null for a domain defined in check mode).
      type: str
      sample: 4dea22b3-1d52-d8f3-2516-782e98ab3fa0
    state:
      description: Domain state as virsh prints it (running, shut off, paused...); null when not read.
      type: str
      sample: running
    memory:
      description: Memory in MiB.
      type: int
      sample: 4096
    vcpus:
      description: Virtual CPUs.
      type: int
      sample: 2
    os_type:
      description: OS type.
      type: str
      sample: hvm
    arch:
      description: Architecture.
      type: str
      sample: x86_64
    machine:
      description: Machine type.
      type: str
      sample: pc-q35-rhel9.2.0
    disks:
      description: Disk devices, each with C(target) and C(source).
      type: list
      elements: dict
      sample: [{target: vda, source: /dev/vx/dsk/bootdg/vm01_boot}]
    networks:
      description: Bridges of the bridge interfaces, in order.
      type: list
      elements: str
      sample: [br0]
    xml:
      description: The definition's XML text.
      type: str
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils._runner import (
    CommandError, Runner, fail_command)
from ansible_collections.continuum.infoscale.plugins.module_utils.kvm._domain import (
    differences, domain_view)
from ansible_collections.continuum.infoscale.plugins.module_utils.kvm._plan import (
    described, input_problems, needs_state, plan_guest)
from ansible_collections.continuum.infoscale.plugins.module_utils.kvm._virsh import (
    WaitTimeout, apply_guest_plan, read_definition, read_state)


def reread(module, runner, plan, name):
    """The definition libvirt stored after a define; a warning when it differs from the request."""
    xml, root = read_definition(runner, name)
    view = domain_view(root)
    if root is None:
        module.warn('domain %s is not defined after virsh define' % name)
        return {}
    differ = differences(view, plan.after)
    if differ:
        module.warn('libvirt stored domain %s with other %s than requested; the next run will define it again'
                    % (name, ', '.join(differ)))
    return described(view, plan.after['state'], xml)


STATES = ('defined', 'running', 'shutdown', 'absent')
# What a guest of ``guests`` may set for itself, besides its name and state.
DEFINITION_OPTIONS = dict(
    memory=dict(type='int'),
    vcpus=dict(type='int'),
    disks=dict(type='list', elements='str'),
    networks=dict(type='list', elements='str'),
    xml=dict(type='str'),
    os_type=dict(type='str'),
    arch=dict(type='str'),
    machine=dict(type='str'),
)
GUEST_FIELDS = ('state',) + tuple(DEFINITION_OPTIONS)


def guest_requests(params):
    """The request of each guest: the task's options, overridden by what the guest's entry sets."""
    if params['guests'] is None:
        return [params]
    requests = []
    for guest in params['guests']:
        request = dict(params, guests=None, name=guest['name'])
        request.update((key, guest[key]) for key in GUEST_FIELDS if guest.get(key) is not None)
        requests.append(request)
    return requests


def request_problems(requests):
    problems = []
    for request in requests:
        found = input_problems(request)
        if len(requests) > 1:
            found = ['guest %s: %s' % (request['name'], problem) for problem in found]
        problems.extend(found)
    names = [request['name'] for request in requests]
    if len(set(names)) != len(names):
        problems.append('guests lists a domain twice')
    return problems


def plan_request(runner, params):
    """Read the guest once and plan it."""
    xml, current = read_definition(runner, params['name'])
    state = read_state(runner, params['name']) if needs_state(params, current) else None
    return plan_guest(params, current, xml, state)


def act(module, runner, plan, params):
    """Run the plan unless in check mode; its commands become the ones that ran."""
    name = params['name']
    if not module.check_mode:
        ran_before = len(runner.executed)
        folder = module.tmpdir if plan.xml is not None else None
        for warning in apply_guest_plan(runner, plan, name, folder, params['wait_timeout'], params['force']):
            module.warn(warning)
        if plan.xml is not None:
            plan.after = reread(module, runner, plan, name)
        plan.commands = runner.executed[ran_before:]
    if plan.restart_needed:
        module.warn('domain %s is running: its new definition (%s) applies at its next start; shut it down and '
                    'start it again to apply it now' % (name, ', '.join(plan.changes)))


def main():
    module = AnsibleModule(
        argument_spec=dict(
            DEFINITION_OPTIONS,
            name=dict(type='str'),
            guests=dict(type='list', elements='dict', options=dict(
                DEFINITION_OPTIONS,
                name=dict(type='str', required=True),
                state=dict(type='str', choices=list(STATES)),
            )),
            state=dict(type='str', default='defined', choices=list(STATES)),
            force=dict(type='bool', default=False),
            wait_timeout=dict(type='int', default=120),
        ),
        required_one_of=[('name', 'guests')],
        mutually_exclusive=[('name', 'guests')],
        supports_check_mode=True,
    )
    requests = guest_requests(module.params)
    problems = request_problems(requests)
    if problems:
        module.fail_json(msg='; '.join(problems), commands=[])
    runner = Runner(module)
    batch = module.params['guests'] is not None
    done, plan, request = [], None, None
    try:
        for request in requests:
            plan = None
            plan = plan_request(runner, request)
            act(module, runner, plan, request)
            done.append((request['name'], plan))
    except PlanError as exc:
        module.fail_json(msg=_about(batch, request, exc), commands=_commands(done), **_which(batch, request))
    except WaitTimeout as exc:
        module.fail_json(msg=_about(batch, request, exc), commands=_commands(done) + plan.commands,
                         executed=runner.executed, last_state=exc.last, **_which(batch, request))
    except CommandError as exc:
        fail_command(module, exc, _commands(done) + (plan.commands if plan else []), executed=runner.executed,
                     **_which(batch, request))
    if not batch:
        module.exit_json(**plan.result(module, domain=plan.after, changes=plan.changes,
                                       restart_needed=plan.restart_needed))
    guests = [dict(plan.result(module, domain=plan.after, changes=plan.changes, restart_needed=plan.restart_needed),
                   name=name) for name, plan in done]
    result = dict(changed=any(guest['changed'] for guest in guests), commands=_commands(done), guests=guests)
    if module._diff:
        result['diff'] = dict(before=dict((name, plan.before or {}) for name, plan in done),
                              after=dict((name, plan.after or {}) for name, plan in done))
    for guest in guests:
        guest.pop('diff', None)
    module.exit_json(**result)


def _commands(done):
    return [argv for name, plan in done for argv in plan.commands]


def _about(batch, request, error):
    return 'guest %s: %s' % (request['name'], error) if batch else str(error)


def _which(batch, request):
    return dict(guest=request['name']) if batch else {}


if __name__ == '__main__':
    main()
