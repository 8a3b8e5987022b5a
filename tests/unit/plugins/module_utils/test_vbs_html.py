import copy
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._html import (
    POLICY_STYLE, RTO_MEASURED_COLOUR, RTO_TARGET_COLOUR, STATE_FILL, STEP_COLOUR, SVG_NS, nice_step, render_html,
    rto_text, state_kind)

T0 = 1764021600.0


def step(wave, tier, group, status, start=None, duration=None, **extra):
    result = {'wave': wave, 'tier': tier, 'cluster': 'prodclus', 'group': group, 'action': 'online', 'node': 'prod-n1',
              'status': status, 'systems': ['prod-n1'],
              'started': None if start is None else T0 + start,
              'ended': None if start is None else T0 + start + duration,
              'duration': duration, 'message': '', 'commands': [['hagrp', '-online', group, '-sys', 'prod-n1']],
              'reason': None}
    result.update(extra)
    return result


def state(service_state, tiers):
    return {'service': 'shop', 'state': service_state,
            'tiers': dict((name, {'state': tier_state, 'groups': groups}) for name, (tier_state, groups) in tiers.items())}


# web -> app -> db; web_sg -> app_sg (restart), app_sg -> db_sg (firm), mq_sg -> db_sg (soft)
REPORT = {
    'service': 'shop', 'action': 'start', 'check_mode': False, 'outcome': 'failed',
    'message': 'Business service shop failed: app_sg did not come online.',
    'started': T0, 'ended': T0 + 50.0, 'duration': 50.0,
    'rto': {'target': 60, 'measured': 47.2, 'met': True},
    'tiers': [{'name': 'web', 'cluster': 'drclus', 'node': 'dr-n1', 'groups': ['web_sg'], 'vms': {}},
              {'name': 'app', 'cluster': 'drclus', 'node': 'dr-n1', 'groups': ['app_sg', 'mq_sg'],
               'vms': {'appvm1': 'running', 'appvm2': None}},
              {'name': 'db', 'cluster': 'prodclus', 'node': 'prod-n1', 'groups': ['db_sg'], 'vms': {'dbvm': 'running'}}],
    'links': [{'parent': 'web_sg', 'child': 'app_sg', 'fault_policy': 'restart'},
              {'parent': 'app_sg', 'child': 'db_sg', 'fault_policy': 'firm'},
              {'parent': 'mq_sg', 'child': 'db_sg', 'fault_policy': 'soft'}],
    'tier_links': [{'parent': 'web', 'child': 'app', 'fault_policy': 'restart'},
                   {'parent': 'app', 'child': 'db', 'fault_policy': 'firm'}],
    'before': state('OFFLINE', {'db': ('OFFLINE', {'db_sg': 'OFFLINE'}),
                                'app': ('OFFLINE', {'app_sg': 'OFFLINE', 'mq_sg': 'OFFLINE'}),
                                'web': ('OFFLINE', {'web_sg': 'OFFLINE'})}),
    'after': state('FAULTED', {'db': ('ONLINE', {'db_sg': 'ONLINE'}),
                               'app': ('FAULTED', {'app_sg': 'OFFLINE|FAULTED', 'mq_sg': 'STARTING|PARTIAL'}),
                               'web': ('PARTIAL', {'web_sg': None})}),
    'steps': [step(1, 'db', 'db_sg', 'done', 0.0, 10.0),
              step(2, 'app', 'app_sg', 'failed', 12.0, 30.0, message='timed out'),
              step(2, 'app', 'mq_sg', 'done', 12.0, 20.0),
              step(3, 'web', 'web_sg', 'left')],
    'account': {'done': ['db_sg online on prodclus', 'mq_sg online on drclus'], 'failed': ['app_sg online on drclus'],
                'left': ['web_sg online on drclus']},
    'reactions': [], 'suspended': [], 'maintenance': False,
}


def report(**changes):
    result = copy.deepcopy(REPORT)
    result.update(changes)
    return result


def svgs(page):
    """Every inline SVG of the page, parsed as XML."""
    return [ET.fromstring(fragment) for fragment in re.findall(r'<svg\b.*?</svg>', page, re.S)]


