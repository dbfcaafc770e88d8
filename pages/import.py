"""Import (staff only): read a programme or a figures file, review and correct what was read, resolve
unknown places, commit; list the imported sources and take one out. Every write is behind the password."""

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from esscope import auth, importing, queries
from esscope import territory as terr
from esscope.errors import UserError
from esscope.french import format_number
from esscope.indicators import INDICATORS
from esscope.webapp import cached, db_path, md_escape, require_store

PAGE = "import"
PREVIEW_ROWS = 1_000     # rows of a figures file shown before import (a file may hold millions)
EDIT_COLUMNS = ["start_date", "end_date", "start_time", "end_time", "title", "commune_name", "commune_code", "venue",
                "address", "organizer", "theme", "kind", "online", "price", "url"]
LABELS = {"include": "Garder", "confidence": "Confiance", "warnings": "À vérifier", "start_date": "Début",
          "end_date": "Fin", "start_time": "Heure", "end_time": "Heure de fin", "title": "Titre",
          "commune_name": "Commune (lue)", "commune_code": "Code commune", "venue": "Lieu", "address": "Adresse",
          "organizer": "Organisateur", "theme": "Thème", "kind": "Type", "online": "En ligne", "price": "Tarif",
          "url": "Lien"}

require_store()
st.title("Import de programmes et de chiffres")

# --- Access -----------------------------------------------------------------------------------
stored_hash = auth.configured_hash(secrets=st.secrets)
if not stored_hash:
    st.warning("Cette page est réservée à l'équipe et n'est pas encore activée sur ce serveur : rien ne peut y "
               "être importé.")
    st.markdown(
        "Pour l'activer, la personne qui administre le serveur :\n\n"
        "1. choisit un mot de passe (10 caractères au moins) et en produit le hachage avec la commande "
        "`esscope hash-password` ;\n"
        f"2. place ce hachage dans la variable d'environnement `{auth.ENV_VAR}` avant de lancer l'application, "
        f"ou dans le fichier `.streamlit/secrets.toml` : `{auth.ENV_VAR} = \"scrypt$…\"` ;\n"
        "3. relance l'application et communique le mot de passe à l'équipe.\n\n"
        "Le mot de passe lui-même n'est jamais enregistré. Les autres pages restent publiques et en lecture seule.")
    st.stop()

if not st.session_state.get("import.allowed"):
    st.info("Cette page est réservée à l'équipe (CRESS, administrateurs) : saisissez le mot de passe pour "
            "importer ou retirer des données. Pour obtenir un accès, demandez-le à la personne qui administre "
            "esscope. Les autres pages sont publiques.")
    with st.form("login"):
        password = st.text_input("Mot de passe", type="password")
        if st.form_submit_button("Se connecter"):
            if auth.verify_password(password, stored_hash):
                st.session_state["import.allowed"] = True
                st.rerun()
            else:
                st.error("Mot de passe incorrect.")
    st.stop()

db = db_path()
if st.sidebar.button("Se déconnecter"):
    st.session_state.pop("import.allowed", None)
    st.rerun()


def progress_reporter(bar):
    """A progress callback for the importers: accepts (fraction[, message]) or (done, total[, message])."""
    def report(*args):
        numbers = [a for a in args if isinstance(a, (int, float)) and not isinstance(a, bool)]
        texts = [a for a in args if isinstance(a, str)]
        if len(numbers) >= 2 and numbers[1]:
            fraction = numbers[0] / numbers[1]
        elif numbers:
            fraction = numbers[0]
        else:
            fraction = 0.0
        bar.progress(min(max(float(fraction), 0.0), 1.0), text=texts[0] if texts else "Lecture en cours…")
    return report


def events_frame(result) -> pd.DataFrame:
    frame = pd.DataFrame(result.events_as_dicts())
    for column in EDIT_COLUMNS + ["confidence", "warnings", "id", "co_organizers", "contact", "description",
                                  "position"]:
        if column not in frame:
            frame[column] = None
    frame.insert(0, "include", True)
    frame["warnings"] = [" ; ".join(w) if isinstance(w, list) else (w or "") for w in frame["warnings"]]
    return frame


