"""Dates and times as French programmes write them.

« Vendredi 03 novembre », « Du lundi 13 au vendredi 17 novembre », « Samedi 11 et
dimanche 12 novembre », « Samedi 25 / dimanche 26 novembre », « Du 30 novembre au
2 décembre », « NOV. 18 », « 18/11 », « 13 h 30 à 17 h », « À partir de 18 h »,
« de 10 à 12h00 ». Everything here is pure: text in, values out.
"""

import bisect
import collections
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace

MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "sept": 9, "sep": 9,
    "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "dec": 12,
}
_FULL_MONTHS = {"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
                "novembre", "decembre"}
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
            "lun": 0, "mar": 1, "mer": 2, "jeu": 3, "ven": 4, "sam": 5, "dim": 6}
WEEKDAY_NAMES = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

_A = "a-zàâäéèêëîïôöùûüçœ"
_MONTH = (r"(?:janvier|janv|jan|f[ée]vrier|f[ée]vr|f[ée]v|mars|avril|avr|mai|juin|juillet|juil|ao[uû]t|"
          r"septembre|sept|sep|octobre|oct|novembre|nov|d[ée]cembre|d[ée]c)")
MONTH_PATTERN = _MONTH
_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim)"
WEEKDAY_PATTERN = _WEEKDAY
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])"
# One day: « vendredi 3 », « 1er novembre », « (les) samedis 8, 15 et 22 novembre », « 18 nov. 2019 », « 18/11 », « 18/11/2019 ».
_POINT = (rf"(?:(?P<wd{{n}}>{_WEEKDAY})(?:(?<=di|he)s)?\.?,?\s+)?(?:le\s+)?(?P<d{{n}}>{_DAY})(?:er|e)?(?![0-9])"
          rf"(?:(?:\s*(?P<m{{n}}>{_MONTH})\.?(?![{_A}])|[/.](?P<mn{{n}}>1[0-2]|0?[1-9])(?![0-9])"
          # « 06/11/18 »: a year in two digits, only after a month in figures
          rf"(?:[/.](?P<yy{{n}}>[0-9]{{{{2}}}})(?![0-9/:hH]))?)"
          rf"(?:\s*[/.]?\s*(?P<y{{n}}>(?:19|20)[0-9]{{{{2}}}})(?![0-9]))?)?")
# (« SAMEDI 9 · DIMANCHE 10 NOVEMBRE »: a middle dot joins two days only before a weekday, « SAM. 9 · 10h » is a time)
# (« sam. 21 nov. 2026 · 10:00 – dim. 22 nov. 2026 · 18:00 »: the first day's opening time before the join)
_JOIN = (r"(?P<join{n}>(?:\s*\(\d{{1,2}}\s*h\s*\d{{0,2}}\)|(?:\s*[·,]|\s+[àa])\s*\d{{1,2}}[:h]\d\d(?=\s*[–—-]\s*[a-z]))?"
         r"\s*(?:au|à|a|jusqu'au|jusqu’au|-|–|—|/|&|et|,|>|→|\+|"
         rf"·(?=\s*{_WEEKDAY}))\s*(?:le\s+|du\s+)?)")
_PREFIX = (r"(?P<prefix>(?:le|les|du|des|ce|depuis\s+le|d[èe]s\s+le|à\s+partir\s+du|a\s+partir\s+du|"
           r"jusqu'au|jusqu’au|à\s+compter\s+du)\s+)?")
_MONTH_FIRST = re.compile(rf"(?P<m>{_MONTH})\.?\s+(?P<d>{_DAY})(?:er)?(?![0-9:h])(?:\s+(?P<y>(?:19|20)[0-9]{{2}}))?",
                          re.IGNORECASE)
_WHOLE_MONTH = re.compile(rf"(?:pendant\s+|durant\s+)?tout\s+le\s+mois(?:\s+de\s+(?P<m>{_MONTH}))?(?:\s+(?P<y>20[0-9]{{2}}))?",
                          re.IGNORECASE)
# « tous les mardis de novembre », « chaque samedi du mois de novembre »: a weekday through a month
_WEEKLY = re.compile(rf"(?:tous\s+les|chaque|les)\s+(?P<wd>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
                     rf"(?:lun|mar|mer|jeu|ven|sam|dim)\.)s?\s+"
                     rf"(?:du\s+mois\s+de\s+|de\s+|d['’]\s*|en\s+|du\s+mois\s+d['’]\s*)(?P<m>{_MONTH})\.?(?![{_A}])"
                     r"(?:\s+(?P<y>(?:19|20)\d\d))?", re.IGNORECASE)
# « tous les mercredis », « chaque jeudi », « every Wednesday »: a series' weekday, said without its month
_SERIES_DAY = re.compile(r"\b(?:tous\s+les|chaque|every)\s+(?P<wd>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|"
                    r"tuesday|wednesday|thursday|friday|saturday|sunday)s?\b", re.IGNORECASE)
_ENGLISH_DAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}


def weekly_day(text: str) -> int | None:
    """The weekday (0 = Monday) a text says a series falls on (« tous les mercredis de novembre »), or None."""
    m = _SERIES_DAY.search(text or "")
    if not m:
        return None
    word = fold(m.group("wd")).lower()
    return _ENGLISH_DAYS.get(word, WEEKDAYS.get(word))


# « sauf le 5 », « , sauf les 5 et 12 », « hormis le 11 », « (sauf le 11, férié) »: days a weekly expression leaves out
_BUT = re.compile(r"\s*[,(]?\s*(?:sauf|hormis|except[ée])\s+(?:les?\s+)?\d{1,2}(?:er)?(?:\s*(?:,|et)\s*(?:le\s+)?\d{1,2}(?:er)?)*"
                  r"(?![\d/.:h])", re.IGNORECASE)
# a part of the day: « le matin », « en soirée », « toute la journée », « apr.-midi », « matin »
DAY_PART = re.compile(r"\b(?:(?:toute\s+la|en|dans\s+la|le|au)\s+|l['’])?(?:journ[ée]e|soir[ée]e|matin[ée]e|matin|soir|"
                      r"apr[èe]s-midi|apr\.\s*-?\s*midi|aprem)(?![\w-])\.?", re.IGNORECASE)
