"""A brochure laid out as boxes under day bands (pdftotext -layout): a coloured band gives the day
(« MARDI 4 NOVEMBRE », « SAMEDI 8 · DIMANCHE 9 NOVEMBRE », « APRÈS LE MOIS · SAMEDI 6 DÉCEMBRE »), and under it
the day's boxes stand side by side, each opening on its hours and a pictogram of the legend (« 14h – 17h ◆ »),
then its commune in capitals, its title, its text, its place and its organiser. Every document here is made up
for the test."""

from esscope.parse.lines import read_lines

BANDS = """MOIS DE L'ESS 2025 · CENTRE-VAL DE LOIRE
● Entrée libre   ◆ Sur inscription

Présentation du programme à la presse : jeudi 23 octobre à 11h, Tours
(réservée aux journalistes).

                                      MARDI 4 NOVEMBRE

14h – 17h ◆                    18h ●                          20h30 ●
BLOIS (41)                     TOURS (37)                     ORLÉANS (45)
Atelier « Monter sa            Soirée d'ouverture du Mois     Ciné-débat « La terre en
coopérative »                  régional                       partage »
Statuts, parts sociales et     Discours et buffet des         Projection suivie d'un
gouvernance en pratique.       producteurs.                   échange avec des paysans.
Halle aux grains, place de     Salle des Halles, place        Cinéma Les Carmes, rue
la République, 41000 Blois     Gaston-Paillhou, 37000         des Carmes, 45000 Orléans
Organisé par : Coop Loire      Tours                          Organisé par : Ciné-Terre
                               Organisé par : Centre ESS


                                      MERCREDI 5 NOVEMBRE

10h ◆
CHARTRES (28)
Matinale des achats
responsables
Acheteurs publics et entreprises adaptées échangent.
Maison des entreprises, 28000 Chartres
Organisé par : Eure-et-Loir Achats Solidaires

                                SAMEDI 8 · DIMANCHE 9 NOVEMBRE

SAM. 8 · 10h – 12h ◆           SAM. 8 · 14h – 18h             SAM. 8 & DIM. 9 · 10h –
VENDÔME (41)                   ▬▬ ANNULÉ ▬▬                   18h ●
Balade des jardins             DREUX (28)                     BOURGES (18)
partagés                       Repair café géant              Salon des alternatives
Départ devant la mairie,       Faute de bénévoles, ce         Soixante exposants,
41100 Vendôme                  rendez-vous n'aura pas lieu.   conférences à chaque heure.
Organisé par : Les Jardins     Salle Dreux-Centre, 28100      Palais d'Auron, 18000
du Loir                        Dreux                          Bourges
                                                              Organisé par : Cher ESS


                                      JEUDI 13 NOVEMBRE

19h ●                          ⚠ NOUVELLE DATE : MARDI 18
CHÂTEAUROUX (36)               NOVEMBRE · 20h ●
Soirée jeux coopératifs        JOUÉ-LÈS-TOURS (37)
Jeux pour toute la famille.    Conférence « Habiter
Ludothèque, 36000              ensemble »
Châteauroux                    Trois habitats participatifs
Organisé par : La Ludo         racontent leur projet.
                               Salle Jean-Cocteau, 37300
                               Joué-lès-Tours
                               Organisé par : Habitat Coop


                                      JEUDI 27 NOVEMBRE

18h ◆
TOURS (37)
Remise des Trophées de l'ESS
Cinq lauréats récompensés. Candidatures closes depuis
le vendredi 17 octobre.
Hôtel de ville, 37000 Tours
Organisé par : Centre ESS


                               APRÈS LE MOIS · SAMEDI 6 DÉCEMBRE

10h – 18h ●
ORLÉANS (45)
Marché de Noël solidaire
Artisans du commerce équitable.
Place du Martroi, 45000 Orléans
Organisé par : Centre ESS

Conception : Centre ESS · Programme arrêté au 17 octobre 2025, sous réserve de modifications.
"""


def _events(read):
    return [(e.start_date, e.end_date, e.title, e.commune_code, e.organizer)
            for e in read(BANDS.encode(), "brochure.txt").events]


def test_each_box_under_a_day_band_is_one_event_with_its_commune_title_and_organiser(read):
    got = _events(read)
    assert ("2025-11-04", "2025-11-04", "Atelier « Monter sa coopérative »", "41018", "Coop Loire") in got
    assert ("2025-11-04", "2025-11-04", "Soirée d'ouverture du Mois régional", "37261", "Centre ESS") in got
    assert ("2025-11-04", "2025-11-04", "Ciné-débat « La terre en partage »", "45234", "Ciné-Terre") in got
    # a box alone under its band, and one whose title wraps: its text is not part of the title
    assert ("2025-11-05", "2025-11-05", "Matinale des achats responsables", "28085",
            "Eure-et-Loir Achats Solidaires") in got


def test_boxes_under_a_week_end_band_take_their_own_days_and_a_struck_box_is_dropped(read):
    got = _events(read)
    assert ("2025-11-08", "2025-11-08", "Balade des jardins partagés", "41269", "Les Jardins du Loir") in got
    assert ("2025-11-08", "2025-11-09", "Salon des alternatives", "18033", "Cher ESS") in got
    assert not [e for e in got if "Repair" in e[2] or "Dimanche" in e[2]]


def test_a_box_moved_to_a_new_day_written_over_two_lines_takes_that_day(read):
    got = _events(read)
    assert ("2025-11-13", "2025-11-13", "Soirée jeux coopératifs", "36044", "La Ludo") in got
    assert [e[:2] for e in got if "Habiter" in e[2]] == [("2025-11-18", "2025-11-18")]


def test_a_bands_label_is_no_title_and_press_deadlines_and_the_colophon_are_no_events(read):
    got = _events(read)
    assert ("2025-12-06", "2025-12-06", "Marché de Noël solidaire", "45234", "Centre ESS") in got
    assert [e[0] for e in got if "Trophées" in e[2]] == ["2025-11-27"]
    assert sorted({e[0] for e in got}) == ["2025-11-04", "2025-11-05", "2025-11-08", "2025-11-13", "2025-11-18",
                                          "2025-11-27", "2025-12-06"]
    assert len(got) == 10


def test_a_sentence_that_ends_on_its_date_on_the_next_line_is_read_whole():
    lines = [line.text for line in read_lines("Cinq lauréats. Candidatures closes depuis\nle vendredi 17 octobre.\n"
                                              "Programme en ligne\nDu lundi 3 au vendredi 7 novembre\n")]
    assert "Cinq lauréats. Candidatures closes depuis le vendredi 17 octobre." in lines
    assert "Du lundi 3 au vendredi 7 novembre" in lines
