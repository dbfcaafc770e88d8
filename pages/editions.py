"""Éditions: the Mois de l'ESS across editions (published national figures, loaded programmes per
région), one edition's days and multi-day events, and two editions side by side."""

import dataclasses

import pandas as pd
import streamlit as st

from esscope import charts, queries
from esscope.filters import filter_options
from esscope.french import format_number
from esscope.territory import figures_table
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
national = cached(queries.read_event_figures)(True)
show_chart(charts.national_events_chart(national), key="national")
st.caption("Chaque point est un chiffre publié, avec sa source ; quand plusieurs sources donnent un chiffre pour "
           "la même édition, tous sont montrés. Rond : chiffre exact ; triangle : « plus de » ; losange : « environ » ; "
           "forme creuse : bilan provisoire ; trait horizontal : année approximative.")
with st.expander(f"Les {len(national)} chiffres nationaux et leurs sources"):
    st.dataframe(figures_table(national, "Édition", "Événements", with_indicator=False), hide_index=True)
others = cached(queries.read_event_figures)(False)
if not others.empty:
    with st.expander(f"Chiffres publiés pour des régions et d'autres territoires ({len(others)})"):
        st.dataframe(figures_table(others, "Édition", "Événements", with_indicator=False, with_territory=True),
                     hide_index=True)

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
multi = cached(queries.read_multi_day_events)(one)
show_chart(charts.gantt_chart(multi), key="gantt")

# --- Two editions side by side -----------------------------------------------------------------
st.header("Deux éditions côte à côte")
left, right = st.columns(2)
first = left.selectbox("Première édition", editions, key=url_key(PAGE, "a", editions[-1], options=editions,
                                                                   convert=int))
second = right.selectbox("Seconde édition", editions, key=url_key(PAGE, "b", editions[0], options=editions,
                                                                    convert=int))
turnover_frame = cached(queries.organiser_turnover)(dataclasses.replace(flt, editions=[]), [first, second])
turnovers = {int(r["edition"]): r for r in turnover_frame.to_dict("records")}
for col, year in ((left, first), (right, second)):
    counts = cached(queries.edition_counts)(dataclasses.replace(flt, editions=[year]))
    turnover = turnovers[year]
    with col.container(border=True):
        st.markdown(f"**Édition {year}**")
        a, b, c = st.columns(3)
        a.metric("Événements", format_number(counts["events"]))
        b.metric("Communes", format_number(counts["communes"]))
        c.metric("EPCI", format_number(counts["epcis"]))
        a.metric("Organisateurs", format_number(turnover["organisers"]))
        b.metric("Nouveaux", format_number(turnover["new"]), help="Absents de toutes les éditions importées "
                 "antérieures.")
        c.metric("Fidèles", format_number(turnover["returning"]), help="Présents dans au moins une édition "
                 "importée antérieure.")
if first != second:
    st.caption(f"{format_number(turnover_frame['common'].iloc[0])} organisateur(s) présents aux deux "
               "éditions. Les noms sont comparés sans majuscules ni accents.")


years = [first] if first == second else [first, second]
themes = cached(queries.shares_by)(flt, "theme", years).rename(columns={"value": "Thème"})
kinds = cached(queries.shares_by)(flt, "kind", years).rename(columns={"value": "Type"})
a, b = st.columns(2)
with a:
    show_chart(charts.compare_bars(themes, "Thème", "Thèmes : part des événements de chaque édition"), key="themes")
with b:
    show_chart(charts.compare_bars(kinds, "Type", "Types : part des événements de chaque édition"), key="kinds")

write_url(flt.to_params() | {"edition": edition, "a": first, "b": second})
