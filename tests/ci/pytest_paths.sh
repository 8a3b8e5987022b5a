#!/usr/bin/env bash
# The test folders pytest runs in `make test`, one a line: the collection's unit
# and integration suites and, when present, the simulator's own tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
for folder in tests/unit tests/integration simulator/tests; do
    if [[ -d $folder ]]; then
        echo "$folder"
    fi
done
