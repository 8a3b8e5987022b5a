# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""One self-contained HTML page for the report of a business service (VBS) run.

``render_html(report)`` returns a whole HTML5 document: a header (outcome, times, RTO), the
problems the run met (when there are any), the dependency graph and the timeline of the steps as inline SVG, the steps table, the account and,
for reconcile runs, the reactions. Inline CSS and SVG only: no script, nothing fetched. Every text
of the report is escaped. The same report always gives the same string.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import datetime
import math
from html import escape

from ansible_collections.continuum.infoscale.plugins.module_utils._plan import CycleError, start_waves
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._plan import state_flags

SVG_NS = 'http://www.w3.org/2000/svg'
DOT = '\u00b7'

# Fill and border of a group (and border of a tier) by state kind; 'UNKNOWN' is drawn dashed on white.
STATE_KINDS = ('ONLINE', 'OFFLINE', 'PARTIAL', 'FAULTED', 'UNKNOWN')
STATE_FILL = {'ONLINE': '#8fd19e', 'OFFLINE': '#d0d4da', 'PARTIAL': '#f6c760', 'FAULTED': '#ec7f76', 'UNKNOWN': '#ffffff'}
STATE_STROKE = {'ONLINE': '#237a42', 'OFFLINE': '#6b7280', 'PARTIAL': '#a86b0c', 'FAULTED': '#b42318', 'UNKNOWN': '#6b7280'}
STATE_LABEL = {'ONLINE': 'ONLINE', 'OFFLINE': 'OFFLINE', 'PARTIAL': 'PARTIAL / STARTING / STOPPING',
               'FAULTED': 'FAULTED', 'UNKNOWN': 'unknown'}
TRANSITION_FLAGS = ('PARTIAL', 'STARTING', 'STOPPING')
UNKNOWN_DASH = '4 3'
TIER_FILL = '#fbfbfc'
HALO = ' stroke="%s" stroke-width="4" stroke-linejoin="round" paint-order="stroke"' % TIER_FILL

# Group links by fault policy: (colour, dash pattern or None). Unknown policies are drawn as soft.
POLICIES = ('soft', 'firm', 'restart')
POLICY_STYLE = {'soft': ('#7b818c', '6 4'), 'firm': ('#c0392b', None), 'restart': ('#6f42c1', None)}

OUTCOME_COLOUR = {'succeeded': '#237a42', 'failed': '#b42318', 'nothing to do': '#6b7280',
                  'planned': '#1d4ed8', 'observed': '#1d4ed8'}
OTHER_COLOUR = '#6b7280'
STEP_COLOUR = {'done': '#3a9d5d', 'unchanged': '#a7d7b4', 'failed': '#d64545'}
RTO_TARGET_COLOUR = '#b42318'
RTO_MEASURED_COLOUR = '#1d4ed8'
RAN = ('done', 'unchanged', 'failed')   # 'unchanged': the group was already as wanted
NOT_RUN = ('left', 'planned')

# Graph layout, in pixels.
MARGIN = 20
TIER_PAD = 12
TIER_GAP = 30
ROW_GAP = 56
HEADING_H = 32
GROUP_H = 30
GROUP_GAP = 14
GROUP_MIN_W = 90
VM_LINE_H = 14
FONT = 12
SMALL_FONT = 10
CHAR_RATIO = 0.62          # rough width of a character in font sizes

# Timeline layout, in pixels.
PLOT_W = 640
ROW_H = 24
BAR_H = 14
AXIS_H = 34
MARKS_H = 30               # room above the rows for the RTO labels
NEAR_FACTOR = 1.5          # an RTO mark up to this times the run span still extends the axis
NICE_STEPS = (1, 2, 5)

