"""virsh output parsers: list --all, dominfo, domblklist, domstate (libvirt's layouts)."""

import pytest

from ansible_collections.continuum.infoscale.plugins.filter.infoscale_parse import infoscale_parse
from ansible_collections.continuum.infoscale.plugins.module_utils.kvm._parse import (
    parse_domblklist, parse_dominfo, parse_domstate, parse_virsh_list)

LIST_ALL = """\
 Id   Name        State
----------------------------
 1    vm01        running
 3    web-01.prod paused
 -    vm02        shut off
 -    app01       in shutdown
"""

# virsh before 5.x: fixed-width columns, names padded to 30.
LIST_OLD = """\
[root@kvmhost1 ~]# virsh list --all
 Id    Name                           State
----------------------------------------------------
 2     vm01                           running
 -     my guest                       shut off

"""

DOMINFO = """\
Id:             1
Name:           vm01
UUID:           4dea22b3-1d52-d8f3-2516-782e98ab3fa0
OS Type:        hvm
State:          running
CPU(s):         2
CPU time:       21.3s
Max memory:     2097152 KiB
Used memory:    2097152 KiB
Persistent:     yes
Autostart:      disable
Managed save:   no
Security model: selinux
Security DOI:   0
Security label: system_u:system_r:svirt_t:s0:c190,c644 (enforcing)

"""

DOMBLKLIST = """\
 Target   Source
-----------------------------------------------
 vda      /dev/vx/dsk/bootdg/vm01_boot
 vdb      /var/lib/libvirt/images/data disk.img
 sda      -
"""

DOMBLKLIST_DETAILS = """\
 Type    Device   Target   Source
---------------------------------------------------------------
 block   disk     vda      /dev/vx/dsk/bootdg/vm01_boot
 file    cdrom    sda      -
"""


def test_list_all_rows_with_ids_and_two_word_states():
    assert parse_virsh_list(LIST_ALL) == [
        {'id': 1, 'name': 'vm01', 'state': 'running'},
        {'id': 3, 'name': 'web-01.prod', 'state': 'paused'},
        {'id': None, 'name': 'vm02', 'state': 'shut off'},
        {'id': None, 'name': 'app01', 'state': 'in shutdown'},
    ]


def test_list_old_layout_with_prompt_and_a_name_with_a_space():
    assert parse_virsh_list(LIST_OLD) == [
        {'id': 2, 'name': 'vm01', 'state': 'running'},
        {'id': None, 'name': 'my guest', 'state': 'shut off'},
    ]


def test_list_without_domains_is_empty():
    assert parse_virsh_list(' Id   Name   State\n--------------------\n\n') == []


def test_dominfo_keys_numbers_and_booleans():
    info = parse_dominfo(DOMINFO)
    assert info == {
        'id': 1, 'name': 'vm01', 'uuid': '4dea22b3-1d52-d8f3-2516-782e98ab3fa0', 'os_type': 'hvm',
        'state': 'running', 'cpus': 2, 'cpu_time': '21.3s', 'max_memory_kib': 2097152,
        'used_memory_kib': 2097152, 'persistent': True, 'autostart': False, 'managed_save': False,
        'security_model': 'selinux', 'security_doi': '0',
        'security_label': 'system_u:system_r:svirt_t:s0:c190,c644 (enforcing)',
    }


def test_dominfo_of_a_shut_off_domain_has_no_id():
    info = parse_dominfo('Id:             -\nName:           vm02\nState:          shut off\n'
                         'Max memory:     1048576\nAutostart:      enable\n')
    assert info == {'id': None, 'name': 'vm02', 'state': 'shut off', 'max_memory_kib': 1048576,
                    'autostart': True}


def test_domblklist_sources_keep_spaces_and_dash_is_none():
    assert parse_domblklist(DOMBLKLIST) == [
        {'target': 'vda', 'source': '/dev/vx/dsk/bootdg/vm01_boot'},
        {'target': 'vdb', 'source': '/var/lib/libvirt/images/data disk.img'},
        {'target': 'sda', 'source': None},
    ]


def test_domblklist_details_has_type_and_device():
    assert parse_domblklist(DOMBLKLIST_DETAILS) == [
        {'type': 'block', 'device': 'disk', 'target': 'vda', 'source': '/dev/vx/dsk/bootdg/vm01_boot'},
        {'type': 'file', 'device': 'cdrom', 'target': 'sda', 'source': None},
    ]


@pytest.mark.parametrize('text, expected', [
    ('running\n\n', {'state': 'running', 'reason': None}),
    ('shut off\n', {'state': 'shut off', 'reason': None}),
    ('shut off (destroyed)\n', {'state': 'shut off', 'reason': 'destroyed'}),
    ('', {'state': None, 'reason': None}),
])
def test_domstate(text, expected):
    assert parse_domstate(text) == expected


@pytest.mark.parametrize('kind, text, parser', [
    ('virsh list', LIST_ALL, parse_virsh_list),
    ('virsh list --all', LIST_ALL, parse_virsh_list),
    ('virsh dominfo', DOMINFO, parse_dominfo),
    ('virsh domblklist', DOMBLKLIST, parse_domblklist),
    ('virsh domstate', 'paused\n', parse_domstate),
])
def test_filter_kinds_use_these_parsers(kind, text, parser):
    assert infoscale_parse(text, kind) == parser(text)
    assert infoscale_parse(text.splitlines(), kind) == parser(text)
