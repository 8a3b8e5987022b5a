# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Attribute values in their three forms: as a task gives them, as main.cf holds them
(the comparison form), and as words on the hagrp/hares command line."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._parse import split_value
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._types import (
    ASSOCIATION, KEYLIST, SCALAR, VECTOR)


class AttributeValueError(ValueError):
    """A task value that does not fit the attribute's dimension."""


def scalar_text(value):
    """One value as main.cf holds it: True -> '1', 5 -> '5', None -> ''."""
    if isinstance(value, bool):
        return '1' if value else '0'
    if value is None:
        return ''
    if isinstance(value, (int, float)) or isinstance(value, str):
        return str(value)
    raise AttributeValueError('expected a single value, got %s' % type(value).__name__)


def task_value(dimension, value):
    """A value given in a task -> its main.cf form for ``dimension``; AttributeValueError when it
    cannot be one (a list for a scalar, a list for an association...)."""
    if dimension == SCALAR:
        if isinstance(value, (list, tuple, dict)):
            raise AttributeValueError('expected a single value, got a %s' % ('dict' if isinstance(value, dict) else 'list'))
        return scalar_text(value)
    if dimension in (KEYLIST, VECTOR):
        if isinstance(value, dict):
            raise AttributeValueError('expected a list (%s), got a dict' % dimension)
        if not isinstance(value, (list, tuple)):
            value = [] if value is None or value == '' else [value]
        return [scalar_text(item) for item in value]
    if dimension == ASSOCIATION:
        if value is None or value == [] or value == '':
            return {}
        if not isinstance(value, dict):
            raise AttributeValueError('expected a dict of key: value (association)')
        return dict((scalar_text(key), scalar_text(item)) for key, item in value.items())
    raise AttributeValueError('unknown dimension %s' % dimension)


def display_value(dimension, raw):
    """The Value column of ``hagrp/hares -display`` -> main.cf form. Keylists, vectors and
    associations are words separated by tabs or spaces (``sys1<TAB>0<TAB>sys2<TAB>1``)."""
    if dimension == SCALAR:
        return raw or ''
    words = split_value(raw)
    if dimension == ASSOCIATION:
        if len(words) % 2:
            raise AttributeValueError('association value %r has an odd number of words' % raw)
        return dict(zip(words[0::2], words[1::2]))
    return words


def same_value(dimension, left, right):
    """Compare two main.cf-form values (association key order does not matter)."""
    if dimension == ASSOCIATION:
        return dict(left or {}) == dict(right or {})
    if dimension in (KEYLIST, VECTOR):
        return list(left or []) == list(right or [])
    return (left or '') == (right or '')


def escape_word(word):
    """A word starting with '-' would be read as an option: VCS wants it as '%-y'."""
    return '%' + word if word.startswith('-') else word


def cli_words(dimension, value):
    """main.cf-form value -> the words after ``-modify <object> <attribute>``."""
    if dimension == SCALAR:
        return [escape_word(value or '')]
    if dimension == ASSOCIATION:
        words = []
        for key, item in value.items():
            words += [escape_word(key), escape_word(item)]
        return words
    return [escape_word(item) for item in value]


def is_empty(dimension, value):
    return dimension != SCALAR and not value
