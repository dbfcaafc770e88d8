"""The Import page's blocks (staff only), in Streamlit: the password door, reading a programme and
reviewing what was read, the places to situate, the figures it cites, a figures file, the sources.

What these blocks decide lives in `review`, `importing` and `auth`, tested without Streamlit; here
are the widgets, in French. Nothing is written without the staff password.
"""

import math
import secrets

import streamlit as st

from . import auth, importing, queries, review
from . import territory as terr
from .errors import UserError
from .french import format_number
from .indicators import INDICATORS, LEVELS
from .limits import FIGURES_BYTES, MIB, PROGRAMME_BYTES
from .webapp import cached, md_escape

KEY = "import"          # prefix of the page's session state
PREVIEW_ROWS = 1_000      # rows of a figures file shown before import (a file may hold millions)
SOURCE_KINDS = {"programme": "Programme", "indicators": "Chiffres", "reference": "Données fournies"}
# (a mail saved whole, an agenda's feed and a table with tabs are programmes too)
PROGRAMME_TYPES = ["pdf", "html", "htm", "txt", "md", "csv", "tsv", "xlsx", "json", "ics", "eml", "rss", "xml", "atom",
                   "yaml", "yml", "tex", "srt", "vtt"]
# What each uploader says it takes (« 20 Mo par fichier »), in Mo: the readers' own bounds.
PROGRAMME_UPLOAD_MB = PROGRAMME_BYTES.limit // MIB
FIGURES_UPLOAD_MB = FIGURES_BYTES.limit // MIB


def staff_door() -> None:
    """Let the rest of the page run only for staff who typed the password (kept for the session);
    explain how to set it up when the server has none."""
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
    if not st.session_state.get(f"{KEY}.allowed"):
        st.info("Cette page est réservée à l'équipe (CRESS, administrateurs) : saisissez le mot de passe pour "
                "importer ou retirer des données. Pour obtenir un accès, demandez-le à la personne qui administre "
                "esscope. Les autres pages sont publiques.")
        with st.form("login"):
            password = st.text_input("Mot de passe", type="password", max_chars=auth.MAX_LENGTH)
            if st.form_submit_button("Se connecter"):
                try_password(password, stored_hash)
        st.stop()
    if st.sidebar.button("Se déconnecter"):
        st.session_state.pop(f"{KEY}.allowed", None)
        st.rerun()


THROTTLE = auth.Throttle()      # one for every session of the app: new sessions gain an attacker nothing


def try_password(password: str, stored_hash: str) -> None:
    """Check a password typed in the login form, unless this session (or everyone) failed too often lately."""
    session = st.session_state.setdefault(f"{KEY}.session", secrets.token_hex(8))
    left = THROTTLE.wait(session)
    if left > 0:
        st.error(f"Trop d'essais manqués : réessayez dans {math.ceil(left)} s.")
        return
    if auth.verify_password(password, stored_hash):
        THROTTLE.succeeded(session)
        st.session_state[f"{KEY}.allowed"] = True
        st.rerun()
    THROTTLE.failed(session)
    st.error("Mot de passe incorrect.")


def progress_bar(text: str):
    """A progress bar and the callback (fraction, message) the importers report to."""
    bar = st.progress(0.0, text=text)
    return bar, lambda fraction, message=text: bar.progress(min(max(float(fraction), 0.0), 1.0), text=message)


def read_programme(db, upload, edition, region) -> None:
    """Read an uploaded programme (writing nothing) and keep what was read for the review."""
    bar, report = progress_bar("Lecture du document…")
    try:
        result = importing.parse_bytes(upload.getvalue(), upload.name, edition=int(edition) if edition else None,
                                       region=region or None, db=db, progress=report)
    except UserError as exc:
        st.error(str(exc))
    else:
        st.session_state[f"{KEY}.result"] = result
        st.session_state[f"{KEY}.table"] = review.review_table(result.events_as_dicts())
    bar.empty()


