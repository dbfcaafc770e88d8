"""Every page at desktop (1440×900) and phone (390×844) sizes: drawn in full, screenshot saved under
test-output/screenshots, no serious or critical accessibility violation (axe-core), French only, its own
tab title, the document declared French, no chart text cut at the chart's edge or fainter than 4.5:1, and
nothing wider than a phone's screen."""

import re

import pytest
from browsing import (
    ENGLISH,
    SIZES,
    Offline,
    app_pages,
    audit,
    clipped_chart_texts,
    faint_chart_texts,
    horizontal_overflow,
    screenshot,
    wait_until_drawn,
)
from browsing import words_met as read_words

pytestmark = pytest.mark.browser

PAGES = app_pages()
VIEWS = [(path, name, title, size) for path, name, title, _ in PAGES for size in SIZES]


@pytest.fixture(scope="module")
def sessions(app, browser):
    """One offline browser context per size, shared by the pages."""
    opened = {size: Offline(browser, app, viewport) for size, viewport in SIZES.items()}
    yield opened
    for session in opened.values():
        session.close()
        assert session.dialogs == []


@pytest.mark.parametrize(("path", "name", "title", "size"), VIEWS, ids=[f"{v[1]}-{v[3]}" for v in VIEWS])
def test_page_is_french_accessible_and_fits(sessions, path, name, title, size):
    page = sessions[size].open(f"/{path}")
    wait_until_drawn(page)
    screenshot(page, f"{name}-{size}")
    assert page.get_by_test_id("stException").count() == 0
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert page.title() == f"{title} · esscope"
    words = read_words(page)
    english = [w for w in ENGLISH if re.search(rf"(?<![\w/]){re.escape(w)}(?!\w)", words)]
    assert not english, english
    violations = audit(page)
    assert not violations, violations
    assert clipped_chart_texts(page) == []
    assert faint_chart_texts(page) == []
    if size == "telephone":
        assert horizontal_overflow(page) <= 0
