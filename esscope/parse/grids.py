"""Tables drawn as grids in plain text — borders of « +---+ » or box-drawing characters, each row's cells
wrapped over several lines — rewritten as lines the rest of the reader knows: one line per row with its
cells joined by « | », or, for a month calendar (a column per weekday, a day number heading each cell),
one line per event, « mercredi 3 novembre 2021 : 18h Ciné-débat … ». A day's timetable set with spaces (a
rule under « HORAIRE   SALLE MISTRAL   AGORA », a row per time slot) gives one line per slot and room,
« 9 h 30 – 11 h : Atelier … – Salle Mistral ». Pure text in, text out."""

import calendar
import re
from itertools import pairwise

from .dates import MONTH_NAMES, WEEKDAY_NAMES, WEEKDAYS, fold, starts_with_time
from .textnorm import join_wrapped

_BORDER = re.compile(r"^\s*[+|├┌└╞╟╠┏┗┣][-=+─━═┼┬┴├┤┌┐└┘╪╫╬┳┻┏┓┗┛┣┫ ]*[+|┤┐┘╡╢╣┓┛┫]\s*$")
_SIDES = "|│┃║"
_DAY_CELL = re.compile(r"^(?P<day>3[01]|[12][0-9]|0?[1-9])(?![0-9/.:hH])\s*(?P<label>.*)$")
# an item opens a cell's line on a time (« 18h », « 9h-12h ») or a mark (« ▶ », « • »); not on a dash,
# which in a narrow cell goes on with the item above (« – Brive, place du Civoire »)
_ITEM_MARK = re.compile(r"^[▶►▸•◦▪■●○*]\s*")
_NUMBERS = re.compile(r"\d+")
_CONTINUED = {"fin", "suite", "expo", "exposition"}
_MAX_COLUMNS = 12
_RECALLED = 60      # items a repeated mention is compared with: about a month's (keeps a huge grid linear)


def ungrid(text: str) -> str:
    """The text with every grid table rewritten (see the module's docstring); other text unchanged."""
    lines = text.split("\n")
    out, i = [], 0
    while i < len(lines):
        end = _grid_end(lines, i)
        if end is not None:
            out.extend(_rewrite(lines[i:end], text) + [""])
            i = end
            continue
        slots = _timetable(lines, i)
        if slots is not None:
            out.extend(slots[0] + [""])
            i = slots[1]
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


# « ───────────  ─────────────  ───── » under a header: a column per run of rule
_RULE_RUN = re.compile(r"[─━═-]{3,}")
_TIME_HEADER = re.compile(r"^\s*(?:horaires?|heures?|cr[ée]neaux?)\s*$", re.IGNORECASE)


def _timetable(lines: list, start: int):
    """(lines, end) when `lines[start]` is a timetable's header over its rule: the first column says when
    (« HORAIRE »), the others where (rooms); each row, from a line opening on a time to the next blank line,
    gives one line per room with something in it. None for any other line."""
    if start + 1 >= len(lines) or not _RULE_RUN.search(lines[start + 1]) or lines[start + 1].strip(" ─━═-"):
        return None
    runs = [(m.start(), m.end()) for m in _RULE_RUN.finditer(lines[start + 1])]
    bounds = [a for a, _ in runs] + [None]
    rooms = [lines[start][a:b].strip() for a, b in pairwise(bounds)]
    if len(runs) >= 5 and all(_DAY_COLUMN.match(room) for room in rooms):
        return _week_columns(lines, start + 2, bounds, rooms, "\n".join(lines))
    if len(runs) < 3 or not _TIME_HEADER.match(lines[start][:_first_gap(lines[start])]):
        return None
    out, end = [], start + 2
    while end < len(lines):
        row = []
        while end < len(lines) and not lines[end].strip():
            end += 1
        while end < len(lines) and lines[end].strip():
            row.append(lines[end])
            end += 1
        if not row or not starts_with_time(row[0]):
            end -= len(row)
            break
        out += _slot_lines(row, bounds, rooms)
    return out, end


