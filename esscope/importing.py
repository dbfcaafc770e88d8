"""Imports into the store, shared by the CLI and the Import page: figures, programmes, sources."""

import hashlib
import math
import re
import tempfile
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import indicators, store
from .errors import UserError
from .french import format_number, format_period
from .names import CommuneIndex, normalise
from .parse import Reference, parse_document
from .parse.dates import fold
from .parse.model import event_fields
from .parse.vocabulary import canonical_kind, canonical_theme


def read_indicator_file(db, path, columns=None, constants=None, wide=None) -> indicators.Reading:
    """Read and check a figures file against the store's territories, writing nothing."""
    with store.connect(db) as con:
        resolver = indicators.TerritoryResolver.from_store(con)
    return indicators.read_figures(path, resolver, columns, constants, wide)


@contextmanager
def as_file(data: bytes, filename: str):
    """An upload as a private temporary file of the same name (the readers take paths), removed after."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(filename).name
        path.write_bytes(data)
        yield path


def import_indicators(db, path, columns=None, constants=None, wide=None, skip_bad=False) -> dict:
    """Import a figures file, all or nothing: with any bad row nothing is written unless `skip_bad`.
    Returns counts (added, updated, unchanged), the errors (the first ones; `bad` counts them all)
    and the number of rows read."""
    path = Path(path)
    with read_indicator_file(db, path, columns, constants, wide) as reading:
        result = {"errors": reading.errors, "bad": reading.bad, "total": reading.total, "added": 0, "updated": 0,
                  "unchanged": 0}
        count = reading.count
        if (reading.bad and not skip_bad) or not count:
            return result
        with store.writing(db) as con:
            source_id = store.save_source(con, kind="indicators", name=path.name,
                                          fmt=path.suffix.lstrip(".").lower(), sha256=_file_sha256(path), rows=count)
            result.update(store.save_indicators(con, reading.release(), source_id))
    return result


def _file_sha256(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def save_figures(db, figures: list, document: str) -> dict:
    """Store the figures a person confirmed among those a programme cites (`ParseResult.figures`,
    possibly edited), all or nothing: any figure still missing its year, territory or a known
    indicator writes nothing and the error names it. Without a source of its own, a figure's source
    is the document it was read in."""
    if not figures:
        return {"added": 0, "updated": 0, "unchanged": 0}
    fields = [f for f in indicators.FIELDS if f != "source_url"]
    rows = [{"line": n, **{f: "" if f not in figure or pd.isna(figure[f]) else str(figure[f]) for f in fields},
             "source_url": str(figure.get("source_url") or f"programme « {document} »")}
            for n, figure in enumerate(figures, start=1)]
    for row in rows:
        row["year"] = row["year"].removesuffix(".0")
    with store.connect(db) as reader:
        reading = indicators.check(pd.DataFrame(rows).astype(str), indicators.TerritoryResolver.from_store(reader))
    with reading:
        if reading.errors:
            raise UserError("Chiffres non enregistrés : " + " ; ".join(
                str(e).replace("ligne", "chiffre", 1) for e in reading.errors) + ". Complétez-les ou décochez-les.")
        with store.writing(db) as con:
            raw = "\n".join(f"{r['indicator']}={r['value']}@{r['territory_code']}/{r['year']}" for r in rows).encode()
            source_id = store.save_source(con, kind="indicators", name=f"{document} (chiffres cités)",
                                          fmt="programme", raw=raw, rows=reading.count)
            return store.save_indicators(con, reading.release(), source_id)


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
        removed = store.remove_source(con, source_id)
        if removed is None:
            raise UserError(f"Source inconnue : {source_id} (voir « esscope sources »).")
    name, events, figures = removed
    return f"Source {source_id} ({name}) retirée : {events} événement(s), {figures} chiffre(s)."


# ------------------------------------------------------------------ programmes (events)

PROGRAMME_NOTE = "Programme du Mois de l'ESS"


@dataclass
class ParseResult:
    """A document read, nothing written: its events, candidate figures and warnings."""
    filename: str
    sha256: str
    document: object
    source_id: str
    raw_size: int = 0

    @property
    def events(self) -> list:
        return self.document.events

    @property
    def figures(self) -> list:
        return [f.as_dict() for f in self.document.figures]

    @property
    def warnings(self) -> list:
        return self.document.warnings

    @property
    def edition(self):
        return self.document.edition

    @property
    def region(self):
        return self.document.region

    @property
    def format(self) -> str:
        return self.document.format

    def events_as_dicts(self) -> list:
        """The events as JSON-ready dicts (the fields of `esscope parse --json`, then `id`)."""
        return [e.as_dict() for e in self.events]

    def summary(self) -> str:
        """A French account of what was found, for a person."""
        events = self.events
        dated = [e for e in events if e.start_date]
        located = [e for e in events if e.commune_code or e.online]
        flagged = [e for e in events if e.warnings]
        lines = [(f"{self.filename} ({self.format}) : {len(events)} événement(s), édition {self.edition}, "
                  f"région {self.region or 'non précisée'}."),
                 (f"  {len(dated)} daté(s), {len(events) - len(dated)} sans date ; {len(located)} situé(s) "
                  f"(commune ou en ligne) ; {len(flagged)} à vérifier.")]
        for e in events:
            when = format_period(e.start_date, e.end_date, weekday=False) if e.start_date else "date à préciser"
            hours = f" {e.start_time}" + (f"–{e.end_time}" if e.end_time else "") if e.start_time else ""
            where = e.commune_name or ("en ligne" if e.online else (e.venue or "lieu ?"))
            lines.append(f"- {when}{hours} · {where} · {e.title}")
            lines.extend(f"    ! {w}" for w in e.warnings)
        if self.figures:
            lines.append("Chiffres cités (à confirmer) :")
            for f in self.figures:
                lines.append(f"- {f['indicator']} = {format_number(f['value'], 1 if f['value'] % 1 else 0)} "
                             f"({f['territory_name'] or 'territoire ?'}, {f['year'] or 'année ?'})"
                             + (f" — {f['note']}" if f.get("note") else ""))
        lines.extend(f"Note : {w}" for w in self.warnings)
        return "\n".join(lines)


@dataclass
class Outcome:
    """What saving a programme did."""
    source_id: str
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    message: str = ""
    gone: list = field(default_factory=list, repr=False)     # ids of the events taken out (removed or updated)
    fresh: list = field(default_factory=list, repr=False)    # ids of the events written (added or updated)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def read_reference(db) -> Reference:
    """The names a parse resolves against, read from the store (opened once, for reading)."""
    with store.connect(db) as con:
        index = CommuneIndex.from_store(con)
        venues = {(r, k): (c, n) for r, k, c, n in con.execute(
            "SELECT v.region_code, v.key, v.commune_code, t.name FROM venues v JOIN territories t "
            "ON t.level = 'commune' AND t.code = v.commune_code WHERE v.confirmed").fetchall()}
        territories = con.execute("SELECT level, code, name FROM territories "
                                  "WHERE level IN ('country', 'region', 'department', 'epci')").fetchall()
    return Reference(index, venues, territories)


def programme_source_id(filename: str, edition, region) -> str:
    """A programme's source id: its file name with its edition and région (« programme:2017-32-mel-2017-txt »),
    so a new version of the same file replaces the old one."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(Path(filename).name)).strip("-") or "document"
    return f"programme:{edition}-{region or 'fr'}-{slug}"


