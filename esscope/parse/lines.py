"""Stage 1 — lines: a document's text as lines, each with its indentation and bullet taken off (but
remembered), Markdown marks dropped, labels alone on their line joined to their value, footers
repeated through the document blanked, and the rows of tables with a header row given their cells."""

import functools
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from . import dates
from .keep import cancelled_cell
from .places import is_address
from .tables import Header, day_first_dates, header_of, row_cells, ruled_header
from .timeline import untimelined
from .vocabulary import column_field, label_of

# (a pictograph before an item's hours marks the item, « ♻ 10h-18h · Marché … », « 🎵 20h30 · Concert »; a clock does not)
BULLET = re.compile(r"^(\s*)([•◦▪▫■□●○♦◆◇❖►▸▶➢➤‣⁃∙·*+\-–—>→➔⇒✓✔☞👉🔹🔸🔶🔷✅]|o(?=\s)|\d{1,2}[.)](?=\s)|[a-z]\)(?=\s)|"
                    "(?![\U0001F550-\U0001F567\u23f0\u231a])[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?"
                    "(?=\\s+\\d{1,2}\\s*[h:]))\\s+")


# « NANCY. Conférence-débat … »: a press agenda's item opens on its commune in capitals
TOWN_FIRST = re.compile(r"^(?P<town>[A-ZÀ-Ý][A-ZÀ-Ý'’ -]{2,40}[A-ZÀ-Ý])\.\s+(?=\S)")
# « MARSEILLE 1er — Ouverture officielle … », « LA SEYNE — Foire … »: an item's commune in capitals, then a dash
TOWN_DASH = re.compile(r"^(?P<town>[A-ZÀ-Ý][A-ZÀ-Ý'’ -]{2,40}[A-ZÀ-Ý](?:\s+\d{1,2}(?:er|e|ème))?)\s+[—–]\s+(?=\S)")
FUNCTION_END = re.compile(r"(?:\b(?:de|des|du|le|la|les|et|à|au|aux|en|un|une|pour|sur|avec|dans|par|d['’]|l['’]|"
                           r"ou|entre|son|sa|ses|leur|leurs|vos|nos)|[/,&\-–])\s*$", re.IGNORECASE)


@dataclass
class Line:
    n: int
    text: str           # without indentation and bullet
    indent: int = 0
    bullet: bool = False
    header: Header | None = None    # the header of the table the line is a row of
    cells: list | None = None       # its cells, one per column of that header
    moved: bool = False             # it opened on « REPORTÉ AU », taken off: it gives an event's new date

    @property
    def blank(self) -> bool:
        return not self.text


def read_lines(text: str, cut=None) -> list:
    """The text's lines with their indentation and bullet taken off (but remembered). `cut` splits a
    line into parts read as lines of their own (the anchors stage cuts a paragraph written on one line
    before each of its sentences that opens with a date)."""
    cut = cut or (lambda body: [body])
    out = []
    for n, raw in _unwrapped(side_by_side(untimelined(unboxed(unstacked(uncounted(unpinned(unrun(untagged(unquoted(unfolded(text))).split("\n"))))))))):
        raw = _NOTE_LEAD.sub("", raw)
        expanded = unglue(plain_markup(_GERMAN_DATE.sub("", _without_leaders(_date_first(_BOX.sub(" ", _rule_kept(raw))).rstrip()))))
        expanded = _SEE_ALSO.sub("", _AT_VENUE.sub(" – 📍 ", expanded))
        moved = bool(_MOVED_TO.match(expanded))
        expanded = _STATUS.sub("", _FORMERLY_REMARK.sub("", _MOVED_TO.sub("", expanded, count=1)))
        timed = _TITLE_TIME.match(expanded)
        if timed and not dates.search_dates(timed.group("title"), loose=True) and not dates.match_date(expanded.strip()) \
                and not re.search(r"\d\s*h\b|\b(?:de|à|dès|entre)\s*$", timed.group("title")):    # « de 9 h à » / « 17 h : »
            # « Fête interculturelle 14h30 : Salle des Fêtes … » → the title, then when and where
            out.append(Line(n, timed.group("title").strip(), 0, False))
            expanded = timed.group("rest")
        pictured = _dated_pictograph(expanded)
        m = BULLET.match(expanded) or pictured
        if m and (not dates.match_date(expanded.strip()) or pictured):
            body = expanded[m.end():].strip()
            numbered = _dated_pictograph(body)      # « ■ 2  VENDREDI 10 NOVEMBRE »: the fiche's number after the bullet
            body = body[numbered.end():] if numbered else body
            out.append(Line(n, body, len(m.group(1)), True))
        else:
            indent = len(expanded) - len(expanded.lstrip())
            body = re.sub(r"^\|\s*", "", expanded.strip())     # a table row read from a web page
            body = _NUMBERED.sub("", body)
            parts = [part for field in _fields_apart(body) for part in cut(field)]
            out.extend(Line(n, part, indent, False, moved=moved and not k) for k, part in enumerate(parts))
    out = [Line(line.n, "", line.indent, False) if is_menu(line.text) or _CONTINUED.match(line.text) else line
           for line in out]
    return _drop_repeated_paragraphs(_drop_running_lines(_join_bare_labels(_join_restated_days(_join_split_dates(out)))))


# « Action 3 – Marché … », « Fiche n° 2 : Atelier … »: an entry's number in a file, before its title
_NUMBERED = re.compile(r"^(?:action|fiche|projet)\s+(?:n[°o]\s*)?\d{1,3}\s*[–—:-]\s+(?=\S)", re.IGNORECASE)


def _fields_apart(text: str) -> list:
    """« Date : jeudi 5 novembre, 14h-17h · Lieu : pépinière …, 64230 Lescar »: a line of labelled fields
    → one line per field (what follows a field up to the next label stays with it)."""
    segments = re.split(r"\s+·\s+", text) if " · " in text else [text]
    if sum(label_of(segment) is not None for segment in segments) < 2:
        return [text]
    out = []
    for segment in segments:
        if out and label_of(segment) is None:
            out[-1] = f"{out[-1]} · {segment}"
        else:
            out.append(segment)
    return out


# « AGENDA (suite) », « Programme (suite et fin) »: a heading that carries a list over to the next page
_CONTINUED = re.compile(r"^\W*[^\W\d][^()]{0,40}\(\s*suite(?:\s+et\s+fin)?\s*\)\W*$", re.IGNORECASE)
# « … – voir au 21 novembre. », « (voir p. 12) »: where the entry is told, after its title
_SEE_ALSO = re.compile(r"\s*(?:[–—-]\s*|\(\s*)voir\s+(?:au|le|p\.|page|ci-dessous|ci-dessus|plus\s+(?:bas|haut))\b[^()]{0,30}"
                       r"\)?\s*\.?\s*$", re.IGNORECASE)


# « Initialement prévue le jeudi 10 novembre, REPORTÉE au mercredi 16 novembre · 20h », « ⚠ REPORTÉ AU 25 novembre »:
# what a line says before an event's new date, taken off so that the line opens on that date
FORMERLY = re.compile(r"^\s*(?:initialement|primitivement|d['’]abord)\s+(?:pr[ée]vue?s?|programm[ée]e?s?|annonc[ée]e?s?)\b",
                       re.IGNORECASE)
# (« Description : REPORTÉE au jeudi 27 novembre, … »: a calendar's description field that says it)
_MOVED_TO = re.compile(r"^\s*(?:[^\w\s«\"'(]{1,3}\s*)?(?:\d{1,3}\s{2,})?(?:(?:description|infos?|note|remarque|statut|autocollant|sticker|erratum|rectificatif|mise\s+à\s+jour|modification|attention|important|derni[èe]re\s+minute)\s*:\s*)?(?:(?:initialement|primitivement|d['’]abord)\s+(?:pr[ée]vue?s?|programm[ée]e?s?|annonc[ée]e?s?)"
                       r"\s+[^,;]{3,40}?\s*[,;]?\s*(?:et\s+)?)?(?:(?:report[ée]e?s?|d[ée]cal[ée]e?s?|d[ée]plac[ée]e?s?|"
                       r"avanc[ée]e?s?)(?:\s+(?:au|à)|\s*(?:→|->|⇒|➜))|(?:date\s+modifi[ée]e|nouvelle\s+date|changement\s+de\s+date)\s*(?::|→|->|⇒|➜))\s+"
                       r"(?=(?:lun|mar|mer|jeu|ven|sam|dim)\w*\.?\s+\d|\d)", re.IGNORECASE)

