"""A territory's portrait: finding it, its latest figures with their sources, its parents and siblings.

Figures are never invented: where a territory has none the card says so; where sources give
different values for the same year both are kept and the card says they disagree.
"""

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from .filters import EventFilter
from .french import format_number, format_percent
from .indicators import INDICATORS, QUALIFIERS
from .names import normalise
from .queries import read_shapes, read_territory
from .store import query

LEVEL_NAMES = {"country": "France", "region": "région", "department": "département", "epci": "EPCI",
               "commune": "commune", "other": "autre périmètre"}
SEARCH_LEVELS = ("country", "region", "department", "epci", "commune")
CARD_INDICATORS = ("employees", "establishments", "share_of_jobs_pct", "prix_ess_applicants", "mois_ess_events")
OLD_AFTER_YEARS = 5
LOADED_EVENTS = "loaded_events"   # events of the loaded programmes, counted from the events table
FRANCE = ("country", "FR")


def to_key(level: str, code: str) -> str:
    """The territory as one URL-friendly text, e.g. 'epci:200093201'."""
    return f"{level}:{code}"


def from_key(key: str) -> tuple | None:
    """('epci', '200093201') from 'epci:200093201', or None when malformed."""
    level, sep, code = (key or "").partition(":")
    return (level, code) if sep and level in SEARCH_LEVELS and code else None


# A territory's name as a search key, in SQL: lower case, no accents, « œ » as « oe », letters and digits only.
NAME_KEY = "regexp_replace(strip_accents(lower(replace(t.name, 'œ', 'oe'))), '[^a-z0-9]+', '', 'g')"
SEARCH_ORDER = """CASE t.level WHEN 'country' THEN 0 WHEN 'region' THEN 1 WHEN 'department' THEN 2
                  WHEN 'epci' THEN 3 ELSE 4 END"""
SEARCH_COLUMNS = ["level", "code", "name", "label", "population", "guessed"]


def search_territories(con, text: str, limit: int = 20) -> pd.DataFrame:
    """Territories whose name contains the text (compared as `names.normalise` keys) or whose code or
    postcode starts with it, France first, then régions, départements, EPCI and communes; within a
    level, exact names first and larger populations first. When no name matches exactly, names one or
    two letters away come first (« Montpelier » → Montpellier, « Lile » → Lille), marked `guessed`
    unless they also contain the text.
    Columns: level, code, name, label, population, guessed."""
    text = (text or "").strip()
    if not text:
        return pd.DataFrame(columns=SEARCH_COLUMNS)
    key = normalise(text)
    frame = query(con, f"""
        WITH hits AS (
            SELECT t.level, t.code FROM territories t
            WHERE t.level IN ('country', 'region', 'department', 'epci', 'commune')
              AND (t.code = ? OR (length(?) >= 2 AND t.code LIKE ? || '%')
                   OR (? <> '' AND {NAME_KEY} LIKE '%' || ? || '%'))
            UNION
            SELECT 'commune', n.code FROM commune_names n WHERE n.kind = 'postcode' AND n.key = ?
            UNION
            SELECT 'country', 'FR' WHERE ? IN ('france', 'fr')
        )
        SELECT t.level, t.code, t.name, t.population, d.name AS department_name, ({NAME_KEY} = ?) AS exact
        FROM hits h JOIN territories t ON t.level = h.level AND t.code = h.code
        LEFT JOIN territories d ON d.level = 'department' AND d.code = t.department_code
        ORDER BY exact DESC, {SEARCH_ORDER}, t.population DESC NULLS LAST, t.name
        LIMIT ?
    """, [text, text, text, key, key, key, key, key, limit])
    frame["guessed"] = False
    if not frame["exact"].any() and len(key) >= 4 and not key.isdigit():
        # names a typo or two away come first, closest first (« Lile » → Lille before « L'Île-Bouchard »)
        found = set(zip(frame["level"], frame["code"]))
        likely = _likely_territories(con, key, limit)
        likely["guessed"] = [(lv, c) not in found for lv, c in zip(likely["level"], likely["code"])]
        frame = pd.concat([likely, frame], ignore_index=True).drop_duplicates(["level", "code"]).head(limit)
    frame["label"] = [label(r) for r in frame.to_dict("records")]
    return frame[SEARCH_COLUMNS]


def typo_allowance(key: str) -> int:
    """How many letters a search may get wrong: one from 4 letters, two from 8."""
    return 2 if len(key) >= 8 else 1