def svg_by_class(page, css):
    found = [svg for svg in svgs(page) if svg.get('class') == css]
    assert len(found) == 1
    return found[0]


def elements(svg, tag, **attributes):
    return [e for e in svg.iter('{%s}%s' % (SVG_NS, tag)) if all(e.get(k) == v for k, v in attributes.items())]


def only(svg, tag, **attributes):
    found = elements(svg, tag, **attributes)
    assert len(found) == 1, (tag, attributes, len(found))
    return found[0]


def section(page, anchor):
    match = re.search(r'<section id="%s">(.*?)</section>' % anchor, page, re.S)
    return match.group(1) if match else None


def test_page_is_a_whole_html5_document_and_deterministic():
    page = render_html(REPORT)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert page.rstrip().endswith('</html>')
    assert '<title>Business service shop' in page
    assert render_html(copy.deepcopy(REPORT)) == page


def test_text_is_escaped_everywhere():
    evil = '<b>&x'
    page = render_html(report(
        service=evil, message=evil,
        tiers=[{'name': 'db', 'cluster': evil, 'node': evil, 'groups': [evil], 'vms': {evil: evil}}],
        links=[], tier_links=[],
        before=state('OFFLINE', {'db': ('OFFLINE', {evil: 'OFFLINE'})}), after=None,
        steps=[step(1, 'db', evil, 'done', 0.0, 5.0, message=evil, commands=[['hagrp', '-online', evil]]),
               step(2, 'db', evil, 'left')],
        account={'done': [evil], 'failed': [evil], 'left': [evil]}))
    assert '<b>' not in page
    assert '&x' not in page.replace('&amp;', '')
    assert '&lt;b&gt;&amp;x' in page
    assert page.count('&lt;b&gt;&amp;x') >= 10
    graph = svg_by_class(page, 'graph')
    assert only(graph, 'rect', **{'data-group': evil}) is not None
    assert 'hagrp -online &lt;b&gt;&amp;x' in page


def test_quotes_in_attributes_are_escaped():
    page = render_html(report(tiers=[{'name': 'db', 'cluster': 'c', 'node': None, 'groups': ['a"b'], 'vms': {}}],
                              links=[], tier_links=[], after=None))
    assert 'data-group="a&quot;b"' in page
    assert 'data-group="a"b"' not in page


def test_no_script_and_no_external_resource():
    page = render_html(REPORT)
    assert SVG_NS in page
    rest = page.replace('xmlns="%s"' % SVG_NS, '')
    for forbidden in ('http://', 'https://', '<script', 'src=', '@import', '<link', '<img', '<iframe'):
        assert forbidden not in rest.lower(), forbidden
    assert re.findall(r'url\(([^)]*)\)', rest) and all(ref.startswith('#') for ref in re.findall(r'url\(([^)]*)\)', rest))


def test_tiers_are_layered_children_at_the_bottom():
    graph = svg_by_class(render_html(REPORT), 'graph')
    top = dict((name, float(only(graph, 'rect', **{'data-tier': name}).get('y'))) for name in ('web', 'app', 'db'))
    assert top['web'] < top['app'] < top['db']


def test_layers_follow_the_tier_links_not_the_tier_order():
    reordered = report(tier_links=[{'parent': 'db', 'child': 'app', 'fault_policy': 'soft'},
                                   {'parent': 'app', 'child': 'web', 'fault_policy': 'soft'}], links=[])
    graph = svg_by_class(render_html(reordered), 'graph')
    top = dict((name, float(only(graph, 'rect', **{'data-tier': name}).get('y'))) for name in ('web', 'app', 'db'))
    assert top['db'] < top['app'] < top['web']


def test_siblings_share_a_layer():
    siblings = report(tier_links=[{'parent': 'web', 'child': 'db', 'fault_policy': 'soft'},
                                  {'parent': 'app', 'child': 'db', 'fault_policy': 'soft'}])
    graph = svg_by_class(render_html(siblings), 'graph')
    web, app, db = (only(graph, 'rect', **{'data-tier': name}) for name in ('web', 'app', 'db'))
    assert web.get('y') == app.get('y')
    assert float(web.get('y')) < float(db.get('y'))
    assert float(web.get('x')) + float(web.get('width')) <= float(app.get('x'))


