"""Stage 2 — date anchors: where a date opens an entry (« Mardi 7 novembre : … », « NOV. 18 », a table
row's date cell, « La MJC organise le 5 novembre un atelier »), and the year the document's dates are in."""

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from itertools import pairwise

from . import dates, keep
from .lines import Line, is_caps
from .prose import event_phrase, first_sentence, has_event_noun, names_an_event, verb_before
from .rows import cells_of
from .vocabulary import is_reference, label_of


@dataclass
class Anchor:
    at: int             # index in lines
    found: dates.DateMatch
    rest: str           # what the line says after the date (or around it, for a date inside a sentence)
    lead: str = ""      # words before the date (« À Lyon » in « À Lyon, le 5 novembre, … »)
    line: Line | None = None
    inside: bool = False
    table: bool = False  # a row of a table whose header names a date column
    form: str = "start"  # where the date sits: start, lead, cell, table, verb, sentence, other
    kept: bool = True    # the keep-or-drop stage's verdict, and its reason when dropped
    reason: str = ""


# « N° 31 – mardi 3 novembre 2015 »: a letter's issue and the day it went out
_ISSUE = re.compile(r"^\W*(?:n[°o]|num[ée]ro)\s*\d{1,4}\s*[–—,·|:-]\s*(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|"
                    r"dimanche)\s+)?\d{1,2}(?:er)?\s+\w+\.?\s+(?:19|20)\d\d\s*$", re.IGNORECASE)
# the label of a card's line that says when its event comes back
RECURS = re.compile(r"^\W*(?:r[ée]current|r[ée]currence|tous\s+les|toutes\s+les|chaque|les)\b", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?»])\s+(?=[A-ZÀ-Ý])")


_DROPPED = Anchor(0, None, "", kept=False)


_PARTICIPLES = {"consacr": "consacrée", "dedi": "dédiée", "reserv": "réservée"}


def dated_sentences(text: str) -> list:
    """« Le 5 novembre, X organise … Y propose le 8 novembre … » → one part per sentence that dates an
    event, wherever its date sits, with the sentences that follow it (and the sentences before the
    first one, if any); a sentence that lists dated clauses (« Le 7 sera consacré au travail, le 8 au
    vivre ensemble, … ») gives one part per clause."""
    if len(text) < 40 or text.count("|") >= 2:
        return [text]
    starts = [0] + _sentence_starts(text)
    pieces = [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]
    for k in range(1, len(pieces)):
        pieces[k] = with_antecedent(pieces[k], pieces[k - 1])
    text = "".join(pieces)
    starts = [0] + _sentence_starts(text)
    cuts = [at for at in starts[1:] if _dated(text[at:])]
    parts = [text[a:b].strip() for a, b in zip([0] + cuts, cuts + [len(text)])]
    return [clause for part in parts for clause in dated_clauses(part)]


# « SAM. 21 NOV. À 10:00 »: the dot of an abbreviated day or month ends no sentence
_ABBREVIATED = re.compile(r"\b(?:janv|f[ée]vr?|avr|juil|sept|oct|nov|d[ée]c|lun|mar|mer|jeu|ven|sam|dim)\.$", re.IGNORECASE)


def _sentence_starts(text: str) -> list:
    return [m.end() for m in _SENTENCE_BREAK.finditer(text) if not _ABBREVIATED.search(text, max(0, m.start() - 8), m.start())]


def _dated(text: str) -> bool:
    """True when the sentence `text` starts with holds a date: every dated sentence is a candidate of its own."""
    sentence = first_sentence(text)
    return bool(dates.match_date(sentence) or dates.search_dates(sentence, loose=True))


_CLAUSE_JOIN = re.compile(r"\s*(?:,\s*(?:et\s+|puis\s+)?|;\s*|\s+et\s+)$")


_COORDINATION = re.compile(r"\s*(?:,\s*(?:et|puis|tandis\s+que|alors\s+que)|;|\s+et|\s+puis)\s+(?=\S)", re.IGNORECASE)
_LIMIT_BEFORE = re.compile(r"(?:jusqu['’]\s*|avant\s+|d['’]ici\s+)$", re.IGNORECASE)


