"""Every map of esscope, built with folium and tested without Streamlit.

Text safety. folium's own `Popup` and `Tooltip` put their HTML inside
JavaScript template literals, so `html.escape` alone leaves `${…}`, backticks
and backslashes live. Here every string that reaches a map goes through
`safe_text`, which writes as HTML character references both the characters
that mean something in HTML and those that mean something in a JavaScript
string (quotes, backtick, `$`, backslash, line terminators): the browser
shows the character and no parser ever sees code. The escaped fragments
travel as JSON in which `<` and `>` are escaped too, so `</script>` cannot end
the script, and Leaflet inserts them as HTML. JavaScript never builds markup
from document text.

Offline. folium and streamlit-folium take Leaflet from CDNs, so the maps here
replace every asset link by the app's own static files, copied at start-up
from the xstatic packages (`install_assets`): Leaflet and GestureHandling (a
map in a long page lets the wheel scroll the page; Ctrl + wheel zooms the map).

Speed. The communes with events (35 000 at most) travel as one compact array;
the browser groups them for the current view and draws only those groups and
communes (a few hundred markers), again after each move.
Tiles come from OpenStreetMap when there is a network; without one the map
keeps a plain background with its boundaries and markers.
"""

import json
import math
import os
import re
import shutil
from importlib import import_module
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from branca.colormap import linear
from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

from .filters import EventFilter, filtered_events
from .french import format_number, format_period
from .paths import ROOT
from .queries import events_per_territory, read_shapes
from .report import format_time

# --------------------------------------------------------------------------- text

_ESCAPES = {
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
    "`": "&#96;", "$": "&#36;", "\\": "&#92;",
    "\n": "&#10;", "\r": "&#13;", "\u2028": "&#8232;", "\u2029": "&#8233;",
}
_TABLE = str.maketrans({**_ESCAPES, **{chr(c): None for c in [*range(9), 11, 12, *range(14, 32), 127]}})


def safe_text(value) -> str:
    """`value` as text that is safe in HTML, in an HTML attribute, in any JavaScript string literal
    (quoted or template) and inside a <script> element; the browser displays the original characters.

    None and missing values give ''. Control characters other than tab and line breaks are dropped."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).translate(_TABLE)


def to_script_json(value) -> str:
    """JSON that stays data when placed in a <script> element or evaluated as JavaScript."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def plural(count, word: str, plural_word: str | None = None) -> str:
    """'1 événement', '12 événements', '52 000 événements' (French: 0 and 1 take the singular)."""
    word = word if abs(count) < 2 else (plural_word or word + "s")
    return f"{format_number(count)} {word}"


# --------------------------------------------------------------------------- offline assets

# Files served under static/vendor/: name → (xstatic package, file in its data folder).
ASSETS = {
    "leaflet/leaflet.js": ("leaflet", "leaflet.js"),
    "leaflet/leaflet.css": ("leaflet", "leaflet.css"),
    "leaflet/images/layers.png": ("leaflet", "images/layers.png"),
    "leaflet/images/layers-2x.png": ("leaflet", "images/layers-2x.png"),
    "leaflet/images/marker-icon.png": ("leaflet", "images/marker-icon.png"),
    "leaflet/images/marker-icon-2x.png": ("leaflet", "images/marker-icon-2x.png"),
    "leaflet/images/marker-shadow.png": ("leaflet", "images/marker-shadow.png"),
    "gesturehandling/leaflet-gesture-handling.min.js": ("leaflet_gesturehandling", "leaflet-gesture-handling.min.js"),
    "gesturehandling/leaflet-gesture-handling.min.css": ("leaflet_gesturehandling",
                                                         "leaflet-gesture-handling.min.css"),
}
# Relative to the page that loads them: streamlit-folium's frame at <app>/component/<name>/index.html,
# so the links follow the app wherever it is mounted (`server.baseUrlPath`).
ASSET_URL = "../../app/static/vendor/"
# GestureHandling hooks into L.Map's constructor: it loads after Leaflet and before any map is made.
LEAFLET_JS = [("leaflet", ASSET_URL + "leaflet/leaflet.js"),
              ("gesture_handling", ASSET_URL + "gesturehandling/leaflet-gesture-handling.min.js")]
