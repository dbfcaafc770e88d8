"""Stage 5 — fields: place, times, price, organiser, contact and link of an event, from its labelled
fields and from what its lines say in passing; and what every event gets at the end."""

import re

from . import dates
from .casing import display_title
from .context import Context
from .lines import FUNCTION_END, TOWN_DASH, TOWN_FIRST
from .model import Event
from .places import (
    POSTCODE_NAME,
    commune_cell,
    communes_in_prose,
    is_address,
    is_online,
    leading_commune,
    names_a_place,
    parse_place,
    split_venue_commune,
    venue_in_prose,
    venue_start,
    without_trailing_hours,
)
from .prose import (
    address_in,
    commune_of_venue,
    explicit_organiser,
    has_event_noun,
    name_of_structure,
    partners_in,
    segment_venue,
    sentences,
    split_by_organiser,
    split_organizer,
)
from .rows import pin_place, read_cells
from .vocabulary import label_of, price_of

_URL = re.compile(r"(?:https?://|www\.)[^\s>]+", re.IGNORECASE)


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


PHONE = re.compile(r"(?:\+33\s?(?:\(0\))?\s?|0)[1-9](?:[\s.]?\d{2}){4}")


def apply_details(event: Event, texts: list, context: Context) -> None:
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
        placed = read_cells(text, places) if not (event.commune_code or event.commune_name) else None
        if placed and not placed.title and placed.commune and placed.commune.code and not placed.start_time:
            # « Bandrélé – place du marché » under a slot « 8h-13h – Marché des artisans »: where, as a row
            apply_commune(event, placed.commune)
            event.venue = event.venue or (placed.place.venue if placed.place else None)
            continue
        lead = leading_commune(text, places) if not (event.commune_code or event.commune_name or event.online) \
            and re.match(r"^[A-ZÀ-Ý][^,–—]{1,40}(?:,|\s[–—-]\s)", text) else None
        if lead and lead.code:      # « Hérouville-St-Clair, Maison des associations - org. Coopérer … »
            apply_commune(event, lead)
        if not (event.venue or event.commune_code or event.commune_name) and _street_line(text):
            # « L'Atelier du Biclou, 23 rue Francis-de-Pressensé, Vileurbanne »: a place written in full
            apply_place(event, parse_place(text, places, fuzzy=True, commune_first=False), context)
        if not event.venue:
            venue = venue_in_prose(text)
            event.venue = venue[2] if venue else _venue_of(text)
            if event.venue:
                event.venue, named = split_venue_commune(event.venue, places)
                # (« Salle du faubourg d'Isle, Saint-Quentin »: the commune that closes the line, not one in the venue's name)
                if named and not event.commune_code and not _closed_by_commune(text, places):
                    apply_commune(event, named)
        event.address = event.address or address_in(text)
        if not (event.commune_code or event.commune_name or event.online):
            named = communes_in_prose(text, places)
            coded = POSTCODE_NAME.search(text)
            found = places.postcode_commune(coded.group(1), coded.group(2)) if coded else None
            closed = _closing_commune(text, places)
            venue_of = commune_of_venue(text, places) if not (closed or named or found) else None
            if closed and closed.code:      # « Salle Bellegrave, Pessac (33) », « Restaurant La Table, Nantes »
                apply_commune(event, closed)
            elif venue_of:                  # « Salle du Conseil, hôtel de ville de Rezé »
                apply_commune(event, venue_of)
            elif named:
                apply_commune(event, named[0][2])
            elif found and found.code:      # « 12 rue des Tanneurs, 31000 Toulouse »
                apply_commune(event, found)
            elif is_online(text):
                event.online = True


def _closed_by_commune(text: str, places) -> bool:
    return _closing_commune(text, places) is not None


def _closing_commune(text: str, places):
    """The commune that closes a line of details, or one of its parts between « · » (« Plage de Moya, Pamandzi
    · Association Mwezi Vert »: the place, then who organises)."""
    text = without_trailing_hours(text)
    for part in [text] + (_DOT_PARTS.split(text) if " · " in text else []):
        closing = _CLOSING_COMMUNE.search(part) or _TRAILING_COMMUNE.search(part) or _BRACKETED_COMMUNE.search(part)
        found = commune_cell(closing.group(1), places) if closing else None
        if found and found.code:
            return found
    return None


