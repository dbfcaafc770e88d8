"""What an entry's date line and its meta lines say of when and where (« , au Toit Commun, à 14h00 »,
« Caen | 18h00 – 20h00 », « En ligne »), before the entry itself is read."""

import re
from dataclasses import dataclass, replace

from . import dates
from .context import Context
from .dates import fold
from .fields import apply_commune, apply_place
from .lines import Line
from .model import Event
from .places import (
    Place,
    Places,
    bracketed_commune,
    commune_cell,
    communes_in_prose,
    contracted_commune,
    is_address,
    is_online,
    names_a_place,
    parse_place,
    split_venue_commune,
    venue_in_prose,
)
from .prose import commune_of_venue, has_event_noun
from .rows import meta_of, read_row
from .vocabulary import META_FIELDS, label_of

# words that bring in where a sentence takes place (« À Lyon, … », « Du côté de Grenoble, … »)
WHERE_WORDS = re.compile(r"^(?:[àÀaA]\s+|[Dd]u\s+côté\s+(?:de\s+|d['’]\s*)|[Cc]ôté\s+)(?=[A-ZÀ-Ý])")


# « … campus 1 (Caen) », « …, Bar Le Bocal (Caen) »: a place whose commune closes it, in brackets
_CLOSED_BY_COMMUNE = re.compile(r"\(\s*([A-ZÀ-Ý][^()]{1,40}?)\s*\)\s*\.?$")


# a brochure legend's mark, a geometric shape (« ● entrée libre  ◆ sur inscription »)
PICTOGRAM = re.compile(r"[\u25a0-\u25ff\u2605\u2606]+")


def only_when_where(text: str, places: Places) -> bool:
    """True when a text only says when and where (« , au Toit Commun, à 14h00 », « 18h30 », « Salle des
    fêtes, Béthune », « Amphi B, campus 1 (Caen) »): times, venues after « au », « à la », « chez »,
    communes, online, or a place closed by its commune that names no event."""
    closed = _CLOSED_BY_COMMUNE.search(text.strip())
    if closed and not has_event_noun(text) and len(text.split()) <= 12 and commune_cell(closed.group(1), places):
        return True
    left = dates.strip_times(WHERE_WORDS.sub("", text.strip()))
    left = re.sub(r"\b(?:de|dès|et|entre)\b", " ", dates.DAY_PART.sub(" ", left))
    # a short aside in brackets says when or how, not what: « (samedis) », « (heure de La Réunion) »
    left = _without_asides(left)
    segments = [s.strip(" -:") for s in re.split(r"\s*[,–—|·+]\s*|\s-\s", left) if s.strip(" -:()")]
    has_commune, named = False, 0
    for segment in segments:
        if PICTOGRAM.fullmatch(segment):
            continue        # a legend's pictogram after the hours (« 10h – 12h30 ◆ »: sur inscription)
        if commune_cell(segment, places):       # « Nancy (54) », « 44000 Nantes »
            has_commune = True
            continue
        segment = segment.strip("()")
        bare = WHERE_WORDS.sub("", segment)
        if re.match(r"^(?:au|aux|chez|à\s+la|à\s+l['’]|dans\s+les\s+locaux|salle)\s+\S", segment, re.IGNORECASE) \
                and len(segment.split()) <= 8 or is_online(segment) and len(segment.split()) <= 3 \
                or names_a_place(segment) and len(segment.split()) <= 6 and not has_event_noun(segment) \
                or is_address(segment) and len(segment.split()) <= 8:     # « 10 bd de Stalingrad »
            continue
        # « Villeurbane » between dashes: one word alone, read with its slip in the programme's région
        if places.commune(bare, fuzzy=bool(re.fullmatch(r"[A-ZÀ-Ý][\w’'-]{3,}", bare))) or re.match(r"^\d{5}\s", bare):
            has_commune = True
        elif re.match(r"^[A-ZÀ-Ý][\w’'\-]*(?:[\s\-][A-ZÀ-Ýa-zà-ÿ’'\-]+){0,4}$", bare) and not has_event_noun(bare):
            named += 1
        else:
            return False
    return not named or has_commune


# a part of the day says when, like a time: « Vendredi 15 novembre, toute la journée – Toulon »


def _without_asides(text: str) -> str:
    """A short aside in brackets says when or how, not what nor where: « (samedis) », « (heure de La
    Réunion) »; one that names an event, a commune or a département stays."""
    def aside(m):
        inner = m.group(1)
        return m.group(0) if has_event_noun(inner) or re.fullmatch(r"\s*(?:\d{2,3}|2[AB]|[A-ZÀ-Ý][\w'’ -]*)\s*", inner) \
            else " "
    text = OPENING_HOURS.sub(" ", text)
    return re.sub(r"\(([^()]{1,40})\)", aside, text)


# « aux heures d'ouverture de la mairie »: when, in a place's hours, not where
OPENING_HOURS = re.compile(r"\b(?:aux|pendant\s+les|selon\s+les)\s+(?:heures|horaires)\s+d['’]ouverture\b"
                            r"(?:\s+(?:de\s+la|de\s+l['’]|du|des)\s*[\w'’-]+(?:\s+[\w'’-]+){0,3})?", re.IGNORECASE)


