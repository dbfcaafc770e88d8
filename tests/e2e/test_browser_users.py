"""What the first browser pass found, as a user meets it: in Chromium, offline, at desktop size."""

import re

import pytest
from browsing import ENGLISH, SIZES, STAFF_PASSWORD, Offline, screenshot, wait_until_drawn, words_met

pytestmark = pytest.mark.browser


@pytest.fixture
def desktop(app, browser):
    session = Offline(browser, app, SIZES["bureau"])
    yield session
    session.close()
    assert session.dialogs == []


def test_the_first_click_on_a_marker_below_the_fold_opens_its_commune(desktop):
    # at 1440×900 the map runs below the fold: Leaflet's focus used to scroll the page under the pointer
    page = desktop.open("/carte?editions=2024")
    wait_until_drawn(page)
    frame = desktop.map_frame()
    marker = frame.locator(".esscope-commune").first
    box = marker.bounding_box()
    iframe = page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
    assert iframe["y"] + iframe["height"] > 900 and box["y"] + box["height"] < 900, (iframe, box)  # map cut, marker seen
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.get_by_role("heading", name="Événements à").wait_for(timeout=30_000)
    page.wait_for_url(re.compile(r"choix=\d{5}"), timeout=30_000)


def test_siblings_bars_show_every_commune_the_map_colours(desktop):
    page = desktop.open("/territoires?territoire=commune:59599")
    wait_until_drawn(page)
    screenshot(page, "territoires-tourcoing")
    chart = page.get_by_test_id("stPlotlyChart").nth(1)
    bars = chart.locator(".yaxislayer-above text").evaluate_all("els => els.map(e => e.textContent)")
    assert set(bars) == {"Lille", "Roubaix", "Tourcoing"}
    page.get_by_role("tab", name="Carte", exact=True).click()
    coloured = desktop.map_frame().evaluate("""() => {
        let n = 0;
        map_div.eachLayer(l => { if (l.feature && l.feature.properties.fill) n += 1; });
        return n;
    }""")
    assert coloured == 3


def test_editions_under_a_filter_with_few_events_explains_itself(desktop):
    page = desktop.open("/editions?region=76&onglet=regions")
    wait_until_drawn(page)
    text = page.get_by_test_id("stMain").inner_text()
    assert ": ." not in text and "Aucun événement des programmes importés ne correspond à ces filtres" in text
    page.get_by_role("tab", name="Une édition").click()
    page.get_by_text("Aucun événement daté en novembre").first.wait_for()
    wait_until_drawn(page)
    screenshot(page, "editions-occitanie")
    text = page.get_by_test_id("stMain").inner_text()
    assert "−0,4" not in text and "-0.4" not in text and ": ." not in text


def test_france_wide_map_shows_the_overseas_departements_as_insets(desktop):
    page = desktop.open("/carte?vue=departements")
    wait_until_drawn(page)
    screenshot(page, "carte-departements-outre-mer")
    seen = desktop.map_frame().evaluate("""() => {
        const view = map_div.getBounds(), names = [];
        map_div.eachLayer(l => {
            if (l.feature && l.feature.properties.tip && view.intersects(l.getBounds())) names.push(l.feature.properties.tip);
        });
        return names.join(' ');
    }""")
    for name in ("Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte"):
        assert name in seen, name


def test_the_uploader_speaks_french_before_and_after_a_file_is_chosen(desktop, tmp_path):
    page = desktop.open("/import")
    wait_until_drawn(page)
    page.get_by_label("Mot de passe", exact=True).fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    uploader = page.get_by_test_id("stFileUploader").first
    uploader.wait_for()
    wait_until_drawn(page)
    # the reader's own bound (esscope.limits.PROGRAMME_BYTES), in French
    assert "20\u00a0Mo par fichier" in uploader.inner_text() and "200" not in uploader.inner_text()
    programme = tmp_path / "programme.txt"
    programme.write_text("Mardi 14 novembre 2023, Lille : atelier du réemploi\n" * 60, encoding="utf-8")
    page.locator("input[type=file]").first.set_input_files(programme)
    page.get_by_role("button", name="Retirer programme.txt").wait_for()
    wait_until_drawn(page)
    screenshot(page, "import-fichier-choisi")
    text = uploader.inner_text()
    assert "3,2\u00a0Ko" in text, text     # Streamlit counts 1 000 bytes to the kilo
    words = words_met(page)
    assert [w for w in ENGLISH if re.search(rf"(?<![\w/]){re.escape(w)}(?!\w)", words)] == []
    assert "Ajouter des fichiers" in words
