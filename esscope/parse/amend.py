"""Notices that change an event told elsewhere in the same document: an erratum, a « changements » box, a
later article or a comment — « La rencontre « Circuits courts » (Verdun) est déplacée au jeudi 29 novembre »,
« L'atelier zéro déchet de Longwy est annulé », « on décale l'atelier compost au mercredi 12 ».

The notice names its event by some words of its title or place; the one event they point to, and only
one, is moved or taken out. Pure functions."""

import datetime as dt
import re
import unicodedata
from dataclasses import replace

from . import dates, keep

_STATE = r"(?:(?:est|sont|a\s+été|ont\s+été|sera|seront)\s+(?:(?:malheureusement|finalement|exceptionnellement)\s+)?)"
_MOVE_WORD = r"(?:report[ée]e?s?|d[ée]plac[ée]e?s?|d[ée]cal[ée]e?s?|repouss[ée]e?s?|avanc[ée]e?s?)"
# « … est reporté(e) au mercredi 22 novembre », « … déplacée au jeudi 29 »
_MOVED = re.compile(rf"\s*,?\s*(?:{_STATE}?{_MOVE_WORD}\s+(?:au|à|a|le|en\s+date\s+du)(?:\s+lendemain\s*,)?|"
                    # « La conf du Vigan passe au jeudi 21 novembre »
                    r"(?:passe|passera)\s+(?:au|à)(?=\s+(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?\d))\s+",
                    re.IGNORECASE)
# « … est repoussé d'une semaine », « décalée de quinze jours »: moved by so many days
_SHIFTED = re.compile(rf"\s*,?\s*{_STATE}?{_MOVE_WORD}\s+(?:d['’]une\s+semaine|de\s+(?P<n>deux|trois|huit|quinze)\s+"
                      r"(?P<unit>semaines|jours))\b", re.IGNORECASE)
_SHIFTS = {"deux semaines": 14, "trois semaines": 21, "huit jours": 7, "quinze jours": 14}
# « la visite du chantier naval passe du mercredi 21 au jeudi 22 »: its old day, then its new one
_PASSES = re.compile(rf"\s+(?:passe|passera|est\s+{_MOVE_WORD})\s+du\s+(?=\w)", re.IGNORECASE)
# « La bourse aux jouets, annoncée pour le samedi 15 novembre, aura finalement lieu le samedi 22 novembre »
_FINALLY = re.compile(r"\s*,?\s*(?:aura|se\s+tiendra|se\s+d[ée]roulera)\s+finalement(?:\s+lieu)?\s+(?:le\s+)?(?=\w)",
                      re.IGNORECASE)
# « La rencontre de Montbéliard … aura lieu le jeudi 22 novembre, et non le 15 comme annoncé »
_INSTEAD = re.compile(r"\s*,?\s*(?:aura\s+lieu|a\s+lieu|se\s+tiendra|se\s+tient|se\s+d[ée]roulera)\s+(?:le\s+)?"
                      r"(?P<when>[^,;.]{3,40}?),?\s+et\s+non\s+(?:pas\s+)?(?:le\s+|du\s+)?\d", re.IGNORECASE)
# « le Forum … n'a PAS lieu mercredi 20 mais vendredi 22 novembre »: its old day denied, its new one after « mais »
_NOT_BUT = re.compile(r"\s*,?\s*n['’](?:a|aura)\s+pas\s+lieu\s+(?:le\s+)?[^,;.]{3,40}?\s+mais\s+(?:bien\s+)?(?:le\s+)?(?=\w)",
                      re.IGNORECASE)
_ANNOUNCED = re.compile(r"\b(?:annonc|pr[ée]vu|programm|initialement|d['’]abord)", re.IGNORECASE)
# « on décale l'atelier compost au mercredi 12 », « nous reportons la conférence au 22 novembre », « ils décalent
# leurs portes ouvertes au samedi 13/11 »
_MOVING = re.compile(r"\b(?:(?:on|nous)\s+(?:d[ée]cale|d[ée]calons|report(?:e|ons)|repouss(?:e|ons)|d[ée]pla(?:ce|çons)|"
                     r"avan(?:ce|çons))|(?:ils|elles)\s+(?:d[ée]calent|reportent|repoussent|d[ée]placent|avancent))\s+",
                     re.IGNORECASE)
