"""Fresh state documents of an estate, one per domain."""
from .kvm.model import PREFIX as KVM_PREFIX, fresh_domain as fresh_kvm
from .vcs.fresh import vcs_domain
from .vvr.model import DOC as VVR_DOC, fresh_domain as fresh_vvr
from .vxvm.model import fresh_domain as fresh_vxvm


def fresh_domains(estate):
    docs = {"hosts": {"down": {}}}
    docs[VVR_DOC] = fresh_vvr(estate)   # replication links (faults); RVGs live in their disk groups
    settings = estate.get("vcs", {})
    for site in estate["sites"]:
        for cluster in site["clusters"]:
            docs["vxvm:" + cluster["name"]] = fresh_vxvm(cluster)
            docs["vcs:" + cluster["name"]] = vcs_domain(cluster, settings)
            docs[KVM_PREFIX + cluster["name"]] = fresh_kvm(cluster)
    return docs
