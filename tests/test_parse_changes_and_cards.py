"""Layouts met in the eighteenth set of invented programmes: notices that move or cancel an event told
elsewhere in the document (an erratum, a « changements » box, a comment), the cards of a calendar plugin
(« 5 novembre 2013 @ 18 h 30 min - 22 h 00 min » under a badge « NOV. 5 ») and of a town's web agenda saved
as HTML (« <article> » cards with a rubric, a « Reporté au … » alert, a results count under « À la une »).
Every document here is made up for the test."""

import pytest

RENNES = """Mois de l'ESS 2023 à Rennes

Mardi 14 novembre, 18h : Ciné-débat « Demain », cinéma Arvor, Rennes.
Jeudi 16 novembre, 14h : Atelier compost, jardin des Gayeulles, Rennes.
Samedi 18 novembre : Marché solidaire, place des Lices, Rennes.

Changements de dernière minute : le ciné-débat est reporté au mercredi 22 novembre, même heure. L'atelier
compost est annulé.
"""


@pytest.fixture(scope="module")
def parse(read):
    return lambda text, name="programme.txt", **kwargs: read(text, name, **kwargs)


def days(result):
    return [(e.start_date, e.title) for e in result.events]


def test_a_notice_elsewhere_in_the_document_moves_one_event_and_cancels_another(parse):
    result = parse(RENNES)
    assert sorted(days(result)) == [("2023-11-18", "Marché solidaire"), ("2023-11-22", "Ciné-débat « Demain »")]
    moved = next(e for e in result.events if e.start_date == "2023-11-22")
    assert moved.start_time == "18:00" and moved.commune_code == "35238"
    assert any("déplacé au" in w for w in result.warnings) and any("annulé" in w for w in result.warnings)


@pytest.mark.parametrize("notice", [
    "En cas de pluie, le marché solidaire est annulé.",          # a condition, not a cancellation
    "Le ciné-débat de l'an dernier avait été reporté au 20 novembre.",
])
def test_a_notice_that_does_not_change_an_event_of_the_programme_changes_nothing(parse, notice):
    text = RENNES.split("Changements")[0] + notice + "\n"
    assert sorted(days(parse(text))) == [("2023-11-14", "Ciné-débat « Demain »"), ("2023-11-16", "Atelier compost"),
                                         ("2023-11-18", "Marché solidaire")]


def test_a_notice_that_could_name_two_events_changes_neither(parse):
    text = RENNES.replace("Samedi 18 novembre : Marché solidaire", "Samedi 18 novembre : Ciné-débat « Après-demain »")
    text = text.split("Changements")[0] + "Le ciné-débat est reporté au mercredi 22 novembre.\n"
    result = parse(text)
    assert {("2023-11-14", "Ciné-débat « Demain »"), ("2023-11-18", "Ciné-débat « Après-demain »")} <= set(days(result))
    assert not any("déplacé au" in w for w in result.warnings)


def test_a_comment_names_its_event_by_its_day(parse):
    text = ("Programme du tiers-lieu, novembre 2017\n\n"
            "Vendredi 17 novembre, 18h : atelier tricot solidaire au 24 rue Myrha, Paris\n"
            "Vendredi 24 novembre, 18h : atelier tricot solidaire au 24 rue Myrha, Paris\n\n"
            "Petite info : l'atelier tricot du vendredi 24 est ANNULÉ (notre intervenante est indisponible) !\n")
    assert [d for d, _ in days(parse(text))] == ["2017-11-17"]


PLUGIN = """Événements pour novembre 2013

NOV.
5
Soirée de lancement du Mois de l'ESS francilien
5 novembre 2013 @ 18 h 30 min - 22 h 00 min
La Fabrique du Faubourg
12 cité Griset, Paris, 75011 France
Proposé par : Réseau Île-de-France Solidaire
Lire la suite »

NOV.
12
Exposition « Rebuts de luxe »
12 novembre 2013 @ 11 h 00 min - 23 novembre 2013 @ 19 h 00 min
Ressourcerie de l'Ourcq
88 quai de la Loire, Paris, 75019 France
Lire la suite »
"""


