"""Reading one event written as a sentence: « mardi 5 novembre : ciné-débat à l'initiative du réseau
des AMAP, avec le film X. Au Toit Commun », « la CALL organise une rencontre … », « festival Louise
Michel à Avion, à l'initiative des Amis de Mandela ».

The title is the sentence's head (cut before who organises it, where and when), completed by the
name of the work shown when the head is only a kind of event; the organiser is who takes the
initiative, proposes or organises.
"""

import re
from dataclasses import dataclass, field

from .dates import strip_times
from .places import Places, communes_in_prose, is_address, is_online, venue_after_commune, venue_in_prose
from .vocabulary import kind_in

_ART = r"(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)"
_ORG_END = (r"(?:\s*\([A-Z][A-Za-z0-9&\-]{1,12}\))?(?=\s*(?:[,;.:!?(]|\s-\s|$)|\s+(?:avec|pour|autour|dans|sur|concernant|qui|afin|en\s+partenariat|"
            r"en\s+présence|en\s+lien|le\s+\d|les\s+\d|à\s+(?:[A-ZÀ-Ý0-9]|l['’]|la\s)|au\s|aux\s)\b)")
_ORG_PATTERNS = [
    re.compile(r"à\s+l['’]\s*initiative\s+" + _ART + r"(?P<org>.+?)" + _ORG_END, re.IGNORECASE),
    re.compile(r"(?:co-?)?(?:organis|propos|port|initi)[ée]e?s?\s+par\s+(?-i:la\s+|le\s+|les\s+|l['’]\s*)?(?P<org>.+?)"
               + _ORG_END, re.IGNORECASE),
    re.compile(r"(?:une\s+)?(?:proposition|invitation|initiative)\s+" + _ART + r"(?P<org>[A-ZÀ-Ý].+?)" + _ORG_END),
]
_SUBJECT = re.compile(r"^(?:la\s+|le\s+|les\s+|l['’]\s*)?(?P<org>(?:[A-ZÀ-Ý][\w’'\-&]*)(?:\s+(?:[A-ZÀ-Ý0-9][\w’'\-&]*|"
                      r"de|du|des|d['’]\w+|et|la|le|en))*?)\s+(?P<verb>organise|organisent|propose|proposent|"
                      r"présente|présentent|invite|invitent|vous\s+invite|vous\s+invitent|fête|fêtent|célèbre|"
                      r"accueille|accueillent|lance|ouvre|ouvrent|anime|animent|tient|tiennent)\b")
_LIST_NEXT = re.compile(r"^(?:,\s*|\s+et\s+)" + _ART + r"(?P<org>.+?)" + _ORG_END, re.IGNORECASE)
_CUTS = re.compile(
    r"\s+(?:à\s+l['’]\s*initiative|(?:co-?)?organis[ée]e?s?\s+par|propos[ée]e?s?\s+par|port[ée]e?s?\s+par|"
    r"avec\s+la\s+participation|avec\s+le\s+soutien|en\s+partenariat|dans\s+le\s+cadre|dans\s+les\s+locaux|"
    r"en\s+présence|suivie?s?\s+d['’]|avec\s+(?:une|un|le|la|les|l['’]|des)\s|, avec\s|de\s+\d{1,2}\s*h|"
    r"à\s+\d{1,2}\s*h|dès\s+\d{1,2}\s*h)", re.IGNORECASE)
_WORK = re.compile(r"(?:«\s*(?P<q1>[^»]{2,80}?)\s*»|\"(?P<q2>[^\"]{2,80})\"|“(?P<q3>[^”]{2,80})”|"
                   r"\b(?:film|documentaire|spectacle|pièce|livre|court-métrage|conte|exposition)\s+"
                   r"(?P<w>[A-ZÀ-Ý][^.;,:()«»\"]{1,60}))")
_WORK_NAMED = re.compile(r"\b(?:film|documentaire|spectacle|pièce|court-métrage|conte)\s+(?P<w>[A-ZÀ-Ý][^.;,:()«»\"]{1,60})")
_SENTENCE_END = re.compile(r"(?<=[a-zà-ÿ0-9)»\"])\s*[.;!?]\s+(?=[A-ZÀ-Ýa-z«\"])|\s*;\s*")
MAX_TITLE_WORDS = 18


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


