"""Business service start: how close the run comes to the service's critical path.

The critical path of the demo service (playbooks/vars/demo_business_service.yml on the estate of
make demo) is the longest chain of simulated online times through it: inside a group, the longest
chain of its resources' online times (children first, each resource taking its type's time, KVMGuest
plus DelayAfterGuestOnline), and between groups, the service's links and the clusters' own group
dependencies. Nothing can start the service faster than that.

1. The fixed Ansible overhead: vbs_start.yml on the same estate with time running 1,000 times faster
   (every online takes milliseconds): what the run costs whatever the groups do.
2. vbs_start.yml at speed SPEED: its wall time against critical path / SPEED + overhead
   (target: within 15 % of the critical path, on top of the overhead).
Each run starts from the service stopped with vbs_stop.yml. Prints the figures.
Run with the project's venv: .venv/bin/python bench/vbs_start_vs_critical_path.py
"""

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / 'tests' / 'integration'))
sys.path.insert(0, str(REPO / '.build' / 'collections'))

from harness import collections_path, init_estate, run_playbook  # noqa: E402

collections_path()   # makes .build/collections (the work tree as the collection) before importing from it

from ansible_collections.continuum.infoscale.plugins.module_utils._plan import start_waves  # noqa: E402
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._maincf import parse_maincf  # noqa: E402
from infoscale_sim.vcs.types import DEFAULT_TIME, ONLINE_TIME  # noqa: E402

SPEED = 4.0
FAST = 1000.0
DEFINITION = REPO / 'playbooks' / 'vars' / 'demo_business_service.yml'
KVM_DELAY_DEFAULT = 5


def estate_file(folder, speed):
    data = yaml.safe_load((REPO / 'simulator' / 'estates' / 'two-site.yml').read_text())
    data['speed'] = speed
    path = Path(folder) / ('estate-%g.yml' % speed)
    path.write_text(yaml.safe_dump(data))
    return path


def resource_time(resource):
    seconds = ONLINE_TIME.get(resource['type'], DEFAULT_TIME)
    if resource['type'] == 'KVMGuest':
        seconds += float(resource['attributes'].get('DelayAfterGuestOnline', KVM_DELAY_DEFAULT))
    return seconds


def group_time(group):
    """The longest chain of resource online times in a group (children first)."""
    names = list(group['resources'])
    links = [tuple(link) for link in group['resource_links']]
    done = {}
    for wave in start_waves(names, links):
        for name in wave:
            children = [child for parent, child in links if parent == name]
            done[name] = resource_time(group['resources'][name]) + max([done[c] for c in children] or [0])
    return max(done.values() or [0])


def critical_path(estate, definition):
    """Seconds of simulated time from nothing online to the whole service online."""
    times, ordering = {}, []
    for cluster in sorted(set(t['cluster'] for t in definition['tiers'])):
        text = estate.sim('maincf', '--cluster', cluster, '--running').stdout
        config = parse_maincf(text)
        for name, group in config['groups'].items():
            times[name] = group_time(group)
            ordering += [(name, dep['child']) for dep in group['dependencies']]
    tier_of = dict((g, t['name']) for t in definition['tiers'] for g in t['service_groups'])
    members = dict((t['name'], t['service_groups']) for t in definition['tiers'])
    links = [(p, c) for link in definition['links'] for p in members.get(link['parent'], [link['parent']])
             for c in members.get(link['child'], [link['child']])]
    links += [pair for pair in ordering if pair[0] in tier_of and pair[1] in tier_of]
    finish = {}
    for wave in start_waves(list(tier_of), links):
        for name in wave:
            children = [c for p, c in links if p == name]
            finish[name] = times[name] + max([finish[c] for c in children] or [0])
    return max(finish.values()), times


def vbs(estate, action):
    extra = {'business_service_file': str(DEFINITION), 'business_service_report_dir': str(estate.workdir / 'reports')}
    started = time.monotonic()
    run_playbook(estate, 'playbooks/vbs_%s.yml' % action, extra_vars=extra).assert_ok()
    return time.monotonic() - started


def deployed(folder, speed):
    estate = init_estate(Path(folder) / ('estate-%g' % speed), estate_file(folder, speed))
    run_playbook(estate, 'playbooks/deploy.yml').assert_ok()
    vbs(estate, 'stop')
    return estate


def last_report(estate, action):
    path = sorted((estate.workdir / 'reports').glob('demo-%s-*.json' % action))[-1]
    return json.loads(path.read_text())


def main():
    definition = yaml.safe_load(DEFINITION.read_text())['business_service_definition']
    with tempfile.TemporaryDirectory() as work:
        fast = deployed(work, FAST)
        overhead = vbs(fast, 'start')
        fast_report = last_report(fast, 'start')
        waves = max(step['wave'] for step in fast_report['steps'])
        print('fixed Ansible overhead of vbs_start.yml (%d waves, %d steps, time 1,000x faster): %.2f s'
              % (waves, len(fast_report['steps']), overhead))

        estate = deployed(work, SPEED)
        path, times = critical_path(estate, definition)
        took = vbs(estate, 'start')
        report = last_report(estate, 'start')
        simulated = path / SPEED
        budget = 1.15 * simulated + overhead
        print('group online times (simulated s): %s' % ', '.join('%s %.1f' % item for item in sorted(times.items())
                                                                 if item[0] in str(definition)))
        print('critical path of the demo service: %.1f s simulated = %.2f s at speed %g' % (path, simulated, SPEED))
        print('vbs_start.yml at speed %g: %.2f s wall (report: steps from first start to last end %.2f s); '
              'critical path + overhead %.2f s; target (critical path +15%% + overhead) %.2f s: %s'
              % (SPEED, took, max(s['ended'] for s in report['steps']) - min(s['started'] for s in report['steps']),
                 simulated + overhead, budget, 'met' if took <= budget else 'NOT met'))
        print('above the critical path: %.2f s, of which overhead %.2f s, rest %.2f s (%.1f %% of the critical path)'
              % (took - simulated, overhead, took - simulated - overhead, 100.0 * (took - simulated - overhead) / simulated))


if __name__ == '__main__':
    sys.exit(main())
