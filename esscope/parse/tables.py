"""Tables written in a document, with a header row that says what each column holds.

A row whose cells are all column names (« Date | Horaires | Événement | Lieu | Ville | Organisateur »,
« Jour;Heure;Titre;Commune », « Date⇥Heure⇥Ville⇥Événement ») gives the meaning of each cell of the
rows under it, in web pages and text exports alike: the separator the header uses (pipes, tabs or
wide gaps, « ; », « , ») cuts the rows, an empty cell keeps its place, and a cell is read as its
column says rather than guessed from what it holds. Everything here is pure.
"""

import csv
import itertools
import re
from dataclasses import dataclass

from .vocabulary import column_field, english_column, field_of_label

_PIPE = re.compile(r"\s*\|\s*")
_GAP = re.compile(r"\s{3,}")
_DOTS = re.compile(r"\s+[·•]\s+")
_DASHES = re.compile(r"\s+[–—]\s+")
# what a header must name for its table to be read as events
_KEY_FIELDS = {"title", "date", "time", "venue", "commune", "kind"}
TAB_WIDTH = 4       # cleaned text writes a tab as four spaces


@dataclass(frozen=True)
class Header:
    """A table's header row: the field of each column (None where the name is not understood), the
    separator its cells are cut on, and where each column starts on the header's line."""
    fields: tuple
    separator: str              # 'pipe', 'gap', 'dots', 'dashes', ';' or ','
    starts: tuple = ()
    english: bool = False       # named in English (« Start Date »): its dates may be written month first


def split_cells(text: str, separator: str) -> list:
    """The cells of a line cut on a separator, empty cells kept (a leading and a trailing pipe
    open and close the row, they make no cell)."""
    text = text.strip()
    if separator == "pipe":
        return _pipe_variants(text)[0]
    if separator == "gap":
        return [c.strip() for c in _GAP.split(text)]
    if separator == "dots":
        return [c.strip() for c in _DOTS.split(text)]
    if separator == "dashes":
        return [c.strip() for c in _DASHES.split(text)]
    try:
        return [c.strip() for c in next(csv.reader([text], delimiter=separator, skipinitialspace=True))]
    except (csv.Error, StopIteration):
        return [c.strip() for c in text.split(separator)]


def _pipe_variants(text: str) -> list:
    """The ways to read a line cut on pipes: without the pipes that open and close it, then as it
    is (a row of a web table whose first cell is empty starts with a pipe), and with one of them kept."""
    cells = [c.strip() for c in _PIPE.split(text.strip())]
    lead, trail = bool(cells) and not cells[0], len(cells) > 1 and not cells[-1]
    both = cells[int(lead):len(cells) - int(trail)]
    return [both, cells, cells[:len(cells) - int(trail)], cells[int(lead):]]


def separator_of(text: str) -> str | None:
    """The separator a line's cells are most likely cut on."""
    if "|" in text:
        return "pipe"
    if _GAP.search(text.strip()):
        return "gap"
    if _DOTS.search(text):
        return "dots"
    if len(_DASHES.findall(text)) >= 2:
        return "dashes"     # « Date – Lieu – Intitulé – Organisateur »
    if text.count(";") >= 2:
        return ";"
    if text.count(",") >= 2:
        return ","
    return None


def header_of(text: str) -> Header | None:
    """The header a line is, when its cells (two at least, three with « ; » or « , ») are column names
    naming at least what, when or where; one cell left unnamed is allowed in a row of four or more."""
    separator = separator_of(text)
    if separator is None:
        return None
    cells = split_cells(text, separator)
    return _named_columns(cells, separator, _starts(text.strip(), cells) if separator == "gap" else ())


def ruled_header(text: str, rule: str) -> Header | None:
    """The header a line is when the rule under it (« ── ────────── ──────── ») says where its columns start,
    its names one space apart (« N° Date(s) »)."""
    starts = tuple(m.start() for m in _RULE_RUN.finditer(rule))
    if len(starts) < 3 or text[:starts[0]].strip():
        return None
    lead = len(text) - len(text.lstrip())
    cells = [text[a:b].strip() for a, b in itertools.pairwise(list(starts) + [max(len(text), starts[-1] + 1)])]
    return _named_columns(cells, "gap", tuple(at - lead for at in starts))


_RULE_RUN = re.compile(r"[-─━═=]+")
_WHAT = re.compile(r"rendez-vous|rendez\s+vous|rdv", re.IGNORECASE)


