# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""VCS configuration files (main.cf, types.cf): text -> data and data -> text.

parse_maincf(text) returns::

    {'include': ['types.cf', ...],
     'cluster': {'name': 'prodclus', 'attributes': {...}} or None,
     'remoteclusters': {name: attributes}, 'heartbeats': {name: attributes},
     'systems': {name: attributes},
     'groups': {name: {'attributes': {...},
                       'resources': {name: {'type': 'IP', 'attributes': {...}}},
                       'resource_links': [[parent, child], ...],
                       'dependencies': [{'child', 'category', 'location', 'rigidity'}]}},
     'types': {name: {'attributes': {name: {'type', 'dimension', 'static', 'temp',
                                            ['default'], ['expression']}}}}}

Attribute values keep the file's text, without quotes: a scalar is a str (``Parallel = 1``
gives '1'), a keylist or vector ``{ a, b }`` a list, an association ``{ a = 0, b = 1 }``
a dict (values may themselves be braces), empty braces ``{}`` an empty list.

Per-system (local) values, ``Address @prod-n1 = "10.0.0.1"``, are stored under the
attribute's name as a dict whose keys are the system names prefixed with ``@``::

    attributes['Address'] == {'@prod-n1': '10.0.0.1', '@prod-n2': '10.0.0.2'}

An association can never have such keys (``@`` is not allowed in a key), so the two
cannot be confused; ``per_system_values`` turns the dict into {system: value}.

