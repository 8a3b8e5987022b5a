"""Put the offline get-pip stand-in where ansible-test looks for its cached bootstrap.

The file name carries the pip version that the installed ansible-test pins
(~/.ansible/test/cache/get_pip_24_2.py for pip 24.2), so the version is read
from ansible_test itself instead of being written down here.

usage: python install_get_pip_standin.py PYTHON_VERSION...   (e.g. 3.11 3.8)
Run it with the interpreter of the venv that holds ansible-core.
"""

import os
import re
import shutil
import sys
import types
from pathlib import Path

STANDIN = Path(__file__).resolve().with_name('get_pip_standin.py')
CACHE_DIR = Path(os.path.expanduser('~/.ansible/test/cache'))


def pinned_pip_version(python_version):
    """The pip version ansible-test bootstraps into a venv for that Python."""
    try:
        from ansible_test._internal.python_requirements import get_venv_packages
    except ImportError:
        return _pinned_pip_version_from_source()
    return get_venv_packages(types.SimpleNamespace(version=python_version))['pip']


def _pinned_pip_version_from_source():
    import ansible_test
    source = Path(ansible_test.__file__).parent / '_internal' / 'python_requirements.py'
    found = re.search(r"\bpip='([0-9.]+)'", source.read_text(encoding='utf-8'))
    if not found:
        sys.exit('cannot find the pip version pinned by ansible-test in %s' % source)
    return found.group(1)


def install(pip_version):
    target = CACHE_DIR / ('get_pip_%s.py' % pip_version.replace('.', '_'))
    if target.exists() and target.read_bytes() == STANDIN.read_bytes():
        return target
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(STANDIN, target)
    print('installed get-pip stand-in for pip %s: %s' % (pip_version, target))
    return target


def main():
    versions = sys.argv[1:] or ['%d.%d' % sys.version_info[:2]]
    for pip_version in sorted({pinned_pip_version(v) for v in versions}):
        install(pip_version)


if __name__ == '__main__':
    main()
