"""Tables flattened cell by cell — what a PDF's table gives when its text is copied: the column names one per
line (« Date », « Horaire », « Lieu », « Intitulé », « Organisateur »), then each row's cells one after the other,
a long cell wrapped over several lines. Rewritten as a header and rows joined by « | », which `tables` reads.
Pure text in, text out."""

import re

from . import dates
from .textnorm import join_wrapped
from .vocabulary import column_field

_MIN_COLUMNS = 4
_MAX_COLUMNS = 8
# a line that goes on in the next one: it ends on a comma, a hyphen, a slash, a short word that needs its noun
# (« Maison des »), an abbreviation (« av. »), or it leaves a quote open
_GOES_ON = re.compile(r"(?:[,/\-–(]|\b(?:de|des|du|le|la|les|et|à|au|aux|en|d['’]|l['’]|sur|pour|[a-z]{1,3}\.))\s*$",
                      re.IGNORECASE)


def unflatten(text: str) -> str:
    """The text with every table flattened cell by cell rewritten one row per line; other text unchanged."""
    lines = text.split("\n")
    out, i = [], 0
    while i < len(lines):
        fields = _header_at(lines, i)
        if not fields:
            out.append(lines[i])
            i += 1
            continue
        end = next((j for j in range(i + len(fields), len(lines)) if not lines[j].strip()), len(lines))
        out.append(" | ".join(lines[i:i + len(fields)]))
        out.extend(" | ".join(row) for row in _rows(lines[i + len(fields):end], fields))
        i = end
    return "\n".join(out)


def _header_at(lines: list, start: int) -> list | None:
    """The fields of the column names written one per line from `start`, when they name a date and a title."""
    fields = []
    for line in lines[start:start + _MAX_COLUMNS]:
        field = column_field(line.strip()) if line.strip() else None
        if field is None or field in fields:
            break
        fields.append(field)
    return fields if len(fields) >= _MIN_COLUMNS and fields[0] == "date" and "title" in fields else None


def _rows(lines: list, fields: list) -> list:
    """The rows of the cells under the header: a row opens on a date; a row whose date cell was merged with
    the row above's opens on a time where the row above has all its cells, and keeps that date."""
    rows, date = [], ""
    for cells in _days(lines):
        date = cells[0] if cells[0] else date
        rest = cells[1:]
        width = len(fields) - 1
        while rest:
            row, rest = rest[:width], rest[width:]
            if rest and "time" in fields and not dates.starts_with_time(rest[0]):
                row[-1] = " ".join([row[-1], *rest])     # more cells than columns: the last one goes on
                rest = []
            rows.append([date, *row])
    return rows


def _days(lines: list) -> list:
    """The cells of each group of lines that opens on a date, the date cell first (« Du 05/11 » over « au 30/11 »
    is one cell)."""
    groups = []
    for line in (line.strip() for line in lines):
        opens = dates.match_date(line) and len(line.split()) <= 4 and not (groups and _GOES_ON.search(groups[-1][-1]))
        if opens or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
    out = []
    for group in groups:
        end = 1
        while end < len(group) and re.match(r"^(?:au|jusqu['’]au)\s+\d", group[end], re.IGNORECASE):
            end += 1
        date = " ".join(group[:end]) if dates.match_date(group[0]) else ""
        out.append([date, *_cells(group[end:] if date else group)])
    return out


def _cells(lines: list) -> list:
    """Lines grouped into cells: a cell goes on while a line goes on (`_GOES_ON`), the next one opens in lower
    case or a quote is left open; otherwise a line that opens in capitals, a figure or a quote opens a cell."""
    cells = []
    for line in lines:
        if not cells or not (_GOES_ON.search(cells[-1]) or line[:1].islower() or _open_quote(cells[-1])):
            cells.append(line)
        else:
            cells[-1] = join_wrapped(cells[-1], line)
    return cells


def _open_quote(text: str) -> bool:
    return text.count("«") > text.count("»")
