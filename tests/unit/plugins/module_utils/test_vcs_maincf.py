"""parse_maincf / render_maincf on every main.cf and types.cf capture and on made-up files."""

import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._maincf import (
    MainCfError, is_per_system, parse_maincf, parse_typescf, per_system_values, render_maincf)
from ansible_collections.continuum.infoscale.tests.unit import samples

CONFIG_CAPTURES = samples.names('maincf_*') + samples.names('typescf_*')
RAC = 'maincf_5_rac_cvm_template.cf'
SID_LINES = 'Sid @node1 = orcl1\n                Sid @node2 = orcl2'


def rac_templates():
    """The two autotc templates of sample maincf_5, as autotc fills them at run time: the
    ``_SIDINFO_`` line becomes per-node ``Sid @node = X`` lines. The sample holds both
    templates one after the other; both define oradb_grp, so they are read apart."""
    text = samples.text(RAC).replace('_SIDINFO_', SID_LINES)
    cut = text.index('// ---- second template')
    return [text[:cut], text[cut:]]


def config_texts(name):
    return rac_templates() if name == RAC else [samples.text(name)]


def empty_group(attributes):
    return {'attributes': attributes, 'resources': {}, 'resource_links': [], 'dependencies': []}


def test_there_are_captures():
    assert len(CONFIG_CAPTURES) >= 6


# --------------------------------------------------------------------------- captures

def test_linbit_template_complete_file():
    config = parse_maincf(samples.text('maincf_2_linbit_drbd.cf'))
    assert config['include'] == ['types.cf', 'DRBDConfigureTypes.cf', 'DRBDPrimaryTypes.cf']
    assert config['cluster'] == {'name': 'linbittestcluster', 'attributes': {
        'UserNames': {'admin': 'OoJaijegaolaiJaebi'}, 'Administrators': ['admin']}}
    assert config['systems'] == {'linbit01': {}, 'linbit02': {}}
    assert (config['remoteclusters'], config['heartbeats'], config['types']) == ({}, {}, {})
    assert list(config['groups']) == ['DRBDGrp', 'DRBDPriGrp']
    assert config['groups']['DRBDGrp'] == {
        'attributes': {'SystemList': {'linbit01': '0', 'linbit02': '1'}, 'Parallel': '1',
                       'AutoStartList': ['linbit01', 'linbit02']},
        'resources': {'r0conf': {'type': 'DRBDConfigure', 'attributes': {'ResName': 'r0'}}},
        'resource_links': [], 'dependencies': []}
    primary = config['groups']['DRBDPriGrp']
    assert primary['resources']['r0mount'] == {'type': 'Mount', 'attributes': {
        'MountPoint': '/mnt/r0', 'BlockDevice': '/dev/drbd0', 'FSType': 'ext4', 'FsckOpt': '-y'}}
    assert primary['resources']['r0primary'] == {'type': 'DRBDPrimary', 'attributes': {'ResName': 'r0'}}
    assert primary['resource_links'] == [['r0mount', 'r0primary']]
    assert primary['dependencies'] == [
        {'child': 'DRBDGrp', 'category': 'online', 'location': 'local', 'rigidity': 'hard'}]


def test_hand_written_file_without_indentation():
    config = parse_maincf(samples.text('maincf_4_doc_dg_mount.cf'))
    assert config['cluster'] is None and config['include'] == []
    assert config['groups'] == {'newgroup': {
        'attributes': {'SystemList': {'sysA': '0', 'sysB': '1'}, 'AutoStartList': ['sysA']},
        'resources': {
            'data_dg': {'type': 'DiskGroup', 'attributes': {'DiskGroup': 'datadg'}},
            'vol01_mnt': {'type': 'Mount', 'attributes': {
                'MountPoint': '/vol01', 'BlockDevice': ' /dev/vx/dsk/datadg/vol01', 'FSType': 'vxfs'}},
        },
        'resource_links': [['vol01_mnt', 'data_dg']],
        'dependencies': []}}


