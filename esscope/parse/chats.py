"""A chat's export (WhatsApp, Signal, a group copied as text) → its messages as posts: each message under its
own date written as a post's stamp (« 28 octobre 2025, 18:05 »), so that the days it says relative to that
date (« demain mardi », « samedi ») are read from it; the app's own lines (a member added, a medium left out,
a message deleted) are no part of what was said."""

import re

from .dates import MONTH_NAMES

# « 28/10/2025 18:02 - Nadia : … » (Android), « [28/10/2025, 18:02:11] Nadia : … » (iPhone)
_MESSAGE = re.compile(r"^\[?(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4}|\d{2}),?\s+(?P<t>\d{1,2}:\d{2})(?::\d{2})?\]?"
                      r"\s*(?:[-–]\s*)?(?P<rest>.*)$")
_AUTHOR = re.compile(r"^(?P<who>[^:\n]{1,60}?)\s?:\s(?P<said>.*)$")
_APP_WORDS = re.compile(r"<\s*m[ée]dias?\s+omis\s*>|<\s*media\s+omitted\s*>|ce\s+message\s+a\s+[ée]t[ée]\s+supprim[ée]|"
                        r"vous\s+avez\s+supprim[ée]\s+ce\s+message|<\s*ce\s+message\s+a\s+[ée]t[ée]\s+modifi[ée]\s*>|"
                        r"<\s*this\s+message\s+was\s+edited\s*>|this\s+message\s+was\s+deleted", re.IGNORECASE)
_FEWEST = 5     # messages among the first lines that make the text a chat's export


def unchatted(text: str) -> str:
    """The text of a chat's export as posts, each its stamp on a line then what was said; any other text as it is."""
    lines = text.split("\n")
    if sum(1 for line in lines[:300] if _MESSAGE.match(line)) < _FEWEST:
        return text
    out = []
    for line in lines:
        m = _MESSAGE.match(line)
        if not m or not 1 <= int(m.group("m")) <= 12:
            out.append(_APP_WORDS.sub("", line))      # a message's next lines
            continue
        said = _AUTHOR.match(m.group("rest"))
        body = _APP_WORDS.sub("", said.group("said")).strip() if said else ""
        if body:        # (a line without an author is the app's own: a group created, a member added)
            year = int(m.group("y")) + (2000 if len(m.group("y")) == 2 else 0)
            out += ["", f"{int(m.group('d'))} {MONTH_NAMES[int(m.group('m')) - 1]} {year}, {m.group('t')}", body]
    return "\n".join(out)
