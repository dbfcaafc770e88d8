"""A programme's text → events, as a pipeline of named stages:

1. lines (`lines.read_lines`, `lines.mark_tables`): the text as lines, bullets and table rows known;
2. date anchors (`anchors.find_anchors`, `anchors.choose_year`): where a date opens an entry, and the year;
3. entries (`entries.parse_entry`): each anchor's block read by the reader of its layout — a sentence
   or list item (`items`), a brochure entry (`brochure`), an agenda or table row (`agenda`);
4. fields (`fields`): place, times, price, organiser, contact, from labelled fields and from the text.

Entries listed under « dates à préciser » come out undated and flagged.
"""

import bisect
import datetime as dt
import re
from dataclasses import replace

from . import dates, keep
from .aliases import document_aliases
from .amend import amended
from .anchors import choose_year, dated_sentences, find_candidates
from .brochure import kind_badge, learn_rubrics, learn_themes, status_badge
from .casing import learn_casing
from .chats import unchatted, unslacked
from .context import Context
from .entries import TOLD, parse_entry, split_rest
from .fields import PHONE
from .flat_tables import unflatten
from .gantt import ungantted
from .grids import joined_rows, ungrid
from .head import OPENING_HOURS, is_row
from .items import doubtful_events, time_alone, timed_item, undated_entries
from .legends import spelled_out, without_private
from .lines import FORMERLY, LIST_HEADING, Line, is_caps, mark_tables, read_lines
from .memos import unmemoed
from .places import (
    POSTCODE_NAME,
    Places,
    Resolved,
    commune_cell,
    communes_in_prose,
    is_address,
    is_online,
    opens_online,
    parse_place,
    venue_start,
)
from .prose import explicit_organiser, has_event_noun
from .rows import is_pinned, mapped_row
from .subtitles import unsubtitled
from .vocabulary import canonical_kind, field_of_label, kind_in, label_of, price_of

_UNDATED = re.compile(r"dates?\s+(?:à|a)\s+(?:pr[ée]ciser|d[ée]finir|venir|confirmer|d[ée]terminer|fixer)|"
                      r"en\s+(?:cours\s+de\s+)?construction|non\s+dat[ée]e?s|sans\s+date|date\s+non\s+fix[ée]e",
                      re.IGNORECASE)


# A run of spaces wider than a page's widest gap between two columns says no more than that gap; cut to it, since
# the patterns that look for words after spaces try each start in a run (a 50,000-space run took minutes).
_WIDEST_GAP = 160
_SPACES = re.compile(rf"[ \t]{{{_WIDEST_GAP + 1},}}")


def parse_text(text: str, places: Places, edition=None, year_hint=None) -> tuple:
    """(events, year, warnings) of a programme's text, with communes resolved through `places`.
    `year_hint`: the edition named where it is not content (a PDF's running header)."""
    text = unflatten(ungrid(joined_rows(ungantted(unslacked(unchatted(spelled_out(without_private(unmemoed(unsubtitled(_SPACES.sub(" " * _WIDEST_GAP, text)))))))))))
    places = places.with_aliases(document_aliases(text, lambda name: _sure_commune(name, places)))
    lines = mark_tables(read_lines(dates.with_month_of_bare_days(dates.with_next_days(dates.with_relative_days(dates.with_weekdays_first(dates.with_spoken_numbers(text))))), cut=dated_sentences))
    candidates = find_candidates(lines)
    anchors = [a for a in candidates if a.kept]
    year, _how, warnings = choose_year(text, candidates, edition or year_hint)
    if year_hint and not edition:
        warnings = []
    context = Context(places, year, learn_themes(lines, anchors), learn_casing(text),
                      rubrics=learn_rubrics(lines, anchors))
    for line in lines:
        if line.header is not None:
            context.rows[line.text] = mapped_row(line.cells, line.header.fields, places)
    events, dropped, put_off = [], [], []
    sessions = _sessions(anchors, lines, context)
    events.extend(e for found in sessions.values() for e in found)
    anchors = [a for a in anchors if a.at not in sessions]
    # a post's stamp alone on its line (« 2 novembre 2017 · ») stands over the post as a blank line would
    stamps = {a.at for a in candidates if a.reason == keep.PUBLISHED and a.form == "start" and len(lines[a.at].text) <= 40}
    titles = _titles_above([Line(line.n, "", line.indent, False) if i in stamps else line for i, line in enumerate(lines)],
                           anchors, context)
    titles = {**_dates_last(lines, anchors), **titles}
    bounds = [titles.get(k, a.at) for k, a in enumerate(anchors)] + [len(lines)]
    undated_from = [i for i, line in enumerate(lines) if _is_undated_header(line)]
    undated_items = [i for i, line in enumerate(lines) if _UNDATED_ITEM.match(line.text)]
    sections = _section_organisers(lines)
    related = keep.related_lines(lines)
    stops = undated_from + undated_items + keep.news_starts(lines) + [a.at for a in candidates if a.reason == keep.NEWS]
    stops += [i for i in related if i - 1 not in related]
    stops += list(sections)
    stops += [a.at for a in candidates if a.table and not a.kept]     # a table's dropped row (« ANNULÉ ») is its own
    stops += [i for i, line in enumerate(lines) if keep.posted_by(line.text)]     # a post's byline ends it
    stops += list(stamps)       # and so does the next post's stamp
    stops += [i for i, line in enumerate(lines) if _PAGINATION.match(line.text)]   # « 15 résultats · Page 1 / 1 »
    # « SEMAINE 45 | du lundi 6 au dimanche 12 novembre »: a week's heading ends the day before it
    stops += [a.at for a in candidates if not a.kept and a.found.kind == "range" and len(lines[a.at].text) <= 80
              and a.reason in (keep.NO_TITLE, keep.PERIOD)]
    # « INFOS PRATIQUES », « ACCÈS », « PARTENAIRES »: the practical section after the programme ends its last entry
    stops += [i for i, line in enumerate(lines) if i and lines[i - 1].blank and _PRACTICAL.match(line.text)]
    # « ━━━━━━━━ » after a blank line (the foot of a poster), « — SEMAINE 2 — »: a rule or a framed heading ends the
    # entry above it
    stops += [i for i, line in enumerate(lines) if i and lines[i - 1].blank and (
        _RULE_OR_FRAME.fullmatch(line.text.strip()) or _WEEKLY_HEADING.match(line.text.strip()))]
    # « Lire la suite → » closes a post's excerpt: what follows is the next post's
    stops += [i for i, line in enumerate(lines) if _READ_MORE.fullmatch(line.text.strip())]
    # « 51 | MARNE », « 08 – ARDENNES »: a département's heading after a blank line ends the entry above it
    index = context.places.index
    stops += [i for i, line in enumerate(lines) if i and lines[i - 1].blank and index
              and (heading := _DEPARTMENT_HEADING.match(line.text)) and index.names_a_department(heading.group("name"))]
    for k, anchor in enumerate(anchors):
        end = min([bounds[k + 1]] + [u for u in stops if u > anchor.at])
        block = lines[titles[k] + 1:anchor.at] + lines[anchor.at + 1:end] if k in titles else lines[anchor.at + 1:end]
        if block and end < len(lines) and not block[-1].blank and block[-1].n == lines[end].n:
            block = block[:-1]      # « PAU. » cut from « PAU. Ciné-débat …, mardi 14 novembre »: the next entry's
        if k + 1 in titles and all(line.blank for line in block) and anchors[k + 1].found.points == anchor.found.points:
            # « Albi — mardi 8 novembre » heading an entry written title first on the same day
            anchors[k + 1].rest = f"{anchor.lead} {anchor.rest} {anchors[k + 1].rest}"
            continue
        if keep.struck_out(dates.strip_times(anchor.rest), block) or anchor.at > 0 and not k in titles \
                and keep.cancelled_cell(lines[anchor.at - 1].text) and "|" not in lines[anchor.at - 1].text:
            continue        # (« ANNULÉ » written over the date line, as a card's badge)
        if k in titles and keep.struck_out((label_of(lines[titles[k]].text) or ("", lines[titles[k]].text))[1], []):
            continue        # « Intitulé : ANNULATION – Bourse aux vélos » above the date
        if k in titles and titles[k] and keep.cancelled_cell(lines[titles[k] - 1].text):
            continue        # « Événement annulé » over a card's title
        if keep.struck_after(anchor.rest):
            put_off.append(lines[anchor.at])
            continue
        found = parse_entry(anchor, block, context, lines[titles[k]] if k in titles else None)
        found = [e for e in found if re.search(r"[^\W\d_]{2}", e.title or "")]   # « 2 nov. · 🌍 » names nothing
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
    events, off = in_season(events, year)
    warnings += off
    if not events and candidates:
        events = [e for a in candidates for e in doubtful_events(a, context)]
        warnings.append("aucun événement sûr dans ce document : ses dates sont proposées avec une confiance faible, "
                        "chacune avec la raison du doute ; vérifiez-les avant d'enregistrer")
    for line in dropped:
        warnings.append(f"ligne {line.n + 1} : une date sans intitulé d'événement (« {_shortened(line.text)} ») "
                        "n'a pas été retenue : à vérifier")
    for line in put_off:
        warnings.append(f"ligne {line.n + 1} : événement annulé ou reporté après l'édition (« {_shortened(line.text)} »), "
                        "non retenu")
    events, aside = set_aside(events)
    warnings += aside + _marked_only(events, text) + _ess_rubric_only(events, lines, context.places)
    _before_publication(events, candidates, year)
    _paragraph_commune(events, lines, context)
    _venue_addressed(events, text, context)
    _same_venue_commune(events)
    _container_commune(events)
    events = _dated_parts(events, lines)
    events, changed = amended(events, lines, year)
    warnings += changed
    events = _within_runs(_merged_repeats(events, lines))
    _keyed_venues(events, lines, context)
    _section_place(events, lines, context)
    _heading_commune(events, lines, context)
    _default_commune(events, text, context)
    _home_commune(events, text, context)
    _only_commune(events, text, context)
    for at, organiser in sections.items():
        nxt = min([k for k in sections if k > at] + [len(lines)])
        first, last = lines[at].n, lines[nxt].n if nxt < len(lines) else float("inf")
        for event in events:
            if first < (event.line or 0) < last and not event.organizer:
                event.organizer = organiser
                event.warnings = [w for w in event.warnings if w != "organisateur non indiqué"]
    events.sort(key=lambda e: e.line or 0)
    for position, event in enumerate(events):
        event.position = position
    return events, year, warnings


def _shortened(text: str, most: int = 90) -> str:
    """A line quoted in a warning: whole, or cut at a word with « … »."""
    return text if len(text) <= most else text[:most].rsplit(" ", 1)[0] + " …"


def _sure_commune(name: str, places: Places):
    found = places.commune(name)
    return found if found is not None and found.code else None


