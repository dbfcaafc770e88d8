"""French formatting and reading of numbers and dates: « 52 000 », « 10,7 % », « mardi 7 novembre 2017 ».

Numbers, percentages, month and day names come from babel (CLDR, locale fr_FR); esscope adds only what
CLDR does not say: « 1er » for the first of a month, periods (« du lundi 13 au vendredi 17 novembre
2017 »), hours as programmes write them (« 14 h 30 »), plurals, and reading numbers written either the
French or the English way.
"""

import datetime as dt
import math
import numbers
import re

from babel import Locale
from babel.dates import format_date as babel_date
from babel.numbers import format_decimal
from babel.numbers import format_percent as babel_percent

LOCALE = Locale.parse("fr_FR")
MONTHS = [LOCALE.months["format"]["wide"][m] for m in range(1, 13)]
WEEKDAYS = [LOCALE.days["format"]["wide"][d] for d in range(7)]
NBSP = "\u202f"  # narrow no-break space, the French thousands separator
_PERCENT = LOCALE.percent_formats[None].pattern      # « #,##0 % » (a no-break space before %)


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def format_number(value, decimals=0) -> str:
    """52000 → '52 000'; 10.75 with decimals=1 → '10,8'. None/NaN → '–'."""
    if _missing(value):
        return "–"
    return format_decimal(value, format="#,##0" + ("." + "0" * decimals if decimals else ""), locale=LOCALE)


def format_percent(value, decimals=1) -> str:
    """10.7 → '10,7 %', 10.0 → '10 %' (the value is already in percent; trailing zeros are dropped)."""
    if _missing(value):
        return "–"
    pattern = _PERCENT.replace("#,##0", "#,##0" + ("." + "#" * decimals if decimals else ""), 1)
    return babel_percent(value / 100, format=pattern, locale=LOCALE)


class Percent(float):
    """A share in percent (9.4 for « 9,4 % »): printed with `format_percent`, and stored in a spreadsheet as
    the fraction 0.094 under a percentage format, so that it stays a number."""


def format_date(day, weekday=True, year=True) -> str:
    """date(2017, 11, 7) → 'mardi 7 novembre 2017'; the 1st of a month is '1er'."""
    if _missing(day):
        return ""
    day = _as_date(day)
    pattern = ("EEEE " if weekday else "") + ("'1er'" if day.day == 1 else "d") + " MMMM" + (" y" if year else "")
    return babel_date(day, pattern, locale=LOCALE)


def _as_date(value):
    """A date from an ISO text, a datetime or a pandas Timestamp."""
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    if hasattr(value, "date") and callable(value.date):
        return value.date()
    return value


def format_period(start, end, weekday=True) -> str:
    """A day or a range: 'lundi 13 novembre 2017' or 'du lundi 13 au vendredi 17 novembre 2017'."""
    if not start:
        return "date à préciser"
    start, end = _as_date(start), _as_date(end) if end else None
    if not end or end == start:
        return format_date(start, weekday)
    if (start.year, start.month) == (end.year, end.month):
        first = babel_date(start, ("EEEE " if weekday else "") + ("'1er'" if start.day == 1 else "d"), locale=LOCALE)
        return f"du {first} au {format_date(end, weekday)}"
    return f"du {format_date(start, weekday, year=start.year != end.year)} au {format_date(end, weekday)}"


def year_span(first, last) -> str:
    """The years a series covers: '2006 à 2020', '2017' for one year, '' when none is known."""
    years = [str(int(y)) for y in (first, last) if isinstance(y, numbers.Real) and not _missing(y)]
    if not years:
        return ""
    return years[0] if len(set(years)) == 1 else f"{years[0]} à {years[-1]}"


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
