"""A programme's text → events.

French programmes are lists of entries, each opened by its date: brochure entries (date, theme
header, kind, title in capitals, description, « Commune, lieu » + address, labelled fields
« Organisateur : », « Contact : », « Infos : »), bulleted lines (« • mardi 5 novembre : ciné-débat …
au Toit Commun »), agenda lines (« NOV. 18 », « Le 15 Novembre, Montpellier : … »). An entry runs
from its date to the next date; what comes after its labelled fields (page footers, sponsor boxes)
is not part of it. Entries listed under « dates à préciser » come out undated and flagged.
"""

import functools
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from . import dates
from .casing import Casing, display_title, is_capitals, learn_casing
from .model import Event
from .places import (
    Place,
    Places,
    commune_cell,
    communes_in_prose,
    is_address,
    is_hybrid,
    is_online,
    leading_commune,
    parse_place,
    place_like,
    split_venue_commune,
    venue_in_prose,
    venue_start,
)
from .prose import (
    address_in,
    explicit_organiser,
    name_of_structure,
    names_an_event,
    partners_in,
    read_item,
    segment_venue,
    sentences,
    split_organizer,
    vague_when,
    verb_before,
)
from .rows import cells_of, is_pinned, mapped_row, meta_of, pin_place, read_row
from .tables import Header, header_of, row_cells
from .vocabulary import META_FIELDS, column_field, is_kind_word, is_theme, kind_in, label_of, price_of

BULLET = re.compile(r"^(\s*)([•◦▪▫■□●○►▸▶➢➤‣⁃∙·*\-–—]|o(?=\s)|\d{1,2}[.)](?=\s))\s+")
_UNDATED = re.compile(r"dates?\s+(?:à|a)\s+(?:pr[ée]ciser|d[ée]finir|venir|confirmer|d[ée]terminer|fixer)|"
                      r"en\s+(?:cours\s+de\s+)?construction|non\s+dat[ée]e?s|sans\s+date|date\s+non\s+fix[ée]e",
                      re.IGNORECASE)
_NEWS = re.compile(r"\b(?:publi[ée]e?|mis\s+à\s+jour|mis\s+en\s+ligne|modifi[ée]e?|post[ée]e?|r[ée]dig[ée]e?|actualit[ée]|"
                   r"article|communiqu[ée])\b", re.IGNORECASE)
_FUNCTION_END = re.compile(r"(?:\b(?:de|des|du|le|la|les|et|à|au|aux|en|un|une|pour|sur|avec|dans|par|d['’]|l['’]|"
                           r"ou|entre|son|sa|ses|leur|leurs|vos|nos)|[/,&\-–])\s*$", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)[^\s>]+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+33\s?(?:\(0\))?\s?|0)[1-9](?:[\s.]?\d{2}){4}")


@dataclass
class Line:
    n: int
    text: str           # without indentation and bullet
    indent: int = 0
    bullet: bool = False
    header: Header | None = None    # the header of the table the line is a row of
    cells: list | None = None       # its cells, one per column of that header

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass
class Anchor:
    at: int             # index in lines
    found: dates.DateMatch
    rest: str           # what the line says after the date (or around it, for a date inside a sentence)
    lead: str = ""      # words before the date (« À Lyon » in « À Lyon, le 5 novembre, … »)
    line: Line | None = None
    inside: bool = False
    table: bool = False  # a row of a table whose header names a date column


@dataclass
class Context:
    places: Places
    year: int
    themes: set = field(default_factory=set)
    casing: Casing = field(default_factory=Casing)
    rows: dict = field(default_factory=dict)


# ------------------------------------------------------------------ lines

def read_lines(text: str) -> list:
    """The text's lines with their indentation and bullet taken off (but remembered); a paragraph
    written on one line is cut before each of its sentences that opens with a date."""
    out = []
    for n, raw in enumerate(text.split("\n")):
        expanded = plain_markup(raw.rstrip())
        m = BULLET.match(expanded)
        if m and not dates.match_date(expanded.strip()):
            body = expanded[m.end():].strip()
            out.append(Line(n, body, len(m.group(1)), True))
        else:
            indent = len(expanded) - len(expanded.lstrip())
            body = re.sub(r"^\|\s*", "", expanded.strip())     # a table row read from a web page
            out.extend(Line(n, part, indent, False) for part in _dated_sentences(body))
    return _drop_repeated_paragraphs(_join_bare_labels(out))


def _join_bare_labels(lines: list) -> list:
    """A label written alone on its line with its value on the next, or after one blank line (« Lieu » /
    « Salle B, Nantes », as web pages lay out their definition lists) → one labelled line
    « Lieu : Salle B, Nantes »."""
    out, skip = [], set()
    for i, line in enumerate(lines):
        if i in skip:
            continue
        name = line.text.rstrip(" :")
        if line.bullet or not name or len(name.split()) > 4 or not column_field(name):
            out.append(line)
            continue
        at = i + 1 if i + 1 < len(lines) and not lines[i + 1].blank else i + 2
        nxt = lines[at] if at < len(lines) else None
        if nxt is None or nxt.blank or label_of(nxt.text) or column_field(nxt.text.rstrip(" :")):
            out.append(line)
            continue
        out.append(Line(line.n, f"{name} : {nxt.text}", line.indent, False))
        skip.update(range(i + 1, at + 1))
    return out


def mark_tables(lines: list) -> list:
    """Rows of tables with a header row: each row gets the header and its cells, one per column;
    the header line itself, which names columns and no event, becomes blank. A table runs from its
    header over blank lines to the first line not cut like it."""
    out = list(lines)
    header, rows = None, 0
    for i, line in enumerate(out):
        if line.blank:
            continue
        cells = row_cells(line.text, header) if header else None
        if cells is not None and header_of(line.text) is None:
            out[i] = Line(line.n, line.text, line.indent, line.bullet, header, cells)
            rows += 1
            continue
        header, rows = header_of(line.text), 0
        if header is not None:
            out[i] = Line(line.n, "", line.indent, False)
    return out


