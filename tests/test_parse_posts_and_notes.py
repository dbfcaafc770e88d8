"""Layouts met in the eleventh set of invented programmes and in newsletters: a post's pictographs and
« @ » venues, a year written as a hashtag, a wiki page's table told again as a list and its struck-out
dates, a page's own record dates and deadlines, entries that close on their date line, titles written
as a bullet over a date line that goes on with a commune and its venue. Every document here is made up
for the test."""

NEWSLETTER = """Lettre de l'ESS – novembre 2010

== À LA UNE ==
Le mardi 2 novembre à Nantes : soirée d'ouverture régionale du Mois de l'ESS.

== L'AGENDA ==

> Ouverture du Mois de l'ESS en Pays de la Loire
Mardi 2 novembre, 18h – Nantes, Manufacture des Tabacs, 10 bd de Stalingrad
Discours, table ronde et buffet équitable.
Organisé par la CRESS

> Troc'livres
samedi 27 novembre, 10h-16h – La Roche-sur-Yon, Bourse du travail
Organisé par Lire et Partager en Vendée
"""

POST = """Réseau des coopératives du Rhône
🎉 C'est parti pour le #MoisESS2024 !!

📍 mar. 5/11 | 18h-20h | Afterwork des coops @ Le Bocal Coopératif, Lyon 7e
🎬 jeu. 14/11 | 20h | Ciné-débat « Ceux qui font autrement » @ Cinéma Les Amandiers, Vaulx-en-Velin
🛒 sam. 16/11 | 10h-18h | Marché des créateurs solidaires @ Halles du Faubourg, Lyon 1er
"""

WIKI = """# Mois de l'ESS 2021 — page de coordination
Dernière modification: 4 novembre 2021 15:12

| Date | Horaire | Événement | Lieu |
|---|---|---|---|
| mar. 09/11 | 9h30–12h | Atelier gouvernance partagée en SCOP | Maison des Initiatives, Blagnac |
| ~~mar. 16/11~~ jeu. 18/11 | 18h | Ciné-débat « Le travail autrement » | salle Jean-Jaurès, Ramonville-Saint-Agne |
| ~~sam. 20/11~~ | ~~10h~~ | ~~Troc de plantes~~ | ~~Jardin partagé~~ |

### Détail
- **Mardi 9 novembre**, 9h30–12h — *Atelier gouvernance partagée en SCOP* — Maison des Initiatives, Blagnac — avec l'URSCOP
- ~~**Mardi 16 novembre**~~ → **déplacé au jeudi 18 novembre**, 18h — *Ciné-débat « Le travail autrement »*
- ~~**Samedi 20 novembre** — Troc de plantes~~ ❌ **ANNULÉ**

### TODO
- [x] Deadline retour des fiches porteurs : **vendredi 15 octobre**
"""

DATES_LAST = """MOIS DE L'ESS 2023 — LE PROGRAMME PAR THÈMES

Soirée de lancement
Présentation du programme et buffet des producteurs.
→ Jeu. 2/11 · 18h · La Halle aux Fûts, Nantes

Disco-soupe géante
On épluche et on partage la soupe avec Les Épluchures Joyeuses.
→ Sam. 4/11 · 11h-15h · Parvis de l'Hôtel de ville, Rezé

Job dating de l'insertion
Une vingtaine de structures recrutent.
→ Jeu. 16/11 · 9h30-12h30 · Salle Paul-Fort, Rezé

Conférence sur les monnaies locales
Avec l'association de la monnaie locale.
→ Jeu. 9/11 · 19h · Médiathèque, Saint-Sébastien-sur-Loire
"""


def titled(document) -> dict:
    return {e.title: e for e in document.events}


def test_a_bullet_titles_the_date_line_under_it_whose_commune_is_followed_by_its_venue(read):
    events = titled(read(NEWSLETTER))
    assert events["Troc'livres"].start_date == "2010-11-27" and events["Troc'livres"].commune_code == "85191"
    # the address after the venue is a place too, and the teaser of the opening is the same opening
    opening = [e for e in events.values() if e.start_date == "2010-11-02"]
    assert len(opening) == 1 and "ouverture" in opening[0].title.lower()
    assert opening[0].commune_code == "44109" and opening[0].venue == "Manufacture des Tabacs"


def test_a_post_heads_its_dated_lines_with_pictographs_and_names_venues_after_an_at_sign(read):
    document = read(POST)
    assert document.edition == 2024                         # « #MoisESS2024 »
    events = titled(document)
    assert set(events) == {"Afterwork des coops", "Ciné-débat « Ceux qui font autrement »",
                           "Marché des créateurs solidaires"}
    assert events["Afterwork des coops"].start_date == "2024-11-05"
    assert events["Ciné-débat « Ceux qui font autrement »"].commune_code == "69256"


def test_a_wiki_page_tells_its_table_again_as_a_list_and_strikes_out_what_no_longer_holds(read):
    document = read(WIKI)
    days = sorted((e.start_date, e.title.split(" – ")[0]) for e in document.events)
    assert days == [("2021-11-09", "Atelier gouvernance partagée en SCOP"),
                    ("2021-11-18", "Ciné-débat « Le travail autrement »")]


def test_entries_that_close_on_their_date_line_are_titled_by_their_first_line(read):
    events = {e.start_date: e.title for e in read(DATES_LAST).events}
    assert events == {"2023-11-02": "Soirée de lancement", "2023-11-04": "Disco-soupe géante",
                      "2023-11-16": "Job dating de l'insertion", "2023-11-09": "Conférence sur les monnaies locales"}

