"""Stateful simulator of the Veritas InfoScale command line.

The command path (shims -> entry.dispatch -> a command module) imports only the standard
library modules it needs (sqlite3, json); PyYAML is used by the admin CLI alone.
"""
