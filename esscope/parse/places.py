"""Places as programmes write them: « Lille, LaGrappe 75 rue Léon Gambetta », « Roubaix (lieu à
préciser) », « 35000 Rennes », « au Toit Commun », « à Avion », « en visio ».

`Places` answers from the commune name index and the venues a person confirmed, both handed in
(nothing here reads the store). A commune is resolved only when the name designates one commune once
the programme's département or région is taken into account; a likeness match is flagged, a venue
with no commune is left unresolved and flagged.
"""

import re
from dataclasses import dataclass, field

from ..names import ABBREVIATIONS, normalise
from .dates import fold

STREET = (r"(?:rue|avenue|av\.|bd|boulevard|place|pl\.|chemin|all[ée]e|impasse|quai|cours|route|square|voie|"
          r"passage|esplanade|parvis|rond-point|mail|promenade|faubourg|sentier|hameau|lieu-dit|r[ée]sidence|"
          r"zone|za|zi|zac|parc d'activit[ée]s?|chauss[ée]e|all\.)")
_ADDRESS_START = re.compile(rf"^(?:\d+\s*(?:bis|ter|[a-c])?\s*,?\s+{STREET}(?!\w)|{STREET}\s+[A-ZÀ-Ýa-z0-9])", re.IGNORECASE)
_ADDRESS_INSIDE = re.compile(rf"\s(\d+\s*(?:bis|ter)?\s*,?\s+{STREET}(?!\w).*)$", re.IGNORECASE)
_POSTCODE = re.compile(r"\b((?:(?:[0-8]\d|9[0-5]|2[AB])\d{3}|97\d{3}))\s+([A-ZÀ-Ý][\w'’\- ]+?)(?:\s+cedex(?:\s*\d+)?)?\s*$",
                       re.IGNORECASE)
_TO_BE_SET = re.compile(r"\(?\s*(?:lieu|adresse|salle)\s+(?:à|a)\s+(?:pr[ée]ciser|d[ée]finir|confirmer|venir)\s*\)?",
                        re.IGNORECASE)
ONLINE = re.compile(r"\b(?:en\s+visio(?:conf[ée]rence)?|en\s+ligne|à\s+distance|en\s+distanciel|webinaires?|"
                    r"webinars?|visio[- ]?conf[ée]rences?|100\s*%\s*en\s+ligne|sur\s+zoom|via\s+zoom|sur\s+teams|"
                    r"(?<![\w-])zoom(?!\s+sur)(?=\s*(?:\(|,|$))|(?<![\w-])(?:microsoft\s+)?teams(?=\s*(?:\(|,|$))|google\s+meet)\b",
                    re.IGNORECASE)
# « en ligne » that is about registering or selling, not about where the event happens
_NOT_ONLINE = re.compile(r"\b(?:inscriptions?|r[ée]servations?|billetterie|boutique|vente|commerce|magasin|"
                         r"plateforme|site|disponibles?|publi[ée]e?s?|mise?|mettre|programme)\s+en\s+ligne", re.IGNORECASE)
_CONNECTORS = {"d", "de", "du", "des", "la", "le", "les", "l", "sur", "sous", "en", "lès", "lez", "aux", "et",
               "saint", "sainte", "st", "ste"}


@dataclass
class Resolved:
    """A commune name read in a text, and what it designates."""
    query: str
    code: str | None = None
    name: str | None = None
    fuzzy: bool = False
    candidates: list = field(default_factory=list)
    dominant: bool = False      # chosen among homonyms as by far the most populous

    @property
    def ambiguous(self) -> bool:
        return self.code is None and len(self.candidates) > 1

    def warning(self) -> str | None:
        """What a person should check about this commune, if anything."""
        if self.ambiguous:
            names = ", ".join(f"{c.name} ({c.department_code})" for c in self.candidates[:5])
            return f"« {self.query} » désigne plusieurs communes ({names}) : commune à préciser"
        if self.dominant:
            others = ", ".join(f"{c.name} ({c.department_code})" for c in self.candidates if c.code != self.code)[:120]
            return (f"« {self.query} » désigne plusieurs communes ; {self.name} ({self.code[:2]}), la plus peuplée, "
                    f"est retenue plutôt que {others} : à vérifier")
        if self.fuzzy and self.code:
            return (f"commune écrite « {self.query} », reconnue comme {self.name} par ressemblance : "
                    "à vérifier")
        return None


@dataclass
class Place:
    """A place string taken apart."""
    venue: str | None = None
    address: str | None = None
    commune: Resolved | None = None
    online: bool = False
    to_be_set: bool = False


