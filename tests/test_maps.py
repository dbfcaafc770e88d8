"""Maps: escaping, offline assets, markers, choropleths and clicks, without Streamlit."""

import datetime as dt
import html
import json
import re

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from esscope import assets, escaping, maps, markers, queries, store
from esscope.filters import EventFilter
from esscope.shapes import to_geodataframe, to_geojson

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "`${alert(1)}`",
    "${alert(1)}",
    "l'été \"à la ferme\"",
    "ligne\u2028séparée\u2029fin",
    "retour\nà la ligne\r",
    "barre \\' oblique \\",
    "<!-- commentaire",
]


def render(m: folium.Map) -> str:
    return m.get_root().render()


def events_frame(rows) -> pd.DataFrame:
    """filtered_events-like rows: (commune_code, commune_name, lat, lon, start, title, venue)."""
    frame = pd.DataFrame(rows, columns=["commune_code", "commune_name", "lat", "lon", "start_date", "title", "venue"])
    frame["start_date"] = pd.to_datetime(frame["start_date"])
    frame["end_date"] = pd.NaT
    frame["start_time"] = None
    return frame


# --------------------------------------------------------------------------- safe_text

@pytest.mark.parametrize("text", HOSTILE)
def test_safe_text_leaves_no_character_that_html_or_javascript_would_read(text):
    out = escaping.safe_text(text)
    for ch in "<>\"'`$\\\n\r\u2028\u2029":
        assert ch not in out


@pytest.mark.parametrize("text", HOSTILE)
def test_safe_text_shows_the_original_characters(text):
    assert html.unescape(escaping.safe_text(text)) == text


def test_safe_text_of_missing_values_is_empty():
    for value in (None, float("nan"), pd.NA, pd.NaT):
        assert escaping.safe_text(value) == ""


def test_safe_text_drops_control_characters_but_keeps_tabs():
    assert escaping.safe_text("a\x00b\x1bc\td") == "abc\td"


def test_safe_text_makes_folium_tooltip_template_literal_inert():
    # folium puts tooltip text inside a JavaScript template literal: `${...}` would run there
    m = folium.Map(tiles=None)
    folium.Marker([50, 3], tooltip=escaping.safe_text("`${alert(1)}` </script>")).add_to(m)
    page = render(m)
    assert "${alert" not in page and "`${" not in page
    assert page.count("</script>") == page.count("<script")


def test_script_json_cannot_close_the_script_and_reads_back_the_same():
    value = {"t": "</script><!-- \u2028 ' \""}
    text = escaping.to_script_json(value)
    assert "</" not in text and "<!--" not in text and "\u2028" not in text
    assert json.loads(text) == value


# --------------------------------------------------------------------------- markers

def test_popup_shows_script_title_as_text():
    title = "<img src=x onerror=alert(1)></script>`${alert(1)}`\u2028'\""
    rows = markers.marker_rows(events_frame([("59350", "Lille", 50.63, 3.06, "2017-11-07", title, title)]))
    _, shown_title, venue = rows[0][5][0]
    assert html.unescape(shown_title) == title and html.unescape(venue) == title
    page = render(maps.events_map({"rows": rows, "bounds": None}))
    assert "<img" not in page and "${alert" not in page and "\u2028" not in page
    assert page.count("</script>") == page.count("<script")


def test_hostile_commune_name_is_escaped_in_tooltip():
    rows = markers.marker_rows(events_frame([("59350", "<b>Lille</b>", 50.63, 3.06, "2017-11-07", "Forum", None)]))
    assert rows[0][3:5] == ["&lt;b&gt;Lille&lt;/b&gt;", "59350"]


def test_one_marker_per_commune_with_its_count_most_first():
    rows = markers.marker_rows(events_frame([
        ("62498", "Lens", 50.43, 2.83, "2024-11-05", "A", None),
        ("59350", "Lille", 50.63, 3.06, "2017-11-07", "B", "Gare"),
        ("59350", "Lille", 50.63, 3.06, "2017-11-08", "C", None),
    ]))
    assert [r[2:5] for r in rows] == [[2, "Lille", "59350"], [1, "Lens", "62498"]]


def test_popup_lines_give_french_date_title_and_venue():
    frame = events_frame([("59350", "Lille", 50.63, 3.06, "2017-11-07", "Forum", "Gare Saint-Sauveur")])
    frame["start_time"] = "14:30"
    assert markers.marker_rows(frame)[0][5] == [["mardi 7 novembre 2017, 14 h 30", "Forum", "Gare Saint-Sauveur"]]