# « LUN. 16 », « Mardi 17 »: a column of a week's calendar
_DAY_COLUMN = re.compile(r"^(?P<wd>lun|mar|mer|jeu|ven|sam|dim)[a-z]*\.?\s+(?P<day>\d{1,2})$", re.IGNORECASE)


def _week_columns(lines: list, start: int, bounds: list, days: list, text: str):
    """(lines, end) of a week's calendar set with spaces, a column per day under its rule: one line per item
    of each day (« mardi 17 novembre : 18h30 Ciné-débat « Nos terres en commun » LISIEUX ① par Ciné-Auge »)."""
    end = start
    while end < len(lines) and lines[end].strip():
        end += 1
    month = next((name for name in [MONTH_NAMES[10]] + MONTH_NAMES if re.search(name, text, re.IGNORECASE)), "")
    out = []
    for (a, b), head in zip(pairwise(bounds), days):
        found = _DAY_COLUMN.match(head)
        weekday = WEEKDAY_NAMES[WEEKDAYS[fold(found.group("wd")).lower()]]
        for item in _items([line[a:b].strip() for line in lines[start:end] if line[a:b].strip()]):
            out.append(f"{weekday} {found.group('day')} {month} : {item}".replace("  ", " "))
    return out, end


def _first_gap(line: str) -> int:
    gap = re.search(r"\S\s{2,}", line)
    return gap.start() + 1 if gap else len(line)


def _slot_lines(row: list, bounds: list, rooms: list) -> list:
    """One line per room of a time slot: « 9 h 30 – 11 h : Atelier « … » – Salle Mistral – ▸ Coop'Conseil »; a
    text running across the rooms (« DÉJEUNER – marché … ») is one line."""
    cells, across = [[] for _ in rooms], False
    for line in row:
        if any(len(line) > b and line[b - 1] != " " and line[b] != " " for b in bounds[1:-1]):
            across = True
            cells[0].append(line[bounds[0]:bounds[1]])
            cells[1].append(line[bounds[1]:])
            continue
        for k, (a, b) in enumerate(pairwise(bounds)):
            cells[k].append(line[a:b])
    when = _joined([c.strip() for c in cells[0] if c.strip()])
    out = []
    for room, cell in zip([""] if across else rooms[1:], cells[1:]):
        what, _, who = _joined([c.strip() for c in cell if c.strip()]).partition("▸")
        if what.strip(" —–-"):
            out.append(" – ".join(filter(None, (f"{when} : {what.strip()}", room.title() if room.isupper() else room,
                                                f"par {who.strip()}" if who.strip() else ""))))
    return out


def _grid_end(lines: list, start: int) -> int | None:
    """Where the grid opening at `start` on a border line ends. A grid draws a border between its rows (at
    least three rows, one of several lines); a table with one line per row is left to `tables`."""
    if not _BORDER.match(lines[start]) or len(_columns(lines[start])) < 2:
        return None
    end, heights = start + 1, [0]
    while end < len(lines) and (_BORDER.match(lines[end]) or lines[end].strip()[:1] in tuple(_SIDES)):
        if _BORDER.match(lines[end]):
            heights.append(0)
        else:
            heights[-1] += 1
        end += 1
    heights = [h for h in heights if h]
    return end if len(heights) >= 3 and max(heights) >= 2 else None


def _columns(border: str) -> list:
    """The (start, end) of each column between the joints of a border line."""
    joints = [k for k, c in enumerate(border) if c in "+┼┬┴├┤┌┐└┘╪╫╬┳┻┏┓┗┛┣┫|"]
    return [(a + 1, b) for a, b in pairwise(joints) if b > a + 1][:_MAX_COLUMNS]


def _rows(block: list) -> list:
    """The grid's rows, each a list of cells, each cell the list of its lines (stripped)."""
    columns = _columns(block[0])
    rows, current = [], None
    for line in block[1:]:
        if _BORDER.match(line):
            if current:
                rows.append(current)
            current = None
            continue
        current = current or [[] for _ in columns]
        for k, (a, b) in enumerate(columns):
            cell = line[a:b].strip(" " + _SIDES)
            if cell:
                current[k].append(cell)
    if current:
        rows.append(current)
    return rows


