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
from .places import Places, commune_cell, is_address, leading_commune, parse_place, place_like
from .vocabulary import price_of

# table-like separators: pipes, tabs (cleaned text turns a tab into four spaces), wide gaps, spaced dots
_STRONG = re.compile(r"\s*\|\s*|\t|(?<=\S)\s{3,}(?=\S)|\s+[·•]\s+")
_DASH = re.compile(r"\s+[—–]\s+|\s+-\s+")
_LEFTOVER = re.compile(r"\b(?:de|dès|à|a|et|entre|partir|jusqu['’]à|h|puis)\b|[\s,;:.\-–—/&+]", re.IGNORECASE)
_ONLINE_CELL = re.compile(r"(?:100\s*%\s*)?(?:en\s+ligne|en\s+visio(?:conf[ée]rence)?|visio(?:conf[ée]rence)?|"
                          r"à\s+distance|en\s+distanciel|distanciel|sur\s+(?:zoom|teams)|online)\.?", re.IGNORECASE)
_PIN = re.compile(r"^\s*(?:📍|📌|🏠|🗺️?|⌖)\s*")


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
    return ("," in cell and bool(leading_commune(cell, places))) or place_like(cell, places)


def _name_like(cell: str) -> bool:
    """A cell that reads as an organisation's name (« Les Ecossolies », « France Active Pays de la Loire »)."""
    words = cell.split()
    return 1 <= len(words) <= 8 and cell[:1].isupper() and not re.search(r"[.!?:;«»\"]", cell)


def read_row(text: str, places: Places) -> Row | None:
    """The row a line is, or None when it is not one (no separator, no cell recognised, no title)."""
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
        elif texts and row.place is None and _is_place_cell(cell, places):
            row.place = parse_place(_PIN.sub("", cell), places)
            recognised += 1
        else:
            texts.append(cell)
    if not texts or not (recognised or strong and len(texts) >= 2):
        return None
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


def is_pinned(text: str) -> bool:
    """A line marked as a place by a pin (« 📍 Solilab »)."""
    return bool(_PIN.match(text))


def pin_place(text: str, places: Places, fuzzy=True):
    """A line marked as the place (« 📍 Solilab, 8 rue de Saint-Domingue »), taken apart; else None.
    Without `fuzzy`, a commune must be written as such (the entry already has one)."""
    if not _PIN.match(text) or not _PIN.sub("", text).strip():
        return None
    return parse_place(_PIN.sub("", text), places, fuzzy=fuzzy)