_MARKUP = [
    (re.compile(r"^(\s{0,3})#{1,6}\s+"), r"\1"),                              # « ## Heading »
    (re.compile(r"\[([^\]\n]+)\]\((?:https?://|www\.|/)[^)\s]*\)"), r"\1"),    # « [text](url) »
    (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__"), r"\1\2"),    # bold
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),       # italics
    (re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),
]


def plain_markup(line: str) -> str:
    """A line without the marks of Markdown (headings, bold, italics, links), as agendas pasted from
    messages and wikis write them: « - **12 nov.** — *Lyon* — Atelier » → « - 12 nov. — Lyon — Atelier »."""
    if not re.search(r"[*_#\[]", line):
        return line
    for pattern, replacement in _MARKUP:
        line = pattern.sub(replacement, line)
    return line


_SENTENCE_BREAK = re.compile(r"(?<=[.!?»])\s+(?=[A-ZÀ-Ý])")


def _dated_sentences(text: str) -> list:
    """« Le 5 novembre, X organise … Y propose le 8 novembre … » → one part per sentence that dates an
    event, wherever its date sits, with the sentences that follow it (and the sentences before the
    first one, if any)."""
    if len(text) < 80 or text.count("|") >= 2:
        return [text]
    starts = [0] + [m.end() for m in _SENTENCE_BREAK.finditer(text)]
    cuts = [at for at in starts[1:] if anchor_of(Line(0, text[at:]), loose=True) is not None]
    return [text[a:b].strip() for a, b in zip([0] + cuts, cuts + [len(text)])]


def _drop_repeated_paragraphs(lines: list) -> list:
    """Page footers and boxes repeated through the document (« INFOS & INSCRIPTION »): a paragraph of
    short lines seen three times or more, with no date, label, place or address, is not content."""
    paragraphs, current = [], []
    for i, line in enumerate(lines):
        if line.blank:
            if current:
                paragraphs.append(current)
            current = []
        else:
            current.append(i)
    if current:
        paragraphs.append(current)
    counts = Counter(tuple(lines[i].text.lower() for i in p) for p in paragraphs)
    drop = set()
    for p in paragraphs:
        texts = [lines[i].text for i in p]
        if counts[tuple(t.lower() for t in texts)] < 3 or len(p) > 4:
            continue
        if any(len(t) > 60 or dates.match_date(t) or label_of(t) or is_address(t) for t in texts):
            continue
        drop.update(p)
    return [Line(line.n, "", 0, False) if i in drop else line for i, line in enumerate(lines)]


# ------------------------------------------------------------------ anchors

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


# ------------------------------------------------------------------ document

def parse_text(text: str, places: Places, edition=None, year_hint=None) -> tuple:
    """(events, year, warnings) of a programme's text, with communes resolved through `places`.
    `year_hint`: the edition named where it is not content (a PDF's running header)."""
    lines = mark_tables(read_lines(text))
    anchors = find_anchors(lines)
    year, _how, warnings = choose_year(text, anchors, edition or year_hint)
    if year_hint and not edition:
        warnings = []
    context = Context(places, year, _learn_themes(lines, anchors), learn_casing(text))
    for line in lines:
        if line.header is not None:
            context.rows[line.text] = mapped_row(line.cells, line.header.fields, places)
    events, dropped = [], []
    titles = _titles_above(lines, anchors, context)
    bounds = [titles.get(k, a.at) for k, a in enumerate(anchors)] + [len(lines)]
    undated_from = [i for i, line in enumerate(lines) if _is_undated_header(line)]
    undated_items = [i for i, line in enumerate(lines) if _UNDATED_ITEM.match(line.text)]
    for k, anchor in enumerate(anchors):
        end = min([bounds[k + 1]] + [u for u in undated_from + undated_items if u > anchor.at])
        block = lines[titles[k] + 1:anchor.at] + lines[anchor.at + 1:end] if k in titles else lines[anchor.at + 1:end]
        if k + 1 in titles and all(line.blank for line in block) and anchors[k + 1].found.points == anchor.found.points:
            # « Albi — mardi 8 novembre » heading an entry written title first on the same day
            anchors[k + 1].rest = f"{anchor.lead} {anchor.rest} {anchors[k + 1].rest}"
            continue
        found = parse_entry(anchor, block, context, lines[titles[k]] if k in titles else None)
        if not found:
            dropped.append(lines[anchor.at])
        events.extend(found)
    for start in undated_from:
        nxt = [a.at for a in anchors if a.at > start] + [u for u in undated_from if u > start] + [len(lines)]
        events.extend(undated_entries(lines[start + 1:min(nxt)], context))
    for at in undated_items:
        # « - Date à définir : rencontre avec les élus » — an item that says itself it has no date yet
        item = replace(lines[at], text=_UNDATED_ITEM.sub("", lines[at].text))
        events.extend(undated_entries([item], context))
    for line in dropped:
        warnings.append(f"ligne {line.n + 1} : une date sans intitulé d'événement (« {line.text[:80]} ») "
                        "n'a pas été retenue : à vérifier")
    events.sort(key=lambda e: e.line or 0)
    for position, event in enumerate(events):
        event.position = position
    return events, year, warnings


