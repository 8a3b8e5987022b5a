"""Command-line words of the ha* commands: `-action`, then operands and `-option value` words.

Options are whole words with one dash (-sys, -attribute, -localclus). A value that starts
with a dash must be escaped with % (`%-y`), as the product requires. Unknown options and
missing values end the command with the usage text.
"""
from ..errors import CommandFailed
from . import messages as msg

SYNOPSIS = {
    "haconf": ["haconf -makerw", "haconf -dump [-makero]"],
    "hagrp": [
        "hagrp -add group", "hagrp -delete group",
        "hagrp -modify group attribute value ... [-sys system]",
        "hagrp -modify group attribute -add|-update|-delete key [value] ...",
        "hagrp -link parent_group child_group category location [rigidity]",
        "hagrp -unlink parent_group child_group",
        "hagrp -online [-force] [-propagate] group -sys system | -any [-clus cluster]",
        "hagrp -offline [-force] [-ifprobed] [-propagate] group -sys system | -any [-clus cluster]",
        "hagrp -switch group -to system | -any [-clus cluster]",
        "hagrp -freeze group [-persistent]", "hagrp -unfreeze group [-persistent]",
        "hagrp -enableresources group", "hagrp -disableresources group",
        "hagrp -clear group [-sys system] [-clus cluster]", "hagrp -flush [-force] group -sys system [-clus cluster]",
        "hagrp -state [group(s)] [-sys system(s)] [-clus cluster]",
        "hagrp -display [group(s)] [-attribute attribute(s)] [-sys system(s)] [-clus cluster]",
        "hagrp -list [conditional(s)]", "hagrp -value group attribute [system] [-clus cluster]",
        "hagrp -dep [group(s)]", "hagrp -resources group",
        "hagrp -wait group attribute value [-sys system] [-clus cluster] [-time timeout]",
    ],
    "hares": [
        "hares -add resource type group", "hares -delete resource",
        "hares -modify resource attribute value ... [-sys system]",
        "hares -local resource attribute",
        "hares -link parent_resource child_resource", "hares -unlink parent_resource child_resource",
        "hares -online resource -sys system", "hares -offline resource -sys system",
        "hares -probe resource -sys system", "hares -clear resource [-sys system]",
        "hares -state [resource(s)] [-sys system(s)]",
        "hares -display [resource(s)] [-attribute attribute(s)] [-group group(s)] [-type type(s)] "
        "[-sys system(s)]",
        "hares -list [conditional(s)]", "hares -value resource attribute [system]",
        "hares -dep [resource(s)]",
        "hares -wait resource attribute value [-sys system] [-time timeout]",
    ],
    "hasys": ["hasys -list", "hasys -state [system(s)]",
              "hasys -display [system(s)] [-attribute attribute(s)]",
              "hasys -value system attribute"],
    "haclus": ["haclus -state [cluster]", "haclus -list [conditional(s)]",
               "haclus -display [cluster] [-localclus]", "haclus -value attribute [cluster]",
               "haclus -wait attribute value [-clus cluster] [-time timeout]",
               "haclus -add cluster ip", "haclus -delete cluster",
               "haclus -modify ClusterAddress ip [-clus cluster]",
               "haclus -declare disaster|outage|disconnect|replica -clus cluster [-failover]"],
    "hahb": ["hahb -add hb", "hahb -delete hb", "hahb -local hb attribute",
             "hahb -modify hb attribute value ... [-clus cluster]",
             "hahb -modify hb attribute -add|-delete key ...",
             "hahb -display [hb(s)]", "hahb -list [conditional(s)]",
             "hahb -state [hb] [-clus cluster]", "hahb -value hb attribute [-clus cluster]"],
    "hastatus": ["hastatus -sum[mary]"],
    "hatype": ["hatype -list", "hatype -display [type(s)] [-attribute attribute(s)]",
               "hatype -resources type", "hatype -value type attribute"],
}


def usage(command, problem=None):
    """[recon] layout: the problem, then the synopsis (texts of the manual pages)."""
    lines = []
    if problem:
        lines.append("VCS WARNING V-16-1-10601 %s" % problem)  # [recon] V-number
    lines.append("Usage:")
    lines.extend("    " + line for line in SYNOPSIS[command])
    return CommandFailed(msg.RC_FAIL, *lines)


class Words:
    def __init__(self):
        self.operands = []
        self.values = {}
        self.flags = set()

    def one(self, name, default=None):
        values = self.values.get(name)
        return values[-1] if values else default

    def many(self, name):
        return self.values.get(name, [])


COMMON_FLAGS = ("localclus",)
COMMON_SINGLE = ("clus",)


def parse(command, args, flags=(), single=(), multi=()):
    flags = set(flags) | set(COMMON_FLAGS)
    single = set(single) | set(COMMON_SINGLE)
    multi = set(multi)
    words = Words()
    i = 0
    while i < len(args):
        word = args[i]
        if word.startswith("-") and len(word) > 1:
            name = word[1:]
            if name in flags:
                words.flags.add(name)
                i += 1
            elif name in single or name in multi:
                j = i + 1
                taken = []
                while j < len(args) and not (args[j].startswith("-") and len(args[j]) > 1):
                    taken.append(args[j])
                    j += 1
                    if name in single:
                        break
                if not taken:
                    raise usage(command, "Option -%s requires a value" % name)
                words.values.setdefault(name, []).extend(taken)
                i = j
            else:
                raise usage(command, "Invalid option %s" % word)
        else:
            words.operands.append(word)
            i += 1
    return words


def check_cluster(call, cluster):
    """Only the local cluster (commands and options that do not reach remote clusters)."""
    if cluster is not None and cluster != call.cluster:
        raise msg.cluster_missing(cluster)
