# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""VxVM lengths: 512-byte sectors, k/m/g/t suffixes, the product's rounding."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

SECTOR = 512
SECTORS_PER = {'': 1, 's': 1, 'k': 2, 'm': 2 * 1024, 'g': 2 * 1024 ** 2, 't': 2 * 1024 ** 3}
CDS_ALIGNMENT = 16          # 8 KiB: the alignment of CDS disk groups (vxdg list: alignment 8192)
DEFAULT_STRIPE_UNIT = 128   # 64 KiB
STRIPED = ('stripe', 'mirror-stripe', 'stripe-mirror')

_SIZE = re.compile(r'^(\d+)([skmgt]?)$', re.IGNORECASE)


class SizeError(ValueError):
    pass


def parse_size(text):
    """Sectors for a VxVM length: ``2048``, ``500m``, ``10g``, ``1t``. Raises SizeError."""
    raw = str(text).strip()
    match = _SIZE.match(raw)
    if not match:
        raise SizeError(
            'size %r is not a VxVM length: use a whole number of 512-byte sectors '
            'or a number with a suffix k, m, g or t (for example 500m or 10g)' % (text,))
    sectors = int(match.group(1)) * SECTORS_PER[match.group(2).lower()]
    if sectors <= 0:
        raise SizeError('size %r must be greater than zero' % (text,))
    return sectors


def round_up(value, unit):
    return -(-value // unit) * unit


def allocation_unit(layout, ncol, stripe_unit=DEFAULT_STRIPE_UNIT):
    """The multiple vxassist rounds a new length up to for this layout."""
    if layout in STRIPED and ncol:
        return round_up(ncol * stripe_unit, CDS_ALIGNMENT)
    return CDS_ALIGNMENT


def same_length(current, requested, unit):
    """True when vxassist would leave a volume of ``current`` sectors as it is."""
    return current in (requested, round_up(requested, unit))


def human(sectors):
    """A short, exact-enough text for messages: 1024000 -> '500.00m'."""
    value = float(sectors)
    for suffix in ('t', 'g', 'm', 'k'):
        per = SECTORS_PER[suffix]
        if value >= per:
            return '%.2f%s' % (value / per, suffix)
    return '%d sectors' % sectors
