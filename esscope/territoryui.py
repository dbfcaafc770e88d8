"""The Territoires page's blocks, in Streamlit: the figure cards, the comparison with parents and
neighbours (bars, map), the series, every figure known, the printable portrait.

What they show is computed in `territory` and `portrait`, tested without Streamlit; here are the
widgets, in French.
"""

import streamlit as st

from . import charts, exports, maps, portrait
from . import territory as terr
from .french import format_number
from .indicators import INDICATORS
from .shapes import to_geodataframe
from .webapp import figure_card, md_escape, show_chart, show_map


def cards(place: dict, figures: list, per_edition) -> None:
    """Two rows of three cards: the territory's figures (or its parents', said so), then its events."""
    boxes = [c for _ in range(2) for c in st.columns(3)]
    for col, card in zip(boxes, figures):
        with col.container(border=True):
            figure_card(card, place["name"])
    with boxes[len(figures)].container(border=True):
        value, caption = portrait.events_card(per_edition)
        st.metric("Événements enregistrés", value,
                  help="Événements des programmes importés dans esscope, qui sous-comptent l'édition réelle.")
        st.caption(caption)
    st.caption("« Sources en désaccord » : deux sources donnent des valeurs différentes pour la même année (toutes "
               f"sont citées) ; « Chiffre ancien » : chiffre de plus de {terr.OLD_AFTER_YEARS} ans ou sans année.")


def comparison(place: dict, compared, indicator: str) -> None:
    """The territory against its parents and against its neighbours, as two bar charts."""
    chain, siblings, unit, axis = compared.chain, compared.siblings, compared.unit, compared.axis
    left, right = st.columns(2)
    with left:
        show_chart(charts.ranked_bar_chart(chain.assign(name=chain["label"]).sort_values("value", ascending=False),
                                           f"{place['name']} et ses territoires parents", unit, axis), key="parents")
    if chain["value"].isna().any():
        left.caption("Aucun chiffre disponible pour : " + md_escape(", ".join(chain[chain["value"].isna()]["label"]))
                     + ".")
    with right:
        show_chart(charts.ranked_bar_chart(portrait.ranked_siblings(siblings, indicator), compared.siblings_title,
                                           unit, axis), key="siblings")
    if portrait.sibling_notes(siblings, indicator):
        right.caption(" ".join(portrait.sibling_notes(siblings, indicator)))


def siblings_map(compared, indicator: str, page: str) -> None:
    """The neighbours coloured by the compared indicator, the chosen territory outlined."""
    siblings, unit = compared.siblings, compared.unit
    if siblings["value"].notna().any():
        show_map(maps.choropleth_map(to_geodataframe(siblings), "value", "name", compared.axis,
                                     highlight=compared.highlight, format_value=lambda v: terr.format_value(v, unit),
                                     zero_class=compared.zero_class), key=f"{page}-siblings", height=460)
        st.caption(f"{compared.siblings_title} ; le territoire choisi est entouré. Gris : aucun chiffre disponible.")
    else:
        st.info(f"Aucun chiffre disponible pour « {portrait.INDICATOR_LABELS[indicator]} » parmi ces territoires : "
                "pas de carte à dessiner.")


def series(frame, preferred: str = "") -> None:
    """The territory's series over the years, one indicator at a time: a chart per indicator (up to nine
    for France) took most of the time the page needed to be drawn. The reader picks the indicator in a
    row of buttons naming every indicator with a series; the one compared above comes first when it has one."""
    if frame.empty:
        st.info("Aucune série de chiffres sur plusieurs années pour ce territoire.")
        return
    shown = list(dict.fromkeys(frame["indicator"]))
    default = preferred if preferred in shown else shown[0]
    chosen = default
    if len(shown) > 1:
        chosen = st.segmented_control("Série affichée", shown, default=default, required=True,
                                      format_func=lambda ind: INDICATORS[ind][0], key=f"series-{'-'.join(shown)}",
                                      help="Un graphique à la fois : choisissez l'indicateur dont voir l'évolution.")
        chosen = chosen if chosen in shown else default
    show_chart(charts.series_chart(frame[frame["indicator"] == chosen], *INDICATORS[chosen]), key="series")


def all_figures(figures, others=None) -> None:
    """Every figure known for the territory, with its source; for France, the other perimeters too."""
    if figures.empty:
        st.info("Aucun chiffre de l'ESS n'est enregistré pour ce territoire.")
    else:
        st.caption(f"{format_number(len(figures))} chiffres, chacun avec son année, son périmètre et sa source.")
        st.dataframe(figures, hide_index=True)
    if others is not None:
        st.subheader("Autres périmètres")
        st.caption("Chiffres publiés pour des périmètres qui ne sont pas des territoires de la carte actuelle "
                   "(anciennes régions, pays, zones d'emploi) : donnés tels quels, sans carte.")
        st.dataframe(others, hide_index=True)


def portrait_download(place: dict, figures_cards: list, compared, indicator: str, figures, events) -> None:
    """The printable portrait, drawn only when asked for."""
    st.subheader("Portrait imprimable")
    st.download_button(
        "Télécharger le portrait (PDF)",
        lambda: exports.portrait_to_pdf(terr.label(place), figures_cards, portrait.parents_table(compared.chain, indicator),
                                        figures, events[["Date", "Titre", "Commune", "Organisateur"]],
                                        comparison=compared),
        file_name=f"portrait-{place['level']}-{place['code']}.pdf", mime="application/pdf", on_click="ignore",
        icon=":material/picture_as_pdf:")
    st.caption("Le portrait reprend les chiffres, leurs sources, la comparaison aux parents (graphique) et aux "
               "territoires voisins (carte) et les événements. "
               "Vous pouvez aussi imprimer cette page depuis le navigateur.")
