"""A poster's timeline as text. Vertical: a rule down the middle of the page (« │ »), a dot on it for each day
(« ◉ JEU. 3 NOV. »), each day's event written beside its dot, now on the left of the rule, now on the right.
Horizontal: a rule across the page (« ──●────●── ») with the days' numbers under it, each day's event in a
column above or below it. Extracted line by line, the sides or columns run into each other; `untimelined` gives
each day's block on its own, so that they read as a list of dated entries."""

import re
from collections import Counter
from dataclasses import dataclass, field

from .dates import match_date, starts_with_time

_RULE = "│┃║|▼▲"
_DOTS = "◉●○◆◇•◎⬤■□"
# a dot's label runs to the first wide gap: « ◉ SAM. 5 NOV.      COUTANCES · 9H00-13H00 »
_LABEL_END = re.compile(r"\s{3,}")
_ARROW_SPAN = re.compile(r"^(\d{1,2})\s*(?:→|->|–|—)\s*(\d{1,2})\b")
_MIN_ROWS = 8
_NEAR = 8       # how far before the rule a day's dot may sit, its label set across the rule


@dataclass
class _Block:
    side: str
    start: int
    lines: list = field(default_factory=list)
    label: str | None = None


def untimelined(raws: list) -> list:
    """`raws` with a vertical timeline's stretch rewritten as its days' labels, each over its event's lines,
    in the rule's order; other documents as they are."""
    column = _rule_column(raws)
    if column is None:
        return _timed_boxes(_across(raws))
    rows = [i for i, raw in enumerate(raws) if _on_rule(raw, column) or _dot(raw, column) is not None]
    first, last = rows[0], rows[-1]
    return raws[:first] + _read(raws[first:last + 1], column) + raws[last + 1:]


def _rule_column(raws: list) -> int | None:
    """The column of the rule: the one place where most lines of a long stretch have a rule and no other
    (a table's « | » comes several to a line), with a dot on or near it for four days or more."""
    places = Counter()
    for raw in raws:
        marks = [k for k, ch in enumerate(raw) if ch in _RULE]
        if len(marks) == 1 and 10 <= marks[0]:
            places[marks[0]] += 1
    if not places:
        return None
    column, count = places.most_common(1)[0]
    dots = sum(1 for raw in raws if _dot(raw, column) is not None)
    return column if count >= _MIN_ROWS and dots >= 4 else None


def _on_rule(raw: str, column: int, marks: str = _RULE + _DOTS) -> bool:
    return len(raw) > column and raw[column] in marks


def _dot(raw: str, column: int) -> int | None:
    """Where the dot of a day is on this line, on the rule or just before it (a label set across the rule)."""
    near = [k for k in range(max(0, column - _NEAR), min(len(raw), column + 2)) if raw[k] in _DOTS]
    return near[0] if len(near) == 1 and not _on_rule(raw, column, _RULE) else None


def _read(stretch: list, column: int) -> list:
    blocks, open_ = [], {"left": None, "right": None}
    labels = []
    for row, raw in enumerate(stretch):
        dot = _dot(raw, column)
        if dot is not None:
            after = raw[dot + 1:]
            gap = _LABEL_END.search(after.lstrip())
            label = (after.lstrip()[:gap.start()] if gap else after.lstrip()).strip()
            left, right = raw[:dot].strip(), (after.lstrip()[gap.end():].strip() if gap else "")
            labels.append((row, _span(label)))
        else:
            left = raw[:column].strip()
            right = raw[column + 1:].strip() if len(raw) > column else ""
        for side, text in (("left", left), ("right", right)):
            if not text:
                open_[side] = None
                continue
            if open_[side] is None:
                open_[side] = _Block(side, row)
                blocks.append(open_[side])
            open_[side].lines.append(text)
    items = []
    for row, label in labels:
        starting = [b for b in blocks if b.start == row and b.label is None]
        block = next((b for b in starting if b.side == "left"), None) if len(starting) > 1 else \
            (starting[0] if starting else None)
        if block is not None:
            block.label = label
        else:
            items.append((row, [label]))
    items += [(b.start, ([b.label] if b.label else []) + b.lines) for b in blocks]
    out = []
    for _row, lines in sorted(items, key=lambda item: item[0]):
        out += lines + [""]
    return out


def _span(label: str) -> str:
    """« 21 → 26 NOV. » as « du 21 au 26 NOV. », how the reader reads a span."""
    return _ARROW_SPAN.sub(r"du \1 au \2", label)


