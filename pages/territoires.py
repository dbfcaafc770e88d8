"""Territoires: for elected officials, a territory's ESS figures with their sources, against its parents
and neighbours, over time, with the Mois de l'ESS events held there, and a printable portrait."""

import pandas as pd
import streamlit as st

from esscope import charts, exports, maps, queries
from esscope import territory as terr
from esscope.filters import filtered_events
from esscope.french import format_number
from esscope.indicators import INDICATORS
from esscope.report import events_table
from esscope.webapp import cached, md_escape, md_link, require_store, url_key, write_url

PAGE = "territoires"
FRANCE_KEY = terr.to_key(*terr.FRANCE)


def valid_key(text):
    if terr.from_key(text) is None:
        raise ValueError(text)
    return text


def sources_column(frame: pd.DataFrame) -> pd.DataFrame:
    """Figures with French headers; a source that is not a web address stays as text."""
    out = pd.DataFrame({
        "Indicateur": [INDICATORS[i][0] for i in frame["indicator"]],
        "Année": [str(int(y)) if pd.notna(y) else "non précisée" for y in frame["year"]],
        "Valeur": [terr.format_value(v, u, q) for v, u, q in zip(frame["value"], frame["unit"], frame["qualifier"])],
        "Précisions": [", ".join(terr.qualifier_notes(q)) for q in frame["qualifier"]],
        "Périmètre": frame["scope"],
        "Source": frame["source_url"],
    })
    return out


require_store()
st.title("Territoires")
st.caption("Les chiffres de l'ESS d'une commune, d'une intercommunalité, d'un département, d'une région ou de la "
           "France, chacun avec son année, son périmètre et sa source.")

query_text = st.text_input("Rechercher un territoire", key=url_key(PAGE, "q", ""),
                           placeholder="nom ou code : Lille, 59350, 59000, Nord, 200093201, Hauts-de-France, France",
                           help="Communes (nom, code INSEE ou code postal), EPCI (nom ou SIREN), départements, "
                                "régions et la France.").strip()
territory_key = url_key(PAGE, "territoire", FRANCE_KEY, convert=valid_key)
current = st.session_state[territory_key]
labels = {}
if query_text:
    matches = cached(terr.search_territories)(query_text)
    labels = {terr.to_key(lv, c): lab for lv, c, lab in zip(matches["level"], matches["code"], matches["label"])}
    if not labels:
        st.warning(f"Aucun territoire ne correspond à « {md_escape(query_text)} ». Essayez un autre nom ou un code.")
if not labels:
    level, code = terr.from_key(current)
    here = cached(queries.read_territory)(level, code)
    if here is None:
        st.warning("Ce territoire n'existe pas dans la base ; voici la France.")
        current = st.session_state[territory_key] = FRANCE_KEY
        here = cached(queries.read_territory)(*terr.FRANCE)
    for lv, c in [(here["level"], here["code"])] + terr.parents(here):
        row = cached(queries.read_territory)(lv, c)
        if row:
            labels[terr.to_key(lv, c)] = terr.label(row)
if current not in labels:
    st.session_state[territory_key] = next(iter(labels))
choice = st.selectbox("Territoire", list(labels), format_func=labels.get, key=territory_key,
                      help="Sans recherche, la liste propose le territoire affiché et ses territoires parents.")
level, code = terr.from_key(choice)
place = cached(queries.read_territory)(level, code)

indicator_options = [k for k in INDICATORS if not k.startswith("mois_ess_")] + ["mois_ess_events", terr.LOADED_EVENTS]
indicator_labels = {k: INDICATORS[k][0] for k in INDICATORS} | {
    terr.LOADED_EVENTS: "Événements enregistrés (programmes importés)"}
indicator_key = url_key(PAGE, "indicateur", "share_of_jobs_pct", options=indicator_options)
write_url({"q": query_text, "territoire": choice, "indicateur": st.session_state[indicator_key]})

# --- Header and cards -------------------------------------------------------------------------
st.header(place["name"])
facts = [{"country": "Pays", "region": "Région", "department": "Département", "epci": "Intercommunalité (EPCI)",
          "commune": "Commune"}[level]]