def _named_columns(cells: list, separator: str, starts: tuple) -> Header | None:
    named = [c for c in cells if c]
    if len(named) < (3 if separator in (";", ",") else 2):
        return None
    fields = tuple(column_field(c) for c in cells)
    if "title" not in fields:
        # « Date | Commune | Rendez-vous | Structure »: the column of what takes place, where none is named so
        fields = tuple("title" if _WHAT.fullmatch(c.strip()) else f for c, f in zip(cells, fields))
    unknown = sum(1 for c, f in zip(cells, fields) if c and f is None)
    known = {f for f in fields if f}
    # a tool's export carries columns of its own (« All Day Event », « Private »): a few left unnamed
    if unknown > (max(1, len(named) // 4) if len(named) >= 4 else 0) or len(known) < 2 or not known & _KEY_FIELDS:
        return None
    return Header(fields, separator, starts, english_header(cells))


_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")


def day_first_dates(rows: list, header: Header) -> list:
    """The rows of a table with their dates written « 11/4/2021 » month first rewritten day first (see
    `month_first`); otherwise its rows as they are."""
    columns = [k for k, name in enumerate(header.fields) if name in ("date", "end")]
    if not month_first([cells[k] for cells in rows for k in columns if k < len(cells)], header.english):
        return rows
    return [[day_first(cell) if k in columns else cell for k, cell in enumerate(cells)] for cells in rows]


def month_first(values: list, english: bool) -> bool:
    """True when a table's dates are written month first (« 11/4/2021 » for 4 November), as calendar tools
    set in English export them: one of them can only be read so (« 11/16/2021 »), or the columns are named
    in English and none can only be read day first."""
    slashed = [m for value in values if value and (m := _SLASHED.match(str(value).strip()))]
    if not slashed or any(int(m.group(1)) > 12 for m in slashed):
        return False
    return any(int(m.group(2)) > 12 for m in slashed) or english


def english_header(cells: list) -> bool:
    """A header with two column names or more that only English names (« Start Date », « Location »)."""
    return sum(1 for c in cells if c and english_column(str(c)) and not field_of_label(str(c))) >= 2


def day_first(cell: str) -> str:
    """« 11/4/2021 18:00 » → « 4/11/2021 18:00 »."""
    m = _SLASHED.match(cell.strip())
    return f"{m.group(2)}/{m.group(1)}/{m.group(3)}{cell.strip()[m.end():]}" if m else cell


def _starts(text: str, cells: list) -> tuple:
    """Where each cell starts on its line (for tables aligned with spaces)."""
    out, at = [], 0
    for cell in cells:
        at = text.find(cell, at) if cell else at
        out.append(at)
        at += len(cell)
    return tuple(out)


def row_cells(text: str, header: Header) -> list | None:
    """The cells of a row under `header`, one per column (empty where the row says nothing), or None
    when the line is not cut like the header's rows."""
    n = len(header.fields)
    cells = split_cells(text, header.separator)
    if header.separator == "pipe":
        cells = next((v for v in _pipe_variants(text) if len(v) == n), cells)
    carried = header.separator == "gap" and text[:1] == " " and header.starts and any(cells)
    if len([c for c in cells if c]) < 2 and n > 1 and not carried:
        return None     # (an indented line of a table aligned with spaces carries on its cells, one may be enough)
    if len(cells) == n:
        return cells
    if len(cells) > n:
        return cells[:n] if not any(cells[n:]) else None
    if header.separator == "gap":
        return _gap_cells(text, header) or None
    return cells + [""] * (n - len(cells))


def _gap_cells(text: str, header: Header) -> list | None:
    """A row cut on wide gaps that has fewer cells than its header: tabs written as spaces say how
    many empty cells a gap holds; otherwise each cell goes to the column that starts nearest to it."""
    n = len(header.fields)
    lead = len(text) - len(text.lstrip())       # where the first cell starts: an indented row's first cells are empty
    text = text.strip()
    parts = re.split(r"(\s{3,})", text)
    cells, gaps = parts[0::2], parts[1::2]
    if gaps and lead % TAB_WIDTH == 0 and all(len(g) % TAB_WIDTH == 0 for g in gaps):
        out = [""] * (lead // TAB_WIDTH) + [cells[0]]
        for gap, cell in zip(gaps, cells[1:]):
            out += [""] * (len(gap) // TAB_WIDTH - 1) + [cell]
        if len(out) <= n:
            return out + [""] * (n - len(out))
    if not header.starts:
        return None
    cut = _cut_at_starts(" " * lead + text, header.starts)
    if cut is not None:
        return cut
    out, at = [""] * n, 0
    for cell in cells:
        start = text.find(cell, at)
        at = start + len(cell)
        column = min(range(n), key=lambda k: abs(header.starts[k] - lead - start))
        if out[column]:
            return None
        out[column] = cell
    return out


def _cut_at_starts(text: str, starts: tuple) -> list | None:
    """The cells of a row cut where the header's columns start (« Du mer. 5/11  9h-12h » holds two cells two
    spaces apart), when no cell runs over a column's start; else None."""
    bounds = list(starts) + [max(len(text), starts[-1]) + 1]
    if any(0 < b < len(text) and text[b - 1] != " " and text[b] != " " for b in starts[1:]):
        return None
    return [text[a:b].strip() for a, b in itertools.pairwise(bounds)]
