"""Dates and times in the forms French programmes write them (pure functions, no store)."""

import datetime as dt

import pytest

from esscope.parse.dates import (
    document_year,
    find_times,
    match_date,
    resolve,
    weekday_year,
    with_month_of_bare_days,
    with_next_days,
    with_relative_days,
    with_spoken_numbers,
)
from esscope.parse.textnorm import clean, decode, fix_ocr_dates, fix_ocr_digits


def period(text, year=2017):
    found = match_date(text)
    assert found, text
    p = resolve(found, year)
    return p.start.isoformat(), p.end.isoformat() if p.end else None, p.warnings


@pytest.mark.parametrize("text, start, end", [
    ("Vendredi 03 novembre", "2017-11-03", "2017-11-03"),
    ("Du lundi 13 au vendredi 17 novembre", "2017-11-13", "2017-11-17"),
    ("Samedi 11 et dimanche 12 novembre", "2017-11-11", "2017-11-12"),
    ("Samedi 25 / dimanche 26 novembre", "2017-11-25", "2017-11-26"),
    ("Du 19 octobre au 08 décembre", "2017-10-19", "2017-12-08"),
    ("Le 15 Novembre, Montpellier", "2017-11-15", "2017-11-15"),
    ("Du 30 novembre au 2 décembre", "2017-11-30", "2017-12-02"),
    ("NOV. 18", "2017-11-18", "2017-11-18"),
    ("1er décembre", "2017-12-01", "2017-12-01"),
    ("13-17 novembre", "2017-11-13", "2017-11-17"),
    ("18/11", "2017-11-18", "2017-11-18"),
    ("mardi 5 novembre 2024", "2024-11-05", "2024-11-05"),
])
def test_french_date_forms(text, start, end):
    assert period(text)[:2] == (start, end)


def test_range_crossing_the_new_year_ends_the_next_year():
    assert period("Du 28 décembre au 3 janvier", 2019)[:2] == ("2019-12-28", "2020-01-03")


def test_weekday_that_contradicts_date_is_kept_and_flagged():
    start, end, warnings = period("mardi 19 décembre", 2024)
    assert (start, end) == ("2024-12-19", "2024-12-19")
    assert any("mardi" in w and "jeudi" in w for w in warnings)


def test_weekday_that_matches_gives_no_warning():
    assert period("jeudi 7 novembre", 2024)[2] == []


def test_a_sentence_number_is_not_a_date():
    assert match_date("52 000 salariés") is None
    assert match_date("13 h 30 à 17 h") is None
    assert match_date("Novembre 2017") is None


@pytest.mark.parametrize("text, times", [
    ("9 h à 12 h", ("09:00", "12:00")),
    ("13 h 30 à 17 h - gratuit", ("13:30", "17:00")),
    ("14h00", ("14:00", None)),
    ("À partir de 18 h", ("18:00", None)),
    ("de 10 à 12h00", ("10:00", "12:00")),
    ("9 h à 12 h et 14 h à 17 h", ("09:00", "17:00")),
    ("Séances de 30 mn de 9 h à 11 h", ("09:00", "11:00")),
    ("À partir de 12 h le 25, jusque 18 h le 26", ("12:00", "18:00")),
    ("pendant 48 h à imaginer", (None, None)),
])
def test_french_time_forms(text, times):
    assert find_times(text) == times


def test_letter_o_read_for_zero_in_times_phones_and_years():
    assert fix_ocr_digits("13 h 3O à 17 h") == "13 h 30 à 17 h"
    assert fix_ocr_digits("O3 2O 63 91 79") == "03 20 63 91 79"
    assert fix_ocr_digits("mars 2O17") == "mars 2017"
    assert fix_ocr_digits("LES ROUMICS OUvertes H2O") == "LES ROUMICS OUvertes H2O"


def test_year_named_by_the_document():
    assert document_year("PROGRAMME\nNovembre 2017\n") == 2017
    assert document_year("Mois de l'ESS 2024 : le programme !") == 2024
    assert document_year("Un programme sans année") is None


def test_year_deduced_from_weekdays_when_the_document_names_none():
    found = [match_date(t) for t in ("mardi 7 novembre", "jeudi 16 novembre", "samedi 25 novembre")]
    assert weekday_year(found, range(2008, 2027)) == 2023   # 2017 and 2023 agree: the most recent


def test_cp1252_text_is_decoded():
    text, encoding = decode("Économie solidaire à Nîmes".encode("cp1252"))
    assert (text, encoding) == ("Économie solidaire à Nîmes", "cp1252")
    assert clean("a\u00a0b\u202fc\ufffd") == "a b c"


def test_today_is_not_a_default_in_the_functions():
    assert resolve(match_date("29 février"), 2023) is None
    assert resolve(match_date("29 février"), 2024).start == dt.date(2024, 2, 29)


