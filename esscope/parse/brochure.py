"""Layout reader — brochure entries: theme header, kind, title in capitals, description, place lines and
labelled fields (« Organisateur : », « Contact : »), several entries on one day."""

import re
from collections import Counter

from . import dates
from .casing import display_title, is_capitals
from .context import Context
from .fields import (
    apply_details,
    apply_fields,
    apply_place,
    contact_of,
    finish,
    first_url,
    join_description,
    labelled_fields,
)
from .head import Head, apply_head_place, cached_meta, meta_line, when_row, with_meta
from .lines import FUNCTION_END, Line, is_caps
from .model import Event
from .places import is_address, is_online, leading_commune, opens_online, parse_place, place_like, venue_start
from .prose import explicit_organiser
from .rows import is_pinned
from .vocabulary import is_kind_word, is_theme, kind_in, label_of, price_of


def learn_themes(lines: list, anchors: list) -> set:
    """Theme headers of this document: short capitals lines that sit right under a date and above a
    kind line in at least two entries."""
    seen = Counter()
    for anchor in anchors:
        block = [line for line in lines[anchor.at + 1:anchor.at + 6] if not line.blank]
        if len(block) >= 3 and is_caps(block[0].text) and len(block[0].text.split()) <= 5 \
                and _kind_like(block[1].text, block[2].text):
            seen[block[0].text.strip().lower()] += 1
    return {t for t, n in seen.items() if n >= 2}


_STATUS_BADGE = re.compile(r"\W*(?:report[ée]e?s?|complet|nouveau|nouvelle date|date modifi[ée]e)\W*", re.IGNORECASE)
# a filter of a web agenda, with how many events it holds: « Emploi et insertion (4) », « Thème : Emploi (4) »
_FACET = re.compile(r"^\s*(?:[^\W\d][^:()]{0,30}\s:\s*)?([^\W\d][^()\d]{2,59}?)\s*\(\d{1,4}\)\s*$")


def learn_rubrics(lines: list, anchors: list) -> set:
    """The rubrics of this document's cards: the first part of a tagged line (« Économie sociale et solidaire
    · Enfance ») right under a date, found so under three dates or more; or a line right under two dates or
    more that the page's filters also list with their count (« Emploi et insertion (4) »)."""
    facets = {m.group(1).strip().casefold() for line in lines if (m := _FACET.match(line.text))}
    tagged, listed = Counter(), Counter()
    for anchor in anchors:
        top = next((line.text for line in lines[anchor.at + 1:anchor.at + 4] if not line.blank
                    and not status_badge(line.text)), "")
        first, *tags = _TAGS.split(top.strip())
        if tags and len(first.split()) <= 5 and not re.search(r"[«\"\d]", top):
            tagged[first.casefold()] += 1
        elif not tags and top.strip().casefold() in facets:
            listed[top.strip().casefold()] += 1
    return {rubric for rubric, n in tagged.items() if n >= 3} | {rubric for rubric, n in listed.items() if n >= 2} \
        | _short_rubrics(lines, anchors)


def _short_rubrics(lines: list, anchors: list) -> set:
    """« Le 7/11 » / « Cinéma » / « Ciné-débat « Demain, la ressourcerie » » / « Cinéma Les Studios - Tours »: a
    word or two between each card's date and its title, most of them themes or kinds of event — the card's
    category, found so under most dates alone on their line (three at least)."""
    found, cards, tops = Counter(), 0, []
    for anchor in anchors:
        if anchor.rest.strip(" ,–-"):
            continue
        block = [line.text.strip() for line in lines[anchor.at + 1:anchor.at + 5] if not line.blank
                 and not status_badge(line.text)][:2]
        if len(block) < 2:
            continue
        cards += 1
        top, title = block
        if _CATEGORY.fullmatch(top) and title.casefold() != top.casefold():
            tops.append(top)
        if _CATEGORY.fullmatch(top) and title.casefold() != top.casefold() and not label_of(title) \
                and not venue_start(title) \
                and (kind_in(title, within=25) or "«" in title or title.casefold().startswith(top.casefold())):
            found[top.casefold()] += 1
    named = sum(n for top, n in found.items() if is_theme(top) or is_kind_word(top))
    if cards < 3 or sum(found.values()) < max(3, 0.6 * cards) or 2 * named < sum(found.values()):
        return set()
    # then any theme or kind alone over a card's title is its category (« Solidarités » over « Lancement du Mois »)
    return set(found) | {top.casefold() for top in tops if is_theme(top) or is_kind_word(top)}