def _titles_above(lines: list, anchors: list, context: Context) -> dict:
    """{anchor rank: line index} of entries written title first: a short line after a blank line,
    right above a date line that names nothing and is followed by details only (« Atelier X » then
    « 📅 mardi 8 novembre, 14h », « 📍 … »)."""
    def shouted(i):
        return is_caps(lines[i].text) and not _place_heading(lines[i].text, context.places) \
            and not LIST_HEADING.fullmatch(lines[i].text.strip())
    found = {}
    for k, anchor in enumerate(anchors):
        # (« Date modifiée », « Complet » between a card's title and its date line: a badge)
        above = [i for i in range(anchor.at - 1, max(-1, anchor.at - 4), -1)
                 if not lines[i].blank and not status_badge(lines[i].text)]
        # a heading in capitals may stand two blank lines above (a banner's edge, then a blank line)
        above = [i for i in above if i >= anchor.at - 2 or is_caps(lines[i].text)]
        if anchor.table or not above or (k and above[0] <= anchors[k - 1].at):
            continue
        i = above[0]
        if lines[i].header is not None or commune_cell(lines[i].text, context.places) and not label_of(lines[i].text):
            continue        # (« Turckheim » over its day's entries: where, not what)
        if any(found.kind in ("range", "list") for _, found in dates.search_dates(lines[i].text, loose=True)):
            continue        # « SEMAINE 45 | du lundi 6 au dimanche 12 novembre » over « LUN. 6 »: the week's heading
        labelled = _labelled_title_above(lines, anchor.at, anchors[k - 1].at if k else -1, k - 1 in found)
        if labelled is not None:
            found[k] = labelled
            continue
        if i < anchor.at - 1 and any(line.blank for line in lines[i + 1:anchor.at]) and i and not lines[i - 1].blank:
            continue        # (« CONFÉRENCE … », blank, « 10.11 »: the last line of the entry above, not a title standing alone)
        if _card_title(lines, i, anchor) or _outlined(lines, i, anchor) or _hanging(lines, i, anchor):
            found[k] = i
            continue
        # above the title, a blank line or a heading in capitals (« >> TOUT LE MOIS »)
        # a bullet titles the date line indented under it (« ▸ Visite guidée … » over «   Samedi 18 novembre · 10:30 »)
        hung = lines[i].bullet and anchor.line is not None and not anchor.line.bullet and i == anchor.at - 1 \
            and anchor.line.indent > lines[i].indent and not dates.strip_times(anchor.rest).strip(" ·|,–—-") \
            and has_event_noun(lines[i].text)
        # a bullet titles the date line right under it when that line is no bullet (« > Troc'livres » over
        # « samedi 27 novembre, 10h-16h – … »)
        bulleted = lines[i].bullet and i == anchor.at - 1 and anchor.line is not None and not anchor.line.bullet
        # (« EXPOSITION · Mois de l'ESS » over the title: a card's category)
        # (« Événement annulé » or « Complet » over a card's title: its badge)
        # (« Publié le 24/10/2025 · Mois de l'ESS » / « Table ronde « … » à Vincennes » / « Le jeudi 20 novembre, … »:
        # a post's stamp, its title, then its text that opens on the day)
        stamped = i == anchor.at - 1 and i and _POST_STAMP.match(lines[i - 1].text) and anchor.form == "start"
        if not (hung or (i == 0 or lines[i - 1].blank or is_caps(lines[i - 1].text) or kind_badge(lines[i - 1].text)
                         or stamped
                         or keep.cancelled_cell(lines[i - 1].text) or status_badge(lines[i - 1].text))
                and (not lines[i].bullet or bulleted)) \
                or not (_title_like(lines[i].text) or shouted(i) and has_event_noun(lines[i].text)):
            continue        # (« MARCHÉ SOLIDAIRE » names a place too, in capitals it titles)
        nxt = anchors[k + 1].at if k + 1 < len(anchors) else len(lines)
        # « 🍲 Vente à emporter solidaire » over « Vendredi 20 novembre, de 11h30 à 14h – devant … »: a card's
        # title, marked by its pictograph, whatever the date line goes on to say
        pictured = _PICTURED.match(lines[i].text) and _title_like(lines[i].text) and i == anchor.at - 1 \
            and (i == 0 or lines[i - 1].blank) and anchor.form == "start" and not anchor.line.bullet
        # « EXPOSITION · Mois de l'ESS » / « Exposition « … » » / « 🕑 Du 12/11 au 24/11 – du mardi au samedi »:
        # a card's category, its title, then when
        carded = i == anchor.at - 1 and i and kind_badge(lines[i - 1].text) and (i < 2 or lines[i - 2].blank) \
            and not has_event_noun(dates.strip_times(anchor.rest))
        if hung or pictured or carded:        # the layout says it: what is under the title is its entry
            found[k] = i
            continue
        after_at = next((j for j in range(anchor.at + 1, nxt) if not lines[j].blank), None)
        # (« Atelier … » / « mer. 8 nov. · 17h » / blank / « Troc … » / « sam. 11 nov. »: the next card's title)
        after = None if after_at is None or after_at == nxt - 1 > anchor.at + 1 and k + 1 < len(anchors) \
            and lines[after_at - 1].blank else lines[after_at]
        said = dates.strip_times(anchor.rest).strip(" ·|,–—-:→>")
        # what the date line leads to: its own title (in capitals, with an event noun, a row « COMMUNE — Titre »,
        # items indented under a day's heading)
        titled_below = after is not None and (is_caps(after.text) or is_row(after, context) or not _detail_line(after.text)
                                              and (has_event_noun(after.text) or "«" in after.text)
                                              or anchor.line is not None and after.indent > anchor.line.indent)
        alone = i == 0 or lines[i - 1].blank
        if shouted(i) and alone and (not said or is_online(said) and len(said.split()) <= 3) and not titled_below:
            found[k] = i        # a title in capitals over a date line that says nothing else (not « TEMPS FORTS »
            continue            # over a date line and the event's own title)
        if bulleted and after is not None and not after.bullet:
            after = None        # a lone bullet over the date line: the layout says it, whatever follows
        # under the date line, a sentence closed by its full stop describes the event titled above
        described = after is not None and re.search(r"[.!]\s*$", after.text) and len(after.text.split()) >= 4 \
            and not after.bullet and (has_event_noun(lines[i].text) or "«" in lines[i].text)
        if after is not None and not described and not (
                (_detail_line(after.text) or re.match(r"^[a-zà-ÿ(]", after.text)) and not after.bullet
                and not timed_item(after.text)
                and not (is_row(after, context) and has_event_noun(after.text))):
            continue
        # « FAIRE ENSEMBLE » in capitals above the date line titles it, whatever line under it reads like a
        # title, unless it names a place
        if sum(timed_item(line.text) for line in lines[anchor.at + 1:nxt]) >= 2:
            continue        # « FORUM … » over its day and place, then its timetable: the slots are the entries
        # (a post's byline ends it: the next post's title is not this date line's)
        post_end = next((j for j in range(anchor.at + 1, nxt) if keep.posted_by(lines[j].text)), nxt)
        if not shouted(i) and _own_title(lines[anchor.at + 1:post_end]):
            continue        # « GARD » above « Mardi 15 novembre » / « 9h – 12h30 » / « Matinale des … »: a heading
        # « … · 14h – 17h (comme chaque premier samedi du mois) »: a remark in brackets names no event
        rest = OPENING_HOURS.sub(" ", re.sub(r"\s*\([^()]{0,80}\)\s*$", "", anchor.rest))
        header, item = split_rest(rest, context.places)
        # (« ▸ Ciné-débat … » over « Vendredi 5 novembre à 20h30, cinéma associatif Le Balcon, Joué (37300). »: where)
        if not item or stamped or _venue_after_commune(header, item, context.places) \
                or bulleted and (venue_start(item) or not has_event_noun(item) and "«" not in item):
            found[k] = i
    return found


def _dates_last(lines: list, anchors: list) -> dict:
    """{anchor rank: line index} of a programme whose every entry ends with its date line (« Disco-soupe »
    / two lines of description / « → Sam. 4/11 · 11h-15h · Parvis …, Rezé »): each paragraph's first
    line titles the date line that closes it. Only when most entries of the document are written so."""
    found = {}
    for k, anchor in enumerate(anchors):
        start = anchor.at
        while start > 0 and not lines[start - 1].blank and anchor.at - start < 12:     # an entry, not a table
            start -= 1
        after = anchor.at + 1
        while after < len(lines) and not lines[after].blank and after - anchor.at <= 2:
            after += 1
        closes = after >= len(lines) or lines[after].blank
        if start < anchor.at - 1 and closes and (start == 0 or lines[start - 1].blank) and (not k or anchors[k - 1].at < start) \
                and _title_like(lines[start].text) and not dates.search_dates(lines[start].text, loose=True):
            found[k] = start
    return found if len(found) >= 3 and len(found) >= 0.6 * len(anchors) else {}


def _venue_after_commune(header: str, item: str, places: Places) -> bool:
    """« 10h-16h – La Roche-sur-Yon, Bourse du travail » under a title: what follows the commune is its
    venue (a few words naming no event), not a second title."""
    last = re.split(r"\s*[,–—|·]\s*|\s-\s", dates.strip_times(header).strip(" ,–—|·-"))[-1]
    return bool(last and commune_cell(last, places)) and len(item.split()) <= 10 and "«" not in item \
        and item[:1].isupper() and (venue_start(item) or not has_event_noun(item))


_PICTURED = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?\\s+\\S")


def _card_title(lines: list, i: int, anchor) -> bool:
    """An event card written as bullets, title first (« • Fête des AMAP » / « • Du 6 au 8 octobre » /
    « • Nantes » / « • Gratuit »): the first bullet titles the date bullet right under it."""
    line, dated = lines[i], anchor.line
    return (line.bullet and dated is not None and dated.bullet and i == anchor.at - 1 and line.indent == dated.indent
            and (i == 0 or lines[i - 1].blank or not lines[i - 1].bullet) and _title_like(line.text)
            and not anchor.rest.strip(" .:–—-|,"))


def _outlined(lines: list, i: int, anchor) -> bool:
    """A bullet over the sub-bullets indented under it, the first of them its date (« • Sète – « Balade … » »
    / «   – sam. 12/11, départ 10h quai … » / «   – org. … »): an outline, the bullet titles its sub-list."""
    line, dated = lines[i], anchor.line
    if not (line.bullet and dated is not None and dated.bullet and i == anchor.at - 1 and dated.indent > line.indent
            and _title_like(line.text) and not dates.search_dates(line.text, loose=True)):
        return False
    # (« 2) Prog. 2026 » over « - lun. 2/11 — 18h — lancement régional … », « - mer. 4/11 … »: a list of dated entries)
    under = []
    for below in lines[anchor.at + 1:]:
        if below.blank or not below.bullet or below.indent <= line.indent:
            break
        under.append(below)
    return not _names_what(anchor.rest) and not any(dates.search_dates(below.text, loose=True) for below in under)


