"""Layouts met in the twenty-fourth set of invented programmes: an application's board exported as Markdown
(properties in English, « Date: November 14, 2025 → November 15, 2025 », cards with their people, notes,
comments and status). Every document here is made up for the test."""

from esscope.parse.textnorm import clean

BOARD = """# Mois de l'ESS 2024 – Martinique

Created time: September 2, 2024 10:02 AM
Last edited time: November 4, 2024 9:12 AM

### Confirmé

#### Atelier « Monter sa coopérative »

Date: November 5, 2024 9:00 AM (AST)
Lieu: Maison des associations, 97200 Fort-de-France
Structure porteuse: Coopérative Lakou
Responsable: @Line Sainte-Rose
- Notes
    - Prévoir 40 chaises.

#### Visite de la recyclerie

Date: November 20, 2024 9:30 AM (AST)
Lieu: Recyclerie du Nord, 97230 Sainte-Marie
Structure porteuse: Recyclerie du Nord
- Commentaires
    - **Line Sainte-Rose** (Nov 3) : le camion est pris le mercredi, la visite est décalée au lendemain, jeudi 21 novembre, même heure.
    - **Paul Joseph** (Nov 4) : ok.

#### Salon de l'ESS

Date: November 15, 2024 → November 16, 2024
Lieu: Hall des expositions, 97232 Le Lamentin
Structure porteuse: Réseau ESS Madinina
Exposants: 40 structures

### Récurrent

#### Permanence conseil

Date: November 6, 2024 9:00 AM (AST)
Repeat: Weekly on Wednesday until November 27, 2024
Lieu: Maison des associations, 97200 Fort-de-France
Structure porteuse: Réseau ESS Madinina

### Annulé

#### Balade des jardins

Date: November 23, 2024 8:00 AM (AST)
Lieu: Le Vauclin
Structure porteuse: Association Jaden
Statut: Annulé
"""


def test_english_dates_and_twelve_hour_times_read_as_french():
    assert clean("Date: Monday, November 3, 2025 6:00 PM (AST)") == "Date: lundi 3 novembre 2025 18:00"
    assert clean("November 14, 2025 → November 15, 2025") == "14 novembre 2025 → 15 novembre 2025"
    assert clean("May I help? 12 AM") == "May I help? 0:00"


def test_a_boards_cards_their_people_notes_comments_and_status(read):
    events = read(BOARD.encode(), "tableau.md").events_as_dicts()
    got = [(e["start_date"], e["end_date"], e["title"], e["commune_name"], e["organizer"]) for e in events]
    assert ("2024-11-05", "2024-11-05", "Atelier « Monter sa coopérative »", "Fort-de-France",
            "Coopérative Lakou") in got
    assert ("2024-11-21", "2024-11-21", "Visite de la recyclerie", "Sainte-Marie", "Recyclerie du Nord") in got
    assert ("2024-11-15", "2024-11-16", "Salon de l'ESS", "Le Lamentin", "Réseau ESS Madinina") in got
    titles = {e["title"] for e in events}
    assert not titles & {"Notes", "Balade des jardins"}
    assert not any(t.startswith(("Repeat", "Responsable", "Exposants", "Last edited", "Created")) for t in titles)
    assert "2024-11-04" not in {e["start_date"] for e in events}      # when the page was edited


def test_a_question_about_a_cancellation_cancels_nothing(read):
    text = ("Mois de l'ESS 2024 à Lyon\n\nsam. 16/11 | 10h-18h | Marché des créateurs @ Halles du Faubourg, Lyon\n\n"
            "Commentaires\n\nLe marché du 16 c'est annulé ?? J'ai vu passer une info.\n")
    assert [e["title"] for e in read(text.encode(), "post.txt").events_as_dicts()] == ["Marché des créateurs"]