# « Place du marché, Coconi (Ouangani) »: a village or district, its commune in brackets
_BRACKETED_COMMUNE = re.compile(r"\(\s*([A-ZÀ-Ý][\w'’ -]{1,40}?)\s*\)\s*\.?\s*$")


_DOT_PARTS = re.compile(r"\s+·\s+")


def _street_line(text: str) -> bool:
    """« Venue, 23 rue X, Commune », « Foyer rural, ST-MICHEL-DE-L'OBSERVATOIRE »: a short line of a few parts,
    one of them a street address or the last one a name in capitals."""
    parts = [p.strip() for p in text.split(",")]
    return 2 <= len(parts) <= 4 and len(text) <= 160 and (
        any(is_address(p) for p in parts[1:]) or parts[-1].isupper() and len(parts[-1]) >= 5)


# « …, Pessac (33) », « … – Limoges (87). »: a line of details that ends on a commune and its département
_CLOSING_COMMUNE = re.compile(r"(?:^|,|\s[–—-]\s)\s*([A-ZÀ-Ý][^,()–—]{1,40}?\s*\(\s*(?:\d{5}|\d{2,3}|2[AB])\s*\))\s*\.?\s*$")
_TRAILING_COMMUNE = re.compile(r"(?:,|\s[–—-])\s*([A-ZÀ-Ý][\w'’-]+(?:[\s-][\w'’-]+){0,3})\s*\.?\s*$")


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
    apply_place(event, place, context)


def join_description(lines: list) -> str | None:
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


def labelled_fields(lines: list) -> dict:
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
    if re.match(r"^(?:[a-zà-ÿ]|et\s|&)", text) or FUNCTION_END.search(previous) or previous.rstrip().endswith(","):
        return True
    return bool(name in ("contact", "organizer") and (_URL.search(text) or _EMAIL.search(text) or PHONE.search(text)) and len(_strip_contacts(text).split()) <= 3)


def apply_fields(event: Event, fields: dict, context: Context) -> list:
    """Fill the event from its labelled fields; returns what an organiser field said after the
    organiser (« Organisé par X, au Lieu, adresse. 18h30. Gratuit. »), for `details`."""
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
        event.url = event.url or first_url(links)
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
        event.url = event.url or first_url(event.contact or "")
    event.url = event.url or first_url(" ".join(fields.get("url", [])))
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
        apply_place(event, parse_place(", ".join(place), context.places, fuzzy=True), context)
        if not event.start_time and dates.find_times(", ".join(place))[0]:
            # « Maison des associations, Troyes. 14h-18h. »: the hours written after the place
            event.start_time, event.end_time = dates.find_times(", ".join(place))
    return leftover


# labelled fields that together say where (« Lieu : », « Adresse : », « Code postal : », « Ville : »)
PLACE_FIELDS = ("venue", "address", "postcode", "commune")


def _strip_contacts(text: str) -> str:
    text = _URL.sub(" ", text)
    text = _EMAIL.sub(" ", text)
    text = PHONE.sub(" ", text)
    return re.sub(r"\s{2,}", " ", text).strip(" >-–")


def contact_of(text: str) -> str | None:
    found = _EMAIL.findall(text) + [p.strip() for p in PHONE.findall(text)]
    return " - ".join(dict.fromkeys(found)) or None


def first_url(text: str) -> str | None:
    m = _URL.search(text or "")
    if not m:
        return None
    url = m.group(0).rstrip(".,;)")
    return url if url.lower().startswith("http") else f"https://{url}"


def apply_place(event: Event, place, context: Context) -> None:
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
        apply_commune(event, place.commune)


def apply_commune(event: Event, found) -> None:
    if found.code:
        event.commune_code, event.commune_name = found.code, found.name
        if found.fuzzy:
            event.warn(found.warning(), 0.15)
    else:
        event.commune_name = found.query
        event.warn(found.warning() or f"commune « {found.query} » non reconnue : à préciser", 0.2)


