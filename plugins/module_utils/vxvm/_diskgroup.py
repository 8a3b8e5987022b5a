# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Desired disk group vs the disks a node sees -> vxdisksetup/vxdg commands (pure)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.continuum.infoscale.plugins.module_utils._result import Plan, PlanError

# TYPE values of disks that another volume manager or file system owns.
FOREIGN_TYPES = ('auto:LVM', 'auto:ZFS', 'auto:ASM', 'auto:SVM')


def is_uninitialised(disk):
    return disk['type'] in ('auto:none', 'auto') or 'invalid' in (disk['status'] or '').split()


def group_facts(name, disks):
    members = [d for d in disks if d['group'] == name]
    if not members:
        state = 'absent'
    elif all(d['deported'] for d in members):
        state = 'deported'
    else:
        state = 'imported'
    return dict(name=name, state=state,
                disks=[dict(device=d['device'], disk=d['disk']) for d in members])


def _check_requested(name, requested, by_device):
    problems = []
    for device in requested:
        disk = by_device.get(device)
        if disk is None:
            problems.append('disk %s is not seen by this node (vxdisk list)' % device)
        elif disk['group'] and disk['group'] != name:
            problems.append('disk %s belongs to %sdisk group %s'
                            % (device, 'deported ' if disk['deported'] else '', disk['group']))
        elif disk['type'] in FOREIGN_TYPES or disk['status'] in ('LVM', 'ZFS'):
            problems.append('disk %s is owned by %s' % (device, disk['status'] or disk['type']))
        elif (disk['status'] or '').split()[:1] == ['error']:
            problems.append('disk %s is in error' % device)
    if problems:
        raise PlanError('cannot use the disks asked for disk group %s: %s'
                        % (name, '; '.join(problems)))


def _setup(devices, by_device):
    return [['vxdisksetup', '-i', d] for d in devices if is_uninitialised(by_device[d])]


def _create(name, requested, by_device):
    if not requested:
        raise PlanError('disk group %s does not exist on the disks this node sees: '
                        'list its disks to create it' % name)
    commands = _setup(requested, by_device)
    commands.append(['vxdg', 'init', name] + ['%s=%s' % (d, d) for d in requested])
    return commands


def _adddisks(name, missing, by_device):
    commands = _setup(missing, by_device)
    commands.extend(['vxdg', '-g', name, 'adddisk', '%s=%s' % (d, d)] for d in missing)
    return commands


def plan_diskgroup(disks, params, volumes_in_use):
    """Plan for one disk group.

    disks: ``parse_vxdisk_list`` of ``vxdisk -o alldgs list``; params: name, disks (device
    names or None), state, force, purge; volumes_in_use() -> (volume names, open names),
    called only before a destroy or deport.
    """
    name = params['name']
    requested = list(params.get('disks') or [])
    by_device = dict((d['device'], d) for d in disks)
    before = group_facts(name, disks)
    state = params['state']
    if state != 'absent':
        _check_requested(name, requested, by_device)
    member_devices = [d['device'] for d in before['disks']]
    missing = [d for d in requested if d not in member_devices]
    commands = []

    if state == 'absent':
        if before['state'] == 'absent':
            return Plan([], before, before)
        if before['state'] == 'deported':
            if not params.get('force'):
                raise PlanError('disk group %s is deported (or imported on another node), so its '
                                'volumes cannot be checked here: import it first, or set force: '
                                'true to import and destroy it' % name)
            commands.append(['vxdg', 'import', name])
        else:
            names, opened = volumes_in_use()
            if opened:
                raise PlanError('disk group %s has open volumes (mounted or in use): %s; it is '
                                'never destroyed while in use' % (name, ', '.join(sorted(opened))))
            if names and not params.get('force'):
                raise PlanError('disk group %s still has volumes: %s; destroying it loses their '
                                'data: remove them first or set force: true'
                                % (name, ', '.join(sorted(names))))
        commands.append(['vxdg', 'destroy', name])
        return Plan(commands, before, dict(name=name, state='absent', disks=[]))

    if before['state'] == 'absent':
        commands.extend(_create(name, requested, by_device))
    else:
        if before['state'] == 'deported' and (state == 'present' or missing):
            commands.append(['vxdg', 'import', name])
        commands.extend(_adddisks(name, missing, by_device))
        if params.get('purge'):
            extra = [d for d in before['disks'] if d['device'] not in requested]
            commands.extend(['vxdg', '-g', name, 'rmdisk', d['disk']] for d in extra if d['disk'])
    if state == 'deported' and (before['state'] == 'imported' or commands):
        if before['state'] == 'imported':
            opened = volumes_in_use()[1]
            if opened:
                raise PlanError('disk group %s has open volumes (mounted or in use): %s; unmount '
                                'them before deporting' % (name, ', '.join(sorted(opened))))
        commands.append(['vxdg', 'deport', name])

    kept = [d for d in member_devices if not params.get('purge') or d in requested]
    after_disks = [dict(device=d, disk=by_device[d]['disk'] or d) for d in kept]
    after_disks += [dict(device=d, disk=d) for d in missing]
    after = dict(name=name, state='deported' if state == 'deported' else 'imported',
                 disks=after_disks)
    return Plan(commands, before, after)