def review_programme(db, region) -> None:
    """The events read, least sure first with the reader's doubts, to correct, untick, situate, and save."""
    result, table = st.session_state[f"{KEY}.result"], st.session_state[f"{KEY}.table"]
    st.subheader(f"Événements lus dans « {md_escape(result.filename)} »")
    with st.expander("Compte rendu de lecture"):
        st.text(result.summary())
    for warning in result.warnings[:20]:
        st.warning(md_escape(warning))
    st.caption(f"{format_number(len(table))} événement(s), dont {format_number(review.low_confidence(table))} lu(s) "
               "avec une confiance faible, en tête de liste avec ce qui est à vérifier. Corrigez les cellules si "
               "besoin, décochez « Garder » pour écarter un événement.")
    edited = st.data_editor(
        review.for_editor(table[review.SHOWN_COLUMNS]), key=f"{KEY}.editor", hide_index=True, num_rows="fixed",
        disabled=["confidence", "warnings"],
        column_config={c: st.column_config.Column(label) for c, label in review.LABELS.items()} | {
            "include": st.column_config.CheckboxColumn(review.LABELS["include"]),
            "confidence": st.column_config.ProgressColumn(review.LABELS["confidence"], min_value=0.0, max_value=1.0,
                                                          format="percent"),
            "warnings": st.column_config.TextColumn(review.LABELS["warnings"], width="large"),
            "online": st.column_config.CheckboxColumn(review.LABELS["online"])})
    edited = review.from_editor(edited)
    places = review.places_to_locate(edited)
    if places:
        locate_places(db, places, region or result.region)
    if result.figures:
        review_figures(db, result.figures, result.filename)
    events = review.reviewed_events(table, edited)
    if st.button(f"Enregistrer {format_number(len(events))} événement(s)", type="primary", disabled=not events):
        bar, report = progress_bar("Enregistrement…")
        try:
            outcome = importing.save_programme(db, result, events=events, progress=report)
        except UserError as exc:
            st.error(f"Rien n'a été enregistré : {exc}")
        else:
            for key in ("result", "table", "editor"):
                st.session_state.pop(f"{KEY}.{key}", None)
            st.session_state[f"{KEY}.done"] = outcome.message
            st.rerun()
        bar.empty()


def locate_places(db, places: list, region) -> None:
    """For each place with no known commune, a search for its commune; the choice is applied to the
    table and kept for later imports."""
    st.subheader("Lieux à situer")
    st.caption("Ces événements n'ont pas de commune reconnue. Choisissez la commune de chaque lieu : "
               "le choix est appliqué ici et retenu pour les prochains imports.")
    for i, place in enumerate(places):
        with st.container(border=True):
            st.markdown(f"**{md_escape(place['name'])}** {md_escape(place['address'])}")
            guess = st.text_input("Chercher la commune", value=place["commune_name"], key=f"{KEY}.place.q.{i}")
            communes = review.commune_options(cached(terr.search_territories)(guess, 10)) if guess else {}
            if not communes:
                st.caption("Aucune commune trouvée : essayez un autre nom ou le code postal.")
                continue
            chosen = st.selectbox("Commune", list(communes), format_func=communes.get, key=f"{KEY}.place.c.{i}")
            if st.button("Retenir ce lieu", key=f"{KEY}.place.b.{i}"):
                try:
                    importing.confirm_venue(db, place["name"], chosen, region_code=region,
                                            address=place["address"] or None)
                except UserError as exc:
                    st.error(str(exc))
                else:
                    table = review.place_located(st.session_state[f"{KEY}.table"], place, chosen)
                    st.session_state[f"{KEY}.table"] = table
                    st.session_state.pop(f"{KEY}.editor", None)
                    st.rerun()


