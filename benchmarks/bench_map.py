"""The Carte des événements page at scale, on a SYNTHETIC store of 100,000 events over 17 editions
across all communes (benchmarks/synthetic.py): what the page sends to the browser and how long it
takes once warm.

    .venv/bin/python benchmarks/bench_map.py [--db data/esscope.duckdb] [--synthetic PATH] [--no-browser]

For each view it prints:
- the map's payload: the JSON of the arguments streamlit-folium hands to its component (script,
  header, HTML, asset links), i.e. the map as it travels to the browser;
- the page script's run time with AppTest, first run and warm (median of 3);
- in Chromium with no network (unless --no-browser): the bytes the app sends over its WebSocket for
  a warm load of the page (everything the page shows, uncompressed) and the time from opening the
  link to the map drawn.
Without --db (or when it does not exist) a store is built into a temporary folder first; the
synthetic store is a temporary copy unless --synthetic names one (made if missing). Nothing is
written in data/.
"""

import argparse
import json
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

import synthetic

from esscope import maps, store
from esscope.filters import EventFilter

LATEST = max(synthetic.EDITIONS)
VIEWS = [   # (label, URL query of the page, filter, kind)
    ("toutes éditions, marqueurs (vue par défaut)", {}, EventFilter(), "marqueurs"),
    (f"édition {LATEST}, marqueurs", {"editions": str(LATEST)}, EventFilter(editions=[LATEST]), "marqueurs"),
    ("Grand Est, communes", {"region": "44", "vue": "communes"}, EventFilter(region="44"), "communes"),
    ("Hauts-de-France, communes / 10 000 hab.", {"region": "32", "vue": "communes", "par_habitant": "oui"},
     EventFilter(region="32"), "communes+"),
    ("France, départements", {"vue": "departements"}, EventFilter(), "departements"),
]
BOUNDS = {"payload_mb": 3.0, "warm_s": 2.0}
WARM_RUNS = 3


def component_payload(m) -> int:
    """Bytes of the JSON arguments st_folium sends to its component for map `m`."""
    import streamlit_folium

    sent = {}
    original = streamlit_folium._component_func
    streamlit_folium._component_func = lambda **kwargs: sent.update(kwargs) or {}
    try:
        streamlit_folium.st_folium(m, key="bench", height=560, use_container_width=True,
                                   returned_objects=[maps.CLICK])
    finally:
        streamlit_folium._component_func = original
    sent.pop("on_change", None)
    return len(json.dumps(sent, ensure_ascii=False).encode())


def build_map(con, flt, kind):
    if kind == "marqueurs":
        return maps.events_map(maps.read_event_markers(con, flt), maps.read_outlines(con))
    level = "department" if kind == "departements" else "commune"
    per_inhabitants = kind.endswith("+")
    return maps.events_choropleth(maps.read_event_choropleth(con, flt, level, per_inhabitants), per_inhabitants)


def measure_payloads(db: Path) -> list:
    """(label, seconds to read and build the map, payload bytes) per view."""
    con = store.connect(db)
    try:
        out = []
        for label, _, flt, kind in VIEWS:
            start = time.perf_counter()
            m = build_map(con, flt, kind)
            built = time.perf_counter() - start
            out.append((label, built, component_payload(m)))
        return out
    finally:
        con.close()


def time_page(db: Path) -> list:
    """(label, first run s, warm median s, exception) of pages/carte.py per view, with AppTest."""
    from streamlit.testing.v1 import AppTest
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    os.environ["ESSCOPE_DB"] = str(db)
    out = []
    for label, params, _, _ in VIEWS:
        at = AppTest.from_file(str(ROOT / "pages" / "carte.py"), default_timeout=300)
        at.query_params.update(params)
        start = time.perf_counter()
        at.run()
        first = time.perf_counter() - start
        warm = []
        for _ in range(WARM_RUNS):
            start = time.perf_counter()
            at.run()
            warm.append(time.perf_counter() - start)
        out.append((label, first, statistics.median(warm), bool(at.exception)))
    return out


