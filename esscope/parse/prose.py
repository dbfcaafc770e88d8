"""Reading one event written as a sentence: « mardi 5 novembre : ciné-débat à l'initiative du réseau
des AMAP, avec le film X. Au Toit Commun », « la CALL organise une rencontre … », « festival Louise
Michel à Avion, à l'initiative des Amis de Mandela ».

The title is the sentence's head (cut before who organises it, where and when), completed by the
name of the work shown when the head is only a kind of event; the organiser is who takes the
initiative, proposes or organises.
"""

import re
from dataclasses import dataclass, field

from .dates import fold, search_dates, strip_times
from .places import (
    VENUE_NOUN,
    Places,
    bracketed_commune,
    closing_commune,
    commune_cell,
    communes_in_prose,
    contracted_commune,
    generic_name,
    is_address,
    is_online,
    split_venue_commune,
    venue_after_commune,
    venue_in_prose,
    venue_segment,
)
from .vocabulary import kind_in

_ART = r"(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)"
_ORG_TYPE_WORDS = (r"(?:association|coop[ée]rative|scop|scic|cae|compagnie|collectif|structure|entreprise|ressourcerie|"
                   r"recyclerie|[ée]picerie(?:\s+solidaire)?|f[ée]d[ée]ration|r[ée]seau|fondation|mutuelle|union|amap|mjc)")
_ORG_END = (r"(?:\s*\([A-Z][A-Za-z0-9&\-]{1,12}\))?(?=\s*(?:[,;.:!?(]|\s-\s|$)|\s+(?:avec|pour|autour|dans|sur|concernant|qui|afin|en\s+partenariat|"
            r"en\s+présence|en\s+lien|le\s+\d|les\s+\d|à\s+(?:[A-ZÀ-Ý0-9]|l['’]|la\s)|au\s|aux\s)\b)")
_ORG_PATTERNS = [
    re.compile(r"à\s+l['’]\s*initiative\s+" + _ART + r"(?P<org>.+?)" + _ORG_END, re.IGNORECASE),
    re.compile(r"(?:co-?)?(?:organis|propos|port|initi|lanc|coordonn|pilot)[ée]e?s?\s+par\s+(?-i:la\s+|le\s+|les\s+|l['’]\s*)?(?P<org>.+?)"
               + _ORG_END, re.IGNORECASE),
    re.compile(r"(?:une\s+)?(?:proposition|invitation|initiative)\s+" + _ART + r"(?P<org>[A-ZÀ-Ý].+?)" + _ORG_END),
    # « Atelier zéro déchet, par l'association Zéro Waste Lyon »
    re.compile(r"(?:,|\s[–—-])\s*par\s+(?:la\s+|le\s+|les\s+|l['’]\s*)?(?P<org>(?:" + _ORG_TYPE_WORDS
               + r"\s+)?(?-i:[A-ZÀ-Ý]).+?)" + _ORG_END, re.IGNORECASE),
    # « … salle Beauregard, Caen. Par la Maison de l'initiative solidaire. »: a sentence that only says by whom
    re.compile(r"(?<=[.!?])\s+(?-i:Par)\s+(?:la\s+|le\s+|les\s+|l['’]\s*)?(?P<org>(?:" + _ORG_TYPE_WORDS
               + r"\s+)?(?-i:[A-ZÀ-Ý]).+?)" + _ORG_END, re.IGNORECASE),
]
# Lower-case words naming what a structure is, before its name (« l'association Le Passe Muraille »);
# in capitals they are part of the name (« la SCIC Terres Communes »).
_ORG_TYPE = (r"(?:association|coop[ée]rative|soci[ée]t[ée]\s+coop[ée]rative|scop|scic|cae|compagnie|collectif|"
             r"structure|entreprise|ressourcerie|recyclerie|[ée]picerie(?:\s+solidaire)?|f[ée]d[ée]ration|r[ée]seau|"
             r"fondation|mutuelle|union|chantier\s+d['’]insertion|tiers-lieu|amap|mjc|atelier|centre\s+social|"
             r"r[ée]gie\s+de\s+quartier|club|comit[ée]|syndicat|groupement|agence|incubateur|caf[ée]\s+associatif)")
# Verbs by which a subject puts on an event, present and future (« organise », « accueillera »).
_VERBS = (r"organise|organisent|organisera|organiseront|propose|proposent|proposera|proposeront|pr[ée]sente|"
          r"pr[ée]sentent|pr[ée]sentera|pr[ée]senteront|invite|invitent|invitera|vous\s+invite|vous\s+invitent|"
          r"f[êe]te|f[êe]tent|f[êe]tera|c[ée]l[èe]bre|c[ée]l[èe]brent|c[ée]l[ée]brera|accueille|accueillent|"
          r"accueillera|accueilleront|re[çc]oit|recevra|lance|lancent|lancera|ouvre|ouvrent|ouvrira|ouvriront|anime|"
          r"animent|animera|tient|tiennent|tiendra|r[ée]unit|r[ée]unissent|r[ée]unira|r[ée]uniront|"
          r"(?:vous\s+)?donne(?:nt|ra|ront)?\s+rendez-vous")
_SUBJECT = re.compile(r"^(?:[Ll]a\s+|[Ll]e\s+|[Ll]es\s+|[Ll]['’]\s*)?(?:" + _ORG_TYPE + r"\s+)?"
                      r"(?P<org>(?:[A-ZÀ-Ý][\w’'\-&]*)(?:\s+(?:[A-ZÀ-Ý0-9][\w’'\-&]*|de|du|des|[dl]['’]\w+|et|la|le|en))*?)"
                      r"\s+(?P<verb>(?i:" + _VERBS + r"))\b")
# « … ouvre ses portes pour une journée découverte » → the event is what the doors open for
_FOR_WHAT = re.compile(r"\bpour\s+(?:une|un|la|le|les|sa|son|ses|leur|des)\s+(?P<what>.+)$", re.IGNORECASE)
# An event that is the subject of its sentence: « le forum « X » réunira … », « la soirée aura lieu … ».
_EVENT_VERBS = (r"r[ée]unira|r[ée]unit|rassemblera|rassemble|aura\s+lieu|a\s+lieu|se\s+tiendra|se\s+tient|"
                r"s['’]installe(?:ra)?|investit|investira|revient|reviendra|d[ée]barque(?:ra)?|f(?:ait|era)\s+[ée]tape|"
                r"se\s+d[ée]roulera|se\s+d[ée]roule|accueillera|accueille|proposera|propose|permettra|permet|"
                r"invite|invitera|ouvrira|pr[ée]sentera|cl[ôo]turera|lancera|mettra|donnera|abordera|"
                r"exposer(?:a|ont)|expose(?:nt)?|projette(?:nt|ra|ront)?|"
                r"(?:est|sont)\s+(?:report|prolong|d[ée]plac)[ée]e?s?|"
                r"figur(?:e|ent|era|eront)\s+(?:(?:également|aussi|encore)\s+)?au\s+programme|"
                r"(?:est|sont|sera|seront)\s+pr[ée]vue?s?")