def test_groups_sit_inside_their_tier():
    graph = svg_by_class(render_html(REPORT), 'graph')
    tier = only(graph, 'rect', **{'data-tier': 'app'})
    left, top = float(tier.get('x')), float(tier.get('y'))
    right, bottom = left + float(tier.get('width')), top + float(tier.get('height'))
    for name in ('app_sg', 'mq_sg'):
        group = only(graph, 'rect', **{'data-group': name})
        assert left < float(group.get('x')) and float(group.get('x')) + float(group.get('width')) < right
        assert top < float(group.get('y')) and float(group.get('y')) + float(group.get('height')) < bottom


def test_cycle_in_tier_links_still_renders_one_tier_a_layer():
    looped = report(tier_links=[{'parent': 'web', 'child': 'app', 'fault_policy': 'soft'},
                                {'parent': 'app', 'child': 'web', 'fault_policy': 'soft'}])
    graph = svg_by_class(render_html(looped), 'graph')
    tops = [float(only(graph, 'rect', **{'data-tier': name}).get('y')) for name in ('web', 'app', 'db')]
    assert len(set(tops)) == 3


@pytest.mark.parametrize('vcs_state, kind', [
    ('ONLINE', 'ONLINE'), ('|ONLINE|', 'ONLINE'), ('OFFLINE', 'OFFLINE'), ('PARTIAL', 'PARTIAL'),
    ('STARTING|PARTIAL', 'PARTIAL'), ('ONLINE|STOPPING', 'PARTIAL'), ('OFFLINE|FAULTED', 'FAULTED'),
    ('FAULTED', 'FAULTED'), (None, 'UNKNOWN'), ('', 'UNKNOWN'), ('WEIRD', 'UNKNOWN'),
])
def test_state_kind(vcs_state, kind):
    assert state_kind(vcs_state) == kind


def test_group_fill_follows_after_state():
    graph = svg_by_class(render_html(REPORT), 'graph')
    faulted = only(graph, 'rect', **{'data-group': 'app_sg'})
    assert faulted.get('fill') == STATE_FILL['FAULTED'] == '#ec7f76'
    assert only(graph, 'rect', **{'data-group': 'db_sg'}).get('fill') == STATE_FILL['ONLINE']
    assert only(graph, 'rect', **{'data-group': 'mq_sg'}).get('fill') == STATE_FILL['PARTIAL']
    unknown = only(graph, 'rect', **{'data-group': 'web_sg'})
    assert unknown.get('fill') == '#ffffff' and unknown.get('stroke-dasharray')
    assert faulted.get('stroke-dasharray') is None
    assert only(graph, 'rect', **{'data-tier': 'app'}).get('data-state') == 'FAULTED'
    assert only(graph, 'rect', **{'data-tier': 'web'}).get('data-state') == 'PARTIAL'


def test_group_fill_uses_before_when_there_is_no_after():
    graph = svg_by_class(render_html(report(after=None)), 'graph')
    assert only(graph, 'rect', **{'data-group': 'app_sg'}).get('fill') == STATE_FILL['OFFLINE']


def test_links_are_coloured_by_fault_policy():
    graph = svg_by_class(render_html(REPORT), 'graph')
    paths = elements(graph, 'path', **{'data-parent': 'app_sg'})
    assert len(paths) == 1 and paths[0].get('data-child') == 'db_sg'
    for policy in ('soft', 'firm', 'restart'):
        path = only(graph, 'path', **{'data-policy': policy})
        assert path.get('stroke') == POLICY_STYLE[policy][0]
        assert (path.get('stroke-dasharray') is not None) == (policy == 'soft')
        assert path.get('marker-end') == 'url(#arrow-%s)' % policy
    assert len(set(style[0] for style in POLICY_STYLE.values())) == 3