def _titles_above(lines: list, anchors: list, context: Context) -> dict:
    """{anchor rank: line index} of entries written title first: a short line after a blank line,
    right above a date line that names nothing and is followed by details only (« Atelier X » then
    « 📅 mardi 8 novembre, 14h », « 📍 … »)."""
    found = {}
    for k, anchor in enumerate(anchors):
        above = [i for i in range(anchor.at - 1, max(-1, anchor.at - 3), -1) if not lines[i].blank]
        if anchor.table or not above or (k and above[0] <= anchors[k - 1].at):
            continue
        i = above[0]
        if lines[i].header is not None:
            continue
        labelled = _labelled_title_above(lines, anchor.at, anchors[k - 1].at if k else -1)
        if labelled is not None:
            found[k] = labelled
            continue
        if not ((i == 0 or lines[i - 1].blank) and not lines[i].bullet and _title_like(lines[i].text)):
            continue
        nxt = anchors[k + 1].at if k + 1 < len(anchors) else len(lines)
        after = next((lines[j] for j in range(anchor.at + 1, nxt) if not lines[j].blank), None)
        if after is not None and not (
                _detail_line(after.text) and not after.bullet and not _timed_item(after.text)
                and not _is_row(after, context)):
            continue
        if not _split_rest(anchor.rest, context.places)[1]:
            found[k] = i
    return found


def _labelled_title_above(lines: list, at: int, previous: int) -> int | None:
    """The « Titre : … » line of the labelled fields written right above a date line, if any."""
    for i in range(at - 1, previous, -1):
        found = label_of(lines[i].text) if not lines[i].blank else None
        if not found:
            return None
        if found[0] == "title" and found[1]:
            return i
    return None


def _detail_line(text: str) -> bool:
    """A line that says where, when, how much or who, not what."""
    return bool(label_of(text) or is_pinned(text) or dates.starts_with_time(text) or is_address(text)
                or venue_start(text) or price_of(text) and len(text.split()) <= 6)


def _title_like(text: str) -> bool:
    """A line that may title an event: short, not a detail nor a date, not the document's own heading."""
    words = text.split()
    return 1 <= len(words) <= 15 and not text.rstrip().endswith((":", ".")) and not _detail_line(text) \
        and not dates.match_date(text) and not _UNDATED.search(text) and not dates.document_year(text) \
        and not re.search(r"\b(?:programme|agenda|sommaire)\b", text, re.IGNORECASE)


_UNDATED_ITEM = re.compile(rf"^(?:{_UNDATED.pattern})\s*[:–—-]\s*(?=\S)", re.IGNORECASE)


def _is_undated_header(line: Line) -> bool:
    return (not line.blank and not line.bullet and len(line.text) < 160 and bool(_UNDATED.search(line.text))
            and not dates.match_date(line.text))


def _learn_themes(lines: list, anchors: list) -> set:
    """Theme headers of this document: short capitals lines that sit right under a date and above a
    kind line in at least two entries."""
    seen = Counter()
    for anchor in anchors:
        block = [line for line in lines[anchor.at + 1:anchor.at + 6] if not line.blank]
        if len(block) >= 3 and _is_caps(block[0].text) and len(block[0].text.split()) <= 5 \
                and _kind_like(block[1].text, block[2].text):
            seen[block[0].text.strip().lower()] += 1
    return {t for t, n in seen.items() if n >= 2}


# ------------------------------------------------------------------ one entry

def parse_entry(anchor: Anchor, block: list, context: Context, title: Line | None = None) -> list:
    """The events of one dated entry: one, several (an entry with sub-entries), or none. `title`: the
    line above the date that titles an entry written title first."""
    period = dates.resolve(anchor.found, context.year)
    if not period:
        return []
    if anchor.table:
        return _table_entries(anchor, block, period, context)
    header, item = _split_rest(anchor.rest, context.places)
    if title is not None:
        labelled = label_of(title.text)
        event = _prose_event(labelled[1] if labelled else title.text, [line for line in block if not line.blank],
                             _header_details(header, context.places), context, exact=bool(labelled), wrap=False)
        event.line = title.n
        _set_period(event, period, anchor)
        return [event] if event.title else []
    if re.match(r"^(?:[àÀaA]|[Dd]u\s+côté\s+d[e']|[Cc]ôté)\s*[A-ZÀ-Ý]", anchor.lead) \
            or anchor.lead and commune_cell(anchor.lead, context.places):
        header = f"{anchor.lead}, {header}"     # « À Lyon, le 5 novembre, … », « Toulouse — mardi 9 novembre »
    head = _header_details(header, context.places)
    body = _trim_tail(block, context)
    if item:
        extra = _continuation(body)
        events = [_prose_event(item, extra, head, context)]
    elif _is_list_of_items(body, context):
        events = [_prose_event(first.text, rest, head, context) for first, rest in _items(body, context)]
    elif _told_in_sentences(body):
        # « MARDI 14 NOVEMBRE » then « À Dijon, le collectif X organise une soirée … »: each paragraph an event
        events = [_prose_event(first.text, rest, head, context) for first, rest in _paragraphs(body)]
    else:
        events = _structured_events(body, head, context)
    for event in events:
        event.line = anchor.at if event.line is None else event.line
        _set_period(event, period, anchor)
    return [e for e in events if e.title]


def _table_entries(anchor: Anchor, block: list, period: dates.Period, context: Context) -> list:
    """The event of a dated table row, and of the rows under it whose date cell is empty (the same
    day, as in a table whose date cells span several rows)."""
    events = []
    for line in [anchor.line] + [line for line in block if line.header is not None]:
        row = _row_of(line.text, context)
        if row is None:
            continue
        extra = [b for b in block if b.header is None and not b.blank] if line is anchor.line else []
        event = _row_event(row, extra, Head(), context)
        event.line = line.n
        _set_period(event, period, anchor)
        events.append(event)
    return events


def _set_period(event: Event, period: dates.Period, anchor: Anchor) -> None:
    event.start_date = period.start.isoformat()
    event.end_date = period.end.isoformat() if period.end else None
    for warning in period.warnings:
        event.warn(warning, 0.2)


_PART_SEPARATOR = re.compile(r"\s*(?:\||\s[–—-]\s|^[–—-]\s|:\s+|\s:|:$|·)\s*")


