"""Check a built collection artifact (the listing `tar tzf` shows).

- it holds MANIFEST.json, FILES.json, meta/runtime.yml and plugins/;
- nothing in it is development-only: no path under simulator/, bench/, .ci/ or any
  other build_ignore entry of galaxy.yml;
- its files are exactly the shipped files of the work tree (tracked or untracked
  but not git-ignored, minus build_ignore), so a git-ignored leftover such as a
  cache folder that build_ignore forgets is caught here.

usage: python check_artifact.py ARTIFACT.tar.gz [ROOT]
"""

import sys
import tarfile
from pathlib import Path

from shipped_files import galaxy_metadata, is_ignored, shipped_files

MUST_BE_EXCLUDED = ['simulator', 'bench', '.ci']
MUST_BE_PRESENT = ['MANIFEST.json', 'FILES.json', 'meta/runtime.yml']
GENERATED = {'MANIFEST.json', 'FILES.json'}


def artifact_listing(artifact):
    with tarfile.open(artifact, 'r:gz') as tar:
        return {member.name: member for member in tar.getmembers()}


def problems(artifact, root):
    listing = artifact_listing(artifact)
    names = set(listing)
    build_ignore = list(galaxy_metadata(root).get('build_ignore') or [])
    found = []

    for required in MUST_BE_EXCLUDED:
        if required not in build_ignore:
            found.append('galaxy.yml build_ignore lacks %r' % required)
    for required in MUST_BE_PRESENT:
        if required not in names:
            found.append('missing from the artifact: %s' % required)
    if not any(name.startswith('plugins/') for name in names):
        found.append('the artifact has no plugins/')

    for name in sorted(names):
        if is_ignored(name, build_ignore + MUST_BE_EXCLUDED):
            found.append('development-only path in the artifact: %s' % name)

    files = {name for name, member in listing.items() if not member.isdir()} - GENERATED
    expected = set(shipped_files(root))
    for name in sorted(files - expected):
        found.append('in the artifact but not a shipped file (git-ignored? add it to build_ignore): %s' % name)
    for name in sorted(expected - files):
        found.append('a shipped file is missing from the artifact: %s' % name)
    return found


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    artifact = sys.argv[1]
    root = sys.argv[2] if len(sys.argv) == 3 else str(Path(__file__).resolve().parents[2])
    found = problems(artifact, root)
    for line in found:
        print('check_artifact: %s' % line)
    if found:
        sys.exit(1)
    print('check_artifact: %s ok (%d entries; simulator/, bench/, .ci/ absent)' % (artifact, len(artifact_listing(artifact))))


if __name__ == '__main__':
    main()
