"""Bytes to clean text: encoding detection, odd spaces, the letter O read for a zero."""

import re
import unicodedata

from ..errors import UserError
from ..files import decode, looks_binary

__all__ = ["clean", "decode", "fix_ocr_dates", "fix_ocr_digits", "looks_binary", "text_of"]

# Characters PDF extraction and word processors leave behind, with what they stand for.
_SPACES = {"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\t": "    ", "\u3000": " "}
_DROP = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\ufffd"), None)
# A token made of digits and capital O's, read from a PDF (« O3 2O 63 91 79 », « 2O17 »), or the minutes
# of a time (« 13 h 3O », « 16 h3O »).
_OCR_NUMBER = re.compile(r"(?<![^\W\d_])(?=[0-9O]*[0-9])[0-9O]{2,}(?![^\W\d_])")
_OCR_MINUTES = re.compile(r"([0-9]\s?[hH]\s?)([0-5O][0-9O])(?![^\W\d_])")


# a calendar plugin's times: « 5 novembre 2013 @ 18 h 30 min - 22 h 00 min » is « 5 novembre 2013, 18 h 30 - 22 h 00 »
_PLUGIN_MINUTES = re.compile(r"(?<![0-9])([0-2]?[0-9]\s?[hH]\s?[0-5][0-9])\s?min\b")
_AT_TIME = re.compile(r"\s@\s(?=[0-2]?[0-9]\s?(?:[hH:]|[ap]m\b))")


# typographic ligatures of PDF text (« ﬁnance »), written out; « œ » is a letter of French and stays
_LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})


