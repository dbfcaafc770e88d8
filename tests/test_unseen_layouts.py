"""Programmes in layouts the parser was not written against (invented by the esscope team, see
tests/fixtures/unseen/README.md), scored with ../shared/tools/score_events.py like the real ones,
plus the fields their reference states (times, venues, organisers, prices, online, figures) and the
dates that are not events (datelines, « Publié le », navigation, scripts, newsletters, footers)."""

import json
import re
import unicodedata
from pathlib import Path

import pytest

FOLDER = Path(__file__).resolve().parent / "fixtures" / "unseen"
DOCUMENTS = {"bretagne": "bretagne.txt", "occitanie": "occitanie.html", "presse": "presse.txt",
             "pays-de-la-loire": "pays-de-la-loire.txt", "normandie": "normandie.txt", "idf": "idf.txt",
             "bfc": "bfc.html", "aura": "aura.txt", "centre": "centre.txt", "grandest": "grandest.txt"}
NOT_EVENTS = {
    "bretagne": ["2019-11-04"],                                       # « Publié le 4 novembre 2019 »
    "presse": ["2022-11-02"],                                         # dateline « Montpellier, le 2 novembre 2022. »
    "occitanie": ["2021-11-03", "2021-11-12", "2021-11-30", "2021-12-01"],   # script, nav, newsletter, comment
    "pays-de-la-loire": [],
    "normandie": [],
    "idf": ["2018-10-31"],                                            # « Article publié le 31 octobre 2018 »
    "bfc": ["2024-11-30"],                                            # footer « inscrivez-vous avant le 30/11/2024 »
    "aura": [],
    "centre": ["2020-10-30"],                                         # « Inscriptions avant le 30 octobre »
    "grandest": [],
}
CHECKED_FIELDS = ("start_time", "end_time", "venue", "price", "online", "organizer")


@pytest.fixture(scope="module")
def parsed(read):
    """Each document parsed twice: with nothing given, and with its edition and région."""
    out = {}
    for name, filename in DOCUMENTS.items():
        gold = json.loads((FOLDER / "gold" / f"{name}.gold.json").read_text(encoding="utf-8"))
        out[name, "inferred"] = read((FOLDER / filename).read_bytes(), filename), gold
        out[name, "given"] = read((FOLDER / filename).read_bytes(), filename, edition=gold["edition"],
                                  region=gold["region"]), gold
    return out


def plain(value):
    """A field value compared loosely: case, accents, spacing and end punctuation aside."""
    if value is None or isinstance(value, bool):
        return value
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip(" .,;")


def matched_pairs(scorer, gold, events):
    dated = [e for e in events if e["start_date"]]
    pairs, _ = scorer.match(gold["events"], dated)
    return [(gold["events"][i], dated[j]) for i, j in pairs]


@pytest.mark.parametrize("name", list(DOCUMENTS))
@pytest.mark.parametrize("given", ["inferred", "given"])
def test_unseen_layout_meets_the_quality_bar(parsed, scorer, name, given):
    result, gold = parsed[name, given]
    score = scorer.score(gold, result.events_as_dicts())
    assert score["f1"] >= 0.9, score
    assert score["commune_accuracy"] >= 0.95, score
    assert score["end_date_accuracy"] >= 0.95, score
    assert (result.edition, result.region) == (gold["edition"], gold["region"])


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_unseen_layout_fields_stated_by_the_reference(parsed, scorer, name):
    result, gold = parsed[name, "inferred"]
    wrong = []
    for expected, found in matched_pairs(scorer, gold, result.events_as_dicts()):
        for field in CHECKED_FIELDS:
            if field in expected and plain(expected[field]) != plain(found[field]):
                wrong.append((expected["title"], field, expected[field], found[field]))
    assert not wrong, wrong


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_unseen_layout_dates_that_are_not_events_give_no_event(parsed, name):
    result, gold = parsed[name, "inferred"]
    starts = {e.start_date for e in result.events}
    assert not starts & set(NOT_EVENTS[name])
    undated = [e.title for e in result.events if not e.start_date]
    assert len(undated) == len([o for o in gold.get("optional", []) if not o.get("start")]), undated


