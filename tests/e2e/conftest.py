"""Browser tests: the app started as the README says (`streamlit run app.py`) on a test store, driven by
Debian's Chromium through Playwright with every request outside the app aborted (no network)."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from browsing import CHROMIUM_ARGS, HOSTILE, HOSTILE_COMMUNE, Offline, start_app, stop_app

from esscope import store


@pytest.fixture(scope="session")
def e2e_store(events_store, tmp_path_factory) -> Path:
    """The test events of `events_store` plus one event whose title and venue are HOSTILE."""
    path = tmp_path_factory.mktemp("e2e") / "esscope.duckdb"
    shutil.copyfile(events_store, path)
    with store.writing(path) as con:
        con.execute("""INSERT INTO events (id, source_id, position, edition, region_code, start_date, start_time,
                       title, venue, theme, kind, commune_code, online, organizer, confidence)
                       VALUES ('test:hostile', 'test:programme', 99, 2017, '32', ?, '11:00', ?, ?, 'Emploi',
                               'Atelier', ?, false, 'Test', 0.9)""",
                    [dt.date(2017, 11, 8), HOSTILE, HOSTILE, HOSTILE_COMMUNE[0]])
    return path


@pytest.fixture(scope="session")
def browser():
    if not shutil.which("chromium"):
        pytest.skip("Chromium absent : `make browser` l'installe (paquet Debian chromium)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def app(e2e_store, browser, tmp_path_factory):
    """The app running on the e2e store; its base URL."""
    process, base = start_app(e2e_store, tmp_path_factory.mktemp("app") / "streamlit.log")
    yield base
    stop_app(process)


@pytest.fixture
def offline(app, browser):
    """A fresh offline browser page on the app; fails the test if any dialog opened."""
    session = Offline(browser, app)
    yield session
    session.close()
    assert session.dialogs == [], f"une boîte de dialogue s'est ouverte : {session.dialogs}"
