"""Stage 2 — date anchors: where a date opens an entry (« Mardi 7 novembre : … », « NOV. 18 », a table
row's date cell, « La MJC organise le 5 novembre un atelier »), and the year the document's dates are in."""

import re
from dataclasses import dataclass

from . import dates
from .lines import Line
from .prose import names_an_event, sentences, verb_before
from .rows import cells_of

_NEWS = re.compile(r"\b(?:publi[ée]e?|mis\s+à\s+jour|mis\s+en\s+ligne|modifi[ée]e?|post[ée]e?|r[ée]dig[ée]e?|actualit[ée]|"
                   r"article|communiqu[ée])\b", re.IGNORECASE)


@dataclass
class Anchor:
    at: int             # index in lines
    found: dates.DateMatch
    rest: str           # what the line says after the date (or around it, for a date inside a sentence)
    lead: str = ""      # words before the date (« À Lyon » in « À Lyon, le 5 novembre, … »)
    line: Line | None = None
    inside: bool = False
    table: bool = False  # a row of a table whose header names a date column


_SENTENCE_BREAK = re.compile(r"(?<=[.!?»])\s+(?=[A-ZÀ-Ý])")


def dated_sentences(text: str) -> list:
    """« Le 5 novembre, X organise … Y propose le 8 novembre … » → one part per sentence that dates an
    event, wherever its date sits, with the sentences that follow it (and the sentences before the
    first one, if any)."""
    if len(text) < 80 or text.count("|") >= 2:
        return [text]
    starts = [0] + [m.end() for m in _SENTENCE_BREAK.finditer(text)]
    cuts = [at for at in starts[1:] if anchor_of(Line(0, text[at:]), loose=True) is not None]
    return [text[a:b].strip() for a, b in zip([0] + cuts, cuts + [len(text)])]


def anchor_of(line: Line, loose: bool = False) -> Anchor | None:
    """The date that opens an entry on a line: at its start (« Mardi 7 novembre : … », « Le 17 novembre,
    l'association X ouvre ses portes … »), after a short lead (« Enfin, du 30 novembre au 2 décembre, le
    forum … »), or inside a sentence after the verb that puts the event on (« La MJC organise le 5
    novembre un atelier »); with `loose`, anywhere in a sentence that says an event happens (see
    `_sentence_anchor`). A dateline (« Montpellier, le 2 novembre 2022. ») opens nothing. A row of a
    table opens an entry when its date column holds a date."""
    if line.header is not None:
        return _table_anchor(line)
    text = _WHEN_LABEL.sub("", line.text)
    found = dates.match_date(text)
    if found:
        rest = text[found.end:]
        if _opens_entry(rest, found) or _opens_sentence(rest):
            return Anchor(0, found, rest)
        return None
    if _DATELINE.match(text):
        return None
    cells, strong = cells_of(text)
    if strong and len(cells) >= 3:
        # « Atelier X | 14 novembre | 18h | Lille »: a row whose date is one of its cells
        dated = next((k for k, cell in enumerate(cells) if (dates.match_date(cell) or _NO_DATE).end == len(cell)), None)
        if dated is not None:
            rest = " | ".join(cells[:dated] + cells[dated + 1:])
            return Anchor(0, dates.match_date(cells[dated]), f" | {rest}")
    lead = _LEAD.match(text)
    if lead:
        found = dates.match_date(text[lead.end():])
        if found:
            rest = text[lead.end() + found.end:]
            # « Toulouse — mardi 9 novembre » (not « Date limite : 15 novembre. »)
            heading = not rest.strip() and len(text) <= 60 and re.search(r"\s[–—-]\s*$", text[:lead.end()]) \
                and not text.rstrip().endswith(".")
            if _opens_sentence(rest) or (_opens_entry(rest, found) and (rest.strip(" .") or heading)):
                return Anchor(0, found, rest, lead=lead.group("lead"))
            return None
    for at, found in dates.search_dates(text):
        before = text[:at]
        if at and not re.search(r"[.!?]\s", before) and verb_before(before):
            rest = f"{before.rstrip(' ,')} {text[at + found.end:].lstrip(' ,')}"
            if names_an_event(rest):
                return Anchor(0, found, rest.strip(), inside=True)
    return _sentence_anchor(text) if loose else None