def test_multi_day_event_shows_its_period():
    frame = events_frame([("59350", "Lille", 50.63, 3.06, "2017-11-14", "Salon", None)])
    frame["end_date"] = pd.to_datetime(["2017-11-16"])
    assert markers.marker_rows(frame)[0][5][0][0] == "du mardi 14 au jeudi 16 novembre 2017"


def test_popup_lists_twenty_events_then_says_how_many_more():
    frame = events_frame([("59350", "Lille", 50.63, 3.06, f"2017-11-{d % 28 + 1:02d}", f"E{d}", None)
                          for d in range(25)])
    row = markers.marker_rows(frame)[0]
    assert len(row[5]) == 20 and row[6] == "et 5 autres"


def test_popups_shrink_then_go_when_too_many_events_for_the_page():
    assert markers.listing_cap([3] * 100, budget=12_000) == 20
    assert markers.listing_cap([30] * 1000, budget=12_000) == 10
    assert markers.listing_cap([1] * 20_000, budget=12_000) == 0
    frame = events_frame([("59350", "Lille", 50.63, 3.06, "2017-11-07", "A", None)] * 3)
    assert markers.marker_rows(frame, budget=1)[0][5:] == [[["mardi 7 novembre 2017", "A", ""]], "et 2 autres"]
    assert markers.marker_rows(frame, budget=0)[0][2:] == [3, "Lille", "59350"]     # no popup


def test_events_without_a_located_commune_are_not_on_the_map():
    rows = markers.marker_rows(events_frame([
        (None, None, None, None, "2017-11-07", "En ligne", None),
        ("59350", "Lille", 50.63, 3.06, "2017-11-07", "Forum", None),
    ]))
    assert len(rows) == 1 and rows[0][2] == 1


def test_events_map_sends_the_communes_as_one_array_grouped_in_the_browser():
    rows = markers.marker_rows(events_frame([(f"59{i:03d}", f"C{i}", 50 + i / 100, 3, "2017-11-07", "A", None)
                                          for i in range(300)]))
    page = render(maps.events_map({"rows": rows, "bounds": None}))
    assert page.count("esscope.communeMarkers(") == 1 and escaping.to_script_json(rows) in page
    assert "L.marker(" not in page and "markerClusterGroup" not in page
    script = assets.asset_source("esscope/map.js").read_text(encoding="utf-8")
    assert script.count("L.marker(") == 2    # one for a commune, one for a group: made in the browser from the array


def test_document_text_that_looks_like_a_template_stays_text():
    # folium's elements are Jinja templates: text from a document must never be read as one
    title = "{% if x %}{{ 7 * 7 }}{# c #}"
    rows = markers.marker_rows(events_frame([("59350", title, 50.63, 3.06, "2017-11-07", title, None)]))
    shapes = squares({"A": 1.0}).assign(name=title)
    for m in (maps.events_map({"rows": rows, "bounds": None}), maps.choropleth_map(shapes, "v", "name", "T")):
        page = m.get_root().render()
        assert title in page          # neither run as a template nor refused by one


def fitted_bounds(m: folium.Map) -> list:
    """The bounds the map opens fitted to (its FitView)."""
    return next(c for c in m._children.values() if isinstance(c, maps.FitView)).bounds


def test_every_map_opens_fitted_to_what_it_draws():
    rows = markers.marker_rows(events_frame([("59350", "Lille", 50.63, 3.06, "2017-11-07", "A", None),
                                          ("62041", "Arras", 50.29, 2.78, "2017-11-08", "B", None)]))
    data = {"rows": rows, "bounds": markers.view_bounds([r[1] for r in rows], [r[0] for r in rows])}
    assert fitted_bounds(maps.events_map(data)) == data["bounds"]
    assert fitted_bounds(maps.choropleth_map(squares({"A": 1.0, "B": 2.0, "C": None}), "v", "name", "T")) == \
        [[45.0, 0.0], [46.0, 3.0]]
    assert fitted_bounds(maps.events_map({"rows": [], "bounds": None})) == maps.FRANCE_BOUNDS


def test_a_map_drawn_before_its_frame_has_a_size_is_fitted_again_when_it_gets_one():
    page = render(maps.base_map([[50, 2], [51, 3]]))
    assert re.search(r'esscope\.fitView\(\w+, \[\[50\.0,2\.0\],\[51\.0,3\.0\]\], \{.*"maxZoom":11\}\);', page)
    script = assets.asset_source("esscope/map.js").read_text(encoding="utf-8")
    fit = script[script.index("function fitView"):script.index("function scale")]
    assert "new ResizeObserver" in fit and "{animate: false}" in fit
    # watched: the frame, and each corner of controls (a legend added later changes the room left)
    assert "[container].concat(Object.values(map._controlCorners))" in fit and "watch.observe(box)" in fit


