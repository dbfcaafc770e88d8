"""Matching commune names as they are written in programmes.

`normalise` turns a name into a key insensitive to case, accents, hyphens,
apostrophes, spaces, « Saint »/« St », leading articles and the « œ »
ligature. `CommuneIndex` looks keys up; a name borne by several communes
returns all of them, each with its département, and only a context (a
département or a région) narrows the list. A name that matches nothing
exactly may match by likeness, and then says so.
"""

import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd
from rapidfuzz import fuzz, process

ARTICLES = {"le", "la", "les", "l"}
ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
POSTCODE = re.compile(r"^\d{5}$")
# How alike two keys must be (0-100) for a fuzzy match; below this a misspelling is not guessed.
FUZZY_CUTOFF = 88


def normalise(name: str) -> str:
    """Key under which a commune name is indexed: 'Villeneuve-d'Ascq' → 'villeneuvedascq'."""
    text = unicodedata.normalize("NFKD", (name or "").translate(LIGATURES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    words = [w for w in re.split(r"[^a-z0-9]+", text) if w]
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return "".join(ABBREVIATIONS.get(w, w) for w in words)


@dataclass(frozen=True)
class Candidate:
    """A commune a name may refer to."""
    code: str
    name: str
    department_code: str
    department_name: str
    region_code: str
    kind: str = "name"          # how it matched: name, postcode, former (delegated commune), arrondissement


@dataclass
class Match:
    """The answer to a lookup: every candidate left after the context, and how they were found."""
    query: str
    candidates: list = field(default_factory=list)
    fuzzy: bool = False
    score: float = 100.0        # likeness of the matched key (100 for an exact match)
    matched_key: str = ""

    @property
    def code(self):
        """The INSEE code when exactly one commune matches, else None: homonyms are never resolved silently."""
        return self.candidates[0].code if len(self.candidates) == 1 else None

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


class CommuneIndex:
    """Commune names → communes, built from the store's `commune_names` and `territories` tables."""

    def __init__(self, names, communes, departments, population=None):
        """`names`: rows (key, code, kind); `communes`: code → (name, department_code, region_code);
        `departments`: code → name; `population`: code → inhabitants (optional)."""
        self._population = population or {}
        self._by_key = {}
        for key, code, kind in names:
            self._by_key.setdefault(key, []).append((code, kind))
        self._communes = communes
        self._departments = departments
        self._keys = [k for k in self._by_key if not k.isdigit()]

    @classmethod
    def from_store(cls, con):
        """Load the index from an open store connection (in threaded code, pass a fresh cursor)."""
        names = con.execute("SELECT key, code, kind FROM commune_names").fetchall()
        communes = {code: (name, dept, region) for code, name, dept, region in con.execute(
            "SELECT code, name, department_code, region_code FROM territories WHERE level = 'commune'"
        ).fetchall()}
        departments = dict(con.execute("SELECT code, name FROM territories WHERE level = 'department'").fetchall())
        population = dict(con.execute("SELECT code, population FROM territories WHERE level = 'commune' "
                                      "AND population IS NOT NULL").fetchall())
        return cls(names, communes, departments, population)

    @classmethod
    def from_names(cls, territories, postcodes, former):
        """Build the index straight from reference tables (`geography.read_names`, `read_postcodes`,
        `read_former_communes`), without a store: what tests of the reader use."""
        rows = name_rows(territories, postcodes, former)
        communes = territories[territories["level"] == "commune"]
        departments = territories[territories["level"] == "department"]
        return cls([r[:3] for r in rows],
                   {c: (n, d, r) for c, n, d, r in zip(communes["code"], communes["name"],
                                                        communes["department_code"], communes["region_code"])},
                   dict(zip(departments["code"], departments["name"])),
                   {c: int(p) for c, p in zip(communes["code"], communes["population"]) if pd.notna(p)})

    def __len__(self):
        return len(self._by_key)

    def commune(self, code):
        """(name, department_code, region_code) of a commune's INSEE code, or None."""
        return self._communes.get(code)

    def population(self, code) -> int:
        """Inhabitants of a commune (0 when unknown)."""
        return self._population.get(code, 0)

    def dominant(self, candidates: list, ratio: float = 10.0):
        """The candidate that far outnumbers the others in inhabitants (« Fresnes » → Fresnes, Val-de-Marne,
        28,000 inhabitants, against villages of a few hundred), or None when none stands out."""
        ranked = sorted(candidates, key=lambda c: self._population.get(c.code, 0), reverse=True)
        if len(ranked) < 2:
            return None
        first, second = (self._population.get(c.code, 0) for c in ranked[:2])
        return ranked[0] if first >= 5000 and first >= ratio * max(second, 1) else None

    def names_a_department(self, text: str) -> bool:
        """True when a text is the name of a département (« GARD », « Côtes-d'Armor »)."""
        if not hasattr(self, "_department_keys"):
            self._department_keys = {normalise(name) for name in self._departments.values()}
        return normalise(text) in self._department_keys

    def region_of_department(self, code):
        """The région of a département (as its communes say), or None."""
        if not hasattr(self, "_department_regions"):
            self._department_regions = {dept: region for _name, dept, region in self._communes.values()}
        return self._department_regions.get(code)

    def _forms(self) -> list:
        """(code, name, département, région, normalised name, plain words) of every commune, computed once:
        the short and abbreviated forms below compare a name with all of them."""
        if not hasattr(self, "_all_forms"):
            self._all_forms = [(code, name, dept, reg, normalise(name), " ".join(_words(name)))
                               for code, (name, dept, reg) in self._communes.items()]
            self._vocabulary = {w for *_rest, plain in self._all_forms for w in plain.split()}
            self._forms_in, self._short_found = {}, {}
            for form in self._all_forms:
                self._forms_in.setdefault(("first", form[5].split(" ")[0]), []).append(form)
                self._forms_in.setdefault(("start", form[3], form[4][:3]), []).append(form)
                self._forms_in.setdefault(("department", form[2]), []).append(form)
                self._forms_in.setdefault(("region", form[3]), []).append(form)
        return self._all_forms

    def _forms_within(self, level: str, code) -> list:
        self._forms()
        return self._forms_in.get((level, code), []) if code else self._all_forms

    def in_department(self, prefix: str, department: str) -> list:
        """Candidates whose name starts with `prefix` as whole words (« Tremblay » → Tremblay-en-France)
        among the communes of `department`: how a programme shortens a long name."""
        key = normalise(prefix)
        if len(key) < 4:
            return []
        return [Candidate(code, name, dept, self._departments.get(dept, ""), reg, "short")
                for code, name, dept, reg, norm, _plain in self._forms_within("department", department)
                if norm.startswith(key) and norm != key and _first_words(name, prefix)]

    def in_region(self, prefix: str, region: str) -> list:
        """Like `in_department`, among the communes of a région (« Le Puy » → Le Puy-en-Velay in
        Auvergne-Rhône-Alpes, where no commune is called Le Puy)."""
        key = normalise(prefix)
        if len(key) < 3:
            return []
        self._forms()
        if (prefix, region) not in self._short_found:       # a programme asks of the same words again and again
            self._short_found[(prefix, region)] = self._in_region(prefix, key, region)
        return self._short_found[(prefix, region)]

    def _in_region(self, prefix: str, key: str, region: str) -> list:
        return [Candidate(code, name, dept, self._departments.get(dept, ""), reg, "short")
                for code, name, dept, reg, norm, _plain in self._forms_in.get(("start", region, key[:3]), [])
                if norm.startswith(key) and norm != key and _first_words(name, prefix)]

    def abbreviated(self, name: str, region=None) -> list:
        """Communes whose name `name` writes with a word cut short (« Clermont-Fd », « Bourg-en-Bse »): each
        word that no commune's name contains stands for a word with the same first letter and its other
        letters in order."""
        words = _words(name)
        forms = self._forms_within("region", region)
        short = [k for k, w in enumerate(words) if w not in self._vocabulary and 2 <= len(w) <= 4 and w.isalpha()]
        if not short or len(words) < 2 or len(short) == len(words):
            return []
        if 0 not in short:      # the first word written in full: only the names that start with it
            forms = [f for f in self._forms_in.get(("first", words[0]), []) if region is None or f[3] == region]
        pattern = re.compile("^" + " ".join(
            "".join(c + "[a-z]*" for c in w) if k in short else re.escape(w) for k, w in enumerate(words)) + "$")
        return [Candidate(code, n, dept, self._departments.get(dept, ""), reg, "short")
                for code, n, dept, reg, _norm, plain in forms if pattern.match(plain)]

    def name_of(self, code):
        entry = self._communes.get(code)
        return entry[0] if entry else None

    def lookup(self, name: str, department=None, region=None, fuzzy=True) -> Match:
        """Communes that `name` may designate, narrowed to `department` or `region` (codes, or lists
        of codes) when that leaves at least one. Falls back to the likeliest spelling when nothing
        matches exactly and `fuzzy` is true; the match then says `fuzzy=True`."""
        key = normalise(name)
        match = Match(query=name, matched_key=key)
        if not key:
            return match
        if POSTCODE.match(key):
            match.candidates = self._candidates(key, department, region)
            return match
        if key in self._by_key:
            match.candidates = self._candidates(key, department, region)
            if len(key) <= 2:
                # « BU » (a university library) is not Bû: a name of two letters only as written, accents included
                match.candidates = [c for c in match.candidates if c.name.lower() == name.strip().lower()]
            return match
        if fuzzy and len(key) >= 4:
            return self._fuzzy(name, key, department, region)
        return match

    def _fuzzy(self, name, key, department, region) -> Match:
        # Compare with the keys of similar length only: a one-letter slip changes the length by 0-2.
        found = process.extract(key, self._keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=8)
        best = None
        for other, score, _ in found:
            candidates = self._candidates(other, department, region, narrow_only=True)
            if candidates and (best is None or score > best[1]):
                best = (other, score, candidates)
        if best is None:
            return Match(query=name, matched_key=key)
        other, score, candidates = best
        return Match(query=name, candidates=candidates, fuzzy=True, score=round(score, 1), matched_key=other)

    def _candidates(self, key, department, region, narrow_only=False) -> list:
        seen, out = set(), []
        # (a code named both ways is named by its current name)
        for code, kind in sorted(self._by_key.get(key, []), key=lambda entry: entry[1] == "former"):
            if code in seen or code not in self._communes:
                continue
            seen.add(code)
            name, dept, reg = self._communes[code]
            out.append(Candidate(code, name, dept, self._departments.get(dept, ""), reg, kind))
        narrowed = [c for c in out if _within(c, department, region)]
        if not narrowed and narrow_only and (department or region):
            return []       # a fuzzy match outside the context is too weak to offer
        # a current name beats a former (delegated) name for the same key, among those of the context
        # (« Torfou » in a programme of Maine-et-Loire is the delegated commune of Sèvremoine, not Torfou (91))
        out = narrowed or out
        return [c for c in out if c.kind != "former"] or out


def _words(name: str) -> list:
    text = unicodedata.normalize("NFKD", (name or "").translate(LIGATURES))
    return [w for w in re.split(r"[^a-z0-9]+", "".join(ch for ch in text if not unicodedata.combining(ch)).lower()) if w]


def _within(candidate: Candidate, department, region) -> bool:
    if not department and not region:
        return True
    departments = [department] if isinstance(department, str) else list(department or [])
    regions = [region] if isinstance(region, str) else list(region or [])
    return candidate.department_code in departments or candidate.region_code in regions


def arrondissement_spellings(name: str) -> list:
    """'Lyon 3e Arrondissement' → also 'Lyon 3e', 'Lyon 3' and 'Lyon 3ème'."""
    found = re.match(r"^(.*?) (\d+)(?:er|e) Arrondissement$", name)
    if not found:
        return [name]
    city, number = found.groups()
    suffix = "er" if number == "1" else "e"
    return [name, f"{city} {number}{suffix}", f"{city} {number}", f"{city} {number}ème", f"{city} {number}eme"]


def name_rows(territories, postcodes, former) -> list:
    """Rows (key, code, kind, label) of the `commune_names` table.

    `territories`: the territories frame (communes and arrondissements); `postcodes`: (postcode, code);
    `former`: delegated or associated communes (name, code of their commune today)."""
    rows = set()
    communes = territories[territories["level"] == "commune"]
    for code, name in zip(communes["code"], communes["name"]):
        rows.add((normalise(name), code, "name", name))
    arrondissements = territories[territories["level"] == "arrondissement"]
    for name, parent in zip(arrondissements["name"], arrondissements["parent_code"]):
        for variant in arrondissement_spellings(name):
            rows.add((normalise(variant), parent, "arrondissement", name))
    for postcode, code in zip(postcodes["postcode"], postcodes["code"]):
        rows.add((postcode, code, "postcode", postcode))
    for name, code in zip(former["name"], former["code"]):
        rows.add((normalise(name), code, "former", name))
    return sorted(r for r in rows if r[0])


def _first_words(name: str, prefix: str) -> bool:
    """True when the first whole words of `name` are `prefix`, articles included, apart from case, accents
    ligatures and « St » / « Ste » (« Vandœuvre-lès-Nancy » starts with « Vandoeuvre », « Le Puy-en-Velay » with
    « Le Puy », « Sainte-Geneviève-des-Bois » with « Ste-Geneviève », « Puy-Guillaume » not)."""
    def plain(text):
        text = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("Œ", "Oe"))
        words = re.sub(r"[\s'’-]+", " ", text.encode("ascii", "ignore").decode().lower()).split()
        return " ".join(ABBREVIATIONS.get(w, w) for w in words)     # « Ste-Geneviève » for Sainte-Geneviève-des-Bois
    words = re.split(r"(?<=[\s'’-])", name)
    return any(plain("".join(words[:k])) == plain(prefix) for k in range(1, len(words)))
