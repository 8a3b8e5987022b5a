"""virsh's command line: global options, command options (--opt VALUE, --opt=VALUE or
positional data), virsh's own parse errors, and its table layout (vshTable)."""
from ..errors import CommandFailed

RC = 1


def error(*texts):
    """virsh failure: every line 'error: ...' on stderr, exit code 1."""
    return CommandFailed(RC, *("error: " + t for t in texts))


def data(name, required=False, positional=True):
    return {"name": name, "kind": "data", "required": required, "positional": positional}


def flag(name):
    return {"name": name, "kind": "bool", "required": False, "positional": False}


def split_global(args):
    """(quiet, command, rest) from virsh [-q] [-c URI] [-r] COMMAND ARGS..."""
    quiet = False
    i = 0
    while i < len(args) and args[i].startswith("-"):
        word = args[i]
        if word in ("-q", "--quiet"):
            quiet = True
        elif word in ("-r", "--readonly"):
            pass
        elif word in ("-c", "--connect"):
            i += 1
            if i >= len(args):
                raise error("option '%s' requires an argument" % word)  # [recon]
        elif word.startswith("--connect="):
            pass
        else:
            raise error("unsupported option '%s'. See --help." % word)
        i += 1
    if i >= len(args):
        raise error("no command given")  # [recon] real virsh starts its interactive shell
    return quiet, args[i], args[i + 1:]


def parse(command, spec, words):
    """{option name: value (str) | True} for the command's words, or virsh's parse error."""
    options = {o["name"]: o for o in spec}
    positional = [o for o in spec if o["positional"]]
    values = {}
    i = 0
    while i < len(words):
        word = words[i]
        if word.startswith("--") and len(word) > 2:
            name, eq, value = word[2:].partition("=")
            opt = options.get(name)
            if opt is None:
                raise error("command '%s' doesn't support option --%s" % (command, name))
            if name in values:
                raise error("option --%s already seen" % name)
            if opt["kind"] == "bool":
                if eq:
                    raise error("invalid '=' after option --%s" % name)
                values[name] = True
            elif eq:
                values[name] = value
            else:
                i += 1
                if i >= len(words):
                    raise error("expected syntax: --%s <string>" % name)
                values[name] = words[i]
        else:
            slot = next((o for o in positional if o["name"] not in values), None)
            if slot is None:
                raise error("unexpected data '%s'" % word)
            values[slot["name"]] = word
        i += 1
    for opt in spec:
        if opt["required"] and opt["name"] not in values:
            raise error("command '%s' requires <%s> option" % (command, opt["name"]))
    return values


def table(header, rows, show_header=True):
    """vshTable: ' ' before each cell, cells padded to the column width plus two spaces
    (not the last), a dashes line of sum(width + 3) under the header."""
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    lines = []

    def row_line(cells):
        parts = []
        for i, cell in enumerate(cells):
            text = " " + str(cell)
            if i < len(cells) - 1:
                text += " " * (widths[i] - len(str(cell)) + 2)
            parts.append(text)
        return "".join(parts)

    if show_header:
        lines.append(row_line(header))
        lines.append("-" * sum(w + 3 for w in widths))
    lines.extend(row_line(r) for r in rows)
    return lines