LEAFLET_CSS = [("leaflet_css", ASSET_URL + "leaflet/leaflet.css"),
               ("gesture_handling_css", ASSET_URL + "gesturehandling/leaflet-gesture-handling.min.css")]


def asset_source(name: str) -> Path:
    """The installed file behind a served asset name."""
    package, filename = ASSETS[name]
    return Path(import_module(f"xstatic.pkg.{package}").BASE_DIR) / filename


def install_assets(static_dir) -> Path:
    """Copy Leaflet and GestureHandling from their installed packages into `static_dir/vendor`.

    Copies (not links: Streamlit refuses files outside its static folder) only what is missing
    or different, each through a temporary file renamed into place, so concurrent calls are safe."""
    vendor = Path(static_dir) / "vendor"
    for name in ASSETS:
        source, target = asset_source(name), vendor / name
        if target.exists() and target.stat().st_size == source.stat().st_size:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
    return vendor


def asset_links(m) -> list:
    """Every JavaScript and CSS link that the map's elements ask a page to load (what streamlit-folium loads)."""
    links = []

    def walk(element):
        if isinstance(element, JSCSSMixin):
            links.extend(url for _, url in [*element.default_js, *element.default_css])
        for child in getattr(element, "_children", {}).values():
            walk(child)
    walk(m)
    return list(dict.fromkeys(links))


# --------------------------------------------------------------------------- map elements

METROPOLE = (-5.3, 41.2, 9.7, 51.2)          # lon/lat box of metropolitan France and Corsica
FRANCE_BOUNDS = [[41.3, -5.2], [51.1, 9.6]]  # Leaflet's [[south, west], [north, east]]
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; les contributeurs d’<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
BACKGROUND = "#eef1f4"
NO_DATA = "#bdbdbd"   # mid grey: no figure
ZERO = "#f2f2f2"      # near white: zero events