@pytest.mark.parametrize("name", [n for n in DOCUMENTS if n != "pays-de-la-loire"])
def test_unseen_layout_figures_are_offered_with_their_territory_and_year(parsed, name):
    result, gold = parsed[name, "inferred"]
    for expected in gold.get("figures", []):
        found = [f for f in result.figures if f.indicator == expected["indicator"] and f.value == expected["value"]]
        assert found, (expected, result.figures)
        for key in ("territory_level", "territory_code", "qualifier", "year"):
            if key in expected:
                assert getattr(found[0], key) == expected[key], (key, expected, found[0])


def test_figure_split_by_dont_gives_the_whole_to_france_and_the_part_to_the_region(parsed):
    figures = parsed["occitanie", "inferred"][0].figures
    by_value = {f.value: f for f in figures if f.indicator == "prix_ess_applicants"}
    assert (by_value[180].territory_code, by_value[35].territory_code) == ("FR", "76")


def test_figure_without_a_year_takes_the_edition_and_says_so(parsed):
    figures = parsed["occitanie", "inferred"][0].figures
    assert all(f.year == 2021 and "édition" in f.note for f in figures)
    sourced = [f for f in parsed["presse", "inferred"][0].figures if f.indicator == "employees"]
    assert sourced[0].year == 2020 and not sourced[0].note


def test_pipe_rows_are_cut_into_time_commune_title_and_organiser(parsed):
    events = parsed["pays-de-la-loire", "inferred"][0].events
    assert not any("|" in e.title for e in events)
    assert [e.commune_name for e in events] == ["Nantes", "Angers", None, "Le Mans", "La Roche-sur-Yon"]
    assert events[0].address == "8 rue de Saint-Domingue"


def test_commune_before_a_dash_is_not_part_of_the_title(parsed):
    events = parsed["bretagne", "inferred"][0].events
    assert not any(e.title.startswith(("Rennes", "Lorient")) for e in events)
    assert events[0].address == "39 rue de Dinan"
    assert events[1].address == "12 rue de Lanveur"


def test_when_where_line_above_the_title_is_not_the_title(parsed):
    events = [e for e in parsed["normandie", "inferred"][0].events if e.start_date]
    assert not any("|" in e.title for e in events)
    assert [(e.commune_name, e.start_time, e.end_time) for e in events] == [
        ("Caen", "18:00", "20:00"), ("Rouen", "09:30", "12:30"), ("Cherbourg-en-Cotentin", "10:00", "18:00"),
        (None, None, None)]
    assert events[3].online and events[0].venue == "Le Dôme" and events[0].price == "Entrée libre"


def test_entry_whose_date_is_to_be_confirmed_keeps_its_commune_out_of_its_title(parsed):
    undated = [e for e in parsed["normandie", "inferred"][0].events if not e.start_date]
    assert [(e.title, e.commune_name) for e in undated] == [("Visite de la recyclerie La Fabrik", "Évreux")]


def test_table_header_says_which_column_is_the_venue_and_which_the_organiser(parsed):
    events = parsed["bfc", "inferred"][0].events
    assert [(e.venue, e.organizer) for e in events][:2] == [
        ("Ressourcerie La Recyclade", "Emmaüs Besançon"), ("Cinéma Eldorado", "Collectif Alternatiba Dijon")]
    assert events[4].title == "Webinaire : créer une SCIC" and events[4].online and events[4].venue is None


def test_press_digest_titles_are_the_clauses_that_name_the_events(parsed):
    events = parsed["idf", "inferred"][0].events
    assert [e.title for e in events] == [
        "Soirée d'information sur l'énergie citoyenne", "Forum « Emploi et handicap dans l'ESS »",
        "Salon Made in Solidaire", "Remise des Prix de l'ESS Île-de-France"]
    assert (events[0].organizer, events[0].start_time, events[0].venue) == ("Enercoop", "19:00",
                                                                           "Maison des associations")