def _split_rest(rest: str, places: Places) -> tuple:
    """What the date line says after the date, cut into when/where and the item itself:
    « , au Toit Commun, à 14h00 : présentation … » → (', au Toit Commun, à 14h00', 'présentation …');
    « | 18h | Amiens | Ciné-débat … » → ('18h | Amiens', 'Ciné-débat …')."""
    rest = rest.strip()
    cuts = [0] + [m.end() for m in _PART_SEPARATOR.finditer(rest) if m.end() > 0]
    for k, start in enumerate(cuts):
        end = next((m.start() for m in _PART_SEPARATOR.finditer(rest, start) if m.start() >= start), len(rest))
        part = rest[start:end]
        if part.strip(" ,") and not _only_when_where(part, places):
            return _leading_when_where(rest[:start], rest[start:].strip(" :–—-|·,"), places)
        if end >= len(rest):
            break
    return rest, ""


def _leading_when_where(header: str, item: str, places: Places) -> tuple:
    """« à 18h, la Maison de l'ESS accueille … » → the clauses that only say when or where, moved from
    the item to the header."""
    while "," in item:
        first, after = item.split(",", 1)
        if not first.strip() or not after.strip() or not _only_when_where(first, places):
            break
        header, item = f"{header}, {_WHERE_WORDS.sub('', first.strip())}", after.strip()
    return header, item


# words that bring in where a sentence takes place (« À Lyon, … », « Du côté de Grenoble, … »)
_WHERE_WORDS = re.compile(r"^(?:[àÀaA]\s+|[Dd]u\s+côté\s+(?:de\s+|d['’]\s*)|[Cc]ôté\s+)(?=[A-ZÀ-Ý])")


def _only_when_where(text: str, places: Places) -> bool:
    """True when a text only says when and where (« , au Toit Commun, à 14h00 », « 18h30 », « Salle des
    fêtes, Béthune »): times, venues after « au », « à la », « chez », communes, online."""
    left = dates.strip_times(_WHERE_WORDS.sub("", text.strip()))
    left = re.sub(r"\b(?:de|dès|et|entre)\b", " ", left)
    segments = [s.strip(" -:()") for s in re.split(r"\s*[,–—|·]\s*|\s-\s", left) if s.strip(" -:()")]
    has_commune, named = False, 0
    for segment in segments:
        bare = _WHERE_WORDS.sub("", segment)
        if re.match(r"^(?:au|aux|chez|à\s+la|à\s+l['’]|dans\s+les\s+locaux|salle)\s+\S", segment, re.IGNORECASE) \
                and len(segment.split()) <= 8 or is_online(segment) and len(segment.split()) <= 3:
            continue
        if places.commune(bare) or re.match(r"^\d{5}\s", bare):
            has_commune = True
        elif re.match(r"^[A-ZÀ-Ý][\w’'\-]*(?:[\s\-][A-ZÀ-Ýa-zà-ÿ’'\-]+){0,4}$", bare):
            named += 1
        else:
            return False
    return not named or has_commune


@dataclass
class Head:
    """When and where the date line itself says (and the lines of the entry that say only that)."""
    start_time: str | None = None
    end_time: str | None = None
    place: object = None
    online: bool = False
    price: str | None = None


def _header_details(header: str, places: Places) -> Head:
    head = Head()
    if not header:
        return head
    head.start_time, head.end_time = dates.find_times(header)
    head.online = is_online(header)
    text = dates.strip_times(header)
    text = re.sub(r"^[\s,–—|\-:·]+|[\s,–—|\-:·]+$", "", text)
    if not re.search(r"\w", text):
        text = ""
    venue = venue_in_prose(text)
    place = parse_place(re.sub(r"\b(?:de|dès|et)\b\s*", " ", text).strip(" ,"), places, fuzzy=True) \
        if text.strip(" ,") else None
    if venue:
        place = place or parse_place("", places)
        place.venue = venue[2]
        if place.commune and place.commune.query.startswith(venue[2]):
            place.commune = None
    if not (place and place.commune):
        named = communes_in_prose(text, places)
        if named:
            place = place or parse_place("", places)
            place.commune = named[0][2]
            if place.venue and named[0][2].query in place.venue:
                place.venue = None
    head.place = place
    return head


def _trim_tail(block: list, context: Context) -> list:
    """The entry without what follows its labelled fields after a blank line (footers, sponsors), unless
    what follows opens another entry of the same day (« Rouen | 20h »)."""
    seen_label, out = False, []
    for i, line in enumerate(block):
        if seen_label and line.blank:
            nxt = next((b for b in block[i + 1:] if not b.blank), None)
            if nxt is None or not (label_of(nxt.text) or _opens_entry_line(nxt, context)
                                   or _known_theme(nxt.text, context)):
                break
        if not line.blank and label_of(line.text):
            seen_label = True
        out.append(line)
    while out and out[-1].blank:
        out.pop()
    return out


def _continuation(body: list) -> list:
    """Lines that carry on a one-line entry: wrapped text and its sub-bullets, up to a blank line."""
    out = []
    for line in body:
        if line.blank:
            break
        out.append(line)
    return out


def _is_list_of_items(body: list, context: Context) -> bool:
    """An entry whose date heads a list: several bullets, several lines starting with a time, or
    agenda rows (« 14h30-16h | Nantes | Atelier … »)."""
    content = [line for line in body if not line.blank]
    if not content:
        return False
    bullets = [line for line in content if line.bullet]
    timed = [line for line in content if _timed_item(line.text)]
    if len(bullets) >= 2 and content[0].bullet and len(bullets) >= len(content) / 2:
        return True
    if len(timed) >= 2 and _timed_item(content[0].text) and len(timed) >= len(content) / 2:
        return True
    return not content[0].bullet and _is_row(content[0], context)


