"""The DuckDB store: opening it, and every write to it, never leaving it half-written.

DuckDB lets one process open a file read-write or many open it read-only,
never both. So nobody writes the store in place: a writer takes a lock,
copies the file, writes and commits the copy, then renames it over the
store. Readers that have the old file open keep a consistent snapshot and
see the new one when they reopen (see `version`). An error leaves the store
exactly as it was.

Every write is a `save_*` (or `remove_*`) function here, run in the caller's
`writing` transaction; what a writer must read to decide (the events a source
holds now, the communes that exist) it reads in that same transaction.
"""

import datetime as dt
import fcntl
import hashlib
import os
import shutil
import time
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

import duckdb
import pandas as pd

from .errors import UserError
from .limits import WRITER_MEMORY
from .parse.model import SQL_TYPES, event_fields
from .paths import ROOT

DEFAULT_PATH = Path("data/esscope.duckdb")
# DuckDB would take gigabytes of a server shared with the app to load millions of figures
WRITER_CONFIG = {"memory_limit": WRITER_MEMORY}


def default_path() -> Path:
    """The store to use when none is named: $ESSCOPE_DB, else the project's data/esscope.duckdb
    (whatever the working directory, e.g. for notebooks)."""
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
            f"La base {path} n'existe pas : lancez « esscope build » (ou « make run ») pour la créer.")
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


# How long a writer waits for another to finish before giving up (a build holds the lock some 20 s).
LOCK_TIMEOUT = float(os.environ.get("ESSCOPE_LOCK_TIMEOUT", "180"))


