"""Sector figures met in a programme's text (« 52 000 salariés et 3 900 établissements », « 180
structures ont candidaté dont 35 en Occitanie »), offered as candidates for a person to confirm,
with the territory the sentence names.
"""

import re

from ..names import normalise
from .dates import fold
from .model import Figure

_NUMBER = r"(?P<num>\d{1,3}(?:[ .]\d{3})+(?![\d])|\d+(?:,\d+)?)"
_QUALIFIER = r"(?P<qual>plus\s+de|près\s+de|environ|quelque|presque|moins\s+de|pr[eè]s\s+de|au\s+moins)?\s*"
# what follows a number → indicator (compared folded)
_UNITS = [
    (r"%\s+(?:des|de\s+l['’])\s*emplois?\s+(?:salari[ée]s?\s+)?priv[ée]s?", "share_of_private_jobs_pct", "pct"),
    (r"%\s+(?:des|de\s+l['’])\s*(?:emplois?|salari[ée]s|emploi\s+salari[ée])", "share_of_jobs_pct", "pct"),
    (r"%\s+des\s+[ée]tablissements", "share_of_establishments_pct", "pct"),
    (r"salari[ée]e?s|emplois\s+salari[ée]s", "employees", "count"),
    (r"[ée]tablissements(?:\s+employeurs)?|organismes(?:\s+employeurs)?|structures\s+employeuses", "establishments",
     "count"),
    (r"entreprises(?:\s+de\s+l['’]ess)?", "enterprises", "count"),
    (r"(?:structures|candidats|candidatures)\s+(?:ont\s+)?(?:candidat[ée]|postul[ée])|candidatures", "prix_ess_applicants",
     "count"),
    (r"[ée]v[ée]nements|[ée]v[èe]nements|manifestations", "mois_ess_events", "count"),
    (r"organisateurs|structures\s+organisatrices", "mois_ess_organisers", "count"),
    (r"participants|visiteurs", "mois_ess_participants", "count"),
]
_FIGURE = re.compile(_QUALIFIER + _NUMBER + r"\s*(?P<unit>" + "|".join(f"(?:{u})" for u, _, _ in _UNITS) + r")\b",
                     re.IGNORECASE)
_PART = re.compile(r"\bdont\s+" + _NUMBER + r"(?:\s+[a-zà-ÿ’'\-]+){0,2}?\s+(?:en|dans\s+(?:la|le|les|l['’])?|à|pour\s+"
                   r"(?:la|le|l['’])?|sur\s+(?:la|le|l['’])?)\s*(?P<where>[A-ZÀ-Ý][\w’'\-]*(?:\s+(?:[A-ZÀ-Ý][\w’'\-]*|de|du|des|"
                   r"la|d['’]\w+))*)")
FRANCE = ("country", "FR", "France")
_QUALIFIERS = {"plus de": "more_than", "pres de": "about", "environ": "about", "quelque": "about",
               "presque": "about", "moins de": "less_than", "au moins": "more_than"}
_ESS = re.compile(r"\bESS\b|[ée]conomie\s+sociale", re.IGNORECASE)
_MONTH_OF_ESS = re.compile(r"\bmois\s+de\s+l['’]\s*(?:ESS|[ée]conomie)|\bnovembre\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:en|de|au|source[^.\n]{0,40}?)\s*((?:19|20)\d\d)\b", re.IGNORECASE)


class TerritoryFinder:
    """Territory names (régions, départements, intercommunalités) → (level, code, name), matched on words."""

    def __init__(self, territories):
        self.by_words = {}
        for level, code, name in territories:
            words = tuple(w for w in (normalise(p) for p in re.split(r"[\s'’\-]+", name)) if w)
            if words and (len(words) > 1 or len(words[0]) >= 4):
                self.by_words.setdefault(words, (level, code, name))
        self.longest = max((len(k) for k in self.by_words), default=0)

    def find(self, text: str):
        """The longest territory named in the text (a capitalised name), or None."""
        tokens = [(m.group(0), normalise(m.group(0))) for m in re.finditer(r"[^\W_]+", text)]
        best = None
        for i, (raw, _) in enumerate(tokens):
            if not raw[:1].isupper():
                continue
            for n in range(min(self.longest, len(tokens) - i), 0, -1):
                key = tuple(t[1] for t in tokens[i:i + n] if t[1] not in ("l", "d") or n == 1)
                found = self.by_words.get(key)
                if found and (best is None or n > best[0]):
                    best = (n, found)
                    break
        return best[1] if best else None


