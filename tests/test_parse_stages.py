"""The stages of the reader one by one, as pure functions on invented text: lines, date anchors and
their keep-or-drop verdicts. No commune reference is needed here."""

from esscope.parse import dates, keep
from esscope.parse.anchors import find_candidates
from esscope.parse.lines import read_lines


def texts(text):
    return [line.text for line in read_lines(text) if not line.blank]


def verdicts(text):
    return [(a.found.points[0].day, a.found.points[0].month, a.kept, a.reason)
            for a in find_candidates(read_lines(text))]


def test_an_agenda_widget_date_written_over_two_lines_is_one_line():
    assert texts("DÉC.\n02\nAtelier couture\n\n14\nJANV.\nGalette") == [
        "DÉC. 02", "Atelier couture", "14 JANV.", "Galette"]


def test_a_range_whose_end_goes_to_the_next_line_is_one_line():
    assert texts("Du 3 octobre 2022\nau 28 octobre 2022\nExposition")[0] == "Du 3 octobre 2022 au 28 octobre 2022"
    assert texts("Le 3 octobre\nau marché couvert")[0] == "Le 3 octobre"


def test_a_quote_mark_opens_an_item_as_a_bullet_does():
    line = next(line for line in read_lines("> Jeudi 9 octobre : atelier vélo") if not line.blank)
    assert line.bullet and line.text == "Jeudi 9 octobre : atelier vélo"


def test_a_weekday_and_a_day_take_the_month_of_the_date_before():
    found = dates.match_date("Vendredi 17, de 14 h à 16 h : troc de graines")
    assert (found.points[0].day, found.points[0].month, found.points[0].weekday) == (17, None, "vendredi")
    assert dates.match_date("jeudi 4 heures de débat") is None
    assert verdicts("Mardi 14 octobre : visite de la ressourcerie.\n\nVendredi 17, de 14 h à 16 h : troc de graines.")[1][:2] == (17, 10)
    assert verdicts("Samedi 8, de 10 h à 12 h : balade.")[0][:2] == (8, 11)


def test_publication_stamps_are_not_events():
    assert verdicts("jeudi 12.10.2023, 06:30 - Le Courrier de l'Ouest")[0][2:] == (False, keep.PUBLISHED)
    assert verdicts("Le 05/10/2023 par La Rédaction")[0][2:] == (False, keep.PUBLISHED)
    assert verdicts("Publié le 5 octobre 2023")[0][2:] == (False, keep.PUBLISHED)
    assert verdicts("Date : jeudi 9 novembre 2023 à 18 h 30")[0][2] is True


def test_the_span_of_the_whole_month_is_not_an_event():
    assert verdicts("Du 1er novembre 2023 au 30 novembre 2023")[0][2:] == (False, keep.SPAN)
    assert verdicts("Du 1er novembre au 30 novembre : expositions dans toute la ville")[0][2] is True


def test_a_limit_after_a_lead_is_not_an_event_but_a_year_is_no_limit():
    assert verdicts("Inscriptions jusqu'au : 3 novembre.")[0][2:] == (False, keep.LIMIT)
    assert verdicts("Au programme cette année : le 8 novembre, la MJC organise un atelier.")[0][2] is True


NEWS_PAGE = """Agenda

OCT.
09
Atelier réparation de vélos

OCT.
16
Soirée des bénévoles

Actualités

OCT.
02
Une épicerie solidaire ouvre à Dinan

L'association Le Panier Partagé a inauguré son épicerie le mois dernier : elle propose des produits à prix
réduits aux étudiants et aux familles, avec l'aide de la mairie, de trois producteurs de la vallée et d'une
quinzaine de bénévoles qui tiennent la caisse à tour de rôle, du lundi au samedi.
"""


def test_dated_items_of_a_news_list_are_articles_not_events():
    found = {(a.found.points[0].day, a.found.points[0].month): (a.kept, a.reason)
             for a in find_candidates(read_lines(NEWS_PAGE))}
    assert found == {(9, 10): (True, ""), (16, 10): (True, ""), (2, 10): (False, keep.NEWS)}


def test_a_heading_that_ends_with_its_date_titles_an_event():
    [anchor] = find_candidates(read_lines("La tournée de l'épargne solidaire dans les quartiers du 6 au 20 octobre"))
    assert (anchor.kept, anchor.form, anchor.rest) == (True, "title", "La tournée de l'épargne solidaire dans les quartiers")
    [limit] = find_candidates(read_lines("Inscriptions ouvertes jusqu'au 20 octobre"))
    assert not limit.kept


def test_a_flattened_web_page_keeps_its_sentence_starts():
    from esscope.parse.lines import unglue
    assert unglue("Rallye des épiceries A pied ou à vélo, découvrez six lieux") == \
        "Rallye des épiceries. A pied ou à vélo, découvrez six lieux"
    assert unglue("Salle Gérard Philipe, Nantes Ce spectacle raconte une coopérative") == \
        "Salle Gérard Philipe, Nantes. Ce spectacle raconte une coopérative"
    assert unglue("Projection du film Les jours heureux à la salle Emeraude") == \
        "Projection du film Les jours heureux à la salle Emeraude"


