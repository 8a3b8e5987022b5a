"""Attribute definitions and values: kinds, dimensions, defaults, parsing and rendering.

An attribute definition is a dict {"name", "kind", "dim", "default"}:
  kind: "str" | "int" | "boolean"
  dim:  "scalar" | "keylist" | "vector" | "assoc"
Stored values: scalar -> str or int; keylist/vector -> list of str; assoc -> dict
(values int for int kinds, else str). Defaults are never stored: an object keeps only
the attributes set away from their default (so main.cf lists exactly those).
"""
import re

BARE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")   # main.cf: no quotes needed (admin guide rule)
INT = re.compile(r"^-?[0-9]+$")


def attr(name, kind="str", dim="scalar", default=None):
    if default is None:
        default = {"scalar": 0 if kind in ("int", "boolean") else "", "keylist": [],
                   "vector": [], "assoc": {}}[dim]
    return {"name": name, "kind": kind, "dim": dim, "default": default}


class BadValue(Exception):
    """A command-line value does not fit the attribute (message for the V-16 error)."""


def unescape(word):
    """'%-y' -> '-y' (a leading % protects values that start with a dash)."""
    return word[1:] if word.startswith("%") else word


def scalar_value(definition, word):
    word = unescape(word)
    if definition["kind"] in ("int", "boolean"):
        if not INT.match(word):
            raise BadValue("integer value expected for %s: %s" % (definition["name"], word))
        number = int(word)
        if definition["kind"] == "boolean" and number not in (0, 1):
            raise BadValue("boolean value expected for %s: %s" % (definition["name"], word))
        return number
    return word


def item_value(definition, word):
    """One element of a keylist/vector or one value of an association."""
    word = unescape(word)
    if definition["kind"] in ("int", "boolean"):
        if not INT.match(word):
            raise BadValue("integer value expected for %s: %s" % (definition["name"], word))
        return int(word)
    return word


def parse_replace(definition, words):
    """The whole new value from `hxxx -modify obj Attr word...` (no -add/-delete)."""
    dim = definition["dim"]
    if dim == "scalar":
        if len(words) != 1:
            raise BadValue("attribute %s takes exactly one value" % definition["name"])
        return scalar_value(definition, words[0])
    if dim in ("keylist", "vector"):
        values = [unescape(w) if definition["kind"] == "str" else item_value(definition, w) for w in words]
        if dim == "keylist":
            seen = []
            for v in values:
                if v not in seen:
                    seen.append(v)
            values = seen
        return values
    if len(words) % 2:
        raise BadValue("attribute %s takes key value pairs" % definition["name"])
    return {unescape(words[i]): item_value(definition, words[i + 1]) for i in range(0, len(words), 2)}


def is_default(definition, value):
    return value == definition["default"]


def display(value):
    """A value as the ha* -display / -value commands print it.
    Associations: key<TAB>value pairs (sample hasys_display_1); keylists/vectors: items
    separated by a space [recon]."""
    if isinstance(value, dict):
        return "\t".join("%s\t%s" % (k, v) for k, v in value.items())
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)


def maincf_scalar(value):
    if isinstance(value, int):
        return str(value)
    if BARE.match(value) or INT.match(value):
        return value
    return '"%s"' % value.replace("\\", "\\\\").replace('"', '\\"')


def maincf(value):
    """A value in main.cf syntax: bare words, "quoted strings", { a, b }, { k = v }."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ %s }" % ", ".join("%s = %s" % (maincf_scalar(k), maincf_scalar(v)) for k, v in value.items())
    if isinstance(value, list):
        if not value:
            return "{}"
        return "{ %s }" % ", ".join(maincf_scalar(v) for v in value)
    return maincf_scalar(value)
