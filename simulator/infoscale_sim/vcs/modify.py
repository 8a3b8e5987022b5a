"""`hagrp -modify` / `hares -modify`: parse the words and compute the attribute's new value.

    -modify obj Attr value ...                 replace (scalar: one value; keylist/vector:
                                               items; association: key value pairs)
    -modify obj Attr -add key [value] ...      add to a keylist/vector/association
    -modify obj Attr -update key value ...     change association values
    -modify obj Attr -delete key ...           remove keys; `-delete -keys` empties it
    ... [-sys system]                          a local (per-system) attribute's value
"""
from . import attrs
from . import messages as msg
from .args import check_cluster, usage

OPS = ("-add", "-delete", "-update")


class Request:
    def __init__(self, obj, attr, op, values, system, all_keys):
        self.obj, self.attr, self.op = obj, attr, op
        self.values, self.system, self.all_keys = values, system, all_keys


def parse(call, command, rest, key_option="-sys", what="an object"):
    """The request; ``key_option`` names the per-system (hagrp, hares: -sys) or per-cluster
    (hahb: -clus) key of a local value, kept in Request.system."""
    if len(rest) < 2 or rest[0].startswith("-") or rest[1].startswith("-"):
        raise usage(command, "-modify needs %s and an attribute" % what)
    obj, attr, tail = rest[0], rest[1], list(rest[2:])
    op = None
    if tail and tail[0] in OPS:
        op = tail.pop(0)[1:]
    cluster_wide = key_option == "-sys"   # hagrp/hares also take the cluster the object is in
    values, system, all_keys, i = [], None, False, 0
    while i < len(tail):
        word = tail[i]
        if word == key_option or (cluster_wide and word == "-clus"):
            if i + 1 >= len(tail):
                raise usage(command, "Option %s requires a value" % word)
            if word == key_option:
                system = tail[i + 1]
            else:
                check_cluster(call, tail[i + 1])
            i += 2
        elif cluster_wide and word == "-localclus":
            i += 1
        elif word == "-keys" and op == "delete":
            all_keys = True
            i += 1
        elif word.startswith("-") and len(word) > 1:
            raise usage(command, "Invalid option %s" % word)
        else:
            values.append(word)
            i += 1
    if op and not values and not all_keys:
        raise usage(command, "-%s needs at least one key" % op)
    return Request(obj, attr, op, values, system, all_keys)


def new_value(definition, current, request):
    """The attribute value after the request, or a V-16 error."""
    dim = definition["dim"]
    try:
        if request.op is None:
            return attrs.parse_replace(definition, request.values)
        if dim == "scalar":
            raise msg.bad_value("-%s cannot be used with the scalar attribute %s" % (request.op, definition["name"]))
        if request.op == "delete" and request.all_keys:
            return {} if dim == "assoc" else []
        if dim in ("keylist", "vector"):
            return _list_change(definition, list(current), request)
        return _assoc_change(definition, dict(current), request)
    except attrs.BadValue as exc:
        raise msg.bad_value(str(exc)) from None


def _list_change(definition, items, request):
    for word in request.values:
        value = attrs.item_value(definition, word)
        if request.op == "add":
            if definition["dim"] == "keylist" and value in items:
                raise msg.keylist_has(value)
            items.append(value)
        elif request.op == "delete":
            if value not in items:
                raise msg.keylist_lacks(value)
            items.remove(value)
        else:
            raise msg.bad_value("-update cannot be used with the list attribute %s" % definition["name"])
    return items


def _assoc_change(definition, mapping, request):
    words = request.values
    if request.op == "delete":
        for key in words:
            key = attrs.unescape(key)
            if key not in mapping:
                raise msg.keylist_lacks(key)
            del mapping[key]
        return mapping
    if len(words) % 2:
        raise msg.bad_value("attribute %s takes key value pairs" % definition["name"])
    for i in range(0, len(words), 2):
        key, value = attrs.unescape(words[i]), attrs.item_value(definition, words[i + 1])
        if request.op == "add" and key in mapping:
            raise msg.keylist_has(key)
        if request.op == "update" and key not in mapping:
            raise msg.keylist_lacks(key)
        mapping[key] = value
    return mapping
