"""esscope — the Streamlit app. The one routing mechanism: st.navigation over the files in pages/."""

import streamlit as st

from esscope.webapp import speak_french

st.set_page_config(page_title="esscope — ESS et Mois de l'ESS", page_icon="🤝", layout="wide")

# Menu icons from Streamlit's bundled Material Symbols font: emoji need a font the reader may not have.
# (The tab's icon stays an emoji: Streamlit fetches a Material page icon from Google's servers.)
HOME = st.Page("pages/accueil.py", title="Accueil", icon=":material/home:", url_path="", default=True)


def home_alias():
    """/accueil, typed or bookmarked, leads to the home page at /."""
    st.switch_page(HOME)


PAGES = [
    HOME,
    st.Page("pages/carte.py", title="Carte des événements", icon=":material/map:", url_path="carte"),
    st.Page("pages/editions.py", title="Éditions", icon=":material/calendar_month:", url_path="editions"),
    st.Page("pages/territoires.py", title="Territoires", icon=":material/location_on:", url_path="territoires"),
    st.Page("pages/rapport.py", title="Rapport d'édition", icon=":material/description:", url_path="rapport"),
    st.Page("pages/import.py", title="Import", icon=":material/upload_file:", url_path="import"),
    st.Page(home_alias, title="Accueil", url_path="accueil", visibility="hidden"),
]

page = st.navigation(PAGES)
st.set_page_config(page_title=f"{page.title} · esscope")      # each page its own tab title
speak_french()
page.run()
