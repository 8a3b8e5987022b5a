# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What the modules know about VCS attributes: their dimension and default value.

An attribute definition is ``(dimension, default, static)``: dimension is one of
'scalar', 'keylist', 'vector', 'association' (the words parse_maincf uses for types.cf);
the default is the value of an attribute absent from main.cf, in main.cf's text form
(scalar: str, keylist/vector: list, association: dict); static attributes belong to the
type and a resource needs ``hares -override`` before it can have its own value.

The built-in tables hold the group attributes, the attributes every resource has, and the
bundled types the collection uses. Names and defaults follow the Cluster Server
Administrator's Guide and Bundled Agents Reference (7.x, Linux) as remembered [gk]; the
per-type static defaults are [recon]. The type definitions found in the node's own
``types.cf`` files (``Catalog.add_types``) take precedence, so custom agent types
(``include "DRBDPrimaryTypes.cf"``) and product defaults are known exactly where the files
are there.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

SCALAR, KEYLIST, VECTOR, ASSOCIATION = 'scalar', 'keylist', 'vector', 'association'
DIMENSIONS = (SCALAR, KEYLIST, VECTOR, ASSOCIATION)


def _s(default=''):
    return (SCALAR, default, False)


def _k():
    return (KEYLIST, [], False)


def _v():
    return (VECTOR, [], False)


def _a():
    return (ASSOCIATION, {}, False)


def _static(definition):
    return (definition[0], definition[1], True)


# Service group attributes a configuration sets (runtime ones such as State, Probed,
# IntentOnline or TFrozen are not configuration and are left out).
GROUP_ATTRIBUTES = {
    'AdministratorGroups': _k(), 'Administrators': _k(), 'Authority': _s('0'),
    'AutoClearInterval': _s('0'), 'AutoFailOver': _s('1'), 'AutoRestart': _s('1'),
    'AutoStart': _s('1'), 'AutoStartIfPartial': _s('1'), 'AutoStartList': _k(),
    'AutoStartPolicy': _s('Order'), 'ClusterFailOverPolicy': _s('Manual'), 'ClusterList': _a(),
    'ContainerInfo': _a(), 'Enabled': _s('1'), 'Evacuate': _s('1'),
    'FailOverPolicy': _s('Priority'), 'FaultPropagation': _s('1'), 'Frozen': _s('0'),
    'GroupOwner': _s(), 'GroupRecipients': _a(), 'Guests': _k(), 'Load': _s('0'),
    'ManageFaults': _s('ALL'), 'ManualOps': _s('1'), 'OnlineClearParent': _s('0'),
    'OnlineRetryInterval': _s('0'), 'OnlineRetryLimit': _s('0'), 'OperatorGroups': _k(),
    'Operators': _k(), 'Parallel': _s('0'), 'PreOnline': _s('0'), 'PreOnlineTimeout': _s('300'),
    'Prerequisites': _a(), 'PreSwitch': _s('0'), 'PreSwitchTimeout': _s('300'),
    'Priority': _s('0'), 'PrintTree': _s('1'), 'SourceFile': _s('./main.cf'),
    'SysDownPolicy': _k(), 'SystemList': _a(), 'SystemZones': _a(), 'TriggerEvent': _s('0'),
    'TriggerPath': _s(), 'TriggerResFault': _s('1'), 'TriggerResRestart': _s('0'),
    'TriggerResStateChange': _s('0'), 'TriggersEnabled': _k(), 'TypeDependencies': _k(),
    'UserAssoc': _a(), 'UserIntGlobal': _s('0'), 'UserIntLocal': _s('0'),
    'UserStrGlobal': _s(), 'UserStrLocal': _s(),
}

# Set through vcs_service_group's own options or another module, never through `attributes`.
GROUP_OPTION_ATTRIBUTES = {
    'SystemList': 'the system_list option', 'AutoStartList': 'the autostart_list option',
    'Parallel': 'the parallel option', 'Frozen': 'continuum.infoscale.vcs_group_state',
    'ClusterList': 'the cluster_list option', 'ClusterFailOverPolicy': 'the cluster_failover_policy option',
}

