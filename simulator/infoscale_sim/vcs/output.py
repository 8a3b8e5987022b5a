"""Table layouts of the ha* commands (column widths measured on the real captures).

hagrp -state/-display: `%-12s %-21s %-10s %s` (sample hagrp_state_1; long names push the
  columns right, as in hagrp_display_1_fixture); values of -state keep their |pipes|.
hares -state/-display: `%-16s %-24s %-10s %s` (sample hares_display_1).
hasys -display/-state: `%-10s %-23s %s` (sample hasys_display_1).
haclus -display: `%-24s %s` (sample haclus_display_1); empty values leave no trailing blank.
"""

GROUP_HEADER = ("#Group", "Attribute", "System", "Value")
RESOURCE_HEADER = ("#Resource", "Attribute", "System", "Value")


def four(rows, header, widths):
    fmt = "%%-%ds %%-%ds %%-%ds %%s" % widths
    return [fmt % tuple(header)] + [fmt % tuple(row) for row in rows]


def group_table(rows):
    return four(rows, GROUP_HEADER, (12, 21, 10))


def resource_table(rows):
    return four(rows, RESOURCE_HEADER, (16, 24, 10))


def system_table(rows):
    return [("%-10s %-23s %s" % tuple(row)).rstrip() for row in [("#System", "Attribute", "Value")] + rows]


def cluster_table(rows):
    return [("%-24s %s" % tuple(row)).rstrip() for row in [("#Attribute", "Value")] + rows]


def type_table(rows):
    return [("%-12s %-21s %s" % tuple(row)).rstrip() for row in [("#Type", "Attribute", "Value")] + rows]  # [recon]


def piped(state):
    return "|%s|" % state
