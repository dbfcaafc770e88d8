"""Carte des événements: events by commune (clustered markers) or choropleths, the events of the
commune clicked, and the filtered events as files."""

from dataclasses import replace

import streamlit as st

from esscope import exports, maps, queries
from esscope.filters import filtered_events
from esscope.french import format_number, plural
from esscope.report import events_table
from esscope.webapp import cached, event_filter_widgets, md_escape, require_store, show_map, url_key, write_url

PAGE = "carte"
VIEWS = {"marqueurs": "Événements par commune", "communes": "Carte des communes",
         "departements": "Carte des départements"}
TABLE_COLUMNS = ["Date", "Titre", "Lieu", "Organisateur", "Thème", "Type", "En ligne"]
FILES = [("CSV", exports.events_to_csv, "csv", "text/csv"),
         ("XLSX", None, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
         ("ICS (agenda)", exports.events_to_ics, "ics", "text/calendar"),
         ("GeoJSON", exports.events_to_geojson, "geojson", "application/geo+json")]

require_store()
st.title("Carte des événements du Mois de l'ESS")

flt = event_filter_widgets(PAGE)
view = st.radio("Affichage", list(VIEWS), format_func=VIEWS.get, horizontal=True,
                key=url_key(PAGE, "vue", "marqueurs", options=list(VIEWS)))
per_inhabitants = view != "marqueurs" and st.toggle(
    "Pour 10 000 habitants", key=url_key(PAGE, "par_habitant", False, convert=lambda v: v == "oui"),
    help="Nombre d'événements rapporté à la population (Insee) de chaque territoire.")
choice_key = url_key(PAGE, "choix", "")      # the commune whose events are listed under the map

markers = cached(queries.read_event_markers)(flt)
counts = st.columns(3)
counts[0].metric("Événements", format_number(markers["events"]))
counts[1].metric("Communes", format_number(len(markers["rows"])))
counts[2].metric("En ligne ou sans commune", format_number(markers["unplaced"]),
                 help="Ces événements ne figurent pas sur la carte.")

clicked = None
if view == "marqueurs":
    if markers["rows"]:
        clicked = show_map(maps.events_map(markers, cached(queries.read_outlines)()), key=f"{PAGE}-marqueurs")
        st.caption("Chaque rond donne le nombre d'événements d'une commune ; un groupe, la somme des siens. "
                   "Cliquez sur une commune pour voir ses événements sous la carte.")
    else:
        st.info("Aucun événement localisé dans une commune ne correspond à ces filtres.")
elif view == "communes" and not (flt.region or flt.department):
    st.info("Choisissez une région ou un département dans les filtres pour voir la carte par commune.")
else:
    level = "commune" if view == "communes" else "department"
    shapes = cached(queries.read_event_choropleth)(flt, level, per_inhabitants)
    clicked = show_map(maps.events_choropleth(shapes, per_inhabitants), key=f"{PAGE}-{view}")
    st.caption("Échelle de couleurs lisible par les personnes daltoniennes (viridis) ; gris clair : aucun "
               "événement" + (", gris : population inconnue." if per_inhabitants else ".")
               + (" Cliquez sur une commune pour voir ses événements." if level == "commune" else ""))

# A new click chooses a commune; otherwise the choice (from the URL or an earlier click) stays.
if clicked != st.session_state.get(f"{PAGE}.dernier_clic"):
    st.session_state[f"{PAGE}.dernier_clic"] = clicked
    if clicked:
        st.session_state[choice_key] = clicked
choice = st.session_state[choice_key]

write_url(flt.to_params() | {"vue": "" if view == "marqueurs" else view,
                             "par_habitant": "oui" if per_inhabitants else "", "choix": choice})

if choice:
    chosen = cached(filtered_events)(replace(flt, commune=choice))
    name = chosen["commune_name"].iloc[0] if len(chosen) else choice
    st.subheader(f"Événements à {md_escape(name)}")
    if chosen.empty:
        st.info("Aucun événement dans cette commune avec ces filtres.")
    else:
        st.dataframe(events_table(chosen)[TABLE_COLUMNS].fillna(""), hide_index=True)
    if st.button("Fermer la liste"):
        st.session_state[choice_key] = ""
        st.rerun()

st.subheader("Télécharger les événements filtrés")
if not markers["events"]:
    st.caption("Aucun événement à télécharger avec ces filtres.")
else:
    def build_file(to_file=None):
        """The file is made when the button is clicked, from the (cached) events of the filter."""
        events = cached(filtered_events)(flt)
        return to_file(events) if to_file else exports.events_to_xlsx(events, flt.describe())

    for column, (label, to_file, ext, mime) in zip(st.columns(len(FILES)), FILES):
        column.download_button(label, lambda f=to_file: build_file(f), file_name=f"evenements-mois-ess.{ext}",
                               mime=mime, on_click="ignore", key=f"{PAGE}-{ext}")
    st.caption(f"{plural(markers['events'], 'événement')}. CSV en UTF-8 avec « ; » (s'ouvre dans Excel) ; "
               "le classeur XLSX liste aussi les filtres appliqués ; l'agenda ICS reprend les événements datés.")
