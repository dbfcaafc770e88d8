"""Every map of esscope, drawn with folium and tested without Streamlit.

Maps only draw: what they show comes ready from `queries` (markers, outlines, shapes with values),
every text already escaped (`escaping.safe_text`) or escaped here; the layers' JavaScript is
esscope/static/map.js and every file a map loads is served by the app (`assets`), so a map works
without a network. Tiles come from OpenStreetMap when there is a network; without one the map
keeps a plain background with its boundaries and markers. A Streamlit page shows a map with
`webapp.show_map`.
"""

import math
import re

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
from branca.colormap import linear
from branca.element import Element, MacroElement
from folium.template import Template

from .assets import MAP_CSS, MAP_JS
from .escaping import safe_text, to_script_json
from .french import format_number, plural
from .shapes import metropolitan_bounds, to_geojson, with_insets

FRANCE_BOUNDS = [[41.3, -5.2], [51.1, 9.6]]  # Leaflet's [[south, west], [north, east]]
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; les contributeurs d’<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
NO_DATA = "#bdbdbd"   # mid grey: no figure
ZERO = "#f2f2f2"      # near white: zero events
MARKER_PADDING = 30   # pixels kept around the markers when fitting: a marker is up to 40 px wide


class _Text(Element):
    """Text put in the page as it is. (branca compiles the script of every element as a Jinja template
    once rendered: with the data inside, that costs about 0.1 s per megabyte on every run of the page.)"""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs):
        return self.text


class _Call(MacroElement):
    """One call of esscope's map script, `esscope.<function>(map, …arguments)`, the arguments given as
    JSON or GeoJSON text. The call is rendered without compiling it again as a Jinja template: a title
    holding `{{ … }}` stays text, and megabytes of data cost nothing to render."""
    function = ""
    _template = Template(
        "{% macro script(this, kwargs) %}var {{ this.get_name() }} = esscope.{{ this.function }}("
        "{{ this._parent.get_name() }}{% for argument in this.arguments %}, {{ argument }}{% endfor %});"
        "{% endmacro %}")

    def __init__(self, *arguments: str):
        super().__init__()
        self._name = type(self).__name__
        self.arguments = arguments

    def render(self, **kwargs):
        script = self._template.module.__dict__["script"]
        self.get_root().script.add_child(_Text(script(self, kwargs)), name=self.get_name())


class CommuneMarkers(_Call):
    """One marker per commune showing its count, grouped when close on screen (in the browser:
    map.js `communeMarkers`). `rows` come from `markers.marker_rows`, every text already escaped."""
    function = "communeMarkers"
    CLUSTER_RADIUS = 45        # pixels
    ALL_FROM_ZOOM = 13         # from this zoom on, every commune has its own marker

    def __init__(self, rows):
        super().__init__(to_script_json(rows), str(self.CLUSTER_RADIUS), str(self.ALL_FROM_ZOOM))


class Shapes(_Call):
    """Filled boundaries: a GeoJSON FeatureCollection (text) whose features carry `fill` (colour or
    null for no data), `tip` (tooltip HTML, already `safe_text`) and `strong` (outline drawn thick)."""
    function = "shapes"

    def __init__(self, geojson: str):
        super().__init__(geojson, to_script_json(NO_DATA))


class Outlines(_Call):
    """Thin boundaries (a GeoJSON text) that give the map its shape when there are no tiles; not clickable."""
    function = "outlines"

    def __init__(self, geojson: str):
        super().__init__(geojson)


class Legend(_Call):
    """A legend box in a map corner; `html` is built from `safe_text` fragments."""
    function = "legend"

    def __init__(self, html: str):
        super().__init__(to_script_json(html))


class FitView(_Call):
    """Fit the map to `bounds`, and again each time its frame changes size until the reader moves it."""
    function = "fitView"

    def __init__(self, bounds, padding=20, max_zoom=11):
        self.bounds = [[float(v) for v in corner] for corner in bounds]
        super().__init__(to_script_json(self.bounds), to_script_json({"padding": [padding, padding],
                                                                      "maxZoom": max_zoom}))


class Scale(_Call):
    """A metric scale in a corner."""
    function = "scale"


class TooltipsInside(_Call):
    """Tooltips turned above or below what they describe when beside it they would run off the map."""
    function = "keepTooltipsInside"


GESTURE_TEXTS = {   # GestureHandling's own French sentences are long; these say what to do
    "scroll": "Utilisez Ctrl + molette pour zoomer la carte",
    "scrollMac": "Utilisez \u2318 + molette pour zoomer la carte",
    "touch": "Utilisez deux doigts pour déplacer la carte",
}


