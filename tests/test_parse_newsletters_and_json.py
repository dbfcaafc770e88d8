"""Layouts met in the twenty-second set of invented programmes: a newsletter's agenda in a narrow column (its
items marked ♦ for the Mois, each a row « time · title · place · organiser » wrapped and cut by hyphens, a
late notice that moves one and cancels another), and an agenda exported as JSON in a layout of its own. Every
document here is made up for the test."""

import json

import pytest

from esscope.errors import UserError

NEWSLETTER = """LA GAZETTE DES MÉDIATHÈQUES · novembre 2019

AGENDA
Entrée libre sauf mention contraire. ♦ = Mois de
l'ESS.

MARDI 12 NOVEMBRE
10h · Atelier « Bien débuter avec sa liseuse » ·
médiathèque Jean-Macé, salle 2.
♦ 18h · Ciné-débat « Les communs de la mer » · BU
du port, Lorient · Organisé par le ciné-club Vent
d'Ouest.

JEUDI 14 NOVEMBRE
♦ 17h · Table ronde « Entreprendre en coopéra-
tive » · antenne universitaire de Pontivy · Orga-
nisée par le Bureau des stages.

SAMEDI 16 NOVEMBRE
♦ 10h · Troc de graines · parvis de la médiathèque,
Vannes (56000) · Organisé par Graines Partagées.

MERCREDI 20 NOVEMBRE
♦ 14h · Atelier vélo solidaire · cour de la média-
thèque, Lorient · Organisé par Vélo Breizh.

DERNIÈRE MINUTE
Le troc de graines de Vannes aura lieu le samedi
23 novembre, et non le 16 comme annoncé, même
heure, même lieu. L'atelier vélo solidaire du mer-
credi 20 novembre est annulé faute d'intervenant.
"""


def test_a_narrow_columns_marked_items_are_read_whole_with_their_place_and_organiser(read):
    events = read(NEWSLETTER.encode(), "gazette.txt").events
    got = {(e.start_date, e.title, e.commune_name, e.organizer) for e in events}
    assert ("2019-11-12", "Ciné-débat « Les communs de la mer »", "Lorient", "ciné-club Vent d'Ouest") in got
    assert ("2019-11-14", "Table ronde « Entreprendre en coopérative »", "Pontivy", "Bureau des stages") in got
    # « BU » is a university library, not the commune of Bû (Eure-et-Loir)
    assert not [e for e in events if e.commune_code == "28064"]


def test_a_legend_after_a_sentence_keeps_only_the_marked_items(read):
    titles = [e.title for e in read(NEWSLETTER.encode(), "gazette.txt").events]
    assert not [t for t in titles if "liseuse" in t]


def test_a_late_notice_moves_one_item_and_cancels_another_told_as_a_fact(read):
    events = read(NEWSLETTER.encode(), "gazette.txt").events
    assert [e.start_date for e in events if "Troc" in e.title] == ["2019-11-23"]
    assert not [e for e in events if "vélo" in e.title]


def test_a_cancellation_that_would_follow_from_a_want_changes_nothing(read):
    text = NEWSLETTER.replace("est annulé faute d'intervenant", "sera annulé faute d'inscrits")
    events = read(text.encode(), "gazette.txt").events
    assert [e.start_date for e in events if "vélo" in e.title] == ["2019-11-20"]


EXPORT = {
    "export": {"source": "Office de tourisme des Deux Vallées", "genere_le": "2021-11-02T08:00:00+01:00"},
    "manifestations": [
        {"id": "M-1", "type": "Conférence", "nom": {"fr": "Conférence « Épargner solidaire »", "en": "Talk"},
         "etat": "CONFIRMEE", "periodes": [{"debut": "2021-11-18", "fin": "2021-11-18", "horaires": "18h30"}],
         "lieu": {"nom": "Salle des fêtes", "code_postal": "24200", "commune": "Sarlat-la-Canéda"},
         "organisateur": {"nom": "Périgord Solidaire"}, "en_ligne": False},
        {"id": "M-2", "type": "Atelier", "nom": {"fr": "Café-réparation"}, "etat": "CONFIRMEE",
         "periodes": [{"debut": "2021-11-06", "fin": "2021-11-06"}, {"debut": "2021-11-13", "fin": "2021-11-13"}],
         "lieu": {"nom": "Tiers-lieu La Forge", "code_postal": "24100", "commune": "Bergerac"},
         "organisateur": {"nom": "Répar'Acteurs"}},
        {"id": "M-3", "type": "Balade", "nom": {"fr": "Balade des jardins partagés"}, "etat": "ANNULEE",
         "periodes": [{"debut": "2021-11-20", "fin": "2021-11-20"}],
         "lieu": {"nom": "Place de la mairie", "code_postal": "24000", "commune": "Périgueux"},
         "organisateur": {"nom": "Jardins du Périgord"}},
    ],
}