class _Style(MacroElement):
    """The map's plain background (what shows where tiles cannot load) and esscope's marker styles."""
    _template = Template("""
        {% macro header(this, kwargs) %}
        <style>
            .leaflet-container { background: """ + BACKGROUND + """; font-family: sans-serif; }
            .esscope-commune { background: rgba(33, 102, 172, .9); color: #fff; border: 2px solid #fff;
                border-radius: 50%; text-align: center; font: bold 11px/1 sans-serif; display: flex;
                align-items: center; justify-content: center; box-shadow: 0 0 3px rgba(0,0,0,.5); }
            .esscope-popup ul { margin: .3em 0; padding-left: 1.1em; }
            .esscope-popup li { margin-bottom: .25em; }
            .esscope-popup .date { color: #555; }
            .esscope-legend { background: rgba(255,255,255,.92); padding: 6px 8px; border-radius: 4px;
                font: 12px/1.4 sans-serif; box-shadow: 0 0 4px rgba(0,0,0,.3); max-width: 240px; }
            .esscope-legend i { display: inline-block; width: 14px; height: 14px; margin-right: 6px;
                vertical-align: -2px; border: 1px solid #888; }
            .esscope-legend .title { font-weight: bold; margin-bottom: 4px; }
            .esscope-cluster { border-radius: 50%; background-clip: padding-box; cursor: pointer; }
            .esscope-cluster div { width: 30px; height: 30px; margin: 5px; border-radius: 50%; text-align: center;
                font: bold 12px/30px sans-serif; }
            .esscope-cluster-small { background-color: rgba(158, 202, 225, .6); }
            .esscope-cluster-small div { background-color: rgba(107, 174, 214, .85); }
            .esscope-cluster-medium { background-color: rgba(66, 146, 198, .6); }
            .esscope-cluster-medium div { background-color: rgba(33, 113, 181, .85); color: #fff; }
            .esscope-cluster-large { background-color: rgba(8, 81, 156, .55); }
            .esscope-cluster-large div { background-color: rgba(8, 48, 107, .9); color: #fff; }
        </style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        L.control.scale({imperial: false}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)


class _Text(Element):
    """Text put in the page as it is. (branca compiles the script of every element as a Jinja template
    once rendered: with the data inside, that costs about 0.1 s per megabyte on every run of the page.)"""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs):
        return self.text


class _DataLayer(MacroElement):
    """An element whose script carries data: rendered without compiling that data as a template."""

    def render(self, **kwargs):
        script = self._template.module.__dict__["script"]
        self.get_root().script.add_child(_Text(script(self, kwargs)), name=self.get_name())


class CommuneMarkers(_DataLayer):
    """One marker per commune showing its count, grouped when close on screen: a group shows the sum
    of its events and a click on it zooms in to its communes.

    `rows` come from `marker_rows` (most events first), every text already `safe_text`. The browser
    groups the communes of the current view (each group starts from its commune with the most
    events and takes the others within CLUSTER_RADIUS pixels) and draws only those markers, again
    after each move; tooltips and popups are joined from the escaped fragments, popups when opened.
    The layer's bounds are those of all its communes, drawn or not."""
    CLUSTER_RADIUS = 45        # pixels
    ALL_FROM_ZOOM = 13         # from this zoom on, every commune has its own marker
    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function (map, rows, radius, allFromZoom) {
            var group = L.featureGroup([], {esscope: 'communes'}).addTo(map);
            var shown = {}, world = [], all = L.latLngBounds([]);
            rows.forEach(function (r) {
                world.push(L.CRS.EPSG3857.latLngToPoint(L.latLng(r[0], r[1]), 0));
                all.extend([r[0], r[1]]);
            });
            group.getBounds = function () { return all; };
            function count(n) { return n.toLocaleString('fr-FR') + (n > 1 ? ' événements' : ' événement'); }
            function tip(r) {     // « Lille (59350) : 12 événements »: what a click sends back (code_from_click)
                return r[3] + ' (' + r[4] + ') : ' + count(r[2]);
            }
            function popup(r) {
                var items = '';
                r[5].forEach(function (e) {
                    items += '<li><span class="date">' + e[0] + '</span> · <b>' + e[1] + '</b>' + (e[2] ? ' · ' + e[2] : '') + '</li>';
                });
                return '<div class="esscope-popup"><strong>' + tip(r) + '</strong><ul>' + items + '</ul>'
                    + (r[6] ? '<div>' + r[6] + '</div>' : '') + '</div>';
            }
            function commune(i) {
                var r = rows[i], n = r[2], side = 20 + 6 * String(n).length;
                var marker = L.marker([r[0], r[1]], {icon: L.divIcon({
                    className: 'esscope-commune', html: String(n), iconSize: [side, side]})});
                marker.bindTooltip(tip(r));
                if (r.length > 5) { marker.bindPopup(function () { return popup(r); }, {maxWidth: 380, maxHeight: 320}); }
                return marker;
            }
            function cluster(c) {
                var n = c.events, size = n < 10 ? 'small' : (n < 100 ? 'medium' : 'large');
                var marker = L.marker([rows[c.seed][0], rows[c.seed][1]], {icon: L.divIcon({
                    html: '<div><span>' + n.toLocaleString('fr-FR') + '</span></div>',
                    className: 'esscope-cluster esscope-cluster-' + size, iconSize: L.point(40, 40)})});
                marker.on('click', function () { map.fitBounds(c.bounds, {padding: [40, 40]}); });
                return marker;
            }
            function groups() {   // the communes in view (and half a view around), grouped
                var zoom = map.getZoom(), scale = Math.pow(2, zoom), view = map.getPixelBounds(), size = view.getSize();
                var x0 = view.min.x - size.x / 2, x1 = view.max.x + size.x / 2;
                var y0 = view.min.y - size.y / 2, y1 = view.max.y + size.y / 2;
                var cells = {}, inView = [], xs = {}, ys = {};
                for (var i = 0; i < rows.length; i++) {
                    var x = world[i].x * scale, y = world[i].y * scale;
                    if (x < x0 || x > x1 || y < y0 || y > y1) { continue; }
                    xs[i] = x; ys[i] = y; inView.push(i);
                    var key = Math.floor(x / radius) + ':' + Math.floor(y / radius);
                    (cells[key] = cells[key] || []).push(i);
                }
                var taken = {}, out = [];
                inView.forEach(function (i) {     // rows come with the most events first
                    if (taken[i]) { return; }
                    var c = {seed: i, communes: 1, events: rows[i][2], bounds: L.latLngBounds([[rows[i][0], rows[i][1]]])};
                    taken[i] = true;
                    if (zoom < allFromZoom) {
                        var cx = Math.floor(xs[i] / radius), cy = Math.floor(ys[i] / radius);
                        for (var dx = -1; dx <= 1; dx++) {
                            for (var dy = -1; dy <= 1; dy++) {
                                (cells[(cx + dx) + ':' + (cy + dy)] || []).forEach(function (j) {
                                    if (taken[j]) { return; }
                                    var ex = xs[j] - xs[i], ey = ys[j] - ys[i];
                                    if (ex * ex + ey * ey > radius * radius) { return; }
                                    taken[j] = true;
                                    c.communes += 1;
                                    c.events += rows[j][2];
                                    c.bounds.extend([rows[j][0], rows[j][1]]);
                                });
                            }
                        }
                    }
                    out.push(c);
                });
                return out;
            }
            function draw() {
                var next = {}, zoom = map.getZoom();
                groups().forEach(function (c) {
                    var id = c.communes === 1 ? 'c' + c.seed : ['g', zoom, c.seed, c.communes, c.events].join(':');
                    next[id] = shown[id] || (c.communes === 1 ? commune(c.seed) : cluster(c));
                });
                Object.keys(shown).forEach(function (id) { if (!next[id]) { group.removeLayer(shown[id]); } });
                Object.keys(next).forEach(function (id) { if (!shown[id]) { group.addLayer(next[id]); } });
                shown = next;
            }
            map.on('moveend', draw);
            map.whenReady(draw);
            return group;
        })({{ this._parent.get_name() }}, {{ this.rows_json }}, {{ this.CLUSTER_RADIUS }}, {{ this.ALL_FROM_ZOOM }});
        {% endmacro %}
    """)

    def __init__(self, rows):
        super().__init__()
        self._name = "CommuneMarkers"
        self.rows_json = to_script_json(rows)


class Shapes(_DataLayer):
    """Filled boundaries: a GeoJSON FeatureCollection (text) whose features carry `fill` (colour or
    null for no data), `tip` (tooltip HTML, already `safe_text`) and `strong` (outline drawn thick)."""
    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJSON({{ this.geojson }}, {
            style: function (f) {
                var p = f.properties;
                return {fillColor: p.fill || '""" + NO_DATA + """', fillOpacity: 0.8,
                        color: p.strong ? '#000' : '#666', weight: p.strong ? 3 : 0.6};
            },
            onEachFeature: function (f, layer) { layer.bindTooltip(f.properties.tip, {sticky: true}); }
        }).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, geojson: str):
        super().__init__()
        self._name = "Shapes"
        self.geojson = geojson


class Outlines(_DataLayer):
    """Thin boundaries (a GeoJSON text) that give the map its shape when there are no tiles; not clickable."""
    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJSON({{ this.geojson }}, {
            interactive: false, style: {color: '#7b8494', weight: 0.8, fill: false}
        }).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, geojson: str):
        super().__init__()
        self._name = "Outlines"
        self.geojson = geojson


class Legend(MacroElement):
    """A legend box in a map corner; `html` is built from `safe_text` fragments."""
    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: 'bottomleft'});
        {{ this.get_name() }}.onAdd = function () {
            var div = L.DomUtil.create('div', 'esscope-legend');
            div.innerHTML = {{ this.html_json }};
            L.DomEvent.disableClickPropagation(div);
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, html: str):
        super().__init__()
        self._name = "Legend"
        self.html_json = to_script_json(html)


class FitView(MacroElement):
    """Fit the map to `bounds`, and fit it again each time its frame changes size until the reader
    moves it. A map made while its frame has no size yet (in a tab not shown, or before the page
    has laid the frame out) cannot be fitted then: Leaflet would keep a view made for 0 pixels."""
    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map, bounds, options) {
            var container = map.getContainer(), moved = false;
            function fit() {
                map.invalidateSize(false);
                var size = map.getSize();
                if (size.x > 0 && size.y > 0) { map.fitBounds(bounds, options); }
            }
            container.addEventListener('pointerdown', function () { moved = true; }, true);
            container.addEventListener('keydown', function () { moved = true; }, true);
            container.addEventListener('wheel', function (e) { if (e.ctrlKey || e.metaKey) { moved = true; } }, true);
            map.fitBounds(bounds, options);
            if (window.ResizeObserver) {
                new ResizeObserver(function () { if (!moved) { fit(); } }).observe(container);
            }
        })({{ this._parent.get_name() }}, {{ this.bounds_json }}, {{ this.options_json }});
        {% endmacro %}
    """)

    def __init__(self, bounds, padding=20, max_zoom=11):
        super().__init__()
        self._name = "FitView"
        self.bounds = [[float(v) for v in corner] for corner in bounds]
        self.bounds_json = to_script_json(self.bounds)
        self.options_json = to_script_json({"padding": [padding, padding], "maxZoom": max_zoom})


