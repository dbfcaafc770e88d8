"""Events that come as data: tables (CSV, XLSX, OpenAgenda CSV export), OpenAgenda JSON, ICS.

Each reader gives records, plain dicts with the fields below (values as text); `record_events`
turns them into events, resolving the commune from its INSEE code, its postcode and name, or its
name alone, exactly as for programmes written as text.
"""

import csv
import datetime as dt
import io
import json
import math
import re
from itertools import islice
from zoneinfo import ZoneInfo

import icalendar
from dateutil.rrule import rrulestr

from ..errors import UserError
from ..files import column_names, open_workbook, sheet_rows
from ..limits import PROGRAMME_CELLS, PROGRAMME_COLUMNS, PROGRAMME_EVENTS, PROGRAMME_ROWS
from . import dates
from .json_rows import flat_rows
from .model import Event
from .places import Places, Resolved, is_online, parse_place
from .tables import day_first, english_header, month_first
from .textnorm import clean, decode, looks_binary
from .vocabulary import column_field, kind_in, label_of, price_of

PARIS = ZoneInfo("Europe/Paris")
FIELDS = ("title", "description", "start", "end", "first_end", "last_start", "start_time", "end_time", "venue",
          "address", "commune", "postcode", "insee", "organizer", "co_organizers", "contact", "price", "theme",
          "kind", "url", "online", "department", "region", "status", "sessions", "agenda")

# Column names (folded, letters and digits only) that carry each field, OpenAgenda's export included.
ALIASES = {
    "title": ["titre", "titrefr", "title", "intitule", "nomdelevenement", "evenement", "libelle", "name", "summary",
              "nom", "titredelevenement", "titlefr", "animation", "animations", "eventtitle", "eventname"],
    "description": ["descriptioncourte", "descriptioncourtefr", "description", "descriptionfr", "resume",
                    "presentation", "details", "descriptionlongue", "descriptionlonguefr"],
    "start": ["premieredatedebut", "datedebut", "datededebut", "dtdeb", "dtdebut", "datedeb", "debut", "start", "startdate", "date", "dates",
              "jour", "quand", "dateevenement", "datedelevenement", "firstdate", "dtstart", "firstdatebegin",
              "firsttimingbegin"],
    "first_end": ["premieredatefin", "firstdateend", "firsttimingend"],
    "last_start": ["dernieredatedebut", "lastdatebegin", "lasttimingbegin"],
    "end": ["dernieredatefin", "datefin", "datedefin", "dtfin", "fin", "end", "enddate", "lastdate", "dtend", "lastdateend", "lasttimingend"],
    "start_time": ["heuredebut", "heurededebut", "heure", "horaire", "horaires", "starttime", "time", "heures"],
    "end_time": ["heurefin", "heuredefin", "endtime"],
    "venue": ["nomdulieu", "lieu", "venue", "location", "salle", "locationname", "place", "nomlieu"],
    "address": ["adresse", "address", "adressedulieu", "rue", "adresselieu", "locationaddress"],
    "commune": ["ville", "commune", "city", "localite", "town", "villedulieu", "locationcity"],
    "postcode": ["codepostal", "cp", "postcode", "postalcode", "zip", "zipcode", "locationpostalcode"],
    "insee": ["codeinsee", "insee", "codecommune", "inseecode", "codeinseecommune", "locationinsee"],
    "organizer": ["organisateur", "organisateurs", "organizer", "structure", "porteur", "structureorganisatrice",
                  "organisation", "structureporteuse", "porteurduprojet", "porteurdeprojet", "organisme", "organiser",
                  "organisers", "organizers"],
    "co_organizers": ["coorganisateurs", "coorganisateur", "partenaires", "partenaire"],
    "contact": ["contact", "email", "mail", "courriel", "telephone", "tel", "inscription", "reservation",
                "registration", "contactinscription"],
    "price": ["tarif", "tarifs", "prix", "conditions", "conditionsfr", "price", "conditionsdeparticipation",
              "conditionsdacces"],
    "theme": ["theme", "thematique", "categorie", "motscles", "motsclesfr", "keywords", "category", "themes", "keywordsfr"],
    "kind": ["type", "typedevenement", "format", "kind", "typeevenement", "typedevenementfr"],
    "url": ["lien", "url", "link", "siteweb", "liendelevenement", "lienverslevenement", "canonicalurl"],
    "online": ["enligne", "online", "modedeparticipation", "attendancemode", "lienenligne", "lienacceslenligne",
               "accesenligne", "mode", "modalite", "modalites", "modedacces"],
    "department": ["departement", "department", "locationdepartment"],
    "region": ["region", "locationregion"],
    "status": ["statut", "status", "etat", "statutdelevenement", "eventstatus"],
    # an agenda export's list of sessions (OpenAgenda's « timings »: [{"begin": …, "end": …}, …])
    "sessions": ["timings", "horairesdetailles", "seances", "sessions"],
    # the agenda a row comes from, when an export mixes several (« Mois de l'ESS 2021 », « Agenda de la CRESS »)
    "agenda": ["agenda", "originagendatitle", "agendatitle", "agendadorigine", "source"],
}
# fields of programme labels (vocabulary.FIELD_LABELS) → fields of records
_LABEL_FIELDS = {"title": "title", "date": "start", "end": "end", "time": "start_time", "end_time": "end_time",
                 "venue": "venue", "address": "address", "commune": "commune", "postcode": "postcode",
                 "organizer": "organizer", "co_organizers": "co_organizers", "partners": "co_organizers",
                 "contact": "contact", "url": "url", "price": "price", "theme": "theme", "kind": "kind",
                 "description": "description"}
