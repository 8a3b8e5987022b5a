#!/usr/bin/env bash
# ansible-test sanity, offline, on a copy of the collection as it ships.
#
# ansible-test needs the collection at .../ansible_collections/continuum/infoscale
# (a symlink is resolved and rejected), so the shipped files are copied to a
# temporary folder outside the work tree. Its per-test virtualenvs are bootstrapped
# by the get-pip stand-in (tests/ci/get_pip_standin.py) and then filled from PyPI.
#
# 1. every sanity test on Python 3.11 (the controller Python);
# 2. compile and import on each of SANITY_EXTRA_PYTHONS (default: 3.8, the oldest
#    Python our modules support on managed nodes), taken from pyenv; ansible-test
#    finds them through a private bin folder put first on PATH.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
venv=${VENV:-$root/.venv}
extra_pythons=${SANITY_EXTRA_PYTHONS-3.8}

find_python() {
    local version=$1 candidate
    for candidate in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$version".*/bin/python"$version"; do
        if [[ -x $candidate ]]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

# shellcheck disable=SC2086  # the version list is split on purpose
"$venv/bin/python" "$root/tests/ci/install_get_pip_standin.py" 3.11 $extra_pythons

work=$(mktemp -d "${TMPDIR:-/tmp}/continuum-infoscale-sanity.XXXXXX")
trap 'rm -rf "$work"' EXIT
collection=$work/ansible_collections/continuum/infoscale
"$venv/bin/python" "$root/tests/ci/shipped_files.py" copy "$root" "$collection"

pybin=$work/pybin
mkdir -p "$pybin"
tested_extra=()
for version in $extra_pythons; do
    if interpreter=$(find_python "$version"); then
        ln -s "$interpreter" "$pybin/python$version"
        tested_extra+=("$version")
    else
        echo "WARNING: no Python $version under ${PYENV_ROOT:-$HOME/.pyenv}/versions; compile/import on $version skipped" >&2
    fi
done

export PATH="$pybin:$venv/bin:$PATH"
cd "$collection"

status=0
started=$SECONDS
echo "==> ansible-test sanity --python 3.11"
ansible-test sanity --local --python 3.11 --color no || status=1
echo "==> ansible-test sanity --python 3.11: $((SECONDS - started)) s"

for version in "${tested_extra[@]}"; do
    started=$SECONDS
    echo "==> ansible-test sanity --python $version (compile, import)"
    ansible-test sanity --local --python "$version" --color no --test compile --test import || status=1
    echo "==> ansible-test sanity --python $version: $((SECONDS - started)) s"
done
exit "$status"
