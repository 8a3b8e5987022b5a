# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Global Cluster Option links: this cluster's address, its remote clusters and their heartbeats.

A view is ``{'cluster', 'cluster_address', 'remotes': {name: address}, 'heartbeats': {name:
{'clusters': [remote, ...], 'arguments': {remote: [argument, ...]}}}, 'global_groups': {group:
[cluster, ...]} or None}`` - read from main.cf when the configuration is closed, else from the
engine (then ``global_groups`` is None: not read).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._config import (
    read_is_read_only, read_main_cf, read_listing)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._parse import (
    parse_list, parse_value, split_value)


def _strip_at(arguments):
    return dict((key.lstrip('@'), list(value if isinstance(value, list) else [value]))
                for key, value in (arguments or {}).items())


def view_from_maincf(config):
    cluster = config.get('cluster') or {}
    attributes = cluster.get('attributes') or {}
    heartbeats = {}
    for name, hb in (config.get('heartbeats') or {}).items():
        heartbeats[name] = {'clusters': list(hb.get('ClusterList') or []), 'arguments': _strip_at(hb.get('Arguments'))}
    global_groups = {}
    for name, group in (config.get('groups') or {}).items():
        clusters = (group.get('attributes') or {}).get('ClusterList')
        if clusters:
            global_groups[name] = list(clusters)
    return {'cluster': cluster.get('name'), 'cluster_address': attributes.get('ClusterAddress') or '',
            'remotes': dict((name, (attrs or {}).get('ClusterAddress', '')) for name, attrs in
                            (config.get('remoteclusters') or {}).items()),
            'heartbeats': heartbeats, 'global_groups': global_groups}


def view_from_cli(runner):
    names = [row[0] for row in parse_list(runner.read(['haclus', '-list'])[1]) if row]
    local = parse_value(runner.read(['haclus', '-value', 'ClusterName'])[1])
    remotes = dict((name, parse_value(runner.read(['haclus', '-value', 'ClusterAddress', name])[1]))
                   for name in names if name != local)
    heartbeats = {}
    for row in parse_list(read_listing(runner, ['hahb', '-list'], None)):
        if not row:
            continue
        clusters = split_value(parse_value(runner.read(['hahb', '-value', row[0], 'ClusterList'])[1]))
        arguments = dict((remote, split_value(parse_value(runner.read(
            ['hahb', '-value', row[0], 'Arguments', '-clus', remote])[1]))) for remote in clusters)
        heartbeats[row[0]] = {'clusters': clusters, 'arguments': arguments}
    return {'cluster': local, 'cluster_address': parse_value(runner.read(['haclus', '-value', 'ClusterAddress'])[1]),
            'remotes': remotes, 'heartbeats': heartbeats, 'global_groups': None}


def read_view(runner):
    """(view, read_only)."""
    if read_is_read_only(runner):
        return view_from_maincf(read_main_cf()), True
    return view_from_cli(runner), False


def plan_remote(view, params):
    """(commands, after view) for the task; PlanError when it is refused."""
    name, address, heartbeat = params['name'], params['address'], params['heartbeat']
    if name == view['cluster']:
        raise PlanError('%s is this cluster; a remote cluster is another cluster of the global cluster' % name)
    commands = []
    after = {'cluster': view['cluster'], 'cluster_address': view['cluster_address'], 'remotes': dict(view['remotes']),
             'heartbeats': dict((hb, {'clusters': list(v['clusters']), 'arguments': dict(v['arguments'])})
                                for hb, v in view['heartbeats'].items()),
             'global_groups': view['global_groups']}
    if params.get('cluster_address') and params['cluster_address'] != view['cluster_address']:
        commands.append(['haclus', '-modify', 'ClusterAddress', params['cluster_address']])
        after['cluster_address'] = params['cluster_address']
    if params['state'] == 'absent':
        return commands + _remove(view, name, params, after), after
    if not address:
        raise PlanError('address (the ClusterAddress of cluster %s) is required with state=present' % name)
    if not (view['cluster_address'] or params.get('cluster_address')):
        raise PlanError('this cluster has no ClusterAddress yet; give cluster_address (its virtual IP for the '
                        'wide-area connector)')
    if name not in view['remotes']:
        commands.append(['haclus', '-add', name, address])
    elif view['remotes'][name] != address:
        commands.append(['haclus', '-modify', 'ClusterAddress', address, '-clus', name])
    after['remotes'][name] = address
    if heartbeat:
        hb = after['heartbeats'].get(heartbeat)
        if hb is None:
            commands.append(['hahb', '-add', heartbeat])
            hb = after['heartbeats'][heartbeat] = {'clusters': [], 'arguments': {}}
        if name not in hb['clusters']:
            hb['clusters'] = hb['clusters'] + [name]
            commands.append(['hahb', '-modify', heartbeat, 'ClusterList'] + hb['clusters'])
        if hb['arguments'].get(name) != [address]:
            commands.append(['hahb', '-modify', heartbeat, 'Arguments', address, '-clus', name])
            hb['arguments'][name] = [address]
    return commands, after


def _remove(view, name, params, after):
    if name not in view['remotes']:
        return []
    users = sorted(group for group, clusters in (view['global_groups'] or {}).items() if name in clusters)
    if users and not params.get('force'):
        raise PlanError('remote cluster %s is in the ClusterList of %s; take it out of those groups first, or '
                        'force=true' % (name, ', '.join(users)))
    commands = []
    for hb_name, hb in sorted(after['heartbeats'].items()):
        if name in hb['clusters']:
            rest = [cluster for cluster in hb['clusters'] if cluster != name]
            commands.append(['hahb', '-modify', hb_name, 'ClusterList'] + rest if rest else ['hahb', '-delete', hb_name])
            if rest:
                hb['clusters'] = rest
                hb['arguments'].pop(name, None)
            else:
                del after['heartbeats'][hb_name]
    commands.append(['haclus', '-delete', name])
    del after['remotes'][name]
    return commands
