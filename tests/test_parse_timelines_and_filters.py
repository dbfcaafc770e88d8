"""Layouts met in the nineteenth and twentieth sets of invented programmes: a poster's vertical timeline (a rule
down the page, a dot for each day, each event beside its dot, left or right), a web agenda copied with its filters (« Emploi et
insertion (4) ») and cards whose rubric, status badge and « Récurrent : » line sit between date and title, an
agenda that marks the Mois's entries with a pictogram, an iCalendar export whose one event in the Mois's own
category is the Mois itself, notices written inside the card they change; printed answers to a form, a
newsletter's text version, a paper's agenda under « AUJOURD'HUI » / « VENDREDI » headings. Every document here is
made up for the test."""

import pytest

from esscope.parse.timeline import untimelined

TIMELINE = """                 MOIS DE L'ESS · PAYS DE LA LOIRE · NOVEMBRE 2015

                                      │
               NANTES · 18H00    ◉ MAR. 3 NOV.
          SOIRÉE D'OUVERTURE          │
       Salle Paul-Fort, Nantes        │
                                      │
                                 ◉ JEU. 5 NOV.     ANGERS · 14H00
                                      │            ATELIER COOPÉRATIF
                                      │            Maison des associations, Angers
               CHOLET · 20H00    ◉ SAM. 7 NOV.
          [ ANNULÉ ]                  │
          BAL SOLIDAIRE               │
       Salle des fêtes, Cholet        │
                                 ◉ MAR. 10 NOV.    LAVAL · 18H30
                                      │            CINÉ-DÉBAT « LES COMMUNS »
                                      │            Cinéma Le Vox, Laval
             LE MANS · 9H00      ◉ 16 → 20 NOV.
        EXPOSITION « COOPÉRER »       │
       Médiathèque Aragon, Le Mans    │
                                      │
"""


@pytest.fixture(scope="module")
def parse(read):
    return lambda text, name="programme.txt", **kwargs: read(text, name, **kwargs)


def days(result):
    return sorted((e.start_date, e.end_date, e.title, e.commune_code) for e in result.events)


def test_a_vertical_timeline_is_read_day_by_day_whichever_side_its_events_are_on(parse):
    assert days(parse(TIMELINE)) == [
        ("2015-11-03", "2015-11-03", "Soirée d'ouverture", "44109"),
        ("2015-11-05", "2015-11-05", "Atelier coopératif", "49007"),
        ("2015-11-10", "2015-11-10", "Ciné-débat « Les communs »", "53130"),
        ("2015-11-16", "2015-11-20", "Exposition « Coopérer »", "72181")]


def test_the_timeline_gives_each_day_its_block_and_leaves_other_texts_alone():
    lines = untimelined(TIMELINE.split("\n"))
    at = lines.index("JEU. 5 NOV.")
    assert lines[at:at + 3] == ["JEU. 5 NOV.", "ANGERS · 14H00", "ATELIER COOPÉRATIF"]
    assert "du 16 au 20 NOV." in lines
    table = ["| Jour | Atelier | Lieu |"] * 12
    assert untimelined(table) == table      # a table's rules come several to a line: no timeline


WEB_AGENDA = """Agenda de l'économie sociale et solidaire
Filtrer les événements
Thématique : Économie sociale et solidaire (3)
Emploi et insertion (2)
18 résultats
mar.
02
nov.
Économie sociale et solidaire
Lancement du Mois de l'ESS
Bordeaux · Bordeaux Métropole
Maison de l'économie solidaire, 33000 Bordeaux
Voir le détail
jeu.
04
nov.
Emploi et insertion
Job dating de l'insertion
Mérignac · Bordeaux Métropole
Salle du Burck, 33700 Mérignac
Voir le détail
jeu.
04
nov.
Économie sociale et solidaire
Permanence « Accompagnement des projets »
Libourne · Libournais
Récurrent : les jeudis 4, 18 et 25 novembre, 9h30 - 12h30
Pôle de solidarité, 33500 Libourne
Voir le détail
jeu.
18
nov.
Reporté
Emploi et insertion
Forum emploi du Médoc
Lesparre-Médoc · Médoc
Salle des fêtes, 33340 Lesparre-Médoc
Le forum est reporté au jeudi 25 novembre, même lieu, mêmes horaires.
Voir le détail
Du sam. 20 nov.
au dim. 21 nov.
Économie sociale et solidaire
Salon des consom'acteurs
Bordeaux · Bordeaux Métropole
Hangar 14, 33000 Bordeaux
Voir le détail
"""


