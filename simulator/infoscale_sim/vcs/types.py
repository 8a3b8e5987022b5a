"""Bundled resource types, the attributes every resource has, and the simulated agent times.

Type attribute names follow the Bundled Agents Reference (Linux) as listed in
reference §6, §8.5 and §9; defaults marked [recon] are from memory of types.cf.
ONLINE_TIME/OFFLINE_TIME are simulated seconds (scaled by the estate speed), overridable
per type in the estate file (vcs: online_times / offline_times) and per resource
(`infoscale-sim timing`).
"""
from .attrs import attr

S, I, B = "str", "int", "boolean"


def _type(arglist, *attributes, operations="OnOff"):
    return {"attrs": {a["name"]: a for a in attributes}, "arglist": list(arglist), "operations": operations}


TYPES = {
    "Application": _type(
        ["User", "StartProgram", "StopProgram", "CleanProgram", "MonitorProgram", "PidFiles",
         "MonitorProcesses", "EnvFile", "UseSUDash"],
        attr("User"), attr("StartProgram"), attr("StopProgram"), attr("CleanProgram"),
        attr("MonitorProgram"), attr("PidFiles", dim="vector"), attr("MonitorProcesses", dim="vector"),
        attr("EnvFile"), attr("UseSUDash", B)),
    "Process": _type(
        ["PathName", "Arguments", "UseSUDash"],
        attr("PathName"), attr("Arguments"), attr("UseSUDash", B)),
    "Mount": _type(
        ["MountPoint", "BlockDevice", "FSType", "MountOpt", "FsckOpt", "SnapUmount", "CkptUmount",
         "SecondLevelMonitor", "SecondLevelTimeout", "OptCheck", "CreateMntPt", "MntPtPermission",
         "MntPtOwner", "MntPtGroup", "AccessPermissionChk", "RecursiveMnt", "VxFSMountLock",
         "ReuseMntPt", "CacheRestoreAccess"],
        attr("MountPoint"), attr("BlockDevice"), attr("FSType"), attr("MountOpt"), attr("FsckOpt"),
        attr("SnapUmount", I), attr("CkptUmount", I, default=1), attr("SecondLevelMonitor", B),
        attr("SecondLevelTimeout", I, default=30), attr("OptCheck", I), attr("CreateMntPt", I),
        attr("MntPtPermission"), attr("MntPtOwner"), attr("MntPtGroup"),
        attr("AccessPermissionChk", I), attr("RecursiveMnt", B), attr("VxFSMountLock", I, default=1),
        attr("ReuseMntPt", I), attr("CacheRestoreAccess", B)),
    "DiskGroup": _type(
        ["DiskGroup", "StartVolumes", "StopVolumes", "MonitorOnly", "MonitorReservation",
         "tempUseFence", "PanicSystemOnDGLoss", "UmountVolumes", "Reservation", "ClearClone",
         "DiskGroupType"],
        attr("DiskGroup"), attr("StartVolumes", B, default=1), attr("StopVolumes", B, default=1),
        attr("MonitorReservation", B), attr("tempUseFence", default="INVALID"),
        attr("PanicSystemOnDGLoss", I), attr("UmountVolumes", I), attr("Reservation", default="ClusterDefault"),
        attr("ClearClone", B), attr("DiskGroupType", default="private")),
    "Volume": _type(
        ["Volume", "DiskGroup"],
        attr("DiskGroup"), attr("Volume")),
    "IP": _type(
        ["Device", "Address", "NetMask", "PrefixLen", "Options", "IPOptions", "IPRouteOptions"],
        attr("Device"), attr("Address"), attr("NetMask"), attr("PrefixLen", I, default=1000),
        attr("Options"), attr("IPOptions"), attr("IPRouteOptions")),
    "NIC": _type(
        ["Device", "PingOptimize", "Mii", "NetworkHosts", "Protocol", "NetworkType"],
        attr("Device"), attr("PingOptimize", I, default=1), attr("Mii", I, default=1),
        attr("NetworkHosts", dim="vector"), attr("Protocol", default="IPv4"), attr("NetworkType")),
    "Phantom": _type([]),
    "Proxy": _type(
        ["TargetResName", "TargetSysName"],
        attr("TargetResName"), attr("TargetSysName")),
    "KVMGuest": _type(
        ["GuestName", "DelayAfterGuestOnline", "DelayAfterGuestOffline", "GuestConfigFilePath",
         "SyncDir", "CEInfo", "RHEVMInfo", "DROpts", "MigrateWaitLimit", "MigrateTimeout"],
        attr("GuestName"), attr("DelayAfterGuestOnline", I, default=5),
        attr("DelayAfterGuestOffline", I, default=30), attr("GuestConfigFilePath"), attr("SyncDir"),
        attr("CEInfo", dim="assoc", default={"Enabled": "0", "CESystem": "NONE", "FaultOnHBLoss": "1"}),
        attr("RHEVMInfo", dim="assoc", default={"Enabled": "0", "URL": "NONE", "User": "NONE",
                                                "Password": "NONE", "Cluster": "NONE",
                                                "UseManualRHEVMFencing": "0"}),
        attr("DROpts", dim="assoc", default={"ConfigureNetwork": "0", "IPAddress": "", "Netmask": "",
                                             "Gateway": "", "DNSServers": "", "DNSSearchPath": "",
                                             "Device": ""}),
        attr("MigrateWaitLimit", I, default=2), attr("MigrateTimeout", I, default=300)),
    # VVR agents (§8.5): the types exist now; their agent behaviour comes with replication.
    "RVG": _type(
        ["RVG", "DiskGroup", "StorageRVG", "StorageDG", "StorageHostIds"],
        attr("RVG"), attr("DiskGroup"), attr("StorageRVG"), attr("StorageDG"),
        attr("StorageHostIds", dim="keylist")),
    "RVGPrimary": _type(
        ["RvgResourceName", "AutoTakeover", "AutoResync", "BunkerSyncTimeOut", "BunkerSyncElapsedTime"],
        attr("RvgResourceName"), attr("AutoTakeover", I, default=1), attr("AutoResync", I),
        attr("BunkerSyncTimeOut"), attr("BunkerSyncElapsedTime", I)),
    "RVGSnapshot": _type(
        ["RvgResourceName", "CacheObj", "Prefix", "DestroyOnOffline", "FDFile"],
        attr("RvgResourceName"), attr("CacheObj"), attr("Prefix"), attr("DestroyOnOffline", I, default=1),
        attr("FDFile")),
}