_EVENT_SUBJECT = re.compile(r"^(?:la\s+|le\s+|les\s+|des\s+|l['’]\s*|une?\s+)?(?P<title>.{3,120}?)\s+(?:" + _EVENT_VERBS
                            + r")\b", re.IGNORECASE)
# « avec La Coopérative Tiers-Lieux », « avec l'association X »: a structure taking part
_NAME_WORDS = (r"[A-ZÀ-Ý][\w’'\-&]*(?:\s+(?:[A-ZÀ-Ý0-9][\w’'\-&]*|(?:de|du|des|et|à|la|le|les)(?=\s+[A-ZÀ-Ý]|\s+la\s+[A-ZÀ-Ý]|\s+[dl]['’][A-ZÀ-Ý])|"
               r"[dl]['’][A-ZÀ-Ý][\w’'\-&]*))*")
_WITH = re.compile(r"\bavec\s+(?:(?i:l['’]|la\s+|le\s+)" + _ORG_TYPE + r"\s+(?P<typed>" + _NAME_WORDS
                   + r")|(?P<named>(?:(?:La|Le|Les)\s+|L['’])" + _NAME_WORDS + r"))")
_LIST_NEXT = re.compile(r"^(?:,\s*|\s+et\s+)" + _ART + r"(?P<org>.+?)" + _ORG_END, re.IGNORECASE)
# (the spaces are taken from the start of their run only: a long run of spaces cost its length squared)
_CUTS = re.compile(
    r"(?<!\s)\s+(?:à\s+l['’]\s*(?:initiative|invitation)|(?:co-?)?organis[ée]e?s?\s+par|propos[ée]e?s?\s+par|port[ée]e?s?\s+par|"
    r"avec\s+la\s+participation|avec\s+le\s+soutien|en\s+partenariat|dans\s+le\s+cadre|dans\s+les\s+locaux|"
    r"en\s+présence|suivie?s?\s+d['’]|avec\s+(?:une|un|le|la|les|l['’]|des)\s|, avec\s|de\s+\d{1,2}\s*h|"
    r"à\s+\d{1,2}\s*h|dès\s+\d{1,2}\s*h|(?:à\s+la|à\s+l['’]|au|dans\s+la|dans\s+le)\s+" + VENUE_NOUN + r"\b)", re.IGNORECASE)
_WORK = re.compile(r"(?:«\s*(?P<q1>[^»]{2,80}?)\s*»|\"(?P<q2>[^\"]{2,80})\"|“(?P<q3>[^”]{2,80})”|"
                   r"\b(?:film|documentaire|spectacle|pièce|livre|court-métrage|conte|exposition)\s+"
                   r"(?P<w>[A-ZÀ-Ý][^.;,:()«»\"]{1,60}))")
_WORK_NAMED = re.compile(r"\b(?:film|documentaire|spectacle|pièce|court-métrage|conte)\s+(?P<w>[A-ZÀ-Ý][^.;,:()«»\"]{1,60})")
_ORG_TAIL = re.compile(r"\s*(?:,|\s[–—-])\s*(?=(?i:sur\s+invitation|sur\s+inscription|inscriptions?|r[ée]servations?|gratuit|"
                       r"entr[ée]e\s+libre)\b)|"
                       r"\s*,\s*(?=(?i:au|aux|à|chez|dans|salle|sur\s+le\s+site|de\s+\d|dès|le\s+\d|\d+\s*(?:bis|ter)?"
                       r",?\s+(?:rue|avenue|boulevard|bd|place|chemin|all[ée]e|impasse|quai|route))\b)|"
                       r"(?<!\b[A-Z])\.\s+(?=[A-ZÀ-Ý0-9«])|\.\s*$|\s*;\s*")
_SENTENCE_END = re.compile(r"(?<=[a-zà-ÿ0-9)»\"])\s*[.;!?]\s+(?=[A-ZÀ-Ýa-z«\"])|\s*;\s*")
MAX_TITLE_WORDS = 20


@dataclass
class ItemReading:
    """What a one-sentence item says."""
    title: str | None = None
    kind: str | None = None
    organizer: str | None = None
    co_organizers: list = field(default_factory=list)
    venue: str | None = None
    address: str | None = None
    commune: object = None
    online: bool = False


_COUNTED = r"(?:[ée]v[ée]nements|[ée]v[èe]nements|rendez-vous|manifestations|animations|initiatives|actions|temps\s+forts)"
# a sentence that counts the month's events (« plus de 300 événements », « une trentaine de rendez-vous »)
_EDITORIAL = re.compile(r"\b(?:\d[\d\s.]*|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|"
                        r"quarante|cinquante|cent)\s+" + _COUNTED + r"\b|\b(?:dizaine|vingtaine|trentaine|quarantaine|cinquantaine|"
                        r"soixantaine|centaine|multitude|s[ée]rie)\s+d['’e]\s*" + _COUNTED + r"|\b(?:plusieurs|de\s+nombreu(?:x|ses)|"
                        r"nombreu(?:x|ses)|diver(?:s|ses)|multiples|diff[ée]rent(?:e?s))\s+" + _COUNTED + r"\b", re.IGNORECASE)
# « les candidatures seront closes », « date limite d'inscription »: a deadline, not an event
_DEADLINE = re.compile(r"^\s*(?:les\s+|la\s+|le\s+|l['’]\s*|des\s+)?(?:candidatures?|inscriptions?|dossiers?|"
                       r"d[ée]p[ôo]ts?|votes?|appels?\s+à)\b|\bdate\s+limite\b", re.IGNORECASE)
_OPENS_DOORS = re.compile(r"\bouvr\w*\s+(?:ses|leurs|les)\s+portes\b", re.IGNORECASE)
_ANY_VERB = re.compile(r"(?<![\w-])(?:" + _VERBS + "|" + _EVENT_VERBS + r")(?![\w-])", re.IGNORECASE)