def coordinated_events(text: str) -> list:
    """« … avec l'inauguration le 8 novembre de la Coopérative X à Saint-Denis et mon troisième est plus
    sérieux avec une conférence le 14 novembre à Tremblay. » → one clause per event: a sentence whose dates
    each sit in their own clause, joined by « et », « , » or « ; », each clause naming an event."""
    sentence = first_sentence(text)
    found = dates.search_dates(sentence, loose=True)
    if len(found) < 2 or dates.match_date(sentence):
        return [text]
    if any(m.kind == "until" or _LIMIT_BEFORE.search(sentence[max(0, at - 20):at]) for at, m in found):
        return [text]
    cuts = []
    for (at, match), (nxt, _) in pairwise(found):
        joins = [m for m in _COORDINATION.finditer(sentence, at + match.end, nxt)]
        if not joins:
            return [text]
        cuts.append(joins[-1])
    bounds = [0] + [m.end() for m in cuts]
    ends = [m.start() for m in cuts] + [len(sentence)]
    clauses = [sentence[a:b].strip() for a, b in zip(bounds, ends)]
    if not all(has_event_noun(clause) for clause in clauses):
        return [text]
    return clauses[:-1] + [clauses[-1] + text[len(sentence):]]


def dated_clauses(text: str) -> list:
    """« Le 7 novembre sera consacré au travail, le 8 novembre au vivre ensemble, et le 9 à la
    consommation. » → one clause per date, each given the verb the first one shares with the others
    (« le 8 novembre sera consacré au vivre ensemble »). Other texts come back whole."""
    first = dates.match_date(text)
    if not first:
        return coordinated_events(text)
    found = [(0, first)] + [(at, m) for at, m in dates.search_dates(text) if at >= first.end]
    if len(found) < 2 or not all(_CLAUSE_JOIN.search(text[:at]) for at, _ in found[1:]):
        return [text]
    ends = [at for at, _ in found[1:]] + [len(text)]
    clauses = [_CLAUSE_JOIN.sub("", text[at:end].strip()) for (at, _), end in zip(found, ends)]
    shared = re.match(r"^\s*(?P<verb>(?:[^\s,]+\s+){0,3}?)(?=(?:à|au|aux|de|du|des|sur|pour)\s)", clauses[0][first.end:])
    verb = shared.group("verb").strip() if shared else ""
    out = [clauses[0]]
    for (_, m), clause in zip(found[1:], clauses[1:]):
        rest = clause[m.end:].strip()
        out.append(f"{clause[:m.end]} {verb} {rest}" if verb and re.match(r"^(?:à|au|aux|de|du|des|sur|pour)\s", rest)
                   else clause)
    return out


