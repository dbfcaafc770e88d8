"""A poster's vertical timeline as text: a rule down the middle of the page (« │ »), a dot on it for each day
(« ◉ JEU. 3 NOV. »), each day's event written beside its dot, now on the left of the rule, now on the right.
Extracted line by line, the two sides run into each other; `untimelined` gives each day's label and the block
beside it, in the order of the rule, so that they read as a list of dated entries."""

import re
from collections import Counter
from dataclasses import dataclass, field

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
        return raws
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


def _on_rule(raw: str, column: int) -> bool:
    return len(raw) > column and (raw[column] in _RULE or raw[column] in _DOTS)


def _dot(raw: str, column: int) -> int | None:
    """Where the dot of a day is on this line, on the rule or just before it (a label set across the rule)."""
    near = [k for k in range(max(0, column - _NEAR), min(len(raw), column + 2)) if raw[k] in _DOTS]
    return near[0] if len(near) == 1 and not _on_rule_only(raw, column) else None


def _on_rule_only(raw: str, column: int) -> bool:
    return len(raw) > column and raw[column] in _RULE


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