MAGAZINE = """VILLE DE BRIOUZE — LE MAGAZINE
N° 12 – novembre 2015

TRAVAUX
Rue des Tilleuls : réfection de la chaussée du lundi 2 au vendredi 6 novembre.

DOSSIER
LE MOIS DE L'ÉCONOMIE SOCIALE ET SOLIDAIRE

Mardi 10 novembre, 18h30
Conférence « Consommer local »
Salle des fêtes, Briouze.

Samedi 14 novembre, 9h-13h
Marché des producteurs solidaires
Place de l'Église, Briouze.

SPORTS
Samedi 14 novembre, 18h : handball, Briouze HB – Flers HB, gymnase.
Dimanche 15 novembre, 9h30 : cross des écoles, stade municipal.

MENUS DES ÉCOLES
Lundi 16 novembre : carottes râpées, poisson, riz, yaourt
"""


def test_a_magazine_whose_one_rubric_is_the_mois_gives_the_events_of_that_rubric_only(read):
    document = read(MAGAZINE)
    assert [e.title for e in document.events] == ["Conférence « Consommer local »", "Marché des producteurs solidaires"]
    assert any("hors de la rubrique du Mois de l'ESS" in w for w in document.warnings)


# A group chat exported from WhatsApp: each message under its own date, days said relative to it, the app's
# own lines (a member added, a medium left out, a message deleted) among them.
CHAT = """04/11/2024 09:00 - Les messages et les appels sont chiffrés de bout en bout.
04/11/2024 09:01 - Claire a créé le groupe « Mois ESS Villeurbanne »
04/11/2024 09:02 - Claire: Bonjour ! Postez ici vos dates pour l'affiche.
04/11/2024 09:10 - Malik: Pour la ressourcerie : atelier couture mercredi 13 novembre à 14h, 12 rue Paul-Verlaine, Villeurbanne
04/11/2024 09:11 - Malik: <Médias omis>
04/11/2024 09:15 - Claire: Ce message a été supprimé
08/11/2024 18:30 - Inès: Rappel : demain samedi, troc de graines au jardin des Brosses à Villeurbanne, dès 10h !
08/11/2024 18:31 - Claire: 👍
"""


def test_a_chat_exports_messages_are_posts_each_with_its_own_date(read):
    result = read(CHAT, "discussion.txt")
    assert [(e.start_date, e.commune_name) for e in result.events] == [
        ("2024-11-13", "Villeurbanne"), ("2024-11-09", "Villeurbanne")]
    assert "couture" in result.events[0].title and "troc" in result.events[1].title.lower()
    assert not any("Médias" in (e.title or "") + (e.description or "") for e in result.events)


# A collective's wiki page: links to its table of places, to-do items, items « @ place — org. : who ».
WIKI_PLACES = """# Mois de l'ESS 2024 — programme partagé

- [x] Envoyer la liste à la CRESS le 11/10
- [ ] Réserver la salle pour le bilan (jeudi 12 décembre ?)

* **mar. 5/11, 14h** — Atelier « Gouvernance partagée » @ [[lieux#grange|La Grange]] — *org. : Asso Deiz ha Noz*
* **sam. 16/11, 10h** — Marché des créateurs @ [[lieux#brug|Salle Ar Brug]] — *org. : Artisans du Dourduff*[^1]

## Lieux {#lieux}

| Clé | Nom | Adresse | Commune |
|-----|-----|---------|---------|
| grange | La Grange | lieu-dit Kerantour | Plougonven |
| brug | Salle Ar Brug | rue de Kernéguès | St-Martin-des-Champs |

[^1]: Sous réserve.
"""


def test_a_wiki_pages_items_take_their_place_from_its_table_of_places(read):
    result = read(WIKI_PLACES, "wiki.md", region="53")
    assert [(e.start_date, e.title, e.venue, e.commune_code, e.organizer) for e in result.events] == [
        ("2024-11-05", "Atelier « Gouvernance partagée »", "La Grange", "29191", "Asso Deiz ha Noz"),
        ("2024-11-16", "Marché des créateurs", "Salle Ar Brug", "29254", "Artisans du Dourduff")]


def test_an_items_organiser_in_brackets_at_its_end_is_its_organiser(read):
    text = ("Les rendez-vous du Mois de l'ESS 2016 :\n"
            "  – sam. 5/11, 9h-12h : Repair café, salle Cerey, Mozac (org. Mozac Répare)\n"
            "  – mar. 15/11, 20h30 : ciné-débat « Les Sociétaires », cinéma associatif, Volvic (org. Volvic Ciné Passion)\n")
    result = read(text)
    assert [(e.title, e.commune_name, e.organizer) for e in result.events] == [
        ("Repair café", "Mozac", "Mozac Répare"), ("Ciné-débat « Les Sociétaires »", "Volvic", "Volvic Ciné Passion")]


BLOG = """Réseau ESS du Val de Loire – Agenda et actualités

Publié le 24/10/2019 · Mois de l'ESS
Table ronde « Se loger autrement » à Blois
Le jeudi 21 novembre à 19h, à la Halle aux grains de Blois, habitants de coopératives et de projets
d'habitat participatif débattent avec des bailleurs sociaux. Proposé par l'association Habiter Ensemble.
Lire la suite →

Publié le 20/10/2019 · Mois de l'ESS
Apéro des coopératives
Le vendredi 15 novembre à 18h30, venez rencontrer les coopératives de la ville autour d'un verre au Café
Coopératif de Vendôme. Organisé par le Pôle coopératif.
Lire la suite →
"""


def test_a_posts_title_under_its_stamp_titles_the_text_that_opens_on_the_day(read):
    # « Publié le … » / the post's title / « Le jeudi 21 novembre à 19h, à la Halle aux grains … »
    assert sorted((e.start_date, e.title) for e in read(BLOG).events) == [
        ("2019-11-15", "Apéro des coopératives"), ("2019-11-21", "Table ronde « Se loger autrement »")]