def anchor_of(line: Line, loose: bool = False) -> Anchor | None:
    """The date that opens an entry on a line, kept or dropped (`kept`, `reason`): at its start (« Mardi 7
    novembre : … », « Le 17 novembre, l'association X ouvre ses portes … »), in a cell of a row
    (« Atelier X | 14 novembre | 18h »), after a short lead (« Enfin, du 30 novembre au 2 décembre, le
    forum … »), inside a sentence after the verb that puts the event on (« La MJC organise le 5 novembre
    un atelier »); with `loose`, anywhere in a sentence (see `keep.judge_sentence`). None when the line
    holds no date."""
    if line.header is not None:
        return _table_anchor(line)
    text = _WHEN_LABEL.sub("", line.text)
    labelled = label_of(text) if text == line.text and ":" in text else None
    if labelled and labelled[0] == "date":
        text = labelled[1]          # « Date(s) de l'événement * : samedi 8 novembre »: a form's answer
    elif labelled and labelled[0] in ("repeat", "people", "period"):
        return None                 # « Repeat: Weekly on Wednesday until November 26 »: a detail of the entry above
    found = dates.match_date(text)
    if found:
        rest = text[found.end:]
        verdict = keep.judge_start(found, rest)
        themed = keep.THEMED_DAY.match(rest)
        if themed:      # « Le 8 novembre sera consacré au vivre ensemble » → « Journée consacrée au vivre ensemble »
            rest = f" : Journée {_PARTICIPLES[dates.fold(themed.group('verb'))]} {themed.group('what')}"
        return _judged(Anchor(0, found, rest), verdict)
    if keep.is_dateline(text):
        at, found = (dates.search_dates(text, loose=True) or [(0, None)])[0]
        return _judged(Anchor(0, found, ""), keep.Verdict(False, keep.PUBLISHED)) if found else None
    cells, strong = cells_of(text)
    if strong and len(cells) >= 3:
        # « Atelier X | 14 novembre | 18h | Lille »: a row whose date is one of its cells
        # (« mar. 22/10/2019 – 12h00 »: a day and its hours in one cell)
        # (« 02/11/2009 08:05 »: a record's stamp, when it was sent or saved, no event's day)
        dated = next((k for k, cell in enumerate(cells) if (found := dates.match_date(cell))
                      and not dates.strip_times(cell[found.end:]).strip(" ,–—-·")
                      and not re.fullmatch(r"\s*\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*", cell)), None)
        if dated is not None:
            found = dates.match_date(cells[dated])
            hours = cells[dated][found.end:].strip(" ,–—-·")
            # (a row's number, « 01 », and its amounts, « 12,50 », name nothing)
            rest = " | ".join(c for c in ([hours] if hours else []) + cells[:dated] + cells[dated + 1:]
                              if not is_reference(c) and not re.fullmatch(r"[\d\s.,]{1,12}", c.strip()))
            anchor = Anchor(0, found, f" | {rest}", form="cell")
            if any(keep.byline(cell) for cell in cells) and any(p.year for p in anchor.found.points):
                return _judged(anchor, keep.Verdict(False, keep.PUBLISHED))   # « Économie | 3 novembre 2015 | Par X »
            return anchor
    schedule = _SCHEDULE.match(text)
    found = dates.match_date(text[schedule.end():]) if schedule else None
    if found and not text[schedule.end() + found.end:].strip(" .:–—-|"):
        return Anchor(0, found, "")         # « GRILLE DU SAMEDI 19 NOVEMBRE »: the day's heading over its slots
    lead = _LEAD.match(text)
    if lead:
        found = dates.match_date(text[lead.end():])
        if found:
            rest = text[lead.end() + found.end:]
            return _judged(Anchor(0, found, rest, lead=lead.group("lead"), form="lead"),
                           keep.judge_lead(found, text, lead.end(), rest))
    titled = _TITLE_LEAD.match(text)
    found = dates.match_date(text[titled.end():]) if titled else None
    # (not a row of cells, « Soirée … — vendredi 3 novembre, 18h — salle …, Saint-Denis — Réseau … », read as such)
    if found and (has_event_noun(titled.group("lead")) or "«" in titled.group("lead")) \
            and not re.search(r"\s[–—|]\s", text[titled.end() + found.end:]):
        # « 📅 Forum emploi ESS à Lunel : mercredi 20 novembre, 9h–13h, … », « Table ronde « … » — mardi 26 novembre 18h »
        rest = text[titled.end() + found.end:]
        return _judged(Anchor(0, found, rest, lead=titled.group("lead"), form="lead"),
                       keep.judge_lead(found, text, titled.end(), rest))
    for at, found in dates.search_dates(text):
        before = text[:at]
        if at and found.kind != "until" and not re.search(r"[.!?]\s", before) and verb_before(before):
            rest = f"{before.rstrip(' ,')} {text[at + found.end:].lstrip(' ,')}"
            if names_an_event(rest):
                anchor = Anchor(0, found, rest.strip(), inside=True, form="verb")
                return _judged(anchor, keep.Verdict(False, keep.SPAN) if keep.whole_month(found) else keep.KEEP)
    return _titled_date(text) or (_sentence_anchor(text) if loose else _any_date(text))


