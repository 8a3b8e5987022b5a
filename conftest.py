"""Make the collection importable for every test run from the repository.

The work tree is exposed as .build/collections/ansible_collections/continuum/infoscale
(a symlink to this folder, see tests/ci/collection_link.py); .build/collections goes
first on sys.path, so tests import
ansible_collections.continuum.infoscale.plugins..., and into ANSIBLE_COLLECTIONS_PATH,
so ansible-playbook and ansible-doc started by tests resolve continuum.infoscale.*.
"""

import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def _load_collection_link():
    spec = importlib.util.spec_from_file_location('_continuum_collection_link', ROOT / 'tests' / 'ci' / 'collection_link.py')
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


COLLECTIONS_PATH = _load_collection_link().ensure_collection_link(ROOT)

if str(COLLECTIONS_PATH) not in sys.path:
    sys.path.insert(0, str(COLLECTIONS_PATH))
os.environ['ANSIBLE_COLLECTIONS_PATH'] = str(COLLECTIONS_PATH)
