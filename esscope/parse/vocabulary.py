"""Words French programmes use for themes, kinds of events, field labels and prices, and the one
written form each theme and kind is stored under."""

import functools
import re
import unicodedata

from .dates import fold, strip_times

# ------------------------------------------------------------------ themes

# Theme headers of Mois de l'ESS programmes and of ESS agendas in general, in the one form they are
# stored under. A theme written otherwise (« ENTREPRENDRE/TRAVAILLER », « Entreprendre et travailler »,
# « LOISIRS CULTURE ») is recognised by its words, whatever their case, accents, order and separators.
THEME_LABELS = (
    "Comprendre", "Agir ensemble", "Agir", "Entreprendre / travailler", "Entreprendre", "Travailler", "Consommer",
    "Consommer autrement", "Jeunesse", "Loisirs, culture", "Loisirs", "Culture", "Se nourrir", "Habiter",
    "Se déplacer", "Épargner", "Financer", "S'engager", "Se former", "Découvrir", "S'informer", "Éducation",
    "Environnement", "Emploi", "Insertion", "Santé", "Solidarité", "Numérique", "Sport", "Alimentation",
    "Transition écologique", "Économie circulaire", "Innovation sociale", "Finance solidaire", "Commerce équitable",
    "Coopération", "International", "Égalité", "Handicap", "Mobilité", "Logement", "Énergie", "Agriculture",
    "Tourisme", "Vivre ensemble", "Citoyenneté", "Sensibiliser", "Se divertir", "Partager", "Échanger", "Innover",
    "Coopérer", "S'inspirer", "Construire", "Transmettre",
)


def _words_key(text: str, ordered: bool) -> str:
    """Folded words without separators, « et » or plural marks; sorted unless `ordered`."""
    text = fold(unicodedata.normalize("NFC", text or "")).replace("’", "'")
    words = [w for w in re.split(r"[^a-z0-9']+|(?<=\w)-(?=\w)", text) if w and w != "et"]
    words = [w[:-1] if len(w) > 3 and w[-1] in "sx" and not w.endswith("ss") else w for w in words]
    return " ".join(words if ordered else sorted(words))


_THEME_BY_KEY = {_words_key(label, ordered=False): label for label in THEME_LABELS}


def is_theme(line: str) -> bool:
    """True when a line names a known theme (« AGIR ENSEMBLE », « Entreprendre et travailler »)."""
    return _words_key(line, ordered=False) in _THEME_BY_KEY


def canonical_theme(theme: str | None) -> str | None:
    """The one written form of a theme: « ENTREPRENDRE/TRAVAILLER » and « Entreprendre et travailler »
    → « Entreprendre / travailler », « LOISIRS CULTURE » → « Loisirs, culture »; a theme not in the
    list keeps its words, in sentence case, with « / » spaced alike."""
    text = re.sub(r"\s+", " ", (theme or "").strip(" .:;,-–—"))
    if not text:
        return None
    known = _THEME_BY_KEY.get(_words_key(text, ordered=False))
    if known:
        return known
    return _sentence_initial(re.sub(r"\s*[/&]\s*", " / ", text))


