"""Shared by vxassist and vxresize: the disk group from -g, lengths, attributes, storage."""
import re

from ..errors import vxvm_error
from ..sizes import parse_length
from . import messages as msg
from .model import DEFAULT_STRIPEUNIT, imported_dg
from .volumes import LAYOUT_ALIASES

VOLUME_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,30}$")
LAYOUT_MODIFIERS = {"nolog", "diskalign", "nodiskalign", "noregionlog"}
IGNORED_ATTRS = {"user", "group", "mode", "comment", "fstype"}


def disk_group(call, cmd, opts):
    name = opts.get("g")
    if name is None:
        raise msg.usage(cmd, ["a disk group is required (-g diskgroup)"])  # [recon] no defaultdg
    doc = call.vxvm()
    dg = imported_dg(doc, name, call.node)
    if dg is None:
        raise msg.dg_not_found(cmd, name)
    return doc, dg


def length(cmd, text):
    value = parse_length(text)
    if not value:
        raise msg.invalid_length(cmd, text)
    return value


def user_volume(cmd, dg, name):
    vol = dg["volumes"].get(name)
    if vol is None:
        raise msg.volume_not_found(cmd, name)
    return vol


class Attributes:
    """layout=, ncol=, nmirror=, stripeunit=, init=, alloc= and storage specifications."""

    def __init__(self, cmd, dg, words):
        self.cmd = cmd
        self.layout = None
        self.ncol = None
        self.nmirror = None
        self.su = None
        self.init = "active"
        include, exclude = [], []
        for word in words:
            key, eq, value = word.partition("=")
            if word.startswith("!"):
                exclude.append(word[1:])
            elif not eq:
                include.append(word)
            elif key == "layout":
                self._layout(value)
            elif key in ("ncol", "ncolumn", "nstripe"):
                self.ncol = self._count(key, value, 1)
            elif key in ("nmirror", "mirror"):
                self.nmirror = self._count(key, value, 1)
            elif key in ("stripeunit", "stwidth", "su"):
                self.su = parse_length(value)
                if not self.su:
                    raise msg.invalid_length(cmd, value)
                if dg["cds"] and self.su % 16:
                    raise vxvm_error(cmd, 6360, "stripeunit %s is not a multiple of the disk group "
                                     "alignment (8k)" % value, msg.RC_FAIL)  # [recon]
            elif key == "alloc":
                for spec in value.split(","):
                    (exclude.append(spec[1:]) if spec.startswith("!") else include.append(spec))
            elif key == "init":
                if value not in ("active", "zero", "none"):
                    raise self._bad("init", value)
                self.init = value
            elif key in IGNORED_ATTRS:
                continue
            elif key == "logtype" and value == "none":
                continue
            else:
                # [recon] DCO/DRL logs, raid5, snapshots and other attributes are not simulated
                raise vxvm_error(cmd, 1300, "Unrecognized attribute: %s" % word, msg.RC_FAIL)
        self.allowed = self._storage(dg, include, exclude)

    def _layout(self, value):
        tokens = value.split(",")
        for token in tokens:
            if token in LAYOUT_ALIASES:
                if self.layout is not None:
                    raise self._bad("layout", value)
                self.layout = LAYOUT_ALIASES[token]
            elif token not in LAYOUT_MODIFIERS:
                raise self._bad("layout", value)
        if self.layout is None:
            raise self._bad("layout", value)

    def _count(self, key, value, minimum):
        if not value.isdigit() or int(value) < minimum:
            raise self._bad(key, value)
        return int(value)

    def _bad(self, key, value):
        return vxvm_error(self.cmd, 1299, "Invalid value for attribute %s: %s" % (key, value),
                          msg.RC_FAIL)  # [recon]

    def _storage(self, dg, include, exclude):
        def resolve(spec):
            if spec.startswith("enclr:"):
                prefix = spec[6:] + "_"
                found = [dm for dm, da in dg["dms"].items() if da.startswith(prefix)]
            elif spec in dg["dms"]:
                found = [spec]
            else:
                found = [dm for dm, da in dg["dms"].items() if da == spec]
            if not found:
                raise vxvm_error(self.cmd, 1356, "%s: Disk not found in disk group %s"
                                 % (spec, dg["name"]), msg.RC_FAIL)  # [recon]
            return found

        chosen = set()
        for spec in include:
            chosen.update(resolve(spec))
        excluded = set()
        for spec in exclude:
            excluded.update(resolve(spec))
        return [dm for dm in dg["dms"] if (not include or dm in chosen) and dm not in excluded]

    def resolved_layout(self):
        """Layout keyword; nmirror>1 alone means mirror, ncol>1 alone means stripe."""
        if self.layout is not None:
            return self.layout
        if self.nmirror and self.nmirror > 1:
            return "mirror"
        if self.ncol and self.ncol > 1:
            return "stripe"
        return "concat"

    def stripeunit(self):
        return self.su or DEFAULT_STRIPEUNIT
