"""Territoires: for elected officials, a territory's ESS figures with their sources, against its parents
and neighbours, over time, with the Mois de l'ESS events held there, and a printable portrait."""

import streamlit as st

from esscope import portrait, queries, territoryui
from esscope import territory as terr
from esscope.filters import filtered_events
from esscope.report import events_table
from esscope.webapp import (
    cached,
    events_dataframe,
    lazy_tabs,
    md_escape,
    require_store,
    territory_widgets,
    url_key,
    write_url,
)

PAGE = "territoires"

require_store()
st.title("Territoires")
st.caption("Les chiffres de l'ESS d'une commune, d'une intercommunalité, d'un département, d'une région ou de la "
           "France, chacun avec son année, son périmètre et sa source.")

query_text, choice = territory_widgets(PAGE)
level, code = terr.from_key(choice)
place = cached(queries.read_territory)(level, code)
indicator_key = url_key(PAGE, "indicateur", "share_of_jobs_pct", options=portrait.COMPARED)

# --- Header, cards, the compared indicator ---------------------------------------------------
st.header(place["name"])
st.caption(" · ".join(md_escape(f) for f in portrait.facts(place)))
cards = cached(terr.read_cards)(level, code)
flt = terr.territory_filter(place)
per_edition = cached(queries.count_by)(flt, "edition")
territoryui.cards(place, cards, per_edition)

indicator = st.selectbox("Indicateur comparé", portrait.COMPARED, format_func=portrait.INDICATOR_LABELS.get,
                         key=indicator_key, help="Comparé aux territoires parents et voisins, sur les barres et "
                         "la carte ; sa série vient en premier dans l'évolution.")
comparison = cached(portrait.read_comparison)(place, indicator)
events = cached(filtered_events)(flt)
figures = terr.figures_table(cached(terr.read_figures)(level, code))


def events_list() -> None:
    if events.empty:
        st.info("Aucun événement enregistré pour ce territoire dans les programmes importés (ce qui ne veut pas "
                "dire qu'il n'y en a pas eu).")
        return
    st.caption(portrait.per_edition_text(per_edition))
    events_dataframe(events_table(events.head(1000)))


def every_figure() -> None:
    others = cached(terr.read_other_perimeters)() if level == "country" else None
    territoryui.all_figures(figures, terr.figures_table(others, with_territory=True) if others is not None else None)


# --- One section at a time: comparison, map, series, events, every figure -----------------------
tab = lazy_tabs(PAGE, {
    "comparaison": ("Comparaison", lambda: territoryui.comparison(place, comparison, indicator)),
    "carte": ("Carte", lambda: territoryui.siblings_map(comparison, indicator, PAGE)),
    "evolution": ("Évolution", lambda: territoryui.series(cached(terr.read_series)(level, code), indicator)),
    "evenements": ("Événements", events_list),
    "chiffres": ("Chiffres", every_figure),
})
write_url({"q": query_text, "territoire": choice, "indicateur": indicator, "onglet": tab})
territoryui.portrait_download(place, cards, comparison, indicator, figures, events_table(events.head(200)))