if level != "country":
    facts.append(f"code {code}")
if pd.notna(place["population"]):
    facts.append(f"{format_number(place['population'])} habitants")
if pd.notna(place["area_km2"]):
    facts.append(f"{format_number(place['area_km2'])} km²")
st.caption(" · ".join(md_escape(f) for f in facts))

cards = cached(terr.read_cards)(level, code)
flt = terr.territory_filter(place)
per_edition = cached(queries.count_by)(flt, "edition")
boxes = [c for _ in range(2) for c in st.columns(3)]     # two rows of three cards
for col, card in zip(boxes, cards):
    with col.container(border=True):
        st.metric(card.label, card.value_text if not card.empty else "–")
        if card.disagree:
            st.badge("Sources en désaccord", icon=":material/warning:", color="orange")
        if card.old:
            st.badge("Chiffre ancien", icon=":material/history:", color="gray")
        if card.empty:
            st.caption("Aucun chiffre disponible pour ce territoire.")
            continue
        first = card.rows.iloc[0]
        year = str(card.year) if card.year else "année non précisée"
        st.caption(f"{year} · {md_escape(first['scope'] or 'périmètre non précisé')} · "
                   f"{md_link('source', first['source_url'])}")
        for note in card.notes():
            st.caption(md_escape(note))
with boxes[len(cards)].container(border=True):
    if per_edition.empty:
        st.metric("Événements enregistrés", "–")
        st.caption("Aucun programme importé ne compte d'événement ici.")
    else:
        latest = per_edition.sort_values("value").iloc[-1]
        st.metric("Événements enregistrés", format_number(latest["events"]),
                  help="Événements des programmes importés dans esscope, qui sous-comptent l'édition réelle.")
        st.caption(f"Édition {int(latest['value'])}, programmes importés ; "
                   f"{format_number(per_edition['events'].sum())} sur toutes les éditions chargées.")
st.caption("« Sources en désaccord » : deux sources donnent des valeurs différentes pour la même année (toutes "
           f"sont citées) ; « Chiffre ancien » : chiffre de plus de {terr.OLD_AFTER_YEARS} ans ou sans année.")

# --- Comparisons ------------------------------------------------------------------------------
st.subheader("Comparaison")
indicator = st.selectbox("Indicateur comparé", indicator_options, format_func=indicator_labels.get,
                         key=indicator_key)
unit = INDICATORS[indicator][1] if indicator in INDICATORS else "count"
axis = indicator_labels[indicator] + {"pct": " (%)", "eur": " (€)"}.get(unit, " (nombre)")
left, right = st.columns(2)
with left:
    chain = cached(terr.parent_values)(place, indicator)
    chain["is_self"] = chain["code"].eq(code) & chain["level"].eq(level)
    st.plotly_chart(charts.ranked_bar_chart(chain.assign(name=chain["label"]).sort_values("value", ascending=False),
                                            f"{place['name']} et ses territoires parents", unit, axis),
                    key="parents")
    missing = chain[chain["value"].isna()]["label"].tolist()
    if missing:
        st.caption("Aucun chiffre disponible pour : " + md_escape(", ".join(missing)) + ".")
siblings = cached(terr.read_siblings)(place, indicator)
sibling_level, _ = terr.sibling_scope(place)
with right:
    title = {"commune": "Communes du même EPCI" if place.get("epci_code") else "Communes du département",
             "epci": "EPCI du département", "department": "Départements de la région", "region": "Régions"}[
        sibling_level]
    ranked = siblings[siblings["value"] > 0] if indicator == terr.LOADED_EVENTS else siblings
    st.plotly_chart(charts.ranked_bar_chart(ranked.head(60), title, unit, axis), key="siblings")
    notes = []
    if indicator == terr.LOADED_EVENTS and (siblings["value"] == 0).any():
        notes.append(f"{format_number((siblings['value'] == 0).sum())} sans événement enregistré, non représentés.")
    if siblings["value"].isna().any():
        notes.append(f"{format_number(siblings['value'].isna().sum())} territoire(s) sur "
                     f"{format_number(len(siblings))} sans chiffre disponible, non représentés.")
    if len(ranked.dropna(subset=["value"])) > 60:
        notes.append("Les 60 premiers sont représentés.")
    if siblings["disagree"].any():
        notes.append("* : les sources ne concordent pas (médiane affichée).")
    if notes:
        st.caption(" ".join(notes))
