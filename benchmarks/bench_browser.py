"""Time until each page of the app is fully drawn in Chromium (charts drawn, maps with their markers or
shapes), as a ratio to a one-line Streamlit page measured in the same run: on a shared, busy machine the
ratio holds where seconds do not.

Two visits are timed. First visit: a new browser profile each time, nothing in its cache (the browser
fetches and compiles every file the page needs, Plotly's 4.7 MB included). Next visit: the same profile,
its cache full. (Earlier versions blocked the network with Playwright's request routing, which turns the
browser's cache off and sends every file through Playwright: neither visit, and slower than both.)

    .venv/bin/python benchmarks/bench_browser.py [--db data/esscope.duckdb] [--runs 5]
        [--pages territoires editions] [--sizes bureau]

Both apps run with `streamlit run` on free ports, Chromium without network (Debian's `chromium`; every
host but this machine unknown to it). Each page is loaded once to warm the app's caches, then `--runs`
times per visit; medians are printed.
"""

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
# the tests' own helpers: how an app is started and when a page is fully drawn
from browsing import CHROMIUM_ARGS, SIZES, app_pages, wait_until_drawn

# No network: every host but this machine is unknown to the browser (map tiles fail at once, as offline).
OFFLINE = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"]
REFERENCE = 'import streamlit as st\n\nst.write("Page de référence : une ligne.")\n'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(script: str, cwd: Path, env: dict) -> tuple:
    """`streamlit run script` on a free port; (process, base URL) once it answers."""
    port = free_port()
    process = subprocess.Popen([str(Path(sys.executable).parent / "streamlit"), "run", script, "--server.port",
                                str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"],
                               cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://localhost:{port}"
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2):
                return process, base
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"{script} n'a pas démarré")


def load_time(page, url: str) -> float:
    """Seconds from asking for the page to the page fully drawn."""
    start = time.perf_counter()
    page.goto(url)
    wait_until_drawn(page, timeout=120_000)      # a new document has no script state until its first run
    return time.perf_counter() - start


def next_visit(context, url: str, runs: int) -> float:
    """Median load time in one browser profile: the app's files are in its cache after the first load."""
    page = context.new_page()
    load_time(page, url)
    times = [load_time(page, url) for _ in range(runs)]
    page.close()
    return statistics.median(times)


def first_visit(browser, viewport: dict, url: str, runs: int) -> float:
    """Median load time in a new browser profile each time: an empty cache."""
    times = []
    for _ in range(runs):
        context = browser.new_context(viewport=viewport, locale="fr-FR")
        times.append(load_time(context.new_page(), url))
        context.close()
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(ROOT / "data" / "esscope.duckdb"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", nargs="*", help="only these pages (names of app.py's menu, e.g. territoires); "
                        "all by default")
    parser.add_argument("--sizes", nargs="*", choices=list(SIZES), help="only these window sizes; both by default")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    env = {**os.environ, "ESSCOPE_DB": str(Path(args.db).resolve())}
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "reference.py").write_text(REFERENCE, encoding="utf-8")
        reference, ref_base = serve("reference.py", Path(folder), env)
        app, base = serve("app.py", ROOT, env)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS + OFFLINE)
                for size, viewport in SIZES.items():
                    if args.sizes and size not in args.sizes:
                        continue
                    context = browser.new_context(viewport=viewport, locale="fr-FR")
                    urls = [("référence (une ligne)", ref_base + "/")] + [
                        (title, f"{base}/{path}") for path, name, title, _icon in app_pages()
                        if not args.pages or name in args.pages]
                    rows = []
                    for title, url in urls:
                        later = next_visit(context, url, args.runs)      # first: it also warms the app's caches
                        rows.append((title, first_visit(browser, viewport, url, args.runs), later))
                    context.close()
                    print(f"\nChromium {viewport['width']}×{viewport['height']} ({size}), médiane de {args.runs} "
                          "chargements, jusqu'à la page entièrement dessinée")
                    print(f"{'page':<28}{'1re visite s':>14}{'rapport':>9}{'visite suivante s':>19}{'rapport':>9}")
                    (_, ref_first, ref_next) = rows[0]
                    for title, first, later in rows:
                        print(f"{title:<28}{first:>14.2f}{first / ref_first:>9.2f}{later:>19.2f}{later / ref_next:>9.2f}")
                browser.close()
        finally:
            for process in (app, reference):
                process.terminate()
                process.wait(timeout=15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