def base_map(bounds=None, tiles=True, padding=20) -> folium.Map:
    """An empty map of France (or of `bounds`, [[south, west], [north, east]]) loading only the
    app's own copy of Leaflet and esscope's map script, opened fitted to those bounds.

    The mouse wheel scrolls the page; Ctrl + wheel (or two fingers) moves the map
    (GestureHandling, messages in French). With `tiles`, OpenStreetMap tiles are an overlay that
    can be switched off; when they cannot load, the plain background stays and every layer still shows."""
    m = folium.Map(location=[46.6, 2.5], zoom_start=6, tiles=None, prefer_canvas=True, zoom_snap=0.25,
                   zoom_delta=1, gesture_handling=True,
                   gesture_handling_options={"text": GESTURE_TEXTS, "duration": 1500})
    m.default_js = MAP_JS
    m.default_css = MAP_CSS
    Scale().add_to(m)
    TooltipsInside().add_to(m)
    if tiles:
        folium.TileLayer(OSM_TILES, attr=OSM_ATTRIBUTION, name="Fond de carte OpenStreetMap (en ligne)",
                         overlay=True, control=True, max_zoom=19).add_to(m)
        folium.LayerControl(collapsed=True).add_to(m)
    FitView(bounds or FRANCE_BOUNDS, padding=padding).add_to(m)
    return m


def events_map(markers: dict, outlines: str | None = None, tiles=True) -> folium.Map:
    """The map of events by commune: clustered markers with counts, tooltips and popups (`markers`
    from `queries.read_event_markers`), over the `outlines` of `queries.read_outlines` when given."""
    m = base_map(markers.get("bounds"), tiles=tiles, padding=MARKER_PADDING)
    if outlines:
        Outlines(outlines).add_to(m)
    CommuneMarkers(markers["rows"]).add_to(m)
    return m


# --------------------------------------------------------------------------- choropleths

def class_breaks(values, classes=5, decimals=0) -> list:
    """Upper bounds of up to `classes` classes from the quantiles of the values, rounded to
    `decimals` and distinct; the last bound is the maximum. Empty when there is no value."""
    values = np.asarray([v for v in values if v is not None and not math.isnan(v)], dtype=float)
    if not len(values):
        return []
    qs = np.quantile(values, np.linspace(0, 1, classes + 1)[1:])
    scale = 10 ** decimals
    bounds = sorted({math.ceil(q * scale - 1e-9) / scale for q in qs})
    bounds[-1] = max(bounds[-1], math.ceil(values.max() * scale - 1e-9) / scale)
    return bounds


def palette(n: int) -> list:
    """n colours of viridis, light (low values) to dark (high), readable by colour-blind users."""
    if n <= 0:
        return []
    if n == 1:
        return [linear.viridis.rgb_hex_str(0.5)]
    return [linear.viridis.rgb_hex_str(1 - i / (n - 1)) for i in range(n)]