# « (initialement prévue le mardi 18) », « (et non le mardi 22 comme annoncé) »: a remark on the old date,
# never part of a title
_FORMERLY_REMARK = re.compile(r"\s*\((?:(?:initialement|primitivement|d['’]abord)\s+(?:pr[ée]vue?s?|programm[ée]e?s?|"
                              r"annonc[ée]e?s?)\b|et\s+non\s+(?:plus\s+)?(?:le|la|du)\b|au\s+lieu\s+du\b)[^()]{0,80}\)|"
                              # « …, annoncé dans notre précédente édition pour le mardi 17 novembre, aura finalement lieu … »
                              r"(?<=,)\s*(?:(?:initialement|primitivement|d['’]abord)\s+)?(?:annonc|pr[ée]vu)[ée]?e?s?\s[^,()]{0,60}?"
                              r"\ble\s+(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?\d{1,2}(?:er)?(?:\s+novembre)?\s*"
                              r"(?=,\s*(?:aura|a)\s+(?:finalement\s+|bien\s+)?lieu|,\s*se\s+tiendra)",
                              re.IGNORECASE)

# « EN COURS · Exposition … », « NOUVEAU – Atelier … »: an agenda's badge over a card's title, never part of it
_STATUS = re.compile(r"^\s*(?:en\s+cours|nouveau|nouveaut[ée]|à\s+la\s+une|derniers\s+jours|dernier\s+jour)\s*[·•|:–—-]\s+(?=\S)",
                     re.IGNORECASE)

# « Afterwork des coops @ Le Bocal, Lyon 7e »: a post's « @ » between an event and its venue (not a mail, not
# a « @handle »)
_AT_VENUE = re.compile(r"(?<=\S)[ \t]+@[ \t]+(?=[A-ZÀ-Ý0-9])")

# « 📍 mar. 5/11 | 18h | … », « 🗓️ 12/11 : … »: a post's pictograph heading a dated line, as a bullet would
_PICTOGRAPH = re.compile("^(\\s*)([\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?)\\s+")


# « ▲ 1  MERCREDI 8 NOVEMBRE | 18h », « 4  NOV. 21 | 19h »: a brochure's symbol and the number of its fiche (the
# map's key) before the date
_FICHE = re.compile("^(\\s*)((?:[\U0001F300-\U0001FAFF\u2600-\u27BF\u25A0-\u25FF]\ufe0f?\\s*)?\\d{1,3}\\s{2,}|"
                    "[\u25A0-\u25FF]\\s+)")


def _dated_pictograph(line: str):
    for pattern in (_FICHE, _PICTOGRAPH):
        m = pattern.match(line)
        if not m or re.search(r"\S\s{3,}\S", line[m.end():].rstrip()):
            continue    # a row of a table aligned with spaces (« 1    jeu. 08/11      18h ») keeps its number cell
        found = dates.match_date(line[m.end():])
        if found and found.kind != "month":
            return m
    return None


_MENU_WORDS = re.compile(r"^(?:accueil|programme|agenda|actualit[ée]s|actus|contact|contacts|presse|infos?\s+pratiques|"
                         r"ajouter\s+à\s+mon\s+(?:calendrier|agenda)|partager|signaler\s+une\s+erreur|imprimer|"
                         r"s['’]inscrire|r[ée]server|facebook|x|twitter|linkedin|whatsapp|courriel|e-mail|"
                         r"exposants|partenaires|b[ée]n[ée]voles?|devenir\s+b[ée]n[ée]vole|rechercher|recherche|menu|"
                         r"d[ée]marches|vie\s+municipale|nous\s+contacter|qui\s+sommes-nous|mentions\s+l[ée]gales|"
                         r"newsletter|adh[ée]rer|espace\s+membres?|connexion|se\s+connecter|faq|plan\s+du\s+site|"
                         r"[ée]v[ée]nements|[ée]v[èe]nements|ressources|blog|boutique|don|faire\s+un\s+don)$", re.IGNORECASE)


# « [00:33] INVITÉ : … »: the time code and the speaker of a transcript's turn
_TURN = re.compile(r"^\[\d{1,2}:\d{2}(?::\d{2})?\]\s*(?:[A-ZÀ-Ý][A-ZÀ-Ý'’ .-]{1,30}\s*:\s*)?", re.MULTILINE)


# « Ouverture officielle ........... 8 »: a table of contents' dotted leader and page number
_LEADERS = re.compile(r"\s*(?:(?:\.\s?){4,}|…{2,}|(?:_\s?){4,})\s*\d{0,3}\s*$")


# « ........ p. 4 »: a page referred to at the end of a contents line (its leader looked for before it)
_PAGE_REFERENCE = re.compile(r"(?<=[.…_\s])(?:p\.|page)\s*\d{1,3}\s*$", re.IGNORECASE)


def _without_leaders(line: str) -> str:
    """The line without its dotted leader and page number. Looked for in the line's tail of dots, spaces and
    figures only: searched through a whole line, a long run of dots followed by a word took seconds."""
    page = _PAGE_REFERENCE.search(line[-24:])
    if page:
        before = line[:max(0, len(line) - 24) + page.start()].rstrip(" \t")
        if len(before) - len(before.rstrip(".…_ ")) >= 4:
            return ""   # « JEU. 8 NOV.  Lancement – Metz ........ p. 4 »: a contents line, the event is told on its page
    body = line.rstrip(" \t.…_0123456789")
    if len(body) == len(line):
        return line
    tail = line[len(body):]
    found = _LEADERS.search(tail)
    return body + tail[:found.start()] if found else line

# the marks an e-mail puts before the lines it quotes (« > », « > > » when forwarded twice)
_QUOTE = re.compile(r"^(?:[ \t]*>)+[ \t]?", re.MULTILINE)
_QUOTE_ONLY = re.compile(r"^(?:[ \t]*>)+[ \t]*$", re.MULTILINE)
_NESTED = re.compile(r"^[ \t]*>[ \t]*>", re.MULTILINE)


def unquoted(text: str) -> str:
    """A forwarded e-mail's text without its quote marks: « > > MARDI 2 NOVEMBRE — 17h30 » reads as the
    programme it quotes; a newsletter's « ** » before its headings taken off. Only in a text that quotes as e-mails do (lines of marks alone, quotes in quotes):
    elsewhere « > » may be a bullet."""
    text = _STARRED_HEADING.sub("", text) if len(_STARRED_HEADING.findall(text)) >= 3 else text
    # « | Mercredi 3 novembre - 14h »: a scanned page's border rule read before each line of a box (no other « | »)
    if len(_BORDERED.findall(text)) >= 6 and not _BORDERED_CELLS.search(text):
        text = _BORDERED.sub("", text)
    if len(_QUOTE_ONLY.findall(text)) < 2 and len(_NESTED.findall(text)) < 2:
        return text
    return _QUOTE.sub("", text)


_BORDERED = re.compile(r"^\|[ \t]+(?=\S)", re.MULTILINE)
_BORDERED_CELLS = re.compile(r"^\|[ \t]+[^|\n]*\S[ \t]+\|", re.MULTILINE)
# « ** Jeudi 5 novembre – Chambéry »: a heading as a newsletter's text version writes it (three or more of them)
_STARRED_HEADING = re.compile(r"^\*\*\s+(?=[^*\s])(?![^\n]*\*\*\s*$)", re.MULTILINE)


def unfolded(text: str) -> str:
    """An accordion's headings as their names: « ▾ Turckheim (3 rendez-vous) » → « Turckheim »; a shared
    document's comment anchors taken off (« Portes ouvertes de la ressourcerie[a] », « [a]Julie : … »)."""
    if len(_COMMENT_ANCHOR.findall(text)) >= 2:
        text = _COMMENT_ANCHOR.sub("", text)
    return _FOLD_HEADING.sub(r"\1", text)