# « ──●───────────────────●─────── »: a rule across the page with a dot for each day
_ACROSS = re.compile(r"^\s*[─━═-]*(?:[●◉○◆•][─━═-]+){2,}[●◉○◆•]?[─━═-]*\s*$")
_NUMBERS = re.compile(r"^\s*\d{1,2}(?:\s+\d{1,2})+\s*$")
_GUTTER = 2


def _across(raws: list) -> list:
    """The columns above and under each rule drawn across the page, each read top to bottom on its own; the
    rule and the line of day numbers under it left out. Other documents as they are."""
    rules = [i for i, raw in enumerate(raws) if _ACROSS.match(raw)]
    if not rules:
        return raws
    bands, drop = [], set(rules)
    for i in rules:
        if i + 1 < len(raws) and _NUMBERS.match(raws[i + 1]):
            drop.add(i + 1)
        bands += [b for b in (_band(raws, i - 1, -1), _band(raws, i + 2 if i + 1 in drop else i + 1, 1)) if b]
    out, done = [], set()
    for k, raw in enumerate(raws):
        band = next((b for b in bands if b[0] == k), None)
        if band is not None and k not in done:
            out += _read_columns(raws[band[0]:band[1] + 1])
            done.update(range(band[0], band[1] + 1))
        elif k not in done and k not in drop:
            out.append(raw)
    return out


def _band(raws: list, start: int, step: int) -> tuple | None:
    """(first, last) of the lines written next to a rule, going up (`step` -1) or down (1), past blank lines
    next to it; None when there are none."""
    k = start
    while 0 <= k < len(raws) and not raws[k].strip():
        k += step
    end = k
    while 0 <= end + step < len(raws) and raws[end + step].strip() and not _ACROSS.match(raws[end + step]):
        end += step
    if not 0 <= k < len(raws) or not raws[k].strip():
        return None
    return (min(k, end), max(k, end))


def _read_columns(band: list) -> list:
    """Lines side by side in columns cut where every line of the band has spaces, each column given whole."""
    width = max(len(line) for line in band)
    free = [all(len(line) <= p or line[p] == " " for line in band) for p in range(width)]
    cuts, p = [0], 0
    while p < width:
        if free[p]:
            q = p
            while q < width and free[q]:
                q += 1
            if q - p >= _GUTTER and p > 0 and q < width:
                cuts.append(q)
            p = q
        else:
            p += 1
    if len(cuts) < 2:
        return band + [""]
    out = []
    for a, b in zip(cuts, cuts[1:] + [width]):
        block = [line[a:b].strip() for line in band if line[a:b].strip()]
        out += block + [""] if block else []
    return out


def _opens_box(text: str) -> bool:
    """A box's first line: its hours (« 14h – 17h ◆ »), or its day then its hours under a week-end's band
    (« SAM. 9 · 10h – 12h30 ◆ », « SAM. 9 & DIM. 10 · 10h – »), or the new day of a box put off
    (« ⚠ NOUVELLE DATE : MARDI 19 », its month and hours on the next line)."""
    text = _NEW_DAY.sub("", text)
    found = match_date(text)
    after = text[found.end:].strip(" ·,–—-") if found else ""
    return starts_with_time(text) or bool(found) and (not after or starts_with_time(after))


_NEW_DAY = re.compile(r"^\W*(?:nouvelle\s+date|report[ée]e?\s+(?:au|le)|d[ée]plac[ée]e?\s+(?:au|le))\s*:?\s*", re.IGNORECASE)


def _timed_boxes(raws: list) -> list:
    """A brochure's rows of boxes under a day's band (« 14h – 17h ◆   18h ●   20h30 ● », then each box's
    commune, title, place …, side by side): each box read on its own, left to right. Only a paragraph whose
    lines all leave the same gutters free, and whose three columns or more each open on a time."""
    out, block = [], []
    for raw in raws + [""]:
        if raw.strip():
            block.append(raw)
            continue
        if len(block) >= 3:
            columns = _read_columns(block)
            heads = [k for k, line in enumerate(columns) if line and (k == 0 or not columns[k - 1])]
            # two boxes that each give their day may head columns read whole (« À NANCY » over the left one);
            # a box that gives only its hours takes the day of the band above its row
            if all(_opens_box(columns[k]) for k in heads) and len(heads) >= 2 \
                    and (len(heads) >= 3 or any(starts_with_time(columns[k]) for k in heads)):
                block = columns
        out += block + [raw]
        block = []
    return out[:-1]
