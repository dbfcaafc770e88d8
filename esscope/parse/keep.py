"""Stage 3 — keep or drop: every date met in a document is a candidate; this stage says, from what
surrounds it, whether it is the day of an event, and why not when it is not.

Not an event's day: the article's own date (« Montpellier, le 2 novembre 2022. », « Publié le … »,
« Le 30/10/2018 par X », « mardi 02.11.2010, 05:04 - La Voix du Nord »), an update (« mis à jour le »),
a limit (« jusqu'au », « avant le », « date limite »), a past fact (« le 10 novembre dernier », « a eu
lieu »), the span of the whole month (the edition itself), a sentence that counts the month's events,
the dated items of a news list (« Actualités »), a sentence that comes back to an event already named.
Each verdict is a short French reason, shown to staff when a dropped date might matter.
"""

import re
import unicodedata
from dataclasses import dataclass

from . import dates
from .places import VENUE_NOUN
from .prose import counts_events, first_sentence, has_event_noun, names_an_event, sentences
from .vocabulary import field_of_label, label_of

# reasons a date is dropped; `STRONG` ones never come back as a low-confidence candidate
PUBLISHED = "date de publication ou de mise à jour du document"
LIMIT = "date limite ou borne (« jusqu'au », « avant le »)"
PAST = "fait passé"
SPAN = "période de toute l'édition, pas un événement"
NEWS = "date d'un article d'actualité, pas d'un événement"
COUNT = "phrase qui compte les événements du mois"
NO_TITLE = "date sans intitulé d'événement"
NO_EVENT = "phrase qui ne dit pas qu'un événement a lieu"
BACK = "phrase qui revient sur un événement déjà nommé"
SAME_DAY = "jour de l'en-tête redonné dans la description"
PERIOD = "période d'un agenda dont les jours sont listés dessous, pas un événement"
CANCELLED = "événement annulé (s'il est reporté, sa nouvelle date est lue à part)"
MEETING = "réunion de ceux qui préparent le programme, pas un événement"
MOVED = "nouvelle date de l'événement au-dessus (« Reportée au … »), lue avec lui"
STRONG = {PUBLISHED, LIMIT, PAST, SPAN, NEWS, COUNT, CANCELLED, MEETING}


@dataclass
class Verdict:
    kept: bool
    reason: str = ""


KEEP = Verdict(True)

# « Publié le », « mis à jour le 31/03/22 », « Article du 4 novembre », « paru le » — not « La Poste »
_PUBLISHED = re.compile(r"\b(?:(?:publi[ée]e?s?|mise?s?\s+à\s+jour|ajout(?:[ée]e?s?)?|mise?s?\s+en\s+ligne|modifi[ée]e?s?|post[ée]e?s?|envoy[ée]e?s?|transmise?s?|"
                        r"r[ée]dig[ée]e?s?|paru(?:tion)?|actualis[ée]e?s?|diffus[ée]e?s?|enregistr[ée]e?s?|"
                        r"(?:derni[èe]re\s+)?modification|export[ée]e?s?|relev[ée]e?s?|captur[ée]e?s?|"
                        # an application's page properties: « Created time: … », « Last edited time: … »
                        r"(?:last\s+)?(?:edited|modified|updated)|created|exported|published)\b[^.\n]{0,20}?(?:\ble\b|\d)|"
                        r"(?:article|actualit[ée]|communiqu[ée]|br[èe]ve)\s+(?:du|publi[ée]e?)\s|"
                        # a document's version: « FEUILLE DE ROUTE – version 3 du lundi 31 octobre 2016 »
                        r"\bversion\s+\d+(?:\.\d+)?(?:\s*\([^()]{0,30}\))?(?:\s+du\s|\s*$)|"
                        # a comment's footer: « J'aime · Répondre · 1 nov. 2017 »
                        r"\br[ée]pondre\s*·|"
                        # a print run's stamp: « Imprimé par les Ateliers de l'Étoile – 2 novembre 2009 »
                        r"\bimprim[ée]e?s?\s+(?:par|chez|le|en|sur)\s)", re.IGNORECASE)
# « Montpellier, le 2 novembre 2022. » « Rennes, mardi 5 novembre 2019 — »: where and when an article was written
_DATELINE = re.compile(r"^[A-ZÀ-Ý][\w’'\- ]{1,40},\s+(?:le\s+)?(?:[a-zé]+\s+)?\d{1,2}(?:er)?\s+[a-zéû]+\.?\s+(?:19|20)\d\d"
                       r"\s*(?:[.—–\-:]|$)", re.IGNORECASE)
