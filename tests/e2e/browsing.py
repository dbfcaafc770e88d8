"""Helpers of the browser tests: start the app as the README says, drive an offline Chromium page."""

import ast
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from esscope import auth

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-output" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]

# A title made to break out of HTML, of a <script>, of JavaScript strings and template literals.
HOSTILE = "<img src=x onerror=alert(1)></script>`${alert(2)}` 'simple' \"double\" \u2028fin"
HOSTILE_COMMUNE = ("62041", "Arras")


def app_pages() -> list:
    """(path, name, title, icon) of every page of app.py's menu, read from its source (hidden pages left
    out); the default page is at '/'."""
    pages = []
    for node in ast.walk(ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Page":
            kwargs = {k.arg: k.value.value for k in node.keywords if isinstance(k.value, ast.Constant)}
            if kwargs.get("visibility") == "hidden":
                continue
            name = kwargs.get("url_path") or Path(node.args[0].value).stem
            pages.append(("" if kwargs.get("default") else name, name, kwargs.get("title", name), kwargs.get("icon")))
    return pages


STAFF_PASSWORD = "mot-de-passe-des-essais"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(db: Path, log: Path):
    """`streamlit run app.py` (the README's command) on `db` and a free port, its staff page opened by
    STAFF_PASSWORD; returns (process, base URL)."""
    port = free_port()
    env = {**os.environ, "ESSCOPE_DB": str(db), auth.ENV_VAR: auth.hash_password(STAFF_PASSWORD)}
    command = [str(Path(sys.executable).parent / "streamlit"), "run", "app.py", "--server.port", str(port),
               "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    base = f"http://localhost:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return process, base
        except OSError:
            time.sleep(0.3)
        if process.poll() is not None:
            break
    process.terminate()
    raise RuntimeError(f"l'application n'a pas démarré : {log.read_text(errors='replace')[-2000:]}")


def stop_app(process):
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'

# The page has run its script and shows every element (Streamlit draws a grey skeleton in place of an
# element whose code is still loading: a map's frame comes some 0.5 s after the run), and shows some: a deep
# link opened first after start runs the page alone, which reruns through app.py (webapp.ensure_navigation),
# and between the two runs the page is empty and not running.
SETTLED = """() => {
    const shown = el => el.getClientRects().length > 0;
    const app = document.querySelector('[data-testid=stApp]');
    return !!app && app.dataset.testScriptState === 'notRunning' &&
        ![...document.querySelectorAll('[data-testid=stSkeleton]')].some(shown) &&
        [...document.querySelectorAll('[data-testid=stMain] [data-testid=stElementContainer]')].some(shown);
}"""

# The last map of the page is drawn (shapes, outlines or markers) and its view has not moved for three
# frames in a row (no zoom or pan animation, no refit after its frame took its size).
MAP_STILL = """(shown) => {
    const frames = document.querySelectorAll('iframe[title="streamlit_folium.st_folium"]');
    const win = frames.length ? frames[frames.length - 1].contentWindow : null;
    const map = win && win.map_div;
    if (!map || !map._loaded) return false;
    const size = map.getSize(), center = map.getCenter();
    const drawn = win.document.querySelector('.leaflet-overlay-pane canvas, .leaflet-overlay-pane path, ' +
                                             '.esscope-commune, .esscope-cluster');
    const moving = map._animatingZoom || (map._panAnim && map._panAnim._inProgress) || (shown && !size.x);
    const view = [win.location.href, size.x, size.y, map.getZoom(), center.lat, center.lng].join();
    if (!drawn || moving || view !== window.esscopeMapView) {
        window.esscopeMapView = view;
        window.esscopeStill = 0;
        return false;
    }
    window.esscopeStill += 1;
    return window.esscopeStill >= 3;
}"""


class Offline:
    """A browser page where every request that does not go to the app is aborted and recorded,
    and where every dialog (alert, confirm…) is recorded and dismissed."""

    def __init__(self, browser, base: str, viewport=None):
        self.base = base
        self.blocked, self.dialogs = [], []
        self.context = browser.new_context(viewport=viewport or {"width": 1400, "height": 1000},
                                           accept_downloads=True, locale="fr-FR")
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("dialog", self._dialog)

    def _route(self, route):
        if route.request.url.startswith(self.base):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: str):
        """Load a page of the app and wait until its script has run and its elements are shown."""
        self.page.goto(self.base + path)
        self.wait()
        return self.page

    def wait(self, timeout=60_000):
        """Wait until Streamlit has finished running the page and shows every element it sent. (A new
        document has no script state until its first run; an action's rerun is waited for by what it changes.)"""
        self.page.wait_for_function(SETTLED, timeout=timeout)

    def close(self):
        self.context.close()

    def metric(self, label: str) -> int:
        """The number shown by the st.metric labelled `label`."""
        box = self.page.get_by_test_id("stMetric").filter(has=self.page.get_by_text(label, exact=True))
        text = box.get_by_test_id("stMetricValue").inner_text()
        return int("".join(ch for ch in text if ch.isdigit()))

    def map_frame(self, timeout=30_000, shown=True):
        """The frame of the (last drawn) folium map, once Leaflet has drawn it and its view is still
        (a map refits itself when its frame takes its size). `shown`: the map has a size (not in a hidden tab)."""
        self.page.wait_for_function(MAP_STILL, arg=shown, timeout=timeout)
        return self.page.locator(MAP_FRAME).last.element_handle().content_frame()

    def map_markers(self) -> dict:
        """Commune markers and clusters drawn on the map, and the sum of the counts they show."""
        return self.map_frame().evaluate(r"""() => {
            const read = el => parseInt(el.textContent.replace(/\D/g, ''), 10);
            const singles = [...document.querySelectorAll('.esscope-commune')];
            const clusters = [...document.querySelectorAll('.esscope-cluster')];
            return {markers: singles.length, clusters: clusters.length,
                    events: [...singles, ...clusters].map(read).reduce((a, b) => a + b, 0)};
        }""")

    def map_view(self) -> dict:
        """How the (last drawn) map's view fits what it draws (its markers or filled shapes, not the
        outlines): its zoom, the zoom that fits those bounds with the 20 px margins, and whether the
        view contains them."""
        return self.map_frame().evaluate("""() => {
            let drawn = null;
            map_div.eachLayer(layer => {
                const shapes = layer instanceof L.GeoJSON && layer.options.interactive !== false;
                const markers = layer.options && layer.options.esscope === 'communes';
                if (!shapes && !markers) return;
                const b = layer.getBounds();
                if (b.isValid()) drawn = drawn ? drawn.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast());
            });
            return {zoom: map_div.getZoom(), fit: Math.min(map_div.getBoundsZoom(drawn, false, L.point(40, 40)), 11),
                    contains: map_div.getBounds().contains(drawn), width: map_div.getSize().x};
        }""")

    def click_map_at(self, lat: float, lon: float):
        """Click the map at a place (a commune's marker or shape), once the map has stopped moving: a click
        computed while it still zooms to fit its markers lands beside them (a busy machine draws slowly)."""
        frame = self.map_frame()
        frame.wait_for_function("() => window.map_div && map_div._loaded && !map_div._animatingZoom"
                                " && !(map_div._panAnim && map_div._panAnim._inProgress)", timeout=30_000)
        point = frame.evaluate("([lat, lon]) => map_div.latLngToContainerPoint([lat, lon])", [lat, lon])
        frame.locator("#map_div").click(position={"x": point["x"], "y": point["y"]})


def screenshot(page, name: str) -> Path:
    """Save the whole page (Streamlit scrolls inside its main block, so the window grows to fit it) once
    two captures in a row are the same: a map's frame is painted again a moment after the window grows."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    size = page.viewport_size
    height = page.evaluate("() => document.querySelector('[data-testid=stMain]')?.scrollHeight || 0")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], min(int(height), 12_000))})
    previous, shot = None, page.screenshot()
    for _ in range(20):
        if shot == previous:
            break
        previous, shot = shot, page.screenshot()
    path.write_bytes(shot)
    page.set_viewport_size(size)
    return path


SIZES = {"bureau": {"width": 1440, "height": 900}, "telephone": {"width": 390, "height": 844}}

# Every element of the page shown (SETTLED), every chart shown drawn (its texts too), every map shown drawn with its shapes
# or markers (charts and maps in a tab not opened are not drawn until it is).
DRAWN = """() => {
    const shown = el => el.getClientRects().length > 0;
    const app = document.querySelector('[data-testid=stApp]');
    if (!app || app.dataset.testScriptState !== 'notRunning') return false;
    if ([...document.querySelectorAll('[data-testid=stSkeleton]')].some(shown)) return false;
    if (![...document.querySelectorAll('[data-testid=stMain] [data-testid=stElementContainer]')].some(shown)) return false;
    // a chart's frame (.main-svg) comes before its texts: drawn when its texts and annotations are there
    const charts = [...document.querySelectorAll('[data-testid=stPlotlyChart]')].filter(shown);
    if (!charts.every(c => {
        const plot = c.querySelector('.js-plotly-plot');
        const notes = (plot && plot.layout && plot.layout.annotations || []).length;
        return plot && c.querySelector('.main-svg text') && c.querySelectorAll('.annotation').length >= notes;
    })) return false;
    const frames = [...document.querySelectorAll('iframe[title="streamlit_folium.st_folium"]')].filter(shown);
    return frames.every(frame => {
        const win = frame.contentWindow, doc = frame.contentDocument;
        return win && win.map_div && win.map_div._loaded &&
            doc.querySelector('.leaflet-overlay-pane canvas, .leaflet-overlay-pane path, .esscope-commune, ' +
                              '.esscope-cluster');
    });
}"""


def wait_until_drawn(page, timeout=60_000):
    """Wait until the page is fully drawn (`DRAWN`)."""
    page.wait_for_function(DRAWN, timeout=timeout)


def audit(page) -> list:
    """axe-core (from the installed axe-playwright-python package, never from the network) run on the page
    and in each of its frames: the violations of serious or critical impact, as (rule, impact, target, help)."""
    from axe_playwright_python.sync_playwright import Axe
    axe = Axe()
    for frame in page.frames[1:]:
        if frame.url.startswith(("http://", "https://")):     # the map's frame; not about:blank ones
            frame.evaluate(axe.axe_script)
    results = axe.run(page, options={"resultTypes": ["violations"], "iframes": True})
    return [(v["id"], v["impact"], node["target"], v["help"]) for v in results.response["violations"]
            if v["impact"] in ("serious", "critical") for node in v["nodes"]]


# Words a French reader must never meet: Streamlit's, Plotly's and folium's defaults, and English data labels.
ENGLISH = ("Select all", "Press Enter", "dd/mm/yyyy", "yyyy", "Fullscreen", "Download as CSV", "Download plot",
           "Autoscale", "Reset axes", "Zoom in", "Zoom out", "Show/hide columns", "Help for", "Choose an option",
           "Choose date", "Collapse sidebar", "Main menu", "national platform", "CRESS observatory",
           "Urssaf private", "main organisers", "non-farm", "No results", "Search", "None", "Produced with",
           "per file", "Drag and drop", "Browse files", "Upload", "file upload", "Add files", "Remove")


def words_met(page) -> str:
    """Every text a reader or a screen reader meets in the page: visible text, accessible names, titles,
    placeholders and Plotly's toolbar titles (icon ligatures, which are never read, left out)."""
    return page.evaluate("""() => {
        const out = [document.title];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const node = walker.currentNode;
            if (node.parentElement.closest('[data-testid=stIconMaterial], noscript, script, style')) continue;
            out.push(node.textContent);
        }
        for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],[alt],[data-title]'))
            for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'data-title'])
                if (el.getAttribute(a)) out.push(el.getAttribute(a));
        return out.join(' | ');
    }""")


def faint_chart_texts(page) -> list:
    """The texts of the charts shown (ticks, axis titles, labels, legends; not the numbers inside a heatmap's
    cells, which `tests/test_charts.py` checks against the colour scale) under 4.5:1 on the white page, as
    (text, fill, contrast). axe does not look at a chart's SVG text."""
    return page.evaluate("""() => {
        const lum = c => {
            const [r, g, b] = c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number).map(v => v / 255)
                .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const out = [];
        for (const chart of document.querySelectorAll('.js-plotly-plot')) {
            if (!chart.getClientRects().length) continue;
            for (const text of chart.querySelectorAll('svg text')) {
                if (!text.textContent.trim() || text.closest('.heatmap-label, .hoverlayer')) continue;
                const fill = getComputedStyle(text).fill;
                const ratio = 1.05 / (lum(fill) + 0.05);
                if (ratio < 4.5) out.push([text.textContent.slice(0, 40), fill, Math.round(ratio * 10) / 10]);
            }
        }
        return out;
    }""")


def clipped_chart_texts(page) -> list:
    """The texts of the charts shown that run past their chart's edge (Plotly cuts them there): bar labels,
    axis titles, legends. Each as (text, how many pixels are cut)."""
    return page.evaluate("""() => {
        const out = [];
        for (const chart of document.querySelectorAll('.js-plotly-plot')) {
            const svg = chart.querySelector('.main-svg');
            if (!svg || !chart.getClientRects().length) continue;
            const edge = svg.getBoundingClientRect();
            for (const text of chart.querySelectorAll('svg text')) {
                const box = text.getBoundingClientRect();
                if (!text.textContent.trim() || !box.width) continue;
                const cut = Math.max(edge.left - box.left, box.right - edge.right, edge.top - box.top,
                                     box.bottom - edge.bottom);
                if (cut > 1) out.push([text.textContent, Math.round(cut)]);
            }
        }
        return out;
    }""")


def horizontal_overflow(page) -> int:
    """How many pixels the page is wider than the window (0 when nothing needs a sideways scroll)."""
    return page.evaluate("""() => {
        const main = document.querySelector('[data-testid=stMain]') || document.body;
        return Math.max(document.documentElement.scrollWidth, main.scrollWidth) - window.innerWidth;
    }""")


def plot_widths(page) -> list:
    """Each chart shown, as (title, the width of its plot area as a share of the chart's width): a colour
    scale or labels beside the plot squeeze it on a phone."""
    return page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot')].filter(c => c.getClientRects().length)
        .map(chart => {
            const plot = chart.querySelector('.draglayer .nsewdrag');
            const title = chart.querySelector('.gtitle, .xtitle, .ytitle');
            return [title ? title.textContent : '', plot ? plot.getBoundingClientRect().width /
                    chart.getBoundingClientRect().width : 1];
        })""")