def _rewrite(block: list, text: str) -> list:
    rows = _rows(block)
    weekdays = _weekday_header(rows[0]) if rows else None
    if weekdays:
        return _calendar_lines(rows[1:], weekdays, text)
    weeks = _week_header(rows[0]) if rows else None
    if weeks:
        return _week_lines(rows[1:], weeks)
    return [" | ".join(_joined(cell) for cell in row) for row in rows]


# « 28 oct. → 3 nov. », « 4 → 10 nov. »: the days a column of weeks covers
_WEEK_SPAN = re.compile(r"(?P<d1>\d{1,2})(?:er)?\s*(?P<m1>[^\W\d]+)?\.?\s*(?:→|->|au|–|-)\s*(?P<d2>\d{1,2})(?:er)?\s*(?P<m2>[^\W\d]+)")
# an item of a week's cell opens on its day: « mar. 29 · 11h · Point presse », « ANNULÉ – sam. 23 · Troc … »
_DAY_ITEM = re.compile(r"^(?:annul[ée]e?\s*[–—-]\s*)?(?:lun|mar|mer|jeu|ven|sam|dim)[a-z]*\.?\s+\d{1,2}\b", re.IGNORECASE)


_ITEM_DAY = re.compile(r"(?:lun|mar|mer|jeu|ven|sam|dim)[a-z]*\.?\s+(\d{1,2})\b", re.IGNORECASE)
_STRUCK_FIRST = re.compile(r"^annul[ée]e?\s*[–—-]\s*", re.IGNORECASE)
_MOVED_ELSEWHERE = re.compile(r"\breport[ée]e?s?\b[^()]*\(\s*voir\b", re.IGNORECASE)


def _week_header(row: list) -> list | None:
    """For a header row whose columns are weeks (« SEM. 45 » over « 4 → 10 nov. »), each column's (first day,
    its month, last day's month); the first column (communes) and others None. None for any other row."""
    spans = []
    for cell in row:
        m = _WEEK_SPAN.search(_joined(cell))
        months = m and [_month_number(m.group("m1") or m.group("m2")), _month_number(m.group("m2"))]
        spans.append((int(m.group("d1")), months[0], months[1]) if m and None not in months else None)
    return spans if sum(s is not None for s in spans) >= 3 and spans[0] is None else None


def _month_number(word: str) -> int | None:
    word = fold(word or "").lower()
    return next((k for k, name in enumerate(MONTH_NAMES, 1) if len(word) >= 3 and fold(name).startswith(word)), None)


def _week_lines(rows: list, weeks: list) -> list:
    """One line per item of a commune × weeks grid, its month written from its column and the row's name
    after it: « mar. 29 octobre · 11h · Point presse (mairie) – CALVI »."""
    out = []
    for row in rows:
        label = _joined(row[0])
        for cell, week in zip(row, weeks):
            if week is None:
                continue
            for item in _day_items(cell):
                if _MOVED_ELSEWHERE.search(item):
                    continue        # « … → REPORTÉE (voir sem. 48) »: told again on its new day
                struck = _STRUCK_FIRST.match(item)
                item = f"{item[struck.end():]} – ANNULÉ" if struck else item
                day = int(_ITEM_DAY.search(item).group(1))
                month = MONTH_NAMES[(week[1] if day >= week[0] else week[2]) - 1]
                when, sep, what = item.partition(" · ")      # « sam. 16 & dim. 17 · 10h-18h · Foire … »
                when = f"{when} {month}" if re.search(r"\d$", when) else when
                out.append(f"{when}{sep}{what}" + (f" – {label}" if label else ""))
    return out


def _day_items(cell: list) -> list:
    items = []
    for line in cell:
        if not items or _DAY_ITEM.match(line):
            items.append([line])
        else:
            items[-1].append(line)
    return [_joined(item) for item in items if _DAY_ITEM.match(item[0])]


def _joined(cell: list) -> str:
    """A cell's lines as one text; a line ending on a hyphen goes on without a space (« Cosne- » over
    « Cours-sur-Loire »: a grid's author wraps a compound name at its hyphen, and never cuts a word)."""
    text = ""
    for line in cell:
        text = join_wrapped(text, line, cut_words=False)
    return text


