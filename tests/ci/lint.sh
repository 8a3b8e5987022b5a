#!/usr/bin/env bash
# ansible-lint (production profile, offline) on galaxy.yml, meta/, roles/ and
# playbooks/, then antsibull-changelog lint. Our own FQCNs (continuum.infoscale.*)
# resolve through the .build/collections symlink tree.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
lint_venv=${LINT_VENV:-$root/.venv-lint}
cd "$root"

collections=$("$lint_venv/bin/python" tests/ci/collection_link.py "$root")

targets=(galaxy.yml meta/)
for folder in roles playbooks; do
    if [[ -n $(find "$folder" -name '*.yml' -o -name '*.yaml' 2>/dev/null | head -n 1) ]]; then
        targets+=("$folder/")
    else
        echo "NOTE: $folder/ has no YAML files yet; not linted"
    fi
done

echo "==> ansible-lint ${targets[*]}"
PATH=$lint_venv/bin:$PATH ANSIBLE_COLLECTIONS_PATH=$collections \
    ansible-lint --offline --profile production --nocolor "${targets[@]}"

echo "==> antsibull-changelog lint"
"$lint_venv/bin/antsibull-changelog" lint
