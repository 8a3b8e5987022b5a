"""VVR messages and exit codes in one place.

From captures or documentation (reference §8.4, sample vxrlink_status_doc_1): the vxrlink
status messages V-5-1-4640, V-5-1-4464 and V-5-1-4348 ("VxVM VVR vxrlink INFO ...").
vradmin uses the V-5-52 catalogue (`VxVM VVR vradmin ERROR V-5-52-<n> <text>`); "Operation
requires a disk group" and "vradmind server on host ... not responding" follow messages
remembered from real systems [gk]. Every other V-number, text and exit code here is
reconstructed ([recon]): the product's style, unconfirmed wording.
"""
from ..errors import CommandFailed

RC_FAIL = 1            # [recon] vradmin / vxrlink / vxrvg failures
RC_USAGE = 1           # [recon]
RC_NOT_FOUND = 11      # [recon] vxrlink / vxrvg: record not found (as VxVM's V-5-1-926)


class VvrError(Exception):
    """A refused VVR operation: `code` is the V-5-52 number vradmin prints, `text` the
    message. The API raises it; the commands print it in their own format."""

    def __init__(self, code, text):
        super().__init__(text)
        self.code = code
        self.text = text


def vradmin_failure(error):
    return CommandFailed(RC_FAIL, "VxVM VVR vradmin ERROR V-5-52-%d %s" % (error.code, error.text))


def vradmin_info(code, text):
    return "VxVM VVR vradmin INFO V-5-52-%d %s" % (code, text)


SYNOPSIS = {
    "vradmin": [
        "vradmin [-g diskgroup] [-nodcm] createpri rvg volume[,volume...] srl",
        "vradmin [-g diskgroup] [-nodcm] addsec rvg prihost sechost [attribute...]",
        "vradmin [-g diskgroup] [-a | -f] startrep rvg [sechost]",
        "vradmin [-g diskgroup] stoprep|pauserep|resumerep|resync rvg [sechost]",
        "vradmin [-g diskgroup] [-l] repstatus rvg",
        "vradmin [-g diskgroup] [-l] printrvg [rvg...]",
        "vradmin [-g diskgroup] printvol [rvg...]",
        "vradmin [-g diskgroup] set rvg [sechost] attribute=value...",
        "vradmin [-g diskgroup] [-s] migrate rvg [newprimary]",
        "vradmin [-g diskgroup] [-autofb | -N] takeover rvg",
        "vradmin [-g diskgroup] [-wait] fbsync rvg [cache=cacheobj | cachesize=size]",
        "vradmin [-g diskgroup] [-f] makesec rvg newprimary",
        "vradmin [-g diskgroup] delsec rvg [sechost]",
        "vradmin [-g diskgroup] [-f] delpri rvg",
        "vradmin [-g diskgroup] [-nodcm] addvol rvg volume",
        "vradmin [-g diskgroup] [-f] resizevol rvg volume length",
    ],
    "vxrlink": [
        "vxrlink [-g diskgroup] [-r rvg] status rlink",
        "vxrlink [-g diskgroup] [-r rvg] pause|resume|det rlink",
        "vxrlink [-a | -c checkpoint | -f] [-g diskgroup] [-r rvg] att rlink",
    ],
    "vxrvg": [
        "vxrvg [-g diskgroup] start|stop rvg",
        "vxrvg [-g diskgroup] resync rvg",
        "vxrvg [-g diskgroup] [-1] getrlinks|getdatavols rvg",
        "vxrvg [-g diskgroup] [-S] [-P prefix] snapshot rvg cache=cacheobject|cachesize=size",   # [recon]
        "vxrvg [-g diskgroup] [-P prefix] snapdestroy rvg",   # [recon]
    ],
}


def usage(cmd, problems=()):
    """[recon] problem lines, then the synopsis (VVR's own usage code V-5-52-2 / V-5-1-2)."""
    lines = ["%s: %s" % (cmd, p) for p in problems]
    synopsis = SYNOPSIS[cmd]
    prefix = "VxVM VVR %s ERROR V-5-%s Usage: " % (cmd, "52-2" if cmd == "vradmin" else "1-2")
    lines.append(prefix + synopsis[0])
    lines.extend("       %s" % s for s in synopsis[1:])
    return CommandFailed(RC_USAGE, *lines)


def usage_for(cmd):
    return lambda problems: usage(cmd, problems)


# ------------------------------------------------------------------ vradmin errors [recon] unless noted

def needs_dg():
    return VvrError(480, "Operation requires a disk group.")    # [gk]


def no_dg(dg):
    return VvrError(456, "Disk group %s does not exist or is not imported on this host." % dg)


def no_rvg(rvg, dg):
    return VvrError(152, "RVG %s does not exist in disk group %s." % (rvg, dg))


def rvg_exists(rvg, dg):
    return VvrError(153, "RVG %s already exists in disk group %s." % (rvg, dg))


def no_volume(vol, dg, host=None):
    where = " on host %s" % host if host else ""
    return VvrError(338, "Volume %s does not exist in disk group %s%s." % (vol, dg, where))


