"""Events written in sentences: a sentence that names one date and says an event happens is an event
wherever its date sits; its title is the clause that names the event, or the sentence without its
date, place and time, never a lone generic word; limits, past events and publication dates are not
events. Every document here is made up for the test."""

from esscope.importing import parse_bytes
from esscope.parse.prose import stripped_sentence, title_of

DIGEST = """Économie solidaire : la sélection de la rédaction

Mis en ligne le 29 octobre 2021

Du côté de Lyon, l'association Les Petites Cantines organise jeudi 4 novembre un repas partagé autour du gaspillage alimentaire (12 h, cantine du 8e). Les inscriptions sont ouvertes jusqu'au 2 novembre.

Grenoble n'est pas en reste : le collectif Alternatiba invite le public samedi 13 novembre à une journée de réparation de vélos, place Saint-Bruno, à partir de 10 h.

Le mardi 16 novembre, rendez-vous à Villeurbanne pour la projection du documentaire « Nouvelle cordée » suivie d'un échange avec le réalisateur.

Les 26 et 27 novembre, le marché de Noël solidaire investit les halles de Chambéry.

Le 5 novembre dernier, la SCOP Ardelaine avait accueilli plus de 200 visiteurs. Son festival, qui a eu lieu le 9 octobre, reviendra en 2022.
"""


def parse(built_store, text, name="article.txt"):
    return parse_bytes(text.encode("utf-8"), name, db=built_store)


def test_dates_in_the_middle_of_sentences_date_their_events(built_store):
    result = parse(built_store, DIGEST)
    assert [(e.start_date, e.end_date, e.commune_name, e.title) for e in result.events] == [
        ("2021-11-04", "2021-11-04", "Lyon", "Repas partagé autour du gaspillage alimentaire"),
        ("2021-11-13", "2021-11-13", "Grenoble", "Journée de réparation de vélos"),
        ("2021-11-16", "2021-11-16", "Villeurbanne", "Projection du documentaire « Nouvelle cordée »"),
        ("2021-11-26", "2021-11-27", "Chambéry", "Marché de Noël solidaire")]


def test_the_structure_that_organises_is_the_subject_of_the_event_verb(built_store):
    lunch, bikes = parse(built_store, DIGEST).events[:2]
    assert (lunch.organizer, lunch.start_time) == ("Les Petites Cantines", "12:00")
    assert (bikes.organizer, bikes.start_time) == ("Alternatiba", "10:00")


def test_limits_past_events_and_the_publication_date_are_not_events(built_store):
    result = parse(built_store, DIGEST)
    starts = {e.start_date for e in result.events}
    assert not starts & {"2021-10-29", "2021-11-02", "2021-11-05", "2021-10-09"}


def test_the_article_date_chooses_among_years_whose_calendar_fits(built_store):
    assert parse(built_store, DIGEST).edition == 2021


def test_a_generic_head_gives_way_to_what_the_event_is_for():
    sentence = "rendez-vous à Saint-Malo pour la remise des trophées de l'innovation sociale, à partir de 18 h."
    assert title_of(sentence, sentence) == "Remise des trophées de l'innovation sociale"


def test_a_lone_word_title_keeps_the_words_of_its_sentence():
    sentence = "le forum réunira 40 structures à Brest"
    assert title_of("forum", sentence) == "Forum réunira 40 structures"


def test_the_sentence_without_date_place_and_time():
    assert stripped_sentence("Enfin, le 22 novembre, grande fête des voisins à Rennes, à partir de 18 h 30.") == (
        "grande fête des voisins")