# « [12/11/2019 14:03] Élodie : … »: a chat's message, a sentence of its own
_MESSAGE = re.compile(r"^\[\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}")
_CANCELLING = re.compile(r"\b(?:on|nous)\s+(?:annule|annulons)\s+(?=(?:le|la|les|l['’]|notre|nos)\b)", re.IGNORECASE)
_TO = re.compile(r"\s+(?:au|à|a)\s+(?=(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?\d)",
                 re.IGNORECASE)
# « … est annulé(e) », « … n'aura pas lieu », « … est reporté(e) à une date ultérieure »
_CANCELLED = re.compile(rf"\s*,?\s*(?:{_STATE}(?:annul[ée]e?s?|d[ée]programm[ée]e?s?|supprim[ée]e?s?)\b|"
                        r"n['’]aura\s+(?:finalement\s+|donc\s+|malheureusement\s+|plus\s+)?pas\s+lieu\b|"
                        r"ne\s+pourra\s+pas\s+avoir\s+lieu\b|"
                        rf"{_STATE}?{_MOVE_WORD}\s+(?:à\s+une\s+date\s+ult[ée]rieure|sine\s+die|à\s+plus\s+tard))",
                        re.IGNORECASE)
# a sentence ends on « . » before a capital, or where a bullet lost by a PDF extraction (« (cid:127) ») opens an item
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[«\"(]?[A-ZÀ-Ý]|[^\w\s«\"(),.;:]\s*[A-ZÀ-Ý])|\s*\(cid:\d+\)\s*")
_SMALL = {"les", "des", "une", "pour", "avec", "dans", "sur", "par", "aux", "qui", "que", "est", "son",
          "ses", "leur", "nos", "vos", "cette", "ces", "elle", "ils", "elles", "aussi", "lieu", "prevu",
          "prevue", "date", "heure", "meme", "nouvelle", "nouveau", "evenement", "programme", "mois", "ess",
          "rendez", "vous", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
          "novembre", "octobre", "decembre", "nov"}
# the words without which a sentence changes nothing (read before the patterns, for speed)
_TRIGGER = re.compile(r"report|d[ée]cal|d[ée]pla|repouss|avan[cç]|annul|programm|supprim|pas\s+(?:avoir\s+)?lieu|passer?a?\s+(?:du|au|à)|"
                      r"finalement|et\s+non\s",
                      re.IGNORECASE)
# where the words naming the event start: after the last « : », « — », « ! » or pictogram outside quotes
_LEAD = re.compile(r"[:!?—–|⚠📌👉➡→•]\ufe0f?\s|\s[-–—]\s")
_PRONOUN = re.compile(r"(?:^|[\s,])(?:il|elle)\s*$", re.IGNORECASE)
# « Cet événement est annulé »: the notice speaks of its own entry, read with it
# (« prévue ce soir » says when, not which)
_OWN_ENTRY = re.compile(r"(?:^|\s)(?:(?:ce|cet|cette|ces)\s+(?!(?:soir|matin|midi|après-midi|week-end|jour|mois|lundi|mardi|"
                        r"mercredi|jeudi|vendredi|samedi|dimanche)\b)[\w'’-]+|il|elle|celui-ci|celle-ci)\s*$", re.IGNORECASE)