# a category's name: one to three words, no figure, quote or stop
_CATEGORY = re.compile(r"[A-ZÀ-Ý][\w'’-]*(?:\s+[\w'’-]+){0,2}")


def status_badge(text: str) -> bool:
    """A web card's status alone on its line, over its rubric or title: « Reporté », « Complet »."""
    return bool(_STATUS_BADGE.fullmatch(text.strip()))


def card_rubric(text: str, context: Context) -> bool:
    """A card's rubric line: « ATELIER · Mois de l'ESS » or a rubric learnt from the document, with its tags
    or alone."""
    first, *tags = _TAGS.split(text.strip())
    if not tags:
        return text.strip().casefold() in context.rubrics
    return kind_badge(text) is not None or first.casefold() in context.rubrics


def structured_events(body: list, head: Head, context: Context) -> list:
    """Brochure entries: theme, kind, title in capitals, description, place, labelled fields. A
    theme header after a title opens a new entry on the same day."""
    parts = _split_entries(body, context)
    events, previous = [], None
    for part in parts:
        event = _structured_event(part, head, context, previous)
        if event:
            events.append(event)
            previous = event
    return events


def _split_entries(body: list, context: Context) -> list:
    """The entries of one day: a new one opens, once the current one has its title, at a theme
    header or, after a blank line, at a line that says when (« Rouen | 20h », « 14h-17h, gratuit »)."""
    parts, current, titled = [], [], False
    for k, line in enumerate(body):
        if titled and current and not line.blank and (
                known_theme(line.text, context) or k and body[k - 1].blank and opens_entry_line(line, context)):
            parts.append(current)
            current, titled = [], False
        current.append(line)
        if not line.blank and not known_theme(line.text, context) and not kind_badge(line.text) \
                and not meta_line(line, context):
            titled = True
    if current:
        parts.append(current)
    return parts


def opens_entry_line(line: Line, context: Context) -> bool:
    """A line that may open an entry of its own: it says when (and maybe where, how much) and nothing
    else. A commune alone does not: brochures write it under the description of the same entry."""
    if label_of(line.text):
        return False
    found = cached_meta(line.text, context)
    return found is not None and bool(found.start_time)


def _title_first(part: list, context: Context) -> list:
    """The entry's lines without blanks, a labelled title (« Titre : … », « Événement : … ») put first
    as the title's own line."""
    content = [line for line in part if not line.blank]
    k = next((k for k, line in enumerate(content) if (label_of(line.text) or ("",))[0] == "title"
              and label_of(line.text)[1]), None)
    if k is None:
        return content
    titled = Line(content[k].n, label_of(content[k].text)[1], content[k].indent)
    return [titled] + content[:k] + content[k + 1:]


def known_theme(text: str, context: Context) -> bool:
    return is_caps(text) and (text.strip().lower() in context.themes or is_theme(text))


