"""VxVM messages and exit codes in one place.

Known from real captures (samples/, reference §0.2, §2.3, §3): V-5-1-2349, 2275 (rc 11),
584, 582, 607 (rc 9 for vxvol), 926 (rc 11), 15809, "Record already exists" (rc 12),
V-5-2-3522 (rc 1), "Disk group exists and is imported", "Disk cannot be reinitialized.",
"Maximum volume size: N (NMb)". Everything marked [recon] is reconstructed: the text
follows the product's style but the exact wording, V-number or exit code is unconfirmed.
"""
from ..errors import CommandFailed, vxvm_error, vxvm_script_error

RC_FAIL = 1            # [recon] generic failure exit code
RC_USAGE = 1           # [recon] usage errors
RC_NOT_FOUND = 11      # record / disk group not found (V-5-1-2275, V-5-1-926)
RC_EXISTS = 12         # Record already exists
RC_DG_NOT_FOUND = 9    # V-5-1-607 (vxvol)

USAGE_CODE = {          # [recon] V-numbers of the usage messages
    "vxdisk": 2, "vxdg": 2, "vxassist": 2, "vxresize": 2, "vxprint": 2,
    "vxedit": 2, "vxvol": 2, "vxdisksetup": 2, "vxdiskunsetup": 2,
    "vxsnap": 2, "vxmake": 2, "vxcache": 2,
}

SYNOPSIS = {
    "vxdisk": [
        "vxdisk [-f] [-g diskgroup] [-o alldgs] [-e] list [disk ...]",
        "vxdisk scandisks",
    ],
    "vxdg": [
        "vxdg [-s] [-T version] init diskgroup [medianame=]accessname ... [cds=on|off]",
        "vxdg [-g diskgroup] adddisk [medianame=]accessname ...",
        "vxdg [-g diskgroup] [-k] rmdisk medianame ...",
        "vxdg [-Cfst] [-n newname] import diskgroup",
        "vxdg deport diskgroup ...",
        "vxdg destroy diskgroup ...",
        "vxdg [-q] list [diskgroup ...]",
        "vxdg [-g diskgroup] free [medianame ...]",
    ],
    "vxassist": [
        "vxassist [-b] [-f] [-U usetype] [-g diskgroup] make volume length [attribute ...]",
        "vxassist [-b] [-g diskgroup] growto|growby volume length [attribute ...]",
        "vxassist [-f] [-g diskgroup] shrinkto|shrinkby volume length",
        "vxassist [-g diskgroup] remove volume volume",
        "vxassist [-g diskgroup] maxsize [attribute ...]",
        "vxassist [-g diskgroup] maxgrow volume [attribute ...]",
    ],
    "vxresize": ["vxresize [-bsx] [-F fstype] [-g diskgroup] volume [+|-]length [medianame ...]"],
    "vxprint": [
        "vxprint [-AdfGhlmnpqrstv] [-F [type:]format-spec] [-g diskgroup] [-u unit] [name ...]",
    ],
    "vxedit": ["vxedit [-g diskgroup] [-f] [-r] rm name ..."],
    "vxvol": [
        "vxvol [-f] [-g diskgroup] start|stop volume ...",
        "vxvol [-f] [-g diskgroup] startall|stopall",
    ],
    "vxdisksetup": ["vxdisksetup [-f] [-i] [-v] accessname [format=cdsdisk|simple|sliced] [privlen=length]"],
    "vxdiskunsetup": ["vxdiskunsetup [-C] [-f] accessname ..."],
    "vxsnap": [
        "vxsnap [-g diskgroup] [-b] prepare volume [ndcomirs=number] [regionsize=size]",
        "vxsnap [-g diskgroup] [-f] unprepare volume",
        "vxsnap [-g diskgroup] [-b] make source=volume/newvol=snapvol/cache=cacheobject|"
        "cachesize=size ...",
        "vxsnap [-g diskgroup] [-b] make source=volume/snapvol=snapvol[/sync=yes|no] ...",
        "vxsnap [-g diskgroup] refresh snapvol [source=volume]",
        "vxsnap [-g diskgroup] restore volume source=snapvol [destroy=yes|no]",
        "vxsnap [-g diskgroup] dis snapvol",
        "vxsnap [-g diskgroup] syncwait volume",
        "vxsnap [-g diskgroup] list [volume ...]",
        "vxsnap [-g diskgroup] print [volume ...]",
    ],
    "vxmake": [
        "vxmake [-g diskgroup] cache cacheobject cachevolname=volume [regionsize=size] "
        "[autogrow=on|off] [highwatermark=percent] [autogrowby=size] [maxautogrow=size]",
    ],
    "vxcache": [
        "vxcache [-g diskgroup] start cacheobj ...",
        "vxcache [-f] [-g diskgroup] stop cacheobj ...",
        "vxcache [-g diskgroup] stat [cacheobj ...]",
        "vxcache [-g diskgroup] growcacheto cacheobj newlength",
        "vxcache [-g diskgroup] growcacheby cacheobj lengthchange",
        "vxcache [-g diskgroup] set attribute=value ... cacheobj ...",
    ],
}


