"""Éditions: the Mois de l'ESS across editions (published national figures, loaded programmes per
région), one edition's days and multi-day events, and two editions side by side."""

import dataclasses

import pandas as pd
import streamlit as st

from esscope import charts, editionsui, queries
from esscope.filters import filter_options
from esscope.french import format_number
from esscope.webapp import cached, event_filter_widgets, require_store, show_chart, url_key, write_url

PAGE = "editions"

require_store()
st.title("Les éditions du Mois de l'ESS")
st.caption("Chaque novembre depuis 2008. Les chiffres publiés (avec leur source) et les événements des programmes "
           "importés dans esscope.")


flt = event_filter_widgets(PAGE, fields=("region", "department", "epci", "themes", "kinds", "online", "text"))
st.sidebar.caption("Ces filtres portent sur les événements des programmes importés, pas sur les chiffres publiés.")

# --- National figures ------------------------------------------------------------------------
st.header("En France, édition par édition")
editionsui.national_figures()

# --- Loaded programmes -----------------------------------------------------------------------
st.header("Dans les programmes importés")
options = cached(filter_options)()
editions = options["editions"]
if not editions:
    st.info("Aucun programme n'est encore importé : les sections suivantes s'afficheront dès qu'un programme "
            "l'aura été (page Import, réservée à l'équipe).")
    write_url(flt.to_params())
    st.stop()

per_region = cached(queries.events_per_edition_region)(flt)
show_chart(charts.events_by_region_chart(per_region), key="regions")
st.caption(charts.region_grid_caption(per_region))

# --- One edition -----------------------------------------------------------------------------
st.header("Une édition en détail")
edition = st.selectbox("Édition", editions, key=url_key(PAGE, "edition", editions[0], options=editions, convert=int))
one = dataclasses.replace(flt, editions=[edition])
days = cached(queries.events_per_day)(one)
show_chart(charts.calendar_heatmap(days, edition), key="calendar")
outside = days[pd.to_datetime(days["day"]).dt.month != 11]["events"].sum() if len(days) else 0
if outside:
    st.caption(f"{format_number(outside)} journée(s)-événement hors de novembre ne figurent pas dans le calendrier.")
editionsui.multi_day(one)

# --- Two editions side by side -----------------------------------------------------------------
st.header("Deux éditions côte à côte")
left, right = st.columns(2)
first = left.selectbox("Première édition", editions, key=url_key(PAGE, "a", editions[-1], options=editions,
                                                                   convert=int))
second = right.selectbox("Seconde édition", editions, key=url_key(PAGE, "b", editions[0], options=editions,
                                                                    convert=int))
editionsui.side_by_side(flt, (left, right), (first, second))

write_url(flt.to_params() | {"edition": edition, "a": first, "b": second})
