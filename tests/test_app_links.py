"""Links to a page (its state in the URL): what a link asks that the page does not understand is said."""

import pytest


@pytest.mark.parametrize(("page", "query", "said"), [
    ("rapport.py", {"region": "99"}, "region=99"),
    ("rapport.py", {"edition": "1999"}, "edition=1999"),
    ("carte.py", {"region": "zz", "vue": "satellite"}, "vue=satellite"),
    ("territoires.py", {"territoire": "planete:3"}, "territoire=planete:3"),
    ("editions.py", {"regoin": "32"}, "« regoin »"),
])
def test_a_link_not_understood_says_so_then_shows_the_default_view(run_page, events_store, page, query, said):
    at = run_page(page, events_store, query)
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning).replace("\\", "")     # as shown, without markdown escapes
    assert "Le lien n'a pas été entièrement compris" in warnings and said in warnings


def test_a_link_fully_understood_says_nothing(run_page, events_store):
    at = run_page("rapport.py", events_store, {"region": "32", "edition": "2017"})
    assert not at.warning
