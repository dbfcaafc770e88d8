"""The app's one cached connection under Streamlit's threads, and the CLI writing while the app reads."""

import subprocess
import sys
import threading

import pytest
import streamlit as st

from esscope import queries, store, webapp
from esscope.filters import EventFilter, filtered_events

TERRITORIES = [("commune", "59350"), ("commune", "62498"), ("epci", "200093201"), ("department", "59"),
               ("department", "62"), ("region", "32"), ("region", "11"), ("country", "FR")]


@pytest.fixture
def app_store(events_store, monkeypatch):
    monkeypatch.setenv("ESSCOPE_DB", str(events_store))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield events_store
    st.cache_resource.clear()


def run_together(jobs, rounds=25):
    """Run each job `rounds` times in its own thread, all starting at once; return the failures."""
    barrier = threading.Barrier(len(jobs))
    failures = []

    def work(job):
        barrier.wait()
        for _ in range(rounds):
            try:
                job()
            except Exception as exc:  # noqa: BLE001 - collected and reported by the test
                failures.append(repr(exc))
    threads = [threading.Thread(target=work, args=(job,)) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return failures


def test_eight_threads_on_the_shared_connection_each_get_their_own_answer(app_store):
    con = webapp.connection()
    expected = {key: queries.read_territory(con, *key)["name"] for key in TERRITORIES}
    assert len(set(expected.values())) == 8

    def job(key):
        def check():
            got = queries.read_territory(webapp.connection(), *key)
            assert got is not None and got["name"] == expected[key] and (got["level"], got["code"]) == key
        return check
    assert run_together([job(key) for key in TERRITORIES]) == []


def test_eight_threads_mixing_different_queries(app_store):
    con = webapp.connection()
    filters = [EventFilter(), EventFilter(editions=[2017]), EventFilter(editions=[2024]), EventFilter(region="11"),
               EventFilter(commune="59350"), EventFilter(themes=["Culture"]), EventFilter(text="forum"),
               EventFilter(online="oui")]
    expected = [sorted(filtered_events(con, f)["id"]) for f in filters]
    assert len({tuple(e) for e in expected}) == 8

    def job(i):
        def check():
            assert sorted(filtered_events(webapp.connection(), filters[i])["id"]) == expected[i]
        return check
    assert run_together([job(i) for i in range(8)]) == []


def test_eight_threads_through_the_cached_queries(app_store):
    expected = {key: queries.read_territory(webapp.connection(), *key)["name"] for key in TERRITORIES}
    read = webapp.cached(queries.read_territory)

    def job(key):
        def check():
            st.cache_data.clear()          # make most calls reach the store, not the cache
            assert read(*key)["name"] == expected[key]
        return check
    assert run_together([job(key) for key in TERRITORIES], rounds=10) == []


def test_cli_write_while_the_app_reads_neither_fails_nor_locks(db, tmp_path, monkeypatch):
    monkeypatch.setenv("ESSCOPE_DB", str(db))
    st.cache_resource.clear()
    st.cache_data.clear()
    read = webapp.cached(queries.table_counts)
    before = dict(zip(read()["Table"], read()["Lignes"]))
    figures = tmp_path / "chiffres.csv"
    figures.write_text("territory_level,territory_code,year,indicator,value,unit,scope,source_url\n"
                       "commune,59350,2023,employees,12345,count,Test,https://example.org/test\n", encoding="utf-8")
    old = webapp.connection()
    done = subprocess.run([sys.executable, "-m", "esscope.cli", "indicators", "import", str(figures), "--db", str(db)],
                          check=False, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "lock" not in (done.stdout + done.stderr).lower() and "Traceback" not in done.stderr
    assert store.query(old, "SELECT count(*) AS n FROM indicators")["n"].iloc[0] == before["Chiffres de l'ESS"]
    after = dict(zip(read()["Table"], read()["Lignes"]))     # the app sees the new version on its next query
    assert after["Chiffres de l'ESS"] == before["Chiffres de l'ESS"] + 1
    assert webapp.connection() is not old
    st.cache_resource.clear()


def test_page_after_a_cli_write_shows_the_new_figure_without_error(run_page, db, tmp_path):
    at = run_page("territoires.py", db, {"territoire": "commune:59350"})
    assert not at.exception
    figures = tmp_path / "chiffres.csv"
    figures.write_text("territory_level,territory_code,year,indicator,value,unit,scope,source_url\n"
                       "commune,59350,2025,employees,4321,count,Test,https://example.org/test\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "esscope.cli", "indicators", "import", str(figures), "--db", str(db)],
                          check=False, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    at.run()
    assert not at.exception and not at.error
    assert {m.label: m.value for m in at.metric}["Salariés"] == "4\u202f321"