def test_days_said_alone_in_an_article_take_its_one_month():
    text = ("Le forum aura lieu le 8 novembre. La fête, le 18 novembre.\nLe 14, direction Talence pour un atelier. "
            "Le 25, une braderie. Puis le 30 novembre, une table ronde.")
    out = with_month_of_bare_days(text)
    assert "Le 14 novembre, direction" in out and "Le 25 novembre, une braderie" in out
    # two months named, or too few: the day stays alone
    assert with_month_of_bare_days(text.replace("30 novembre", "3 décembre")) == text.replace("30 novembre", "3 décembre")
    assert with_month_of_bare_days("Le 14, direction Talence, le 8 novembre.") == "Le 14, direction Talence, le 8 novembre."


def test_an_articles_dateline_or_figures_give_its_own_day_for_next_thursday():
    for own in ("PESSAC, 4 novembre 2017. — Le coup d'envoi", "Publié le 04/11/2017 à 6h00\nLe coup d'envoi"):
        assert "jeudi 9 novembre" in with_relative_days(own + " sera donné jeudi prochain, à 18 h 30.")


def test_a_shortened_weekday_with_its_full_stop_is_a_day_but_a_bare_one_is_not():
    assert [p.day for p in match_date("MER. 9 | 14h-17h").points] == [9]
    assert match_date("MER. 9 | 14h-17h").points[0].weekday == "mercredi"
    assert match_date("mer 9 | 14h-17h") is None           # « mer », « mar », « sam » may be other words


def test_days_said_relative_to_each_broadcast_take_the_date_of_the_broadcast_they_are_under():
    text = ("N°87 – Les étudiants\nDiffusée le mardi 25 novembre 2014\nCe jeudi, soirée de clôture.\n\n"
            "N°86 – Librairies\nDiffusée le mardi 18 novembre 2014\nCe jeudi à 18h30, rencontre-dédicace.\n")
    out = with_relative_days(text)
    assert "Jeudi 27 novembre, soirée de clôture" in out and "Jeudi 20 novembre à 18h30" in out


@pytest.mark.parametrize(("said", "written"), [
    ("le samedi neuf à Vire, de quatorze heures à dix-huit heures", "le samedi 9 à Vire, de 14h à 18h"),
    ("c'est le jeudi quatorze à vingt heures trente", "c'est le jeudi 14 à 20h30"),
    ("samedi seize et dimanche dix-sept", "samedi 16 et dimanche 17"),
    ("rendez-vous le vingt-et-un novembre", "rendez-vous le 21 novembre"),
    ("le premier atelier, pour deux personnes", "le premier atelier, pour deux personnes"),
    ("le dix-huitième siècle", "le dix-huitième siècle"),
])
def test_a_transcripts_days_and_times_said_in_words(said, written):
    assert with_spoken_numbers(said) == written


@pytest.mark.parametrize(("scanned", "read"), [
    ("samedi l8 novernbre 2017", "samedi 18 novembre 2017"),
    ("sarnedis 4 et l8 novembre", "samedis 4 et 18 novembre"),
    ("Dirnanche 5 DÉCERNBRE", "Dimanche 5 DÉCEMBRE"),
    ("Mardi l4/11", "Mardi 14/11"),
    ("le modèle l8 du Carnaval, Iris", "le modèle l8 du Carnaval, Iris"),
])
def test_a_scanners_misreadings_of_dates_are_read_back(scanned, read):
    assert fix_ocr_dates(scanned) == read


def test_days_said_from_an_articles_date_past_coming_and_tomorrow_evening():
    text = ("Albi et agglo, mercredi 2 novembre 2011, p. 14\n\n"
            "Demain soir, lancement. Dès samedi, disco-soupe. Samedi dernier, un troc. Mardi prochain, un atelier.")
    assert with_relative_days(text).split("\n")[-1] == (
        "Jeudi 3 novembre soir, lancement. Dès samedi 5 novembre, disco-soupe. Samedi 29 octobre, un troc. "
        "Mardi 8 novembre, un atelier.")      # (a day that opens a sentence keeps its capital)


@pytest.mark.parametrize("text, expected", [
    ("Mercredi 12 novembre, forum. Le lendemain encore, atelier.", "Le jeudi 13 novembre encore, atelier."),
    ("Samedi 8, marché. Dès le lendemain, visite.", "Dès le dimanche 9, visite."),
    # the day is written after it, or said since in words whose day is not known: left as written
    ("Mardi 4, débat. Le lendemain soir, vendredi 14, cinéma.", "Le lendemain soir, vendredi 14, cinéma."),
    ("Le 10 novembre, forum. Mardi prochain, ouverture. Le lendemain, visite.", "Le lendemain, visite."),
    ("Le 29 novembre, forum. Le lendemain, bilan.", "Le lendemain, bilan."),
])
def test_the_day_after_is_read_from_the_day_named_before_it(text, expected):
    assert with_next_days(text).endswith(expected)
