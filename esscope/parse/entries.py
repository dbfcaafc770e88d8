"""One dated entry → its events: what the date line says besides the date, where the entry ends, and
which layout reader reads it (sentence, list, paragraphs, brochure, table row)."""

import re
from copy import deepcopy
from dataclasses import replace

from . import dates, keep
from .agenda import table_entries
from .anchors import RECURS, SPAN_FIELD, Anchor
from .brochure import card_rubric, kind_badge, known_theme, opens_entry_line, status_badge, structured_events
from .context import Context
from .fields import set_period
from .head import WHERE_WORDS, header_details, only_when_where, row_of
from .items import (
    box_starts,
    bullet_card,
    continuation,
    is_list_of_items,
    items,
    paragraphs,
    prose_event,
    time_alone,
    timed_item,
    told_in_sentences,
)
from .lines import Line, is_caps
from .model import Event
from .places import Places, commune_cell, communes_in_prose, is_online, venue_start
from .prose import has_event_noun
from .textnorm import join_wrapped
from .vocabulary import kind_in, label_of


def parse_entry(anchor: Anchor, block: list, context: Context, title: Line | None = None) -> list:
    """The events of one dated entry: one, several (an entry with sub-entries), or none. `title`: the
    line above the date that titles an entry written title first."""
    period = dates.resolve(anchor.found, context.year)
    if not period:
        return []
    if not anchor.table and (_status_cancelled(block) or any(keep.closed_cell(c) for c in anchor.rest.split("|")[1:])):
        return []       # « Statut : Annulé », a row's « réunion interne » cell: kept for the record, no public event
    if anchor.table:
        events = [e for e in table_entries(anchor, block, period, context) if not keep.struck_after(e.title)]
        return _one_per_day(events, period, anchor, context) if period.separate else events
    rest = anchor.rest
    goes_on = re.search(r",\s*$", rest) or rest.count("«") > rest.count("»")
    if goes_on and block and not block[0].blank and not block[0].bullet and len(block[0].text) <= 80:
        # « … : disco-soupe, parvis du centre commercial, » / « 51350 Cormontreuil. », « … table ronde « Femmes et
        # entrepreneuriat » / « social », médiathèque … »: the line goes on below
        rest, block = f"{rest} {block[0].text}", block[1:]
    last = _LAST_COMMUNE.search(rest)
    where = last.group(1) if last and commune_cell(last.group(1), context.places) else None
    if where:
        rest = rest[:last.start()]      # « … · org. Calvi Ripara – CALVI »: where, written last (a grid's row heading)
    header, item = split_rest(rest, context.places)
    header = f"{header}, {where}" if where else header
    item = _credited_last(header, item)
    if item.startswith(("⚠", "ℹ")):
        header, item = f"{header}, {item}", ""      # « J3 – SAMEDI 5 NOVEMBRE   ⚠ deux arrêts … »: a remark on the day
    if anchor.form == "lead" and has_event_noun(anchor.lead) and not WHERE_WORDS.match(anchor.lead) \
            and (not item or (_DASH.search(f" {rest} ") or len(anchor.lead.split()) >= 2) and not has_event_noun(item)
                 and "«" not in item):
        # « FORUM EMPLOI ESS – Jeudi 15 novembre 2012, de 9h à 16h », « Marché forain — samedi 4 novembre — front de
        # mer, Saint-Gilles — Association X »: the title comes first, the cells after the date say where and who
        header, item = f"{header} – {item}".strip(" –") if item else header, anchor.lead
    first = next((line for line in block if not line.blank), None)
    if item and not has_event_noun(item) and first is not None and not first.bullet and has_event_noun(first.text) \
            and len(item.split()) <= 10 and not label_of(first.text) and block and not block[0].blank:
        # « Mardi 26 novembre, 11h30-14h – Parvis du restaurant universitaire » over « Disco soupe … »:
        # the date line says where, the next line what
        header, item = f"{header}, {item}", ""
    if item and _labelled_title(block):
        header, item = f"{header} | {item}", ""     # « Résa … | ven. 03/11 | PUB » over « Objet : Lancement du Mois »
    if title is not None:
        labelled = label_of(title.text)
        event = prose_event(labelled[1] if labelled else title.text, [line for line in block if not line.blank],
                             header_details(header, context.places), context, exact=bool(labelled), wrap=False)
        event.line = title.n
        set_period(event, period)
        if not event.title:
            return []
        return _one_per_day([event], period, anchor, context) if period.separate else [event]
    if re.match(r"^(?:[àÀaA]|[Dd]u\s+côté\s+d[e']|[Cc]ôté)\s*[A-ZÀ-Ý]", anchor.lead) \
            or anchor.lead and commune_cell(anchor.lead, context.places):
        header = f"{anchor.lead}, {header}"     # « À Lyon, le 5 novembre, … », « Toulouse — mardi 9 novembre »
    body = _trim_tail(block, context)
    while body and _RULE.match(body[0].text):
        body = body[1:]     # the rule drawn under a day's heading (« ------ »)
    again = _day_again(body, anchor)
    if again is not None:
        # « Mercredi 8 novembre 2017, 18h » under the badge « 8 nov. » and the title: the card's hours
        hours = " – ".join(filter(None, dates.find_times(body[again].text)))
        header, body = f"{header}, {hours}".strip(" ,"), body[:again] + body[again + 1:]
    span = _span_field(body, anchor, context)
    if span is not None:
        # « Date : sam. 15 nov. 2014 – dim. 16 nov. 2014 » under a calendar's row for the 15th: the entry's whole span
        body, period = body[:span[0]] + body[span[0] + 1:], span[1]
    top = next((k for k, line in enumerate(body) if not line.blank), None)
    if top is not None and status_badge(body[top].text):
        # « Reporté » or « Complet » over a card's rubric or title: the card says why further down
        body = body[:top] + body[top + 1:]
        top = next((k for k, line in enumerate(body) if not line.blank), None)
    badge = None
    if top is not None and card_rubric(body[top].text, context):
        # « Économie sociale et solidaire · Débat » over a card's title
        badge, body = kind_badge(body[top].text), body[:top] + body[top + 1:]
    moved = _moved_to(body, context)
    if moved is not None:
        # « Reporté au jeudi 23 novembre, même heure, même lieu » on the card: its new day, not its title
        body, period = body[:moved[0]] + body[moved[0] + 1:], moved[1]
    boxes = box_starts(body)
    if item and not has_event_noun(item) and boxes and not any(not line.blank for line in body[:boxes[0]]):
        item = ""       # « APRÈS LE MOIS · SAMEDI 7 DÉCEMBRE » over boxes: the band's label, each box its own title
    said = _when_where_first(body) if not item else None
    if said is not None:
        header, body = f"{header}, {_WEEKDAY_LEAD.sub('', body[said].text)}".strip(" ,"), body[said + 1:]
    head = header_details(header, context.places)
    if item:
        extra = continuation(body, anchor.line.text if anchor.inside and anchor.line else None)
        events = [prose_event(item, extra, head, context)]
    elif (card := bullet_card(body, context)) is not None:
        # (its other bullets are its details, read as the lines under a title)
        events = [prose_event(card.text, [replace(line, bullet=False) for line in body if not line.blank and line is not card],
                              head, context, wrap=False)]
    elif is_list_of_items(body, context):
        events = []
        for first, rest in items(body, context):
            if keep.struck_after(first.text):
                continue        # « 11h30  Débat « … »        >>> ANNULÉ <<< »
            events.append(_slot_event(first, rest, header, head, context))
            events[-1].line = first.n       # each item its own line: a mark before it (« ♦ 12h30 · … ») is read there
    elif told_in_sentences(body) and said is None and not head.start_time:
        # « MARDI 14 NOVEMBRE » then « À Dijon, le collectif X organise une soirée … »: each paragraph an event
        events = [prose_event(first.text, rest, head, context) for first, rest in paragraphs(body)]
    else:
        events = structured_events(body, head, context)
    for event in events:
        event.line = anchor.line.n if event.line is None and anchor.line is not None else event.line
        event.kind = event.kind or badge
        set_period(event, period)
    # (« 20h30 » / « ANNULÉ » / « Ciné-débat … »: a slot struck out on the line under its time)
    # (« Les jeudis 7, 14, 21 et 28/11, de 14h à 17h. » at a card's foot leaves « de »: a word that names nothing)
    events = [e for e in events if e.title and not _NO_NAME.fullmatch(e.title) and not keep.struck_after(e.title)
              and not keep.cancelled_cell(e.title)
              and not keep.moved_elsewhere(f"{e.title} {e.description or ''}")]
    if anchor.inside:
        for event in events:
            event.warn(TOLD.get(anchor.form, TOLD["sentence"]), 0.1)
    return _one_per_day(events, period, anchor, context) if period.separate else events