# « mardi 02.11.2010, 05:04 - La Voix du Nord », « Le 30/10/2018 par WeDemain », « 12/11/2019 à 08h15 »:
# a date written with its year, then a clock time or a byline — a stamp, not an event
# (« jeu. 23/11/2017, 12:30 : Webinaire … »: a time then a colon and what takes place, an entry)
_CLOCK_STAMP = re.compile(r"^\s*[,-]?\s*(?:à\s+)?\d{1,2}\s*[:h]\s*\d{2}\b(?!\s*(?:[-–]|à|jusqu)\s*\d)(?!\s*:\s*[A-ZÀ-Ý«])")
_BYLINE = re.compile(r"^\s*,?\s*par\s+[A-ZÀ-Ý@]")
# « Mercredi 2 novembre 2016 – 07h45 »: a lone clock time written on two digits before ten is a stamp
_PADDED_CLOCK = re.compile(r"^\s*[,–—|-]?\s*(?:à\s+)?0\d\s*[:h]\s*\d{2}\s*$")
# what, written right before a date, makes it a limit or a past rather than the day of an event
_NOT_EVENT_DAY = re.compile(r"(?<![\w-])(?:jusqu['’]|avant|depuis|d['’]ici|limite|cl[ôo]tur\w*|cr[ée]{2}e?s?|fond[ée]e?s?|"
                            r"au\s+plus\s+tard|d[ée]p[ôo]ts?|[àa]\s+d[ée]poser|[àa]\s+envoyer|[àa]\s+renvoyer|"
                            r"n[ée]e?s?|publi[ée]e?s?|mis\s+à\s+jour|à\s+jour|arr[êe]t[ée]e?|sauf|except[ée]|hormis|"
                            # « Initialement prévu le jeu. 12 nov. », « au lieu du 15 »: the day it no longer falls on
                            r"(?:initialement|primitivement)\s+(?:pr[ée]vue?s?|programm[ée]e?s?|annonc[ée]e?s?)|au\s+lieu|"
                            r"et\s+non(?:\s+plus)?)"
                            # (« le jeu. » before « 12 nov. »: the weekday, not a game)
                            r"\s*(?:le|au|du|:)?\s*(?:(?:lun|mar|mer|jeu|ven|sam|dim)\.)?\s*$",
                            re.IGNORECASE)
# a word that makes the date after it a limit: « Date limite : », « Deadline retour des fiches : », « date butoir »
# « Soirée de clôture »: an event that closes the Mois, not a closing date
_CLOSING_EVENT = re.compile(r"\b(?:soir[ée]e|f[êe]te|c[ée]r[ée]monie|journ[ée]e|temps\s+fort|[ée]v[ée]nement|rencontre|concert|"
                            r"pl[ée]ni[èe]re|s[ée]ance|bal|spectacle|repas)\s+de\s+cl[ôo]ture\b", re.IGNORECASE)
_LIMIT_WORD = re.compile(r"\b(?:limite|deadline|butoir|[ée]ch[ée]ance)\b", re.IGNORECASE)
# the meetings of those who prepare the programme (« Prochaine réunion : mar. 13/10 », « COPIL — 15/09 »)
OWN_MEETING = re.compile(r"\b(?:prochaine\s+r[ée]union|r[ée]union\s+suivante|copil|comit[ée]\s+(?:de\s+pilotage|"
                         r"d['’]organisation)|r[ée]union\s+de\s+(?:pr[ée]paration|bureau|bilan|l['’][ée]quipe)|"
                         r"(?:rendez-vous|point)\s+(?:de\s+)?bilan)\b|^\W*bilan\s*:?\s*$",
                         re.IGNORECASE)
# a step of the programme's own making (« 10/10 : envoi du kit comm », « 17/10 : BAT programme », « 15/12 : retour
# des bilans »): work for those who prepare it
_MILESTONE = re.compile(r"^\s*[:–—|-]\s*(?:envoi|exp[ée]dition|(?-i:BAT)|bon\s+à\s+tirer|retour\s+des|remise\s+des|validation|"
                        r"impression|bouclage|relecture)\b", re.IGNORECASE)
# a press conference or point: for journalists, not the public
PRESS_WORDS = r"(?:conf[ée]rence|point)\s+(?:de\s+)?presse\b"
_PRESS = re.compile(rf"\b{PRESS_WORDS}|\bpr[ée]sentation\s+(?:\S+\s+){{0,4}}(?:à\s+la\s+presse|aux\s+(?:journalistes|m[ée]dias))\b",
                    re.IGNORECASE)
_PAST_AFTER = re.compile(r"\s*(?:derni|pass[ée])", re.IGNORECASE)
_PAST = re.compile(r"\b(?:compte[- ]rendus?(?=\s+d)|retour\s+sur|merci\s+(?:[àa]\s+(?:tou(?:te)?s|vous)\s+(?:et\s+tous\s+)?)?pour\s+(?:ce|cette|ces|le|la|les|votre|vos)\b|a\s+eu\s+lieu|ont\s+eu\s+lieu|s['’]est\s+(?:tenue?|d[ée]roul[ée]e?)|avait|avaient|"
                   r"a\s+(?:r[ée]uni|rassembl[ée]|accueilli|organis[ée])|ont\s+(?:r[ée]uni|particip[ée]|organis[ée]))\b",
                   re.IGNORECASE)
# the passé composé that tells what happened (« le forum a attiré 1 500 visiteurs », « les trophées ont été
# remis »), not what was planned (« la MJC a prévu un atelier … »)
_TOLD_PAST = re.compile(r"\b(?:a|ont)\s+(?:(?:d[ée]j[àa]|bien|été|encore)\s+)*(?!(?:lieu|pr[ée]vu|programm[ée]|d[ée]cid[ée]|"
                        r"choisi|voulu|souhait[ée]|imagin[ée]|concoct[ée]|pr[ée]par[ée]|fix[ée]|retenu|invit[ée]|"
                        r"convi[ée]|besoin|envie|lieu)\b)[a-zà-ÿ]{3,}(?:é|ée|és|ées|is|ise|it|u|us|ue|ues|ie|ies|ert)\b"
                        r"|\b(?:s['’]est|se\s+sont)\s+[a-zà-ÿ]{3,}(?:é|ée|és|ées)\b", re.IGNORECASE)
