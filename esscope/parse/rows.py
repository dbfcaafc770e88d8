"""Agenda rows: one line cut into cells, each recognised by what it holds.

Agendas and brochure exports write an event on one line whose parts are separated by « | », tabs
(or wide gaps), or a dash or dot between spaces: « 14h30-16h | Nantes | Atelier … | Les Ecossolies »,
« Rennes — Café-débat … », « Forum de l'emploi – Brest », « 18h · En ligne · Webinaire ». A cell is
a time, a commune (through the name index), « en ligne », a price or a place; of the cells left, the
first is the title and a later one, when it reads as a name, the organiser.
"""

import re
from dataclasses import dataclass, field

from . import dates
from .places import (
    Place,
    Places,
    Resolved,
    commune_cell,
    is_address,
    is_online,
    leading_commune,
    names_a_place,
    parse_place,
    place_like,
)
from .prose import has_event_noun, name_of_structure
from .vocabulary import kind_in, label_of, price_of

# table-like separators: pipes, tabs (cleaned text turns a tab into four spaces), wide gaps, spaced dots
_STRONG = re.compile(r"\s*\|\s*|\t|(?<=\S)\s{3,}(?=\S)|\s+[·•]\s+")
_DASH = re.compile(r"\s+[—–]\s+|\s+-\s+")
_LEFTOVER = re.compile(r"\b(?:de|dès|à|a|et|entre|partir|jusqu['’]à|h|puis)\b|[\s,;:.\-–—/&+]", re.IGNORECASE)
_ONLINE_CELL = re.compile(r"(?:100\s*%\s*)?(?:en\s+ligne|en\s+visio(?:conf[ée]rence)?|visio(?:conf[ée]rence)?|"
                          r"à\s+distance|en\s+distanciel|distanciel|sur\s+(?:zoom|teams)|online)\.?", re.IGNORECASE)
_PIN = re.compile(r"^\s*(?:📍|📌|🏠|🗺️?|⌖)\s*")
# « Tout public », « Jeune public », « Familles », « Dès 6 ans », « Sur inscription »: whom an event is for and
# how to come, a cell that names no event
_AUDIENCE_CELL = re.compile(r"(?:tout|tous|jeunes?|grand)\s+publics?|familles?|adultes|enfants|ados|seniors|"
                            r"professionnels|(?:à\s+partir\s+de|dès)\s+\d{1,2}\s+ans|\d{1,2}\s*-\s*\d{1,2}\s+ans|"
                            r"sur\s+(?:inscription|r[ée]servation)|sans\s+(?:inscription|r[ée]servation|rendez-vous)|"
                            r"inscription\s+(?:obligatoire|conseill[ée]e|recommand[ée]e)", re.IGNORECASE)


@dataclass
class Row:
    """What the cells of a row say."""
    title: str
    start_time: str | None = None
    end_time: str | None = None
    commune: object = None
    place: object = None
    online: bool = False
    price: str | None = None
    organizer: str | None = None
    rest: list = field(default_factory=list)     # text cells that are neither title nor organiser
    by_header: bool = False                      # cells read as the table's header says, not guessed
    date: str | None = None
    kind: str | None = None
    theme: str | None = None
    contact: str | None = None
    url: str | None = None
    co_organizers: list = field(default_factory=list)
    description: str | None = None

    @property
    def meta(self) -> bool:
        """True when every cell was recognised as when, where or how much: the row names no event."""
        return not self.title


def cells_of(text: str) -> tuple:
    """(cells, strong): the line cut on pipes, tabs and wide gaps (strong), else on spaced dashes."""
    text = text.strip()
    cells = [c.strip() for c in _STRONG.split(text)]
    if len([c for c in cells if c]) >= 2:
        return [c for c in cells if c], True
    cells = [c.strip() for c in _DASH.split(text)]
    return [c for c in cells if c], False


_PART_OF_DAY = re.compile(r"(?:toute\s+la\s+journ[ée]e|(?:en\s+)?journ[ée]e|(?:le\s+)?matin|(?:l['’])?apr[èe]s-midi|"
                          r"(?:en\s+)?soir[ée]e|(?:le\s+)?soir|midi|horaires?\s+[àa]\s+(?:pr[ée]ciser|venir))", re.IGNORECASE)