def classify(value, bounds, colours, zero_class=False):
    """The colour of a value: None when missing, ZERO for 0 when zeros have their own class."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if zero_class and value <= 0:
        return ZERO
    for bound, colour in zip(bounds, colours):
        if value <= bound + 1e-12:
            return colour
    return colours[-1] if colours else None


def class_labels(bounds, decimals=0, lowest=None) -> list:
    """« 1 à 2 », « 3 à 5 », … for classes ending at `bounds`; the first starts at `lowest`."""
    labels = []
    for i, bound in enumerate(bounds):
        if i == 0:
            start = bound if lowest is None else lowest
        else:
            start = bounds[i - 1] + 1 if decimals == 0 else bounds[i - 1]
        end = format_number(bound, decimals)
        labels.append(end if start >= bound else f"{format_number(start, decimals)} à {end}")
    return labels


def legend_html(title, bounds, colours, decimals=0, zero_class=False, missing=False, lowest=None) -> str:
    """A legend: its title (with the unit), one line per class, and the « 0 » and « Pas de donnée » lines."""
    lines = [f'<div class="title">{safe_text(title)}</div>']
    if zero_class:
        lines.append(f'<div><i style="background:{ZERO}"></i>0</div>')
    for label, colour in zip(class_labels(bounds, decimals, lowest), colours):
        lines.append(f'<div><i style="background:{colour}"></i>{safe_text(label)}</div>')
    if missing:
        lines.append(f'<div><i style="background:{NO_DATA}"></i>Pas de donnée</div>')
    return "".join(lines)


def choropleth_map(gdf: gpd.GeoDataFrame, value_column: str, label_column: str, legend: str, *,
                   code_column="code", unit="", decimals=0, format_value=None, zero_class=False,
                   highlight=None, note_column=None, classes=5, tiles=True) -> folium.Map:
    """Territories filled by a value on a colour-blind-safe scale (viridis), with a legend and a
    tooltip per territory, « Nom (code) : 12 unit » plus an optional note. A missing value is shown
    as « pas de donnée », never as zero.

    `legend` is the legend's title: say the unit there (« Événements pour 10 000 habitants »).
    `format_value(v)` overrides « format_number(v, decimals) unit » in tooltips. With `zero_class`,
    zeros get their own grey class. `highlight` is a code drawn with a thick outline (a territory
    among its siblings). The view fits metropolitan France when some territories are there."""
    values = pd.to_numeric(gdf[value_column], errors="coerce").astype(float)
    counted = values[values > 0] if zero_class else values
    counted = counted.dropna()
    bounds = class_breaks(counted.tolist(), classes, decimals)
    # small rates (0,03 event per 10 000 inhabitants) need more decimals to make distinct classes; counts
    # never do (« 1 à 3 » events, not « 1,000 à 2,800 »): fewer classes then
    lowest = math.floor(counted.min() * 10 ** decimals) / 10 ** decimals if len(counted) else None
    whole = bool(len(counted)) and bool((counted % 1 == 0).all())
    while not whole and decimals < 3 and (len(bounds) < min(classes, counted.nunique())
                                          or (lowest == 0 and counted.min() > 0)):
        decimals += 1
        bounds = class_breaks(counted.tolist(), classes, decimals)
        lowest = math.floor(counted.min() * 10 ** decimals) / 10 ** decimals
    colours = palette(len(bounds))
    if format_value is None:
        def format_value(v):
            return f"{format_number(v, decimals)} {unit}".strip()
    notes = gdf[note_column] if note_column else [None] * len(gdf)
    fills, tips = [], []
    for label, code, value, note in zip(gdf[label_column], gdf[code_column], values, notes):
        missing = math.isnan(value)
        fills.append(None if missing else classify(value, bounds, colours, zero_class))
        tip = f"<b>{safe_text(label)}</b> ({safe_text(code)}) : {safe_text('pas de donnée' if missing else format_value(value))}"
        if safe_text(note):
            tip += f"<br>{safe_text(note)}"
        tips.append(tip)
    strong = [highlight is not None and str(c) == str(highlight) for c in gdf[code_column]]
    # France-wide: the overseas territories in boxes west of Brittany, on a plain background (tiles
    # would put them in the sea), and the view takes the boxes in
    gdf, boxes = with_insets(gdf)
    geojson = to_geojson(gdf, {"fill": fills, "tip": tips, "strong": strong})
    minx, miny, maxx, maxy = gdf.total_bounds if boxes else metropolitan_bounds(gdf)
    m = base_map([[miny, minx], [maxy, maxx]] if minx is not None else None, tiles=tiles and not boxes)
    Shapes(geojson).add_to(m)
    if boxes:
        Outlines(to_geojson(gpd.GeoDataFrame(geometry=boxes, crs=gdf.crs), {})).add_to(m)
    Legend(legend_html(legend, bounds, colours, decimals, zero_class, bool(values.isna().any()), lowest)).add_to(m)
    return m


def events_choropleth(shapes: gpd.GeoDataFrame, per_inhabitants=False, tiles=True) -> folium.Map:
    """The choropleth of `queries.read_event_choropleth`: events, or events per 10 000 inhabitants."""
    if not per_inhabitants:
        return choropleth_map(shapes, "value", "name", "Nombre d'événements", zero_class=True, tiles=tiles,
                              format_value=lambda v: plural(int(v), "événement"))
    notes = [plural(e, "événement") + (f" pour {format_number(p)} habitants" if pd.notna(p) else "")
             for e, p in zip(shapes["events"], shapes["population"])]
    return choropleth_map(shapes.assign(note=notes), "value", "name", "Événements pour 10 000 habitants",
                          unit="pour 10 000 habitants", decimals=1, zero_class=True, note_column="note", tiles=tiles)


# --------------------------------------------------------------------------- clicks

_CODE = re.compile(r"\(([0-9][0-9AB][0-9]{0,3}|[0-9]{9})\)")
CLICK = "last_object_clicked_tooltip"   # the only thing the map sends back


def code_from_click(payload) -> str | None:
    """The territory code in the tooltip of the object last clicked on a map: every tooltip of esscope's
    maps reads « Nom (code) : … »."""
    if not isinstance(payload, dict):
        return None
    text = payload.get(CLICK)
    match = _CODE.search(text) if isinstance(text, str) else None
    return match.group(1) if match else None


def commune_from_click(payload) -> str | None:
    """The INSEE code of the commune clicked on a map, or None (nothing clicked, not a commune)."""
    code = code_from_click(payload)
    return code if code and len(code) == 5 else None
