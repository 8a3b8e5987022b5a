# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Read the cluster's current configuration with as few commands as possible.

One command, ``haclus -value ReadOnly``, decides where the configuration is read:

- 1 (closed): VCS wrote it to disk when it was last closed (``haconf -dump -makero``), so
  ``$VCS_CONF/conf/config/main.cf`` (VCS_CONF is the product's own variable for its
  configuration root, /etc/VRTSvcs by default) is current and is parsed: no other command.
- 0 (someone has it open): the file may be stale, so the group is read from the engine
  with ``hagrp -list``, ``hagrp -display <g>``, ``hares -display -group <g>``,
  ``hagrp -dep <g>`` and ``hares -dep``; systems (``hasys -list``) and the resources of
  other groups (``hares -list``) only when a check needs them.

Both give the same normalized group (see _normalize). The types.cf files next to main.cf
(``include`` lines) extend the attribute catalog when they are there.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import re

from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils._runner import CommandError
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._maincf import (
    MainCfError, parse_maincf, parse_typescf)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._normalize import (
    groups_from_cli, normalize_group)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._parse import (
    parse_dep, parse_display, parse_list, parse_value)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._types import Catalog

DEFAULT_CONF_ROOT = '/etc/VRTSvcs'
READ_ONLY = ['haclus', '-value', 'ReadOnly']
# "No Groups are configured", "No Resource/Group dependencies are configured": an empty
# listing, not a failure (rc is not 0 for them).
EMPTY_LISTING_CODES = ('V-16-1-50031', 'V-16-1-50034', 'V-16-1-50035')
_INCLUDE = re.compile(r'^\s*include\s+"([^"]+)"', re.MULTILINE)


def config_dir():
    """The folder holding main.cf and types.cf."""
    return os.path.join(os.environ.get('VCS_CONF') or DEFAULT_CONF_ROOT, 'conf', 'config')


def main_cf_path():
    return os.path.join(config_dir(), 'main.cf')


def _read_text(path):
    with open(path) as handle:
        return handle.read()


def read_is_read_only(runner):
    """True when the configuration is closed (ReadOnly = 1)."""
    return parse_value(runner.read(READ_ONLY)[1]) == '1'


def read_listing(runner, argv, empty_codes=EMPTY_LISTING_CODES):
    """stdout of a listing command; '' when VCS answers that there is nothing to list.

    ``empty_codes`` None accepts any VCS WARNING as "nothing" [recon: the message printed
    by ``hares -display -group <g>`` for a group without resources is not known].
    """
    try:
        return runner.read(argv)[1]
    except CommandError as exc:
        text = (exc.stdout or '') + (exc.stderr or '')
        if empty_codes is None and exc.vcode and 'VCS WARNING' in text:
            return ''
        if empty_codes is not None and exc.vcode in empty_codes:
            return ''
        raise


def load_catalog(includes, extra_types=None, directory=None):
    """Catalog with the built-in types, then those of the included types files that exist
    (``types.cf``, ``DRBDPrimaryTypes.cf``...), then types defined in main.cf itself.

    Returns (catalog, warnings).
    """
    directory = directory or config_dir()
    catalog = Catalog()
    warnings = []
    for name in includes:
        path = name if os.path.isabs(name) else os.path.join(directory, name)
        if not os.path.isfile(path):
            continue
        try:
            catalog.add_types(parse_typescf(_read_text(path)))
        except (MainCfError, IOError, OSError) as exc:
            warnings.append('%s could not be read (%s); the built-in attribute table is used '
                            'for its types' % (path, exc))
    catalog.add_types(extra_types)
    return catalog, warnings


class MainCfView:
    """The configuration as main.cf holds it (ReadOnly = 1)."""

    source = 'main.cf'

    def __init__(self, config, catalog, read_only=True, warnings=None):
        self.config = config
        self.catalog = catalog
        self.read_only = read_only
        self.warnings = list(warnings or [])

    def group(self, name):
        group = self.config['groups'].get(name)
        return None if group is None else normalize_group(group, self.catalog)

    def group_names(self):
        return set(self.config['groups'])

    def systems(self):
        return list(self.config['systems'])

    def other_group_of(self, resource, group_name):
        """The group other than ``group_name`` holding ``resource``, or None."""
        for name, group in self.config['groups'].items():
            if name != group_name and resource in (group.get('resources') or {}):
                return name
        return None

    def parent_groups(self, name):
        """{parent group: its dependency on ``name``}"""
        parents = {}
        for parent, group in self.config['groups'].items():
            for dependency in group.get('dependencies') or []:
                if dependency.get('child') == name and parent != name:
                    parents[parent] = dependency
        return parents