def is_time_cell(cell: str) -> bool:
    """A cell that only says when: « 14h30-16h », « 18h », « à partir de 19 h », « toute la journée »."""
    if _PART_OF_DAY.fullmatch(cell.strip(" .")):
        return True
    if not dates.find_times(cell)[0] or dates.match_date(cell):
        return False
    return not _LEFTOVER.sub("", dates.strip_times(cell))


def _is_price_cell(cell: str) -> bool:
    found = price_of(cell)
    return bool(found) and len(cell.split()) <= len(found.split()) + 1


def _is_place_cell(cell: str, places: Places) -> bool:
    if _PIN.match(cell) or is_address(cell):
        return True
    # « BU Portes du Jura, Montbéliard (25200) », « antenne universitaire de Vesoul »: a place closed by its commune
    closing = _CLOSING_COMMUNE.search(cell)
    if closing and len(cell.split()) <= 12 and commune_cell(closing.group("name"), places):
        return True
    return ("," in cell and bool(leading_commune(cell, places))) or place_like(cell, places)


_CLOSING_COMMUNE = re.compile(r"(?:,|\bde|\bà|\bd['’])\s*(?P<name>[A-ZÀ-Ý][\w'’-]*(?:[\s-][\w'’-]+){0,3}"
                              r"(?:\s*\(\d{2,5}\))?)\s*[.;]?$")


def _name_like(cell: str) -> bool:
    """A cell that reads as an organisation's name (« Les Ecossolies », « France Active Pays de la Loire »)."""
    words = cell.split()
    return 1 <= len(words) <= 8 and cell[:1].isupper() and not re.search(r"[.!?:;«»\"]", cell)


def read_row(text: str, places: Places) -> Row | None:
    """The row a line is, or None when it is not one (no separator, no cell recognised, no title)."""
    row = read_cells(text, places)
    return row if row is not None and not row.meta else None


def read_cells(text: str, places: Places) -> Row | None:
    """What the cells of a line say, each recognised by what it holds; the row's title is empty when
    all its cells say when, where or how much (« Caen | 18h00 – 20h00 »). None when the line is not
    cut into cells, or when its cells are text that nothing recognises."""
    cells, strong = cells_of(text)
    if len(cells) < 2:
        return None
    row = Row(title="")
    texts, recognised = [], 0
    for k, cell in enumerate(cells):
        if is_time_cell(cell) and not row.start_time:
            row.start_time, row.end_time = dates.find_times(cell)
            recognised += 1
            continue
        if _ONLINE_CELL.fullmatch(cell):
            row.online = True
            recognised += 1
        elif row.commune is None and (strong or recognised or k in (0, len(cells) - 1)) \
                and commune_cell(cell, places):
            row.commune = commune_cell(cell, places)
            recognised += 1
        elif _is_price_cell(cell) and not row.price:
            row.price = price_of(cell)
            recognised += 1
        elif _AUDIENCE_CELL.fullmatch(cell.strip(" .!")):
            recognised += 1
        elif texts and row.organizer is None and (label_of(cell) or ("",))[0] == "organizer" and label_of(cell)[1]:
            row.organizer = _organiser(label_of(cell)[1])      # « … — org. : Asso Deiz ha Noz »
            recognised += 1
        elif texts and row.place is None and _is_place_cell(cell, places):
            row.place = parse_place(_PIN.sub("", cell), places)
            closing = _CLOSING_COMMUNE.search(cell)
            if not row.place.commune and closing:
                row.place.commune = commune_cell(closing.group("name"), places)
            recognised += 1
        else:
            texts.append(cell)
    if not texts:
        return row
    if row.commune is not None and len(texts) == 1 and cells[0] != texts[0] \
            and (not has_event_noun(texts[0]) or names_a_place(texts[0])) and len(texts[0].split()) <= 8 \
            and not row.start_time:
        # « METZ - Maison de la Région », « NANCY - Pépinière Coop'Est »: a commune, then the place in it
        row.place = parse_place(texts[0], places.with_context(places.region, row.commune.candidates[0].department_code
                                                               if row.commune.code else places.department))
        row.place.venue = row.place.venue or texts[0]
        return row
    if not (recognised or strong and len(texts) >= 2):
        return None
    if not recognised and _badge(texts[0]):
        return None     # « RENCONTRE · Mois de l'ESS »: a card's category over its title, not an agenda row
    row.title = texts[0]
    for cell in texts[1:]:
        if row.organizer is None and _name_like(cell) and (strong or recognised):
            row.organizer = cell
        else:
            row.rest.append(cell)
    if row.rest and not strong:
        row.title = " – ".join([row.title] + row.rest)
        row.rest = []
    return row


