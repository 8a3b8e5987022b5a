"""Expose the work tree as ansible_collections/continuum/infoscale without copying it.

Creates ROOT/.build/collections/ansible_collections/continuum/infoscale as a
relative symlink to ROOT, so that ROOT/.build/collections works both as an
ANSIBLE_COLLECTIONS_PATH entry and as a sys.path entry for imports such as
ansible_collections.continuum.infoscale.plugins.module_utils. Safe to call
from several processes at once (pytest-xdist workers).

usage: python collection_link.py [ROOT]   (prints the collections path)
"""

import os
import sys
from pathlib import Path

NAMESPACE = 'continuum'
NAME = 'infoscale'


def ensure_collection_link(root):
    """Create the symlink tree if needed and return the collections path (a Path)."""
    root = Path(root).resolve()
    collections = root / '.build' / 'collections'
    namespace_dir = collections / 'ansible_collections' / NAMESPACE
    link = namespace_dir / NAME
    target = os.path.relpath(root, namespace_dir)
    if os.path.islink(link) and os.readlink(link) == target:
        return collections
    namespace_dir.mkdir(parents=True, exist_ok=True)
    temporary = namespace_dir / ('.%s.%d' % (NAME, os.getpid()))
    if os.path.lexists(temporary):
        os.unlink(temporary)
    os.symlink(target, temporary)
    os.replace(temporary, link)
    return collections


if __name__ == '__main__':
    print(ensure_collection_link(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2]))
