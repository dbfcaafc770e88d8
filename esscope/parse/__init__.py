"""Programme ingestion: documents (text, HTML, PDF, OpenAgenda CSV/JSON/ICS, tables) → dated,
geolocated events, with what is unsure flagged.

Everything here is pure: the document comes as bytes, the names to resolve (the commune index,
the venues a person confirmed, territory names) come in a `Reference` read by the caller.
"""

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from ..errors import UserError
from ..limits import PROGRAMME_BYTES, PROGRAMME_EVENTS, TEXT_CHARS, LimitError
from . import dates
from .figures import TerritoryFinder, find_figures
from .html import (
    feed_records,
    feed_to_text,
    html_to_text,
    json_ld_events,
    json_ld_record,
    looks_like_feed,
    looks_like_html,
)
from .latex import latex_to_text, looks_like_latex
from .mail import looks_like_mail, mail_to_text
from .model import EVENT_FIELDS, Document, Event, Figure
from .pdf import pdf_document
from .places import Places
from .programme import in_season, parse_text, set_aside
from .records import (
    ics_records,
    json_records,
    looks_like_table,
    of_the_mois,
    one_table,
    read_csv,
    read_xlsx,
    record_events,
    table_records,
    without_cancelled,
    without_repeats,
)
from .textnorm import clean, decode, looks_binary, one_form, text_of
from .vocabulary import canonical_kind, canonical_theme
from .wiki import looks_like_wikitext, wikitext_to_text
from .yaml_rows import looks_like_yaml, yaml_rows

__all__ = [
    "EVENT_FIELDS",
    "Document",
    "Event",
    "Figure",
    "Reference",
    "detect_format",
    "parse_document",
]

TEXT_FORMATS = ("text", "html", "pdf", "mail")


@dataclass
class Reference:
    """What names are resolved against: the commune index, the confirmed venues
    ((region or '', key) → (code, name)) and territory names (level, code, name)."""
    index: object = None
    venues: dict = field(default_factory=dict)
    territories: list = field(default_factory=list)


# an iCalendar file pasted into a mail or a text, between lines of its own: read as the calendar it is
_CALENDAR_INSIDE = re.compile(rb"^BEGIN:VCALENDAR\s*$.*?^BEGIN:VEVENT\s*$", re.MULTILINE | re.DOTALL | re.IGNORECASE)


def detect_format(data: bytes, filename: str) -> str:
    """'pdf', 'xlsx', 'ics', 'json', 'csv', 'feed' (RSS, Atom), 'html' or 'text', from the content first, then the name."""
    name = (filename or "").lower()
    head = data[:2048].lstrip()
    if data.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if b"xl/" in data[:65536] or name.endswith((".xlsx", ".xlsm")):
            return "xlsx"
        raise UserError(f"{filename} est une archive (ZIP, DOCX ou ODT) que esscope ne lit pas : exportez le "
                        "programme en PDF, en texte ou en XLSX.")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UserError(f"{filename} est un ancien fichier Office (XLS ou DOC) : enregistrez-le en XLSX, CSV ou PDF.")
    if head.upper().startswith(b"BEGIN:VCALENDAR") or name.endswith(".ics") or _CALENDAR_INSIDE.search(data[:65536]):
        return "ics"
    if name.endswith(".eml") or looks_like_mail(data):
        return "mail"
    # « [Transcription automatique …] » opens a text, not a JSON array: JSON opens on a quote or a bracket
    # (« {{Bandeau|… » opens a wiki page's source, « [[Fichier:… » too: JSON's objects open on a quote)
    if name.endswith(".json") or (re.match(rb"\{\s*[\"}]|\[\s*[\"{\]]|\[\s*\[\s*[\"{\[\]]", head)
                                   and name.endswith((".txt", ""))):
        return "json"
    if name.endswith((".yaml", ".yml")):
        return "yaml"
    if name.endswith((".csv", ".tsv")):
        return "csv"
    if name.endswith((".xlsx", ".xlsm")):
        return "xlsx"
    if looks_binary(data):
        raise UserError(f"{filename} n'est pas du texte lisible (fichier binaire, image ?) : fournissez le "
                        "programme en texte, HTML, PDF, CSV, XLSX, JSON ou ICS.")
    if looks_like_yaml(decode(data[:16384], f"Le fichier {filename}")[0]):
        return "yaml"       # a site's data file saved as text
    if looks_like_table(decode(data[:8192], f"Le fichier {filename}")[0]):
        return "csv"        # a table saved as text
    if name.endswith((".rss", ".atom", ".xml")) or looks_like_feed(decode(data[:8192], f"Le fichier {filename}")[0]):
        return "feed"
    if name.endswith((".html", ".htm", ".xhtml")) or looks_like_html(decode(data[:8192], f"Le fichier {filename}")[0]):
        return "html"
    return "text"


def check_size(data: bytes, filename: str) -> None:
    """Refuse empty and oversized files with a message that says what to do."""
    if not data or not data.strip():
        raise UserError(f"Le fichier {filename} est vide : vérifiez que l'enregistrement ou l'export du "
                        "programme a bien abouti, puis réessayez.")
    PROGRAMME_BYTES.check_bytes(len(data), f"Le fichier {filename}")