CSS = """
body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; margin: 24px; }
h1 { font-size: 1.5em; margin: 0 0 8px; }
h2 { font-size: 1.15em; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; margin-top: 28px; }
.badge { display: inline-block; padding: 2px 10px; border-radius: 10px; color: #fff; font-weight: 600; }
.check { background: #9a6700; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: 4px 16px; margin: 12px 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.message { font-size: 1.05em; margin: 8px 0; }
.note { color: #57606a; font-style: italic; }
table { border-collapse: collapse; font-size: 0.9em; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td code, li code { font-size: 0.95em; white-space: pre-wrap; }
.status-done { color: #237a42; font-weight: 600; }
.status-unchanged { color: #237a42; }
.status-failed { color: #b42318; font-weight: 600; }
.status-left, .status-planned { color: #6b7280; }
ul.problems li { color: #b42318; }
svg { max-width: 100%; height: auto; }
@media print {
  body { margin: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section { break-inside: avoid-page; }
  tr { break-inside: avoid; }
}
"""


def _text(value):
    """Escaped text of any value; None is the empty string."""
    if value is None:
        return ''
    return escape('%s' % (value,), quote=True)


def _num(value):
    """A number for SVG attributes and labels: at most one decimal, no trailing '.0'."""
    text = '%.1f' % value
    if text.endswith('.0'):
        text = text[:-2]
    return '0' if text == '-0' else text


def _seconds(value):
    return '' if value is None else '%s s' % _num(value)


def _utc(epoch):
    if epoch is None:
        return 'unknown'
    moment = datetime.datetime.fromtimestamp(epoch, tz=datetime.timezone.utc)
    return moment.strftime('%Y-%m-%dT%H:%M:%SZ')


def _text_width(text, size):
    return len('%s' % (text,)) * size * CHAR_RATIO


def state_kind(state):
    """The colour kind of a VCS state: FAULTED wins, then PARTIAL/STARTING/STOPPING, ONLINE, OFFLINE; else UNKNOWN."""
    flags = state_flags(state)
    if 'FAULTED' in flags:
        return 'FAULTED'
    if flags & set(TRANSITION_FLAGS):
        return 'PARTIAL'
    if 'ONLINE' in flags:
        return 'ONLINE'
    if 'OFFLINE' in flags:
        return 'OFFLINE'
    return 'UNKNOWN'


def policy_style(policy):
    return POLICY_STYLE.get(policy, POLICY_STYLE['soft'])


def rto_text(rto):
    """The RTO sentence: measured against target, met or not; or what is missing."""
    rto = rto or {}
    target, measured, met = rto.get('target'), rto.get('measured'), rto.get('met')
    if measured is None:
        if target is None:
            return 'not measured; no target set'
        return 'not measured (target %s)' % _seconds(target)
    if target is None:
        return 'measured %s; no target set' % _seconds(measured)
    if met is None:
        met = measured <= target
    return 'measured %s against a target of %s: %s' % (_seconds(measured), _seconds(target), 'met' if met else 'not met')


def _origin(report):
    """The time the x axis and the step starts count from: the run start, or an earlier step start (node clocks)."""
    starts = [s['started'] for s in report.get('steps') or [] if s.get('started') is not None]
    if report.get('started') is not None:
        starts.append(report['started'])
    return min(starts) if starts else None


# ---------------------------------------------------------------- header

def render_header(report):
    outcome = report.get('outcome')
    colour = OUTCOME_COLOUR.get(outcome, OTHER_COLOUR)
    badges = '<span class="badge" style="background: %s">%s</span>' % (colour, _text(outcome or 'unknown'))
    if report.get('check_mode'):
        badges += ' <span class="badge check">check mode</span>'
    before, after = report.get('before') or {}, report.get('after') or {}
    state = _text(before.get('state') or 'unknown')
    if report.get('after') is not None:
        state = 'before %s, after %s' % (state, _text(after.get('state') or 'unknown'))
    facts = [
        ('Service', _text(report.get('service'))),
        ('Action', _text(report.get('action'))),
        ('Outcome', badges),
        ('Check mode', 'yes: nothing was changed' if report.get('check_mode') else 'no'),
        ('Started', _text(_utc(report.get('started')))),
        ('Ended', _text(_utc(report.get('ended')))),
        ('Duration', _text(_seconds(report.get('duration')) or 'unknown')),
        ('RTO', _text(rto_text(report.get('rto')))),
        ('Service state', state),
    ]
    lines = ['<header>',
             '<h1>Business service %s: %s</h1>' % (_text(report.get('service')), _text(report.get('action'))),
             '<p class="message">%s</p>' % _text(report.get('message')),
             '<dl class="facts">']
    lines.extend('<dt>%s</dt><dd>%s</dd>' % fact for fact in facts)
    lines.extend(['</dl>', '</header>'])
    return '\n'.join(lines)