def _titled_date(text: str) -> Anchor | None:
    """« Le tour de la finance solidaire à Poitiers du 5 au 21 novembre »: a heading line that ends with
    its date, whose words before the date title the event."""
    if len(text.split()) > 25 or re.search(r"[.!?;:]\s*$", text):
        return None
    found = dates.search_dates(text, loose=True)
    if len(found) != 1 or found[0][0] + found[0][1].end < len(text.rstrip(" ,–—-")) or found[0][0] < 10:
        return None
    at, match = found[0]
    anchor = Anchor(0, match, text[:at].strip(" ,–—-:"), inside=True, form="title")
    return _judged(anchor, keep.judge_titled(text, at, match))


def _judged(anchor: Anchor, verdict: keep.Verdict) -> Anchor:
    anchor.kept, anchor.reason = verdict.kept, verdict.reason
    return anchor


def _sentence_anchor(text: str) -> Anchor | None:
    """A sentence that names one date, wherever the date sits: « À Montreuil, la coopérative X organise
    mardi 6 novembre une soirée … », « Les 17 et 18 novembre, le salon X s'installe … »; kept when the
    sentence says an event happens and the date is not a limit, a past or a publication."""
    sentence = first_sentence(text)
    found = dates.search_dates(sentence, loose=True)
    if len(found) == 2 and _ONGOING.search(sentence[:found[0][0]]) and (
            found[1][1].kind == "until" or _UNTIL.search(sentence[:found[1][0] + 12])):
        return _ongoing(text, sentence, found)
    if len(found) != 1:
        return _any_date(text)
    at, match = found[0]
    before, after = sentence[:at], sentence[at + match.end:]
    told = f"{before.rstrip(' ,')} {after.lstrip(' ,')}".strip()
    end = text.find(sentence) + len(sentence)
    anchor = Anchor(0, match, f"{told}{text[end:]}".strip(), inside=True, form="sentence")
    return _judged(anchor, keep.judge_sentence(sentence, at, match))


# « Elle a débuté le 5 novembre … jusqu'au 21 novembre »: an event under way when the article was written
_ONGOING = re.compile(r"\b(?:(?:a|ont|avait)\s+(?:d[ée]but[ée]|commenc[ée]|d[ée]marr[ée]|ouvert)\s*(?:le|dès\s+le)?|depuis(?:\s+le)?)\s*$",
                      re.IGNORECASE)
_UNTIL = re.compile(r"jusqu['’]\s*au\s+(?:\w+\s+)?\d", re.IGNORECASE)


def _ongoing(text: str, sentence: str, found: list) -> Anchor:
    """An event started on the first date and running until the second: one span, the sentence around it."""
    (at, start), (until_at, until) = found
    span = dates.DateMatch(start.points + until.points, "range", start.end, f"{start.text} {until.text}")
    told = f"{sentence[:at].rstrip(' ,')} {sentence[at + start.end:until_at]}".strip()
    end = text.find(sentence) + len(sentence)
    return Anchor(0, span, f"{told}{text[end:]}".strip(), inside=True, form="sentence")


_PRONOUN = re.compile(r"^(?:elle|il|celle-ci|celui-ci|l['’]op[ée]ration|l['’][ée]v[ée]nement|la\s+manifestation)\s+",
                      re.IGNORECASE)
_NAMED = re.compile(r"«\s*([^»]{3,80}?)\s*»|\"([^\"]{3,80})\"|“([^”]{3,80})”")


def with_antecedent(sentence: str, before: str) -> str:
    """« … organisent une « Semaine de la finance solidaire ». Elle a débuté le 5 novembre … » → the
    pronoun that opens a dated sentence replaced by the event the sentence before names (in quotes,
    or its event phrase)."""
    m = _PRONOUN.match(sentence)
    if not m or not dates.search_dates(sentence, loose=True):
        return sentence
    quoted = _NAMED.search(before)
    name = next(g for g in quoted.groups() if g) if quoted else event_phrase(before)
    return f"{name} {sentence[m.end():]}" if name else sentence