GESTURE_TEXTS = {   # GestureHandling's own French sentences are long; these say what to do
    "scroll": "Utilisez Ctrl + molette pour zoomer la carte",
    "scrollMac": "Utilisez \u2318 + molette pour zoomer la carte",
    "touch": "Utilisez deux doigts pour déplacer la carte",
}


def base_map(bounds=None, tiles=True, padding=20) -> folium.Map:
    """An empty map of France (or of `bounds`, [[south, west], [north, east]]) loading only the
    app's own copy of Leaflet, opened fitted to those bounds.

    The mouse wheel scrolls the page; Ctrl + wheel (or two fingers) moves the map
    (GestureHandling, messages in French). With `tiles`, OpenStreetMap tiles are an overlay that
    can be switched off; when they cannot load, the plain background stays and every layer still shows."""
    m = folium.Map(location=[46.6, 2.5], zoom_start=6, tiles=None, prefer_canvas=True, zoom_snap=0.25,
                   zoom_delta=1, gesture_handling=True,
                   gesture_handling_options={"text": GESTURE_TEXTS, "duration": 1500})
    m.default_js = LEAFLET_JS
    m.default_css = LEAFLET_CSS
    _Style().add_to(m)
    if tiles:
        folium.TileLayer(OSM_TILES, attr=OSM_ATTRIBUTION, name="Fond de carte OpenStreetMap (en ligne)",
                         overlay=True, control=True, max_zoom=19).add_to(m)
        folium.LayerControl(collapsed=True).add_to(m)
    FitView(bounds or FRANCE_BOUNDS, padding=padding).add_to(m)
    return m