def clean(text: str) -> str:
    """Unicode NFC, plain spaces and line ends, invisible characters dropped, O read as 0 in numbers."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").translate(_LIGATURES)
    for odd, plain in _SPACES.items():
        text = text.replace(odd, plain)
    text = text.translate(_DROP)
    # a form feed stays: it ends a page, whose columns are read apart (lines.side_by_side)
    text = "".join(ch for ch in text if ch in "\n\f" or unicodedata.category(ch) not in ("Cc", "Co", "Cs"))
    text = _AT_TIME.sub(", ", _PLUGIN_MINUTES.sub(r"\1", text))
    text = _CAROUSEL.sub("", _INLINE_PICTURE.sub("", text))
    text = _struck_out(text)
    text = _SAID_TWICE.sub("", _COUNTDOWN.sub(r"\1", text))
    text = _EDIT_NOTE.sub(r"\1", _ALL_DAY.sub(r"\1 – ", text))
    text = _HASHTAG.sub(lambda m: re.sub(r"^(Saint|Sainte)(?=[A-ZÀ-Ý])", r"\1-", m.group(1)), text)
    return fix_ocr_dates(fix_ocr_digits(_in_french(_broken_up(text))))


# An application's export in English within a French page (« Date: November 3, 2025 6:00 PM (AST) »): its dates
# and twelve-hour times, written as French ones
_ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                   "November", "December"]
_FRENCH_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                  "novembre", "décembre"]
_ENGLISH_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_FRENCH_WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
_ENGLISH_DATE = re.compile(
    r"\b(?:(?P<wd>" + "|".join(_ENGLISH_WEEKDAYS) + r"),?\s+)?(?:(?P<m>" + "|".join(_ENGLISH_MONTHS) + r")\s+"
    r"(?P<d>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9:])|(?P<d2>3[01]|[12][0-9]|0?[1-9])\s+(?P<m2>"
    + "|".join(_ENGLISH_MONTHS) + r"))(?:,?\s+(?P<y>(?:19|20)[0-9]{2})(?![0-9]))?\b")
_TWELVE_HOURS = re.compile(r"\b(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5][0-9]))?\s*(?P<half>[AaPp])\.?[Mm]\.?(?![\w])"
                           # its time zone, which a programme's reader needs not (« (AST) », « GMT-4 »)
                           r"(?:\s*\(?(?:[A-Z]{2,4}T|UTC|GMT)(?:\s*[+\-−]\s*\d{1,2}(?::\d\d)?)?\)?(?![\w]))?")


def _in_french(text: str) -> str:
    """« Monday, November 3, 2025 6:00 PM » → « lundi 3 novembre 2025 18:00 »."""
    if not re.search("|".join(_ENGLISH_MONTHS) + r"|\d\s*[AaPp]\.?[Mm]\b", text):
        return text
    text = _ENGLISH_DATE.sub(_french_date, text)
    return _TWELVE_HOURS.sub(_french_time, text)


def _french_date(m) -> str:
    day = m.group("d") or m.group("d2")
    month = _FRENCH_MONTHS[_ENGLISH_MONTHS.index(m.group("m") or m.group("m2"))]
    weekday = _FRENCH_WEEKDAYS[_ENGLISH_WEEKDAYS.index(m.group("wd"))] + " " if m.group("wd") else ""
    return f"{weekday}{int(day)} {month}" + (f" {m.group('y')}" if m.group("y") else "")


def _french_time(m) -> str:
    hour = int(m.group("h")) % 12 + (12 if m.group("half") in "Pp" else 0)
    return f"{hour}:{m.group('min') or '00'}"


# The longest line a programme writes is a paragraph of a few hundred words; a longer one (a page whose line
# ends were lost) is cut into lines of at most this many characters, so that no stage meets a line whose
# reading grows with the square of its length.
LONGEST_LINE = 4_000
_SENTENCE_GAP = re.compile(r"[.!?;»]\s+(?=\S)")


def _broken_up(text: str) -> str:
    """`text` with every line longer than LONGEST_LINE cut after a sentence, else between words."""
    if all(len(line) <= LONGEST_LINE for line in text.split("\n")):
        return text
    return "\n".join(part for line in text.split("\n") for part in _cut(line))


def _cut(line: str) -> list:
    parts = []
    while len(line) > LONGEST_LINE:
        window = line[:LONGEST_LINE]
        ends = [m.end() for m in _SENTENCE_GAP.finditer(window, LONGEST_LINE // 2)]
        at = ends[-1] if ends else window.rfind(" ", LONGEST_LINE // 2) + 1 or LONGEST_LINE
        parts.append(line[:at].rstrip())
        line = line[at:]
    return parts + [line]


# « ‹  [Image] Grand Forum … · sam. 14 nov. · Paris  › »: a web page's carousel, its pictures and arrows copied as text
_INLINE_PICTURE = re.compile(r"(?<=\S)[ \t]*\[(?:image|photo|illustration|visuel|img)\b[^\]\n]{0,80}\]|"
                             r"\[(?:image|photo|illustration|visuel|img)\b[^\]\n]{0,80}\][ \t]*(?=\S)", re.IGNORECASE)
# « sam. 15 nov.   Toute la journée  Salon de l'ESS »: a printed calendar's all-day column, then the title
_ALL_DAY = re.compile(r"\b(toute\s+la\s+journ[ée]e|journ[ée]e\s+enti[èe]re)[ \t]{2,}(?=[A-ZÀ-Ý«\[])", re.IGNORECASE)
# « ~~jeu. 17/11~~ **jeu. 24/11** »: Markdown's struck-through text, deleted by its author
_STRUCK = re.compile(r"~~[^~\n]{1,200}~~")
_STATUS_LEFT = re.compile(r"[\s|*_]*(?:annul[ée]e?s?|report[ée]e?s?|supprim[ée]e?s?)?[\s|*_]*", re.IGNORECASE)


def _struck_out(text: str) -> str:
    """The text without what Markdown strikes through; a table's row struck whole but for « **ANNULÉ** » left as
    its empty cells, the status no longer said of the row above it."""
    if "~~" not in text:
        return text
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if "~~" in line:
            kept = _STRUCK.sub("", line)
            lines[k] = re.sub(r"[^|]", " ", kept).rstrip() if _STATUS_LEFT.fullmatch(kept) and "|" in kept else kept
    return "\n".join(lines)
# « [EDIT : voir plus bas] jeudi 26 novembre … »: a forum post's note on its own editing, before what it says
_EDIT_NOTE = re.compile(r"^([ \t]*)\[(?:edit|[ée]dit[ée]?|maj|mise\s+à\s+jour|modif(?:i[ée])?)\b[^\]\n]{0,60}\][ \t]*",
                        re.IGNORECASE | re.MULTILINE)
# « J-1 ! Demain 18h, soirée … »: a post's countdown before what it announces
_COUNTDOWN = re.compile(r"^([ \t]*)J[ \t]*-[ \t]*\d{1,2}[ \t]*![ \t]*", re.MULTILINE)
# « Demain 12/11 à Alençon », « Ce soir, 5 novembre »: a day said twice, relatively then written out; the written one stays
_SAID_TWICE = re.compile(r"(?<![\w'’-])(?:apr[èe]s-demain|demain|aujourd['’]hui|ce\s+soir|ce\s+matin|cet\s+apr[èe]s-midi)"
                         r"[ \t]*,?[ \t]+(?=\d{1,2}(?:er)?(?:/\d{1,2}\b|[ \t]+(?:janv|f[ée]vr|mars|avr|mai|juin|juil|ao[uû]t|sept|oct|"
                         r"nov|d[ée]c)))", re.IGNORECASE)
# « à #Caen », « #SaintLô »: a post's hashtag naming a place, read as the name (« Saint-Lô »)
_HASHTAG = re.compile(r"(?<![\w#])#([A-ZÀ-Ý][\w'’-]*)")
_CAROUSEL = re.compile(r"^[ \t]*[‹<][ \t]+|[ \t]+[›>][ \t]*$", re.MULTILINE)


# Months and weekdays as a scanner reads them: « m » read « rn » (« novernbre », « sarnedi »), and a day's « 1 »
# read « l » or « I » before a month or after a weekday (« l8 novembre », « samedis 4 et l8 »)
_MONTHS_AND_DAYS = ["novembre", "décembre", "septembre", "samedi", "mardi", "mercredi", "dimanche", "mars", "mai"]
_RN_FOR_M = re.compile(r"\b(?:" + "|".join(w.replace("m", "(?:m|rn)") for w in _MONTHS_AND_DAYS) + r")s?\b", re.IGNORECASE)
_MONTH_WORD = r"(?:janv|f[ée]v|mars|avr|mai|juin|juil|ao[uû]t|sept|oct|nov|d[ée]c)"
_L_FOR_ONE = re.compile(r"(?<![^\W\d_])[lI](?P<a>[0-9])(?=\s+" + _MONTH_WORD + r"|\s*/\s*[01]?[0-9]\b)|"
                        r"(?P<day>\b(?:lundi|mardi|jeudi|samedi|mercredi|vendredi|dimanche)s?\s+(?:[0-9]{1,2}\s+et\s+)?)"
                        r"[lI](?P<b>[0-9])\b", re.IGNORECASE)


def fix_ocr_dates(text: str) -> str:
    """« samedi l8 novernbre » → « samedi 18 novembre »: the scanner's misreadings of dates, and of dates only."""
    text = _RN_FOR_M.sub(lambda m: m.group(0).replace("rn", "m").replace("RN", "M"), text)
    return _L_FOR_ONE.sub(lambda m: (m.group("day") or "") + "1" + (m.group("a") or m.group("b")), text)