def amended(events: list, lines: list, year: int) -> tuple:
    """(events, warnings): `events` with those a notice of this document moves put on their new day and
    those it cancels taken out; the reading of the notice itself, once applied, dropped. A notice that
    names no event, or more than one alike, changes nothing."""
    warnings = []
    for first, last, sentence in (told for said in _sentences(lines) for told in _changes_told(*said)):
        change = _change(sentence, year)
        if change is None:
            continue
        named, new_day = change
        own = [e for e in events if first <= (e.line or -1) <= last]
        target = _target(named, sentence, own, events, year)
        old = _listed_twice(named, sentence, own, events, year, new_day) if target is None else None
        if old is not None:
            events = [e for e in events if e is not old and e not in own]
            warnings.append(f"ligne {first + 1} : « {old.title[:60]} » déplacé au {dates.format_day(new_day)}, où le "
                            "document le donne déjà : sa date d'avant non retenue")
            continue
        if target is not None and isinstance(new_day, dt.timedelta):     # « repoussé d'une semaine »
            new_day = dt.date.fromisoformat(target.start_date) + new_day
        if target is None and new_day is not None:
            # « le marché, d'abord annoncé pour le samedi 21, est repoussé d'une semaine » told only here, its
            # new day given elsewhere: the reading of its old day goes
            old = _days(named)
            events = [e for e in events if e not in own or not e.start_date or int(e.start_date[8:10]) not in old]
        if target is None:
            continue
        if new_day is not None and target.start_date == new_day.isoformat():
            # the programme already gives the new day (« Jeudi 20 novembre (nouvelle date) »): the notice's own
            # reading of that day goes, and nothing else it runs into (a calendar's lines, one « sentence »)
            events = [e for e in events if e not in own or e is target or not (
                e.start_date == target.start_date or _shared(_words(e.title or ""), _words(target.title or "")) >= 2)]
            continue
        if new_day is None:
            events = [e for e in events if e is not target]
            warnings.append(f"ligne {first + 1} : « {target.title[:60]} » annulé d'après une autre mention du "
                            "document, non retenu")
            continue
        single = (target.end_date or target.start_date) == target.start_date
        target.start_date = new_day.isoformat()
        target.end_date = target.start_date if single else max(target.end_date, target.start_date)
        target.warn(f"date changée par la ligne {first + 1} du document (« {sentence[:80]} »)", 0.1)
        events = [e for e in events if e not in own or e is target]
        warnings.append(f"ligne {first + 1} : « {target.title[:60]} » déplacé au {dates.format_day(new_day)} "
                        "d'après une autre mention du document")
    return events, warnings


def _listed_twice(named: str, sentence: str, own: list, events: list, year: int, new_day):
    """« le forum de Loon-Plage passe au jeudi 26 » where the programme lists the forum on the 24th and, edited,
    on the 26th: the entry of the old day, when the notice names it among the others and one alike is on the new day."""
    if not isinstance(new_day, dt.date):
        return None
    day = new_day.isoformat()
    old = _target(named, sentence, own, [e for e in events if e.start_date != day], year)
    if old is None or not any(e.start_date == day and _shared(_words(e.title or ""), _words(old.title or "")) >= 2
                              for e in events):
        return None
    return old


def _target(named: str, sentence: str, own: list, events: list, year: int):
    """The event a notice names. A card's lines run together into one sentence hold the card's own event,
    which the notice may name (« Forum … / Le forum est reporté au jeudi 25 »), but not the readings of the
    days the sentence writes; failing a name, the card's one event on a day the notice itself does not write
    (« Samedi 18 novembre · Foire aux savoir-faire / Mise à jour : la foire est repoussée au samedi 25 »)."""
    written = _days(sentence)
    readings = [e for e in own if not e.start_date or int(e.start_date[8:10]) in written]
    target = _named(named, year, [e for e in events if e not in readings])
    if target is not None:
        return target
    trigger = _TRIGGER.search(sentence)
    # (« séance DÉPLACÉE au vendredi 23 novembre (salle indisponible le 16) »: the remark says no new day)
    said = _days(re.sub(r"\([^()]*\)", "", sentence[trigger.start():])) if trigger else written
    card = [e for e in own if e.start_date and int(e.start_date[8:10]) not in said]
    return card[0] if len(own) == len(card) == 1 and (_shared(_words(named), _words(card[0].title or ""))
                                                      or _ANY_ENTRY.fullmatch(named)) else None


# « séance DÉPLACÉE au vendredi 23 », under an entry: the entry itself, by the word for any entry
_ANY_ENTRY = re.compile(r"\W*(?:(?:la|le|l['’]|cette|notre)\s*)?(?:s[ée]ance|[ée]v[ée]nement|rendez-vous|animation|"
                        r"projection|manifestation|rencontre)\W*", re.IGNORECASE)


