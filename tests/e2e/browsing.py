"""Helpers of the browser tests: start the app as the README says, drive an offline Chromium page."""

import ast
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(db: Path, log: Path):
    """`streamlit run app.py` (the README's command) on `db` and a free port; returns (process, base URL)."""
    port = free_port()
    env = {**os.environ, "ESSCOPE_DB": str(db)}
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


class Offline:
    """A browser page where every request that does not go to the app is aborted and recorded,
    and where every dialog (alert, confirm…) is recorded and dismissed."""

    def __init__(self, browser, base: str):
        self.base = base
        self.blocked, self.dialogs = [], []
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True,
                                           locale="fr-FR")
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
        """Load a page of the app and wait until its script has run."""
        self.page.goto(self.base + path)
        self.wait()
        return self.page

    def wait(self, timeout=60_000):
        """Wait until Streamlit has finished running the page (after any pending rerun)."""
        self.page.wait_for_timeout(300)
        self.page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout)
        self.page.wait_for_timeout(300)

    def close(self):
        self.context.close()

    def metric(self, label: str) -> int:
        """The number shown by the st.metric labelled `label`."""
        box = self.page.get_by_test_id("stMetric").filter(has=self.page.get_by_text(label, exact=True))
        text = box.get_by_test_id("stMetricValue").inner_text()
        return int("".join(ch for ch in text if ch.isdigit()))

    def map_frame(self, timeout=30_000):
        """The frame of the (last drawn) folium map, once Leaflet has drawn it."""
        self.page.wait_for_selector('iframe[title="streamlit_folium.st_folium"]', timeout=timeout)
        deadline = time.monotonic() + timeout / 1000
        while time.monotonic() < deadline:
            frames = [f for f in self.page.frames if "st_folium" in f.url]
            if frames and frames[-1].evaluate("() => typeof map_div !== 'undefined' && !!map_div._loaded"):
                self.page.wait_for_timeout(300)       # the markers are drawn once the view is set
                return frames[-1]
            self.page.wait_for_timeout(200)
        raise AssertionError("la carte ne s'est pas dessinée")

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
        """Click the map at a place (a commune's marker or shape)."""
        frame = self.map_frame()
        point = frame.evaluate("([lat, lon]) => map_div.latLngToContainerPoint([lat, lon])", [lat, lon])
        frame.locator("#map_div").click(position={"x": point["x"], "y": point["y"]})


def screenshot(page, name: str) -> Path:
    """Save the whole page (Streamlit scrolls inside its main block, so the window grows to fit it)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    size = page.viewport_size
    height = page.evaluate("() => document.querySelector('[data-testid=stMain]')?.scrollHeight || 0")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], min(int(height), 6000))})
    page.wait_for_timeout(500)
    page.screenshot(path=str(path))
    page.set_viewport_size(size)
    return path