def event_id(source_id: str, start_date, title: str, occurrence: int) -> str:
    """Stable id: same document, same day, same title (and rank among equals) → same id."""
    key = f"{source_id}|{start_date or ''}|{normalise(title)}|{occurrence}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def assign_ids(source_id: str, events: list) -> None:
    """Give each event (object or dict) its stable id, counting repeats of the same day and title."""
    seen = Counter()
    for e in events:
        get = e.get if isinstance(e, dict) else lambda k, e=e: getattr(e, k)
        key = (get("start_date"), normalise(get("title") or ""))
        value = event_id(source_id, key[0], get("title") or "", seen[key])
        seen[key] += 1
        if isinstance(e, dict):
            e["id"] = value
        else:
            e.id = value


def parse_bytes(data: bytes, filename: str, edition=None, region=None, db=store.DEFAULT_PATH, columns=None,
                progress=None) -> ParseResult:
    """Read a programme given as bytes (an upload) and return what it holds, writing nothing."""
    if edition is not None and not 2008 <= int(edition) <= 2100:
        raise UserError(f"Édition {edition} impossible : le Mois de l'ESS existe depuis 2008.")
    reference = read_reference(db)
    region = _check_region(region, {code: name for level, code, name in reference.territories if level == "region"})
    document = parse_document(data, filename, reference, edition=edition, region=region, columns=columns,
                              progress=progress)
    source_id = programme_source_id(filename, document.edition, document.region)
    assign_ids(source_id, document.events)
    return ParseResult(Path(filename).name, hashlib.sha256(data).hexdigest(), document, source_id, len(data))


