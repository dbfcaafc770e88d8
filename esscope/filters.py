"""Filtering events: one `EventFilter` shared by the map, the report, the exports and their URLs.

The filter becomes a SQL WHERE clause with bound parameters only (never values
formatted into the SQL text), and round-trips through URL query parameters.
"""

import datetime as dt
from dataclasses import dataclass, field, fields

import pandas as pd

from . import store
from .store import query

# Every column of an event, its commune's name as the store knows it, and where the commune is.
EVENT_SELECT = ", ".join([f"e.{c}" for c in store.EVENT_COLUMNS if c != "commune_name"] + [
    "coalesce(c.name, e.commune_name) AS commune_name", "c.department_code", "c.region_code AS commune_region_code",
    "c.epci_code", "c.lon", "c.lat", "c.population"])


@dataclass
class EventFilter:
    """What a user asked to see. Empty fields do not filter."""
    editions: list = field(default_factory=list)     # years
    region: str = ""                                  # INSEE code of a région
    department: str = ""
    epci: str = ""                                    # SIREN
    commune: str = ""
    themes: list = field(default_factory=list)
    kinds: list = field(default_factory=list)
    start: dt.date | None = None                      # events ending on or after
    end: dt.date | None = None                        # events starting on or before
    online: str = ""                                  # '' all, 'oui' online only, 'non' on site only
    text: str = ""                                    # free-text search in title, organiser, venue, commune

    def where(self) -> tuple:
        """(SQL condition, parameters) over events `e` joined to communes `c`."""
        clauses, params = ["TRUE"], []
        if self.editions:
            clauses.append(f"e.edition IN ({', '.join('?' * len(self.editions))})")
            params += [int(y) for y in self.editions]
        # an event counts for a territory by its commune, or by its programme's région when it has none
        if self.region:
            clauses.append("coalesce(c.region_code, e.region_code) = ?")
            params.append(self.region)
        for column, value in (("c.department_code", self.department), ("c.epci_code", self.epci),
                              ("e.commune_code", self.commune)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        for column, values in (("e.theme", self.themes), ("e.kind", self.kinds)):
            if values:
                clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
                params += list(values)
        if self.start:
            clauses.append("coalesce(e.end_date, e.start_date) >= ?")
            params.append(self.start)
        if self.end:
            clauses.append("e.start_date <= ?")
            params.append(self.end)
        if self.online in ("oui", "non"):
            clauses.append("e.online = ?")
            params.append(self.online == "oui")
        if self.text.strip():
            clauses.append("e.search_text LIKE '%' || strip_accents(lower(?)) || '%'")
            params.append(self.text.strip())
        return " AND ".join(clauses), params

    def to_params(self) -> dict:
        """URL query parameters (strings or lists of strings) for the non-empty fields."""
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value in (None, "", []):
                continue
            if isinstance(value, list):
                out[f.name] = [str(v) for v in value]
            elif isinstance(value, dt.date):
                out[f.name] = value.isoformat()
            else:
                out[f.name] = str(value)
        return out

    @classmethod
    def from_params(cls, params) -> "EventFilter":
        """Read a filter back from URL query parameters; anything malformed is ignored."""
        def many(name):
            if hasattr(params, "get_all"):
                values = params.get_all(name)
            else:
                values = params.get(name, [])
                values = [values] if isinstance(values, str) else list(values)
            return [v for v in values if v]

        def date(name):
            try:
                return dt.date.fromisoformat(many(name)[0]) if many(name) else None
            except ValueError:
                return None

        one = {name: (many(name) or [""])[0] for name in ("region", "department", "epci", "commune", "online", "text")}
        return cls(editions=[int(y) for y in many("editions") if y.isdigit()], themes=many("themes"),
                   kinds=many("kinds"), start=date("start"), end=date("end"), **one)

    def describe(self) -> list:
        """(Filtre, Valeur) pairs in French, e.g. for the sheet listing the filters of an export."""
        labels = {"editions": "Éditions", "region": "Région", "department": "Département", "epci": "EPCI",
                  "commune": "Commune", "themes": "Thèmes", "kinds": "Types", "start": "Du", "end": "Au",
                  "online": "En ligne", "text": "Recherche"}
        return [(labels[k], ", ".join(v) if isinstance(v, list) else v) for k, v in self.to_params().items()]


def filtered_events(con, flt: EventFilter) -> pd.DataFrame:
    """Events matching the filter with their commune's codes and position, by date."""
    where, params = flt.where()
    return query(con, f"""
        SELECT {EVENT_SELECT}
        FROM events e LEFT JOIN territories c ON c.level = 'commune' AND c.code = e.commune_code
        WHERE {where}
        ORDER BY e.start_date NULLS LAST, e.start_time NULLS LAST, e.title
    """, params)


def commune_counts(con, flt: EventFilter) -> pd.DataFrame:
    """Events per commune (code, name, lon, lat, population, department, events) for the filter."""
    where, params = flt.where()
    return query(con, f"""
        SELECT c.code, c.name, c.lon, c.lat, c.population, c.department_code, c.region_code, c.epci_code,
               count(*) AS events
        FROM events e JOIN territories c ON c.level = 'commune' AND c.code = e.commune_code
        WHERE {where}
        GROUP BY ALL ORDER BY events DESC, c.name
    """, params)


def filter_options(con) -> dict:
    """Values offered by the filter widgets: editions with events, themes, kinds, date bounds."""
    def values(sql):
        return [r[0] for r in query(con, sql).itertuples(index=False)]
    bounds = query(con, "SELECT min(start_date) AS lo, max(coalesce(end_date, start_date)) AS hi FROM events")
    return {
        "editions": values("SELECT DISTINCT edition FROM events ORDER BY edition DESC"),
        "themes": values("SELECT DISTINCT theme FROM events WHERE theme IS NOT NULL ORDER BY theme"),
        "kinds": values("SELECT DISTINCT kind FROM events WHERE kind IS NOT NULL ORDER BY kind"),
        "first_day": bounds["lo"].iloc[0], "last_day": bounds["hi"].iloc[0],
    }
