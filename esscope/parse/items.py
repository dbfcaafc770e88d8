"""Layout reader — lists and sentences: entries written as one sentence or one bulleted line (« mardi 5
novembre : ciné-débat … au Toit Commun »), lists of timed items under a day, paragraphs of running text,
and items listed under « dates à préciser »."""

import re

from . import dates
from .agenda import row_event, row_head
from .context import Context
from .fields import (
    apply_commune,
    apply_details,
    apply_fields,
    apply_place,
    contact_of,
    finish,
    first_url,
    join_description,
    labelled_fields,
    set_period,
)
from .head import Head, is_row, meta_line, row_of, with_meta
from .lines import FUNCTION_END, TOWN_FIRST, is_caps
from .model import Event
from .places import is_address, is_hybrid, names_a_place, venue_start
from .prose import first_sentence, has_event_noun, read_item, vague_when
from .rows import is_pinned
from .vocabulary import kind_in, label_of, price_of


def continuation(body: list, told: str | None = None) -> list:
    """Lines that carry on a one-line entry: wrapped text and its sub-bullets, up to a blank line or a line
    that gives a day of its own. For an
    event told in running text (`told`: its sentence), only lines that carry that sentence on: a line
    after a finished sentence is another paragraph (web pages pasted without blank lines)."""
    out, previous = [], told
    for line in body:
        if line.blank or told is not None and _SENTENCE_DONE.search(previous):
            break
        if not line.bullet and any(found.points[0].month for _at, found in dates.search_dates(line.text, loose=True)):
            break       # « et le sam 25/11 il y a peut-être … »: a line with a day of its own is not this entry's

        out.append(line)
        previous = line.text
    return out


_SENTENCE_DONE = re.compile(r"[.!?…]\s*[»\"”]?\s*$")


def is_list_of_items(body: list, context: Context) -> bool:
    """An entry whose date heads a list: several bullets, several lines starting with a time, or
    agenda rows (« 14h30-16h | Nantes | Atelier … »)."""
    content = [line for line in body if not line.blank]
    if not content:
        return False
    first_slot = next((k for k, line in enumerate(content) if timed_item(line.text)), None)
    if first_slot and first_slot <= 3 and all(is_caps(re.sub(r"\([^()]*\)", "", line.text)) or line.text.startswith("(")
                                              for line in content[:first_slot]):
        # « GRILLE DU SAMEDI 19 NOVEMBRE » / its legend / « AUDITORIUM (rez-de-chaussée) » / « 10h30 – 11h30  Conférence … »
        content = content[first_slot:]
    starts = box_starts(body)
    if starts and body[starts[0]] is content[0]:
        return True     # « 14h – 17h ◆ » over a box, alone under its day or beside others
    bullets = [line for line in content if line.bullet]
    timed = [line for line in content if timed_item(line.text)]
    if len(bullets) == 1 and content[0].bullet and (timed_item(content[0].text) or is_row(content[0], context)):
        return True     # « ♦ 18h · Ciné-débat … · BU Bouloie, Besançon » alone under its day
    if len(bullets) >= 2 and content[0].bullet and len(bullets) >= len(content) / 2:
        return bullet_card(body, context) is None
    # a line opening in lower case carries on the line above (« suivie d'un débat »): it makes no line of its own
    own_lines = sum(1 for line in content if not line.text[:1].islower())
    if len(timed) >= 2 and timed_item(content[0].text) and len(timed) >= own_lines / 3:
        return True
    return not content[0].bullet and is_row(content[0], context)


# « Jauge 250 pers. », « Places limitées », « Inscription conseillée »: how many may come
_CAPACITY = re.compile(r"^(?:jauge|capacit[ée]|places?\s+limit[ée]es|\d+\s+places|inscriptions?\s+(?:conseill|obligatoire|"
                       r"recommand|souhait))", re.IGNORECASE)


