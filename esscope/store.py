"""Opening the DuckDB store, and writing it without ever leaving it half-written.

DuckDB lets one process open a file read-write or many open it read-only,
never both. So nobody writes the store in place: a writer takes a lock,
copies the file, writes and commits the copy, then renames it over the
store. Readers that have the old file open keep a consistent snapshot and
see the new one when they reopen (see `version`). An error leaves the store
exactly as it was.
"""

import fcntl
import os
import shutil
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

import duckdb
import pandas as pd

from .errors import UserError
from .limits import WRITER_MEMORY

DEFAULT_PATH = Path("data/esscope.duckdb")
# DuckDB would take gigabytes of a server shared with the app to load millions of figures
WRITER_CONFIG = {"memory_limit": WRITER_MEMORY}


def default_path() -> Path:
    """The store to use when none is named: $ESSCOPE_DB, else the project's data/esscope.duckdb
    (whatever the working directory, e.g. for notebooks)."""
    from .paths import ROOT
    return Path(os.environ.get("ESSCOPE_DB") or ROOT / DEFAULT_PATH)


class StoreError(UserError):
    """The store is missing, locked or unreadable; the message says what to do."""


def schema_sql() -> str:
    """The store's DDL (esscope/schema.sql)."""
    return files("esscope").joinpath("schema.sql").read_text(encoding="utf-8")


class Reader:
    """A read-only view of the store file as it is when opened, usable like a DuckDB connection:
    `cursor()` (take a new one per query when threads share the reader) and `execute()`.

    DuckDB keeps one database instance per file path in a process: after a writer replaced the
    file, `duckdb.connect(path)` would hand back the instance of the *old* file for as long as any
    connection to it lives, so a process would not see its own imports. Attaching the file to a
    private in-memory database opens the file as it is now."""

    def __init__(self, path):
        self._con = duckdb.connect(":memory:")
        quoted = str(Path(path).resolve()).replace("'", "''")
        # ATTACH takes no bound parameter; the path is ours, quoted as a SQL string literal
        self._con.execute(f"ATTACH '{quoted}' AS esscope (READ_ONLY)")
        self._con.execute("USE esscope")

    def cursor(self):
        cur = self._con.cursor()
        cur.execute("USE esscope")
        return cur

    def execute(self, sql, params=None):
        return self.cursor().execute(sql, params or [])

    def close(self):
        self._con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def connect(path=DEFAULT_PATH) -> Reader:
    """Open the store for reading. Many readers may be open while a writer works (see `writing`)."""
    path = Path(path)
    if not path.exists():
        raise StoreError(
            f"La base {path} n'existe pas : lancez « esscope build » (ou « make run ») pour la créer. "
            f"/ The store {path} does not exist: run `esscope build`.")
    try:
        return Reader(path)
    except duckdb.Error as exc:
        raise StoreError(f"La base {path} est illisible ({exc}) : reconstruisez-la avec « esscope build ».") from exc


def version(path=DEFAULT_PATH) -> tuple:
    """Identity of the store file's current content; changes whenever a writer replaces it."""
    st = Path(path).stat()
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def query(con, sql: str, params=None) -> pd.DataFrame:
    """Run one read query on its own cursor (a shared connection used from several threads
    otherwise mixes up their results) and return a DataFrame."""
    cur = con.cursor()
    try:
        return cur.execute(sql, params or []).df()
    finally:
        cur.close()


@contextmanager
def _lock(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# The free-text search reads this column rather than folding accents on every row at query time.
SEARCH_TEXT_SQL = """
    UPDATE events SET search_text = strip_accents(lower(concat_ws(' ', title, organizer, venue, address,
        commune_name, theme, kind, array_to_string(co_organizers, ' '),
        (SELECT name FROM territories t WHERE t.level = 'commune' AND t.code = events.commune_code))))
    WHERE search_text IS NULL
"""


@contextmanager
def writing(path=DEFAULT_PATH, create=False):
    """A read-write connection on a private copy of the store, inside one transaction.

    On leaving the block without error the copy replaces the store; on error nothing changes.
    With `create=True` the copy starts empty with the schema (used by `esscope build`)."""
    path = Path(path)
    with _lock(path):
        if not create and not path.exists():
            raise StoreError(
                f"La base {path} n'existe pas : lancez « esscope build » pour la créer. "
                f"/ The store {path} does not exist: run `esscope build`.")
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        _remove(tmp)
        if create:
            con = duckdb.connect(str(tmp), config=WRITER_CONFIG)
            con.execute(schema_sql())
        else:
            shutil.copyfile(path, tmp)
            con = duckdb.connect(str(tmp), config=WRITER_CONFIG)
        try:
            con.execute("BEGIN TRANSACTION")
            yield con
            con.execute(SEARCH_TEXT_SQL)
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
            con.close()
            os.replace(tmp, path)
        except BaseException:
            con.close()
            raise
        finally:
            _remove(tmp)


def _remove(path: Path):
    for p in (path, path.with_name(path.name + ".wal")):
        if p.exists():
            p.unlink()