_OFFLINE = {"non", "no", "0", "false", "1", "presentiel", "hors ligne", "offline", "sur place", "on site", "onsite",
            "in person", "en presentiel"}
_ONLINE = {"online", "en ligne", "distanciel", "en distanciel", "a distance", "visio", "en visio", "webinaire", "webinar"}
# both on site and online: a place to go to, so an event of its commune (online only when no place is given)
_BOTH = {"mixte", "hybride", "hybrid", "mixed", "presentiel et distanciel", "presentiel et en ligne"}
_OPENAGENDA_MARKS = {"premieredatedebut", "dernieredatefin", "nomdulieu", "identifiantdulieu"}


def _key(name) -> str:
    return re.sub(r"[^a-z0-9]", "", dates.fold(str(name)))


def column_mapping(columns: list, given: dict | None = None) -> dict:
    """field → column, from the names a table uses (and the mapping a person gave, which wins)."""
    by_key = {_key(c): c for c in columns}
    mapping = {}
    for fld, aliases in ALIASES.items():
        for alias in aliases:
            if alias in by_key:
                mapping[fld] = by_key[alias]
                break
    # other French column names, read with the labels of programmes (« Horaire(s) », « Porté par »)
    taken = set(mapping.values())
    for column in columns:
        fld = _LABEL_FIELDS.get(column_field(str(column)) or "")
        if column not in taken and fld and fld not in mapping:
            mapping[fld] = column
    for fld, column in (given or {}).items():
        if fld not in FIELDS:
            raise UserError(f"Champ inconnu dans --column : « {fld} ». Champs possibles : {', '.join(FIELDS)}.")
        if _key(column) not in by_key:
            raise UserError(f"La colonne « {column} » (donnée pour {fld}) n'existe pas dans le fichier. "
                            f"Colonnes trouvées : {', '.join(map(str, columns))}.")
        mapping[fld] = by_key[_key(column)]
    return mapping


def table_records(rows: list, columns: list, given=None) -> tuple:
    """(records, format) of a table's rows (dicts keyed by column)."""
    if len(columns) < 2 and not given:
        # not a table at all (a text or a system file named .csv): its first line is not repeated back
        raise UserError("Ce fichier n'est pas un tableau : sa première ligne n'a pas plusieurs colonnes séparées "
                        "par « ; », « , » ou des tabulations. Exportez le programme en CSV depuis le tableur ou "
                        "l'agenda, ou donnez-le en texte (.txt), en PDF ou en XLSX.")
    mapping = column_mapping(columns, given)
    missing = [f for f in ("title", "start") if f not in mapping]
    if missing:
        names = {"title": "titre", "start": "date de début"}
        raise UserError(
            "Les colonnes du tableau ne disent pas " + " ni ".join(names[m] for m in missing)
            + f" des événements. Colonnes trouvées : {_shown_columns(columns)}. "
            "Renommez-les (par ex. « Titre », « Date de début », « Lieu », « Ville », « Code postal ») ou "
            "indiquez-les avec --column title=COLONNE --column start=COLONNE.")
    fmt = "openagenda-csv" if _OPENAGENDA_MARKS & {_key(c) for c in columns} else "table"
    if not _date_column(rows, [mapping["start"]], set()):
        # « jour » holds weekdays (« ven. ») where « dt_déb » holds the dates: the column whose cells are dates
        mapping["start"] = _date_column(rows, columns, {mapping.get("end")}) or mapping["start"]
    records = []
    unmapped = [c for c in columns if c not in set(mapping.values())]
    # a sheet's rows grouped under a date written once (merged cells come out empty): its first columns
    grouped = fmt == "table" and mapping["start"] in columns[:2]
    for row in rows:
        record = {f: _text(row.get(col)) for f, col in mapping.items()}
        if not any(record.values()):
            continue
        if grouped and not record.get("start") and record.get("title") and records and records[-1].get("start"):
            record.update(start=records[-1]["start"], end=record.get("end") or records[-1].get("end"))
        if not record.get("status"):
            # « ANNULÉ », « REPORTÉE AU SAM. 26/11 » written in whatever column was at hand
            record["status"] = next((v for c in columns if c not in (mapping["title"], mapping.get("description"))
                                     for v in [_text(row.get(c))] if v and len(v) <= 80
                                     and (_CANCELLED.match(v) or _PUT_OFF.match(v))), None)
        # what other cells say (« tous les mercredis de novembre » in a comment): read for the days of a series
        record["_notes"] = " ".join(filter(None, (_text(row.get(c)) for c in unmapped)))[:500]
        records.append(record)
    if month_first([r.get(f) for r in records for f in ("start", "end")], english_header(columns)):
        for record in records:     # « 11/4/2021 » from a calendar tool set in English: 4 November
            record.update({f: day_first(record[f]) for f in ("start", "end") if record.get(f)})
    written = [r["start"] for r in records if r.get("start")]
    if written and not any(_moment(value, 2000)[0] for value in written):
        raise UserError(f"Aucune date lisible dans la colonne « {mapping['start']} » (par ex. « {written[0]} ») : "
                        "écrivez les dates comme « 18/11/2024 » ou « mardi 18 novembre », ou indiquez la colonne "
                        "des dates avec --column start=COLONNE.")
    return records, fmt


