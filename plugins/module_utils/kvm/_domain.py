# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Libvirt domain XML: build it from options, read the effective definition back, compare.

The effective definition is what the module manages: name, memory (MiB), vcpus, os type,
architecture, machine, the disk devices (target and source) and the bridges of the bridge
interfaces. Everything else in the XML (uuid, MAC addresses, controllers, PCI addresses,
emulator...) is kept as libvirt or the template has it and never compared.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import xml.etree.ElementTree as ET

VXVM_DSK = '/dev/vx/dsk'

# Multipliers to KiB for the memory units libvirt accepts (formatdomain "Memory Allocation").
_UNITS = {
    'b': 1.0 / 1024, 'bytes': 1.0 / 1024, 'kb': 1000.0 / 1024, 'k': 1, 'kib': 1,
    'mb': 1000.0 ** 2 / 1024, 'm': 1024, 'mib': 1024, 'gb': 1000.0 ** 3 / 1024, 'g': 1024 ** 2,
    'gib': 1024 ** 2, 'tb': 1000.0 ** 4 / 1024, 't': 1024 ** 3, 'tib': 1024 ** 3,
}

# Short machine names and the prefix of the versioned types libvirt expands them to
# (q35 -> pc-q35-rhel9.2.0, pc -> pc-i440fx-rhel7.6.0).
_MACHINE_PREFIX = {'q35': 'pc-q35-', 'pc': 'pc-i440fx-'}

DISK_DEVICES = ('disk', 'lun')


class DomainXMLError(ValueError):
    """The XML text is not a usable domain definition."""


def disk_path(disk):
    """'dg/vol' -> '/dev/vx/dsk/dg/vol'; an absolute path as it is."""
    return disk if disk.startswith('/') else '%s/%s' % (VXVM_DSK, disk)


def target_name(index):
    """0 -> vda, 25 -> vdz, 26 -> vdaa (the kernel's naming of virtio disks)."""
    letters = ''
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord('a') + rest) + letters
    return 'vd' + letters