def test_an_agenda_exported_as_json_in_a_layout_of_its_own_gives_its_events(read):
    document = read(json.dumps(EXPORT, ensure_ascii=False).encode(), "agenda.json")
    got = [(e.start_date, e.title, e.commune_code, e.venue, e.organizer) for e in document.events]
    assert ("2021-11-18", "Conférence « Épargner solidaire »", "24520", "Salle des fêtes", "Périgord Solidaire") in got
    # each period of an item is an event; a cancelled item is none
    assert [e[0] for e in got if e[1] == "Café-réparation"] == ["2021-11-06", "2021-11-13"]
    assert not [e for e in got if "Balade" in e[1]]


def test_a_json_file_with_no_list_of_events_says_so_in_french(read):
    with pytest.raises(UserError, match="aucune liste d'événements"):
        read(json.dumps({"titre": "Rien", "version": 2}).encode(), "agenda.json")


TICKETS = """Billetterie des assos – recherche « mois de l'ess »

Filtres actifs :  Date : 1 nov. 2025 – 6 déc. 2025    Lieu : Bretagne
Trier par : Pertinence

À LA UNE
‹  [Image] Forum de l'ESS bretonne · sam. 15 nov. · Rennes
   [Image] Soirée de lancement du Mois · lun. 3 nov. · Brest  ›

12 résultats

[Image de l'événement]
Forum de l'ESS bretonne
sam. 15 nov. 2025 · 10:00 – 18:00
Le Liberté · 1 esplanade Charles-de-Gaulle, 35000 Rennes
Gratuit
Par Réseau Breizh Solidaire
♥ 212 personnes intéressées

[Image de l'événement]
Conférence « Épargner autrement en 2025 »
Date modifiée
jeu. 20 nov. 2025 · 18:00 – 20:00
Initialement prévu le jeu. 13 nov. 2025
Maison des associations · 29200 Brest
Gratuit
Par Finance Solidaire Finistère

[Image de l'événement]
Événement annulé
Balade « Jardins partagés »
sam. 22 nov. 2025 · 14:00 – 16:00
Devant la mairie · 56100 Lorient
Par Les Jardiniers du Scorff

[Image de l'événement]
Assemblée générale de l'association Les Jardiniers du Scorff
mar. 18 nov. 2025 · 19:00 – 21:00
Maison de quartier · 56100 Lorient
Réservé aux adhérents à jour de cotisation
Par Les Jardiniers du Scorff

[Image de l'événement]
Salon « Noël autrement »
sam. 29 nov. 2025 · 10:00 – dim. 30 nov. 2025 · 18:00
Salle de la Cité · Saint-Brieuc
Gratuit
Par Collectif Consom'Acteurs 22

Vous aimerez peut-être aussi
Concert de jazz manouche · ven. 14 nov. · Rennes · 15,00 €
"""


def test_a_ticketing_pages_cards_are_read_title_first_with_their_badges_and_spans(read):
    events = read(TICKETS.encode(), "billetterie.txt").events
    got = sorted((e.start_date, e.end_date, e.title, e.organizer) for e in events)
    # (the launch is shown in the carousel only: an event of its own)
    assert got == [("2025-11-03", "2025-11-03", "Soirée de lancement du Mois", None),
                   ("2025-11-15", "2025-11-15", "Forum de l'ESS bretonne", "Réseau Breizh Solidaire"),
                   ("2025-11-20", "2025-11-20", "Conférence « Épargner autrement en 2025 »", "Finance Solidaire Finistère"),
                   ("2025-11-29", "2025-11-30", "Salon « Noël autrement »", "Collectif Consom'Acteurs 22")]


