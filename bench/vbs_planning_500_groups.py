"""Business service planning on a large service: 500 service groups in 100 tiers on 20 clusters.

The service is layered like a real one (each tier linked to two or three tiers of the layer below,
with firm, restart and soft policies) and half of it is observed online, one database tier faulted.
Times, on the controller (pure code, no CLI call): validating the definition, the start and stop
plans from the observed states, reconcile, the status, and the whole report with its HTML page
(target for the plans: under 1 s). Run with the project's venv: .venv/bin/python bench/vbs_planning_500_groups.py
"""

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / 'tests' / 'integration'))

from harness import collections_path  # noqa: E402

sys.path.insert(0, str(collections_path()))

from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._html import render_html  # noqa: E402
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._plan import start_plan, stop_plan  # noqa: E402
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._reconcile import reconcile  # noqa: E402
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._report import build_report  # noqa: E402
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._run import schedule  # noqa: E402
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._schema import validate  # noqa: E402
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._status import service_status  # noqa: E402

CLUSTERS = 20
TIERS = 100
GROUPS_PER_TIER = 5
LAYERS = 10
POLICIES = ('restart', 'firm', 'soft')


def service():
    tiers, links = [], []
    per_layer = TIERS // LAYERS
    for index in range(TIERS):
        layer = index // per_layer
        tiers.append({'name': 't%03d' % index, 'cluster': 'clus%02d' % (index % CLUSTERS),
                      'service_groups': ['t%03d_g%d' % (index, g) for g in range(GROUPS_PER_TIER)]})
        if layer:
            for offset in range(2 + index % 2):
                child = (layer - 1) * per_layer + (index + offset) % per_layer
                links.append({'parent': 't%03d' % index, 'child': 't%03d' % child,
                              'fault_policy': POLICIES[(index + offset) % 3]})
    return {'name': 'big', 'tiers': tiers, 'links': links, 'timeouts': {'online': 600}, 'rto': 1800}


def timed(what, function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    print('%-48s %7.1f ms' % (what, 1000 * (time.perf_counter() - started)))
    return result


def main():
    definition = service()
    groups = [g for t in definition['tiers'] for g in t['service_groups']]
    observed = dict((g, 'ONLINE' if i % 2 else 'OFFLINE') for i, g in enumerate(groups))
    observed['t000_g0'] = 'OFFLINE|FAULTED'
    print('service: %d groups in %d tiers on %d clusters, %d tier links'
          % (len(groups), TIERS, CLUSTERS, len(definition['links'])))
    problems = timed('validate', validate, definition, ['clus%02d' % c for c in range(CLUSTERS)])
    assert problems == [], problems
    started = time.perf_counter()
    start = timed('start plan (from observed states)', start_plan, definition, observed)
    stop = timed('stop plan (from observed states)', stop_plan, definition, observed)
    planning = time.perf_counter() - started
    reconciled = timed('reconcile', reconcile, definition, observed)
    timed('status', service_status, definition, observed)
    leaders = dict(('clus%02d' % c, 'node%02d' % c) for c in range(CLUSTERS))
    waves = schedule(definition, [wave for wave in start['waves']], leaders)
    view = {'leaders': leaders, 'observed': observed, 'groups': {}, 'vms': {}, 'ordering': [], 'problems': [],
            'missing': []}
    report = timed('report document', build_report, definition, 'start', view, waves, [], 0.0, 1.0, True)
    html = timed('HTML page', render_html, report)
    print('start: %d steps in %d waves, %d skipped; stop: %d steps in %d waves; reconcile: %d actions'
          % (sum(len(w) for w in start['waves']), len(start['waves']), len(start['skipped']),
             sum(len(w) for w in stop['waves']), len(stop['waves']), len(reconciled['actions'])))
    print('start + stop planning: %.1f ms (target: under 1 s): %s; HTML page %d kB'
          % (1000 * planning, 'met' if planning < 1 else 'NOT met', len(html) // 1024))


if __name__ == '__main__':
    main()