# Attributes of every resource. Enabled defaults to 1 in main.cf: a resource written in
# the file is enabled unless it says Enabled = 0 (one added with hares -add starts at 0).
RESOURCE_ATTRIBUTES = {
    'Critical': _s('1'), 'Enabled': _s('1'), 'ComputeStats': _s('0'), 'ContainerInfo': _a(),
    'ResourceOwner': _s(), 'ResourceRecipients': _a(), 'TriggerPath': _s(),
    'TriggerResRestart': _s('0'), 'TriggerResStateChange': _s('0'), 'TriggersEnabled': _k(),
}

RESOURCE_OPTION_ATTRIBUTES = {'Critical': 'critical', 'Enabled': 'enabled'}

# Type attributes every type has, static: overridable per resource (hares -override).
STATIC_ATTRIBUTES = {
    'ActionTimeout': _s('30'), 'AlertOnMonitorTimeouts': _s('0'), 'CleanRetryLimit': _s('0'),
    'CleanTimeout': _s('60'), 'CloseTimeout': _s('60'), 'ConfInterval': _s('600'),
    'ExternalStateChange': _k(), 'FaultOnMonitorTimeouts': _s('4'), 'FaultPropagation': _s('1'),
    'InfoInterval': _s('0'), 'InfoTimeout': _s('30'), 'IntentionalOffline': _s('0'),
    'LevelTwoMonitorFreq': _s('0'), 'LogDbg': _k(), 'LogFileSize': _s('33554432'),
    'MonitorInterval': _s('60'), 'MonitorTimeout': _s('60'), 'NumThreads': _s('10'),
    'OfflineMonitorInterval': _s('300'), 'OfflineTimeout': _s('300'), 'OfflineWaitLimit': _s('0'),
    'OnlineRetryLimit': _s('0'), 'OnlineTimeout': _s('300'), 'OnlineWaitLimit': _s('2'),
    'OpenTimeout': _s('60'), 'RestartLimit': _s('0'), 'ToleranceLimit': _s('0'),
}
STATIC_ATTRIBUTES = dict((name, _static(d)) for name, d in STATIC_ATTRIBUTES.items())

# Resource attributes that only report what the engine sees (hares -display shows them).
RUNTIME_RESOURCE_ATTRIBUTES = frozenset((
    'ArgListValues', 'ConfidenceLevel', 'ConfidenceMsg', 'Flags', 'Group', 'IState',
    'LastOnline', 'MonitorMethod', 'MonitorOnly', 'MonitorTimeStats', 'Path', 'Probed',
    'ResourceInfo', 'Signaled', 'Start', 'State', 'TriggerEvent', 'Type', 'ArgList',
    'SupportedActions', 'AgentClass', 'AgentPriority', 'AgentReplyTimeout', 'AgentStartTimeout',
    'AgentDirectory', 'AgentFile', 'ScriptClass', 'ScriptPriority', 'SourceFile', 'IMF',
    'IMFRegList', 'AdvDbg', 'EPClass', 'EPPriority', 'OnlineClass', 'OnlinePriority',
    'OfflineClass', 'OfflinePriority', 'MonitorStatsParam', 'ContainerOpts',
))