def parse_document(data: bytes, filename: str, reference: Reference, edition=None, region=None,
                   columns=None, progress=None) -> Document:
    """Read a document and return its events, candidate figures and warnings (writing nothing).
    The région, when not given, is inferred from the communes the document names."""
    report = progress or (lambda fraction, message: None)
    check_size(data, filename)
    fmt = detect_format(data, filename)
    report(0.05, f"Lecture du fichier ({fmt})…")
    source = _source(data, filename, fmt, columns)
    report(0.3, "Recherche des événements…")
    places = Places(reference.index, reference.venues, region=region)
    events, year, warnings = _events(source, places, edition)
    inferred_region, department = _context(events, reference, source, region)
    if inferred_region or department:
        report(0.6, "Communes précisées avec la région du programme…")
        events, year, warnings = _events(source, places.with_context(region or inferred_region, department), edition)
    if not region:
        warnings.append(f"région du programme déduite du document : {_region_name(reference, inferred_region)} "
                        f"({inferred_region})" if inferred_region else
                        "région du programme non trouvée : précisez-la (--region) pour départager les homonymes")
    if not events:
        raise UserError(f"Aucune date d'événement trouvée dans {filename} : un programme donne le jour de chaque "
                        "événement (« mardi 7 novembre », « 18/11 »). Vérifiez le fichier ou exportez l'agenda en "
                        "CSV, JSON ou ICS.")
    for event in events:
        event.kind, event.theme = canonical_kind(event.kind), canonical_theme(event.theme)
        for name in ("title", "venue", "address", "organizer", "description"):
            setattr(event, name, one_form(getattr(event, name)))
        event.co_organizers = [one_form(name) for name in event.co_organizers]
    figures = []
    if source.text and reference.territories:
        report(0.85, "Chiffres du secteur cités…")
        figures = find_figures(source.text, TerritoryFinder(reference.territories), year)
    report(1.0, f"{len(events)} événement(s) trouvé(s).")
    return Document(events=events, figures=figures, warnings=warnings, edition=year,
                    region=region or inferred_region, format=source.format)


@dataclass
class _Source:
    format: str
    text: str | None = None
    records: list | None = None
    hint: str = ""              # text that is not content but may name the edition (running headers)


def _source(data: bytes, filename: str, fmt: str, columns) -> _Source:
    source = _read(data, filename, fmt, columns)
    if source.text:
        TEXT_CHARS.check(len(source.text), f"Le texte de {filename}")
    return source


def _read(data: bytes, filename: str, fmt: str, columns) -> _Source:
    if fmt == "pdf":
        text, running = pdf_document(data)
        return _Source("pdf", clean(text), hint=clean(running))
    if fmt == "html":
        text, blocks = html_to_text(decode(data, f"La page {filename}")[0])
        structured = json_ld_events(blocks)
        if structured:
            PROGRAMME_EVENTS.check(len(structured), f"La page {filename}")
            return _Source("html-json-ld", text, [json_ld_record(e) for e in structured])
        if not text.strip():
            raise UserError(f"La page {filename} ne contient pas de texte lisible (seulement des scripts, des "
                            "menus ou de la mise en forme) : enregistrez la page une fois affichée dans le "
                            "navigateur, ou copiez le programme dans un fichier texte.")
        return _Source("html", clean(text))
    if fmt == "mail":
        return _Source("mail", clean(mail_to_text(data)))
    if fmt == "feed":
        feed = decode(data, f"Le flux {filename}")[0]
        records = feed_records(feed)
        if records:
            PROGRAMME_EVENTS.check(len(records), f"Le flux {filename}")
            return _Source("feed-events", None, records)
        return _Source("feed", clean(feed_to_text(feed)))
    if fmt == "ics":
        return _Source("ics", None, ics_records(text_of(data, f"Le fichier {filename}")))
    if fmt == "json":
        records, kind = json_records(data, f"Le fichier {filename}")
        return _Source(kind, None, records)
    if fmt == "yaml":
        try:
            return _yaml(data, filename, columns)
        except LimitError:
            raise
        except UserError:
            if (filename or "").lower().endswith((".yaml", ".yml")):
                raise
            return _Source("text", _text(data, filename))     # a text that only looked like YAML
    if fmt == "csv" and not (filename or "").lower().endswith((".csv", ".tsv")):
        text = _text(data, filename)
        if not one_table(text):
            return _Source("text", text)
        try:
            table = _table(data, filename, fmt, columns)
            if sum(bool(r.get("start")) for r in table.records) * 2 >= len(table.records):
                return table
        except UserError:
            pass
        # a text whose header looked like a table's and is none (no date under its date column): read as text
        return _Source("text", text)
    if fmt in ("csv", "xlsx"):
        return _table(data, filename, fmt, columns)
    return _Source("text", _text(data, filename))


def _yaml(data: bytes, filename: str, columns) -> _Source:
    what = f"Le fichier {filename}"
    rows, found = yaml_rows(decode(data, what)[0], what)
    if not rows:
        raise UserError(f"{what} ne contient aucune liste d'événements : il faut une liste d'objets avec un titre "
                        "et une date.")
    return _Source("yaml", None, table_records(rows, found, columns)[0])