def _any_date(text: str) -> Anchor | None:
    """The first date of a line that opens nothing: a candidate, dropped."""
    found = dates.search_dates(text, loose=True)
    if not found:
        return None
    at, match = found[0]
    anchor = Anchor(0, match, text[at + match.end:].strip(" ,"), inside=True, form="other")
    return _judged(anchor, keep.Verdict(False, keep.NO_EVENT))


# (« prévu 16/11 réalisé 23/11 »: a report's table, the day it was held)
# (« ~~20 novembre~~ Reporté 22 novembre »: the status word right before the new date)
_MOVED_CELL = re.compile(r"\b(?:report[ée]e?|d[ée]cal[ée]e?|avanc[ée]e?|d[ée]plac[ée]e?)\s*:?\s+(?:(?:au|à)\s+|"
                         r"(?=\d|(?:lun|mar|mer|jeu|ven|sam|dim)))|\bnouvelle\s+date\s*:?\s*|"
                         r"\br[ée]alis[ée]e?\s+(?:le\s+)?(?=\d|(?:lun|mar|mer|jeu|ven|sam|dim))", re.IGNORECASE)


def _table_anchor(line: Line) -> Anchor | None:
    """The date of a table row, from its date (and end date) columns."""
    written = " au ".join(cell for cell, name in zip(line.cells, line.header.fields)
                          if name in ("date", "end") and cell)
    written = _MOVED_CELL.split(written)[-1]     # « Mar. 25/11 REPORTÉE AU Jeu. 27/11 »: its new date
    found = dates.match_date(written) if written else None
    if found is None:
        return None
    said = " ".join(cell for cell, name in zip(line.cells, line.header.fields) if name not in ("date", "end"))
    anchor = Anchor(0, dates.weekly_within(found, said), "", table=True, form="table")
    status = " ".join(cell for cell, name in zip(line.cells, line.header.fields) if name == "status")
    struck = keep.cancelled(status) or any(keep.cancelled_cell(cell) or keep.struck_after(cell) for cell in line.cells)
    return _judged(anchor, keep.Verdict(False, keep.CANCELLED)) if struck else anchor


_NO_DATE = dates.DateMatch([], "single", -1)
# what may stand before a date line's date: a label or a calendar sign (« Date : », « Quand : », « 📅 »)
_WHEN_LABEL = re.compile(r"^(?:(?:dates?|quand|jours?|horaires?)\s*:\s*|[📅🗓📆⏰🕐-🕧⌚]\ufe0f?\s*)", re.IGNORECASE)
# a few words and a comma, colon or dash before a date (« Enfin, », « Au programme : », « Toulouse — »)
# the heading of a day's timetable: « GRILLE DU SAMEDI 19 NOVEMBRE », « Programme du mardi 8 novembre »
_SCHEDULE = re.compile(r"^(?:grille|programme|planning|horaires|d[ée]roul[ée])\s+(?:du|de\s+ce)\s+", re.IGNORECASE)
_LEAD = re.compile(r"^(?P<lead>(?:[^\s,.;:!?–—]+\s+){0,3}[^\s,.;:!?–—]+)\s*(?:[,:]|\s[–—-])\s*")
# an event's title, then its date after a colon or a dash (up to twelve words, no sentence's end)
_TITLE_LEAD = re.compile(r"^(?P<lead>[^.!?:;–—]{3,120}?)\s*(?::|\s[–—])\s*")


# a short line of a few words with no closing punctuation: a heading over a paragraph
_HEADING = re.compile(r"^(?:\S+\s+){0,7}\S+$")
_ENDS_SENTENCE = re.compile(r"[.!?…]\s*[»\"”]?\s*$")


_RULE = re.compile(r"[\W_]{3,}")
_FOLIO = re.compile(r"\d{1,2}\s*/\s*\d{1,2}")
# the months a Mois de l'ESS programme dates its entries in, from the call for entries to the last echoes
_SEASON = {9, 10, 11, 12, 1}