def _likely_territories(con, key: str, limit: int) -> pd.DataFrame:
    """Territories whose name key is at most `typo_allowance` edits from `key`, closest first."""
    frame = query(con, f"""
        SELECT t.level, t.code, t.name, t.population, d.name AS department_name,
               levenshtein({NAME_KEY}, ?) AS distance
        FROM territories t
        LEFT JOIN territories d ON d.level = 'department' AND d.code = t.department_code
        WHERE t.level IN ('country', 'region', 'department', 'epci', 'commune')
          AND abs(length({NAME_KEY}) - length(?)) <= ? AND levenshtein({NAME_KEY}, ?) <= ?
        ORDER BY distance, {SEARCH_ORDER}, t.population DESC NULLS LAST, t.name
        LIMIT ?
    """, [key, key, typo_allowance(key), key, typo_allowance(key), limit])
    return frame.drop(columns="distance").assign(guessed=True)


def label(row: dict) -> str:
    """'Lille (commune, Nord, 59350)', 'Nord (département, 59)', 'France'."""
    level, code, name = row["level"], row["code"], row["name"]
    if level == "country":
        return name
    detail = [LEVEL_NAMES[level]]
    if level == "commune" and row.get("department_name"):
        detail.append(row["department_name"])
    detail.append(code)
    return f"{name} ({', '.join(detail)})"


def read_figures(con, level: str, code: str) -> pd.DataFrame:
    """Every figure of the territory, newest first, with French labels."""
    frame = query(con, """
        SELECT indicator, year, value, qualifier, unit, scope, source_url, territory_name
        FROM indicators WHERE territory_level = ? AND territory_code = ?
        ORDER BY indicator, year DESC NULLS LAST, source_url
    """, [level, code])
    return frame


def read_other_perimeters(con) -> pd.DataFrame:
    """Figures of perimeters that are no territory of today's map (old régions, pays, zones d'emploi)."""
    return query(con, """
        SELECT territory_name, indicator, year, value, qualifier, unit, scope, source_url
        FROM indicators WHERE territory_level = 'other'
        ORDER BY territory_name, indicator, year NULLS LAST
    """)


def format_value(value, unit: str, qualifier: str = "") -> str:
    """'52 000', '10,7 %', '76 000 000 €', with « plus de » / « environ » / « moins de » in front."""
    if value is None or pd.isna(value):
        return "aucun chiffre disponible"
    if unit == "pct":
        text = format_percent(value)
    elif unit == "eur":
        text = format_number(value) + "\u00a0€"
    else:
        text = format_number(value)
    words = [QUALIFIERS[q] for q in (qualifier or "").split("|") if q in ("more_than", "about", "less_than")]
    return " ".join(words + [text])


def qualifier_notes(qualifier: str) -> list:
    """French notes for the qualifiers that are not part of the value (« bilan provisoire »…)."""
    return [QUALIFIERS[q] for q in (qualifier or "").split("|") if q in ("approx_year", "as_of_date")]


def figures_table(frame: pd.DataFrame, year_label="Année", value_label="Valeur", with_indicator=True,
                  with_territory=False) -> pd.DataFrame:
    """Figures (rows of `indicators`) as a table with French headers: the indicator, the year, the value
    with its qualifier in words, the other qualifiers, the scope and the source (kept as written).
    The Éditions page names its columns « Édition » and « Événements » and leaves the indicator out."""
    units = frame["unit"] if "unit" in frame else ["count"] * len(frame)
    columns = {}
    if with_territory:
        columns["Territoire"] = (frame["territory_name"] if "territory_name" in frame else frame["name"]).to_numpy()
    if with_indicator:
        columns["Indicateur"] = [INDICATORS[i][0] for i in frame["indicator"]]
    columns[year_label] = [str(int(y)) if pd.notna(y) else "non précisée" for y in frame["year"]]
    columns[value_label] = [format_value(v, u, q) for v, u, q in zip(frame["value"], units, frame["qualifier"])]
    columns["Précisions"] = [", ".join(qualifier_notes(q)) for q in frame["qualifier"]]
    columns["Périmètre"] = frame["scope"].to_numpy()
    columns["Source"] = frame["source_url"].to_numpy()
    return pd.DataFrame(columns)