def bullet_card(body: list, context: Context):
    """« • Halle des Coopérations – Montpellier » / « • Soirée de lancement … » / « • Org. Réseau … » / « • Jauge
    250 pers. »: one event's card written as bullets, one saying what, the others where, who, how many (not a
    list of events). The bullet that says what, or None."""
    bullets = [line for line in body if line.bullet]
    said = [line for line in bullets if not (meta_line(line, context) or _CAPACITY.match(line.text)
                                             or venue_start(line.text) and not has_event_noun(line.text))]
    return said[0] if len(said) == 1 and len(bullets) >= 3 and len(bullets) == len([x for x in body if not x.blank]) else None


def told_in_sentences(body: list) -> bool:
    """A day's entries written as paragraphs of running text, not as title, place and fields: the
    first line is a long sentence (ten words or more, closed by a full stop or followed by another)."""
    first = next((line for line in body if not line.blank), None)
    return first is not None and not first.bullet and _sentence_line(first.text)


def _sentence_line(text: str) -> bool:
    words = text.split()
    return len(words) >= 10 and not is_caps(text) and not label_of(text) and bool(
        re.search(r"[.!?]\s*$|[.!?]\s+[A-ZÀ-Ý]", text)) and bool(re.search(r"\s[a-zà-ÿ]{2,}\s", text))


def paragraphs(body: list) -> list:
    """(first line, following lines) of each paragraph of a block that opens with a sentence."""
    out, current = [], None
    for line in body:
        if line.blank:
            current = None
            continue
        if (current is None or TOWN_FIRST.match(line.text)) and _sentence_line(line.text):
            current = (line, [])
            out.append(current)
        elif current is not None:
            current[1].append(line)
        elif out:
            out[-1][1].append(line)
    return out


def timed_item(text: str) -> bool:
    """A line that opens with a time and then names something (« 10h-12h : Balade urbaine … »), not a
    line of details (« De 10h à 17h, 12 rue de Lanveur. »)."""
    if not dates.starts_with_time(text):
        return False
    rest = dates.strip_times(text)
    rest = re.sub(r"^(?:de|dès|à\s+partir\s+de|et|à)\s+", "", rest, flags=re.IGNORECASE).strip()
    rest = re.sub(r"^\[[^\[\]]{1,12}\]\s*", "", rest)      # « 18h00  [ESS] Lancement … »: a tag before the title
    if re.match(r"^[:–—|·•\-]\s*[A-Za-zÀ-ÿ«\"]", rest):
        return True         # « 9h : accueil », « 14h30 – Atelier … », « 18h • Atelier … »
    if len(text.split()) <= 3:
        return False
    return bool(re.match(r"^[A-ZÀ-Ý«\"]", rest)) and not (is_address(rest) or venue_start(rest) or price_of(rest))


def time_alone(text: str) -> bool:
    """A line that gives hours and nothing else but a pictogram (« 14h – 17h ◆ », « 18h ● »)."""
    return dates.starts_with_time(text) and not re.search(r"[^\W_]", dates.strip_times(text))


def box_starts(body: list) -> list:
    """The indexes of the lines that open a brochure's boxes under a day's heading: hours alone on a line
    after a blank one, over the box's lines."""
    return [k for k, line in enumerate(body) if time_alone(line.text) and (k == 0 or body[k - 1].blank)
            and k + 1 < len(body) and not body[k + 1].blank]


def items(body: list, context: Context) -> list:
    """(line, its own lines) for each item of a list: an item opens with a top-level bullet, a time or
    an agenda row, and keeps the lines under it up to a blank line."""
    first = next((line for line in body if not line.blank), None)
    starts = box_starts(body)
    if starts and body[starts[0]] is first:
        # a box keeps its lines across blank ones: its organiser may stand apart, under the row of boxes
        return [(body[k], [line for line in body[k + 1:end] if not line.blank])
                for k, end in zip(starts, starts[1:] + [len(body)])]
    top = min((line.indent for line in body if line.bullet), default=0)
    timed = first is not None and not first.bullet and timed_item(first.text)
    towns = first is not None and bool(TOWN_FIRST.match(first.text))     # « NANCY. … » / « TOUL. … »
    items, current, open_ = [], None, False
    for line in body:
        if line.blank:
            open_ = False
            continue
        # in a timetable, a bullet without a time is a part of the slot above (« 14h : ateliers au choix »)
        starts = (line.bullet and line.indent <= top and not (timed and not timed_item(line.text))) or (
            towns and not line.bullet and bool(TOWN_FIRST.match(line.text))) or (
            # (under a bullet, a line with no mark of its own carries the bullet's text on, in a narrow column)
            not line.bullet and (timed_item(line.text) or is_row(line, context) and not timed)
            and not (open_ and current and current[0].bullet))
        if starts:
            current = (line, [])
            items.append(current)
            open_ = True
        elif current and (open_ or line.bullet and (line.indent > top or timed)):
            current[1].append(line)
    return [item for item in items if not (timed and _LOGISTICS.match(_after_time(item[0].text)))]


