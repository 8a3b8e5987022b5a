# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""service_group_waves: the order to bring service groups online, children first."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.errors import AnsibleFilterError

from ansible_collections.continuum.infoscale.plugins.module_utils._plan import CycleError, start_waves


def service_group_waves(groups):
    """Waves of group names: a group's online dependencies (its children) come in earlier waves."""
    if not isinstance(groups, list) or not all(isinstance(g, dict) and g.get('name') for g in groups):
        raise AnsibleFilterError('service_group_waves expects a list of service groups, each with a name')
    names = [g['name'] for g in groups if g.get('state', 'present') != 'absent']
    links = [(g['name'], dep['child']) for g in groups if g['name'] in names for dep in g.get('dependencies') or []
             if dep.get('category', 'online') == 'online' and dep.get('child') in names]
    try:
        waves = start_waves(names, links)
    except CycleError as exc:
        raise AnsibleFilterError('service group dependencies loop: %s' % ' -> '.join(exc.cycle))
    return waves


class FilterModule(object):
    def filters(self):
        return {'service_group_waves': service_group_waves}