def test_a_calendar_plugins_card_reads_its_hours_and_its_last_day(parse):
    result = parse(PLUGIN)
    assert [(e.start_date, e.end_date, e.start_time, e.end_time, e.title, e.commune_code) for e in result.events] == [
        ("2013-11-05", "2013-11-05", "18:30", "22:00", "Soirée de lancement du Mois de l'ESS francilien", "75056"),
        ("2013-11-12", "2013-11-23", "11:00", None, "Exposition « Rebuts de luxe »", "75056")]


CARDS = """<html><body><main>
<div class="slider"><h2>À la une</h2><p>Vendredi 17 novembre</p><p>Forum Emploi &amp; ESS</p></div>
<h1>Mois de l'économie sociale et solidaire 2017</h1>
<p class="resultats">3 événements trouvés</p>
<article class="evt-card">
  <div class="evt-card__date"><span>15</span> <span>nov.</span></div>
  <div class="evt-card__body">
    <p class="evt-card__cat">Économie sociale et solidaire &middot; Enfance</p>
    <h3><a href="/e/1">Atelier parents-enfants « Fabrique ton jeu en carton »</a></h3>
    <p><time datetime="2017-11-15T14:30">Mercredi 15 novembre 2017, 14h30</time></p>
    <p>Ludothèque Le Dé Vert, 3 rue de la Ludothèque, 67200 Strasbourg</p>
  </div>
</article>
<article class="evt-card">
  <div class="evt-card__date"><span>16</span> <span>nov.</span></div>
  <div class="evt-card__body">
    <p class="evt-card__cat">Économie sociale et solidaire &middot; Conférence</p>
    <p class="evt-card__alerte">Report&eacute; au jeudi 23 novembre, même heure, même lieu</p>
    <h3><a href="/e/2">Conférence « Une monnaie locale, pour quoi faire ? »</a></h3>
    <p><time datetime="2017-11-16T19:00">Jeudi 16 novembre 2017, 19h</time></p>
    <p>Salle des fêtes, 67300 Schiltigheim</p>
  </div>
</article>
<article class="evt-card">
  <div class="evt-card__date"><span>20</span> <span>nov.</span></div>
  <div class="evt-card__body">
    <p class="evt-card__cat">Économie sociale et solidaire &middot; En ligne</p>
    <h3><a href="/e/3">Facebook Live « Entreprendre en coopérative »</a></h3>
    <p><time datetime="2017-11-20T12:30">Lundi 20 novembre 2017, de 12h30 à 13h15</time></p>
  </div>
</article>
</main></body></html>"""


def test_a_web_agendas_cards_give_their_titles_days_and_hours_under_a_slider(parse):
    result = parse(CARDS, "agenda.html")
    events = sorted((e.start_date, e.start_time, e.title) for e in result.events if e.start_date != "2017-11-17")
    assert events == [("2017-11-15", "14:30", "Atelier parents-enfants « Fabrique ton jeu en carton »"),
                      ("2017-11-20", "12:30", "Facebook Live « Entreprendre en coopérative »"),
                      ("2017-11-23", "19:00", "Conférence « Une monnaie locale, pour quoi faire ? »")]


# a weekly's page of briefs in a narrow column, under the communes they come from, dated by its folio line
BRIEFS = """LA FEUILLE DU BOCAGE · Jeudi 5 novembre 2015 · N° 412                              9

VIE LOCALE

SENS
Recyclerie. Dans le cadre du Mois
de l'économie sociale et solidaire,
la recyclerie Les Ateliers du Tri or-
ganise une journée portes ouvertes
samedi, de 10 h à 17 h. Entrée libre.

Monnaie locale. L'association Sé-
nonais en Transition propose une
conférence-débat « Une monnaie lo-
cale pour le Sénonais ? » le mardi
17 novembre à 20 h, salle de la
Poterne. Gratuit.

JOIGNY
Marché solidaire. Le marché soli-
daire du Jovinien, d'abord annoncé
pour le samedi 21, est repoussé
d'une semaine : la salle n'était
plus disponible. Il se tiendra sous
la halle, de 9 h à 13 h, avec les
producteurs du réseau local.

Bibliothèque. Les horaires d'hiver
s'appliquent dès ce mois-ci : la bi-
bliothèque ouvre ses portes aux lec-
teurs du mardi au samedi, l'après-
midi, et le mercredi toute la journée.
Le prêt de liseuses reprend pour
les abonnés, sur simple demande à
l'accueil, pour une durée d'un mois.
"""


