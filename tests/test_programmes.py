"""The real programmes of ../shared/programmes, read in place and scored against their hand-labelled
reference with ../shared/tools/score_events.py: the quality bar of the issue."""

import json

import pytest

PROGRAMMES = ["mel-2017", "lens-lievin-2024", "occitanie-2021", "artois-2014", "hdf-portal-2017", "boulogne-2010",
              "fresnes-2021", "la-rochelle-2013", "montaigu-festisol-2021", "paris-social-fest-2018",
              "seine-saint-denis-2016"]
# documents that write no year anywhere (nor weekdays that would fit only one): their edition must be given
NO_YEAR = {"artois-2014", "seine-saint-denis-2016"}


def score(shared, scorer, read, name, **kwargs):
    folder = shared / "programmes"
    gold = json.loads((folder / f"{name}.gold.json").read_text(encoding="utf-8"))
    result = read((folder / f"{name}.txt").read_bytes(), f"{name}.txt", **kwargs)
    return scorer.score(gold, result.events_as_dicts()), result, gold


@pytest.mark.parametrize("name", PROGRAMMES)
@pytest.mark.parametrize("given", [True, False], ids=["with-region", "inferred"])
def test_real_programme_meets_the_quality_bar(shared, scorer, read, name, given):
    gold = json.loads((shared / "programmes" / f"{name}.gold.json").read_text(encoding="utf-8"))
    if not given and name in NO_YEAR:
        pytest.skip("the document writes no year: its edition is given, as its reference says")
    kwargs = {"region": gold["region"], "edition": gold["edition"]} if given else {}
    result, parsed, _ = score(shared, scorer, read, name, **kwargs)
    assert result["f1"] >= 0.90, result
    assert result["commune_accuracy"] >= 0.90, result
    assert result["end_date_accuracy"] >= 0.90, result
    assert parsed.edition == gold["edition"]


@pytest.mark.parametrize("name", sorted(NO_YEAR))
def test_a_document_without_a_year_says_so_rather_than_guessing_silently(shared, read, name):
    parsed = read((shared / "programmes" / f"{name}.txt").read_bytes(), f"{name}.txt")
    assert any("aucune année" in w and "--edition" in w for w in parsed.warnings)


def test_confidence_means_something_on_the_shared_programmes(shared, scorer, read):
    """Events read at confidence 0.8 or more are right at least 90 % of the time (the README gives the figure)."""
    sure = right = total = 0
    for name in PROGRAMMES:
        _, parsed, gold = score(shared, scorer, read, name, edition=json.loads(
            (shared / "programmes" / f"{name}.gold.json").read_text(encoding="utf-8"))["edition"])
        dated = [e for e in parsed.events_as_dicts() if e["start_date"]]
        _, used = scorer.match(gold["events"], dated)
        rest = [j for j in range(len(dated)) if j not in used]
        optional, _ = scorer.match(gold.get("optional", []), [dated[j] for j in rest])
        good = used | {rest[j] for _, j in optional}
        total += len(dated)
        sure += sum(1 for e in dated if e["confidence"] >= 0.8)
        right += sum(1 for j, e in enumerate(dated) if e["confidence"] >= 0.8 and j in good)
    assert sure >= total / 2 and right / sure >= 0.9


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