@dataclass
class Head:
    """When and where the date line itself says (and the lines of the entry that say only that)."""
    start_time: str | None = None
    end_time: str | None = None
    place: object = None
    online: bool = False
    price: str | None = None


# « de », « dès », « et » left where times were taken out (« de 18h à 20h »), alone between separators; not
# inside a name (« Campus de la Plaine », « amphi Olympe-de-Gouges »)
_LEFT_BY_TIMES = re.compile(r"(?:^|(?<=[|,–—·]))\s*(?:de|dès|et)\s*(?=$|[|,–—·])|(?:^|(?<=[|,–—·]))\s*(?:de|dès|et)\s+(?=et\b|de\b)",
                            re.IGNORECASE)


def header_details(header: str, places: Places) -> Head:
    head = Head()
    if not header:
        return head
    head.start_time, head.end_time = dates.find_times(header)
    head.online = is_online(header)
    text = _without_asides(dates.DAY_PART.sub("", dates.strip_times(header)))
    text = re.sub(r"^[\s,–—|\-:·]+|[\s,–—|\-:·]+$", "", text)
    if not re.search(r"\w", text):
        text = ""
    venue = venue_in_prose(text)
    if venue and re.search(r"[^\W\d_]{3}.*[–—|,]\s*$", text[:venue[0]]):
        venue = None        # « Site Descartes (Marne-la-Vallée) – salle D104 »: a room of the place named first
    place = parse_place(_LEFT_BY_TIMES.sub(" ", text).strip(" ,"), places, fuzzy=True) \
        if text.strip(" ,") else None
    contracted = contracted_commune(text, venue, places) if venue else None
    if contracted:      # « au Port »: Le Port
        place = place or parse_place("", places)
        if place.venue and fold(place.venue).endswith(fold(venue[2])):
            place.venue = None
        place.commune, venue = contracted, None
    if venue:
        place = place or parse_place("", places)
        place.venue = venue[2]
        if place.commune and place.commune.query.startswith(venue[2]):
            place.commune = None
        place.venue, named = split_venue_commune(place.venue, places)   # « Maison de la poésie de Beuvry »
        place.commune = place.commune or named
    if not (place and place.commune):
        named = communes_in_prose(text, places)
        if named:
            place = place or parse_place("", places)
            place.commune = named[0][2]
            if place.venue and named[0][2].query in place.venue:
                place.venue = None
        elif place and place.venue:
            place.commune = bracketed_commune(text, places) or commune_of_venue(place.venue, places)
    head.place = place
    return head


def is_row(line: Line, context: Context) -> bool:
    return not label_of(line.text) and row_of(line.text, context) is not None


def row_of(text: str, context: Context):
    """`read_row` of a line, read once per document pass (lists ask it of the same lines several times)."""
    if text not in context.rows:
        context.rows[text] = read_row(text, context.places)
    return context.rows[text]


def meta_line(line: Line, context: Context) -> bool:
    """A line that names no event: a labelled field other than the title (« Lieu : », « Organisé par : »,
    « Tarif : »), or a line read entirely as when, where or how much (« Caen | 18h00 – 20h00 », « En
    ligne », « Évreux »)."""
    found = label_of(line.text)
    if found:
        return found[0] in META_FIELDS
    return cached_meta(line.text, context) is not None


def cached_meta(text: str, context: Context):
    """`meta_of` of a line, read once per document pass."""
    key = ("meta", text)
    if key not in context.rows:
        context.rows[key] = meta_of(text, context.places)
    return context.rows[key]


def when_row(line: Line, context: Context) -> bool:
    """A line after an entry's title that says when (and where, how much) in cells or a time alone:
    « Caen | 18h00 – 20h00 », « 14h-17h ». Lines that say only where are left to the place lines."""
    if label_of(line.text):
        return False
    found = cached_meta(line.text, context)
    return found is not None and bool(found.start_time or found.online and not found.commune)


def with_meta(head: Head, lines: list, context: Context) -> Head:
    """The date line's details completed by what meta lines say (times, commune, place, online, price)."""
    if not lines:
        return head
    out = Head(head.start_time, head.end_time, head.place, head.online, head.price)
    for line in lines:
        found = cached_meta(line.text, context)
        if found is None:
            continue
        if found.start_time and not out.start_time:
            out.start_time, out.end_time = found.start_time, found.end_time
        if found.commune or found.place:
            place = replace(out.place) if out.place else Place()
            place.commune = place.commune or found.commune or (found.place.commune if found.place else None)
            if found.place:
                place.venue, place.address = place.venue or found.place.venue, place.address or found.place.address
            out.place = place
        out.online = out.online or found.online
        out.price = out.price or found.price
    return out


def apply_head_place(event: Event, head: Head, context: Context) -> None:
    """Where the date line (or a meta line) says the event is, when the entry itself does not say it:
    all of it, or only its commune when the entry names a venue without one."""
    if not head.place:
        return
    if not (event.commune_code or event.venue):
        apply_place(event, head.place, context)
    elif not (event.commune_code or event.commune_name) and head.place.commune:
        apply_commune(event, head.place.commune)