# Attributes of every resource. "Group"/"Type" and the per-system dynamic ones are
# shown by hares -display but cannot be modified.
COMMON = {a["name"]: a for a in (
    attr("AutoStart", I, default=1), attr("ComputeStats", B), attr("Critical", B, default=1),
    attr("Enabled", B, default=1), attr("MonitorOnly", B), attr("ResourceOwner"),
    attr("ResourceRecipients", dim="assoc"), attr("TriggerEvent", B), attr("TriggersEnabled", dim="keylist"),
)}
READONLY_RES = ("Group", "Type", "LastOnline", "State", "IState", "Probed", "Flags",
                "ConfidenceLevel", "ResourceInfo", "Start", "Signaled", "Path", "MonitorMethod")

# Static type attributes (hatype -display) shared by every type [recon values].
TYPE_STATIC = {"MonitorInterval": 60, "OfflineMonitorInterval": 300, "OnlineTimeout": 300,
               "OfflineTimeout": 300, "RestartLimit": 0, "ToleranceLimit": 0,
               "OnlineRetryLimit": 0, "SourceFile": "./types.cf"}
TYPE_TIMEOUTS = {"KVMGuest": {"OnlineTimeout": 420, "OfflineTimeout": 420},
                 "DiskGroup": {"OnlineTimeout": 300, "OfflineTimeout": 300}}

# Simulated agent times (seconds at speed 1).
ONLINE_TIME = {"Application": 5, "Process": 2, "Mount": 2, "DiskGroup": 3, "Volume": 1, "IP": 1,
               "NIC": 0.5, "Phantom": 0, "Proxy": 0.5, "KVMGuest": 10, "RVG": 2, "RVGPrimary": 2,
               "RVGSnapshot": 5}
OFFLINE_TIME = {"Application": 3, "Process": 1, "Mount": 1, "DiskGroup": 2, "Volume": 1, "IP": 1,
                "NIC": 0.5, "Phantom": 0, "Proxy": 0.5, "KVMGuest": 5, "RVG": 1, "RVGPrimary": 0,
                "RVGSnapshot": 3}
DEFAULT_TIME = 1


def definition(type_name, attr_name):
    """The definition of a resource attribute (type-specific or common), or None."""
    found = TYPES[type_name]["attrs"].get(attr_name)
    return found or COMMON.get(attr_name)
