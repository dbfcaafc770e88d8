"""Spreadsheet exports with a working team's columns, calendar recurrences, forwarded e-mails, social-network
pages, meeting notes and tables of contents: what the eighth held-out set taught the reader (rules written
for every document of the kind, tried here on small texts of their own)."""

from esscope.parse import dates
from esscope.parse.lines import is_menu, unquoted

SHEET = """Export agenda — généré le 03/10/19 par l'équipe
N°;Date début;Date fin;Horaire;Intitulé;Structure organisatrice;Lieu;CP;Ville;Statut;Commentaire interne
1;05/11/19;05/11/19;18h;Soirée des coopératives;Coop Avenir;Salle Jean-Moulin;35000;Rennes;Validé;
2;06/11/19;27/11/19;14h-16h;Atelier couture solidaire;Fil Commun;Local du Fil;29200;Brest;Validé;tous les mercredis
3;12/11/19;12/11/19;20h;Ciné-débat « Demain »;Ciné Breizh;Cinéma;22000;Saint-Brieuc;ANNULÉ;plus de salle
4;14/11/19;14/11/19;9h;Forum emploi;Mission locale;Halle;56100;Lorient;Validé;
"""


def titles_and_days(document) -> list:
    return [(e.title, e.start_date) for e in document.events]


def test_a_teams_export_reads_its_columns_two_digit_years_status_and_weekly_rows(read):
    document = read(SHEET.encode(), "export.csv.txt", edition=2019)
    got = titles_and_days(document)
    assert ("Soirée des coopératives", "2019-11-05") in got and ("Forum emploi", "2019-11-14") in got
    assert [d for t, d in got if t == "Atelier couture solidaire"] == ["2019-11-06", "2019-11-13", "2019-11-20",
                                                                       "2019-11-27"]
    assert not any("Ciné-débat" in t for t, _ in got)          # ANNULÉ in its status column
    assert all(e.end_date < "2020" for e in document.events)    # « 05/11/19 » is 2019, not 2019 to 2020


def test_two_digit_years_only_after_a_month_in_figures():
    assert dates.match_date("06/11/18").points[0].year == 2018
    assert dates.match_date("6/11/18h30").points[0].year is None          # 18h30 is a time
    assert dates.match_date("18/11 et 19/11").kind == "list"


def test_weekly_days_with_abbreviations_days_left_out_and_days_written_out():
    found = dates.match_date("tous les jeu. de nov. sauf le 7")
    period = dates.resolve(found, 2024)
    assert [d.day for d in period.days] == [14, 21, 28]
    found = dates.match_date("tous les mar. de nov. (hors vacances) → 5, 19/11 — atelier")
    assert [p.day for p in found.points] == [5, 19]


def test_a_range_said_every_such_weekday():
    found = dates.weekly_within(dates.match_date("du 4 au 25 novembre"), "chaque lundi, à la médiathèque")
    assert [d.day for d in dates.resolve(found, 2024).days] == [4, 11, 18, 25]
    assert dates.weekly_within(dates.match_date("du 4 au 25 novembre"), "tous les lundis et jeudis").kind == "range"


ICS = """BEGIN:VCALENDAR
VERSION:2.0
BEGIN:VEVENT
UID:a
DTSTART:20241105T180000
DTEND:20241105T200000
RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20241126T235959
EXDATE:20241112T180000
SUMMARY:Permanence de la monnaie locale
LOCATION:Café des Halles\\, Quimper
END:VEVENT
BEGIN:VEVENT
UID:b
DTSTART:20241108T100000
SUMMARY:Visite d'une SCOP
LOCATION:Brest
STATUS:CANCELLED
END:VEVENT
BEGIN:VEVENT
UID:c
DTSTART:20231120T100000
SUMMARY:Forum de l'an dernier
LOCATION:Brest
END:VEVENT
BEGIN:VEVENT
UID:d
DTSTART:20241121T100000
SUMMARY:Forum des coopératives
LOCATION:Brest
END:VEVENT
END:VCALENDAR
"""


def test_calendar_recurrences_cancellations_and_last_years_events(read):
    document = read(ICS.encode(), "agenda.ics", edition=2024)
    got = titles_and_days(document)
    assert [d for t, d in got if t.startswith("Permanence")] == ["2024-11-05", "2024-11-19", "2024-11-26"]
    assert not any(t.startswith(("Visite", "Forum de l'an")) for t, _ in got)
    assert ("Forum des coopératives", "2024-11-21") in got