def _structured_event(part: list, head: Head, context: Context, previous: Event | None) -> Event | None:
    content = _title_first(part, context)
    if not content:
        return None
    lead = 0
    while lead < len(content) - 1 and meta_line(content[lead], context):
        lead += 1
    head = with_meta(head, [line for line in content[:lead] if not label_of(line.text)], context)
    labelled, content = [line for line in content[:lead] if label_of(line.text)], content[lead:]
    i, theme, kind = 0, None, None
    if _is_theme_line(content, 0, context):
        theme, i = content[0].text.strip(), 1
    if i < len(content) and _kind_like(content[i].text, content[i + 1].text if i + 1 < len(content) else ""):
        kind, i = kind_badge(content[i].text) or content[i].text.strip(), i + 1
    title_lines, i = _title_lines(content, i)
    if not title_lines:
        return None
    title = _join_title(title_lines)
    if kind and re.match(r"^(?:de|du|d['’]|à|au|aux|pour|sur)\b", title, re.IGNORECASE):
        # the kind line was the title's first words
        shown = display_title(title, context.casing)
        title = f"{kind} {shown[:1].lower() + shown[1:] if is_capitals(title) else shown}"
    event = Event(title=title, theme=theme, kind=kind or kind_in(title))
    event.line = content[0].n
    if previous and not theme and not kind:
        event.theme, event.kind = previous.theme, event.kind or previous.kind
    elif previous and not kind:
        event.kind = event.kind or previous.kind
    rest = content[i:]
    fields_at = next((k for k, line in enumerate(rest) if label_of(line.text)), len(rest))
    before, after = rest[:fields_at], rest[fields_at:]
    timed_rows = [line for line in before if when_row(line, context)]
    head = with_meta(head, timed_rows, context)
    before = [line for line in before if line not in timed_rows]
    place_at = _place_lines(before, context)
    description = [line.text for k, line in enumerate(before) if k not in place_at]
    event.description = join_description(description)
    fields = labelled_fields(labelled + after)
    leftover = apply_fields(event, fields, context)
    if place_at and not (event.commune_code or event.venue):
        place_text = ", ".join(before[k].text for k in sorted(place_at))
        apply_place(event, parse_place(place_text, context.places, fuzzy=True), context)
        if not event.start_time and not head.start_time and dates.find_times(place_text)[0]:
            # « Maison des associations, Troyes. 14h-18h. »: the hours written after the place
            event.start_time, event.end_time = dates.find_times(place_text)
    apply_head_place(event, head, context)
    event.start_time = event.start_time or head.start_time
    event.end_time = event.end_time or head.end_time
    event.price = event.price or head.price
    if not event.start_time:
        timed = next((line.text for line in before if dates.starts_with_time(line.text)), None)
        if timed:
            event.start_time, event.end_time = dates.find_times(timed)
            event.price = event.price or price_of(timed)
    event.online = event.online or head.online or is_online(event.title) or any(
        is_online(before[k].text) for k in place_at) or not event.commune_code and any(
        opens_online(line.text) for line in before)
    if not event.price:
        event.price = next((price_of(line.text) for line in before if len(line.text.split()) <= 8
                            and price_of(line.text)), None)
    practical = [line.text for k, line in enumerate(before) if k not in place_at and _practical(line.text)]
    practical += [line.text for line in after if not label_of(line.text) and _practical(line.text)]
    apply_details(event, practical + leftover, context)
    if not event.organizer:
        event.organizer = explicit_organiser(" ".join(description))[0]
    if not event.contact:
        joined = " ".join(line.text for line in part)
        event.contact = contact_of(joined)
    event.url = event.url or first_url(" ".join(line.text for line in part))
    finish(event, context)
    return event


def _practical(text: str) -> bool:
    """A line of an entry that says when, where or how much rather than what (« De 8 h 30 à 10 h, à la
    Maison de l'économie sociale… », « Halle du marché, toute la journée. », « 📍 Solilab »)."""
    if is_pinned(text) or venue_start(text) or is_address(text):
        return True
    if re.match(r"^(?:[ÀàAa]\s+partir\s+de|[Dd]e\s+\d|[Dd]ès\s+\d|[Cc]haque\s+\w+)", text) or dates.starts_with_time(text):
        return True
    return len(text.split()) <= 15 and bool(dates.find_times(text)[0] or price_of(text))


def _is_theme_line(content: list, i: int, context: Context) -> bool:
    text = content[i].text
    if not is_caps(text) or len(text.split()) > 5 or re.search(r"\d", text) or len(content) < i + 2:
        return False
    if known_theme(text, context):
        return True
    following = content[i + 2].text if i + 2 < len(content) else ""
    return _kind_like(content[i + 1].text, following)


def _kind_like(text: str, following: str) -> bool:
    """A short line naming the kind of event (« Formation », « Portes ouvertes ») above the title."""
    text = text.strip()
    if kind_badge(text):
        # « Repair café » over « Maison des associations, Bohain (02110) »: a title that is a kind, over its place
        return not (following and (label_of(following) or dates.starts_with_time(following) or venue_start(following)
                                   or is_address(following) or re.search(r"\b\d{5}\b|\(\d{2,5}\)", following)))
    words = text.split()
    if not (1 <= len(words) <= 4) or len(text) > 35 or re.search(r"[\d,:;.!?]", text) or is_caps(text):
        return False
    return text[:1].isupper() and is_caps(following)


# « RENCONTRE · Mois de l'ESS · Hors Amiens »: a card's category, then its tags
_TAGS = re.compile(r"\s+[·•|]\s+")


def kind_badge(text: str) -> str | None:
    """The kind a line names alone (« Formation »), as a card's category before its tags (« ATELIER ·
    Mois de l'ESS ») or among a card's tags after its rubric; else None."""
    first, *tags = _TAGS.split(text.strip())
    if not all(len(tag.split()) <= 4 and not re.search(r"\d", tag) for tag in tags):
        return None
    if is_kind_word(first):
        return first
    # « Économie sociale et solidaire · Débat »: a site's rubric, then the kind
    if tags and len(first.split()) <= 4 and not re.search(r"[«\"\d]", text):
        return next((tag for tag in tags if is_kind_word(tag)), None)
    return None