_COMMENT = re.compile(r"^\s*(?:#|//|$)")
_MOST_COMMENTS = 30


def without_comments(text: str) -> str:
    """A table's text from its header on: exports open on comment lines (« # Export du 05/11 »,
    « # Filtre : … ») and blank lines, at most thirty, that are neither columns nor rows; a sheet saved
    from a spreadsheet, on its title rows (« Mois de l'ESS 2023 – tableau de suivi,,,, ») above the header."""
    lines = text.lstrip("\ufeff").split("\n", _MOST_COMMENTS + 1)
    skipped = 0
    while skipped < min(len(lines) - 1, _MOST_COMMENTS) and _COMMENT.match(lines[skipped]):
        skipped += 1
    if not header_line(lines[skipped]):
        skipped = next((k for k in range(skipped + 1, min(len(lines) - 1, _MOST_COMMENTS))
                        if header_line(lines[k])), skipped)
    return "\n".join(lines[skipped:])


def header_line(line: str) -> bool:
    """A table's header: between « ; », tabs, commas or pipes, at least three column names, a title and a
    start date among them (and empty names only after them, as a spreadsheet's unused columns)."""
    return header_separator(line) is not None


def header_separator(line: str) -> str | None:
    """The separator of a table's header line (`header_line`), or None."""
    first = line.strip()
    for separator in (";", "\t", ",", "|"):
        cells = [c.strip().strip('"') for c in first.split(separator)]
        while cells and not cells[-1]:
            cells.pop()
        if 3 <= len(cells) <= PROGRAMME_COLUMNS.limit and all(0 < len(c) <= 40 for c in cells):
            mapping = column_mapping(cells)
            if "title" in mapping and "start" in mapping:
                return separator
    return None


def _date_column(rows: list, columns: list, exclude: set) -> str | None:
    """The first column, not excluded, most of whose cells (of the first rows) are dates."""
    sample = rows[:50]
    for column in columns:
        if column in exclude:
            continue
        cells = [_text(row.get(column)) for row in sample]
        cells = [c for c in cells if c]
        if cells and sum(bool(_moment(c, 2000)[0]) for c in cells) >= 0.6 * len(cells):
            return column
    return None


def looks_like_table(text: str) -> bool:
    """True for a table saved as text (a CSV named .txt): its first line after any comment lines names,
    between « ; », tabs or commas, at least three columns, a title and a start date among them."""
    return header_line(without_comments(text).split("\n", 1)[0])


def one_table(text: str, most: int = 5000) -> bool:
    """True when a text that opens on a table's header holds no second header among its first `most`
    lines: tables of several layouts pasted one under the other (« | » then « ; ») are read as text, each
    table in its own way, rather than all as rows of the first."""
    lines = without_comments(text).split("\n", most)[1:most]
    return not any(header_line(line) for line in lines if 2 <= len(line) <= 1000)


def _shown_columns(columns: list, most: int = 30, width: int = 40) -> str:
    """Column names to show back in a message: the first `most`, each cut at `width` characters."""
    names = [str(c) if len(str(c)) <= width else str(c)[:width] + "…" for c in columns[:most]]
    return ", ".join(names) + (f" (et {len(columns) - most} autres)" if len(columns) > most else "") or "aucune"


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    text = clean(str(value)).strip()
    return text or None


def read_csv(data: bytes, what: str = "Le tableau") -> tuple:
    """(rows, columns) of a CSV file: encoding and delimiter detected, rows, columns and cells bounded."""
    if looks_binary(data):
        raise UserError(f"{what} n'est pas un tableau CSV (fichier binaire ?) : exportez-le en CSV depuis le "
                        "tableur, ou en XLSX.")
    text = without_comments(decode(data, what)[0])
    sample = text[:20000]
    try:
        # a header cut by tabs says the delimiter (the sniffer is misled by commas in long cells)
        header = header_separator(text.split("\n", 1)[0])
        dialect = csv.excel_tab if header == "\t" or text.split("\n", 1)[0].count("\t") >= 2 else \
            _with_delimiter(header) if header else csv.Sniffer().sniff(sample, delimiters=";,\t|")
    except csv.Error:
        dialect = csv.excel
        dialect.delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text), dialect=dialect)
    try:
        columns = next(reader, [])
        PROGRAMME_COLUMNS.check(len(columns), what)
        rows, cells = [], 0
        for line in reader:
            if not any(v.strip() for v in line):
                continue
            PROGRAMME_COLUMNS.check(len(line), what)
            PROGRAMME_ROWS.check(len(rows) + 1, what)
            cells += len(line)
            PROGRAMME_CELLS.check(cells, what)
            rows.append(dict(zip(columns, line)))
    except csv.Error as exc:     # a field longer than the csv module allows, a NUL byte…
        raise UserError(f"{what} est mal formé vers la ligne {reader.line_num} (champ trop long ou caractère "
                        "invalide) : ouvrez-le dans un tableur et réenregistrez-le en CSV.") from exc
    return rows, columns


def _with_delimiter(delimiter: str):
    """The CSV dialect of a table whose header says its delimiter (cells around « | » padded with spaces)."""
    return type("Said", (csv.excel,), {"delimiter": delimiter, "skipinitialspace": delimiter == "|"})


