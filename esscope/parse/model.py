"""What the extraction gives back: events, candidate sector figures, and the document they came from."""

from dataclasses import asdict, dataclass, field, fields

# Kinds of event fields → their type in the store (esscope/schema.sql). Dates are ISO text here,
# times « HH:MM » text; « prose » is text kept exactly as written (a title, a description).
SQL_TYPES = {"date": "DATE", "time": "VARCHAR", "text": "VARCHAR", "prose": "VARCHAR", "bool": "BOOLEAN",
             "list": "VARCHAR[]", "real": "DOUBLE", "int": "INTEGER"}


def meta(label: str, kind: str = "text", *, fact: bool = True, editable: bool = False) -> dict:
    """What the rest of esscope derives from a field of an event: its French heading (exports, the Import
    page), its kind (→ its type in the store, how it is read back from text), whether a bundled programme
    keeps it (facts: not descriptions, contacts or links), whether staff correct it in the Import page."""
    return {"label": label, "kind": kind, "fact": fact, "editable": editable}


@dataclass(kw_only=True)
class Event:
    """One event as read from a document; dates are ISO strings, times 'HH:MM', unknowns None.

    Its fields, in this order, are esscope's one list of event fields (`event_fields`): the store's
    columns, the bundles, the exports and the Import page's table are derived from them, and
    `esscope parse --json` prints them (a contract other tools rely on), then `id`."""
    start_date: str | None = field(default=None, metadata=meta("Début", "date", editable=True))
    end_date: str | None = field(default=None, metadata=meta("Fin", "date", editable=True))
    start_time: str | None = field(default=None, metadata=meta("Heure de début", "time", editable=True))
    end_time: str | None = field(default=None, metadata=meta("Heure de fin", "time", editable=True))
    title: str = field(metadata=meta("Titre", "prose", editable=True))
    description: str | None = field(default=None, metadata=meta("Description", "prose", fact=False))
    theme: str | None = field(default=None, metadata=meta("Thème", editable=True))
    kind: str | None = field(default=None, metadata=meta("Type", editable=True))
    venue: str | None = field(default=None, metadata=meta("Lieu", editable=True))
    address: str | None = field(default=None, metadata=meta("Adresse", editable=True))
    commune_code: str | None = field(default=None, metadata=meta("Code commune", editable=True))
    commune_name: str | None = field(default=None, metadata=meta("Commune", editable=True))
    online: bool = field(default=False, metadata=meta("En ligne", "bool", editable=True))
    organizer: str | None = field(default=None, metadata=meta("Organisateur", editable=True))
    co_organizers: list = field(default_factory=list, metadata=meta("Co-organisateurs", "list"))
    contact: str | None = field(default=None, metadata=meta("Contact", fact=False))
    price: str | None = field(default=None, metadata=meta("Tarif", editable=True))
    url: str | None = field(default=None, metadata=meta("Lien", fact=False, editable=True))
    confidence: float = field(default=1.0, metadata=meta("Confiance de lecture", "real"))
    warnings: list = field(default_factory=list, metadata=meta("Avertissements", "list"))
    position: int = field(default=0, metadata=meta("Rang dans le document", "int"))
    id: str | None = None        # stable, given when the event is saved (`importing.assign_ids`)
    line: int | None = None      # where it starts in the document's text, for messages

    def as_dict(self) -> dict:
        """The event as a plain dict: its fields (`EVENT_FIELDS`), then its id."""
        data = asdict(self)
        out = {k: data[k] for k in EVENT_FIELDS}
        out["id"] = self.id
        return out

    def warn(self, message: str, penalty: float = 0.0) -> None:
        """Flag something for review, lowering the confidence by `penalty`."""
        if message not in self.warnings:
            self.warnings.append(message)
        self.confidence = round(max(0.05, self.confidence - penalty), 2)


def event_fields() -> tuple:
    """The fields of an event (`dataclasses.Field`, each with its `metadata`: label, kind, fact,
    editable), in order; not `id` nor `line`, which are not read from the document."""
    return tuple(f for f in fields(Event) if f.metadata)


EVENT_FIELDS = tuple(f.name for f in event_fields())


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