Comments (``//`` anywhere outside a string, ``#`` at the start of a line) and spacing
are ignored, so hacf output (tabs), files indented with spaces and hand-written files
without indentation parse alike. Errors raise MainCfError (a ValueError) naming the line.

render_maincf(config) writes a configuration in hacf's layout (8-space indentation,
resources sorted by type then name, group dependencies before resource links, the
generated ``// resource dependency tree`` comment), such that
parse_maincf(render_maincf(c)) == c.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re


class MainCfError(ValueError):
    """A main.cf / types.cf text that cannot be read."""

    def __init__(self, message, line=None):
        self.line = line
        if line is not None:
            message = 'main.cf line %d: %s' % (line, message)
        super(MainCfError, self).__init__(message)


# --------------------------------------------------------------------------- tokens

_PUNCT = '{}()=,;@'
_WORD, _STRING, _PUNCT_KIND = 'word', 'string', 'punct'


class _Token(object):
    __slots__ = ('kind', 'value', 'line', 'start', 'end')

    def __init__(self, kind, value, line, start, end):
        self.kind, self.value, self.line, self.start, self.end = kind, value, line, start, end

    def is_punct(self, char):
        return self.kind == _PUNCT_KIND and self.value == char

    def is_word(self, word=None):
        return self.kind == _WORD and (word is None or self.value == word)

    def describe(self):
        return '"%s"' % self.value if self.kind == _STRING else repr(self.value)


def _read_string(text, start, line):
    """The value of the quoted string opening at ``start`` and the index after it.

    ``\\"`` is a quote and ``\\\\`` a backslash; any other backslash stays as written.
    """
    chars = []
    i, end = start + 1, len(text)
    while i < end:
        char = text[i]
        if char == '"':
            return ''.join(chars), i + 1
        if char == '\n':
            break
        if char == '\\' and i + 1 < end and text[i + 1] in '"\\':
            chars.append(text[i + 1])
            i += 2
            continue
        chars.append(char)
        i += 1
    raise MainCfError('unterminated string', line)


def _read_word(text, start):
    """Index after the bare word starting at ``start``. A shell-style ``${name}`` inside a
    word (templates such as sample maincf_5) is kept as part of the word."""
    i, end = start, len(text)
    while i < end:
        char = text[i]
        if char == '$' and text.startswith('${', i):
            close = text.find('}', i)
            if close > 0 and '\n' not in text[i:close]:
                i = close + 1
                continue
        if char.isspace() or char in _PUNCT or char == '"' or text.startswith('//', i):
            break
        i += 1
    return i


def _tokenize(text):
    tokens = []
    i, end, line = 0, len(text), 1
    line_start = True
    while i < end:
        char = text[i]
        if char == '\n':
            line, line_start = line + 1, True
            i += 1
        elif char.isspace():
            i += 1
        elif text.startswith('//', i) or (char == '#' and line_start):
            newline = text.find('\n', i)
            i = end if newline < 0 else newline
        elif char == '"':
            value, after = _read_string(text, i, line)
            tokens.append(_Token(_STRING, value, line, i, after))
            i, line_start = after, False
        elif char in _PUNCT:
            tokens.append(_Token(_PUNCT_KIND, char, line, i, i + 1))
            i, line_start = i + 1, False
        else:
            after = _read_word(text, i)
            tokens.append(_Token(_WORD, text[i:after], line, i, after))
            i, line_start = after, False
    return tokens


class _Reader(object):
    """A cursor over the tokens, with the checks every rule needs."""

    def __init__(self, text):
        self.text = text
        self.tokens = _tokenize(text)
        self.pos = 0

    def peek(self, ahead=0):
        index = self.pos + ahead
        return self.tokens[index] if index < len(self.tokens) else None

    def next(self, wanted):
        token = self.peek()
        if token is None:
            last = self.tokens[-1].line if self.tokens else None
            raise MainCfError('unexpected end of file, expected %s' % wanted, last)
        self.pos += 1
        return token

    def accept(self, char):
        token = self.peek()
        if token is not None and token.is_punct(char):
            self.pos += 1
            return True
        return False

    def expect(self, char, context):
        token = self.next("'%s' %s" % (char, context))
        if not token.is_punct(char):
            raise MainCfError("expected '%s' %s, found %s" % (char, context, token.describe()),
                              token.line)

    def name(self, what):
        token = self.next(what)
        if token.kind != _WORD:
            raise MainCfError('expected %s, found %s' % (what, token.describe()), token.line)
        return token


# --------------------------------------------------------------------------- values

def _value(reader):
    token = reader.next('a value')
    if token.kind in (_WORD, _STRING):
        return token.value
    if token.is_punct('{'):
        return _braces(reader, token.line)
    raise MainCfError('expected a value, found %s' % token.describe(), token.line)


_NO_VALUE = object()


def _braces(reader, line):
    """``{ a, b }`` -> list, ``{ a = 1, b = 2 }`` -> dict (commas optional)."""
    items = []
    while True:
        token = reader.next("'}' closing the value opened on line %d" % line)
        if token.is_punct('}'):
            break
        if token.is_punct(','):
            continue
        if token.kind not in (_WORD, _STRING):
            raise MainCfError('expected a key or a value inside braces, found %s'
                              % token.describe(), token.line)
        value = _value(reader) if reader.accept('=') else _NO_VALUE
        items.append((token, value))
    keyed = [value is not _NO_VALUE for _token, value in items]
    if all(keyed) and items:
        association = {}
        for token, value in items:
            if token.value in association:
                raise MainCfError('key %s given twice' % token.describe(), token.line)
            association[token.value] = value
        return association
    if any(keyed):
        raise MainCfError('braces opened on line %d mix "key = value" pairs and single values'
                          % line, line)
    return [token.value for token, _item in items]


def is_per_system(value):
    """True for the stored form of per-system values: {'@sys1': v1, '@sys2': v2}."""
    return isinstance(value, dict) and bool(value) and all(
        isinstance(key, str) and key.startswith('@') for key in value)


def per_system_values(value):
    """{'@sys1': v1} -> {'sys1': v1}; None when ``value`` is not per-system."""
    if not is_per_system(value):
        return None
    return dict((key[1:], item) for key, item in value.items())


def _store(attributes, name_token, system, value):
    name = name_token.value
    current = attributes.get(name)
    if system is None:
        if name in attributes:
            raise MainCfError('attribute %s given twice' % name, name_token.line)
        attributes[name] = value
        return
    if current is None:
        current = attributes[name] = {}
    elif not is_per_system(current):
        raise MainCfError('attribute %s has a value for all systems and one for %s'
                          % (name, system), name_token.line)
    key = '@' + system
    if key in current:
        raise MainCfError('attribute %s given twice for %s' % (name, system), name_token.line)
    current[key] = value


def _attribute_block(reader, context):
    """``( Attr = value ... Attr @sys = value ... )`` -> attributes dict."""
    reader.expect('(', 'after %s' % context)
    attributes = {}
    while not reader.accept(')'):
        name = reader.name("an attribute name or ')' closing %s" % context)
        system = reader.name('a system name after @').value if reader.accept('@') else None
        if not reader.accept('='):
            # report the attribute's line: a stray word (a template placeholder) is the
            # usual cause, and the next token may be lines further down
            found = reader.peek()
            raise MainCfError("expected '=' after attribute %s, found %s" % (
                name.value, found.describe() if found else 'the end of the file'), name.line)
        _store(attributes, name, system, _value(reader))
        reader.accept(';')
    return attributes


# --------------------------------------------------------------------------- types.cf

_TYPE_MODIFIERS = ('static', 'temp')


def _type_attribute(reader, type_name):
    """``[static] [temp] str|int|boolean|keylist Name[[]|{}] [= value] [;]``"""
    first = reader.name("an attribute definition or ')' closing type %s" % type_name)
    flags = {'static': False, 'temp': False}
    datatype = first
    while datatype.value in _TYPE_MODIFIERS:
        flags[datatype.value] = True
        datatype = reader.name('a data type')
    name = reader.name('an attribute name after %s' % datatype.value)
    attr_name, dimension = name.value, 'scalar'
    if datatype.value == 'keylist':
        dimension = 'keylist'
    elif attr_name.endswith('[]'):
        attr_name, dimension = attr_name[:-2], 'vector'
    else:
        brace, close = reader.peek(), reader.peek(1)
        if (brace is not None and close is not None and brace.is_punct('{')
                and brace.start == name.end and close.is_punct('}')):
            reader.pos += 2
            dimension = 'association'
    definition = {'type': 'str' if dimension == 'keylist' else datatype.value,
                  'dimension': dimension}
    definition.update(flags)
    if reader.accept('='):
        start = reader.peek()
        default = _value(reader)
        # [recon] concatenated defaults (NameRule = "IP_" + resource.Address) are kept
        # as their source text
        if reader.peek() is not None and reader.peek().is_word('+'):
            while reader.peek() is not None and reader.peek().is_word('+'):
                reader.pos += 1
                _value(reader)
            default = reader.text[start.start:reader.tokens[reader.pos - 1].end]
            definition['expression'] = True
        definition['default'] = default
    reader.accept(';')
    return attr_name, definition


def _type_block(reader, type_name):
    reader.expect('(', 'after type %s' % type_name)
    attributes = {}
    while not reader.accept(')'):
        line = reader.peek().line if reader.peek() is not None else None
        name, definition = _type_attribute(reader, type_name)
        if name in attributes:
            raise MainCfError('type %s defines %s twice' % (type_name, name), line)
        attributes[name] = definition
    return {'attributes': attributes}


# --------------------------------------------------------------------------- main.cf

_TOP_KEYWORDS = ('include', 'cluster', 'remotecluster', 'heartbeat', 'system', 'group', 'type')
_CATEGORIES = ('online', 'offline')
_LOCATIONS = ('local', 'global', 'remote')
_RIGIDITIES = ('soft', 'firm', 'hard')


def _empty_config():
    return {'include': [], 'cluster': None, 'remoteclusters': {}, 'heartbeats': {},
            'systems': {}, 'groups': {}, 'types': {}}


def _optional_word(reader, line, choices):
    """The next word when it is one of ``choices`` and on ``line``, else None."""
    token = reader.peek()
    if token is not None and token.kind == _WORD and token.line == line and token.value in choices:
        reader.pos += 1
        return token.value
    return None


def _group_dependency(reader, group):
    """``requires group <child> online|offline [local|global|remote] [soft|firm|hard]``"""
    reader.next('requires')
    reader.next('group')
    child = reader.name('the child group after "requires group"')
    category = _optional_word(reader, child.line, _CATEGORIES)
    if category is None:
        raise MainCfError('"requires group %s" needs online or offline' % child.value, child.line)
    location = _optional_word(reader, child.line, _LOCATIONS)
    rigidity = _optional_word(reader, child.line, _RIGIDITIES)
    dependency = {'child': child.value, 'category': category, 'location': location,
                  'rigidity': rigidity}
    if dependency not in group['dependencies']:
        group['dependencies'].append(dependency)


def _resource_link(reader, group):
    """``<parent> requires <child>``"""
    parent = reader.next('a resource')
    reader.next('requires')
    child = reader.name('the child resource after "%s requires"' % parent.value)
    if child.value == 'atleast':
        # [recon] 7.x "requires atleast <n> from a, b": syntax not confirmed, not supported
        raise MainCfError('"requires atleast" resource dependencies are not supported',
                          child.line)
    link = [parent.value, child.value]
    if link not in group['resource_links']:
        group['resource_links'].append(link)


def _group_statement(reader, group, owners):
    token = reader.peek()
    after = reader.peek(1)
    if token.is_word('requires') and after is not None and after.is_word('group'):
        _group_dependency(reader, group)
        return
    if token.kind == _WORD and after is not None and after.is_word('requires'):
        _resource_link(reader, group)
        return
    third = reader.peek(2)
    if token.kind == _WORD and after is not None and after.kind == _WORD \
            and third is not None and third.is_punct('('):
        reader.pos += 2
        name = after.value
        if name in owners:
            raise MainCfError('resource %s is already defined in group %s'
                              % (name, owners[name]), after.line)
        attributes = _attribute_block(reader, 'resource %s' % name)
        group['resources'][name] = {'type': token.value, 'attributes': attributes}
        owners[name] = group['name']
        return
    raise MainCfError('expected a resource ("<Type> <name> ("), "<parent> requires <child>", '
                      '"requires group ..." or a new block, found %s' % token.describe(),
                      token.line)


def _add_named(table, kind, name_token, value):
    if name_token.value in table:
        raise MainCfError('%s %s is defined twice' % (kind, name_token.value), name_token.line)
    table[name_token.value] = value


def parse_maincf(text):
    """A main.cf (or types.cf, or a fragment of either) -> configuration dict.

    See the module documentation for the shape and the per-system value scheme.
    """
    reader = _Reader(text or '')
    config = _empty_config()
    group = None           # the group later resources and requires lines belong to
    owners = {}            # resource -> its group (names are unique in a cluster)
    names = {}             # group name -> its dict with its name, while parsing
    while reader.peek() is not None:
        token = reader.peek()
        after = reader.peek(1)
        keyword = token.kind == _WORD and token.value in _TOP_KEYWORDS and not (
            after is not None and after.is_word('requires'))
        if not keyword:
            if group is None:
                raise MainCfError('%s outside a group (expected include, cluster, system, '
                                  'group, type...)' % token.describe(), token.line)
            _group_statement(reader, group, owners)
            continue
        reader.pos += 1
        group = None
        if token.value == 'include':
            included = reader.next('a file name after include')
            if included.kind not in (_WORD, _STRING):
                raise MainCfError('expected a file name after include', included.line)
            config['include'].append(included.value)
            continue
        name = reader.name('a name after %s' % token.value)
        if token.value == 'cluster':
            if config['cluster'] is not None:
                raise MainCfError('a second cluster block (%s)' % name.value, name.line)
            config['cluster'] = {'name': name.value,
                                 'attributes': _attribute_block(reader, 'cluster ' + name.value)}
        elif token.value == 'system':
            # old files may name a system without a block
            has_block = reader.peek() is not None and reader.peek().is_punct('(')
            attributes = _attribute_block(reader, 'system ' + name.value) if has_block else {}
            _add_named(config['systems'], 'system', name, attributes)
        elif token.value in ('remotecluster', 'heartbeat'):
            _add_named(config[token.value + 's'], token.value, name,
                       _attribute_block(reader, '%s %s' % (token.value, name.value)))
        elif token.value == 'type':
            _add_named(config['types'], 'type', name, _type_block(reader, name.value))
        else:
            group = {'name': name.value,
                     'attributes': _attribute_block(reader, 'group ' + name.value),
                     'resources': {}, 'resource_links': [], 'dependencies': []}
            _add_named(names, 'group', name, group)
    for name, parsed in names.items():
        config['groups'][name] = dict((key, value) for key, value in parsed.items() if key != 'name')
    return config


def parse_typescf(text):
    """A types.cf -> {type name: {'attributes': {name: definition}}} (see parse_maincf)."""
    return parse_maincf(text)['types']


# --------------------------------------------------------------------------- render

_INDENT = ' ' * 8
# "Quotes are not required if a string begins with a letter, and contains only letters,
# numbers, dashes (-), and underscores (_)" [src: VCS admin guide, attribute data types];
# integers are written bare too.
_BARE = re.compile(r'^(?:[A-Za-z][A-Za-z0-9_-]*|-?[0-9]+)$')


# What the parser reads back as one bare word (with template ${...} parts, see _read_word).
_NAME = re.compile(r'^(?![#/])(?:\$\{[^}\n]*\}|[^\s{}()=,;@"])+$')


def _name(value, what):
    if not isinstance(value, str) or not _NAME.match(value) or '//' in value:
        raise ValueError('cannot write %r as a main.cf %s name' % (value, what))
    return value


def _scalar(value):
    if isinstance(value, bool):
        return '1' if value else '0'
    if isinstance(value, int):
        return str(value)
    if not isinstance(value, str):
        raise ValueError('cannot write a %s as a main.cf value: %r' % (type(value).__name__, value))
    if _BARE.match(value):
        return value
    return '"%s"' % value.replace('\\', '\\\\').replace('"', '\\"')


def _render_value(value):
    if isinstance(value, (list, tuple)):
        if not value:
            return '{}'
        return '{ %s }' % ', '.join(_render_value(item) for item in value)
    if isinstance(value, dict):
        if not value:
            return '{}'
        return '{ %s }' % ', '.join('%s = %s' % (_scalar(key), _render_value(item))
                                    for key, item in value.items())
    return _scalar(value)


def _attribute_lines(attributes, indent):
    lines = []
    for name, value in (attributes or {}).items():
        if is_per_system(value):
            for key, item in value.items():
                line = '%s%s @%s = %s' % (indent, _name(name, 'attribute'), _name(key[1:], 'system'),
                                          _render_value(item))
                lines.append(line)
        else:
            lines.append('%s%s = %s' % (indent, _name(name, 'attribute'), _render_value(value)))
    return lines


def _block(keyword, name, attributes, indent):
    inner = indent + _INDENT
    header = '%s%s %s (' % (indent, _name(keyword, 'type'), _name(name, keyword if indent == '' else 'resource'))
    return [header] + _attribute_lines(attributes, inner) + [inner + ')']


def _sorted_resources(resources):
    return sorted(resources.items(), key=lambda item: (item[1].get('type') or '', item[0]))


def _dependency_tree(name, group, ordered):
    """The comment hacf writes after each group (layout of samples maincf_2, fragment_1)."""
    prefix = _INDENT + '//      '
    order = dict((res_name, index) for index, (res_name, _res) in enumerate(ordered))
    types = dict((res_name, res.get('type')) for res_name, res in ordered)
    children = {}
    for parent, child in group.get('resource_links') or []:
        children.setdefault(parent, []).append(child)
    has_parent = set(child for _parent, child in group.get('resource_links') or [])
    lines = [_INDENT + '// resource dependency tree', _INDENT + '//',
             prefix + 'group %s' % name, prefix + '{']

    def walk(res_name, depth, path):
        label = ('%s %s' % (types[res_name], res_name)) if types.get(res_name) else res_name
        lines.append(prefix + '    ' * depth + label)
        below = [c for c in children.get(res_name, []) if c not in path]
        if not below:
            return
        below.sort(key=lambda c: (order.get(c, len(order)), c))
        lines.append(prefix + '    ' * (depth + 1) + '{')
        for child in below:
            walk(child, depth + 1, path | set([child]))
        lines.append(prefix + '    ' * (depth + 1) + '}')

    for res_name, _res in ordered:
        if res_name not in has_parent:
            walk(res_name, 0, set([res_name]))
    lines.append(prefix + '}')
    return lines


def _group_lines(name, group):
    lines = _block('group', name, group.get('attributes'), '') + ['']
    ordered = _sorted_resources(group.get('resources') or {})
    for res_name, resource in ordered:
        lines += _block(resource.get('type'), res_name, resource.get('attributes'), _INDENT) + ['']
    for dependency in group.get('dependencies') or []:
        words = [dependency.get(key) for key in ('category', 'location', 'rigidity') if dependency.get(key)]
        if not words or words[0] not in _CATEGORIES:
            raise ValueError('group %s: a dependency needs a category (online or offline): %r'
                             % (name, dependency))
        lines.append('%srequires group %s %s' % (_INDENT, _name(dependency.get('child'), 'group'),
                                                 ' '.join(words)))
    for parent, child in group.get('resource_links') or []:
        lines.append('%s%s requires %s' % (_INDENT, _name(parent, 'resource'), _name(child, 'resource')))
    return lines + ['', ''] + _dependency_tree(name, group, ordered) + ['', '']


def _type_lines(name, definition):
    lines = ['type %s (' % name]
    for attr_name, attr in (definition.get('attributes') or {}).items():
        words = [flag for flag in _TYPE_MODIFIERS if attr.get(flag)]
        dimension = attr.get('dimension', 'scalar')
        suffix = {'vector': '[]', 'association': '{}'}.get(dimension, '')
        words.append('keylist' if dimension == 'keylist' else attr.get('type', 'str'))
        words.append(attr_name + suffix)
        if 'default' in attr:
            default = attr['default'] if attr.get('expression') else _render_value(attr['default'])
            words += ['=', default]
        lines.append(_INDENT + ' '.join(words))
    return lines + [')', '']


def render_maincf(config):
    """A configuration dict (shape of parse_maincf) -> main.cf text in hacf's layout."""
    lines = ['include %s' % _scalar_quoted(name) for name in config.get('include') or []]
    if lines:
        lines.append('')
    for name, definition in (config.get('types') or {}).items():
        lines += _type_lines(name, definition)
    cluster = config.get('cluster')
    if cluster:
        lines += _block('cluster', cluster['name'], cluster.get('attributes'), '') + ['']
    for keyword, key in (('remotecluster', 'remoteclusters'), ('heartbeat', 'heartbeats'),
                         ('system', 'systems')):
        for name, attributes in (config.get(key) or {}).items():
            lines += _block(keyword, name, attributes, '') + ['']
    groups = config.get('groups') or {}
    for name, group in groups.items():
        lines += _group_lines(name, group)
    if not groups:
        while lines and lines[-1] == '':
            lines.pop()
    return '\n'.join(lines) + '\n' if lines else ''


def _scalar_quoted(value):
    """include lines always quote the file name, as hacf does."""
    return '"%s"' % value.replace('\\', '\\\\').replace('"', '\\"')