# a comment's anchor in a document exported from an editor, and again before the comment at its end
_COMMENT_ANCHOR = re.compile(r"(?:(?<=\S)|^)\[[a-z]{1,2}\](?=\s|$|[A-ZÀ-Ý])", re.MULTILINE)


_FOLD_HEADING = re.compile(r"^[▾▿▸▹►▶⯆⯈+]\s*(\S[^\n]*?)\s*\(\d+\s+(?:rendez-vous|[ée]v[ée]nements?|dates?|animations?|"
                           r"r[ée]sultats?|manifestations?)\)[ \t]*$", re.MULTILINE | re.IGNORECASE)


def untagged(text: str) -> str:
    """A transcript's text without the time code and speaker that open each turn (three turns or more),
    so that what is said reads as running text."""
    return _TURN.sub("", text) if len(_TURN.findall(text[:20_000])) >= 3 else text


def is_menu(text: str) -> bool:
    """« Programme   Infos pratiques   Exposants   Presse », « Accueil | Agenda | Contact »: a site's
    navigation copied with the page — short capitalised items, some of them menu words, no sentence."""
    if cancelled_cell(text):
        return False        # « [ ANNULÉ ] »: a status in brackets, not a button
    if _BUTTONS.match(text.strip()) or _COUNTERS.match(text.strip()) or _SEATS.match(text.strip()) \
            or _SALES_END.match(text.strip()) or _PICTURE.match(text.strip()):
        return True
    cells = [c.strip() for c in re.split(r"\s{3,}|\s+[|·•]\s+", text.strip()) if c.strip()]
    if len(cells) >= 2 and all(_BUTTONS.match(c) for c in cells):
        return True     # « → Plus d'infos    + Ajouter à mon agenda (.ics) »: a card's buttons
    if len(cells) < 3 or any(len(c.split()) > 4 or re.search(r"[\d.!?:;,]", c) or not c[:1].isupper() for c in cells):
        return False
    return sum(bool(_MENU_WORDS.match(c)) for c in cells) >= 2


# « Partager : Facebook X LinkedIn », « Ajouter à mon agenda », « + Ajouter à mon calendrier », « En savoir plus »,
# « Je m'inscris », a slider's « Précédent » / « Suivant »: a page's buttons
# « [Image : affiche bleue du Mois de l'ESS] »: a picture's text, as a page saved as text writes it
_PICTURE = re.compile(r"^\[(?:image|photo|illustration|visuel|img)\b[^\]]*\]$", re.IGNORECASE)
_BUTTONS = re.compile(r"^[+>•→]?\s*(?:partager(?:\s*:.*)?|ajouter\s+à\s+mon\s+(?:agenda|calendrier)(?:\s*\(\.?ics\))?|"
                      r"(?:en\s+savoir|voir|lire|plus\s+d['’]infos?|d[ée]tails?)(?:\s+(?:plus|la\s+suite|l['’][ée]v[ée]nement|"
                      r"le\s+d[ée]tail))?[\s>»→›<]*|"
                      r"(?:facebook|x|twitter|linkedin|whatsapp|courriel|e-mail|imprimer)(?:\s*[|,]?\s*(?:facebook|x|"
                      r"twitter|linkedin|whatsapp|courriel|e-mail|imprimer))+|j['’]aime\s+chargement…?|"
                      r"je\s+m['’]inscris|s['’]inscrire|je\s+r[ée]serve|r[ée]server|pr[ée]c[ée]dent|suivant|"
                      r"retour\s+[àa]\s+la\s+liste)$", re.IGNORECASE)


# « 142 personnes intéressées · 38 participants », « 👍❤️ 46    7 commentaires    12 partages », « ☆ Intéressé(e)
# ↗ Partager »: a social network's counters and buttons under a post or an event
_COUNTER = (r"(?:(?:[^\w\s]{1,4}\s?)?\d+(?:[,.]\d+)?\s?[kK]?\s+(?:personnes?\s+int[ée]ress[ée]e?s?|participants?|j['’]aime|"
            r"followers|abonn[ée]e?s|commentaires?|partages?|r[ée]actions?|vues?)|[^\w\s]{1,4}\s*\d+|"
            r"[☆★↗]\s*(?:int[ée]ress[ée](?:\(e\))?|partager|je\s+participe))")
# (one run of spaces between two counters: spaces matched by several quantifiers in a row made a long blank
# line cost seconds)
_COUNTERS = re.compile(rf"^{_COUNTER}(?:(?:\s?·\s?|\s{{2,}}){_COUNTER})*$", re.IGNORECASE)

# « COMPLET », « Liste d'attente uniquement », « 4 places restantes », « Gratuit · [ Réserver ] »: how many seats a
# ticketing page has left, and its buttons
_SEATS = re.compile(r"^(?:(?:complet|liste\s+d['’]attente(?:\s+uniquement)?|\d+\s+places?\s+(?:restantes?|disponibles?)|"
                    r"derni[èe]res\s+places|gratuit|\[[^\]]{1,40}\](?:\s*\(\d+[^)]{0,40}\))?)\s*(?:[·•|,-]\s*|$))+$",
                    re.IGNORECASE)
# « Fin des ventes pour chaque session : la veille à 23h59 », « Choisissez votre session »: a ticketing page's
# instructions
_SALES_END = re.compile(r"^(?:fin\s+des\s+(?:ventes|inscriptions|r[ée]servations)\b|choisissez\s+(?:votre|une|vos)\s+"
                        r"(?:session|date|cr[ée]neau|s[ée]ance)s?\b)", re.IGNORECASE)
# « Mardi 5 novembre, 18h · Dienstag, 5. November, 18 Uhr »: a cross-border flyer's date said again in German
_GERMAN_DATE = re.compile(r"\s*[·/|]\s*(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Mo|Di|Mi|Do|Fr|Sa|So)\.?,?"
                          r"\s+\d{1,2}\.(?=[^·/|]*(?:November|Oktober|Dezember|Nov\.|\d{1,2}\.|Uhr))[^·/|]*$")
# the lines and corners of a box drawn with characters (« ┌────┐ »)
# « ── ──────── ────── » under a table's column names: where its columns start, kept as dashes
_BOX_RULE = re.compile(r"[ \t]*[─━═]{2,}(?:[ \t]+[─━═]{2,})+[ \t]*")


def _rule_kept(raw: str) -> str:
    return re.sub(r"[─━═]", "-", raw) if _BOX_RULE.fullmatch(raw) else raw


_BOX = re.compile(r"[\u2500-\u259f]+")      # box drawing, and the shading blocks of a sticker or a band (« ▓▓ »)

_GAP = re.compile(r"(?<=\S)\s{3,}(?=\S)")
# a field's label at the start of a line (« Objet : », « Organisateur de la réunion : »)
_LABEL_LEFT = re.compile(r"^\s*[^\W\d_][\w'’ -]{0,40}?\s*:$")


def _column_gaps(raw: str) -> list:
    """The gaps between two columns on a line; not the one after a field's label (« Objet :    Troc de
    jouets »: a form, one column)."""
    return [m for m in _GAP.finditer(raw) if not _LABEL_LEFT.match(raw[:m.start()])]


# a card drawn in characters: « +-------+ » edges, « | NOV   |  Forum emploi » rows, the date in the box
_BOX_EDGE = re.compile(r"^\s*\+[-=+]{3,}\+(?P<right>.*)$")
_BOX_ROW = re.compile(r"^\s*\|(?P<left>[^|]{1,40})\|(?P<right>[^|]*)\|?\s*$")


_COUNTER = re.compile(r"^(\s*(?:🧵\s*)?)(\d{1,2})/(\d{1,2})(?=\s)")


# « SAM. 10 NOV. 8H-13H Marché … MER. 14 NOV. 16H Atelier … »: a day as a poster heads each of its entries
_DAY_HEAD = re.compile(rf"(?<![\w/])(?:{dates.WEEKDAY_PATTERN})\.?\s+\d{{1,2}}(?:er)?\s+(?:{dates.MONTH_PATTERN})\.?(?![\w])",
                       re.IGNORECASE)
_RUN_LENGTH = 150


