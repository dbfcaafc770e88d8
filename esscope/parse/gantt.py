"""A planning chart set in fixed-width text (a spreadsheet's Gantt tab exported as text): a row of day numbers
(« 1  2  3 … 30 ») heads the chart, each action's row puts a mark (« X ») under the days it takes place. Each
row is rewritten with its days written out where its marks stood (« du vendredi 18 au samedi 19 novembre
2016 »), one row per run of days, under the chart's header whose days become « Date »: the rest of the reader
reads the chart as the table it is. Bars (« = », « - »), other signs (« # ») and a mark in brackets (an old
date, « (x) ») give no day. Pure text in, text out."""

import calendar
import re

from .dates import MONTH_NAMES, WEEKDAY_NAMES, document_year, fold

_NUMBER = re.compile(r"(?<![\w/.:])\d{1,2}(?![\w/.:])")
_FEWEST_DAYS = 7        # numbers in a row for it to head a chart
_MARKS = set("Xx■●█◼✓✔")
_MONTH = re.compile(r"\b(" + "|".join(fold(m) for m in MONTH_NAMES) + r")\b")


def ungantted(text: str) -> str:
    """`text` with each planning chart's rows dated (see the module's description); other text as it is."""
    if not re.search(r"\b1\s+2\s+3\s+4\s+5\s+6\s+7\b", text):
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        days = _day_columns(line)
        if days is None:
            continue
        month = _month(lines[max(0, i - 3):i + 1])
        year = document_year(text)
        if month is None or year is None:
            continue
        lines[i] = _blanked(line, days, "Date")
        if i and lines[i - 1].count("|") == line.count("|") >= 2:
            # the names of a header set on two lines (« OCT. » over its column, the weekdays over the days)
            lines[i - 1:i + 1] = ["", _merged(_blanked(lines[i - 1], days), lines[i])]
        j = i + 1
        while j < len(lines) and lines[j].strip():
            if not re.fullmatch(r"[\s\-=_+|]+", lines[j]):      # (a rule under the header stays as drawn)
                lines[j] = "\n".join(_dated_rows(lines[j], days, month, year)) or " "
            j += 1
    return "\n".join(lines)


def _day_columns(line: str) -> dict | None:
    """{day: column} of a row of consecutive day numbers evenly set (« 1  2  3 … 30 »), else None."""
    found = [(int(m.group(0)), (m.start() + m.end() - 1) // 2) for m in _NUMBER.finditer(line)]
    best, run = [], []
    for day, column in found:
        if run and day == run[-1][0] + 1 and 0 < column - run[-1][1] <= 5:
            run.append((day, column))
        else:
            run = [(day, column)]
        best = run if len(run) > len(best) else best
    return dict(best) if len(best) >= _FEWEST_DAYS else None


def _month(lines: list) -> int | None:
    """The month a chart's heading names (« NOVEMBRE 2016 »), the nearest above its day numbers."""
    for line in reversed(lines):
        found = _MONTH.findall(fold(line))
        if found:
            return [fold(m) for m in MONTH_NAMES].index(found[-1]) + 1
    return None


def _merged(above: str, below: str) -> str:
    """Two lines of a header's cells → one, each cell's words joined."""
    return " | ".join(" ".join(filter(None, (a.strip(), b.strip())))
                      for a, b in zip(above.split("|"), below.split("|")))


def _blanked(line: str, days: dict, word: str = "") -> str:
    """`line` with the chart's stretch replaced by `word`."""
    start, end = min(days.values()) - 2, max(days.values()) + 2
    return f"{line[:start].rstrip()} {word} {line[end + 1:].lstrip()}".rstrip() if len(line) > start else line


def _dated_rows(line: str, days: dict, month: int, year: int) -> list:
    """A chart row → one row per run of marked days, its days written where its marks stood."""
    marked = [day for day, column in days.items() if _marked(line, column)]
    if not marked:
        return []       # a bar, an internal task's sign or nothing: no day of its own
    runs = [[marked[0]]]
    for day in marked[1:]:
        if day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return [_blanked(line, days, _written(run[0], run[-1], month, year)) for run in runs]


def _marked(line: str, column: int) -> bool:
    """A mark stands in the day's column (or right beside it), not in brackets."""
    for at in (column, column - 1, column + 1):
        if 0 <= at < len(line) and line[at] in _MARKS:
            return not (line[at - 1:at] == "(" and line[at + 1:at + 2] == ")")
    return False


def _written(first: int, last: int, month: int, year: int) -> str:
    """« samedi 5 novembre 2016 », « du vendredi 18 au samedi 19 novembre 2016 »."""
    def day(d):
        return f"{WEEKDAY_NAMES[calendar.weekday(year, month, d)]} {'1er' if d == 1 else d}"
    if first == last:
        return f"{day(first)} {MONTH_NAMES[month - 1]} {year}"
    return f"du {day(first)} au {day(last)} {MONTH_NAMES[month - 1]} {year}"