def test_forwarded_e_mails_lose_their_quote_marks_only_when_quoting():
    mail = "Bonjour,\n\n> > MARDI 5 NOVEMBRE — 18h\n> > Soirée\n> >\n> > JEUDI 7 NOVEMBRE\n>\n"
    assert "\nMARDI 5 NOVEMBRE — 18h\nSoirée\n" in unquoted(mail)
    bullets = "Programme\n> Atelier vélo, mardi 5 novembre\n> Repair café, jeudi 7 novembre\n"
    assert unquoted(bullets) == bullets


def test_a_social_networks_counters_and_buttons_are_not_text():
    assert is_menu("212 personnes intéressées · 40 participants") and is_menu("☆ Intéressé(e)    ↗ Partager")
    assert not is_menu("40 participants attendus au forum")


FACEBOOK = """Événements

MER. 6 NOV. À 18:30
Apéro des coopératives
Café Le Lien · Rennes
87 personnes intéressées · 21 participants

MAR. 19 NOV. À 17:30
ANNULÉ · Atelier « Créer son association »
Maison de quartier · Rennes

Publications
7 novembre à 21:02 · 🌐
Merci à toutes et tous pour cette belle soirée à Rennes !
"""


def test_a_social_network_page_its_struck_out_entries_and_its_posts(read):
    got = titles_and_days(read(FACEBOOK.encode(), "page.txt", edition=2024))
    assert got == [("Apéro des coopératives", "2024-11-06")]


NOTES = """Notes du COPIL — mar. 15/09 — 14h — locaux du collectif

- lun. 4/11 — 18h — lancement — Tours, salle des fêtes
- mer. 6/11 apr.-midi (14h-17h) — atelier « monter sa SCIC » — Blois
- ven. 8/11 — soirée-débat — Vierzon
  ⚠ reportée au printemps 2025

Prochaine réunion : mar. 13/10 14h — visio
"""


def test_meeting_notes_their_day_parts_postponements_and_own_meetings(read):
    got = titles_and_days(read(NOTES.encode(), "notes.txt", edition=2024))
    assert ("Atelier « monter sa SCIC »", "2024-11-06") in got
    assert not any(d in ("2024-11-08", "2024-10-13", "2024-09-15") for _, d in got)


CONTENTS = """SOMMAIRE

Mardi 5 novembre
   LILLE — Ouverture du Mois de l'ESS ........................ 8
Jeudi 7 novembre
   MARSEILLE 2e — Forum de l'emploi solidaire ................ 9
"""


def test_a_table_of_contents_gives_each_items_commune_without_its_page_number(read):
    document = read(CONTENTS.encode(), "livret.txt", edition=2024)
    assert [(e.title, e.commune_name) for e in document.events] == [
        ("Ouverture du Mois de l'ESS", "Lille"), ("Forum de l'emploi solidaire", "Marseille")]


def test_a_commune_written_short_with_its_article(read):
    text = "Programme du Var\n\nSamedi 16 novembre 2024\nLA SEYNE — Foire aux initiatives citoyennes\n\n" \
           "Mardi 19 novembre 2024\nTOULON — Forum de l'emploi solidaire\n"
    document = read(text.encode(), "var.txt", edition=2024)
    assert [e.commune_name for e in document.events] == ["La Seyne-sur-Mer", "Toulon"]


FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Actualités</title>
<lastBuildDate>Mon, 06 Nov 2023 08:00:00 +0100</lastBuildDate>
<item><title>Forum des coopératives à Rennes</title><pubDate>Mon, 06 Nov 2023 08:00:00 +0100</pubDate>
<description>&lt;p&gt;Le &lt;strong&gt;forum des coop&amp;eacute;ratives&lt;/strong&gt; se tiendra le samedi 18 novembre
&amp;agrave; la Halle Martenot, &amp;agrave; Rennes, de 10h &amp;agrave; 17h.&lt;/p&gt;</description></item>
</channel></rss>
"""


def test_a_news_feed_is_read_as_its_items_text_not_its_tags(read):
    document = read(FEED.encode(), "actualites.xml", edition=2023)
    assert document.format == "feed"
    assert [(e.start_date, e.commune_name) for e in document.events] == [("2023-11-18", "Rennes")]
    assert "<" not in document.events[0].title


TICKETS = """Billetterie > Événements > Atelier « Coopérer au quotidien »