def region_names() -> dict:
    frame = cached(queries.read_territory_names)("region")
    return dict(zip(frame["code"], frame["name"]))


LEVELS = ["country", "region", "department", "epci", "commune", "other"]


def figures_review(found, document: str) -> None:
    """The figures a programme cites, for staff to check, complete and keep among the sector figures."""
    st.subheader("Chiffres cités dans le document")
    st.caption("Le document cite ces chiffres. Cochez ceux à retenir parmi les chiffres de l'ESS après avoir vérifié "
               "le territoire et l'année (une année reprise de l'édition est signalée). Leur source sera ce "
               "document, sauf si vous en indiquez une autre. Enregistrez-les avant les événements.")
    figures = pd.DataFrame([f.as_dict() if hasattr(f, "as_dict") else dict(f) for f in found])
    figures.insert(0, "keep", False)
    figures["scope"], figures["source_url"] = "", ""
    columns = ["keep", "indicator", "value", "qualifier", "territory_level", "territory_code", "territory_name",
               "year", "scope", "source_url", "note", "text"]
    chosen = st.data_editor(
        figures[columns], key="import.figures.editor", hide_index=True, num_rows="fixed", disabled=["note", "text"],
        column_config={
            "keep": st.column_config.CheckboxColumn("Retenir"),
            "indicator": st.column_config.SelectboxColumn("Indicateur", options=list(INDICATORS),
                                                          format_func=lambda k: INDICATORS[k][0]),
            "value": st.column_config.NumberColumn("Valeur"),
            "qualifier": st.column_config.TextColumn("Qualificatif", help="about, more_than, less_than…"),
            "territory_level": st.column_config.SelectboxColumn("Niveau", options=LEVELS),
            "territory_code": st.column_config.TextColumn("Code du territoire"),
            "territory_name": st.column_config.TextColumn("Territoire"),
            "year": st.column_config.NumberColumn("Année", format="%d"),
            "scope": st.column_config.TextColumn("Périmètre"),
            "source_url": st.column_config.TextColumn("Source (si autre que ce document)"),
            "note": st.column_config.TextColumn("À vérifier"),
            "text": st.column_config.TextColumn("Phrase du document")})
    kept = chosen[chosen["keep"]]
    if st.button(f"Enregistrer {format_number(len(kept))} chiffre(s)", disabled=kept.empty):
        try:
            counts = importing.save_figures(db, kept.drop(columns=["keep"]).to_dict("records"), document)
        except UserError as exc:
            st.error(str(exc))
        else:
            st.success(f"Chiffres enregistrés : {format_number(counts['added'])} ajouté(s), "
                       f"{format_number(counts['updated'])} mis à jour, {format_number(counts['unchanged'])} "
                       "déjà présent(s).")


tab_programme, tab_figures, tab_sources = st.tabs(["Programme du Mois de l'ESS", "Chiffres de l'ESS", "Sources"])