def test_a_title_running_into_its_time_and_place_is_cut_at_the_time():
    assert texts("Vendredi 6 octobre\nBal folk solidaire 20h30 : Grange de la Ferme, Vannes") == [
        "Vendredi 6 octobre", "Bal folk solidaire", "20h30 : Grange de la Ferme, Vannes"]
    assert texts("Vendredi 6 octobre 20h30 : bal folk") == ["Vendredi 6 octobre 20h30 : bal folk"]


def test_a_calendar_widget_run_together_is_cut_into_day_times_and_title():
    from esscope.parse.lines import unglue
    assert unglue("7déc18:3021:00CINÉ-DÉBATLes communs au cinéma18:30 - 21:00 OrganisateurCollectif X") == \
        "7 déc 18:30 - 21:00 : CINÉ-DÉBAT Les communs au cinéma"
    assert unglue("7 décembre 18h30 : ciné-débat") == "7 décembre 18h30 : ciné-débat"


def test_days_listed_after_a_plural_weekday_are_each_a_day():
    found = dates.match_date("Les mardis 4, 18 et 25 novembre")
    assert [(p.day, p.month) for p in found.points] == [(4, 11), (18, 11), (25, 11)]
    assert found.points[0].weekday == "mardi"


def test_a_day_given_as_an_exception_is_not_an_event():
    text = "Les permanences de l'épicerie (ateliers, cafés) continuent tout le mois, sauf le vendredi 10 novembre."
    assert verdicts(text)[0][2:] == (False, keep.LIMIT)


def test_a_rubric_date_and_time_atop_a_news_item_are_its_publication():
    assert verdicts("SOCIÉTÉ – Jeudi 3 novembre 2022 – 06h30\n\nLa ressourcerie fête ses dix ans")[0][2:] == (
        False, keep.PUBLISHED)
    assert verdicts("Culture | vendredi 4 novembre 2022 | Par Jeanne Martin")[0][2:] == (False, keep.PUBLISHED)
    assert verdicts("Jeudi 3 novembre 2022 – 18h30 : soirée-débat")[0][2] is True


NEWS_LIST = """ACTUALITÉS

14.10.2022 – Vie associative
Retour sur notre assemblée générale
Les adhérents ont voté le nouveau projet associatif et élu le conseil.

03.10.2022 – Agenda
Atelier couture solidaire le samedi 19 novembre
La Fabrique ouvre son atelier pour réparer vos vêtements, de 14h à 17h, entrée libre.
"""


def test_a_news_list_gives_the_event_its_headline_announces_and_not_its_dates():
    kept = [(day, month) for day, month, ok, _ in verdicts(NEWS_LIST) if ok]
    assert kept == [(19, 11)]


def test_a_page_whose_two_columns_come_out_glued_is_read_column_by_column():
    from esscope.parse.lines import side_by_side
    page = ["\fPROGRAMME     3", "MARDI 7 NOVEMBRE   JEUDI 9 NOVEMBRE", "18h   20h",
            "Atelier vélo   Concert-débat", "Local de la Roue, Rouen   Bar Le Quai, Dieppe",
            "Gratuit   Prix libre", "Sur inscription   Ouvert à tous"]
    out = [line for line in side_by_side(page) if line]
    assert out.index("MARDI 7 NOVEMBRE") < out.index("Atelier vélo") < out.index("JEUDI 9 NOVEMBRE") \
        < out.index("Concert-débat")


def test_a_weekday_through_a_month_gives_each_of_its_days():
    found = dates.match_date("Tous les mardis de novembre, 17h")
    assert [d.day for d in dates.resolve(found, 2026).days] == [3, 10, 17, 24]


def test_days_said_relative_to_a_posts_own_date_are_written_out():
    post = "DEMAIN samedi : braderie. Jeudi prochain 18h : atelier. Ce mardi, rien.\n\n10 novembre 2023"
    assert dates.with_relative_days(post).split("\n")[0] == (
        "Samedi 11 novembre : braderie. Jeudi 16 novembre 18h : atelier. Mardi 14 novembre, rien.")
    # without the post's own date, or with a weekday that does not fit, nothing is guessed
    assert dates.with_relative_days("DEMAIN samedi : braderie.") == "DEMAIN samedi : braderie."
    assert dates.with_relative_days("DEMAIN lundi : braderie.\n10 novembre 2023").startswith("DEMAIN lundi")
    # inside a title, or « demain » said of the future in general, is no day
    assert dates.with_relative_days("Ciné-débat « Nourrir demain » le 5 novembre\n10 novembre 2023").startswith(
        "Ciné-débat « Nourrir demain »")
    assert "demain" in dates.with_relative_days("l'économie de demain\n10 novembre 2023")