def volume_in_rvg(vol, rvg):
    return VvrError(339, "Volume %s is already associated with RVG %s." % (vol, rvg))


def srl_too_small(srl):
    return VvrError(341, "SRL %s is too small: the SRL must be at least 110 MB." % srl)


def host_unreachable(host):
    return VvrError(421, "vradmind server on host %s not responding or hostname cannot be resolved." % host)  # [gk]


def unknown_host(host):
    return VvrError(422, "Host %s is not known in this estate." % host)


def not_primary_host(host, rvg):
    return VvrError(423, "Host %s is not the Primary host of RVG %s." % (host, rvg))


def no_link(a, b):
    return VvrError(424, "No replication link between the clusters of hosts %s and %s." % (a, b))


def same_cluster(host):
    return VvrError(425, "Secondary host %s is in the cluster of the Primary." % host)


def volume_size_mismatch(vol, host, sec_len, pri_len):
    return VvrError(346, "Size of volume %s on host %s (%d) does not match its size on the Primary (%d)."
                    % (vol, host, sec_len, pri_len))


def not_in_rds(host, rvg):
    return VvrError(427, "Host %s is not a Secondary of RDS %s." % (host, rvg))


def rds_has_secondary(host, rvg):
    return VvrError(428, "Host %s is already part of RDS %s." % (host, rvg))


def need_sec_host(rvg):
    return VvrError(429, "RDS %s has more than one Secondary: specify the Secondary host." % rvg)


def no_secondary(rvg):
    return VvrError(430, "RDS %s has no Secondary." % rvg)


def bad_attribute(word):
    return VvrError(190, "Invalid attribute %s." % word)


def rlink_exists(name, dg):
    return VvrError(191, "Rlink %s already exists in disk group %s." % (name, dg))


def must_run_on_primary(rvg):
    return VvrError(260, "Operation must be run on the Primary of RDS %s or with the Primary reachable." % rvg)


def already_started(host):
    return VvrError(263, "Replication to Secondary %s is already started." % host)


def needs_sync_option():
    return VvrError(264, "The Secondary is not synchronized: use -a (automatic synchronization), "
                         "-c checkpoint or -f (the Secondary already holds the Primary's data).")


def checkpoint_unsupported():
    return VvrError(265, "Checkpoint attach (-c) is not supported by this simulator.")


def not_started(host):
    return VvrError(266, "Replication to Secondary %s is not started." % host)


def already_paused(host):
    return VvrError(267, "Replication to Secondary %s is already paused." % host)


def not_paused(host):
    return VvrError(268, "Replication to Secondary %s is not paused." % host)


def no_dcm_logging(rvg):
    return VvrError(269, "No rlink of RVG %s is logging to the DCM: nothing to resynchronize." % rvg)


def stop_first(host):
    return VvrError(270, "Replication to Secondary %s is active: stop it first (vradmin stoprep)." % host)


def has_secondaries(rvg):
    return VvrError(271, "RVG %s still has Secondaries: delete them first (vradmin delsec)." % rvg)


def volumes_open(rvg, vols):
    return VvrError(272, "Data volumes of RVG %s are open (%s): stop the application first."
                    % (rvg, ", ".join(vols)))


def rvg_not_started(rvg, host):
    return VvrError(273, "RVG %s is not started on host %s." % (rvg, host))


def migrate_behind(rvg, host, data_status, repl):
    return VvrError(801, "Cannot migrate: Secondary %s of RDS %s is not up-to-date (Data status: %s; "
                    "Replication status: %s)." % (host, rvg, data_status, repl))


def migrate_unreachable(host):
    return VvrError(802, "Cannot migrate: host %s is not reachable." % host)


def already_primary(rvg, host):
    return VvrError(803, "RVG %s on host %s is already the Primary." % (rvg, host))


def takeover_inconsistent(rvg, host):
    return VvrError(804, "Cannot take over: the data of Secondary %s of RDS %s is inconsistent." % (host, rvg))


def takeover_on_secondary(rvg):
    return VvrError(805, "Takeover must be run on a Secondary host of RDS %s." % rvg)


def several_secondaries(rvg):
    return VvrError(806, "RDS %s has more than one Secondary: role changes of such RDSs are not modelled." % rvg)


def no_failback(rvg):
    return VvrError(807, "No Secondary of RDS %s needs failback synchronization." % rvg)


def failback_unreachable(host):
    return VvrError(808, "Cannot start failback synchronization: original Primary %s is not reachable." % host)


def makesec_not_primary(rvg, host):
    return VvrError(809, "RVG %s on this host is not an original Primary taken over by %s." % (rvg, host))


def new_primary_not_primary(host, rvg):
    return VvrError(810, "Host %s is not the Primary of RDS %s." % (host, rvg))


def no_space(vol, host):
    return VvrError(347, "Not enough space to resize volume %s on host %s." % (vol, host))


def bad_length(text):
    return VvrError(348, "Invalid length %s." % text)


def srl_resize(vol):
    return VvrError(349, "Volume %s is the SRL; use vradmin resizesrl." % vol)


def unknown_keyword(word):
    return VvrError(3, "Unknown keyword %s." % word)