class Places:
    """Commune and venue resolution for one programme: the name index, the confirmed venues and the
    programme's context (région, département), all given."""

    def __init__(self, index=None, venues=None, region=None, department=None, aliases=None):
        self.index = index
        self.venues = venues or {}      # (region_code or '', key) -> (commune_code, commune_name)
        self.region = region
        self.department = department
        self.aliases = aliases or {}    # normalised name the document gives a commune -> Resolved

    def with_context(self, region=None, department=None) -> "Places":
        return Places(self.index, self.venues, region, department, self.aliases)

    def with_aliases(self, aliases: dict) -> "Places":
        """These places, with the names the document gives its communes (aliases.document_aliases)."""
        return Places(self.index, self.venues, self.region, self.department, {**self.aliases, **aliases})

    def commune(self, name: str, fuzzy=False, in_context_only=False) -> Resolved | None:
        """The commune `name` designates, or None when it names none. With `in_context_only`, a
        commune outside the programme's région is not accepted (for names met in passing)."""
        name = _TO_BE_SET.sub(" ", re.sub(r"\s+cedex(\s*\d+)?\s*$", "", name.strip(" .;:"), flags=re.IGNORECASE))
        # (« à Rue » is Rue (80), not Arue (40): the preposition is no part of the name)
        name = re.sub(r"^(?:à|a)\s+(?=[A-ZÀ-Ý])", "", name.strip(" .;:-–"))
        if not self.index or not name or len(normalise(name)) < 2 or not re.search(r"[A-Za-zÀ-ÿ]", name):
            return None
        alias = self.aliases.get(normalise(name))
        if alias is not None:
            return Resolved(name, alias.code, alias.name, False, list(alias.candidates))
        # the département first (closest context), then the région
        match = self.index.lookup(name, department=self.department,
                                  region=None if self.department else self.region, fuzzy=False)
        if not match.code and self.department and self.region:
            match = self.index.lookup(name, region=self.region, fuzzy=False)
        outside = (self.department or self.region) and not any(
            c.region_code == self.region or c.department_code == self.department for c in match.candidates)
        if outside:
            # « Tremblay » for Tremblay-en-France in the programme's département, « Le Puy » for Le Puy-en-Velay
            # in its région: a long name written short
            short = self.index.in_department(name, self.department) if self.department else []
            # without any candidate, only a long enough name is taken for the start of a longer one
            long_enough = match.candidates or len(normalise(name)) >= 5
            short = short or (self.index.in_region(name, self.region) if self.region and long_enough else [])
            if len(short) == 1:
                return Resolved(name, short[0].code, short[0].name, True, short)
            # « Montceau »: Montceau-les-Mines (18,000 inhabitants) rather than a village also named so at first
            big = self.index.dominant(short) if len(short) > 1 and not match.candidates \
                and len(normalise(name)) >= 6 else None
            if big:
                return Resolved(name, big.code, big.name, True, short, dominant=True)
        longer = self._with_its_article(name, match.candidates)
        if longer:
            return longer
        if not match.candidates:
            cut = self.index.abbreviated(name, self.region)
            if len(cut) == 1:       # « Clermont-Fd », « Bourg-en-Bse »
                return Resolved(name, cut[0].code, cut[0].name, True, cut)
        if not match.candidates and fuzzy and (self.region or self.department):
            match = self.index.lookup(name, department=self.department, region=self.region, fuzzy=True)
        if not match.candidates:
            return None
        if in_context_only and self.region and not any(c.region_code == self.region for c in match.candidates):
            return None
        found = Resolved(name, match.code, None, match.fuzzy, list(match.candidates))
        if found.code:
            found.name = match.candidates[0].name
        elif not match.fuzzy and (big := self.index.dominant(match.candidates)):
            found.code, found.name, found.fuzzy, found.dominant = big.code, big.name, True, True
        return found

    def _with_its_article(self, name: str, candidates: list) -> Resolved | None:
        """« La Seyne » in the Var: La Seyne-sur-Mer written short, not Seyne (Alpes-de-Haute-Provence), whose
        name has no article: the one commune of the programme's département or région whose name starts with
        the words as written, article included, when no candidate's name does."""
        article = re.match(r"(?:la|le|les|l['’])\s*(?=\w)", name, re.IGNORECASE)
        if not (article and candidates and (self.department or self.region)):
            return None
        if any(fold(c.name).startswith(fold(article.group(0)).strip()) for c in candidates):
            return None
        short = (self.index.in_department(name, self.department) if self.department else []) or \
            (self.index.in_region(name, self.region) if self.region else [])
        return Resolved(name, short[0].code, short[0].name, True, short) if len(short) == 1 else None

    def postcode_commune(self, postcode: str, name: str) -> Resolved | None:
        """« 35000 Rennes »: the commune of that name within that postcode, else by the name alone."""
        if not self.index:
            return None
        by_code = {c.code: c for c in self.index.lookup(postcode).candidates}
        by_name = self.index.lookup(name, fuzzy=True)
        both = [c for c in by_name.candidates if c.code in by_code]
        if len(both) == 1:
            return Resolved(name, both[0].code, both[0].name, by_name.fuzzy, both)
        # « 80230 Saint-Valery »: Saint-Valery-sur-Somme written short, not Saint-Valery (Oise), whose postcode
        # this is not; the one commune the postcode serves whose name starts with the words as written
        start = _spelled(name) + "-"
        short = [c for c in by_code.values() if c.kind == "postcode" and _spelled(c.name).startswith(start)]
        if not both and len(short) == 1:
            return Resolved(name, short[0].code, short[0].name, True, short)
        if len(by_code) == 1 and not by_name.candidates:
            only = next(iter(by_code.values()))
            return Resolved(name, only.code, only.name, True, [only])
        departments = {c.department_code for c in by_code.values() if c.kind == "postcode"}
        if departments and not any(c.department_code in departments for c in by_name.candidates):
            # « 91000 Évry », « 93400 Saint-Ouen »: a name the commune had before it merged or was renamed, its
            # homonym elsewhere in France; the postcode says which
            served = self.postcode_alone(postcode)
            if served is not None:
                return Resolved(name, served.code, served.name, True, served.candidates)
        return self.commune(name, fuzzy=True)

    def postcode_alone(self, postcode: str) -> Resolved | None:
        """« Salle des fêtes, 69400 »: the commune a postcode written alone serves; of several, the one that
        outnumbers the others (the postcode's main town, flagged to check). Never read as an INSEE code."""
        if not self.index:
            return None
        served = [c for c in self.index.lookup(postcode).candidates if c.kind == "postcode"]
        if len(served) == 1:
            return Resolved(postcode, served[0].code, served[0].name, False, served)
        main = self.index.dominant(served, ratio=2)
        return Resolved(postcode, main.code, main.name, True, served, dominant=True) if main else None

    def venue_commune(self, venue: str) -> tuple | None:
        """(code, name) of a venue whose commune a person confirmed, in this région or France-wide."""
        if not venue:
            return None
        key = normalise(venue)
        return self.venues.get((self.region or "", key)) or self.venues.get(("", key))