_MAX_POINTS = 6
_DATE = re.compile(
    _PREFIX + _POINT.format(n=0) + "".join(
        rf"(?:{_JOIN.format(n=i)}{_POINT.format(n=i)})?" for i in range(1, _MAX_POINTS)),
    re.IGNORECASE)


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents, for comparing words."""
    text = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


@dataclass
class Point:
    day: int
    month: int | None
    year: int | None
    weekday: str | None
    guessed: bool = False       # its month taken from the dates around it, not written


@dataclass
class DateMatch:
    """A date expression found at the start of a text: its days, and how they are joined."""
    points: list
    kind: str                   # 'single', 'range', 'list', 'open' (from a day on), 'until', 'month', 'weekly'
    end: int                    # where the expression ends in the text
    text: str = ""
    weekday: str | None = None  # the weekday a 'weekly' expression repeats through its month
    skipped: tuple = ()         # the days of the month it leaves out (« sauf le 5 »)


@dataclass
class Period:
    """Dates resolved to a year, with what looked wrong."""
    start: dt.date
    end: dt.date | None
    warnings: list = field(default_factory=list)
    weekday_checks: int = 0     # how many written weekdays were checked (and matched)
    days: list = field(default_factory=list)    # each day of a list (« les 14 et 21 novembre »)

    @property
    def separate(self) -> bool:
        """True for days listed apart (« les 14 et 21 novembre »), which are as many events."""
        return len(self.days) > 1 and (self.days[-1] - self.days[0]).days != len(self.days) - 1


def match_date(text: str) -> DateMatch | None:
    """The date expression that `text` starts with, if any (« Du lundi 13 au vendredi 17 novembre… »)."""
    m = _DATE.match(text)
    if m:
        found = _from_points(m)
        if found:
            if text[found.end:found.end + 1] == "." and not text[found.end + 1:found.end + 2].isdigit() \
                    and fold(text[:found.end].split()[-1]) not in _FULL_MONTHS:
                found.end += 1          # the dot of an abbreviated month (« nov. »), not a full stop
            coming = _COMING.match(text, found.end)
            if coming:
                found.end = coming.end()     # « le 14 novembre prochain »
            return found
    m = _ISO.match(text)
    if m and 1 <= int(m.group(2)) <= 12:
        return DateMatch([Point(int(m.group(3)), int(m.group(2)), int(m.group(1)), None)], "single", m.end(), m.group(0))
    m = _MONTH_FIRST.match(text)
    if m and _month(m.group("m")):
        point = Point(int(m.group("d")), _month(m.group("m")), _year(m.group("y")), None)
        return DateMatch([point], "single", m.end(), m.group(0))
    m = _WEEKLY.match(text)
    if m and _month(m.group("m")):
        but = _BUT.match(text, m.end())
        skipped = tuple(int(d) for d in re.findall(r"\d{1,2}", but.group(0))) if but else ()
        end = but.end() if but else m.end()
        # « tous les jeu. de nov. sauf le 5 (inventaire) → 12, 19, 26/11 »: the days written out after it
        restated = re.match(r"\s*(?:\([^()]{1,40}\))?\s*(?:→|->|=>|=)\s*", text[end:])
        days = match_date(text[end + restated.end():]) if restated else None
        if days and days.kind in ("list", "single"):
            end += restated.end() + days.end
            return DateMatch(days.points, days.kind, end, text[:end])
        return DateMatch([Point(1, _month(m.group("m")), _year(m.group("y")), None)], "weekly", end, text[:end],
                         weekday=_weekday(m.group("wd")), skipped=skipped)
    m = _WHOLE_MONTH.match(text)
    if m:
        month = _month(m.group("m")) if m.group("m") else 11
        return DateMatch([Point(1, month, _year(m.group("y")), None)], "month", m.end(), m.group(0))
    return None


# what, after « mardi 4 », says the number is not a day of the month (« mardi 4 heures », « 4 h »)
_NOT_A_DAY = re.compile(r"(?:[,.:]?\d|\s*(?:h\b|heures?|%|€|euros?|ans|fois|personnes|jours?|semaines?))", re.IGNORECASE)
_ISO = re.compile(r"((?:19|20)\d\d)-(\d\d)-(3[01]|[12]\d|0[1-9])(?![\d:T])")
_COMING = re.compile(r"\s+prochaine?\b", re.IGNORECASE)
_INNER = re.compile(rf"(?<![\w’'])(?:le|du|des|les|ce|d[èe]s\s+le|à\s+partir\s+du|jusqu['’]au)\s+(?=(?:{_WEEKDAY}(?:(?<=di|he)s)?\s+)?\d)",
                    re.IGNORECASE)


# a date inside a sentence without « le » before it: « organise mardi 6 novembre une soirée », « les 17 et
# 18 novembre » is found by _INNER, « 6 novembre » needs its month written out
_UNMARKED = re.compile(rf"(?<![\w’'/.-])(?:{_WEEKDAY}\s+\d|\d{{1,2}}(?:er)?\s+{_MONTH}(?![{_A}]))", re.IGNORECASE)


# no date expression is longer (« du mardi 7 novembre 2017 à 18 h 30 au samedi 11 novembre 2017 à 12 h »):
# matched on a window this wide, not on the whole rest of a long text
_LONGEST_DATE = 400


def search_dates(text: str, loose: bool = False) -> list:
    """(position, DateMatch) of the dates written inside a sentence after « le », « du », « les »
    (« La MJC organise le 5 novembre un atelier » → the date at « le 5 novembre »); with `loose`, also
    those written without an article (« organise mardi 6 novembre une soirée », « 6 novembre »).
    Each date expression once, from where it starts."""
    starts = [m.start() for m in _INNER.finditer(text)]
    if loose:
        starts += [m.start() for m in _UNMARKED.finditer(text)]
    out, covered = [], -1
    for start in sorted(set(starts)):
        if start < covered:
            continue
        found = match_date(text[start:start + _LONGEST_DATE])
        if found and found.kind != "month":
            out.append((start, found))
            covered = start + found.end
    return out


def _from_points(m) -> DateMatch | None:
    points, joins, end = [], [], m.end("d0")
    for i in range(_MAX_POINTS):
        if m.group(f"d{i}") is None:
            break
        month = _month(m.group(f"m{i}")) or (int(m.group(f"mn{i}")) if m.group(f"mn{i}") else None)
        year = _year(m.group(f"y{i}")) or (2000 + int(m.group(f"yy{i}")) if m.group(f"yy{i}") else None)
        points.append(Point(int(m.group(f"d{i}")), month, year, _weekday(m.group(f"wd{i}"))))
        end = _end_of(m, i)
        if i:     # (the first day's opening time, « · 10:00 – », is not the join)
            joins.append(re.sub(r"^[·,]?\s*\d{1,2}[:h]\d\d\s*", "", fold(m.group(f"join{i}")).strip()))
    # the last day must carry a month; days before it borrow the next month given
    first = points[0]
    while points and points[-1].month is None:
        points.pop()
        if joins:
            joins.pop()
    if not points:
        # « Mercredi 4, de 19 h à 21 h », « Samedi 16 et dimanche 17 » : weekdays and days, the month left to
        # the text around them
        if first.weekday and _spelt_weekday(m) and not _NOT_A_DAY.match(m.string, m.end("d0")):
            days = _weekday_days(m)
            end = m.end(f"d{len(days) - 1}")
            ordinal = re.match(r"(?:er|e)\b", m.string[end:])      # « MER. 1er »
            end += ordinal.end() if ordinal else 0
            kind = "single" if len(days) == 1 else ("range" if m.group("join1").strip() in ("au", "-", "–", "—") else "list")
            return DateMatch(days, kind, end, m.group(0)[:end - m.start()])
        return None
    end = _end_of(m, len(points) - 1)
    for i in range(len(points) - 2, -1, -1):
        if points[i].month is None:
            points[i].month = points[i + 1].month
    prefix = fold(m.group("prefix") or "").strip()
    if len(points) == 1:
        kind = "open" if prefix.startswith(("depuis", "des", "a partir", "a compter")) else (
            "until" if prefix.startswith("jusqu") else "single")
    elif any(j.split()[0] in ("au", "a", "jusqu'au", "jusqu’au", "-", "–", "—", ">", "→") for j in joins if j):
        kind = "range"
    else:
        kind = "list"
    return DateMatch(points, kind, end, m.group(0)[:end - m.start()])


def _spelt_weekday(m) -> bool:
    """The first weekday in full (« mercredi 4 ») or shortened with its full stop (« MER. 4 »): a bare « mar »
    or « sam » may be another word."""
    return len(m.group("wd0")) > 3 or m.string[m.end("wd0"):m.end("wd0") + 1] == "."


def _weekday_days(m) -> list:
    """The days of a match written each with its weekday and none with its month."""
    out = []
    for i in range(_MAX_POINTS):
        if m.group(f"d{i}") is None or not m.group(f"wd{i}") or (i and _NOT_A_DAY.match(m.string, m.end(f"d{i}"))):
            break
        out.append(Point(int(m.group(f"d{i}")), None, None, _weekday(m.group(f"wd{i}"))))
    return out


def _end_of(m, i) -> int:
    end = m.end(f"d{i}")
    for name in (f"m{i}", f"mn{i}", f"yy{i}", f"y{i}"):
        if m.group(name):
            end = max(end, m.end(name))
    return end


def _month(word):
    if not word:
        return None
    return MONTHS.get(fold(word).rstrip("."))


def _weekday(word):
    return WEEKDAY_NAMES[WEEKDAYS[fold(word).rstrip(".")]] if word else None


def _year(text):
    return int(text) if text else None


# « tous les mercredis », « chaque samedi »: one weekday (not « tous les mardis et jeudis »)
_EVERY = re.compile(rf"\b(?:tous\s+les|chaque)\s+(?P<wd>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?\b"
                    rf"(?!\s*(?:et|,|ou)\s*{_WEEKDAY})", re.IGNORECASE)


def weekly_within(found: DateMatch, text: str) -> DateMatch:
    """A range said to hold on one weekday only (« 07/11 au 28/11 … tous les mercredis »): every such weekday
    of the range, each an event; any other date expression as it is."""
    m = _EVERY.search(text) if found and found.kind == "range" and len(found.points) == 2 else None
    return replace(found, kind="weekly", weekday=_weekday(m.group("wd"))) if m else found


def _month_of_weekday(day: dt.date, weekday: str) -> dt.date:
    """« SEMAINE 44 | du lundi 30 octobre au dimanche 5 novembre … LUN. 30 »: a day whose month was guessed
    from the dates around it is in the month before or after when only there its written weekday fits."""
    if WEEKDAY_NAMES[day.weekday()] == weekday:
        return day
    for step in (-1, 1):
        month, year = day.month + step, day.year
        month, year = (12, year - 1) if month == 0 else (1, year + 1) if month == 13 else (month, year)
        try:
            other = dt.date(year, month, day.day)
        except ValueError:
            continue
        if WEEKDAY_NAMES[other.weekday()] == weekday:
            return other
    return day


def resolve(found: DateMatch, year: int) -> Period | None:
    """Put a date expression in `year` (an explicit year wins); a range ending before it starts crosses
    into the next year. A written weekday that contradicts the date is kept and reported."""
    days, warnings, checks = [], [], 0
    previous = None
    for point in found.points:
        y = point.year or year
        if point.month is None:
            return None
        try:
            day = dt.date(y, point.month, point.day)
        except ValueError:
            return None
        if previous and day < previous and not point.year:
            day = day.replace(year=day.year + 1)
        if point.weekday and point.guessed:
            day = _month_of_weekday(day, point.weekday)
        if point.weekday:
            actual = WEEKDAY_NAMES[day.weekday()]
            if actual != point.weekday:
                warnings.append(f"le jour écrit (« {point.weekday} ») ne correspond pas au {format_day(day)} "
                                f"qui est un {actual} : date gardée, à vérifier")
            else:
                checks += 1
        days.append(day)
        previous = day
    if found.kind == "weekly":     # every such weekday of the month (or of the range), each an event
        first = days[0]
        within = (lambda d: d <= days[-1]) if len(days) == 2 else (lambda d: d.month == first.month)
        every = [first + dt.timedelta(days=k) for k in range(62) if within(first + dt.timedelta(days=k))
                 and WEEKDAY_NAMES[(first + dt.timedelta(days=k)).weekday()] == found.weekday]
        every = [d for d in every if d.day not in found.skipped] or every
        return Period(every[0], every[-1], warnings, checks, every) if every else None
    if found.kind == "month":
        start = days[0]
        nxt = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return Period(start, nxt - dt.timedelta(days=1), warnings, checks)
    if found.kind == "open":
        return Period(days[0], None, warnings, checks)
    start, end = days[0], days[-1]
    return Period(start, end, warnings, checks, days if found.kind == "list" else [])


# ---------------------------------------------------------------- days said relative to a post's own date

MONTH_NAMES = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                "novembre", "décembre"]
# « 10 novembre 2023 » alone on its line (a post's date), « Publié le 10 novembre 2023 »
# (« Vidéo mise en ligne le lundi 6 novembre 2023 »: a video's or an episode's own day)
_OWN_DAY = re.compile(rf"^\s*(?:(?:(?:vid[ée]o|article|[ée]pisode|[ée]mission|podcast|page)\s+)?"
                      rf"(?:publi[ée]e?|post[ée]e?|mise?\s+en\s+ligne|diffus[ée]e?|enregistr[ée]e?)\s+le\s+)?(?:{_WEEKDAY}\s+)?(?P<d>\d{{1,2}})(?:er)?\s+"
                      rf"(?P<m>{_MONTH})\.?\s+(?P<y>(?:19|20)\d\d)\s*$", re.IGNORECASE | re.MULTILINE)
# « Publié le 04/11/2017 à 6h00 » opening its line; « PESSAC, 4 novembre 2017. — » an article's dateline
# « Publié le vendredi 07 novembre 2014 à 17h45 – Modifié le … »: a web article's own day, its hour after it
_OWN_PUBLISHED = re.compile(rf"^\s*(?:publi[ée]e?|post[ée]e?|mise?\s+en\s+ligne)\s+le\s+(?:{_WEEKDAY}\s+)?(?P<d>\d{{1,2}})(?:er)?\s+"
                            rf"(?P<m>{_MONTH})\.?\s+(?P<y>(?:19|20)\d\d)\s*(?:à|,|-|–)\s*\d{{1,2}}\s*[h:]", re.IGNORECASE | re.MULTILINE)
_OWN_FIGURES = re.compile(r"^\s*(?:publi[ée]e?|post[ée]e?|mise?\s+en\s+ligne)\s+le\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d\d)\b",
                          re.IGNORECASE | re.MULTILINE)
_OWN_DATELINE = re.compile(rf"^[A-ZÀ-Ý][\w’'\- ]{{1,40}},\s+(?:le\s+)?(?:{_WEEKDAY}\s+)?(?P<d>\d{{1,2}})(?:er)?\s+(?P<m>{_MONTH})\.?\s+"
                           rf"(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE | re.MULTILINE)
_RELATIVE = re.compile(rf"\b(?:(?P<tomorrow>apr[èe]s-demain|demain|aujourd['’]hui|avant-hier|hier)(?:\s+(?P<wd1>{_WEEKDAY})|"
                       r"(?=\s*(?:[,:]|à\s+\d|(?:matin|soir|apr[èe]s-midi)\b|\d{1,2}\s*h)))|"
                       # « Ce soir 18h à Caen : … » in a post: the post's own day
                       r"(?P<tonight>ce\s+soir|ce\s+matin|cet\s+apr[èe]s-midi)(?=\s+(?:à\s+)?\d{1,2}\s*h)|"
                       # « AUJOURD'HUI », « DEMAIN » alone on their line: an agenda's day headings
                       r"(?<![^\n])(?P<alone>apr[èe]s-demain|demain|aujourd['’]hui)(?=[ \t]*\n)|"
                       rf"(?P<wd2>{_WEEKDAY})\s+prochain\b|(?P<wd6>{_WEEKDAY})\s+dernier\b|"
                       # « Dès samedi, place au concret », « à partir de mardi »: the coming one
                       # (« ce samedi 12 » writes its day; « ce samedi, 10h-17h » its hours)
                       rf"(?:(?<=d[èe]s\s)|(?<=partir\sde\s))(?P<wd5>{_WEEKDAY})(?!\s*,?\s*(?:le\s+)?\d{{1,2}}(?![\dh:]))|"
                       rf"\bce\s+(?P<wd3>{_WEEKDAY})(?!\s*,?\s*(?:le\s+)?\d{{1,2}}(?![\dh:])))\b", re.IGNORECASE)
_DAY_HEADINGS = re.compile(r"(?<![^\n])(?:aujourd['’]hui|demain)[ \t]*\n", re.IGNORECASE)
_WEEKDAY_HEADING = re.compile(rf"(?<![^\n])(?P<wd7>{_WEEKDAY})(?=[ \t]*\n)", re.IGNORECASE)
# « ★ Dimanche, 10h-17h – Corti. » opening a line of a dated paper's agenda: the coming Sunday
_RELATIVE_LINE = re.compile(rf"(?<=^)(?P<lead>[^\w\n]{{0,3}})(?P<wd4>{_WEEKDAY})(?=,\s*\d{{1,2}}\s*h)",
                            re.IGNORECASE | re.MULTILINE)
# a post's own stamp: « 2 nov. 2026, 09:13 · 🌐 », « 2 nov. 2026, 10:02 »
_OWN_POST = re.compile(rf"^\s*(?P<d>\d{{1,2}})(?:er)?\s+(?P<m>{_MONTH})\.?\s+(?P<y>(?:19|20)\d\d),?\s+\d{{1,2}}:\d{{2}}\b",
                       re.IGNORECASE | re.MULTILINE)
# « Capture télétexte – … – relevé du mercredi 3 novembre 2010 », « copie du 4 novembre 2019 »: the day a capture was
# taken, at the end of the document's first lines
_OWN_COPY = re.compile(rf"\b(?:relev[ée]e?|copi[ée]e?|captur[ée]e?|export[ée]e?|extrait|copie)\s+(?:du|le)\s+(?:{_WEEKDAY}\s+)?"
                       rf"(?P<d>\d{{1,2}})(?:er)?\s+(?P<m>{_MONTH})\.?\s+(?P<y>(?:19|20)\d\d)\s*$", re.IGNORECASE | re.MULTILINE)
# a tweet's header: its author, handle and day, the year the page's own (« Normandie Solidaire @NormandieSolid     4 déc. »)
_OWN_TWEET = re.compile(rf"^[^\n@]{{1,60}}\s@\w{{1,30}}\s{{3,}}(?P<d>\d{{1,2}})\s+(?P<m>{_MONTH})\.?\s*$", re.IGNORECASE | re.MULTILINE)
# a page printed from a browser: the day and time of printing, a wide gap, the page's title (« 05/11/2014 09:42   Agenda »)
_OWN_PRINT = re.compile(r"\A\s*(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d\d),?\s+\d{1,2}:\d{2}\s{3,}\S")
# a paper's masthead: its name, a wide gap, then its own date (« LE PETIT INSULAIRE      VENDREDI 8 NOVEMBRE 2019 »)
_OWN_MASTHEAD = re.compile(rf"^[^\n]{{0,60}}\S\s{{3,}}(?:{_WEEKDAY}\s+)?(?P<d>\d{{1,2}})(?:er)?\s+(?P<m>{_MONTH})\.?\s+"
                           # (« L'ÉCHO ARTÉSIEN      VENDREDI 6 NOVEMBRE 2015      17 »: the page's number after it)
                           rf"(?P<y>(?:19|20)\d\d)(?:\s{{3,}}\d{{1,3}})?\s*$|"
                           # « LA GAZETTE DU NORD-YONNE · Jeudi 5 novembre 2015 · N° 2187 »: a folio line
                           rf"^[^\n]{{0,60}}\S\s+[·|]\s+(?:{_WEEKDAY}\s+)?(?P<d2>\d{{1,2}})(?:er)?\s+(?P<m2>{_MONTH})\.?\s+"
                           rf"(?P<y2>(?:19|20)\d\d)\s+[·|]", re.IGNORECASE | re.MULTILINE)
# « organise une journée portes ouvertes samedi, de 10 h à 17 h » in a dated paper: the coming Saturday (not « du
# lundi au vendredi », « le samedi », « samedi 14 »)
_BARE_WEEKDAY = re.compile(r"(?<![\w'’-])(?<!\bdu\s)(?<!\bau\s)(?<!\ble\s)(?<!\bet\s)(?<!\bles\s)(?<!\bou\s)"
                           r"(?<!dition\sde\s)(?<!dition\sdu\s)"     # « annoncée dans notre édition de mardi »: a past issue
                           r"(?<!\()"      # « 7 novembre (samedi) »: the day of the date before it
                           r"(?P<wd7>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?![\w-])"
                           r"(?!\s*(?:soir|matin|apr[èe]s-midi)?\s*,?\s*(?:le\s+)?\d)"    # « mardi soir, 3 novembre »
                           r"(?!\s+(?:au|et|ou|à|de\s+chaque|prochain|dernier)\b)", re.IGNORECASE)
# a sentence told in the past (« Le coup d'envoi a été donné mardi soir »): its bare weekday is the last one
_TOLD_PAST = re.compile(r"\b(?:a|ont|avait|avaient)\s+(?:été|eu|réuni|attiré|rassemblé|accueilli|lancé)\b|"
                        r"\bs['’](?:est|sont)\s+(?:tenue?s?|déroulée?s?|ouverte?s?)\b|\bhier\b", re.IGNORECASE)
# a photo's caption: its day is the one the picture was taken
_CAPTION = re.compile(r"^\s*(?:\[(?:photo|image)|l[ée]gende\b|cr[ée]dit\b)|\bPHOTO\b|©", re.IGNORECASE)


def with_relative_days(text: str) -> str:
    """The text with the days a post says relative to its own date written out: « DEMAIN samedi »,
    « jeudi prochain », « ce samedi » → « samedi 11 novembre », « jeudi 16 novembre ». Only when the text
    gives its own date once (alone on a line, « Publié le … », or an article's dateline « PESSAC, 4 novembre 2017. »)
    and the weekday said agrees."""
    if not (_RELATIVE.search(text) or _RELATIVE_LINE.search(text) or _BARE_WEEKDAY.search(text)):
        return text
    papers = [*_OWN_DATELINE.finditer(text), *_OWN_MASTHEAD.finditer(text[:400]), *_OWN_COPY.finditer(text[:300]),
              *_OWN_PUBLISHED.finditer(text[:2000])]
    stamps = [(m.start(), _stamp(m)) for m in [*_OWN_DAY.finditer(text), *papers, *_OWN_POST.finditer(text)]]
    stamps += [(m.start(), (int(m.group("y")), int(m.group("m")), int(m.group("d"))))
               for m in [*_OWN_FIGURES.finditer(text), *_OWN_PRINT.finditer(text)]]
    year = document_year(text) if _OWN_TWEET.search(text) else None
    stamps += [(m.start(), (year, _month(m.group("m")), int(m.group("d")))) for m in _OWN_TWEET.finditer(text)] if year else []
    own = {day for _, day in stamps}
    try:
        dated = sorted((at, dt.date(*day)) for at, day in stamps)
    except (TypeError, ValueError):
        return text
    if len(own) == 1:
        if _DAY_HEADINGS.search(text):
            # « AUJOURD'HUI », « DEMAIN », then « VENDREDI », « SAMEDI »: the agenda's next day headings
            text = _WEEKDAY_HEADING.sub(lambda m: _written_day(m, dated[0][1]), text)
        text = _RELATIVE.sub(lambda m: _written_day(m, dated[0][1]), text)
        if papers:      # a paper dated once: its bare weekdays are the coming ones
            text = _BARE_WEEKDAY.sub(lambda m: _coming_or_past(m, dated[0][1]), text)
        return _RELATIVE_LINE.sub(lambda m: m.group("lead") + _written_day(m, dated[0][1]), text)
    if not own:
        return text

    starts = [at for at, _ in dated]

    def said_on(m):
        # several posts or broadcasts, each with its own date: a day is said relative to the one it is under
        k = bisect.bisect_left(starts, m.start())
        return _written_day(m, dated[k - 1][1]) if k else m.group(0)
    return _RELATIVE.sub(said_on, text)


def _coming_or_past(m, today: dt.date) -> str:
    """A paper's bare weekday written out: the coming one, or the last one in a sentence told in the past;
    in a photo's caption it is left."""
    start = m.string.rfind("\n", 0, m.start()) + 1
    end = m.string.find("\n", m.end())
    line = m.string[start:end if end >= 0 else len(m.string)]
    if _CAPTION.search(line):
        return m.group(0)
    sentence = re.split(r"(?<=[.!?])\s+", m.string[max(start, m.start() - 200):m.end() + 200])
    told = next((part for part in sentence if m.group(0) in part), "")
    if _TOLD_PAST.search(told):
        day = today - dt.timedelta(days=(today.weekday() - WEEKDAYS[fold(m.group("wd7"))] - 1) % 7 + 1)
        return f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"
    return _written_day(m, today)


def is_masthead(line: str) -> bool:
    """True for a paper's masthead or folio line, its name beside its own date (« LA GAZETTE DU NORD-YONNE ·
    Jeudi 5 novembre 2015 · N° 2187 »)."""
    name = re.split(r"\s{3,}|\s[·|]\s", line.strip())[0]
    return bool(_OWN_MASTHEAD.match(line)) and name.upper() == name and len(re.findall(r"[A-ZÀ-Ý]{2,}", name)) >= 2


def _stamp(m) -> tuple:
    """(year, month, day) of a document's own date as one of the patterns above found it."""
    said = {k.rstrip("2"): v for k, v in m.groupdict().items() if v}
    return int(said["y"]), _month(said["m"]), int(said["d"])


# numbers as a transcript writes them (« le samedi neuf », « dix-huit heures trente »)
_UNITS = ["un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"]
_SPOKEN = {**{w: k + 1 for k, w in enumerate(_UNITS)}, "premier": 1, "dix": 10, "onze": 11, "douze": 12,
           "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19,
           "vingt": 20, "trente": 30, "vingt-et-un": 21, "vingt et un": 21, "trente-et-un": 31, "trente et un": 31,
           **{f"vingt-{w}": 20 + k + 1 for k, w in enumerate(_UNITS) if w != "un"}}
_NUMBER = "(?:" + "|".join(sorted((re.escape(w).replace("\\ ", "\\s+") for w in _SPOKEN), key=len, reverse=True)) + ")"
# « samedi seize », « le vingt-et-un novembre », « mercredi treize… non pardon, … »: a day said in words
_SPOKEN_DAY = re.compile(rf"(?<![{_A}-])(?P<before>(?:{_WEEKDAY}|le)\s+)(?P<n>{_NUMBER})(?![{_A}-])(?!\s+(?:heures?|h\b|ans?|euros?|personnes))"
                         rf"|(?<![{_A}-])(?P<n2>{_NUMBER})(?P<after>\s+{_MONTH})(?![{_A}])", re.IGNORECASE)
# « à dix-huit heures trente », « de quatorze heures à dix-huit heures », « neuf heures trente »
_SPOKEN_TIME = re.compile(rf"(?<![{_A}-])(?P<h>{_NUMBER})\s+heures?(?:\s+(?P<m>trente|quinze|quarante-cinq|dix|vingt))?(?![{_A}-])",
                          re.IGNORECASE)
_MINUTES = {"trente": 30, "quinze": 15, "quarante-cinq": 45, "dix": 10, "vingt": 20}


def with_spoken_numbers(text: str) -> str:
    """A transcript's days and times said in words written in figures: « samedi neuf » → « samedi 9 »,
    « le vingt-et-un novembre » → « le 21 novembre », « dix-huit heures trente » → « 18h30 »."""
    def number(word):
        return _SPOKEN.get(re.sub(r"\s+", " ", word.lower()))

    def day(m):
        if m.group("n"):
            n = number(m.group("n"))
            if m.group("before").lower().startswith("le") and n == 1:
                return m.group(0)       # « le premier atelier », « le un » are no days
            return f"{m.group('before')}{n}" if n and n <= 31 else m.group(0)
        n = number(m.group("n2"))
        return f"{n}{m.group('after')}" if n and n <= 31 else m.group(0)

    def time(m):
        h = number(m.group("h"))
        if h is None or h > 23:
            return m.group(0)
        return f"{h}h{_MINUTES[m.group('m').lower()]:02d}" if m.group("m") else f"{h}h"
    if not re.search(_NUMBER, text, re.IGNORECASE):
        return text
    return _SPOKEN_DAY.sub(day, _SPOKEN_TIME.sub(time, text))


# « Le 14, direction Talence », « Le 25, les amateurs … »: a sentence opening on a day said without its month
_BARE_DAY = re.compile(r"(?:(?<=^)|(?<=[.!?»]\s)|(?<=\n))(?P<le>[Ll]e)\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:er)?(?=\s*,\s*\S)|"
                       # « Le Mois s'achèvera le 28 par une soirée », « le week-end des 22 et 23, la salle … »
                       r"(?<=\s)(?P<le2>[Ll]e|[Ll]e\s+week-end\s+des\s+(?:3[01]|[12]\d|0?[1-9])\s+et)\s+(?P<d2>3[01]|[12]\d|0?[1-9])(?:er)?"
                       r"(?=\s*,|\s+(?:par|avec|pour|dans|sur|chez|autour|à\s+(?!\d))\b)",
                       re.MULTILINE)
_NAMED_DAY = re.compile(rf"(?<![\d/])(?:3[01]|[12]\d|0?[1-9])(?:er)?\s+(?P<m>{_MONTH})(?![{_A}])", re.IGNORECASE)


# « 7 novembre (samedi) », « 21 et 22 novembre (samedi et dimanche) »: the weekday in brackets after the date
_BRACKETED_WEEKDAY = re.compile(rf"(?<![\d/])(?P<d>\d{{1,2}})(?:er)?(?:\s+et\s+(?P<d2>\d{{1,2}}))?\s+(?P<m>{_MONTH})\.?"
                                rf"\s*\((?P<w>{_WEEKDAY})\.?(?:\s+et\s+(?P<w2>{_WEEKDAY})\.?)?\)", re.IGNORECASE)


def with_weekdays_first(text: str) -> str:
    """« 7 novembre (samedi) » → « samedi 7 novembre », « 21 et 22 novembre (samedi et dimanche) » → « samedi 21 et
    dimanche 22 novembre »: the weekday where a date says it (else it stays in the title, or reads as another day)."""
    def first(m):
        if bool(m.group("d2")) != bool(m.group("w2")):
            return m.group(0)
        if m.group("d2"):
            return f"{m.group('w')} {m.group('d')} et {m.group('w2')} {m.group('d2')} {m.group('m')}"
        return f"{m.group('w')} {m.group('d')} {m.group('m')}"
    return _BRACKETED_WEEKDAY.sub(first, text) if "(" in text else text


def with_month_of_bare_days(text: str) -> str:
    """« Le 14, direction Talence » → « Le 14 novembre, … » in an article whose days are all said in one month
    (three at least): a press article names the month once and then the day alone."""
    if not _BARE_DAY.search(text):
        return text
    # (one day of another month, « le marché de Noël prendra le relais le samedi 6 décembre », leaves it so)
    months = collections.Counter(_month(m.group("m")) for m in _NAMED_DAY.finditer(text))
    if not months or months.most_common(1)[0][1] < max(3, 0.8 * sum(months.values())):
        return text
    month = MONTH_NAMES[months.most_common(1)[0][0] - 1]
    return _BARE_DAY.sub(lambda m: f"{m.group('le') or m.group('le2')} {m.group('d') or m.group('d2')} {month}", text)


# « Le lendemain encore, c'est au cinéma … »: the day after the last day the text named (« la veille » is left: « le
# lien est envoyé la veille » is said from the event's own day)
_NEXT_DAY = re.compile(rf"\b(?P<w>(?:[Dd]ès\s+)?[Ll]e\s+(?P<n>(?:sur)?lendemain))\b"
                       rf"(?!\s*(?:au\s+soir|soir|matin|apr[èe]s-midi)?\s*,?\s*(?:{_WEEKDAY}\s+)?\d)(?!\s+(?:de|du|des|d['’]))", re.IGNORECASE)
_NEXT_SHIFT = {"lendemain": 1, "surlendemain": 2}


def with_next_days(text: str) -> str:
    """« Mercredi 12, … Le lendemain encore, … » → « … Le jeudi 13 encore, … »: a day said from the one the
    text named last (within a few lines), written out."""
    if not _NEXT_DAY.search(text):
        return text
    out, at = [], 0
    for m in _NEXT_DAY.finditer(text):
        out.append(text[at:m.start()])
        out.append(_next_day(m, "".join(out)[-600:]))
        at = m.end()
    return "".join(out) + text[at:]


def _next_day(m, before: str) -> str:
    found = search_dates(before, loose=True)
    if not found:
        return m.group(0)
    at, match = max(found, key=lambda f: f[0])
    if re.search(rf"\b{_WEEKDAY}\b|\bprochain", before[at + match.end:], re.IGNORECASE):
        return m.group(0)       # a day said since, not written out (« mardi prochain »): which one is not known
    last = match.points[-1]
    day = last.day + _NEXT_SHIFT[fold(m.group("w")).split()[-1]]
    if not 1 <= day <= 28 or last.day > 28:
        return m.group(0)       # past the 28th the month may end: left as written
    weekday = next((k for k, w in enumerate(WEEKDAY_NAMES) if w[:3] == fold(last.weekday or "")[:3]), None)
    words = [WEEKDAY_NAMES[(weekday + day - last.day) % 7]] if weekday is not None else []
    words += [str(day)] + ([MONTH_NAMES[last.month - 1]] if last.month else [])
    said = m.group(0)
    return said[:len(said) - len(m.group("n"))] + " ".join(words)


def _written_day(m, today: dt.date) -> str:
    before = m.string[:m.start()]
    if before.count("«") > before.count("»") or before.count('"') % 2:
        return m.group(0)       # « Nourrir demain »: a title's words, not a day
    groups = m.groupdict()
    said = next((groups.get(g) for g in ("wd1", "wd2", "wd3", "wd4", "wd5", "wd6", "wd7") if groups.get(g)), None)
    weekday = WEEKDAYS.get(fold(said)) if said else None
    if groups.get("tonight"):
        day = today
    elif groups.get("tomorrow") or groups.get("alone"):
        word = fold(groups.get("tomorrow") or groups.get("alone"))
        shift = {"apres-demain": 2, "demain": 1, "aujourd'hui": 0, "aujourd’hui": 0, "hier": -1, "avant-hier": -2}
        day = today + dt.timedelta(days=shift.get(word, 0))
        if weekday is not None and day.weekday() != weekday:
            return m.group(0)
    elif groups.get("wd2"):     # « jeudi prochain »: the next one after today
        day = today + dt.timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)
    elif groups.get("wd6"):     # « samedi dernier »: the last one before today
        day = today - dt.timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)
    else:                       # « ce samedi », « Samedi, 20h30 – »: the coming one, today included
        day = today + dt.timedelta(days=(weekday - today.weekday()) % 7)
    written = f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"
    if groups.get("wd4"):
        return f"{said[0]}{written[1:]}"
    # (« CE SAMEDI » opening its line stays a capital: a line in lower case would go on the one above)
    # (« … sans attendre. Demain samedi, … » opens a sentence: so does what it becomes)
    opens_line = not m.string[m.string.rfind("\n", 0, m.start()) + 1:m.start()].strip()
    opens_sentence = re.search(r"\.\s+$", m.string[max(0, m.start() - 3):m.start()])
    return written[:1].upper() + written[1:] if (opens_line or opens_sentence) and m.group(0)[:1].isupper() else written