def _sentence_initial(text: str) -> str:
    """A label with a capital initial; a label written all in capitals is put in lower case first."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 2 and not any(c.islower() for c in letters):
        text = text.lower()
    return text[:1].upper() + text[1:]


# ------------------------------------------------------------------ kinds

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
    "job dating", "tchat", "rallye", "tournoi", "dégustation", "repair café", "collecte", "rencontre-débat",
    "événement festif", "evénement festif", "évènement festif", "matinale", "petit-déj", "causerie",
    "ciné-club", "projection-rencontre", "jeu de piste", "escape game", "micro-trottoir", "émission de radio",
    "panier culturel", "portes-ouvertes", "dîner", "goûter", "marché de noël", "vide-grenier", "bal", "fresque",
    "webconférence", "visioconférence", "meet-up", "meetup", "salon professionnel", "trophées", "prix",
    "gratiferia", "gratuiterie", "zone de gratuité", "disco soupe", "disco-soupe", "brocante", "vide-dressing",
    "repair-café",
}, key=len, reverse=True)
_KIND_FOLDED = {fold(k) for k in KINDS}
_KIND_PATTERN = re.compile(r"(?<![\w-])(" + "|".join(re.escape(fold(k)) for k in KINDS) + r")(?:s|x)?(?![\w]|-[a-z]+-)")

# The controlled vocabulary kinds are stored under, with the other ways programmes write them
# (plurals, case, accents and hyphens are handled apart).
KIND_LABELS = {
    "Rencontre": ("rencontre-débat", "meet-up", "meetup", "speed-meeting"),
    "Formation": (),
    "Atelier": (),
    "Conférence": ("conférence-débat", "conférence gesticulée"),
    "Portes ouvertes": ("porte ouverte", "journée portes ouvertes"),
    "Exposition": ("expo",),
    "Ciné-débat": ("ciné-rencontre", "projection-débat", "projection-rencontre", "ciné-club"),
    "Forum": (),
    "Festival": (),
    "Salon": ("salon professionnel",),
    "Visite": (),
    "Concert": (),
    "Spectacle": ("théâtre", "théâtre-forum"),
    "Marché": ("marché de noël", "gratiferia", "gratuiterie", "zone de gratuité"),
    "Webinaire": ("webinar", "webconférence", "visioconférence"),
    "Soirée": (),
    "Inauguration": (),
    "Chantier participatif": ("chantier",),
    "Table ronde": (),
    "Débat": (),
    "Challenge": ("hackathon",),
    "Événement festif": ("fête",),
    "Petit-déjeuner": ("petit-déj",),
    "Apéro": ("apéritif", "afterwork"),
    "Remise de prix": ("prix", "trophées"),
    "Projection": (),
    "Émission de radio": ("plateau radio", "émission", "radio"),
    "Speed-dating": ("job dating",),
    "Repair café": (),
    "Journée": (),
    "Présentation": (),
    "Balade": ("randonnée", "rallye", "jeu de piste"),
    "Jeu": ("escape game",),
}
_KIND_BY_KEY = {_words_key(variant, ordered=True): label for label, variants in KIND_LABELS.items()
                for variant in (label, *variants)}


def canonical_kind(kind: str | None) -> str | None:
    """The one label a kind of event is stored under: « Rencontres », « rencontre » and « RENCONTRE »
    → « Rencontre », « Evénement festif » → « Événement festif », « webinar » → « Webinaire »; a kind
    not in the vocabulary is kept, with a capital initial."""
    text = re.sub(r"\s+", " ", (kind or "").strip(" .:;,-–—"))
    if not text:
        return None
    return _KIND_BY_KEY.get(_words_key(text, ordered=True)) or _sentence_initial(text)


def is_kind_word(line: str) -> bool:
    return fold(line).strip(" .:") in _KIND_FOLDED


# « à prix libre », « prix : 5 € », « prix d'entrée »: the price, not a prize-giving
_PRICE_WORD = re.compile(r"prix(?:\s+(?:libre|conscient|co[uû]tant|r[ée]duit|unique|d['’]entr[ée]e|mini)|\s*:|\s*\d)")


def kind_in(text: str, within: int = 60) -> str | None:
    """The first kind of event named near the start of a text (« ciné-débat », « table ronde »)."""
    head = unicodedata.normalize("NFC", text[:within])
    folded = fold(head)
    m = next((m for m in _KIND_PATTERN.finditer(folded) if not _PRICE_WORD.match(folded, m.start())), None)
    # folding keeps one character per character of an NFC text, so the span reads the original
    return head[m.start(1):m.end(1)].lower() if m and len(fold(head)) == len(head) else (m.group(1) if m else None)


# ------------------------------------------------------------------ fields

# One table of the French labels programmes give their fields → the event field each fills: on a
# labelled line (« Lieu : … », « Organisé par : … », « Tarif : 5 € ») and as a table's column name
# (« Ville », « Horaires », « Intitulé »). First match wins (« co-organisateur » before « organisateur »).
FIELD_LABELS = (
    ("co_organizers", r"co-?organisat(?:eur|rice)s?|co-?organis[ée]e?s?\s+(?:par|avec)|coorganisat(?:eur|rice)s?"),
    ("organizer", (r"organisat(?:eur|rice)s?|organis[ée]e?s?\s+par|organisation|orga?\.?|porteurs?(?:\s+d[eu]\s+projet)?|"
                   r"structures?(?:\s+(?:organisatrices?|porteuses?))?|propos[ée]e?s?\s+par|port[ée]e?s?\s+par|"
                   r"(?:à|a)\s+l['’]\s*(?:initiative|invitation)\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])|initiative|"
                   r"(?:une\s+)?proposition\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])|qui|"
                   # a grant's list: who receives it, where they are (« Bénéficiaire (siège) »)
                   r"b[ée]n[ée]ficiaires?(?:\s*\(si[èe]ge\))?|nom\s+de\s+(?:votre|la)\s+structure|"
                   # a booking's applicant (« Demandeur : … »)
                   r"demandeur|demandeuse")),
    ("partners", r"partenariats?|partenaires?|en\s+partenariat\s+avec|avec\s+le\s+soutien\s+de|soutiens?"),
    ("title", (r"titre|intitul[ée]|[ée]v[ée]nements?|[ée]v[èe]nements?|nom\s+de\s+l['’][ée]v[ée]nement|"
               r"titre\s+de\s+l['’][ée]v[ée]nement|manifestation|libell[ée]|nom|quoi|actions?|animations?|"
               r"intitul[ée]\s+(?:de\s+l['’]action|du\s+projet|de\s+l['’]animation|de\s+l['’][ée]v[ée]nement)|"
               r"objet(?:\s+de\s+la\s+(?:r[ée]servation|demande))?")),
    ("date", (r"dates?|jours?|quand|date\s+et\s+heure|date\s+(?:de\s+)?d[ée]but|date\s+de\s+l['’][ée]v[ée]nement|"
              r"dates?\s+et\s+lieux?(?:\s+de\s+l['’](?:action|animation))?")),
    ("end", r"date\s+(?:de\s+)?fin|jusqu['’]au"),
    ("time", r"horaires?|heures?|heure\s+de\s+d[ée]but|d[ée]but|cr[ée]neaux?"),
    ("end_time", r"heure\s+de\s+fin|fin"),
    ("venue", r"lieu|lieux|o[uù]|salle|rendez-vous|rdv|nom\s+du\s+lieu|[ée]quipement|local|emplacement"),
    ("address", r"adresse|adresse\s+du\s+lieu|rue|acc[èe]s"),
    ("commune", r"ville|commune|localit[ée]|ville\s+du\s+lieu"),
    ("postcode", r"code\s+postal|cp"),
    ("contact", (r"contacts?|renseignements?|r[ée]servations?|inscriptions?|infos?\s+et\s+inscriptions?|t[ée]l\.?|"
                 r"t[ée]l[ée]phone|mail|e-?mail|courriel")),
    ("url", r"site(?:\s+(?:web|internet))?|web|lien|url|plus\s+d['’]infos?"),
    ("infos", r"infos?\s+pratiques|infos?|informations?|pratique"),
    ("price", (r"(?:tarifs?|prix)(?:\s+(?:unique|plein|r[ée]duit|normal|d['’]entr[ée]e))?|co[uû]t|participation|"
               r"entr[ée]e")),
    ("theme", r"th[èe]mes?|th[ée]matiques?|cat[ée]gories?"),
    ("kind", r"types?(?:\s+d['’][ée]v[ée]nement)?|formats?|nature"),
    ("public", r"publics?(?:\s+vis[ée]s?)?|pour\s+qui"),
    # the people an organiser's own board names for an event (who runs it, who speaks): never its title
    ("people", (r"responsables?|r[ée]f[ée]rent(?:e)?s?|intervenant(?:e)?s?|animat(?:eur|rice)s?|conf[ée]renci(?:er|[èe]re)s?|"
                r"(?:r[ée]alisat(?:eur|rice)|artiste|invit[ée])e?s?(?:\s+invit[ée]e?s?)?|exposants?|b[ée]n[ée]voles?|"
                # a calendar invitation's sender and guests
                r"organisat(?:eur|rice)\s+de\s+la\s+r[ée]union|participants?\s+(?:obligatoires?|facultatifs?|optionnels?)")),
    # what an extraction covers (« Période : du 01/11/2017 au 30/11/2017 », « Filtre : … »): no event's date
    ("period", r"p[ée]riode(?:\s+(?:couverte|d['’]extraction|du\s+rapport|s[ée]lectionn[ée]e))?|filtres?"),
    # how an application repeats an event (« Repeat: Weekly on Wednesday until … »)
    ("repeat", r"repeat|r[ée]currence|r[ée]p[ée]tition|fr[ée]quence|(?:mod[èe]le\s+de\s+)?p[ée]riodicit[ée]"),
    ("description", r"description|r[ée]sum[ée]|pr[ée]sentation|d[ée]tails?|au\s+programme"),
    # a table's own columns: its rows' numbers, their state in the organisers' work, their notes
    ("number", r"n[°o]|num[ée]ro|#|n[°o]\s+(?:de\s+)?dossier"),
    ("status", r"statut|[ée]tat|status"),
    ("notes", (r"commentaires?(?:\s+internes?)?|remarques?|observations?|notes?(?:\s+internes?)?|"
               # a calendar invitation's answer and the time it shows as taken (not the event's status)
               r"[ée]tat\s+de\s+la\s+r[ée]union|(?:afficher\s+la\s+)?disponibilit[ée]")),
)
_FIELD_PATTERNS = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in FIELD_LABELS]
_ANY_LABEL = "|".join(f"(?:{pattern})" for _name, pattern in FIELD_LABELS)
# « Lieu : … », « Lieu - … », « Lieu > … », « Lieu | … » (a two-cell row of a table read as text)
_PLURAL_MARK = re.compile(r"(?<=\w)\((?:s|e|es|x)\)(?=[\s:*])", re.IGNORECASE)
_QUESTION = re.compile(r"^\s*(?P<label>[^\W\d][^:]{2,90}?\*)\s*:\s*(?P<value>.*)$")
# (a form's question may say more in brackets and end on its « required » star: « Intitulé de l'événement (tel
# qu'il apparaîtra dans le programme) * »)
_LABEL = re.compile(r"^\s*(?P<label>(?:" + _ANY_LABEL + r")(?:\s*\((?:s|e|es|x)\))?(?:\s*\([^()]{3,80}\))?(?:\s*\*)?)"
                    r"\s*(?::|\s-\s|>|\|)\s*(?P<value>.*)$", re.IGNORECASE)
_LABEL_NO_COLON = re.compile(r"^\s*(?P<label>organis[ée]e?s?\s+par|propos[ée]e?s?\s+par|port[ée]e?s?\s+par|"
                             r"(?:à|a)\s+l['’]\s*invitation\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])|"
                             r"en\s+partenariat\s+avec)\s+(?P<value>\S.*)$", re.IGNORECASE)
# « par Scop Bois & Compagnie » alone on its line, under a poster's entry: who organises it
_CREDIT = re.compile(r"^\s*(?P<label>[Pp]ar|[Oo]rga?\.|[ÉE]v[ée]nement\s+de)\s+(?P<value>(?:(?:le|la|les|l['’]|un|une)\s*)?[A-ZÀ-Ý0-9][^.!?]*)$")
# what a programme's labelled line may say that is not the event's title
META_FIELDS = frozenset(name for name, _ in FIELD_LABELS) - {"title", "description"}


# « Résa 2017-1171 », « Réf. A-204 », « Dossier n° 12 »: a record's number in its software, not what it is about
_REFERENCE = re.compile(r"\W*(?:r[ée]sa|r[ée]servation|r[ée]f(?:[ée]rence)?|dossier|demande|ticket|fiche|id)\.?\s*"
                        r"(?:n[°o]\s*)?[A-Z]{0,3}[\d][\d/-]*\W*", re.IGNORECASE)


def is_reference(cell: str) -> bool:
    """« Résa 2017-1171 », « Réf. 204 »: a record's number, never a title."""
    return bool(_REFERENCE.fullmatch(cell))


