"""The files of the collection as it ships, and a copy of them for ansible-test.

Shipped = tracked or untracked-but-not-ignored by git, minus what
`ansible-galaxy collection build` leaves out: its fixed ignore list and the
build_ignore patterns of galaxy.yml, matched the way it matches them (fnmatch
on the path relative to the collection root, for every directory on the way
and for the file). galaxy.yml itself is kept in the copy because ansible-test
reads the collection's metadata from it.

usage: python shipped_files.py list ROOT
       python shipped_files.py copy ROOT DEST
"""

import fnmatch
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

# What ansible-galaxy always leaves out (ansible.galaxy.collection._build_files_manifest_walk).
ALWAYS_IGNORED_PATTERNS = ['MANIFEST.json', 'FILES.json', 'galaxy.yml', 'galaxy.yaml', '.git',
                           '*.pyc', '*.retry', 'tests/output']
ALWAYS_IGNORED_DIRS = {'CVS', '.bzr', '.hg', '.git', '.svn', '__pycache__', '.tox'}


def galaxy_metadata(root):
    with open(os.path.join(root, 'galaxy.yml'), encoding='utf-8') as handle:
        return yaml.safe_load(handle)


def ignore_patterns(metadata):
    own_artifacts = '%s-%s-*.tar.gz' % (metadata['namespace'], metadata['name'])
    return ALWAYS_IGNORED_PATTERNS + [own_artifacts] + list(metadata.get('build_ignore') or [])


def is_ignored(relpath, patterns):
    parts = relpath.split('/')
    for depth in range(1, len(parts)):
        directory = '/'.join(parts[:depth])
        if parts[depth - 1] in ALWAYS_IGNORED_DIRS or any(fnmatch.fnmatch(directory, p) for p in patterns):
            return True
    return any(fnmatch.fnmatch(relpath, p) for p in patterns)


def git_files(root):
    output = subprocess.run(['git', '-C', root, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'],
                            check=True, capture_output=True).stdout
    names = sorted({name.decode('utf-8') for name in output.split(b'\0') if name})
    return [name for name in names if os.path.lexists(os.path.join(root, name))]


def shipped_files(root):
    patterns = ignore_patterns(galaxy_metadata(root))
    return [name for name in git_files(root) if not is_ignored(name, patterns)]


def copy_collection(root, dest):
    dest = Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    for name in shipped_files(root) + ['galaxy.yml']:
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(os.path.join(root, name), target, follow_symlinks=False)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == 'list':
        print('\n'.join(shipped_files(sys.argv[2])))
    elif len(sys.argv) == 4 and sys.argv[1] == 'copy':
        copy_collection(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main()
