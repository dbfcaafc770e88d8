"""The Éditions page's blocks, in Streamlit: the published national figures and two editions side by side.

The figures are read by `queries` and drawn by `charts`, tested without Streamlit; here are the widgets,
in French.
"""

import dataclasses

import streamlit as st

from . import charts, queries
from .french import format_number
from .territory import figures_table
from .webapp import cached, show_chart


def national_figures() -> None:
    """The Mois de l'ESS's published event counts, edition by edition, each with its source."""
    national = cached(queries.read_event_figures)(True)
    show_chart(charts.national_events_chart(national), key="national")
    st.caption("Chaque point est un chiffre publié, avec sa source ; quand plusieurs sources donnent un chiffre pour "
               "la même édition, tous sont montrés. Rond : chiffre exact ; triangle : « plus de » ; losange : "
               "« environ » ; forme creuse : bilan provisoire ; trait horizontal : année approximative.")
    # the tables are made when their section is opened (a rerun): a table costs the page's loading
    box = st.expander(f"Les {len(national)} chiffres nationaux et leurs sources", key="editions.nationaux",
                      on_change="rerun")
    if box.open:
        box.dataframe(figures_table(national, "Édition", "Événements", with_indicator=False), hide_index=True)
    others = cached(queries.read_event_figures)(False)
    if not others.empty:
        box = st.expander(f"Chiffres publiés pour des régions et d'autres territoires ({len(others)})",
                          key="editions.autres", on_change="rerun")
        if box.open:
            box.dataframe(figures_table(others, "Édition", "Événements", with_indicator=False, with_territory=True),
                          hide_index=True)


COMPARED = {"theme": ("Thèmes", "Thème", "Thèmes : part des événements de chaque édition"),
            "kind": ("Types", "Type", "Types : part des événements de chaque édition")}


def multi_day(one) -> None:
    """The events running over several days, as a Gantt chart made when its section is opened (a rerun):
    below the fold, with a line of text per event, it was one of the slowest charts of the page to draw."""
    multi = cached(queries.read_multi_day_events)(one)
    if multi.empty:
        st.caption("Aucun événement sur plusieurs jours pour ces filtres.")
        return
    box = st.expander(f"Événements sur plusieurs jours : {format_number(len(multi))}, du premier au dernier jour",
                      key="editions.plusieurs_jours", on_change="rerun", icon=":material/date_range:")
    if box.open:
        with box:
            show_chart(charts.gantt_chart(multi), key="gantt")


def side_by_side(flt, columns: tuple, years: tuple) -> None:
    """Two editions' counts and organisers (new, returning, in common), then their themes and kinds."""
    first, second = years
    turnover_frame = cached(queries.organiser_turnover)(dataclasses.replace(flt, editions=[]), [first, second])
    turnovers = {int(r["edition"]): r for r in turnover_frame.to_dict("records")}
    for col, year in zip(columns, years):
        _edition_card(col, year, cached(queries.edition_counts)(dataclasses.replace(flt, editions=[year])),
                      turnovers[year])
    if first != second:
        st.caption(f"{format_number(turnover_frame['common'].iloc[0])} organisateur(s) présents aux deux "
                   "éditions. Les noms sont comparés sans majuscules ni accents.")
    shown = [first] if first == second else [first, second]
    # one chart at a time, themes or kinds, chosen by the reader: each chart drawn costs the page's loading
    field = st.segmented_control("Répartition comparée", list(COMPARED), default="theme", required=True,
                                 format_func=lambda f: COMPARED[f][0], key="editions.compare") or "theme"
    column, title = COMPARED[field][1:]
    frame = cached(queries.shares_by)(flt, field, shown).rename(columns={"value": column})
    show_chart(charts.compare_bars(frame, column, title), key="compare")


def _edition_card(col, year: int, counts: dict, turnover: dict) -> None:
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
