"""The « Carte des événements » page in Chromium with no network: markers and clusters, filters and
their URL, a commune's events on click, hostile titles, and the downloads."""

import csv
import io
import json
import re

import icalendar
import openpyxl
import pytest
from browsing import HOSTILE, HOSTILE_COMMUNE, screenshot

from esscope import store
from esscope.filters import EventFilter, filtered_events

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def events(e2e_store):
    """The events of the test store for a filter: `events(text="Forum")`."""
    con = store.connect(e2e_store)
    yield lambda **kw: filtered_events(con, EventFilter(**kw))
    con.close()


def position(events, code):
    row = events()[lambda e: e["commune_code"] == code].iloc[0]
    return float(row["lat"]), float(row["lon"])


def wait_for_metric(offline, label, value, timeout=30_000):
    """Wait until the page has run again and its metric `label` shows `value`."""
    offline.page.wait_for_function("""([label, value]) => {
        const app = document.querySelector('[data-testid=stApp]');
        if (app.dataset.testScriptState !== 'notRunning') return false;
        const box = [...document.querySelectorAll('[data-testid=stMetric]')].find(
            m => m.querySelector('[data-testid=stMetricLabel]').innerText.trim() === label);
        return !!box && parseInt(box.querySelector('[data-testid=stMetricValue]').innerText.replace(/\\D/g, ''), 10) === value;
    }""", arg=[label, value], timeout=timeout)


def test_map_draws_offline_one_marker_per_commune_clustered(offline, events):
    offline.open("/carte")
    frame = offline.map_frame()
    shown = offline.map_markers()
    located = events().dropna(subset=["commune_code", "lat"])
    assert shown["markers"] + shown["clusters"] >= 2
    assert shown["events"] == len(located) == offline.metric("Événements") - offline.metric("En ligne ou sans commune")
    assert offline.metric("Communes") == located["commune_code"].nunique()
    assert frame.locator(".leaflet-overlay-pane path, .leaflet-overlay-pane canvas").count() >= 1   # outlines
    assert all(url.startswith("https://tile.openstreetmap.org/") for url in offline.blocked), offline.blocked
    screenshot(offline.page, "carte-marqueurs")


def test_filter_change_updates_map_count_and_url(offline, events):
    page = offline.open("/carte")
    before = offline.map_markers()
    expected = len(events(text="Forum"))
    assert 0 < expected < offline.metric("Événements")
    page.get_by_label("Recherche").fill("Forum")
    page.get_by_label("Recherche").press("Enter")
    wait_for_metric(offline, "Événements", expected)
    after = offline.map_markers()
    assert after["events"] == expected and after != before
    assert "text=Forum" in page.url


def test_link_with_parameters_restores_the_view(offline, events):
    page = offline.open("/carte?editions=2024&vue=departements&par_habitant=oui")
    assert offline.metric("Événements") == len(events(editions=[2024]))
    assert "2024" in page.get_by_test_id("stMultiSelect").first.inner_text()
    assert page.get_by_role("radio", name="Carte des départements").is_checked()
    assert page.get_by_role("switch", name="Pour 10 000 habitants").is_checked()
    legend = offline.map_frame().locator(".esscope-legend").inner_text()
    assert "Événements pour 10 000 habitants" in legend and "0" in legend
    screenshot(page, "carte-departements")


def test_commune_choropleth_of_a_region_from_the_url_and_its_click(offline, events):
    page = offline.open("/carte?region=32&vue=communes")
    frame = offline.map_frame()
    assert "Nombre d'événements" in frame.locator(".esscope-legend").inner_text()
    assert page.get_by_test_id("stException").count() == 0
    screenshot(page, "carte-communes")
    offline.click_map_at(*position(events, "62498"))
    page.get_by_role("heading", name="Événements à Lens").wait_for(timeout=30_000)
    page.wait_for_url(re.compile(r"choix=62498"), timeout=30_000)
    assert "vue=communes" in page.url


def test_click_on_a_commune_lists_its_events_under_the_map(offline, events):
    page = offline.open("/carte?editions=2024")
    offline.click_map_at(*position(events, "62498"))
    page.get_by_role("heading", name="Événements à Lens").wait_for(timeout=30_000)
    page.wait_for_url(re.compile(r"choix=62498"), timeout=30_000)
    page.get_by_test_id("stDataFrame").first.wait_for(timeout=30_000)     # the list may come a run later
    popup = offline.map_frame().locator(".leaflet-popup-content").inner_text()
    assert "Lens (62498) : 1 événement" in popup and "mardi 5 novembre 2024, 9 h" in popup
    screenshot(page, "carte-commune-choisie")