def _told_in_sentences(body: list) -> bool:
    """A day's entries written as paragraphs of running text, not as title, place and fields: the
    first line is a long sentence (ten words or more, closed by a full stop or followed by another)."""
    first = next((line for line in body if not line.blank), None)
    return first is not None and not first.bullet and _sentence_line(first.text)


def _sentence_line(text: str) -> bool:
    words = text.split()
    return len(words) >= 10 and not _is_caps(text) and not label_of(text) and bool(
        re.search(r"[.!?]\s*$|[.!?]\s+[A-ZÀ-Ý]", text)) and bool(re.search(r"\s[a-zà-ÿ]{2,}\s", text))


def _paragraphs(body: list) -> list:
    """(first line, following lines) of each paragraph of a block that opens with a sentence."""
    out, current = [], None
    for line in body:
        if line.blank:
            current = None
            continue
        if current is None and _sentence_line(line.text):
            current = (line, [])
            out.append(current)
        elif current is not None:
            current[1].append(line)
        elif out:
            out[-1][1].append(line)
    return out


def _timed_item(text: str) -> bool:
    """A line that opens with a time and then names something (« 10h-12h : Balade urbaine … »), not a
    line of details (« De 10h à 17h, 12 rue de Lanveur. »)."""
    if not dates.starts_with_time(text) or len(text.split()) <= 3:
        return False
    rest = dates.strip_times(text)
    rest = re.sub(r"^(?:de|dès|à\s+partir\s+de|et|à)\s+", "", rest, flags=re.IGNORECASE).strip()
    if re.match(r"^[:–—|·\-]", rest):
        return True
    return bool(re.match(r"^[A-ZÀ-Ý«\"]", rest)) and not (is_address(rest) or venue_start(rest) or price_of(rest))


def _is_row(line: Line, context: Context) -> bool:
    return not label_of(line.text) and _row_of(line.text, context) is not None


def _row_of(text: str, context: Context):
    """`read_row` of a line, read once per document pass (lists ask it of the same lines several times)."""
    if text not in context.rows:
        context.rows[text] = read_row(text, context.places)
    return context.rows[text]


def _items(body: list, context: Context) -> list:
    """(line, its own lines) for each item of a list: an item opens with a top-level bullet, a time or
    an agenda row, and keeps the lines under it up to a blank line."""
    top = min((line.indent for line in body if line.bullet), default=0)
    items, current, open_ = [], None, False
    for line in body:
        if line.blank:
            open_ = False
            continue
        starts = (line.bullet and line.indent <= top) or (not line.bullet and (
            _timed_item(line.text) or _is_row(line, context)))
        if starts:
            current = (line, [])
            items.append(current)
            open_ = True
        elif current and (open_ or line.bullet and line.indent > top):
            current[1].append(line)
    return items


# ------------------------------------------------------------------ entries written as a sentence

def _prose_event(item: str, extra: list, head: Head, context: Context, exact: bool = False,
                 wrap: bool = True) -> Event:
    """An entry written as running text (or as an agenda row), with the lines under it: those that carry
    its sentence on, then lines of details (place, times, price, organiser). With `exact`, the item is
    the title as written (a « Titre : » field); without `wrap`, no line under it carries it on (a title
    line written above its date line is whole)."""
    row = _row_of(item, context)
    if row and row.by_header:
        return _row_event(row, extra, head, context)
    if row:
        head = _row_head(row, head)
    title_text = row.title if row else item
    own = [line for line in extra if not line.bullet and not label_of(line.text)]
    wrapped, details = _wrapped(title_text, own) if wrap else ([], [line.text for line in own])
    text = " ".join([title_text] + wrapped).strip()
    reading = read_item(text, context.places)
    if exact:
        reading.title, reading.kind = item.strip(" .;,"), kind_in(item)
    event = Event(title=reading.title or "", kind=reading.kind, organizer=reading.organizer,
                  co_organizers=reading.co_organizers)
    event.description = _join_description([item] + [("• " if line.bullet else "") + line.text for line in extra])
    start, end = dates.find_times(dates.strip_times(text) if head.start_time else sentences(text)[0] if text else "")
    event.start_time, event.end_time = head.start_time or start, head.end_time or end
    event.price = price_of(text) or head.price
    joined = " ".join([item] + [line.text for line in extra])
    event.contact = _contact_of(joined)
    event.url = _first_url(joined)
    fields = _fields([line for line in extra if not line.bullet])
    leftover = _apply_fields(event, fields, context)
    place = head.place
    if place and (place.commune or place.venue):
        _apply_place(event, place, context)
    event.venue = event.venue or reading.venue
    event.address = event.address or reading.address
    if not event.commune_code and not event.commune_name and reading.commune:
        _apply_commune(event, reading.commune)
    if row:
        event.organizer = row.organizer or event.organizer
        event.price = row.price or event.price
    event.online = event.online or head.online or (reading.online and (not event.commune_code or is_hybrid(text)))
    _details(event, details + leftover, context)
    _finish(event, context)
    return event


def _row_event(row, extra: list, head: Head, context: Context) -> Event:
    """The event of a table row read through its header: each cell is what its column says, the
    title is its cell as written; the lines under the row (« 📍 … », « Tarif : … ») fill what it leaves."""
    event = Event(title=row.title.strip(" .;,"), kind=row.kind or kind_in(row.title), theme=row.theme,
                  organizer=row.organizer, co_organizers=list(row.co_organizers), contact=row.contact,
                  price=row.price, url=_first_url(row.url or ""), description=row.description)
    event.start_time, event.end_time = (row.start_time, row.end_time) if row.start_time else (
        head.start_time, head.end_time)
    place = row.place or head.place
    if place is not None:
        _apply_place(event, place, context)
    event.online = event.online or row.online or head.online
    lines = [line for line in extra if not line.bullet]
    leftover = _apply_fields(event, _fields(lines), context)
    _details(event, [line.text for line in lines if not label_of(line.text)] + leftover, context)
    _finish(event, context)
    return event


