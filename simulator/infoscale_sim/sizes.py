"""Lengths in 512-byte sectors, as VxVM commands read and print them."""
import re

SECTOR = 512
UNITS = {"s": 1, "k": 2, "m": 2048, "g": 2048 * 1024, "t": 2048 * 1024 * 1024}
_LENGTH = re.compile(r"^([0-9]+)([sSkKmMgGtT]?)$")


def parse_length(text):
    """'500m' -> 1024000; '100' -> 100 sectors. None when the text is not a length."""
    match = _LENGTH.match(text)
    if not match:
        return None
    unit = match.group(2).lower() or "s"
    return int(match.group(1)) * UNITS[unit]


def round_up(value, unit):
    return -(-value // unit) * unit


def round_down(value, unit):
    return (value // unit) * unit


def format_length(sectors, unit=None):
    """vxprint length column: plain sectors, or `-u m` style '1024.00m'."""
    if unit is None or unit == "s":
        return str(sectors)
    return "%.2f%s" % (sectors / UNITS[unit], unit)


def megabytes(sectors):
    """Whole MiB, as in 'Maximum volume size: 3840000 (1875Mb)'."""
    return sectors // 2048