def test_link_runs_from_parent_group_down_to_child_group():
    graph = svg_by_class(render_html(REPORT), 'graph')
    path = only(graph, 'path', **{'data-policy': 'firm'})
    numbers = [float(n) for n in re.findall(r'-?\d+(?:\.\d+)?', path.get('d'))]
    (x1, y1), (x2, y2) = numbers[:2], numbers[-2:]
    parent, child = only(graph, 'rect', **{'data-group': 'app_sg'}), only(graph, 'rect', **{'data-group': 'db_sg'})
    assert y1 == pytest.approx(float(parent.get('y')) + float(parent.get('height')))
    assert y2 == pytest.approx(float(child.get('y')))
    assert float(parent.get('x')) < x1 < float(parent.get('x')) + float(parent.get('width'))
    assert float(child.get('x')) < x2 < float(child.get('x')) + float(child.get('width'))


def test_links_to_unknown_groups_are_left_out():
    page = render_html(report(links=REPORT['links'] + [{'parent': 'ghost', 'child': 'db_sg', 'fault_policy': 'firm'}]))
    assert len(elements(svg_by_class(page, 'graph'), 'path', **{'data-policy': 'firm'})) == 1


def test_legend_and_vms():
    page = render_html(REPORT)
    legend = section(page, 'graph')
    for label in ('ONLINE', 'OFFLINE', 'PARTIAL / STARTING / STOPPING', 'FAULTED', 'unknown', 'soft link', 'firm link',
                  'restart link'):
        assert '>%s<' % label in legend
    assert 'appvm1 (running)' in legend and 'appvm2 (unknown)' in legend and 'dbvm (running)' in legend


def test_svg_size_follows_the_content():
    small = svg_by_class(render_html(report(tiers=REPORT['tiers'][2:], tier_links=[], links=[])), 'graph')
    big = svg_by_class(render_html(REPORT), 'graph')
    assert float(small.get('height')) < float(big.get('height'))
    wide_tiers = copy.deepcopy(REPORT['tiers'])
    wide_tiers[2]['groups'] = ['db_sg_%d_with_a_rather_long_name' % n for n in range(6)]
    wide = svg_by_class(render_html(report(tiers=wide_tiers)), 'graph')
    assert float(wide.get('width')) > float(big.get('width'))
    assert wide.get('viewBox') == '0 0 %s %s' % (wide.get('width'), wide.get('height'))


def timeline_bars(page):
    timeline = svg_by_class(page, 'timeline')
    return timeline, dict((rect.get('data-group'), rect) for rect in elements(timeline, 'rect') if rect.get('data-status'))


def test_timeline_bar_per_started_step_proportional_to_duration():
    timeline, bars = timeline_bars(render_html(REPORT))
    assert sorted(bars) == ['app_sg', 'db_sg', 'mq_sg']
    scale = float(bars['db_sg'].get('width')) / 10.0
    assert float(bars['app_sg'].get('width')) == pytest.approx(30.0 * scale, abs=0.2)
    assert float(bars['mq_sg'].get('width')) == pytest.approx(20.0 * scale, abs=0.2)
    origin = float(bars['db_sg'].get('x'))
    assert float(bars['app_sg'].get('x')) == pytest.approx(origin + 12.0 * scale, abs=0.2)
    assert float(bars['app_sg'].get('y')) > float(bars['db_sg'].get('y'))
    assert bars['app_sg'].get('fill') == STEP_COLOUR['failed'] != STEP_COLOUR['done'] == bars['db_sg'].get('fill')
    assert u'wave 2 \u00b7 app_sg online (30 s)' in ET.tostring(timeline, encoding='unicode')


def test_timeline_rto_lines_at_target_and_measure():
    timeline, bars = timeline_bars(render_html(REPORT))
    scale = float(bars['app_sg'].get('width')) / 30.0
    origin = float(bars['db_sg'].get('x'))
    target = only(timeline, 'line', **{'data-rto': 'target'})
    measured = only(timeline, 'line', **{'data-rto': 'measured'})
    assert float(target.get('x1')) == pytest.approx(origin + 60 * scale, abs=0.5)
    assert float(target.get('x2')) == float(target.get('x1'))
    assert float(measured.get('x1')) == pytest.approx(origin + 47.2 * scale, abs=0.5)
    assert target.get('stroke') == RTO_TARGET_COLOUR and target.get('stroke-dasharray')
    assert measured.get('stroke') == RTO_MEASURED_COLOUR