def view_bounds(lons, lats):
    """Leaflet bounds of the points, keeping to metropolitan France when some are there
    (so that one overseas event does not zoom the map out to the whole world). None if no point."""
    lons, lats = np.asarray(lons, dtype=float), np.asarray(lats, dtype=float)
    ok = ~(np.isnan(lons) | np.isnan(lats))
    lons, lats = lons[ok], lats[ok]
    if not len(lons):
        return None
    inside = (lons >= METROPOLE[0]) & (lats >= METROPOLE[1]) & (lons <= METROPOLE[2]) & (lats <= METROPOLE[3])
    if inside.any():
        lons, lats = lons[inside], lats[inside]
    # no margin here: the map keeps one in pixels around them (MARKER_PADDING), whatever the zoom
    return [[float(lats.min()), float(lons.min())], [float(lats.max()), float(lons.max())]]


# --------------------------------------------------------------------------- events by commune

MAX_LISTED = 20                 # events listed in one commune's popup
LISTING_BUDGET = 12_000         # events listed over all popups, to keep the page light
CAPS = (20, 10, 5, 3, 1)


def listing_cap(counts, max_listed=MAX_LISTED, budget=LISTING_BUDGET) -> int:
    """How many events each popup lists: the largest cap ≤ max_listed keeping the total within budget
    (0: popups are left out, the tooltip gives the count and a click lists the events under the map)."""
    counts = np.asarray(counts, dtype=int)
    for cap in (c for c in CAPS if c <= max_listed):
        if np.minimum(counts, cap).sum() <= budget:
            return cap
    return 0


def event_parts(event) -> list:
    """[date, title, venue] of an event for a popup line, each escaped: the date in French
    (« mardi 7 novembre 2017, 14 h »), '' for no venue."""
    when = format_period(_day(event.get("start_date")), _day(event.get("end_date")))
    if format_time(event.get("start_time")):
        when += f", {format_time(event['start_time'])}"
    return [safe_text(when), safe_text(event.get("title")), safe_text(event.get("venue")).strip()]