# Nouns that name an event without being a kind of event to file it under (« une manifestation », « un
# temps fort », « la quinzaine de l'initiative », « la tournée de … »).
_EVENT_NOUN = re.compile(r"(?<![\w-])(?:(?:manifestations?|temps\s+forts?|c[ée]r[ée]monies?|inaugurations?|rencontres?|"
                         r"lancements?\s+(?:r[ée]gional|d[ée]partemental|officiel)\w*|lancements?\s+du\s+mois\b|"
                         r"cl[ôo]tures?(?!\s+des\s+(?:inscriptions|candidatures|d[ée]p[ôo]ts|votes|dossiers)))(?![\w-])|"
                         r"(?:quinzaines?|semaines?|tourn[ée]es?|tour|cycles?|parcours|f[êe]tes?|remises?|nuits?|"
                         r"village)\s+d(?:[eu]\s|es\s|['’]))", re.IGNORECASE)


def has_event_noun(text: str) -> bool:
    """True when a text names an event: a kind (« ciné-débat », « forum ») or another event noun
    (« manifestation », « temps fort », « semaine de la … »)."""
    text = _PLACE_OF_EVENTS.sub(" ", text)
    return bool(kind_in(text, within=len(text)) or _EVENT_NOUN.search(text) or _LAUNCH_ALONE.fullmatch(text))


# a place or a body named after events (« salle des fêtes », « comité des fêtes », « place du marché »)
_PLACE_OF_EVENTS = re.compile(r"\b(?:salles?|comit[ée]s?|parcs?|palais|halls?)\s+des\s+(?:f[êe]tes|expositions|congr[èe]s|"
                              r"spectacles|conf[ée]rences)\b|\b(?:place|halles?)\s+du\s+march[ée]\b|\bmarch[ée]\s+couvert\b",
                              re.IGNORECASE)
# « LANCEMENT » alone, as a poster's title
_LAUNCH_ALONE = re.compile(r"\s*(?:lancement|ouverture|cl[ôo]ture)\s*[!.]?\s*", re.IGNORECASE)


def counts_events(sentence: str) -> bool:
    """« plus de 300 événements sont organisés », « une trentaine de rendez-vous »: the month's events counted."""
    return bool(_EDITORIAL.search(sentence))


def names_an_event(sentence: str) -> bool:
    """A sentence that says an event happens (« X accueillera la soirée … », « le forum réunira … »,
    « l'association ouvre ses portes … »), not one that counts them (« 300 événements sont organisés »)."""
    if _EDITORIAL.search(sentence) or _DEADLINE.search(sentence):
        return False
    return bool(_ANY_VERB.search(sentence) or _OPENS_DOORS.search(sentence) or has_event_noun(sentence))


def verb_before(text: str) -> bool:
    """True when a text ends with a verb that puts on an event, with at most two words after it
    (« La MJC organise » before « le 5 novembre »)."""
    return bool(re.search(r"(?<![\w-])(?:" + _VERBS + "|" + _EVENT_VERBS + r")(?:\s+\S+){0,2}\s*,?\s*$", text,
                          re.IGNORECASE))


def sentences(text: str) -> list:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def first_sentence(text: str) -> str:
    """The first sentence of `text`; "" when it has none (« ; » alone). Read up to its end only: called on
    every remainder of a long paragraph, splitting it whole each time would take quadratic time."""
    at = 0
    for end in _SENTENCE_END.finditer(text):
        if text[at:end.start()].strip():
            return text[at:end.start()].strip()
        at = end.end()
    return text[at:].strip()


def read_item(text: str, places: Places) -> ItemReading:
    """Title, kind, organisers and place of an event written as running text."""
    reading = ItemReading()
    parts = sentences(text)
    if len(parts) > 1 and len(parts[0].split()) >= 4 and not names_an_event(parts[0]) and names_an_event(parts[1]):
        parts = parts[1:]       # « Du 7 au 11 novembre, la ville vibre ! Le festival X se tiendra … »
    lead, first = _main_clause(parts[0] if parts else text)
    subject = _SUBJECT.match(first)
    where = (commune_cell(subject.group("org"), places) or commune_cell(first[:subject.end("org")], places)) \
        if subject else None       # « Le Port accueillera … »: the article belongs to the commune's name
    if where:
        # « Montpellier accueillera la grande soirée … »: the subject is where, the object what
        first = first[subject.end():].strip()
    reading.organizer, reading.co_organizers, subject_rest = organisers(text, first)
    event_subject = None if subject_rest else _event_subject(first)
    reading.title = title_of(_drop_article(subject_rest) if subject_rest else event_subject or first, text)
    if where and reading.title:
        reading.title = _drop_article(reading.title)
        reading.title = reading.title[:1].upper() + reading.title[1:]
    reading.title = refined_title(without_lead_words(first), reading.title)
    if reading.title and re.match(r"^(?:l['’]|la\s+|le\s+|les\s+|une?\s+)[a-zà-ÿ«]", reading.title, re.IGNORECASE):
        bare = _drop_article(reading.title)      # « L'exposition photo … » told in a sentence → « Exposition photo … »
        reading.title = bare[:1].upper() + bare[1:]
    reading.kind = kind_in(reading.title or "") or kind_in(first)
    found = communes_in_prose(text, places)
    if where:
        reading.commune = where
    elif found:
        reading.commune = found[0][2]
    else:
        reading.commune = _trailing_commune(first, places) or _opening_commune(lead or first, places) \
            or bracketed_commune(first, places) or commune_of_venue(first, places) \
            or closing_commune(parts[1:], places)
    venue = venue_in_prose(text)
    if venue and found and any(text[start:end].endswith(venue[2]) for start, end, _ in found):
        venue = None        # « à La Rochelle » is the commune, not a place in it
    named = contracted_commune(text, venue, places) if venue and not reading.commune else None
    if named:
        reading.commune, venue = named, None      # « au Port », « au Havre »: the commune with its article
    if venue:
        reading.venue = venue[2]
    elif found:
        reading.venue = venue_after_commune(text, found[0][1])
    if not reading.venue:
        reading.venue = segment_venue(first)
    if reading.venue:
        reading.venue, named = split_venue_commune(reading.venue, places)
        reading.commune = reading.commune or named
    reading.address = address_in(text)
    reading.online = is_online(text)
    return reading