def _check_region(region, known: dict | None = None):
    """The région code given, checked: two digits, and one of the `known` régions (code → name) when given."""
    if region is None or region == "":
        return None
    region = str(region).strip()
    if not re.fullmatch(r"\d{2}", region):
        raise UserError(f"Code de région « {region} » invalide : donnez le code INSEE à deux chiffres "
                        "(ex. 32 pour les Hauts-de-France).")
    if known and region not in known:
        raise UserError(f"Code de région « {region} » inconnu. Codes acceptés : "
                        + ", ".join(f"{code} ({name})" for code, name in sorted(known.items())) + ".")
    return region


def parse_file(path, edition=None, region=None, db=store.DEFAULT_PATH, columns=None, progress=None) -> ParseResult:
    """Read a programme file and return what it holds, writing nothing."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"Fichier introuvable : {path}. Vérifiez le chemin.")
    return parse_bytes(path.read_bytes(), path.name, edition, region, db, columns, progress)


KINDS = {f.name: f.metadata["kind"] for f in event_fields()}


def _plain_event(e: dict) -> dict:
    """An event dict as an editable table gives it back: dates as ISO text, times as HH:MM, no NaN,
    text trimmed (titles and descriptions kept as written)."""
    out = {}
    for key, value in dict(e).items():
        kind = KINDS.get(key, "text")
        if isinstance(value, float) and math.isnan(value):
            value = None
        elif kind == "date" and hasattr(value, "isoformat"):
            value = value.isoformat()[:10]
        elif kind == "time" and hasattr(value, "strftime"):
            value = value.strftime("%H:%M")
        elif isinstance(value, str) and kind != "prose":
            value = value.strip() or None
        out[key] = value
    return out


def store_row(e: dict, source_id: str, edition: int, region) -> dict:
    """An event as the store keeps it: every column of `store.EVENT_COLUMNS`, each value of its kind,
    themes and kinds in their one written form."""
    row = {"id": e["id"], "source_id": source_id, "edition": int(edition), "region_code": region}
    row |= {name: _stored_value(e.get(name), kind) for name, kind in KINDS.items()}
    row["title"] = str(e["title"]).strip()
    row["theme"], row["kind"] = canonical_theme(row["theme"]), canonical_kind(row["kind"])
    row["confidence"] = min(1.0, max(0.0, float(e.get("confidence") or 1.0)))
    return row


def _stored_value(value, kind: str):
    if kind == "bool":
        return bool(value)
    if kind == "list":
        return list(value or [])
    if kind == "int":
        return int(value or 0)
    if kind in ("real", "prose"):
        return value
    return value or None


def _check_events(events: list, known_communes: set) -> None:
    """Every event as it will be stored must hold: a title, ISO dates in order, HH:MM times, a known commune."""
    problems = []
    for n, e in enumerate(events, 1):
        label = f"événement {n} (« {str(e.get('title') or '')[:40]} »)"
        if not str(e.get("title") or "").strip():
            problems.append(f"{label} : intitulé vide")
        for name in ("start_date", "end_date"):
            if e.get(name) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(e[name])):
                problems.append(f"{label} : {name} « {e[name]} » n'est pas une date AAAA-MM-JJ")
        if e.get("end_date") and (not e.get("start_date") or str(e["end_date"]) < str(e["start_date"])):
            problems.append(f"{label} : la fin précède le début")
        for name in ("start_time", "end_time"):
            if e.get(name) and not re.fullmatch(r"[0-2]\d:[0-5]\d", str(e[name])):
                problems.append(f"{label} : {name} « {e[name]} » n'est pas une heure HH:MM")
        if e.get("commune_code") and e["commune_code"] not in known_communes:
            problems.append(f"{label} : code commune {e['commune_code']} inconnu")
    if problems:
        raise UserError("Rien n'a été importé, à corriger d'abord : " + " ; ".join(problems[:10])
                        + (" ; …" if len(problems) > 10 else ""))


def save_programme(db, result: ParseResult, events: list | None = None, progress=None) -> Outcome:
    """Store a programme's events as one source, all or nothing. `events` (dicts) replaces the parsed
    events, e.g. after a person corrected them. Saving the same events again changes nothing; a new
    version updates events by id and removes those no longer there.

    The store is read and written in one transaction, under its write lock: what is compared is what
    is replaced, so two writers of the same programme never lose or mix events."""
    report = progress or (lambda fraction, message: None)
    rows = _rows_to_save(result, events)
    new = {e["id"]: store_row(e, result.source_id, result.edition, result.region) for e in rows}
    report(0.2, "Comparaison avec la base…")
    with store.writing(db) as con:
        _check_events(rows, store.known_communes(con, [e.get("commune_code") for e in rows]))
        old = store.stored_events(con, result.source_id)
        outcome = _compare(result.source_id, old, new)
        if not outcome.changed and store.stored_checksum(con, result.source_id) == result.sha256:
            outcome.message = (f"{result.filename} : déjà importé, rien de nouveau ({len(new)} événement(s), "
                               f"source {result.source_id}).")
            raise store.NothingToWrite
        report(0.5, "Écriture…")
        store.save_source(con, kind="programme", name=result.filename, fmt=result.format, rows=len(new),
                          edition=result.edition, region_code=result.region, note=PROGRAMME_NOTE,
                          source_id=result.source_id, sha256=result.sha256)
        store.delete_events(con, outcome.gone)
        store.save_events(con, [new[i] for i in outcome.fresh])
        outcome.message = (f"{result.filename} importé comme {result.source_id} : {outcome.added} ajouté(s), "
                           f"{outcome.updated} mis à jour, {outcome.removed} retiré(s), "
                           f"{outcome.unchanged} inchangé(s).")
    report(1.0, "Terminé.")
    return outcome


def _rows_to_save(result: ParseResult, events: list | None) -> list:
    """The events to store as plain dicts, in order, each with its position and a unique id."""
    rows = [_plain_event(e) for e in events] if events is not None else result.events_as_dicts()
    if not rows:
        raise UserError(f"Aucun événement à importer depuis {result.filename} : rien n'a été écrit.")
    for position, e in enumerate(rows):
        e.setdefault("position", position)
    missing = [e for e in rows if not e.get("id")]
    if missing:
        assign_ids(result.source_id, missing)
    if len({e["id"] for e in rows}) != len(rows):
        assign_ids(result.source_id, rows)
    return rows


def _compare(source_id: str, old: dict, new: dict) -> "Outcome":
    """What saving `new` over `old` (id → row) adds, updates and removes."""
    added = [i for i in new if i not in old]
    removed = [i for i in old if i not in new]
    updated = [i for i in new if i in old and _comparable(old[i]) != _comparable(new[i])]
    return Outcome(source_id, len(added), len(updated), len(removed), len(new) - len(added) - len(updated),
                   gone=removed + updated, fresh=added + updated)


def _comparable(row: dict) -> tuple:
    out = []
    for value in (row[c] for c in store.EVENT_COLUMNS):
        if isinstance(value, float):
            value = round(value, 4)
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        elif isinstance(value, list):
            value = tuple(value)
        out.append(value)
    return tuple(out)


def ingest_file(path, edition=None, region=None, db=store.DEFAULT_PATH, columns=None, progress=None) -> Outcome:
    """Read a programme file and store its events as one source (all or nothing)."""
    result = parse_file(path, edition, region, db, columns, progress=_scaled(progress, 0, 0.7))
    return save_programme(db, result, progress=_scaled(progress, 0.7, 1.0))


def _scaled(progress, lo, hi):
    if not progress:
        return None
    return lambda fraction, message: progress(lo + (hi - lo) * fraction, message)


def confirm_venue(db, name: str, commune_code: str, region_code=None, address=None) -> str:
    """A person confirmed where a venue is: later programmes naming it get that commune."""
    key = normalise(name or "")
    if not key:
        raise UserError("Nom de lieu vide : indiquez le nom du lieu à confirmer.")
    region_code = _check_region(region_code) or ""
    with store.writing(db) as con:
        commune = store.commune_name(con, commune_code)
        if not commune:
            raise UserError(f"Code commune {commune_code} inconnu : donnez le code INSEE de la commune (5 caractères).")
        store.save_venue(con, region_code, key, name.strip(), address, commune_code)
    return f"Lieu « {name.strip()} » confirmé à {commune} ({commune_code})."
