"""A week's poster: hours written before the day (« 18h30 ─ LUN. 15 NOV. »), « org. » lines, remarks under
the place, a sticker that moves an entry, the partners' notes at the bottom."""

POSTER = """            SEMAINE DE L'ESS À CHÂTELLERAULT
              du lundi 14 au samedi 19 novembre 2011

   18h30 ─ LUN. 14 NOV.
   SOIRÉE D'OUVERTURE « L'ESS EN VITRINE »
   Hôtel de Ville, salle des fêtes – Châtellerault
   org. Collectif solidaire du Châtelleraudais

   14h – MER. 16 NOV.
   ATELIER « RÉPARE TON GRILLE-PAIN »
   Local de la Ressourcerie, quartier d'Ozon – Châtellerault
   (inscription avant le vendredi 11 novembre)
   org. Ressourcerie du Val de Vienne

   ┌───────────────────────────────────────────────────┐
   │  16h ─ JEU. 17 NOV.                                │
   │  TABLE RONDE « JEUNES ET ENGAGEMENT »              │
   │  Maison des associations – Naintré                 │
   │  org. Association Jeunes Pousses                   │
   │ ▓▓ AUTOCOLLANT : REPORTÉE AU SAMEDI 19 NOVEMBRE, 16h, même lieu ▓▓ │
   └───────────────────────────────────────────────────┘

   9h ▸ 17h | VEN. 18 NOV.
   FORUM « EMPLOI & ESS »
   Salle de l'Angelarde, 86100 Châtellerault
   org. Maison de l'emploi

   À NOTER – pour les partenaires : conférence de presse mardi 8 novembre, 11h.
"""


def _events(read):
    return [(e["start_date"], e["title"], e["commune_name"], e["organizer"])
            for e in read(POSTER.encode(), "affiche.txt").events_as_dicts()]


def test_hours_written_before_the_day_open_an_entry_with_its_place_and_organiser(read):
    events = _events(read)
    assert ("2011-11-14", "Soirée d'ouverture « L'ESS en vitrine »", "Châtellerault",
            "Collectif solidaire du Châtelleraudais") in events
    assert ("2011-11-18", "Forum « Emploi & ESS »", "Châtellerault", "Maison de l'emploi") in events


def test_a_remark_under_the_place_is_not_part_of_it(read):
    assert ("2011-11-16", "Atelier « Répare ton grille-pain »", "Châtellerault",
            "Ressourcerie du Val de Vienne") in _events(read)


def test_a_sticker_at_the_bottom_of_a_boxed_entry_moves_it(read):
    tables = [e for e in _events(read) if e[1].startswith("Table ronde")]
    assert tables == [("2011-11-19", "Table ronde « Jeunes et engagement »", "Naintré", "Association Jeunes Pousses")]


def test_a_press_conference_after_a_lead_is_not_an_event(read):
    assert sorted(e[0] for e in _events(read)) == ["2011-11-14", "2011-11-16", "2011-11-18", "2011-11-19"]


REPORT = """                 BILAN DU MOIS DE L'ESS 2021
        Document transmis à la CRESS le lundi 13 décembre 2021

 N° Date(s)      Commune          Événement                      Structure            Format      Statut
 ── ──────────── ──────────────── ────────────────────────────── ──────────────────── ─────────── ────────
 1  04/11        Rennes (35000)   Lancement du Mois de l'ESS en  Pôle ESS du Pays     Présentiel  Réalisé
                                  pays de Rennes                 de Rennes
 2  09/11        –                Webinaire « Financer son       Collectif Finances   En ligne    Réalisé
                                  projet »                       Solidaires           (Zoom)
 3  prévu 16/11  Vitré (35500)    Forum des métiers de l'ESS     Cité des métiers     Présentiel  Réalisé
    réalisé                                                      du Pays de Vitré
    23/11
 4  20/11        Redon (35600)    Marché solidaire               Comité des fêtes     Présentiel  ANNULÉ

La conférence de Vitré du mardi 16 novembre a été suivie par 58 personnes.
"""


def test_a_report_table_under_a_rule_is_read_row_by_row_its_cells_wrapped(read):
    events = read(REPORT.encode(), "bilan.txt").events_as_dicts()
    got = sorted((e["start_date"], e["title"], e["commune_name"], e["online"]) for e in events)
    assert got == [("2021-11-04", "Lancement du Mois de l'ESS en pays de Rennes", "Rennes", False),
                   ("2021-11-09", "Webinaire « Financer son projet »", None, True),
                   ("2021-11-23", "Forum des métiers de l'ESS", "Vitré", False)]


