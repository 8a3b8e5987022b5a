"""Fresh state documents of an estate, one per domain. Later products add factories here
(VVR, KVM)."""
from .vcs.fresh import vcs_domain
from .vxvm.model import fresh_domain as fresh_vxvm


def fresh_domains(estate):
    docs = {"hosts": {"down": {}}}
    settings = estate.get("vcs", {})
    for site in estate["sites"]:
        for cluster in site["clusters"]:
            docs["vxvm:" + cluster["name"]] = fresh_vxvm(cluster)
            docs["vcs:" + cluster["name"]] = vcs_domain(cluster, settings)
    return docs
