"""Domain XML: effective definition, comparison, edits that keep what libvirt added."""

import xml.etree.ElementTree as ET

import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils.kvm import _domain
from ansible_collections.continuum.infoscale.plugins.module_utils.kvm._domain import (
    DomainXMLError, apply_options, differences, domain_view, machine_matches, new_domain, parse_domain,
    target_name, to_text)
from ansible_collections.continuum.infoscale.tests.unit.plugins.modules.module_cases import fixture_text


def current():
    return parse_domain(fixture_text('kvm_vm01.xml'))


def test_view_of_a_libvirt_definition_ignores_what_libvirt_added():
    assert domain_view(current()) == {
        'name': 'vm01', 'uuid': '4dea22b3-1d52-d8f3-2516-782e98ab3fa0', 'memory': 2048, 'vcpus': 2,
        'os_type': 'hvm', 'arch': 'x86_64', 'machine': 'pc-q35-rhel9.2.0',
        'disks': [{'target': 'vda', 'source': '/dev/vx/dsk/bootdg/vm01_boot'}], 'networks': ['br0'],
    }


def test_generated_definition_equals_the_libvirt_one():
    options = dict(memory=2048, vcpus=2, disks=['/dev/vx/dsk/bootdg/vm01_boot'], networks=['br0'])
    generated = new_domain('vm01', options)
    assert differences(domain_view(current()), domain_view(generated)) == []


@pytest.mark.parametrize('unit, value, mib', [
    ('KiB', 2097152, 2048), (None, 1048576, 1024), ('MiB', 512, 512), ('M', 512, 512), ('G', 2, 2048),
    ('GiB', 4, 4096), ('bytes', 1073741824, 1024), ('k', 1536, 1.5),
])
def test_memory_units(unit, value, mib):
    attribute = " unit='%s'" % unit if unit else ''
    root = parse_domain('<domain><name>x</name><memory%s>%d</memory></domain>' % (attribute, value))
    assert domain_view(root)['memory'] == mib


@pytest.mark.parametrize('index, name', [(0, 'vda'), (1, 'vdb'), (25, 'vdz'), (26, 'vdaa'), (27, 'vdab'), (701, 'vdzz'),
                                         (702, 'vdaaa')])
def test_target_names(index, name):
    assert target_name(index) == name


@pytest.mark.parametrize('wanted, have, same', [
    ('q35', 'pc-q35-rhel9.2.0', True), ('pc', 'pc-i440fx-rhel7.6.0', True), ('q35', 'q35', True),
    (None, 'anything', True), ('q35', 'pc-i440fx-rhel7.6.0', False), ('pc', 'pc-q35-rhel9.2.0', False),
    ('virt', None, False), ('pc-q35-rhel9.2.0', 'pc-q35-rhel8.6.0', False),
])
def test_machine_matches(wanted, have, same):
    assert machine_matches(wanted, have) is same


def test_unchanged_options_leave_the_xml_exactly_as_it_was():
    root = current()
    before = ET.tostring(root)
    apply_options(root, dict(memory=2048, vcpus=2, machine='q35', os_type='hvm', arch='x86_64',
                             disks=['/dev/vx/dsk/bootdg/vm01_boot'], networks=['br0']))
    assert ET.tostring(root) == before


def test_vcpus_change_fixes_a_topology_that_no_longer_multiplies():
    root = parse_domain("<domain><name>x</name><vcpu current='2'>4</vcpu>"
                        "<cpu><topology sockets='2' cores='2' threads='1'/></cpu></domain>")
    apply_options(root, dict(vcpus=6))
    assert root.find('vcpu').text == '6' and root.find('vcpu').get('current') is None
    assert root.find('./cpu/topology').attrib == {'sockets': '6', 'cores': '1', 'threads': '1'}


def test_vcpus_change_keeps_a_topology_that_still_fits():
    root = parse_domain("<domain><name>x</name><vcpu>4</vcpu><cpu><topology sockets='1' cores='4' threads='2'/></cpu></domain>")
    apply_options(root, dict(vcpus=8))
    assert root.find('./cpu/topology').attrib == {'sockets': '1', 'cores': '4', 'threads': '2'}


def test_image_files_are_file_disks_qcow2_by_suffix():
    root = new_domain('x', dict(memory=1, vcpus=1, disks=['/img/a.qcow2', '/img/b.raw']))
    disks = root.findall('./devices/disk')
    assert [(d.get('type'), d.find('driver').get('type'), d.find('source').attrib) for d in disks] == [
        ('file', 'qcow2', {'file': '/img/a.qcow2'}), ('file', 'raw', {'file': '/img/b.raw'})]


def test_to_text_indents_like_virsh():
    text = to_text(parse_domain('<domain><name>x</name><devices><disk><target dev="vda"/></disk></devices></domain>'))
    assert text == ('<domain>\n  <name>x</name>\n  <devices>\n    <disk>\n      <target dev="vda" />\n'
                    '    </disk>\n  </devices>\n</domain>\n')


@pytest.mark.parametrize('text, message', [
    ('<domain>', 'not well-formed XML'),
    ('<pool/>', 'the root element is <pool>, not <domain>'),
])
def test_parse_domain_errors(text, message):
    with pytest.raises(DomainXMLError) as error:
        parse_domain(text)
    assert message in str(error.value)


def test_disk_path():
    assert _domain.disk_path('bootdg/vm01_boot') == '/dev/vx/dsk/bootdg/vm01_boot'
    assert _domain.disk_path('/srv/x.img') == '/srv/x.img'