def refined_title(sentence: str, title: str | None) -> str | None:
    """The title that names the event, when the first reading did not: « X ouvrira ses portes » →
    « Portes ouvertes de X »; a title without an event noun gives way to the event phrase of its
    sentence (« la Maison … accueille une rencontre sur le thème « … » » → « Rencontre sur le thème
    « … » »), or to the subject of a verb that says an event takes place (« la première édition du
    Social Fest se tiendra … » → « Première édition du Social Fest »)."""
    doors = _doors_title(sentence) or _nominalised(sentence)
    if doors:
        return doors
    during = _DURING.search(sentence)
    if during and event_phrase(during.group("what")):
        found = event_phrase(during.group("what"))     # « Les festivités ouvriront lors d'une remise de prix … »
        if len(found.split()) >= 2:
            return found[:1].upper() + found[1:]
    for text in (title or "", strip_times(sentence)):
        opener = _OPENER.match(text)
        if opener and (found := event_phrase(text[opener.end():])) and len(found.split()) >= 2:
            return found[:1].upper() + found[1:]    # « Premier rendez-vous avec les portes ouvertes de … »
    held = _held_subject(sentence)
    if title and has_event_noun(title):
        if held and len(held.split()) >= 2 and has_event_noun(held) and fold(held) in fold(title):
            return held[:1].upper() + held[1:]      # « Une semaine de … se déroulera » → « Semaine de … »
        phrase = event_phrase(title)
        if phrase and len(phrase.split()) >= 2 and phrase in title and _VERB_FIRST.search(title[:title.find(phrase)]):
            return phrase[:1].upper() + phrase[1:]  # « Mon deuxième est festif avec l'inauguration de X » → « Inauguration de X »
        return title
    found = event_phrase(sentence) or held
    if found and len(found.split()) >= 2:
        return found[:1].upper() + found[1:]
    told = stripped_sentence(sentence)
    if title and len(title.split()) < len(told.split()) <= MAX_TITLE_WORDS and fold(title) in fold(told):
        # « Benjamin Roger, responsable de l'Observatoire, présentera son rôle … »: no event noun to go by,
        # the words are kept rather than the subject alone
        return told[:1].upper() + told[1:]
    return title


# a verb before a title's event phrase: the words before it tell, they do not name
_VERB_FIRST = re.compile(r"^\s*(?:de\s+|d['’]\s*)[a-zà-ÿ]+(?:er|ir|re)\b|\b(?:est|sont|sera|seront|était|organise\w*|propose\w*|accueill\w*|pr[ée]sente\w*|invite\w*|anime\w*|"
                         r"annonce\w*|pr[ée]voi\w*|pr[ée]vu\w*|programm[ée]\w*)\b", re.IGNORECASE)
# « Premier rendez-vous avec … », « Dernier temps fort : … »: words that announce the event, not name it
_OPENER = re.compile(r"^(?:(?:le\s+|la\s+|un\s+|une\s+)?(?:premier|première|deuxième|second|seconde|troisième|autre|"
                     r"dernier|dernière|prochain|prochaine|grand|grande)\s+)?(?:rendez-vous|rdv|temps\s+fort|moment|"
                     r"[ée]v[ée]nement|[ée]v[èe]nement)\s*(?:avec|:|,|[–—-])\s*", re.IGNORECASE)
_DURING = re.compile(r"\b(?:lors|à\s+l['’]occasion)\s+d(?:['’]une?|u|e\s+la|e\s+l['’]|es)\s*(?P<what>.+)$", re.IGNORECASE)
_DOORS = re.compile(r"^(?P<who>.+?)(?:\s*,[^,]*,)?\s+(?:ouvr\w*|ouvert\w*)\s+(?:(?:ses|leurs|les)\s+)?(?:grandes?\s+)?portes\b"
                    r"(?!\s+(?:pour|à\s+l['’]occasion))", re.IGNORECASE)


def _doors_title(sentence: str) -> str | None:
    """« L'APIC, entreprise adaptée, ouvrira ses portes au public » → « Portes ouvertes de l'APIC »."""
    m = _DOORS.match(sentence.strip())
    if not m:
        return None
    what = _FOR_WHAT.search(sentence[m.end():])
    if what and has_event_noun(what.group("what")[:40]):
        return None         # « … ouvre ses portes pour une journée découverte » names its event
    # the subject is the clause right before the verb: « à Saint-Benoît, c'est toute une semaine : les jardins
    # partagés ouvrent leurs portes »
    who = [part for part in re.split(r"\s*[,:;]\s*", m.group("who")) if part.strip()][-1].strip()
    if len(who.split()) > 8 or re.match(r"^(?:à|au|aux|dans|en|du|dès|le\s+\d)\b", who, re.IGNORECASE) or re.match(r"^(?:elle|il|ils|elles|nous|vous|on|qui|celle-ci|celui-ci)$", who, re.IGNORECASE):
        return None
    return f"Portes ouvertes {_of(who)}"


# a verb that is an event once made a noun: « les élèves visiteront la légumerie X » → « Visite de la légumerie X »
_DOING = re.compile(r"\b(?P<verb>visiter(?:a|ont)|visitent|exposer(?:a|ont)|exposent|vendr(?:a|ont)|projetter(?:a|ont))\s+"
                    r"(?P<what>(?:la|le|les|l['’]|ses|leurs|son|sa|des|un|une)\s*[^.;:!?()]{3,160})", re.IGNORECASE)
_NOUN_OF = {"visit": "Visite", "expos": "Exposition", "vend": "Vente", "proj": "Projection"}


def _nominalised(sentence: str) -> str | None:
    """« la médiathèque exposera les portraits de … » → « Exposition des portraits de … »."""
    m = _DOING.search(sentence)
    if not m:
        return None
    noun = next(n for stem, n in _NOUN_OF.items() if m.group("verb").lower().startswith(stem))
    what = m.group("what").strip()
    for cut in re.finditer(r"\s*,\s*|\s+(?:à|au|aux|dans|le|les|du|dès|pour|avec|tous|toutes|chaque)\s+(?=[\w«])", what):
        if what[:cut.start()].count("«") <= what[:cut.start()].count("»"):     # never inside a quoted name
            what = what[:cut.start()]
            break
    what = re.sub(r"^(?:ses|leurs|son|sa)\s+", "", what, flags=re.IGNORECASE)
    return f"{noun} {_of(what)}"


def _of(name: str) -> str:
    """« la Ressourcerie » → « de la Ressourcerie », « le Garage » → « du Garage », « l'APIC » → « de l'APIC »."""
    m = re.match(r"^(le|les)\s+(.*)$", name, re.IGNORECASE)
    if m:
        return f"{'du' if m.group(1).lower() == 'le' else 'des'} {m.group(2)}"
    if re.match(r"^(?:la\s|l['’])", name, re.IGNORECASE):
        return f"de {name[:1].lower()}{name[1:]}"
    return f"d'{name}" if re.match(r"^[AEIOUYÀÂÉÈÊÎÔÛaeiouy]", name) else f"de {name}"