@dataclass
class Card:
    """The latest figure of one indicator for a territory, and what a reader must know about it."""
    indicator: str
    label: str
    unit: str
    rows: pd.DataFrame = field(repr=False)       # every figure of the latest year (several if sources differ)
    history: pd.DataFrame = field(repr=False)    # every figure of the indicator
    today: int = dt.date.today().year
    owner: str | None = None        # the parent whose figure this is, when the territory has none of its own
    owner_level: str | None = None

    @property
    def empty(self) -> bool:
        return self.rows.empty

    @property
    def year(self):
        return None if self.empty or pd.isna(self.rows["year"].iloc[0]) else int(self.rows["year"].iloc[0])

    @property
    def value_text(self) -> str:
        """The value as read aloud, with its owner's name when it is a parent's: « Pas-de-Calais : 12,2 % »."""
        if self.empty:
            return "aucun chiffre disponible"
        return f"{self.owner} : {self.own_value_text}" if self.owner else self.own_value_text

    @property
    def own_value_text(self) -> str:
        """The value alone: « 12,2 % »."""
        if self.empty:
            return "aucun chiffre disponible"
        first = self.rows.iloc[0]
        return format_value(first["value"], self.unit, first["qualifier"])

    def owner_note(self, territory_name: str) -> str:
        """For a parent's figure: « Pas-de-Calais : 12,2 % en 2015 (chiffre du département ; aucun chiffre
        propre à Lens) »; empty for the territory's own figure."""
        if not self.owner or self.empty:
            return ""
        year = f" en {self.year}" if self.year else ""
        return (f"{self.owner} : {self.own_value_text}{year} (chiffre {_of_level(self.owner_level)} ; "
                f"aucun chiffre propre à {territory_name})")

    @property
    def disagree(self) -> bool:
        """Sources give different values for the same year."""
        return self.rows["value"].nunique() > 1

    @property
    def old(self) -> bool:
        """The newest figure is more than OLD_AFTER_YEARS years old (or has no year)."""
        return not self.empty and (self.year is None or self.today - self.year > OLD_AFTER_YEARS)

    def notes(self) -> list:
        """French remarks to show beside the figure."""
        if self.empty:
            return []
        out = []
        if self.disagree:
            values = " ; ".join(f"{format_value(r['value'], self.unit, r['qualifier'])} ({r['scope'] or 'source'})"
                                for r in self.rows.to_dict("records"))
            out.append(f"Les sources ne concordent pas pour {self.year or 'cette année'} : {values}.")
        if self.old:
            out.append("Année non précisée par la source." if self.year is None
                       else f"Chiffre ancien ({self.year}, il y a {self.today - self.year} ans).")
        out += qualifier_notes(self.rows["qualifier"].iloc[0])
        return out


INHERITING_LEVELS = ("commune", "epci")     # levels whose cards fall back on a parent's figure


def read_cards(con, level: str, code: str, indicators=CARD_INDICATORS, today=None) -> list:
    """One `Card` per indicator, in order, from the territory's figures. A commune or an EPCI without a
    figure of its own gets the nearest parent's latest one, marked as that parent's (`Card.owner`)."""
    cards = cards_from_figures(read_figures(con, level, code), indicators, today)
    if level not in INHERITING_LEVELS or all(not c.empty for c in cards):
        return cards
    place = read_territory(con, level, code)
    for parent_level, parent_code in parents(place) if place else []:
        missing = [c.indicator for c in cards if c.empty]
        if not missing:
            break
        parent = read_territory(con, parent_level, parent_code)
        found = {c.indicator: c for c in cards_from_figures(read_figures(con, parent_level, parent_code),
                                                            missing, today) if not c.empty}
        for i, card in enumerate(cards):
            if card.indicator in found:
                cards[i] = found[card.indicator]
                cards[i].owner, cards[i].owner_level = parent["name"] if parent else parent_code, parent_level
    return cards


def _of_level(level: str) -> str:
    """« du département », « de la région », « de l'EPCI », « de la France »."""
    return {"country": "de la France", "region": "de la région", "department": "du département",
            "epci": "de l'EPCI", "commune": "de la commune"}.get(level, "d'un territoire parent")


def cards_from_figures(figures: pd.DataFrame, indicators=CARD_INDICATORS, today=None) -> list:
    today = today or dt.date.today().year
    cards = []
    for ind in indicators:
        history = figures[figures["indicator"] == ind]
        latest = history
        if history["year"].notna().any():
            latest = history[history["year"] == history["year"].max()]
        label_text, unit = INDICATORS[ind]
        cards.append(Card(ind, label_text, unit, latest.reset_index(drop=True), history.reset_index(drop=True), today))
    return cards


def parents(territory: dict) -> list:
    """(level, code) of the territory's parents, nearest first, ending with France."""
    level = territory["level"]
    chain = []
    if level == "commune" and territory.get("epci_code"):
        chain.append(("epci", territory["epci_code"]))
    if level in ("commune", "epci") and territory.get("department_code"):
        chain.append(("department", territory["department_code"]))
    if level in ("commune", "epci", "department") and territory.get("region_code"):
        chain.append(("region", territory["region_code"]))
    if level != "country":
        chain.append(FRANCE)
    return chain


def sibling_scope(territory: dict) -> tuple:
    """(level, parent filter) of the territories to compare with: a commune's EPCI (or département),
    an EPCI's département, a département's région, every région (for a région or France)."""
    level = territory["level"]
    if level == "commune":
        if territory.get("epci_code"):
            return "commune", {"epci": territory["epci_code"]}
        return "commune", {"department": territory["department_code"]}
    if level == "epci":
        return "epci", {"department": territory["department_code"]}
    if level == "department":
        return "department", {"region": territory["region_code"]}
    return "region", {}