FLYER = """                 MOIS DE L'ESS EN GUADELOUPE 2022

   TEMPS FORTS
   • Jeudi 3 : lancement, Pointe-à-Pitre
   • Mercredi 30 : Trophées, Pointe-à-Pitre
                                                                      1/2
                          NOVEMBRE 2022

   JEUDI 3

   17h · Lancement du Mois de l'ESS en Guadeloupe
         Centre culturel Rémy-Nainsouta, Pointe-à-Pitre · Réseau guadeloupéen de l'ESS

   SAMEDI 5

   8h-13h · Foire des coopératives agricoles
         Place du marché, Douville (Sainte-Anne) · Coopérative des planteurs

   MARDI 8

   9h · Atelier « Créer sa coopérative »
         Maison des associations, Le Moule · Association Konbit

   MERCREDI 30

   18h · Soirée de clôture et remise des Trophées de l'ESS
         Salle des fêtes, Pointe-à-Pitre · Réseau guadeloupéen de l'ESS
""" + "".join(f"\n   JEUDI {d}\n\n   10h · Permanence ESS\n         Maison des associations, Le Moule · Konbit\n"
              for d in (10, 17, 24))


def test_a_flyers_day_headings_take_the_month_above_not_the_page_number(read):
    events = read(FLYER.encode(), "flyer.txt").events_as_dicts()
    assert {e["start_date"][:7] for e in events} == {"2022-11"}


def test_a_place_then_its_organiser_after_a_dot_and_a_commune_in_brackets(read):
    got = {e["start_date"]: e["commune_name"] for e in read(FLYER.encode(), "flyer.txt").events_as_dicts()}
    assert got["2022-11-03"] == "Pointe-à-Pitre" and got["2022-11-08"] == "Le Moule"
    assert got["2022-11-05"] == "Sainte-Anne"


def test_a_teaser_that_names_only_the_opening_is_the_opening_entry_in_a_long_list(read):
    events = read(FLYER.encode(), "flyer.txt").events_as_dicts()
    assert sorted(e["title"] for e in events if e["start_date"] in ("2022-11-03", "2022-11-30")) == [
        "Lancement du Mois de l'ESS en Guadeloupe", "Soirée de clôture et remise des Trophées de l'ESS"]


WALL = """Mois de l'ESS 2021 en Anjou – le mur des partenaires
Anjou ESS Réseau • 12 contributeurs • 20 publications

▸ Ciné-débat « Terre commune »
Vendredi 5 novembre à 20h30, cinéma associatif Le Cyrano, Trélazé (49800).
Débat avec deux coopératives locales. Tarif unique 5 €.
Par le cinéma associatif Le Cyrano.
Lucas Ferrand (Le Cyrano) · 11 oct. 2021
♥ 4 · 💬 0

▸ Gratiferia (zone de gratuité)
Samedi 6 novembre, 10h-16h, parvis de la salle des fêtes, Saumur.
Apportez ce que vous voulez, prenez ce qui vous plaît !
Collectif Les Mains Ouvertes
Nadia Ouali (Les Mains Ouvertes) · 12 oct. 2021
♥ 7 · 💬 1
   ↳ Sophie R. · 2 nov. 2021 : Y aura-t-il des jeux pour enfants ?

▸ Atelier « Monter sa coopérative jeunesse »
Mercredi 10 novembre, 14h, Espace jeunes, 49300 Cholet. Pour les 16-18 ans.
Organisé par la Coopérative jeunesse de services de Cholet.
Marion Dupuis (CJS Cholet) · 14 oct. 2021
♥ 5 · 💬 0
"""


def test_a_walls_posts_are_titled_above_their_date_and_their_bylines_date_nothing(read):
    got = sorted((e["start_date"], e["title"], e["commune_name"])
                 for e in read(WALL.encode(), "mur.txt").events_as_dicts())
    assert got == [("2021-11-05", "Ciné-débat « Terre commune »", "Trélazé"),
                   ("2021-11-06", "Gratiferia (zone de gratuité)", "Saumur"),
                   ("2021-11-10", "Atelier « Monter sa coopérative jeunesse »", "Cholet")]