# Where an event phrase stops: a verb that says what it does, a clause, a date, a time, where it is,
# who organises it — but not inside quotes (« sur le thème « X : Y » »).
_PHRASE_STOP = re.compile(
    r"\s+(?:est|sont|sera|seront|serait|a|ont|aura|auront|avait|se|qui|que|dont|où|afin|dès|chez|lors|"
    r"gratuit\w*|(?:co-?)?organis\w*|propos[ée]\w*)(?![\w’'-])|(?<!portes)(?<!porte)\s+ouvert\w*(?![\w’'-])"
    r"|\s+(?:s['’]|qu['’]|le\s+\d|les\s+\d|du\s+\d|à\s+partir\s+d[eu]\s+\d|à\s+\d|de\s+\d{1,2}\s*h|à\s+(?=(?-i:[A-ZÀ-Ý]))|"
    r"au\s+(?=(?-i:[A-ZÀ-Ý]))|aux\s+(?=(?-i:[A-ZÀ-Ý]))|à\s+la\s+(?=(?-i:[A-ZÀ-Ý]))|à\s+l['’](?=(?-i:[A-ZÀ-Ý]))|dans\s+les\s+locaux|"
    r"avec\s+(?:une|un|le|la|les|l['’]|des)\s|anim[ée]e?s?\s+par|port[ée]e?s?\s+par|lanc[ée]e?s?\s+par|"
    r"coordonn[ée]e?s?\s+par|en\s+partenariat|en\s+pr[ée]sence|avec\s+le\s+soutien)"
    r"|\s+(?:[a-zà-ÿ]+(?:eront|iront|eraient|erait|aient)|" + _VERBS + "|" + _EVENT_VERBS + r"|figure|figurent|vise|"
    r"visent|permet|permettent|permettra|mettra|mettront|offrira|offre|d[ée]bute(?:ra)?|commence(?:ra)?|"
    r"cl[ôo]ture(?:ra)?)(?=\s|$|[,.;])"
    r"|\s*[,;.!?()]\s*|\s[–—-]\s", re.IGNORECASE)
MAX_PHRASE_WORDS = 14


def event_phrase(sentence: str) -> str | None:
    """The phrase of a sentence that names its event, from its event noun to where the sentence goes on
    to say something else: « … accueille une rencontre sur le thème « Entreprendre autrement » le 14 »
    → « rencontre sur le thème « Entreprendre autrement » »."""
    text = sentence.strip()
    spots = [m.start() for m in _EVENT_NOUN.finditer(text)]
    kind = kind_in(text, within=len(text))
    if kind:
        # one folded character per character of the text (« … » folds to three), so positions match
        spots.append("".join((fold(c) or c)[:1] for c in text).find(fold(kind)))
    spots = sorted(at for at in spots if at >= 0)
    if not spots:
        return None
    start = spots[0]
    adjective = re.search(r"(?:(?:toute\s+)?(?:grande?s?|petite?s?|premi[èe]re?s?|nouvelle?s?|\d+(?:e|è|ème|eme)s?)\s+)$",
                          text[:start], re.IGNORECASE)
    if adjective:
        start = adjective.start()
    end = _phrase_end(text, start)
    phrase = text[start:end].strip(" ,;:–-")
    words = phrase.split()
    if len(words) > MAX_PHRASE_WORDS:
        phrase = " ".join(words[:MAX_PHRASE_WORDS])
    return phrase or None


def _phrase_end(text: str, start: int) -> int:
    """Where the phrase that starts at `start` stops (quotes and their contents are kept whole)."""
    at = start + 1
    while at < len(text):
        quote = re.compile(r"«[^»]*»|\"[^\"]*\"|“[^”]*”").match(text, at)
        if quote:
            at = quote.end()
            continue
        stop = _PHRASE_STOP.match(text, at)
        if stop and stop.end() > at:
            return at
        at += 1
    return len(text)


# Verbs whose subject is the event itself (« le salon se tiendra », « la fête aura lieu »).
_HELD = re.compile(r"^(?:la\s+|le\s+|les\s+|l['’]\s*|une?\s+)?(?P<subject>.{3,100}?)\s+(?:se\s+tiendra|se\s+tient|"
                   r"aura\s+lieu|a\s+lieu|se\s+d[ée]roulera|se\s+d[ée]roule|prendra\s+place|s['’]installe(?:ra)?|"
                   r"investi(?:ra|t)|d[ée]barque(?:ra)?|f(?:ait|era)\s+[ée]tape|ouvrira|d[ée]butera|commencera|"
                   r"a\s+(?:d[ée]but[ée]|commenc[ée]|d[ée]marr[ée]))\b",
                   re.IGNORECASE)


def _held_subject(sentence: str) -> str | None:
    """« À l'occasion du Mois, la toute première édition du Fest se tiendra … » → « toute première
    édition du Fest »: the subject of a verb that says an event takes place, from the clause's start."""
    m = None
    for clause in re.split(r"(?<=[,;:!?])\s+", sentence.strip()):
        m = _HELD.match(clause)
        if m:
            break
    if not m:
        return None
    subject = re.sub(r"\s+(?:est|sont|sera|seront|a|ont)$", "", m.group("subject").strip(" ,"))
    if re.match(r"^(?:elle|il|ils|elles|celui-ci|celle-ci|ce|cela|on|nous|vous)\b", subject, re.IGNORECASE):
        return None
    return subject if len(subject.split()) <= 10 else None


def _main_clause(sentence: str) -> tuple:
    """(lead, clause): a sentence whose event is told after a colon or a dash (« Grenoble n'est pas en
    reste : le collectif X invite … ») is read from there; the lead may still say where."""
    where = _WHERE_LEAD.match(sentence)
    if where:
        return where.group("where"), sentence[where.end():]
    if _SUBJECT.match(sentence) or _event_subject(sentence):
        return "", sentence
    for m in re.finditer(r"\s*(?::|\s[—–]|;)\s+", sentence):
        clause = sentence[m.end():]
        if _SUBJECT.match(clause) or _event_subject(clause):
            return sentence[:m.start()], clause
    return "", sentence


# « À Dijon, … », « Du côté de Lyon, … »: where the sentence takes place, before its comma
_WHERE_LEAD = re.compile(r"^(?:[àÀ]\s+|[Dd]u\s+côté\s+(?:de\s+|d['’]\s*)|[Cc]ôté\s+)(?P<where>[A-ZÀ-Ý][^,.;:]{1,40}),\s+")