# the slots of a timetable that are no event of their own: « 9h30 : accueil des participants », « 12h30 : déjeuner »
_LOGISTICS = re.compile(r"(?:accueil|pause|d[ée]jeuner|repas|buffet|collation|[ée]margement|caf[ée]\s+d['’]accueil)"
                        r"(?![\w-])", re.IGNORECASE)


def _after_time(text: str) -> str:
    return dates.strip_times(text).lstrip(" :–—|·-")


def prose_event(item: str, extra: list, head: Head, context: Context, exact: bool = False,
                 wrap: bool = True) -> Event:
    """An entry written as running text (or as an agenda row), with the lines under it: those that carry
    its sentence on, then lines of details (place, times, price, organiser). With `exact`, the item is
    the title as written (a « Titre : » field); without `wrap`, no line under it carries it on (a title
    line written above its date line is whole)."""
    row = row_of(item, context)
    if row and row.by_header:
        return row_event(row, extra, head, context)
    if row:
        head = row_head(row, head)
    title_text = row.title if row else item
    own = [line for line in extra if not line.bullet and not label_of(line.text)]
    wrapped, details = _wrapped(title_text, own) if wrap else ([], [line.text for line in own])
    text = _BRACKETED_BY.sub(r", organisé par \1", " ".join([title_text] + wrapped).strip())
    reading = read_item(text, context.places)
    if exact:
        reading.title, reading.kind = item.strip(" .;,"), kind_in(item)
    event = Event(title=reading.title or "", kind=reading.kind, organizer=reading.organizer,
                  co_organizers=reading.co_organizers)
    event.description = join_description([item] + [("• " if line.bullet else "") + line.text for line in extra])
    start, end = dates.find_times(dates.strip_times(text) if head.start_time else first_sentence(text))
    event.start_time, event.end_time = head.start_time or start, head.end_time or end
    event.price = price_of(text) or head.price
    joined = " ".join([item] + [line.text for line in extra])
    event.contact = contact_of(joined)
    event.url = first_url(joined)
    fields = labelled_fields([line for line in extra if not line.bullet])
    leftover = apply_fields(event, fields, context)
    place = head.place
    if place and (place.commune or place.venue):
        apply_place(event, place, context)
    event.venue = event.venue or reading.venue
    event.address = event.address or reading.address
    if not event.commune_code and not event.commune_name and reading.commune:
        apply_commune(event, reading.commune)
    if row:
        event.organizer = row.organizer or event.organizer
        event.price = row.price or event.price
    event.online = event.online or head.online or (reading.online and (not event.commune_code or is_hybrid(text)))
    apply_details(event, details + leftover, context)
    finish(event, context)
    return event


# « Repair café, salle Cerey, Mozac (org. Mozac Répare) »: who puts the event on, in brackets at the end
_BRACKETED_BY = re.compile(r"\s*\((?:org\.|orga\.?|organis[ée]e?s?\s+par|propos[ée]e?s?\s+par)\s*:?\s*([^()]{2,100})\)\s*$",
                           re.IGNORECASE)


