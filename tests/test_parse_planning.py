"""Layouts met in the twenty-fifth set of invented programmes and in older slides: calendar items printed as
memos, a video's subtitles, a planning chart with a mark under each day, a grant application's list of
actions, a slide's outline. Every document here is made up for the test."""

from esscope.parse.gantt import ungantted
from esscope.parse.memos import unmemoed
from esscope.parse.subtitles import unsubtitled

MEMOS = """De : Claire Vannier
________________________________________
Objet :\tCafé-débat « L'épargne qui crée des emplois »
Emplacement :\tBrasserie du Port, 3 quai Lamandé, 29200 Brest

Début :\tmar. 07/11/2023 18:30
Fin :\tmar. 07/11/2023 20:30
Afficher la disponibilité :\tOccupé(e)

Organisateur de la réunion :\tClaire Vannier
Participants obligatoires :\tYann Le Goff; Awa Diop

Organisé par Finistère Épargne Solidaire. Entrée libre.

________________________________________
Objet :\tCOPIL Mois ESS – point logistique
Emplacement :\tRéunion Microsoft Teams

Début :\tjeu. 09/11/2023 09:00
Fin :\tjeu. 09/11/2023 10:00

________________________________________
Objet :\tMise à jour : Salon des solidarités
Emplacement :\tSalle Jean-Moulin, Quimperlé (29300)

Début :\tven. 17/11/2023 10:00
Fin :\tsam. 18/11/2023 18:00
État de la réunion :\tAccepté

________________________________________
Objet :\tTable ronde « Habiter autrement »
Emplacement :\tSalle du conseil, Landerneau ; Réunion Microsoft Teams

Début :\tmar. 21/11/2023 18:00
Fin :\tmar. 21/11/2023 20:00

En salle et ouverte à distance (lien Teams) – format hybride.
"""


def test_a_memos_start_and_end_fields_are_one_date_line():
    text = "Objet :\tAtelier\nDébut :\tmar. 07/11/2023 18:30\nFin :\tmar. 07/11/2023 20:30\n"
    assert unmemoed(text) == "Objet :\tAtelier\nDébut :\tmar. 07/11/2023 18:30 – 20:30\n\n"
    two_days = unmemoed("Début : ven. 17/11/2023 10:00\nFin : sam. 18/11/2023 18:00")
    assert two_days.startswith("Début : du ven. 17/11/2023 au sam. 18/11/2023")
    assert unmemoed("Début des travaux : lundi\nFin : mardi") == "Début des travaux : lundi\nFin : mardi"


def test_calendar_items_printed_as_memos(read):
    events = read(MEMOS, "invitations.txt").events_as_dicts()
    got = {(e["start_date"], e["end_date"], e["title"], e["commune_name"], e["start_time"]) for e in events}
    assert ("2023-11-07", "2023-11-07", "Café-débat « L'épargne qui crée des emplois »", "Brest", "18:30") in got
    assert ("2023-11-17", "2023-11-18") in {(e["start_date"], e["end_date"]) for e in events}
    hybrid = next(e for e in events if e["title"].startswith("Table ronde"))
    assert hybrid["commune_name"] == "Landerneau"
    assert not any("COPIL" in e["title"] or "Disponible" in e["title"] for e in events)
    assert not any(e["organizer"] == "Claire Vannier" for e in events)      # who sent the invitation
    assert len(events) == 3


SUBTITLES = """1
00:00:00,000 --> 00:00:03,000
[Musique]

2
00:00:03,000 --> 00:00:06,500
[CARTON] Vidéo mise en ligne
le lundi 6 novembre 2023

3
00:00:06,500 --> 00:00:10,000
VOIX OFF : Ce jeudi, à Brest,
l'association Ti Ar Vro organise

4
00:00:10,000 --> 00:00:13,000
une disco-soupe géante, place Guérin.

5
00:00:13,000 --> 00:00:16,000
[CARTON] SAM. 18 NOV. – 14H
Troc de graines – Morlaix

6
00:00:16,000 --> 00:00:19,000
[CARTON] ANNULÉ – Balade des communs
à Lannion (dim. 19/11)
"""