def sentences(text: str) -> list:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def read_item(text: str, places: Places) -> ItemReading:
    """Title, kind, organisers and place of an event written as running text."""
    reading = ItemReading()
    parts = sentences(text)
    first = parts[0] if parts else text
    reading.organizer, reading.co_organizers, subject_rest = organisers(text, first)
    reading.title = title_of(subject_rest or first, text)
    reading.kind = kind_in(reading.title or "") or kind_in(first)
    found = communes_in_prose(text, places)
    if found:
        reading.commune = found[0][2]
    else:
        reading.commune = _trailing_commune(first, places)
    venue = venue_in_prose(text)
    if venue:
        reading.venue = venue[2]
    elif found:
        reading.venue = venue_after_commune(text, found[0][1])
    reading.address = address_in(text)
    reading.online = is_online(text)
    return reading


def _trailing_commune(sentence: str, places: Places):
    """« …, départ place de la gare, Liévin » → the commune that closes a sentence after a comma."""
    if "," not in sentence:
        return None
    tail = sentence.rsplit(",", 1)[1].strip(" .;:")
    if not tail[:1].isupper() or len(tail.split()) > 4:
        return None
    found = places.commune(tail, in_context_only=True)
    return found if found and (found.code or found.ambiguous) else None


def organisers(text: str, first: str) -> tuple:
    """(organiser, co-organisers, the sentence without its subject when the organiser is the subject)."""
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
    m = _SUBJECT.match(first)
    if m and len(m.group("org").split()) <= 6:
        verb = m.group("verb")
        rest = first[m.end():].strip()
        # « X fête ses 20 ans » is the title itself; « X organise une rencontre » is titled by its object
        keep_subject = verb.startswith(("fête", "célèbre", "lance", "ouvre"))
        return _clean_org(m.group("org")), [], None if keep_subject else rest
    return None, [], None


def _clean_org(org: str) -> str | None:
    org = re.sub(r"\((?:confirmation|sous\s+réserve)[^)]*\)", "", org or "")
    org = re.sub(r"^(?:la|le|les|l['’])\s*", "", org.strip())     # a capitalised article is part of a name
    org = re.sub(r"\s*(?:https?://|www\.)\S+", "", org).strip(" .,;:-–")
    return org or None


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
    """The head of a sentence: cut before who, where and when; a bare kind gets its work's name."""
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
    head = _cut_at_comma(head)
    head = strip_times(head).strip(" ,;:–-")
    head = re.sub(r"\s*-+>\s*", " : ", head)
    if not head:
        return None
    if len(head.split()) <= 3:
        work = _work_of(sentence) or _work_of(whole, quoted=False)
        if work and work.lower() not in head.lower():
            head = f"{head} « {work} »"
    words = head.split()
    if len(words) > MAX_TITLE_WORDS:
        head = " ".join(words[:MAX_TITLE_WORDS]) + "…"
    return head[:1].upper() + head[1:]


def communes_in_prose_spans(text):
    """Spans of « à <Commune> » in a text, without resolving: a capitalised word after « à »."""
    return [(m.start(), m.end(), None) for m in re.finditer(r"\s+à\s+[A-ZÀ-Ý][\w’'\-]+(?:\s|$|,)", text)]


def _cut_at_comma(head: str) -> str:
    pieces = head.split(", ")
    taken = pieces[0]
    for piece in pieces[1:]:
        if len(taken.split()) >= 2:
            break
        taken = f"{taken}, {piece}"
    return taken


def _work_of(text: str, quoted=True) -> str | None:
    """The name of the work an event shows: in quotes (same sentence), or after « film », « spectacle »…"""
    m = _WORK.search(text) if quoted else _WORK_NAMED.search(text)
    if not m:
        return None
    if not quoted:
        return m.group("w").strip()
    return next(g for g in (m.group("q1"), m.group("q2"), m.group("q3"), m.group("w")) if g).strip()


_ADDRESS_IN = re.compile(r"(\d+\s*(?:bis|ter)?\s*,?\s+(?:rue|avenue|boulevard|bd|place|chemin|all[ée]e|impasse|quai|"
                         r"cours|route|square)\s+[^,;.:()]+?)(?=\s+à\s+[A-ZÀ-Ý]|\s*[,;.:()]|\s*$)", re.IGNORECASE)


def address_in(text: str) -> str | None:
    m = _ADDRESS_IN.search(text)
    return m.group(1).strip() if m and is_address(m.group(1)) else None
