"""Plumbing shared by the Streamlit pages: the store connection and cached queries.

Pages import this; nothing else in `esscope` depends on Streamlit. One read-only
connection is cached per version of the store file, and every query runs on
its own cursor (a connection shared by Streamlit's threads otherwise mixes up
results). When an import replaces the store file, the version changes, a new
connection opens and cached results of the old version are no longer used.
"""

import functools
import os
from pathlib import Path

import streamlit as st

from . import store


def db_path() -> Path:
    """The store the app reads: $ESSCOPE_DB or data/esscope.duckdb."""
    return Path(os.environ.get("ESSCOPE_DB", store.DEFAULT_PATH))


def store_version() -> tuple:
    return store.version(db_path())


@st.cache_resource(max_entries=2, show_spinner=False, on_release=lambda con: con.close())
def _connection(path: str, version: tuple):
    return store.connect(path, read_only=True)


def connection():
    """The cached read-only connection to the current version of the store."""
    return _connection(str(db_path()), store_version())


def cached(fn):
    """Cache a query function `fn(con, *args, **kwargs)` per store version and arguments.

    The wrapper takes the same arguments without `con`."""
    name = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return _run(name, store_version(), args, kwargs)

    _FUNCTIONS[name] = fn
    return wrapper


_FUNCTIONS = {}


@st.cache_data(show_spinner=False, max_entries=1024)
def _run(name, version, args, kwargs):
    return _FUNCTIONS[name](connection(), *args, **kwargs)


def require_store() -> bool:
    """Stop the page with a French message when the store is missing."""
    if db_path().exists():
        return True
    st.error(f"La base de données ({db_path()}) n'existe pas encore. "
             "Lancez « make run » ou « esscope build » pour la créer à partir des données fournies.")
    st.stop()
    return False
