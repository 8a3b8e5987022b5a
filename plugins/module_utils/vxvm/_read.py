# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The reads VxVM modules share: one command each, parsed by the pure parsers."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils._runner import CommandError
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._parse import (
    parse_vxdisk_list, parse_vxprint, parse_vxprint_format)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._records import diskgroup_view

# vxprint exits 11 when a selection (for example -v) matches no record.
NOTHING_SELECTED = 11


def read_disks(runner):
    """Every disk this node sees, with deported disk groups in parentheses."""
    out = runner.read(['vxdisk', '-o', 'alldgs', 'list'])[1]
    return parse_vxdisk_list(out)


def read_diskgroup(runner, dg):
    """``diskgroup_view`` of an imported disk group; PlanError when it is not imported here."""
    try:
        out = runner.read(['vxprint', '-g', dg, '-htr'])[1]
    except CommandError as exc:
        raise PlanError('disk group %s is not imported on this node: %s'
                        % (dg, (exc.stderr or exc.stdout or '').strip()))
    return diskgroup_view(parse_vxprint(out), dg)


def read_all_diskgroups(runner):
    """Records of every disk group imported on this node."""
    return parse_vxprint(runner.read(['vxprint', '-htr'])[1])


def read_volumes_in_use(runner, dg):
    """(every volume name, the open ones) of ``dg``: open means mounted or otherwise in use."""
    argv = ['vxprint', '-g', dg, '-q', '-v', '-F', '%name %devopen']
    rc, out, err = runner.read(argv, ok_rcs=(0, NOTHING_SELECTED))
    if rc == NOTHING_SELECTED and err.strip():
        raise CommandError(argv, rc, out, err)
    rows = parse_vxprint_format(out, ['name', 'devopen'])
    return [row['name'] for row in rows], set(row['name'] for row in rows if row['devopen'] == 'on')