def test_rac_template_parallel_groups():
    config = parse_maincf(rac_templates()[0])
    assert list(config['groups']) == ['crs_grp', 'oradb_grp']
    crs = config['groups']['crs_grp']
    assert crs['attributes'] == {'SystemList': ['$systemlist'], 'Parallel': '1',
                                 'AutoStartList': ['$autostartlist']}
    assert crs['resources']['ocrvote_voldg'] == {'type': 'CVMVolDg', 'attributes': {
        'Critical': '0', 'CVMDiskGroup': 'oradg${flag}_ocrvote', 'CVMVolume': ['ocrvote'],
        'CVMActivation': 'sw'}}
    assert crs['resources']['cssd']['attributes']['OnlineWaitLimit'] == '5'
    assert crs['dependencies'] == [
        {'child': 'cvm', 'category': 'online', 'location': 'local', 'rigidity': 'firm'}]
    assert crs['resource_links'] == [['cssd', 'ocrvote_mnt'], ['ocrvote_mnt', 'ocrvote_voldg']]
    oradb = config['groups']['oradb_grp']
    assert oradb['resources']['oradb'] == {'type': 'Oracle', 'attributes': {
        'Critical': '0', 'Sid': {'@node1': 'orcl1', '@node2': 'orcl2'}, 'Owner': 'oracle',
        'Home': '/oracle/orahome', 'StartUpOpt': 'SRVCTLSTART', 'ShutDownOpt': 'SRVCTLSTOP',
        'LevelTwoMonitorFreq': '0'}}
    assert oradb['resources']['data_voldg']['attributes']['CVMVolume'] == ['dbdata', 'archive']
    assert oradb['dependencies'] == [
        {'child': 'crs_grp', 'category': 'online', 'location': 'local', 'rigidity': 'firm'}]
    assert oradb['resource_links'] == [
        ['oraarch_mnt', 'data_voldg'], ['oradata_mnt', 'data_voldg'],
        ['oradb', 'oraarch_mnt'], ['oradb', 'oradata_mnt']]


def test_single_instance_template_failover_group():
    config = parse_maincf(rac_templates()[1])
    group = config['groups']['oradb_grp']
    assert group['attributes'] == {'SystemList': ['$systemlist'], 'AutoStartList': ['$NODE1']}
    assert sorted((res['type'], name) for name, res in group['resources'].items()) == [
        ('DiskGroup', 'data_voldg'), ('Mount', 'archive_mnt'), ('Mount', 'data_mnt'),
        ('Netlsnr', 'Ora_Netlsnr'), ('Oracle', 'oradb'), ('Volume', 'ora_archive'),
        ('Volume', 'ora_datavol')]
    assert group['resources']['oradb']['attributes']['Sid'] == '$SID'
    assert group['resources']['data_voldg']['attributes'] == {
        'DiskGroup': 'oradg${flag}_dbarch', 'Reservation': 'NONE'}
    assert group['resource_links'][0] == ['Ora_Netlsnr', 'oradb']
    assert len(group['resource_links']) == 7
    assert group['dependencies'] == []


def test_rac_sample_as_published_is_refused_where_the_placeholder_is():
    text = samples.text(RAC)
    line = [number for number, row in enumerate(text.splitlines(), 1) if '_SIDINFO_' in row][0]
    with pytest.raises(MainCfError) as err:
        parse_maincf(text)
    assert err.value.line == line
    assert str(err.value) == ("main.cf line %d: expected '=' after attribute _SIDINFO_, found 'Owner'"
                              % line)


def test_rac_sample_defines_oradb_grp_twice():
    text = samples.text(RAC).replace('_SIDINFO_', SID_LINES)
    second = [number for number, row in enumerate(text.splitlines(), 1)
              if row.startswith('group oradb_grp')][1]
    with pytest.raises(MainCfError, match='line %d: group oradb_grp is defined twice' % second):
        parse_maincf(text)


def test_cvm_group_notes_with_per_system_values_and_hash_comment():
    config = parse_maincf(samples.text('maincf_6_cvm_group_notes.cf'))
    cvm = config['groups']['cvm']
    assert cvm['attributes'] == {'SystemList': {'node01': '0', 'node02': '1'}, 'AutoFailOver': '0',
                                 'Parallel': '1', 'AutoStartList': ['node01', 'node02']}
    assert cvm['resources']['vxfsckd'] == {'type': 'CFSfsckd', 'attributes': {
        'ActivationMode': {'@node01': {'sharedg': 'sw'}, '@node02': {'sharedg': 'sw'}}}}
    assert cvm['resources']['cvm_clus']['attributes'] == {
        'CVMClustName': 'auxlab_poc', 'CVMNodeId': {'node01': '0', 'node02': '1'},
        'CVMTransport': 'gab', 'CVMTimeout': '200'}
    assert cvm['resources']['vxattachd']['attributes']['Arguments'] == '- /usr/lib/vxvm/bin/vxattachd root'
    assert cvm['resources']['cvm_vxconfigd']['attributes']['CVMVxconfigdArgs'] == ['syslog']
    assert cvm['resource_links'] == [['cvm_clus', 'cvm_vxconfigd'], ['vxfsckd', 'cvm_clus']]


