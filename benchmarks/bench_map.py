"""The Carte des événements page at scale, on a SYNTHETIC store of 100,000 events over 17 editions
across all communes (benchmarks/synthetic.py): what the page sends to the browser and how long it
takes once warm.

    .venv/bin/python benchmarks/bench_map.py [--db data/esscope.duckdb] [--synthetic PATH] [--no-browser]

For each view it prints:
- the map's payload: the JSON of the arguments streamlit-folium hands to its component (script,
  header, HTML, asset links), i.e. the map as it travels to the browser;
- the page script's run time with AppTest, first run and warm (median of 3);
- in Chromium with no network (unless --no-browser): the bytes the app sends over its WebSocket for
  a warm load of the page (everything the page shows, before compression) and the time from opening
  the link to the map drawn, split into: Streamlit's page shell, the page's first figures (the script
  has run and its output is shown), the map's frame with Leaflet loaded, and the map drawn. Warm: the
  server's caches hold the view's data and the browser's cache holds the app's files (a reader
  coming back); references: the Accueil page and the Carte page without a map, and switching view
  in a loaded page (a rerun, no page load).
Without --db (or when it does not exist) a store is built into a temporary folder first; the
synthetic store is a temporary copy unless --synthetic names one (made if missing). Nothing is
written in data/.
"""

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

import synthetic
from apptiming import time_script

from esscope import maps, queries, store
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


def component_payload(m) -> tuple:
    """Bytes of the JSON arguments st_folium sends to its component for map `m`, as is and deflated
    (what the WebSocket carries with `server.enableWebsocketCompression`)."""
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
    data = json.dumps(sent, ensure_ascii=False).encode()
    return len(data), len(zlib.compress(data, 6))


def build_map(con, flt, kind):
    if kind == "marqueurs":
        return maps.events_map(queries.read_event_markers(con, flt), queries.read_outlines(con))
    level = "department" if kind == "departements" else "commune"
    per_inhabitants = kind.endswith("+")
    return maps.events_choropleth(queries.read_event_choropleth(con, flt, level, per_inhabitants), per_inhabitants)


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
    return [(label, *time_script("carte.py", params, db, WARM_RUNS, timeout=300)) for label, params, _, _ in VIEWS]


SHOWN = {   # what each phase of a page load waits for
    "figures": "() => !!document.querySelector('[data-testid=stMetric]')",
    "leaflet": "() => typeof L !== 'undefined'",
    "drawn": ("() => typeof map_div !== 'undefined' && !!map_div._loaded && !!document.querySelector("
              "'.esscope-commune, .esscope-cluster, .leaflet-overlay-pane canvas')"),
}


def load_phases(page, url, with_map=True, timeout=300) -> dict:
    """Open `url` and return the seconds until Streamlit's shell, the page's first figures, the map's
    frame with Leaflet, and the map drawn (the last two only `with_map`)."""
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout * 1000)
    phases = {"shell": time.perf_counter() - start}
    wanted = ["figures"] + (["leaflet", "drawn"] if with_map else [])
    while wanted and time.perf_counter() - start < timeout:
        probe = wanted[0]
        targets = [page] if probe == "figures" else [f for f in page.frames if "st_folium" in f.url][-1:]
        if targets and _evaluate(targets[0], SHOWN[probe]):
            phases[probe] = time.perf_counter() - start
            wanted.pop(0)
            continue
        page.wait_for_timeout(20)
    if wanted:
        raise TimeoutError(f"la page ne s'est pas affichée : {wanted}")
    return phases


def switch_time(session, base) -> float:
    """On a loaded Carte page, seconds from choosing the départements view to its map drawn."""
    load_phases(session.page, base + "/carte")     # the page and its map fully drawn first
    session.wait(timeout=300_000)
    start = time.perf_counter()
    session.page.get_by_text("Carte des départements", exact=True).click()
    while not _legend_shown(session.page):
        session.page.wait_for_timeout(20)
    return time.perf_counter() - start


def _legend_shown(page) -> bool:
    return any("st_folium" in frame.url and _evaluate(frame, "() => !!document.querySelector('.esscope-legend')")
               for frame in page.frames)


def _evaluate(frame, script):
    """The script's value in the frame, or None while the frame is being replaced (a new map)."""
    from playwright.sync_api import Error

    try:
        return frame.evaluate(script)
    except Error:
        return None


def measure_browser(db: Path, log: Path) -> list:
    """(label, WebSocket bytes of a warm load, phases of that load in seconds) per view, then references.
    Warm: the same view was loaded once before in the same browser, so the server's caches hold its data
    and the browser's cache the app's files."""
    from urllib.parse import urlencode

    from browsing import CHROMIUM_ARGS, Offline, start_app, stop_app
    from playwright.sync_api import sync_playwright

    process, base = start_app(db, log)
    out = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
            views = [(label, "/carte" + ("?" + urlencode(params) if params else ""), True)
                     for label, params, _, _ in VIEWS]
            views += [("référence : page Accueil", "/", False),
                      ("référence : page Carte sans carte (vue communes, aucune région)", "/carte?vue=communes", False)]
            for label, path, with_map in views:
                session = Offline(browser, base)
                runs = []
                for _ in range(1 + WARM_RUNS):           # the first load warms the caches
                    page = session.context.new_page()
                    received = []
                    page.on("websocket", lambda ws, received=received: ws.on(
                        "framereceived", lambda payload: received.append(len(payload))))
                    runs.append(load_phases(page, base + path, with_map))
                    page.close()
                out.append((label, sum(received), {k: statistics.median(r[k] for r in runs[1:]) for k in runs[-1]}))
                session.close()
            switches = []
            for _ in range(WARM_RUNS):
                session = Offline(browser, base)
                switches.append(switch_time(session, base))
                session.close()
            out.append(("référence : passage à la vue départements dans la page", None,
                        {"drawn": statistics.median(switches)}))
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
        print(f"{'vue':<44} {'lecture+carte s':>15} {'Mo':>6} {'compressé Mo':>13}")
        for label, built, (size, deflated) in measure_payloads(synth):
            flag = "" if size / 1e6 < BOUNDS["payload_mb"] else f"  > {BOUNDS['payload_mb']} Mo"
            print(f"{label:<44} {built:15.2f} {size / 1e6:6.2f} {deflated / 1e6:13.2f}{flag}")

        print("\nScript de la page (AppTest), en secondes")
        print(f"{'vue':<44} {'1re':>6} {'à chaud':>8}")
        for label, first, warm, failed in time_page(synth):
            flag = "  ERREUR" if failed else ("" if warm < BOUNDS["warm_s"] else f"  > {BOUNDS['warm_s']} s")
            print(f"{label:<44} {first:6.2f} {warm:8.2f}{flag}")

        if not args.no_browser and shutil.which("chromium"):
            print("\nDans Chromium sans réseau, chargement à chaud de la page (médiane de 3), en secondes depuis l'ouverture du lien")
            print(f"{'vue':<66} {'WebSocket Mo':>12} {'Streamlit':>9} {'chiffres':>8} {'Leaflet':>8} {'carte':>6}")
            for label, size, phases in measure_browser(synth, Path(tmp) / "streamlit.log"):
                shown = "" if size is None else f"{size / 1e6:.2f}"
                cells = " ".join(f"{phases[k]:{w}.2f}" if k in phases else " " * w
                                 for k, w in (("shell", 9), ("figures", 8), ("leaflet", 8), ("drawn", 6)))
                print(f"{label:<66} {shown:>12} {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
