"""Titles printed in capitals, shown in sentence case.

Brochures print titles in capitals (« FORMATION À LA GESTION D'UNE COOPÉRATIVE »); for display they
read better in sentence case (« Formation à la gestion d'une coopérative »).
What must stay in capitals or keep its capital is decided by general rules, and by the document itself:

- acronyms: well-known ones of the field (ESS, SCOP, CRESS…), words without a vowel (« MDLS »), roman
  numerals (« XXI »), and words the document also prints in capitals among lower-case text (« Organisateur :
  FRENE », « le réseau GRAAL propose… »);
- proper names: words the document writes with a capital inside a sentence and never in lower case
  (« Maison de quartier Bois-Blancs » → « Fête de quartier à Bois-Blancs »).

Titles in mixed case are left as written.
"""

import functools
import re
from dataclasses import dataclass, field

from .dates import fold

# Acronyms of the social and solidarity economy and of French public life, kept in capitals.
ACRONYMS = {
    "ESS", "SCOP", "SCIC", "CAE", "AMAP", "CRESS", "URSCOP", "CGSCOP", "MEL", "CCI", "CMA", "RTES", "APES", "ANIS",
    "IAE", "SIAE", "ESAT", "ACI", "ETTI", "GEIQ", "EBE", "TZCLD", "MJC", "FJT",
    "CAF", "CCAS", "CIAS", "URSSAF", "INSEE", "CNRS", "RSE", "ONG", "AG", "PME", "TPE", "EHPAD", "URIOPSS", "UNIOPSS",
    "ADIE", "UDES", "FONJEP", "ESUS", "PTCE", "CNCRESS", "CPCA", "ADEME", "EPCI",
    "SARL", "SCI", "GIE", "UE", "RSA", "CV", "DIY", "LGBT", "LGBTQI", "BD", "PDF", "ZAC", "QPV",
    "DLA", "CPAM", "MSA", "CESE", "CESER", "OPCO", "UNEA", "SNCF", "RATP", "UFC", "CGT", "CFDT",
    "ALUR", "APL", "BTP", "NTIC", "IUT", "BTS", "BAFA", "VAE", "CFA", "CIO", "JEP", "HLM", "OPH",
}
_ROMAN = re.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_VOWELS = set("AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŸ")


@dataclass
class Casing:
    """What a document says about how words are written: acronyms, and proper names with their spelling."""
    acronyms: set = field(default_factory=set)
    names: dict = field(default_factory=dict)       # folded word → spelling with its capital


@functools.lru_cache(maxsize=4)      # a document is read twice (before and after its région is known)
def learn_casing(text: str) -> Casing:
    """Read from a document's lines in lower case (most of their letters) the words it prints in
    capitals on their own among lower-case words (acronyms), and the words it always writes with a
    capital inside a sentence (names). Web and mail addresses are left out."""
    casing, lower = Casing(), set()
    capitalised = {}
    for line in (text or "").split("\n"):
        line = _ADDRESSES.sub(" ", line)
        letters = [c for c in line if c.isalpha()]
        if len(letters) < 8 or sum(c.islower() for c in letters) < len(letters) / 2:
            continue
        words = list(_WORD.finditer(line))
        for k, m in enumerate(words):
            word = m.group(0)
            if word.isupper() and len(word) >= 2:
                neighbours = [w.group(0) for w in words[max(0, k - 1):k] + words[k + 1:k + 2]]
                if k and 2 <= len(word) <= 10 and not any(w.isupper() and len(w) >= 2 for w in neighbours):
                    casing.acronyms.add(word)
            elif word.islower():
                lower.add(fold(word))
            elif word[:1].isupper() and not _sentence_start(line, m.start()):
                capitalised.setdefault(fold(word), word)
    casing.names = {k: v for k, v in capitalised.items() if k not in lower}
    return casing


_ADDRESSES = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)


def _sentence_start(line: str, at: int) -> bool:
    before = line[:at].rstrip(" «“\"'(")
    return not before or before[-1] in ".!?•-–—>" or not re.search(r"[^\W\d_]", before)


def is_capitals(text: str) -> bool:
    """A text with no lower-case letter (and a few letters at least)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and not any(c.islower() for c in letters)


def display_title(title: str, casing: Casing | None = None) -> str:
    """A title in capitals in sentence case, acronyms and the document's proper names kept; capitals
    closed by a lower-case tail (« …NOS SAVOIRS, c'est parti ! ») have their capitals converted;
    any other title is returned as written."""
    if not title:
        return title
    casing = casing or Casing()
    if is_capitals(title):
        return _quoted_capital(_capitalise_first(sentence_case(title, casing)))
    first_lower = next((i for i, c in enumerate(title) if c.islower()), None)
    head, tail = title[:first_lower], title[first_lower:]
    if first_lower and is_capitals(head) and len(head.split()) >= 2 and not title[first_lower - 1].isalpha() \
            and not any(c.isupper() for c in tail):
        return _quoted_capital(_capitalise_first(sentence_case(head, casing))) + tail
    return title


def _quoted_capital(text: str) -> str:
    """« Atelier « créer sa SCOP » » → « Atelier « Créer sa SCOP » »: a quoted name starts with a capital."""
    return re.sub(r"([«“\"]\s*)([^\W\d_])", lambda m: m.group(1) + m.group(2).upper(), text)


def sentence_case(text: str, casing: Casing) -> str:
    """Every word in lower case but acronyms and known names (the first letter is the caller's)."""
    return _WORD.sub(lambda m: _word_case(m.group(0), casing), text)


def _word_case(word: str, casing: Casing) -> str:
    if _keeps_capitals(word, casing):
        return word
    known = casing.names.get(fold(word))
    if known:
        return known
    if "-" in word:
        return "-".join(_word_case(part, casing) for part in word.split("-"))
    return word.lower()


def _keeps_capitals(word: str, casing: Casing) -> bool:
    if len(word) < 2 or "-" in word:
        return False
    if word in ACRONYMS or word in casing.acronyms:
        return True
    return bool(_ROMAN.match(word)) or not (set(word) & _VOWELS)


def _capitalise_first(text: str) -> str:
    for i, c in enumerate(text):
        if c.isalpha():
            return text[:i] + c.upper() + text[i + 1:]
    return text
