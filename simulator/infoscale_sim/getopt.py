"""Small POSIX getopt for the simulated commands (fast to import, product-like errors)."""


class Options:
    def __init__(self):
        self.items = []

    def add(self, flag, value):
        self.items.append((flag, value))

    def has(self, flag):
        return any(f == flag for f, _ in self.items)

    def get(self, flag, default=None):
        for f, v in reversed(self.items):
            if f == flag:
                return v
        return default

    def all(self, flag):
        return [v for f, v in self.items if f == flag]

    def flags(self):
        return {f for f, _ in self.items}


def parse(args, spec, usage, permute=False):
    """Split args into (Options, operands).

    spec: letters, a letter followed by ':' takes a value ("g:bf").
    permute: options may follow operands (otherwise parsing stops at the first operand,
    so that '-5g' after a volume name stays an operand).
    usage: callable(message_lines) -> CommandFailed, raised for bad options.
    """
    takes_value = {}
    i = 0
    while i < len(spec):
        letter = spec[i]
        has_value = i + 1 < len(spec) and spec[i + 1] == ":"
        takes_value[letter] = has_value
        i += 2 if has_value else 1
    opts = Options()
    operands = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            operands.extend(args[i + 1:])
            break
        if not arg.startswith("-") or arg == "-":
            operands.append(arg)
            if not permute:
                operands.extend(args[i + 1:])
                break
            i += 1
            continue
        j = 1
        while j < len(arg):
            letter = arg[j]
            if letter not in takes_value:
                raise usage([f"illegal option -- {letter}"])
            if takes_value[letter]:
                value = arg[j + 1:]
                if not value:
                    i += 1
                    if i >= len(args):
                        raise usage([f"option requires an argument -- {letter}"])
                    value = args[i]
                opts.add(letter, value)
                break
            opts.add(letter, True)
            j += 1
        i += 1
    return opts, operands