def latest_values(con, level: str, indicator: str, codes=None) -> pd.DataFrame:
    """Per territory of `level`: the newest year's figure of `indicator`; when sources differ that
    year, `value` is their median and `values` lists them all, so nothing is picked silently.
    Columns: code, year, value, values, sources, disagree."""
    frame = query(con, """
        WITH ranked AS (
            SELECT territory_code AS code, year, value, qualifier, scope, source_url,
                   dense_rank() OVER (PARTITION BY territory_code ORDER BY year DESC NULLS LAST) AS r
            FROM indicators WHERE territory_level = ? AND indicator = ?
        )
        SELECT code, any_value(year) AS year, median(value) AS value, list(value ORDER BY value) AS "values",
               list(DISTINCT source_url) AS sources, count(DISTINCT value) > 1 AS disagree
        FROM ranked WHERE r = 1 GROUP BY code
    """, [level, indicator])
    if codes is not None:
        frame = frame[frame["code"].isin(list(codes))]
    return frame.reset_index(drop=True)


def read_siblings(con, territory: dict, indicator: str) -> pd.DataFrame:
    """The territories to compare with (see `sibling_scope`) and their value of `indicator`
    (NaN where none); `indicator` may be LOADED_EVENTS. Columns: code, name, population, geometry,
    year, value, values, disagree, is_self."""
    level, scope = sibling_scope(territory)
    shapes = read_shapes(con, level, **scope)
    if indicator == LOADED_EVENTS:
        values = query(con, f"""
            SELECT {'c.code' if level == 'commune' else 'c.' + level + '_code'} AS code, count(*) AS value
            FROM events e JOIN territories c ON c.level = 'commune' AND c.code = e.commune_code
            GROUP BY ALL
        """)
        values["year"] = pd.NA
        frame = shapes.merge(values, on="code", how="left")
        frame["value"] = frame["value"].fillna(0)    # counted events: a territory without any has zero
        frame["values"] = [[v] for v in frame["value"]]
        frame["disagree"] = False
    else:
        frame = shapes.merge(latest_values(con, level, indicator), on="code", how="left")
        frame["disagree"] = frame["disagree"].fillna(False).astype(bool)
    frame["is_self"] = (frame["code"] == territory["code"]) & (level == territory["level"])
    return frame


def parent_values(con, territory: dict, indicator: str) -> pd.DataFrame:
    """The territory and its parents with their latest figure of `indicator` (NaN where none);
    for LOADED_EVENTS, the events of the loaded programmes held in each. Columns: level, code, name,
    level_label, label (see `level_label`), year, value, values, disagree, is_self (the territory itself)."""
    chain = [(territory["level"], territory["code"])] + parents(territory)
    rows = []
    for level, code in chain:
        if indicator == LOADED_EVENTS:
            where, params = territory_filter({"level": level, "code": code}).where()
            count = query(con, f"""SELECT count(*) AS n FROM events e
                                   LEFT JOIN territories c ON c.level = 'commune' AND c.code = e.commune_code
                                   WHERE {where}""", params)["n"].iloc[0]
            values = pd.DataFrame([{"year": None, "value": float(count), "values": [count], "disagree": False}])
        else:
            values = latest_values(con, level, indicator, codes=[code])
        name = query(con, "SELECT name FROM territories WHERE level = ? AND code = ?", [level, code])
        record = values.iloc[0].to_dict() if not values.empty else {"year": None, "value": float("nan"),
                                                                    "values": [], "disagree": False}
        place = name["name"].iloc[0] if not name.empty else code
        rows.append({"level": level, "code": code, "name": place, "level_label": LEVEL_NAMES[level],
                     "label": level_label(level, place), **record, "is_self": not rows})
    return pd.DataFrame(rows)


def level_label(level: str, name: str) -> str:
    """A territory's name with its level, for a chart comparing levels: « Nord (département) »,
    « Lille (commune) », and « France » alone."""
    return name if level == "country" else f"{name} ({LEVEL_NAMES[level]})"


def read_series(con, level: str, code: str) -> pd.DataFrame:
    """Figures of indicators known for at least two different years (for time-series charts)."""
    return query(con, """
        WITH f AS (SELECT * FROM indicators WHERE territory_level = ? AND territory_code = ? AND year IS NOT NULL)
        SELECT indicator, year, value, qualifier, unit, scope, source_url FROM f
        WHERE indicator IN (SELECT indicator FROM f GROUP BY indicator HAVING count(DISTINCT year) >= 2)
        ORDER BY indicator, year, scope
    """, [level, code])


def territory_filter(territory: dict):
    """The `EventFilter` of the events held in a territory."""
    level, code = territory["level"], territory["code"]
    return EventFilter(**({"country": {}, "region": {"region": code}, "department": {"department": code},
                           "epci": {"epci": code}, "commune": {"commune": code}}[level]))