WEEKENDS = """Que faire ce week-end ?

En novembre, le pictogramme ♻ signale les rendez-vous du Mois de l'économie sociale et solidaire.

À LA UNE
♻ Le Salon des transitions revient à la Halle des Tanneurs : tous les détails ci-dessous.

Filtrer : Tous | Culture | Sport | ♻ Mois de l'ESS

Que faire ce week-end ? Du vendredi 19 au dimanche 21 novembre
Publié le jeudi 18 novembre 2021 · par la rédaction

Samedi 20
🎵 20h30 · Nuit du swing
Salle des fêtes. Concert et bal, 8 €.

♻ 10h-18h · Salon des transitions
Halle des Tanneurs, Metz.
Organisé par le Réseau Moselle Solidaire.

Dimanche 21
🏃 9h · Les foulées d'automne
Départ plan d'eau.

♻ 14h · Gratiferia
Place du marché, Metz. Organisée par Don'Actions.
"""


def test_a_weekly_pages_posts_give_the_marked_items_of_their_days(read):
    got = sorted((e.start_date, e.title) for e in read(WEEKENDS.encode(), "week-end.txt").events)
    assert got == [("2021-11-20", "Salon des transitions"), ("2021-11-21", "Gratiferia")]


SCANNED = """CENTRE SOCIAL LES ACACIAS
Quartier Gare - 02100 SAINT-QUENTIN

        NOVEMBRE 2010

| Vendredi 5 novembre - 18h
| Conference « L'economie sociale, c'est quoi ? »
| Salle municipale du faubourg d'Isle, Saint-Quentin.
| Organisee par le Collectif ESS du Saint-Quentinois.

| Samedi 20 novembre - 10h a 12h
| Repair cafe
| Maison des associations, Bohain (02110).
| Organise par Bohain Repare.

| Mardi 23 novembre - 14h
| Atelier cuisine anti-gaspi
| Epicerie sociale, rue de Guise, Saint-Quentin.
| Par l'Epicerie sociale Le Panier.
"""


def test_a_scanned_boxes_border_is_no_cell_and_a_line_closed_by_its_commune_places_the_event(read):
    got = [(e.start_date, e.title, e.commune_code) for e in read(SCANNED.encode(), "scan.txt").events]
    # the commune that closes the line, not Isle (Haute-Vienne) named in the venue's name; a title that is a
    # kind of event (« Repair cafe ») over its place line
    assert got == [("2010-11-05", "Conference « L'economie sociale, c'est quoi ? »", "02691"),
                   ("2010-11-20", "Repair cafe", "02095"),
                   ("2010-11-23", "Atelier cuisine anti-gaspi", "02691")]


TIMELINE = """Réseau Solidaire du Calvados
@ReseauSol14
1 120 TWEETS    390 ABONNEMENTS

Réseau Solidaire du Calvados @ReseauSol14                                      5 déc.
Merci à tous pour ce #MoisESS 2013 ! Notre AG aura lieu le jeudi 12 décembre.
   Répondre   Retweeter   Favori
Réseau Solidaire du Calvados @ReseauSol14                                      28 nov.
Ce soir 18h à #Lisieux : remise des Trophées de l'ESS, salle des Mutualistes. #MoisESS
   Répondre   Retweeter   Favori
Coop Bocage @CoopBocage                                                         7 nov.
Demain vendredi 10h-17h, portes ouvertes de la recyclerie à #Bayeux ! #MoisESS
   Répondre   Retweeter   Favori
Réseau Solidaire du Calvados @ReseauSol14                                      4 nov.
J-1 ! Demain 18h, soirée de lancement du Mois de l'ESS à #SaintLô. #MoisESS
   Répondre   Retweeter   Favori
"""


def test_a_timelines_tweets_say_their_days_relative_to_their_own_and_their_hashtags_name_communes(read):
    got = sorted((e.start_date, e.commune_name) for e in read(TIMELINE.encode(), "fil.txt").events)
    assert got == [("2013-11-05", "Saint-Lô"), ("2013-11-08", "Bayeux"), ("2013-11-28", "Lisieux")]


PRINTED_CALENDAR = """Mois ESS Martinique 2016
27 oct. 2016 - 7 déc. 2016
Fuseau horaire : (GMT-04:00) Martinique

mer. 9 nov.       18:00 - 20:00     Ciné-débat « Lakou solidaire »
                                    Lieu : Cinéma Madiana, 97233 Schœlcher
                                    Description : Organisé par Ciné Lakou.

sam. 19 nov.      Toute la journée  Salon de l'ESS martiniquaise
                                    Date : sam. 19 nov. 2016 – dim. 20 nov. 2016
                                    Lieu : Palais des sports, Le Lamentin
                                    Description : 40 exposants. Le salon des 19 et 20 novembre au Lamentin.

dim. 20 nov.      Toute la journée  Salon de l'ESS martiniquaise
                                    Date : sam. 19 nov. 2016 – dim. 20 nov. 2016
                                    Lieu : Palais des sports, Le Lamentin

jeu. 24 nov.      17:00 - 19:00     [REPORTÉ] Table ronde « Tourisme solidaire »
                                    Lieu : Mairie, 97290 Le Marin
                                    Description : REPORTÉE au jeudi 1 décembre, même heure, même lieu.
"""