def test_an_entry_line_that_ends_on_a_comma_or_an_open_quote_goes_on_below(read):
    text = ("Annuaire des acteurs 2013\n\nLES AMIS DU ZÉRO GASPI\nCollectif citoyen · Alimentation\n"
            "▶ Samedi 23 novembre, 11h-15h : disco-soupe, parvis du centre commercial,\n51350 Cormontreuil.\n\n"
            "FEMMES ENTREPRENEUSES 51\nAssociation · Égalité\n"
            "▶ Jeudi 21 novembre, 18h : table ronde « Femmes et entrepreneuriat\nsocial », médiathèque associative, "
            "Vitry-le-François.\n")
    got = sorted((e["start_date"], e["title"], e["commune_name"]) for e in read(text.encode(), "annuaire.txt").events_as_dicts())
    assert got[0] == ("2013-11-21", "Table ronde « Femmes et entrepreneuriat social »", "Vitry-le-François")
    assert got[1][0] == "2013-11-23" and got[1][1].startswith("Disco-soupe") and "51350" not in got[1][1]
    assert got[1][2] == "Cormontreuil"


RESULTS = """Carte des événements – Mois de l'ESS 2019 en Bourgogne
Vue : liste par commune

📍 TOURNUS (71700) · 1 événement

  Balade « Tournus coopératif »
  Le samedi 30 novembre 2019 de 14:00 à 16:00
  (REPORTÉE – initialement prévue le samedi 23 novembre)
  Départ : parvis de l'office de tourisme, 71700 Tournus
  Organisé par : Association Tournus en Transition

💻 ÉVÉNEMENTS EN LIGNE (sans localisation) · 1 événement

  Webinaire « Les clauses sociales dans les marchés publics »
  Le mardi 19 novembre 2019 de 11:00 à 12:00
  En ligne – lien de connexion envoyé après inscription
  Organisé par : Facilitateurs clauses sociales de Bourgogne

2 résultats · Page 1 / 1

RÉSEAU ESS BOURGOGNE · 12, quai Gambetta · 71100 Chalon-sur-Saône · 03 85 41 96 20
"""


def test_a_result_list_titles_its_entries_above_their_day_whatever_remark_or_online_line_follows(read):
    got = sorted((e["start_date"], e["title"], e["commune_name"], e["online"])
                 for e in read(RESULTS.encode(), "carte.txt").events_as_dicts())
    assert got == [("2019-11-19", "Webinaire « Les clauses sociales dans les marchés publics »", None, True),
                   ("2019-11-30", "Balade « Tournus coopératif »", "Tournus", False)]


EVENTS_TAB = """Événements

À VENIR

  LUN. 2 NOV. À 18:00
  Lancement du Mois de l'ESS en Dracénie
  Hôtel d'agglomération, Draguignan
  Événement de Agglo Dracénie
  82 personnes intéressées · 25 participants             [☆ Intéressé(e)]

  SAM. 21 NOV. À 10:00 – DIM. 22 NOV. À 18:00
  Salon de l'ESS et du fait-main
  Salle polyvalente, 83550 Vidauban
  Événement de Comité des fêtes de Vidauban
  140 personnes intéressées · 35 participants            [☆ Intéressé(e)]
"""


def test_a_social_networks_events_tab_its_credits_and_a_span_with_its_hours(read):
    got = sorted((e["start_date"], e["end_date"], e["title"], e["commune_name"], e["organizer"])
                 for e in read(EVENTS_TAB.encode(), "evenements.txt", edition=2026).events_as_dicts())
    assert got == [("2026-11-02", "2026-11-02", "Lancement du Mois de l'ESS en Dracénie", "Draguignan", "Agglo Dracénie"),
                   ("2026-11-21", "2026-11-22", "Salon de l'ESS et du fait-main", "Vidauban", "Comité des fêtes de Vidauban")]


def test_a_dated_sentence_wrapped_after_a_preposition_goes_on_with_its_commune(read):
    text = ("Communiqué de presse, 2015\n\nLe jeudi 5 novembre à 20 h 30, le cinéma associatif Le Kelenn Bleu accueillera à\n"
            "Morlaix un ciné-débat autour du documentaire « Terre d'entraide », en présence du\nréalisateur.\n")
    got = [(e["start_date"], e["commune_name"]) for e in read(text.encode(), "communique.txt", edition=2015).events_as_dicts()]
    assert got == [("2015-11-05", "Morlaix")]


def test_a_body_that_meets_is_no_public_event(read):
    text = ("Conseil municipal du 16 octobre 2017\n\nLe jeudi 9 novembre, la commission des finances se réunira en mairie.\n\n"
            "Le lundi 20 novembre, le jury se réunira pour désigner les lauréats.\n\n"
            "Le mardi 21 novembre, forum de l'emploi solidaire au Carré des Trois-Ponts, Abbeville.\n")
    assert [e["start_date"] for e in read(text.encode(), "pv.txt").events_as_dicts()] == ["2017-11-21"]