# (« abandonnée faute de porteur », « action retirée de la demande »: given up)
_CANCELLED = re.compile(r"\bannul(?:er|é|ée|és|ées|ation)\b|\bd[ée]programm[ée]e?s?\b|"
                        r"\babandonn[ée]e?s?\s+(?:faute|par\s+manque|pour\s+cause)\b|\b(?:action|animation)s?\s+retir[ée]e?s?\b",
                        re.IGNORECASE)


# « Rien n'est prévu mardi, jour férié. »: a day said empty
_NOTHING = re.compile(r"\b(?:rien|aucun\s+(?:[ée]v[ée]nement|rendez-vous|animation))\s+n['’]est\s+(?:pr[ée]vu|programm[ée])",
                      re.IGNORECASE)


def cancelled(text: str) -> bool:
    """« Annulé », « ANNULÉE », « déprogrammé »: a text that says an event will not take place."""
    return bool(_CANCELLED.search(text or ""))


# « ANNULÉ · Atelier … », « [Annulé] Conférence … », « Annulée : visite … »: an entry struck out at its title
_STRUCK = re.compile(r"^\W*(?:annul[ée]e?s?|annulation|d[ée]programm[ée]e?s?|cancell?ed)\b", re.IGNORECASE)
# « ⚠ reportée au printemps 2011 », « Reporté à une date ultérieure »: put off to no day of this edition
_PUT_OFF = re.compile(r"^\W*(?:report[ée]e?s?|d[ée]cal[ée]e?s?)\s+(?:à|au|en|après)\s+(?:une\s+date\s+ult[ée]rieure|plus\s+tard|"
                      r"l['’]ann[ée]e\s+prochaine|l['’]an\s+prochain|(?:le\s+)?printemps|l['’][ée]t[ée]|l['’]automne|"
                      r"(?:(?:janvier|f[ée]vrier|mars|avril|mai|juin)\s+)?20\d\d)\b", re.IGNORECASE)


# « Atelier « Pitcher son projet » → ANNULÉ (intervenant indisponible) », « Visite (annulée) »: struck out after the title
_STRUCK_AFTER = re.compile(r"(?:→|->|[–—:(|»])\s*(?:[>*!]+\s*)?(?:annul[ée]e?s?|d[ée]programm[ée]e?s?|cancell?ed)\b|"
                           # « Soirée de clôture – Aubusson REPORTÉE en janvier 2022 »: put off past the edition
                           r"\breport[ée]e?s?\s+(?:à|au|en)\s+(?:une\s+date\s+ult[ée]rieure|(?:janvier|f[ée]vrier|mars|"
                           r"avril|mai|juin)\b|20\d\d|(?:l['’]ann[ée]e|l['’]an)\s+prochaine?|(?:le\s+)?printemps)",
                           re.IGNORECASE)


# « Atelier « Réparer son vélo »   ANNULÉ (notre mécano est malade) »: the word shouted after the title
# (after a word or a quote, not after a table's « | »: that is a status cell, read as such)
_SHOUTED_AFTER = re.compile(r"(?:[^\W\d_]|[»)\"])\s+(?:ANNUL[ÉE]E?S?|D[ÉE]PROGRAMM[ÉE]E?S?)\b")


_PUT_OFF_AFTER = re.compile(r"\breport[ée]e?s?\s+(?:à|au|en)\s+(?:une\s+date\s+ult[ée]rieure|20\d\d|"
                            r"(?:l['’]ann[ée]e|l['’]an)\s+prochaine?)", re.IGNORECASE)


# a row's cell that says the booking is no public event (« réunion interne », « montage / démontage », « huis clos »)
# or that the event is no longer on this day, its new one in another row (« déplacée → voir résa 2017-1231 »)
_CLOSED_CELL = re.compile(r"\W*(?:r[ée]union\s+interne|interne|priv[ée]e?|huis\s+clos|montage(?:\s*/\s*d[ée]montage)?|"
                          r"d[ée]montage)\W*|\W*(?:d[ée]plac[ée]e?|report[ée]e?)\s*(?:(?:→|->)\s*)?(?:voir\b.*)?",
                          re.IGNORECASE)


# « … organisé par X → DÉPLACÉ, voir samedi 26 novembre »: the entry written again at its new day
_MOVED_ELSEWHERE = re.compile(r"(?:→|->|[–—])\s*(?:d[ée]plac[ée]e?s?|report[ée]e?s?)\s*,?\s*(?:voir|cf\.?)\s", re.IGNORECASE)


def moved_elsewhere(text: str) -> bool:
    """An entry that sends its reader to its new day, written elsewhere in the programme."""
    return bool(_MOVED_ELSEWHERE.search(text or ""))


def closed_cell(cell: str) -> bool:
    """A row's cell that takes the row out of the public programme (internal, setting up, moved to another row)."""
    return bool(_CLOSED_CELL.fullmatch(cell.strip()))


def cancelled_cell(cell: str) -> bool:
    """A table's cell that only says « ANNULÉ » (in a status column, or in the time column of a brochure's table)."""
    return bool(re.fullmatch(r"\W*(?:(?:[ée]v[ée]nement|s[ée]ance|rendez-vous)\s+)?(?:annul[ée]e?s?|d[ée]programm[ée]e?s?|"
                             r"cancell?ed)\W*", cell or "", re.IGNORECASE))


def struck_after(title: str) -> bool:
    """True when an event's title says after it that the event is cancelled."""
    return bool(_STRUCK_AFTER.search(title or ""))