def _badge(cell: str) -> bool:
    """A kind of event written alone in capitals (« RENCONTRE », « CINÉ-DÉBAT »): a card's category."""
    return len(cell.split()) <= 2 and cell.isupper() and kind_in(cell) is not None


def is_pinned(text: str) -> bool:
    """A line marked as a place by a pin (« 📍 Solilab »)."""
    return bool(_PIN.match(text))


def pin_place(text: str, places: Places, fuzzy=True):
    """A line marked as the place (« 📍 Solilab, 8 rue de Saint-Domingue »), taken apart; else None.
    Without `fuzzy`, a commune must be written as such (the entry already has one)."""
    if not _PIN.match(text) or not _PIN.sub("", text).strip():
        return None
    return parse_place(_PIN.sub("", text), places, fuzzy=fuzzy)


def mapped_row(cells: list, fields: tuple, places: Places) -> Row | None:
    """The row of a table whose header named its columns: each cell read as its column says (a
    « Lieu » cell is the venue, an « Organisateur » cell the organiser), « en ligne » wherever it is.
    None when the row names no event (no title, kind or description)."""
    row = Row(title="", by_header=True)
    values = {}
    for cell, name in zip(cells, fields):
        cell = cell.strip()
        if not cell:
            continue
        if name is None and re.fullmatch(r"(?i:true|false|yes|no|oui|non|vrai|faux|[01x])", cell):
            continue        # a tool's flag (« Private », « All Day Event »): nothing to read
        if _ONLINE_CELL.fullmatch(cell) and name not in ("title", "description"):
            row.online = True
            continue
        values.setdefault(name, []).append(cell)
    first = {name: found[0] for name, found in values.items()}
    row.date = " au ".join(values.get("date", []) + values.get("end", [])) or None
    timed = " ".join(values.get("time", []) + values.get("end_time", [])) or _after_date(row.date)
    row.start_time, row.end_time = dates.find_times(timed) if timed else (None, None)
    row.title = " – ".join(values.get("title", [])) or first.get("kind") or first.get("description") \
        or first.get(None) or ""
    row.kind, row.theme = first.get("kind"), first.get("theme")
    row.organizer = "; ".join(values["organizer"]) if "organizer" in values else None
    row.co_organizers = [c.strip() for v in values.get("co_organizers", []) + values.get("partners", [])
                         for c in re.split(r"\s*[,;]\s*", v) if c.strip()]
    row.contact, row.url = first.get("contact"), first.get("url")
    row.price = price_of(first["price"]) or first["price"] if "price" in first else None
    described = [v for name in ("description", "infos", "public", None) for v in values.get(name, [])
                 if v != row.title]
    row.description = " ".join(described) or None
    row.organizer = row.organizer or _labelled_organiser(row.description)
    row.place = _mapped_place(values, places)
    row.commune = row.place.commune if row.place else None
    # « Format : En ligne (Zoom) »: the column that says how one takes part, when no commune is given
    row.online = row.online or is_online(" ".join(values.get("venue", []))) \
        or not row.commune and is_online(" ".join(values.get("kind", [])))
    return row if row.title else None


def _organiser(value: str) -> str:
    """« le ciné-club Vent d'Ouest. » → « ciné-club Vent d'Ouest », « l'association Éco-Lédoniens » → « Éco-Lédoniens »."""
    return name_of_structure(re.sub(r"^(?:la|le|les|l['’])\s*(?=\w)", "", value.strip(" *_.;:")))