_NO_NAME = re.compile(r"\W*(?:de|du|des|d['’]|à|au|aux|le|la|les|l['’]|et|en|ou|par|pour|avec)?\W*", re.IGNORECASE)


def _labelled_title(block: list) -> bool:
    """The entry's own lines, before a blank one, name its title (« Objet : … », « Intitulé : … »)."""
    for line in block:
        if line.blank:
            return False
        found = label_of(line.text)
        if found and found[0] == "title" and found[1]:
            return True
    return False


def _status_cancelled(block: list) -> bool:
    """An entry's labelled status says it will not take place (« Statut : Annulé »)."""
    return any(found[0] == "status" and keep.cancelled(found[1])
               for found in map(label_of, (line.text for line in block)) if found)


# why an event read from running text deserves a look (an entry with its own date line does not)
TOLD = {"title": "événement lu dans un titre daté : intitulé à vérifier",
         "sentence": "événement raconté dans une phrase : intitulé et date à vérifier"}


def _one_per_day(events: list, period: dates.Period, anchor: Anchor, context: Context) -> list:
    """« les 14 et 21 novembre » → an event on each day; with « respectivement » and as many communes
    as days (« à Béthune … et à Bruay-la-Buissière …, respectivement les 14 et 21 novembre »), each day
    takes its commune."""
    text = anchor.line.text if anchor.line else anchor.rest
    named = communes_in_prose(text, context.places) if re.search(r"\brespectivement\b", text, re.IGNORECASE) else []
    out = []
    for event in events:
        for k, day in enumerate(period.days):
            copy = deepcopy(event)
            copy.start_date = copy.end_date = day.isoformat()
            if len(named) == len(period.days) and named[k][2].code:
                copy.commune_code, copy.commune_name = named[k][2].code, named[k][2].name
            out.append(copy)
    return out