def review_figures(db, figures: list, document: str) -> None:
    """The figures a programme cites, for staff to check, complete and keep among the sector figures."""
    st.subheader("Chiffres cités dans le document")
    st.caption("Le document cite ces chiffres. Cochez ceux à retenir parmi les chiffres de l'ESS après avoir vérifié "
               "le territoire et l'année (une année reprise de l'édition est signalée). Leur source sera ce "
               "document, sauf si vous en indiquez une autre. Enregistrez-les avant les événements.")
    edited = st.data_editor(
        review.for_editor(review.figures_table(figures)), key=f"{KEY}.figures.editor", hide_index=True, num_rows="fixed",
        disabled=["note", "text"],
        column_config={
            "keep": st.column_config.CheckboxColumn("Retenir"),
            "indicator": st.column_config.SelectboxColumn("Indicateur", options=list(INDICATORS),
                                                          format_func=lambda k: INDICATORS[k][0]),
            "value": st.column_config.NumberColumn("Valeur"),
            "qualifier": st.column_config.TextColumn("Qualificatif", help="about, more_than, less_than…"),
            "territory_level": st.column_config.SelectboxColumn("Niveau", options=list(LEVELS)),
            "territory_code": st.column_config.TextColumn("Code du territoire"),
            "territory_name": st.column_config.TextColumn("Territoire"),
            "year": st.column_config.NumberColumn("Année", format="%d"),
            "scope": st.column_config.TextColumn("Périmètre"),
            "source_url": st.column_config.TextColumn("Source (si autre que ce document)"),
            "note": st.column_config.TextColumn("À vérifier"),
            "text": st.column_config.TextColumn("Phrase du document")})
    kept = review.kept_figures(review.from_editor(edited))
    if st.button(f"Enregistrer {format_number(len(kept))} chiffre(s)", disabled=not kept):
        try:
            counts = importing.save_figures(db, kept, document)
        except UserError as exc:
            st.error(str(exc))
        else:
            st.success(f"Chiffres enregistrés : {format_number(counts['added'])} ajouté(s), "
                       f"{format_number(counts['updated'])} mis à jour, {format_number(counts['unchanged'])} "
                       "déjà présent(s).")


def import_figures(db, upload) -> None:
    """A figures file checked row by row, then imported all or nothing."""
    with importing.as_file(upload.getvalue(), upload.name) as path:
        try:
            reading = importing.read_indicator_file(db, path)
        except UserError as exc:
            st.error(str(exc))
            return
        with reading:
            valid = reading.count
            st.caption(f"{format_number(valid)} ligne(s) valides sur {format_number(reading.total)}"
                       + (f" ; les {format_number(PREVIEW_ROWS)} premières :" if valid > PREVIEW_ROWS else "."))
            if reading.bad:
                st.error(f"{format_number(reading.bad)} ligne(s) invalide(s) (rien ne sera importé tant qu'elles ne "
                         "sont pas corrigées) :")
                st.dataframe({"Ligne": [e.line for e in reading.errors],
                              "Problème": [e.reason for e in reading.errors]}, hide_index=True)
            st.dataframe(reading.frame(PREVIEW_ROWS).drop(columns=["id"]), hide_index=True)
        if st.button("Importer ces chiffres", type="primary", disabled=bool(reading.bad) or not valid):
            try:
                outcome = importing.import_indicators(db, path)
            except UserError as exc:
                st.error(f"Rien n'a été importé : {exc}")
            else:
                st.success(f"{outcome['added']} chiffre(s) ajouté(s), {outcome['updated']} mis à jour, "
                           f"{outcome['unchanged']} déjà présent(s).")


def sources(db) -> None:
    """The imported documents, and taking one out with its events or figures (after a confirmation)."""
    frame = cached(importing.list_sources)()
    if frame.empty:
        st.info("Aucune source importée.")
        return
    st.dataframe({"Identifiant": frame["id"], "Type": frame["kind"].map(SOURCE_KINDS), "Document": frame["name"],
                  "Édition": frame["edition"].astype("Int64"), "Lignes": frame["rows"],
                  "Importé le": frame["imported_at"].dt.strftime("%d/%m/%Y %H:%M")}, hide_index=True)
    labels = {r["id"]: f"{r['name']} ({SOURCE_KINDS.get(r['kind'], r['kind'])}, {r['rows']} lignes)"
              for r in frame.to_dict("records")}
    chosen = st.selectbox("Source à retirer", list(labels), format_func=labels.get, index=None,
                          placeholder="choisir une source", key=f"{KEY}.remove.source")
    sure = st.checkbox("Je confirme : retirer cette source et tous ses événements ou chiffres.",
                       key=f"{KEY}.remove.sure")
    if st.button("Retirer la source", disabled=not (chosen and sure), key=f"{KEY}.remove"):
        try:
            st.success(md_escape(importing.remove_source(db, chosen)))
        except UserError as exc:
            st.error(str(exc))


def region_names() -> dict:
    """INSEE code → name of every région."""
    frame = cached(queries.read_territory_names)("region")
    return dict(zip(frame["code"], frame["name"]))
