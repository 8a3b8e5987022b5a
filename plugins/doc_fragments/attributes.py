# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):

    DOCUMENTATION = r'''
options: {}
attributes:
  check_mode:
    description: Can run in check mode and return the commands it would run, without running them.
  diff_mode:
    description: Will return details on what has changed (or would change in check mode) when in diff mode.
  platform:
    description: Runs on the InfoScale cluster node; the InfoScale commands must be installed there.
    platforms: posix
'''

    CHANGING = r'''
options: {}
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
  platform:
    support: full
'''

    INFO_MODULE = r'''
options: {}
attributes:
  check_mode:
    support: full
    details: This module only reads; it runs the same read commands in check mode.
  diff_mode:
    support: N/A
  platform:
    support: full
'''