def test_the_wheel_scrolls_the_page_and_ctrl_wheel_zooms_the_map():
    m = maps.base_map()
    page = render(m)
    assert '"gestureHandling": true' in page
    assert "Utilisez Ctrl + molette pour zoomer la carte" in page and "Utilisez deux doigts" in page
    links = assets.asset_links(m)
    gesture = next(i for i, link in enumerate(links) if link.endswith("leaflet-gesture-handling.min.js"))
    assert links.index(assets.ASSET_URL + "leaflet/leaflet.js") < gesture       # the plugin extends L.Map


def test_view_bounds_keep_to_metropolitan_france_when_events_are_there():
    bounds = markers.view_bounds([3.06, 2.35, -61.5], [50.63, 48.86, 16.2])
    assert bounds[0][0] > 40 and bounds[0][1] > -6
    assert markers.view_bounds([-61.5], [16.2])[0][0] < 17
    assert markers.view_bounds([], []) is None


# --------------------------------------------------------------------------- offline assets

def test_maps_load_only_the_apps_own_assets():
    shapes = squares({"A": 1.0, "B": None})
    for m in (maps.events_map({"rows": [], "bounds": None}), maps.choropleth_map(shapes, "v", "name", "Titre")):
        links = assets.asset_links(m)
        assert links and all(link.startswith(assets.ASSET_URL) for link in links)
        page = render(m)
        external = set(re.findall(r"https?://[^\s\"'\\)]+", page))
        assert external <= {maps.OSM_TILES, "https://www.openstreetmap.org/copyright"}


def test_install_assets_copies_every_linked_file_from_installed_packages(tmp_path):
    vendor = assets.install_assets(tmp_path / "static")
    m = maps.events_map({"rows": [], "bounds": None})
    for link in assets.asset_links(m):
        assert (vendor / link.removeprefix(assets.ASSET_URL)).is_file()
    leaflet = vendor / "leaflet" / "leaflet.js"
    assert leaflet.read_bytes() == assets.asset_source("leaflet/leaflet.js").read_bytes()
    assert b"1.9.3" in leaflet.read_bytes()[:400]      # the Leaflet folium 0.20 is written for
    assert (vendor / "leaflet" / "images" / "layers.png").is_file()
    assert (vendor / "gesturehandling" / "leaflet-gesture-handling.min.css").is_file()


def test_install_assets_leaves_files_in_place_the_second_time(tmp_path):
    vendor = assets.install_assets(tmp_path)
    before = {p: p.stat().st_mtime_ns for p in vendor.rglob("*") if p.is_file()}
    assets.install_assets(tmp_path)
    assert {p: p.stat().st_mtime_ns for p in vendor.rglob("*") if p.is_file()} == before


def test_tiles_are_an_optional_layer_over_a_plain_background():
    page = render(maps.base_map())
    assert maps.OSM_TILES in page and assets.ASSET_URL + "esscope/map.css" in assets.asset_links(maps.base_map())
    assert ".leaflet-container { background:" in assets.asset_source("esscope/map.css").read_text(encoding="utf-8")
    assert maps.OSM_TILES not in render(maps.base_map(tiles=False))


# --------------------------------------------------------------------------- choropleths

def squares(values: dict) -> gpd.GeoDataFrame:
    """One unit square per code, side by side, with value column `v`."""
    codes = list(values)
    return gpd.GeoDataFrame({"code": codes, "name": [f"Territoire {c}" for c in codes],
                             "v": [np.nan if v is None else v for v in values.values()]},
                            geometry=[shapely.box(i, 45, i + 1, 46) for i in range(len(codes))], crs="EPSG:4326")


def features(m: folium.Map) -> list:
    page = render(m)
    start = page.index('{"type":"FeatureCollection"')
    return json.JSONDecoder().raw_decode(page[start:])[0]["features"]


def legend(m: folium.Map) -> str:
    return json.loads(re.search(r"esscope\.legend\(\w+, (\".*?\")\);", render(m)).group(1))


def by_code(m: folium.Map) -> dict:
    return {re.search(r"\((\w+)\)", f["properties"]["tip"]).group(1): f["properties"] for f in features(m)}


