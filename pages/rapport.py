"""Rapport d'édition: for CRESS staff, the report of one edition in one région, on screen and as XLSX/PDF."""

import streamlit as st

from esscope import charts, exports, maps, queries
from esscope.filters import EventFilter, filter_options
from esscope.french import format_number, format_percent
from esscope.report import read_edition_report
from esscope.webapp import cached, lazy_tabs, md_escape, require_store, show_chart, show_map, url_key, write_url

PAGE = "rapport"
DEFAULT_REGION, DEFAULT_EDITION = "32", 2017

require_store()
st.title("Rapport d'édition")
st.caption("Pour les CRESS : le bilan d'une édition du Mois de l'ESS dans une région, à partir des programmes "
           "importés, à télécharger en XLSX ou en PDF.")

regions = cached(queries.read_territory_names)("region")
region_names = dict(zip(regions["code"], regions["name"]))
editions = cached(queries.read_editions)()
with_events = set(cached(filter_options)()["editions"])
left, right = st.columns(2)
region = left.selectbox("Région", list(region_names), format_func=region_names.get,
                        key=url_key(PAGE, "region", DEFAULT_REGION, options=list(region_names)))
edition = right.selectbox("Édition", editions, key=url_key(PAGE, "edition", DEFAULT_EDITION, options=editions,
                                                           convert=int),
                          format_func=lambda y: f"{y}" if y in with_events else f"{y} (aucun programme importé)",
                          help="Seules les éditions dont un programme est importé ont des événements.")
report = cached(read_edition_report)(region, edition)
counts = report.counts

cols = st.columns(5)
cols[0].metric("Événements", format_number(counts["events"]))
cols[1].metric("Organisateurs", format_number(counts["organisers"]), help="Structures distinctes, co-organisateurs "
               "compris (même nom sans tenir compte des majuscules ni des accents).")
cols[2].metric("Communes", format_number(counts["communes"]), help="Communes avec au moins un événement.")
cols[3].metric("EPCI", format_number(counts["epcis"]), help="Intercommunalités avec au moins un événement.")
cols[4].metric("Population couverte",
               format_percent(report.share_reached) if report.share_reached is not None else "–",
               help="Part de la population de la région vivant dans une commune qui a accueilli au moins un "
                    "événement (population légale des communes).")

with st.container(border=True):
    st.markdown("**Complétude des sources**")
    for paragraph in report.completeness():
        st.markdown(md_escape(paragraph))

xlsx_name = f"rapport-mois-ess-{edition}-region-{region}"
d1, d2, _ = st.columns([1, 1, 2])
d1.download_button("Rapport en XLSX (tableur)", lambda r=report: exports.report_to_xlsx(r),
                   file_name=f"{xlsx_name}.xlsx", on_click="ignore", icon=":material/table:", width="stretch",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
d2.download_button("Rapport en PDF", lambda r=report: exports.report_to_pdf(r),
                   file_name=f"{xlsx_name}.pdf", mime="application/pdf", on_click="ignore",
                   icon=":material/picture_as_pdf:", width="stretch")

if counts["events"] == 0:
    write_url({"region": region, "edition": edition})
    st.info("Aucun événement enregistré pour cette région et cette édition : rien à détailler. Choisissez une "
            "autre édition, ou importez le programme depuis la page Import (équipe).")
    st.stop()


def breakdown() -> None:
    a, b = st.columns(2)
    with a:
        show_chart(charts.breakdown_chart(report.themes, "Thème", "Événements par thème"), key="themes")
    with b:
        show_chart(charts.breakdown_chart(report.kinds, "Type", "Événements par type"), key="kinds")
    show_chart(charts.breakdown_chart(report.weeks, "Semaine", "Événements par semaine (jour de début)"),
               key="weeks")


def report_map() -> None:
    markers = cached(queries.read_event_markers)(EventFilter(editions=[edition], region=region))
    if markers["rows"]:
        show_map(maps.events_map(markers, cached(queries.read_outlines)()), key=f"{PAGE}-map", height=520)
        st.caption(f"{format_number(len(markers['rows']))} communes avec au moins un événement. Cliquez sur une "
                   "commune pour lire ses événements.")
    else:
        st.info("Aucun événement localisé dans une commune.")


def organisers_and_communes() -> None:
    a, b = st.columns(2)
    a.subheader("Principaux organisateurs")
    a.dataframe(report.organisers, hide_index=True)
    b.subheader("Communes")
    b.dataframe(report.communes, hide_index=True, column_config={
        "Population": st.column_config.NumberColumn(format="localized"),
        "Événements": st.column_config.NumberColumn(format="localized")})


def events_list() -> None:
    st.dataframe(report.events.drop(columns=["Début", "Fin"]), hide_index=True, column_config={
        "Lien": st.column_config.LinkColumn("Lien", display_text="ouvrir")})
    st.caption("Les textes sont ceux des programmes, affichés tels quels.")


tab = lazy_tabs(PAGE, {"repartition": ("Répartition", breakdown), "carte": ("Carte", report_map),
                      "organisateurs": ("Organisateurs et communes", organisers_and_communes),
                      "evenements": ("Événements", events_list)})
write_url({"region": region, "edition": edition, "onglet": tab})
