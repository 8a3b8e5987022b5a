import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils._runner import (
    PRODUCT_DIRS, CommandError, Runner, vcode_of)


class FakeModule:
    """Just what Runner uses of AnsibleModule."""

    def __init__(self, check_mode=False, paths=None, results=None):
        self.check_mode = check_mode
        self.paths = paths if paths is not None else {'vxdg': '/usr/sbin/vxdg', 'vxprint': '/usr/sbin/vxprint'}
        self.results = list(results or [])
        self.ran = []
        self.lookups = []

    def get_bin_path(self, name, required=False, opt_dirs=None):
        self.lookups.append((name, list(opt_dirs)))
        return self.paths.get(name)

    def run_command(self, args, environ_update=None, check_rc=True):
        self.ran.append((args, environ_update, check_rc))
        return self.results.pop(0) if self.results else (0, '', '')

    def fail_json(self, **result):
        raise AssertionError(result['msg'])


def test_binaries_are_searched_on_path_then_in_the_product_folders():
    module = FakeModule()
    Runner(module).read(['vxprint', '-g', 'dg'])
    assert module.lookups == [('vxprint', list(PRODUCT_DIRS))]
    assert PRODUCT_DIRS[:4] == ('/opt/VRTS/bin', '/opt/VRTSvcs/bin', '/usr/sbin', '/usr/lib/vxvm/bin')


def test_commands_run_as_argv_lists_in_the_c_locale_without_check_rc():
    module = FakeModule()
    Runner(module).read(['vxprint', '-g', 'dg', '-F', '%name %devopen'])
    assert module.ran == [(['/usr/sbin/vxprint', '-g', 'dg', '-F', '%name %devopen'],
                           {'LANG': 'C', 'LC_ALL': 'C'}, False)]


def test_a_binary_is_looked_up_once():
    module = FakeModule()
    runner = Runner(module)
    runner.read(['vxdg', 'list'])
    runner.read(['vxdg', 'list'])
    assert len(module.lookups) == 1


def test_a_missing_binary_is_a_clear_failure():
    module = FakeModule(paths={})
    with pytest.raises(AssertionError, match='vxdg not found on PATH or in /opt/VRTS/bin'):
        Runner(module).read(['vxdg', 'list'])


def test_changes_are_skipped_in_check_mode_and_reads_are_not():
    module = FakeModule(check_mode=True)
    runner = Runner(module)
    assert runner.change(['vxdg', 'deport', 'dg']) is None
    runner.read(['vxprint', '-g', 'dg'])
    assert [ran[0][0] for ran in module.ran] == ['/usr/sbin/vxprint']
    assert runner.executed == []


def test_apply_runs_in_order_and_stops_at_the_first_failure():
    module = FakeModule(results=[(0, '', ''), (11, '', 'VxVM vxdg ERROR V-5-1-2275 vxdg: Disk group x: No such disk group\n')])
    runner = Runner(module)
    with pytest.raises(CommandError) as caught:
        runner.apply([['vxdg', 'import', 'a'], ['vxdg', 'destroy', 'x'], ['vxdg', 'init', 'y', 'd=d']])
    assert runner.executed == [['vxdg', 'import', 'a']]
    assert caught.value.result() == {
        'cmd': ['vxdg', 'destroy', 'x'], 'rc': 11, 'stdout': '',
        'stderr': 'VxVM vxdg ERROR V-5-1-2275 vxdg: Disk group x: No such disk group\n', 'vcode': 'V-5-1-2275'}
    assert 'vxdg destroy x failed (rc=11): VxVM vxdg ERROR V-5-1-2275' in str(caught.value)


def test_accepted_exit_codes():
    module = FakeModule(results=[(11, '', '')])
    assert Runner(module).read(['vxprint', '-g', 'dg', '-v'], ok_rcs=(0, 11)) == (11, '', '')


@pytest.mark.parametrize('text, code', [
    ('VxVM vxdg ERROR V-5-1-2349 Device emcpower11s2 appears to be owned by disk group dg1.', 'V-5-1-2349'),
    ('VxVM vxdiskunsetup ERROR V-5-2-3522 sdb: Disk is not a volume manager disk', 'V-5-2-3522'),
    ('VCS NOTICE V-16-1-10136 Group added; populating SystemList', 'V-16-1-10136'),
    ('no code here', None),
])
def test_vcode_of(text, code):
    assert vcode_of('', text) == code