def read_xlsx(data: bytes, what: str = "Le classeur") -> tuple:
    """(rows, columns) of the sheet of an XLSX workbook that holds the most rows, within bounds."""
    book = open_workbook(data, what)
    best = ([], [])
    try:
        for sheet in book.worksheets:
            values = list(sheet_rows(sheet, PROGRAMME_ROWS, PROGRAMME_COLUMNS, PROGRAMME_CELLS, what))
            header_at = next((i for i, r in enumerate(values) if sum(v is not None for v in r) >= 2), None)
            if header_at is None:
                continue
            columns = column_names(values[header_at])
            rows = [dict(zip(columns, r)) for r in values[header_at + 1:]]
            if len(rows) > len(best[0]):
                best = (rows, columns)
    finally:
        book.close()
    return best


# ------------------------------------------------------------------ OpenAgenda JSON

def _lang(value):
    """OpenAgenda's multilingual fields: {'fr': '…'} → the French (or first) text."""
    if isinstance(value, dict):
        value = value.get("fr") or next((v for v in value.values() if v), None)
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v)
    return _text(value)


def openagenda_json_records(data) -> list:
    """Records of an OpenAgenda JSON export (API v2: {'events': […]} or a list of events)."""
    events = data.get("events") if isinstance(data, dict) else data
    if not isinstance(events, list) or not events or not isinstance(events[0], dict) or "title" not in events[0]:
        raise UserError("Ce JSON n'est pas un export d'agenda reconnu (il faut une liste d'événements avec "
                        "« title », comme l'export JSON v2 d'OpenAgenda).")
    records = []
    for item in filter(lambda e: isinstance(e, dict), events):
        location = _mapping(item.get("location"))
        timings = sorted((t for t in _listed(item.get("timings")) if isinstance(t, dict)),
                         key=lambda t: str(t.get("begin") or ""))
        first = _mapping(item.get("firstTiming")) or (timings[0] if timings else {})
        last = _mapping(item.get("lastTiming")) or (timings[-1] if timings else {})
        mode = item.get("attendanceMode")
        records.append({
            "title": _lang(item.get("title")),
            "description": _lang(item.get("description")) or _lang(item.get("longDescription")),
            "start": first.get("begin"), "first_end": first.get("end"),
            "last_start": last.get("begin"), "end": last.get("end"),
            "venue": _text(location.get("name")), "address": _text(location.get("address")),
            "commune": _text(location.get("city")), "postcode": _text(location.get("postalCode")),
            "insee": _text(location.get("insee")), "department": _text(location.get("department")),
            "region": _text(location.get("region")),
            "price": _lang(item.get("conditions")), "theme": _lang(item.get("keywords")),
            "url": _text(item.get("canonicalUrl") or item.get("onlineAccessLink")),
            "online": "oui" if mode in (2, 3) or item.get("onlineAccessLink") else None,
            "contact": ", ".join(str(r.get("value")) for r in _listed(item.get("registration"))
                                 if isinstance(r, dict) and r.get("value")) or None,
            "organizer": _lang(_mapping(item.get("originAgenda")).get("title")),
            "status": _OPENAGENDA_STATUS.get(item.get("status")), "_sessions": timings,
        })
    return records


# OpenAgenda's numbered states of an event (API v2); the others (scheduled, full, moved online) keep it as it is
_OPENAGENDA_STATUS = {2: "reprogrammé", 4: "reporté", 6: "annulé"}


def _mapping(value) -> dict:
    """`value` when an export gives an object where one is expected, else an empty one."""
    return value if isinstance(value, dict) else {}


def _listed(value) -> list:
    return value if isinstance(value, list) else []


# ------------------------------------------------------------------ ICS

def ics_records(text: str) -> list:
    """Records of the VEVENTs of an iCalendar file, read by icalendar (unfolded lines, escapes, TZID
    and UTC times brought to French time)."""
    text = _calendar_part(text)
    try:
        events = _latest_versions(icalendar.Calendar.from_ical(text).walk("VEVENT"))
    except ValueError as exc:
        raise UserError("Ce fichier iCalendar est illisible : exportez de nouveau l'agenda au format ICS.") from exc
    if not events:
        raise UserError("Ce fichier iCalendar ne contient aucun événement (VEVENT).")
    PROGRAMME_EVENTS.check(len(events), "Ce fichier iCalendar")
    # a cancelled VEVENT is kept in the calendar to say so: no event
    records = [record for event in events if str(event.get("STATUS", "")).upper() != "CANCELLED"
               for record in _ics_occurrences(event)]
    PROGRAMME_EVENTS.check(len(records), "Ce fichier iCalendar")
    return records


def _calendar_part(text: str) -> str:
    """The calendar itself, from its BEGIN:VCALENDAR to its END:VCALENDAR: a calendar pasted into a mail
    comes with lines before and after it."""
    begin = re.search(r"^BEGIN:VCALENDAR[ \t]*\r?$", text, re.MULTILINE | re.IGNORECASE)
    ends = list(re.finditer(r"^END:VCALENDAR[ \t]*\r?$", text, re.MULTILINE | re.IGNORECASE))
    if not begin or not ends or ends[-1].start() < begin.start():
        return text
    return text[begin.start():ends[-1].end()]