def test_timeline_axis_extends_to_a_near_target_and_not_to_a_far_one():
    timeline, bars = timeline_bars(render_html(report(rto={'target': 70, 'measured': None, 'met': None})))
    ticks = [float(t.text) for t in elements(timeline, 'text') if t.text and re.match(r'^\d+(\.\d+)?$', t.text)]
    assert max(ticks) >= 70
    assert only(timeline, 'line', **{'data-rto': 'target'}) is not None
    page = render_html(report(rto={'target': 900, 'measured': 47.2, 'met': True}))
    timeline, bars = timeline_bars(page)
    assert elements(timeline, 'line', **{'data-rto': 'target'}) == []
    assert len(elements(timeline, 'line', **{'data-rto': 'measured'})) == 1
    assert 'RTO target 900 s is off the chart.' in section(page, 'timeline')


def test_timeline_without_rto_has_no_rto_line():
    timeline, bars = timeline_bars(render_html(report(rto={'target': None, 'measured': None, 'met': None})))
    assert bars and elements(timeline, 'line', **{'data-rto': 'target'}) == []
    assert elements(timeline, 'line', **{'data-rto': 'measured'}) == []


def test_steps_that_did_not_run_are_listed_as_not_run():
    timeline = section(render_html(REPORT), 'timeline')
    assert u'wave 3 \u00b7 web_sg online: not run (left)' in timeline
    assert 'data-group="web_sg"' not in timeline


def test_no_step_ran():
    page = render_html(report(steps=[step(1, 'db', 'db_sg', 'planned'), step(2, 'app', 'app_sg', 'planned')],
                              outcome='planned', action='plan', after=None))
    timeline = section(page, 'timeline')
    assert 'No step ran.' in timeline
    assert '<svg' not in timeline
    assert 'app_sg online: not run (planned)' in timeline
    assert 'No step ran.' not in section(render_html(REPORT), 'timeline')


@pytest.mark.parametrize('rto, text', [
    ({'target': 120, 'measured': 47.2, 'met': True}, 'measured 47.2 s against a target of 120 s: met'),
    ({'target': 30, 'measured': 47.2, 'met': False}, 'measured 47.2 s against a target of 30 s: not met'),
    ({'target': 30, 'measured': 47.2, 'met': None}, 'measured 47.2 s against a target of 30 s: not met'),
    ({'target': None, 'measured': 47.2, 'met': None}, 'measured 47.2 s; no target set'),
    ({'target': 120, 'measured': None, 'met': None}, 'not measured (target 120 s)'),
    ({'target': None, 'measured': None, 'met': None}, 'not measured; no target set'),
    (None, 'not measured; no target set'),
])
def test_rto_wording(rto, text):
    assert rto_text(rto) == text
    assert '<dt>RTO</dt><dd>%s</dd>' % text in render_html(report(rto=rto))


def test_header():
    page = render_html(REPORT)
    header = page[page.index('<header>'):page.index('</header>')]
    assert '2025-11-24T22:00:00Z' in header and '2025-11-24T22:00:50Z' in header
    assert '<dd>50 s</dd>' in header
    assert '>failed</span>' in header and 'check mode</span>' not in header
    assert 'Business service shop failed: app_sg did not come online.' in header
    assert 'before OFFLINE, after FAULTED' in header
    checked = render_html(report(check_mode=True, outcome='succeeded'))
    assert 'check mode</span>' in checked and '>succeeded</span>' in checked