def struck_out(anchor_rest: str, block: list) -> bool:
    """An entry whose title (on its date line, or the first line under it) opens by saying it is cancelled,
    or a line of which says it is put off to a later season."""
    lines = [line.text for line in block if not line.blank]
    title = anchor_rest if re.search(r"[^\W\d_]{3}", anchor_rest or "") else next(iter(lines), "")
    # a line of its own that shouts it (« >>> ANNULÉ <<< », « ANNULÉ faute d'inscrits ») among the entry's first
    own = []
    # (an entry told whole on its date line ends there: « ANNULÉ – Randonnée … » after a blank line is another's)
    whole = len(re.findall(r"[^\W\d_]{4,}", anchor_rest or "")) >= 6
    for line in block[:8]:      # the entry's own lines: up to its first blank line or bullet
        if line.blank and (own or whole) or line.bullet and not cancelled_cell(line.text):    # (« *** ANNULÉ *** »)
            break
        own += [line.text] if not line.blank else []
    told = " ".join([anchor_rest or ""] + own)      # (a sentence that says so may run over two lines)
    shouted = any(cancelled_cell(text) or _SHOUTED_STRUCK.match(text) for text in own) \
        or any(_SAID_CANCELLED.search(sentence) and not conditional(sentence) for sentence in sentences(told))
    # (« Digne-les-Bains – reporté en 2021, nous vous tiendrons informés »: put off past the edition, on a line under it)
    return bool(_STRUCK.match(title) or _SHOUTED_AFTER.search(title)) or shouted \
        or any(_PUT_OFF.match(text) or _PUT_OFF_AFTER.search(text) for text in lines[:3])


# « Nous sommes au regret de vous informer que cette conférence est annulée. », « la visite de l'entreprise
# d'insertion Bétheny Services est ANNULEE »
_SAID_CANCELLED = re.compile(r"\b(?:cette|cet|ce|la|le|l['’])\s*(?:[\w’'-]+\s+){0,7}(?:est|a\s+été)\s+(?:malheureusement\s+)?"
                             r"annul[ée]e?\b", re.IGNORECASE)
_SHOUTED_STRUCK = re.compile(r"^\W*(?:ANNUL[ÉE]E?S?|D[ÉE]PROGRAMM[ÉE]E?S?)\b")


# « En cas de pluie, le marché est annulé », « s'il pleut »: what would happen, not what did
_CONDITION = re.compile(r"\b(?:en\s+cas\s+d|si\s|s['’]il|sauf\s|au\s+cas\s+o[uù])", re.IGNORECASE)
# « sera annulé faute d'inscrits » would happen; « est annulé faute d'intervenant » has
_FOR_WANT = re.compile(r"\b(?:sera|seront|serait|seraient|pourr\w+)\b[^.;]*\bfaute\s+d", re.IGNORECASE)


def conditional(sentence: str) -> bool:
    """True when a sentence says what would happen under a condition."""
    return bool(_CONDITION.search(sentence) or _FOR_WANT.search(sentence))


def told_past(sentence: str) -> bool:
    """True when a sentence tells a past fact in the passé composé."""
    return bool(_TOLD_PAST.search(sentence))


def looks_back(sentence: str) -> bool:
    """True when a sentence tells what took place (« a eu lieu », « avait été reporté », « retour sur »)."""
    return bool(_PAST.search(sentence)) or told_past(sentence)


# « Ce film … », « Cet atelier … », « Cette soirée … »: a sentence about an event already named
# (after a notice's label: « Modifié : cette séance, annoncée le jeudi 10 novembre …, a lieu le jeudi 24 »)
_BACK_NOUN = (r"(?:film|documentaire|spectacle|atelier|s[ée]ance|rendez-vous|[ée]v[ée]nement|[ée]v[èe]nement|moment|temps|"
              r"rencontre|soir[ée]e|journ[ée]e|projection|d[ée]bat|conf[ée]rence|forum|visite|formation|animation|exposition|"
              r"expo|concert|salon|march[ée]|festival|ateliers|rencontres)")
# (« ATTENTION NOUVELLE DATE : le forum a lieu le vendredi 18 novembre »: the entry's event, by its noun)
_BACK_REFERENCE = re.compile(r"^\s*(?:(?:attention\s*[,:!]?\s*)?(?:modifi[ée]e?|nouveau|nouvelle\s+date|attention|"
                             r"pr[ée]cision|nb|info|changement(?:\s+de\s+date)?|mise\s+à\s+jour)\s*:\s*)?"
                             rf"(?:(?:ce|cet|cette|ces)\s+(?:[\w’'-]+\s+)?{_BACK_NOUN}\b|(?:le|la|l['’])\s*{_BACK_NOUN}\s+"
                             r"(?:a|aura)\s+lieu\b)", re.IGNORECASE)


def is_dateline(text: str) -> bool:
    """« Montpellier, le 2 novembre 2022. »: the place and day an article was written."""
    return bool(_DATELINE.match(text))


def published_near(text: str) -> bool:
    """True when a text says it gives a publication or update date (« Publié le », « mis à jour »)."""
    return bool(_PUBLISHED.search(text))


# « 5 novembre à 10:14 · 🌐 », « 2 nov. · Public »: the header of a social network's post (its audience after a dot)
# « 2 nov. 2026, 09:12 · 🌐 », « 2 nov. 2026, 09:15 · 🌐 · Modifié 9 nov. », « 28 oct. 2026, 21:40 »: a post's own date
_POST_STAMP = re.compile(r"^\s*,?\s*(?:à\s+)?(?:\d{1,2}\s*[:h]\s*\d{2}\s*)?·\s*(?:🌐|🌍|🌎|🌏|👥|🔒|public|amis|modifi[ée]).*$|"
                         r"^\s*,\s*\d{1,2}:\d{2}\s*$", re.IGNORECASE)