def test_subtitles_lose_their_numbers_and_timecodes():
    text = unsubtitled(SUBTITLES)
    assert "-->" not in text and "[Musique]" not in text and "\n4\n" not in text
    assert "Ce jeudi, à Brest, l'association Ti Ar Vro organise une disco-soupe géante, place Guérin." in text
    assert "SAM. 18 NOV. – 14H\nTroc de graines – Morlaix" in text        # a card keeps its lines
    assert "Vidéo mise en ligne le lundi 6 novembre 2023" in text
    assert unsubtitled("Samedi 4 novembre : marché") == "Samedi 4 novembre : marché"


def test_a_videos_subtitles_give_its_events(read):
    events = read(SUBTITLES, "teaser.srt.txt").events_as_dicts()
    got = {(e["start_date"], e["commune_name"]) for e in events}
    assert ("2023-11-09", "Brest") in got       # « ce jeudi », the video being put online on Monday 6
    assert ("2023-11-18", "Morlaix") in got
    assert "2023-11-06" not in {e["start_date"] for e in events}
    assert "2023-11-19" not in {e["start_date"] for e in events}


GANTT = """PLANNING MOIS DE L'ESS 2022
                                                        NOVEMBRE 2022
    |                          |        |                    | OCT.  | ma me je ve sa di lu ma me je ve sa di | REMARQUES
N°  | ACTION                   | TYPE   | PORTEUR            |       |  1  2  3  4  5  6  7  8  9 10 11 12 13 |
--------------------------------------------------------------------------------------------------------------
01  | Lancement du Mois        | PUBLIC | Réseau ESS Vosges  |       |        X                               | 18h, Épinal
02  | Réunion des porteurs     | INT    | Réseau ESS Vosges  |       |           #                            |
03  | Forum emploi ESS         | PUBLIC | Vosges Emploi      |       |             (x)             X          | déplacé du 5 au 10
04  | Salon de l'ESS           | PUBLIC | Réseau ESS Vosges  |       |                    X  X                | Saint-Dié-des-Vosges
05  | Impression programmes    | COM    | Imprimerie Scop    | 28/10 |  -  -  -                               |
"""


def test_a_planning_charts_marks_are_its_days():
    text = ungantted(GANTT)
    assert "jeudi 3 novembre 2022 | 18h, Épinal" in text
    assert "jeudi 10 novembre 2022 | déplacé du 5 au 10" in text       # (x): the old day, no date
    assert "du lundi 7 au mardi 8 novembre 2022 | Saint-Dié-des-Vosges" in text
    assert "Réunion des porteurs" not in text and "Impression programmes" not in text    # « # », a bar: no day
    assert "| Date |" in text and "OCT." in text


def test_a_planning_chart_is_read_as_a_table(read):
    events = read(GANTT, "planning.txt").events_as_dicts()
    got = {(e["start_date"], e["end_date"], e["title"]) for e in events}
    assert ("2022-11-03", "2022-11-03", "Lancement du Mois") in got
    assert ("2022-11-10", "2022-11-10", "Forum emploi ESS") in got
    assert ("2022-11-07", "2022-11-08", "Salon de l'ESS") in got
    assert len(events) == 3