def test_a_web_agenda_s_filters_name_the_rubrics_over_its_cards_and_cards_keep_their_own_days(parse):
    assert [(start, end, title) for start, end, title, _ in days(parse(WEB_AGENDA, edition=2021))] == [
        ("2021-11-02", "2021-11-02", "Lancement du Mois de l'ESS"),
        ("2021-11-04", "2021-11-04", "Job dating de l'insertion"),
        ("2021-11-04", "2021-11-04", "Permanence « Accompagnement des projets »"),
        ("2021-11-18", "2021-11-18", "Permanence « Accompagnement des projets »"),
        ("2021-11-20", "2021-11-21", "Salon des consom'acteurs"),
        ("2021-11-25", "2021-11-25", "Forum emploi du Médoc"),
        ("2021-11-25", "2021-11-25", "Permanence « Accompagnement des projets »")]


def test_a_teaser_far_above_its_card_in_a_page_without_blank_lines_is_one_event(parse):
    teaser = "À la une\nPrécédent\nmar. 02 nov.\nLancement du Mois de l'ESS\nBordeaux\nJe m'inscris\nSuivant\n"
    filler = "".join(f"Rubrique numéro {n}\n" for n in range(25))
    result = parse(teaser + filler + WEB_AGENDA, edition=2021)
    assert [e.title for e in result.events].count("Lancement du Mois de l'ESS") == 1


LIBRARIES = """RÉSEAU DES MÉDIATHÈQUES — PROGRAMME NOVEMBRE 2016

Repérez le pictogramme ♻ ESS dans l'agenda : les rendez-vous du Mois de l'économie sociale et solidaire.

Mer. 2 nov. · 10h30 ☺
Heure du conte
Brétigny-sur-Orge · La Passerelle

Sam. 5 nov. · 15h00 ♻ ESS
Rencontre « L'ESS, ça se lit aussi »
Ste-Geneviève · Médiathèque de l'Orangerie

Du lun. 14 au sam. 26 nov. ♻ ESS
Exposition « Coopératives d'hier et d'aujourd'hui »
Saint-Michel-sur-Orge · Médiathèque des Genêts

Sam. 26 nov. · 15h00 ☺
Spectacle « Le loup qui voulait lire »
Morsang-sur-Orge · Médiathèque du Parc
"""


def test_a_pictogram_named_in_the_legend_picks_out_the_mois_s_entries(parse):
    result = parse(LIBRARIES, region="11")
    assert days(result) == [
        ("2016-11-05", "2016-11-05", "Rencontre « L'ESS, ça se lit aussi »", "91549"),   # Ste-Geneviève-des-Bois
        ("2016-11-14", "2016-11-26", "Exposition « Coopératives d'hier et d'aujourd'hui »", "91570")]
    assert any("♻" in w for w in result.warnings)


ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//esscope//test//FR
BEGIN:VEVENT
UID:mois@test
DTSTART;VALUE=DATE:20231101
DTEND;VALUE=DATE:20231201
SUMMARY:Mois de l'ESS 2023 en Auvergne
CATEGORIES:Mois de l'ESS
END:VEVENT
BEGIN:VEVENT
UID:atelier@test
DTSTART:20231107T140000
SUMMARY:Atelier coopératif
LOCATION:Maison des associations\\, 03100 Montluçon
END:VEVENT
BEGIN:VEVENT
UID:forum@test
DTSTART:20231124T090000
SUMMARY:Forum entreprendre autrement
LOCATION:Salle polyvalente\\, 43000 Le Puy-en-Velay
END:VEVENT
END:VCALENDAR
"""


def test_an_export_whose_only_event_in_the_mois_s_category_is_the_mois_itself_keeps_every_event(parse):
    titles = {e.title for e in parse(ICS, "agenda.txt").events}
    assert {"Atelier coopératif", "Forum entreprendre autrement"} <= titles


@pytest.mark.parametrize(("text", "expected"), [
    # a card's place cut inside its street's name, its postcode on the next line
    ("Mardi 4 novembre · 18h\nSoirée de lancement\nEspace Madeleine, 12 rue de\nBourgogne, 45000 Orléans\n", "45234"),
    # a commune written short, its département in brackets
    ("Mercredi 19 novembre · 15h\nSAINT-AMAND (18)\nAtelier vélo\nLocal associatif\n", "18197"),
    # a venue named like a commune elsewhere, its postcode after it
    ("Samedi 8 novembre · 9h\nMarché bio\nLes Halles, 50200 Coutances\n", "50147"),
])
def test_a_card_s_commune_read_where_its_place_says_it(parse, text, expected):
    assert [e.commune_code for e in parse("Mois de l'ESS 2014\n\n" + text).events] == [expected]


MAILING = """De : Ville de Reims - Vie associative <lettre@reims.example>
Objet : Novembre 2008 : premier Mois de l'économie sociale et solidaire