def test_items_lettered_past_h_and_a_short_commune_after_a(read):
    text = ("Conseil municipal d'Abbeville, 2017 (Somme)\n\n"
            "  j) samedi 25 novembre, 10 h, à Rue (80120) : visite de la ferme coopérative du\n"
            "     Marquenterre, par la SCIC Terres de Marquenterre ;\n"
            "  l) mardi 28 novembre, 9 h – 13 h, Carré des Trois-Ponts, Abbeville : forum de l'emploi\n"
            "     solidaire, par la Ville d'Abbeville ;\n")
    got = sorted((e["start_date"], e["title"], e["commune_name"])
                 for e in read(text.encode(), "pv.txt", edition=2017).events_as_dicts())
    assert got == [("2017-11-25", "Visite de la ferme coopérative du Marquenterre", "Rue"),
                   ("2017-11-28", "Forum de l'emploi solidaire", "Abbeville")]


def test_a_poster_entry_whose_place_line_opens_on_en_ligne_is_online(read):
    text = ("SEMAINE DE L'ESS 2010\n\n   18h ─ MER. 17 NOV.\n   WEBCONFÉRENCE « MONTER UNE SCIC »\n"
            "   100 % en ligne – lien envoyé après inscription\n   org. Union coopérative Centre-Atlantique\n\n"
            "   20h ─ JEU. 18 NOV.\n   CINÉ-DÉBAT « LE PAIN DES AUTRES »\n   Salle Jean-Jaurès – 86180 Buxerolles\n")
    got = sorted((e["start_date"], e["online"], e["commune_name"]) for e in read(text.encode(), "affiche.txt").events_as_dicts())
    assert got == [("2010-11-17", True, None), ("2010-11-18", False, "Buxerolles")]


MINUTES = """Conseil municipal de Fécamp – séance du lundi 6 novembre 2023

Mois de l'économie sociale et solidaire :
  a) jeudi 16 novembre, 18 h, Hôtel de Ville : débat « Travailler autrement », proposé par le CCAS.
  b) samedi 25 novembre, salle Paul-Eluard, 76460 Saint-Valery : bourse aux jouets, proposée par le Secours
     populaire.
"""


def test_a_town_hall_is_no_commune_and_a_postcode_completes_a_name_written_short(read):
    town_hall, market = read(MINUTES.encode(), "pv.txt").events_as_dicts()
    assert town_hall["commune_name"] != "Ville"         # a commune of the Oise
    assert market["commune_name"] == "Saint-Valery-en-Caux"     # not Saint-Valery (Oise): not its postcode


STACKED = """NOVEMBRE DE L'ESS EN AVEYRON
2023


— SEMAINE 1 —

04.11
SAM · 10H · RODEZ
VISITE DE LA RESSOURCERIE
Ressourcerie du Ruthénois

— SEMAINE 2 —

09.11
JEU · 18H · MILLAU
[bandeau collé :] ANNULÉ
CONFÉRENCE « LE GANT ET LA COOPÉRATION »

10.11
VEN · 14H · VILLEFRANCHE-DE-ROUERGUE
TROC'PLANTES
Place Notre-Dame

— SEMAINE 3 —

15.11
MER · 20H · DECAZEVILLE
CINÉ-DÉBAT « LA MINE ET NOUS »
Cinéma La Strada

18.11
SAM · 9H-13H · ESPALION
MARCHÉ PAYSAN SOLIDAIRE
Place du Plô


TOUS LES MERCREDIS (sauf le 01.11)
14H-17H · RODEZ · Maison de l'ESS
PERMANENCE « ESS MODE D'EMPLOI »

Avec le soutien de : Région Occitanie · Département de l'Aveyron ·
Communauté d'agglomération Rodez Agglomération
"""


def test_a_posters_week_bands_sticker_weekly_rendez_vous_and_sponsors_end_the_entries_above(read):
    # « — SEMAINE 2 — » is no event of the 4th; « [bandeau collé :] ANNULÉ » cancels the 9th; the weekly
    # permanence and the sponsors at the foot are not the 18th's
    # (« SAM · 10H · RODEZ » under each date: the weekday, the time and the commune; the poster's one year, « 2023 »)
    events = read(STACKED).events
    assert [(e.start_date, e.commune_name, e.start_time, e.title.casefold()) for e in events] == [
        ("2023-11-04", "Rodez", "10:00", "visite de la ressourcerie"),
        ("2023-11-10", "Villefranche-de-Rouergue", "14:00", "troc'plantes"),
        ("2023-11-15", "Decazeville", "20:00", "ciné-débat « la mine et nous »"),
        ("2023-11-18", "Espalion", "09:00", "marché paysan solidaire")]