def test_steps_table():
    steps = section(render_html(report(steps=REPORT['steps'] + [step(4, 'db', 'db_sg', 'done', 45.5, 1.25, commands=[
        ['hagrp', '-offline', 'db_sg', '-sys', 'prod-n1'], ['hagrp', '-online', 'db_sg', '-sys', 'prod-n2']])])), 'steps')
    assert steps.count('<tr>') == 6
    assert '<td class="status-failed">failed</td>' in steps
    assert '<td class="num">45.5 s</td><td class="num">1.2 s</td>' in steps
    assert ('<div><code>hagrp -offline db_sg -sys prod-n1</code></div><div><code>hagrp -online db_sg -sys prod-n2</code>'
            '</div>') in steps
    assert '<td>timed out</td>' in steps


def test_account():
    account = section(render_html(REPORT), 'account')
    assert 'Done' in account and 'Failed' in account and 'Left' in account
    assert '<li>app_sg online on drclus</li>' in account
    partial = section(render_html(report(account={'done': ['x'], 'failed': [], 'left': []})), 'account')
    assert 'Done' in partial and 'Failed' not in partial and 'Left' not in partial
    empty = {'done': [], 'failed': [], 'left': []}
    assert 'Nothing to do.' in section(render_html(report(account=empty, outcome='nothing to do', steps=[])), 'account')
    assert 'Nothing to do.' not in section(render_html(report(account=empty, outcome='observed')), 'account')


def reconcile_report(**changes):
    reaction = {'group': 'app_sg', 'tier': 'app', 'cluster': 'drclus', 'action': 'offline', 'policy': 'firm',
                'causes': ['db_sg', 'db2_sg'], 'reason': 'FIRM child db_sg is down, so app_sg goes offline'}
    values = {'action': 'reconcile', 'outcome': 'succeeded', 'reactions': [reaction], 'suspended': [],
              'steps': [step(1, 'app', 'app_sg', 'done', 0.0, 4.0, action='offline', reason=reaction['reason'])]}
    values.update(changes)
    return report(**values)


def test_reconcile_sections_only_for_reconcile():
    assert section(render_html(REPORT), 'reactions') is None
    assert section(render_html(report(suspended=[{'group': 'x'}], maintenance=True)), 'suspended') is None
    reactions = section(render_html(reconcile_report()), 'reactions')
    assert ('<td>app_sg</td><td>app</td><td>offline</td><td>firm</td><td>db_sg, db2_sg</td>'
            '<td>FIRM child db_sg is down, so app_sg goes offline</td>') in reactions
    assert section(render_html(reconcile_report()), 'suspended') is None


def test_reconcile_suspended_by_maintenance():
    held = {'group': 'app_sg', 'tier': 'app', 'cluster': 'drclus', 'action': 'offline', 'policy': 'firm',
            'causes': ['db_sg'], 'reason': 'FIRM child db_sg is down, so app_sg goes offline'}
    page = render_html(reconcile_report(reactions=[], suspended=[held], maintenance=True, steps=[]))
    assert 'No reaction' in section(page, 'reactions')
    suspended = section(page, 'suspended')
    assert 'Maintenance mode' in suspended and 'suspended' in suspended
    assert '<td>app_sg</td>' in suspended


def test_reaction_reason_shows_in_the_steps_table():
    steps = section(render_html(reconcile_report()), 'steps')
    assert 'FIRM child db_sg is down, so app_sg goes offline' in steps


def test_status_report_renders():
    page = render_html(report(action='status', outcome='observed', after=None, steps=[], started=T0, ended=T0 + 2,
                              duration=2.0, rto={'target': 900, 'measured': None, 'met': None},
                              account={'done': [], 'failed': [], 'left': []}))
    assert 'No step ran.' in section(page, 'timeline')
    assert 'No step.' in section(page, 'steps')
    assert only(svg_by_class(page, 'graph'), 'rect', **{'data-group': 'db_sg'}).get('fill') == STATE_FILL['OFFLINE']
    assert section(page, 'reactions') is None


def test_sparse_report_renders():
    empty = dict((key, None) for key in REPORT)
    page = render_html(empty)
    assert 'No tier.' in page and 'No step ran.' in page and '<dd>unknown</dd>' in page