_BARE_POSTCODE = re.compile(r"(?:[0-8]\d|9[0-5])\d{3}|97[1-6]\d{2}")


def is_address(text: str) -> bool:
    """« 235 boulevard Paul Painlevé », « Rue Boucher de Perthes », « 3, rue Bayart »."""
    return bool(_ADDRESS_START.match(text.strip()))


def _spelled(name: str) -> str:
    """« St-Pons » → « saint-pons »: a name's words, folded, abbreviations written out, joined by hyphens."""
    return "-".join(ABBREVIATIONS.get(w, w) for w in re.split(r"[\s\-’'.]+", fold(name).strip()) if w)


def has_postcode(text: str) -> bool:
    """« 62000 Arras » somewhere in a place string."""
    return bool(_POSTCODE.search(text))


# « …, Troyes. 20h. », « …, Châlons, 14h-18h. », « … Charleville-Mézières. De 9h à 17h. »: the hours after the place
_TRAILING_HOURS = re.compile(r"[.,;]?\s*(?:(?:de|à|dès)\s+)?\d{1,2}\s*h\s*(?:\d{2})?"
                             r"(?:\s*(?:-|–|à)\s*\d{1,2}\s*h\s*(?:\d{2})?)?\s*\.?\s*$", re.IGNORECASE)


def without_trailing_hours(text: str) -> str:
    """« Cinéma Le Vagabond, Troyes. 20h. » → « Cinéma Le Vagabond, Troyes »: a place line without the hours after it."""
    return _TRAILING_HOURS.sub("", text) or text


def place_like(line: str, places: Places) -> bool:
    """A short line that reads as a place: it holds a street address or a postcode, or ends with a
    commune (« CCI Artois, 8 rue du 29 juillet, Arras », « Maison de l'emploi – 62000 Arras »)."""
    line = without_trailing_hours(line)
    if len(line.split()) > 15 or line.rstrip().endswith(".") and (len(line.split()) > 10 or "," not in line):
        return False        # (« Epicerie sociale, rue de Guise, Saint-Quentin. »: a short place closed by a full stop)
    segments = split_segments(line.rstrip(" ."))
    if len(segments) < 2:
        return False
    if any(is_address(s) or has_postcode(s) for s in segments):
        return True
    found = places.commune(segments[-1], in_context_only=True)
    return bool(found and (found.code or found.ambiguous))


def is_online(text: str) -> bool:
    """True when the text says the event happens online (« en visio », « en ligne », « webinaire »)."""
    cleaned = _NOT_ONLINE.sub(" ", text or "")
    return bool(ONLINE.search(cleaned))


_HYBRID = re.compile(r"\b(?:et|ou|mais\s+aussi)\s+(?:en\s+visio(?:conf[ée]rence)?|en\s+ligne|à\s+distance|en\s+distanciel)\b|"
                     r"\b(?:en\s+visio|en\s+ligne|à\s+distance)\s+(?:et|ou)\s+(?:sur\s+place|en\s+pr[ée]sentiel)\b|"
                     r"\ben\s+pr[ée]sentiel\s+(?:et|ou)\b|\bhybride\b", re.IGNORECASE)


def is_hybrid(text: str) -> bool:
    """True when the text says the event happens both in a place and online (« à Saint-Brieuc et en visio »)."""
    return bool(_HYBRID.search(text or ""))


def split_segments(text: str) -> list:
    """« Lille - Gare St Sauveur (hall) » → ['Lille', 'Gare St Sauveur', 'hall']."""
    parts = re.split(r"\s*(?:,|;|\s[-–—|·]\s|\(|\)|/\s)\s*", text)
    return [p.strip(" .;:–—|") for p in parts if p and p.strip(" .;:–—|")]