def fix_ocr_digits(text: str) -> str:
    """« 13 h 3O à 17 h », « O3 2O 63 91 79 », « 2O17 » → with zeros. Words are left alone."""
    text = _OCR_NUMBER.sub(lambda m: m.group(0).replace("O", "0"), text)
    return _OCR_MINUTES.sub(lambda m: m.group(1) + m.group(2).replace("O", "0"), text)


def text_of(data: bytes, what: str = "Le fichier") -> str:
    """Decoded, cleaned text, or a UserError for a binary file."""
    if looks_binary(data):
        raise UserError(f"{what} n'est pas du texte lisible (fichier binaire ?) : fournissez le programme en "
                        "texte, HTML, PDF, CSV, XLSX, JSON ou ICS.")
    return clean(decode(data, what)[0])


_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "´": "'"})


def one_form(text: str | None) -> str | None:
    """A field written one way whatever the document's typography: apostrophes as « ' », spaces single
    (« l’ESS  solidaire » → « l'ESS solidaire »), so the same name is the same text everywhere."""
    if not text:
        return text
    return re.sub(r"[ \t\u00a0\u202f]{2,}", " ", text.translate(_APOSTROPHES)).strip()


def join_wrapped(text: str, line: str, cut_words: bool = True) -> str:
    """`text` and the next line of the same wrapped cell or paragraph. A line ending on a hyphen goes on
    without a space (« Jacques- » over « Chirac », « 18h00- » over « 20h00 »); with `cut_words` (a PDF cuts
    words at its lines' ends) its hyphen goes too before a lower-case line (« polyva- » over « lente »). Other
    lines join with a space."""
    if not text:
        return line
    if cut_words and re.search(r"[a-zà-ÿ]-$", text) and line[:1].islower():
        return text[:-1] + line
    if text.endswith("-") and not text.endswith(" -"):
        return text + line
    return f"{text} {line}"