def _labelled_organiser(text: str | None) -> str | None:
    """« Petit-déj et témoignages. Orga : CRESS AURA »: an organiser labelled inside a description cell."""
    for piece in re.split(r"(?<=[.!?])\s+", text or ""):
        found = label_of(piece.strip())
        if found and found[0] == "organizer" and found[1]:
            return found[1].strip(" .")
    return None


def _after_date(date: str | None) -> str:
    """What a date cell says after its date (« mardi 5 novembre, 18h30 » → « , 18h30 »)."""
    found = dates.match_date(date or "")
    return date[found.end:] if found else ""


def _mapped_place(values: dict, places: Places):
    """Venue, address and commune of a table row from its « Lieu », « Adresse », « Code postal » and
    « Ville » cells. A venue cell is not searched for a commune by likeness: its column says it is a place."""
    written = ", ".join(values.get("venue", []) + values.get("address", []))
    place = parse_place(written, places, fuzzy=False) if written else Place()
    parts = [p.strip() for p in written.split(",")]
    if not place.commune and len(parts) >= 2 and is_address(parts[-2]) and re.fullmatch(r"[A-ZÀ-Ý][\w'’-]{3,}", parts[-1]):
        # « 5 av. Galline, Villeurbane »: after an address, its commune, even misspelt
        place.commune = places.commune(parts[-1], fuzzy=True)
        place.commune = place.commune if place.commune and place.commune.code else None
        if place.commune and place.venue and place.venue.endswith(parts[-1]):
            place.venue = place.venue[:-len(parts[-1])].rstrip(" ,") or None
    commune, postcode = values.get("commune", [None])[0], values.get("postcode", [None])[0]
    if commune or postcode:
        place.commune = None
        if commune and postcode and re.fullmatch(r"\d{5}", postcode.strip()):
            place.commune = places.postcode_commune(postcode.strip(), commune)
        elif commune:
            place.commune = commune_cell(commune, places) or places.commune(commune, fuzzy=True)
        else:
            place.commune = commune_cell(postcode, places)
        if place.commune is None and commune:
            place.commune = Resolved(commune)
        if not place.venue and values.get("venue"):
            place.venue = values["venue"][0]
    return place if (place.venue or place.address or place.commune or place.online) else None


def meta_of(text: str, places: Places) -> Row | None:
    """What a line says when all of it is when, where or how much, so that it names no event:
    « Caen | 18h00 – 20h00 », « Rouen, 9h30-12h30, gratuit », « En ligne », « Évreux », « 14h-17h »,
    « Gratuit », « 12 rue des Lilas », « 📍 Solilab ». None when anything in it is left unrecognised."""
    row = read_cells(text, places)
    if row is not None:
        return row if row.meta else None
    parts = [p.strip() for p in re.split(r"\s*,\s*", text.strip(" .;")) if p.strip()]
    if len(parts) < 2:
        return _meta_cell(text.strip(" .;"), places)
    merged = Row(title="")
    for part in parts:
        found = _meta_cell(part, places)
        if found is None or found.place is not None:
            return None
        merged.start_time = merged.start_time or found.start_time
        merged.end_time = merged.end_time or found.end_time
        merged.commune = merged.commune or found.commune
        merged.online = merged.online or found.online
        merged.price = merged.price or found.price
    return merged


def _meta_cell(cell: str, places: Places) -> Row | None:
    """One cell that says only when, where or how much."""
    row = Row(title="")
    if not cell:
        return None
    if is_time_cell(cell):
        row.start_time, row.end_time = dates.find_times(cell)
    elif _ONLINE_CELL.fullmatch(cell):
        row.online = True
    elif _is_price_cell(cell):
        row.price = price_of(cell)
    elif _PIN.match(cell) or is_address(cell):
        row.place = parse_place(_PIN.sub("", cell), places)
    else:
        row.commune = commune_cell(cell, places)
        if row.commune is None:
            return None
    return row
