"""WAN heartbeat attributes (hahb): the configurable ones with their defaults [recon: names
and defaults after the VCS administrator's guide, heartbeat attributes for global clusters].

Arguments is always per remote cluster (`Arguments @clusB = { "10.20.1.100" }`); the other
attributes are global until `hahb -local` makes them per cluster. State is dynamic, one
value per cluster of the heartbeat's ClusterList.
"""
from .attrs import attr

INT = "int"

CONFIG = {a["name"]: a for a in (
    attr("AYAInterval", INT, default=60), attr("AYARetryLimit", INT, default=3), attr("AYATimeout", INT, default=30),
    attr("Arguments", dim="vector"), attr("CleanTimeOut", INT, default=300), attr("ClusterList", dim="keylist"),
    attr("InitTimeout", INT, default=300), attr("LogDbg", dim="keylist"), attr("StartTimeout", INT, default=300),
    attr("StopTimeout", INT, default=300),
)}
ALWAYS_LOCAL = ("Arguments",)
DYNAMIC = ("State",)
# main.cf order inside a heartbeat block: ClusterList first (reference 8.6), then the rest
# alphabetically [recon].
MAINCF_FIRST = ("ClusterList",)


def new_heartbeat():
    return {"attrs": {}, "local": {name: {} for name in ALWAYS_LOCAL}}