*** DERNIÈRE MINUTE ***
La bourse aux jouets du quartier Wilson, annoncée pour le samedi 15 novembre dans le programme imprimé, aura
finalement lieu le samedi 22 novembre, aux mêmes horaires.

WILSON
Samedi 15 novembre, 9h-17h : bourse aux jouets au gymnase du quartier.

ORGEVAL
Samedi 8 novembre, 10h-18h : journée portes ouvertes de la régie de quartier.

TINQUEUX - Jeudi 6 novembre, 20h : ciné-débat « Le commerce équitable », salle des fêtes.
EPERNAY - Mercredi 12 novembre, 18h : conférence « Vignes et coopération », 51200 Epernay.
BETHENY - Jeudi 20 novembre : la visite de l'entreprise d'insertion Bétheny Services est ANNULEE (le
chantier ne peut pas accueillir de public).
"""


def test_a_mailing_from_a_town_hall_places_its_events_in_the_town_and_applies_its_last_minute_news(parse):
    result = parse(MAILING)
    assert days(result) == [
        ("2008-11-06", "2008-11-06", "Ciné-débat « Le commerce équitable »", "51573"),
        ("2008-11-08", "2008-11-08", "Journée portes ouvertes de la régie de quartier", "51454"),
        ("2008-11-12", "2008-11-12", "Conférence « Vignes et coopération »", "51230"),
        ("2008-11-22", "2008-11-22", "Bourse aux jouets", "51454")]


def test_a_post_that_moves_an_event_planned_for_this_evening_names_it(parse):
    text = ("Collectif ESS du bassin minier\n\n"
            "📅 Ven. 16/11 – Hénin-Beaumont : soirée jeux coopératifs\n"
            "📅 Sam. 17/11 – Arras : forum de l'emploi solidaire\n\n"
            "16 novembre, 09:00 · ⚠️ CHANGEMENT DE DATE ⚠️ La soirée jeux coopératifs d'Hénin-Beaumont, prévue ce "
            "soir, est décalée au vendredi 23 novembre, même heure.\n")
    assert [(s, t) for s, _, t, _ in days(parse(text, edition=2018))] == [
        ("2018-11-17", "Forum de l'emploi solidaire"), ("2018-11-23", "Soirée jeux coopératifs")]


def test_a_sheet_row_put_off_says_its_new_day_in_its_remarks(parse):
    header = "N°\tStatut\tDate\tHoraire\tIntitulé\tLieu\tCP\tCommune\tRemarques\n"
    rows = ("1\tconfirmé\t04/11/2010\t20h30\tCiné-débat\tSalle Kerbihan\t56700\tHennebont\t\n"
            "2\treporté\t19/11/2010\t20h00\tSoirée jeux\tSalle polyvalente\t56270\tPloemeur\t"
            "REPORTÉE au vendredi 26/11, même heure\n")
    assert [(s, t) for s, _, t, _ in days(parse(header + rows, "planning.txt"))] == [
        ("2010-11-04", "Ciné-débat"), ("2010-11-26", "Soirée jeux")]


def test_a_table_cell_names_a_commune_short_by_its_largest_town(parse):
    text = ("PROGRAMME : LES RENDEZ-VOUS\n\nDate\nHoraire\nCommune\nÉvénement\n\n"
            "Lundi 4 novembre\n18h00\nDijon\nLancement régional\n\n"
            "Vendredi 22 novembre\n14h00\nMontceau\nVisite de la recyclerie\n\n"
            "Samedi 23 novembre\n10h00\nBesançon\nVillage de l'ESS\n")
    assert [(t, c) for _, _, t, c in days(parse(text, edition=2019, region="27"))] == [
        ("Lancement régional", "21231"), ("Visite de la recyclerie", "71306"), ("Village de l'ESS", "25056")]


def test_a_notice_naming_its_event_before_a_pause_leaves_the_programme_s_new_day_alone(parse):
    text = ("Le Mois de l'ESS est lancé en Ariège\n\n"
            "Attention, changement de date pour le forum de l'emploi solidaire de Limoux : prévu initialement le "
            "jeudi 13, il se tiendra finalement le jeudi 20 novembre, à la salle Jean-Bonnafous.\n\n"
            "LE PROGRAMME\n\n"
            "• Jeudi 6 novembre, 18h30 – Pamiers (09100), cinéma Le Méridien : ciné-débat « Les Semeurs », par "
            "Pamiers en Transition.\n"
            "• Jeudi 20 novembre (nouvelle date), 9h30-16h – Limoux, salle Jean-Bonnafous : Forum de l'emploi "
            "solidaire, par Haute-Vallée Emploi Solidaire.\n")
    assert [(s, t) for s, _, t, _ in days(parse(text, edition=2025))] == [
        ("2025-11-06", "Ciné-débat « Les Semeurs »"), ("2025-11-20", "Forum de l'emploi solidaire")]


ACROSS = """MOIS DE L'ÉCONOMIE SOLIDAIRE EN ILLE-ET-VILAINE · NOVEMBRE 2008