def _latest_versions(events: list) -> list:
    """Each VEVENT once: of the copies that share a UID (an update sent after the first, a calendar exported
    twice), the one with the highest SEQUENCE, the later among equals. Occurrences of a series changed one
    by one (RECURRENCE-ID) stay apart."""
    latest = {}
    for k, event in enumerate(events):
        uid = str(event.get("UID", "")).strip()
        key = (uid, str(event.get("RECURRENCE-ID", ""))) if uid else ("", k)
        try:
            sequence = int(str(event.get("SEQUENCE", 0)))
        except ValueError:
            sequence = 0
        if key not in latest or sequence >= latest[key][0]:
            latest[key] = (sequence, k, event)
    return [event for _, _, event in sorted(latest.values(), key=lambda kept: kept[1])]


# a weekly rule over a month gives four or five: more than this is no programme's event
_MAX_OCCURRENCES = 60


def _ics_occurrences(event) -> list:
    """The records of a VEVENT: one, or one per occurrence of its RRULE (EXDATE left out), each
    moved from the first by the same time."""
    first = _ics_record(event)
    rule = event.get("RRULE")
    try:
        start = event.decoded("DTSTART")
        every = rrulestr(rule.to_ical().decode(), dtstart=start) if rule is not None else None
        moments = list(islice(every, _MAX_OCCURRENCES)) if every is not None else []
    except (ValueError, TypeError, KeyError):       # a rule dateutil cannot read: the first occurrence only
        return [first]
    if len(moments) < 2:
        return [first]
    excluded = event.get("EXDATE", [])      # one property, or a list when it is given on several lines
    skipped = {d.dt for value in (excluded if isinstance(excluded, list) else [excluded]) for d in value.dts}
    out = []
    for moment in moments:
        if moment in skipped:
            continue
        shift = moment - start
        out.append(first | {name: _shifted(first[name], shift) for name in ("start", "end") if first.get(name)})
    return out


def _shifted(value: str, shift: dt.timedelta) -> str:
    """« 2023-11-09 12:30 » or « 2023-11-09 » moved by `shift`."""
    if len(value) == 10:
        return (dt.date.fromisoformat(value) + dt.timedelta(days=shift.days)).isoformat()
    return (dt.datetime.fromisoformat(value) + shift).isoformat(sep=" ", timespec="minutes")


def _ics_value(event, name: str):
    """A property's first value (a property given twice keeps its first), None when absent."""
    value = event.get(name)
    return value[0] if isinstance(value, list) and value else value


def _ics_text(event, name: str) -> str | None:
    value = _ics_value(event, name)
    if value is not None and hasattr(value, "cats"):
        value = ",".join(str(c) for c in value.cats)
    return None if value is None else _text(str(value))


def _ics_time(event, name: str) -> str | None:
    """« YYYY-MM-DD » for a day, « YYYY-MM-DD HH:MM » (French time) for a moment, None otherwise (a date
    icalendar could not read among them)."""
    try:
        moment = getattr(_ics_value(event, name), "dt", None)
    except ValueError:      # icalendar's BrokenCalendarProperty, on « DTSTART:2024XXXX »
        return None
    if isinstance(moment, dt.datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone(PARIS).replace(tzinfo=None)
        return moment.isoformat(sep=" ", timespec="minutes")
    return moment.isoformat() if isinstance(moment, dt.date) else None


def _ics_record(event) -> dict:
    start, end = _ics_time(event, "DTSTART"), _ics_time(event, "DTEND")
    if end and len(end) == 10 and start and len(start) == 10:
        # an all-day DTEND is the day after the last day
        end = (dt.date.fromisoformat(end) - dt.timedelta(days=1)).isoformat()
    organizer = _ics_value(event, "ORGANIZER")
    name = str(organizer.params.get("CN", "")).strip('"') if organizer is not None else ""
    return {
        "title": _ics_text(event, "SUMMARY"), "description": _ics_text(event, "DESCRIPTION"),
        "start": start, "end": end, "venue": _ics_text(event, "LOCATION"),
        "organizer": name or None, "theme": _ics_text(event, "CATEGORIES"), "url": _ics_text(event, "URL"),
        "contact": re.sub(r"^mailto:", "", str(organizer), flags=re.IGNORECASE) if organizer is not None else None,
        "_place_string": True,
    }


# ------------------------------------------------------------------ records → events

# 36526 = 1 January 2000, 73050 = 31 December 2099
_SERIAL = re.compile(r"(3[6-9]\d{3}|[4-6]\d{4}|7[0-2]\d{3})([.,]\d+)?")


def _moment(value: str | None, year: int) -> tuple:
    """(date, 'HH:MM' or None) of a date value: ISO, « 05/11/2024 18:00 », « mardi 5 novembre »."""
    if not value:
        return None, None
    value = value.strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?", value)
    if m:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if not m.group(4):
            return day, None
        moment = dt.datetime(day.year, day.month, day.day, int(m.group(4)), int(m.group(5)))
        if m.group(6) == "Z":
            moment = moment.replace(tzinfo=dt.UTC).astimezone(PARIS)
        return moment.date(), f"{moment.hour:02d}:{moment.minute:02d}"
    m = _SERIAL.fullmatch(value)
    if m:
        # a spreadsheet's date left as its serial number (days since 30 December 1899; the fraction, the time)
        moment = dt.datetime(1899, 12, 30) + dt.timedelta(days=float(m.group(0).replace(",", ".")))
        return moment.date(), f"{moment.hour:02d}:{moment.minute:02d}" if m.group(2) else None
    m = re.match(r"(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})", value)
    if m:
        y = int(m.group(3)) + (2000 if len(m.group(3)) == 2 else 0)
        try:
            day = dt.date(y, int(m.group(2)), int(m.group(1)))
        except ValueError:
            return None, None
        return day, dates.find_times(value[m.end():])[0]
    found = dates.match_date(value)
    if found:
        period = dates.resolve(found, year)
        if period:
            return period.start, dates.find_times(value[found.end:])[0]
    return None, None


def record_events(records: list, places: Places, year: int) -> list:
    """Events of records; each record's problems become its warnings. A record whose sessions fall in
    separate runs of days (a weekly cycle) gives one event per run (`session_runs`)."""
    events = []
    for n, record in enumerate(records):
        sessions = _sessions(record)
        # an export may give a number, a list or an object where text is expected: all read as text
        record = {k: v if k.startswith("_") else _lang(v) for k, v in record.items() if k not in ("sessions", "_sessions")}
        for run in session_runs(sessions, year) or [None]:
            for one in [{**record, **_run_dates(run)}] if run else _series(record, year):
                event = _record_event(one, places, year)
                if event:
                    event.line = n
                    events.append(event)
        PROGRAMME_EVENTS.check(len(events), "Cet export (une fois ses séances comptées)")
    return events


# Sessions that fill at least half the days of their span are one event open on those days (an exhibition
# closed on Sundays and Mondays); sparser ones (a weekly cycle, a market each Saturday) are events of their own,
# sessions on days that follow each other (a Friday and a Saturday) being one.
_OPEN_DAYS = 0.5


def _sessions(record: dict) -> list:
    """A record's sessions, each {'begin': …, 'end': …}, in order: from a list, or a JSON text in a cell."""
    value = record.get("_sessions", record.get("sessions"))
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):
            return []
    found = [t for t in _listed(value) if isinstance(t, dict) and t.get("begin")]
    return sorted(found[:PROGRAMME_EVENTS.limit], key=lambda t: str(t["begin"]))


