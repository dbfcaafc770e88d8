"""Reviewing a programme read before saving it: the reader's doubts first, edits kept, places to situate."""

import pandas as pd

from esscope import review
from esscope.parse.model import Event


def events(*confidences_and_warnings) -> list:
    out = []
    for position, (confidence, warnings) in enumerate(confidences_and_warnings):
        event = Event(title=f"Événement {position}", start_date="2017-11-07", confidence=confidence,
                      warnings=list(warnings), position=position, venue=f"Salle {position}")
        event.id = f"e{position}"
        out.append(event.as_dict())
    return out


def test_least_sure_events_come_first_with_the_reason_beside_them():
    table = review.review_table(events((1.0, []), (0.4, ["commune ambiguë", "heure absente"]), (0.7, ["date déduite"]),
                                       (0.4, ["titre coupé"])))
    assert list(table["id"]) == ["e1", "e3", "e2", "e0"]          # equal confidences keep the document's order
    assert list(table["warnings"]) == ["commune ambiguë ; heure absente", "titre coupé", "date déduite", ""]
    assert table["include"].all() and review.low_confidence(table) == 2
    assert list(table[review.SHOWN_COLUMNS].columns[:3]) == ["include", "confidence", "warnings"]


def test_reviewed_events_keep_the_edits_and_drop_what_was_unticked():
    table = review.review_table(events((1.0, []), (0.4, ["commune ambiguë"])))
    edited = table[review.SHOWN_COLUMNS].copy()
    edited.loc[table["id"] == "e0", "title"] = "Titre corrigé"
    edited.loc[table["id"] == "e1", "include"] = False
    saved = review.reviewed_events(table, edited)
    assert [(e["id"], e["title"]) for e in saved] == [("e0", "Titre corrigé")]
    assert saved[0]["warnings"] == [] and saved[0]["co_organizers"] == [] and saved[0]["end_date"] is None
    kept_doubt = review.reviewed_events(table, table[review.SHOWN_COLUMNS])
    assert kept_doubt[0]["warnings"] == ["commune ambiguë"]


def test_places_to_situate_are_the_kept_on_site_events_without_a_commune_once_each():
    table = review.review_table(events((1.0, []), (1.0, []), (1.0, []), (1.0, [])))
    table["venue"] = ["Garage Solidaire", "Garage Solidaire", "En ligne", "Salle X"]
    table.loc[table["id"] == "e2", "online"] = True
    table.loc[table["id"] == "e3", "commune_code"] = "59350"
    places = review.places_to_locate(table)
    assert places == [{"venue": "Garage Solidaire", "commune_name": "", "address": "", "name": "Garage Solidaire"}]
    located = review.place_located(table, places[0], "62498")
    assert list(located["commune_code"]) == ["62498", "62498", None, "59350"]
    table["include"] = False
    assert review.places_to_locate(table) == []


def test_commune_options_keep_only_communes():
    found = pd.DataFrame({"level": ["epci", "commune"], "code": ["200093201", "59350"],
                          "label": ["Métropole Européenne de Lille (EPCI, 200093201)", "Lille (commune, Nord, 59350)"]})
    assert review.commune_options(found) == {"59350": "Lille (commune, Nord, 59350)"}


def test_cited_figures_are_offered_unticked_and_only_ticked_ones_are_kept():
    figures = [{"indicator": "employees", "value": 52000.0, "unit": "count", "text": "52 000 salariés",
                "qualifier": "", "territory_level": "department", "territory_code": "59", "territory_name": "Nord",
                "year": 2017, "note": ""}]
    table = review.figures_table(figures)
    assert list(table.columns) == review.FIGURE_COLUMNS and not table["keep"].any()
    assert review.kept_figures(table) == []
    table["keep"] = True
    [kept] = review.kept_figures(table)
    assert kept["value"] == 52000.0 and kept["scope"] == "" and "keep" not in kept


def test_the_review_grid_shows_a_missing_text_as_an_empty_cell_and_gives_it_back_missing():
    frame = pd.DataFrame({"title": ["Forum", None], "end_time": [None, "18:00"], "confidence": [0.9, None]})
    shown = review.for_editor(frame)
    assert shown["end_time"].tolist() == ["", "18:00"] and shown["title"].tolist() == ["Forum", ""]
    back = review.from_editor(shown)
    assert back["end_time"].isna().tolist() == [True, False] and back["title"].isna().tolist() == [False, True]
    assert back["confidence"].isna().tolist() == [False, True]      # numbers are left as they are