GRANT = """DOSSIER DE DEMANDE DE SUBVENTION – Fiche action

4. CALENDRIER DE PRÉPARATION
- Formation des bénévoles d'accueil : samedi 14 octobre 2023, Vannes
- Conférence de presse : mardi 31 octobre 2023, Vannes

5. ACTIONS PRÉVUES
Action 1 – Soirée d'ouverture du Mois de l'ESS
   Date : jeudi 2 novembre 2023, 18h30 · Lieu : Palais des Arts, Vannes
   Porteur : Collectif ESS Golfe · Public attendu : 150 personnes
Action 2 – Marché des producteurs solidaires de Questembert
   Date : samedi 4 novembre 2023, 9h-13h · Lieu : halles, 56230 Questembert
   Porteur : AMAP du Pays de Questembert
Action 3 – Atelier « Créer sa SCOP »
   Date : mardi 7 novembre 2023, 14h · Lieu : pépinière d'entreprises, 56400 Auray
   Porteur : Coop Conseil Bretagne

Action retirée de la présente demande : randonnée des îles à Arradon (samedi 18 novembre) – abandonnée
faute de porteur.
"""


def test_a_grant_applications_actions_each_under_their_heading(read):
    events = read(GRANT, "dossier.txt").events_as_dicts()
    got = {(e["start_date"], e["title"], e["commune_name"]) for e in events}
    assert got == {("2023-11-02", "Soirée d'ouverture du Mois de l'ESS", "Vannes"),
                   ("2023-11-04", "Marché des producteurs solidaires de Questembert", "Questembert"),
                   ("2023-11-07", "Atelier « Créer sa SCOP »", "Auray")}


SLIDES = """--- Diapositive 3 ---
Rappel calendrier
• 12/10 : envoi des affiches aux structures
• 19/10 : BAT du programme
• 14/12 : retour des bilans

--- Diapositive 4 ---
Lancement
• Mar. 7/11 – 18h
• Halle aux grains – Blois
• Soirée d'ouverture + marché des initiatives
• Org. Loir-et-Cher Solidaire
• Jauge 200 pers. – inscription conseillée

--- Diapositive 5 ---
Vendômois
• Vendôme – « Balade des jardins partagés »
  – sam. 11/11, départ 10h place Saint-Martin
  – org. Les Jardins du Loir
• Montoire – Café-débat sur les monnaies locales
  – jeu. 16/11, 20h
  – salle des fêtes
"""


def test_a_slides_outline_and_its_cards(read):
    events = read(SLIDES, "diaporama.txt", edition=2023).events_as_dicts()
    got = {(e["start_date"], e["commune_name"]) for e in events}
    assert got == {("2023-11-07", "Blois"), ("2023-11-11", "Vendôme"), ("2023-11-16", "Montoire-sur-le-Loir")}
    balade = next(e for e in events if e["start_date"] == "2023-11-11")
    assert "Balade des jardins partagés" in balade["title"]
    assert not any(e["title"].startswith(("Org", "Jauge", "Halle")) for e in events)


def test_a_post_stamp_and_a_comments_footer_are_no_events(read):
    text = ("Recyclerie du Faubourg\n2 novembre 2023 ·\n🔧 GRANDE BRADERIE 🔧\nSamedi 18 novembre, départ 10h du parvis "
            "de la mairie de Montreuil.\n\nJ'aime · Répondre · 3 nov. 2023\n")
    events = read(text, "post.txt").events_as_dicts()
    assert [(e["start_date"], e["title"].lower()) for e in events] == [("2023-11-18", "grande braderie")]


def test_a_short_name_is_completed_by_its_postcode(read):
    text = ("Mois de l'ESS 2022\n\n• St-Pons (34220) – Conférence « Les monnaies locales »\n  – ven. 18/11, 20h30\n"
            "  – salle des fêtes\n")
    events = read(text, "programme.txt").events_as_dicts()
    assert [e["commune_name"] for e in events] == ["Saint-Pons-de-Thomières"]