# --- Programmes -------------------------------------------------------------------------------
with tab_programme:
    parse_bytes = getattr(importing, "parse_bytes", None)
    save_programme = getattr(importing, "save_programme", None)
    if parse_bytes is None or save_programme is None:
        st.info("La lecture des programmes n'est pas encore disponible dans cette version d'esscope.")
    else:
        if "import.done" in st.session_state:
            st.success(md_escape(st.session_state.pop("import.done")) + " Les autres pages montrent déjà ces "
                       "événements.")
        upload = st.file_uploader("Programme (PDF, page web, texte, export d'agenda CSV/JSON/ICS, tableau CSV/XLSX)",
                                  type=["pdf", "html", "htm", "txt", "md", "csv", "xlsx", "json", "ics"],
                                  key="import.programme")
        regions = region_names()
        left, right = st.columns(2)
        edition = left.number_input("Édition (année)", min_value=2008, max_value=2100, value=None, step=1,
                                    placeholder="déduite du document",
                                    help="Laissez vide pour la déduire des dates du document.")
        region = right.selectbox("Région du programme", [""] + list(regions),
                                 format_func=lambda c: regions.get(c, "déduite du document"))
        if upload is not None and st.button("Lire le document", type="primary"):
            bar = st.progress(0.0, text="Lecture du document…")
            try:
                result = parse_bytes(upload.getvalue(), upload.name, edition=int(edition) if edition else None,
                                     region=region or None, db=db, progress=progress_reporter(bar))
            except UserError as exc:
                st.error(str(exc))
            else:
                st.session_state["import.result"] = result
                st.session_state["import.name"] = upload.name
                st.session_state["import.table"] = events_frame(result)
            bar.empty()
        result = st.session_state.get("import.result")
        if result is not None:
            table = st.session_state["import.table"]
            st.subheader(f"Événements lus dans « {md_escape(st.session_state['import.name'])} »")
            with st.expander("Compte rendu de lecture"):
                st.text(result.summary())
            for warning in getattr(result, "warnings", [])[:20]:
                st.warning(md_escape(warning))
            low = int((table["confidence"].fillna(1) < 0.6).sum())
            st.caption(f"{format_number(len(table))} événement(s), dont {format_number(low)} lu(s) avec une confiance "
                       "faible. Corrigez les cellules si besoin, décochez « Garder » pour écarter un événement.")
            edited = st.data_editor(
                table[["include", "confidence", "warnings"] + EDIT_COLUMNS], key="import.editor", hide_index=True,
                disabled=["confidence", "warnings"], num_rows="fixed",
                column_config={c: st.column_config.Column(LABELS[c]) for c in LABELS} | {
                    "include": st.column_config.CheckboxColumn(LABELS["include"]),
                    "confidence": st.column_config.ProgressColumn(LABELS["confidence"], min_value=0.0,
                                                                  max_value=1.0, format="percent"),
                    "online": st.column_config.CheckboxColumn(LABELS["online"])})

            unknown = edited[edited["include"] & edited["commune_code"].isna() & ~edited["online"].fillna(False)]
            places = unknown[["venue", "commune_name", "address"]].fillna("").drop_duplicates()
            places = places[(places["venue"] != "") | (places["commune_name"] != "")]
            if not places.empty:
                st.subheader("Lieux à situer")
                st.caption("Ces événements n'ont pas de commune reconnue. Choisissez la commune de chaque lieu : "
                           "le choix est appliqué ici et retenu pour les prochains imports.")
                for i, place in enumerate(places.head(15).to_dict("records")):
                    name = place["venue"] or place["commune_name"]
                    if not name:
                        continue
                    with st.container(border=True):
                        st.markdown(f"**{md_escape(name)}** {md_escape(place['address'])}")
                        guess = st.text_input("Chercher la commune", value=place["commune_name"] or "",
                                              key=f"import.place.q.{i}")
                        found = cached(terr.search_territories)(guess, 10) if guess else pd.DataFrame()
                        found = found[found["level"] == "commune"] if not found.empty else found
                        if found.empty:
                            st.caption("Aucune commune trouvée : essayez un autre nom ou le code postal.")
                            continue
                        codes = dict(zip(found["code"], found["label"]))
                        chosen = st.selectbox("Commune", list(codes), format_func=codes.get,
                                              key=f"import.place.c.{i}")
                        if st.button("Retenir ce lieu", key=f"import.place.b.{i}"):
                            try:
                                importing.confirm_venue(db, name, chosen, region_code=region or getattr(result, "region", None),
                                                        address=place["address"] or None)
                            except UserError as exc:
                                st.error(str(exc))
                            else:
                                mask = ((table["venue"].fillna("") == place["venue"])
                                        & (table["commune_name"].fillna("") == place["commune_name"]))
                                table.loc[mask, "commune_code"] = chosen
                                st.session_state["import.table"] = table
                                st.session_state.pop("import.editor", None)
                                st.success(f"Lieu retenu : {md_escape(name)} → {md_escape(codes[chosen])}.")
                                st.rerun()

            if getattr(result, "figures", None):
                figures_review(result.figures, st.session_state.get("import.name", "programme"))

            kept = edited[edited["include"]]
            if st.button(f"Enregistrer {format_number(len(kept))} événement(s)", type="primary",
                         disabled=kept.empty):
                rows = table.loc[kept.index].copy()
                rows[EDIT_COLUMNS] = kept[EDIT_COLUMNS]
                records = []
                for r in rows.drop(columns=["include"]).to_dict("records"):
                    r["warnings"] = [w for w in (r.get("warnings") or "").split(" ; ") if w]
                    r["co_organizers"] = r.get("co_organizers") if isinstance(r.get("co_organizers"), list) else []
                    records.append({k: (None if not isinstance(v, list) and pd.isna(v) else v)
                                    for k, v in r.items()})
                bar = st.progress(0.0, text="Enregistrement…")
                try:
                    outcome = save_programme(db, result, events=records, progress=progress_reporter(bar))
                except UserError as exc:
                    st.error(f"Rien n'a été enregistré : {exc}")
                else:
                    for key in ("import.result", "import.table", "import.editor", "import.name"):
                        st.session_state.pop(key, None)
                    st.session_state["import.done"] = outcome.message
                    st.rerun()
                bar.empty()