def stamp_after(found: dates.DateMatch, after: str) -> bool:
    """A date with its year followed by a clock time or a byline: « 02.11.2010, 05:04 - La Voix du Nord »,
    « 30/10/2018 par WeDemain »."""
    if _POST_STAMP.match(after):
        return True
    if not any(p.year for p in found.points):
        return False
    numeric = re.search(r"\d[/.]\d", found.text or "")
    # (« 2 novembre 2017 · » under its author's name: a post's stamp)
    return bool(_BYLINE.match(after) or numeric and _CLOCK_STAMP.match(after) or _PADDED_CLOCK.match(after)
                or re.fullmatch(r"\s*·\s*", after))


def whole_month(found: dates.DateMatch) -> bool:
    """« Du 1er au 30 novembre », « tout le mois de novembre »: the span of the edition itself."""
    if found.kind == "month":
        return True
    first, last = found.points[0], found.points[-1]
    return found.kind == "range" and first.day == 1 and first.month == last.month and last.day >= 30


def opens_entry(rest: str, found: dates.DateMatch) -> bool:
    """After a date at the start of a line, what says the line opens an entry: nothing (a date heading),
    a separator, a time, a place (« vendredi 8 novembre au Toit Commun : »)."""
    stripped = rest.strip()
    if not stripped:
        return True
    if found.kind == "month":
        return bool(re.match(r"^\s*[:–—|]", rest))
    if re.match(r"^\s*(?:[:–—|>•·]|-\s|\(|\.\s*$)", rest):
        return True
    if unicodedata.category(stripped[0]) == "So" and not 0x2500 <= ord(stripped[0]) <= 0x25FF:
        return True     # « Du lun. 14 au sam. 26 nov. ♻ ESS »: an agenda's pictogram (not a frame's « ▓ »)
    if re.match(r"^\.\s+[A-ZÀ-Ý«\"]", rest):      # « Mardi 8 novembre. Les bénévoles animent … » (press agendas)
        return True
    if dates.starts_with_time(stripped) or re.match(r"^(?:à\s+partir|à|dès|de|entre)\s+\d", stripped, re.IGNORECASE):
        return True
    part = dates.DAY_PART.match(stripped)      # « mer. 4/11 apr.-midi (14h-17h) — atelier … »
    if part and re.match(r"\s*(?:\(|[—–:|-]|$)", stripped[part.end():]):
        return True
    if rest.startswith(","):
        after = rest[1:].strip()
        # (« , départ 10h quai de la Consigne », « , accueil dès 9h »: when it starts)
        return bool(re.match(r"^(?:[A-ZÀ-Ý0-9]|au\s|aux\s|à\s|en\s|chez\s|dès\s|de\s+\d|dans\s+les\s+locaux)", after)
                    or re.match(r"^(?:d[ée]part|accueil|rendez-vous|rdv|ouverture)\s+(?:(?:à|dès|de)\s+)?\d", after, re.IGNORECASE)
                    or re.match(rf"^{VENUE_NOUN}\s+[A-ZÀ-Ý]", after))    # « , médiathèque Jacques-Demy, Nantes »
    return bool(re.match(r"^(?:au|aux|à|chez|en)\s+[A-ZÀ-Ý]", stripped)) or bool(
        re.match(r"^(?:en\s+(?:ligne|visio))", stripped, re.IGNORECASE))


def opens_sentence(rest: str) -> bool:
    """After a date and a comma, a sentence that says an event happens (« , l'association X ouvre ses
    portes … »), not one that counts the month's events."""
    rest = re.sub(r"^\s+(?:encore|aussi|[ée]galement|enfin|ensuite|puis)(?=\s*,)", "", rest, flags=re.IGNORECASE)
    spoken = re.match(r"^\s+(?:on|nous|je|j['’]|ils?|elles?|c['’]est|venez|rendez-vous|rdv)\b", rest, re.IGNORECASE)
    if not (re.match(r"^\s*,\s*\S", rest) or spoken):     # « mardi 21 on part à Landerneau pour la table ronde … »
        return False
    parts = sentences(rest.lstrip(" ,")) or [""]
    if names_an_event(parts[0]) or counts_events(parts[0]):
        return names_an_event(parts[0])
    # « Du 7 au 11 novembre, la ville vibre ! Le festival X se tiendra … »: the next sentence names it
    return len(parts) > 1 and names_an_event(parts[1]) and not dates.search_dates(parts[1], loose=True)


def judge_start(found: dates.DateMatch, rest: str) -> Verdict:
    """A date that starts its line."""
    if whole_month(found) and (found.kind == "month" or not re.match(r"^\s*[:–—|]\s*\S", rest)):
        return Verdict(False, SPAN)         # « Tout le mois de novembre, les acteurs … », « Du 1er au 30 novembre »
    if stamp_after(found, rest):
        return Verdict(False, PUBLISHED)
    first = first_sentence(rest.lstrip(" ,"))
    if _PAST_AFTER.match(rest) or _PAST.search(rest[:200]) or told_past(first):
        return Verdict(False, PAST)
    if _CANCELLED.search(first):
        return Verdict(False, CANCELLED)
    if rest.lstrip().startswith(",") and counts_events(first):
        return Verdict(False, COUNT)
    if _MILESTONE.match(rest):
        return Verdict(False, MEETING)
    if found.kind == "range" and _THE_MONTH.match(rest):
        return Verdict(False, SPAN)
    if opens_entry(rest, found) or opens_sentence(rest) or THEMED_DAY.match(rest):
        return KEEP
    return Verdict(False, NO_TITLE)