def _opening_commune(sentence: str, places: Places):
    """« Grenoble n'est pas en reste », « Nanterre accueille … »: the commune a sentence opens with,
    written as the commune is."""
    words = re.match(r"^[A-ZÀ-Ý][\w’'\-]*(?:\s+(?:[A-ZÀ-Ý][\w’'\-]*|sur|sous|en|l[eè]s|lez|de|du|des|la|le|les)){0,4}",
                     sentence.strip())
    if not words:
        return None
    names = words.group(0).split()
    kind = kind_in(sentence.strip(), within=40)
    if kind and fold(sentence.strip()).startswith(fold(kind)):
        return None         # « Portes ouvertes chez … »: the words that open it name the event (Portes, Eure)
    for n in range(len(names), 0, -1):
        found = commune_cell(" ".join(names[:n]), places)
        if found and found.code:
            return found
    return None


def commune_of_venue(sentence: str, places: Places):
    """« … investit les halles de Chambéry », « une coopérative maraîchère de Saint-Paul »: a commune
    named after a place noun or the kind of a structure; « du Creusot » names Le Creusot."""
    for m in re.finditer(r"\b(?:" + VENUE_NOUN + "|" + _ORG_TYPE + r")(?:\s+[^\s,.;:()]+){0,3}?\s+(?:de\s+|d['’]\s*|(?P<art>du|des)\s+)(?P<name>(?-i:[A-ZÀ-Ý][\w’'\-]*(?:[\s\-](?:sur|sous|en|[A-ZÀ-Ý][\w’'\-]*))*))",
                         sentence, re.IGNORECASE):
        name = m.group("name")
        if generic_name(name):
            continue
        if m.group("art"):
            name = ("Le " if m.group("art").lower() == "du" else "Les ") + name
        found = commune_cell(name, places)
        if found and found.code:
            return found
    return None


def _event_subject(sentence: str) -> str | None:
    """« le forum « Entreprendre autrement » réunira … » → the event that is the sentence's subject."""
    m = _EVENT_SUBJECT.match(sentence)
    if not m:
        return None
    title = m.group("title").strip(" ,")
    quoted = re.match(r"^«\s*([^»]{3,80}?)\s*»", title)
    if quoted and has_event_noun(quoted.group(1)):
        return quoted.group(1)      # « « Journée de l'emploi » de Boulogne est reportée … » → the quoted name
    kind = kind_in(title, within=40)
    if not (kind and fold_start(title, kind) or _EVENT_NOUN.match(title)) or re.search(r"[,;:]", title.split("«")[0]):
        return None
    return title


def fold_start(text: str, word: str) -> bool:
    """True when `text` starts with `word` (compared without case or accents)."""
    return fold(text).startswith(fold(word))


def _drop_article(text: str | None) -> str | None:
    """« la grande soirée … » → « grande soirée … »: a title does not start with an article."""
    if not text:
        return text
    return re.sub(r"^(?:(?:la|les|le|une?|des)\s+|l['’]\s*)(?=\w|«)", "", text.strip(), flags=re.IGNORECASE) or text


def segment_venue(sentence: str) -> str | None:
    """« soirée de clôture, Maison des associations, à partir de 19 h » → the comma-separated part of a
    sentence that opens with a place noun."""
    for segment in re.split(r"\s*,\s*", sentence)[1:]:
        found = venue_segment(segment)
        if found:
            return found
    return None


def _trailing_commune(sentence: str, places: Places):
    """« …, départ place de la gare, Liévin », « Atelier vélo (Nantes) » → the commune that closes a
    sentence after a comma or in brackets."""
    bracket = re.search(r"\(\s*([A-ZÀ-Ý0-9][^()]{1,40}?)\s*\)\s*[.;:]?\s*$", sentence)
    if bracket:
        found = commune_cell(bracket.group(1), places)
        if found:
            return found
    if "," not in sentence:
        return None
    tail = sentence.rsplit(",", 1)[1].strip(" .;:")
    if tail[:1].isupper() and len(tail.split()) <= 4:
        found = places.commune(tail, in_context_only=True)
        if found and (found.code or found.ambiguous):
            return found
    # « Exposition X, Mérignac, médiathèque »: a part between commas that is a commune as written
    for segment in sentence.split(",")[1:]:
        found = commune_cell(segment.strip(" .;:"), places)
        if found and found.code:
            return found
    return None


def organisers(text: str, first: str) -> tuple:
    """(organiser, co-organisers, the sentence without its subject when the organiser is the subject).
    Structures « avec » which an event is made (« avec La Coopérative Tiers-Lieux ») are co-organisers."""
    main, others, rest = explicit_organiser(text)
    if not main:
        m = _SUBJECT.match(first)
        if m and len(m.group("org").split()) <= 6:
            # « Elle animera un débat … »: the object titles the event, a pronoun organises nothing
            rest = _subject_rest(first, m)
            main = None if _PRONOUN_SUBJECT.match(m.group("org")) else _clean_org(m.group("org"))
    others += [o for o in partners_in(text) if o != main and o not in others]
    return main, [o for o in others if o], rest


_PRONOUN_SUBJECT = re.compile(r"^(?:elle|il|elles|ils|on|nous|vous|celle-ci|celui-ci|ce|cela|qui)$", re.IGNORECASE)


def partners_in(text: str) -> list:
    """Structures an event is made « avec » (« avec La Coopérative Tiers-Lieux »)."""
    return [m.group("typed") or m.group("named") for m in _WITH.finditer(text)]


def explicit_organiser(text: str) -> tuple:
    """(organiser, co-organisers) named by « à l'initiative de », « organisé par », « proposé par »,
    « une proposition de » in a text, or (None, []); and None for the rest of the sentence."""
    for pattern in _ORG_PATTERNS:
        m = pattern.search(text)
        if m:
            main = _clean_org(m.group("org"))
            others, rest = [], text[m.end():]
            while True:
                nxt = _LIST_NEXT.match(rest)
                if not nxt:
                    break
                others.append(_clean_org(nxt.group("org")))
                rest = rest[nxt.end():]
            if main:
                return main, [o for o in others if o], None
    return None, [], None


def _subject_rest(sentence: str, m) -> str | None:
    """What titles an event whose organiser is the sentence's subject: its object (« X organise une
    rencontre »), what it opens its doors for, or None when the sentence itself is the title (« X fête
    ses 10 ans »)."""
    verb = m.group("verb").lower()
    rest = sentence[m.end():].strip()
    if verb.startswith(("ouvr", "lanc")):
        what = _FOR_WHAT.search(rest)
        if what and kind_in(what.group("what"), within=30):
            return what.group("what")
    if verb.startswith(("fête", "fete", "célè", "cele", "lanc", "ouvr")):
        return None
    if "invit" in verb:
        # « X invite le public à une journée … »: the event is what one is invited to
        what = re.search(r"\bà\s+(?:une|un|la|le|les|l['’]|des)\s*(?P<what>.+)$", rest)
        if what:
            return what.group("what")
    return rest


