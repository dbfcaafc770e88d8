"""The names a document gives its own places: « Aiacciu = Ajaccio » (a wiki's links in another language),
« Ponte-Leccia est un hameau de Morosaglia », « Lupino est un quartier de Bastia ». Each name that is no
commune, said to stand for a commune, is read as that commune wherever the document writes it."""

import itertools
import re

from ..names import normalise

_MOST = 200        # notes a document gives, each looked up: a text of thousands of « A = B » is no note
_NAME = r"[A-ZÀ-Ý][\w'’-]*(?:[ -][A-ZÀ-Ýa-zà-ÿ][\w'’-]*){0,4}?"
# « Aiacciu = Ajaccio », « Corti : Corte » in a list of several, separated by « ; » or « , »
_EQUALS = re.compile(rf"(?<![\w'’-])(?P<alias>{_NAME})\s*=\s*(?P<commune>{_NAME})(?=\s*(?:[;,.]|$))", re.MULTILINE)
# « Ponte-Leccia est un hameau de Morosaglia », « Moriani-Plage est la marine de San-Nicolao »
_PART_OF = re.compile(rf"(?<![\w'’-])(?P<alias>{_NAME})\s+est\s+(?:un|une|le|la|l['’])\s*(?:\w+\s+)?(?:hameau|quartier|"
                      r"village|lieu-dit|marine|port|plage|station|section|commune\s+(?:associ[ée]e|d[ée]l[ée]gu[ée]e))"
                      rf"(?:\s+\w+)?\s+(?:de|d['’]|du)\s*(?P<commune>{_NAME})(?=\s*(?:[;,.]|$))", re.MULTILINE)


def document_aliases(text: str, commune) -> dict:
    """{normalised name: what `commune(name)` gives for the commune it stands for}, from the document's own
    notes. `commune` resolves a name to a commune, or returns None."""
    found = {}
    for pattern in (_EQUALS, _PART_OF):
        for m in itertools.islice(pattern.finditer(text), _MOST):
            alias, name = m.group("alias").strip(), m.group("commune").strip()
            target = commune(name)
            if target is not None and commune(alias) is None and normalise(alias) != normalise(name):
                found[normalise(alias)] = target
    return found
