"""A document's own abbreviations, spelled out where they stand for a word the reader knows: a software
extraction's legend (« Légende statuts : CONF = confirmée · ANN = annulée · DÉPL = déplacée ») says what
« ANN » in a row's cell means, and that row is then read as cancelled. A legend of bracketed codes
(« [R] route · [T] technique / logistique · [A] ANIMATION PUBLIQUE · [P] presse (non public) ») says which
lines are no public event: those lines, and the lines indented under them, are left out."""

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


# « [T] technique / logistique », « [A] ANIMATION PUBLIQUE (programme) »: a bracketed code and what it stands for
_CODE = re.compile(r"\[(?P<code>[A-ZÀ-Ý0-9]{1,4})\]\s*(?P<meaning>[^\[·;|]{2,60})")
# what a code stands for when its lines are no public event
_NOT_PUBLIC = re.compile(r"\b(?:route|trajet|technique|logistique|interne|non\s+public|presse|partenaires|r[ée]union|"
                         r"priv[ée]e?|montage|d[ée]montage)\b", re.IGNORECASE)
_PUBLIC = re.compile(r"(?<!non\s)\bpublic(?:que)?\b|\bprogramme\b|\banimation", re.IGNORECASE)
_CODED_LINE = re.compile(r"^(?P<indent>[ \t]*)(?:\d{1,2}\s*[h:]\s*\d{0,2}\s+)?\[(?P<code>[A-ZÀ-Ý0-9]{1,4})\]")


def private_codes(text: str) -> set:
    """The codes a legend of bracketed codes gives to what is no public event, when it gives one to public events."""
    lines = text.split("\n")[:200]
    for k, line in enumerate(lines):
        if line.rstrip().endswith(("·", ",", ";")) and k + 1 < len(lines):
            line = f"{line} {lines[k + 1]}"      # (a legend that goes on to the next line)
        pairs = [(m.group("code"), m.group("meaning")) for m in _CODE.finditer(line)]
        if len(pairs) < _FEWEST:
            continue
        public = {code for code, meaning in pairs if _PUBLIC.search(meaning)}
        private = {code for code, meaning in pairs if _NOT_PUBLIC.search(meaning) and code not in public}
        if public and private:
            return private
    return set()


def without_private(text: str) -> str:
    """`text` without the lines its legend's codes say are no public event (see the module's description)."""
    private = private_codes(text)
    if not private:
        return text
    out, under = [], None
    for line in text.split("\n"):
        coded = _CODED_LINE.match(line)
        if under is not None and line.strip() and len(line) - len(line.lstrip()) > under and not coded:
            continue        # (a line indented under a left-out one goes with it)
        under = None
        if coded and coded.group("code") in private:
            under = len(coded.group("indent"))
            continue
        # (the public code itself is no part of the title: « 08h00  [A] MARCHÉ … » → « 08h00  MARCHÉ … »)
        out.append(line[:coded.start("code") - 1] + line[coded.end():].lstrip() if coded else line)
    return "\n".join(out)