def test_a_papers_briefs_take_their_commune_heading_and_the_day_its_folio_line_makes_of_samedi(parse):
    result = parse(BRIEFS)
    found = {e.start_date: e for e in result.events}
    assert found["2015-11-07"].commune_code == "89387" and "portes ouvertes" in found["2015-11-07"].title
    assert found["2015-11-17"].commune_code == "89387" and found["2015-11-17"].start_time == "20:00"
    assert "2015-11-21" not in found and "2015-11-05" not in found       # the old day; the paper's own date


def test_a_notice_moves_an_event_by_a_week(parse):
    text = RENNES.split("Changements")[0] + "Côté changements, le marché solidaire est repoussé d'une semaine.\n"
    assert ("2023-11-25", "Marché solidaire") in days(parse(text))


def test_a_legend_that_gives_the_organisers_mark_keeps_every_event(parse):
    text = ("Mois de l'ESS 2022 dans les Hautes-Alpes\n\n"
            "  JEU. 3/11   18h      GAP           Soirée de lancement départementale\n"
            "                                     → Alpes du Sud Solidaires\n\n"
            "  SAM. 5/11   9h-12h   BRIANÇON      Repair café des Écrins\n"
            "                                     → Briançon Répare\n\n"
            "  MAR. 8/11   20h30    EMBRUN        Ciné-débat « Les Faiseurs de pain »\n"
            "                                     Ciné-club Le Clap, place Barthelon\n\n"
            "  → = organisateur · Programme du Mois de l'ESS susceptible d'évolutions\n")
    assert [e.start_date for e in parse(text).events] == ["2022-11-03", "2022-11-05", "2022-11-08"]


def test_a_forwarders_note_moves_an_event_from_one_day_to_another(parse):
    text = ("TR: Lettre du réseau – novembre 2012\n\nBonjour à tous, deux changements depuis l'envoi :\n"
            "- la visite du chantier naval à Saint-Nazaire passe du mercredi 21 au jeudi 22, même heure.\n\n"
            "DANS LES DÉPARTEMENTS\n\n"
            "· Mardi 13 novembre, 20h - Angers - Conférence « Mutuelles : un modèle d'avenir ? », salle des Mariniers.\n"
            "· Mercredi 21 novembre, 14h - Saint-Nazaire - Visite du chantier naval d'insertion, quai des Marées.\n")
    assert [(e.start_date, e.end_date, e.commune_code) for e in parse(text).events] == [
        ("2012-11-13", "2012-11-13", "49007"), ("2012-11-22", "2012-11-22", "44184")]


def test_a_brochures_struck_slot_its_page_break_and_its_cross_reference(parse):
    text = ("Mois de l'ESS 2019 · Occitanie – AGENDA\n\nJEUDI 7 NOVEMBRE\n\n 20h30\nANNULÉ\n"
            "Ciné-débat « Demain, le circuit court »\nCinéma Le Lot Écran, 4 boulevard Gambetta, Cahors\n\n"
            "JEUDI 14 NOVEMBRE\n\nREPORTÉ AU JEUDI 21 NOVEMBRE\nConférence-débat « Habiter autrement » – voir au 21 novembre.\n\n"
            "JEUDI 21 NOVEMBRE\n\nAGENDA (suite)\n\n 18h00\nConférence-débat « Habiter autrement »\n"
            "Maison de l'habitat, 2 rue Pargaminières, Toulouse\n")
    assert [(e.start_date, e.title) for e in parse(text).events] == [
        ("2019-11-21", "Conférence-débat « Habiter autrement »")]