def session_runs(sessions: list, year: int) -> list:
    """The sessions grouped into the events they make (see `_OPEN_DAYS`), in order."""
    dated = [(day, session) for session in sessions for day in [_moment(str(session["begin"]), year)[0]] if day]
    if not dated:
        return []
    span = (dated[-1][0] - dated[0][0]).days + 1
    if len({day for day, _ in dated}) >= _OPEN_DAYS * span:
        return [[session for _day, session in dated]]
    runs = []
    for day, session in dated:
        if runs and (day - runs[-1][-1][0]).days <= 1:
            runs[-1].append((day, session))
        else:
            runs.append([(day, session)])
    return [[session for _day, session in run] for run in runs]


def _series(record: dict, year: int) -> list:
    """A record as the events its dates make: one per day of a list (« Mercredis 9, 16, 23 et 30 nov. »), one per
    weekday of a span said weekly (« 07/11 – 28/11 », « tous les mercredis »); a range in one cell (« Du 14 au
    19 nov. ») gives its end."""
    value = (record.get("start") or "").strip()
    found = dates.match_date(value) if value and not re.match(r"\d{4}-\d\d-\d\d|\d{5}", value) else None
    period = dates.resolve(found, year) if found else None
    if period and period.separate:
        return [{**record, "start": day.isoformat(), "end": None} for day in period.days]
    if period and period.end and period.end > period.start and not record.get("end"):
        return [{**record, "start": period.start.isoformat(), "end": period.end.isoformat()}]
    start, end = _moment(value, year)[0], _moment(record.get("end"), year)[0]
    told = " ".join(filter(None, (record.get(f) for f in ("start_time", "description", "_notes", "title"))))
    weekly = dates.weekly_day(told)
    if start and end and weekly is not None and 7 <= (end - start).days <= 62:
        days = [start + dt.timedelta(days=k) for k in range((end - start).days + 1)]
        return [{**record, "start": d.isoformat(), "end": None} for d in days if d.weekday() == weekly]
    return [record]


def _run_dates(run: list) -> dict:
    first, last = run[0], run[-1]
    return {"start": str(first["begin"]), "first_end": _text(first.get("end")), "last_start": str(last["begin"]),
            "end": _text(last.get("end"))}


_CANCELLED = re.compile(r"^\W*(?:annul|supprim|cancel|d[ée]programm)", re.IGNORECASE)
_DUPLICATE = re.compile(r"^\W*(?:doublon|duplicate|en\s+double|saisie?\s+en\s+double)", re.IGNORECASE)
_MOIS = re.compile(r"mois\s+de\s+l['’\s]*(?:ess|[ée]conomie\s+sociale)", re.IGNORECASE)


def without_cancelled(records: list) -> tuple:
    """(records, titles cancelled, titles twice): a row whose status says it is cancelled, or the duplicate of another row
    (« doublon de RAS-0430 »), is no event (a row put off keeps its new date: it stays)."""
    def marked(record, mark):
        return mark.match(str(record.get("status") or ""))
    return ([r for r in records if not marked(r, _CANCELLED) and not marked(r, _DUPLICATE)],
            [str(r.get("title") or "") for r in records if marked(r, _CANCELLED)],
            [str(r.get("title") or "") for r in records if marked(r, _DUPLICATE)])


def without_repeats(events: list) -> tuple:
    """(events, titles set aside): a row entered twice (the same day, commune and title, whatever its case
    and punctuation) is one event, the first."""
    seen, kept, twice = set(), [], []
    for event in events:
        key = (event.start_date, event.commune_code, re.sub(r"\W+", " ", dates.fold(event.title or "")).strip())
        if key in seen and event.start_date:
            twice.append(event.title)
        else:
            seen.add(key)
            kept.append(event)
    return kept, twice


