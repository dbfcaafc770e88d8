"""Numbers and dates in French (babel, fr_FR), with what CLDR does not say: « 1er », periods, hours."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from esscope.french import (
    MONTHS,
    WEEKDAYS,
    format_date,
    format_number,
    format_percent,
    format_period,
    format_time,
    parse_number,
    plural,
    year_span,
)


def test_numbers_group_thousands_with_a_narrow_space_and_use_a_decimal_comma():
    assert format_number(52000) == "52\u202f000"
    assert format_number(np.int64(1_234_567)) == "1\u202f234\u202f567"
    assert format_number(10.75, 1) == "10,8" and format_number(-1234.5, 1) == "-1\u202f234,5"
    assert format_number(None) == format_number(float("nan")) == "–"


def test_percentages_take_a_no_break_space_and_drop_a_useless_zero():
    assert format_percent(10.7) == "10,7\u00a0%" and format_percent(10.0) == "10\u00a0%"
    assert format_percent(9.64) == "9,6\u00a0%" and format_percent(0.354, 2) == "0,35\u00a0%"
    assert format_percent(None) == "–"


def test_dates_read_as_french_write_them():
    assert format_date(dt.date(2017, 11, 7)) == "mardi 7 novembre 2017"
    assert format_date("2017-11-01") == "mercredi 1er novembre 2017"
    assert format_date(dt.datetime(2017, 11, 1, 14), weekday=False, year=False) == "1er novembre"
    assert format_date(None) == ""
    assert MONTHS[10] == "novembre" and WEEKDAYS[0] == "lundi" and len(MONTHS) == 12 and len(WEEKDAYS) == 7


@pytest.mark.parametrize("start, end, text", [
    ("2017-11-13", None, "lundi 13 novembre 2017"),
    ("2017-11-13", "2017-11-13", "lundi 13 novembre 2017"),
    ("2017-11-13", "2017-11-17", "du lundi 13 au vendredi 17 novembre 2017"),
    ("2017-11-01", "2017-11-03", "du mercredi 1er au vendredi 3 novembre 2017"),
    ("2017-10-30", "2017-11-03", "du lundi 30 octobre au vendredi 3 novembre 2017"),
    ("2017-12-30", "2018-01-03", "du samedi 30 décembre 2017 au mercredi 3 janvier 2018"),
    (None, None, "date à préciser"),
])
def test_periods(start, end, text):
    assert format_period(start, end) == text


def test_hours_and_plurals():
    assert format_time("09:00") == "9 h" and format_time("14:30") == "14 h 30" and format_time(None) == ""
    assert plural(1, "événement") == "1 événement" and plural(0, "événement") == "0 événement"
    assert plural(52000, "événement") == "52\u202f000 événements"


@pytest.mark.parametrize("text, value", [("52 000", 52000), ("52\u202f000", 52000), ("10,7 %", 10.7), ("52,5", 52.5), ("1.234.567", 1234567),
                                         ("1.234,5", 1234.5), ("2.3e6", 2.3e6), ("abc", None), ("", None)])
def test_numbers_are_read_the_french_or_the_english_way(text, value):
    assert parse_number(text) == value


def test_year_span_reads_as_one_range():
    assert year_span(2006, 2020) == "2006 à 2020" and year_span(2017.0, 2017) == "2017"
    assert year_span(None, float("nan")) == "" and year_span(2019, None) == "2019"
    assert year_span(pd.NA, np.int64(2015)) == "2015"