def test_a_cards_own_notice_of_its_new_day_is_no_second_event(parse):
    text = ("MOIS DE L'ESS 2011 – RHÔNE-ALPES\n\nSE DIVERTIR\n\n"
            "▪ Jeu. 24 nov. · 20h · ROANNE (42)\nCINÉ-DÉBAT – « Ceux qui restent »\n"
            "Modifié : cette séance, annoncée le jeudi 10 novembre dans la\npremière version du programme, a lieu le jeudi 24 novembre.\n"
            "Où ? Cinéma associatif Le Renaissance, rue Jean-Jaurès\nQui ? Roanne Initiatives Citoyennes\n")
    assert [(e.start_date, e.commune_code) for e in parse(text).events] == [("2011-11-24", "42187")]


def test_a_day_first_announced_then_changed_in_one_sentence_gives_the_new_day(parse):
    text = ("Mois de l'ESS 2015 dans l'Yonne\n\nMONÉTEAU\nLe café-débat « Travailler en coopérative », annoncé dans notre "
            "précédente édition pour le mardi 17 novembre, aura finalement lieu le mardi 24 novembre, à 19 h, au bar "
            "associatif Le Comptoir, rue d'Auxerre, Monéteau.\n")
    assert [e.start_date for e in parse(text).events] == ["2015-11-24"]


def test_one_sentence_that_moves_one_event_and_cancels_another_does_both(parse):
    text = RENNES.replace("L'atelier\ncompost est annulé.", "")
    text = text.replace("même heure.", "même heure ; l'atelier compost du jeudi 16 novembre est annulé.")
    assert sorted(days(parse(text))) == [("2023-11-18", "Marché solidaire"), ("2023-11-22", "Ciné-débat « Demain »")]


def test_a_sentence_that_tells_the_opening_of_the_month_is_the_opening_listed_below(parse):
    text = ("Compte rendu du conseil municipal de Rennes, 2023\n\n"
            "Le maire annonce que la Ville participera au Mois de l'économie sociale et solidaire, qui\n"
            "s'ouvrira le mardi 7 novembre avec une soirée aux Champs Libres.\n\n"
            "Programme :\n"
            "- mardi 7 novembre, 18 h 30, Les Champs Libres : soirée d'ouverture « L'ESS en Bretagne », par la Ville ;\n"
            "- samedi 18 novembre, place des Lices : marché solidaire, par le collectif Lices solidaires.\n")
    assert [d for d, _ in days(parse(text))] == ["2023-11-07", "2023-11-18"]


CATEGORIES = """Agenda de la ville – Mois de l'économie sociale et solidaire

Le 6/11
Solidarités
Ouverture du Mois de l'ESS
Hôtel de Ville - Poitiers
Organisé par : Ville de Poitiers

Le 8/11
Cinéma
Ciné-débat « Le temps des communs »
Cinéma Le Dietrich - Poitiers

Le 13/11
Environnement
Repair café
Salle de la Blaiserie - Poitiers

Le 15/11
Exposition
Exposition « Mains d'œuvre »
Médiathèque François-Mitterrand - Poitiers

Tous les mardis
Solidarités
Permanence de l'épicerie solidaire
Épicerie du Clos - Poitiers
Les mardis 6, 13, 20 et 27/11, de 14h à 17h.
"""


def test_a_web_agendas_category_between_a_cards_date_and_its_title_is_no_title(parse):
    # « Cinéma », « Environnement », « Solidarités » under each date: the cards' categories (themes, kinds), found so
    # under most of them; a card's last line « Les mardis …, de 14h à 17h. » leaves no title « De »
    assert days(parse(CATEGORIES, edition=2018)) == [
        ("2018-11-06", "Ouverture du Mois de l'ESS"), ("2018-11-08", "Ciné-débat « Le temps des communs »"),
        ("2018-11-13", "Repair café"), ("2018-11-15", "Exposition « Mains d'œuvre »")]