class CliView:
    """The configuration as the engine holds it, read on demand (ReadOnly = 0)."""

    source = 'cli'

    def __init__(self, runner, catalog, read_only=False, warnings=None):
        self.runner = runner
        self.catalog = catalog
        self.read_only = read_only
        self.warnings = list(warnings or [])
        self._groups = None
        self._systems = None
        self._resources = None
        self._read = {}

    def group_names(self):
        if self._groups is None:
            out = read_listing(self.runner, ['hagrp', '-list'])
            self._groups = set(row[0] for row in parse_list(out) if row)
        return self._groups

    def _group_data(self, name):
        if name not in self._read:
            runner = self.runner
            group_display = parse_display(runner.read(['hagrp', '-display', name])[1])
            resource_display = parse_display(read_listing(runner, ['hares', '-display', '-group', name], None))
            group_links = parse_dep(read_listing(runner, ['hagrp', '-dep', name]))
            resource_links = parse_dep(read_listing(runner, ['hares', '-dep']))
            groups = groups_from_cli(group_display, resource_display, group_links, resource_links,
                                     self.catalog, names=[name])
            parents = dict((link['parent'], dict((key, link.get(key)) for key in
                                                 ('child', 'category', 'location', 'rigidity')))
                           for link in group_links if link.get('child') == name and link['parent'] != name)
            self._read[name] = (groups.get(name), parents)
        return self._read[name]

    def group(self, name):
        if name not in self.group_names():
            return None
        return self._group_data(name)[0]

    def systems(self):
        if self._systems is None:
            self._systems = [row[0] for row in parse_list(self.runner.read(['hasys', '-list'])[1]) if row]
        return self._systems

    def other_group_of(self, resource, group_name):
        if self._resources is None:
            self._resources = set(row[0] for row in parse_list(read_listing(self.runner, ['hares', '-list'], None)) if row)
        if resource not in self._resources:
            return None
        group = self.group(group_name)
        if group is not None and resource in group['resources']:
            return None
        return 'another group'

    def parent_groups(self, name):
        if name not in self.group_names():
            return {}
        return self._group_data(name)[1]


def read_main_cf():
    """parse_maincf of the node's main.cf; PlanError when it cannot be read or parsed."""
    path = main_cf_path()
    try:
        return parse_maincf(_read_text(path))
    except (IOError, OSError) as exc:
        raise PlanError('the VCS configuration is closed (ReadOnly = 1) but %s cannot be read: '
                        '%s; set VCS_CONF if the configuration is not under %s'
                        % (path, exc, DEFAULT_CONF_ROOT))
    except MainCfError as exc:
        raise PlanError('%s cannot be parsed: %s' % (path, exc))


def _open_catalog():
    """The catalog when the configuration is open: main.cf may be stale, but the types files
    it includes are read all the same (types rarely change)."""
    path = main_cf_path()
    includes = ['types.cf']
    if os.path.isfile(path):
        try:
            includes = _INCLUDE.findall(_read_text(path)) or includes
        except (IOError, OSError):
            pass
    return load_catalog(includes)


def read_configuration(runner):
    """The view of the cluster's configuration: MainCfView when it is closed, else CliView."""
    if read_is_read_only(runner):
        config = read_main_cf()
        catalog, warnings = load_catalog(config['include'], config.get('types'))
        return MainCfView(config, catalog, read_only=True, warnings=warnings)
    catalog, warnings = _open_catalog()
    return CliView(runner, catalog, read_only=False, warnings=warnings)


def read_configuration_closed(names=None):
    """(config, {name: normalized group}, warnings) from main.cf (configuration closed)."""
    config = read_main_cf()
    catalog, warnings = load_catalog(config['include'], config.get('types'))
    groups = dict((name, normalize_group(group, catalog)) for name, group in config['groups'].items()
                  if names is None or name in names)
    return config, groups, warnings


def read_configuration_open_groups(runner, names=None):
    """({name: normalized group}, warnings) of every group, from the engine (configuration
    open): hagrp -display, hares -display, hagrp -dep, hares -dep."""
    catalog, warnings = _open_catalog()
    group_display = parse_display(read_listing(runner, ['hagrp', '-display']))
    resource_display = parse_display(read_listing(runner, ['hares', '-display'], None))
    group_links = parse_dep(read_listing(runner, ['hagrp', '-dep']))
    resource_links = parse_dep(read_listing(runner, ['hares', '-dep']))
    groups = groups_from_cli(group_display, resource_display, group_links, resource_links, catalog, names)
    return groups, warnings