def _sentences(lines: list) -> list:
    """(first line, last line, text) of each sentence of the document, its lines joined (a word cut at
    the end of a line — « dé- / placée » — made whole); an item of a list or a table's row starts a sentence."""
    out, parts, first, last = [], [], None, None
    for line in lines + [None]:
        # (a row of a table drawn with « | » is read on its own: its cells run into no sentence)
        if line is None or line.blank or line.bullet or line.header is not None or line.text.count("|") >= 2 \
                or _MESSAGE.match(line.text):
            if parts:
                out += [(first, last, s) for s in _SENTENCE_END.split(" ".join(parts))]
            parts, first = [], None
            if line is None or line.blank or line.header is not None:
                continue
        if parts and parts[-1].endswith("-") and re.match(r"[a-zà-ÿ]", line.text):
            parts[-1] = parts[-1][:-1] + line.text
        else:
            parts.append(line.text)
        first = line.n if first is None else first
        last = line.n
    return out


def _changes_told(first: int, last: int, sentence: str) -> list:
    """A sentence that tells two changes (« le concert … est déplacé au vendredi 24 ; la marche … est
    annulée ») as one notice per clause; any other sentence as it is."""
    clauses = re.split(r"\s;\s+", sentence)
    if sum(bool(_TRIGGER.search(clause)) for clause in clauses) < 2:
        return [(first, last, sentence)]
    return [(first, last, clause) for clause in clauses]


def _change(sentence: str, year: int) -> tuple | None:
    """(words naming the event, its new day — or how many days later — or None when cancelled) that
    `sentence` says, or None."""
    trigger = _TRIGGER.search(sentence)
    if not trigger or keep.conditional(sentence) or keep.looks_back(_clause(sentence, trigger.start())) \
            or sentence.rstrip(" )").endswith("?"):     # « Le marché du 16 c'est annulé ?? »: a question
        return None
    moving = _MOVING.search(sentence)
    if moving:
        to = _TO.search(sentence, moving.end())
        day = to and _day(sentence[to.end():], year)
        return (sentence[moving.end():to.start()], day) if day else None
    passes = _last(_PASSES, sentence)
    found = passes and dates.match_date(sentence[passes.end():])
    if found and found.kind == "range":
        old, new = (replace(found, points=[p], kind="single") for p in (found.points[0], found.points[-1]))
        day = _day_of(new, year)
        return (f"{_subject(sentence[:passes.start()])} du {old.points[0].day}", day) if day else None
    shifted = _last(_SHIFTED, sentence)
    if shifted:
        days = _SHIFTS.get(f"{shifted.group('n')} {shifted.group('unit')}".casefold(), 7)
        return _subject(sentence[:shifted.start()]), dt.timedelta(days=days)
    instead = _last(_INSTEAD, sentence)
    if instead:
        day = _day(instead.group("when"), year)
        return (_subject(sentence[:instead.start()]), day) if day else None
    denied = _last(_NOT_BUT, sentence)
    if denied:
        day = _day(sentence[denied.end():], year)
        return (_subject(sentence[:denied.start()]), day) if day else None
    finally_ = _last(_FINALLY, sentence)
    if finally_ and _ANNOUNCED.search(sentence[:finally_.start()]):
        day = _day(sentence[finally_.end():], year)
        return (_subject(sentence[:finally_.start()]), day) if day else None
    moved = _last(_MOVED, sentence)
    if moved:
        day = _day(sentence[moved.end():], year)
        return (_subject(sentence[:moved.start()]), day) if day else None
    cancelling = _CANCELLING.search(sentence)
    if cancelling:      # « On annule la balade de dimanche à Saint-Jean, vigilance orange »
        return re.split(r"[,;.:!]|\s[–—-]\s", sentence[cancelling.end():])[0], None
    cancelled = _last(_CANCELLED, sentence)
    if cancelled:
        return _subject(sentence[:cancelled.start()]), None
    return None


