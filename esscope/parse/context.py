"""What one reading of a document knows: how to resolve places, the year, the themes and casing the
document teaches, and the rows already read."""

from dataclasses import dataclass, field

from .casing import Casing
from .places import Places


@dataclass
class Context:
    places: Places
    year: int
    themes: set = field(default_factory=set)
    casing: Casing = field(default_factory=Casing)
    rows: dict = field(default_factory=dict)
    rubrics: set = field(default_factory=set)   # a site's rubric over its cards (« économie sociale et solidaire »)
