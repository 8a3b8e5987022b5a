# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Text helpers shared by the parsers of every product (VxVM, VCS, VVR)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

# A shell prompt followed by a command (or nothing), as found in captures and in
# output pasted by users: "bash-3.2# cmd", "sh-5.1# cmd", "root@host:~# cmd",
# "serverA # cmd", "[root@media1 bin]# cmd", "# cmd", "$ cmd".
# Command output lines never start with one of these (VCS headers such as
# "#Group  Attribute" have no space after the "#").
_PROMPT = re.compile(
    r'^(?:'
    r'\[[^\]]*\]\s?[#$]'              # [root@media1 bin]#
    r'|[\w.-]+@[\w.-]+:[^\s#$]*\s?[#$]'  # root@CSS3-H21:~#
    r'|[\w.+-]*sh-\d+(?:\.\d+)*[#$]'  # bash-3.2#  sh-5.1#
    r'|[\w.-]+\s+[#$]'                # serverA #
    r'|[#$]'                          # bare "#" or "$"
    r')(?:\s|$)')

_VCODE = re.compile(r'\bV-\d+-\d+-\d+\b')


def is_prompt(line):
    """True when ``line`` is a shell prompt (with or without a command after it)."""
    return _PROMPT.match(line) is not None


def output_lines(text):
    """The lines of ``text`` that are command output.

    Drops blank lines and shell-prompt lines; keeps leading whitespace (some outputs
    indent continuation lines) and strips trailing whitespace. ``text`` may also be a
    list of lines (Ansible's ``stdout_lines``).
    """
    if text is None:
        return []
    if not isinstance(text, str):
        text = '\n'.join(text)
    lines = []
    for line in text.splitlines():
        line = line.rstrip()
        if line and not _PROMPT.match(line):
            lines.append(line)
    return lines


def vcode(text):
    """The first message code (``V-5-1-2349``, ``V-16-1-10136``) in ``text``, or None."""
    if not text:
        return None
    match = _VCODE.search(text)
    return match.group(0) if match else None