_STATUS_TAG = re.compile(r"^\[\s*(?:report[ée]e?|d[ée]plac[ée]e?|modifi[ée]e?|complet|nouveau|mis\s+à\s+jour)\s*\]\s*",
                         re.IGNORECASE)


def finish(event: Event, context: Context) -> None:
    """What every event gets: the commune of a confirmed venue, and the flags for what is missing."""
    _place_after_dash(event, context)
    if event.venue:     # « 📍 Place Parmentier »: the pin that marked the line is no part of the name
        event.venue = re.sub(r"^[\s📍📌⌖]+", "", event.venue) or None
    if not event.commune_code and event.venue:
        known = context.places.venue_commune(event.venue)
        if known:
            event.commune_code, event.commune_name = known
    if not event.commune_code and not event.online and not event.commune_name:
        if event.venue:
            event.warn(f"lieu « {event.venue} » sans commune : commune à confirmer", 0.15)
        else:
            event.warn("lieu non indiqué", 0.1)
    if event.commune_name:      # « Ciné-débat, Limoges (87) » → « Ciné-débat »: the commune is said apart
        event.title = re.sub(rf"\s*(?:,|\(|[–—-])\s*{re.escape(event.commune_name)}\s*(?:\(\s*\d[\dAB]{{1,4}}\s*\))?\s*\)?\s*$",
                             "", event.title, flags=re.IGNORECASE) or event.title
    event.title, by_whom = split_by_organiser(event.title)
    event.organizer = by_whom or event.organizer
    if not event.organizer:
        event.warn("organisateur non indiqué", 0.05)
    title = re.sub(_DANGLING, "", event.title.strip().rstrip(" .,;:")).strip() or event.title.strip()
    title = _PICTOGRAPHS.sub("", title).strip(" -–—:") or title     # « 🥂 Apéro d'ouverture » → « Apéro d'ouverture »
    title = re.sub(r"\s+\*{1,3}$", "", title) or title      # « Atelier CV * »: the footnote's mark (« sur inscription »)
    title = _STATUS_TAG.sub("", title) or title     # « [REPORTÉ] Table ronde … »: the status is said apart
    if dates.starts_with_time(title):       # « 14h00 - 17h00 Atelier … »: the time is said apart
        event.start_time = event.start_time or dates.find_times(title)[0]
        title = _LEADING_TIME.sub("", title).strip(" -–—:•·") or title
    town = TOWN_FIRST.match(title) or TOWN_DASH.match(title)
    named = context.places.commune(town.group("town").title()) if town else None
    if named and named.code:        # « NANCY. Conférence-débat … »: the item's commune, said first
        title = title[town.end():]
        if not event.commune_code:
            apply_commune(event, named)
    title = _first_sentence(title)
    if event.online:        # « Webinaire « X » en visio »: how it is held is said apart
        title = re.sub(r"\s+(?:en\s+visio(?:conf[ée]rence)?|en\s+ligne)\s*$", "", title, flags=re.IGNORECASE) or title
    head, colon, tail = title.partition(" : ")
    named = has_event_noun(head) and re.search(r"«[^»]+»\s*$", head)
    if colon and (len(tail.split()) > 8 and len(head.split()) >= 2 and (has_event_noun(head) or "«" in head)
                  or (named or _ADDRESSED.match(tail)) and (has_event_noun(head) or re.fullmatch(r"«[^«»]+»", head))):
        title = head        # « Afterwork « X » : pitchs de jeunes alumni qui … » — the rest describes it
    whole = re.fullmatch(r"«\s*([^«»]+?)\s*»", title)
    title = whole.group(1) if whole else title     # a title that is only a quoted name is that name
    if title.count('"') == 1:
        title = title.replace('"', "").strip() or title     # a quote left open where the title was cut
    if "«" not in title and title.endswith("»"):
        title = title[:-1].strip() or title
    event.title = display_title(title[:1].upper() + title[1:], context.casing)
    _doubt_title(event, context)


