"""Timing a page script with Streamlit's AppTest: its first run and the median of warm reruns."""

import logging
import os
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def time_script(page: str, params: dict, db: Path, warm_runs: int = 3, timeout: int = 120) -> tuple:
    """(first run s, warm median s, raised an exception) of `pages/<page>` on the store `db`."""
    from streamlit.testing.v1 import AppTest
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    os.environ["ESSCOPE_DB"] = str(db)
    at = AppTest.from_file(str(ROOT / "pages" / page), default_timeout=timeout)
    at.query_params.update(params)
    start = time.perf_counter()
    at.run()
    first = time.perf_counter() - start
    warm = []
    for _ in range(warm_runs):
        start = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - start)
    return first, statistics.median(warm), bool(at.exception)