def marker_rows(events: pd.DataFrame, max_listed=MAX_LISTED, budget=LISTING_BUDGET) -> list:
    """One row per commune from `filtered_events` rows, most events first:
    [lat, lon, events, name, code] and, when popups list events, [.., listed, more] where `listed`
    holds the `event_parts` of at most `listing_cap` events (in the order given) and `more` says
    « et N autres » when some are left out. Coordinates are rounded to 4 decimals (≈ 10 m), texts
    escaped. Events without a located commune (online, or commune unknown) are not on the map."""
    located = events[events["commune_code"].notna() & events["lat"].notna() & events["lon"].notna()]
    if located.empty:
        return []
    sizes = located["commune_code"].value_counts()
    cap = listing_cap(sizes.to_numpy(), max_listed, budget)
    listed = {}
    if cap:
        # only the events that will be listed are formatted (at most `budget` of them)
        first_ones = located[located.groupby("commune_code", sort=False).cumcount() < cap]
        columns = ["commune_code", "start_date", "end_date", "start_time", "title", "venue"]
        for event in first_ones[columns].to_dict("records"):
            listed.setdefault(event["commune_code"], []).append(event_parts(event))
    communes = located.drop_duplicates("commune_code")[["commune_code", "commune_name", "lat", "lon"]]
    rows = []
    for code, name, lat, lon in communes.itertuples(index=False):
        total, shown = int(sizes[code]), listed.get(code, [])
        row = [round(float(lat), 4), round(float(lon), 4), total, safe_text(name), safe_text(code)]
        if shown:
            row += [shown, f"et {plural(total - len(shown), 'autre')}" if total > len(shown) else ""]
        rows.append(row)
    rows.sort(key=lambda r: -r[2])
    return rows


def read_event_markers(con, flt: EventFilter, max_listed=MAX_LISTED, budget=LISTING_BUDGET) -> dict:
    """What the events map needs for a filter: rows for `events_map`, their bounds, and the counts
    shown / not placed (online or without a known commune)."""
    events = filtered_events(con, flt)
    rows = marker_rows(events, max_listed, budget)
    placed = sum(r[2] for r in rows)
    return {"rows": rows, "bounds": view_bounds([r[1] for r in rows], [r[0] for r in rows]),
            "events": len(events), "placed": placed, "unplaced": len(events) - placed}


def read_outlines(con, level="department", decimals=3) -> str:
    """The boundaries of all territories of a level as GeoJSON text (for `events_map`)."""
    return to_geojson(to_geodataframe(read_shapes(con, level)), {}, decimals)


MARKER_PADDING = 30     # pixels kept around the markers when fitting: a marker is up to 40 px wide


def events_map(markers: dict, outlines: str | None = None, tiles=True) -> folium.Map:
    """The map of events by commune: clustered markers with counts, tooltips and popups, over
    the `outlines` of `read_outlines` when given."""
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


def round_geometries(geoms, decimals=4):
    """Geometries with coordinates rounded (≈ 11 m at 4 decimals), to keep the page light."""
    return shapely.transform(np.asarray(geoms), lambda xy: np.round(xy, decimals))


def to_geojson(gdf: gpd.GeoDataFrame, properties: dict, decimals=4) -> str:
    """A FeatureCollection as text: rounded geometries and, per feature, the given property columns
    (name in the GeoJSON → list of values). Rows without geometry are left out."""
    geoms = round_geometries(gdf.geometry.to_numpy(), decimals)
    texts = shapely.to_geojson(geoms)
    names = list(properties)
    props = [dict(zip(names, values)) for values in zip(*properties.values())] if names else [{}] * len(gdf)
    features = [f'{{"type":"Feature","geometry":{geom},"properties":{to_script_json(p)}}}'
                for geom, p, g in zip(texts, props, geoms) if g is not None and not shapely.is_empty(g)]
    return '{"type":"FeatureCollection","features":[' + ",".join(features) + "]}"


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
    # small rates (0,03 event per 10 000 inhabitants) need more decimals to make distinct classes
    lowest = math.floor(counted.min() * 10 ** decimals) / 10 ** decimals if len(counted) else None
    while decimals < 3 and (len(bounds) < min(classes, counted.nunique()) or (lowest == 0 and counted.min() > 0)):
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
    geojson = to_geojson(gdf, {"fill": fills, "tip": tips, "strong": strong})
    minx, miny, maxx, maxy = _metropolitan_bounds(gdf)
    m = base_map([[miny, minx], [maxy, maxx]] if minx is not None else None, tiles=tiles)
    Shapes(geojson).add_to(m)
    Legend(legend_html(legend, bounds, colours, decimals, zero_class, bool(values.isna().any()), lowest)).add_to(m)
    return m