# what, written right before a date, makes it a limit or a past rather than the day of an event
_NOT_EVENT_DAY = re.compile(r"(?:jusqu['’]|avant|depuis|d['’]ici|limite|cl[ôo]tur\w*|cr[ée]{2}e?s?|fond[ée]e?s?|"
                            r"n[ée]e?s?|publi[ée]e?s?|mis\s+à\s+jour)\s*(?:le|au|du|:)?\s*$", re.IGNORECASE)


_PAST = re.compile(r"\b(?:a\s+eu\s+lieu|ont\s+eu\s+lieu|s['’]est\s+(?:tenue?|d[ée]roul[ée]e?)|avait|avaient|"
                   r"a\s+(?:r[ée]uni|rassembl[ée]|accueilli|organis[ée])|ont\s+(?:r[ée]uni|particip[ée]|organis[ée]))\b",
                   re.IGNORECASE)


def _sentence_anchor(text: str) -> Anchor | None:
    """A sentence that names one date and says an event happens, wherever the date sits: « À Montreuil,
    la coopérative X organise mardi 6 novembre une soirée … », « Les 17 et 18 novembre, le salon X
    s'installe … ». A limit (« jusqu'au 10 novembre », « avant le … »), a past (« le 10 novembre
    dernier », « a eu lieu ») or a publication date is not an event's day."""
    sentence = sentences(text)[0] if text.strip() else ""
    found = dates.search_dates(sentence, loose=True)
    if len(found) != 1 or _NEWS.search(sentence) or _PAST.search(sentence):
        return None
    at, match = found[0]
    before, after = sentence[:at], sentence[at + match.end:]
    if _NOT_EVENT_DAY.search(before) or re.match(r"\s*(?:derni|pass[ée])", after, re.IGNORECASE):
        return None
    told = f"{before.rstrip(' ,')} {after.lstrip(' ,')}".strip()
    if not names_an_event(told):
        return None
    end = text.find(sentence) + len(sentence)
    return Anchor(0, match, f"{told}{text[end:]}".strip(), inside=True)


def _table_anchor(line: Line) -> Anchor | None:
    """The date of a table row, from its date (and end date) columns."""
    written = " au ".join(cell for cell, name in zip(line.cells, line.header.fields)
                          if name in ("date", "end") and cell)
    found = dates.match_date(written) if written else None
    return Anchor(0, found, "", table=True) if found else None


_NO_DATE = dates.DateMatch([], "single", -1)


# what may stand before a date line's date: a label or a calendar sign (« Date : », « Quand : », « 📅 »)
_WHEN_LABEL = re.compile(r"^(?:(?:dates?|quand|jours?|horaires?)\s*:\s*|[📅🗓📆⏰🕐-🕧⌚]\ufe0f?\s*)", re.IGNORECASE)


# « Montpellier, le 2 novembre 2022. » « Rennes, mardi 5 novembre 2019 — »: where and when an article was written
_DATELINE = re.compile(r"^[A-ZÀ-Ý][\w’'\- ]{1,40},\s+(?:le\s+)?(?:[a-zé]+\s+)?\d{1,2}(?:er)?\s+[a-zéû]+\.?\s+(?:19|20)\d\d"
                       r"\s*(?:[.—–\-:]|$)", re.IGNORECASE)


# a few words and a comma, colon or dash before a date (« Enfin, », « Au programme : », « Toulouse — »)
_LEAD = re.compile(r"^(?P<lead>(?:[^\s,.;:!?–—]+\s+){0,3}[^\s,.;:!?–—]+)\s*(?:[,:]|\s[–—-])\s*")


def _opens_sentence(rest: str) -> bool:
    """After a date and a comma, a sentence that says an event happens (« , l'association X ouvre ses
    portes … »), not one that counts the month's events."""
    if not re.match(r"^\s*,\s*\S", rest):
        return False
    return names_an_event(sentences(rest.lstrip(" ,"))[0])