def usage(cmd, problems=()):
    """Usage error: optional problem lines ('vxdg: illegal option -- z'), then the synopsis."""
    lines = ["%s: %s" % (cmd, p) for p in problems]
    synopsis = SYNOPSIS[cmd]
    lines.append("VxVM %s ERROR V-5-1-%d Usage: %s" % (cmd, USAGE_CODE[cmd], synopsis[0]))
    lines.extend("       %s" % s for s in synopsis[1:])
    return CommandFailed(RC_USAGE, *lines)


def usage_for(cmd):
    return lambda problems: usage(cmd, problems)


def no_such_dg(cmd, dg):
    """V-5-1-2275, rc 11 (sample vxvm_error_messages_1: vxdg destroy)."""
    return vxvm_error(cmd, 2275, "vxdg: Disk group %s: No such disk group" % dg, RC_NOT_FOUND)


def dg_not_found(cmd, dg):
    """V-5-1-607 rc 9 (vxvol in sample); [recon] for vxassist, vxedit, vxresize, vxdisk."""
    return vxvm_error(cmd, 607, "Diskgroup %s not found" % dg, RC_DG_NOT_FOUND)


def vxprint_no_dg(dg):
    """V-5-1-582 text from a real stderr (LITP tests); rc 11 [recon]."""
    return vxvm_error("vxprint", 582, "Disk group %s: No such disk group" % dg, RC_NOT_FOUND)


def record_not_in_dg(cmd, name):
    """V-5-1-926 rc 11 (vxedit in sample)."""
    return vxvm_error(cmd, 926, "Record %s not in disk group configuration" % name, RC_NOT_FOUND)


def record_exists(cmd, name):
    """rc 12, '... Record already exists in disk group' (LITP); V-number and first line [recon]."""
    return CommandFailed(RC_EXISTS, "VxVM %s ERROR V-5-1-10127 creating volume %s:" % (cmd, name),
                         "\tRecord already exists in disk group")


def cannot_allocate(cmd, length):
    """V-5-1-435 'Cannot allocate space for <n> block volume'; rc [recon]."""
    return vxvm_error(cmd, 435, "Cannot allocate space for %d block volume" % length, RC_FAIL)


def cannot_grow(cmd, length):
    """V-5-1-436 'Cannot allocate space to grow volume to <n> blocks' (LITP mock); rc [recon]."""
    return vxvm_error(cmd, 436, "Cannot allocate space to grow volume to %d blocks" % length, RC_FAIL)


def no_free_space(cmd, dg):
    """V-5-1-15809 (sample vxprint_g_1); rc [recon]."""
    return vxvm_error(cmd, 15809, "No free space remaining in diskgroup %s with given constraints" % dg,
                      RC_FAIL)


def shrink_refused(cmd):
    """V-5-1-7236 [recon wording]: fsgen volumes shrink only with -f (or through vxresize)."""
    return vxvm_error(cmd, 7236, 'Shrinking a FSGEN or RAID5 usetype volume can result in loss of '
                      'data. It is recommended to use the "vxresize" command or specify "-f" flag '
                      'to force the operation.', RC_FAIL)


def volume_not_found(cmd, vol):
    """[recon] V-number and rc."""
    return vxvm_error(cmd, 3102, "Volume %s not found" % vol, RC_NOT_FOUND)


def volume_open(cmd, vol, action):
    """[recon] refusing to stop/remove a volume that is open (mounted)."""
    return vxvm_error(cmd, 1242, "Volume %s is open, cannot %s" % (vol, action), RC_FAIL)


def dg_in_use(cmd, dg):
    """V-5-1-584 (real capture of vxdg deport)."""
    return vxvm_error(cmd, 584, "Disk group %s: Some volumes in the disk group are in use" % dg, RC_FAIL)