def format_day(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def weekday_year(matches, candidates, prefer=None) -> int | None:
    """The year in `candidates` whose calendar agrees with the most written weekdays, if it stands out;
    among years that agree equally, the first of `prefer` (a year, or years in order of preference: the
    article's own date, then the years the document names) that is one."""
    scored = []
    for year in candidates:
        agree = total = 0
        for found in matches:
            for point in found.points:
                if point.weekday and point.month and not point.year:
                    total += 1
                    try:
                        agree += WEEKDAY_NAMES[dt.date(year, point.month, point.day).weekday()] == point.weekday
                    except ValueError:
                        pass
        scored.append((agree, total, year))
    if not scored:
        return None
    top = max(s[0] for s in scored)
    best = [s for s in scored if s[0] == top]
    # calendars repeat: among years that agree equally, the article's (or one the document names) or else
    # the most recent is the likeliest
    preferred = list(prefer) if isinstance(prefer, (list, tuple)) else [prefer]
    agree, total, year = next((s for p in preferred for s in best if s[2] == p), None) or max(best, key=lambda s: s[2])
    if total >= 2 and agree > total / 2:
        return year
    return None


_YEAR_MARKS = [
    # « Mois de l'ESS 2024 », and the hashtag « #MoisESS2024 », « #MoisDeLESS2024 »
    re.compile(r"mois\s*(?:de\s*l['’]?\s*)?(?:ess|[ée]conomie\s+sociale\s+et\s+solidaire)\s*(?:de\s+)?((?:19|20)\d\d)\b",
               re.IGNORECASE),
    re.compile(r"\b(?:novembre|nov\.?)\s+((?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\b[ée]dition\s+((?:19|20)\d\d)\b", re.IGNORECASE),
    # « Agenda ESS 2016 », « Programme de l'ESS 2019 »
    re.compile(r"\b(?:agenda|programme|rendez-vous)\s+(?:de\s+l['’]\s*)?(?:ess|[ée]conomie\s+sociale(?:\s+et\s+solidaire)?)"
               r"\s+((?:19|20)\d\d)\b", re.IGNORECASE),
]


_ARTICLE_DATE = re.compile(
    r"(?:^[A-ZÀ-Ý][\w’'\- ]{1,40},|\b(?:publi[ée]e?|mis\s+à\s+jour|mis\s+en\s+ligne|modifi[ée]e?|post[ée]e?|paru)\s+le)"
    r"\s+(?:le\s+)?"
    rf"(?:{_WEEKDAY}\s+)?{_DAY}(?:er)?\s*(?:{_MONTH}\.?|/\d{{1,2}}/)\s*((?:19|20)\d\d)\b",
    re.IGNORECASE | re.MULTILINE)


def article_year(text: str) -> int | None:
    """The year of an article's own date: its dateline (« Besançon, le 28 octobre 2022 ») or « Publié
    le 4 novembre 2019 »."""
    m = _ARTICLE_DATE.search(text[:20_000])
    return int(m.group(1)) if m else None


def years_named(text: str) -> list:
    """The years a text writes (« en 2017 », « 02.11.2010 »), most often written first."""
    found = [int(y) for y in re.findall(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d])", text[:200_000])]
    return sorted(set(found), key=lambda y: (-found.count(y), -y))


def edition_years(text: str) -> list:
    """Every edition a document names (« Mois de l'ESS 2020 », « novembre 2021 »), most often named first."""
    found = [int(y) for pattern in _YEAR_MARKS for y in pattern.findall(text[:200_000])]
    return sorted(set(found), key=lambda y: (-found.count(y), found.index(y)))


def document_year(text: str) -> int | None:
    """The edition a document names: « Mois de l'ESS 2024 », « Novembre 2017 », « édition 2019 »."""
    for pattern in _YEAR_MARKS:
        years = [int(y) for y in pattern.findall(text[:200_000])]
        if years:
            return max(set(years), key=lambda y: (years.count(y), -years.index(y)))
    return None


# ---------------------------------------------------------------- times

_CLOCK = r"(?P<h{n}>[01]?[0-9]|2[0-4])\s*(?:h|H|heures?|:)\s*(?P<min{n}>[0-5][0-9])?(?![0-9])"
_BARE = r"(?P<h{n}>[01]?[0-9]|2[0-4])(?:\s*(?:h|H|heures?|:)\s*(?P<min{n}>[0-5][0-9])?)?(?![0-9])"
_TIME_RANGE = re.compile(
    r"(?<![0-9])(?:de\s+|d[èe]s\s+)?" + _BARE.format(n=1) + r"\s*(?:à|a|-|–|—|>|→|jusqu['’]à)\s*" + _CLOCK.format(n=2)
    + r"(?!\s*(?:mn|min|minutes|ans|jours|€|euros|%))",
    re.IGNORECASE)
_TIME_FROM = re.compile(r"(?:à\s+partir\s+de|a\s+partir\s+de|d[èe]s|à|a|vers)\s+" + _CLOCK.format(n=1)
                        + r"(?!\s*(?:mn|min|minutes))", re.IGNORECASE)
_TIME_UNTIL = re.compile(r"(?:jusqu['’]à|jusque|jusqu['’]a)\s+" + _CLOCK.format(n=1), re.IGNORECASE)
_TIME_ANY = re.compile(r"(?<![0-9])" + _CLOCK.format(n=1) + r"(?!\s*(?:mn|min|minutes))", re.IGNORECASE)


# « de 9 h 30 à midi », « jusqu'à minuit »: noon and midnight as clock times (« midi » alone is a meal time)
_NOON = re.compile(r"(?<=\bà\s)(?:midi|minuit)\b|(?<=\bjusqu['’]à\s)(?:midi|minuit)\b", re.IGNORECASE)


def _hhmm(m, n) -> str | None:
    hour, minute = int(m.group(f"h{n}")), int(m.group(f"min{n}") or 0)
    if hour > 24 or (hour == 24 and minute):
        return None
    return f"{hour % 24:02d}:{minute:02d}"


def find_times(text: str) -> tuple:
    """(start, end) 'HH:MM' of the times in a text: « 9 h à 12 h et 14 h à 17 h » → 09:00, 17:00;
    « À partir de 18 h » → 18:00, None. (None, None) when it names no time."""
    if not text:
        return None, None
    text = _NOON.sub(lambda m: "12h" if m.group(0).lower().endswith("midi") else "24h", text)
    ranges = [(m.start(), _hhmm(m, 1), _hhmm(m, 2)) for m in _TIME_RANGE.finditer(text)]
    ranges = [r for r in ranges if r[1] and r[2]]
    if ranges:
        return ranges[0][1], ranges[-1][2]
    until = _TIME_UNTIL.search(text)
    # a time inside « jusqu'à 18 h » is where the event ends, not where it starts
    starts = [m for m in list(_TIME_FROM.finditer(text)) + list(_TIME_ANY.finditer(text))
              if not (until and until.start() <= m.start() < until.end())]
    start = min(starts, key=lambda m: (m.re is not _TIME_FROM, m.start())) if starts else None
    start_time = _hhmm(start, 1) if start else None
    end_time = _hhmm(until, 1) if until else None
    if start_time and end_time and end_time <= start_time:
        end_time = None
    return start_time, end_time


def strip_times(text: str) -> str:
    """The text without its time expressions (to read what else a line says)."""
    for pattern in (_TIME_RANGE, _TIME_UNTIL, _TIME_FROM, _TIME_ANY):
        text = pattern.sub("\x00", text)
    # « 10h et 14h30 », « 9h-12h ou 14h-17h »: the word between two times goes with them
    text = re.sub(r"\x00[\s,]*(?:(?:et|ou|puis|&)\s*\x00[\s,]*)+", " ", text).replace("\x00", " ")
    return re.sub(r"\s{2,}", " ", text).strip()


# what may stand beside a card's hours: « tous les jours », « en continu », « sauf le lundi »
_HOURS_FILLER = re.compile(r"^(?:(?:tous\s+les\s+jours|chaque\s+jour|en\s+continu|non-stop|sauf\s+(?:le\s+)?[a-zé]+|"
                           r"(?:le\s+)?(?:matin|midi|soir|après-midi)|et|puis)\b[\s,;:–—-]*)*$", re.IGNORECASE)


def only_hours(text: str) -> bool:
    """True when `text` says nothing but hours (« , de 14h à 16h30 », « tous les jours de 11h à 19h »)."""
    return bool(_HOURS_FILLER.match(strip_times(text).strip(" ,;:–—-|·()")))


def day_with_hours(text: str) -> list | None:
    """The days of a line that says nothing but them and their hours (« 5 novembre 2013, 18 h 30 - 22 h 00 »,
    « sam. 26 nov. 2016, 09:00 – dim. 27 nov. 2016, 18:00 »): their points, first and last; else None."""
    found = match_date(text)
    if not found or found.kind not in ("single", "range"):
        return None
    rest = strip_times(text[found.end:]).strip(" ,;:–—-|")
    if only_hours(rest):
        return found.points
    until = match_date(rest)
    return [found.points[0], until.points[-1]] if until and only_hours(rest[until.end:]) else None


def starts_with_time(text: str) -> bool:
    return bool(re.match(r"\s*(?:de\s+|à\s+partir\s+de\s+|d[èe]s\s+)?" + _CLOCK.format(n=1), text, re.IGNORECASE))