def _row_head(row, head: Head) -> Head:
    """What an agenda row says of when and where, over what its date line said."""
    place = row.place or Place()
    place.commune = row.commune or place.commune or (head.place.commune if head.place else None)
    if head.place and not place.venue:
        place.venue, place.address = head.place.venue, head.place.address
    return Head(row.start_time or head.start_time, row.end_time if row.start_time else head.end_time, place,
                row.online or head.online)


def _wrapped(first: str, lines: list) -> tuple:
    """(texts that carry the first line's sentence on, the other lines' texts): a line carries it on
    when it starts in lower case or the text before it breaks off (« … de », « …, »)."""
    wrapped, details, previous = [], [], first
    for line in lines:
        if details or not (re.match(r"^[a-zà-ÿ(«]", line.text) or _FUNCTION_END.search(previous)
                           or not re.search(r"[.!?:»)]\s*$", previous) and not _starts_detail(line.text)):
            details.append(line.text)
        else:
            wrapped.append(line.text)
            previous = line.text
    return wrapped, details


def _starts_detail(text: str) -> bool:
    """A line that gives a detail rather than carrying a sentence on: a place, a time, a price, an address."""
    return bool(is_pinned(text) or dates.starts_with_time(text) or is_address(text) or venue_start(text)
                or re.match(r"^(?:à\s+partir|de\s+\d|dès|gratuit|entrée|prix|tarif|\d+\s*€)", text, re.IGNORECASE))


def _details(event: Event, texts: list, context: Context) -> None:
    """What the lines around an entry's title say in passing, each taken only when the entry has not
    said it already: a place marked by a pin, times, price, who organises, venue, address, commune."""
    places = context.places
    for text in texts:
        pinned = pin_place(text, places, fuzzy=not (event.commune_code or event.commune_name))
        if pinned:
            _apply_pinned(event, pinned, context)
            continue
        if not event.start_time:
            event.start_time, event.end_time = dates.find_times(text)
        if not event.price:
            found = price_of(text)
            event.price = found if found and len(found.split()) <= 6 else None
        if not event.organizer:
            event.organizer, co, _ = explicit_organiser(text)
            event.co_organizers = event.co_organizers or co
        event.co_organizers += [p for p in partners_in(text) if p not in event.co_organizers and p != event.organizer]
        if not event.venue:
            venue = venue_in_prose(text)
            event.venue = venue[2] if venue else _venue_of(text)
            if event.venue:
                event.venue, named = split_venue_commune(event.venue, places)
                if named and not event.commune_code:
                    _apply_commune(event, named)
        event.address = event.address or address_in(text)
        if not (event.commune_code or event.commune_name or event.online):
            named = communes_in_prose(text, places)
            if named:
                _apply_commune(event, named[0][2])
            elif is_online(text):
                event.online = True


def _venue_of(text: str) -> str | None:
    """A place a line of details names without a preposition: at the start of a sentence or between
    commas (« Halle du marché, toute la journée », « De 10 h à 12 h, jardin partagé du Calvaire »)."""
    for sentence in sentences(text):
        found = venue_start(sentence) or segment_venue(sentence)
        if found:
            return found
    return None


def _apply_pinned(event: Event, place, context: Context) -> None:
    """A pinned place line: its venue and address; its first part is the venue, not a commune, when the
    entry already has its commune."""
    if place.commune and (event.commune_code or event.commune_name):
        if not place.venue:
            place.venue = place.commune.query
        place.commune = None
    _apply_place(event, place, context)


# ------------------------------------------------------------------ brochure entries

def _structured_events(body: list, head: Head, context: Context) -> list:
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
                _known_theme(line.text, context) or k and body[k - 1].blank and _opens_entry_line(line, context)):
            parts.append(current)
            current, titled = [], False
        current.append(line)
        if not line.blank and not _known_theme(line.text, context) and not is_kind_word(line.text) \
                and not _meta_line(line, context):
            titled = True
    if current:
        parts.append(current)
    return parts


def _opens_entry_line(line: Line, context: Context) -> bool:
    """A line that may open an entry of its own: it says when (and maybe where, how much) and nothing
    else. A commune alone does not: brochures write it under the description of the same entry."""
    if label_of(line.text):
        return False
    found = _meta_of(line.text, context)
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


def _meta_line(line: Line, context: Context) -> bool:
    """A line that names no event: a labelled field other than the title (« Lieu : », « Organisé par : »,
    « Tarif : »), or a line read entirely as when, where or how much (« Caen | 18h00 – 20h00 », « En
    ligne », « Évreux »)."""
    found = label_of(line.text)
    if found:
        return found[0] in META_FIELDS
    return _meta_of(line.text, context) is not None


def _meta_of(text: str, context: Context):
    """`meta_of` of a line, read once per document pass."""
    key = ("meta", text)
    if key not in context.rows:
        context.rows[key] = meta_of(text, context.places)
    return context.rows[key]


def _when_row(line: Line, context: Context) -> bool:
    """A line after an entry's title that says when (and where, how much) in cells or a time alone:
    « Caen | 18h00 – 20h00 », « 14h-17h ». Lines that say only where are left to the place lines."""
    if label_of(line.text):
        return False
    found = _meta_of(line.text, context)
    return found is not None and bool(found.start_time or found.online and not found.commune)


def _with_meta(head: Head, lines: list, context: Context) -> Head:
    """The date line's details completed by what meta lines say (times, commune, place, online, price)."""
    if not lines:
        return head
    out = Head(head.start_time, head.end_time, head.place, head.online, head.price)
    for line in lines:
        found = _meta_of(line.text, context)
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