def disk_not_found(cmd, da):
    """[recon] V-5-1-558 'Disk not in the configuration', rc 11."""
    return vxvm_error(cmd, 558, "Disk %s: Disk not in the configuration" % da, RC_NOT_FOUND)


def not_vm_disk(cmd, da):
    """V-5-2-3522 rc 1 (vxdiskunsetup, sample vxvm_error_messages_1)."""
    return vxvm_script_error(cmd, 3522, "%s: Disk is not a volume manager disk" % da, 1)


def invalid_length(cmd, text):
    """[recon] rejected length operand."""
    return vxvm_error(cmd, 5297, "Invalid length: %s" % text, RC_FAIL)


# ------------------------------------------------------------- instant snapshots, caches

RC_SNAP_NOT_FOUND = 2     # vxsnap on a volume that does not exist (LITP: "snapshot already deleted")
RC_NOT_A_SNAPSHOT = 20    # vxsnap dis of a volume that is not (or no longer) a snapshot (LITP)


def already_instant_ready(vol):
    """Text from LITP and a support article ("is already instant ready"); code and rc [recon]."""
    return vxvm_error("vxsnap", 6700, "volume %s is already instant ready" % vol, RC_FAIL)


def not_instant_ready(cmd, vol):
    """[recon] V-number and rc."""
    return vxvm_error(cmd, 6151, "Volume %s is not instant ready" % vol, RC_FAIL)


def snap_volume_not_found(vol, dg):
    """[recon] text and V-number; rc 2 as LITP sees for a deleted snapshot."""
    return vxvm_error("vxsnap", 6143, "Volume %s not found in disk group %s" % (vol, dg),
                      RC_SNAP_NOT_FOUND)


def not_a_snapshot(vol):
    """[recon] text and V-number; rc 20 as LITP sees for vxsnap dis."""
    return vxvm_error("vxsnap", 6189, "Volume %s is not a snapshot volume" % vol, RC_NOT_A_SNAPSHOT)


def has_snapshots(cmd, vol, names):
    """[recon] refusing to remove/unprepare a volume that still has snapshots."""
    return vxvm_error(cmd, 6223, "Volume %s has snapshots (%s): remove or dissociate them first"
                      % (vol, ", ".join(names)), RC_FAIL)


def cache_exists(co):
    """rc 12, V-5-1-6317 (sample vxvm_error_messages_1)."""
    return vxvm_error("vxmake", 6317, "Cache %s already exists" % co, RC_EXISTS)


def cache_already_started(co):
    """rc 25, INFO V-5-1-6325 (sample vxvm_error_messages_1)."""
    return CommandFailed(25, "VxVM vxcache INFO V-5-1-6325 Cache %s is already started" % co)


def cache_already_stopped():
    """rc 26, V-5-1-6326 (sample vxvm_error_messages_1; the text names no cache)."""
    return vxvm_error("vxcache", 6326, "Cache is already stopped", 26)


def cache_not_found(cmd, co):
    """rc 11, V-5-1-6332 (sample vxvm_error_messages_1, vxcache stop)."""
    return vxvm_error(cmd, 6332, "Cache %s not in configuration" % co, RC_NOT_FOUND)


def cache_not_started(cmd, co):
    """[recon]"""
    return vxvm_error(cmd, 6329, "Cache %s is not started" % co, RC_FAIL)


def cache_in_use(cmd, co, names):
    """[recon] removing a cache object that snapshots use, without -r."""
    return vxvm_error(cmd, 6330, "Cache %s is in use by snapshots (%s): use -r to remove them "
                      "with the cache" % (co, ", ".join(names)), RC_FAIL)


def cachevol_in_use(cmd, vol, co):
    """[recon]"""
    return vxvm_error(cmd, 6331, "Volume %s is the cache volume of cache object %s" % (vol, co),
                      RC_FAIL)


def dcl_volume(cmd, vol, parent):
    """[recon] a DCO log volume goes with `vxsnap unprepare` of its parent."""
    return vxvm_error(cmd, 6152, "Volume %s is the DCO log volume of %s" % (vol, parent), RC_FAIL)


def bad_attribute(cmd, word):
    """[recon] unknown or badly formed attribute."""
    return vxvm_error(cmd, 1300, "Unrecognized attribute: %s" % word, RC_FAIL)


def bad_value(cmd, key, value):
    """[recon]"""
    return vxvm_error(cmd, 1299, "Invalid value for attribute %s: %s" % (key, value), RC_FAIL)
