"""The one SQLite database of a simulated estate (DIR/state.db).

Tables:
  meta(key, value)      estate (JSON), clock origin, speed
  domains(name, doc)    one JSON document per state domain, e.g. 'vxvm:<cluster>'
  audit(...)            one row per simulated CLI invocation

Every CLI invocation runs in one BEGIN IMMEDIATE transaction: load the domains it
needs, mutate them in memory, write back the ones that differ, append the audit row,
commit. Parallel processes (Ansible forks on several nodes) therefore serialise on the
write lock and never see or leave half-done state.
"""
import json
import os
import sqlite3

from .errors import SimStateError

DB_NAME = "state.db"
BUSY_TIMEOUT_MS = 120000

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS domains (name TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time REAL NOT NULL,
    node TEXT NOT NULL,
    argv TEXT NOT NULL,
    rc INTEGER NOT NULL,
    changed INTEGER NOT NULL,
    duration REAL NOT NULL,
    stdout TEXT NOT NULL,
    stderr TEXT NOT NULL
);
"""


def db_path(state_dir):
    return os.path.join(state_dir, DB_NAME)


def dumps(doc):
    return json.dumps(doc, separators=(",", ":"))


def connect(state_dir, create=False):
    path = db_path(state_dir)
    if not create and not os.path.exists(path):
        raise SimStateError(f"no simulator state in {state_dir} (run 'infoscale-sim init' first)")
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    if create:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.executescript(SCHEMA)
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


class Transaction:
    """Domain documents loaded, mutated and written back in one write transaction."""

    def __init__(self, conn):
        self.conn = conn
        self._docs = {}
        self._original = {}
        self._meta = None

    def __enter__(self):
        self.conn.execute("BEGIN IMMEDIATE")
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute("ROLLBACK")
        return False

    def meta(self):
        if self._meta is None:
            rows = self.conn.execute("SELECT key, value FROM meta").fetchall()
            self._meta = {k: json.loads(v) for k, v in rows}
        return self._meta

    def doc(self, name):
        """The domain document (a dict), loaded once per transaction."""
        if name not in self._docs:
            row = self.conn.execute("SELECT doc FROM domains WHERE name=?", (name,)).fetchone()
            text = row[0] if row else None
            self._original[name] = text
            self._docs[name] = json.loads(text) if text else {}
        return self._docs[name]

    def discard(self):
        """Forget in-memory changes (the command failed)."""
        self._docs.clear()
        self._original.clear()

    def flush(self, skip_compare=False):
        """Write back changed documents; True when any stored state differs."""
        if skip_compare:
            return False
        changed = False
        for name, doc in self._docs.items():
            text = dumps(doc)
            if text != self._original[name]:
                self.conn.execute(
                    "INSERT OR REPLACE INTO domains(name, doc) VALUES (?, ?)", (name, text))
                self._original[name] = text
                changed = True
        return changed

    def audit(self, time, node, argv, rc, changed, duration, stdout, stderr):
        self.conn.execute(
            "INSERT INTO audit(time, node, argv, rc, changed, duration, stdout, stderr)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (time, node, json.dumps(argv), rc, int(changed), duration, stdout, stderr))


def write_meta(conn, values):
    for key, value in values.items():
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, json.dumps(value)))


def read_meta(conn):
    return {k: json.loads(v) for k, v in conn.execute("SELECT key, value FROM meta")}


def replace_domains(conn, docs):
    conn.execute("DELETE FROM domains")
    for name, doc in docs.items():
        conn.execute("INSERT INTO domains(name, doc) VALUES (?, ?)", (name, dumps(doc)))


def read_domain(conn, name):
    row = conn.execute("SELECT doc FROM domains WHERE name=?", (name,)).fetchone()
    return json.loads(row[0]) if row else {}


def audit_rows(conn, node=None, since=None, changed_only=False):
    sql = "SELECT id, time, node, argv, rc, changed, duration, stdout, stderr FROM audit WHERE 1=1"
    params = []
    if node is not None:
        sql += " AND node=?"
        params.append(node)
    if since is not None:
        sql += " AND id>?"
        params.append(since)
    if changed_only:
        sql += " AND changed=1"
    sql += " ORDER BY id"
    for row in conn.execute(sql, params):
        yield {
            "id": row[0], "time": row[1], "node": row[2], "argv": json.loads(row[3]),
            "rc": row[4], "changed": bool(row[5]), "duration": row[6],
            "stdout": row[7], "stderr": row[8],
        }


def clear_audit(conn):
    conn.execute("DELETE FROM audit")
    conn.execute("DELETE FROM sqlite_sequence WHERE name='audit'")