# « Repair café : venez réparer … », « Gratiferia : on donne, on prend … »: words that talk to the reader
_ADDRESSED = re.compile(r"^(?:on|nous|vous|venez|viens|d[ée]couvrez|apportez|ramenez|amenez|rejoignez|participez|"
                        r"inscrivez|profitez|partagez|c['’]est)\b")
def _first_sentence(title: str) -> str:
    """« Atelier « X » avec Zéro Déchet 21. À partir de 8 ans » → its first sentence; « Projection-débat :
    « X », documentaire de 52 minutes, … » → « Projection-débat « X » »: a title names, it does not describe."""
    quoted = re.match(r"^(?P<kind>[^«:]{2,40}?)\s*:\s*(?P<name>«[^»]+»)\s*[,.–—-]\s+\S", title)
    if quoted and has_event_noun(quoted.group("kind")):
        return f"{quoted.group('kind')} {quoted.group('name')}"
    parts = re.split(r"(?<=[a-zà-ÿ0-9)»])[.!?]\s+(?=[A-ZÀ-Ý«])", title, maxsplit=1)
    return parts[0] if len(parts) > 1 and has_event_noun(parts[0]) and len(parts[0].split()) >= 2 else title


def _place_after_dash(event: Event, context: Context) -> None:
    """« Information collective « … » – agence Pôle emploi Nancy Kennedy »: a place after a dash closes the
    title; it is the venue (and its commune, when it names one)."""
    m = re.match(r"^(?P<title>.+?)\s+[–—]\s+(?P<place>[^–—]{3,80})$", event.title or "")
    if not m or has_event_noun(m.group("place")) or not names_a_place(m.group("place")) \
            or not (has_event_noun(m.group("title")) or "»" in m.group("title")):
        return
    event.title = m.group("title")
    venue, named = split_venue_commune(m.group("place").strip(" ."), context.places)
    event.venue = event.venue or venue
    if named and named.code and not event.commune_code and not event.commune_name:
        apply_commune(event, named)


_LEADING_TIME = re.compile(r"^\s*(?:de\s+|dès\s+|à\s+partir\s+de\s+)?\d{1,2}\s*h\s*\d{0,2}(?:\s*(?:[-–—à>]|jusqu['’]à)\s*\d{1,2}\s*h\s*\d{0,2})?",
                           re.IGNORECASE)
# emoji and pictographs that decorate posts (« 🥂 », « 📍 », « 👉 »), not part of a title
_PICTOGRAPHS = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D\u2190-\u21FF\u2B00-\u2BFF]+")
# words a title cannot end on (« … une rencontre organisée de » once its time is taken out)
_DANGLING = re.compile(r"(?:\s+(?:de|du|des|d['’]|à|au|aux|le|la|les|l['’]|et|ou|pour|avec|sur|par|en|dès|vers|un|une))+\s*$",
                       re.IGNORECASE)


_CALL = re.compile(r"\b(?:inscri(?:vez|ption|re)|candidat(?:ure|er)|dossiers?|d[ée]p[ôo]ts?|appels?\s+à|"
                   r"formulaire|questionnaire|enqu[êe]te|sondage|date\s+limite)\w*", re.IGNORECASE)


def _doubt_title(event: Event, context: Context) -> None:
    """Lower the confidence of a title that does not read as an event's, saying why: only a place, a call
    for applications or registrations, or no word that names an event."""
    title = event.title or ""
    found = context.places.commune(title, in_context_only=True) if len(title.split()) <= 4 else None
    if found and (found.code or found.ambiguous) or is_online(title) and len(title.split()) <= 3:
        event.warn("l'intitulé n'est qu'un lieu : l'événement est peut-être mal lu", 0.4)
    elif _CALL.search(title):
        event.warn("ressemble à un appel à candidatures ou à inscription plutôt qu'à un événement", 0.3)
    elif not has_event_noun(title) and len(title.split()) > 12:
        event.warn("intitulé long qui ne nomme pas d'événement : à raccourcir", 0.1)


def set_period(event: Event, period: dates.Period) -> None:
    """The event's days, with what looked wrong about them flagged."""
    event.start_date = period.start.isoformat()
    event.end_date = period.end.isoformat() if period.end else None
    for warning in period.warnings:
        event.warn(warning, 0.2)
