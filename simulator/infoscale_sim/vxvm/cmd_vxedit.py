"""vxedit [-g dg] [-r] [-f] rm <volume> ..."""
from ..errors import vxvm_error
from ..getopt import parse
from . import messages as msg
from .requests import disk_group
from .volumes import record_names

CMD = "vxedit"


def vxedit(call, args):
    opts, operands = parse(args, "fg:rv", msg.usage_for(CMD))
    if len(operands) < 2 or operands[0] != "rm":
        problem = ["%s: keyword not supported" % operands[0]] if operands and operands[0] != "rm" else []
        raise msg.usage(CMD, problem)
    _, dg = disk_group(call, CMD, opts)
    for name in operands[1:]:
        vol = dg["volumes"].get(name)
        if vol is None:
            if any(name in record_names(v) for v in dg["volumes"].values()):
                # [recon] removing single plexes / subdisks is not simulated
                raise vxvm_error(CMD, 1270, "Record %s: only volumes can be removed in this "
                                 "configuration" % name, msg.RC_FAIL)
            raise msg.record_not_in_dg(CMD, name)
        if vol.get("open"):
            raise msg.volume_open(CMD, name, "remove")
        if vol["kstate"] == "ENABLED" and not opts.has("f"):
            raise vxvm_error(CMD, 1268, "Volume %s is enabled, use -f flag to remove" % name,
                             msg.RC_FAIL)  # [recon]
        if vol["plexes"] and not opts.has("r"):
            raise vxvm_error(CMD, 1269, "Volume %s has associated plexes, use -r flag to remove "
                             "them" % name, msg.RC_FAIL)  # [recon]
        del dg["volumes"][name]
    return 0