def of_the_mois(records: list) -> tuple:
    """(records, titles set aside): when an export mixes agendas and marks some rows as the Mois de l'ESS's (in
    their agenda, keywords or theme) but not others, the others."""
    def marked(record):
        return any(_MOIS.search(str(record.get(f) or "")) for f in ("agenda", "theme", "kind"))
    kept = [r for r in records if marked(r)]
    # the Mois itself, a row over the whole month in its own theme, marks no agenda out of others
    if not [r for r in kept if not _whole_month(r)] or len(kept) == len(records):
        return records, []
    return kept, [str(r.get("title") or "") for r in records if not marked(r)]


def _whole_month(record: dict) -> bool:
    """A row that runs three weeks or more (« 2023-11-01 » to « 2023-11-30 »)."""
    try:
        first, last = (dt.date.fromisoformat(str(record.get(f) or "")[:10]) for f in ("start", "end"))
    except ValueError:
        return False
    return (last - first).days >= 20


def _record_event(record: dict, places: Places, year: int) -> Event | None:
    title = (record.get("title") or "").strip()
    if not title:
        return None
    event = Event(title=title[:300], description=record.get("description"),
                  organizer=_without_address(record.get("organizer")) or _labelled(record.get("description"), "organizer"),
                  contact=record.get("contact"), theme=record.get("theme"), url=record.get("url"))
    kind = record.get("kind")
    if kind and dates.fold(kind).strip() in _OFFLINE | _BOTH | _ONLINE:
        # « Format : On site / Online / Hybrid »: the column says how one attends, not what kind of event
        record, kind = {**record, "online": record.get("online") or kind}, None
    event.kind = kind or kind_in(title)
    start, start_time = _moment(record.get("start"), year)
    _, first_end_time = _moment(record.get("first_end"), year)
    end, end_time = _moment(record.get("end") or record.get("last_start"), year)
    moved = _PUT_OFF.match(record.get("status") or "")
    moved_to = _moment(moved.group(1), year)[0] if moved else None
    if not moved_to and _PUT_OFF_BARE.match(record.get("status") or ""):
        # « reporté » in the status column, « REPORTÉE au vendredi 26/11, même heure » in a remark of the row
        said = next((m for value in record.values() if isinstance(value, str) and value is not record.get("status")
                     for m in [_PUT_OFF_SAID.search(value)] if m), None)
        moved_to = _moment(re.sub(r"^[^\d]+", "", said.group(1)), year)[0] if said else None
    if moved_to and start:
        # « Postponed → 28/11 », « Reporté au 28/11 »: the row's status gives the new day
        end = end and moved_to + (end - start) if end and end > start else None
        start = moved_to
    if record.get("start") and not start:
        event.warn(f"date illisible : « {record['start']} »", 0.4)
    if start:
        event.start_date = start.isoformat()
        event.end_date = (end if end and end >= start else start).isoformat()
    elif not record.get("start"):
        event.warn("date à préciser : la ligne n'en donne pas", 0.4)
    times = dates.find_times(" ".join(filter(None, [record.get("start_time"), record.get("end_time")])))
    event.start_time = start_time or times[0]
    event.end_time = (first_end_time if end == start or not end else None) or end_time or times[1]
    if event.end_time and event.start_time and event.end_time <= event.start_time and event.end_date == event.start_date:
        event.end_time = None
    if record.get("co_organizers"):
        event.co_organizers = [c.strip() for c in re.split(r"[,;]", record["co_organizers"]) if c.strip()]
    event.price = record.get("price") and (price_of(record["price"]) or record["price"][:120])
    online = record.get("online")
    if online and dates.fold(online) in _BOTH and (record.get("venue") or record.get("commune")):
        online = "non"
    event.online = bool(online and dates.fold(online) not in _OFFLINE) or \
        is_online(" ".join(filter(None, [record.get("venue"), title])))
    if start and not any(record.get(f) for f in ("venue", "address", "commune", "postcode", "insee")):
        # « samedi 18 novembre 2017, Grand'Place, Arras »: a « Date(s) et lieu » column says where after when
        found = dates.match_date((record.get("start") or "").strip())
        rest = dates.strip_times(record["start"].strip()[found.end:]).strip(" ,;–—-") if found else ""
        if re.search(r"[^\W\d_]{3}", rest):
            record = {**record, "venue": rest, "_place_string": True}
    _record_place(event, record, places)
    if not event.commune_code and not event.online and not event.commune_name:
        event.warn(f"lieu « {event.venue} » sans commune : commune à confirmer" if event.venue else
                   "lieu non indiqué", 0.15)
    return event


_PUT_OFF = re.compile(r"^\W*(?:report[ée]e?s?|d[ée]cal[ée]e?s?|d[ée]plac[ée]e?s?|postponed|rescheduled|moved)\s*"
                      r"(?:au|à|le|to|on|:|→|->|=>)?\s*(\S.*)$", re.IGNORECASE)


_PUT_OFF_BARE = re.compile(r"^\W*(?:report[ée]e?s?|postponed)\W*$", re.IGNORECASE)
_PUT_OFF_SAID = re.compile(r"\breport[ée]e?s?\s+(?:au|à)\s+((?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
                           r"\d{1,2}(?:/\d{1,2}(?:/\d{2,4})?|\s+\w+))", re.IGNORECASE)