TYPES = {
    'Application': {
        'User': _s('root'), 'StartProgram': _s(), 'StopProgram': _s(), 'CleanProgram': _s(),
        'MonitorProgram': _s(), 'PidFiles': _v(), 'MonitorProcesses': _v(), 'EnvFile': _s(),
        'UseSUDash': _s('0'),
    },
    'Process': {'PathName': _s(), 'Arguments': _s(), 'PidFile': _s()},
    'Mount': {
        'MountPoint': _s(), 'BlockDevice': _s(), 'FSType': _s(), 'MountOpt': _s(), 'FsckOpt': _s(),
        'SnapUmount': _s('0'), 'CkptUmount': _s('1'), 'CacheRestoreAccess': _s('0'),
        'SecondLevelMonitor': _s('0'), 'SecondLevelTimeout': _s('30'), 'VxFSMountLock': _s('1'),
        'RecursiveMnt': _s('0'), 'CreateMntPt': _s('0'), 'MntPtPermission': _s(),
        'MntPtOwner': _s(), 'MntPtGroup': _s(), 'AccessPermissionChk': _s('0'),
        'OptCheck': _s('0'), 'ReuseMntPt': _s('0'),
    },
    'DiskGroup': {
        'DiskGroup': _s(), 'StartVolumes': _s('1'), 'StopVolumes': _s('1'),
        'MonitorReservation': _s('0'), 'PanicSystemOnDGLoss': _s('0'),
        'DiskGroupType': _s('private'), 'UmountVolumes': _s('0'),
        'Reservation': _s('ClusterDefault'), 'ClearClone': _s('0'),
        'NumThreads': _static(_s('1')), 'OnlineRetryLimit': _static(_s('1')),   # [recon]
    },
    'Volume': {'Volume': _s(), 'DiskGroup': _s(), 'NumThreads': _static(_s('1'))},   # [recon]
    'IP': {
        'Device': _s(), 'Address': _s(), 'NetMask': _s(), 'PrefixLen': _s('1000'),
        'Options': _s(), 'IPOptions': _s(), 'IPRouteOptions': _s(),
    },
    'NIC': {'Device': _s(), 'NetworkHosts': _v(), 'PingOptimize': _s('1'), 'NetworkType': _s()},
    'Phantom': {},
    'Proxy': {'TargetResName': _s(), 'TargetSysName': _s()},
    'KVMGuest': {
        'GuestName': _s(), 'DelayAfterGuestOnline': _s('5'), 'DelayAfterGuestOffline': _s('30'),
        'SyncDir': _s(), 'GuestConfigFilePath': _s(), 'CEInfo': _a(), 'RHEVMInfo': _a(),
        'DROpts': _a(), 'ResourceSet': _a(), 'MigrateWaitLimit': _s('2'), 'MigrateTimeout': _s('300'),
    },
    'RVG': {'RVG': _s(), 'DiskGroup': _s(), 'StorageRVG': _s(), 'StorageDG': _s(),
            'StorageHostIds': _s()},
    'RVGPrimary': {'RvgResourceName': _s(), 'AutoTakeover': _s('1'), 'AutoResync': _s('0'),
                   'BunkerSyncTimeOut': _s()},
    'RVGSnapshot': {'RvgResourceName': _s(), 'CacheObj': _s(), 'Prefix': _s(),
                    'DestroyOnOffline': _s('1')},
}


def _empty_default(dimension, datatype):
    if dimension in (KEYLIST, VECTOR):
        return []
    if dimension == ASSOCIATION:
        return {}
    return '0' if datatype in ('int', 'boolean') else ''


def definition_from_typescf(attr):
    """A parse_typescf attribute definition -> (dimension, default, static); None for temp
    attributes (runtime values, never configuration)."""
    if attr.get('temp'):
        return None
    dimension = attr.get('dimension', SCALAR)
    if 'default' in attr and not attr.get('expression'):
        default = attr['default']
        if dimension in (KEYLIST, VECTOR) and not isinstance(default, list):
            default = [] if default in ('', {}) else [default]
        elif dimension == ASSOCIATION and not isinstance(default, dict):
            default = {}
    else:
        default = _empty_default(dimension, attr.get('type'))
    return (dimension, default, bool(attr.get('static')))


class Catalog:
    """Attribute definitions of groups and resource types."""

    def __init__(self):
        self.types = dict((name, dict(attrs)) for name, attrs in TYPES.items())

    def add_types(self, parsed_types):
        """Definitions from a types.cf (parse_typescf) replace the built-in ones of a type."""
        for name, definition in (parsed_types or {}).items():
            attributes = {}
            for attr_name, attr in (definition.get('attributes') or {}).items():
                converted = definition_from_typescf(attr)
                if converted is not None:
                    attributes[attr_name] = converted
            self.types[name] = attributes

    def knows_type(self, type_name):
        return type_name in self.types

    def type_names(self):
        return sorted(self.types)

    def group_attribute(self, name):
        return GROUP_ATTRIBUTES.get(name)

    def resource_attribute(self, type_name, name):
        """(dimension, default, static) of ``name`` for a resource of ``type_name``; None
        when unknown (also when the type is unknown)."""
        attrs = self.types.get(type_name)
        if attrs is None:
            return None
        if name in attrs:
            return attrs[name]
        return RESOURCE_ATTRIBUTES.get(name) or STATIC_ATTRIBUTES.get(name)

    def resource_attribute_names(self, type_name):
        names = set(self.types.get(type_name) or ())
        names.update(RESOURCE_ATTRIBUTES)
        names.update(STATIC_ATTRIBUTES)
        return sorted(names)
