"""Call one module through a real playbook run against the simulator and collect what it did."""

import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from harness import run_playbook

PLAYBOOKS = Path(__file__).parent / 'playbooks'


@dataclass
class Call:
    result: dict        # the module's result as registered by the playbook
    calls: list         # audit-log entries of the CLI calls made during the run
    playbook: object    # the PlaybookResult

    @property
    def changing_calls(self):
        return [entry['argv'] for entry in self.calls if entry['changed']]


def call_module(estate, module, args, check=False, diff=False, target='prod-n1'):
    result_file = estate.state / ('result-%s.json' % uuid.uuid4().hex)
    since = estate.last_id()
    playbook = run_playbook(
        estate, PLAYBOOKS / ('%s.yml' % module),
        extra_vars={'call': args, 'target': target, 'result_file': str(result_file)},
        check=check, diff=diff)
    assert playbook.rc == 0, playbook.stdout
    result = json.loads(result_file.read_text())
    return Call(result, estate.log(since=since), playbook)


def assert_refused(call, *texts):
    """The module failed with a message naming the problem and changed nothing."""
    assert call.result.get('failed'), call.result
    for text in texts:
        assert text in call.result['msg'], call.result['msg']
    assert call.changing_calls == [], call.changing_calls
