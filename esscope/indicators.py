"""Sector figures: reading them from CSV or XLSX, checking every row, saving them.

A figure is tidy: one territory, one year, one indicator, one value, with its
unit, scope and source. Reading returns the good rows and a report of every
bad one (line number and reason); saving writes all or nothing, and a figure
already in the store (same territory, year, indicator, scope and source) is
updated rather than added again.
"""

import codecs
import csv
import hashlib
import math
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from .errors import UserError
from .files import column_names, decode, looks_binary, open_workbook, sheet_rows
from .french import parse_number
from .limits import FIGURES_BYTES, FIGURES_COLUMNS, FIGURES_ROWS, FIGURES_XLSX_UNPACKED, REPORTED_ERRORS, STAGING_MEMORY
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


CHUNK_ROWS = 20_000
ROW_TYPES = {"territory_level": "VARCHAR", "territory_code": "VARCHAR", "territory_name": "VARCHAR",
             "year": "INTEGER", "indicator": "VARCHAR", "value": "DOUBLE", "qualifier": "VARCHAR", "unit": "VARCHAR",
             "scope": "VARCHAR", "source_url": "VARCHAR", "id": "VARCHAR"}
# the last reading of each figure
LATEST_SQL = "SELECT * FROM staged QUALIFY row_number() OVER (PARTITION BY id ORDER BY seq DESC) = 1"


@dataclass
class RowError:
    line: int
    reason: str

    def __str__(self):
        return f"ligne {self.line} : {self.reason}"


class Reading:
    """Checked rows ready to save and the report of rows that are not: `bad` rows in all, the reasons
    of the first REPORTED_ERRORS of them in `errors`, `total` rows read.

    The rows are staged in a private DuckDB file in a temporary folder, its memory limited to
    STAGING_MEMORY: a file of millions of figures is read in bounded memory, and `store.save_indicators`
    copies them into the store from DuckDB to DuckDB. A figure read twice keeps its last value."""

    def __init__(self):
        self._folder = tempfile.TemporaryDirectory(prefix="esscope-figures-")
        self.path = Path(self._folder.name) / "staged.duckdb"
        self._con = None
        self._connection().execute(
            f"CREATE TABLE staged (seq BIGINT, {', '.join(f'{c} {t}' for c, t in ROW_TYPES.items())})")
        self.errors, self.total, self.bad, self._seq = [], 0, 0, 0

    def _connection(self):
        if self._con is None:
            self._con = duckdb.connect(str(self.path), config={"memory_limit": STAGING_MEMORY, "threads": 1})
        return self._con

    def add(self, rows: pd.DataFrame, errors: list, total: int) -> None:
        """Stage the good rows of a chunk and count its bad ones."""
        self.errors.extend(errors[:REPORTED_ERRORS - len(self.errors)])
        self.bad += len(errors)
        self.total += total
        if len(rows):
            con = self._connection()
            con.register("incoming", rows.assign(seq=range(self._seq, self._seq + len(rows))))
            con.execute(f"INSERT INTO staged SELECT seq, {', '.join(ROW_TYPES)} FROM incoming")
            con.unregister("incoming")
            self._seq += len(rows)

    @property
    def count(self) -> int:
        """Figures ready to save."""
        return self._connection().execute("SELECT count(DISTINCT id) FROM staged").fetchall()[0][0]

    def frame(self, limit: int | None = None) -> pd.DataFrame:
        """The figures ready to save, in the file's order (the first `limit` ones)."""
        return self._connection().execute(LATEST_SQL + " ORDER BY seq LIMIT ?", [limit]).df().drop(columns="seq")

    @property
    def rows(self) -> pd.DataFrame:
        return self.frame()

    def release(self) -> Path:
        """The staged file, closed so that the store's writer may attach it (`store.save_indicators`),
        its table `figures` holding each figure once."""
        self._connection().execute("CREATE OR REPLACE TABLE figures AS " + LATEST_SQL)
        self._con.close()
        self._con = None
        return self.path

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
        self._folder.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class IndicatorFileError(UserError):
    """The file cannot be read as a table of figures; the message says why and what to do."""


def _plain(text) -> str:
    text = unicodedata.normalize("NFKD", str(text))
    return re.sub(r"[^a-z0-9]+", "_", "".join(c for c in text if not unicodedata.combining(c)).lower()).strip("_")