def find_candidates(lines: list) -> list:
    """Every line's date reading, kept or dropped with its reason (`keep`). A date in the middle of a
    sentence counts only in a sentence that opens a paragraph (not in a description that carries an
    entry on)."""
    out, heading, dated = [], None, False
    for i, line in enumerate(lines):
        # a date already opened this paragraph (a rule « ------ » closes one too)
        dated = dated and not line.blank and not _RULE.fullmatch(line.text)
        if line.blank or len(line.text) > 5000:
            continue
        opens = i == 0 or lines[i - 1].blank or lines[i - 1].n == line.n or _ENDS_SENTENCE.search(lines[i - 1].text) \
            or _HEADING.match(lines[i - 1].text) and line.text[:1].isupper() \
            or line.bullet or re.search(r"[:;]\s*$", lines[i - 1].text)     # an item of a list: a sentence of its own
        anchor = anchor_of(line, loose=opens)
        if anchor is None:
            continue
        anchor.at, anchor.line = i, line
        if anchor.kept:
            _judged(anchor, keep.judge_in_place(anchor, line.text, heading))
        if anchor.kept and keep.posted_by(line.text):
            _judged(anchor, keep.Verdict(False, keep.PUBLISHED))
        if anchor.kept and _FOLIO.fullmatch(line.text) and anchor.found.points[0].month not in _SEASON:
            _judged(anchor, keep.Verdict(False, keep.NO_TITLE))     # « 1/2 » at a page's foot: its number
        if anchor.kept and line.moved and dated and lines[i - 1].n != line.n:
            _judged(anchor, keep.Verdict(False, keep.MOVED))    # a sticker under a dated entry's details: its new day
        dated = dated or anchor.kept
        if anchor.kept and (i < 5 and dates.is_masthead(line.text) or _ISSUE.match(line.text)):
            _judged(anchor, keep.Verdict(False, keep.PUBLISHED))     # the paper's own date on its folio line
        if (anchor.kept or anchor.reason == keep.NO_TITLE) and heading is not None and not anchor.inside \
                and not anchor.table and line.header is None and _when_line(anchor, heading, lines):
            anchor.kept, anchor.reason = False, keep.SAME_DAY
        if anchor.kept and heading is not None and _schedule_line(anchor, heading, lines):
            anchor.kept, anchor.reason = False, keep.SAME_DAY
        if anchor.kept and i + 1 < len(lines) and keep.byline(lines[i + 1].text) \
                and any(p.year for p in anchor.found.points):
            _judged(anchor, keep.Verdict(False, keep.PUBLISHED))      # « Contenu | Fresnes | 07/11/2021 » / « Par »
        out.append(anchor)
        if anchor.kept and not anchor.inside:
            heading = anchor if not anchor.rest.strip(" .:–—-|,") else None
    _fill_months(out)
    _drop_titles_of_records(out, lines)
    _drop_period_headings(out, lines)
    _drop_restated_spans(out, lines)
    _drop_news_items(out, lines)
    past, related = keep.past_lines(lines), keep.related_lines(lines)
    mail = keep.mail_header_lines(lines)
    for anchor in out:
        if anchor.kept and anchor.at in mail:
            _judged(anchor, keep.Verdict(False, keep.PUBLISHED))
        elif anchor.kept and anchor.at in past:
            _judged(anchor, keep.Verdict(False, keep.PAST))
        elif anchor.kept and anchor.at in related:
            _judged(anchor, keep.Verdict(False, keep.RELATED))
    return out


def _when_line(anchor, heading, lines: list) -> bool:
    """« 5 novembre 2013 @ 18 h 30 min - 22 h 00 min » under a card's badge « NOV. 5 » and its title: the
    card's day written again with its hours, not an entry of its own. A last day written after the hours
    (« 12 novembre 2013 @ 11 h 00 min - 23 novembre 2013 @ 19 h 00 min ») becomes the end of the card's run."""
    if not 0 < anchor.at - heading.at <= 4 or any(line.blank for line in lines[heading.at:anchor.at]):
        return False
    points = dates.day_with_hours(lines[anchor.at].text)
    first = heading.found.points[0]
    if not points or (points[0].day, points[0].month) != (first.day, first.month):
        return False
    last = points[-1]
    if len(heading.found.points) == 1 and (last.day, last.month) != (first.day, first.month):
        heading.found = replace(heading.found, points=[first, last], kind="range")
    return True