def test_fragment_after_hares_link():
    config = parse_maincf(samples.text('maincf_fragment_1.cf'))
    assert config['groups']['SG1'] == {
        'attributes': {'SystemList': {'verclus01': '0', 'verclus02': '1'},
                       'AutoStartList': ['verclus01', 'verclus02']},
        'resources': {
            'SG-ip': {'type': 'IP', 'attributes': {'Device': 'enp0s3', 'Address': '192.168.9.150',
                                                   'NetMask': '255.255.255.0'}},
            'SG-nic': {'type': 'NIC', 'attributes': {'Device': 'enp0s3'}},
        },
        'resource_links': [['SG-ip', 'SG-nic']],
        'dependencies': []}


def test_types_cf_capture():
    text = samples.text('typescf_1_drbdprimary.cf')
    assert parse_typescf(text) == {'DRBDPrimary': {'attributes': {
        'ArgList': {'type': 'str', 'dimension': 'vector', 'static': True, 'temp': False,
                    'default': ['ResName']},
        'ResName': {'type': 'str', 'dimension': 'scalar', 'static': False, 'temp': False},
    }}}
    assert parse_maincf(text)['groups'] == {}
    assert render_maincf(parse_maincf(text)) == (
        'type DRBDPrimary (\n'
        '        static str ArgList[] = { ResName }\n'
        '        str ResName\n'
        ')\n')


@pytest.mark.parametrize('name', CONFIG_CAPTURES)
def test_every_capture_survives_render_and_parse(name):
    for text in config_texts(name):
        config = parse_maincf(text)
        assert config['groups'] or config['types']
        rendered = render_maincf(config)
        assert parse_maincf(rendered) == config
        assert render_maincf(parse_maincf(rendered)) == rendered


# --------------------------------------------------------------------------- render layout

def test_render_reproduces_hacf_output_byte_for_byte():
    # the LINBIT template is hacf output indented with tabs; we indent with 8 spaces
    text = samples.text('maincf_2_linbit_drbd.cf')
    assert render_maincf(parse_maincf(text)) == text.expandtabs(8)


def test_render_reproduces_the_fragment():
    # the capture stops after the dependency-tree comment; a group ends with two blank lines
    text = samples.text('maincf_fragment_1.cf')
    assert render_maincf(parse_maincf(text)) == text + '\n\n'


def test_render_sorts_resources_and_writes_per_system_lines():
    config = parse_maincf(samples.text('maincf_6_cvm_group_notes.cf'))
    lines = render_maincf(config).splitlines()
    assert [line.strip() for line in lines if line.endswith(' (') and line.startswith(' ' * 8)] == [
        'CFSfsckd vxfsckd (', 'CVMCluster cvm_clus (', 'CVMVxconfigd cvm_vxconfigd (',
        'ProcessOnOnly vxattachd (']
    assert '                ActivationMode @node01 = { sharedg = sw }' in lines
    assert '                ActivationMode @node02 = { sharedg = sw }' in lines
    tree = lines[lines.index('        // resource dependency tree'):]
    assert tree[:12] == [
        '        // resource dependency tree',
        '        //',
        '        //      group cvm',
        '        //      {',
        '        //      CFSfsckd vxfsckd',
        '        //          {',
        '        //          CVMCluster cvm_clus',
        '        //              {',
        '        //              CVMVxconfigd cvm_vxconfigd',
        '        //              }',
        '        //          }',
        '        //      ProcessOnOnly vxattachd',
    ]


def test_render_group_without_resources():  # [recon] layout by analogy with samples
    config = {'groups': {'empty_sg': empty_group({'SystemList': {'a': '0'}})}}
    assert render_maincf(config) == (
        'group empty_sg (\n'
        '        SystemList = { a = 0 }\n'
        '        )\n'
        '\n\n\n'
        '        // resource dependency tree\n'
        '        //\n'
        '        //      group empty_sg\n'
        '        //      {\n'
        '        //      }\n'
        '\n\n')