def _metropolitan_bounds(gdf):
    geoms = gdf.geometry[gdf.geometry.notna() & ~gdf.geometry.is_empty]
    if geoms.empty:
        return None, None, None, None
    b = geoms.bounds
    inside = (b.minx >= METROPOLE[0]) & (b.miny >= METROPOLE[1]) & (b.maxx <= METROPOLE[2]) & (b.maxy <= METROPOLE[3])
    if inside.any():
        b = b[inside]
    return b.minx.min(), b.miny.min(), b.maxx.max(), b.maxy.max()


def to_geodataframe(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    """Shapes read from the store (`queries.read_shapes`: a WKB `geometry` column) as a GeoDataFrame in WGS 84."""
    # DuckDB hands BLOBs back as bytearray, which shapely does not read
    wkb = [None if g is None else bytes(g) for g in frame["geometry"]]
    return gpd.GeoDataFrame(frame.drop(columns="geometry"), geometry=gpd.GeoSeries.from_wkb(wkb, crs="EPSG:4326"),
                            crs="EPSG:4326")


PER_INHABITANTS = 10_000


def read_event_choropleth(con, flt: EventFilter, level: str, per_inhabitants=False) -> gpd.GeoDataFrame:
    """Events per commune within the filter's région or département (level 'commune'), or per
    département (France-wide, or within the filter's région): shapes with `events` and `value`
    (the events, or events per 10 000 inhabitants, missing where the population is unknown)."""
    if level not in ("commune", "department"):
        raise ValueError(f"niveau de carte inconnu : {level}")
    if level == "commune" and not (flt.region or flt.department):
        raise ValueError("Choisissez une région ou un département pour la carte par commune.")
    counts = events_per_territory(con, flt, level)
    shapes = to_geodataframe(read_shapes(con, level, region=flt.region,
                                         department=flt.department if level == "commune" else ""))
    shapes["events"] = shapes["code"].map(dict(zip(counts["code"], counts["events"]))).fillna(0).astype(int)
    if per_inhabitants:
        population = pd.to_numeric(shapes["population"], errors="coerce").astype(float)
        shapes["value"] = np.where(population > 0, shapes["events"] / population * PER_INHABITANTS, np.nan)
    else:
        shapes["value"] = shapes["events"].astype(float)
    return shapes


def events_choropleth(shapes: gpd.GeoDataFrame, per_inhabitants=False, tiles=True) -> folium.Map:
    """The choropleth of `read_event_choropleth`: events, or events per 10 000 inhabitants."""
    if not per_inhabitants:
        return choropleth_map(shapes, "value", "name", "Nombre d'événements", zero_class=True, tiles=tiles,
                              format_value=lambda v: plural(int(v), "événement"))
    notes = [plural(e, "événement") + (f" pour {format_number(p)} habitants" if pd.notna(p) else "")
             for e, p in zip(shapes["events"], shapes["population"])]
    return choropleth_map(shapes.assign(note=notes), "value", "name", "Événements pour 10 000 habitants",
                          unit="pour 10 000 habitants", decimals=1, zero_class=True, note_column="note", tiles=tiles)


# --------------------------------------------------------------------------- clicks and rendering

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


def _day(value):
    return None if value is None or pd.isna(value) else value


def render(m: folium.Map, key: str, height=560) -> str | None:
    """Show a map in the Streamlit page (the app's own Leaflet, no CDN) and return the INSEE code of
    the commune last clicked, if any. Only clicks go back to Python: panning and zooming do not
    rerun the page."""
    from streamlit_folium import st_folium

    _ensure_assets(_static_dir())
    payload = st_folium(m, key=key, height=height, use_container_width=True, returned_objects=[CLICK])
    return commune_from_click(payload)


def _static_dir() -> Path:
    # Streamlit serves the static/ folder next to the main script, app.py, at the project's root
    # (not next to the running page: AppTest runs a page file as its main script).
    return ROOT / "static"


_INSTALLED = set()


def _ensure_assets(static_dir: Path):
    if static_dir not in _INSTALLED:
        install_assets(static_dir)
        _INSTALLED.add(static_dir)