# ---------------------------------------------------------------- dependency graph

def tier_layers(tiers, tier_links):
    """Tier names in layers, children first (wave 1 = bottom); one tier a layer if the links loop."""
    names = [t['name'] for t in tiers]
    pairs = [(link['parent'], link['child']) for link in tier_links or []
             if link.get('parent') in names and link.get('child') in names]
    try:
        return start_waves(names, pairs)
    except CycleError:
        return [[name] for name in names]


def _tier_box(tier, states):
    """Size and content of one tier box: label, state kind, groups with widths, VM lines."""
    tier_state = states.get(tier['name']) or {}
    group_states = tier_state.get('groups') or {}
    groups = []
    for name in tier.get('groups') or []:
        kind = state_kind(group_states.get(name))
        groups.append({'name': name, 'state': group_states.get(name), 'kind': kind,
                       'width': max(GROUP_MIN_W, _text_width(name, FONT) + 20)})
    vms = tier.get('vms') or {}
    vm_lines = ['%s (%s)' % (vm, 'unknown' if vm_state is None else vm_state) for vm, vm_state in vms.items()]
    label = '%s (%s)' % (tier['name'], tier.get('cluster') or '?')
    state = tier_state.get('state')
    heading_w = _text_width(label, FONT + 1) + _text_width(state or 'unknown', SMALL_FONT) + 16
    groups_w = sum(g['width'] for g in groups) + GROUP_GAP * max(len(groups) - 1, 0)
    vms_w = max([_text_width(line, SMALL_FONT) for line in vm_lines] or [0])
    height = TIER_PAD + HEADING_H + GROUP_H + TIER_PAD
    if vm_lines:
        height += 4 + VM_LINE_H * len(vm_lines)
    return {'name': tier['name'], 'label': label, 'state': state, 'kind': state_kind(state), 'groups': groups,
            'vm_lines': vm_lines, 'groups_w': groups_w,
            'width': max(groups_w, heading_w, vms_w, GROUP_MIN_W) + 2 * TIER_PAD, 'height': height}


def _place(layers, boxes):
    """Give each box x and y (top row = last layer) and each group its rectangle; returns (rows width, height)."""
    rows = [[boxes[name] for name in layer if name in boxes] for layer in reversed(layers)]
    rows = [row for row in rows if row]
    width = max([sum(b['width'] for b in row) + TIER_GAP * (len(row) - 1) for row in rows] or [0])
    y = MARGIN
    for row in rows:
        row_w = sum(b['width'] for b in row) + TIER_GAP * (len(row) - 1)
        x = MARGIN + (width - row_w) / 2.0
        for box in row:
            box['x'], box['y'] = x, y
            gx = x + (box['width'] - box['groups_w']) / 2.0
            for group in box['groups']:
                group['x'], group['y'] = gx, y + TIER_PAD + HEADING_H
                gx += group['width'] + GROUP_GAP
            x += box['width'] + TIER_GAP
        y += max(b['height'] for b in row) + ROW_GAP
    return width, y - ROW_GAP


def _tier_back(box):
    """The tier rectangle, drawn under the links."""
    dash = ' stroke-dasharray="%s"' % UNKNOWN_DASH if box['kind'] == 'UNKNOWN' else ''
    return ('<rect data-tier="%s" data-state="%s" x="%s" y="%s" width="%s" height="%s" rx="10" ry="10" '
            'fill="%s" stroke="%s" stroke-width="2.5"%s/>'
            % (_text(box['name']), box['kind'], _num(box['x']), _num(box['y']), _num(box['width']), _num(box['height']),
               TIER_FILL, STATE_STROKE[box['kind']], dash))