def parse_place(text: str, places: Places, fuzzy=True, commune_first=True) -> Place:
    """Take a place string apart into venue, address and commune (see the module's examples)."""
    place = Place(online=is_online(text))
    text = without_trailing_hours(text)
    if _TO_BE_SET.search(text):
        place.to_be_set = True
        text = _TO_BE_SET.sub(" ", text)
    text = re.sub(rf"\b(\d+\s*(?:bis|ter)?)\s*,\s*(?={STREET}\b)", r"\1 ", text, flags=re.IGNORECASE)
    department = _DEPARTMENT.search(text)     # « Salle Bellegrave, Pessac (33) »: the commune's département
    if department and not re.search(r"\d\s*\(", text[:department.start() + 1]):
        text = text[:department.start()]
    else:
        department = None
    segments = split_segments(text)
    if place.online and len(segments) > 1:
        # « Salle du Conseil, Mamers ; Réunion Microsoft Teams »: the room, then the link; the commune is the room's
        segments = [segment for segment in segments if not is_online(segment)] or segments
    # « Pointe-à-Pitre (PAP) »: the commune's initials after it; the commune is still the last segment
    initials = len(segments) > 1 and _INITIALS.fullmatch(segments[-1])
    venue_parts, address_parts = [], []
    for i, segment in enumerate(segments[:-1] if initials else segments):
        inside = _ADDRESS_INSIDE.search(segment)
        if inside and not is_address(segment):
            address_parts.append(inside.group(1).strip())
            segment = segment[:inside.start()].strip()
        if is_address(segment):
            address_parts.append(segment)
            continue
        served = places.postcode_alone(segment) if place.commune is None and i and _BARE_POSTCODE.fullmatch(segment) \
            else None
        if served:
            place.commune = served
            continue
        postcode = _POSTCODE.search(segment)
        if postcode and place.commune is None:
            found = places.postcode_commune(postcode.group(1), postcode.group(2))
            if found:
                place.commune = found
                before = segment[:postcode.start()].strip(" ,")
                if before:
                    address_parts.append(before) if is_address(before) else venue_parts.append(before)
                continue
        # (« Les Halles, 50200 Coutances »: a venue named like a commune elsewhere, the postcode after it says where)
        if place.commune is None and _commune_position(i, len(segments) - bool(initials), commune_first) \
                and not any(_POSTCODE.search(later) for later in segments[i + 1:]):
            # misspelt first, or last right after a street (« …, 23 rue Francis-de-Pressensé, Vileurbanne ») or
            # in capitals (« Foyer rural, ST-MICHEL-DE-L'OBSERVATOIRE »)
            last = i == len(segments) - 1 - bool(initials)
            after_street = last and (bool(address_parts) or i > 0 and segment.isupper() and len(segment) >= 5)
            # (« La Grange », « Le Hangar » alone: a venue's name that is a commune's elsewhere, not in the programme's région)
            named = len(segments) == 1 and places.region and re.match(r"^(?:la|le|les|l['’])\s*\w", segment, re.IGNORECASE)
            found = places.commune(segment, fuzzy=fuzzy and (i == 0 or after_street) and _short_name(segment),
                                   in_context_only=i > 0 or bool(named))
            if found:
                place.commune = found
                continue
        if segment:
            venue_parts.append(segment)
    if initials and not place.commune:
        venue_parts.append(segments[-1])
    if place.online and not place.commune:
        venue_parts = [p for p in venue_parts if not is_online(p)]
    if department and place.commune:
        place.commune = narrow(place.commune, department.group(1), places)
    elif department:
        venue_parts.append(department.group(1))
    place.venue = ", ".join(venue_parts) or None
    place.address = ", ".join(address_parts) or None
    return place


_INITIALS = re.compile(r"[A-ZÀ-Ý]{2,5}")


def _commune_position(i, n, commune_first) -> bool:
    return i == 0 or i == n - 1 or not commune_first


def _short_name(segment: str) -> bool:
    words = segment.split()
    return 1 <= len(words) <= 5 and segment[:1].isupper()


def leading_commune(line: str, places: Places, fuzzy=False) -> Resolved | None:
    """The commune a line starts with, when followed by a separator or the end of the line
    (« Lille, Maison… », « Lille - Gare… », « Roubaix (lieu à préciser) », « Lille »)."""
    head = re.split(r"\s*(?:,|\s[-–—|·:]\s|\(|\s{2,})", line.strip(), maxsplit=1)[0].strip(" .;:")
    if not head or not head[:1].isupper() or len(head.split()) > 6:
        return None
    return places.commune(head, fuzzy=fuzzy and _short_name(head))


_ONLINE_FIRST = re.compile(r"^\W*(?:100\s*%\s*)?(?:en\s+ligne|en\s+visio|en\s+distanciel|à\s+distance|sur\s+(?:zoom|teams))\b",
                           re.IGNORECASE)


def opens_online(text: str) -> bool:
    """« En ligne – lien de connexion envoyé après inscription », « 100 % en ligne »: a line that says first where one
    takes part, online."""
    return bool(_ONLINE_FIRST.match(text))


