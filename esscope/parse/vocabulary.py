"""Words French programmes use for themes, kinds of events, field labels and prices."""

import re
import unicodedata

from .dates import fold

# Theme headers of Mois de l'ESS programmes and of ESS agendas in general (compared folded).
THEMES = {
    "comprendre", "agir ensemble", "agir", "entreprendre", "travailler", "entreprendre/travailler",
    "entreprendre et travailler", "entreprendre travailler", "consommer", "consommer autrement", "jeunesse",
    "loisirs culture", "loisirs", "culture", "loisirs et culture", "culture loisirs", "se nourrir", "habiter",
    "se deplacer", "epargner", "financer", "s'engager", "se former", "decouvrir", "s'informer", "education",
    "environnement", "emploi", "insertion", "sante", "solidarite", "solidarites", "numerique", "sport",
    "alimentation", "transition ecologique", "economie circulaire", "innovation sociale", "finance solidaire",
    "commerce equitable", "cooperation", "international", "egalite", "handicap", "mobilite", "logement",
    "energie", "agriculture", "tourisme", "vivre ensemble", "citoyennete", "sensibiliser", "se divertir",
    "partager", "echanger", "innover", "cooperer", "s'inspirer", "construire", "transmettre",
}

# Kinds of events, longest first so that « conférence-débat » wins over « conférence ».
KINDS = sorted({
    "formation", "formations", "rencontre", "rencontres", "portes ouvertes", "porte ouverte", "journée portes ouvertes",
    "conférence", "conférences", "conférence-débat", "conférence débat", "conférence gesticulée", "atelier",
    "ateliers", "exposition", "expo", "ciné-débat", "ciné débat", "ciné-rencontre", "projection",
    "projection-débat", "table ronde", "table-ronde", "débat", "visite", "visites", "forum", "salon", "marché",
    "festival", "concert", "spectacle", "théâtre", "théâtre-forum", "soirée", "inauguration", "chantier",
    "chantiers", "challenge", "hackathon", "webinaire", "webinar", "café", "apéro", "apéritif",
    "petit-déjeuner", "petit déjeuner", "déjeuner", "repas", "jeu", "balade", "randonnée", "journée", "colloque",
    "séminaire", "assemblée générale", "speed-dating", "speed dating", "speed-meeting", "présentation",
    "témoignages", "concours", "remise de prix", "animation", "stand", "braderie", "bourse", "troc", "foire",
    "fête", "permanence", "réunion", "lecture", "plateau radio", "émission", "afterwork", "after-work",
    "job dating", "rallye", "tournoi", "dégustation", "repair café", "collecte", "rencontre-débat",
    "événement festif", "evénement festif", "évènement festif", "matinale", "petit-déj", "causerie",
    "ciné-club", "projection-rencontre", "jeu de piste", "escape game", "micro-trottoir", "émission de radio",
    "panier culturel", "portes-ouvertes", "dîner", "goûter", "marché de noël", "vide-grenier", "bal", "fresque",
    "webconférence", "visioconférence", "meet-up", "meetup", "salon professionnel", "trophées", "prix",
}, key=len, reverse=True)
_KIND_FOLDED = {fold(k) for k in KINDS}
_KIND_PATTERN = re.compile(r"(?<![\w-])(" + "|".join(re.escape(fold(k)) for k in KINDS) + r")(?![\w-])")


_THEMES_FOLDED = {fold(t) for t in THEMES}


def is_theme(line: str) -> bool:
    return fold(line).strip(" .:") in _THEMES_FOLDED or fold(re.sub(r"\s*[/&]\s*", " et ", line)).strip() in THEMES


def is_kind_word(line: str) -> bool:
    return fold(line).strip(" .:") in _KIND_FOLDED


def kind_in(text: str, within: int = 60) -> str | None:
    """The first kind of event named near the start of a text (« ciné-débat », « table ronde »)."""
    head = unicodedata.normalize("NFC", text[:within])
    m = _KIND_PATTERN.search(fold(head))
    # folding keeps one character per character of an NFC text, so the span reads the original
    return head[m.start(1):m.end(1)].lower() if m and len(fold(head)) == len(head) else (m.group(1) if m else None)