def parse_domain(text):
    """The root <domain> element of an XML text; DomainXMLError when it is not one."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise DomainXMLError('not well-formed XML: %s' % exc)
    if root.tag != 'domain':
        raise DomainXMLError('the root element is <%s>, not <domain>' % root.tag)
    return root


def to_text(root):
    """The XML text of a domain, indented by two spaces as virsh dumpxml prints it."""
    _indent(root, 0)
    return ET.tostring(root, encoding='unicode') + '\n'


def _indent(element, level):
    children = list(element)
    if children:
        if not (element.text or '').strip():
            element.text = '\n' + '  ' * (level + 1)
        for child in children:
            _indent(child, level + 1)
            if not (child.tail or '').strip():
                child.tail = '\n' + '  ' * (level + 1)
        if not (children[-1].tail or '').strip():
            children[-1].tail = '\n' + '  ' * level


def _memory_kib(element):
    if element is None or not (element.text or '').strip():
        return None
    factor = _UNITS.get((element.get('unit') or 'KiB').lower())
    try:
        value = int(element.text.strip())
    except ValueError:
        return None
    return int(round(value * factor)) if factor else None


def _mib(kib):
    if kib is None:
        return None
    return kib // 1024 if kib % 1024 == 0 else kib / 1024.0


def _disk_source(disk):
    source = disk.find('source')
    if source is None:
        return None
    for attribute in ('dev', 'file', 'volume', 'name', 'dir'):
        if source.get(attribute):
            return source.get(attribute)
    return None


def _disks(root):
    return [disk for disk in root.findall('./devices/disk') if disk.get('device', 'disk') in DISK_DEVICES]


def _bridge_interfaces(root):
    return [iface for iface in root.findall('./devices/interface') if iface.get('type') == 'bridge']


def domain_view(root):
    """The effective definition of a <domain> element, as a dict."""
    if root is None:
        return {}
    os_type = root.find('./os/type')
    vcpu = root.find('vcpu')
    disks = []
    for disk in _disks(root):
        target = disk.find('target')
        disks.append(dict(target=target.get('dev') if target is not None else None,
                          source=_disk_source(disk)))
    networks = []
    for iface in _bridge_interfaces(root):
        source = iface.find('source')
        networks.append(source.get('bridge') if source is not None else None)
    vcpus = (vcpu.text or '').strip() if vcpu is not None else ''
    return dict(
        name=(root.findtext('name') or '').strip(),
        uuid=(root.findtext('uuid') or '').strip() or None,
        memory=_mib(_memory_kib(root.find('memory'))),
        vcpus=int(vcpus) if vcpus.isdigit() else None,
        os_type=(os_type.text or '').strip() if os_type is not None else None,
        arch=os_type.get('arch') if os_type is not None else None,
        machine=os_type.get('machine') if os_type is not None else None,
        disks=disks,
        networks=networks,
    )


def machine_matches(wanted, current):
    """True when ``current`` is the machine type ``wanted`` names (q35 = pc-q35-rhel9.2.0)."""
    if wanted is None or wanted == current:
        return True
    if current is None:
        return False
    prefix = _MACHINE_PREFIX.get(wanted)
    return bool(prefix) and current.startswith(prefix)


COMPARED = ('memory', 'vcpus', 'os_type', 'arch', 'machine', 'disks', 'networks')


def differences(current, desired):
    """Names of the compared fields in which two effective definitions differ."""
    found = []
    for key in COMPARED:
        if key == 'machine':
            if not machine_matches(desired.get(key), current.get(key)):
                found.append(key)
        elif current.get(key) != desired.get(key):
            found.append(key)
    return found


def _child(parent, tag, index=None):
    element = parent.find(tag)
    if element is None:
        element = ET.Element(tag)
        if index is None:
            parent.append(element)
        else:
            parent.insert(index, element)
    return element


def set_name(root, name, uuid):
    """Name the domain; give it ``uuid`` (the existing domain's), or none so libvirt makes one."""
    root.attrib.pop('id', None)
    _child(root, 'name', 0).text = name
    element = root.find('uuid')
    if uuid is None:
        if element is not None:
            root.remove(element)
        return
    if element is None:
        element = ET.Element('uuid')
        root.insert(list(root).index(root.find('name')) + 1, element)
    element.text = uuid


def _set_memory(root, mib):
    kib = str(mib * 1024)
    memory = _child(root, 'memory')
    memory.set('unit', 'KiB')
    memory.text = kib
    current = root.find('currentMemory')
    if current is None:
        current = ET.Element('currentMemory')
        root.insert(list(root).index(memory) + 1, current)
    current.set('unit', 'KiB')
    current.text = kib


def _set_vcpus(root, vcpus):
    vcpu = _child(root, 'vcpu')
    vcpu.text = str(vcpus)
    vcpu.attrib.pop('current', None)
    topology = root.find('./cpu/topology')
    if topology is not None:
        product = 1
        for key in ('sockets', 'dies', 'cores', 'threads'):
            product *= int(topology.get(key) or 1)
        if product != vcpus:
            # [recon] a topology must multiply to the vcpu count; one core per socket
            topology.attrib.clear()
            topology.attrib.update(sockets=str(vcpus), cores='1', threads='1')


def _set_os(root, os_type, arch, machine):
    os_element = _child(root, 'os')
    type_element = _child(os_element, 'type', 0)
    if os_type is not None:
        type_element.text = os_type
    if arch is not None:
        type_element.set('arch', arch)
    if machine is not None and not machine_matches(machine, type_element.get('machine')):
        type_element.set('machine', machine)


def wanted_disks(paths):
    """The effective disks for a list of paths: targets vda, vdb... in order."""
    return [dict(target=target_name(index), source=path) for index, path in enumerate(paths)]


def disk_element(target, path):
    """A virtio disk for a block device (VxVM volume) or an image file."""
    block = path.startswith('/dev/')
    disk = ET.Element('disk', type='block' if block else 'file', device='disk')
    image = 'qcow2' if path.endswith('.qcow2') else 'raw'
    ET.SubElement(disk, 'driver', name='qemu', type=image, cache='none', io='native')
    source = ET.SubElement(disk, 'source')
    source.set('dev' if block else 'file', path)
    ET.SubElement(disk, 'target', dev=target, bus='virtio')
    return disk


def _set_disks(root, paths):
    devices = _child(root, 'devices')
    old = _disks(root)
    kept = {}
    for disk in old:
        target = disk.find('target')
        kept[target.get('dev') if target is not None else None] = disk
    position = list(devices).index(old[0]) if old else _first_device_index(devices)
    for disk in old:
        devices.remove(disk)
    for index, path in enumerate(paths):
        target = target_name(index)
        disk = kept.get(target)
        if disk is None or _disk_source(disk) != path:
            disk = disk_element(target, path)
        devices.insert(position + index, disk)


def _first_device_index(devices):
    emulator = devices.find('emulator')
    return list(devices).index(emulator) + 1 if emulator is not None else 0


def interface_element(bridge):
    iface = ET.Element('interface', type='bridge')
    ET.SubElement(iface, 'source', bridge=bridge)
    ET.SubElement(iface, 'model', type='virtio')
    return iface


def _set_networks(root, bridges):
    devices = _child(root, 'devices')
    old = _bridge_interfaces(root)
    for index, bridge in enumerate(bridges):
        if index < len(old):
            _child(old[index], 'source').set('bridge', bridge)
            continue
        interfaces = devices.findall('interface')
        position = list(devices).index(interfaces[-1]) + 1 if interfaces else len(devices)
        iface = interface_element(bridge)
        devices.insert(position, iface)
        old.append(iface)
    for iface in old[len(bridges):]:
        devices.remove(iface)


def apply_options(root, options):
    """Change the parts of ``root`` the options ask for and that differ; keep all the rest.

    options: memory (MiB), vcpus, os_type, arch, machine, disks (paths), networks (bridges);
    None means "leave as it is".
    """
    view = domain_view(root)
    if options.get('memory') is not None and view['memory'] != options['memory']:
        _set_memory(root, options['memory'])
    if options.get('vcpus') is not None and view['vcpus'] != options['vcpus']:
        _set_vcpus(root, options['vcpus'])
    os_wanted = [options.get(key) for key in ('os_type', 'arch', 'machine')]
    if (options.get('os_type') not in (None, view['os_type']) or options.get('arch') not in (None, view['arch'])
            or not machine_matches(options.get('machine'), view['machine'])):
        _set_os(root, *os_wanted)
    disks = options.get('disks')
    if disks is not None and view['disks'] != wanted_disks(disks):
        _set_disks(root, disks)
    if options.get('networks') is not None and view['networks'] != options['networks']:
        _set_networks(root, options['networks'])
    return root


def new_domain(name, options):
    """A KVM domain for RHEL hosts from the options (memory and vcpus required)."""
    root = ET.Element('domain', type='kvm')
    ET.SubElement(root, 'name').text = name
    ET.SubElement(root, 'memory', unit='KiB')
    ET.SubElement(root, 'vcpu', placement='static')
    os_element = ET.SubElement(root, 'os')
    ET.SubElement(os_element, 'type')
    ET.SubElement(os_element, 'boot', dev='hd')
    features = ET.SubElement(root, 'features')
    ET.SubElement(features, 'acpi')
    ET.SubElement(features, 'apic')
    ET.SubElement(root, 'clock', offset='utc')
    for event, action in (('on_poweroff', 'destroy'), ('on_reboot', 'restart'), ('on_crash', 'destroy')):
        ET.SubElement(root, event).text = action
    devices = ET.SubElement(root, 'devices')
    ET.SubElement(devices, 'serial', type='pty')
    console = ET.SubElement(devices, 'console', type='pty')
    ET.SubElement(console, 'target', type='serial', port='0')
    _set_memory(root, options['memory'])
    _set_vcpus(root, options['vcpus'])
    _set_os(root, options.get('os_type') or 'hvm', options.get('arch') or 'x86_64', options.get('machine') or 'q35')
    _set_disks(root, options.get('disks') or [])
    _set_networks(root, options.get('networks') or [])
    return root


def carry_macs(root, current_root):
    """Interfaces without a <mac> take the MAC of the existing domain's interface at the same
    position, so a redefinition does not give the guest new network cards."""
    if current_root is None:
        return
    old = current_root.findall('./devices/interface')
    for index, iface in enumerate(root.findall('./devices/interface')):
        if iface.find('mac') is None and index < len(old) and old[index].find('mac') is not None:
            mac = ET.Element('mac', address=old[index].find('mac').get('address'))
            iface.insert(0, mac)
