"""Run real playbooks against a simulated InfoScale estate.

Building blocks for tests/integration (the fixtures are in conftest.py):

- init_estate(workdir, estate_file) -> Estate: `infoscale-sim init` into workdir;
  the Estate gives the state folder, the inventory, the audit log and a way to run
  simulated commands as one node;
- run_playbook(estate, playbook, ...) -> PlaybookResult: the venv's ansible-playbook
  with this work tree as continuum.infoscale, and the PLAY RECAP parsed;
- assert_no_changes(entries) and mutating_calls(entries) on audit log entries.
"""

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
COLLECTION_LINK_HELPER = REPO_ROOT / 'tests' / 'ci' / 'collection_link.py'
DEFAULT_ESTATE = REPO_ROOT / 'simulator' / 'estates' / 'two-site.yml'
PLAYBOOK_TIMEOUT = 900
COMMAND_TIMEOUT = 120


class HarnessError(RuntimeError):
    """A harness command failed; the message carries its output."""


def venv_executable(name):
    """A console script of the running interpreter's venv (else from PATH)."""
    beside_python = Path(sys.executable).parent / name
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which(name)
    if found:
        return found
    raise HarnessError('%s is not installed next to %s nor on PATH (run `make venv`; the simulator '
                       'comes from `pip install -e simulator`)' % (name, sys.executable))


def _run(argv, env=None, cwd=None, timeout=COMMAND_TIMEOUT, check=True):
    proc = subprocess.run(argv, env=env, cwd=cwd, timeout=timeout, capture_output=True, text=True, check=False)
    if check and proc.returncode != 0:
        raise HarnessError('command failed (rc=%d): %s\n--- stdout\n%s\n--- stderr\n%s'
                           % (proc.returncode, ' '.join(argv), proc.stdout, proc.stderr))
    return proc


class Estate:
    """One simulated estate: state folder, inventory, audit log, node commands."""

    def __init__(self, state, inventory, workdir):
        self.state = Path(state)
        self.inventory = Path(inventory)
        self.workdir = Path(workdir)

    def sim(self, *args, check=True):
        """Run `infoscale-sim ARGS` for this estate (INFOSCALE_SIM_STATE is set); a CompletedProcess."""
        env = dict(os.environ, INFOSCALE_SIM_STATE=str(self.state))
        return _run([venv_executable('infoscale-sim')] + [str(arg) for arg in args], env=env, check=check)

    def log(self, since=None):
        """The audit log entries (dicts), oldest first; only those with id > since if given."""
        args = ['log', '--state', str(self.state), '--json']
        if since is not None:
            args += ['--since', str(since)]
        return [json.loads(line) for line in self.sim(*args).stdout.splitlines() if line.strip()]

    def last_id(self):
        """The id of the newest audit log entry (0 when the log is empty)."""
        entries = self.log()
        return entries[-1]['id'] if entries else 0

    def reset(self):
        """Back to the fresh estate; the log is cleared."""
        self.sim('reset', '--state', str(self.state))

    def run(self, node, argv, stdin=None):
        """Run a simulated command as `node` (as a module on that node would); (rc, stdout, stderr)."""
        if isinstance(argv, str):
            raise TypeError('argv must be a list of words, not a string: %r' % argv)
        path = os.pathsep.join([str(self.state / 'bin'), os.environ.get('PATH', '')])
        env = dict(os.environ, INFOSCALE_SIM_STATE=str(self.state), INFOSCALE_SIM_NODE=node, PATH=path)
        executable = shutil.which(argv[0], path=path) or argv[0]
        proc = subprocess.run([executable] + list(argv[1:]), env=env, input=stdin, capture_output=True, text=True,
                              timeout=COMMAND_TIMEOUT, check=False)
        return proc.returncode, proc.stdout, proc.stderr


def init_estate(workdir, estate_file=DEFAULT_ESTATE):
    """`infoscale-sim init` into workdir/state with workdir/inventory.yml; an Estate."""
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    estate = Estate(workdir / 'state', workdir / 'inventory.yml', workdir)
    _run([venv_executable('infoscale-sim'), 'init', '--estate', str(estate_file), '--state', str(estate.state),
          '--inventory', str(estate.inventory)])
    return estate


RECAP_LINE = re.compile(r'^(?P<host>\S+)\s+:\s+(?P<counts>(?:[a-z]+=\d+\s*)+)$')