def map_drawn(page, timeout=300) -> None:
    """Return as soon as the page's folium map has drawn its markers or shapes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for frame in page.frames:
            if "st_folium" in frame.url and frame.evaluate(
                    "() => typeof map_div !== 'undefined' && !!document.querySelector("
                    "'.esscope-commune, .marker-cluster, .leaflet-overlay-pane canvas')"):
                return
        page.wait_for_timeout(50)
    raise TimeoutError("la carte ne s'est pas dessinée")


def reference_times(browser, base) -> list:
    """What does not depend on the map: a page without map (Accueil), and, on a loaded Carte page,
    switching to the départements view (a rerun, not a page load)."""
    from browsing import Offline

    session = Offline(browser, base)
    start = time.perf_counter()
    session.page.goto(base + "/accueil")
    session.page.wait_for_selector('[data-testid="stMetric"]', timeout=300_000)
    home = time.perf_counter() - start
    session.page.goto(base + "/carte")
    map_drawn(session.page)
    session.wait(timeout=300_000)
    start = time.perf_counter()
    session.page.get_by_text("Carte des départements", exact=True).click()
    while not any("st_folium" in f.url and f.evaluate("() => !!document.querySelector('.esscope-legend')")
                  for f in session.page.frames):
        session.page.wait_for_timeout(50)
    switch = time.perf_counter() - start
    session.close()
    return [("référence : page Accueil, sans carte", None, home),
            ("référence : passage à la vue départements", None, switch)]


def measure_browser(db: Path, log: Path) -> list:
    """(label, WebSocket bytes of a warm load, seconds from opening the link to the map drawn) per view.
    Warm: the same view was loaded once before, so the server's caches hold its data."""
    from urllib.parse import urlencode

    from browsing import CHROMIUM_ARGS, Offline, start_app, stop_app
    from playwright.sync_api import sync_playwright

    process, base = start_app(db, log)
    out = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
            for label, params, _, _ in VIEWS:
                path = "/carte" + ("?" + urlencode(params) if params else "")
                for _ in ("cold", "warm"):
                    session = Offline(browser, base)
                    received = []
                    session.page.on("websocket", lambda ws, received=received: ws.on(
                        "framereceived", lambda payload: received.append(len(payload))))
                    start = time.perf_counter()
                    session.page.goto(base + path)
                    map_drawn(session.page)
                    elapsed = time.perf_counter() - start
                    session.wait(timeout=300_000)
                    session.close()
                out.append((label, sum(received), elapsed))
            out.extend(reference_times(browser, base))
            browser.close()
    finally:
        stop_app(process)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "esscope.duckdb", help="built store (bundled data)")
    parser.add_argument("--synthetic", type=Path, help="synthetic store to use (made from --db if missing)")
    parser.add_argument("--events", type=int, default=synthetic.EVENTS)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        synth = args.synthetic or Path(tmp) / "synthetic.duckdb"
        if not synth.exists():
            db = args.db
            if not db.exists():
                from esscope.build import build
                db = Path(tmp) / "bundled.duckdb"
                print(f"Construction de la base dans {db}…", flush=True)
                build(db, log=lambda _: None)
            print(f"Base synthétique ({args.events} événements synthétiques) dans {synth}…", flush=True)
            synthetic.make_store(db, synth, events=args.events)

        print(f"\nCarte des événements, base SYNTHÉTIQUE {synth}")
        print("\nCarte envoyée au navigateur (arguments du composant streamlit-folium)")
        print(f"{'vue':<44} {'lecture+carte s':>15} {'Mo':>6}")
        for label, built, size in measure_payloads(synth):
            flag = "" if size / 1e6 < BOUNDS["payload_mb"] else f"  > {BOUNDS['payload_mb']} Mo"
            print(f"{label:<44} {built:15.2f} {size / 1e6:6.2f}{flag}")

        print("\nScript de la page (AppTest), en secondes")
        print(f"{'vue':<44} {'1re':>6} {'à chaud':>8}")
        for label, first, warm, failed in time_page(synth):
            flag = "  ERREUR" if failed else ("" if warm < BOUNDS["warm_s"] else f"  > {BOUNDS['warm_s']} s")
            print(f"{label:<44} {first:6.2f} {warm:8.2f}{flag}")

        if not args.no_browser and shutil.which("chromium"):
            print("\nDans Chromium sans réseau, chargement à chaud de la page")
            print(f"{'vue':<44} {'WebSocket Mo':>12} {'carte dessinée s':>17}")
            for label, size, elapsed in measure_browser(synth, Path(tmp) / "streamlit.log"):
                shown = "" if size is None else f"{size / 1e6:.2f}"
                print(f"{label:<44} {shown:>12} {elapsed:17.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