# Field labels of programme entries → the field they fill.
LABELS = [
    (r"co-?organisat(?:eur|rice)s?|co-?organis[ée]e?s?\s+(?:par|avec)|coorganisat(?:eur|rice)s?", "co_organizers"),
    ((r"organisat(?:eur|rice)s?|organis[ée]e?s?\s+par|organisation|porteurs?(?:\s+du\s+projet)?|structures?"
      r"(?:\s+organisatrices?)?|propos[ée]e?\s+par|port[ée]e?\s+par"), "organizer"),
    (r"partenariats?|partenaires?|en\s+partenariat\s+avec|avec\s+le\s+soutien\s+de|soutiens?", "partners"),
    ((r"contacts?|renseignements?|r[ée]servations?|inscriptions?|infos?\s+et\s+inscriptions?|t[ée]l\.?|"
      r"t[ée]l[ée]phone|mail|e-?mail|courriel|site(?:\s+web)?|web"), "contact"),
    (r"infos?\s+pratiques|infos?|informations?|pratique", "infos"),
    (r"(?:tarifs?|prix)(?:\s+(?:unique|plein|r[ée]duit|normal|d['’]entr[ée]e))?|co[uû]t|participation|entr[ée]e", "price"),
    (r"horaires?|heures?|quand", "time"),
    (r"lieu|lieux|o[uù]|adresse|rendez-vous|rdv", "place"),
    (r"public(?:\s+vis[ée])?|pour\s+qui|th[èe]me|th[ée]matique|format|type", "other"),
]
_LABEL = re.compile(r"^\s*(?P<label>" + "|".join(f"(?:{p})" for p, _ in LABELS) + r")\s*(?::|\s-\s|>)\s*(?P<value>.*)$",
                    re.IGNORECASE)
_LABEL_NO_COLON = re.compile(r"^\s*(?P<label>organis[ée]e?s?\s+par|propos[ée]e?\s+par|en\s+partenariat\s+avec)\s+"
                             r"(?P<value>\S.*)$", re.IGNORECASE)


def label_of(line: str) -> tuple | None:
    """(field, value) when a line is a labelled field (« Organisateur : APES », « Infos : 9 h à 12 h »)."""
    m = _LABEL.match(line) or _LABEL_NO_COLON.match(line)
    if not m:
        return None
    label = m.group("label")
    for pattern, name in LABELS:
        if re.fullmatch(pattern, label, re.IGNORECASE):
            return name, m.group("value").strip()
    return None


# Prices: « gratuit sur inscription », « prix libre », « entrée libre », « 5 € », « tarif réduit 3 € ».
PRICE = re.compile(
    r"(?:gratuit(?:e|s|es)?|gratuité|entr[ée]e\s+libre|acc[èe]s\s+libre|prix\s+libre|participation\s+libre|"
    r"libre\s+participation|payant(?:e)?|adh[ée]sion|tarifs?\b|\d+(?:[,.]\d+)?\s*(?:€|euros?)|"
    r"sur\s+(?:inscription|r[ée]servation)|inscriptions?\s+(?:obligatoire|conseill[ée]e|recommand[ée]e|gratuite|"
    r"n[ée]cessaire|souhait[ée]e|requise)|r[ée]servation\s+(?:obligatoire|conseill[ée]e|recommand[ée]e|"
    r"n[ée]cessaire))",
    re.IGNORECASE)


def price_of(text: str) -> str | None:
    """The price phrases of a text, joined: « 9 h à 12 h - gratuit sur inscription > site » → « gratuit sur
    inscription »."""
    from .dates import strip_times
    if not text:
        return None
    clauses = re.split(r"\s+[-–—>]\s+|\s*[>;|\n]\s*|,\s+|\.\s+", text)
    found = []
    for clause in clauses:
        m = PRICE.search(clause)
        if m and not re.search(r"https?://|www\.|@", clause):
            if not re.match(r"\d", m.group(0)):
                clause = clause[m.start():]
            phrase = strip_times(clause).strip(" .,-–()")
            phrase = re.sub(r"^(?:de\s+)?(?:et\s+)?", "", phrase).strip()
            phrase = re.sub(r"^(?:entr[ée]e|tarifs?|prix|participation|co[uû]t)(?:\s+[\w’']+)?\s*:\s*(?=\d)", "", phrase,
                            flags=re.IGNORECASE)
            if phrase and len(phrase.split()) <= 10 and phrase not in found:
                found.append(phrase)
    return ", ".join(found) or None