def parse_recap(stdout):
    """{host: {ok, changed, unreachable, failed, skipped, rescued, ignored}} from the PLAY RECAP."""
    recap = {}
    in_recap = False
    for line in stdout.splitlines():
        if line.startswith('PLAY RECAP'):
            in_recap = True
            continue
        if not in_recap:
            continue
        match = RECAP_LINE.match(line.strip())
        if match:
            counts = dict(pair.split('=') for pair in match.group('counts').split())
            recap[match.group('host')] = {key: int(value) for key, value in counts.items()}
    return recap


@dataclass
class PlaybookResult:
    """What one ansible-playbook run gave."""

    rc: int
    stdout: str
    stderr: str
    recap: dict
    argv: list

    def total(self, counter):
        return sum(counts.get(counter, 0) for counts in self.recap.values())

    @property
    def changed_total(self):
        return self.total('changed')

    @property
    def failed_total(self):
        return self.total('failed')

    @property
    def unreachable_total(self):
        return self.total('unreachable')

    def assert_ok(self):
        """Fail with the playbook's output unless it ran cleanly (rc 0, nothing failed or unreachable)."""
        if self.rc != 0 or self.failed_total or self.unreachable_total:
            raise AssertionError('playbook failed (rc=%d): %s\n--- stdout\n%s\n--- stderr\n%s'
                                 % (self.rc, ' '.join(self.argv), self.stdout, self.stderr))
        return self


def collections_path():
    """.build/collections with this work tree as continuum.infoscale (made if missing)."""
    spec = importlib.util.spec_from_file_location('_continuum_collection_link', COLLECTION_LINK_HELPER)
    helper = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(helper)
    return helper.ensure_collection_link(REPO_ROOT)


def playbook_environment(estate):
    """The environment ansible-playbook runs with: this work tree as the collection, plain output."""
    env = dict(os.environ)
    env.pop('ANSIBLE_CONFIG', None)
    env.update({
        'ANSIBLE_COLLECTIONS_PATH': str(collections_path()),
        'ANSIBLE_COLLECTIONS_SCAN_SYS_PATH': 'False',
        'ANSIBLE_NOCOLOR': '1',
        'ANSIBLE_FORCE_COLOR': '0',
        'ANSIBLE_HOST_KEY_CHECKING': 'False',
        'ANSIBLE_RETRY_FILES_ENABLED': 'False',
        'ANSIBLE_STDOUT_CALLBACK': 'ansible.builtin.default',
        'ANSIBLE_LOCAL_TEMP': str(estate.workdir / '.ansible-local'),
    })
    return env


def run_playbook(estate, playbook, extra_vars=None, check=False, diff=False, limit=None, tags=None,
                 timeout=PLAYBOOK_TIMEOUT):
    """Run a playbook (absolute, or relative to the repository root) on the estate's inventory."""
    playbook = Path(playbook)
    if not playbook.is_absolute():
        playbook = REPO_ROOT / playbook
    argv = [venv_executable('ansible-playbook'), '-i', str(estate.inventory), str(playbook)]
    if extra_vars:
        extra_vars_file = _new_file(estate.workdir, 'extra-vars', '.json')
        extra_vars_file.write_text(json.dumps(extra_vars), encoding='utf-8')
        argv += ['--extra-vars', '@%s' % extra_vars_file]
    if check:
        argv.append('--check')
    if diff:
        argv.append('--diff')
    if limit:
        argv += ['--limit', limit if isinstance(limit, str) else ','.join(limit)]
    if tags:
        argv += ['--tags', tags if isinstance(tags, str) else ','.join(tags)]
    proc = _run(argv, env=playbook_environment(estate), cwd=estate.workdir, timeout=timeout, check=False)
    return PlaybookResult(rc=proc.returncode, stdout=proc.stdout, stderr=proc.stderr,
                          recap=parse_recap(proc.stdout), argv=argv)


def _new_file(folder, stem, suffix):
    number = 1
    while (folder / ('%s-%d%s' % (stem, number, suffix))).exists():
        number += 1
    return folder / ('%s-%d%s' % (stem, number, suffix))


def mutating_calls(entries):
    """The audit log entries whose call changed the simulated state."""
    return [entry for entry in entries if entry.get('changed')]


def assert_no_changes(entries):
    """Fail, listing the calls, if any audit log entry changed the simulated state."""
    changed = mutating_calls(entries)
    if changed:
        lines = ['%s: %s (rc=%s)' % (entry.get('node'), ' '.join(entry.get('argv', [])), entry.get('rc'))
                 for entry in changed]
        raise AssertionError('%d call(s) changed the simulated state:\n%s' % (len(changed), '\n'.join(lines)))