def commune_cell(text: str, places: Places) -> Resolved | None:
    """A short text that is only a commune's name, as written (« Nantes », « à Angers », « 44000 Nantes »,
    « La Roche-sur-Yon »): the name must be spelled like the commune's (so « Marché » is not La Marche)
    and, when the programme's région is known, lie in it."""
    text = re.sub(r"^(?:à|a)\s+(?=[A-ZÀ-Ý])", "", text.strip(" .;:,"))
    bracket = _DEPARTMENT.search(text)
    if bracket:
        found = commune_cell(text[:bracket.start()], places.with_context(places.region))
        if found:
            return narrow(found, bracket.group(1), places)
        code = bracket.group(1)
        if len(code) == 5 and text[:1].isupper():
            # « Bohain (02110) », « Gauchv (02430) »: a name written short or misread, among its postcode's communes
            found = places.postcode_commune(code, text[:bracket.start()].strip())
            return found if found and found.code else None
        # « Bourg-en-Bse (01) »: a name written short, taken when its département is the one in brackets
        short = places.commune(text[:bracket.start()]) if text[:1].isupper() else None
        agrees = short and short.code and len(code) < 5 and short.candidates[0].department_code in (code, code.lstrip("0"))
        if not agrees and short and len(code) < 5:
            short = narrow(short, code, places)     # « SAINT-AMAND (18) »: Saint-Amand-Montrond written short
            agrees = bool(short.code)
        return short if agrees else None
    remark = re.fullmatch(r"(?P<name>[A-ZÀ-Ý][^()]+?)\s*\((?P<part>[A-ZÀ-Ý][^()\d]*)\)", text)
    if remark:      # « Bastia (Lupino) »: a commune, the district in brackets
        return commune_cell(remark.group("name"), places)
    text = text.strip("()")
    postcode = re.match(r"^((?:(?:[0-8]\d|9[0-5]|2[AB])\d{3}|97\d{3}))\s+(\S.*)$", text)
    if postcode:
        found = places.postcode_commune(postcode.group(1), postcode.group(2))
        return found if found and found.code else None
    if _ARRONDISSEMENT.match(text):
        found = places.commune(text, in_context_only=True)
        return found if found and found.code and found.candidates[0].kind == "arrondissement" else None
    if not text[:1].isupper() or len(text.split()) > 6 or re.search(r"\d", text):
        return None
    found = places.commune(text, in_context_only=True)
    if not found or not (found.code or found.ambiguous):
        return None
    spelled = _spelling(text)
    if not any(_spelling(c.name) == spelled for c in found.candidates) and not _written_short(text, found, places):
        return None
    return found


def _written_short(text: str, found: Resolved, places: Places) -> bool:
    """« Montceau » for Montceau-les-Mines: the start of one commune's name in the programme's région, and no
    commune's whole name anywhere (« Ville » is a commune of the Oise, not Ville-sur-Jarnioux written short)."""
    return bool(found.code and found.name and _spelling(found.name).startswith(_spelling(text) + " ") and places.index
                and not places.index.lookup(text, fuzzy=False).candidates)


# « Lyon 7e », « PARIS 11E », « Marseille 8ème arrondissement »: a municipal arrondissement
_ARRONDISSEMENT = re.compile(r"^[A-ZÀ-Ý][\w'’ -]*?\s+\d{1,2}\s*(?:er|e|è|ème|eme)(?:\s+arr(?:ondissement|\.)?)?$",
                             re.IGNORECASE)

# « Saint-Denis (93) », « Rezé (44400) »: a commune followed by its département or postcode
_DEPARTMENT = re.compile(r"\s*\(\s*(\d{5}|\d{2,3}|2[AB])\s*\)\s*$")


def narrow(found: Resolved, code: str, places: Places) -> Resolved:
    """The commune among `found`'s candidates that lies in département `code` (or has postcode `code`)."""
    if len(code) == 5:
        return places.postcode_commune(code, found.query) or found
    within = [c for c in found.candidates if c.department_code == code.lstrip("0") or c.department_code == code]
    if len(within) == 1:
        return Resolved(found.query, within[0].code, within[0].name, found.fuzzy, within)
    if not within and places.index and len(code) < 5:
        # « SAINT-AMAND (18) »: no Saint-Amand in the Cher, Saint-Amand-Montrond written short
        short = places.index.in_department(found.query, code)
        if len(short) == 1:
            return Resolved(found.query, short[0].code, short[0].name, True, short)
    return found


def _spelling(name: str) -> str:
    """A name compared as written, apart from case, accents, hyphens, apostrophes and the short forms of
    « Saint(e) » (« Hérouville-St-Clair »)."""
    spelled = re.sub(r"[\s'’\-]+", " ", fold(name)).strip()
    return re.sub(r"\bste?\b", lambda m: "sainte" if m.group(0) == "ste" else "saint", spelled)


_WORD = r"[A-ZÀ-Ý][\w’'\-]*"


