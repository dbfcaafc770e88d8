"""Import (staff only): read a programme or a figures file, review and correct what was read, situate
unknown places, save; list the imported sources and take one out. Every write is behind the password."""

import streamlit as st

from esscope import staffui
from esscope.webapp import db_path, md_escape, require_store

require_store()
st.title("Import de programmes et de chiffres")
staffui.staff_door()
db = db_path()
tab_programme, tab_figures, tab_sources = st.tabs(["Programme du Mois de l'ESS", "Chiffres de l'ESS", "Sources"])

with tab_programme:
    if "import.done" in st.session_state:
        st.success(md_escape(st.session_state.pop("import.done")) + " Les autres pages montrent déjà ces événements.")
    upload = st.file_uploader("Programme (PDF, page web, texte, courriel, export d'agenda CSV/JSON/ICS/RSS/YAML, tableau "
                              "CSV/XLSX, sous-titres, source LaTeX)",
                              type=staffui.PROGRAMME_TYPES, max_upload_size=staffui.PROGRAMME_UPLOAD_MB,
                              key="import.programme")
    regions = staffui.region_names()
    left, right = st.columns(2)
    edition = left.number_input("Édition (année)", min_value=2008, max_value=2100, value=None, step=1,
                                placeholder="déduite du document",
                                help="Laissez vide pour la déduire des dates du document.")
    region = right.selectbox("Région du programme", [""] + list(regions),
                             format_func=lambda c: regions.get(c, "déduite du document"))
    if upload is not None and st.button("Lire le document", type="primary"):
        staffui.read_programme(db, upload, edition, region)
    if "import.result" in st.session_state:
        staffui.review_programme(db, region)

with tab_figures:
    st.markdown("Un tableau CSV ou XLSX, une ligne par chiffre : `territory_level` (ou `niveau`), `territory_code` "
                "ou `territory_name`, `year`, `indicator`, `value`, `unit`, `scope`, `source_url`. Chaque chiffre "
                "garde sa source ; un fichier avec une ligne invalide n'importe rien.")
    figures_file = st.file_uploader("Fichier de chiffres", type=["csv", "xlsx"],
                                    max_upload_size=staffui.FIGURES_UPLOAD_MB, key="import.figures")
    if figures_file is not None:
        staffui.import_figures(db, figures_file)

with tab_sources:
    staffui.sources(db)