def split_organizer(value: str) -> tuple:
    """« le Galléco, au Papier Timbré, 39 rue de Dinan. 18h30. Gratuit. » → ('le Galléco', 'au Papier
    Timbré, 39 rue de Dinan. 18h30. Gratuit.'): an organiser field stops at the first place brought in
    by a comma (« au », « à la », « chez », an address) or at the end of its sentence."""
    m = _ORG_TAIL.search(value)
    if not m:
        return value, ""
    return value[:m.start()], value[m.end():].strip()


_BY_WHOM = re.compile(r"\s*,?\s+(?:co-?)?(?:organis|propos|port|lanc|coordonn|pilot)[ée]e?s?\s+par\s+\S", re.IGNORECASE)


def split_by_organiser(title: str) -> tuple:
    """« Forum achats responsables, organisé par le PLIE Est Héraultais pour faciliter … » → ('Forum achats
    responsables', 'PLIE Est Héraultais'): a title that goes on to say who puts the event on."""
    m = _BY_WHOM.search(title or "")
    if not m or len(title[:m.start()].split()) < 2:
        return title, None
    organiser = explicit_organiser(title[m.start():].lstrip(" ,"))[0]
    return title[:m.start()].strip(" ,"), organiser


def _clean_org(org: str) -> str | None:
    org = re.sub(r"\((?:confirmation|sous\s+réserve)[^)]*\)", "", org or "")
    org = re.sub(r"\s+et\s+(?:ses|leurs)\s+partenaires\b.*$", "", org)
    org = re.sub(r"^(?:la|le|les|l['’])\s*", "", org.strip())     # a capitalised article is part of a name
    org = re.sub(r"\s*(?:https?://|www\.)\S+", "", org).strip(" .,;:-–")
    return name_of_structure(org) or None


_TYPED_NAME = re.compile(r"^(?:(?:la|le|les|l['’])\s*)?" + _ORG_TYPE + r"\s+(?=[A-ZÀ-Ý])")


def name_of_structure(text: str) -> str:
    """« l'association Les Jardins de Cocagne » → « Les Jardins de Cocagne »: the name without the
    lower-case word that says what kind of structure it is."""
    return _TYPED_NAME.sub("", (text or "").strip())


_VAGUE_WHEN = re.compile(r"^(?:(?:durant|pendant|sur)\s+(?:une|deux|trois|la|toute\s+la)\s+(?:semaine|journée|"
                         r"soirée|matinée|quinzaine)|(?:au\s+)?(?:début|mi-?|fin)\s*[a-zéû]+|courant\s+[a-zéû]+)"
                         r"\s*,\s*", re.IGNORECASE)


def vague_when(text: str) -> str | None:
    """An imprecise time an undated item opens with (« durant une semaine, début décembre, … »)."""
    found = []
    while True:
        m = _VAGUE_WHEN.match(text)
        if not m:
            break
        found.append(m.group(0).strip(" ,"))
        text = text[m.end():]
    return ", ".join(found) or None


def title_of(sentence: str, whole: str) -> str | None:
    """The title of an event written as a sentence: the sentence's head, cut before who, where and
    when; a bare kind gets its work's name. When unsure, the words are kept: a head that is only a
    generic word (« rendez-vous ») gives way to what the event is for (« … pour la remise des Prix »),
    and a head of one word to the sentence itself without its date, place and time phrases."""
    sentence = without_lead_words(sentence)
    head = _head_of(sentence)
    bare = re.sub(r"\s+(?:" + _EVENT_VERBS + r")\b.*$", "", _drop_article(head) or "", flags=re.IGNORECASE)
    if head and _GENERIC.fullmatch(bare):
        what = _FOR_ANY.search(sentence) or _WITH_EVENT.search(sentence)
        head = _head_of(what.group("what")) if what else None
    if not head:
        head = stripped_sentence(sentence)
    if not head:
        return None
    head = _closed_quote(head, sentence)
    if len(head.split()) <= 3:
        work = _work_of(sentence) or _work_of(whole, quoted=False)
        if work and work.lower() not in head.lower():
            head = f"{head} « {work} »"
    if len(head.split()) == 1:
        fuller = stripped_sentence(sentence if len(sentence.split()) > 1 else first_sentence(whole))
        head = fuller if len(fuller.split()) > 1 else head
    words = head.split()
    if len(words) > MAX_TITLE_WORDS:
        head = " ".join(words[:MAX_TITLE_WORDS]) + "…"
    return head[:1].upper() + head[1:]


def _closed_quote(head: str, sentence: str) -> str:
    """« une « Semaine de la coopération » cut at « à l'école » » → the head up to the closing quote
    (« » or straight quotes) or bracket: a quoted name is never cut in two."""
    closing = "»" if head.count("«") > head.count("»") else '"' if head.count('"') % 2 else \
        ")" if head.count("(") > head.count(")") else None     # « Troc vert (plantes, graines, outils) »
    if closing is None or not sentence.startswith(head):
        return head
    end = sentence.find(closing, len(head))
    return sentence[:end + 1] if 0 < end - len(head) <= 80 else head


def _head_of(sentence: str) -> str:
    """The sentence's head: what comes before who organises, where, when and the comma that closes it."""
    head = sentence.strip(" :–-")
    while _VAGUE_WHEN.match(head):
        head = head[_VAGUE_WHEN.match(head).end():]
    cut = _CUTS.search(head)
    if cut:
        head = head[:cut.start()]
    for start, _end, _found in communes_in_prose_spans(head):
        head = head[:start]
        break
    venue = venue_in_prose(head)
    if venue and venue[0] > 0:
        head = head[:venue[0]]
    head = _PRACTICAL_BRACKET.sub("", head)
    head = _cut_at_comma(head)
    head = strip_times(head).strip(" ,;:–-(")
    return re.sub(r"\s*-+>\s*", " : ", head)


# words that name no event on their own: « rendez-vous à Saint-Denis pour … », « l'événement se tiendra … »
_GENERIC = re.compile(r"(?:rendez-vous|rdv|[ée]v[ée]nement|[ée]v[èe]nement|temps\s+fort|moment|occasion|"
                      r"retrouvez-nous|on\s+vous\s+attend|c['’]est\s+parti)", re.IGNORECASE)
