#!/usr/bin/env bash
# `make test`: artifact build and check, sanity, lint, then pytest LAST so that
# pytest's summary is the closing line. A failing stage does not stop the run
# (every result is shown once); the exit status is non-zero when any stage or
# pytest failed.
# The virtualenvs are made by the Makefile before this runs.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root" || exit 1

failed=()
timings=()

stage() {
    local name=$1 started=$SECONDS
    shift
    echo "==> stage $name"
    if "$@"; then
        timings+=("$name ok $((SECONDS - started))s")
    else
        timings+=("$name FAILED $((SECONDS - started))s")
        failed+=("$name")
    fi
}

stage build make --no-print-directory build
stage sanity tests/ci/sanity.sh
stage lint tests/ci/lint.sh

echo "==> stages: ${timings[*]}"
if ((${#failed[@]})); then
    echo "==> FAILED before pytest: ${failed[*]} (see above); pytest runs anyway"
fi

# shellcheck disable=SC2046  # one word per existing test folder
.venv/bin/python -m pytest -n "${PYTEST_WORKERS:-2}" $(tests/ci/pytest_paths.sh)
status=$?
if ((status == 0 && ${#failed[@]})); then
    status=1
fi
exit "$status"