def test_render_tree_with_shared_child_and_cycle():
    group = empty_group({})
    group['resources'] = {'a': {'type': 'App', 'attributes': {}},
                          'b': {'type': 'App', 'attributes': {}},
                          'm': {'type': 'Mount', 'attributes': {}},
                          'x': {'type': 'X', 'attributes': {}},
                          'y': {'type': 'X', 'attributes': {}}}
    group['resource_links'] = [['a', 'm'], ['b', 'm'], ['x', 'y'], ['y', 'x']]
    text = render_maincf({'groups': {'g': group}})
    assert [line[16:] for line in text.splitlines() if line.startswith('        //      ')] == [
        'group g', '{', 'App a', '    {', '    Mount m', '    }',
        'App b', '    {', '    Mount m', '    }', '}']
    assert parse_maincf(text)['groups']['g'] == group


@pytest.mark.parametrize('value, written', [
    ('eth0', 'eth0'),
    ('SG-ip', 'SG-ip'),
    ('0', '0'),
    ('-1', '-1'),
    ('10.0.0.1', '"10.0.0.1"'),
    ('-y', '"-y"'),
    ('_x', '"_x"'),
    ('', '""'),
    ('a b', '"a b"'),
    ('say "hi" C:\\tmp', '"say \\"hi\\" C:\\\\tmp"'),
    (3, '3'),
    (True, '1'),
    (False, '0'),
    ([], '{}'),
    (['a', '1.2'], '{ a, "1.2" }'),
    ({'k': 'v', 'URL': 'https://x'}, '{ k = v, URL = "https://x" }'),
])
def test_render_values(value, written):
    text = render_maincf({'groups': {'g': empty_group({'A': value})}})
    assert text.splitlines()[1] == '        A = ' + written


def test_render_refuses_values_it_cannot_write():
    with pytest.raises(ValueError, match='NoneType'):
        render_maincf({'groups': {'g': empty_group({'A': None})}})


def test_empty_configuration():
    empty = {'include': [], 'cluster': None, 'remoteclusters': {}, 'heartbeats': {},
             'systems': {}, 'groups': {}, 'types': {}}
    assert parse_maincf('') == empty
    assert parse_maincf('// only a comment\n\n# and another\n') == empty
    assert parse_maincf(None) == empty
    assert render_maincf(empty) == ''
    assert render_maincf({'systems': {'n1': {}}}) == 'system n1 (\n        )\n'


# --------------------------------------------------------------------------- made-up files

GCO = '''include "types.cf"

cluster prodclus (
        UserNames = { admin = hqsTq }
        ClusterAddress = "10.10.1.100"
        Administrators = { admin }
        )

remotecluster drclus (
        ClusterAddress = "10.20.1.100"
        )

heartbeat Icmp (
        ClusterList = { drclus }
        AYAInterval@drclus = 20
        Arguments @drclus = { "10.20.1.100" }
        )

system prod-n1 (
        )

group app_sg (
        SystemList = { prod-n1 = 0, prod-n2 = 1 }
        ClusterList = { prodclus = 0, drclus = 1 }
        ClusterFailOverPolicy = Manual
        )

        IP app_ip (
                Device @prod-n1 = eth0
                Device @prod-n2 = eth1
                Address = "10.10.1.50"
                )

        KVMGuest vm01 (
                GuestName = vm01
                RHEVMInfo = { Enabled = 1, URL = "https://rhevm.example.com:443",
                              User = "admin@internal", Password = xxxxxx,
                              Cluster = dc1cluster }
                Opts = { Net = { Device = eth0, DNS = { "10.0.0.53", "10.0.0.54" } }, Mode = 2 }
                StartProgram = "/opt/app/bin/start \\"prod\\" C:\\\\tmp \\n"
                )

        requires group app_rep online local hard
        requires group vm_storage_sg online global
        requires group batch_sg offline local
        vm01 requires app_ip
'''