JEU. 6                                  MER. 12
VISITE D'UNE SCOP                       ATELIER « CONSOMMER LOCAL »
ZA de la Massue, 35170                  Épicerie coopérative,
Bruz                                    Vitré
par Scop Bois & Compagnie               par Le Panier Vitréen

──●───────────────────●───────────────────●───────────────────●──
  6                   8                   12                  14
                    SAM. 8                                  VEN. 14
                    FORUM OUVERT                            CONFÉRENCE « FINANCE
                    Salle du Colombier,                     SOLIDAIRE »
                    Rennes                                  Redon
                    par le CBES                             *** ANNULÉ ***
"""


def test_a_timeline_across_the_page_is_read_column_by_column_with_each_entry_s_organiser(parse):
    result = parse(ACROSS)
    assert days(result) == [
        ("2008-11-06", "2008-11-06", "Visite d'une SCOP", "35047"),
        ("2008-11-08", "2008-11-08", "Forum ouvert", "35238"),
        ("2008-11-12", "2008-11-12", "Atelier « Consommer local »", "35360")]
    assert {e.organizer for e in result.events} == {"Scop Bois & Compagnie", "CBES", "Le Panier Vitréen"}


FORM = """Formulaires Google – impression des réponses individuelles
Déclarez votre événement
3 réponses · Imprimé le 17/10/2025

Réponse 1 sur 3
Horodateur : 01/10/2025 16:02:44

Nom de votre structure *
Réseau test

Intitulé de l'événement (tel qu'il apparaîtra dans le programme) *
TEST – ne pas tenir compte

Date(s) de l'événement *
01/11/2025

Horaire


Commune
Rouen

Réponse 2 sur 3
Horodateur : 03/10/2025 09:41:17

Nom de votre structure *
Atelier vélo La Rustine

Intitulé de l'événement (tel qu'il apparaîtra dans le programme) *
Repair café

