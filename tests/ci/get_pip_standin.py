"""Offline stand-in for the get-pip.py bootstrap script that ansible-test downloads.

ansible-test creates its sanity-test virtualenvs without pip and then runs
~/.ansible/test/cache/get_pip_<version>.py (normally fetched from a host that
is unreachable here) with pip's own install arguments. This script gives the
same result: it installs CPython's bundled pip with ensurepip, then lets that
pip install the requested packages (the pinned pip version included) from the
configured package index.

ensurepip runs in a subprocess on purpose: run in-process it sets
PIP_CONFIG_FILE=/dev/null for the rest of the process, which would hide the
machine's pip configuration (certificates, index settings) from the install.
"""

import subprocess
import sys

GET_PIP_ONLY_FLAGS = ('--no-setuptools', '--no-wheel')


def main():
    args = sys.argv[1:]
    pip_args = [arg for arg in args if arg not in GET_PIP_ONLY_FLAGS]
    python = sys.executable

    subprocess.check_call([python, '-m', 'ensurepip', '--default-pip'])
    subprocess.check_call([python, '-m', 'pip', 'install', '--quiet'] + pip_args)

    # ensurepip installs setuptools on older Pythons; get-pip would not have.
    if '--no-setuptools' in args:
        subprocess.call([python, '-m', 'pip', 'uninstall', '--quiet', '--yes', 'setuptools'])


if __name__ == '__main__':
    main()
