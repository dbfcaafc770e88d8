"""A chat's export (WhatsApp, Signal, a group copied as text) → its messages as posts: each message under its
own date written as a post's stamp (« 28 octobre 2025, 18:05 »), so that the days it says relative to that
date (« demain mardi », « samedi ») are read from it; the app's own lines (a member added, a medium left out,
a message deleted) are no part of what was said."""

import datetime as dt
import re

from .dates import MONTH_NAMES, search_dates

# « 28/10/2025 18:02 - Nadia : … » (Android), « [28/10/2025, 18:02:11] Nadia : … » (iPhone)
_MESSAGE = re.compile(r"^\[?(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4}|\d{2}),?\s+(?P<t>\d{1,2}:\d{2})(?::\d{2})?\]?"
                      r"\s*(?:[-–]\s*)?(?P<rest>.*)$")
# « Solid'Hérault 📢, [28.10.2024 10:02] » (Telegram Desktop): the author and stamp over the message's lines
_HEADER = re.compile(r"^(?P<who>[^\[\]\n]{1,60}?),\s*\[(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})\s+(?P<t>\d{1,2}:\d{2})"
                     r"(?::\d{2})?\]\s*$")
_AUTHOR = re.compile(r"^(?P<who>[^:\n]{1,60}?)\s?:\s(?P<said>.*)$")
_APP_WORDS = re.compile(r"<\s*m[ée]dias?\s+omis\s*>|<\s*media\s+omitted\s*>|ce\s+message\s+a\s+[ée]t[ée]\s+supprim[ée]|"
                        r"vous\s+avez\s+supprim[ée]\s+ce\s+message|<\s*ce\s+message\s+a\s+[ée]t[ée]\s+modifi[ée]\s*>|"
                        r"<\s*this\s+message\s+was\s+edited\s*>|this\s+message\s+was\s+deleted", re.IGNORECASE)
_FEWEST = 5     # messages among the first lines that make the text a chat's export


def unchatted(text: str) -> str:
    """The text of a chat's export as posts, each its stamp on a line then what was said; any other text as it is."""
    lines = text.split("\n")
    if sum(1 for line in lines[:300] if _MESSAGE.match(line) or _HEADER.match(line)) < _FEWEST:
        return text
    out = []
    for line in lines:
        header = _HEADER.match(line)
        if header and 1 <= int(header.group("m")) <= 12:
            out += ["", _stamp(header)]
            continue
        m = _MESSAGE.match(line)
        if not m or not 1 <= int(m.group("m")) <= 12:
            out.append(_APP_WORDS.sub("", line))      # a message's next lines
            continue
        said = _AUTHOR.match(m.group("rest"))
        body = _APP_WORDS.sub("", said.group("said")).strip() if said else ""
        if body:        # (a line without an author is the app's own: a group created, a member added)
            out += ["", _stamp(m), body]
    return "\n".join(out)


def _stamp(m) -> str:
    """« 28 octobre 2025, 18:05 »: a message's date and time as a post's stamp."""
    year = int(m.group("y")) + (2000 if len(m.group("y")) == 2 else 0)
    return f"{int(m.group('d'))} {MONTH_NAMES[int(m.group('m')) - 1]} {year}, {m.group('t')}"


# A team chat copied from the browser (Slack, Mattermost): a day's separator (« mardi 26 octobre », « Hier »,
# « Aujourd'hui »), then each message under its author and time (« Camille Roth  09:14 »)
_AUTHOR_TIME = re.compile(r"^[ \t]*(?P<who>[A-ZÀ-Ý][\w'’.-]+(?:[ \t][A-ZÀ-Ý][\w'’.-]+){0,3})[ \t]{2,}"
                          r"(?P<t>[0-2]?\d:[0-5]\d)[ \t]*$")
_DAY_SEPARATOR = re.compile(r"^[ \t]*(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)[ \t]+)?(?P<d>\d{1,2})(?:er)?"
                            r"[ \t]+(?P<m>" + "|".join(MONTH_NAMES) + r")(?:[ \t]+(?P<y>\d{4}))?[ \t]*$", re.IGNORECASE)
_RELATIVE_SEPARATOR = re.compile(r"^[ \t]*(?P<rel>hier|aujourd['’]hui|avant-hier)[ \t]*$", re.IGNORECASE)
_SHIFT = {"hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "avant-hier": -2}


def unslacked(text: str) -> str:
    """A team chat's copy with each message under its own stamp (« 26 octobre 2021, 09:14 »), so that the days
    it says relative to it are read from it; any other text as it is. « Hier » and « Aujourd'hui » count from the
    day the copy says it was made (a dated line at its top), whose year the separators take."""
    lines = text.split("\n")
    if sum(1 for line in lines[:400] if _AUTHOR_TIME.match(line)) < _FEWEST:
        return text
    copied = _copy_day("\n".join(lines[:5]))
    if copied is None:
        return text
    out, day = [], None
    for line in lines:
        separator = _DAY_SEPARATOR.match(line)
        relative = _RELATIVE_SEPARATOR.match(line)
        author = _AUTHOR_TIME.match(line)
        if separator:
            month = MONTH_NAMES.index(separator.group("m").lower()) + 1
            year = int(separator.group("y") or copied.year)
            day = (int(separator.group("d")), month, year)
            continue
        if relative:
            when = copied + dt.timedelta(days=_SHIFT[relative.group("rel").lower()])
            day = (when.day, when.month, when.year)
            continue
        if author and day:
            out += ["", f"{day[0]} {MONTH_NAMES[day[1] - 1]} {day[2]}, {author.group('t')}"]
            continue
        out.append(line)
    return "\n".join(out)


def _copy_day(head: str):
    """The first day written with its year in `head`, or None."""
    for _at, found in search_dates(head, loose=True):
        point = found.points[0]
        if point.year and point.month:
            try:
                return dt.date(point.year, point.month, point.day)
            except ValueError:
                return None
    return None