def _hanging(lines: list, i: int, anchor) -> bool:
    """A line over the date line indented under it, written where the lines above come back to its margin
    (« Action 2 – Atelier … » / «    Date : jeudi 5 novembre 2026 · Lieu : … » / «    Porteur : … »): the
    heading of its indented entry, entries written one after the other without blank lines."""
    line, dated = lines[i], anchor.line
    return (not line.bullet and dated is not None and not dated.bullet and i == anchor.at - 1
            and dated.indent >= line.indent + 2
            and (i == 0 or lines[i - 1].blank or lines[i - 1].indent > line.indent or is_caps(lines[i - 1].text))
            and _title_like(line.text) and not is_caps(line.text) and not dates.search_dates(line.text, loose=True)
            and not _names_what(anchor.rest))


def _names_what(rest: str) -> bool:
    """What a date line says besides when names an event of its own (an event noun, a title in quotes)."""
    said = dates.strip_times(rest).strip(" ,.;:–—|-")
    return has_event_noun(said) or "«" in said


_PRACTICAL = re.compile(r"^(?:infos?|informations)\s+pratiques|^(?:acc[èe]s|venir|contacts?|partenaires|nos\s+partenaires|"
                        r"mentions\s+l[ée]gales|cr[ée]dits)\s*:?$|"
                        # « Avec le soutien de : Région Occitanie · … », the sponsors at a poster's foot
                        r"^(?:avec\s+le\s+soutien\s+d[eu']|soutenu\s+par|imprim[ée]\s+par)\b", re.IGNORECASE)
# (a line's leading dash is read as a bullet: « — SEMAINE 2 — » is left « SEMAINE 2 — »)
# « TOUS LES MARDIS (sauf le 01.11) » after a blank line: a weekly rendez-vous of its own, not the entry above's
_WEEKLY_HEADING = re.compile(r"(?:tous|toutes|chaque)\s+(?:les\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?\b",
                             re.IGNORECASE)
_READ_MORE = re.compile(r"(?:lire\s+la\s+suite|lire\s+plus|en\s+savoir\s+plus|voir\s+l['’]article)\s*[→>»›.…]*",
                        re.IGNORECASE)
_POST_STAMP = re.compile(r"^\s*(?:publi[ée]e?|post[ée]e?|mise?\s+en\s+ligne)\s+le\s+\S", re.IGNORECASE)
_RULE_OR_FRAME = re.compile(r"[━─═]{10,}|[—–]{0,3}\s*[A-ZÀ-Ý][A-ZÀ-Ý0-9'’ ]{2,40}?\s*[—–]{1,3}")
_DEPARTMENT_HEADING = re.compile(r"^(?:\d{2,3}|2[AB])\s*[|–—-]\s*(?P<name>[A-ZÀ-Ý][A-ZÀ-Ý'’ -]+)$")


def _place_heading(text: str, places: Places) -> bool:
    """« GARD », « NANTES », « PAYS DE RETZ »: a heading that says where, not what."""
    index = places.index
    text = re.sub(r"\s*(?:\(\s*(?:\d{2,3}|2[AB])\s*\)|[–—-]\s*(?:\d{2,3}|2[AB]))\s*$", "", text)    # « CHARENTE-MARITIME (17) »
    return bool(commune_cell(text, places) or index and index.names_a_department(text)
                or re.match(r"^(?:pays|communaut[ée]|agglo|m[ée]tropole|r[ée]gion|secteur|territoire)\b", text, re.IGNORECASE))


def _own_title(block: list) -> bool:
    """True when the lines under a date line hold a title of their own after its details: a short line,
    not a detail, not a sentence, not in lower case, before the entry's first blank line."""
    for line in block:
        if line.blank:
            return False
        if len(line.text.split()) > 8 and not _detail_line(line.text) and not line.text.rstrip().endswith(":") \
                and re.search(r"[a-zà-ÿ],?\s+[a-zà-ÿ]", line.text) and not is_caps(line.text) \
                and not has_event_noun(" ".join(line.text.split()[:3])) and "«" not in line.text:
            return False    # a description has begun: what follows it (« Les Réparateurs du Pollet ») credits it
        if re.fullmatch(r"\(.*\)", line.text.strip()):
            continue        # « (REPORTÉE – initialement prévue le samedi 23 novembre) »: a remark
        if not _detail_line(line.text) and len(line.text.split()) <= 12 and not line.text.rstrip().endswith(".") \
                and not label_of(line.text) and _title_like(line.text) and not re.match(r"^[a-zà-ÿ]", line.text):
            return True
    return False


def _labelled_title_above(lines: list, at: int, previous: int, previous_titled: bool = False) -> int | None:
    """The « Titre : … » line of the labelled fields written right above a date line, if any (a form's
    answers may stand a blank line apart). `previous_titled`: the date line above has its title above it too."""
    titled = None
    for i in range(at - 1, max(previous, at - 13), -1):
        if lines[i].blank:
            continue
        found = label_of(lines[i].text)
        if not found:
            break
        if found[0] == "title" and found[1]:
            titled = titled if titled is not None else i
    if titled is not None and previous >= 0 and not previous_titled \
            and not any(line.blank for line in lines[previous + 1:titled]):
        return None     # the fields written under the entry above (« Résa … | ven. 03/11 » / « Objet : … »), not above this one
    return titled


# the foot of a list of results: how many, which page (« 15 résultats · Page 1 / 1 », « Page 2 sur 3 », « Afficher plus »)
_PAGINATION = re.compile(r"^\W*(?:\d+\s+(?:r[ée]sultats?|[ée]v[ée]nements?\s+trouv[ée]s)\b|page\s+\d+\s*(?:/|sur)\s*\d+\b)",
                         re.IGNORECASE)
# (« Gratiferia (zone de gratuité) »: a word in brackets or quotes explains a title, it gives no price)
_BRACKETS = re.compile(r"\([^()]*\)|«[^»]*»")


def _detail_line(text: str) -> bool:
    """A line that says where, when, how much or who, not what."""
    return bool(label_of(text) or is_pinned(text) or dates.starts_with_time(text) or is_address(text)
                or venue_start(text) or price_of(_BRACKETS.sub("", text)) and len(text.split()) <= 6
                # « L'Atelier du Biclou, 23 rue Francis-de-Pressensé, Villeurbanne »: a place by its street
                or any(is_address(part) for part in text.split(",")[1:3])
                or PHONE.search(text)      # « MDS de Chalon-sur-Saône – 03 85 00 00 63 »: a contact
                or _HANDLE.search(text)    # « Les Communs Lyonnais 🌱 @communs@mastodon-lyon.example »: a post's author
                or _place_cells(text)
                or FORMERLY.match(text)     # « Initialement prévu le jeu. 12 nov. 2026 »
                or _ADMISSION.match(text)   # « Réservé aux bénévoles inscrits », « Sur inscription »
                or is_online(text) and (len(text.split()) <= 4 or opens_online(text)))      # « En ligne – lien … »


_ADMISSION = re.compile(r"^(?:r[ée]serv[ée]e?s?\s+(?:aux|à|au)|sur\s+(?:inscription|invitation|r[ée]servation)|"
                        r"entr[ée]e\s+(?:libre|gratuite)|gratuit|complet|prix\s+libre)\b", re.IGNORECASE)


def _place_cells(text: str) -> bool:
    """A card's place in cells: « Cinéma des Murs-à-Pêches · Montreuil », « Sur place et en ligne · Le Préau, 75011
    Paris »: the last cell a postcode and commune, or a name alone naming no event, after a venue naming none."""
    cells = [c.strip() for c in re.split(r"\s+·\s+", text.strip())]
    if len(cells) < 2 or len(cells) > 4 or any(has_event_noun(c) for c in cells):
        return False
    return bool(re.search(r"\b\d{5}\s+[A-ZÀ-Ý]", cells[-1]) or re.fullmatch(r"[A-ZÀ-Ý][\w'’-]+(?:[\s-][\w'’-]+){0,3}",
                                                                                cells[-1]))


_HANDLE = re.compile(r"(?<![\w.])@[\w.-]+@[\w-]+\.[\w.-]+")


def _title_like(text: str) -> bool:
    """A line that may title an event: short, not a detail nor a date, not the document's own heading."""
    words = text.split()
    # (a year names the document's heading, « Mois de l'ESS 2026 », not a title with its quotes, « Webinaire « … en 2026 » »)
    return 1 <= len(words) <= 15 and not text.rstrip().endswith((":", ".")) and not _detail_line(text) \
        and not dates.match_date(text) and not _UNDATED.search(text) and not (dates.document_year(text) and "«" not in text) \
        and not re.search(r"\b(?:programme|agenda|sommaire)\b", text, re.IGNORECASE) and not LIST_HEADING.fullmatch(text.strip()) \
        and not (text[:1].isupper() and field_of_label(text))    # « Notes », « Commentaires »: a label, not a title


_UNDATED_ITEM = re.compile(rf"^(?:{_UNDATED.pattern})\s*[:–—-]\s*(?=\S)", re.IGNORECASE)


def _is_undated_header(line: Line) -> bool:
    return (not line.blank and not line.bullet and len(line.text) < 160 and bool(_UNDATED.search(line.text))
            and not dates.match_date(line.text))


def _paragraph_commune(events: list, lines: list, context: Context) -> None:
    """« … les acteurs organisent à La Rochelle une semaine … Elle a débuté le 5 novembre … »: an event
    told in a paragraph that named one commune before it takes that commune, flagged."""
    parts_of = {}
    for line in lines:
        if not line.blank:
            parts_of.setdefault(line.n, []).append(line.text)
    for event in events:
        if event.commune_code or event.commune_name or event.online or event.line is None:
            continue
        parts = parts_of.get(event.line, [])
        said = (event.title or "")[:20].casefold()
        told = next((k for k, text in enumerate(parts) if text.casefold().startswith(said)),
                    next((k for k, text in enumerate(parts) if said in text.casefold()), None)) if said else None
        if not parts or told is None:
            continue
        before = " ".join(parts[:told])
        named = {found.code for _s, _e, found in communes_in_prose(before, context.places) if found.code}
        if len(named) == 1:
            code = named.pop()
            event.commune_code, event.commune_name = code, context.places.index.name_of(code)
            event.warn(f"commune {event.commune_name} reprise de la phrase qui précède : à vérifier", 0.1)


