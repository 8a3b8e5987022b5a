# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Validation of names passed to the InfoScale command line."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

# VxVM record names: at most 31 characters; device names may be longer.
_NAME = re.compile(r'^[A-Za-z0-9_][A-Za-z0-9_.:+-]*$')
LIMITS = {'disk group': 31, 'volume': 31, 'disk media': 31, 'device': 64}


def name_problem(kind, value):
    """Why ``value`` cannot be used as a ``kind`` name, or None when it can."""
    if value is None or value == '':
        return '%s name must not be empty' % kind
    text = str(value)
    if text.startswith('-'):
        return '%s name %r starts with "-" and would be read as an option' % (kind, text)
    if any(ch.isspace() for ch in text):
        return '%s name %r contains white space' % (kind, text)
    if not _NAME.match(text):
        return ('%s name %r has characters InfoScale does not accept '
                '(use letters, digits, "_", ".", "-")' % (kind, text))
    limit = LIMITS.get(kind)
    if limit and len(text) > limit:
        return '%s name %r is longer than %d characters' % (kind, text, limit)
    return None


def name_problems(pairs):
    """Problems for a list of (kind, value) pairs, in order."""
    problems = []
    for kind, value in pairs:
        problem = name_problem(kind, value)
        if problem:
            problems.append(problem)
    return problems
