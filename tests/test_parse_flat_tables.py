"""Tables flattened cell by cell, as a PDF's table gives its text when copied: the column names one per line,
then each row's cells one after the other, a long cell wrapped. Every document here is made up for the test."""

import pytest

from esscope.parse.flat_tables import unflatten

FLAT = """Communauté de communes du Pays d'Orthe – Mois de l'ESS 2019

Date
Heure
Lieu
Événement
Organisateur
Mar. 05/11
18h30-
20h
Peyrehorade, salle des
fêtes
Conférence « L'ESS en
milieu rural »
CC du Pays d'Orthe
Sam. 16/11
9h-12h
Orthevielle, place de la
Mairie
Troc de graines
Jardins partagés
14h
Peyrehorade, Maison des
associations
Atelier réparation
Repair Café d'Orthe
mardi 26.11
ANNULÉ
Cagnotte, foyer rural
Soirée jeux
Ludothèque

Infos : mairie de Peyrehorade
"""


@pytest.fixture
def parse(read):
    return lambda text, **kwargs: read(text, "programme.txt", **kwargs)


def test_a_flattened_table_is_read_one_row_a_line():
    rows = unflatten(FLAT).splitlines()
    assert "Date | Heure | Lieu | Événement | Organisateur" in rows
    assert ("Mar. 05/11 | 18h30-20h | Peyrehorade, salle des fêtes | Conférence « L'ESS en milieu rural » | "
            "CC du Pays d'Orthe") in rows
    # a date cell merged over two rows: the second opens on its time and keeps the date
    assert "Sam. 16/11 | 14h | Peyrehorade, Maison des associations | Atelier réparation | Repair Café d'Orthe" in rows
    assert rows[-1] == "Infos : mairie de Peyrehorade"


def test_lines_that_merely_name_fields_are_no_table():
    text = "Date\nLieu\nVendredi 8 novembre\nSalle des fêtes\n"
    assert unflatten(text) == text


def test_the_events_of_a_flattened_table(parse):
    events = parse(FLAT).events
    assert [(e.start_date, e.start_time, e.title, e.commune_code) for e in events][:3] == [
        ("2019-11-05", "18:30", "Conférence « L'ESS en milieu rural »", "40224"),
        ("2019-11-16", "09:00", "Troc de graines", "40212"),
        ("2019-11-16", "14:00", "Atelier réparation", "40224")]
    assert not any(e.title == "Soirée jeux" for e in events)      # « ANNULÉ » in its time cell