_TOWN = re.compile(r"\b(?:[Vv]ille|[Mm]airie|[Cc]ommune)\s+(?:de\s+|d['’])((?-i:[A-ZÀ-Ý])[\w'’-]+(?:[\s-](?:sur|sous|en|l[eè]s|(?-i:[A-ZÀ-Ý])[\w'’-]+)){0,3})")


# « tout se passe au Hangar, …, 37100 Tours, sauf mention contraire », « sauf indication contraire, les
# ateliers ont lieu à Lille »: the place every event of the document is at unless it says otherwise
_DEFAULT_PLACE = re.compile(r"\bsauf\s+(?:mention|indication|pr[ée]cision)\s+contraire\b|"
                           # « Sauf mention « hors les murs », tout se passe ici, à la Fabrique. »
                           r"\bsauf\s+mention\s+[«\"(]?\s*hors\s+les\s+murs\b", re.IGNORECASE)
# « tout se passe ici », « chez nous »: the place is the document's own, its letterhead's address
_HERE = re.compile(r"\b(?:ici|chez\s+nous|dans\s+nos\s+locaux|sur\s+place)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\n]")


# « ■ LA BRICOLERIE – Fontaine »: a member's or a venue's section in a network's agenda
_SECTION_MARK = re.compile(r"^\s*[■▪◼◾]\s*\S")
_POSTCODE_TOWN = re.compile(r"\b((?:[0-8]\d|9[0-5])\d{3})\s+([A-ZÀ-Ý][\w'’ -]+?)\s*(?:[·,;|]|$)")


def _section_place(events: list, lines: list, context: Context) -> None:
    """A section headed by a member's name (« ■ LA BRICOLERIE – Fontaine ») over its address (« 45 avenue
    Aristide-Briand, 38600 Fontaine »), then its dated items: an item that says no commune is at that address."""
    sections = []
    for i, line in enumerate(lines):
        name = re.split(r"\s[–—-]\s", line.text.strip())[0]
        if (line.bullet or _SECTION_MARK.match(line.text)) and is_caps(name) and len(line.text) <= 80 \
                and not dates.match_date(line.text.strip()) and not dates.search_dates(line.text, loose=True):
            nxt = next((other for other in lines[i + 1:i + 3] if not other.blank), None)
            m = _POSTCODE_TOWN.search(nxt.text) if nxt is not None else None
            found = context.places.postcode_commune(m.group(1), m.group(2)) if m else None
            sections.append((line.n, found if found and found.code else None))
    if sum(place is not None for _, place in sections) < 2:
        return      # one heading over an address is no list of members
    starts = [n for n, _ in sections]
    for event in events:
        if event.commune_code or event.commune_name or event.online or event.line is None:
            continue
        k = bisect.bisect_right(starts, event.line) - 1
        place = sections[k][1] if k >= 0 else None
        if place:
            event.commune_code, event.commune_name = place.code, place.name
            event.warn(f"commune {place.name} prise de l'adresse en tête de sa rubrique : à vérifier", 0.05)


def _heading_commune(events: list, lines: list, context: Context) -> None:
    """« SENS », « JOIGNY », « SAINT-FLORENTIN »: a paper's briefs grouped under the commune they come from,
    a heading in capitals that is only a commune's name. An event that says no commune of its own takes the
    heading it is under, flagged, where the document has two such headings or more; any other heading in
    capitals ends the commune's section."""
    missing = [e for e in events if not (e.commune_code or e.commune_name or e.online) and e.line is not None]
    headings = [(line.n, heading) for line in lines if (heading := _section_heading(line))]
    starts = [n for n, _ in headings]
    under = {}
    for event in missing:
        k = bisect.bisect_right(starts, event.line) - 1
        text = headings[k][1] if k >= 0 else ""
        if len(text.split()) <= 4 and not re.search(r"\d", _BRACKETS.sub("", text)):
            under[id(event)] = text
    found = {text: commune_cell(text, context.places) for text in set(under.values()) if text}
    found = {text: place for text, place in found.items() if place and place.code}
    others = (text for text in dict.fromkeys(t for _, t in headings) if text not in found
              and len(text.split()) <= 4 and not re.search(r"\d", _BRACKETS.sub("", text)))
    if not found or len(found) < 2 and not any((p := commune_cell(text, context.places)) and p.code for text in others):
        return      # one heading that names a commune is no list of communes
    for event in missing:
        place = found.get(under.get(id(event)))
        if place:
            event.commune_code, event.commune_name = place.code, place.name
            event.warn(f"commune {place.name} prise du titre de rubrique au-dessus de l'événement : à vérifier", 0.1)


# « SAINT-GAUDENS · cinéma Le Régent, rue Thiers », « MARTRES (31220) · salle du Foirail »: a section's commune in
# capitals, then its venue
_COMMUNE_FIRST = re.compile(r"^(?P<name>[A-ZÀ-Ý][A-ZÀ-Ý'’ -]{2,40}?(?:\s*\(\s*(?:\d{2}|\d{5}|2[AB])\s*\))?)\s+[·|–—]\s+\S")


def _section_heading(line) -> str | None:
    """The heading a line is, in capitals (« SENS »), or its first cell in capitals (« SAINT-GAUDENS · cinéma … »)."""
    first = _COMMUNE_FIRST.match(line.text) if not line.indent else None
    if first and not dates.match_date(line.text):
        return first.group("name").strip()
    return line.text if is_caps(line.text) and len(line.text.strip()) <= 40 else None