def _apply_head_place(event: Event, head: Head, context: Context) -> None:
    """Where the date line (or a meta line) says the event is, when the entry itself does not say it:
    all of it, or only its commune when the entry names a venue without one."""
    if not head.place:
        return
    if not (event.commune_code or event.venue):
        _apply_place(event, head.place, context)
    elif not (event.commune_code or event.commune_name) and head.place.commune:
        _apply_commune(event, head.place.commune)


def _known_theme(text: str, context: Context) -> bool:
    return _is_caps(text) and (text.strip().lower() in context.themes or is_theme(text))


def _structured_event(part: list, head: Head, context: Context, previous: Event | None) -> Event | None:
    content = _title_first(part, context)
    if not content:
        return None
    lead = 0
    while lead < len(content) - 1 and _meta_line(content[lead], context):
        lead += 1
    head = _with_meta(head, [line for line in content[:lead] if not label_of(line.text)], context)
    labelled, content = [line for line in content[:lead] if label_of(line.text)], content[lead:]
    i, theme, kind = 0, None, None
    if _is_theme_line(content, 0, context):
        theme, i = content[0].text.strip(), 1
    if i < len(content) and _kind_like(content[i].text, content[i + 1].text if i + 1 < len(content) else ""):
        kind, i = content[i].text.strip(), i + 1
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
    timed_rows = [line for line in before if _when_row(line, context)]
    head = _with_meta(head, timed_rows, context)
    before = [line for line in before if line not in timed_rows]
    place_at = _place_lines(before, context)
    description = [line.text for k, line in enumerate(before) if k not in place_at]
    event.description = _join_description(description)
    fields = _fields(labelled + after)
    leftover = _apply_fields(event, fields, context)
    if place_at and not (event.commune_code or event.venue):
        place_text = ", ".join(before[k].text for k in sorted(place_at))
        _apply_place(event, parse_place(place_text, context.places, fuzzy=True), context)
    _apply_head_place(event, head, context)
    event.start_time = event.start_time or head.start_time
    event.end_time = event.end_time or head.end_time
    event.price = event.price or head.price
    if not event.start_time:
        timed = next((line.text for line in before if dates.starts_with_time(line.text)), None)
        if timed:
            event.start_time, event.end_time = dates.find_times(timed)
            event.price = event.price or price_of(timed)
    event.online = event.online or head.online or is_online(event.title) or any(
        is_online(before[k].text) for k in place_at)
    if not event.price:
        event.price = next((price_of(line.text) for line in before if len(line.text.split()) <= 8
                            and price_of(line.text)), None)
    practical = [line.text for k, line in enumerate(before) if k not in place_at and _practical(line.text)]
    practical += [line.text for line in after if not label_of(line.text) and _practical(line.text)]
    _details(event, practical + leftover, context)
    if not event.organizer:
        event.organizer = explicit_organiser(" ".join(description))[0]
    if not event.contact:
        joined = " ".join(line.text for line in part)
        event.contact = _contact_of(joined)
    event.url = event.url or _first_url(" ".join(line.text for line in part))
    _finish(event, context)
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
    if not _is_caps(text) or len(text.split()) > 5 or re.search(r"\d", text) or len(content) < i + 2:
        return False
    if _known_theme(text, context):
        return True
    following = content[i + 2].text if i + 2 < len(content) else ""
    return _kind_like(content[i + 1].text, following)


def _kind_like(text: str, following: str) -> bool:
    """A short line naming the kind of event (« Formation », « Portes ouvertes ») above the title."""
    text = text.strip()
    if is_kind_word(text):
        return True
    words = text.split()
    if not (1 <= len(words) <= 4) or len(text) > 35 or re.search(r"[\d,:;.!?]", text) or _is_caps(text):
        return False
    return text[:1].isupper() and _is_caps(following)