def test_a_printed_calendars_all_day_span_is_one_event_and_its_description_moves_a_row(read):
    got = sorted((e.start_date, e.end_date, e.title) for e in read(PRINTED_CALENDAR.encode(), "agenda.txt").events)
    assert got == [("2016-11-09", "2016-11-09", "Ciné-débat « Lakou solidaire »"),
                   ("2016-11-19", "2016-11-20", "Salon de l'ESS martiniquaise"),
                   ("2016-12-01", "2016-12-01", "Table ronde « Tourisme solidaire »")]


CHAT = """[21/10/2019 09:15] Léa Garrigue: Bonjour pour le Mois de l'ESS 2019 ! Réunion d'orga mardi 29 octobre à 18h au local, à Nîmes
[24/10/2019 10:02] Léa Garrigue: Voici le programme :
• Ven 15/11, 18h30 – LE VIGAN (30120) – Conférence « Habiter autrement » – Habitat Partagé Viganais
• Dim 17/11, 9h – ANDUZE – Balade « Sentiers solidaires » – Cévennes Rando
• Sam 23/11, 10h-17h – ALES – Troc de plantes – Graines du Gardon
[12/11/2019 14:03] Élodie Habitat Partagé: La conf du Vigan passe au jeudi 21 novembre, même heure, même salle.
[15/11/2019 19:22] Thomas Cévennes Rando: On annule la balade de dimanche à Anduze, vigilance orange 😞
"""


def test_a_chats_programme_gives_organisers_in_its_last_cell_and_later_messages_move_and_cancel(read):
    got = sorted((e.start_date, e.title, e.organizer) for e in read(CHAT.encode(), "chat.txt").events)
    assert got == [("2019-11-21", "Conférence « Habiter autrement »", "Habitat Partagé Viganais"),
                   ("2019-11-23", "Troc de plantes", "Graines du Gardon")]


README = """# Mois de l'ESS 2022 – Collectif des Dômes

## Temps forts

- 🏆 **Vendredi 25 novembre** — remise des Trophées à Riom

## Programme

Les lignes barrées sont annulées ; les dates en gras ont été modifiées.

| Date | Heure | Lieu | Événement | Porteur |
|------|-------|------|-----------|---------|
| jeu. 03/11 | 18h30 | Clermont-Ferrand — La Grange | Soirée de lancement du Mois de l'ESS | Collectif des Dômes |
| ~~mar. 15/11~~ | ~~14h~~ | ~~Ambert — moulin~~ | ~~Visite du moulin à papier~~ **ANNULÉ** | ~~Papeterie du Livradois~~ |
| ~~jeu. 17/11~~ **jeu. 24/11** | 18h | Billom — salle du Moulin | Atelier « Monter une épicerie » | Épicerie du Billomois |
| ven. 25/11 | 18h | Riom — salle Dumoulin | Remise des Trophées de l'ESS | Collectif des Dômes |

## Historique des modifications

- **2022-11-14** — l'atelier de Billom est reporté au jeudi 24 novembre.
- **2022-10-28** — première version publique du programme.
"""


def test_a_readmes_table_drops_what_is_struck_through_and_its_changelog_is_no_programme(read):
    got = sorted((e.start_date, e.title) for e in read(README.encode(), "README.md").events)
    assert got == [("2022-11-03", "Soirée de lancement du Mois de l'ESS"), ("2022-11-24", "Atelier « Monter une épicerie »"),
                   ("2022-11-25", "Remise des Trophées de l'ESS")]


def test_a_day_said_relatively_then_written_out_is_the_written_one(read):
    text = ("Réseau Solidaire @ressol   11 nov.\nDemain 12/11 à Alençon : atelier de réparation de vélos au Fablab, "
            "14h. #MoisESS 2011\n\nRéseau Solidaire @ressol   15 nov.\nCe soir, 15 novembre, ciné-débat à Caen au "
            "Café des Images, 20h.\n")
    got = sorted((e.start_date, e.commune_name) for e in read(text.encode(), "fil.txt").events)
    assert got == [("2011-11-12", "Alençon"), ("2011-11-15", "Caen")]