# (« 18h30 – Porticcio. Conférence … »: a press agenda's town closed by its full stop, then what)
_PART_SEPARATOR = re.compile(r"\s*(?:\||\s[–—-]\s|^[–—-]\s|:\s+|\s:|:$|·|^\.\s+|(?:(?<=[^\W\d_]{3})|(?<=\dh)|(?<=\d\d))\.\s+(?=[A-ZÀ-Ý«\"]))\s*")


def split_rest(rest: str, places: Places) -> tuple:
    """What the date line says after the date, cut into when/where and the item itself:
    « , au Toit Commun, à 14h00 : présentation … » → (', au Toit Commun, à 14h00', 'présentation …');
    « | 18h | Amiens | Ciné-débat … » → ('18h | Amiens', 'Ciné-débat …')."""
    rest = rest.strip()
    cuts = [0] + [m.end() for m in _PART_SEPARATOR.finditer(rest) if m.end() > 0]
    for k, start in enumerate(cuts):
        end = next((m.start() for m in _PART_SEPARATOR.finditer(rest, start) if m.start() >= start), len(rest))
        part = rest[start:end]
        if part.strip(" ,") and not only_when_where(part, places):
            return _leading_when_where(rest[:start], rest[start:].strip(" :–—-|·,"), places)
        if end >= len(rest):
            break
    return rest, ""


def _leading_when_where(header: str, item: str, places: Places) -> tuple:
    """« à 18h, la Maison de l'ESS accueille … » → the clauses that only say when or where, moved from
    the item to the header."""
    while "," in item:
        first, after = item.split(",", 1)
        if not first.strip() or not after.strip() or not only_when_where(first, places) \
                or only_when_where(after, places):
            break       # what is left would say what happens no more than the clause: the clause names it
        header, item = f"{header}, {WHERE_WORDS.sub('', first.strip())}", after.strip()
    return header, item


