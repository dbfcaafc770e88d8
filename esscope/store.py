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

DEFAULT_PATH = Path("data/esscope.duckdb")


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


def connect(path=DEFAULT_PATH, read_only=True) -> duckdb.DuckDBPyConnection:
    """Open the store. Readers should take a new `cursor()` per query (see `query`)."""
    path = Path(path)
    if not path.exists():
        raise StoreError(
            f"La base {path} n'existe pas : lancez « esscope build » (ou « make run ») pour la créer. "
            f"/ The store {path} does not exist: run `esscope build`.")
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        raise StoreError(f"La base {path} est occupée ou illisible ({exc}).") from exc


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
            con = duckdb.connect(str(tmp))
            con.execute(schema_sql())
        else:
            shutil.copyfile(path, tmp)
            con = duckdb.connect(str(tmp))
        try:
            con.execute("BEGIN TRANSACTION")
            yield con
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