BOOKINGS = """SALLESpro — EXTRACTION DES RÉSERVATIONS
Période : du 01/11/2022 au 30/11/2022 · Tri : date
Légende statuts : OK = confirmée · ANN = annulée · DÉP = déplacée
Usage : PUB = manifestation publique · INT = réunion interne · LOG = montage / démontage

Résa 22-301 | mar. 08/11/2022 | 18:00-21:00 | PUB | OK
  Équipement : Salle Jean-Vilar, 62300 Lens
  Demandeur  : Collectif Lens Solidaire
  Objet      : Soirée d'ouverture du Mois de l'ESS

Résa 22-302 | mer. 09/11/2022 | 09:00-11:00 | INT | OK
  Équipement : Salle 2, Maison des associations, 62300 Lens
  Demandeur  : Collectif Lens Solidaire
  Objet      : Point d'étape des porteurs

Résa 22-303 | ven. 18/11/2022 | 08:00-12:00 | LOG | OK
  Équipement : Halle, 62800 Liévin
  Demandeur  : Collectif Lens Solidaire
  Objet      : Installation des stands du salon

Résa 22-304 | sam. 19/11/2022 | 10:00-18:00 | PUB | ANN
  Équipement : Halle, 62800 Liévin
  Demandeur  : Recyclerie de Liévin
  Objet      : Braderie solidaire

Résa 22-305 | mar. 22/11/2022 | 14:00-17:00 | PUB | DÉP → voir résa 22-309
  Équipement : Salle Jean-Vilar, 62300 Lens
  Demandeur  : Maison de l'emploi
  Objet      : Forum des métiers de l'ESS

Résa 22-309 | jeu. 24/11/2022 | 14:00-17:00 | PUB | OK
  Équipement : Salle Jean-Vilar, 62300 Lens
  Demandeur  : Maison de l'emploi
  Objet      : Forum des métiers de l'ESS

POUR INFORMATION
  - mer. 23/11/2022, 12:30 : Webinaire « Financer son projet » — en ligne — Demandeur : France Active
"""


def test_a_booking_extraction_reads_each_record_by_its_legend(read):
    events = read(BOOKINGS.encode(), "reservations.txt").events_as_dicts()
    got = sorted((e["start_date"], e["title"], e["commune_name"], e["organizer"]) for e in events)
    assert got == [("2022-11-08", "Soirée d'ouverture du Mois de l'ESS", "Lens", "Collectif Lens Solidaire"),
                   ("2022-11-23", "Webinaire « Financer son projet »", None, "France Active"),
                   ("2022-11-24", "Forum des métiers de l'ESS", "Lens", "Maison de l'emploi")]


WIKI = """{{Bandeau|Page tenue par le comité.}}
{{Infobox Événement
 | nom  = Mois de l'ESS 2016 en Corse
 | date = du mardi 1er au mercredi 30 novembre 2016
}}
Le '''Mois de l'ESS''' en Corse<ref>Dossier de presse.</ref>.

== Calendrier de préparation ==
* Point presse : jeudi 27 octobre 2016 à 11h, siège de la Rete à Bastia

== Programme ==
{| class="wikitable"
|+ Programme 2016
! Date !! Commune !! Rendez-vous !! Structure
|-
| {{date|4|novembre|2016}} 18h || [[Aiacciu]] || Lancement du Mese || [[Rete ESS]]
|-
| {{date|10|novembre|2016}} || [[Bastia]] (Lupino) || Ciné-débat « Terra » || [[Cineclub]]
|-
| <s>{{date|17|novembre|2016}}</s> {{Reporté}} {{date|19|novembre|2016}} || [[Prupià]] || Visite de l'épicerie || [[Epicerie Sulidaria]]
|-
| {{date|24|novembre|2016}} || [[Corti]] || <s>Balade des savoir-faire</s> {{Annulé}} || [[Associu]]
|}

== Notes sur les communes ==
* [[Aiacciu]] = Ajaccio ; [[Prupià]] = Propriano ; [[Corti]] = Corte

[[Catégorie:Mois de l'ESS]]
"""