Date(s) de l'événement *
samedi 8 novembre

Horaire
9h – 12h

Commune
Sotteville-lès-Rouen

Réponse 3 sur 3
Horodateur : 04/10/2025 11:20:05

Intitulé de l'événement (tel qu'il apparaîtra dans le programme) *
ANNULATION – Bourse aux vélos du 29/11

Date(s) de l'événement *
samedi 29 novembre

Horaire


Commune
Rouen
"""


def test_printed_form_answers_are_read_one_event_per_answer(parse):
    assert [(s, t, c) for s, _, t, c in days(parse(FORM, "reponses.txt"))] == [
        ("2025-11-08", "Repair café", "76681")]


NEWSLETTER = """Le Mois de l'ESS en Savoie : tout le programme
Voir ce courriel dans votre navigateur [link]

** LA CORDÉE SOLIDAIRE
La lettre du réseau
N° 31 – mardi 3 novembre 2015

** ÉDITO
Le Mois démarre !

** Jeudi 5 novembre – Chambéry
Soirée d'ouverture du Mois de l'ESS
18 h 30 – Le Phare solidaire, 73000 Chambéry

** Samedi 7 novembre – Cognin
Repair café géant
9 h – 13 h – Salle des fêtes, 73160 Cognin
"""


def test_a_newsletter_s_text_version_reads_its_starred_headings(parse):
    assert [(s, t) for s, _, t, _ in days(parse(NEWSLETTER))] == [
        ("2015-11-05", "Soirée d'ouverture du Mois de l'ESS"), ("2015-11-07", "Repair café géant")]


PAPER = """LA GAZETTE DU LION
Mercredi 14 novembre 2012
BELFORT ET SA RÉGION          23

SORTIR | AGENDA

AUJOURD'HUI

BELFORT. Monnaies locales. Dans le cadre du Mois de l'économie sociale et solidaire, le collectif Le Lien
organise une conférence à 20 h, salle des Tanneurs.

VALDOIE. Thé dansant. Le club des aînés propose son thé dansant à 14 h 30, salle des fêtes.

VENDREDI

DELLE. Ciné-débat. Projection suivie d'un débat, à 20 h 30, cinéma Le Phénix, pour le Mois de l'ESS.

SPORTS

FOOTBALL. Le club reçoit Montbéliard samedi à 15 h.

LE MOIS DE L'ESS

Mardi 20 novembre, Belfort : atelier « Créer sa Scop », à 18 h, Maison des associations.
Jeudi 22 novembre, Valdoie : soirée-débat « Habiter autrement », à 20 h, salle des fêtes.
"""


def test_a_paper_s_day_headings_follow_its_date_and_its_items_that_say_they_are_the_mois_s_count(parse):
    found = {(s, c) for s, _, _, c in days(parse(PAPER))}
    assert {("2012-11-14", "90010"), ("2012-11-16", "90033"), ("2012-11-20", "90010"), ("2012-11-22", "90099")} <= found
    assert not any(day == "2012-11-14" and commune == "90099" for day, commune in found)   # the tea dance


def test_a_card_s_time_and_pinned_place_side_by_side_are_read_apart(parse):
    text = ("Mois de l'ESS 2019 à l'IUT\n\nMAR.\n05\nNOV.\nForum des associations et de l'ESS\n"
            "🕐 12 h 15 – 14 h   📍 Site Citadelle – hall du bâtiment A\nOrganisé par : Service de la vie étudiante\n\n"
            "Site Citadelle : IUT, 10 rue des Français-Libres, 80080 Amiens\n")
    (event,) = parse(text).events
    assert (event.start_time, event.commune_code) == ("12:15", "80021")
    assert event.venue.startswith("Site Citadelle")


GRID = """FORUM « ENTREPRENDRE AUTREMENT »
JEUDI 16 NOVEMBRE 2023 · 9 h 30 – 17 h
La Halle des Possibles · 12 rue Jobin · 13003 Marseille