def communes_in_prose(text: str, places: Places) -> list:
    """Communes named after « à » / « sur » in running text (« festival … à Avion »), as
    (start, end, Resolved). Only exact names, and only in the programme's région when it is known."""
    out = []
    for m in re.finditer(rf"(?<![\w’'])(?:à|a|sur)\s+({_WORD}(?:[\s\-](?:{_WORD}|d['’]|de|du|des|la|le|les|sur|sous|en|lès|lez)[\w’'\-]*){{0,4}})",
                         text):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n]).rstrip(".,;:!?")
            if normalise(words[n - 1]) in _CONNECTORS:
                continue
            found = places.commune(name, in_context_only=True)
            if found and (found.code or found.ambiguous):
                end = m.start(1) + len(name)
                bracket = _DEPARTMENT.match(text[end:].split(")")[0] + ")") if text[end:].lstrip().startswith("(") else None
                out.append((m.start(), end, narrow(found, bracket.group(1), places) if bracket else found))
                break
    # « la galerie X (rue des Lilas, Paris 20e) », « dans le 18e arrondissement de Paris »
    for m in _BRACKETED_PLACE.finditer(text):
        found = places.commune(m.group("town"), in_context_only=True)
        if found and found.code:
            out.append((m.start("town"), m.end("town"), found))
    for m in _ARRONDISSEMENT_OF.finditer(text):
        found = places.commune(f"{m.group('city')} {m.group('n')}e", in_context_only=True)
        if found and found.code:
            out.append((m.start(), m.end(), found))
    return out


_BRACKETED_PLACE = re.compile(r"\([^()]{3,80}?,\s*(?P<town>[A-ZÀ-Ý][^(),]{1,40}?)\s*\)")
_ARRONDISSEMENT_OF = re.compile(r"\b(?P<n>\d{1,2})(?:e|er|ème)\s+arrondissement\s+de\s+(?P<city>Paris|Lyon|Marseille)\b")


_VENUE_PREP = re.compile(
    r"(?<![\w’'])(?:[Aa]u|[Àà]\s+la|[Àà]\s+l['’]|[Aa]ux|[Cc]hez|[Dd]ans\s+les\s+locaux\s+d(?:e\s+la|e\s+l['’]|u|es|e)|"
    r"[Dd]ans\s+la\s+salle|(?=[Ss]alle\s)|[Àà](?=\s+L(?:a|e|es)\s+[A-ZÀ-Ý]))\s*")
# Nouns that open the name of a place (« Maison de l'économie sociale », « Halle du marché », « salle
# Émeraude »); words that are also kinds of events (marché, café, atelier) are left out.
VENUE_NOUN = (r"(?:maison|halles?|salle|espace|centre|p[ôo]le|h[ôo]tel|th[ée][âa]tre|cin[ée]ma|m[ée]diath[èe]que|"
              r"biblioth[èe]que|ludoth[èe]que|mairie|ferme|jardins?|parc|tiers-lieux?|ressourcerie|recyclerie|"
              r"gymnase|auditorium|amphith[ée][âa]tre|amphi|chapelle|ch[âa]teau|campus|universit[ée]|lyc[ée]e|coll[èe]ge|"
              r"[ée]cole|mus[ée]e|palais|gare|cit[ée]|manufacture|friche|mjc|foyer|domaine|grange|usine|locaux|"
              r"librairie|clo[îi]tre|abbaye|[ée]glise|stade|complexe|fabrique|conservatoire|p[ée]niche|hall|"
              r"auberge|p[ée]pini[èe]re|incubateur|hangar|h[ôo]tel\s+de\s+ville|quartier|cour|atelier\s+[A-ZÀ-Ý]|"
              r"village\s+d['’]entreprises|village\s+associatif|maison\s+du\s+projet|base\s+de\s+loisirs|"
              r"salle\s+des\s+f[êe]tes|bourse\s+du\s+travail|tiers\s+lieu|fablab|caf[ée]-librairie|agence|permanence\s+d[eu]s?|restaurant|site\s+universitaire|iut|"
              r"place\s+(?:du|de\s+la|de\s+l['’]|des)|terrain|plateau\s+(?:sportif|polyvalent))")
_VENUE_HEAD = re.compile(rf"^{VENUE_NOUN}(?![\w-])", re.IGNORECASE)
_VENUE_STOP = re.compile(r"\s*(?:[,;.()]|\s[-–—|]\s|\s(?:à|À|a|avec|pour|sur|de\s+\d|dès|le\s+\d|en\s+visio|"
                         r"en\s+ligne|organis|propos)\b|$)")
# generic words that may follow « de » in a venue's name without being its commune (« Hôtel de Ville »)
_NOT_COMMUNE = {"ville", "region", "departement", "quartier", "commune", "metropole", "agglomeration", "france",
                "europe", "paris", "marche", "eglise", "gare", "port", "lac", "mer", "loire"}


def generic_name(name: str) -> bool:
    """True for a word that follows « de » in a venue's name without naming its commune (« Hôtel de Ville »)."""
    return normalise(name) in _NOT_COMMUNE


def venue_in_prose(text: str) -> tuple | None:
    """A named place in running text: « au Toit Commun », « à la Maison de la Région », « dans les
    locaux de la CALL ». Returns (start, end, venue) or None. The name must start with a capital."""
    for m in _VENUE_PREP.finditer(text):
        rest = text[m.end():]
        name = (venue_start(rest) if rest[:1].isupper() else None) or _named_place(rest) or _proper_name(rest) \
            or _common_place(rest, m.group(0))
        if name and not _SECTOR.fullmatch(name):
            prep = m.group(0).strip().lower()
            venue = f"locaux {m.group(0).split('locaux', 1)[1].strip()} {name}" if "locaux" in prep else name
            return m.start(), m.end() + len(name), venue.replace("  ", " ")
    return None


