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
_PART = re.compile(r"\bdont\s+" + _NUMBER + r"\s+(?:en|dans\s+(?:la|le|les|l['’])?|à|pour\s+(?:la|le|l['’])?)\s*"
                   r"(?P<where>[A-ZÀ-Ý][\w’'\-]*(?:\s+(?:[A-ZÀ-Ý][\w’'\-]*|de|du|des|la|d['’]\w+))*)")
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


def find_figures(text: str, finder: TerritoryFinder | None) -> list:
    """Candidate figures, each with the sentence it comes from and the territory that sentence (or its
    paragraph) names. The same figure met twice is given once."""
    out, seen = [], set()
    for paragraph in re.split(r"\n\s*\n", text):
        flat = re.sub(r"\s+", " ", paragraph).strip()
        if not flat or not re.search(r"\d", flat):
            continue
        place_of_paragraph = finder.find(flat) if finder else None
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý])", flat):
            for figure in _sentence_figures(sentence, finder, place_of_paragraph, flat):
                key = (figure.indicator, figure.value, figure.territory_code)
                if key not in seen:
                    seen.add(key)
                    out.append(figure)
    return out


def _sentence_figures(sentence, finder, place_of_paragraph, paragraph) -> list:
    out = []
    scope = sentence if len(paragraph) > 400 else paragraph
    about_ess = bool(_ESS.search(scope))
    about_month = bool(_MONTH_OF_ESS.search(scope))
    for m in _FIGURE.finditer(sentence):
        indicator, unit = _indicator(m.group("unit"))
        if not indicator or (unit == "pct" and _value(m.group("num")) > 100):
            continue
        if not (about_month if indicator.startswith("mois_ess") else about_ess or indicator == "prix_ess_applicants"):
            continue
        value = _value(m.group("num"))
        if unit == "count" and value < 2:
            continue
        qualifier = _QUALIFIERS.get(fold(re.sub(r"\s+", " ", m.group("qual") or "")), "")
        tail = sentence[m.end():]
        part = _PART.match(tail.lstrip(" ,")) if re.match(r"^[\s,]*dont\b", tail) else None
        main_text = sentence if not part else sentence[:m.end()]
        where = finder.find(main_text) if finder else None
        figure = Figure(indicator, value, unit, sentence.strip(), qualifier)
        if part and finder:
            sub = finder.find(part.group("where"))
            if sub:
                out.append(Figure(indicator, _value(part.group("num")), unit, sentence.strip(), "",
                                  *sub, year=_year_of(sentence, paragraph)))
                where = where or (("country", "FR", "France") if sub[0] == "region" else None)
        where = where or place_of_paragraph
        if where:
            figure.territory_level, figure.territory_code, figure.territory_name = where
        figure.year = _year_of(sentence, paragraph)
        out.insert(len(out) - (1 if part and out and out[-1].text == sentence.strip() else 0), figure)
    return out


def _year_of(sentence, paragraph):
    m = _YEAR.search(sentence) or _YEAR.search(paragraph)
    return int(m.group(1)) if m else None