HORAIRE      SALLE MISTRAL              SALLE CALANQUES              AGORA
───────────  ─────────────────────────  ───────────────────────────  ────────────────────────────
9 h 30       Atelier « Rédiger les      Table ronde « Financer son   Plénière d'ouverture du
– 11 h       statuts d'une SCIC »       projet solidaire »           forum
             ▸ Coop'Conseil 13                                       ▸ Provence Solidaire

12 h 30      DÉJEUNER – marché des producteurs sur le parvis
– 14 h

14 h         Atelier « Mesurer son      Table ronde « L'ESS et la    —
– 15 h 30    impact social »            commande publique »
                                        ANNULÉE
"""


def test_a_day_s_timetable_of_rooms_gives_one_event_per_slot_and_room(parse):
    from esscope.parse.grids import ungrid
    lines = ungrid(GRID).split("\n")
    assert "9 h 30 – 11 h : Atelier « Rédiger les statuts d'une SCIC » – Salle Mistral – par Coop'Conseil 13" in lines
    assert "12 h 30 – 14 h : DÉJEUNER – marché des producteurs sur le parvis" in lines
    titles = {e.title for e in parse(GRID).events}
    assert {"Atelier « Rédiger les statuts d'une SCIC »", "Table ronde « Financer son projet solidaire »",
            "Atelier « Mesurer son impact social »"} <= titles
    assert not any("commande publique" in t for t in titles)


def test_an_accordion_s_commune_headings_and_counts_say_where_not_what(parse):
    text = ("Le Mois de l'ESS dans la vallée de Munster, novembre 2018\n\n"
            "▾ Turckheim (2 rendez-vous)\n\n"
            "Tous les mardis de novembre · 14 h – 17 h\nPermanence de l'épicerie solidaire\n"
            "Lieu : Épicerie La Cigogne, 7 rue du Conseil, 68230 Turckheim\n\n"
            "Vendredi 23 novembre · 20 h\nThéâtre-forum « Entreprendre autrement »\n"
            "Lieu : salle des fêtes, 68230 Turckheim\n")
    result = parse(text)
    assert "Théâtre-forum « Entreprendre autrement »" in {e.title for e in result.events}
    assert not any("Turckheim" in e.title or "rendez-vous" in e.title for e in result.events)


WEEKS = """PROGRAMME PAR COMMUNE ET PAR SEMAINE – MOIS DE L'ESS 2013

