"""The files a map loads, served by the app itself: no CDN, so maps work without a network.

folium and streamlit-folium take Leaflet from CDNs. esscope's maps link instead to copies served
from the app's static folder, made at start-up from installed packages (`install_assets`): Leaflet
and GestureHandling (xstatic packages; a map in a long page lets the wheel scroll the page, Ctrl +
wheel zooms the map), and esscope's own map script and styles (package data, esscope/static/).
"""

import filecmp
import os
import shutil
from pathlib import Path

from branca.element import Element
from folium.elements import JSCSSMixin
from xstatic.pkg import leaflet as xstatic_leaflet
from xstatic.pkg import leaflet_gesturehandling as xstatic_gesturehandling

from .paths import ROOT

FOLDERS = {
    "leaflet": Path(xstatic_leaflet.BASE_DIR),
    "gesturehandling": Path(xstatic_gesturehandling.BASE_DIR),
    "esscope": Path(__file__).resolve().parent / "static",
}
# Files served under static/vendor/: name → (folder, file in that folder).
ASSETS = {
    "leaflet/leaflet.js": ("leaflet", "leaflet.js"),
    "leaflet/leaflet.css": ("leaflet", "leaflet.css"),
    "leaflet/images/layers.png": ("leaflet", "images/layers.png"),
    "leaflet/images/layers-2x.png": ("leaflet", "images/layers-2x.png"),
    "leaflet/images/marker-icon.png": ("leaflet", "images/marker-icon.png"),
    "leaflet/images/marker-icon-2x.png": ("leaflet", "images/marker-icon-2x.png"),
    "leaflet/images/marker-shadow.png": ("leaflet", "images/marker-shadow.png"),
    "gesturehandling/leaflet-gesture-handling.min.js": ("gesturehandling", "leaflet-gesture-handling.min.js"),
    "gesturehandling/leaflet-gesture-handling.min.css": ("gesturehandling", "leaflet-gesture-handling.min.css"),
    "esscope/map.js": ("esscope", "map.js"),
    "esscope/map.css": ("esscope", "map.css"),
}
# Relative to the page that loads them: streamlit-folium's frame at <app>/component/<name>/index.html,
# so the links follow the app wherever it is mounted (`server.baseUrlPath`).
ASSET_URL = "../../app/static/vendor/"
# GestureHandling hooks into L.Map's constructor: it loads after Leaflet and before any map is made;
# esscope's script uses L when it loads.
MAP_JS = [("leaflet", ASSET_URL + "leaflet/leaflet.js"),
          ("gesture_handling", ASSET_URL + "gesturehandling/leaflet-gesture-handling.min.js"),
          ("esscope_map", ASSET_URL + "esscope/map.js")]
MAP_CSS = [("leaflet_css", ASSET_URL + "leaflet/leaflet.css"),
           ("gesture_handling_css", ASSET_URL + "gesturehandling/leaflet-gesture-handling.min.css"),
           ("esscope_map_css", ASSET_URL + "esscope/map.css")]
# Streamlit serves the static/ folder next to the main script, app.py, at the project's root
# (not next to the running page: AppTest runs a page file as its main script).
STATIC_DIR = ROOT / "static"


def asset_source(name: str) -> Path:
    """The installed file behind a served asset name."""
    folder, filename = ASSETS[name]
    return FOLDERS[folder] / filename


def install_assets(static_dir=STATIC_DIR) -> Path:
    """Copy every asset from its installed package into `static_dir/vendor`; returns that folder.

    Copies (not links: Streamlit refuses files outside its static folder) only what is missing
    or different, each through a temporary file renamed into place, so concurrent calls are safe."""
    vendor = Path(static_dir) / "vendor"
    for name in ASSETS:
        source, target = asset_source(name), vendor / name
        if target.exists() and filecmp.cmp(source, target, shallow=False):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
    return vendor


_INSTALLED = set()


def ensure_assets(static_dir=STATIC_DIR) -> None:
    """`install_assets` once per process and folder."""
    if static_dir not in _INSTALLED:
        install_assets(static_dir)
        _INSTALLED.add(static_dir)


def asset_links(element: Element) -> list:
    """Every JavaScript and CSS link that a map's elements ask a page to load (what streamlit-folium loads)."""
    links = []

    def walk(item):
        if isinstance(item, JSCSSMixin):
            links.extend(url for _, url in [*item.default_js, *item.default_css])
        for child in getattr(item, "_children", {}).values():
            walk(child)
    walk(element)
    return list(dict.fromkeys(links))