def _drop_titles_of_records(anchors: list, lines: list) -> None:
    """« Intitulé de l'événement : Bourse aux vélos du 29/11 » over « Date(s) de l'événement : samedi 29
    novembre »: a record's title may name its day; the record's date field says it, once."""
    for anchor in anchors:
        label = label_of(anchor.line.text) if anchor.kept and anchor.line is not None else None
        if label and label[0] == "title" and any(
                (found := label_of(line.text)) and found[0] == "date" for line in lines[anchor.at + 1:anchor.at + 7]):
            anchor.kept, anchor.reason = False, keep.SAME_DAY


def _schedule_line(anchor, heading, lines: list) -> bool:
    """« Récurrent : les jeudis 4, 18 et 25 novembre, 9h30 - 12h30 » under a card's badge « jeu. 04 nov. » and
    its title: the days the card's event comes back, not an entry of its own. The card takes those days."""
    if not 0 < anchor.at - heading.at <= 6 or any(line.blank for line in lines[heading.at:anchor.at]) \
            or anchor.found.kind != "list" or len(heading.found.points) != 1 or not RECURS.match(anchor.line.text):
        return False
    first, points = heading.found.points[0], anchor.found.points
    if (points[0].day, points[0].month or first.month) != (first.day, first.month):
        return False
    heading.found = replace(heading.found, points=[replace(p, month=p.month or first.month) for p in points],
                            kind="list")
    return True


def _drop_period_headings(anchors: list, lines: list) -> None:
    """« du lundi 14 au dimanche 20 novembre » alone on its line under a heading, right over « LUNDI 14 »,
    « MARDI 15 » …: the period an agenda covers, whose days are listed under it, is no event of its own
    (a range under an event's title is that event's span)."""
    kept = [a for a in anchors if a.kept and not a.inside]
    for k, anchor in enumerate(kept):
        points = anchor.found.points
        if anchor.found.kind != "range" or anchor.rest.strip(" .:–—-|,") or None in (points[0].month, points[-1].month):
            continue
        above = next((line for line in reversed(lines[:anchor.at]) if not line.blank), None)
        if above is not None and not is_caps(above.text) or k + 1 == len(kept) or kept[k + 1].at - anchor.at > 6:
            continue
        first, last = (points[0].month, points[0].day), (points[-1].month, points[-1].day)
        inner = [a for a in kept[k + 1:k + 4] if a.found.kind == "single" and a.found.points[0].month
                 and first <= (a.found.points[0].month, a.found.points[0].day) <= last]
        if len(inner) >= 2:
            _judged(anchor, keep.Verdict(False, keep.PERIOD))


def _drop_restated_spans(anchors: list, lines: list) -> None:
    """« sam. 15 nov.   Toute la journée – Salon … » over « Date : sam. 15 nov. 2014 – dim. 16 nov. 2014 »: a printed
    calendar's field that gives the whole span of the entry above it is that entry's span, no entry of its own."""
    kept = [a for a in anchors if a.kept]
    for above, anchor in pairwise(kept):
        points = anchor.found.points
        if anchor.found.kind != "range" or not SPAN_FIELD.match(lines[anchor.at].text) or anchor.at - above.at > 2 \
                or None in (points[0].month, points[-1].month) or above.found.points[0].month is None:
            continue
        day = (above.found.points[0].month, above.found.points[0].day)
        if (points[0].month, points[0].day) <= day <= (points[-1].month, points[-1].day):
            _judged(anchor, keep.Verdict(False, keep.SAME_DAY))


# « Date : … », « Dates : … », « Quand : … »: an entry's field that gives its days
SPAN_FIELD = re.compile(r"^\s*(?:dates?|quand)\s*:\s*", re.IGNORECASE)


def _drop_news_items(anchors: list, lines: list) -> None:
    """The dated items of a news list (under « Actualités ») whose text is an article are not events."""
    news = keep.news_lines(lines)
    if not news:
        return
    kept = [a for a in anchors if a.kept]
    for anchor, nxt in zip(kept, kept[1:] + [None]):
        if anchor.at in news and keep.news_item(anchor, lines[anchor.at:nxt.at if nxt else len(lines)]):
            _judged(anchor, keep.Verdict(False, keep.NEWS))