def _value(num: str) -> float:
    return float(re.sub(r"[ .]", "", num).replace(",", "."))


def _indicator(unit: str) -> tuple:
    folded = fold(unit)
    for pattern, name, kind in _UNITS:
        if re.fullmatch(fold(pattern), folded, re.IGNORECASE):
            return name, kind
    return None, None


def find_figures(text: str, finder: TerritoryFinder | None, edition: int | None = None) -> list:
    """Candidate figures, each with the sentence it comes from, the territory that sentence (or its
    paragraph) names and its year: written in the sentence, its paragraph or the « Source » under it,
    else the programme's edition (said in the figure's note). « N … dont M en <territoire> » gives N to
    the wider scope (France when nothing else is named) and M to the territory. The same figure met
    twice is given once, with its written year when one of the two has it."""
    out, seen = [], {}
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    for k, flat in enumerate(paragraphs):
        if not flat or not re.search(r"\d", flat):
            continue
        source = paragraphs[k + 1] if k + 1 < len(paragraphs) and re.match(r"^sources?\b", paragraphs[k + 1],
                                                                             re.IGNORECASE) else ""
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý])", flat):
            for figure in _sentence_figures(sentence, finder, flat, source):
                key = (figure.indicator, figure.value, figure.territory_code)
                if key not in seen:
                    seen[key] = len(out)
                    out.append(figure)
                elif out[seen[key]].year is None and figure.year:
                    out[seen[key]] = figure
    for figure in out:
        if figure.year is None and edition:
            figure.year = int(edition)
            figure.note = f"année non écrite : celle de l'édition du programme ({edition}), à vérifier"
    return out


def _sentence_figures(sentence, finder, paragraph, source="") -> list:
    out = []
    scope = sentence if len(paragraph) > 400 else paragraph
    about_ess = bool(_ESS.search(scope))
    about_month = bool(_MONTH_OF_ESS.search(scope))
    year = _year_of(sentence, f"{paragraph} {source}")
    parts = [(m.start(), m.end()) for m in _PART.finditer(sentence)]
    for m in _FIGURE.finditer(sentence):
        if any(start <= m.start() < end for start, end in parts):
            continue            # the M of « dont M en … » is given with its N
        indicator, unit = _indicator(m.group("unit"))
        if not indicator or (unit == "pct" and _value(m.group("num")) > 100):
            continue
        if not (about_month if indicator.startswith("mois_ess") else about_ess or indicator == "prix_ess_applicants"):
            continue
        value = _value(m.group("num"))
        if unit == "count" and value < 2:
            continue
        qualifier = _QUALIFIERS.get(fold(re.sub(r"\s+", " ", m.group("qual") or "")), "")
        figure = Figure(indicator, value, unit, sentence.strip(), qualifier, year=year)
        part = _part_of(sentence, m)
        sub = finder.find(part.group("where")) if part and finder else None
        if sub:
            without = sentence[:m.end() + part.start()] + sentence[m.end() + part.end():]
            figure.territory_level, figure.territory_code, figure.territory_name = finder.find(without) or FRANCE
            out += [figure, Figure(indicator, _value(part.group("num")), unit, sentence.strip(), "", *sub, year=year)]
            continue
        where = (finder.find(sentence) or finder.find(paragraph)) if finder else None
        if where:
            figure.territory_level, figure.territory_code, figure.territory_name = where
        out.append(figure)
    return out


def _part_of(sentence: str, m):
    """The « dont M en <territoire> » that follows a figure in its clause, before any other figure."""
    tail = sentence[m.end():]
    part = _PART.search(tail)
    if not part or re.search(r"[;:]|\.\s", tail[:part.start()]):
        return None
    between = tail[:part.start()]
    return None if _FIGURE.search(between) else part


def _year_of(sentence, paragraph):
    m = _YEAR.search(sentence) or _YEAR.search(paragraph)
    return int(m.group(1)) if m else None