def _opens_entry(rest: str, found: dates.DateMatch) -> bool:
    stripped = rest.strip()
    if not stripped:
        return True
    if found.kind == "month":
        return bool(re.match(r"^\s*[:–—|]", rest))
    if re.match(r"^\s*(?:[:–—|>•·]|-\s|\(|\.\s*$)", rest):
        return True
    if dates.starts_with_time(stripped) or re.match(r"^(?:à\s+partir|à|dès|de|entre)\s+\d", stripped):
        return True
    if rest.startswith(","):
        after = rest[1:].strip()
        return bool(re.match(r"^(?:[A-ZÀ-Ý0-9]|au\s|aux\s|à\s|en\s|chez\s|dès\s|de\s+\d|dans\s+les\s+locaux)", after))
    # « vendredi 8 novembre au Toit Commun : », « samedi 18 novembre à Lorient – … »
    return bool(re.match(r"^(?:au|aux|à|chez|en)\s+[A-ZÀ-Ý]", stripped)) or bool(
        re.match(r"^(?:en\s+(?:ligne|visio))", stripped, re.IGNORECASE))


def find_anchors(lines: list) -> list:
    """The anchors of a document's lines; a date in the middle of a sentence counts only in a sentence
    that opens a paragraph (not in a description that carries an entry on)."""
    out, heading = [], None
    for i, line in enumerate(lines):
        if line.blank or len(line.text) > 600:
            continue
        opens = i == 0 or lines[i - 1].blank or lines[i - 1].n == line.n
        anchor = anchor_of(line, loose=opens)
        if anchor and anchor.inside and _describes_entry(anchor, line, heading):
            continue
        if anchor and (anchor.table or not _NEWS.search(line.text[:anchor.found.end + 30])):
            anchor.at, anchor.line = i, line
            out.append(anchor)
            if not anchor.inside:
                heading = anchor if not anchor.rest.strip(" .:–—-|,") else None
    return out


# « Ce film … », « Cet atelier … », « Cette soirée … »: a sentence about an event already named
_BACK_REFERENCE = re.compile(r"^\s*(?:ce|cet|cette|ces)\s+(?:[\w’'-]+\s+)?(?:film|documentaire|spectacle|atelier|"
                             r"rendez-vous|[ée]v[ée]nement|[ée]v[èe]nement|moment|temps|rencontre|soir[ée]e|journ[ée]e|"
                             r"projection|d[ée]bat|conf[ée]rence|forum|visite|formation|animation|exposition|expo|"
                             r"concert|salon|march[ée]|festival|ateliers|rencontres)\b", re.IGNORECASE)


def _describes_entry(anchor: Anchor, line: Line, heading: Anchor | None) -> bool:
    """A date inside a sentence that describes an entry rather than opening one: a sentence about an
    event already named (« Cet atelier … aura lieu le 30 novembre »), or, under a date heading, a
    sentence that gives the heading's own day again (« Le film sera projeté mardi 14 novembre … »)."""
    if _BACK_REFERENCE.match(line.text):
        return True
    return heading is not None and [(p.day, p.month) for p in heading.found.points] == [
        (p.day, p.month) for p in anchor.found.points]


def choose_year(text: str, anchors: list, edition=None, today_year=None) -> tuple:
    """(year, how, warnings): --edition, else the year the document names, else the year whose
    calendar agrees with the written weekdays, else the year of the article's own date (dateline,
    « Publié le »), else the current year (flagged)."""
    import datetime as dt
    today_year = today_year or dt.date.today().year
    named = dates.document_year(text)
    if edition:
        warnings = []
        if named and named != edition:
            warnings.append(f"le document parle de {named} mais l'édition {edition} a été demandée : "
                            f"dates lues en {edition}")
        return int(edition), "edition", warnings
    if named:
        return named, "document", []
    guessed = dates.weekday_year([a.found for a in anchors], range(2008, today_year + 2),
                                 prefer=dates.article_year(text))
    if guessed:
        return guessed, "weekday", [(f"année {guessed} déduite des jours de la semaine : précisez --edition "
                                    "si ce n'est pas la bonne")]
    published = dates.article_year(text)
    if published:
        return published, "article", [(f"année {published} déduite de la date de l'article : précisez --edition "
                                       "si ce n'est pas la bonne")]
    return today_year, "default", [(f"aucune année trouvée dans le document : {today_year} supposée, "
                                   "précisez --edition")]