CHANNEL = """Réseau Solidaire 📢
canal · 412 abonnés

Réseau Solidaire 📢, [28.10.2024 10:02]
📌 Le Mois de l'ESS 2024 arrive : tout le programme ici, au fil des jours.

Réseau Solidaire 📢, [04.11.2024 12:45]
🛠 Ce jeudi à 18h, la coopérative Bois Commun propose un atelier « Monter une SCIC » à Sète.

Réseau Solidaire 📢, [12.11.2024 09:04]
Pour celles et ceux qui demandent : le jury des Trophées se réunit le jeudi 21 novembre, à huis clos.

Réseau Solidaire 📢, [17.11.2024 20:16]
📅 Forum emploi ESS à Lunel : mercredi 20 novembre, 9h–13h, salle Castel, par Lunel Emploi Solidaire.

Réseau Solidaire 📢, [18.11.2024 11:40]
🔁 CHANGEMENT : le Forum emploi ESS de Lunel n'a PAS lieu mercredi 20 mais vendredi 22 novembre, même salle.

Réseau Solidaire 📢, [26.11.2024 08:15]
🎶 SOIRÉE DE CLÔTURE — samedi 30 novembre dès 19h
Au Chai du Faubourg, rue du Faubourg Figuerolles, Montpellier
"""


def test_a_channels_posts_under_their_headers(read):
    events = read(CHANNEL, "canal.txt").events_as_dicts()
    got = {(e["start_date"], e["commune_name"]) for e in events}
    assert ("2024-11-07", "Sète") in got        # « ce jeudi », posted on Monday 4
    assert ("2024-11-22", "Lunel") in got and "2024-11-20" not in {e["start_date"] for e in events}
    assert ("2024-11-30", "Montpellier") in got         # a closing evening, no closing date
    assert "2024-11-21" not in {e["start_date"] for e in events}       # the jury meets behind closed doors
    forum = next(e for e in events if e["start_date"] == "2024-11-22")
    assert forum["title"] == "Forum emploi ESS"


SHEET = """FEUILLE D'ANNONCES – NOVEMBRE 2013
Le Mois de l'économie sociale et solidaire : vous trouverez les rendez-vous des associations
marqués ♦ dans cette feuille.

Mardi 5 novembre
  18h30  Messe à Réding
♦ Mercredi 6 novembre, 14h – MITTELBRONN
  Atelier couture solidaire : réparer plutôt que jeter
  Salle paroissiale. Proposé par l'association Fil d'Entraide.
Jeudi 7 novembre
  20h00  Équipe liturgique, presbytère
♦ Mercredi 13 novembre, 20h – SARREBOURG
  Ciné-débat « Des pommes et des hommes »
  Foyer Saint-Jean. Proposé par le Ciné-club des Étangs.
  ✱ Le forum du bénévolat prévu le jeudi 14 novembre à Fénétrange est DÉPLACÉ au jeudi 28 (voir plus loin).
♦ Jeudi 28 novembre, 17h – FÉNÉTRANGE
  Forum du bénévolat et de l'engagement
"""


def test_a_sheets_marked_entries_among_the_others(read):
    events = read(SHEET, "feuille.txt").events_as_dicts()
    got = {(e["start_date"], e["commune_name"]) for e in events}
    assert got == {("2013-11-06", "Mittelbronn"), ("2013-11-13", "Sarrebourg"), ("2013-11-28", "Fénétrange")}


def test_a_captures_day_and_a_slot_shouted_cancelled(read):
    text = """Capture télétexte – pages 480 à 482 – relevé du mercredi 3 novembre 2010

 P481  MOIS DE L'ESS 2010
  ======================================
   CE SAMEDI 9H-13H  63200 RIOM
   Marché solidaire des producteurs
   place de la Fédération
  --------------------------------------
   suite page 481  >>>

SAMEDI 13 NOVEMBRE
10h00  Atelier « Créer son entreprise coopérative »
11h30  Débat « Mutuelles et santé : quel avenir ? »        >>> ANNULÉ <<<
14h30  Conférence « L'ESS, une chance pour les jeunes ? »
"""
    events = read(text, "teletexte.txt").events_as_dicts()
    got = {(e["start_date"], e["title"]) for e in events}
    assert any(day == "2010-11-06" and title.startswith("Marché solidaire") for day, title in got)     # « CE SAMEDI »
    assert not any(e["title"].startswith("Débat") for e in events)
    assert "2010-11-03" not in {e["start_date"] for e in events}
    assert len([e for e in events if e["start_date"] == "2010-11-13"]) == 2