def _tier_front(box):
    """Heading, group boxes and VM lines of a tier, drawn over the links (texts with a halo)."""
    stroke = STATE_STROKE[box['kind']]
    parts = ['<g class="tier" data-tier="%s">' % _text(box['name']),
             '<text x="%s" y="%s" font-size="%d" font-weight="bold"%s>%s <tspan font-size="%d" fill="%s">%s</tspan></text>'
             % (_num(box['x'] + TIER_PAD), _num(box['y'] + TIER_PAD + FONT), FONT + 1, HALO, _text(box['label']),
                SMALL_FONT, stroke, _text(box['state'] or 'unknown'))]
    for group in box['groups']:
        kind = group['kind']
        dash = ' stroke-dasharray="%s"' % UNKNOWN_DASH if kind == 'UNKNOWN' else ''
        parts.append('<g class="group"><title>%s: %s</title>' % (_text(group['name']), _text(group['state'] or 'unknown')))
        parts.append('<rect data-group="%s" data-state="%s" x="%s" y="%s" width="%s" height="%d" rx="5" ry="5" '
                     'fill="%s" stroke="%s"%s/>'
                     % (_text(group['name']), kind, _num(group['x']), _num(group['y']), _num(group['width']), GROUP_H,
                        STATE_FILL[kind], STATE_STROKE[kind], dash))
        parts.append('<text x="%s" y="%s" font-size="%d" text-anchor="middle">%s</text></g>'
                     % (_num(group['x'] + group['width'] / 2.0), _num(group['y'] + GROUP_H / 2.0 + FONT / 3.0), FONT,
                        _text(group['name'])))
    y = box['y'] + TIER_PAD + HEADING_H + GROUP_H + 4
    for line in box['vm_lines']:
        y += VM_LINE_H
        parts.append('<text class="vm" x="%s" y="%s" font-size="%d" fill="#57606a"%s>%s</text>'
                     % (_num(box['x'] + TIER_PAD), _num(y - 3), SMALL_FONT, HALO, _text(line)))
    parts.append('</g>')
    return parts


def _centre(group):
    return group['x'] + group['width'] / 2.0


def _ports(links, groups):
    """{(link index, 'out'|'in'): x}: the links of a group leave and arrive spread along its edge, in x order."""
    ends = {}
    for index, link in enumerate(links):
        ends.setdefault((link['parent'], 'out'), []).append((_centre(groups[link['child']]), index))
        ends.setdefault((link['child'], 'in'), []).append((_centre(groups[link['parent']]), index))
    ports = {}
    for (name, side), items in sorted(ends.items()):
        group = groups[name]
        for rank, (_other, index) in enumerate(sorted(items)):
            ports[(index, side)] = group['x'] + group['width'] * (rank + 1.0) / (len(items) + 1)
    return ports


def _link_svg(link, parent, child, x1, x2):
    """A curve from the bottom of the parent group to the top of the child group (or below both if level)."""
    colour, dash = policy_style(link.get('fault_policy'))
    y1 = parent['y'] + GROUP_H
    if child['y'] > y1:
        y2 = child['y']
        bend = (y2 - y1) / 2.0
        points = (x1, y1, x1, y1 + bend, x2, y2 - bend, x2, y2)
    else:
        y2 = child['y'] + GROUP_H
        low = max(y1, y2) + 18
        points = (x1, y1, x1, low, x2, low, x2, y2)
    path = 'M %s %s C %s %s %s %s %s %s' % tuple(_num(value) for value in points)
    policy = link.get('fault_policy') if link.get('fault_policy') in POLICY_STYLE else 'soft'
    return ('<path data-policy="%s" data-parent="%s" data-child="%s" d="%s" fill="none" stroke="%s" stroke-width="2"%s '
            'marker-end="url(#arrow-%s)"><title>%s -&gt; %s (%s)</title></path>'
            % (_text(link.get('fault_policy')), _text(link.get('parent')), _text(link.get('child')), path, colour,
               ' stroke-dasharray="%s"' % dash if dash else '', policy, _text(link.get('parent')),
               _text(link.get('child')), _text(link.get('fault_policy'))))


