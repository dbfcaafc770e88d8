"""A document's own abbreviations, spelled out where they stand for a word the reader knows: a software
extraction's legend (« Légende statuts : CONF = confirmée · ANN = annulée · DÉPL = déplacée ») says what
« ANN » in a row's cell means, and that row is then read as cancelled."""

import re

# « ANN = annulée », « INT : réunion interne »: a code in capitals, its meaning in words up to the next pair
_PAIR = re.compile(r"(?<![\w-])(?P<code>[A-ZÀ-Ý]{2,6})\s*(?:=|:)\s*(?P<meaning>[a-zà-ÿ][^=·;|]{1,60}?)"
                   r"\s*(?=[·;,]\s*[A-ZÀ-Ý]{2,6}\s*(?:=|:)|$)")
_FEWEST = 2         # pairs on one line for it to be a legend
_CELL = re.compile(r"(?<=\|)(?P<space>\s*)(?P<code>[A-ZÀ-Ý]{2,6})(?=\s*(?:\||→|\(|$))", re.MULTILINE)


def spelled_out(text: str) -> str:
    """`text` with the codes its legends define written as their meanings in the cells of its rows."""
    codes = {}
    for line in text.split("\n")[:200]:
        pairs = list(_PAIR.finditer(line))
        if len(pairs) >= _FEWEST:
            codes.update((m.group("code"), m.group("meaning").strip()) for m in pairs)
    if not codes:
        return text
    return _CELL.sub(lambda m: m.group("space") + codes.get(m.group("code"), m.group("code")), text)