def test_hostile_titles_show_their_characters_and_run_nothing(offline, events):
    # the search « onerror » keeps the two hostile events: in Lille and in Arras
    page = offline.open("/carte?text=onerror")
    assert offline.metric("Événements") == len(events(text="onerror")) == 2
    code, name = HOSTILE_COMMUNE
    offline.click_map_at(*position(events, code))
    page.get_by_role("heading", name=f"Événements à {name}").wait_for(timeout=30_000)
    frame = offline.map_frame()
    popup = frame.locator(".leaflet-popup-content")
    text = popup.inner_text()
    for piece in ("<img src=x onerror=alert(1)>", "</script>", "`${alert(2)}`", "'simple' \"double\"", "fin"):
        assert text.count(piece) == 2, (piece, text)        # title and venue, as text
    assert popup.locator("img, script").count() == 0
    lille = events(text="onerror")[lambda e: e["commune_code"] == "59350"].iloc[0]
    offline.click_map_at(float(lille["lat"]), float(lille["lon"]))
    page.get_by_role("heading", name="Événements à Lille").wait_for(timeout=30_000)
    assert "<img src=x onerror=alert(1)>" in offline.map_frame().locator(".leaflet-popup-content").inner_text()
    assert offline.map_frame().locator(".leaflet-popup-content img").count() == 0
    # an image that fails to load, asked for after the titles were shown: once it has failed, any image the
    # titles had slipped into the page or the map would have failed too, and its handler run
    assert page.evaluate(FAILED_IMAGE) and offline.map_frame().evaluate(FAILED_IMAGE)
    assert offline.dialogs == []
    screenshot(page, "carte-titres-hostiles")


FAILED_IMAGE = """() => new Promise(done => {
    const image = new Image();
    image.onerror = () => done(true);
    image.onload = () => done(false);
    image.src = 'x?esscope=' + Math.random();
})"""


def download(page, label):
    with page.expect_download() as info:
        page.get_by_test_id("stDownloadButton").filter(has_text=label).click()
    return info.value.path().read_bytes()


def test_downloads_are_files_that_open(offline, events):
    page = offline.open("/carte?editions=2017")
    expected = events(editions=[2017])

    raw = download(page, "CSV")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert "Titre" in rows[0] and len(rows) - 1 == len(expected)
    assert HOSTILE in [r[rows[0].index("Titre")] for r in rows[1:]]

    book = openpyxl.load_workbook(io.BytesIO(download(page, "XLSX")), read_only=True)
    assert book.sheetnames[0] == "Événements" and "Filtres appliqués" in book.sheetnames
    assert book["Événements"].max_row - 1 == len(expected)
    assert any("2017" in str(c.value) for row in book["Filtres appliqués"].iter_rows() for c in row)

    calendar = icalendar.Calendar.from_ical(download(page, "ICS"))
    summaries = [str(e.get("SUMMARY")) for e in calendar.walk("VEVENT")]
    assert len(summaries) == expected["start_date"].notna().sum() and HOSTILE in summaries

    collection = json.loads(download(page, "GeoJSON"))
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == len(expected)
    points = [f for f in collection["features"] if f["geometry"]]
    assert points and all(re.fullmatch(r"-?\d+\.\d+", str(c)) for f in points for c in f["geometry"]["coordinates"])


def test_zooming_and_panning_the_map_does_not_rerun_the_page(offline):
    page = offline.open("/carte")
    frame = offline.map_frame()
    # count what the page sends to the server from now on (a click on a commune sends one message)
    page.evaluate("""() => { window.esscopeSent = 0; const send = WebSocket.prototype.send;
                           WebSocket.prototype.send = function (d) { window.esscopeSent++; return send.call(this, d); }; }""")
    # streamlit-folium answers a map's moves 250 ms after the last one (debounced), in a function that reads
    # the names of the objects it may send back: note when the map last moved and when that function last
    # ran, and count the values it hands to Streamlit
    frame.evaluate("""() => {
        const data = window.__GLOBAL_DATA__, names = data.returned_objects;
        window.esscopeMoved = window.esscopeAnswered = window.esscopeValues = 0;
        map_div.on('moveend', () => { window.esscopeMoved = performance.now(); });
        Object.defineProperty(data, 'returned_objects', {get() { window.esscopeAnswered = performance.now(); return names; }});
        const set = Streamlit.setComponentValue;
        Streamlit.setComponentValue = function (value) { window.esscopeValues++; return set.call(this, value); };
    }""")
    frame.locator(".leaflet-control-zoom-in").click()
    frame.locator("#map_div").drag_to(frame.locator("#map_div"), source_position={"x": 300, "y": 200},
                                      target_position={"x": 500, "y": 300})
    offline.map_frame()                                                 # the map has stopped moving
    frame.wait_for_function("() => window.esscopeMoved > 0 && window.esscopeAnswered > window.esscopeMoved")
    assert frame.evaluate("() => window.esscopeValues") == 0
    assert page.evaluate("() => window.esscopeSent") == 0