def _slot_event(first: Line, rest: list, header: str, head, context: Context):
    """One item of a list; a slot written « 14h00 – 17h00 | Maison de l'Université, salle 112 » over
    « Atelier … » says when and where on its first line, and what on the next."""
    said = dates.strip_times(first.text).strip(" |:–—-·,") if dates.starts_with_time(first.text) else ""
    lines = [line for line in rest if not line.blank]
    if time_alone(first.text) and lines:
        return _box_event(first, lines, header, context)
    if said and lines and not lines[0].bullet and not has_event_noun(said) and kind_in(lines[0].text, within=25):
        return prose_event(lines[0].text, lines[1:], header_details(f"{header}, {first.text}", context.places), context)
    if first.bullet and lines and not any(line.bullet for line in lines) and _CELLS.search(first.text) \
            and (_CELLS.search(lines[0].text) or first.text.endswith("-")):
        # « ♦ 18h · Ciné-débat « … » · BU » / « Bouloie, Besançon · Organisé par … »: a row wrapped in a narrow column
        joined = first.text
        for line in lines:
            joined = join_wrapped(joined, line.text)
        if row_of(joined, context):
            return prose_event(joined, [], head, context)
    return prose_event(first.text, rest, head, context)


_CELLS = re.compile(r"\s[·|]\s")
_LAST_COMMUNE = re.compile(r"\s[–—]\s+([A-ZÀ-Ý][A-ZÀ-Ý'’ -]{2,}?)\s*$")
_DASH = re.compile(r"\s[–—]\s")


def _credited_last(header: str, item: str) -> str:
    """« 18h30 – LE VIGAN (30120) – Conférence « … » – Habitat Partagé Viganais »: in a row of dashes whose first
    cells say when and where, a last cell that is a name and no event nor place is who puts it on."""
    parts = _DASH.split(item)
    if len(parts) < 2 or not _DASH.search(f" {header} "):
        return item
    last = parts[-1].strip(" .")
    if not re.fullmatch(r"(?:[A-ZÀ-Ý][\w'’&-]*|d[eu]s?|de\s+la|la|le|les|l['’][\w-]+|et|&|\d+)(?:\s+(?:[A-ZÀ-Ý][\w'’&-]*|"
                        r"d[eu]s?|de|la|le|les|l['’][\w-]+|et|&|\d+)){0,6}", last) \
            or has_event_noun(last) or venue_start(last):
        return item
    return f"{' – '.join(parts[:-1])} (org. {last})"


def _box_event(first: Line, lines: list, header: str, context: Context):
    """A brochure's box: its hours, then the lines that say where (« LAVAL (53) », « EN LIGNE ») or that it
    is struck out (« ▬▬ ANNULÉ ▬▬ »), then its title and details."""
    where, struck = [], False
    while len(where) < 2 and len(lines) > 1 and is_caps(lines[0].text) and (
            commune_cell(lines[0].text, context.places) or is_online(lines[0].text)
            or keep.cancelled_cell(lines[0].text)):
        struck = struck or keep.cancelled_cell(lines[0].text)
        where, lines = where + [lines[0].text], lines[1:]
    found = structured_events(lines, header_details(", ".join([header, first.text] + where), context.places), context)
    event = found[0] if found else Event(title="")
    if struck:
        event.title = ""
    return event


def _moved_to(body: list, context: Context) -> tuple | None:
    """(index, new period) of a line among an entry's first two, or of its first paragraph, that gave its new
    day (« Reporté au … », taken off the line by `lines.read_lines`), or None."""
    first = next((k for k, line in enumerate(body) if line.blank and k), len(body))
    for line in [line for line in body if not line.blank][:2] + body[:first]:
        found = dates.match_date(line.text) if line.moved else None
        period = found and dates.resolve(found, context.year)
        if period:
            return body.index(line), period
    return None