SITE_DATA = """# data/evenements.yaml — site du réseau
lieux:
  halle: &halle
    nom: "Halle aux grains"
    cp: "41000"
    commune: "Blois"

evenements:
  - id: copil
    titre: "Comité de pilotage"
    date_debut: 2022-10-20
    interne: true
  - id: ouverture
    titre: "Soirée d'ouverture du Mois de l'ESS"
    date_debut: 2022-11-03
    horaires: "18h30"
    lieu: *halle
    organisateur: "Loir-et-Cher Solidaire"
    statut: publie
  - id: troc
    titre: "Troc de graines"
    date_debut: 2022-11-12
    lieu: { nom: "Jardin partagé", commune: "Vendôme" }
    statut: publie
  - id: brouillon
    titre: "Balade à préciser"
    date_debut: 2022-11-19
    statut: brouillon
  - id: balade
    titre: "Balade des communs"
    date_debut: 2022-11-20
    statut: annule
"""


def test_a_sites_yaml_data_file(read):
    for name in ("evenements.yaml", "evenements.txt"):
        events = read(SITE_DATA, name).events_as_dicts()
        got = {(e["start_date"], e["title"], e["commune_name"]) for e in events}
        assert got == {("2022-11-03", "Soirée d'ouverture du Mois de l'ESS", "Blois"),
                       ("2022-11-12", "Troc de graines", "Vendôme")}


def test_a_malformed_or_exploding_yaml_file_gets_one_french_message(read):
    import pytest

    from esscope.errors import UserError
    with pytest.raises(UserError, match="YAML mal formé"):
        read("evenements:\n  - titre: [ouvert\n    date: 2022-11-03\n", "evenements.yaml")
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + k)}: &{chr(98 + k)} [{', '.join(['*' + chr(97 + k)] * 10)}]\n" for k in range(8))
    with pytest.raises(UserError, match="limite"):
        read(laughs, "bombe.yaml")


ROADBOOK = """TOURNÉE DU BUS DE L'ESS 2016 – FEUILLE DE ROUTE – version 2 du lundi 31 octobre 2016

Légende : [R] route (km) · [T] technique / logistique · [A] ANIMATION PUBLIQUE (programme) ·
[P] presse (non public)

J1 – MERCREDI 2 NOVEMBRE
  09h00  [T] Briefing de l'équipage au dépôt
  10h00  [P] Photo presse devant la mairie
  14h00  [A] ATELIER « RÉPARER SON VÉLO » – place du Bourg, 12000 Rodez
             – par l'Atelier vélo du Bassin

J2 – SAMEDI 5 NOVEMBRE   ⚠ deux arrêts dans la journée
  07h00  [R] Dépôt → Villefranche-de-Rouergue – 58 km
  08h00  [A] MARCHÉ DES PRODUCTEURS SOLIDAIRES – place Notre-Dame, 12200 Villefranche-de-Rouergue
  14h30  [A] TROC DE PLANTES – parvis de la mairie, 12300 Decazeville
"""


def test_a_legends_private_codes_leave_their_lines_out(read):
    events = read(ROADBOOK, "feuille_de_route.txt").events_as_dicts()
    got = {(e["start_date"], e["commune_name"]) for e in events}
    assert got == {("2016-11-02", "Rodez"), ("2016-11-05", "Villefranche-de-Rouergue"), ("2016-11-05", "Decazeville")}
    assert not any(e["title"].startswith(("[", "Deux", "Briefing", "Photo")) for e in events)