+-----------+------------------------+------------------------+------------------------+
| COMMUNE   | SEM. 44                | SEM. 45                | SEM. 46                |
|           | 28 oct. → 3 nov.       | 4 → 10 nov.            | 11 → 17 nov.           |
+===========+========================+========================+========================+
| CALVI     | mar. 29 · 11h · Point  | jeu. 7 · 18h ·         | sam. 16 & dim. 17 ·    |
|           | presse (mairie)        | Lancement du Mois      | Foire solidaire        |
|           | sam. 2 · 14h · Repair  |                        |                        |
|           | café de rentrée        |                        |                        |
+-----------+------------------------+------------------------+------------------------+
| LUMIO     |                        | ANNULÉ – sam. 9 ·      | mer. 13 · Visite de la |
|           |                        | Troc de jouets         | ferme → REPORTÉE (voir |
|           |                        |                        | sem. 48)               |
+-----------+------------------------+------------------------+------------------------+
"""


def test_a_grid_of_communes_by_weeks_dates_each_item_with_its_column_s_month():
    from esscope.parse.grids import ungrid
    lines = [line for line in ungrid(WEEKS).split("\n") if line.strip()]
    assert lines[1:] == [
        "mar. 29 octobre · 11h · Point presse (mairie) – CALVI",
        "sam. 2 novembre · 14h · Repair café de rentrée – CALVI",
        "jeu. 7 novembre · 18h · Lancement du Mois – CALVI",
        "sam. 16 & dim. 17 novembre · Foire solidaire – CALVI",
        "sam. 9 novembre · Troc de jouets – ANNULÉ – LUMIO"]


def test_a_comment_on_a_shared_document_and_a_card_s_update_move_their_event(parse):
    text = ("PROGRAMME PARTAGÉ – MOIS DE L'ESS 2021\n\n"
            "Samedi 6 novembre, 10h-17h\nPortes ouvertes de la ressourcerie[a]\nLa Seconde Vie, 36000 Châteauroux\n\n"
            "Samedi 20 novembre · 9 h – 17 h · Issoudun\nFoire aux savoir-faire\n"
            "Mise à jour du 15/11 : la foire est REPOUSSÉE au samedi 27 novembre, mêmes horaires.\n\n"
            "Réunion de calage (visio) le jeudi 14 octobre à 18h.\n\n"
            "[a]Julie : La Seconde Vie m'a appelée, ils décalent leurs portes ouvertes au samedi 13/11.\n")
    assert [(s, t) for s, _, t, _ in days(parse(text))] == [
        ("2021-11-13", "Portes ouvertes de la ressourcerie"), ("2021-11-27", "Foire aux savoir-faire")]


def test_a_row_of_timed_boxes_under_a_day_s_band_is_read_box_by_box():
    band = ["14h – 17h ◆               18h ●                     20h30 ●",
            "LAVAL (53)                NANTES (44)               SAINT-NAZAIRE (44)",
            "Atelier « Créer son       Soirée de lancement       Ciné-débat « Les mains",
            "activité »                du Mois                   dans la terre »"]
    assert untimelined(band) == ["14h – 17h ◆", "LAVAL (53)", "Atelier « Créer son", "activité »", "",
                                 "18h ●", "NANTES (44)", "Soirée de lancement", "du Mois", "",
                                 "20h30 ●", "SAINT-NAZAIRE (44)", "Ciné-débat « Les mains", "dans la terre »", ""]
    table = ["Jour        Heure    Lieu", "Mardi 5     18h      Nantes", "Jeudi 7     14h      Laval"]
    assert untimelined(table) == table      # a table's rows: not boxes opening on a time


FORTNIGHT = """QUINZAINE DE L'ÉCONOMIE SOCIALE ET SOLIDAIRE · NOVEMBRE 2009

SEMAINE 1

LUN. 16       MAR. 17       MER. 18       JEU. 19       VEN. 20       SAM. 21
────────────  ────────────  ────────────  ────────────  ────────────  ────────────
              18h30         14h           9h30          20h           10h
              Ciné-débat    Atelier       Petit-        Soirée        Troc de
              LISIEUX ①     compost       déjeuner      contes        plantes
              par Ciné-     GLOS ②        LISIEUX ①     LISIEUX ①     GLOS ②
              Auge                                                    REPORTÉ AU
                                                                      SAM. 28

SEMAINE 2

SAM. 28 · 10h · Troc de plantes (reporté du 21) · GLOS ②

LES LIEUX
① Cinéma associatif, rue Henry-Chéron, 14100 Lisieux
② Jardin partagé, route de Glos, 14100 Glos
"""


def test_a_week_s_calendar_in_columns_gives_each_day_its_items_and_their_places_by_number(parse):
    found = [(s, c) for s, _, _, c in days(parse(FORTNIGHT))]
    assert found[:4] == [("2009-11-17", "14366"), ("2009-11-18", "14303"), ("2009-11-19", "14366"),
                         ("2009-11-20", "14366")]
    assert not any(day == "2009-11-16" for day, _ in found)       # an empty column


def test_a_network_s_agenda_by_member_places_each_item_at_its_member_s_address(parse):
    text = ("AGENDA DES ADHÉRENTS – Mois de l'ESS 2023\n\n"
            "■ LA BRICOLERIE – Fontaine\n45 avenue Aristide-Briand, 38600 Fontaine · 04 76 27 51 09\n"
            "– Sam. 4/11, 10h – 17h : Portes ouvertes et visite des ateliers.\n\n"
            "■ LE GRENIER VOIRONNAIS – Voiron\nAvenue Jules-Ravat, 38500 Voiron\n"
            "– Ven. 10/11, 18h30 : Ciné-débat « La seconde vie des objets ».\n")
    assert [(s, c) for s, _, _, c in days(parse(text))] == [("2023-11-04", "38169"), ("2023-11-10", "38563")]