def _wrapped(first: str, lines: list) -> tuple:
    """(texts that carry the first line's sentence on, the other lines' texts): a line carries it on
    when it starts in lower case or the text before it breaks off (« … de », « …, »)."""
    wrapped, details, previous = [], [], first
    for line in lines:
        closed = re.search(r"[»)]\s*$", previous) and _CREDIT.match(line.text)
        # a title in capitals over a line in small letters: « PORTES OUVERTES » / « Joué-lès-Tours – ESAT … »
        closed = closed or is_caps(previous) and len(previous.split()) >= 2 and not is_caps(line.text) \
            and not re.match(r"^[a-zà-ÿ(«]", line.text)
        # a line set in under the date line's title says where or who: « Les Docks Coopératifs (Halle) »
        closed = closed or not wrapped and line.indent >= 2 and re.match(r"^[A-ZÀ-Ý0-9]", line.text) \
            and not re.search(r"[«»\"]", line.text) and not FUNCTION_END.search(previous) \
            and not previous.count("«") > previous.count("»")
        if details or closed or not (re.match(r"^[a-zà-ÿ(«]", line.text) or FUNCTION_END.search(previous)
                           or not re.search(r"[.!?:»)]\s*$", previous) and not _starts_detail(line.text)):
            details.append(line.text)
        else:
            wrapped.append(line.text)
            previous = line.text
    return wrapped, details


# under a title closed by its quote, who leads or hosts it is a detail: « animé par … », « avec le doyen … »
_CREDIT = re.compile(r"(?:anim[ée]e?s?|propos[ée]e?s?|organis[ée]e?s?|présent[ée]e?s?)\s+par\b|avec\s|en\s+présence\b"
                     r"|en\s+partenariat\b", re.IGNORECASE)


def _starts_detail(text: str) -> bool:
    """A line that gives a detail rather than carrying a sentence on: a place, a time, a price, an address."""
    town_place = _TOWN_THEN.match(text)      # « Kawéni – MJC de Kawéni », « Caen, Halle aux Granges »
    return bool(is_pinned(text) or dates.starts_with_time(text) or is_address(text) or venue_start(text)
                or town_place and names_a_place(town_place.group("rest"))
                or re.match(r"^(?:à\s+partir|de\s+\d|dès|gratuit|entrée|prix|tarif|\d+\s*€)", text, re.IGNORECASE))


_TOWN_THEN = re.compile(r"^[A-ZÀ-Ý][\w'’-]+(?:\s[\w'’-]+){0,3}(?:\s+[–—-]\s+|,\s+)(?P<rest>\S.*)$")


def undated_entries(lines: list, context: Context) -> list:
    """Entries listed under « dates à préciser »: each bullet (or paragraph) an undated event."""
    items, current = [], []
    top = min((line.indent for line in lines if line.bullet), default=0)
    for line in lines:
        if line.blank:
            if current and not any(b.bullet for b in lines):
                items.append(current)
                current = []
            continue
        if line.bullet and line.indent <= top:
            if current:
                items.append(current)
            current = [line]
        elif current or not any(b.bullet for b in lines):
            current.append(line)
    if current:
        items.append(current)
    events = []
    for item in items:
        lead = 0
        while lead < len(item) - 1 and meta_line(item[lead], context) and not label_of(item[lead].text):
            lead += 1
        head = with_meta(Head(), item[:lead], context)
        item = item[lead:]
        event = prose_event(item[0].text, item[1:], head, context)
        if event.title:
            event.line = item[0].n
            event.warn("date à préciser : le document ne la donne pas encore", 0.4)
            vague = vague_when(item[0].text)
            if vague:
                event.warn(f"période indiquée sans date : « {vague} »")
            events.append(event)
    return events


def doubtful_events(anchor, context: Context) -> list:
    """The event a date nobody kept might still be, for a document that has no surer one: its sentence
    read as an item, with a low confidence and the reason of the doubt."""
    period = dates.resolve(anchor.found, context.year)
    if not period or anchor.line is None:
        return []
    event = prose_event(anchor.line.text, [], Head(), context)
    if not event.title:
        return []
    set_period(event, period)
    event.line = anchor.line.n
    event.confidence = 0.3
    event.warn(f"événement incertain : {anchor.reason or 'date retenue faute de mieux'}")
    return [event]