def _legend_svg(y):
    """Two legend lines (states, then policies) from y; returns (parts, width, height)."""
    parts, x = [], MARGIN
    for kind in STATE_KINDS:
        dash = ' stroke-dasharray="%s"' % UNKNOWN_DASH if kind == 'UNKNOWN' else ''
        parts.append('<rect x="%s" y="%s" width="18" height="12" rx="3" ry="3" fill="%s" stroke="%s"%s/>'
                     % (_num(x), _num(y), STATE_FILL[kind], STATE_STROKE[kind], dash))
        parts.append('<text x="%s" y="%s" font-size="%d">%s</text>'
                     % (_num(x + 24), _num(y + 10), SMALL_FONT + 1, _text(STATE_LABEL[kind])))
        x += 24 + _text_width(STATE_LABEL[kind], SMALL_FONT + 1) + 18
    width, x, y = x, MARGIN, y + 22
    for policy in POLICIES:
        colour, dash = POLICY_STYLE[policy]
        parts.append('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2"%s marker-end="url(#arrow-%s)"/>'
                     % (_num(x), _num(y + 6), _num(x + 34), _num(y + 6), colour,
                        ' stroke-dasharray="%s"' % dash if dash else '', policy))
        label = '%s link' % policy
        parts.append('<text x="%s" y="%s" font-size="%d">%s</text>' % (_num(x + 42), _num(y + 10), SMALL_FONT + 1, label))
        x += 42 + _text_width(label, SMALL_FONT + 1) + 18
    return parts, max(width, x) - MARGIN, 34


def _markers_svg():
    parts = ['<defs>']
    for policy in POLICIES:
        parts.append('<marker id="arrow-%s" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" '
                     'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="%s"/></marker>'
                     % (policy, POLICY_STYLE[policy][0]))
    parts.append('</defs>')
    return parts


def render_graph(report):
    """The dependency graph as one SVG element; tiers layered children at the bottom."""
    tiers = [t for t in report.get('tiers') or [] if t.get('name') is not None]
    if not tiers:
        return '<p class="note">No tier.</p>'
    states = (report.get('after') if report.get('after') is not None else report.get('before')) or {}
    boxes = dict((t['name'], _tier_box(t, states.get('tiers') or {})) for t in tiers)
    rows_w, rows_bottom = _place(tier_layers(tiers, report.get('tier_links')), boxes)
    legend, legend_w, legend_h = _legend_svg(rows_bottom + 28)
    width = max(rows_w, legend_w) + 2 * MARGIN
    height = rows_bottom + 28 + legend_h + MARGIN
    shift = (width - 2 * MARGIN - rows_w) / 2.0
    groups = {}
    for name in [t['name'] for t in tiers]:
        box = boxes[name]
        box['x'] += shift
        for group in box['groups']:
            group['x'] += shift
            groups.setdefault(group['name'], group)
    parts = ['<svg xmlns="%s" class="graph" role="img" width="%s" height="%s" viewBox="0 0 %s %s" font-family="sans-serif">'
             % (SVG_NS, _num(width), _num(height), _num(width), _num(height)),
             '<title>Dependencies of business service %s</title>' % _text(report.get('service'))]
    parts.extend(_markers_svg())
    parts.extend(_tier_back(boxes[tier['name']]) for tier in tiers)
    links = [link for link in report.get('links') or [] if link.get('parent') in groups and link.get('child') in groups]
    ports = _ports(links, groups)
    for index, link in enumerate(links):
        parts.append(_link_svg(link, groups[link['parent']], groups[link['child']], ports[(index, 'out')],
                               ports[(index, 'in')]))
    for tier in tiers:
        parts.extend(_tier_front(boxes[tier['name']]))
    parts.append('<g class="legend">')
    parts.extend(legend)
    parts.extend(['</g>', '</svg>'])
    return '\n'.join(parts)


# ---------------------------------------------------------------- timeline

