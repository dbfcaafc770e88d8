"""Éditions: the Mois de l'ESS across editions (published national figures, loaded programmes per
région), one edition's days and multi-day events, and two editions side by side."""

import dataclasses

import pandas as pd
import streamlit as st

from esscope import charts, editionsui, queries
from esscope.filters import filter_options
from esscope.french import format_number
from esscope.webapp import cached, event_filter_widgets, lazy_tabs, require_store, show_chart, url_key, write_url

PAGE = "editions"

require_store()
st.title("Les éditions du Mois de l'ESS")
st.caption("Chaque novembre depuis 2008. Les chiffres publiés (avec leur source) et les événements des programmes "
           "importés dans esscope.")


flt = event_filter_widgets(PAGE, fields=("region", "department", "epci", "themes", "kinds", "online", "text"))
st.sidebar.caption("Ces filtres portent sur les événements des programmes importés, pas sur les chiffres publiés.")

editions = cached(filter_options)()["editions"]
# the editions chosen in the tabs, kept (and in the URL) while another tab is open
keys = {name: url_key(PAGE, name, editions[i], options=editions, convert=int)
        for name, i in (("edition", 0), ("a", -1), ("b", 0))} if editions else {}


def loaded(draw):
    """A tab on the imported programmes: said empty until one is imported."""
    def tab():
        if editions:
            draw()
        else:
            st.info("Aucun programme n'est encore importé : cet onglet s'affichera dès qu'un programme l'aura été "
                    "(page Import, réservée à l'équipe).")
    return tab


def per_region() -> None:
    counts = cached(queries.events_per_edition_region)(flt)
    show_chart(charts.events_by_region_chart(counts), key="regions")
    st.caption(charts.region_grid_caption(counts))


def one_edition() -> None:
    edition = st.selectbox("Édition", editions, key=keys["edition"])
    one = dataclasses.replace(flt, editions=[edition])
    days = cached(queries.events_per_day)(one)
    show_chart(charts.calendar_heatmap(days, edition), key="calendar")
    outside = days[pd.to_datetime(days["day"]).dt.month != 11]["events"].sum() if len(days) else 0
    if outside:
        st.caption(f"{format_number(outside)} journée(s)-événement hors de novembre ne figurent pas dans le "
                   "calendrier.")
    editionsui.multi_day(one)


def two_editions() -> None:
    left, right = st.columns(2)
    first = left.selectbox("Première édition", editions, key=keys["a"])
    second = right.selectbox("Seconde édition", editions, key=keys["b"])
    editionsui.side_by_side(flt, (left, right), (first, second))


tab = lazy_tabs(PAGE, {
    "france": ("En France", editionsui.national_figures),
    "regions": ("Par région", loaded(per_region)),
    "edition": ("Une édition", loaded(one_edition)),
    "comparaison": ("Deux éditions", loaded(two_editions)),
})
write_url(flt.to_params() | {name: st.session_state[key] for name, key in keys.items()} | {"onglet": tab})
