"""Every page of app.py renders in Chromium with no network; a screenshot of each is saved."""

import pytest
from browsing import Offline, app_pages, screenshot, start_app, stop_app, wait_until_drawn

pytestmark = pytest.mark.browser

PAGES = app_pages()


def test_app_py_declares_pages_with_material_icons():
    assert len(PAGES) >= 6 and ("carte", "carte", "Carte des événements", ":material/map:") in PAGES
    assert [p for p in PAGES if p[0] == ""], "a default page, at /"
    # emoji need a font the reader may lack (empty boxes in Chromium without one); Streamlit bundles these
    assert all(icon and icon.startswith(":material/") for *_, icon in PAGES)


@pytest.mark.parametrize(("path", "name", "title", "icon"), PAGES, ids=[p[1] for p in PAGES])
def test_page_renders_without_exception_and_offline(offline, path, name, title, icon):
    page = offline.open(f"/{path}")
    wait_until_drawn(page)            # components (maps, charts) draw after the script
    screenshot(page, name)
    assert page.get_by_test_id("stException").count() == 0, page.get_by_test_id("stException").first.inner_text()
    assert page.get_by_role("dialog").count() == 0, page.get_by_role("dialog").first.inner_text()   # « Page not found »
    assert page.locator("h1").count() >= 1
    nav = page.get_by_test_id("stSidebarNav")
    assert title in nav.inner_text()
    assert nav.get_by_test_id("stIconMaterial").count() == len(PAGES)
    assert page.get_by_test_id("stAppDeployButton").count() == 0          # no developer toolbar for readers
    # nothing outside the app was needed: at most map tiles were asked for (and refused)
    assert all(url.startswith("https://tile.openstreetmap.org/") for url in offline.blocked), offline.blocked


def test_a_link_opened_first_after_start_shows_the_app_navigation(e2e_store, browser, tmp_path):
    # Streamlit runs a pages/ folder next to app.py in its old mode until app.py has run once
    # (webapp.ensure_navigation leaves that mode): a fresh server whose first request is a deep link
    process, base = start_app(e2e_store, tmp_path / "streamlit.log")
    session = Offline(browser, base)
    try:
        page = session.open("/carte?editions=2017")
        page.get_by_test_id("stMultiSelect").first.get_by_text("2017").wait_for(timeout=30_000)
        assert "Carte des événements" in page.get_by_test_id("stSidebarNav").inner_text()
        assert "editions=2017" in page.url
    finally:
        session.close()
        stop_app(process)


def test_accueil_typed_in_the_address_bar_leads_to_the_home_page(offline):
    page = offline.open("/accueil")
    page.get_by_role("heading", name="esscope", exact=True).wait_for(timeout=30_000)
    assert page.url.rstrip("/") == offline.base
    assert page.get_by_role("dialog").count() == 0       # no « Page not found »
