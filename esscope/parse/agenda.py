"""Layout reader — agenda rows and table rows: an event per row, each cell read as its column (or its
content) says."""

from . import dates
from .anchors import Anchor
from .context import Context
from .fields import apply_details, apply_fields, apply_place, finish, first_url, labelled_fields, set_period
from .head import Head, row_of
from .model import Event
from .places import Place
from .vocabulary import kind_in, label_of


def table_entries(anchor: Anchor, block: list, period: dates.Period, context: Context) -> list:
    """The event of a dated table row, and of the rows under it whose date cell is empty (the same
    day, as in a table whose date cells span several rows)."""
    events = []
    for line in [anchor.line] + [line for line in block if line.header is not None and not _dated(line)]:
        row = row_of(line.text, context)
        if row is None:
            continue
        extra = [b for b in block if b.header is None and not b.blank] if line is anchor.line else []
        event = row_event(row, extra, Head(), context)
        event.line = line.n
        set_period(event, period)
        events.append(event)
    return events


def _dated(line) -> bool:
    """A row with a date of its own (its event is read from its own date; dropped, it is not this day's)."""
    return any(cell.strip() for cell, name in zip(line.cells, line.header.fields) if name in ("date", "end"))


def row_event(row, extra: list, head: Head, context: Context) -> Event:
    """The event of a table row read through its header: each cell is what its column says, the
    title is its cell as written; the lines under the row (« 📍 … », « Tarif : … ») fill what it leaves."""
    event = Event(title=row.title.strip(" .;,"), kind=row.kind or kind_in(row.title), theme=row.theme,
                  organizer=row.organizer, co_organizers=list(row.co_organizers), contact=row.contact,
                  price=row.price, url=first_url(row.url or ""), description=row.description)
    event.start_time, event.end_time = (row.start_time, row.end_time) if row.start_time else (
        head.start_time, head.end_time)
    place = row.place or head.place
    if place is not None:
        apply_place(event, place, context)
    event.online = event.online or row.online or head.online
    lines = [line for line in extra if not line.bullet]
    leftover = apply_fields(event, labelled_fields(lines), context)
    apply_details(event, [line.text for line in lines if not label_of(line.text)] + leftover, context)
    finish(event, context)
    return event


def row_head(row, head: Head) -> Head:
    """What an agenda row says of when and where, over what its date line said."""
    place = row.place or Place()
    place.commune = row.commune or place.commune or (head.place.commune if head.place else None)
    if head.place and not place.venue:
        place.venue, place.address = head.place.venue, head.place.address
    return Head(row.start_time or head.start_time, row.end_time if row.start_time else head.end_time, place,
                row.online or head.online)
