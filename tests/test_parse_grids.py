"""Tables drawn as grids in plain text (« +----+ » borders, cells wrapped over several lines): a month
calendar read day by day, a plain grid read row by row. Every document here is made up for the test."""

import pytest

from esscope.parse.grids import ungrid

CALENDAR = """MOIS DE L'ESS EN BOURGOGNE – NOVEMBRE 2022

+--------------+--------------+--------------+--------------+--------------+--------------+--------------+
|LUN           |MAR           |MER           |JEU           |VEN           |SAM           |DIM           |
+--------------+--------------+--------------+--------------+--------------+--------------+--------------+
|31            |1 Toussaint   |2             |3             |4             |5             |6             |
|              |              |18h Atelier   |              |• EXPO        |              |              |
|              |              |compost –     |              |« Terres      |              |              |
|              |              |Dijon, Maison |              |d'ici » Beaune|              |              |
|              |              |des assos     |              |(du 4 au 12)  |              |              |
+--------------+--------------+--------------+--------------+--------------+--------------+--------------+
|7             |8             |9             |10            |11 Armistice  |12            |13            |
|• expo Beaune |• expo Beaune |20h Concert   |• expo Beaune |(férié)       |• FIN expo    |              |
|              |              |solidaire –   |              |              |Beaune        |              |
|              |              |Auxerre       |              |              |10h Troc de   |              |
|              |              |              |              |              |graines –     |              |
|              |              |              |              |              |Dijon         |              |
+--------------+--------------+--------------+--------------+--------------+--------------+--------------+
|14            |15            |16            |17            |18            |19            |20            |
|              |14h Atelier   |              |              |              |              |              |
|              |compost –     |              |              |              |              |              |
|              |Dijon, Maison |              |              |              |              |              |
|              |des assos     |              |              |              |              |              |
+--------------+--------------+--------------+--------------+--------------+--------------+--------------+
|28            |29            |30            |1             |2             |3             |4             |
|              |18h30 Apéro   |              |Concert de    |              |              |              |
|              |des SCOP –    |              |décembre      |              |              |              |
|              |Dijon         |              |              |              |              |              |
+--------------+--------------+--------------+--------------+--------------+--------------+--------------+
"""

GRID_TABLE = """Programme 2019

+------------+---------------------+-----------+
| Date       | Événement           | Ville     |
+============+=====================+===========+
| Mardi 12   | Café-débat sur les  | Nevers    |
| novembre   | monnaies locales    |           |
+------------+---------------------+-----------+
| Jeudi 14   | Visite d'une        | Cosne-    |
| novembre   | ressourcerie        | Cours-sur-|
|            |                     | Loire     |
+------------+---------------------+-----------+
"""

PIPE_TABLE = """+------+--------+
| Date | Titre  |
+------+--------+
| 5/11 | Forum  |
| 6/11 | Atelier|
+------+--------+
"""


@pytest.fixture
def parse(read):
    return lambda text, **kwargs: read(text, "programme.txt", **kwargs)


def test_a_month_calendar_is_read_day_by_day():
    lines = [line for line in ungrid(CALENDAR).splitlines() if " : " in line]
    assert lines[0] == "mercredi 2 novembre 2022 : 18h Atelier compost – Dijon, Maison des assos"
    assert "vendredi 4 novembre 2022 : EXPO « Terres d'ici » Beaune (du 4 au 12)" in lines
    assert "samedi 12 novembre 2022 : 10h Troc de graines – Dijon" in lines
    # a holiday is no event; the exhibition's daily mentions are the same event; days of the month after drop
    assert not any("férié" in line or "expo Beaune" in line or "décembre" in line for line in lines)
    assert "mardi 15 novembre 2022 : 14h Atelier compost – Dijon, Maison des assos" in lines     # a second session


def test_the_calendars_month_is_found_from_its_weekdays():
    # the 1st in the Tuesday column, 30 days: November 2022, not the October named above the grid
    text = "Réunion de préparation le 12 octobre 2022\n\n" + CALENDAR.split("\n", 2)[2]
    assert "mercredi 2 novembre 2022 :" in ungrid(text)


def test_a_grid_table_is_read_row_by_row():
    rows = ungrid(GRID_TABLE).splitlines()
    assert "Date | Événement | Ville" in rows
    assert "Mardi 12 novembre | Café-débat sur les monnaies locales | Nevers" in rows
    assert "Jeudi 14 novembre | Visite d'une ressourcerie | Cosne-Cours-sur-Loire" in rows


def test_a_table_of_one_line_rows_is_left_as_it_is():
    assert ungrid(PIPE_TABLE) == PIPE_TABLE


def test_calendar_events_are_dated_and_placed(parse):
    result = parse(CALENDAR)
    found = {(e.start_date, e.end_date, e.title, e.commune_code) for e in result.events}
    assert ("2022-11-02", "2022-11-02", "Atelier compost", "21231") in found
    assert ("2022-11-15", "2022-11-15", "Atelier compost", "21231") in found
    assert ("2022-11-09", "2022-11-09", "Concert solidaire", "89024") in found
    assert ("2022-11-12", "2022-11-12", "Troc de graines", "21231") in found
    assert not any("Beaune" in e.title and e.start_date != "2022-11-04" for e in result.events)


def test_a_hostile_grid_is_read_in_bounded_time():
    border = "+" + "-+" * 2000
    text = "\n".join([border] + ["|" + "x|" * 2000, border] * 200)
    assert len(ungrid(text)) < len(text) * 2
