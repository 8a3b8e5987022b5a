"""Dispatch table: simulated command name -> (module, function).

Handlers are imported lazily so each shim call loads only the module it needs.
A handler is `function(call, args) -> rc` (see entry.Call); it prints through the call
object and raises errors.CommandFailed to fail without changing state.
A new command is one row here; a shim appears for it at the next `init`. Before every
handler, vcs.hooks.before_command refuses commands on a crashed node and lets the node's
cluster catch up with simulated time.
"""

COMMANDS = {
    "vxdisksetup": ("infoscale_sim.vxvm.cmd_vxdisksetup", "vxdisksetup"),
    "vxdiskunsetup": ("infoscale_sim.vxvm.cmd_vxdisksetup", "vxdiskunsetup"),
    "vxdisk": ("infoscale_sim.vxvm.cmd_vxdisk", "vxdisk"),
    "vxdg": ("infoscale_sim.vxvm.cmd_vxdg", "vxdg"),
    "vxassist": ("infoscale_sim.vxvm.cmd_vxassist", "vxassist"),
    "vxresize": ("infoscale_sim.vxvm.cmd_vxresize", "vxresize"),
    "vxprint": ("infoscale_sim.vxvm.cmd_vxprint", "vxprint"),
    "vxedit": ("infoscale_sim.vxvm.cmd_vxedit", "vxedit"),
    "vxvol": ("infoscale_sim.vxvm.cmd_vxvol", "vxvol"),
    "vxsnap": ("infoscale_sim.vxvm.cmd_vxsnap", "vxsnap"),
    "vxmake": ("infoscale_sim.vxvm.cmd_vxmake", "vxmake"),
    "vxcache": ("infoscale_sim.vxvm.cmd_vxcache", "vxcache"),
    "haconf": ("infoscale_sim.vcs.cmd_haconf", "haconf"),
    "hagrp": ("infoscale_sim.vcs.cmd_hagrp", "hagrp"),
    "hares": ("infoscale_sim.vcs.cmd_hares", "hares"),
    "hasys": ("infoscale_sim.vcs.cmd_hasys", "hasys"),
    "haclus": ("infoscale_sim.vcs.cmd_haclus", "haclus"),
    "hastatus": ("infoscale_sim.vcs.cmd_hastatus", "hastatus"),
    "hatype": ("infoscale_sim.vcs.cmd_hatype", "hatype"),
    "hahb": ("infoscale_sim.vcs.cmd_hahb", "hahb"),
    "virsh": ("infoscale_sim.kvm.cmd_virsh", "virsh"),
    "vradmin": ("infoscale_sim.vvr.cmd_vradmin", "vradmin"),
    "vxrlink": ("infoscale_sim.vvr.cmd_vxrlink", "vxrlink"),
    "vxrvg": ("infoscale_sim.vvr.cmd_vxrvg", "vxrvg"),
}


def handler(name):
    import importlib

    module_name, function = COMMANDS[name]
    return getattr(importlib.import_module(module_name), function)