ATELIER « COOPÉRER AU QUOTIDIEN »
Proposé par Coop Ensemble

Choisissez votre session
┌──────────────────────────────┐
  Mardi 7 novembre 2023 · 18:00 – 20:00
  COMPLET
  [ Rejoindre la liste d'attente ]
└──────────────────────────────┘
┌──────────────────────────────┐
  Jeudi 16 novembre 2023 · 18:00 – 20:00
  4 places restantes
└──────────────────────────────┘

Autres événements de l'organisateur
▸ Visite guidée « Une coopérative d'habitants »
  Samedi 18 novembre 2023 · 10:30 – 12:00
  Tiers-lieu Le Grand Atelier, 69100 Villeurbanne
"""


def test_a_ticketing_pages_sessions_take_its_title_and_its_bullets_title_the_dates_under_them(read):
    got = titles_and_days(read(TICKETS.encode(), "billets.txt", edition=2023))
    assert got == [("Atelier « Coopérer au quotidien »", "2023-11-07"), ("Atelier « Coopérer au quotidien »", "2023-11-16"),
                   ("Visite guidée « Une coopérative d'habitants »", "2023-11-18")]


NOTES_OF_A_SHOW = """LES RENDEZ-VOUS CITÉS DANS L'ÉPISODE

🍲 Vente à emporter solidaire de La Cantine
Vendredi 20 novembre, de 11h30 à 14h – devant la cantine, Paris 11e. Repas à prix libre.

💻 Webinaire « Le pivot numérique des associations »
Mardi 17 novembre, 10h-11h30, sur Zoom.
"""


def test_a_pictograph_marks_the_title_of_the_date_line_under_it(read):
    got = titles_and_days(read(NOTES_OF_A_SHOW.encode(), "episode.txt", edition=2020))
    assert got == [("Vente à emporter solidaire de La Cantine", "2020-11-20"),
                   ("Webinaire « Le pivot numérique des associations »", "2020-11-17")]


def test_a_date_said_again_in_german_is_not_a_title(read):
    text = "MOIS DE L'ESS 2024\n\nLANCEMENT / AUFTAKT\nMardi 5 novembre, 18h · Dienstag, 5. November, 18 Uhr\n" \
           "Médiathèque Malraux, Strasbourg\n"
    assert titles_and_days(read(text.encode(), "flyer.txt", edition=2024)) == [("Lancement / auftakt", "2024-11-05")]


def test_a_feed_with_tags_left_open_is_still_read_item_by_item():
    from esscope.parse.html import feed_to_text
    text = feed_to_text("<rss><item><title>Forum à Brest</title><item><title>Atelier à Quimper</title>")
    assert text == "Forum à Brest\n\nAtelier à Quimper"


def test_long_hostile_lines_are_read_in_one_pass(read):
    # each of these lines once took seconds to hours: runs of spaces, dots or « Uhr » that several quantifiers
    # in a row could share out in every way before failing
    lines = ["12 participants" + " " * 2000 + "x", "Titre " + ". " * 20000 + "x",
             "Atelier · Mo 5. " + "Uhr " * 40 + "| fin", "Lien" + " " * 50000 + "[x",
             "+" + " +" * 20000 + "x", "Atelier" + (" " * 150 + "à") * 300, "(" + "5" * 40 + "x",
             "Atelier" + " " * 150 + "@" + " " * 150 + "x", "~~a" * 20000, "🎉" + " 🎉" * 20000 + " mar. 5/11"]
    text = "Mardi 5 novembre 2024 : forum de l'ESS à Rennes\n" + "\n".join(lines) + "\n"
    document = read(text.encode(), "hostile.txt", edition=2024)
    assert [e.start_date for e in document.events] == ["2024-11-05"]
    assert is_menu(lines[0].replace(" " * 2000 + "x", "")) and not is_menu(lines[0])


def test_a_cards_buttons_and_its_pictures_text_are_no_content():
    assert is_menu("→ Plus d'infos    + Ajouter à mon agenda (.ics)") and is_menu("[Image : légumes et marmites]")
    assert not is_menu("Plus d'infos sur la soirée : 03 22 00 00 00") and not is_menu("[ANNULÉ] Atelier vélo")