# --- Figures ----------------------------------------------------------------------------------
with tab_figures:
    st.markdown("Un tableau CSV ou XLSX, une ligne par chiffre : `territory_level` (ou `niveau`), `territory_code` "
                "ou `territory_name`, `year`, `indicator`, `value`, `unit`, `scope`, `source_url`. Chaque chiffre "
                "garde sa source ; un fichier avec une ligne invalide n'importe rien.")
    figures_file = st.file_uploader("Fichier de chiffres", type=["csv", "xlsx"], key="import.figures")
    if figures_file is not None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / Path(figures_file.name).name
            path.write_bytes(figures_file.getvalue())
            from esscope import store
            con = store.connect(db)
            try:
                reading = importing.read_indicator_file(con, path)
            except UserError as exc:
                reading = None
                st.error(str(exc))
            finally:
                con.close()
            if reading is not None:
                with reading:
                    valid = reading.count
                    st.caption(f"{format_number(valid)} ligne(s) valides sur {format_number(reading.total)}"
                               + (f" ; les {format_number(PREVIEW_ROWS)} premières :" if valid > PREVIEW_ROWS else "."))
                    if reading.bad:
                        st.error(f"{format_number(reading.bad)} ligne(s) invalide(s) (rien ne sera importé tant "
                                 "qu'elles ne sont pas corrigées) :")
                        st.dataframe(pd.DataFrame({"Ligne": [e.line for e in reading.errors],
                                                   "Problème": [e.reason for e in reading.errors]}), hide_index=True)
                    st.dataframe(reading.frame(PREVIEW_ROWS).drop(columns=["id"]), hide_index=True)
                if st.button("Importer ces chiffres", type="primary", disabled=bool(reading.bad) or not valid):
                    try:
                        outcome = importing.import_indicators(db, path)
                    except UserError as exc:
                        st.error(f"Rien n'a été importé : {exc}")
                    else:
                        st.success(f"{outcome['added']} chiffre(s) ajouté(s), {outcome['updated']} mis à jour, "
                                   f"{outcome['unchanged']} déjà présent(s).")

# --- Sources ----------------------------------------------------------------------------------
with tab_sources:
    sources = cached(importing.list_sources)()
    if sources.empty:
        st.info("Aucune source importée.")
    else:
        kinds = {"programme": "Programme", "indicators": "Chiffres", "reference": "Données fournies"}
        st.dataframe(pd.DataFrame({
            "Identifiant": sources["id"], "Type": sources["kind"].map(kinds), "Document": sources["name"],
            "Édition": sources["edition"].astype("Int64"), "Lignes": sources["rows"],
            "Importé le": sources["imported_at"].dt.strftime("%d/%m/%Y %H:%M")}), hide_index=True)
        labels = {r["id"]: f"{r['name']} ({kinds.get(r['kind'], r['kind'])}, {r['rows']} lignes)"
                  for r in sources.to_dict("records")}
        chosen = st.selectbox("Source à retirer", list(labels), format_func=labels.get, index=None,
                              placeholder="choisir une source", key="import.remove.source")
        sure = st.checkbox("Je confirme : retirer cette source et tous ses événements ou chiffres.",
                           key="import.remove.sure")
        if st.button("Retirer la source", disabled=not (chosen and sure), key="import.remove"):
            try:
                st.success(md_escape(importing.remove_source(db, chosen)))
            except UserError as exc:
                st.error(str(exc))
