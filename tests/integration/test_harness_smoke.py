"""The integration harness itself: recap parsing, audit helpers, one real playbook."""

import pytest

from harness import assert_no_changes, mutating_calls, parse_recap, run_playbook

RECAP_OUTPUT = """\
TASK [List disks] **************************************************************
ok: [prod-n1]

PLAY RECAP *********************************************************************
prod-n1                    : ok=3    changed=1    unreachable=0    failed=0    skipped=2    rescued=0    ignored=0
dr-n1                      : ok=1    changed=0    unreachable=1    failed=1    skipped=0    rescued=0    ignored=1
"""

SMOKE_PLAYBOOK = """\
- name: Harness smoke test
  hosts: prod-n1
  gather_facts: false
  tasks:
    - name: List disks as prod-n1
      ansible.builtin.command:
        argv: [vxdisk, list]
      changed_when: false
"""


def test_parse_recap_reads_every_counter_per_host():
    assert parse_recap(RECAP_OUTPUT) == {
        'prod-n1': {'ok': 3, 'changed': 1, 'unreachable': 0, 'failed': 0, 'skipped': 2, 'rescued': 0, 'ignored': 0},
        'dr-n1': {'ok': 1, 'changed': 0, 'unreachable': 1, 'failed': 1, 'skipped': 0, 'rescued': 0, 'ignored': 1},
    }


def test_parse_recap_ignores_lines_before_the_recap():
    assert parse_recap('prod-n1 : ok=1 changed=0\n') == {}


def test_mutating_calls_and_assert_no_changes():
    reads = [{'id': 1, 'node': 'prod-n1', 'argv': ['vxdisk', 'list'], 'rc': 0, 'changed': False}]
    write = {'id': 2, 'node': 'prod-n2', 'argv': ['vxdg', 'init', 'dg1', 'd1=emc0_0'], 'rc': 0, 'changed': True}

    assert mutating_calls(reads) == []
    assert_no_changes(reads)
    assert mutating_calls(reads + [write]) == [write]
    with pytest.raises(AssertionError, match=r'(?s)1 call\(s\) changed.*prod-n2: vxdg init dg1 d1=emc0_0'):
        assert_no_changes(reads + [write])


def test_playbook_command_on_prod_n1_is_audited(estate, tmp_path):
    playbook = tmp_path / 'smoke.yml'
    playbook.write_text(SMOKE_PLAYBOOK, encoding='utf-8')

    result = run_playbook(estate, playbook).assert_ok()

    assert result.recap == {
        'prod-n1': {'ok': 1, 'changed': 0, 'unreachable': 0, 'failed': 0, 'skipped': 0, 'rescued': 0, 'ignored': 0},
    }
    entries = estate.log()
    assert [(entry['node'], entry['argv'], entry['rc'], entry['changed']) for entry in entries] == [
        ('prod-n1', ['vxdisk', 'list'], 0, False),
    ]
    assert estate.last_id() == entries[0]['id']
    assert estate.log(since=entries[0]['id']) == []
    assert_no_changes(entries)


def test_run_as_node_is_audited_with_that_node(estate):
    rc, out, err = estate.run('dr-n2', ['vxdisk', 'list'])

    assert (rc, err) == (0, '')
    assert 'hds0_0' in out
    assert [(entry['node'], entry['argv']) for entry in estate.log()] == [('dr-n2', ['vxdisk', 'list'])]