@functools.lru_cache(maxsize=65536)
def _is_caps(text: str) -> bool:
    """A line in capitals (a title or a header): its first word is in capitals, and most letters are."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2:
        return False
    first = re.findall(r"[^\W\d_][\w’'\-]*", text)
    head = first[0] if first else ""
    upper = sum(c.isupper() for c in letters) / len(letters)
    return (len(head) >= 2 and head.replace("’", "").replace("'", "").replace("-", "").isupper() and upper >= 0.45) \
        or upper >= 0.8


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
    if _is_caps(first):
        while j < len(content) and len(taken) < 5:
            nxt = content[j].text
            if label_of(nxt) or is_address(nxt) or not (_caps_continuation(nxt) or _FUNCTION_END.search(taken[-1])):
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
            elif re.match(r"^[a-zà-ÿ/,;:)]", nxt) and len(taken) > 1 and not _FUNCTION_END.search(taken[-2]):
                taken.pop()
                j -= 1
    else:
        while j < len(content) and len(taken) < 3 and content[j].n - content[j - 1].n == 1:
            nxt = content[j].text
            if label_of(nxt) or not (_FUNCTION_END.search(taken[-1]) or re.match(r"^[a-zà-ÿ]", nxt)):
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


def _join_description(lines: list) -> str | None:
    text = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if text.endswith("-") and re.match(r"^[a-zà-ÿ]", line):
            text = text[:-1] + line
        else:
            text = f"{text} {line}" if text else line
    return re.sub(r"\s{2,}", " ", text).strip() or None


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
                or dates.starts_with_time(line) or price_of(line) or label_of(line):
            break
        taken.add(k)
    return taken


# ------------------------------------------------------------------ labelled fields

def _fields(lines: list) -> dict:
    """Labelled fields with their continuation lines: {'organizer': [...], 'contact': [...], …}."""
    out, current = {}, None
    for line in lines:
        if line.blank:
            current = None
            continue
        found = label_of(line.text)
        if found:
            name, value = found
            out.setdefault(name, []).append(value)
            current = name
            continue
        if current and _continues(current, out[current][-1], line.text):
            out[current][-1] = f"{out[current][-1]}\n{line.text}".strip()
        else:
            current = None
    return out


def _continues(name: str, previous: str, text: str) -> bool:
    if re.match(r"^(?:[a-zà-ÿ]|et\s|&)", text) or _FUNCTION_END.search(previous) or previous.rstrip().endswith(","):
        return True
    return bool(name in ("contact", "organizer") and (_URL.search(text) or _EMAIL.search(text) or _PHONE.search(text)) and len(_strip_contacts(text).split()) <= 3)


def _apply_fields(event: Event, fields: dict, context: Context) -> list:
    """Fill the event from its labelled fields; returns what an organiser field said after the
    organiser (« Organisé par X, au Lieu, adresse. 18h30. Gratuit. »), for `_details`."""
    fields = {name: [re.sub(r"\s*\n\s*", "\n", v) for v in values] for name, values in fields.items()}
    leftover = []
    if "organizer" in fields:
        names = []
        for value in fields["organizer"]:
            name, rest = split_organizer(value.replace("\n", " "))
            names.append(name)
            leftover += [rest] if rest else []
        organizer = _strip_contacts(" ; ".join(names)).strip(" .:;-–")
        organizer = re.sub(r"^(?:la|le|les|l['’])\s*(?=[A-ZÀ-Ý])", "", organizer)   # « Organisé par la CAE … »
        organizer = name_of_structure(organizer)
        event.organizer = organizer or None
        links = " ".join(fields["organizer"])
        event.url = event.url or _first_url(links)
    co = []
    for value in fields.get("co_organizers", []):
        co += [c.strip(" .…") for c in re.split(r"\s*[,;]\s*", _strip_contacts(value.replace("\n", " ")))
               if c.strip(" .…")]
    if co:
        event.co_organizers = co
    if "partners" in fields:
        partners = "Partenariat : " + ", ".join(fields["partners"])
        event.description = f"{event.description}\n{partners}" if event.description else partners
    if "contact" in fields:
        event.contact = re.sub(r"\s+", " ", " ".join(fields["contact"])).strip(" -") or None
        event.url = event.url or _first_url(event.contact or "")
    event.url = event.url or _first_url(" ".join(fields.get("url", [])))
    for name in ("theme", "kind"):
        if fields.get(name) and not getattr(event, name):
            setattr(event, name, fields[name][0].replace("\n", " "))
    timed = " ".join(fields.get("infos", []) + fields.get("date", []) + fields.get("time", [])
                     + fields.get("end_time", []) + fields.get("price", []))
    if timed and dates.find_times(timed)[0]:
        event.start_time, event.end_time = dates.find_times(timed)
    practical = " ".join(fields.get("infos", []) + fields.get("time", []) + fields.get("price", []))
    if practical:
        event.price = price_of(practical) or (", ".join(fields["price"]) if "price" in fields else None)
        event.online = event.online or is_online(practical)
    place = [v for name in PLACE_FIELDS for v in fields.get(name, [])]
    if place:
        _apply_place(event, parse_place(", ".join(place), context.places, fuzzy=True), context)
    return leftover


# labelled fields that together say where (« Lieu : », « Adresse : », « Code postal : », « Ville : »)
PLACE_FIELDS = ("venue", "address", "postcode", "commune")


def _strip_contacts(text: str) -> str:
    text = _URL.sub(" ", text)
    text = _EMAIL.sub(" ", text)
    text = _PHONE.sub(" ", text)
    return re.sub(r"\s{2,}", " ", text).strip(" >-–")


def _contact_of(text: str) -> str | None:
    found = _EMAIL.findall(text) + [p.strip() for p in _PHONE.findall(text)]
    return " - ".join(dict.fromkeys(found)) or None


def _first_url(text: str) -> str | None:
    m = _URL.search(text or "")
    if not m:
        return None
    url = m.group(0).rstrip(".,;)")
    return url if url.lower().startswith("http") else f"https://{url}"


# ------------------------------------------------------------------ places

def _apply_place(event: Event, place, context: Context) -> None:
    if place is None:
        return
    event.venue = event.venue or place.venue
    event.address = event.address or place.address
    event.online = event.online or place.online
    if event.venue:
        event.venue = event.venue.strip(" -–—,")
    if place.to_be_set:
        event.warn("lieu à préciser selon le document", 0.1)
    if place.commune:
        _apply_commune(event, place.commune)


def _apply_commune(event: Event, found) -> None:
    if found.code:
        event.commune_code, event.commune_name = found.code, found.name
        if found.fuzzy:
            event.warn(found.warning(), 0.15)
    else:
        event.commune_name = found.query
        event.warn(found.warning() or f"commune « {found.query} » non reconnue : à préciser", 0.2)


def _finish(event: Event, context: Context) -> None:
    """What every event gets: the commune of a confirmed venue, and the flags for what is missing."""
    if not event.commune_code and event.venue:
        known = context.places.venue_commune(event.venue)
        if known:
            event.commune_code, event.commune_name = known
    if not event.commune_code and not event.online and not event.commune_name:
        if event.venue:
            event.warn(f"lieu « {event.venue} » sans commune : commune à confirmer", 0.15)
        else:
            event.warn("lieu non indiqué", 0.1)
    if not event.organizer:
        event.warn("organisateur non indiqué", 0.05)
    event.title = display_title(event.title.strip().rstrip(" .,;:").strip(), context.casing)


# ------------------------------------------------------------------ undated entries

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
        while lead < len(item) - 1 and _meta_line(item[lead], context) and not label_of(item[lead].text):
            lead += 1
        head = _with_meta(Head(), item[:lead], context)
        item = item[lead:]
        event = _prose_event(item[0].text, item[1:], head, context)
        if event.title:
            event.line = item[0].n
            event.warn("date à préciser : le document ne la donne pas encore", 0.4)
            vague = vague_when(item[0].text)
            if vague:
                event.warn(f"période indiquée sans date : « {vague} »")
            events.append(event)
    return events