def _title_lines(content: list, i: int) -> tuple:
    """The title's lines from `i`: a run of capitals (with its lower-case tail « c'est possible ! »),
    or one line carried on while it ends on a small word."""
    if i >= len(content):
        return [], i
    first = content[i].text
    if label_of(first):
        return [], i
    taken = [first]
    j = i + 1
    if is_caps(first):
        while j < len(content) and len(taken) < 5:
            nxt = content[j].text
            if label_of(nxt) or is_address(nxt) or not (_caps_continuation(nxt) or FUNCTION_END.search(taken[-1])):
                break
            if content[j].n - content[j - 1].n > 1:
                break
            taken.append(nxt)
            j += 1
        if j < len(content) and content[j].n - content[j - 1].n == 1:
            nxt = content[j].text
            if re.match(r"^[a-zà-ÿ]", nxt) and len(nxt.split()) <= 5 and re.search(r"[!?]\s*$|^c['’]est", nxt):
                taken.append(nxt)
                j += 1
            elif re.match(r"^[a-zà-ÿ/,;:)]", nxt) and len(taken) > 1 and not FUNCTION_END.search(taken[-2]):
                taken.pop()
                j -= 1
    else:
        while j < len(content) and len(taken) < 3 and content[j].n - content[j - 1].n == 1:
            nxt = content[j].text
            if label_of(nxt) or not (FUNCTION_END.search(taken[-1]) or re.match(r"^[a-zà-ÿ]", nxt)):
                break
            taken.append(nxt)
            j += 1
    return taken, j


def _caps_continuation(text: str) -> bool:
    """A line that carries a capitals title on: in capitals, or capitals closed by a short lower-case
    tail (« DANS L'ESS, c'est possible ! »)."""
    letters = [c for c in text if c.isalpha()]
    if not letters or re.match(r"^[/,;:)]", text.strip()):
        return False
    if sum(c.isupper() for c in letters) / len(letters) >= 0.75:
        return True
    head = re.match(r"[^\W\d_][\w’'\-]*", text.strip())
    return bool(head and len(head.group(0)) >= 2 and head.group(0).isupper() and re.search(r"[!?]\s*$", text))


def _join_title(lines: list) -> str:
    text = ""
    for line in lines:
        line = line.strip()
        text = f"{text}{line}" if text.endswith("/") else f"{text} {line}"
    text = re.sub(r"(\w)-\s+(\w)", r"\1-\2", text)
    text = re.sub(r"\s{2,}", " ", text).strip(" :-–")
    return re.sub(r"\s+,", ",", text)


def _place_lines(before: list, context: Context) -> set:
    """Which lines of an entry (between its title and its fields) say where: a line that starts with
    a commune (« Lille, LaGrappe », « Roubaix (lieu à préciser) »), an address, and what completes them."""
    places = context.places
    found = None
    for k in range(len(before) - 1, -1, -1):
        line = before[k].text
        if len(line) > 90:
            continue
        if leading_commune(line, places) or re.match(r"^(?:lieu|adresse)\s*:", line, re.IGNORECASE) \
                or re.match(r"^\d{5}\s+[A-ZÀ-Ý]", line) \
                or re.match(r"^(?:à|au|chez)\s+[A-ZÀ-Ý]", line) and len(line.split()) <= 8:
            found = k
            break
    if found is None:
        found = next((k for k in range(len(before) - 1, -1, -1) if place_like(before[k].text, places)), None)
    if found is None:
        for k in range(len(before) - 1, -1, -1):
            line = before[k].text
            near_end = k >= len(before) - 3
            followed_by_address = k + 1 < len(before) and is_address(before[k + 1].text)
            if len(line) <= 90 and (near_end or followed_by_address) and leading_commune(line, places, fuzzy=True):
                found = k
                break
    if found is None:
        addresses = {k for k, line in enumerate(before) if is_address(line.text) and len(line.text) <= 90}
        return addresses
    taken = {found}
    for k in range(found + 1, min(found + 3, len(before))):
        line = before[k].text
        if before[k].n - before[k - 1].n > 2 or len(line.split()) > 8 or line.endswith(".") \
                or dates.starts_with_time(line) or price_of(line) or label_of(line) \
                or line.startswith("(") or dates.search_dates(line, loose=True):
            break       # (« (inscription avant le vendredi 12 novembre) »: a remark under the place, not more of it)
        taken.add(k)
    return taken