# « 12 rue des Tanneurs, 31000 Toulouse »: a postcode and the commune's name after it
POSTCODE_NAME = re.compile(r"\b((?:(?:[0-8]\d|9[0-5]|2[AB])\d{3}|97\d{3}))\s+([A-ZÀ-Ý][\w'’\-]+(?:[\s-](?:[A-ZÀ-Ý][\w'’\-]+|sur|sous|"
                           r"en|l[eè]s|de|du|la|le)){0,4})")


def closing_commune(sentences: list, places: Places) -> Resolved | None:
    """The commune the sentences of an entry end their place with: « 8 rue Jean-Chatel, 97400 Saint-Denis. »,
    « Médiathèque Benoîte-Boulard, Le Port. », « Front de mer, Saint-Paul (974). »."""
    for sentence in sentences:
        coded = POSTCODE_NAME.search(sentence)
        found = places.postcode_commune(coded.group(1), coded.group(2)) if coded else None
        if found and found.code:
            return found
        if "," in sentence and len(sentence.split()) <= 10:
            found = commune_cell(sentence.rsplit(",", 1)[1].strip(" .;"), places)
            if found and found.code:
                return found
    return None


def bracketed_commune(text: str, places: Places) -> Resolved | None:
    """« Campus Montmuzard (Dijon) et site du Creusot »: the commune written in brackets after a venue,
    wherever it stands in the text."""
    for m in re.finditer(r"\(\s*([A-ZÀ-Ý][\w'’-]*(?:[\s-][\w'’-]+){0,3})\s*\)", text):
        found = commune_cell(m.group(1), places)
        if found and found.code:
            return found
    return None


def contracted_commune(text: str, venue: tuple, places: Places) -> Resolved | None:
    """The commune a venue found by `venue_in_prose` names with its article contracted: « au Port » is
    Le Port, « au Havre » Le Havre, « aux Mureaux » Les Mureaux."""
    contracted = re.match(r"(au|aux)\s", text[venue[0]:], re.IGNORECASE)
    if not contracted or len(venue[2].split()) > 3:
        return None
    found = commune_cell(("Le " if contracted.group(1).lower() == "au" else "Les ") + venue[2], places)
    return found if found and found.code else None


# « déléguée à l'ESS », « au Mois de l'ESS »: the sector and its month, never a place
_SECTOR = re.compile(r"(?:ESS|[ÉE]conomie\s+sociale(?:\s+et\s+solidaire)?|Mois(?:\s+de\s+l['’]\s*ESS)?)\.?", re.IGNORECASE)
_COMMON_PLACE = re.compile(rf"^{VENUE_NOUN}(?:\s+(?:municipale?|intercommunale?|communale?|associative?|"
                           r"solidaire|partag[ée]e?|des\s+f[êe]tes|du\s+quartier|de\s+quartier))?(?![\w-])", re.IGNORECASE)


def _common_place(text: str, preposition: str) -> str | None:
    """« à la médiathèque », « au centre social », « à la salle des fêtes »: a place named by its kind only."""
    if not re.match(r"^\s*(?:[Aa]u|[Àà]\s+la|[Àà]\s+l['’])\s*$", preposition):
        return None
    m = _COMMON_PLACE.match(text)
    return m.group(0) if m and not text[:1].isupper() else None


def names_a_place(text: str) -> bool:
    """True when a text opens with a place noun, in any case (« agence Pôle emploi … », « Maison de … »)."""
    return bool(_VENUE_HEAD.match(text.strip()))


def venue_start(text: str) -> str | None:
    """The place a text opens with when it starts with a place noun (« Halle du marché, toute la
    journée » → « Halle du marché », « Maison des associations, à partir de 19 h »)."""
    text = text.strip()
    if not text[:1].isupper() or not _VENUE_HEAD.match(text):
        return None
    stop = _VENUE_STOP.search(text, _VENUE_HEAD.match(text).end())
    name = text[:stop.start() if stop else len(text)].strip()
    if len(name.split()) > 8 or len(name.split()) < 2 and not re.match(r"^(?:mairie|gare)$", name, re.IGNORECASE):
        return None
    return name


def split_venue_commune(venue: str, places: Places) -> tuple:
    """« Corum de Montpellier » → ('Corum', Montpellier): a venue named after its commune. Generic
    words (« Hôtel de Ville », « Maison de la Région ») are not communes."""
    m = re.match(r"^(?P<venue>.+?)\s+(?:de|d['’]|du)\s*(?P<commune>[A-ZÀ-Ý][\w’'\- ]+)$", venue or "")
    if m and not generic_name(m.group("commune")):
        found = commune_cell(m.group("commune"), places)
        if found and found.code:
            return m.group("venue"), found
    return _commune_run_on(venue, places)