def _fill_months(anchors: list) -> None:
    """« Mercredi 3 novembre … Mercredi 4, … »: a day written without its month is in the month of the
    date before it that heads an entry or frames the calendar (« Du 1er au 30 novembre »), else in November
    (the month of the Mois de l'ESS). A date inside a description (« REPORTÉ AU SAMEDI 3 DÉCEMBRE ») does
    not move the days after it."""
    month = None
    for anchor in anchors:
        frames = (anchor.kept and not anchor.line.moved) or anchor.reason in (keep.SPAN, keep.PERIOD)
        frames = frames and all(p.month in _SEASON for p in anchor.found.points if p.month)
        for point in anchor.found.points:
            if point.month is None:
                point.month, point.guessed = month or 11, True
            elif frames:
                month = point.month


def find_anchors(lines: list) -> list:
    """The anchors that open entries: the candidates the keep-or-drop stage kept."""
    return [a for a in find_candidates(lines) if a.kept]


def choose_year(text: str, anchors: list, edition=None, today_year=None) -> tuple:
    """(year, how, warnings): --edition, else the year the document names, else the year whose
    calendar agrees with the written weekdays (among equals, the article's own year, then the years it
    names), else the year of the article's own date (dateline, « Publié le », a stamp « 02.11.2010,
    05:04 »), else the current year (flagged). `anchors`: every date candidate, kept or dropped."""
    today_year = today_year or dt.date.today().year
    named = dates.document_year(text)
    if edition:
        warnings = []
        if named and named != edition:
            warnings.append(f"le document parle de {named} mais l'édition {edition} a été demandée : "
                            f"dates lues en {edition}")
        return int(edition), "edition", warnings
    kept = [a.found for a in anchors if a.kept]
    if named:
        # « Née sous l'impulsion du Mois de l'ESS 2020 … samedi 20 novembre »: of the editions a document
        # names, the one its weekdays fit
        # the year after the one named, too: « le forum du 10 novembre 2022 avait réuni … » in 2023's minutes
        written = [p.year for f in kept for p in f.points if p.year and (p.month or 0) >= 9]
        years = list(dict.fromkeys(dates.edition_years(text) + written + [named + 1]))
        fitting = dates.weekday_year(kept, years, prefer=[named])
        return fitting or named, "document", []
    # « Le 14/11/2023 de 9 h à 12 h » … « les 21 et 28 novembre »: the year its autumn events write (a
    # « save the date » in January is the next year's)
    written = Counter(p.year for a in anchors if a.kept for p in a.found.points if p.year and (p.month or 0) >= 9)
    if written:
        year = written.most_common(1)[0][0]
        return year, "events", [f"année {year} lue dans les dates du document"]
    stamps = [p.year for a in anchors if a.reason == keep.PUBLISHED for p in a.found.points if p.year]
    # a programme is read once written: no year after the current one
    guessed = dates.weekday_year(kept, range(2008, today_year + 1),
                                 prefer=[dates.article_year(text), *stamps, *dates.years_named(text)])
    if guessed:
        return guessed, "weekday", [(f"année {guessed} déduite des jours de la semaine : précisez --edition "
                                    "si ce n'est pas la bonne")]
    published = dates.article_year(text) or (stamps[0] if stamps else None)
    if published:
        return published, "article", [(f"année {published} déduite de la date de l'article : précisez --edition "
                                       "si ce n'est pas la bonne")]
    alone = set(dates.years_named(text))
    if len(alone) == 1:         # « NOVEMBRE DE L'ESS DANS LE TARN » / « 2022 »: a poster's one year, on a line of its own
        year = alone.pop()
        return year, "named", [f"année {year} lue dans le document : précisez --edition si ce n'est pas la bonne"]
    return today_year, "default", [(f"aucune année trouvée dans le document : {today_year} supposée, "
                                   "précisez --edition")]
