"""Time until each page of the app is fully drawn in Chromium (charts drawn, maps with their markers or
shapes), as a ratio to a one-line Streamlit page measured in the same run: on a shared, busy machine the
ratio holds where seconds do not.

    .venv/bin/python benchmarks/bench_browser.py [--db data/esscope.duckdb] [--runs 5]
        [--pages territoires editions] [--sizes bureau]

Both apps run with `streamlit run` on free ports, Chromium without network (Debian's `chromium`).
Each page is loaded once to warm it, then `--runs` times; medians are printed.
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


def measure(context, url: str, runs: int) -> float:
    page = context.new_page()
    load_time(page, url)                         # warm: the app's files are in the browser's cache
    times = [load_time(page, url) for _ in range(runs)]
    page.close()
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
                browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
                for size, viewport in SIZES.items():
                    if args.sizes and size not in args.sizes:
                        continue
                    context = browser.new_context(viewport=viewport, locale="fr-FR")
                    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(
                        (base, ref_base)) else r.abort())
                    ref = measure(context, ref_base + "/", args.runs)
                    print(f"\nChromium {viewport['width']}×{viewport['height']} ({size}), médiane de {args.runs} "
                          "chargements à chaud, jusqu'à la page entièrement dessinée")
                    print(f"{'page':<28}{'secondes':>10}{'rapport':>10}")
                    print(f"{'référence (une ligne)':<28}{ref:>10.2f}{1:>10.2f}")
                    for path, name, title, _icon in app_pages():
                        if args.pages and name not in args.pages:
                            continue
                        seconds = measure(context, f"{base}/{path}", args.runs)
                        print(f"{title:<28}{seconds:>10.2f}{seconds / ref:>10.2f}")
                    context.close()
                browser.close()
        finally:
            for process in (app, reference):
                process.terminate()
                process.wait(timeout=15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
