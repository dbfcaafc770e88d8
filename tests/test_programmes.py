"""The real programmes of ../shared/programmes, read in place and scored against their hand-labelled
reference with ../shared/tools/score_events.py: the quality bar of the issue."""

import json

import pytest

PROGRAMMES = ["mel-2017", "lens-lievin-2024"]


def score(shared, scorer, read, name, **kwargs):
    folder = shared / "programmes"
    gold = json.loads((folder / f"{name}.gold.json").read_text(encoding="utf-8"))
    result = read((folder / f"{name}.txt").read_bytes(), f"{name}.txt", **kwargs)
    return scorer.score(gold, result.events_as_dicts()), result, gold


@pytest.mark.parametrize("name", PROGRAMMES)
@pytest.mark.parametrize("given", [True, False], ids=["with-region", "inferred"])
def test_real_programme_meets_the_quality_bar(shared, scorer, read, name, given):
    gold = json.loads((shared / "programmes" / f"{name}.gold.json").read_text(encoding="utf-8"))
    kwargs = {"region": gold["region"], "edition": gold["edition"]} if given else {}
    result, parsed, _ = score(shared, scorer, read, name, **kwargs)
    assert result["f1"] >= 0.90, result
    assert result["commune_accuracy"] >= 0.95, result
    assert result["end_date_accuracy"] >= 0.95, result
    assert (parsed.edition, parsed.region) == (gold["edition"], gold["region"])


def test_undated_initiatives_come_out_undated_and_flagged(shared, scorer, read):
    _result, parsed, gold = score(shared, scorer, read, "lens-lievin-2024")
    undated = [e for e in parsed.events if not e.start_date]
    assert len(undated) == len([o for o in gold["optional"] if not o.get("start")])
    assert all(any("date à préciser" in w for w in e.warnings) for e in undated)


def test_weekday_contradicting_its_date_is_kept_and_flagged_in_the_real_programme(shared, scorer, read):
    _, parsed, _ = score(shared, scorer, read, "lens-lievin-2024")
    closing = [e for e in parsed.events if e.start_date == "2024-12-19"]
    assert len(closing) == 1 and any("ne correspond pas" in w for w in closing[0].warnings)


def test_brochure_footers_and_sponsor_boxes_are_not_events(shared, scorer, read):
    result, parsed, _ = score(shared, scorer, read, "mel-2017")
    assert result["false_positives"] == 0
    assert not any("acteur de l" in (e.description or "") for e in parsed.events)


def test_figures_of_the_brochure_are_offered_with_their_territory(shared, read):
    parsed = read((shared / "programmes" / "mel-2017.txt").read_bytes(), "mel-2017.txt")
    employees = [f for f in parsed.figures if f.indicator == "employees"]
    assert employees and employees[0].value == 52000
    assert employees[0].territory_code == "200093201"