def read_chunks(path, chunk_rows: int = CHUNK_ROWS) -> Iterator[pd.DataFrame]:
    """The rows of a CSV (any usual separator; UTF-8, UTF-16 or Windows-1252) or XLSX file of figures,
    as frames of strings of at most `chunk_rows` rows, so that memory stays bounded whatever the
    file's length. A CSV is read by DuckDB's reader, an XLSX row by row; both stop with a French
    message beyond the bounds of `limits` (bytes, rows, columns)."""
    path = Path(path)
    what = f"Le fichier {path.name}"
    size = path.stat().st_size
    FIGURES_BYTES.check_bytes(size, what)
    if not size:
        raise IndicatorFileError(f"{what} est vide.")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        yield from _xlsx_chunks(path, chunk_rows, what)
    elif path.suffix.lower() == ".xls":
        raise IndicatorFileError(f"{what} est un ancien classeur Excel (XLS) : enregistrez-le en XLSX ou en CSV.")
    else:
        yield from _csv_chunks(path, chunk_rows, what)


def _xlsx_chunks(path: Path, chunk_rows: int, what: str) -> Iterator[pd.DataFrame]:
    book = open_workbook(path, f"Le classeur {path.name}", FIGURES_XLSX_UNPACKED)
    try:
        if not book.worksheets:
            raise IndicatorFileError(f"{what} n'a aucune feuille.")
        rows = sheet_rows(book.worksheets[0], FIGURES_ROWS, FIGURES_COLUMNS, None, what)
        header = next(rows, None)
        if header is None:
            raise IndicatorFileError(f"{what} est vide.")
        columns = column_names(header)
        batch = []
        for row in rows:
            batch.append(["" if v is None else _cell_text(v) for v in row])
            if len(batch) == chunk_rows:
                yield _frame(batch, columns)
                batch = []
        if batch:
            yield _frame(batch, columns)
    finally:
        book.close()


