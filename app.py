"""esscope — the Streamlit app. The one routing mechanism: st.navigation over the files in pages/."""

import streamlit as st

st.set_page_config(page_title="esscope — ESS et Mois de l'ESS", page_icon="🤝", layout="wide")

PAGES = [
    st.Page("pages/accueil.py", title="Accueil", icon="🏠", url_path="accueil", default=True),
    st.Page("pages/carte.py", title="Carte des événements", icon="🗺️", url_path="carte"),
    st.Page("pages/editions.py", title="Éditions", icon="📅", url_path="editions"),
    st.Page("pages/territoires.py", title="Territoires", icon="📍", url_path="territoires"),
    st.Page("pages/rapport.py", title="Rapport d'édition", icon="📄", url_path="rapport"),
    st.Page("pages/import.py", title="Import", icon="📥", url_path="import"),
]

st.navigation(PAGES).run()
