# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""infoscale_parse: InfoScale command output -> data (documentation in infoscale_parse.yml).

The parsing itself lives in module_utils, shared with the modules; this file only maps
a kind of output to its parser. To support a new command, add one line to PARSERS.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import inspect

from ansible.errors import AnsibleFilterError

from ansible_collections.continuum.infoscale.plugins.module_utils.kvm._parse import (
    parse_domblklist, parse_dominfo, parse_domstate, parse_virsh_list)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._maincf import (
    parse_maincf, parse_typescf)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._parse import (
    parse_dep, parse_display, parse_haclus_display, parse_hastatus_sum, parse_state_table)
from ansible_collections.continuum.infoscale.plugins.module_utils.vvr._parse import (
    parse_printrvg, parse_printvol, parse_repstatus, parse_vxrlink_status)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._parse import (
    parse_maxsize, parse_vxdg_detail, parse_vxdg_list, parse_vxdisk_detail, parse_vxdisk_list,
    parse_vxprint, parse_vxprint_format)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._parse_snap import (
    parse_vxcache_stat, parse_vxsnap_list, parse_vxsnap_print)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._records import (
    diskgroup_views)


def _vxprint_diskgroups(text):
    return diskgroup_views(parse_vxprint(text))


# kind -> parser(text[, options]). Extra keyword options of a parser become filter options.
PARSERS = {
    'vxdisk list': parse_vxdisk_list,
    'vxdisk -o alldgs list': parse_vxdisk_list,
    'vxdisk -e list': parse_vxdisk_list,
    'vxdisk list disk': parse_vxdisk_detail,
    'vxdg list': parse_vxdg_list,
    'vxdg list dg': parse_vxdg_detail,
    'vxprint': parse_vxprint,
    'vxprint -F': parse_vxprint_format,
    'vxprint diskgroups': _vxprint_diskgroups,
    'vxassist maxsize': parse_maxsize,
    'vxsnap list': parse_vxsnap_list,
    'vxsnap print': parse_vxsnap_print,
    'vxcache stat': parse_vxcache_stat,
    'hastatus -sum': parse_hastatus_sum,
    'hagrp -state': parse_state_table,
    'hares -state': parse_state_table,
    'hagrp -display': parse_display,
    'hares -display': parse_display,
    'hasys -display': parse_display,
    'hatype -display': parse_display,
    'haclus -display': parse_haclus_display,
    'hagrp -dep': parse_dep,
    'hares -dep': parse_dep,
    'main.cf': parse_maincf,
    'types.cf': parse_typescf,
    'vradmin repstatus': parse_repstatus,
    'vradmin printrvg': parse_printrvg,
    'vradmin printvol': parse_printvol,
    'vxrlink status': parse_vxrlink_status,
    'virsh list': parse_virsh_list,
    'virsh list --all': parse_virsh_list,
    'virsh dominfo': parse_dominfo,
    'virsh domblklist': parse_domblklist,
    'virsh domstate': parse_domstate,
}


def _known():
    return ', '.join(repr(kind) for kind in sorted(PARSERS))


def _text(data):
    if isinstance(data, str):
        return data
    if isinstance(data, (list, tuple)):
        if all(isinstance(line, str) for line in data):
            return '\n'.join(data)
        raise AnsibleFilterError(
            'infoscale_parse: a list input must hold lines of text (stdout_lines); '
            'found a %s in it' % type(next(line for line in data if not isinstance(line, str))).__name__)
    hint = ''
    if isinstance(data, dict) and 'stdout' in data:
        hint = '; this looks like a registered command result: pass its .stdout'
    raise AnsibleFilterError(
        'infoscale_parse expects command output as a string (stdout) or a list of lines '
        '(stdout_lines), got %s%s' % (type(data).__name__, hint))


def _options_of(parser):
    params = list(inspect.signature(parser).parameters.values())[1:]
    required = [p.name for p in params if p.default is inspect.Parameter.empty]
    return [p.name for p in params], required


def infoscale_parse(data, kind, **options):
    """Parse ``data`` (the output of the command ``kind`` names) with the shared parsers."""
    if not isinstance(kind, str):
        raise AnsibleFilterError('infoscale_parse: kind must be a string, one of %s' % _known())
    name = ' '.join(kind.split())
    parser = PARSERS.get(name)
    if parser is None:
        raise AnsibleFilterError('infoscale_parse: unknown kind %r; known kinds: %s'
                                 % (kind, _known()))
    accepted, required = _options_of(parser)
    unknown = sorted(set(options) - set(accepted))
    if unknown:
        raise AnsibleFilterError('infoscale_parse: kind %r takes %s, not %s'
                                 % (name, ', '.join(accepted) or 'no options', ', '.join(unknown)))
    missing = [option for option in required if option not in options]
    if missing:
        raise AnsibleFilterError('infoscale_parse: kind %r needs %s'
                                 % (name, ', '.join('%s=...' % option for option in missing)))
    text = _text(data)
    try:
        return parser(text, **options)
    except (TypeError, ValueError) as exc:
        raise AnsibleFilterError('infoscale_parse: cannot parse %r output: %s' % (name, exc))


class FilterModule(object):

    def filters(self):
        return {'infoscale_parse': infoscale_parse}
