"""Read queries behind the pages. Each takes a connection (or cursor) first and returns a DataFrame.

Every query runs on its own cursor (`store.query`) and takes values as bound parameters."""

import pandas as pd

from .store import query

LEVEL_LABELS = {
    "country": "France", "region": "Régions", "department": "Départements", "epci": "EPCI",
    "commune": "Communes", "arrondissement": "Arrondissements municipaux", "other": "Autres périmètres",
}


def table_counts(con) -> pd.DataFrame:
    """Rows per table of the store, with a French label."""
    return query(con, """
        SELECT 'Territoires' AS "Table", count(*) AS "Lignes" FROM territories
        UNION ALL SELECT 'Noms de communes indexés', count(*) FROM commune_names
        UNION ALL SELECT 'Éditions du Mois de l''ESS', count(*) FROM editions
        UNION ALL SELECT 'Sources importées', count(*) FROM sources
        UNION ALL SELECT 'Lieux connus', count(*) FROM venues
        UNION ALL SELECT 'Événements', count(*) FROM events
        UNION ALL SELECT 'Chiffres de l''ESS', count(*) FROM indicators
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