def test_class_breaks_follow_quantiles_and_end_at_the_maximum():
    assert maps.class_breaks(range(1, 101), 4) == [26, 51, 76, 100]
    assert maps.class_breaks([1, 1, 1, 2], 5) == [1, 2]
    assert maps.class_breaks([], 5) == []
    assert maps.class_breaks([0.12, 0.5, 3.33], 2, decimals=1) == [0.5, 3.4]


def test_class_labels_read_in_french():
    assert maps.class_labels([2, 5, 14], lowest=1) == ["1 à 2", "3 à 5", "6 à 14"]
    assert maps.class_labels([1, 5], lowest=1) == ["1", "2 à 5"]
    assert maps.class_labels([2.5, 10.25], decimals=1, lowest=0.4) == ["0,4 à 2,5", "2,5 à 10,2"]


def test_palette_is_viridis_light_to_dark():
    colours = maps.palette(5)
    assert len(set(colours)) == 5 and colours[0].lower().startswith("#fd") and colours[-1].lower().startswith("#44")
    luminance = [sum(int(c[i:i + 2], 16) for i in (1, 3, 5)) for c in colours]
    assert luminance == sorted(luminance, reverse=True)


def test_missing_value_is_said_plainly_not_shown_as_zero():
    m = maps.choropleth_map(squares({"A": 3.0, "B": None, "C": 0.0}), "v", "name", "Salariés")
    props = by_code(m)
    assert props["B"]["fill"] is None and "pas de donnée" in props["B"]["tip"]
    assert props["C"]["fill"] is not None and props["C"]["tip"].endswith(": 0")
    assert "Pas de donnée" in legend(m)


def test_zero_class_has_its_own_colour_and_legend_line():
    m = maps.choropleth_map(squares({"A": 0.0, "B": 4.0, "C": 9.0}), "v", "name", "Événements", zero_class=True)
    fills = {code: props["fill"] for code, props in by_code(m).items()}
    assert fills["A"] == maps.ZERO and maps.ZERO not in (fills["B"], fills["C"]) and fills["B"] != fills["C"]
    assert f'background:{maps.ZERO}"></i>0<' in legend(m)


def test_choropleth_tooltip_and_legend_are_escaped():
    shapes = squares({"A": 1.0})
    shapes["name"] = "<img src=x onerror=alert(1)>`${x}`"
    m = maps.choropleth_map(shapes, "v", "name", "<b>Titre</b> ${y}", unit="€")
    page = render(m)
    assert "<img" not in page and "${" not in page and "<b>Titre" not in legend(m)
    assert html.unescape(features(m)[0]["properties"]["tip"]).startswith("<b><img src=x onerror=alert(1)>`${x}`</b>")


def test_highlighted_territory_is_outlined():
    m = maps.choropleth_map(squares({"A": 1.0, "B": 2.0}), "v", "name", "Titre", highlight="B")
    assert [f["properties"]["strong"] for f in features(m)] == [False, True]


def test_geojson_coordinates_are_rounded_to_four_decimals():
    shapes = gpd.GeoDataFrame({"code": ["A"]}, geometry=[shapely.box(2.123456789, 45.987654321, 3, 46)])
    text = to_geojson(shapes, {"code": ["A"]})
    numbers = re.findall(r"-?\d+\.\d+", text)
    assert numbers and all(len(n.split(".")[1]) <= 4 for n in numbers)


# --------------------------------------------------------------------------- clicks

def test_commune_from_click_reads_the_code_of_the_clicked_tooltip():
    assert maps.commune_from_click({maps.CLICK: "Lille (59350) : 12 événements"}) == "59350"
    assert maps.commune_from_click({maps.CLICK: "Ajaccio (2A004) : 1 événement"}) == "2A004"
    assert maps.commune_from_click({maps.CLICK: "Bourg-en-Bresse (01053) : 3,5 pour 10 000 habitants"}) == "01053"


def test_commune_from_click_is_none_without_a_commune():
    for payload in (None, {}, {maps.CLICK: None}, {maps.CLICK: "Nord (59) : 4 événements"}, "59350", []):
        assert maps.commune_from_click(payload) is None
    assert maps.code_from_click({maps.CLICK: "Nord (59) : 4 événements"}) == "59"


def test_commune_from_click_ignores_brackets_in_event_titles():
    assert maps.commune_from_click({maps.CLICK: "Saint-Denis (93066) : 1 événement"}) == "93066"
    assert maps.commune_from_click({maps.CLICK: "Rencontre (bis) à Lille"}) is None