# « Du 6 au 28 novembre, c'est le Mois de l'ESS à Fresnes »: the span of the edition in a place
_THE_MONTH = re.compile(r"^\s*,?\s*(?:c['’]est|ce\s+sera|place\s+(?:à|au))\s+(?:le\s+)?mois\s+de\s+l['’]", re.IGNORECASE)
# a line that only says who wrote the article above it (« Par », « Par Camille Martin »)
_BYLINE_LINE = re.compile(r"^\s*par\b(?:\s+[A-ZÀ-Ý][\w’'.-]*){0,4}\s*$", re.IGNORECASE)


def byline(text: str) -> bool:
    """« Par », « Par La Rédaction »: the line that names an article's author."""
    return bool(_BYLINE_LINE.match(text))


# « Élise Marchetti (Touraine ESS Réseau) · 6 oct. 2021 », « ↳ Sophie R. · 2 nov. 2021 : Y aura-t-il … »: who posted on a
# wall or commented, and when
_POSTED_BY = re.compile(r"^\s*(?:↳\s*)?[A-ZÀ-Ý][a-zà-ÿ'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]*\.?){1,2}(?:\s*\([^()]{2,60}\))?\s+·\s+"
                        r"\d{1,2}(?:er)?\s+[a-zéû]{3,9}\.?\s+(?:19|20)\d\d(?:,?\s+(?:à\s+)?\d{1,2}[:h]\d{2})?\s*(?::\s.*)?$")


def posted_by(text: str) -> bool:
    """A post's or a comment's byline with its day (its year written): not an event."""
    return bool(_POSTED_BY.match(text))


# « Le 8 novembre sera consacré à l'alimentation »: a day given to a theme, an event of its own
THEMED_DAY = re.compile(r"^\s*(?:sera|est|seront)\s+(?P<verb>consacr|d[ée]di|r[ée]serv)[ée]e?s?\s+(?P<what>(?:à|au|aux)\s.+)$",
                        re.IGNORECASE | re.DOTALL)


def judge_lead(found: dates.DateMatch, text: str, lead_end: int, rest: str) -> Verdict:
    """A date after a few words and a comma, colon or dash (« Enfin, du 30 novembre au … », « Toulouse —
    mardi 9 novembre », not « Date limite : 15 novembre. »)."""
    before = text[:lead_end]
    if _NOT_EVENT_DAY.search(_CLOSING_EVENT.sub("", before).rstrip(" ,:–—-")) or _LIMIT_WORD.search(before):
        return Verdict(False, LIMIT)
    if OWN_MEETING.search(before) or _PRESS.search(before):
        return Verdict(False, MEETING)      # (« Point presse : jeudi 30 octobre »: for journalists)
    when = field_of_label(before.strip(" :\t")) in ("date", "time")     # « Début : jeu. 03/11/2022 18:00 »: not a stamp
    if published_near(before) or not when and stamp_after(found, rest) or re.match(r"^\s*par\s", before, re.IGNORECASE) \
            or is_dateline(text[text.rfind("–", 0, lead_end) + 1:].strip() if "–" in before else ""):
        return Verdict(False, PUBLISHED)        # « Par notre correspondante – Lyon, le 4 novembre 2024 »
    heading = not rest.strip() and len(text) <= 60 and re.search(r"\s[–—-]\s*$", before) \
        and not text.rstrip().endswith(".")
    if opens_sentence(rest) or (opens_entry(rest, found) and (rest.strip(" .") or heading)):
        return KEEP
    return Verdict(False, NO_TITLE)


def judge_sentence(sentence: str, at: int, found: dates.DateMatch) -> Verdict:
    """A date inside a sentence: the day of an event when the sentence says an event happens and
    nothing around the date makes it a limit, a past or a publication."""
    before, after = sentence[:at], sentence[at + found.end:]
    if published_near(sentence) or stamp_after(found, after):
        return Verdict(False, PUBLISHED)
    if whole_month(found):
        return Verdict(False, SPAN)
    if _PAST.search(sentence) or _PAST_AFTER.match(after) or told_past(sentence):
        return Verdict(False, PAST)
    if _CANCELLED.search(sentence):
        return Verdict(False, CANCELLED)
    if _NOT_EVENT_DAY.search(before) or found.kind == "until":
        return Verdict(False, LIMIT)
    told = f"{before.rstrip(' ,')} {after.lstrip(' ,')}".strip()
    if not names_an_event(told) or _NOTHING.search(sentence):
        return Verdict(False, NO_EVENT)
    return KEEP


_NEWS_HEADING = re.compile(r"^(?:(?:les|nos|toutes?\s+les|tous\s+les)\s+)?(?:derni[èe]re?s?\s+)?(?:actualit[ée]s?|actus?|news|"
                           r"nouvelles|à\s+la\s+une|articles?|blog|presse|communiqu[ée]s?|t[ée]moignages?|"
                           r"revue\s+de\s+presse|dans\s+la\s+presse|on\s+en\s+parle)\b[\s:!.…]*$",
                           re.IGNORECASE)