def _cell_text(value) -> str:
    """A cell as the text a CSV of the same sheet would hold (whole numbers without « .0 »)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _frame(rows: list, columns: list) -> pd.DataFrame:
    width = len(columns)
    return pd.DataFrame([(r + [""] * width)[:width] for r in rows], columns=columns, dtype=str)


def _csv_chunks(path: Path, chunk_rows: int, what: str) -> Iterator[pd.DataFrame]:
    with open(path, "rb") as handle:
        head = handle.read(65536)
    if looks_binary(head):
        raise IndicatorFileError(f"{what} n'est pas un tableau CSV ou XLSX (fichier binaire ?) : exportez-le en "
                                 "CSV ou en XLSX depuis le tableur.")
    with tempfile.TemporaryDirectory(prefix="esscope-") as tmp:
        utf8 = Path(tmp) / "figures.csv"
        first = _to_utf8(path, utf8, what)
        if not first.strip():
            raise IndicatorFileError(f"{what} est vide.")
        sep = max([",", ";", "\t"], key=first.count)
        con = duckdb.connect(config={"memory_limit": "256MB", "threads": 1, "temp_directory": tmp})
        try:
            result = con.execute("SELECT * FROM read_csv(?, delim = ?, header = true, all_varchar = true, "
                                 "quote = '\"', escape = '\"', null_padding = true, auto_detect = false, "
                                 "columns = ?)", [str(utf8), sep, _csv_columns(first, sep, what)])
            seen = 0
            while True:
                chunk = result.fetch_df_chunk(max(1, chunk_rows // 2048))
                if chunk.empty:
                    break
                seen += len(chunk)
                FIGURES_ROWS.check(seen, what)
                yield chunk.fillna("")
        except duckdb.Error as exc:
            raise _csv_error(exc, what) from None
        finally:
            con.close()


def _csv_columns(first_line: str, sep: str, what: str) -> dict:
    """Column names of the header (for DuckDB: name → VARCHAR), stripped, unique, within bounds."""
    names = [c.strip().strip('"').strip() for c in next(csv.reader([first_line], delimiter=sep))]
    FIGURES_COLUMNS.check(len(names), what)
    unique = {}
    for i, name in enumerate(names):
        name = name or f"colonne {i + 1}"
        while name in unique:
            name += "_"
        unique[name] = "VARCHAR"
    return unique


def _csv_error(exc: Exception, what: str) -> IndicatorFileError:
    # DuckDB's message is in English and quotes the offending line: only its line number is kept
    line = re.search(r"[Ll]ine:? (\d+)", str(exc))
    where = f" vers la ligne {line.group(1)}" if line else ""
    return IndicatorFileError(f"{what} n'est pas un tableau CSV régulier{where} (une ligne n'a pas autant de "
                              "colonnes que l'en-tête, ou des guillemets ne sont pas refermés) : ouvrez-le dans un "
                              "tableur et réenregistrez-le en CSV.")


def _to_utf8(path: Path, target: Path, what: str) -> str:
    """Copy a text file to `target` in UTF-8, piece by piece (the encoding told from its start, UTF-8
    found wrong further on read again as Windows-1252); return its first line."""
    with open(path, "rb") as handle:
        _, encoding = decode(handle.read(65536), what)
    try:
        return _transcode(path, target, encoding)
    except UnicodeDecodeError:
        if encoding != "utf-8":
            raise _undecodable(what) from None
    try:
        return _transcode(path, target, "cp1252")
    except UnicodeDecodeError:
        raise _undecodable(what) from None


def _transcode(path: Path, target: Path, encoding: str) -> str:
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace" if encoding.startswith("utf-16") else "strict")
    first = None
    with open(path, "rb") as source, open(target, "w", encoding="utf-8", newline="") as out:
        while block := source.read(1 << 20):
            text = decoder.decode(block)
            if first is None:
                text = text.lstrip("\ufeff")
                first = text.split("\n", 1)[0].rstrip("\r")
            out.write(text)
        out.write(decoder.decode(b"", final=True))
    return first or ""


def _undecodable(what: str) -> IndicatorFileError:
    return IndicatorFileError(f"{what} n'est écrit ni en UTF-8 ni en Windows-1252 : ouvrez-le et enregistrez-le "
                              "en « CSV UTF-8 », puis réimportez-le.")


def tidy(frame: pd.DataFrame, columns=None, constants=None, wide=None, first_line: int = 2) -> pd.DataFrame:
    """Give a table the tidy shape.

    `columns`: field → column of the file, for names the aliases do not recognise;
    `constants`: field → value for fields the file lacks (e.g. {'indicator': 'share_of_jobs_pct'});
    `wide`: a regular expression whose first group is a year: matching columns
    ('part_2008', 'part_2014') are values of that year, one row each.
    Adds `line`, the line of the source row (the first row of `frame` being `first_line`)."""
    columns, constants = dict(columns or {}), dict(constants or {})
    frame = frame.copy()
    frame["line"] = range(first_line, first_line + len(frame))
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
        pattern = _wide_pattern(wide)
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


def _wide_pattern(wide: str) -> re.Pattern:
    """The --wide pattern compiled, or a French message when it is not one or captures nothing."""
    try:
        pattern = re.compile(wide)
    except re.error as exc:
        raise IndicatorFileError(f"Le motif --wide « {wide} » n'est pas une expression régulière valide (erreur au "
                                 f"caractère {(exc.pos or 0) + 1}) : par exemple 'part_(\\d{{4}})_pct', où les "
                                 "parenthèses entourent l'année.") from None
    if not pattern.groups:
        raise IndicatorFileError(f"Le motif --wide « {wide} » n'a pas de groupe entre parenthèses pour l'année : "
                                 "entourez-la de parenthèses, par exemple 'part_(\\d{4})_pct'.")
    return pattern


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


def check(frame: pd.DataFrame, resolver: TerritoryResolver, lenient_territories=False, into=None) -> Reading:
    """Validate tidy rows. Every bad row is reported with its line and reason; the good ones are added
    to the reading `into` (a new one by default).
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
        if value is not None and not math.isfinite(value):      # « nan », « inf », « 1e400 »
            value = None
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
    rows = pd.DataFrame(good, columns=list(ROW_TYPES))
    rows["year"] = rows["year"].astype("Int64")
    rows["id"] = [figure_id(r) for r in rows.to_dict("records")]
    reading = into if into is not None else Reading()
    reading.add(rows, errors, len(frame))
    return reading


def read_figures(path, resolver: TerritoryResolver, columns=None, constants=None, wide=None,
                 lenient_territories=False) -> Reading:
    """Read, shape and check a figures file chunk by chunk, so that memory stays bounded whatever its
    length (see `read_chunks`, `tidy` and `check`)."""
    reading, line = Reading(), 2
    for frame in read_chunks(path):
        check(tidy(frame, columns, constants, wide, first_line=line), resolver, lenient_territories, into=reading)
        line += len(frame)
    if line == 2:
        raise IndicatorFileError(f"Le fichier {Path(path).name} n'a que sa ligne d'en-tête : aucun chiffre à lire.")
    return reading


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