def _day_again(body: list, anchor: Anchor) -> int | None:
    """The index of a line among an entry's first ones that writes the entry's day again with its hours
    and nothing else (a web card's « Mercredi 8 novembre 2017, de 14h à 16h30 » under its badge), or None."""
    day = (anchor.found.points[0].day, anchor.found.points[0].month)
    for k, line in enumerate([line for line in body if not line.blank][:4]):
        points = dates.day_with_hours(line.text)
        if points and (points[0].day, points[0].month) == day:
            return body.index(line)
        # « Récurrent : les jeudis 4, 18 et 25 novembre, 9h30 - 12h30 »: the days the card comes back, read with its date
        label = RECURS.match(line.text)
        found = label and dates.match_date(line.text[label.end():].lstrip(" :"))
        if found and [(p.day, p.month) for p in found.points] == [(p.day, p.month) for p in anchor.found.points]:
            return body.index(line)
    return None


def _span_field(body: list, anchor: Anchor, context: Context) -> tuple | None:
    """(index, period) of a « Date : » line among an entry's first ones that gives a span holding the entry's day."""
    for line in [line for line in body if not line.blank][:3]:
        label = SPAN_FIELD.match(line.text)
        found = label and dates.match_date(line.text[label.end():])
        period = found and found.kind == "range" and dates.resolve(found, context.year)
        day = anchor.found.points[0]
        if period and day.month and (period.start.month, period.start.day) <= (day.month, day.day) \
                <= (period.end.month, period.end.day):
            return body.index(line), period
    return None


_WEEKDAY_LEAD = re.compile(r"^\s*(?:lun|mar|mer|jeu|ven|sam|dim)(?:di|credi|edi|anche)?\.?\s*[·|–—,-]\s*(?=\d)",
                           re.IGNORECASE)


def _when_where_first(body: list) -> int | None:
    """« Mercredi 5 novembre » over « 14h-17h – Salle Mayence » over « Atelier … »: the index of a short
    first line that opens with a time or a place and names no event — it says when and where, and the
    entry (one event) is the lines under it."""
    at = next((k for k, line in enumerate(body) if not line.blank), None)
    if at is None or not any(not line.blank for line in body[at + 1:]) or body[at].bullet \
            or len(body[at].text.split()) > 12:
        return None
    # (« SAM · 10H · RODEZ » under a poster's « 04.11 »: the weekday, then the time and the commune)
    text = _WEEKDAY_LEAD.sub("", body[at].text)
    venue = venue_start(text)
    if dates.starts_with_time(text) and any(dates.starts_with_time(line.text) and not line.bullet
                                            for line in body[at + 1:]):
        return None     # a second slot under the same day: a list of slots, each over its own entry
    if venue:
        return None if has_event_noun(text[len(venue):]) else at
    place = dates.strip_times(text).strip(" :–—|·,-") if dates.starts_with_time(text) else None
    # after the time, nothing or a place: « 19h – Grande salle », not « 9h : accueil » (a timetable)
    return at if place is not None and (not place or venue_start(place) or re.match(
        r"^[A-ZÀ-Ý][\w’'-]*(?:\s+[\w’'()-]+){0,4}$", place) and not has_event_noun(place)) else None


# a rule drawn across the page with characters (« ------ », « ====== », « ****** »)
_RULE = re.compile(r"^[-=_*~#+]{3,}$")


def _trim_tail(block: list, context: Context) -> list:
    """The entry without what follows its labelled fields after a blank line (footers, sponsors), unless
    what follows opens another entry of the same day (« Rouen | 20h », « 18h • Atelier … »)."""
    seen_label, out = False, []
    for i, line in enumerate(block):
        if seen_label and line.blank:
            following = [b for b in block[i + 1:] if not b.blank][:2]
            nxt = following[0] if following else None
            # (« SALLE DU 11-NOVEMBRE (1er étage) » over « 11h00  Atelier … »: a room of the day's timetable)
            room = nxt is not None and len(following) == 2 and is_caps(re.sub(r"\([^()]*\)", "", nxt.text)) \
                and timed_item(following[1].text)
            box = nxt is not None and len(following) == 2 and time_alone(nxt.text)     # « 18h ● » over a box
            if nxt is None or not (label_of(nxt.text) or opens_entry_line(nxt, context) or timed_item(nxt.text)
                                   or known_theme(nxt.text, context) or room or box):
                break
        if not line.blank and label_of(line.text):
            seen_label = True
        out.append(line)
    while out and out[-1].blank:
        out.pop()
    return out
