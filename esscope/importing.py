"""Imports into the store, shared by the CLI and the Import page: figures, programmes, sources."""

from pathlib import Path

import pandas as pd

from . import indicators, store
from .build import save_source
from .errors import UserError


def read_indicator_file(con, path, columns=None, constants=None, wide=None) -> indicators.Reading:
    """Read and check a figures file against the store's territories, writing nothing."""
    frame, _ = indicators.read_table(path)
    tidy = indicators.tidy(frame, columns=columns, constants=constants, wide=wide)
    return indicators.check(tidy, indicators.TerritoryResolver.from_store(con))


def import_indicators(db, path, columns=None, constants=None, wide=None, skip_bad=False) -> dict:
    """Import a figures file, all or nothing: with any bad row nothing is written unless `skip_bad`.
    Returns counts (added, updated, unchanged), the errors and the number of rows read."""
    path = Path(path)
    reader = store.connect(db)
    try:
        reading = read_indicator_file(reader, path, columns, constants, wide)
    finally:
        reader.close()
    result = {"errors": reading.errors, "total": reading.total, "added": 0, "updated": 0, "unchanged": 0}
    if (reading.errors and not skip_bad) or reading.rows.empty:
        return result
    with store.writing(db) as con:
        source_id = save_source(con, kind="indicators", name=path.name, fmt=path.suffix.lstrip(".").lower(),
                                raw=path.read_bytes(), rows=len(reading.rows))
        result.update(indicators.save(con, reading.rows, source_id))
    return result


def list_sources(con) -> pd.DataFrame:
    """Every imported document with its kind, row count and date, newest first."""
    return store.query(con, """
        SELECT s.id, s.kind, s.name, s.format, s.edition, s.region_code, s.imported_at, s.note,
               coalesce(e.n, i.n, 0) AS rows
        FROM sources s
        LEFT JOIN (SELECT source_id, count(*) AS n FROM events GROUP BY ALL) e ON e.source_id = s.id
        LEFT JOIN (SELECT source_id, count(*) AS n FROM indicators GROUP BY ALL) i ON i.source_id = s.id
        ORDER BY s.imported_at DESC, s.id
    """)


def remove_source(db, source_id: str) -> str:
    """Take a source out of the store with its events and figures; returns a message."""
    with store.writing(db) as con:
        found = con.execute("SELECT name FROM sources WHERE id = ?", [source_id]).fetchone()
        if not found:
            raise UserError(f"Source inconnue : {source_id} (voir « esscope sources »). / unknown source.")
        events = con.execute("DELETE FROM events WHERE source_id = ?", [source_id]).fetchone()[0]
        figures = con.execute("DELETE FROM indicators WHERE source_id = ?", [source_id]).fetchone()[0]
        con.execute("DELETE FROM sources WHERE id = ?", [source_id])
    return f"Source {source_id} ({found[0]}) retirée : {events} événement(s), {figures} chiffre(s)."