if siblings["value"].notna().any():
    gdf = maps.to_geodataframe(siblings.assign(shown=siblings["value"]))
    fmt = (lambda v: terr.format_value(v, unit))
    m = maps.choropleth_map(gdf, "shown", "name", axis, highlight=code if sibling_level == level else None,
                            format_value=fmt, zero_class=indicator == terr.LOADED_EVENTS)
    maps.render(m, key=f"{PAGE}-siblings", height=460)
    st.caption(f"{title} ; le territoire choisi est entouré. Gris : aucun chiffre disponible.")
else:
    st.info(f"Aucun chiffre disponible pour « {indicator_labels[indicator]} » parmi ces territoires : "
            "pas de carte à dessiner.")

# --- Series, events, all figures --------------------------------------------------------------
series = cached(terr.read_series)(level, code)
if not series.empty:
    st.subheader("Évolution")
    indicators_with_series = list(dict.fromkeys(series["indicator"]))
    cols = st.columns(min(2, len(indicators_with_series)))
    for i, ind in enumerate(indicators_with_series):
        label, unit_i = INDICATORS[ind]
        cols[i % len(cols)].plotly_chart(charts.series_chart(series[series["indicator"] == ind], label, unit_i),
                                         key=f"series-{ind}")

st.subheader("Événements du Mois de l'ESS enregistrés ici")
events = cached(filtered_events)(flt)
if events.empty:
    st.info("Aucun événement enregistré pour ce territoire dans les programmes importés (ce qui ne veut pas dire "
            "qu'il n'y en a pas eu).")
else:
    st.caption(" · ".join(f"{int(e)} : {format_number(n)} événement(s)"
                          for e, n in zip(per_edition["value"], per_edition["events"])))
    table = events_table(events.head(1000))
    st.dataframe(table.drop(columns=["Début", "Fin"]), hide_index=True, column_config={
        "Lien": st.column_config.LinkColumn("Lien", display_text="ouvrir")})

figures = cached(terr.read_figures)(level, code)
st.subheader("Tous les chiffres connus")
if figures.empty:
    st.info("Aucun chiffre de l'ESS n'est enregistré pour ce territoire.")
else:
    st.dataframe(sources_column(figures), hide_index=True)
if level == "country":
    st.subheader("Autres périmètres")
    st.caption("Chiffres publiés pour des périmètres qui ne sont pas des territoires de la carte actuelle "
               "(anciennes régions, pays, zones d'emploi) : donnés tels quels, sans carte.")
    others = cached(terr.read_other_perimeters)()
    st.dataframe(sources_column(others).assign(Territoire=others["territory_name"].to_numpy())[
        ["Territoire", "Indicateur", "Année", "Valeur", "Précisions", "Périmètre", "Source"]], hide_index=True)

# --- Portrait ---------------------------------------------------------------------------------
st.subheader("Portrait imprimable")
parents_table = pd.DataFrame({
    "Territoire": chain["name"], "Niveau": chain["level_label"],
    indicator_labels[indicator]: [terr.format_value(v, unit) if pd.notna(v) else "aucun chiffre disponible"
                                  for v in chain["value"]],
    "Année": [str(int(y)) if pd.notna(y) else "" for y in chain["year"]]})
portrait_events = events_table(events.head(200))[["Date", "Titre", "Commune", "Organisateur"]] if len(events) \
    else pd.DataFrame()
portrait_figures = sources_column(figures) if not figures.empty else pd.DataFrame()
st.download_button(
    "Télécharger le portrait (PDF)",
    lambda: exports.portrait_to_pdf(terr.label(place), cards, parents_table, portrait_figures, portrait_events),
    file_name=f"portrait-{level}-{code}.pdf", mime="application/pdf", on_click="ignore",
    icon=":material/picture_as_pdf:")
st.caption("Le portrait reprend les chiffres, leurs sources, la comparaison aux parents et les événements. "
           "Vous pouvez aussi imprimer cette page depuis le navigateur.")