@functools.lru_cache(maxsize=8192)
def field_of_label(label: str) -> str | None:
    """The event field a label names (« Organisé par » → 'organizer', « Ville » → 'commune')."""
    label = re.sub(r"\s+", " ", label.strip(" :*").replace("’", "'"))
    label = re.sub(r"\((?:s|e|es|x|trice|rice)\)", "", label, flags=re.IGNORECASE).strip()
    label = re.sub(r"\s*\([^()]{3,80}\)\s*\*?$", "", label).strip(" *")
    return next((name for name, pattern in _FIELD_PATTERNS if pattern.fullmatch(label)), None)


@functools.lru_cache(maxsize=65536)
def label_of(line: str) -> tuple | None:
    """(field, value) when a line is a labelled field (« Organisateur : APES », « Infos : 9 h à 12 h »,
    « Titre : Atelier vélo »)."""
    credit = _CREDIT.match(line)
    if credit:
        return "organizer", credit.group("value").strip()
    line = _PLURAL_MARK.sub("", line)       # « Date(s) de l'événement : … »
    m = _LABEL.match(line) or _LABEL_NO_COLON.match(line)
    if not m:
        # a form's question: « Date(s) de l'événement * : lundi 3 novembre », « Intitulé (tel qu'il apparaîtra) * : … »
        question = _QUESTION.match(line)
        name = field_of_label(question.group("label")) if question else None
        return (name, question.group("value").strip()) if name else None
    name = field_of_label(m.group("label"))
    return (name, m.group("value").strip()) if name else None