def test_a_wiki_pages_source_is_read_as_its_readers_see_it(read):
    events = read(WIKI.encode(), "page-wiki.txt").events_as_dicts()
    got = sorted((e["start_date"], e["title"], e["commune_name"], e["organizer"]) for e in events)
    assert got == [("2016-11-04", "Lancement du Mese", "Ajaccio", "Rete ESS"),
                   ("2016-11-10", "Ciné-débat « Terra »", "Bastia", "Cineclub"),
                   ("2016-11-19", "Visite de l'épicerie", "Propriano", "Epicerie Sulidaria")]


def test_a_text_that_opens_on_brackets_is_json_only_when_json_opens_so():
    from esscope.parse import detect_format
    assert detect_format(b"{{Bandeau|x}}\n== Programme ==", "page.txt") == "text"
    assert detect_format(b"[1]Aller au contenu | [2]Menu", "page.txt") == "text"
    assert detect_format(b'[{"titre": "Forum"}]', "export.txt") == "json"
    assert detect_format(b'{"events": []}', "export.txt") == "json"


CINEMA = """CINÉ-BOCAGE · circuit itinérant
PROGRAMME DE NOVEMBRE 2015

        ✦ CE MOIS-CI, LE MOIS DE L'ESS S'INVITE DANS NOS SALLES ✦

BRESSUIRE · cinéma Le Fauteuil Rouge, rue Gambetta
  Sam. 7 nov.    20h30   Spectre (VF)
  Mar. 10 nov.   20h00   ✦ CINÉ-DÉBAT « Les Coopérateurs » · Collectif ESS du Bocage
  Sam. 14 nov.   20h30   Le Petit Prince

CERIZAY (79140) · salle des fêtes
  Ven. 13 nov.   20h30   ✦ CINÉ-DÉBAT « Terres partagées » · AMAP du Bocage
                         >>> ATTENTION : séance DÉPLACÉE au vendredi 20 novembre (salle prise le 13)
  Ven. 27 nov.   20h30   Spectre (VF)
"""


def test_a_circuits_programme_keeps_its_marked_sessions_under_their_communes(read):
    events = read(CINEMA.encode(), "cinema.txt").events_as_dicts()
    got = sorted((e["start_date"], e["title"], e["commune_name"]) for e in events)
    assert got == [("2015-11-10", "CINÉ-DÉBAT « Les Coopérateurs »", "Bressuire"),
                   ("2015-11-20", "CINÉ-DÉBAT « Terres partagées »", "Cerizay")]


AGENDA = """AGENDA PRÉVISIONNEL DU PRÉSIDENT — NOVEMBRE 2013
Les rendez-vous marqués [ESS] s'inscrivent dans le Mois de l'économie sociale et solidaire.

Jeudi 7 novembre
  09h30  Bureau de l'assemblée
  18h00  [ESS] Lancement du Mois de l'ESS — salle des fêtes, Guéret — à l'invitation du Réseau Creuse Solidaire
Vendredi 8 novembre
  11h00  Congrès des maires — Aubusson
Samedi 16 novembre
  09h00  [ESS] Marché solidaire — place du Marché, 23200 Aubusson — organisé
         par l'association Creuse Paysanne → DÉPLACÉ, voir samedi 23 novembre
Samedi 23 novembre
  09h00  [ESS] Marché solidaire — place du Marché, 23200 Aubusson
         (nouvelle date, initialement prévu le samedi 16) — Association Creuse Paysanne
"""


def test_a_presidents_agenda_keeps_its_tagged_items_and_sends_a_moved_one_to_its_new_day(read):
    events = read(AGENDA.encode(), "agenda.txt").events_as_dicts()
    got = sorted((e["start_date"], e["title"], e["commune_name"]) for e in events)
    assert [(day, commune) for day, _, commune in got] == [("2013-11-07", "Guéret"), ("2013-11-23", "Aubusson")]
    assert got[0][1] == "Lancement du Mois de l'ESS" and got[1][1].startswith("Marché solidaire")


