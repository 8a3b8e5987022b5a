"""vradmin repstatus, printrvg and printvol layouts.

repstatus -l reproduces sample vradmin_repstatus_1 byte for byte (labels padded to column
30, "behind by  0h 0m 0s", SRL size like "278.38 G"); without -l the Compression Mode
line is left out [recon]. printrvg follows sample vradmin_printrvg_1 (eight-space indent,
"<localhost>" after the host the command runs on) and printvol sample
vradmin_printvol_1 (the `h` row's first column is 35 wide, the others 38, as captured).
"""
from .replication import status

LABEL_WIDTH = 28


def _line(label, value):
    return "  %-*s%s" % (LABEL_WIDTH, label + ":", value)


def size_text(nbytes):
    """278.38 G style (binary units)."""
    for suffix, unit in (("T", 1024 ** 4), ("G", 1024 ** 3), ("M", 1024 ** 2), ("K", 1024)):
        if nbytes >= unit:
            return "%.2f %s" % (nbytes / unit, suffix)
    return "%d" % nbytes


def bandwidth_text(bps):
    if not bps:
        return "N/A"
    return "%.2f Mbps" % (bps / 10 ** 6)


def repstatus(ctx, pri, pairs, long=False):
    rvg = pri.rvg
    lines = ["Replicated Data Set: %s" % pri.name, "Primary:",
             _line("Host name", pri.host), _line("RVG name", pri.name), _line("DG name", pri.dg["name"]),
             _line("RVG state", "enabled for I/O" if pri.started else "disabled for I/O"),   # [recon] stopped
             _line("Data volumes", len(rvg["datavols"])), _line("VSets", 0),
             _line("SRL name", rvg["srl"]), _line("SRL size", size_text(pri.srl_bytes())),
             _line("Total secondaries", len(pairs))]
    for rl, sec in pairs:
        st = status(ctx, pri, rl)
        lines += ["Secondary:",
                  _line("Host name", sec.host if sec else rl["remote_host"]),
                  _line("RVG name", sec.name if sec else rl["remote_rvg"]),
                  _line("DG name", sec.dg["name"] if sec else rl["remote_dg"]),
                  _line("Rlink from Primary", rl["name"]),
                  _line("Rlink to Primary", rl["remote_rlink"]),
                  _line("Configured mode", "asynchronous" if rl["synchronous"] == "off" else "synchronous"),
                  _line("Latency protection", rl["latencyprot"]),
                  _line("SRL protection", rl["srlprot"]),
                  _line("Data status", st["data_status"]),
                  _line("Replication status", st["replication_status"]),
                  _line("Current mode", st["current_mode"]),
                  _line("Logging to", st["logging_to"]),
                  _line("Timestamp Information", st["timestamp"]),
                  _line("Bandwidth Limit", bandwidth_text(rl.get("bandwidth_limit")))]
        if long:
            lines.append(_line("Compression Mode", "Off"))
    return lines


def printrvg(pri, pairs, node):
    def host(name):
        return "%s    <localhost>" % name if name == node else name

    lines = ["Replicated Data Set: %s" % pri.name, "Primary:",
             "        HostName: %s" % host(pri.host), "        RvgName: %s" % pri.name,
             "        DgName: %s" % pri.dg["name"]]
    for rl, sec in pairs:
        lines += ["Secondary:",
                  "        HostName: %s" % host(sec.host if sec else rl["remote_host"]),
                  "        RvgName: %s" % (sec.name if sec else rl["remote_rvg"]),
                  "        DgName: %s" % (sec.dg["name"] if sec else rl["remote_dg"])]
    return lines


def printvol(pri, pairs):
    sides = [pri] + [sec for _, sec in pairs if sec is not None]

    def row(tag, values, width=38):
        text = "%-4s" % tag
        for i, value in enumerate(values):
            text += value if i == len(values) - 1 else "%-*s" % (width, value)
        return text

    lines = ["Replicated Data Set: %s" % pri.name,
             row("TY", ["PRIMARY"] + ["SECONDARY"] * (len(sides) - 1)),
             row("h", [s.host for s in sides], 35),
             row("dg", [s.dg["name"] for s in sides]),
             row("rv", [s.name for s in sides])]
    for name in pri.rvg["datavols"]:
        vols = [s.volume(name) for s in sides]
        lines += [row("v", [name if v else "-" for v in vols]),
                  row("sz", [str(v["len"]) if v else "-" for v in vols]),
                  row("pn", [str(len(v["plexes"])) if v else "-" for v in vols]),
                  row("fl", ["DCM" if s.rvg.get("dcm", True) else "-" for s in sides])]
    return lines
