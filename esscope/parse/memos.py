"""Calendar items printed as memos (« Objet : … », « Début : jeu. 03/11/2022 18:00 », « Fin : jeu. 03/11/2022
21:00 »): an item's start and end fields written as one date line, the end's line taken off, so that the
item is read as one dated entry (not one at its start and another at its end)."""

import re

from . import dates

_START = re.compile(r"^(?P<label>[ \t]*(?:d[ée]but|date\s+(?:de\s+)?d[ée]but|commence)\s*:[ \t]*)(?P<when>\S.*)$",
                    re.IGNORECASE)
_END = re.compile(r"^[ \t]*(?:fin|date\s+(?:de\s+)?fin|se\s+termine)\s*:[ \t]*(?P<when>\S.*)$", re.IGNORECASE)
_TIME = re.compile(r"\d{1,2}\s*[:h]\s*\d{2}|\d{1,2}\s*h\b")


def unmemoed(text: str) -> str:
    """`text` with each « Début : » line followed by its « Fin : » line written as one span."""
    if not re.search(r"^[ \t]*fin\s*:", text, re.IGNORECASE | re.MULTILINE):
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        start = _START.match(line)
        if not start:
            continue
        j = next((j for j in range(i + 1, min(i + 3, len(lines))) if lines[j].strip()), None)
        end = _END.match(lines[j]) if j is not None else None
        joined = end and _span(start.group("when"), end.group("when"))
        if joined:
            lines[i], lines[j] = start.group("label") + joined, ""
    return "\n".join(lines)


def _span(start: str, end: str) -> str | None:
    """« jeu. 03/11/2022 18:00 » and « jeu. 03/11/2022 21:00 » → « jeu. 03/11/2022 18:00 – 21:00 »; two days →
    « du … au … » (their hours kept after the span)."""
    first, last = dates.match_date(start.strip()), dates.match_date(end.strip())
    if not (first and last and first.kind == last.kind == "single"):
        return None
    begins = _TIME.search(start[len(first.text):])
    ends = _TIME.search(end[len(last.text):])
    if first.points == last.points:
        hours = " – ".join(m.group(0) for m in (begins, ends) if m)
        return f"{first.text} {hours}".strip()
    hours = f", {begins.group(0)}" if begins else ""
    return f"du {first.text} au {last.text}{hours}"
