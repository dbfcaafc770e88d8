"""An event titled with a link (and a theme and a type that are links too) shows in the charts of the
Éditions and Rapport pages as text, letter for letter, with no link element anywhere in them."""

import datetime as dt
import shutil

import pytest
from browsing import Offline, screenshot, start_app, stop_app, wait_until_drawn

from esscope import store

pytestmark = pytest.mark.browser

LINK = 'T <a href="https://evil.example/">lien</a>'

# every link of the page's charts (Plotly draws <a xlink:href> in its SVG) to the injected address
LINKS_IN_CHARTS = """() => [...document.querySelectorAll('.js-plotly-plot *')].filter(
    el => el.localName === 'a' || [...el.attributes].some(a => a.localName === 'href')).filter(
    el => [...el.attributes].some(a => a.value.includes('evil.example'))).map(el => el.outerHTML)"""
CHART_TEXTS = "() => [...document.querySelectorAll('.js-plotly-plot text')].map(t => t.textContent)"


@pytest.fixture(scope="module")
def link_app(events_store, browser, tmp_path_factory):
    """The app on the test events plus one event over three days whose title, theme and type are a link."""
    folder = tmp_path_factory.mktemp("chart-text")
    path = folder / "esscope.duckdb"
    shutil.copyfile(events_store, path)
    with store.writing(path) as con:
        con.execute("""INSERT INTO events (id, source_id, position, edition, region_code, start_date, end_date,
                       title, theme, kind, commune_code, online, organizer, confidence)
                       VALUES ('test:link', 'test:programme', 98, 2017, '32', ?, ?, ?, ?, ?, '59350', false,
                               'Test', 0.9)""", [dt.date(2017, 11, 8), dt.date(2017, 11, 10), LINK, LINK, LINK])
    process, base = start_app(path, folder / "streamlit.log")
    session = Offline(browser, base)
    yield session
    session.close()
    stop_app(process)


def chart_texts(page) -> list:
    wait_until_drawn(page)                    # every chart of the page drawn
    return page.evaluate(CHART_TEXTS)


@pytest.mark.parametrize(("path", "charts"), [
    ("/editions?edition=2017&onglet=edition", "gantt"),
    ("/editions?a=2017&b=2017&onglet=comparaison", "thèmes et types comparés"),
    ("/rapport?region=32&edition=2017", "événements par thème et par type"),
])
def test_a_link_in_a_title_theme_or_type_is_shown_as_text_in_the_charts(link_app, path, charts):
    page = link_app.open(path)
    if "onglet=edition" in path:                     # the Gantt chart is made when its section is opened
        wait_until_drawn(page)
        page.get_by_text("Événements sur plusieurs jours").click()
        page.locator("[data-testid=stPlotlyChart] .annotation", has_text="evil.example").first.wait_for()
    texts = chart_texts(page)
    screenshot(page, "liens-graphiques-" + path.strip("/").split("?")[0] + "-" + charts.split()[0])
    assert page.evaluate(LINKS_IN_CHARTS) == []
    shown = [t for t in texts if "evil.example" in t]
    assert shown and all(LINK in t for t in shown), (charts, shown)
    assert link_app.dialogs == []
