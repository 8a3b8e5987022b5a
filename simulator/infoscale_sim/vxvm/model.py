"""The VxVM domain document of one cluster and lookups on it.

doc = {
  "seq": int,                              # counter for disk / disk group ids
  "disks": {da: {"sectors", "format", "os", "udid", "diskid", "dgid", "dm"}},
  "dgs": {dgid: {"name", "dgid", "imported_on", "cds", "temp", "minor",
                 "dms": {dm: da},          # in the order disks joined the group
                 "volumes": {name: volume}}},
}
A disk group is visible (vxprint, vxassist, vxdg -g) only on the node that imported it.
Volume records are described in vxvm/volumes.py.
"""
from ..topology import disk_names

PRIVLEN = 65536          # cdsdisk private region, sectors
CDS_OVERHEAD = 65840     # disk sectors - public length (sample vxdisk_list_disk_2_shared)
PUBOFFSET = 65744        # public region offset inside the cdsdisk partition
CDS_ALIGN = 16           # 8 KiB alignment of CDS disk groups
DEFAULT_STRIPEUNIT = 128  # 64 KiB
DG_VERSION = 260         # [recon] disk group version shown by vxdg list <dg>
FORMATS = ("cdsdisk", "simple", "sliced")


def fresh_domain(cluster):
    disks = {}
    for i, da in enumerate(disk_names(cluster)):
        disks[da] = {
            "sectors": cluster["disks"]["sectors"],
            "format": "none",
            "os": _os_name(i),
            "udid": "%s%%5FSIM%%5F%s%%5F%04d" % (cluster["disks"]["enclosure"].upper(), cluster["name"].upper(), i),
            "diskid": None,
            "dgid": None,
            "dm": None,
        }
    return {"seq": 0, "disks": disks, "dgs": {}}


def _os_name(index):
    """sdb, sdc, ... sdz, sdaa, ... (sda is the node's boot disk)."""
    index += 1
    letters = ""
    while True:
        letters = chr(ord("a") + index % 26) + letters
        index = index // 26 - 1
        if index < 0:
            return "sd" + letters


def privlen(disk):
    return disk.get("privlen", PRIVLEN)


def publen(disk):
    """Public region length of an initialised disk: sectors - privlen - 304 (cdsdisk labels).
    [recon] simple/sliced disks use the cdsdisk figure."""
    return disk["sectors"] - privlen(disk) - (CDS_OVERHEAD - PRIVLEN)


def new_id(doc, now, node):
    """Disk and disk group ids look like 1741211310.10.r730ocp3.localdomain."""
    doc["seq"] += 1
    return "%d.%d.%s" % (int(now), doc["seq"], node)


def imported_dg(doc, name, node):
    """The disk group `name` imported on `node`, or None."""
    for dg in doc["dgs"].values():
        if dg["name"] == name and dg["imported_on"] == node:
            return dg
    return None


def imported_dgs(doc, node):
    return sorted((dg for dg in doc["dgs"].values() if dg["imported_on"] == node),
                  key=lambda dg: dg["name"])


def dgs_named(doc, name):
    return [dg for dg in doc["dgs"].values() if dg["name"] == name]


def disk_group_of(doc, da):
    disk = doc["disks"][da]
    return doc["dgs"].get(disk["dgid"]) if disk["dgid"] else None


def alignment(dg):
    return CDS_ALIGN if dg["cds"] else 1


def open_volumes(dg):
    return sorted(name for name, vol in dg["volumes"].items() if vol.get("open"))