# --------------------------------------------------------------------------- on the real store

@pytest.fixture(scope="module")
def con(built_store):
    connection = store.connect(built_store)
    yield connection
    connection.close()


def test_shapes_from_the_store_are_valid_geometries(con):
    from esscope.queries import read_shapes
    shapes = to_geodataframe(read_shapes(con, "department"))
    assert len(shapes) == 101 and shapes.crs.to_epsg() == 4326
    assert shapes.geometry.is_valid.all() and not shapes.geometry.is_empty.any()


def test_departement_choropleth_covers_france_with_zero_where_no_event(con):
    shapes = queries.read_event_choropleth(con, EventFilter(editions=[1990 + 30]), "department")
    assert len(shapes) == 101 and (shapes["events"] >= 0).all()
    m = maps.events_choropleth(shapes)
    assert len(features(m)) == 101


def test_france_wide_maps_show_the_overseas_departements_as_insets(con):
    shapes = queries.read_event_choropleth(con, EventFilter(), "department")
    page = render(maps.events_choropleth(shapes))
    drawn = {f["properties"]["tip"]: shapely.geometry.shape(f["geometry"]) for f in features(
        maps.events_choropleth(shapes))}
    for name in ("Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte"):
        geom = next(g for tip, g in drawn.items() if name in tip)
        # moved into a box west of Brittany, within the map's view
        assert -10 < geom.bounds[0] and geom.bounds[2] < -7.3 and 41.7 < geom.bounds[1] < geom.bounds[3] < 50.7
    assert page.count('"type":"FeatureCollection"') >= 2          # the territories, then the inset frames
    assert "tile.openstreetmap.org" not in page                     # no sea under the insets' land


def test_count_legends_stay_whole_numbers(con):
    shapes = queries.read_event_choropleth(con, EventFilter(region="32"), "commune")
    counts = [1.0] * 40 + [2.0, 3.0, 5.0, 8.0, 28.0]       # most communes with one event: quantiles coincide
    shapes["value"] = counts + [0.0] * (len(shapes) - len(counts))
    text = legend(maps.events_choropleth(shapes))
    assert not re.search(r"\d,\d", text), text                  # never « 1,000 à 2,800 »
    assert "28" in text


def test_commune_choropleth_needs_a_region_or_departement(con):
    with pytest.raises(ValueError):
        queries.read_event_choropleth(con, EventFilter(), "commune")
    shapes = queries.read_event_choropleth(con, EventFilter(department="59"), "commune", per_inhabitants=True)
    assert len(shapes) > 600 and shapes["code"].str.startswith("59").all()


def test_events_per_inhabitants_divide_by_population(db):
    with store.writing(db) as w:
        w.execute("DELETE FROM events")
        for i in range(3):
            w.execute("INSERT INTO events (id, source_id, position, edition, start_date, title, commune_code, "
                      "confidence) VALUES (?, 'test', ?, 2017, ?, 'Forum', '59350', 1)",
                      [f"t{i}", i, dt.date(2017, 11, 7)])
    con = store.connect(db)
    try:
        shapes = queries.read_event_choropleth(con, EventFilter(department="59"), "commune", per_inhabitants=True)
        lille = shapes.set_index("code").loc["59350"]
        assert lille["events"] == 3
        assert lille["value"] == pytest.approx(3 / lille["population"] * 10_000)
        data = queries.read_event_markers(con, EventFilter())
        assert data["events"] == 3 and data["placed"] == 3 and len(data["rows"]) == 1
        assert data["rows"][0][2:5] == [3, "Lille", "59350"]
    finally:
        con.close()


def test_departement_outlines_are_light_enough_for_every_page(con):
    assert len(queries.read_outlines(con).encode()) < 400_000


def test_small_rates_get_enough_decimals_for_distinct_classes():
    m = maps.choropleth_map(squares({"A": 0.031, "B": 0.052, "C": 0.074, "D": 1.8}), "v", "name", "Taux",
                            decimals=1, classes=4)
    text = legend(m)
    assert "0,03 à 0,05" in text and "0,0 à" not in text
    assert by_code(m)["A"]["tip"].endswith(": 0,03")


def test_a_single_small_rate_is_not_labelled_zero():
    m = maps.choropleth_map(squares({"A": 0.0137, "B": 0.0}), "v", "name", "Taux", decimals=1, zero_class=True)
    assert "0,01 à 0,02" in legend(m) and "0,0 à" not in legend(m)