def _weekday_header(row: list) -> list | None:
    """The weekday of each column when the row names at least five weekdays, one per column."""
    days = [WEEKDAYS.get(fold(_joined(cell)).strip(" .").lower()) for cell in row]
    return days if sum(d is not None for d in days) >= 5 and len(set(days) - {None}) == sum(d is not None for d in days) \
        else None


def _calendar_lines(rows: list, weekdays: list, text: str) -> list:
    """One line per item of each day's cell, dated; repeated mentions of an item already listed dropped."""
    dated = []      # (row, column, day number, the cell's items)
    for r, row in enumerate(rows):
        for k, cell in enumerate(row):
            m = _DAY_CELL.match(cell[0]) if cell and weekdays[k] is not None else None
            if m:
                dated.append((r, k, int(m.group("day")), _items(cell[1:])))
    month, year = _month_of(dated, weekdays, text)
    out, seen = [], []
    for r, k, day, items in dated:
        if (r == 0 and day > 7) or (r == len(rows) - 1 and day < 7 and r > 0):
            continue        # the days of the month before or after
        when = f"{WEEKDAY_NAMES[weekdays[k]]} {day} {MONTH_NAMES[month - 1]}" + (f" {year}" if year else "")
        for item in items:
            words = _words(item)
            if any(words < earlier for earlier in seen[-_RECALLED:]):
                continue    # « ▶ expo Guéret » each day of an exhibition listed in full on its first day
            seen.append(words)
            out.append(f"{when} : {item}")
    return out


def _items(lines: list) -> list:
    """A cell's items: a new one opens on a time or a mark; a note in brackets alone (« (férié) ») is none."""
    items = []
    for line in lines:
        if not items or starts_with_time(line) or _ITEM_MARK.match(line):
            items.append([_ITEM_MARK.sub("", line)])
        else:
            items[-1].append(line)
    texts = [_joined(item) for item in items]
    return [t for t in texts if t and not re.fullmatch(r"\(.*\)", t)]


def _words(item: str) -> frozenset:
    """An item's words without figures nor words that say an exhibition goes on (to spot a repeated mention)."""
    words = set(re.findall(r"[^\W\d_]{2,}", fold(_NUMBERS.sub(" ", item)).lower()))
    return frozenset(words - _CONTINUED) if words - _CONTINUED else frozenset(words)


def _month_of(dated: list, weekdays: list, text: str) -> tuple:
    """(month, year) of a calendar: of the years the text names, the month whose 1st falls in the column of
    the cell numbered 1 and whose last day is the grid's last, November first (the Mois de l'ESS); failing
    that, the month the text names first, without a year."""
    first = next((weekdays[k] for _r, k, day, _ in dated if day == 1), None)
    last = max((day for r, _k, day, _ in dated if r > 0 or day <= 7), default=0)
    years = sorted({int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text)})
    for month in [11] + [m for m in range(1, 13) if m != 11]:
        for year in years:
            start, length = calendar.monthrange(year, month)
            if start == first and length == last:
                return month, year
    named = [m for m, name in enumerate(MONTH_NAMES, 1) if re.search(name, text, re.IGNORECASE)]
    return (11 if 11 in named or not named else named[0]), None


def joined_rows(text: str) -> str:
    """A table drawn with « | » whose rows run over several lines, each next line with its first cell empty and
    cells left empty that the row it goes on writes (« 04 | jeu. 07/11 | Conférence … – verre de | 70 | 4,50 » /
    «    |             | l'amitié – salle de l'Oppidum | | »): each row on one line, every cell's lines joined.
    A line that writes every other cell (a day left blank under the row above) stays a row of its own."""
    lines = text.split("\n")
    out = []
    for line in lines:
        cells = line.split("|")
        above = out[-1].split("|") if out else []
        if len(cells) >= 4 and len(cells) == len(above) and not cells[0].strip() and above[0].strip() \
                and any(a.strip() and not c.strip() for a, c in zip(above[1:], cells[1:])):
            out[-1] = "|".join(join_wrapped(a.rstrip(), c.strip()) if c.strip() else a for a, c in zip(above, cells))
            continue
        out.append(line)
    return "\n".join(out)
