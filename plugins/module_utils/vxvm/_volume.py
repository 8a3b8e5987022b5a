# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Desired volume vs current disk group -> vxassist commands (pure)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.continuum.infoscale.plugins.module_utils._result import Plan, PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._size import (
    SECTOR, allocation_unit, human, round_up, same_length, STRIPED)

LAYOUTS = ('concat', 'stripe', 'mirror', 'mirror-stripe', 'stripe-mirror', 'concat-mirror')
MIRRORED = ('mirror', 'mirror-stripe', 'stripe-mirror', 'concat-mirror')
MAX_DEFAULT_NCOL = 8
FACT_KEYS = ('name', 'diskgroup', 'length', 'layout', 'ncol', 'nmirror', 'kstate', 'state',
             'device', 'raw_device', 'instant_ready')


def volume_facts(view):
    """The documented ``volume`` return value for a volume view (empty when there is none)."""
    if not view:
        return {}
    facts = dict((key, view.get(key)) for key in FACT_KEYS)
    facts['size_bytes'] = facts['length'] * SECTOR if facts['length'] is not None else None
    return facts


def device_paths(dg, name):
    return dict(device='/dev/vx/dsk/%s/%s' % (dg, name),
                raw_device='/dev/vx/rdsk/%s/%s' % (dg, name))


def check_shape(layout, ncol, nmirror, ndisks):
    """(ncol, nmirror) to pass to vxassist for a new volume; PlanError when it cannot fit."""
    if layout not in STRIPED and ncol:
        raise PlanError('ncol applies to striped layouts (%s), not to %s' % (', '.join(STRIPED), layout))
    if layout not in MIRRORED and nmirror and nmirror != 1:
        raise PlanError('nmirror applies to mirrored layouts (%s), not to %s' % (', '.join(MIRRORED), layout))
    copies = (nmirror or 2) if layout in MIRRORED else 1
    if copies < 2 and layout in MIRRORED:
        raise PlanError('a %s volume needs nmirror of at least 2' % layout)
    if ndisks is None:
        # The disk group does not exist yet (check mode of a whole deployment): no disk count.
        return (ncol or 2) if layout in STRIPED else None, (copies if layout in MIRRORED else None)
    if layout in STRIPED:
        columns = ncol or max(2, min(MAX_DEFAULT_NCOL, ndisks // copies))
        if columns < 2:
            raise PlanError('a %s volume needs ncol of at least 2' % layout)
    else:
        columns = None
    needed = (columns or 1) * copies
    if needed > ndisks:
        what = []
        if columns:
            what.append('ncol=%d' % columns)
        if layout in MIRRORED:
            what.append('nmirror=%d' % copies)
        raise PlanError('layout %s with %s needs %d disks, but the disk group has only %d'
                        % (layout, ' and '.join(what), needed, ndisks))
    return columns, (copies if layout in MIRRORED else None)


def _create(dg, name, size, size_text, layout, ncol, nmirror, ndisks):
    layout = layout or 'concat'
    columns, copies = check_shape(layout, ncol, nmirror, ndisks)
    argv = ['vxassist', '-g', dg, 'make', name, size_text, 'layout=%s' % layout]
    if columns:
        argv.append('ncol=%d' % columns)
    if copies:
        argv.append('nmirror=%d' % copies)
    after = dict(name=name, diskgroup=dg, layout=layout, ncol=columns, nmirror=copies or 1,
                 length=round_up(size, allocation_unit(layout, columns)),
                 kstate='ENABLED', state='ACTIVE')
    after.update(device_paths(dg, name))
    return Plan([argv], None, after)


def _check_same_shape(current, layout, ncol, nmirror):
    differences = []
    if layout and layout != current['layout']:
        differences.append('layout %s (asked %s)' % (current['layout'], layout))
    if ncol and current.get('ncol') and ncol != current['ncol']:
        differences.append('ncol %s (asked %s)' % (current['ncol'], ncol))
    if nmirror and nmirror != current.get('nmirror', 1):
        differences.append('nmirror %s (asked %s)' % (current.get('nmirror', 1), nmirror))
    if differences:
        raise PlanError('volume %s exists with %s; changing the layout of an existing volume '
                        '(vxassist relayout/convert/mirror) is not done by this module'
                        % (current['name'], ', '.join(differences)))


def _resize(dg, current, size, size_text, allow_shrink, is_open):
    unit = allocation_unit(current['layout'], current.get('ncol'))
    name = current['name']
    if same_length(current['length'], size, unit):
        return Plan([], current, current)
    after = dict(current, length=round_up(size, unit))
    if size > current['length']:
        return Plan([['vxassist', '-g', dg, 'growto', name, size_text]], current, after)
    if not allow_shrink:
        raise PlanError('volume %s is %s (%d sectors); %s (%d sectors) would shrink it and lose '
                        'the data beyond the new end: set allow_shrink: true to allow it'
                        % (name, human(current['length']), current['length'], size_text, size))
    if is_open(name):
        raise PlanError('volume %s is open (mounted or in use) on this node; it cannot be shrunk '
                        'while in use' % name)
    return Plan([['vxassist', '-g', dg, '-f', 'shrinkto', name, size_text]], current, after)


def plan_volume(dg_view, params, is_open):
    """Plan for one volume.

    dg_view: ``diskgroup_view`` of the disk group (``disks`` None when the group is yet to be
    made, in check mode); params: name, state, size (sectors or None),
    size_text, layout, ncol, nmirror, allow_shrink, prepared; is_open(name) -> bool, called only when
    a removal or shrink is considered.
    """
    dg = dg_view['name']
    name = params['name']
    current = dg_view['volumes'].get(name)
    if params['state'] == 'absent':
        if not current:
            return Plan([], None, None)
        snapshots = sorted(s['name'] for s in (dg_view.get('snapshots') or {}).values() if s['source'] == name)
        if snapshots:
            raise PlanError('volume %s has snapshots (%s); remove them first (continuum.infoscale.vxvm_snapshot '
                            'state=absent), then the volume' % (name, ', '.join(snapshots)))
        if is_open(name):
            raise PlanError('volume %s is open (mounted or in use) on this node; unmount it '
                            'before removing it' % name)
        return Plan([['vxassist', '-g', dg, 'remove', 'volume', name]], current, None)
    if current is None:
        if params.get('size') is None:
            raise PlanError('volume %s does not exist: size is required to create it' % name)
        ndisks = None if dg_view['disks'] is None else len(dg_view['disks'])
        plan = _create(dg, name, params['size'], params['size_text'], params.get('layout'),
                       params.get('ncol'), params.get('nmirror'), ndisks)
    else:
        _check_same_shape(current, params.get('layout'), params.get('ncol'), params.get('nmirror'))
        if params.get('size') is None:
            plan = Plan([], current, current)
        else:
            plan = _resize(dg, current, params['size'], params['size_text'],
                           params.get('allow_shrink'), is_open)
    return _prepared(plan, dg, name, current, params.get('prepared'))


def _prepared(plan, dg, name, current, wanted):
    """With ``prepared``, a DCO is added (vxsnap prepare) when the volume has none."""
    if not wanted or (current and current.get('instant_ready')):
        return plan
    plan.commands.append(['vxsnap', '-g', dg, 'prepare', name])
    plan.after = dict(plan.after or {}, instant_ready=True)
    return plan