def nice_step(span, wanted=8):
    """A tick step of 1, 2 or 5 times a power of ten giving at most about ``wanted`` ticks over ``span`` > 0."""
    raw = span / float(wanted)
    magnitude = 10.0 ** math.floor(math.log10(raw))
    for factor in NICE_STEPS:
        if magnitude * factor >= raw:
            return magnitude * factor
    return magnitude * 10


def _duration(step):
    if step.get('duration') is not None:
        return step['duration']
    if step.get('started') is not None and step.get('ended') is not None:
        return step['ended'] - step['started']
    return None


def _step_label(step, with_duration=True):
    """'wave N, middle dot, group action (duration s)'; without the duration for the steps that did not run."""
    label = 'wave %s %s %s %s' % (step.get('wave'), DOT, step.get('group'), step.get('action'))
    if with_duration:
        label += ' (%s)' % (_seconds(_duration(step)) or 'unknown')
    return label


def _rto_marks(rto, span):
    """([(kind, seconds, colour)] of the RTO target and measure near the run span, [kinds too far to show])."""
    rto = rto or {}
    marks, beyond = [], []
    for kind, colour in (('target', RTO_TARGET_COLOUR), ('measured', RTO_MEASURED_COLOUR)):
        value = rto.get(kind)
        if value is None:
            continue
        if 0 <= value <= span * NEAR_FACTOR:
            marks.append((kind, value, colour))
        else:
            beyond.append('RTO %s %s is off the chart.' % (kind, _seconds(value)))
    return marks, beyond


def _spans(report, ran, origin):
    """[(step, start, end)] in seconds since origin, and the span of the run (at least 1 s)."""
    spans = []
    for step in ran:
        start = step['started'] - origin
        end = step['ended'] - origin if step.get('ended') is not None else start + (_duration(step) or 0)
        spans.append((step, start, max(end, start)))
    return spans, max([item[2] for item in spans] + [report.get('duration') or 0, 1])


def render_timeline(report):
    """A Gantt chart of the steps that ran, with the RTO marks, then the steps that did not run."""
    steps = report.get('steps') or []
    origin = _origin(report)
    timed = [s.get('status') not in NOT_RUN and s.get('started') is not None and origin is not None for s in steps]
    ran = [s for s, is_timed in zip(steps, timed) if is_timed]
    parts = []
    if ran:
        spans, span = _spans(report, ran, origin)
        marks, beyond = _rto_marks(report.get('rto'), span)
        parts.append(_timeline_svg(spans, span, marks, origin))
        parts.extend('<p class="note">%s</p>' % _text(line) for line in beyond)
        parts.append(_step_legend())
    else:
        parts.append('<p class="note">No step ran.</p>')
    others = [s for s, is_timed in zip(steps, timed) if not is_timed]
    if others:
        parts.append('<ul class="not-run">')
        for step in others:
            status = step.get('status')
            why = 'not run' if status in NOT_RUN or status is None else 'did not start'
            message = ': %s' % step['message'] if step.get('message') else ''
            parts.append('<li>%s: %s (%s)%s</li>' % (_text(_step_label(step, False)), why, _text(status), _text(message)))
        parts.append('</ul>')
    return '\n'.join(parts)


def _step_legend():
    swatch = '<span style="display: inline-block; width: 12px; height: 10px; background: %s"></span> %s'
    return '<p class="note">%s</p>' % ' &nbsp; '.join(swatch % (STEP_COLOUR[status], status) for status in RAN)


def _axis_svg(plot_x, plot_y, plot_h, axis_max, tick):
    """The x axis: a base line, a grid line and a label per tick, a caption."""
    scale = PLOT_W / float(axis_max)
    bottom = plot_y + plot_h
    parts = ['<g class="axis">',
             '<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#57606a"/>'
             % (_num(plot_x), _num(bottom), _num(plot_x + PLOT_W), _num(bottom))]
    for index in range(int(round(axis_max / tick)) + 1):
        x = plot_x + index * tick * scale
        parts.append('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#d0d7de"/>'
                     % (_num(x), _num(plot_y), _num(x), _num(bottom + 4)))
        parts.append('<text x="%s" y="%s" font-size="%d" text-anchor="middle">%s</text>'
                     % (_num(x), _num(bottom + 16), SMALL_FONT, _num(index * tick)))
    parts.append('<text x="%s" y="%s" font-size="%d" text-anchor="middle">seconds since the start of the run</text>'
                 % (_num(plot_x + PLOT_W / 2.0), _num(bottom + 30), SMALL_FONT))
    parts.append('</g>')
    return parts


