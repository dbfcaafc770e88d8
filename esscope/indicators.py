"""Sector figures: reading them from CSV or XLSX, checking every row, saving them.

A figure is tidy: one territory, one year, one indicator, one value, with its
unit, scope and source. Reading returns the good rows and a report of every
bad one (line number and reason); saving writes all or nothing, and a figure
already in the store (same territory, year, indicator, scope and source) is
updated rather than added again.
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

import pandas as pd

from .errors import UserError
from .french import parse_number
from .names import normalise

INDICATORS = {
    "employees": ("Salariés", "count"),
    "employees_fte": ("Salariés en équivalent temps plein", "count"),
    "establishments": ("Établissements employeurs", "count"),
    "enterprises": ("Entreprises", "count"),
    "share_of_jobs_pct": ("Part de l'ESS dans l'emploi salarié", "pct"),
    "share_of_private_jobs_pct": ("Part de l'ESS dans l'emploi salarié privé", "pct"),
    "share_of_establishments_pct": ("Part de l'ESS dans les établissements", "pct"),
    "gross_wages_eur": ("Masse salariale brute", "eur"),
    "mois_ess_events": ("Événements du Mois de l'ESS", "count"),
    "mois_ess_organisers": ("Organisateurs du Mois de l'ESS", "count"),
    "mois_ess_participants": ("Participants au Mois de l'ESS", "count"),
    "prix_ess_applicants": ("Candidatures aux Prix de l'ESS", "count"),
}

QUALIFIERS = {
    "about": "environ",
    "more_than": "plus de",
    "less_than": "moins de",
    "approx_year": "année approximative",
    "as_of_date": "bilan provisoire",
}

LEVELS = ("country", "region", "department", "epci", "commune", "other")
FIELDS = ("territory_level", "territory_code", "territory_name", "year", "indicator",
          "value", "qualifier", "unit", "scope", "source_url")

# Column names a person may use for each field (compared without accents or case).
ALIASES = {
    "territory_level": ["territory_level", "level", "niveau", "echelon", "type_territoire"],
    "territory_code": ["territory_code", "code", "code_insee", "insee", "siren", "code_territoire"],
    "territory_name": ["territory_name", "name", "nom", "territoire", "libelle"],
    "year": ["year", "annee", "millesime"],
    "indicator": ["indicator", "indicateur"],
    "value": ["value", "valeur"],
    "qualifier": ["qualifier", "qualificatif", "precision"],
    "unit": ["unit", "unite"],
    "scope": ["scope", "perimetre", "champ"],
    "source_url": ["source_url", "source", "url", "lien_source"],
}
LEVEL_ALIASES = {
    "pays": "country", "france": "country", "region": "region", "departement": "department",
    "department": "department", "epci": "epci", "commune": "commune", "autre": "other",
    "country": "country", "other": "other",
}


@dataclass
class RowError:
    line: int
    reason: str

    def __str__(self):
        return f"ligne {self.line} : {self.reason}"


@dataclass
class Reading:
    """Rows ready to save and the report of rows that are not."""
    rows: pd.DataFrame
    errors: list = field(default_factory=list)
    total: int = 0


class IndicatorFileError(UserError):
    """The file cannot be read as a table of figures; the message says why and what to do."""


def _plain(text) -> str:
    text = unicodedata.normalize("NFKD", str(text))
    return re.sub(r"[^a-z0-9]+", "_", "".join(c for c in text if not unicodedata.combining(c)).lower()).strip("_")


def read_table(path) -> tuple:
    """Read a CSV (any usual separator, UTF-8 or cp1252) or an XLSX as strings.
    Returns (frame, first_data_line) so errors can name lines as a spreadsheet shows them."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm", ".xls"):
            frame = pd.read_excel(path, dtype=str, keep_default_na=False)
        else:
            raw = path.read_bytes()
            if not raw.strip():
                raise IndicatorFileError(f"Le fichier {path.name} est vide.")
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("cp1252")
            first = text.splitlines()[0]
            sep = max([",", ";", "\t"], key=first.count)
            frame = pd.read_csv(StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except IndicatorFileError:
        raise
    except Exception as exc:
        raise IndicatorFileError(
            f"Impossible de lire {path.name} comme un tableau CSV ou XLSX ({exc}).") from exc
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame, 2


def tidy(frame: pd.DataFrame, columns=None, constants=None, wide=None) -> pd.DataFrame:
    """Give a table the tidy shape.

    `columns`: field → column of the file, for names the aliases do not recognise;
    `constants`: field → value for fields the file lacks (e.g. {'indicator': 'share_of_jobs_pct'});
    `wide`: a regular expression whose first group is a year: matching columns
    ('part_2008', 'part_2014') are values of that year, one row each.
    Adds `line`, the line of the source row."""
    columns, constants = dict(columns or {}), dict(constants or {})
    frame = frame.copy()
    frame["line"] = range(2, len(frame) + 2)
    plain = {_plain(c): c for c in frame.columns}
    rename = {}
    for fld in FIELDS:
        if fld in columns:
            if columns[fld] not in frame.columns:
                raise IndicatorFileError(f"La colonne « {columns[fld]} » n'existe pas dans le fichier.")
            rename[columns[fld]] = fld
        elif fld not in constants:
            for alias in ALIASES[fld]:
                if alias in plain and plain[alias] not in rename:
                    rename[plain[alias]] = fld
                    break
    if wide:
        pattern = re.compile(wide)
        year_cols = {c: pattern.search(c).group(1) for c in frame.columns if pattern.search(c)}
        if not year_cols:
            raise IndicatorFileError(f"Aucune colonne ne correspond au motif « {wide} ».")
        keep = [c for c in frame.columns if c not in year_cols]
        frame = frame.melt(id_vars=keep, value_vars=list(year_cols), var_name="_col", value_name="value")
        frame["year"] = frame["_col"].map(year_cols)
        frame = frame.drop(columns="_col").sort_values(["line", "year"], kind="stable")
        rename = {k: v for k, v in rename.items() if v not in ("value", "year")}
    frame = frame.rename(columns=rename)
    for fld, value in constants.items():
        frame[fld] = value
    missing = [f for f in ("indicator", "value") if f not in frame.columns]
    if "territory_code" not in frame.columns and "territory_name" not in frame.columns:
        missing.append("territory_code ou territory_name")
    if missing:
        raise IndicatorFileError(
            "Colonnes introuvables : " + ", ".join(missing) + ". Colonnes attendues : "
            + ", ".join(FIELDS) + " (ou leurs équivalents français), ou une correspondance --column/--set.")
    for fld in FIELDS:
        if fld not in frame.columns:
            frame[fld] = ""
    return frame[["line", *FIELDS]].fillna("").astype(str).reset_index(drop=True)


class TerritoryResolver:
    """Finds a territory by level and code, or by level and name."""

    def __init__(self, territories: pd.DataFrame):
        self._codes = set(zip(territories["level"], territories["code"]))
        self._names = {}
        for level, code, name in zip(territories["level"], territories["code"], territories["name"]):
            self._names.setdefault((level, normalise(name)), []).append(code)
        self._name_of = {(lv, c): n for lv, c, n in zip(territories["level"], territories["code"], territories["name"])}

    @classmethod
    def from_store(cls, con):
        return cls(con.execute("SELECT level, code, name FROM territories").df())

    def resolve(self, level, code, name):
        """(code, name) of the territory, or (None, reason)."""
        code = (code or "").strip()
        if level == "department" and code.isdigit() and len(code) == 1:
            code = "0" + code
        if level == "commune" and code.isdigit() and len(code) == 4:
            code = "0" + code
        if code:
            if (level, code) in self._codes:
                return code, self._name_of[(level, code)]
            return None, f"territoire inconnu : {level} {code}"
        found = self._names.get((level, normalise(name)), [])
        if len(found) == 1:
            return found[0], self._name_of[(level, found[0])]
        if len(found) > 1:
            return None, f"nom ambigu : « {name} » désigne {len(found)} territoires, donnez le code"
        return None, f"territoire inconnu : {level} « {name} »"


def check(frame: pd.DataFrame, resolver: TerritoryResolver, lenient_territories=False) -> Reading:
    """Validate tidy rows. Every bad row is reported with its line and reason.
    With `lenient_territories`, a territory that cannot be found is kept at level 'other' under its
    name (used for the curated reference figures, whose regional groupings may predate today's map)."""
    good, errors = [], []
    for row in frame.to_dict("records"):
        line = int(row["line"])
        reasons = []
        level = LEVEL_ALIASES.get(_plain(row["territory_level"]), None) if row["territory_level"] else None
        if level is None:
            reasons.append(f"niveau de territoire inconnu : « {row['territory_level']} »" if row["territory_level"]
                           else "niveau de territoire manquant")
        indicator = row["indicator"].strip()
        if indicator not in INDICATORS:
            reasons.append(f"indicateur inconnu : « {indicator} »" if indicator else "indicateur manquant")
        value = parse_number(row["value"])
        if value is None:
            reasons.append(f"valeur non numérique : « {row['value']} »" if row["value"].strip() else "valeur manquante")
        year_text = row["year"].strip()
        year = None
        if not year_text:
            if not lenient_territories:
                reasons.append("année manquante")
        elif re.fullmatch(r"\d{4}(\.0)?", year_text) and 1990 <= int(float(year_text)) <= 2100:
            year = int(float(year_text))
        else:
            reasons.append(f"année invalide : « {year_text} »")
        unit = row["unit"].strip() or (INDICATORS[indicator][1] if indicator in INDICATORS else "")
        if indicator in INDICATORS and unit != INDICATORS[indicator][1]:
            reasons.append(f"unité « {unit} » incohérente avec l'indicateur {indicator} ({INDICATORS[indicator][1]})")
        if value is not None and unit == "pct" and not 0 <= value <= 100:
            reasons.append(f"pourcentage hors de 0-100 : {row['value']}")
        if value is not None and value < 0:
            reasons.append(f"valeur négative : {row['value']}")
        source = row["source_url"].strip()
        if not source:
            reasons.append("source manquante (chaque chiffre garde sa source)")
        code, name = None, row["territory_name"].strip()
        if level == "other":
            if not name:
                reasons.append("territoire sans nom")
            code = _slug(name)
        elif level:
            code, found = resolver.resolve(level, row["territory_code"], name)
            if code is None and lenient_territories and name:
                level, code = "other", _slug(name)
            elif code is None:
                reasons.append(found)
            else:
                name = name or found
        qualifier = "|".join(q for q in row["qualifier"].strip().split("|") if q)
        unknown_q = [q for q in qualifier.split("|") if q and q not in QUALIFIERS]
        if unknown_q:
            reasons.append(f"qualificatif inconnu : « {'|'.join(unknown_q)} » (attendus : {', '.join(QUALIFIERS)})")
        if reasons:
            errors.append(RowError(line, " ; ".join(reasons)))
            continue
        good.append({
            "territory_level": level, "territory_code": code, "territory_name": name, "year": year,
            "indicator": indicator, "value": value, "qualifier": qualifier, "unit": unit,
            "scope": row["scope"].strip(), "source_url": source,
        })
    rows = pd.DataFrame(good, columns=["territory_level", "territory_code", "territory_name", "year",
                                       "indicator", "value", "qualifier", "unit", "scope", "source_url"])
    rows["year"] = rows["year"].astype("Int64")
    rows["id"] = [figure_id(r) for r in rows.to_dict("records")]
    return Reading(rows=rows.drop_duplicates("id", keep="last"), errors=errors, total=len(frame))


def _slug(name: str) -> str:
    return _plain(name).replace("_", "-")


def figure_id(row: dict) -> str:
    """Identity of a figure: territory, year, indicator, scope and source (not the value, so a
    corrected value replaces the old one)."""
    year = row.get("year")
    year = "" if year is None or pd.isna(year) else str(int(year))
    key = "\x1f".join([row["territory_level"], row["territory_code"], year, row["indicator"],
                       row.get("scope") or "", row["source_url"], row.get("qualifier") or ""])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def save(con, rows: pd.DataFrame, source_id: str) -> dict:
    """Upsert figures into `indicators` in the caller's transaction; returns counts added/updated/unchanged."""
    # `con` must be the writing connection itself: a cursor would run outside its transaction.
    before = dict(con.execute("SELECT id, value FROM indicators").fetchall())
    data = rows.assign(source_id=source_id)
    added = sum(1 for i in data["id"] if i not in before)
    updated = sum(1 for i, v in zip(data["id"], data["value"]) if i in before and before[i] != v)
    con.register("incoming", data)
    con.execute("""
        INSERT OR REPLACE INTO indicators
            (id, territory_level, territory_code, territory_name, year, indicator, value,
             qualifier, unit, scope, source_url, source_id)
        SELECT id, territory_level, territory_code, territory_name, year, indicator, value,
               qualifier, unit, scope, source_url, source_id
        FROM incoming
    """)
    con.unregister("incoming")
    return {"added": added, "updated": updated, "unchanged": len(data) - added - updated}
