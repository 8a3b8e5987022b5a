"""output_lines, prompts, vcode, parse_maxsize, to_sectors; and the samples helper."""

import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._parse import (
    is_prompt, output_lines, parse_maxsize, to_sectors, vcode)
from ansible_collections.continuum.infoscale.tests.unit import samples


@pytest.mark.parametrize('line', [
    'bash-3.2# vxprint -g indus_1c6',
    'ash-3.2# vxdg init indus_200g emcpower4s2',
    'sh-5.1# vxdisk list',
    'sh-5.1$ vxdisk list',
    'root@CSS3-H21:~# vxdisk list',
    'root@vmnode1:~#',
    'serverA # vxdctl -c mode',
    '[root@media1 bin]# vxdg list',
    '# vxdisk -e list',
    '#',
    '$ vxprint -ht',
])
def test_prompt_lines_are_recognised(line):
    assert is_prompt(line)


@pytest.mark.parametrize('line', [
    'DEVICE          TYPE            DISK         GROUP        STATUS',
    'verclus01_disk_0 auto:cdsdisk    disk1        DG1          online',
    'dg indus_1c6    indus_1c6    -        -        -        -        -       -',
    'Disk group: vrts_kube_dg-59131',
    'emcpower0c      state=enabled',
    '  Disk Group is being added to cluster configuration...',
    'Maximum volume size: 3840000 (1875Mb)',
    'VxVM vxdg ERROR V-5-1-2349 Device emcpower11s2 appears to be owned by disk group dg1.',
    'nbudg        disabled,cds         1573674122.16.media1',
])
def test_output_lines_are_not_prompts(line):
    assert not is_prompt(line)


def test_output_lines_drops_prompts_and_blank_lines_only():
    text = ('bash-3.2# vxdg list\n'
            'NAME         STATE           ID\n'
            '\n'
            '   \n'
            'dg1          enabled,cds     1.2.host\n'
            ' config   priv 000048-000239[000192]: copy=01\n'
            'root@host:~#\n')
    assert output_lines(text) == [
        'NAME         STATE           ID',
        'dg1          enabled,cds     1.2.host',
        ' config   priv 000048-000239[000192]: copy=01',
    ]


def test_output_lines_accepts_stdout_lines_and_nothing():
    assert output_lines(['# vxdg list', 'a b c', '']) == ['a b c']
    assert output_lines('') == []
    assert output_lines(None) == []
    assert output_lines('a\r\nb\r\n') == ['a', 'b']


@pytest.mark.parametrize('text, code', [
    ('VxVM vxdg ERROR V-5-1-2349 Device emcpower11s2 appears to be owned by disk group dg1.',
     'V-5-1-2349'),
    ('VCS NOTICE V-16-1-10136 Group added; populating SystemList', 'V-16-1-10136'),
    ('VxVM vxdiskunsetup ERROR V-5-2-3522 sdf: Disk is not a volume manager disk', 'V-5-2-3522'),
    ('first V-5-1-607 then V-5-1-926', 'V-5-1-607'),
    ('no code here', None),
    ('', None),
    (None, None),
])
def test_vcode(text, code):
    assert vcode(text) == code


def test_vcode_on_every_message_of_the_init_error_capture():
    out = samples.outputs('vxdg_init_error_1.txt', 'vxdg init indus_200g emcpower4s2 emcpower11s2 '
                                                   'emcpower25s2 emcpower29s2 emcpower30s2')
    assert [vcode(line) for line in out[0].splitlines() if line] == ['V-5-1-2349', 'V-5-1-2349']
    assert vcode(out[1]) is None


def test_maxsize_from_real_captures():
    runs = samples.outputs('vxprint_g_1.txt', 'vxassist -g indus_1c6 maxsize')
    assert [parse_maxsize(out) for out in runs] == [None, 3840000]
    assert vcode(runs[0]) == 'V-5-1-15809'
    cvm = samples.output('vxdg_cvm_misc_1.txt', 'vxassist -g bearcat_vnx36 maxsize')
    assert parse_maxsize(cvm) == 166713344


def test_maxsize_of_empty_output():
    assert parse_maxsize('') is None
    assert parse_maxsize(None) is None


@pytest.mark.parametrize('value, sectors', [
    ('62914560', 62914560),
    ('0', 0),
    ('1024.00m', 2097152),
    ('32.00m', 65536),
    ('0.00m', 0),
    ('64.00k', 128),
    ('1.50g', 3145728),
    ('2.00t', 4294967296),
    ('10240.00M', 20971520),
    ('-', None),
    ('LOGONLY', None),
    (None, None),
])
def test_to_sectors(value, sectors):
    assert to_sectors(value) == sectors


def test_samples_helper_splits_sessions_at_prompts():
    pairs = samples.sessions('vxprint_g_1.txt')
    assert [pair[0] for pair in pairs] == [
        'vxprint -g indus_1c6',
        'vxassist -g indus_1c6 maxsize',
        'vxdisk -f -g indus_1c6 resize emcpower1',
        'vxassist -g indus_1c6 maxsize',
        'vxassist -g indus_1c6 growby indus_1c6_vol1 3840000',
        'vxprint -g indus_1c6',
    ]
    assert pairs[0][1].splitlines()[0].startswith('TY NAME')
    assert pairs[2][1].strip() == ''
    # a capture without prompts is one output with no command
    assert [pair[0] for pair in samples.sessions('vxdisk_list_1.txt')] == [None]
    assert 'source:' not in samples.text('vxdisk_list_1.txt')