def unrun(raws: list) -> list:
    """Lines as they were before a poster's text was run into one (an image's description, « … qui dit « SAM. 10
    NOV. 8H Marché … MER. 14 NOV. 16H Atelier … » »): a long line holding three days or more in capitals cut
    before each."""
    out = []
    for raw in raws:
        # (in capitals, as a poster sets them: running text names its days in small letters)
        heads = [m.start() for m in _DAY_HEAD.finditer(raw) if m.group(0).isupper()] if len(raw) > _RUN_LENGTH else []
        if len(heads) < 3:
            out.append(raw)
            continue
        out += [raw[a:b].strip() for a, b in zip([0] + heads, heads + [len(raw)]) if raw[a:b].strip()]
    return out


def unpinned(raws: list) -> list:
    """« 🕐 12 h 15 – 14 h   📍 Site Citadelle – hall A »: a card's time and its place, set side by side, each
    on its own line."""
    return [part for raw in raws for part in (_PIN_AFTER.split(raw) if "📍" in raw or "📌" in raw else [raw])]


_PIN_AFTER = re.compile(r"(?<=\S)\s{2,}(?=📍|📌)")


def uncounted(raws: list) -> list:
    """A thread's posts numbered « 1/10 », « 2/10 » … (three or more out of one total) without their number,
    which is no date (« 4/10 » is not the 4th of October)."""
    counted = [m for m in map(_COUNTER.match, raws) if m and int(m.group(2)) <= int(m.group(3))]
    numbers = {}
    for m in counted:
        numbers.setdefault(m.group(3), []).append(int(m.group(2)))
    # a thread counts from 1, each post once (« 07/11 », « 09/11 » … are days of November)
    total = next((t for t, seen in numbers.items() if {1, 2, 3} <= set(seen) and len(seen) == len(set(seen))), None)
    if total is None:
        return raws
    return [_COUNTER.sub(r"\1", raw) if (m := _COUNTER.match(raw)) and m.group(3) == total else raw for raw in raws]


def unstacked(raws: list) -> list:
    """A poster extracted one big word per line (« MAR » / « 4 » / « NOV » / « LANCEMENT »): runs of one-word
    lines joined into lines again, each run cut before the dates it holds, so that a date opens its entry.
    Documents where one-word lines are not most of the text are left as they are."""
    words = [raw for raw in raws if raw.strip()]
    if len(words) < 40 or sum(len(raw.split()) == 1 for raw in words) < 0.6 * len(words):
        return raws
    out, run = [], []
    for raw in raws + [""]:
        if len(raw.split()) == 1:
            run.append(raw.strip())
            continue
        if run:
            out.extend(_cut_before_dates(re.sub(r"(?<=[^\W\d_])- ", "-", " ".join(run))))
            run = []
        out.append(raw)
    return out[:-1]


def _cut_before_dates(text: str) -> list:
    """« EN TOURAINE NOV. 12 ATELIER VÉLO » → « EN TOURAINE », « NOV. 12 ATELIER VÉLO »."""
    starts = [at for at, _ in dates.search_dates(text, loose=True) if at > 0]
    starts = [at for at in starts if not re.search(r"[\d&/]\s*$", text[:at])]   # « 29 & 30/11 » stays whole
    bounds = [0] + starts + [len(text)]
    return [_dash_after_date(text[a:b].strip()) for a, b in pairwise(bounds) if text[a:b].strip()]


def _dash_after_date(text: str) -> str:
    """« MAR 4 NOV LANCEMENT » → « MAR 4 NOV – LANCEMENT »: the poster's date, then what happens that day."""
    found = dates.match_date(text)
    if not found or not text[found.end:].strip() or re.match(r"^\s*[–—|:,-]", text[found.end:]):
        return text
    return f"{text[:found.end]} – {text[found.end:].strip()}"


def unboxed(raws: list) -> list:
    """Cards drawn with characters (a date box on the left, the event beside it, as a web page saved as
    text draws them) read box first, then beside it: « NOV » / « 02 » / « jeu. » / « Ouverture … ».
    Lines indented past the box under its bottom edge still belong beside it."""
    out, i = [], 0
    while i < len(raws):
        end = i
        while end < len(raws) and (_BOX_EDGE.match(raws[end]) or _BOX_ROW.match(raws[end])):
            end += 1
        rows = [m for raw in raws[i:end] for m in [_BOX_ROW.match(raw)] if m]
        if len(rows) < 2 or end - i == len(rows):
            out.append(raws[i])
            i += 1
            continue
        while end < len(raws) and raws[end].startswith(" " * 6) and raws[end].strip():
            end += 1
        lefts, rights = [], []
        for raw in raws[i:end]:
            m = _BOX_ROW.match(raw) or _BOX_EDGE.match(raw)
            left = m.groupdict().get("left", "") if m else ""
            right = m.group("right") if m else raw
            lefts += [left.strip()] if left.strip() else []
            rights += [right.strip()] if right.strip() else []
        # as many lines as were read, so that line numbers still say where each line was
        out += lefts + rights + [""] * (end - i - len(lefts) - len(rights))
        i = end
    return out


def side_by_side(raws: list) -> list:
    """A page laid out in two columns and extracted as text keeps them side by side (« Mardi 8 novembre
    Jeudi 10 novembre » on one line): the lines of such a stretch are cut at the column and read left
    column first, then right. A stretch is where most lines have one wide gap at the same place; tables,
    whose lines have several gaps, are left as they are. Each page (after a form feed) is read apart;
    a page whose lines each have one gap, wherever it falls, has its columns glued by the extraction."""
    pages, current = [], []
    for raw in raws:
        if raw.startswith("\f") and current:
            pages.append(current)
            current = []
        current.append(raw)
    pages.append(current)
    pages = [[raw.replace("\f", "") for raw in page] for page in pages]
    return [line for page in pages for line in _two_columns(page)]


def _two_columns(raws: list) -> list:
    column = _column(raws)
    if column is None:
        return _glued(raws)
    out, left, right = [], [], []
    for raw in raws + [None]:
        cut = _cut_at(raw, column) if raw is not None else None
        if cut is None:
            if left or right:
                out += left + [""] + right + [""]
                left, right = [], []
            if raw is not None:
                out.append(raw)
            continue
        if cut[0].strip() or cut[1].strip():
            left.append(cut[0])
            right.append(cut[1])
    return out


def _glued(raws: list) -> list:
    """A page whose every written line but a few has exactly one gap of three spaces or more, at no fixed
    place (« Visite de la SCOP X   Petit-déjeuner des … »): two columns glued, cut at each line's gap."""
    written = [raw for raw in raws if raw.strip()]
    one_gap = [raw for raw in written if len(_column_gaps(raw.strip())) == 1]
    if len(one_gap) < 6 or len(one_gap) < 0.7 * len(written) or any(len(_column_gaps(r.strip())) > 1 for r in written):
        return raws
    left, right = [], []
    for raw in raws:
        gap = next(iter(_column_gaps(raw.strip())), None)
        if not raw.strip():
            left.append("")
            right.append("")
        elif gap:
            left.append(raw.strip()[:gap.start()])
            right.append(raw.strip()[gap.end():])
        else:
            left.append(raw.strip())
    return left + [""] + right