# the column names of calendar tools set in English (Outlook, Google Calendar, spreadsheets): a table's
# header only, never a label in running text (« Subject: » heads an e-mail)
ENGLISH_COLUMNS = (
    ("title", r"subject|title|event(?:\s+name)?|summary|name"),
    ("date", r"start\s+date|date|start"),
    ("end", r"end\s+date|end"),
    ("time", r"start\s+time|time"),
    ("end_time", r"end\s+time"),
    ("venue", r"location|venue|place"),
    ("commune", r"city|town"),
    ("postcode", r"zip(?:\s+code)?|postal\s+code|postcode"),
    ("organizer", r"organi[sz]er|host"),
    ("description", r"description|notes|details|body"),
    ("theme", r"categor(?:y|ies)"),
    ("url", r"url|link|website"),
)
_ENGLISH_PATTERNS = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in ENGLISH_COLUMNS]


def column_field(cell: str) -> str | None:
    """The field a table's column holds, from its name (« Horaire(s) » → 'time', « Porteur » →
    'organizer', « Start Date » → 'date'); None for a cell that is not a column name."""
    cell = cell.strip()
    if not cell or len(cell) > 40 or re.search(r"\d{2}", cell):
        return None
    return field_of_label(cell) or english_column(cell)


def english_column(cell: str) -> str | None:
    """The field a column named in English holds (« Start Date » → 'date', « Location » → 'venue')."""
    label = re.sub(r"\s+", " ", cell.strip(" :*"))
    return next((name for name, pattern in _ENGLISH_PATTERNS if pattern.fullmatch(label)), None)


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
    if not text:
        return None
    clauses = re.split(r"\s+[-–—>·•]\s+|\s*[>;|\n]\s*|,\s+|\.\s+", text)
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