@contextmanager
def _lock(path: Path, timeout: float | None = None):
    """Hold the store's write lock; wait at most `timeout` seconds for another writer to finish."""
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "w") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreError(f"La base {path} est en cours d'écriture par un autre import depuis plus de "
                                     f"{timeout:.0f} s : rien n'a été écrit. Réessayez dans un moment.") from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_stale_copies(path: Path) -> None:
    """Remove the private copies (`.NAME.PID.tmp` and their WAL) left by writers that were killed: with
    the lock held no other writer is at work, and a copy whose process is gone is nobody's."""
    for copy in path.parent.glob(f".{path.name}.*.tmp*"):
        pid = copy.name[len(path.name) + 2:].split(".")[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            copy.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# The free-text search reads this column rather than folding accents on every row at query time.
SEARCH_TEXT_SQL = """
    UPDATE events SET search_text = strip_accents(lower(concat_ws(' ', title, organizer, venue, address,
        commune_name, theme, kind, array_to_string(co_organizers, ' '),
        (SELECT name FROM territories t WHERE t.level = 'commune' AND t.code = events.commune_code))))
    WHERE search_text IS NULL
"""


class NothingToWrite(Exception):
    """Raised inside `writing` once the writer has found there is nothing to change: the store stays
    as it was and the block ends without error."""


@contextmanager
def writing(path=DEFAULT_PATH, create=False):
    """A read-write connection on a private copy of the store, inside one transaction.

    On leaving the block without error the copy replaces the store; on error (or `NothingToWrite`)
    nothing changes. The lock is taken before the copy is made, so what the block reads is what it
    replaces: two writers never interleave. With `create=True` the copy starts empty with the
    schema (used by `esscope build`). A writer waits for another at most LOCK_TIMEOUT seconds
    ($ESSCOPE_LOCK_TIMEOUT), then gives up with a French message; copies left by killed writers go."""
    path = Path(path)
    with _lock(path):
        if not create and not path.exists():
            raise StoreError(f"La base {path} n'existe pas : lancez « esscope build » pour la créer.")
        _remove_stale_copies(path)
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
        except NothingToWrite:
            con.close()
        except BaseException:
            con.close()
            raise
        finally:
            _remove(tmp)


def _remove(path: Path):
    for p in (path, path.with_name(path.name + ".wal")):
        if p.exists():
            p.unlink()


# --- Writes: one function per thing saved, each in the caller's `writing` transaction -------------
# `con` must be the writing connection itself: a cursor would run outside its transaction.

# An event's columns: what it owes to its document, then its own fields (`parse.model.Event`).
SOURCE_COLUMNS = {"id": "VARCHAR", "source_id": "VARCHAR", "edition": "INTEGER", "region_code": "VARCHAR"}
EVENT_TYPES = SOURCE_COLUMNS | {f.name: SQL_TYPES[f.metadata["kind"]] for f in event_fields()}
EVENT_COLUMNS = tuple(EVENT_TYPES)


def insert_frame(con, table: str, frame: pd.DataFrame, replace=False) -> None:
    """Insert the rows of a frame (its columns named like the table's) in one statement: a registered
    frame is far faster than row by row. With `replace`, a row with the same key replaces the old one."""
    con.register("incoming", frame)
    try:
        columns = ", ".join(frame.columns)
        verb = "INSERT OR REPLACE" if replace else "INSERT"
        con.execute(f"{verb} INTO {table} ({columns}) SELECT {columns} FROM incoming")
    finally:
        con.unregister("incoming")


def save_territories(con, frame: pd.DataFrame) -> None:
    """Insert territories (`geography.territory_rows`: one row per territory, shapes as WKB)."""
    insert_frame(con, "territories", frame)


def save_commune_names(con, rows: list) -> None:
    """Insert the commune name index: (key, code, kind, label) rows (`names.name_rows`)."""
    insert_frame(con, "commune_names", pd.DataFrame(rows, columns=["key", "code", "kind", "label"]))


def save_editions(con, years) -> None:
    """One edition of the Mois de l'ESS per year, all of November."""
    con.executemany("INSERT INTO editions (year, label, start_date, end_date) VALUES (?, ?, ?, ?)",
                    [(y, f"Mois de l'ESS {y}", dt.date(y, 11, 1), dt.date(y, 11, 30)) for y in years])


def save_source(con, kind, name, fmt, raw: bytes = b"", rows=0, edition=None, region_code=None, note=None,
                source_id=None, sha256=None) -> str:
    """Insert or replace a `sources` row; returns its id (by default made from the checksum of `raw`).
    `sha256` is the document's checksum when `raw` is not kept, so an identical re-import is recognised."""
    sha = sha256 or hashlib.sha256(raw).hexdigest()
    source_id = source_id or f"{kind}:{sha[:16]}"
    con.execute(
        "INSERT OR REPLACE INTO sources (id, kind, name, format, sha256, edition, region_code, rows, imported_at, "
        "note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP, ?)",
        [source_id, kind, name, fmt, sha, edition, region_code, rows, note])
    return source_id


def save_events(con, rows: list) -> None:
    """Insert events, each a dict of EVENT_COLUMNS (`importing.store_row`, `bundled.event_row`)."""
    if not rows:
        return
    frame = pd.DataFrame(rows, columns=list(EVENT_COLUMNS), dtype=object)
    con.register("incoming_events", frame)
    try:
        select = ", ".join(f"CAST({c} AS {t})" for c, t in EVENT_TYPES.items())
        con.execute(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) SELECT {select} FROM incoming_events")
    finally:
        con.unregister("incoming_events")


def delete_events(con, ids: list) -> None:
    """Take events out by id."""
    if ids:
        con.execute("DELETE FROM events WHERE id IN (SELECT unnest(?))", [list(ids)])


def remove_source(con, source_id: str) -> tuple | None:
    """Take a source out with its events and figures: (its name, events removed, figures removed),
    or None when there is no such source."""
    found = con.execute("SELECT name FROM sources WHERE id = ?", [source_id]).fetchone()
    if not found:
        return None
    events = con.execute("DELETE FROM events WHERE source_id = ?", [source_id]).fetchone()[0]
    figures = con.execute("DELETE FROM indicators WHERE source_id = ?", [source_id]).fetchone()[0]
    con.execute("DELETE FROM sources WHERE id = ?", [source_id])
    return found[0], events, figures


def save_venue(con, region_code: str, key: str, name: str, address, commune_code: str) -> None:
    """Remember where a venue is, as a person confirmed it."""
    con.execute("INSERT OR REPLACE INTO venues (region_code, key, name, address, commune_code, confirmed, updated_at) "
                "VALUES (?, ?, ?, ?, ?, true, now()::TIMESTAMP)", [region_code, key, name, address, commune_code])


def save_indicators(con, staged: Path, source_id: str) -> dict:
    """Upsert the figures staged in a DuckDB file (table `figures`, see `indicators.Reading.release`) from
    a source; returns counts added/updated/unchanged. They go from DuckDB to DuckDB, never through
    Python: a file may hold millions."""
    quoted = str(staged).replace("'", "''")
    con.execute(f"ATTACH '{quoted}' AS staging (READ_ONLY)")     # ATTACH takes no bound parameter
    added, updated, total = con.execute("""
        SELECT count(*) FILTER (WHERE i.id IS NULL), count(*) FILTER (WHERE i.value <> n.value), count(*)
        FROM staging.figures n LEFT JOIN indicators i ON i.id = n.id
    """).fetchall()[0]
    con.execute("""
        INSERT OR REPLACE INTO indicators (id, territory_level, territory_code, territory_name, year, indicator,
                                           value, qualifier, unit, scope, source_url, source_id)
        SELECT id, territory_level, territory_code, territory_name, year, indicator, value, qualifier, unit,
               scope, source_url, ? FROM staging.figures
    """, [source_id])
    # on an error the writer's connection is closed with its transaction, the attachment with it
    con.execute("DETACH staging")
    return {"added": added, "updated": updated, "unchanged": total - added - updated}


# --- What a writer reads to decide, in its own transaction ---------------------------------------

def stored_events(con, source_id: str) -> dict:
    """The events a source holds now: id → dict of EVENT_COLUMNS."""
    rows = con.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE source_id = ?", [source_id]).fetchall()
    return {r[0]: dict(zip(EVENT_COLUMNS, r)) for r in rows}


def stored_checksum(con, source_id: str) -> str | None:
    """The checksum of the document a source was imported from, None when there is no such source."""
    found = con.execute("SELECT sha256 FROM sources WHERE id = ?", [source_id]).fetchone()
    return found[0] if found else None


def known_communes(con, codes) -> set:
    """Those of `codes` that are communes of the store."""
    codes = [c for c in set(codes) if c]
    if not codes:
        return set()
    return {r[0] for r in con.execute(
        "SELECT code FROM territories WHERE level = 'commune' AND code IN (SELECT unnest(?))", [codes]).fetchall()}


def commune_name(con, code: str) -> str | None:
    """The name of the commune with this INSEE code, None when there is none."""
    found = con.execute("SELECT name FROM territories WHERE level = 'commune' AND code = ?", [code]).fetchone()
    return found[0] if found else None


def table_counts(con) -> dict:
    """Rows per table."""
    tables = ["territories", "commune_names", "editions", "sources", "venues", "events", "indicators"]
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
