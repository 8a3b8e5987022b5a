"""Service group attributes: the configurable ones (with defaults), the dynamic ones
shown by hagrp -display, and the order hacf writes them in main.cf."""
from .attrs import attr

S, I, B = "str", "int", "boolean"

CONFIG = {a["name"]: a for a in (
    attr("AdministratorGroups", dim="keylist"), attr("Administrators", dim="keylist"),
    attr("Authority", I), attr("AutoFailOver", I, default=1), attr("AutoRestart", I, default=1),
    attr("AutoStart", B, default=1), attr("AutoStartIfPartial", B, default=1),
    attr("AutoStartList", dim="keylist"), attr("AutoStartPolicy", default="Order"),
    attr("ClusterFailOverPolicy", default="Manual"), attr("ClusterList", I, dim="assoc"),
    attr("Enabled", B, default=1), attr("Evacuate", B, default=1),
    attr("FailOverPolicy", default="Priority"), attr("Frozen", B), attr("Guests", dim="keylist"),
    attr("Load", I), attr("ManageFaults", default="ALL"), attr("OnlineRetryInterval", I),
    attr("OnlineRetryLimit", I), attr("Operators", dim="keylist"), attr("Parallel", I),
    attr("PreOnline", B), attr("Prerequisites", I, dim="assoc"), attr("Priority", I),
    attr("SourceFile", default="./main.cf"), attr("SysDownPolicy", dim="keylist"),
    attr("SystemList", I, dim="assoc"), attr("TriggersEnabled", dim="keylist"),
    attr("UserIntGlobal", I), attr("UserStrGlobal"),
)}

# Set only through -freeze/-unfreeze (Frozen persistent, TFrozen temporary).
NOT_MODIFIABLE = ("Frozen", "TFrozen")
# Shown by -display, never stored in main.cf, refused by -modify.
DYNAMIC_GLOBAL = ("CurrentCount", "IntentOnline", "LastSuccess", "TFrozen", "TargetCount")
PER_SYSTEM = ("AutoDisabled", "Probed", "ProbesPending", "State")

# main.cf order of the group block: SystemList first, then as in samples maincf_2/_6;
# the rest alphabetically [recon].
MAINCF_FIRST = ("SystemList", "AutoFailOver", "Parallel", "AutoStartList")