class TagBalance(HTMLParser):
    """Checks that svg, g, rect, text, path, table, tr, td, section, ul... open and close in order."""

    CHECKED = ('html', 'head', 'body', 'header', 'section', 'svg', 'g', 'rect', 'text', 'tspan', 'path', 'line',
               'defs', 'marker', 'title', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li', 'dl', 'dt', 'dd',
               'p', 'div', 'code', 'span', 'h1', 'h2', 'h3')

    def __init__(self):
        HTMLParser.__init__(self)
        self.stack, self.errors, self.seen = [], [], set()

    def handle_starttag(self, tag, attrs):
        if tag in self.CHECKED:
            self.stack.append(tag)
            self.seen.add(tag)

    def handle_startendtag(self, tag, attrs):
        self.seen.add(tag)

    def handle_endtag(self, tag):
        if tag not in self.CHECKED:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append('</%s> closes %s' % (tag, self.stack[-1:] or 'nothing'))
        else:
            self.stack.pop()


@pytest.mark.parametrize('case', [REPORT, reconcile_report(suspended=[{'group': 'x', 'causes': ['y']}], maintenance=True),
                                  report(action='status', outcome='observed', steps=[], after=None)])
def test_tags_balance_and_svg_is_xml(case):
    page = render_html(case)
    checker = TagBalance()
    checker.feed(page)
    checker.close()
    assert checker.errors == [] and checker.stack == []
    assert set(['svg', 'g', 'rect']) <= checker.seen
    assert ('table' in checker.seen) == bool(case['steps'])
    for svg in svgs(page):
        assert svg.tag == '{%s}svg' % SVG_NS


def test_tag_balance_checker_catches_a_stray_tag():
    checker = TagBalance()
    checker.feed('<svg><g><rect></g></svg>')
    assert checker.errors


@pytest.mark.parametrize('span, tick', [(1, 0.2), (8, 1), (9, 2), (50, 10), (60, 10), (61, 10), (120, 20), (900, 200)])
def test_nice_step(span, tick):
    assert nice_step(span) == pytest.approx(tick)


def test_unchanged_steps_get_a_bar_and_unstarted_failures_are_listed():
    steps = [step(1, 'db', 'db_sg', 'unchanged', 0.0, 2.0),
             step(2, 'app', 'app_sg', 'failed', message='the step did not run on dr-n1')]
    page = render_html(report(steps=steps))
    timeline, bars = timeline_bars(page)
    assert sorted(bars) == ['db_sg'] and bars['db_sg'].get('fill') == STEP_COLOUR['unchanged']
    assert 'app_sg online: did not start (failed): the step did not run on dr-n1' in section(page, 'timeline')


def test_a_step_starting_before_the_run_moves_the_origin():
    timeline, bars = timeline_bars(render_html(report(steps=[step(1, 'db', 'db_sg', 'done', -2.0, 4.0),
                                                             step(2, 'app', 'app_sg', 'done', 3.0, 4.0)])))
    axis = only(timeline, 'g', **{'class': 'axis'})
    zero = [float(t.get('x')) for t in elements(axis, 'text') if t.text == '0']
    assert float(bars['db_sg'].get('x')) == pytest.approx(zero[0], abs=0.1)
    assert float(bars['app_sg'].get('x')) > float(bars['db_sg'].get('x'))


def test_problems_are_listed_after_the_header_escaped():
    problems = ['No node of cluster drclus answered: dr-n1: unreachable (no route).',
                'Service group <b>&x of tier app does not exist on cluster prodclus.']
    page = render_html(report(problems=problems))
    listed = section(page, 'problems')
    assert listed == ('\n<h2>Problems</h2>\n<ul class="problems"><li>No node of cluster drclus answered: dr-n1: unreachable '
                      '(no route).</li><li>Service group &lt;b&gt;&amp;x of tier app does not exist on cluster prodclus.'
                      '</li></ul>\n')
    assert page.index('</header>') < page.index('<section id="problems">') < page.index('<section id="graph">')


def test_no_problems_section_without_problems():
    assert 'problems' not in REPORT
    for case in (REPORT, report(problems=[]), report(problems=None)):
        page = render_html(case)
        assert section(page, 'problems') is None and 'Problems' not in page
