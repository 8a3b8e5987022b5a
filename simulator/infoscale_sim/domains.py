"""Fresh state documents of an estate, one per domain. Later products add factories here
(VCS per cluster, VVR, KVM)."""
from .vxvm.model import fresh_domain as fresh_vxvm


def fresh_domains(estate):
    docs = {}
    for site in estate["sites"]:
        for cluster in site["clusters"]:
            docs["vxvm:" + cluster["name"]] = fresh_vxvm(cluster)
    return docs
