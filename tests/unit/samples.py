"""Real command captures from the shared samples folder, for parser tests.

Each capture starts with a ``# source:`` line (``// source:`` in main.cf/types.cf files),
dropped here. A capture may hold several
commands, each after a shell prompt (``bash-3.2# vxdg list``, ``# vxdisk -e list``...):
``sessions()`` splits it into (command, output) pairs. Output before the first prompt
has the command None.
"""

import os
import re
from pathlib import Path

# tests/samples is the project's copy of the shared captures; INFOSCALE_SAMPLES_DIR points
# the tests at another folder (for example a newer shared set) without copying it first.
SAMPLES_DIR = Path(os.environ.get('INFOSCALE_SAMPLES_DIR', Path(__file__).resolve().parents[1] / 'samples'))

# Written independently of the parser's own prompt pattern, so a mistake in one is not
# hidden by the other.
_PROMPT = re.compile(
    r'^(?:\[[^\]]*\]|[\w.-]+@[\w.-]+:\S*?|\w*sh-[\d.]+|[\w.-]+ |)[#$](?: (?P<cmd>.*)|$)')


def names(pattern='*'):
    """File names of the captures matching a glob pattern, sorted."""
    return sorted(p.name for p in SAMPLES_DIR.glob(pattern) if p.name != 'README.md')


def text(name):
    """A capture without its ``# source:`` (or ``// source:``) line."""
    raw = (SAMPLES_DIR / name).read_text()
    first, rest = raw.split('\n', 1) if '\n' in raw else (raw, '')
    assert first.startswith(('# source:', '// source:')), '%s has no "source:" first line' % name
    return rest


def prompt_command(line):
    """The command typed after a shell prompt on ``line`` ('' for a bare prompt), or None."""
    match = _PROMPT.match(line.rstrip())
    if not match:
        return None
    return (match.group('cmd') or '').strip()


def sessions(name):
    """[(command or None, output text)] of a capture, split at prompt lines."""
    pairs = []
    command, lines = None, []
    for line in text(name).splitlines():
        typed = prompt_command(line)
        if typed is None:
            lines.append(line)
            continue
        if command is not None or any(l.strip() for l in lines):
            pairs.append((command, '\n'.join(lines) + '\n'))
        command, lines = typed, []
    if command is not None or any(l.strip() for l in lines):
        pairs.append((command, '\n'.join(lines) + '\n'))
    return pairs


def outputs(name, command):
    """Outputs of every run of ``command`` (exact, whitespace-normalised) in a capture."""
    wanted = ' '.join(command.split())
    return [out for cmd, out in sessions(name) if cmd is not None and ' '.join(cmd.split()) == wanted]


def output(name, command):
    """The only output of ``command`` in a capture."""
    found = outputs(name, command)
    assert len(found) == 1, '%s: %d runs of %r' % (name, len(found), command)
    return found[0]