def _timeline_svg(spans, span, marks, origin):
    axis_max = max([span] + [mark[1] for mark in marks])
    tick = nice_step(axis_max)
    axis_max = math.ceil(axis_max / tick - 1e-9) * tick
    scale = PLOT_W / float(axis_max)
    label_w = max(_text_width(_step_label(item[0]), FONT) for item in spans) + 16
    plot_x, plot_y = MARGIN + label_w, MARGIN + MARKS_H
    plot_h = ROW_H * len(spans)
    width = plot_x + PLOT_W + MARGIN + 50
    height = plot_y + plot_h + AXIS_H + MARGIN
    parts = ['<svg xmlns="%s" class="timeline" role="img" width="%s" height="%s" viewBox="0 0 %s %s" font-family="sans-serif">'
             % (SVG_NS, _num(width), _num(height), _num(width), _num(height)),
             '<title>Timeline of the steps, seconds since %s</title>' % _text(_utc(origin))]
    parts.extend(_axis_svg(plot_x, plot_y, plot_h, axis_max, tick))
    for row, (step, start, end) in enumerate(spans):
        y = plot_y + row * ROW_H
        label = _step_label(step)
        parts.append('<g class="step"><title>%s: %s</title>' % (_text(label), _text(step['status'])))
        parts.append('<text x="%s" y="%s" font-size="%d" text-anchor="end">%s</text>'
                     % (_num(plot_x - 8), _num(y + ROW_H / 2.0 + FONT / 3.0), FONT, _text(label)))
        parts.append('<rect data-step="%d" data-status="%s" data-group="%s" x="%s" y="%s" width="%s" height="%d" rx="2" '
                     'ry="2" fill="%s"/></g>'
                     % (row, _text(step['status']), _text(step.get('group')), _num(plot_x + start * scale),
                        _num(y + (ROW_H - BAR_H) / 2.0), _num(max((end - start) * scale, 1)), BAR_H,
                        STEP_COLOUR.get(step['status'], OTHER_COLOUR)))
    for number, (kind, value, colour) in enumerate(marks):
        x = plot_x + value * scale
        parts.append('<line data-rto="%s" x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1.5" '
                     'stroke-dasharray="5 4"/>' % (kind, _num(x), _num(plot_y - 4), _num(x), _num(plot_y + plot_h), colour))
        parts.append('<text x="%s" y="%s" font-size="%d" text-anchor="middle" fill="%s">RTO %s %s</text>'
                     % (_num(x), _num(MARGIN + 10 + 13 * number), SMALL_FONT, colour, kind, _text(_seconds(value))))
    parts.append('</svg>')
    return '\n'.join(parts)


# ---------------------------------------------------------------- tables

def _table(headings, rows):
    lines = ['<table>', '<thead><tr>%s</tr></thead>' % ''.join('<th>%s</th>' % _text(h) for h in headings), '<tbody>']
    for row in rows:
        lines.append('<tr>%s</tr>' % ''.join(row))
    lines.extend(['</tbody>', '</table>'])
    return '\n'.join(lines)


def _cell(value, css=None):
    return '<td%s>%s</td>' % (' class="%s"' % css if css else '', _text(value))


def _commands_cell(commands):
    lines = ['<div><code>%s</code></div>' % _text(' '.join('%s' % (arg,) for arg in argv)) for argv in commands or []]
    return '<td>%s</td>' % ''.join(lines)