# « ARTOIS SOLIDARITÉS 14 rue des Augustines, 62000 ARRAS »: where an organisation sits, after its name
_SEAT = re.compile(r"(?:,?\s+\d{1,4}(?:\s*(?:bis|ter))?,?\s+(?:rue|avenue|av\.|bd|boulevard|place|chemin|all[ée]e|quai|"
                   r"impasse|route|cours|square)\b|,\s*(?:rue|avenue|boulevard|place|quai|za|zi|zone)\s|,?\s+\d{5}\b).*$",
                   re.IGNORECASE)


def _without_address(name: str | None) -> str | None:
    """An organiser's name without the address a grant's table writes after it."""
    return (_SEAT.sub("", name).strip(" ,–—-") or name) if name else name


def _labelled(text: str | None, field: str) -> str | None:
    """The value of a field labelled in a free text (« Orga : URSCOP Ouest » in a calendar event's notes)."""
    for line in (text or "").splitlines()[:50]:
        found = label_of(line[:300])
        if found and found[0] == field and found[1]:
            return found[1]
    return None


def _record_place(event: Event, record: dict, places: Places) -> None:
    town = record.get("commune") or ""
    if dates.fold(re.sub(r"[()\[\]]", "", town)).strip() in _ONLINE or is_online(town) and len(town.split()) <= 3:
        record, event.online = {**record, "commune": None}, True     # « (online) », « En ligne » as the town
    if record.get("_place_string") and record.get("venue"):
        place = parse_place(record["venue"], places, fuzzy=True, commune_first=False)
        event.venue, event.address, event.online = place.venue, place.address, event.online or place.online
        found = place.commune
    else:
        event.venue, event.address = record.get("venue"), record.get("address")
        found = _record_commune(record, places)
        if found is None and event.venue:
            # a place column that also names the commune (« Où : Amiens », « Salle B, Nantes »)
            place = parse_place(event.venue, places, fuzzy=False, commune_first=False)
            if place.commune and place.commune.code:
                found, event.venue = place.commune, place.venue
                event.address = event.address or place.address
    if found and found.code:
        event.commune_code, event.commune_name = found.code, found.name
        if found.fuzzy:
            event.warn(found.warning(), 0.15)
    elif found:
        event.commune_name = found.query
        event.warn(found.warning() or f"commune « {found.query} » non reconnue", 0.2)
    elif record.get("commune"):
        event.commune_name = record["commune"]
        event.warn(f"commune « {record['commune']} » non reconnue : à préciser", 0.2)
    if event.venue and is_online(event.venue) and len(event.venue.split()) <= 3:
        event.venue, event.online = None, True      # « En ligne » as the place: how one attends, no place
    if not event.commune_code and event.venue:
        known = places.venue_commune(event.venue)
        if known:
            event.commune_code, event.commune_name = known


def _record_commune(record: dict, places: Places) -> Resolved | None:
    insee = (record.get("insee") or "").strip()
    if insee and places.index and re.fullmatch(r"\d[\dAB]\d{3}", insee):
        name = places.index.commune(insee)
        if name:
            return Resolved(insee, insee, name[0])
    city, postcode = record.get("commune"), (record.get("postcode") or "").strip()
    if city and re.fullmatch(r"\d{5}", postcode):
        return places.postcode_commune(postcode, city)
    if city:
        found = places.commune(city, fuzzy=True)
        bare = re.sub(r"\s*\([^()]*\)\s*", " ", city).strip()
        if (found is None or not found.code) and bare and bare != city:
            return places.commune(bare, fuzzy=True) or found     # « CAPDENAC (le Haut) »
        return found
    served = places.postcode_alone(postcode) if re.fullmatch(r"\d{5}", postcode) else None
    if served:
        return served       # 67100: Strasbourg
    if record.get("address"):
        return parse_place(record["address"], places, fuzzy=True, commune_first=False).commune
    return None


def json_records(data: bytes, what: str = "Ce fichier JSON") -> tuple:
    """(records, format) of an agenda's JSON export, at most PROGRAMME_EVENTS of them: OpenAgenda's, or any
    other whose events are a list of objects with a title and a date among their fields."""
    text, _ = decode(data, what)
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"{what} est mal formé (ligne {exc.lineno}, colonne {exc.colno}) : vérifiez l'export, "
                        "ou exportez l'agenda à nouveau.") from exc
    except RecursionError as exc:
        raise UserError(f"{what} imbrique trop de niveaux de listes ou d'objets pour être un export d'agenda : "
                        "vérifiez l'export.") from exc
    events = parsed.get("events") if isinstance(parsed, dict) else parsed
    if isinstance(events, list) and events and isinstance(events[0], dict) and "title" in events[0]:
        PROGRAMME_EVENTS.check(len(events), what)
        return openagenda_json_records(parsed), "openagenda-json"
    rows, columns = flat_rows(parsed)
    if not rows:
        raise UserError(f"{what} ne contient aucune liste d'événements : il faut un export d'agenda (une liste "
                        "d'objets avec un titre et une date, comme l'export JSON d'OpenAgenda).")
    PROGRAMME_EVENTS.check(len(rows), what)
    try:
        return table_records(rows, columns)[0], "json"
    except UserError as exc:
        raise UserError(f"{what} n'est pas un export d'agenda reconnu : {exc}") from exc