_AGENDA_HEADING = re.compile(r"^(?:(?:l['’]|les|nos|notre|tout\s+l['’]|tous\s+les|prochains?)\s*)?(?:agenda|[ée]v[ée]nements|"
                             r"[ée]v[èe]nements|programme|rendez-vous|à\s+venir|calendrier|manifestations)\b|"
                             # « 14 événements trouvés », « 23 résultats »: an agenda's list of results
                             r"^\d+\s+(?:[ée]v[ée]nements?|r[ée]sultats?|rendez-vous)\b", re.IGNORECASE)
# « Filtrer : Tous | Culture | ♻ Mois de l'ESS »: the bar over a list, after a page's headline
_LIST_BAR = re.compile(r"^(?:filtrer|filtres?|trier\s+par)\s*:", re.IGNORECASE)


def news_lines(lines: list) -> set:
    """Indexes of the lines under a heading that announces news (« Actualités », « À la une »,
    « Témoignages »), up to a heading that announces an agenda or programme."""
    return _under(lines, _NEWS_HEADING)


# « Événements passés », « Replays », « Archives », « Retour sur … »: a list of what already took place
_PAST_HEADING = re.compile(r"^(?:.{0,30}[—–:-]\s*)?(?:(?:nos|les)\s+)?(?:[ée]v[ée]nements\s+pass[ée]s|[ée]v[èe]nements\s+pass[ée]s|"
                           r"rendez-vous\s+pass[ée]s|replays?|archives?|r[ée]trospective|retour\s+sur|"
                           r"[ée]ditions?\s+pr[ée]c[ée]dentes?|d[ée]j[àa]\s+pass[ée]s?|"
                           # a document's own history: « Historique des modifications », « Changelog »
                           r"historique\s+des\s+(?:modifications|versions|mises\s+à\s+jour)|journal\s+des\s+modifications|"
                           r"changelog)\b.*$", re.IGNORECASE)


# « À lire aussi », « Événements similaires », « 2 réponses à … », « Laisser un commentaire »: what a page
# shows beside its content — related articles, other events, comments — whose dates are not the programme's
_RELATED_HEADING = re.compile(r"^(?:(?:à\s+)?lire\s+aussi|voir\s+aussi|vous\s+aimerez\s+(?:peut-[êe]tre\s+)?aussi|à\s+d[ée]couvrir\s+aussi|"
                              r"[ée]v[ée]nements\s+similaires|[ée]v[èe]nements\s+similaires|sur\s+le\s+m[êe]me\s+(?:sujet|th[èe]me)|"
                              r"articles?\s+(?:li[ée]s|r[ée]cents|similaires|populaires)|dans\s+la\s+m[êe]me\s+rubrique|"
                              r"les\s+plus\s+lus|\d+\s+(?:r[ée]ponses?|commentaires?)(?:\s+(?:à|a|sur)\s.*|\s*[·|,]?\s*\d+\s+(?:partages?|j['’]aime|vues?|r[ée]actions?)\b.*)?$|commentaires?\s*(?:\(\d+\))?$|"
                              r"laisser\s+un\s+commentaire|ajouter\s+un\s+commentaire|archives?\b)",
                              re.IGNORECASE)
RELATED = "contenu voisin de la page (articles liés, autres événements, commentaires), pas le programme"


def related_lines(lines: list) -> set:
    """Indexes of the lines under a heading of what a page shows beside its content (« À lire aussi »,
    « Événements similaires », « 2 réponses à … »), up to a heading that announces an agenda."""
    out, inside, under = set(), False, None
    for i, line in enumerate(lines):
        if line.blank:
            continue
        heading = _RELATED_HEADING.match(line.text.strip())
        if inside and under is not None and line.indent <= under:
            inside = False      # the end of a card's own « - Commentaires » item: the card's fields go on
        if heading and not dates.match_date(line.text):
            out.add(i)
            # « Lire aussi : Brest. La ressourcerie … » is one link in the article; the heading alone opens a list
            inside = not re.match(r"\s*:\s*\S", line.text.strip()[heading.end():])
            # (an item of a card's list holds only the lines indented under it)
            under = line.indent if line.bullet else None
        elif len(line.text.split()) <= 8 and _AGENDA_HEADING.match(line.text.strip()):
            inside = False
        elif inside:
            out.add(i)
    return out


# the fields of an e-mail's header: « De : … », « Objet : … », « Date : 29 octobre 2013 10:02 »
_MAIL_FIELD = re.compile(r"^\s*(?:de|from|objet|sujet|subject|date|envoy[ée]|sent|à|to|cc|r[ée]pondre\s+à|reply-to|"
                         r"message-id|content-type|content-transfer-encoding|mime-version|x-[\w-]+)\s*:", re.IGNORECASE)
_MAIL_SENDER = re.compile(r"^\s*(?:de|from|objet|subject)\s*:", re.IGNORECASE)


def mail_header_lines(lines: list) -> set:
    """Indexes of the headers of the e-mails a document holds (one it opens with, or each message of a
    digest or a forwarded thread): three fields or more in a row, one of them the sender or subject. Their
    dates are when the mails were sent, not events."""
    out, block = set(), []
    for i, line in enumerate(lines + [None]):
        if line is not None and not line.blank and _MAIL_FIELD.match(line.text):
            block.append(i)
            continue
        if len(block) >= 3 and any(_MAIL_SENDER.match(lines[k].text) for k in block):
            out.update(block)
        block = []
    return out


def past_lines(lines: list) -> set:
    """Indexes of the lines under a heading that lists past events (« Replays — événements passés »)."""
    return _under(lines, _PAST_HEADING)