def _column(raws: list):
    """Where a second column starts, when enough lines show one there, else None."""
    starts = Counter()
    for raw in raws:
        gaps = _column_gaps(raw)
        if len(gaps) == 1:
            starts[gaps[0].end() // 4] += 1
    if not starts:
        return None
    bucket, count = starts.most_common(1)[0]
    written = sum(1 for raw in raws if raw.strip())
    if count < 4 or count < 0.25 * written or bucket * 4 < 16:
        return None
    ends = [m.end() for raw in raws for m in _column_gaps(raw) if m.end() // 4 == bucket]
    return min(ends)


def _cut_at(raw: str, column: int):
    """(left, right) of a line of a two-column stretch, or None when the line does not fit the columns."""
    if not raw.strip():
        return None
    gaps = _column_gaps(raw)
    if len(gaps) > 1:
        return None
    if gaps and column - 2 <= gaps[0].end() <= column + 6:
        return raw[:gaps[0].start()].rstrip(), raw[gaps[0].end():].strip()
    if not gaps and len(raw.rstrip()) <= column + 2:
        return raw.rstrip(), ""
    if not gaps and len(raw) - len(raw.lstrip()) >= column - 2:
        return "", raw.strip()
    return None


# a line that ends a sentence, a heading or a field, after which the next line starts afresh
_CLOSED = re.compile(r"(?:[.!?:;»)…\]|]|\d\s*(?:h|€)\s*\d*)\s*$")
_DATE_CUT = re.compile(r"[a-zà-ÿ,]\s+(?:le|du|les|(?:le\s+|ce\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche))\s*$",
                       re.IGNORECASE)
_SPAN_OPENS = re.compile(r"^\s*(?:du|depuis le)\s+\S", re.IGNORECASE)
_SPAN_CLOSES = re.compile(r"^\s*(?:au|jusqu['’]au)\s+(?=\S)", re.IGNORECASE)
_DAY_FIRST = re.compile(rf"^\s*(?:1er|[12]\d|3[01]|0?[1-9])\s+{dates.MONTH_PATTERN}\b", re.IGNORECASE)
_WEEKDAY_CUT = re.compile(r"\b(?:lun|mar|mer|jeu|ven|sam|dim)[a-z]*\.?\s+(?:1er|[12]\d|3[01]|0?[1-9])\s*$", re.IGNORECASE)
_MONTH_FIRST = re.compile(rf"^\s*{dates.MONTH_PATTERN}\b", re.IGNORECASE)
_STARTS_LOWER = re.compile(r"^\s*(?:[a-zà-ÿ]|l['’]|d['’]|qu['’])")


_STREET_END = re.compile(r"\b\d{1,4}\s*(?:bis|ter)?,?\s+(?:rue|avenue|av\.|boulevard|bd|place|quai|chemin|all[ée]e|impasse|"
                         r"route|cours)(?P<linked>\s+(?:de\s+la|de\s+l['’]|de|du|des))?\s*$", re.IGNORECASE)
# « Salle du Colombier, Rennes » over « par le CBES »: a place, then who organises, each on its line
_CREDIT = re.compile(r"^\s*par\s")
_PLACE_END = re.compile(r",\s*[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+)*\s*$")
_SAINT_CUT = re.compile(r"(?:^|[\s,(])(?:St|Ste|Saint|Sainte)-\s*$")
_DANGLING = re.compile(r"\s(?:de|du|des|à|au|aux|chez|par)\s*$")
_HYPHENATED = re.compile(r"(?<=[a-zà-ÿ])-\s*$")


# « [bandeau collé :] ANNULÉ », « [autocollant :] NOUVELLE DATE … »: who transcribed a poster says what the words are on
_NOTE_LEAD = re.compile(r"^\s*\[[^\]\n]{1,40}:\s*\]\s*")


def _unwrapped(raws: list) -> list:
    """(line number, text) with the lines a text wraps mid-sentence joined (« … sera à » / « l'honneur lors
    d'une rencontre … »): a line that does not close and a next line that goes on in lower case."""
    out, narrow = [], _narrow_column(raws)
    briefs = narrow and _prose_column(raws)
    width = _wrap_width(raws)
    for n, raw in enumerate(raws):
        if narrow and out and _carried_on(out[-1][1], raw):
            # a newspaper's narrow column: « ★ Aujourd'hui, 18h – Ajaccio. » / « Lancement du Mois de l'ESS en »
            # / « Corse à la Maison de l'ESS, 4 cours » — one marked entry, wrapped every few words
            out[-1] = (out[-1][0], _column_joined(out[-1][1], raw))
            continue
        if briefs and out and _same_brief(out[-1][1], raw):
            # a paper's briefs in a narrow column: each paragraph one line, read as the sentences it holds
            out[-1] = (out[-1][0], _column_joined(out[-1][1], raw))
            continue
        if out and len(_GAP.findall(out[-1][1].strip())) >= 2:
            out.append((n, raw))    # a row of a table aligned with spaces: its cells wrap, each in its column
            continue
        if out and _DATE_CUT.search(out[-1][1]) and _DAY_FIRST.match(raw) and len(out[-1][1].split()) >= 5:
            # « … la soirée de lancement, le jeudi » / « 3 novembre à Rouen, et … »: a sentence cut inside its date
            out[-1] = (out[-1][0], f"{out[-1][1].rstrip()} {raw.strip()}")
            continue
        if out and _WEEKDAY_CUT.search(out[-1][1]) and (month := _MONTH_FIRST.match(raw)) and raw[month.end():].strip(" ."):
            # « ⚠ NOUVELLE DATE : MARDI 19 » / « NOVEMBRE · 20h ● »: a date cut before its month (not a poster's
            # stacked cells, « MER. 12 » / « NOV »)
            out[-1] = (out[-1][0], f"{out[-1][1].rstrip()} {raw.strip()}")
            continue
        if out and re.search(r"[a-zà-ÿ]\s*$", out[-1][1]) and _closing_date(raw):
            # « Candidatures closes depuis » / « le vendredi 18 octobre. »: a sentence that ends on its date
            out[-1] = (out[-1][0], f"{out[-1][1].rstrip()} {raw.strip()}")
            continue
        if out and _span_cut(out[-1][1], raw):
            # « Du lun. 1 nov. » / « au mar. 30 nov. »: a card's span set on two lines
            out[-1] = (out[-1][0], f"{out[-1][1].rstrip()} {raw.strip()}")
            continue
        if out and (FORMERLY.match(out[-1][1]) or _MOVED_TO.match(out[-1][1])) and re.search(r",\s*$", out[-1][1]):
            # « Initialement prévue le jeudi 10 novembre, » / « REPORTÉE au mercredi 16 novembre · 20h »;
            # « ► REPORTÉ AU JEUDI 20 NOVEMBRE, » / « même heure, même lieu »
            out[-1] = (out[-1][0], f"{out[-1][1].rstrip()} {raw.strip()}")
            continue
        street = out and _STREET_END.search(out[-1][1])
        # (« 12 rue de » / « Bourgogne, 45000 Orléans »: cut inside the street's name, its postcode on the next line)
        if street and re.match(r"^\s*[A-ZÀ-Ý]", raw) and (not street.group("linked") or re.search(r"\b\d{5}\b", raw)):
            # « …, 42 rue » / « Saint-Julien, Rouen »: an address cut after its street word
            out[-1] = (out[-1][0], f"{out[-1][1].rstrip()} {raw.strip()}")
            continue
        if out and _SAINT_CUT.search(out[-1][1]) and re.match(r"^\s*[A-ZÀ-Ý]", raw):
            # « Hôtel d'entreprises, St- » / « Grégoire »: a commune's name cut after its « St- »
            out[-1] = (out[-1][0], out[-1][1].rstrip() + raw.strip())
            continue
        if out and _DANGLING.search(out[-1][1]) and re.match(r"^\s*[A-ZÀ-Ý]", raw) and not is_caps(out[-1][1]) \
                and (not dates.match_date(out[-1][1].strip()) or _dated_sentence(out[-1][1])) and not street:
            # « Maison de quartier de » / « Villejean, Rennes »: a line that stops on a preposition goes on
            out[-1] = (out[-1][0], f"{out[-1][1].rstrip()} {raw.strip()}")
            continue
        if width and out and n >= 2 and _wrapped_prose(raws[n - 1], raw, width) and _filled(raws[n - 2], width) \
                and out[-1][1].endswith(raws[n - 1].rstrip()):
            # « … c'est au cinéma Le Korrigan de Guérande que l'association » / « Guérande en transition projette … »:
            # running text wrapped at a fixed width, cut before a capital
            out[-1] = (out[-1][0], f"{out[-1][1].rstrip()} {raw.strip()}")
            continue
        if out and _HYPHENATED.search(out[-1][1]) and re.match(r"^\s*[a-zà-ÿ]", raw):
            # « terri- » / « toires » : a word cut at the line's end by hyphenation
            out[-1] = (out[-1][0], _HYPHENATED.sub("", out[-1][1].rstrip()) + raw.strip())
            continue
        if out and _STARTS_LOWER.match(raw) and not BULLET.match(raw) and len(out[-1][1].strip()) >= 20 \
                and not (_CREDIT.match(raw) and _PLACE_END.search(out[-1][1])) \
                and not _CLOSED.search(out[-1][1]) and "|" not in raw and not label_of(raw) \
                and not ((dates.match_date(out[-1][1].strip()) or dates.match_date(raw.strip()))
                         and not FUNCTION_END.search(out[-1][1])) \
                and not is_caps(out[-1][1]):        # a title in capitals over its description stays apart
            out[-1] = (out[-1][0], f"{out[-1][1].rstrip()} {raw.strip()}")
        else:
            out.append((n, raw))
    return out


def _dated_sentence(text: str) -> bool:
    """« Le jeudi 5 novembre à 20 h 30, le cinéma associatif Le Kelenn Bleu accueillera à »: a sentence that opens on its
    date and goes on for many words, not a date heading."""
    found = dates.match_date(text.strip())
    return bool(found) and len(text.strip()[found.end:].split()) >= 8 and "," in text.strip()[found.end:]


def _closing_date(raw: str) -> bool:
    """A line that is only « le vendredi 18 octobre. »: the end of the sentence above it."""
    m = re.match(r"^\s*(?:le|au|dès\s+le|depuis\s+le)\s+", raw, re.IGNORECASE)
    found = m and dates.match_date(raw[m.end():])
    return bool(found) and found.points[0].month is not None and raw[m.end() + found.end:].strip() in (".", ",", ";")


def _span_cut(above: str, raw: str) -> bool:
    """A line that is only the first day of a span (« Du lun. 1 nov. ») over one that is only its last
    (« au mar. 30 nov. »)."""
    if not (_SPAN_OPENS.match(above) and (m := _SPAN_CLOSES.match(raw))):
        return False
    first, last = above.strip(), raw[m.end():].strip()
    return all((found := dates.match_date(text)) and not text[found.end:].strip(" .") for text in (first, last))


def _column_joined(above: str, raw: str) -> str:
    """A narrow column's line carried on by the next: a word cut by a hyphen made whole (« lo- » / « cale »)."""
    if _HYPHENATED.search(above) and re.match(r"^\s*[a-zà-ÿ]", raw):
        return _HYPHENATED.sub("", above.rstrip()) + raw.strip()
    return f"{above.rstrip()} {raw.strip()}"


_PROSE_WORDS = re.compile(r"(?<![\w'’])(?:le|la|les|de|des|du|un|une|et|à|au|qui|que|pour|avec|dans|sur|son|sa|ses|est|sont)(?![\w'’])")


def _wrap_width(raws: list) -> int | None:
    """The width running text is wrapped at (an article, a mail: most of its long lines end within a few
    characters of it), or None when the lines are not wrapped so."""
    lengths = sorted(len(raw.rstrip()) for raw in raws if len(raw.strip()) >= 40)
    if len(lengths) < 6:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    near = sum(width - _slack(width) <= n <= width for n in lengths)
    return width if width >= 60 and near >= max(5, len(lengths) // 3) else None


def _slack(width: int) -> int:
    """How much shorter than the width a wrapped line may end (a long word sent to the next line)."""
    return max(12, width // 6)


def _filled(raw: str, width: int) -> bool:
    """A line of a paragraph wrapped at `width` (not its last)."""
    text = raw.strip()
    return width - _slack(width) <= len(raw.rstrip()) <= width and not text.endswith((".", ":", "!", "?")) and "|" not in text \
        and len(_PROSE_WORDS.findall(text.lower())) >= 3 and not dates.match_date(text)


def _wrapped_prose(above: str, raw: str, width: int) -> bool:
    """A line of running text filled to the wrap width and cut mid-sentence (it ends on a word), over a line
    that goes on with more running text. (The caller asks that the line above it be filled too: a title over
    its description is no paragraph's middle.)"""
    above, below = above.rstrip(), raw.strip()
    if not (width - _slack(width) <= len(above) <= width) or not re.search(r"(?:^|\s)[a-zà-ÿ][\w'’-]*$", above) \
            or len(below.split()) < 4:
        return False
    if BULLET.match(raw) or label_of(raw) or dates.match_date(below) or is_caps(below) or "|" in raw:
        return False
    return len(_PROSE_WORDS.findall(above.lower())) >= 3 and len(_PROSE_WORDS.findall(below.lower())) >= 1


def _narrow_column(raws: list) -> bool:
    """A text laid out in a newspaper's narrow column: many lines, nearly all of them 20 to 42 characters."""
    lengths = sorted(len(raw.strip()) for raw in raws if raw.strip())
    return len(lengths) >= 30 and lengths[len(lengths) // 2] >= 20 and lengths[int(len(lengths) * 0.9)] <= 42


_MARKED = re.compile(r"^\s*[★☆✦✪♦◆❖]")


def _prose_column(raws: list) -> bool:
    """A narrow column of running text (a paper's briefs), not of a programme's entries: most lines hold
    five words or more, and hardly any opens on a date or a time."""
    shown = [raw.strip() for raw in raws if raw.strip()]
    dated = sum(bool(dates.match_date(text) or dates.starts_with_time(text)) for text in shown)
    return sum(len(text.split()) >= 5 for text in shown) >= 0.65 * len(shown) and dated <= 0.1 * len(shown)
# « Monnaie locale. Toujours dans le … », « Loto. Le club de football … »: a brief opened by its lead words
_BRIEF_LEAD = re.compile(r"^\s*[A-ZÀ-Ý][\w’'\- ]{1,30}\.\s+[A-ZÀ-Ý«\"]")


def _same_brief(above: str, raw: str) -> bool:
    """In a narrow column of prose, a line that goes on with the paragraph above: not after a blank line, a
    heading in capitals or a closed sentence followed by a date, and not itself a heading, an item, a label
    or a brief's lead."""
    text, above = raw.strip(), above.strip()
    if not text or not above or is_caps(above) or is_caps(text) or BULLET.match(raw) or _MARKED.match(text):
        return False
    if label_of(text) or len(above) < 15 or re.search(r"[:;]$|\s{3,}", above) or _GAP.search(text):
        return False
    opens = _BRIEF_LEAD.match(text) or dates.match_date(text) or dates.starts_with_time(text)
    return not (opens and _CLOSED.search(above))


def _carried_on(entry: str, raw: str) -> bool:
    """In a narrow column, an entry opened by a mark (« ★ Mardi 12, 18h30 – Porticcio. ») goes on over the
    next lines up to a blank line, the next mark, a date or a heading in capitals."""
    text = raw.strip()
    return bool(text) and bool(_MARKED.match(entry)) and not _MARKED.match(text) and not BULLET.match(raw) \
        and not dates.match_date(text) and not is_caps(text)


# A web page flattened to text runs a title into the next sentence (« Circuit des solidarités A pied, à vélo… »,
# « Salle des Fêtes, Montaigu Ce film documentaire… »): a word that only opens sentences, capitalised after a
# word with no punctuation, starts one.
_GLUED = re.compile(r"(?<=[\w»)\]])\s+(?=(?:Ce|Cet|Cette|Ces|Il|Elle|Ils|Elles|On|Nous|Vous|Puis|Face|Après|Pendant|"
                    r"Depuis|Chaque|Tourné|Tournée|Tournés|Départs?|Venez|Rejoignez|[AÀ])\s+[a-zà-ÿ])")


# a calendar widget copied as text runs its day, month and times into the title: « 19nov20:0023:00FESTISOL … »
_WIDGET = re.compile(rf"^\s*(\d{{1,2}})({dates.MONTH_PATTERN})\.?(\d{{1,2}}[:h]\d{{2}})(?:[-–]?(\d{{1,2}}[:h]\d{{2}}))?"
                     r"\s*(?=\S)", re.IGNORECASE)


def unglue(text: str) -> str:
    """« Circuit des solidarités A pied, à vélo » → « Circuit des solidarités. A pied, à vélo »;
    « 19nov20:0023:00FESTISOL » → « 19 nov 20:00 - 23:00 : FESTISOL »."""
    widget = _WIDGET.match(text)
    if widget:
        day, month, start, end = widget.groups()
        rest = re.sub(r"(?<=[A-ZÀ-Ý]{2})(?=[A-ZÀ-Ý][a-zà-ÿ])|(?<=[a-zà-ÿ\d])(?=[A-ZÀ-Ý])", " ", text[widget.end():])
        rest = re.sub(r"\s*\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}\s*", " ", rest)   # the times said again
        rest = re.split(r"\s+Organisat(?:eur|rice)s?\s", rest)[0]                      # the widget's own fields
        text = f"{day} {month} {start}{f' - {end}' if end else ''} : {rest.strip()}"
    glued_day = _GLUED_DAY.match(text)
    if glued_day:
        weekday = dates.WEEKDAY_NAMES[dates.WEEKDAYS[dates.fold(glued_day.group(1)).lower()]]
        return f"{weekday} {glued_day.group(2)}"
    if len(text) < 40:
        return text
    return _GLUED.sub(". ", text)


# « LUN16 », « Mer. 18 »: a poster's day heading alone on its line, its weekday short, often run into its day
_GLUED_DAY = re.compile(r"^\s*(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim)\.?"
                        r"\s?(3[01]|[12]\d|0?[1-9])\s*$", re.IGNORECASE)


# « 18h30 – LUN. 15 NOV. », « 14h ven. ▸ 18h sam. ─ VEN. 19 & SAM. 20 NOV. » (its rule already a space): a poster's
# hours written before the day
_CLOCK = r"\d{1,2}\s*h\s*\d{0,2}(?:\s+(?:lun|mar|mer|jeu|ven|sam|dim)[a-z]*\.?)?"
_HOURS_FIRST = re.compile(rf"^(?P<lead>\s*)(?P<hours>{_CLOCK}(?:\s*(?:[▸>→–-]|à)\s*{_CLOCK})?)(?:\s*[–—|-]\s*|\s{{2,}})(?P<rest>\S.*)$",
                          re.IGNORECASE)


def _date_first(raw: str) -> str:
    """« 18h30 ─ LUN. 15 NOV. » → « LUN. 15 NOV. 18h30 »: the day first, as every other stage reads it."""
    m = _HOURS_FIRST.match(raw)
    rest = m.group("rest") if m else ""
    found = dates.match_date(rest) if m else None
    if not found or found.kind == "month":
        return raw
    return f"{m.group('lead')}{rest[:found.end]} {m.group('hours')}{rest[found.end:]}"


# the headings of a list of events, over its first entry: never its title, nor a field's value
LIST_HEADING = re.compile(r"(?:à\s+venir|pass[ée]s|prochainement|en\s+ce\s+moment|cette\s+semaine|ce\s+week-end|"
                          r"[ée]v[ée]nements(?:\s+(?:à\s+venir|pass[ée]s))?)\W*", re.IGNORECASE)


_TITLE_TIME = re.compile(r"^(?P<title>\s*[A-ZÀ-Ý«\"][^:|]{4,120}?)\s+(?P<rest>\d{1,2}\s*h\s*\d{0,2}\s*:\s+\S.*)$")


_MONTH_ALONE = re.compile(rf"^{dates.MONTH_PATTERN}\.?$", re.IGNORECASE)
_DAY_ALONE = re.compile(r"^(?:3[01]|[12]\d|0?[1-9])$")
_WEEKDAY_ALONE = re.compile(r"^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim)\.?$",
                            re.IGNORECASE)
_RANGE_END = re.compile(r"^(?:au|jusqu['’]au)\s+\d", re.IGNORECASE)


# « (5, 12, 19 et 26 novembre) » under « Tous les mardis de novembre • 14h-16h30 »: the days the line above says
_RESTATED_DAYS = re.compile(rf"^\(\s*\d{{1,2}}(?:er)?(?:\s*(?:,|et)\s*\d{{1,2}}(?:er)?(?![0-9]))*\s*(?:{dates.MONTH_PATTERN}\.?)?\s*\)$",
                            re.IGNORECASE)


def _join_restated_days(lines: list) -> list:
    """A line that only lists in brackets the days of the dated line above it, joined to that line."""
    out = []
    for line in lines:
        if out and _RESTATED_DAYS.match(line.text) and re.search(dates.MONTH_PATTERN, out[-1].text, re.IGNORECASE):
            out[-1] = Line(out[-1].n, f"{out[-1].text} {line.text}", out[-1].indent, out[-1].bullet)
        else:
            out.append(line)
    return out


def _join_split_dates(lines: list) -> list:
    """A date an agenda widget writes over two lines, month then day (« NOV. » / « 18 ») or day then
    month, is one line, with its short weekday when a third line just before or after gives it
    (« NOV » / « 02 » / « jeu. » → « jeu. 02 NOV »); so is a range whose end goes to the next line
    (« Du 1er novembre 2021 » / « au 30 novembre 2021 »)."""
    out, skip = [], 0
    texts = [line.text.strip() for line in lines] + ["", ""]
    for i, line in enumerate(lines):
        if skip:
            skip -= 1
            continue
        text, after = texts[i], texts[i + 1]
        if _split_date(text, after):
            weekday, skip = "", 1
            if _WEEKDAY_ALONE.match(texts[i + 2]):
                weekday, skip = texts[i + 2], 2
            elif out and _WEEKDAY_ALONE.match(out[-1].text.strip()):
                line = out.pop()
                weekday = line.text.strip()
            if weekday and _MONTH_ALONE.match(text):
                text, after = after, text     # « jeu. 02 NOV »: the order dates are read in
            out.append(Line(line.n, " ".join(filter(None, [weekday, text, after])), line.indent, line.bullet))
        else:
            out.append(line)
    return out


def _split_date(text: str, after: str) -> bool:
    if _MONTH_ALONE.match(text) and _DAY_ALONE.match(after) or _DAY_ALONE.match(text) and _MONTH_ALONE.match(after):
        return True
    found = dates.match_date(text) if _RANGE_END.match(after) else None
    return bool(found) and found.end >= len(text.rstrip(" ,")) and dates.match_date(f"{text} {after}").end > found.end


def _join_bare_labels(lines: list) -> list:
    """A label written alone on its line with its value on the next, or after one blank line (« Lieu » /
    « Salle B, Nantes », as web pages lay out their definition lists) → one labelled line
    « Lieu : Salle B, Nantes »."""
    out, skip = [], set()
    for i, line in enumerate(lines):
        if i in skip:
            continue
        # (a form's question: « Intitulé de l'événement (tel qu'il apparaîtra dans le programme) * »)
        name = re.sub(r"\s*\([^()]{3,80}\)", "", line.text).rstrip(" :*")
        # (« responsables » in lower case under « Matinale des achats »: a title's wrapped word, no label)
        if line.bullet or not name or len(name.split()) > 4 or not name[:1].isupper() or not column_field(name):
            out.append(line)
            continue
        at = i + 1 if i + 1 < len(lines) and not lines[i + 1].blank else i + 2
        nxt = lines[at] if at < len(lines) else None
        # (« Infos pratiques : » over a list: the list's heading, each item its own entry)
        if nxt is None or nxt.blank or nxt.bullet or label_of(nxt.text) or column_field(nxt.text.rstrip(" :")) \
                or LIST_HEADING.fullmatch(nxt.text.strip()):
            # a question left unanswered (« Horaire » over « Type d'événement »): an empty field, never a title
            after = next((other for other in lines[i + 1:i + 4] if not other.blank), None)
            unanswered = i + 1 < len(lines) and lines[i + 1].blank and after is not None \
                and bool(column_field(re.sub(r"\s*\([^()]{3,80}\)", "", after.text).rstrip(" :*")))
            out.append(Line(line.n, f"{name} :", line.indent, False) if unanswered else line)
            continue
        out.append(Line(line.n, f"{name} : {nxt.text}", line.indent, False))
        skip.update(range(i + 1, at + 1))
    return out


def mark_tables(lines: list) -> list:
    """Rows of tables with a header row: each row gets the header and its cells, one per column;
    the header line itself, which names columns and no event, becomes blank. A table runs from its
    header over blank lines to the first line not cut like it."""
    out = list(lines)
    header, rows = None, []
    for i, line in enumerate(out):
        if line.blank:
            continue
        if header and _RULED.fullmatch(line.text):
            out[i] = Line(line.n, "", line.indent, False)   # « ------  ------ » under the column names
            continue
        # a table aligned with spaces places its cells by where they start on the line, indentation included
        placed = " " * line.indent + line.text
        cells = row_cells(placed if header and header.separator == "gap" else line.text, header) if header else None
        if cells is None and rows and header.fields[0] == "date" and _DATE_GOES_ON.search(out[rows[-1]].cells[0]):
            cells = [line.text] + [""] * (len(header.fields) - 1)     # « REPORTÉE AU » / « Jeu. 19/11 » alone
        if cells is not None and header_of(line.text) is None:
            cells = ["" if _NOTHING.fullmatch(cell.strip()) else cell for cell in cells]     # « – »: an empty cell
            if rows and _wrapped_row(cells, out[rows[-1]].cells, header):
                above = out[rows[-1]]
                # a cell that goes on with « ANNULÉE » alone: the row's event is cancelled, as its title will say
                joined = [f"{a} – {b}" if a and cancelled_cell(b) else " ".join(filter(None, (a, b)))
                          for a, b in zip(above.cells, cells)]
                out[rows[-1]] = Line(above.n, above.text, above.indent, above.bullet, header, joined)
                out[i] = Line(line.n, "", line.indent, False)
                continue
            if rows:     # « " », « id. » under a cell: the same as the row above
                cells = [a if _DITTO.fullmatch(c.strip()) else c for a, c in zip(out[rows[-1]].cells, cells)]
            rows.append(i)
            out[i] = Line(line.n, line.text, line.indent, line.bullet, header, cells)
            continue
        _read_day_first(out, rows)
        # the rule under the column names, when there is one, says where they start better than their gaps
        below = out[i + 1] if i + 1 < len(out) else None
        ruled = ruled_header(placed, " " * below.indent + below.text) if below and _RULED.fullmatch(below.text) else None
        header, rows = ruled or header_of(placed), []
        if header is not None:
            out[i] = Line(line.n, "", line.indent, False)
    _read_day_first(out, rows)
    return out


_NOTHING = re.compile(r"[-–—/.]{1,3}|n\.?\s?c\.?|n\.?\s?a\.?", re.IGNORECASE)
_DITTO = re.compile(r"[«»\"”〃]|id\.?|idem|d[°o]", re.IGNORECASE)
_RULED = re.compile(r"[-=_+|:\s]{3,}")


def _wrapped_row(cells: list, above: list, header) -> bool:
    """A line of a table aligned with spaces that carries on the cells of the row above (a PDF's table wraps
    its long cells over lines): neither a date nor a time of its own where the header has columns for both,
    or the end of the date above (« Du mer. 5/11 » / « au sam. 8/11 », « Mar. 25/11 REPORTÉE AU » / « Jeu. 27/11 »)."""
    if header.separator != "gap" or "date" not in header.fields:
        return False
    if "number" in header.fields:       # « N° »: a row opens with its number, a line without one carries on
        return not cells[header.fields.index("number")].strip()
    said = {name: cell.strip() for cell, name in zip(cells, header.fields) if name in ("date", "time", "end", "title")}
    if not said.get("date") and "title" in said and re.match(r"$|[a-zà-ÿ»)]", said["title"]):
        return True     # no day, and a title cell that goes on (« le littoral », « compétences » ») or says nothing
    date_above = next((cell for cell, name in zip(above, header.fields) if name == "date"), "")
    if _DATE_GOES_ON.search(date_above) or _DATE_ENDS.match(said.get("date", "")):
        return True
    return "time" in header.fields and not said.get("time") \
        and not dates.match_date(said.get("date", "") + " " + said.get("end", ""))


# a date cell that goes on in the next line, and the line that ends it
_DATE_GOES_ON = re.compile(r"\b(?:au|jusqu['’]au|et|(?:report[ée]e?|d[ée]cal[ée]e?)\s+(?:au|à)|nouvelle\s+date\s*:?)\s*$",
                           re.IGNORECASE)
_DATE_ENDS = re.compile(r"^(?:au|jusqu['’]au)\s+\S", re.IGNORECASE)


def _read_day_first(lines: list, rows: list) -> None:
    """The rows of one table, their dates rewritten day first when the table writes them month first."""
    if not rows:
        return
    header = lines[rows[0]].header
    for i, cells in zip(rows, day_first_dates([lines[i].cells for i in rows], header)):
        lines[i] = Line(lines[i].n, lines[i].text, lines[i].indent, lines[i].bullet, header, cells)


_MARKUP = [
    # « - [x] BAT des affiches validé le 18/10 »: a wiki's to-do item, the team's work, no event
    (re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s.*$"), ""),
    (re.compile(r"\[\[[^\]|\n]*?\\?\|([^\]\n]+)\]\]"), r"\1"),   # « [[lieux#manu|La Manu]] »: a wiki's link, its text
    (re.compile(r"\[\[([^\]\n]+)\]\]"), r"\1"),
    (re.compile(r"\[\^\w+\]|\{[#.][\w.-]+\}"), ""),      # « [^1] » footnote marks, « {.is-info} » attributes
    (re.compile(r"~~(?=\S)[^~\n]+?(?<=\S)~~"), ""),     # « ~~mar. 16/11~~ jeu. 18/11 »: struck out, so no longer so
    (re.compile(r"^\s*#{5,}\s*$"), ""),          # « ########## »: a banner's edge, drawn with the heading's mark
    (re.compile(r"^(\s{0,3})#{1,6}\s+(.*?)\s+#{1,6}\s*$"), r"\1\2"),        # « ## Heading ## », « #  EXPO   # »
    (re.compile(r"^(\s{0,3})#{1,6}\s+"), r"\1"),                              # « ## Heading »
    (re.compile(r"\[([^\]\n]+)\]\((?:https?://|www\.|/)[^)\s]*\)"), r"\1"),    # « [text](url) »
    (re.compile(r"[ \t]?\[(?:https?://|www\.)[^\]\s]*\]"), ""),   # « [https://…] »: a mail's link as text
    (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__"), r"\1\2"),    # bold
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),       # italics
    (re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),
]


def plain_markup(line: str) -> str:
    """A line without the marks of Markdown (headings, bold, italics, links), as agendas pasted from
    messages and wikis write them: « - **12 nov.** — *Lyon* — Atelier » → « - 12 nov. — Lyon — Atelier »."""
    if not re.search(r"[*_#\[~{]", line):
        return line
    for pattern, replacement in _MARKUP:
        line = pattern.sub(replacement, line)
    return line


# a page number closing a running line: « 3 », « p. 3 », « page 3 »
_PAGE_MARK = re.compile(r"\s+(?:(?:p\.|page)\s*)?\d{1,3}(?:\s*(?:/|sur)\s*\d{1,3})?\s*$", re.IGNORECASE)


def _drop_running_lines(lines: list) -> list:
    """A page's running header or footer and its page number (« Mois de l'ESS 2019   CRESS Lorraine » over
    « 2 », « Mois de l'ESS 2022 – Programme Occitanie   3 »): a line written three times or more beside a page
    number, and the page numbers alone."""
    def page_number(i):
        return 0 <= i < len(lines) and bool(re.fullmatch(r"\d{1,3}", lines[i].text.strip()))

    def key(line):
        return _PAGE_MARK.sub("", line.text.strip()).lower()

    counts = Counter(key(line) for line in lines if not line.blank)
    numbered = {key(line) for i, line in enumerate(lines) if not line.blank and (
        page_number(i - 1) or page_number(i + 1)
        or re.search(r"\S\s{2,}(?:(?:p\.|page)\s*)?\d{1,3}(?:\s*(?:/|sur)\s*\d{1,3})?\s*$", line.text))}
    return [Line(line.n, "", 0, False) if not line.blank and (page_number(i) or counts[key(line)] >= 3
                                                                 and key(line) in numbered and len(line.text) <= 80)
            else line for i, line in enumerate(lines)]


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


@functools.lru_cache(maxsize=65536)
def is_caps(text: str) -> bool:
    """A line in capitals (a title or a header): its first word is in capitals, and most letters are."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2:
        return False
    first = re.findall(r"[^\W\d_][\w’'\-]*", text)
    head = first[0] if first else ""
    upper = sum(c.isupper() for c in letters) / len(letters)
    return (len(head) >= 2 and head.replace("’", "").replace("'", "").replace("-", "").isupper() and upper >= 0.45) \
        or upper >= 0.8
