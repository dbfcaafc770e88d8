"""What the extraction gives back: events, candidate sector figures, and the document they came from."""

from dataclasses import asdict, dataclass, field

# The fields of an event as `esscope parse --json` prints them (a contract other tools rely on).
EVENT_FIELDS = ("start_date", "end_date", "start_time", "end_time", "title", "theme", "kind", "venue",
                "address", "commune_code", "commune_name", "online", "organizer", "co_organizers", "contact",
                "price", "confidence", "warnings", "description", "url", "position")


@dataclass
class Event:
    """One event as read from a document; dates are ISO strings, times 'HH:MM', unknowns None."""
    title: str
    start_date: str | None = None
    end_date: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    theme: str | None = None
    kind: str | None = None
    venue: str | None = None
    address: str | None = None
    commune_code: str | None = None
    commune_name: str | None = None
    online: bool = False
    organizer: str | None = None
    co_organizers: list = field(default_factory=list)
    contact: str | None = None
    price: str | None = None
    description: str | None = None
    url: str | None = None
    confidence: float = 1.0
    warnings: list = field(default_factory=list)
    position: int = 0
    id: str | None = None
    line: int | None = None      # where it starts in the document's text, for messages

    def as_dict(self) -> dict:
        """The event as a plain dict with the contract's fields first, then its id."""
        data = asdict(self)
        out = {k: data[k] for k in EVENT_FIELDS}
        out["id"] = self.id
        return out

    def warn(self, message: str, penalty: float = 0.0) -> None:
        """Flag something for review, lowering the confidence by `penalty`."""
        if message not in self.warnings:
            self.warnings.append(message)
        self.confidence = round(max(0.05, self.confidence - penalty), 2)


@dataclass
class Figure:
    """A number met in the text that may be a sector figure, for a person to confirm."""
    indicator: str
    value: float
    unit: str
    text: str
    qualifier: str = ""
    territory_level: str | None = None
    territory_code: str | None = None
    territory_name: str | None = None
    year: int | None = None
    note: str = ""          # what a person should know, e.g. a year taken from the edition, not written

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Document:
    """Everything read from one document, before it touches the store."""
    events: list
    figures: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    edition: int | None = None
    region: str | None = None
    format: str = "text"

    def events_as_dicts(self) -> list:
        """The events as `esscope parse --json` prints them."""
        return [event.as_dict() for event in self.events]