# « Jardin des Deux Rives », « cité des Quatre Vents »: a number opens a name, the word after it is no commune
_NUMBER_WORD = re.compile(r"(?:Deux|Trois|Quatre|Cinq|Six|Sept|Huit|Neuf|Dix|Cent|Mille)$")


def _commune_run_on(venue: str | None, places: Places) -> tuple:
    """« Salle du Bouton d'Arts Rocheservière », « Salle des Fêtes de Montaigu Montaigu-Vendée Fête … » (a web
    page flattened to text): a commune written after the venue's own name, and what follows it dropped.
    The venue must have a name of its own before it (« café Le Havre » is a café, not Le Havre)."""
    words = (venue or "").split()
    for k in range(len(words) - 1, 1, -1):
        if not words[k][:1].isupper() or words[k - 1].lower() in _BEFORE_A_NAME or _NUMBER_WORD.match(words[k - 1]) \
                or not _PLACE_NOUN.match(" ".join(words[:k]) + " X") and len(words[:k]) < 3:
            continue
        for n in (3, 2, 1):
            name = " ".join(words[k:k + n]).strip(" ,.;:")
            found = commune_cell(name, places) if k + n <= len(words) else None
            # a village's name is also a surname (« Maison de quartier Vauban »): without the programme's
            # région to vouch for it, only a commune of some size is taken
            if found and found.code and (places.region or places.index.population(found.code) >= 2000):
                return " ".join(words[:k]).strip(" ,"), found
    return venue, None


# words after which a capitalised word belongs to the venue's own name (« Maison de quartier Vauban »)
_BEFORE_A_NAME = {"de", "du", "d'", "d’", "des", "quartier", "rue", "place", "avenue", "boulevard", "square",
                  "résidence", "parc", "cité", "allée", "quai", "impasse", "chemin", "espace", "salle", "centre"}


_PLACE_NOUN = re.compile(rf"^(?:{VENUE_NOUN}|caf[ée]|bar|restaurant|brasserie|march[ée]|atelier|garage|magasin|"
                         r"boutique|salon|jardin\s+partag[ée])\s+(?:(?:de|du|des)\s+|d['’]\s*)?(?=(?-i:[A-ZÀ-Ý])|[«\"“])",
                         re.IGNORECASE)
_QUOTED = re.compile(r"^(?:«\s*[^»]{1,60}?\s*»|\"[^\"]{1,60}\"|“[^”]{1,60}”)")


def _named_place(text: str) -> str | None:
    """« salle Jacques Brel », « cinéma Les Tanneurs », « café Le Socrate » → the place with its name."""
    m = _PLACE_NOUN.match(text)
    quoted = _QUOTED.match(text[m.end():]) if m else None     # « Bar « Au bout du monde » »: a venue, not the commune Bar
    name = quoted.group(0) if quoted else _proper_name(text[m.end():]) if m else None
    return f"{text[:m.end()].strip()} {name}" if name else None


def venue_segment(segment: str) -> str | None:
    """A comma-separated part of a sentence that names a place: opened by a place noun in capitals
    (« Maison des associations »), or by one in lower case followed by a name (« jardin partagé du Calvaire »)."""
    segment = segment.strip(" .;")
    found = venue_start(segment) or _named_place(segment)
    if found:
        return found
    if _VENUE_HEAD.match(segment) and len(segment.split()) <= 6 and re.search(r"\s[A-ZÀ-Ý]", segment):
        return segment
    return None


def venue_after_commune(text: str, end: int) -> str | None:
    """« … à Bordeaux, Athénée municipal », « … à Brest (Les Capucins) » → the place named right after
    the commune."""
    m = re.match(r"\s*,\s*((?:[A-ZÀ-Ý]|salle\s|maison\s|jardin\s|place\s|halle\s|parc\s)[^,;.()]{2,60})(?=[,;.()]|$)",
                 text[end:])
    if m:
        return m.group(1).strip()
    m = re.match(r"\s*\(\s*([A-ZÀ-Ý][^()]{1,60}?)\s*\)", text[end:])
    if m and not re.search(r"\d|\blieu\s+(?:à|a)\b|pr[ée]ciser|confirmer", m.group(1), re.IGNORECASE):
        return m.group(1)
    return None


def _proper_name(text: str) -> str | None:
    """The capitalised name a text starts with: words with a capital, joined by small words."""
    words = re.findall(r"[^\s,;.:!?()«»\"]+", text.split("\n")[0])
    taken = []
    position = 0
    for word in words:
        at = text.find(word, position)
        if at - position > 1 and taken:      # punctuation between words ends the name
            gap = text[position:at]
            if gap.strip():
                break
        position = at + len(word)
        bare = word.strip("’'")
        if bare[:1].isupper() or bare[:1].isdigit() and taken or taken and normalise(bare) in _CONNECTORS | {"l", "d"} or re.match(r"^[dl]['’][A-ZÀ-Ý]", bare):
            taken.append(word)
        else:
            break
    while taken and (normalise(taken[-1].strip("’'")) in _CONNECTORS or taken[-1].endswith(("'", "’"))):
        taken.pop()
    return " ".join(taken) if taken and taken[0][:1].isupper() else None
