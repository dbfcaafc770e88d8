"""Territoires: for elected officials, a territory's ESS figures with their sources, against its parents
and neighbours, over time, with the Mois de l'ESS events held there, and a printable portrait."""

import streamlit as st

from esscope import charts, exports, maps, portrait, queries
from esscope import territory as terr
from esscope.filters import filtered_events
from esscope.indicators import INDICATORS
from esscope.report import events_table
from esscope.shapes import to_geodataframe
from esscope.webapp import (
    cached,
    events_dataframe,
    figure_card,
    md_escape,
    require_store,
    show_chart,
    show_map,
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
write_url({"q": query_text, "territoire": choice, "indicateur": st.session_state[indicator_key]})

# --- Header and cards -------------------------------------------------------------------------
st.header(place["name"])
st.caption(" · ".join(md_escape(f) for f in portrait.facts(place)))
cards = cached(terr.read_cards)(level, code)
flt = terr.territory_filter(place)
per_edition = cached(queries.count_by)(flt, "edition")
boxes = [c for _ in range(2) for c in st.columns(3)]     # two rows of three cards
for col, card in zip(boxes, cards):
    with col.container(border=True):
        figure_card(card, place["name"])
with boxes[len(cards)].container(border=True):
    value, caption = portrait.events_card(per_edition)
    st.metric("Événements enregistrés", value,
              help="Événements des programmes importés dans esscope, qui sous-comptent l'édition réelle.")
    st.caption(caption)
st.caption("« Sources en désaccord » : deux sources donnent des valeurs différentes pour la même année (toutes "
           f"sont citées) ; « Chiffre ancien » : chiffre de plus de {terr.OLD_AFTER_YEARS} ans ou sans année.")

# --- Comparisons ------------------------------------------------------------------------------
st.subheader("Comparaison")
indicator = st.selectbox("Indicateur comparé", portrait.COMPARED, format_func=portrait.INDICATOR_LABELS.get,
                         key=indicator_key)
comparison = cached(portrait.read_comparison)(place, indicator)
chain, siblings, unit, axis = comparison.chain, comparison.siblings, comparison.unit, comparison.axis
left, right = st.columns(2)
with left:
    show_chart(charts.ranked_bar_chart(chain.assign(name=chain["label"]).sort_values("value", ascending=False),
                                       f"{place['name']} et ses territoires parents", unit, axis), key="parents")
if chain["value"].isna().any():
    left.caption("Aucun chiffre disponible pour : " + md_escape(", ".join(chain[chain["value"].isna()]["label"])) + ".")
with right:
    show_chart(charts.ranked_bar_chart(portrait.ranked_siblings(siblings, indicator), comparison.siblings_title,
                                       unit, axis), key="siblings")
if portrait.sibling_notes(siblings, indicator):
    right.caption(" ".join(portrait.sibling_notes(siblings, indicator)))
if siblings["value"].notna().any():
    show_map(maps.choropleth_map(to_geodataframe(siblings), "value", "name", axis, highlight=comparison.highlight,
                                 format_value=lambda v: terr.format_value(v, unit),
                                 zero_class=comparison.zero_class), key=f"{PAGE}-siblings", height=460)
    st.caption(f"{comparison.siblings_title} ; le territoire choisi est entouré. Gris : aucun chiffre disponible.")
else:
    st.info(f"Aucun chiffre disponible pour « {portrait.INDICATOR_LABELS[indicator]} » parmi ces territoires : "
            "pas de carte à dessiner.")

# --- Series, events, all figures --------------------------------------------------------------
series = cached(terr.read_series)(level, code)
if not series.empty:
    st.subheader("Évolution")
    shown = list(dict.fromkeys(series["indicator"]))
    cols = st.columns(min(2, len(shown)))
    for i, ind in enumerate(shown):
        with cols[i % len(cols)]:
            show_chart(charts.series_chart(series[series["indicator"] == ind], *INDICATORS[ind]), key=f"series-{ind}")

st.subheader("Événements du Mois de l'ESS enregistrés ici")
events = cached(filtered_events)(flt)
if events.empty:
    st.info("Aucun événement enregistré pour ce territoire dans les programmes importés (ce qui ne veut pas dire "
            "qu'il n'y en a pas eu).")
else:
    st.caption(portrait.per_edition_text(per_edition))
    events_dataframe(events_table(events.head(1000)))

figures = terr.figures_table(cached(terr.read_figures)(level, code))
st.subheader("Tous les chiffres connus")
if figures.empty:
    st.info("Aucun chiffre de l'ESS n'est enregistré pour ce territoire.")
else:
    st.dataframe(figures, hide_index=True)
if level == "country":
    st.subheader("Autres périmètres")
    st.caption("Chiffres publiés pour des périmètres qui ne sont pas des territoires de la carte actuelle "
               "(anciennes régions, pays, zones d'emploi) : donnés tels quels, sans carte.")
    st.dataframe(terr.figures_table(cached(terr.read_other_perimeters)(), with_territory=True), hide_index=True)

# --- Portrait ---------------------------------------------------------------------------------
st.subheader("Portrait imprimable")
st.download_button(
    "Télécharger le portrait (PDF)",
    lambda: exports.portrait_to_pdf(terr.label(place), cards, portrait.parents_table(chain, indicator), figures,
                                    events_table(events.head(200))[["Date", "Titre", "Commune", "Organisateur"]],
                                    comparison=comparison),
    file_name=f"portrait-{level}-{code}.pdf", mime="application/pdf", on_click="ignore",
    icon=":material/picture_as_pdf:")
st.caption("Le portrait reprend les chiffres, leurs sources, la comparaison aux parents (graphique) et aux "
           "territoires voisins (carte) et les événements. "
           "Vous pouvez aussi imprimer cette page depuis le navigateur.")
