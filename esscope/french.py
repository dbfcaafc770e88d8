"""French formatting and reading of numbers and dates: « 52 000 », « 10,7 % », « mardi 7 novembre 2017 »."""

import datetime as dt
import math
import re

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
NBSP = "\u202f"  # narrow no-break space, the French thousands separator


def format_number(value, decimals=0) -> str:
    """52000 → '52 000'; 10.75 with decimals=1 → '10,8'. None/NaN → '–'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NBSP).replace(".", ",")


def format_percent(value, decimals=1) -> str:
    """10.7 → '10,7 %' (the value is already in percent)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = format_number(value, decimals)
    if decimals and text.endswith("," + "0" * decimals):
        text = text[: -(decimals + 1)]
    return text + "\u00a0%"


class Percent(float):
    """A share in percent (9.4 for « 9,4 % »): printed with `format_percent`, and stored in a spreadsheet as
    the fraction 0.094 under a percentage format, so that it stays a number."""


def format_date(day, weekday=True, year=True) -> str:
    """date(2017, 11, 7) → 'mardi 7 novembre 2017'; the 1st of a month is '1er'."""
    if day is None or (isinstance(day, float) and math.isnan(day)):
        return ""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day[:10])
    if hasattr(day, "date") and callable(day.date):
        day = day.date()
    num = "1er" if day.day == 1 else str(day.day)
    parts = ([WEEKDAYS[day.weekday()]] if weekday else []) + [num, MONTHS[day.month - 1]]
    if year:
        parts.append(str(day.year))
    return " ".join(parts)


def format_period(start, end, weekday=True) -> str:
    """A day or a range: 'lundi 13 novembre 2017' or 'du lundi 13 au vendredi 17 novembre 2017'."""
    if not start:
        return "date à préciser"
    if isinstance(start, str):
        start = dt.date.fromisoformat(start[:10])
    if isinstance(end, str):
        end = dt.date.fromisoformat(end[:10])
    if hasattr(start, "date") and callable(start.date):
        start = start.date()
    if hasattr(end, "date") and callable(end.date):
        end = end.date()
    if not end or end == start:
        return format_date(start, weekday)
    same_year = start.year == end.year
    same_month = same_year and start.month == end.month
    if same_month:
        first = ([WEEKDAYS[start.weekday()]] if weekday else []) + ["1er" if start.day == 1 else str(start.day)]
        return f"du {' '.join(first)} au {format_date(end, weekday)}"
    return f"du {format_date(start, weekday, year=not same_year)} au {format_date(end, weekday)}"


def format_time(text) -> str:
    """'09:00' → '9 h', '14:30' → '14 h 30'; '' when there is no time."""
    if not text or not isinstance(text, str) or ":" not in text:
        return ""
    hours, minutes = text.split(":", 1)
    return f"{int(hours)} h" + ("" if minutes == "00" else f" {minutes}")


def plural(count, word: str, plural_word: str | None = None) -> str:
    """'1 événement', '12 événements', '52 000 événements' (French: 0 and 1 take the singular)."""
    word = word if abs(count) < 2 else (plural_word or word + "s")
    return f"{format_number(count)} {word}"


_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def parse_number(text):
    """Read a number written the French or the English way: '52 000', '10,7 %', '1 234,5', '2.3e6'.
    Returns a float, or None when the text is not a number."""
    if text is None:
        return None
    if isinstance(text, (int, float)):
        return None if isinstance(text, float) and math.isnan(text) else float(text)
    s = str(text).strip().replace("\u00a0", "").replace(NBSP, "").replace(" ", "").rstrip("%").strip()
    if not s:
        return None
    if _NUMBER.match(s):
        return float(s.replace(",", "."))
    if re.fullmatch(r"[+-]?\d{1,3}(?:[.,]\d{3})+", s):          # 52.000 or 52,000
        return float(re.sub(r"[.,]", "", s))
    if re.fullmatch(r"[+-]?\d{1,3}(?:\.\d{3})+,\d+", s):       # 1.234,5
        return float(s.replace(".", "").replace(",", "."))
    try:
        return float(s)
    except ValueError:
        return None