def _text(data: bytes, filename: str) -> str:
    """A text file's text; a wiki page's source as its reader sees it."""
    text = text_of(data, f"Le fichier {filename}")
    if looks_like_latex(text):
        return clean(latex_to_text(text))
    return clean(wikitext_to_text(text)) if looks_like_wikitext(text) else text


def _table(data: bytes, filename: str, fmt: str, columns) -> _Source:
    what = f"Le tableau {filename}"
    rows, cols = read_csv(data, what) if fmt == "csv" else read_xlsx(data, what)
    if not rows:
        raise UserError(f"Le tableau {filename} n'a aucune ligne d'événement sous ses en-têtes : "
                        "vérifiez l'export.")
    records, kind = table_records(rows, cols, columns)
    # the lines above a table pasted into a text (« … NOVEMBRE 2011 ») may name its edition
    hint = decode(data[:8192], what)[0] if fmt == "csv" else ""
    return _Source(kind if fmt == "csv" or kind != "table" else "xlsx", None, records, hint=hint)


def _events(source: _Source, places: Places, edition) -> tuple:
    if source.records is not None:
        named = dates.document_year(source.hint) if source.hint else None
        # rows that write their year say it; a stray line under the table (« édition 2015 : … ») does not
        dated = sum(bool(re.search(r"\b(?:19|20)\d\d\b", r.get("start") or "")) for r in source.records)
        written = _records_year(source.records, strict=True) if dated * 2 >= len(source.records) or not named else None
        year = edition or written or named or _records_year(source.records)
        records, cancelled, twice = without_cancelled(source.records)
        records, others = of_the_mois(records)
        events, repeated = without_repeats(record_events(records, places, year))
        events, warnings = set_aside(events)
        warnings += _set_aside_rows(cancelled, "ligne(s) annulée(s) d'après leur statut")
        warnings += _set_aside_rows(twice, "ligne(s) marquée(s) comme doublon d'une autre")
        warnings += _set_aside_rows(repeated, "ligne(s) en double (même jour, même commune, même intitulé)")
        warnings += _set_aside_rows(others, "ligne(s) d'un autre agenda que celui du Mois de l'ESS (l'export marque "
                                            "les autres comme les siennes)")
        events, off = in_season(events, year)
        warnings += off
        if not (edition or _records_year(source.records, strict=True) or named):
            warnings.append(f"aucune année dans les dates : {year} supposée, précisez --edition")
        return events, year, warnings
    return parse_text(source.text, places, edition, year_hint=dates.document_year(source.hint) if source.hint else None)


def _set_aside_rows(titles: list, why: str) -> list:
    return [f"{len(titles)} {why}, non retenue(s) comme événement : " + " ; ".join(f"« {t[:60]} »" for t in titles[:5])] \
        if titles else []


def _records_year(records: list, strict=False) -> int | None:
    years = Counter(int(m.group(0)) for r in records for m in [re.search(r"\b(?:19|20)\d\d\b", r.get("start") or "")]
                    if m)
    if years:
        return years.most_common(1)[0][0]
    return None if strict else dt.date.today().year


def _context(events: list, reference: Reference, source: _Source, region) -> tuple:
    """(région, département) the programme is about: the ones most of its resolved communes are in,
    else a région its text names."""
    index = reference.index
    if not index:
        return None, None
    # a commune chosen among homonyms for its size is a guess: it does not set the programme's région
    located = [index.commune(e.commune_code) for e in events if e.commune_code and index.commune(e.commune_code)
               and not any("la plus peuplée" in w for w in e.warnings)]
    regions = Counter(c[2] for c in located)
    inferred = None
    if not region and regions:
        best, n = regions.most_common(1)[0]
        if n >= 2 and n > len(located) / 2 or len(located) == 1:
            inferred = best
    guessed = {index.commune(e.commune_code) for e in events if e.commune_code and index.commune(e.commune_code)}
    if not region and not located and len(guessed) >= 2 and len({c[2] for c in guessed}) == 1:
        inferred = next(iter(guessed))[2]   # guesses for size that all fall in one région agree with each other
    if not region and not inferred and source.text and reference.territories:
        finder = TerritoryFinder([t for t in reference.territories if t[0] == "region"])
        found = finder.find(source.text[:5000])
        inferred = found[1] if found else None
    within = region or inferred
    departments = Counter(c[1] for c in located if not within or c[2] == within)
    department = None
    if departments:
        best, n = departments.most_common(1)[0]
        if n >= 2 and n >= 0.6 * sum(departments.values()):
            department = best
    if not department and source.text and reference.territories:
        # « En Seine-Saint-Denis, … »: a département the text names, within the programme's région
        finder = TerritoryFinder([t for t in reference.territories if t[0] == "department"])
        found = finder.find(source.text[:5000])
        if found and within and index.region_of_department(found[1]) == within:
            department = found[1]
    return inferred, department


def _region_name(reference: Reference, code) -> str:
    return next((name for level, c, name in reference.territories if level == "region" and c == code), code)