def test_gco_cluster_heartbeat_and_per_system_values():
    config = parse_maincf(GCO)
    assert config['cluster'] == {'name': 'prodclus', 'attributes': {
        'UserNames': {'admin': 'hqsTq'}, 'ClusterAddress': '10.10.1.100', 'Administrators': ['admin']}}
    assert config['remoteclusters'] == {'drclus': {'ClusterAddress': '10.20.1.100'}}
    assert config['heartbeats'] == {'Icmp': {
        'ClusterList': ['drclus'], 'AYAInterval': {'@drclus': '20'},
        'Arguments': {'@drclus': ['10.20.1.100']}}}
    group = config['groups']['app_sg']
    assert group['attributes']['ClusterList'] == {'prodclus': '0', 'drclus': '1'}
    assert group['resources']['app_ip']['attributes'] == {
        'Device': {'@prod-n1': 'eth0', '@prod-n2': 'eth1'}, 'Address': '10.10.1.50'}
    vm = group['resources']['vm01']['attributes']
    assert vm['RHEVMInfo'] == {'Enabled': '1', 'URL': 'https://rhevm.example.com:443',
                               'User': 'admin@internal', 'Password': 'xxxxxx', 'Cluster': 'dc1cluster'}
    assert vm['Opts'] == {'Net': {'Device': 'eth0', 'DNS': ['10.0.0.53', '10.0.0.54']}, 'Mode': '2'}
    assert vm['StartProgram'] == '/opt/app/bin/start "prod" C:\\tmp \\n'
    assert group['dependencies'] == [
        {'child': 'app_rep', 'category': 'online', 'location': 'local', 'rigidity': 'hard'},
        {'child': 'vm_storage_sg', 'category': 'online', 'location': 'global', 'rigidity': None},
        {'child': 'batch_sg', 'category': 'offline', 'location': 'local', 'rigidity': None},
    ]
    assert group['resource_links'] == [['vm01', 'app_ip']]
    rendered = render_maincf(config)
    assert parse_maincf(rendered) == config
    assert '        AYAInterval @drclus = 20\n' in rendered
    assert '        requires group vm_storage_sg online global\n' in rendered
    assert rendered.index('remotecluster drclus (') < rendered.index('heartbeat Icmp (') \
        < rendered.index('system prod-n1 (') < rendered.index('group app_sg (')


def test_per_system_helpers():
    assert is_per_system({'@n1': 'eth0', '@n2': 'eth1'})
    assert not is_per_system({'n1': '0'})
    assert not is_per_system({})
    assert not is_per_system('eth0')
    assert per_system_values({'@n1': 'eth0', '@n2': {'a': '1'}}) == {'n1': 'eth0', 'n2': {'a': '1'}}
    assert per_system_values({'n1': '0'}) is None


def test_old_style_system_line_and_dependencies_on_one_line():
    config = parse_maincf('system sysa\nsystem sysb ( )\ngroup g ( )\n'
                          'requires group h online\n'
                          'a requires b b requires c\n'
                          'a requires b\n')
    assert config['systems'] == {'sysa': {}, 'sysb': {}}
    assert config['groups']['g']['dependencies'] == [
        {'child': 'h', 'category': 'online', 'location': None, 'rigidity': None}]
    assert config['groups']['g']['resource_links'] == [['a', 'b'], ['b', 'c']]


TYPES = '''
type DiskGroup (
        static keylist SupportedActions = { "license.vfd", "disk.vfd", numdisks }
        static int NumThreads = 1
        static str ArgList[] = { DiskGroup, StartVolumes,
                tempUseFence }
        static int ContainerOpts{} = { RunInContainer=0, PassCInfo=1 }
        static str NameRule = "DG_" + resource.DiskGroup
        str DiskGroup
        boolean StartVolumes = 1
        temp str tempUseFence = INVALID
        str Options{}
)
'''


def test_type_definitions():
    types = parse_typescf(TYPES)
    definition = types['DiskGroup']['attributes']
    assert definition['SupportedActions'] == {
        'type': 'str', 'dimension': 'keylist', 'static': True, 'temp': False,
        'default': ['license.vfd', 'disk.vfd', 'numdisks']}
    assert definition['NumThreads'] == {'type': 'int', 'dimension': 'scalar', 'static': True,
                                        'temp': False, 'default': '1'}
    assert definition['ArgList']['default'] == ['DiskGroup', 'StartVolumes', 'tempUseFence']
    assert definition['ContainerOpts'] == {'type': 'int', 'dimension': 'association', 'static': True,
                                           'temp': False, 'default': {'RunInContainer': '0', 'PassCInfo': '1'}}
    # [recon] expression defaults are kept as written
    assert definition['NameRule'] == {'type': 'str', 'dimension': 'scalar', 'static': True,
                                      'temp': False, 'default': '"DG_" + resource.DiskGroup',
                                      'expression': True}
    assert definition['tempUseFence'] == {'type': 'str', 'dimension': 'scalar', 'static': False,
                                          'temp': True, 'default': 'INVALID'}
    assert definition['Options'] == {'type': 'str', 'dimension': 'association', 'static': False,
                                     'temp': False}
    assert list(definition) == ['SupportedActions', 'NumThreads', 'ArgList', 'ContainerOpts',
                                'NameRule', 'DiskGroup', 'StartVolumes', 'tempUseFence', 'Options']
    config = parse_maincf(TYPES)
    rendered = render_maincf(config)
    assert parse_maincf(rendered) == config
    assert '        static str NameRule = "DG_" + resource.DiskGroup\n' in rendered
    assert '        static int ContainerOpts{} = { RunInContainer = 0, PassCInfo = 1 }\n' in rendered