BROCHURE_SOURCE = r"""\documentclass[a5paper]{article}
\usepackage{xcolor,ulem}
% \rdv{date}{heure}{titre}{lieu}{commune}
\newcommand{\rdv}[5]{\par\textbf{#1} #2\\ #3\\ \textit{#4 -- #5}\par}
\newcommand{\annulation}[3]{\sout{#1 -- #2 -- #3} ANNULÉ}
\begin{document}
{\Huge\color{teal} Mois de l'ESS 2012}\\
\rdv{Mardi 6 novembre}{18h30}{Soirée d'ouverture}
    {Salle des fêtes}{Quimperlé}
\rdv{\sout{Jeudi 8 novembre} Vendredi 9 novembre}{20h}{Ciné-débat \og Les Communs \fg{}}
    {Cinéma La Bobine}{Quimperlé} % salle confirmée le 2/10
\annulation{Samedi 10 novembre}{Balade des moulins}{Riec-sur-Bélon}
\iffalse
\rdv{Dimanche 11 novembre}{15h}{Thé dansant}{Salle polyvalente}{Clohars-Carnoët}
\fi
\end{document}
"""


def test_a_brochures_latex_source():
    from esscope.parse.latex import latex_to_text, looks_like_latex
    assert looks_like_latex(BROCHURE_SOURCE) and not looks_like_latex("Mardi 6 novembre : \\o/ soirée")
    text = latex_to_text(BROCHURE_SOURCE)
    assert "Mardi 6 novembre | 18h30 | Soirée d'ouverture | Salle des fêtes | Quimperlé" in text
    assert "~~Jeudi 8 novembre~~ Vendredi 9 novembre | 20h | Ciné-débat « Les Communs »" in text
    assert "ANNULÉ | Samedi 10 novembre" in text
    assert "Thé dansant" not in text and "salle confirmée" not in text and "usepackage" not in text


def test_a_brochures_latex_source_gives_its_events(read):
    events = read(BROCHURE_SOURCE, "brochure.tex").events_as_dicts()
    got = {(e["start_date"], e["title"], e["commune_name"]) for e in events}
    assert got == {("2012-11-06", "Soirée d'ouverture", "Quimperlé"),
                   ("2012-11-09", "Ciné-débat « Les Communs »", "Quimperlé")}


QUOTE = """DEVIS N° D-2019-1147 – VERSION 2
Établi le lundi 14 octobre 2019 · Version 2 (avenant n° 1) du jeudi 7 novembre 2019

LOT | DATE / LIVRAISON                | ÉVÉNEMENT SERVI – LIEU                      | QTÉ | PU HT | TOTAL HT
----+---------------------------------+---------------------------------------------+-----+-------+---------
 01 | mar. 05/11/2019 – 18h00         | Soirée de lancement du Mois de l'ESS        | 180 |  9,80 | 1 764,00
    |                                 | Juraparc, Lons-le-Saunier                   |     |       |
 02 | jeu. 07/11/2019 – 19h30         | Conférence « Coopératives et territoires » |  70 |  4,50 |   315,00
    |                                 | – verre de l'amitié – salle de l'Oppidum,   |     |       |
    |                                 | 39300 Champagnole                           |     |       |
 03 | ven. 15/11/2019 – 18h00         | Repas des bénévoles (non public)            |  35 | 11,00 |   385,00
"""


def test_a_tables_rows_written_over_several_lines():
    from esscope.parse.grids import joined_rows
    text = joined_rows(QUOTE)
    assert "Soirée de lancement du Mois de l'ESS Juraparc, Lons-le-Saunier|" in text
    assert "Conférence « Coopératives et territoires » – verre de l'amitié – salle de l'Oppidum, 39300 Champagnole|" in text
    ditto = "01 | 5 nov. | Atelier | Salle A\n   | 14h | Visite | Salle B\n"
    assert joined_rows(ditto) == ditto       # every cell written: a row of its own


def test_a_quotes_lots_each_an_event(read):
    events = read(QUOTE, "devis.txt").events_as_dicts()
    got = {(e["start_date"], e["commune_name"], e["start_time"]) for e in events}
    assert got == {("2019-11-05", "Lons-le-Saunier", "18:00"), ("2019-11-07", "Champagnole", "19:30")}