# « le temps fort aura lieu … avec le Forum de l'ESS du Sud »: the event a generic word stands for
_WITH_EVENT = re.compile(r"\bavec\s+(?:le|la|les|l['’])\s*(?P<what>(?-i:[A-ZÀ-Ý])[^.;!?,]+)", re.IGNORECASE)
_FOR_ANY = re.compile(r"\bpour\s+(?:une|un|la|le|les|l['’]|sa|son|ses|leur|des)\s*(?P<what>[^.;!?]+)", re.IGNORECASE)
# a bracket that only says when or where (« (19 h, Maison des associations) », « (93) »)
_PRACTICAL_BRACKET = re.compile(r"\s*\((?=[^()]*(?:\d|\b" + VENUE_NOUN + r"\b))[^()]*(?:\)|$)", re.IGNORECASE)
_LEAD_WORDS = re.compile(r"^(?:enfin|aussi|puis|ensuite|par\s+ailleurs|de\s+plus|en\s+outre|et|mais|également|"
                         r"dans\s+(?:le|l['’])\s*(?:nord|sud|est|ouest|centre)(?:[\s-]\w+)?|"
                         r"à\s+noter|au\s+programme|côté\s+\w+|d['’]autre\s+part|de\s+m[êe]me|pour\s+finir|"
                         r"pour\s+commencer|à\s+titre\s+d['’]exemple|par\s+exemple|notamment|ainsi|de\s+son\s+c[ôo]t[ée]|"
                         r"quant\s+à\s+lui|quant\s+à\s+elle|en\s+parall[èe]le|parallèlement|dans\s+le\s+m[êe]me\s+temps)"
                         r"\s*[,:]\s*|^(?:et|mais|puis|ensuite|enfin)\s+"
                         # spoken: « on a un marché forain … », « il y aura une soirée … »
                         r"|^(?:on\s+(?:a|aura)|il\s+y\s+(?:a|aura)|nous\s+aurons)\s+(?=(?:une?|des)\s)", re.IGNORECASE)


# « À l'occasion du Mois de l'ESS, … », « Dans le cadre de la semaine X, … »: the frame, not the event
_FRAME = re.compile(r"^(?:(?:à|a)\s+l['’]occasion|dans\s+le\s+cadre|au\s+cours|lors)\s+d(?:[eu]\s|es\s|['’])[^,]{0,80},\s*|"
                    r"^(?:n[ée]e?s?|cr[ée]{2}e?s?|fond[ée]e?s?|install[ée]e?s?|implant[ée]e?s?|bas[ée]e?s?|lanc[ée]e?s?|"
                    r"soutenue?s?)\s+[^,]{3,80},\s*(?=(?:l['’]|la\s|le\s|les\s|[A-ZÀ-Ý]))", re.IGNORECASE)


def without_lead_words(sentence: str) -> str:
    """« Par ailleurs, un forum … » → « un forum … »: a sentence without the words that link it to the one
    before, nor the frame it puts the event in (« À l'occasion du Mois de l'ESS, »)."""
    while (m := _LEAD_WORDS.match(sentence) or _FRAME.match(sentence)) and m.end():
        sentence = sentence[m.end():]
    return sentence


def stripped_sentence(sentence: str) -> str:
    """The sentence without its date, commune, venue, time and bracketed practical phrases, nor the
    words that link it to the one before (« Enfin, »), at most MAX_TITLE_WORDS words."""
    text = sentence.strip()
    for at, found in reversed(search_dates(text, loose=True)):
        text = text[:at] + text[at + found.end:]
    text = _PRACTICAL_BRACKET.sub("", text)
    for start, end, _found in reversed(communes_in_prose_spans(text)):
        text = text[:start] + " " + text[end:].lstrip(" ,") if end < len(text) else text[:start]
    venue = venue_in_prose(text)
    if venue:
        text = text[:venue[0]] + text[venue[1]:]
    text = re.sub(r"\b(?:à\s+partir\s+de|dès|de|à|vers)\s*$", "", strip_times(text).strip(" ,;:.–-"))
    text = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s{2,}", " ", text))
    text = re.sub(r"(?:,\s*)+", ", ", text)
    while _LEAD_WORDS.match(text) and _LEAD_WORDS.match(text).end():
        text = text[_LEAD_WORDS.match(text).end():]
    text = _drop_article(text.strip(" ,;:.–-")) or ""
    words = text.split()
    return " ".join(words[:MAX_TITLE_WORDS]).strip(" ,;:–-")


def communes_in_prose_spans(text):
    """Spans of « à <Commune> » in a text, without resolving: a capitalised word after « à »."""
    return [(m.start(), m.end(), None) for m in re.finditer(r"\s+à\s+[A-ZÀ-Ý][\w’'\-]+(?:\s|$|[,.;:!?)])", text)]


def _cut_at_comma(head: str) -> str:
    pieces = re.split(r", (?![^«]*»)", head)      # not inside « … »
    taken = pieces[0]
    for piece in pieces[1:]:
        if len(taken.split()) >= 2:
            break
        taken = f"{taken}, {piece}"
    return taken


_PLACE_BEFORE = re.compile(r"\b(?:bar|caf[ée]|restaurant|brasserie|salle|lieu|tiers-lieu|librairie|cin[ée]ma|"
                           r"th[ée][âa]tre|espace|maison|p[ée]niche|guinguette)\s*$", re.IGNORECASE)


def _work_of(text: str, quoted=True) -> str | None:
    """The name of the work an event shows: in quotes (same sentence), or after « film », « spectacle »…"""
    m = _WORK.search(text) if quoted else _WORK_NAMED.search(text)
    if not m or _PLACE_BEFORE.search(text[:m.start()]):
        return None     # « au Bar « Au bout du monde » »: the name of the place, not of a work
    if not quoted:
        return m.group("w").strip()
    return next(g for g in (m.group("q1"), m.group("q2"), m.group("q3"), m.group("w")) if g).strip()


_ADDRESS_IN = re.compile(r"(\d+\s*(?:bis|ter)?\s*,?\s+(?:rue|avenue|boulevard|bd|place|chemin|all[ée]e|impasse|quai|"
                         r"cours|route|square)\s+[^,;.:()]+?)(?=\s+à\s+[A-ZÀ-Ý]|\s*[,;.:()]|\s*$)", re.IGNORECASE)


def address_in(text: str) -> str | None:
    m = _ADDRESS_IN.search(text)
    return m.group(1).strip() if m and is_address(m.group(1)) else None