def _under(lines: list, heading) -> set:
    out, inside = set(), False
    for i, line in enumerate(lines):
        short = not line.blank and len(line.text.split()) <= 6 and not dates.match_date(line.text)
        if short and heading.match(line.text.strip()) and not _item_headline(lines, i):
            inside = True
        elif short and _AGENDA_HEADING.match(line.text.strip()) or _LIST_BAR.match(line.text.strip()):
            inside = False
        elif inside:
            out.add(i)
    return out


def _item_headline(lines: list, i: int) -> bool:
    """« 30.10.2023 – Gouvernance » then « Retour sur notre assemblée générale »: the headline of a dated
    item, right under its date, not the heading of a section."""
    return i > 0 and not lines[i - 1].blank and bool(dates.match_date(lines[i - 1].text))


def news_starts(lines: list) -> list:
    """Indexes of the headings that open a news list: an entry above ends there."""
    news = news_lines(lines)
    return [i for i in news if i - 1 not in news]


_READ_MORE = re.compile(r"^\s*(?:lire\s+la\s+suite|en\s+savoir\s+plus|voir\s+l['’]article|lire\s+l['’]article)\b", re.IGNORECASE)


def news_item(anchor, lines: list) -> bool:
    """Under a news heading, a dated item that is news rather than an event: its text is an article, it
    ends on « Lire la suite », its date only says from when something changes (« à partir du 4 décembre »),
    or it names no event."""
    if anchor.form == "start" and _rubric(anchor.rest, stamp=bool(re.match(r"\d{1,2}[./]\d{1,2}[./]\d{4}", anchor.found.text or ""))):
        return True                 # « 30.10.2023 – Gouvernance »: the item's date and rubric
    if anchor.form == "title" and has_event_noun(anchor.rest) and anchor.found.kind not in ("open", "until"):
        return False                # « Portes ouvertes chez Coop'Seine le jeudi 16 novembre »: an announcement
    if sum(bool(label_of(line.text)) for line in lines[1:12] if not line.blank) >= 2:
        return False                # « Lieu : … », « Tarif : … », « Organisateur : … »: an event's card
    if not anchor.inside and is_article(lines[1:]):
        return True
    if any(_READ_MORE.match(line.text) for line in lines[1:4] if not line.blank):
        return True
    shown = [line for line in lines if not line.blank]
    # « 15 nov. » / « Économie sociale et solidaire · Enfance » / « Atelier parents-enfants … »: a card's
    # rubric and tags between its date and its title
    head = " ".join(line.text for line in shown[:3 if len(shown) > 1 and re.search(r"\s[·•|]\s", shown[1].text) else 2])
    return anchor.found.kind in ("open", "until") or not has_event_noun(head)


def _rubric(rest: str, stamp: bool) -> bool:
    """« – Vie de la coopérative », « | Formation » after « 27.09.2023 »: a news item's rubric after its
    date, not an event (a rubric may be a kind of event when the date is a numeric stamp)."""
    words = dates.strip_times(rest).strip(" –—-|:·").split()    # « Le 05/11/2019 – 18h00 »: a time, no rubric
    return 0 < len(words) <= 4 and bool(re.match(r"^\s*[–—|·-]", rest)) and (stamp or not has_event_noun(rest))


def is_article(lines: list) -> bool:
    """Lines that read as the body of an article: a paragraph of forty words or more (an event's labelled
    fields, « Lieu : … », « Tarif : … », are not its text)."""
    words = 0
    for line in lines:
        if not line.blank and label_of(line.text):
            continue
        # a rule (« ------ ») closes a paragraph as a blank line does: a web page's cards are ruled apart
        words = 0 if line.blank or re.fullmatch(r"[-=_*~·•]{3,}", line.text.strip()) else words + len(line.text.split())
        if words >= 40:
            return True
    return False


def judge_titled(text: str, at: int, found: dates.DateMatch) -> Verdict:
    """A heading that ends with its date (« Le tour de la finance solidaire … du 5 au 21 novembre »)."""
    before = text[:at]
    if whole_month(found):
        return Verdict(False, SPAN)
    if published_near(before):
        return Verdict(False, PUBLISHED)
    if _NOT_EVENT_DAY.search(before) or _LIMIT_WORD.search(before) \
            or re.search(r"\b(?:inscri\w*|candidat\w*)\b", before, re.IGNORECASE):
        return Verdict(False, LIMIT)
    if re.search(r"\b(?:voir|cf\.)\s*$", before, re.IGNORECASE):
        return Verdict(False, NO_TITLE)     # « → DÉPLACÉ, voir samedi 26 novembre »: where to read, not an event
    if len(re.findall(r"[A-Za-zÀ-ÿ]{3,}", before)) < 2:
        return Verdict(False, NO_TITLE)
    return KEEP


def judge_in_place(anchor, line_text: str, heading) -> Verdict:
    """What the line and the entry above say of a date already read: a sentence about an event already
    named, the day of the date heading above given again, a publication date."""
    if anchor.inside and _BACK_REFERENCE.match(line_text):
        return Verdict(False, BACK)
    if anchor.inside and heading is not None and [(p.day, p.month) for p in heading.found.points] == [
            (p.day, p.month) for p in anchor.found.points]:
        return Verdict(False, SAME_DAY)
    if not anchor.table and published_near(line_text[:anchor.found.end + 30]):
        return Verdict(False, PUBLISHED)
    return KEEP