@pytest.mark.parametrize('text, line, words', [
    ('group g (\n  A = "x\n  )\n', 2, 'unterminated string'),
    ('group g (\n A = 1\n A = 2\n)\n', 3, 'attribute A given twice'),
    ('group g (\n A @n1 = 1\n A @n1 = 2\n)\n', 3, 'attribute A given twice for n1'),
    ('group g (\n)\nIP r (\n Device = eth0\n Device @n1 = eth1\n)\n', 5,
     'attribute Device has a value for all systems and one for n1'),
    ('group g (\n)\nIP r (\n)\ngroup h (\n)\nNIC r (\n)\n', 7, 'resource r is already defined in group g'),
    ('group g (\n A = { x, y = 1 }\n)\n', 2, 'mix "key = value" pairs and single values'),
    ('group g (\n A = { k = 1, k = 2 }\n)\n', 2, "key 'k' given twice"),
    ('group g (\n A = { a, b\n)\n', 3, "expected a key or a value inside braces, found ')'"),
    ('IP r (\n)\n', 1, "'IP' outside a group"),
    ('group g (\n)\na requires atleast 2 from b, c\n', 3, '"requires atleast"'),
    ('group g (\n)\nrequires group h\nx requires y\n', 3, '"requires group h" needs online or offline'),
    ('group g (\n A = 1\n', 2, 'unexpected end of file'),
    ('cluster a (\n)\ncluster b (\n)\n', 3, 'a second cluster block (b)'),
    ('group g (\n)\ngroup g (\n)\n', 3, 'group g is defined twice'),
    ('group g (\n)\nIP r (\n A @ = 1 )\n', 4, "expected a system name after @, found '='"),
    ('group g (\n)\nsomething\n', 3, "found 'something'"),
    ('include\n', 1, 'unexpected end of file, expected a file name after include'),
    ('type T (\n str A\n str A\n)\n', 3, 'type T defines A twice'),
])
def test_errors_name_the_line(text, line, words):
    with pytest.raises(MainCfError) as err:
        parse_maincf(text)
    assert err.value.line == line
    assert str(err.value).startswith('main.cf line %d: ' % line)
    assert words in str(err.value)
    assert isinstance(err.value, ValueError)


def test_template_names_with_shell_variables_survive():
    # names as in the autotc main.cmd template (sample vcs_maincmd_1_template)
    text = ('group sg12 (\n)\nDiskGroup ${dg2}_sg12 (\n DiskGroup = $dg2\n)\n'
            'ip_$node1 requires ${dg2}_sg12\n')
    config = parse_maincf(text)
    assert config['groups']['sg12']['resources'] == {
        '${dg2}_sg12': {'type': 'DiskGroup', 'attributes': {'DiskGroup': '$dg2'}}}
    assert config['groups']['sg12']['resource_links'] == [['ip_$node1', '${dg2}_sg12']]
    rendered = render_maincf(config)
    assert '        DiskGroup ${dg2}_sg12 (\n                DiskGroup = "$dg2"\n' in rendered
    assert parse_maincf(rendered) == config


@pytest.mark.parametrize('groups, words', [
    ({'bad name': empty_group({})}, "'bad name' as a main.cf group name"),
    ({'g': dict(empty_group({}), resources={'r': {'attributes': {}}})}, 'None as a main.cf type name'),
    ({'g': dict(empty_group({}), resources={'r(1)': {'type': 'IP'}})}, "'r(1)' as a main.cf resource name"),
    ({'g': empty_group({'A=B': '1'})}, "'A=B' as a main.cf attribute name"),
    ({'g': empty_group({'A': {'@bad sys': '1'}})}, "'bad sys' as a main.cf system name"),
    ({'g': dict(empty_group({}), dependencies=[{'child': 'h', 'category': None, 'location': 'local'}])},
     'needs a category'),
    ({'g': dict(empty_group({}), resource_links=[['a', '//b']])}, "'//b' as a main.cf resource name"),
])
def test_render_refuses_names_it_cannot_write(groups, words):
    with pytest.raises(ValueError) as err:
        render_maincf({'groups': groups})
    assert words in str(err.value)
