#!/usr/bin/env bash
# Create or update a virtualenv from requirement files, and do nothing when it
# is already up to date. "Up to date" means: the stamp file inside the venv
# holds the hash of the base Python's version, every requirement file's content
# and the editable project's pyproject.toml.
#
# usage: ensure_venv.sh VENV [--editable DIR] REQUIREMENTS_FILE...
# The base interpreter is $PYTHON (default: python3.11).
set -euo pipefail

venv=$1
shift
editable=""
if [[ ${1:-} == --editable ]]; then
    editable=$2
    shift 2
fi
python=${PYTHON:-python3.11}

base_version=$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')

key_input() {
    echo "python $base_version"
    local file
    for file in "$@"; do
        echo "requirements $file"
        cat "$file"
    done
    if [[ -n $editable ]]; then
        if [[ -f $editable/pyproject.toml ]]; then
            echo "editable $editable"
            cat "$editable/pyproject.toml"
        else
            echo "editable $editable absent"
        fi
    fi
}
key=$(key_input "$@" | sha256sum | cut -d' ' -f1)
stamp=$venv/.ci-stamp

if [[ -x $venv/bin/python && -f $stamp && $(cat "$stamp") == "$key" ]]; then
    exit 0
fi

venv_version=""
if [[ -x $venv/bin/python ]]; then
    venv_version=$("$venv/bin/python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' || true)
fi
if [[ $venv_version != "$base_version" ]]; then
    echo "==> creating $venv with $python ($base_version)"
    "$python" -m venv --clear "$venv"
fi

echo "==> installing into $venv: $*"
requirement_args=()
for file in "$@"; do
    requirement_args+=(-r "$file")
done
"$venv/bin/python" -m pip install --quiet --quiet --disable-pip-version-check "${requirement_args[@]}"

if [[ -n $editable ]]; then
    if [[ -f $editable/pyproject.toml ]]; then
        echo "==> installing $editable (editable) into $venv"
        "$venv/bin/python" -m pip install --quiet --quiet --disable-pip-version-check -e "$editable"
    else
        echo "WARNING: $editable/pyproject.toml does not exist yet; $editable is not installed" >&2
    fi
fi

echo "$key" > "$stamp"