def render_steps(report):
    steps = report.get('steps') or []
    if not steps:
        return '<p class="note">No step.</p>'
    origin = _origin(report)
    rows = []
    for step in steps:
        start = step['started'] - origin if step.get('started') is not None and origin is not None else None
        status = step.get('status')
        message = _text(step.get('message'))
        if step.get('reason'):
            message += '%s<span class="note">%s</span>' % ('<br>' if message else '', _text(step['reason']))
        rows.append([_cell(step.get('wave'), 'num'), _cell(step.get('tier')), _cell(step.get('cluster')),
                     _cell(step.get('node')), _cell(step.get('group')), _cell(step.get('action')),
                     _cell(status, 'status-%s' % status if status in RAN + NOT_RUN else None),
                     _cell(_seconds(start), 'num'), _cell(_seconds(_duration(step)), 'num'),
                     '<td>%s</td>' % message, _commands_cell(step.get('commands'))])
    return _table(['Wave', 'Tier', 'Cluster', 'Node', 'Group', 'Action', 'Status', 'Start', 'Duration', 'Message',
                   'Commands'], rows)


def render_account(report):
    account = report.get('account') or {}
    parts = []
    for key in ('done', 'failed', 'left'):
        items = account.get(key) or []
        if items:
            parts.append('<h3>%s</h3>' % key.capitalize())
            parts.append('<ul class="account-%s">%s</ul>' % (key, ''.join('<li>%s</li>' % _text(i) for i in items)))
    if not parts:
        if report.get('outcome') == 'nothing to do':
            return '<p>Nothing to do.</p>'
        return '<p class="note">No step done, failed or left.</p>'
    return '\n'.join(parts)


def _reaction_rows(reactions):
    return [[_cell(r.get('group')), _cell(r.get('tier')), _cell(r.get('action')), _cell(r.get('policy')),
             _cell(', '.join('%s' % (c,) for c in r.get('causes') or [])), _cell(r.get('reason'))] for r in reactions]


def render_reactions(report):
    """The reconcile sections: reactions, then those maintenance suspended."""
    headings = ['Group', 'Tier', 'Action', 'Policy', 'Causes', 'Reason']
    reactions, suspended = report.get('reactions') or [], report.get('suspended') or []
    parts = ['<section id="reactions">', '<h2>Reactions to faults</h2>']
    parts.append(_table(headings, _reaction_rows(reactions)) if reactions
                 else '<p class="note">No reaction: no fault policy asked for anything.</p>')
    parts.append('</section>')
    if suspended or report.get('maintenance'):
        parts.extend(['<section id="suspended">', '<h2>Suspended reactions</h2>',
                      '<p class="note">Maintenance mode is on: these reactions were suspended and nothing was done.</p>'])
        if suspended:
            parts.append(_table(headings, _reaction_rows(suspended)))
        parts.append('</section>')
    return '\n'.join(parts)


# ---------------------------------------------------------------- page

def _section(anchor, title, body):
    return '<section id="%s">\n<h2>%s</h2>\n%s\n</section>' % (anchor, _text(title), body)


def render_problems(report):
    """The problems the run met (a cluster that did not answer, a group that does not exist); '' without any."""
    problems = report.get('problems') or []
    if not problems:
        return ''
    items = ''.join('<li>%s</li>' % _text(problem) for problem in problems)
    return _section('problems', 'Problems', '<ul class="problems">%s</ul>' % items)


def render_html(report):
    """The whole HTML5 page of a business service run report (see the module doc)."""
    title = '%s %s %s %s %s' % (report.get('service'), DOT, report.get('action'), DOT, report.get('outcome'))
    parts = ['<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             '<title>Business service %s</title>' % _text(title), '<style>%s</style>' % CSS, '</head>', '<body>',
             render_header(report)]
    problems = render_problems(report)
    if problems:
        parts.append(problems)
    parts.extend([_section('graph', 'Dependencies', render_graph(report)),
                  _section('timeline', 'Timeline', render_timeline(report)),
                  _section('steps', 'Steps', render_steps(report)),
                  _section('account', 'Account', render_account(report))])
    if report.get('action') == 'reconcile':
        parts.append(render_reactions(report))
    parts.extend(['</body>', '</html>', ''])
    return '\n'.join(parts)