def _default_commune(events: list, text: str, context: Context) -> None:
    """Events that say no commune take the one the document gives for all « sauf mention contraire »."""
    missing = [e for e in events if not (e.commune_code or e.commune_name or e.online)]
    said = _DEFAULT_PLACE.search(text) if missing else None
    if not said:
        return
    sentence = _sentence_around(text, said.start(), said.end())
    found = [context.places.postcode_commune(code, name) for code, name in POSTCODE_NAME.findall(sentence)]
    found = [f for f in found if f and f.code] or [f for _s, _e, f in communes_in_prose(sentence, context.places)
                                                    if f.code]
    if not found and _HERE.search(sentence):
        head = text[:min(len(text), 400, said.start())]
        found = [f for code, name in POSTCODE_NAME.findall(head) if (f := context.places.postcode_commune(code, name))
                 and f.code]
    if len({f.code for f in found}) != 1:
        return
    for event in missing:
        event.commune_code, event.commune_name = found[0].code, found[0].name
        event.warn(f"commune {found[0].name} : celle que le document donne pour tous ses événements, « sauf mention "
                   "contraire »", 0.05)


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds text[start:end], found outwards from the words themselves: a pattern
    that scans up to them from every position would take quadratic time on a long line without a full stop."""
    before = max((text.rfind(mark, 0, start) for mark in ".!?\n"), default=-1)
    after = _SENTENCE_END.search(text, end)
    return text[before + 1:after.start() if after else len(text)]


_IN_BRACKETS = re.compile(r"\(\s*([A-ZÀ-Ý][\w'’-]*(?:[\s-][\w'’-]+){0,3})\s*\)")
_BRACKETED = re.compile(r"\b([A-ZÀ-Ý][\w'’-]*(?:[\s-][\w'’-]+){0,3}\s*\(\s*(?:\d{2,3}|2[AB])\s*\))")


def _only_commune(events: list, text: str, context: Context) -> None:
    """An article about one place (« … au Ground Control à Paris … »): when the whole text names a single
    commune, its events that say no commune of their own take that one, flagged."""
    missing = [e for e in events if not (e.commune_code or e.commune_name or e.online)]
    if not missing or len(text) > 30_000 or _unread_places(text, context):
        return
    named = {found.code for _s, _e, found in communes_in_prose(text, context.places) if found.code}
    named |= {e.commune_code for e in events if e.commune_code}
    for postcode, name in POSTCODE_NAME.findall(text):   # « 31000 Toulouse »
        found = context.places.postcode_commune(postcode, name)
        named |= {found.code} if found and found.code else {f"postcode {postcode}"}
    for name in _BRACKETED.findall(text):     # « Pessac (33) »: a commune written with its département
        found = commune_cell(name, context.places)
        named |= {found.code} if found and found.code else {f"bracket {name}"}
    for name in _TOWN.findall(text):        # « Ville d'Angers », « Mairie de Vertou »: the page's own commune
        found = context.places.commune(name)
        named |= {found.code} if found and found.code else set()
    for name in _IN_BRACKETS.findall(text):     # « Campus Montmuzard (Dijon) »
        found = commune_cell(name, context.places)
        named |= {found.code} if found and found.code else set()
    if len(named) != 1 or next(iter(named)).startswith(("postcode", "bracket")):
        return
    code = named.pop()
    name = context.places.index.name_of(code) if context.places.index else None
    for event in missing:
        event.commune_code, event.commune_name = code, name
        event.warn(f"commune {name} déduite du document, qui ne nomme qu'elle : à vérifier", 0.1)


# « Casa di l'Associ · Aiacciu »: a place line ending on a town's name after a separator
_PLACE_LINE_TOWN = re.compile(r"^[^\n·|]{3,60}\s[·|]\s+([A-ZÀ-Ý][\w'’ -]{2,30}?)\s*$", re.MULTILINE)


def _unread_places(text: str, context: Context) -> bool:
    """Place lines whose town is not a commune the reader knows (« … · Aiacciu », « … · Corti »): the text
    names several places after all, it is not about one commune."""
    unread = {town for town in _PLACE_LINE_TOWN.findall(text) if not context.places.commune(town)}
    return len(unread) >= 2


# « Les grands rendez-vous proposés par la CRESS Occitanie : », « Nos ateliers, organisés par X » — a
# heading that says who puts on the events listed under it
_SECTION = re.compile(r"^(?:les|nos|des|ces|tous\s+les|toutes\s+les)\s+(?:[\w’'-]+\s+){0,4}?(?:rendez-vous|[ée]v[ée]nements|"
                      r"[ée]v[èe]nements|ateliers|temps\s+forts|manifestations|animations|rencontres|conf[ée]rences)\b"
                      r".{0,80}?\b(?:propos|organis|port|anim)[ée]e?s\s+par\s", re.IGNORECASE)


def _section_organisers(lines: list) -> dict:
    """{line index: organiser} of the headings that say who puts on the events under them."""
    out = {}
    for i, line in enumerate(lines):
        if line.blank or line.bullet or len(line.text.split()) > 25 or not _SECTION.match(line.text):
            continue
        organiser = explicit_organiser(line.text)[0]
        if organiser:
            out[i] = re.sub(r"\s+en\s+\d+\s+coups?\s+d['’]œil.*$|\s*[:…]+$", "", organiser).strip()
    return out


_THE_MONTH_TITLE = re.compile(r"^(?:le\s+)?(?:\d+\s*(?:e|è|ème|eme)\s+[ée]dition\s+du\s+)?mois\s+de\s+l['’]\s*(?:ess\b|"
                              r"[ée]conomie\s+sociale\s+et\s+solidaire)", re.IGNORECASE)


def _first_indices(lines: list) -> dict:
    """{line number in the text (an event's `line`): index in `lines` of the first line read from it}."""
    out = {}
    for i, line in enumerate(lines):
        out.setdefault(line.n, i)
    return out


def _dated_parts(events: list, lines: list) -> list:
    """« Les Déjeuners de l'ESS, les mardis 10, 17 et 24 novembre » over « - 10/11 : les monnaies
    complémentaires »: an indented dated item under an entry of the same day is that day's event, named
    after both, with the entry's place and times."""
    out, first = list(events), _first_indices(lines)
    for part in events:
        at = first.get(part.line)
        if at is None or not lines[at].bullet or not lines[at].indent or not dates.match_date(lines[at].text):
            continue
        whole = next((e for e in out if e is not part and e.start_date == part.start_date
                      and e.end_date == part.end_date and e.line is not None and e.line < lines[at].n
                      and lines[at].n - e.line <= 15 and not (e.line in first and lines[first[e.line]].bullet)), None)
        if whole is None:
            continue
        part.title = f"{whole.title} : {part.title[:1].lower()}{part.title[1:]}"
        for name in ("venue", "address", "commune_code", "commune_name", "start_time", "end_time", "organizer", "price"):
            setattr(part, name, getattr(part, name) or getattr(whole, name))
        part.warnings = [w for w in part.warnings if w != "lieu non indiqué" or not part.commune_code]
        out.remove(whole)
    return out


def _sessions(anchors: list, lines: list, context: Context) -> dict:
    """{line index: events} of the sessions of one event, as a ticketing page lists them: two dates or more,
    each alone on its line with only its times, the lines under it only saying how many seats are left
    (« Mardi 7 novembre 2023 · 18:00 – 20:00 », « COMPLET »), under the page's title (« ATELIER « MONTER SON
    PROJET EN COOPÉRATIVE » »): each date an event of that title."""
    bare = [a for a in anchors if not a.inside and not a.table and not dates.strip_times(a.rest).strip(" ·|,–—-")
            and (a.at + 1 >= len(lines) or lines[a.at + 1].blank)
            and not _heads_boxes(lines[a.at + 1:])]
    if len(bare) < 2:
        return {}
    since = max((a.at + 1 for a in anchors if a.at < bare[0].at), default=0)
    title = next((line for line in lines[since:bare[0].at] if not line.blank and is_caps(line.text)
                  and has_event_noun(line.text) and not dates.search_dates(line.text, loose=True)), None)
    if title is None:
        return {}
    found = {}
    for anchor in bare:
        found[anchor.at] = parse_entry(anchor, [], context, title)
        for event in found[anchor.at]:
            event.line = anchor.line.n
    return found


def _heads_boxes(below: list) -> bool:
    """A day's heading over a brochure's boxes (« 14h – 17h ◆ » / « LAVAL (53) » / …), not a session over its seats."""
    first = next((k for k, line in enumerate(below) if not line.blank), None)
    return first is not None and time_alone(below[first].text)


def in_season(events: list, year: int) -> tuple:
    """(events, warnings): the events dated from October of the edition to January after it; the others (a
    council's last session, a school's open day in March, last year's forum left in an export) set aside."""
    outside = [e for e in events if e.start_date and not f"{year}-10-01" <= e.start_date < f"{year + 1}-02-01"]
    if not outside:
        return events, []
    return [e for e in events if e not in outside], [
        f"{len(outside)} date(s) hors de la saison du Mois de l'ESS (d'octobre {year} à janvier {year + 1}) non "
        "retenue(s) comme événement : " + " ; ".join(f"« {e.title[:60]} »" for e in outside[:5])]


def set_aside(events: list) -> tuple:
    """(events, warnings): the events without those that are none — the span of the Mois de l'ESS itself,
    internal meetings, deadlines written as entries —, each set aside with a warning that names it."""
    warnings = []
    spans = [e for e in events if _names_the_month(e)]
    if spans:
        events = [e for e in events if e not in spans]
        warnings.append(f"{len(spans)} période(s) du Mois de l'ESS lui-même (« {spans[0].title} ») non retenue(s) "
                        "comme événement")
    private = [e for e in events if _NOT_PUBLIC.search(e.title or "") or keep.OWN_MEETING.search(e.title or "")]
    if private:
        events = [e for e in events if e not in private]
        warnings.append(f"{len(private)} réunion(s) interne(s), date(s) limite(s) ou jour(s) de calendrier non retenu(s) comme événement : "
                        + " ; ".join(f"« {e.title} »" for e in private[:5]))
    return events, warnings


# « Les rendez-vous signalés par le logo (ESS) s'inscrivent dans le Mois … »: the mark that tells the events of
# the Mois among the others of an agenda
_MARK = re.compile(r"(?:(?:signal|marqu|rep[ée]r|identifi|indiqu)[ée]e?s?\s+(?:par|d['’]une?|avec)\s+(?:(?:le|la|un|une|l['’])\s*)?"
                   r"(?:logo|pictogramme|picto|symbole|mention|signe|ic[ôo]ne)?|"
                   # « Les rendez-vous marqués [ESS] s'inscrivent dans le Mois », « leurs rendez-vous marqués ♦ »
                   r"(?:signal|marqu|rep[ée]r|identifi|indiqu)[ée]e?s\s+(?=\[|[^\w\s,.;:«(\[]{1,2}\s)|"
                   # « Repérez le pictogramme ♻ ESS dans l'agenda »
                   r"(?:rep[ée]rez|cherchez|suivez)\s+(?:le|la|les|l['’])\s*(?:logo|pictogramme|picto|symbole|mention|signe|"
                   r"ic[ôo]ne)s?|"
                   # « le pictogramme ♻ signale les rendez-vous du Mois »
                   r"(?:le|la|un|une|l['’])\s*(?:logo|pictogramme|picto|symbole|signe|ic[ôo]ne)(?=\s*\S{1,2}\s+(?:signale|"
                   r"indique|rep[èe]re|identifie|marque)))"
                   r"\s*(?P<mark>\([^()\s]{1,12}\)|\[[^\[\]\s]{1,12}\]|«\s*[^»]{1,12}?\s*»|\*|[^\w\s,.;:]{1,2})",
                   re.IGNORECASE)


# « ★ = dans le cadre du Mois de l'ESS », « (ESS) : rendez-vous du Mois »: a legend, the mark first, on a line of its
# own or after a sentence (« Sauf mention contraire, entrée libre. ♦ = Mois de l'ESS. »)
_MARK_LEGEND = re.compile(r"(?:^|(?<=[.!?] ))\s*(?P<mark>\([^()\s]{1,12}\)|\*|[^\w\s,.;:=(«»\"'’-]{1,2})\s*[=:]\s+(?=\S)", re.MULTILINE)


_ESS_NAMED = re.compile(r"mois\s+de\s+l['’]\s*(?:ess|[ée]conomie\s+sociale)|[ée]conomie\s+sociale\s+et\s+solidaire|\bESS\b",
                        re.IGNORECASE)


# a periodical's masthead: « Le magazine d'information de la Ville », « N° 87 – Novembre 2012 », « Sommaire »
_PERIODICAL = re.compile(r"\b(?:magazine|bulletin|journal|mensuel|trimestriel|gazette)\b|^\s*n[°o]\s*\d+\b|^sommaire$",
                         re.IGNORECASE)


# « Dans le cadre du Mois de l'ESS », « pour le Mois de l'ESS »: an entry that says it belongs to the Mois
_PART_OF_MOIS = re.compile(r"\b(?:dans\s+le\s+cadre\s+du|pour\s+le|à\s+l['’]occasion\s+du|au\s+programme\s+du)\s+mois\s+de\s+l['’]\s*"
                           r"(?:ess|[ée]conomie\s+sociale)", re.IGNORECASE)


def _ess_rubric_only(events: list, lines: list, places: Places) -> list:
    """In a document about something else (a town's magazine: council, works, school menus, sports) whose
    one rubric, after others, is the Mois de l'ESS, the events of its other rubrics set aside; returns the warnings.
    Changes `events` in place. A rubric runs from its heading in capitals to the next one."""
    raw = [line.text for line in lines]
    top = [line for line in raw if line.strip()][:5]
    if any(_ESS_NAMED.search(line) for line in top[:3]) or not any(_PERIODICAL.search(line) for line in top):
        return []      # a programme (its title names the Mois), or no magazine: all of it is the programme
    heads = [i for i, line in enumerate(raw) if _rubric_heading(raw, i, places)]
    ess = [i for i in heads if _ESS_NAMED.search(raw[i])]
    if not ess or len([h for h in heads if 0 < h < ess[0]]) < 2:
        return []      # a magazine's rubrics come before the Mois's; a programme's themes come under its title
    ends = [next((h for h in heads if h > i and not _ESS_NAMED.search(raw[h])), None) for i in ess]
    spans = [(lines[i].n, lines[end].n if end is not None else float("inf")) for i, end in zip(ess, ends)]
    inside = [e for e in events if e.line is not None and any(a <= e.line < b for a, b in spans)]
    if len(inside) < 2 or len(inside) == len(events):
        return []
    # (« Dans le cadre du Mois de l'ESS, le collectif … organise … » in the paper's agenda: the Mois's all the same)
    inside += [e for e in events if e not in inside and _PART_OF_MOIS.search(f"{e.title} {e.description or ''}")]
    inside = [e for e in events if e in inside]
    others = [e for e in events if e not in inside]
    events[:] = inside
    return [f"{len(others)} rendez-vous hors de la rubrique du Mois de l'ESS non retenu(s) : "
            + " ; ".join(f"« {e.title[:50]} »" for e in others[:5])]


def _rubric_heading(raw: list, i: int, places: Places) -> bool:
    """« SPORTS », « RESTAURATION SCOLAIRE – MENUS DU MOIS »: a short line in capitals after a blank line (or
    under another heading) that is neither a date nor a commune."""
    line = raw[i].strip()
    if not line or len(line) > 80 or line.endswith(":") or not is_caps(line):
        return False
    above = raw[i - 1].strip() if i else ""
    return (not above or re.fullmatch(r"[-_=*─—]{3,}", above) is not None or is_caps(above)) \
        and not dates.search_dates(line, loose=True) and not commune_cell(line, places)


# « Les actions marquées d'un * sont sur inscription »: a mark that says how to come, not which events are the Mois's
_OTHER_MEANING = re.compile(r"[^.\n]{0,40}?\b(?:(?:sont|est)\s+)?(?:sur|sous)\s+(?:inscription|r[ée]servation)|"
                            r"[^.\n]{0,40}?\b(?:payant|complet|accessibles?|places\s+limit[ée]es|inscription\s+obligatoire)",
                            re.IGNORECASE)


_FRAMED = re.compile(r"^[ \t]*(?P<mark>[^\w\s«»\"'’(),.;:!?/*#=|<>+~&%@-])[ \t]*(?P<body>\S[^\n]{4,150}?)[ \t]*(?P=mark)[ \t]*$",
                     re.MULTILINE)


def _dated_line(text: str) -> bool:
    """A line that opens on a date, after any mark (« ♦ Mardi 5 novembre, 19h30 – SARREBOURG »)."""
    return bool(dates.match_date(re.sub(r"^[^\w«]+", "", text.strip())))


def _marked_only(events: list, text: str) -> list:
    """With a mark that the document says picks out the Mois de l'ESS's events, the events without it are
    set aside (and the mark taken off the titles); returns the warnings. Changes `events` in place."""
    # a legend says what its mark means on its own line (« ★ = dans le cadre du Mois de l'ESS », not « → =
    # organisateur »); a sentence (« signalés par ★ ») says it near the Mois's name
    legends = [m for m in _MARK_LEGEND.finditer(text[:20_000])
               if re.search(r"mois\s+de\s+l|\bESS\b|solidaire", re.split(r"[·.;|]", text[m.end():m.end() + 80])[0],
                            re.IGNORECASE)]
    said = next((m for m in [*_MARK.finditer(text[:20_000]), *legends] if re.search(r"mois\s+de\s+l|\bESS\b",
                 text[max(0, m.start() - 200):m.end() + 200], re.IGNORECASE)
                 and not _OTHER_MEANING.match(text[m.end():m.end() + 120])), None)
    # « ★ EN NOVEMBRE, LE MOIS DE L'ESS S'INVITE DANS NOS SALLES ★ »: the mark that frames the Mois's announcement
    said = said or next((m for m in _FRAMED.finditer(text[:5_000])
                         if re.search(r"mois\s+de\s+l|\bESS\b", m.group("body"), re.IGNORECASE)), None)
    if not said:
        return []
    mark = said.group("mark").strip()
    raw = text.split("\n")
    starts = sorted({e.line for e in events if e.line is not None} | {len(raw)})

    def own_lines(event) -> str:
        """The entry's first lines as written (a star before its title is not kept in the title)."""
        if event.line is None:
            return ""
        end = min([k for k in starts if k > event.line] + [event.line + 3])
        # (the next entry's date line, « ♦ Vendredi 8 novembre, 14h », is not this one's)
        end = next((k for k in range(event.line + 1, end) if _dated_line(raw[k])), end)
        # the entry's date line over its title (« Sam. 5 nov. · 15h00 ♻ ESS », « ♦ Mardi 5 novembre »), the mark
        # at its end or before it
        begin = event.line - 1 if event.line and event.line - 1 not in starts \
            and _dated_line(raw[event.line - 1]) else event.line
        return " ".join(raw[begin:end])

    marked = [e for e in events if mark in f"{e.title} {e.description or ''}"]
    if len(marked) < 2:     # the mark was not kept with what the entries say (a star before a title line)
        marked = [e for e in events if mark in own_lines(e)]
    if len(marked) < 2 or len(marked) == len(events):
        return []
    others = [e for e in events if e not in marked]
    events[:] = marked
    for event in marked:
        event.title = re.sub(r"\s{2,}", " ", event.title.replace(mark, " ")).strip(" .") or event.title
    return [f"{len(others)} rendez-vous sans la marque « {mark} » qui signale ceux du Mois de l'ESS non retenu(s) : "
            + " ; ".join(f"« {e.title[:50]} »" for e in others[:5])]


# an entry that says it is no public event: an internal meeting (« Réunion prépa (interne) », « réunion
# d'équipe ») or a deadline written as a calendar entry (« DEADLINE inscriptions », « Date limite … »)
_NOT_PUBLIC = re.compile(r"\(\s*(?:à\s+)?(?:interne|huis\s+clos|non\s+public)\s*\)|"
                         # the setting up of a venue before its event, and its clearing after
                         r"^\s*(?:montage|d[ée]montage)\b|\br[ée]union\s+(?:interne|d['’][ée]quipe|(?:de\s+)?(?:pr[ée]paration|bureau|bilan|calage|"
                         r"coordination)|pr[ée]pa|d['’]orga(?:nisation)?|des\s+(?:organisateurs|partenaires))\b|"
                         # « Préparation salon – point logistique », « Jury Trophées ESS 72 », « Bilan du Mois de l'ESS »:
                         # the organisers' own work
                         r"\bpoint\s+(?:logistique|d['’][ée]tape)\b|(?:^|[:–—]\s)\s*(?:d[ée]lib[ée]ration\s+du\s+)?jury\b|"
                         r"^\s*bilan\s+(?:du|de\s+l['’]|de\s+la)\s*(?:mois|[ée]dition|semaine|quinzaine)\b|"
                         # an association's general meeting, its volunteers' briefing: its members', not the public's
                         r"^\s*(?:(?:notre|votre|leur|son|sa)\s+)?(?:assembl[ée]e\s+g[ée]n[ée]rale|AG)\b|\b(?:r[ée]union\s+(?:d['’]information\s+)?|formation\s+)des\s+b[ée]n[ée]voles\b|"
                         # a board's own meeting: « Réunion de notre conseil d'administration »
                         r"\br[ée]union\s+(?:de\s+(?:notre|leur|son|du)\s+|du\s+)conseil\s+d['’]administration\b|"
                         # « (réservée aux structures participantes) », « réservé aux adhérents »: closed to the public
                         r"(?:\(|^|,)\s*r[ée]serv[ée]e?s?\s+aux\s+(?:structures|membres|partenaires|adh[ée]rents|organisateurs|"
                         r"b[ée]n[ée]voles)\b|"
                         r"^\s*(?:deadline|date\s+limite|cl[ôo]ture\s+des\s+(?:inscriptions|candidatures)|"
                         r"fin\s+des\s+(?:inscriptions|candidatures))\b"
                         # « Le jury se réunira le lundi 20 novembre », « La commission des finances se réunira »: a body meets
                         r"|(?:^|[:–—]\s)\s*(?:(?:le|la|les|l['’])\s*)?(?:jury|commission|comit[ée]|bureau|conseil|copil)\b[^.;]{0,60}?"
                         r"\bse\s+r[ée]uni(?:ra|ront|t|ssent)\b"
                         # a press conference: for journalists, not the public
                         r"|(?:^|[:–—]\s)\s*" + keep.PRESS_WORDS +
                         r"|^\s*pr[ée]sentation\s+(?:\S+\s+){0,4}(?:à\s+la\s+presse|aux\s+(?:journalistes|m[ée]dias))\b"
                         r"|^\s*pr[ée]sentation\s+(?:à\s+la\s+)?presse\b"
                         # a printed calendar's header: « Fuseau horaire : (GMT-03:00) Cayenne »
                         r"|^\s*fuseau\s+horaire\b"
                         # « TEST – ne pas tenir compte »: an entry its author says to disregard
                         r"|\bne\s+pas\s+(?:en\s+)?tenir\s+compte\b"
                         # the days of a school's or a town's calendar that put on nothing
                         r"|^\s*(?:jour\s+)?f[ée]ri[ée]\b|^\s*rentr[ée]e\b|^\s*(?:d[ée]but\s+des\s+|fin\s+des\s+)?vacances\b|"
                         r"^\s*conseils?\s+de\s+classe\b|^\s*bac\s+blanc\b|^\s*fermeture\b|^\s*cong[ée]s\b|"
                         # « VEN. 11 | FERMÉ », « Fermé exceptionnellement (férié) »: a venue's closed day
                         r"^\s*fermée?s?(?:\s+exceptionnellement)?\s*(?:$|[(\-–—:,.!])|"
                         # a council's own sitting, which the minutes report
                         r"^\s*compte[- ]rendu\b|\bconseil\s+(?:municipal|communautaire)\b|"
                         r"\bc[ée]r[ée]monie\s+(?:comm[ée]morative|du\s+11\s+novembre)|\bcomm[ée]morations?\b|\barmistice\b",
                         re.IGNORECASE)


def _names_the_month(event) -> bool:
    """« Mois de l'économie sociale et solidaire à Fresnes », du 6 au 28 novembre: the edition itself."""
    if not (event.start_date and event.end_date and _THE_MONTH_TITLE.match(event.title or "")):
        return False
    return (dt.date.fromisoformat(event.end_date) - dt.date.fromisoformat(event.start_date)).days >= 6


def _title_words(title: str) -> set:
    title = _TEASER_LEAD.sub("", dates.fold(title or "").strip(" <>*!"))
    return {w for w in re.findall(r"[a-z]{3,}|\d+", title) if w not in _SMALL_WORDS}


# « À NE PAS MANQUER : le marché solidaire », « Zoom sur … », « Coup de cœur : … »: how a teaser calls attention
_TEASER_LEAD = re.compile(r"^[\W_]*(?:a\s+ne\s+pas\s+manquer|zoom\s+sur|focus(?:\s+sur)?|coup\s+de\s+c(?:oe|œ)ur|"
                          r"a\s+la\s+une|temps\s+forts?|rappel|save\s+the\s+date)\s*[:!-]*\s*")


_SMALL_WORDS = {"les", "des", "une", "pour", "avec", "dans", "sur", "par", "aux", "qui", "que", "est"}


def _merged_repeats(events: list, lines: list) -> list:
    """The same event told twice (a page's header and its first paragraph, « FESTIVAL CAP SOLIDAIRE #6 » and
    « le festival Cap Solidaire revient … »): same days, same place and time when both say them, titles
    sharing most of their words — one event, the surest, completed by the other."""
    out, by_days = [], {}
    blanks = sorted(line.n for line in lines if line.blank)
    few = len(events) <= 15         # a page about a few events tells some twice; a long list does not
    for event in events:
        # (an édito's « dès le jeudi 2 novembre … le lancement » says no end: a day, as the fiche it teases)
        day = by_days.setdefault((event.start_date, event.end_date or event.start_date), _Day(blanks))
        twin = next((e for e in day.candidates(event, few) if _compatible(e, event) and _twins(e, event, few, blanks)),
                    None)
        if twin is None:
            out.append(event)
            day.add(event)
            continue
        slot = day.remove(twin)
        keep, other = (twin, event) if twin.confidence >= event.confidence else (event, twin)
        if _same_milestone(keep, other):
            # « Jeudi 3 : ouverture » and the entry it teases: the entry's title
            if len(_title_words(keep.title)) <= 2 < len(_title_words(other.title)):
                keep.title = other.title
        elif has_event_noun(other.title) and not has_event_noun(keep.title) or _kind_named(keep, other) \
                and len(_title_words(other.title)) > len(_title_words(keep.title)):
            keep.title = other.title        # the reading that names the event names it
        for name in ("venue", "address", "commune_code", "commune_name", "organizer", "start_time", "end_time",
                     "price", "description", "url", "contact"):
            if not getattr(keep, name) and getattr(other, name):
                setattr(keep, name, getattr(other, name))
        if keep is event:
            out[out.index(twin)] = event
        day.add(keep, slot)
    return out


class _Day:
    """The entries of one span of days met so far, found by what could make a later one their twin: any
    entry where few are listed or the later one was told in running text; else one told in running text, or
    one of the same title in another paragraph (so that a list of thousands of entries is not read in pairs)."""

    def __init__(self, blanks: list):
        self.blanks, self.slots, self.told, self.by_text, self.keys = blanks, {}, {}, {}, {}
        self.milestones = {}        # openings, closings, prizes: one a day, however each mention words it

    def add(self, event, slot: int | None = None):
        slot = len(self.slots) if slot is None else slot
        key = (_bare_title(event.title), self._paragraph(event))
        self.slots[slot], self.keys[id(event)] = event, (slot, key)
        if _told(event):
            self.told[slot] = event
        if any(m.search(event.title or "") for m in _MILESTONE.values()):
            self.milestones[slot] = event
        self.by_text.setdefault(key[0], {}).setdefault(key[1], {})[slot] = event

    def remove(self, event) -> int:
        """Take `event` out of the indexes (its title may change) and give back its slot."""
        slot, (text, paragraph) = self.keys.pop(id(event))
        self.told.pop(slot, None)
        self.milestones.pop(slot, None)
        del self.by_text[text][paragraph][slot]
        return slot

    def candidates(self, event, few: bool) -> list:
        if few or _told(event):
            return list(self.slots.values())
        own = self._paragraph(event)
        # (a teaser that names only the milestone, « Jeudi 3 : lancement »: not two inaugurations of one long list)
        found = {**self.told, **{slot: e for slot, e in self.milestones.items()
                                 if min(len(_title_words(e.title)), len(_title_words(event.title))) <= 2}}
        for paragraph, entries in self.by_text.get(_bare_title(event.title), {}).items():
            found.update(entries if paragraph != own else
                         {slot: e for slot, e in entries.items() if _far(e, event)})
        return [found[slot] for slot in sorted(found)]

    def _paragraph(self, event) -> int:
        return bisect.bisect_left(self.blanks, event.line or 0)


def _within_runs(events: list) -> list:
    """The events without an exhibition or a salon shown again on a later day of its run (an agenda lists
    what is on each day: « EN COURS · Exposition … » under the 19th of an exhibition from the 12th to the 24th)."""
    runs = {}
    for event in events:
        if event.start_date and event.end_date and event.end_date > event.start_date:
            runs.setdefault(_bare_title(event.title), []).append(event)
    return [e for e in events if not any(
        run is not e and run.start_date < e.start_date <= run.end_date and _compatible(run, e)
        and (e.end_date or e.start_date) <= run.end_date for run in runs.get(_bare_title(e.title), []))]


def _twins(a, b, few: bool, blanks: list) -> bool:
    """Two readings of the same day that tell one event: alike titles where events are told again (a short
    page, running text), or one title written again in another paragraph."""
    if a.title != b.title and (few or _told(a) or _told(b)) \
            and (_alike(a.title, b.title) or _unnamed_twin(a, b) or _kind_named(a, b)):
        return True
    if (_told(a) or _told(b)) and a.commune_code and a.commune_code == b.commune_code \
            and (_holds_title(a, b) or _told(a) != _told(b) and _same_kind(a, b)):
        return True
    if a.title != b.title and _same_milestone(a, b):
        return True     # one opening, closing or prize-giving a day in one place, in a list however long
    return _same_text(a, b) and (_apart(a, b, blanks) or _far(a, b))


# lines between two tellings of one title on one day beyond which they are a teaser and its entry (a page copied
# from the browser has no blank line between its slider and its list), not two entries of one list
_FAR_LINES = 20


def _far(a, b) -> bool:
    return abs((a.line or 0) - (b.line or 0)) >= _FAR_LINES


def _apart(a, b, blanks: list) -> bool:
    """Two entries in different paragraphs (a table and the list under it): a line written twice in one
    list is two events, as its author wrote it. `blanks`: the sorted numbers of the blank lines."""
    first, last = sorted((a.line or 0, b.line or 0))
    return bisect.bisect_left(blanks, first) < bisect.bisect_left(blanks, last)


def _same_text(a, b) -> bool:
    """One title in a table and again in the list under it (or in a teaser): the same words, and no two
    venues said that differ (« campus de la Plaine » and « Campus de la Plaine, amphi B » are one site)."""
    return _bare_title(a.title) == _bare_title(b.title) and (
        not a.venue or not b.venue or a.venue == b.venue or _venue_key(a.venue) == _venue_key(b.venue) != "")


# « Atelier … – avec l'URSCOP Occitanie »: who joins in, said after the title in one of its two tellings
_WITH_TAIL = re.compile(r"\s+[–—-]\s+(?:avec|par|port[ée]e?\s+par|anim[ée]e?\s+par)\s.*$", re.IGNORECASE)


def _bare_title(title: str | None) -> str:
    return _WITH_TAIL.sub("", title or "").casefold()


def _told(event) -> bool:
    """An event read from running text or a dated heading, which another entry may tell again; entries of
    a list or a table are distinct by construction."""
    return any(w in TOLD.values() for w in event.warnings)


def _compatible(a, b) -> bool:
    """Two readings that do not contradict each other on where and when in the day."""
    return all(not x or not y or x == y for x, y in ((a.commune_code, b.commune_code), (a.start_time, b.start_time)))


def _holds_title(a, b) -> bool:
    """« Le Salon des initiatives solidaires de Narbonne reste le rendez-vous le plus fréquenté » beside the
    entry « Salon des initiatives solidaires »: a sentence that writes another reading's whole title."""
    wa, wb = _title_words(a.title), _title_words(b.title)
    short, long = sorted((wa, wb), key=len)
    return len(short) >= 2 and short < long


def _same_kind(a, b) -> bool:
    """« un ciné-débat autour des semences paysannes » in an article and « Ciné-débat « Les Semeurs de communs » »
    in its box: the same kind of event, named at the head of both titles."""
    kinds = {canonical_kind(kind_in(title, within=20)) for title in (a.title or "", b.title or "")}
    return len(kinds) == 1 and None not in kinds


def _unnamed_twin(a, b) -> bool:
    """Two readings of one span in one place, one of which names no event (« Quatre jours pour découvrir
    l'ESS » beside « Festival Cap Solidaire »): a multi-day span, the same commune."""
    if not a.commune_code or a.commune_code != b.commune_code or a.start_date == a.end_date:
        return False
    return has_event_noun(a.title) != has_event_noun(b.title)


def _kind_named(a, b) -> bool:
    """« le salon des 15 et 16 novembre à Rémire-Montjoly » beside « Salon de l'ESS guyanaise », the same days in the
    same commune: one event, named by its kind alone the first time."""
    wa, wb = _title_words(a.title), _title_words(b.title)
    one = wa if len(wa) == 1 else wb if len(wb) == 1 else None
    return bool(one) and a.commune_code is not None and a.commune_code == b.commune_code \
        and bool(kind_in(next(iter(one)))) and one <= (wb if one is wa else wa)


# the edition's opening, closing or prizes: one a day in one place, however each mention words it
# (« le Mois, qui s'ouvrira le vendredi 3 … et se clôturera le jeudi 30 »: told by its verbs too)
_MILESTONE = {"opening": re.compile(r"\b(?:ouverture|lancement|inaugur)|\bs['’]ouvr(?:e|ira|ent)\b", re.IGNORECASE),
              "closing": re.compile(r"\bcl[ôo]ture\b|\bse\s+cl[ôo]tur(?:e|era|ent)\b", re.IGNORECASE),
              "prizes": re.compile(r"\btroph[ée]es\b|\bprix\s+de\s+l['’]\s*ess\b|\bremise\s+des\s+prix\b", re.IGNORECASE)}


def _same_milestone(a, b) -> bool:
    """« Soirée d'ouverture régionale du Mois de l'ESS » in a teaser and « Ouverture du Mois de l'ESS en Pays
    de la Loire » in the agenda, the same day in the same commune: one opening."""
    if a.commune_code != b.commune_code or not a.commune_code and not (_told(a) or _told(b)):
        return False        # (no commune yet: a sentence that tells the programme's own opening of that day)
    return any(m.search(_milestone_text(a)) and m.search(_milestone_text(b)) for m in _MILESTONE.values())


def _milestone_text(event) -> str:
    """The title, and for an event told in a sentence the sentence too (its verb may be on the next line)."""
    return f"{event.title or ''} {event.description or ''}" if _told(event) else event.title or ""


def _alike(a: str, b: str) -> bool:
    wa, wb = _title_words(a), _title_words(b)
    return bool(wa and wb) and len(wa & wb) >= 0.8 * min(len(wa), len(wb)) and len(wa & wb) >= 0.5 * len(wa | wb)


# what holds other events (an exhibition that runs a week holds none)
_HOLDS = re.compile(r"fest(?:ival)?\b|semaine|quinzaine|f[êe]te|forum|salon|journ[ée]es|temps\s+forts?|village|rencontres|"
                    r"biennale|programme|campus|week-end|mois", re.IGNORECASE)


def _container_commune(events: list) -> None:
    """« Journée « Consommer local » », the 16th, in a festival held from the 14th to the 17th in Lille: an
    event without a commune inside a festival or week of the same document takes its commune, flagged."""
    spans = [e for e in events if e.commune_code and e.start_date and e.end_date and _HOLDS.search(e.title or "")
             and 1 <= (dt.date.fromisoformat(e.end_date) - dt.date.fromisoformat(e.start_date)).days <= 10]
    for event in events:
        if event.commune_code or event.commune_name or event.online or not event.start_date:
            continue
        holder = [s for s in spans if s is not event and s.start_date <= event.start_date
                  and (event.end_date or event.start_date) <= s.end_date and (s.line or 0) <= (event.line or 0)]
        if len({s.commune_code for s in holder}) == 1:
            event.commune_code, event.commune_name = holder[0].commune_code, holder[0].commune_name
            event.warn(f"commune reprise de « {holder[0].title} » qui l'englobe : à vérifier", 0.1)


def _venue_addressed(events: list, text: str, context: Context) -> None:
    """« … soirée au Tiers-lieu La Fabrique » and, further down, « Tiers-lieu La Fabrique, 24 rue des Écoles,
    93100 Montreuil »: a venue the document gives an address for elsewhere is in that address's commune. A
    room of a site (« Campus Bercy-Seine, salle 204 ») is where the site's address (« Campus Bercy-Seine –
    21 quai de la Rapée, 75012 Paris », in the page's list of places) says."""
    for event in events:
        if event.commune_code or event.commune_name or event.online or not event.venue or len(event.venue) < 6:
            continue
        site = re.split(r"\s*[,(–—|]\s*", event.venue)[0]
        names = [event.venue] + ([site] if site != event.venue and len(site) >= 6 else [])
        for m in (m for name in names for m in re.finditer(re.escape(name), text, re.IGNORECASE)):
            coded = POSTCODE_NAME.search(text, m.end(), m.end() + 120)
            coded = coded if coded and "\n" not in text[m.end():coded.start()] else None
            found = context.places.postcode_commune(coded.group(1), coded.group(2)) if coded else None
            if not (found and found.code):
                found = _directory_commune(text, m.end(), context.places)
            if found and found.code:
                event.commune_code, event.commune_name = found.code, found.name
                event.warn(f"commune de « {event.venue} » lue dans son adresse, ailleurs dans le document", 0.05)
                break


def _directory_commune(text: str, at: int, places: Places):
    """The commune a table of places gives on the row of a venue's name, in a later cell: « | La Grange |
    lieu-dit Kerantour | Plougonven | », « | Ti-Kêr | rue de la Gare | Sant-Tegoneg (Saint-Thégonnec) | »."""
    end = text.find("\n", at)
    row = text[at:end if end >= 0 else len(text)]
    if "|" not in row and "\t" not in row:
        return None
    for cell in re.split(r"\s*(?:\||\t)\s*", row)[1:]:
        for name in [cell] + re.split(r"\s*/\s*|\s*[()]\s*", cell):
            found = commune_cell(name, places) if name.strip() else None
            if found and found.code:
                return found
    return None


# « Ⓑ Maison de quartier de Beaulieu » over « boulevard Savari, Poitiers » in a leaflet's list of places, then
# « Ⓑ – par le Centre social » under an event: a venue given by its letter
_KEY = re.compile(r"^\s*(?P<key>[\u24B6-\u24CF\u2460-\u2473]|\([A-Z]\))(?=\s|$)\s*(?P<dash>[–—-])?\s*(?P<rest>.*)$")
# « LISIEUX ① » in an entry: a place given by its number in the list of places
_KEY_IN_TEXT = re.compile(r"[\u24B6-\u24CF\u2460-\u2473]")


def _keyed_venues(events: list, lines: list, context: Context) -> None:
    """Events whose lines give a venue by the letter of the document's list of places (« Ⓑ ») take that
    venue and its commune."""
    places, keys, used = context.places, {}, []
    for i, line in enumerate(lines):
        m = _KEY.match(line.text)
        if m and (m.group("dash") or not m.group("rest")):
            used.append((line.n, m.group("key")))       # « Ⓑ – par … », « Ⓐ »: an entry's venue, by its letter
        if not m or m.group("dash") or not m.group("rest") or dates.search_dates(line.text, loose=True):
            continue
        under = next((lines[j].text for j in range(i + 1, min(i + 3, len(lines))) if not lines[j].blank), "")
        # the place on its key's line (« ② Jardin partagé, route de Glos, 14100 Glos »), else its street under it
        place = parse_place(m.group("rest"), places, fuzzy=True, commune_first=False)
        if not (place.commune and place.commune.code) and under:
            place = parse_place(f"{m.group('rest')}, {under}", places, fuzzy=True, commune_first=False)
        if place and place.commune and place.commune.code:
            keys.setdefault(m.group("key"), (m.group("rest").strip(), place.commune))
    if not keys:
        return
    starts = sorted(e.line for e in events if e.line is not None)
    for event in events:
        if event.line is None or event.commune_code or event.online:
            continue
        nxt = bisect.bisect_right(starts, event.line)
        end = starts[nxt] if nxt < len(starts) else event.line + 8
        at = bisect.bisect_left(used, (event.line, ""))
        found = keys.get(used[at][1]) if at < len(used) and used[at][0] < end else None
        written = _KEY_IN_TEXT.findall(event.title or "")
        found = found or (keys.get(written[0]) if len(written) == 1 else None)
        if found:
            event.venue = event.venue or found[0]
            event.commune_code, event.commune_name = found[1].code, found[1].name


def _venue_key(venue: str | None) -> str:
    first = re.split(r"\s*[,(–—|]\s*", re.sub(r"[^\w\s'’,()–—|-]", "", venue or "").strip())[0]
    return dates.fold(first).strip() if len(first) >= 4 else ""


def _same_venue_commune(events: list) -> None:
    """« Apéro d'ouverture, 📍 L'Écluse, Marseille » and, later, « L'Écluse, salle du haut »: a venue the
    document places in a commune for one event is in that commune for the others, flagged."""
    known = {}
    for event in events:
        if event.commune_code and _venue_key(event.venue):
            known.setdefault(_venue_key(event.venue), set()).add((event.commune_code, event.commune_name))
    for event in events:
        found = known.get(_venue_key(event.venue)) if not (event.commune_code or event.commune_name or event.online) else None
        if found and len(found) == 1:
            event.commune_code, event.commune_name = next(iter(found))
            event.warn(f"commune de « {event.venue} » reprise d'un autre événement du document au même lieu", 0.05)


# « PESSAC. Ils étaient une soixantaine … », « LORIENT — La coopérative … »: a press dateline
_DATELINE_TOWN = re.compile(r"^\s*([A-ZÀ-Ý][A-ZÀ-Ý'’ -]{2,40}[A-ZÀ-Ý])(?:\s*\(\d{2,3}\))?\s*(?:\.|—|–|-|\|)\s+(?=[A-ZÀ-Ý«])",
                            re.MULTILINE)


def _home_commune(events: list, text: str, context: Context) -> None:
    """A press article's dateline (« PESSAC. … », « GRENOBLE | SOCIÉTÉ »), a page's breadcrumb
    (« Accueil > Finistère > Brest ») or a town hall's site name (« Ville de Montreuil ») names the commune it is written from: its events that say no
    commune of their own are taken to be there, flagged."""
    missing = [e for e in events if not (e.commune_code or e.commune_name or e.online)]
    found = _home_of(text[:5000], context) if missing else None
    if not found:
        return
    for event in missing:
        event.commune_code, event.commune_name = found.code, found.name
        event.warn(f"commune {found.name} prise de la ligne de tête ou du fil d'Ariane de la page : à vérifier", 0.15)


# (alone on its line, or a mail's sender: « De : Ville de Reims - Vie associative <…> »; not an organiser's
# « Finansol - Ville de Lille »)
_TOWN_SITE = re.compile(r"(?:^\s*|^(?:De|From)\s*:\s*)(?:Ville|VILLE|Mairie|MAIRIE|Commune|COMMUNE)\s+(?:de\s+|DE\s+|d['’]\s*|"
                        r"D['’]\s*)([A-ZÀ-Ý][\w'’]*(?:[ -][\w'’]+){0,5}?)\s*(?:$|\s[-–|·]\s|\s*<)", re.MULTILINE)
# « LYCÉE DES MÉTIERS JEAN-ROUDIER — PÉRIGUEUX »: a structure's name, then its town
_NAME_TOWN = re.compile(r"^(?i:lyc[ée]e|coll[èe]ge|[ée]cole|association|mairie|mjc|centre|maison|coop[ée]rative|scop|scic|"
                        r"universit[ée]|m[ée]diath[èe]que|biblioth[èe]que|r[ée]seau|collectif|cress|tiers-lieu|ressourcerie|"
                        r"recyclerie)\b[^\n]{2,80}?\s[—–-]\s+([A-ZÀ-Ý][A-ZÀ-Ý'’ -]{2,40}[A-ZÀ-Ý])\s*$", re.MULTILINE)
# « FORCALQUIER & ALENTOURS », « Quimper et ses environs »: a flyer's heading, its town and around it
_TOWN_AROUND = re.compile(r"^\s*([A-ZÀ-Ý][\w'’ -]{1,40}?)\s+(?:&|et|ET)\s+(?i:(?:ses|les|son|sa)\s+)?"
                          r"(?i:alentours|environs)\s*$", re.MULTILINE)
_PLACE_TAG = re.compile(r"^\s*([A-ZÀ-Ý][\w'’ -]{1,40}?),\s*([A-ZÀ-Ý][\w'’ -]{2,40}?)\s*$", re.MULTILINE)
_BREADCRUMB = re.compile(r"^[^\n>›»]{2,40}(?:\s*[>›»]\s*[^\n>›»]{2,40}){1,5}$", re.MULTILINE)


def _home_of(head: str, context: Context):
    """The commune a page's head says it is about: a dateline in capitals, an organisation's name with its
    town (« LYCÉE JEAN-ROUDIER — PÉRIGUEUX »), a town hall's site, or a breadcrumb's commune."""
    # a dateline heads its article once; « TINQUEUX - Jeudi 6 novembre … », « EPERNAY - Mercredi 12 … »: a list's items
    datelines = list(_DATELINE_TOWN.finditer(head))
    dateline = datelines[0] if len({dates.fold(m.group(1)) for m in datelines}) == 1 else None
    for m in (dateline, _NAME_TOWN.match(head.lstrip()), _TOWN_AROUND.search(head[:1500])):
        found = context.places.commune(m.group(1).title()) if m else None
        if found and found.code:
            return found
    for m in _PLACE_TAG.finditer(head[:600]):       # « Brest, Finistère »: where a post or an account says it is
        found = context.places.commune(m.group(1))
        within = [c for c in (found.candidates if found else []) if dates.fold(c.department_name) == dates.fold(m.group(2))]
        if len(within) == 1:
            return Resolved(m.group(1), within[0].code, within[0].name, False, within)
    site = _TOWN_SITE.search(head)      # « Ville de Montreuil »: the name of a town hall's site
    name = site.group(1).title() if site and is_caps(site.group(1)) else site.group(1) if site else None
    found = commune_cell(name, context.places) if site else None
    if found and found.code:
        return found
    for crumb in _BREADCRUMB.finditer(head):
        for item in reversed(re.split(r"\s*[>›»]\s*", crumb.group(0))):
            found = commune_cell(item.strip(), context.places)
            if found and found.code:
                return found
    return None


def _before_publication(events: list, candidates: list, year: int) -> None:
    """An event dated before the document itself was published (« Publié le 6 novembre ») may be a past
    fact told in passing: kept, with less confidence."""
    published = None
    for anchor in candidates:
        if anchor.reason == keep.PUBLISHED and anchor.found and anchor.found.points[0].month:
            period = dates.resolve(anchor.found, year)
            published = period.start if period else published
            break
    if published is None:
        return
    for event in events:
        if event.start_date and (event.end_date or event.start_date) < published.isoformat():
            event.warn(f"date antérieure à la publication du document ({dates.format_day(published)}) : "
                       "événement peut-être passé", 0.3)
