#!/usr/bin/env bash
# `make demo`: install the built artifact, create a simulated two-site estate, run
# playbooks/deploy.yml against it with the collection as a user would get it, then stop and
# start the deployed service as one business service and show where its reports are.
#
# usage: demo.sh ARTIFACT.tar.gz   (the Makefile builds and checks it first)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
artifact=$1
venv=${VENV:-$root/.venv}
state=${DEMO_STATE:-demo-state}
cd "$root"

if [[ ! -x $venv/bin/infoscale-sim ]]; then
    echo "infoscale-sim is not installed in $venv (does simulator/pyproject.toml exist?)" >&2
    exit 1
fi

collections=$root/.build/demo-collections
echo "==> installing $artifact into $collections"
rm -rf "$collections"
ANSIBLE_COLLECTIONS_PATH=$collections \
    "$venv/bin/ansible-galaxy" collection install --offline --force -p "$collections" "$artifact"

echo "==> creating the simulated estate in $state/"
"$venv/bin/infoscale-sim" init --estate simulator/estates/two-site.yml \
    --state "$state" --inventory "$state/inventory.yml" --force

echo "==> ansible-playbook -i $state/inventory.yml playbooks/deploy.yml"
ANSIBLE_COLLECTIONS_PATH=$collections ANSIBLE_COLLECTIONS_SCAN_SYS_PATH=False \
    "$venv/bin/ansible-playbook" -i "$state/inventory.yml" playbooks/deploy.yml

reports=$root/$state/reports
vbs=(-i "$state/inventory.yml" -e "business_service_file=$root/playbooks/vars/demo_business_service.yml"
     -e "business_service_report_dir=$reports")
for action in stop start; do
    echo "==> ansible-playbook ${vbs[*]} playbooks/vbs_$action.yml"
    ANSIBLE_COLLECTIONS_PATH=$collections ANSIBLE_COLLECTIONS_SCAN_SYS_PATH=False \
        "$venv/bin/ansible-playbook" "${vbs[@]}" "playbooks/vbs_$action.yml"
done

echo "==> infoscale-sim show --state $state"
"$venv/bin/infoscale-sim" show --state "$state"
report=$(ls -t "$reports"/demo-start-*.html | head -n 1)

cat <<EOF

The simulated estate lives in $root/$state/ (state.db, bin/, nodes/, inventory.yml).
Audit log of every CLI call the playbook made:
    $venv/bin/infoscale-sim log --state $state            (add --json, --changed, --node NODE)
Run it again (it should only read):
    ANSIBLE_COLLECTIONS_PATH=$collections $venv/bin/ansible-playbook -i $state/inventory.yml playbooks/deploy.yml
Move the database (replicated to drclus, its group global) to the DR site with its data, then
describe the deployment from there (it changes nothing):
    ANSIBLE_COLLECTIONS_PATH=$collections $venv/bin/ansible -i $state/inventory.yml 'prodclus[0]' \\
        -m continuum.infoscale.vcs_group_state -a 'name=dbsg state=online cluster=drclus'
    ANSIBLE_COLLECTIONS_PATH=$collections $venv/bin/ansible-playbook -i $state/inventory.yml playbooks/deploy.yml -e demo_db_cluster=drclus
The business service (db and app tiers on prodclus, web tier on drclus), as one:
    ANSIBLE_COLLECTIONS_PATH=$collections $venv/bin/ansible-playbook ${vbs[*]} playbooks/vbs_status.yml
    (vbs_stop.yml, vbs_start.yml; -e business_service_action=reconcile or plan with vbs_status.yml)
Report of the start through the business service (graph, timeline, RTO):
    $report
EOF