SLACK = """[copie du canal #mois-ess faite le mer. 9 nov. 2022]

#mois-ess

mardi 1 novembre

Camille Roth  09:14
Bonjour ! Calage des porteurs en visio jeudi 3 novembre à 14h.

Marc Hoenner  10:02
Repair café géant ce samedi, 10h-17h, maison de quartier du Neudorf (Strasbourg). Organisé par Répar'Acteurs.

Léa Kern  11:30
Troc'vêtements samedi 19 novembre de 9h à 16h, salle de la Dominicaine à Guebwiller, par Les Fils Solidaires.

Hier

Lucie Marchal  10:31
Forum emploi ESS demain, 9h-13h, salle des fêtes d'Illkirch-Graffenstaden, par Emploi Solidaire.

Paul Ott  11:02
Merci Lucie !

Ana Ruch  12:00
Ok pour moi.
"""


def test_a_team_chats_messages_are_dated_by_their_day_separators(read):
    events = read(SLACK.encode(), "slack.txt").events_as_dicts()
    got = sorted((e["start_date"], e["commune_name"]) for e in events)
    assert ("2022-11-05", "Strasbourg") in got            # « ce samedi » of a message of Tuesday 1
    assert ("2022-11-09", "Illkirch-Graffenstaden") in got  # « demain » of a message of « Hier » (8th)
    assert ("2022-11-19", "Guebwiller") in got
    assert not any(e["title"].startswith(("Camille", "Marc", "Lucie")) for e in events)


def test_a_show_notes_line_titled_before_its_date_keeps_its_title_and_reads_its_cells(read):
    text = ("NOTES DE L'ÉMISSION (mises à jour le 03/11/2023)\n\nInfos pratiques :\n"
            "- Marché forain solidaire — samedi 4 novembre, 8h-13h — front de mer, 97436 Saint-Leu — Association Bazar\n"
            "- Atelier cuisine anti-gaspi — samedi 25 novembre, 9h — 97414 Entre-Deux — Association Lanbi Partaz\n")
    got = sorted((e["start_date"], e["title"], e["commune_name"]) for e in read(text.encode(), "notes.txt").events_as_dicts())
    assert got == [("2023-11-04", "Marché forain solidaire", "Saint-Leu"),
                   ("2023-11-25", "Atelier cuisine anti-gaspi", "Entre-Deux")]


FORUM_THREAD = """Forum du collectif — [Mois de l'ESS 2010] Programme

Posté le: Lun 1 Nov 2010 - 10:15

[EDIT : voir plus bas] jeudi 25 novembre (au lieu du mardi 23) 9h-12h Forum emploi et ESS, salle Coubertin, 59140 Dunkerque.
+ ANNULÉ : samedi 20 novembre Portes ouvertes de la ressourcerie de Bailleul.

Posté le: Mar 2 Nov 2010 - 09:38

mercredi 17 novembre de 18h à 20h : Tchat « Entreprendre autrement », en ligne ici même (aucun lieu physique).

Posté le: Ven 29 Oct 2010 - 11:00

mardi 23 novembre 9h-12h Forum emploi et ESS, salle Coubertin, 59140 Dunkerque.

Posté le: Lun 1 Nov 2010 - 10:20

Un changement : le forum de Dunkerque passe au jeudi 25 novembre (même horaire, même salle).
"""


def test_a_forum_threads_edited_posts_and_the_notice_that_moves_an_event_listed_on_both_days(read):
    events = read(FORUM_THREAD.encode(), "forum.txt").events_as_dicts()
    got = sorted((e["start_date"], e["title"], e["online"]) for e in events)
    assert got == [("2010-11-17", "Tchat « Entreprendre autrement »", True),
                   ("2010-11-25", "Forum emploi et ESS", False)]