def _clause(sentence: str, at: int) -> str:
    """The part of `sentence` around `at` between commas, semicolons or colons (« Julie : La Seconde Vie m'a
    appelée, ils décalent leurs portes ouvertes au samedi 13/11 » — the call told in the past, the change not)."""
    start = max(sentence.rfind(mark, 0, at) for mark in ",;:")
    ends = [k for k in (sentence.find(mark, at) for mark in ",;:") if k >= 0]
    return sentence[start + 1:min(ends) if ends else len(sentence)]


def _last(pattern, sentence: str):
    """The last match of `pattern` in `sentence` (a headline run into its paragraph says it first)."""
    found = list(pattern.finditer(sentence))
    return found[-1] if found else None


def _subject(text: str) -> str:
    """The words before a notice's verb that name its event: after the last pause outside quotes
    (« ⚠️ MISE À JOUR ⚠️ la conf' du mardi 14 » → « la conf' du mardi 14 »); empty for a notice about
    its own entry (« Cet événement »)."""
    masked = re.sub(r"«[^»]*»|\([^)]*\)", lambda m: "x" * len(m.group(0)), text)
    pauses = [m.start() for m in _LEAD.finditer(masked)], [m.end() for m in _LEAD.finditer(masked)]
    subject = text[pauses[1][-1]:] if pauses[1] else text
    if pauses[1] and _PRONOUN.search(subject):
        # « changement de date pour le forum de Limoux : prévu le jeudi 13, il se tiendra … »: named before the pause
        return text[(pauses[1][-2] if len(pauses[1]) > 1 else 0):pauses[0][-1]]
    return "" if _OWN_ENTRY.search(subject) else subject


def _day(text: str, year: int):
    """The day a notice gives at the start of `text` (« mercredi 22 novembre, même heure »), or None."""
    found = dates.match_date(text)
    return _day_of(found, year) if found and found.kind in ("single", "range") else None


def _day_of(found, year: int):
    """The first day of a date expression in `year`; « mercredi 12 » without its month: the month of the
    Mois the weekday fits."""
    point = found.points[0]
    if point.month is None and point.weekday:
        return next((d for d in (_date(year, m, point.day) for m in (11, 10, 12))
                     if d and dates.WEEKDAY_NAMES[d.weekday()] == point.weekday), None)
    period = dates.resolve(replace(found, points=[point], kind="single"), year)
    return period.start if period and period.start.year == year else None


def _date(year: int, month: int, day: int):
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _named(named: str, year: int, events: list):
    """The one event `named` names: sharing two words with its title or place, or every word of a short
    title — or one word when `named` also gives its day (« l'atelier tricot du vendredi 24 »); None when
    no event or more than one fits as well."""
    words, days = _words(named), _days(named)
    if not words:
        return None
    scored = []
    for event in events:
        if not event.start_date or days and int(event.start_date[8:10]) not in days:
            continue
        own = _words(event.title or "")
        place = _words(" ".join(filter(None, (event.commune_name, event.venue))))
        shared = _shared(words, own) + len(words & place - own)
        if own and (shared >= 2 or own <= words or days and shared):
            scored.append((shared, event))
    if not scored:
        return _named_last(named, days, events)
    scored.sort(key=lambda pair: -pair[0])
    best = [e for s, e in scored if s == scored[0][0]]
    return best[0] if len(best) == 1 else None


def _named_last(named: str, days: set, events: list):
    """« le camion est mobilisé le jeudi, la visite est décalée … »: the words after the notice's last comma, all
    in the title of one event and one only."""
    last = _words(named.rsplit(",", 1)[-1])
    fits = [e for e in events if last and e.start_date and (not days or int(e.start_date[8:10]) in days)
            and last <= _words(e.title or "")]
    return fits[0] if len(fits) == 1 else None


def _days(named: str) -> set:
    """The days of the month the words naming an event give (« l'atelier tricot du vendredi 24 » → {24})."""
    return {p.day for _, found in dates.search_dates(named, loose=True) for p in found.points}


def _shared(words: set, other: set) -> int:
    """How many of `words` are in `other`, a word cut short (« conf' ») counting for the whole."""
    return sum(any(w == o or len(w) >= 4 and o.startswith(w) for o in other) for w in words)


def _words(text: str) -> set:
    text = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    return {w for w in re.findall(r"[a-z0-9]{3,}", text) if w not in _SMALL}
