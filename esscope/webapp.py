"""Plumbing shared by the Streamlit pages: the store connection and cached queries.

Pages import this; nothing else in `esscope` depends on Streamlit. One read-only
connection is cached per version of the store file, and every query runs on
its own cursor (a connection shared by Streamlit's threads otherwise mixes up
results). When an import replaces the store file, the version changes, a new
connection opens and cached results of the old version are no longer used.
"""

import datetime as dt
import functools
import os
from pathlib import Path

import folium
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit_folium import st_folium

from . import portrait, queries, store
from .assets import ensure_assets
from .charts import PLOTLY_CONFIG
from .escaping import web_address
from .filters import EventFilter, filter_options
from .french import format_number
from .maps import CLICK, commune_from_click


def db_path() -> Path:
    """The store the app reads: $ESSCOPE_DB or data/esscope.duckdb."""
    return Path(os.environ.get("ESSCOPE_DB", store.DEFAULT_PATH))


def store_version() -> tuple:
    return store.version(db_path())


@st.cache_resource(max_entries=2, show_spinner=False, on_release=lambda con: con.close())
def _connection(path: str, version: tuple):
    return store.connect(path)


def connection():
    """The cached read-only connection to the current version of the store."""
    return _connection(str(db_path()), store_version())


def cached(fn):
    """Cache a query function `fn(con, *args, **kwargs)` per store version and arguments.

    The wrapper takes the same arguments without `con`."""
    name = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return _run(name, store_version(), args, kwargs)

    _FUNCTIONS[name] = fn
    return wrapper


_FUNCTIONS = {}


@st.cache_data(show_spinner=False, max_entries=1024)
def _run(name, version, args, kwargs):
    return _FUNCTIONS[name](connection(), *args, **kwargs)


def ensure_navigation() -> None:
    """Make sure the page runs inside app.py's `st.navigation`.

    Streamlit starts in its old « pages/ folder » mode until some session has called
    `st.navigation`; when the very first request after start is a deep link (/rapport?…), it runs
    the page file alone: no wide layout, file names as menu. Leaving that mode and rerunning makes
    app.py run and route to the same page, with the URL's query parameters kept."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


URL_NOTES, URL_BOX, URL_NAMES = "esscope.url_notes", "esscope.url_box", "esscope.url_names"


def require_store() -> bool:
    """Stop the page with a French message when the store is missing (every page calls this first).
    Also keeps a place at the top of the page for what a link asked that the page did not understand."""
    ensure_navigation()
    st.session_state[URL_NOTES], st.session_state[URL_NAMES] = [], set()
    st.session_state[URL_BOX] = st.empty()
    if db_path().exists():
        return True
    st.error(f"La base de données ({db_path()}) n'existe pas encore. "
             "Lancez « make run » ou « esscope build » pour la créer à partir des données fournies.")
    st.stop()
    return False


# --- Page state in the URL -------------------------------------------------------------------
# Each widget whose value belongs in a shareable link gets its session key from `url_key`: on the
# page's first run in a session the widget starts from the URL parameter, and after the widgets
# are read the page calls `write_url` with the values it uses, so the URL always shows the view.
# (Streamlit's own `bind="query-params"` puts the displayed label in the URL, e.g. a région's name
# rather than its INSEE code, which would not match `EventFilter.from_params`.)

def _url_values(name) -> list:
    return [v for v in st.query_params.get_all(name) if v != ""]


def url_key(page: str, name: str, default=None, *, options=None, many=False, convert=str) -> str:
    """Session key of a widget whose value lives in URL parameter `name`.

    Seeds `st.session_state` from the URL the first time (values not in `options`, or that
    `convert` rejects, are dropped; nothing usable gives `default`). Pass the key to the widget
    and give the widget no default of its own."""
    key = f"{page}.{name}"
    st.session_state.setdefault(URL_NAMES, set()).add(name)
    if key in st.session_state:
        # Streamlit forgets a widget's value after a run that did not draw it (its tab was closed):
        # set again, the value is the reader's and survives until the widget is drawn again
        st.session_state[key] = st.session_state[key]
        return key
    values = []
    for raw in _url_values(name):
        try:
            value = convert(raw)
        except (TypeError, ValueError):
            value = None
        if value is not None and (options is None or value in options):
            values.append(value)
        else:
            _url_note(f"« {md_escape(name)}={md_escape(raw)} » n'est pas une valeur connue")
    if many:
        st.session_state[key] = values if values else list(default or [])
    else:
        st.session_state[key] = values[0] if values else default
    return key


def lazy_tabs(page: str, sections: dict) -> str | None:
    """Tabs of which only the open one is computed and drawn; choosing another reruns the page.
    `sections`: URL name → (label, function drawing the tab). The open tab lives in the URL parameter
    « onglet » like any other view setting; returns its URL name for `write_url`, None for the first tab
    (the default, left out of the URL). Every chart, map or table drawn with a page delays it: a tab
    not opened costs nothing."""
    labels = [label for label, _ in sections.values()]
    names = dict(zip(labels, sections))
    key = url_key(page, "onglet", labels[0], options=labels,
                  convert=lambda raw: sections[raw][0] if raw in sections else None)
    for tab, (_, draw) in zip(st.tabs(labels, key=key, on_change="rerun"), sections.values()):
        if tab.open:
            with tab:
                draw()
    opened = names.get(st.session_state[key], next(iter(sections)))
    return None if opened == next(iter(sections)) else opened


def url_value(name: str, default=None, convert=str):
    """One URL parameter's value (the last one when repeated), converted, or `default`."""
    values = _url_values(name)
    if not values:
        return default
    try:
        return convert(values[-1])
    except (TypeError, ValueError):
        return default


def to_url_text(value):
    """A value as the URL shows it: dates in ISO form, booleans as oui/non, the rest as text."""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def write_url(values: dict) -> None:
    """Make the page's URL parameters exactly `values` (name → value or list); empty ones are left out.
    The URL is only touched when it changes, so writing it does not make the browser reload anything."""
    wanted = {}
    for name, value in values.items():
        if value is None or value == "" or (isinstance(value, (list, tuple)) and not value):
            continue
        wanted[name] = [to_url_text(v) for v in value] if isinstance(value, (list, tuple)) else to_url_text(value)
    current = {name: (st.query_params.get_all(name) if len(st.query_params.get_all(name)) > 1
                      else st.query_params.get(name)) for name in st.query_params}
    normalised = {k: (v if not isinstance(v, list) or len(v) > 1 else v[0]) for k, v in wanted.items()}
    for name in current:
        if name not in values and name not in st.session_state.get(URL_NAMES, ()):
            _url_note(f"le paramètre « {md_escape(name)} » n'existe pas sur cette page")
    if current != normalised:
        st.query_params.from_dict(wanted)
    _show_url_notes()


def _url_note(text: str) -> None:
    st.session_state.setdefault(URL_NOTES, []).append(text)


def _show_url_notes() -> None:
    """Say, at the top of the page, what the link asked that the page did not understand: the reader
    then knows why the view is the default one."""
    notes = st.session_state.get(URL_NOTES) or []
    box = st.session_state.get(URL_BOX)
    if notes and box is not None:
        box.warning("Le lien n'a pas été entièrement compris : " + " ; ".join(dict.fromkeys(notes))
                    + ". La page montre la vue par défaut pour ce qui n'a pas été compris.",
                    icon=":material/link_off:")


def md_escape(text) -> str:
    """Text from documents made inert for Streamlit markdown (captions, labels): every markdown
    character is backslash-escaped, so a title shows its characters and never becomes a link,
    an image or formatting. Streamlit never renders raw HTML in markdown unless asked to."""
    if text is None:
        return ""
    out = []
    for ch in str(text):
        if ch in "\\`*_{}[]()#+-.!|<>~$&:\"'=":
            out.append("\\" + ch)
        elif ch in "\r\n":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def md_link(label: str, url) -> str:
    """A markdown link to an http(s) URL, or the escaped text when `url` is not a web address."""
    address = web_address(url)
    if address is None:
        return md_escape((url or "").strip() or label)
    return f"[{md_escape(label)}]({address.replace('(', '%28').replace(')', '%29')})"


# --- Event filters shared by the map, the éditions page and the report --------------------------

FIRST_EDITION, LAST_EDITION = 2008, 2100           # the Mois de l'ESS began in 2008
FILTER_FIELDS = ("editions", "region", "department", "epci", "themes", "kinds", "dates", "online", "text")
ONLINE_LABELS = {"": "Tous", "oui": "En ligne", "non": "Sur place"}


def _iso_date(text):
    return dt.date.fromisoformat(text)


DATE_FORMAT = "DD/MM/YYYY"


def date_range_bounds(options: dict, chosen=None) -> tuple:
    """(first, last) day a date filter offers: the 1st of January of the first year with events to the
    31st of December of the last one (Streamlit would otherwise stop ten years before today), widened
    to a date already chosen (from a link)."""
    first, last = options.get("first_day"), options.get("last_day")
    first = dt.date(2008, 1, 1) if first is None or pd.isna(first) else dt.date(first.year, 1, 1)
    last = dt.date.today() if last is None or pd.isna(last) else dt.date(last.year, 12, 31)
    if chosen is not None:
        first, last = min(first, chosen), max(last, chosen)
    return first, last


def date_widget(box, label: str, key: str, options: dict):
    """One date of the filter: typed or picked as jj/mm/aaaa, within the editions' years."""
    first, last = date_range_bounds(options, st.session_state.get(key))
    return box.date_input(label, key=key, format=DATE_FORMAT, min_value=first, max_value=last,
                          help="Date au format jour/mois/année (jj/mm/aaaa) ; laissez vide pour ne pas filtrer.")


def edition_options(with_events: list, asked: list) -> list:
    """The editions a filter offers: those with events, and any edition a link asks for even without
    events (« /carte?editions=2022 » then shows no event, rather than every event of every edition)."""
    wanted = {int(y) for y in asked if str(y).isdigit() and FIRST_EDITION <= int(y) <= LAST_EDITION}
    return sorted(set(with_events) | wanted, reverse=True)


def event_filter_widgets(page: str, fields=FILTER_FIELDS, container=None):
    """Draw the event filter widgets (in the sidebar by default), their state kept in the URL,
    and return the `EventFilter` they describe. Write the URL afterwards with
    `write_url(flt.to_params() | other_values)`.

    `fields` picks among: editions, region, department, epci, themes, kinds, dates, online, text."""
    box = container if container is not None else st.sidebar
    options = cached(filter_options)()
    flt = EventFilter()
    if "editions" in fields:
        editions = edition_options(options["editions"], _url_values("editions"))
        flt.editions = box.multiselect(
            "Éditions", editions, key=url_key(page, "editions", many=True, options=editions, convert=int),
            placeholder="Toutes les éditions", help="Années du Mois de l'ESS (novembre).")
    names = {}
    for level, name, label, parent in (("region", "region", "Région", {}),
                                       ("department", "department", "Département", {"region": flt.region}),
                                       ("epci", "epci", "EPCI", {"region": flt.region,
                                                                 "department": flt.department})):
        if name not in fields:
            continue
        frame = cached(queries.read_territory_names)(level, **parent)
        names = dict(zip(frame["code"], frame["name"]))
        codes = [""] + list(names)
        key = url_key(page, name, "", options=codes)
        if st.session_state[key] not in codes:   # the parent changed under it
            st.session_state[key] = ""
        setattr(flt, name, box.selectbox(
            label, codes, key=key,
            format_func=lambda c, names=names, label=label: names.get(c, "Toute la France") if c else
            ("Toute la France" if label == "Région" else "Tous"),
            help="Un événement compte pour le territoire de sa commune."))
    if "themes" in fields and options["themes"]:
        flt.themes = box.multiselect("Thèmes", options["themes"], placeholder="Tous les thèmes",
                                     key=url_key(page, "themes", many=True, options=options["themes"]))
    if "kinds" in fields and options["kinds"]:
        flt.kinds = box.multiselect("Types d'événement", options["kinds"], placeholder="Tous les types",
                                    key=url_key(page, "kinds", many=True, options=options["kinds"]))
    if "dates" in fields:
        flt.start, flt.end = (date_widget(box, label, url_key(page, name, None, convert=_iso_date), options)
                              for name, label in (("start", "Du"), ("end", "Au")))
    if "online" in fields:
        flt.online = box.radio("Événements", list(ONLINE_LABELS), format_func=ONLINE_LABELS.get, horizontal=True,
                               key=url_key(page, "online", "", options=list(ONLINE_LABELS)))
    if "text" in fields:
        flt.text = box.text_input("Recherche", key=url_key(page, "text", ""),
                                  placeholder="titre, organisateur, lieu, commune…").strip()
    return flt


def show_map(m: folium.Map, key: str, height=560) -> str | None:
    """Show a map in the page (the app's own Leaflet, no CDN) and return the INSEE code of the commune
    last clicked, if any. Only clicks go back to Python: panning and zooming do not rerun the page."""
    ensure_assets()
    payload = st_folium(m, key=key, height=height, use_container_width=True, returned_objects=[CLICK])
    return commune_from_click(payload)


def figure_card(card, place_name: str = "") -> None:
    """A `territory.Card` in the page: its value, a badge when sources disagree or the figure is old,
    then its year, scope and source, and what a reader must know. A parent's figure (`card.owner`) says
    whose it is, in its value (« Pas-de-Calais : 12 % »), a badge and a caption, never as the territory's own."""
    st.metric(card.label, card.value_text if not card.empty else "–")
    if card.owner:
        st.badge(f"Chiffre de : {card.owner}", icon=":material/arrow_upward:", color="blue")
    if card.disagree:
        st.badge("Sources en désaccord", icon=":material/warning:", color="orange")
    if card.old:
        st.badge("Chiffre ancien", icon=":material/history:", color="gray")
    if card.empty:
        st.caption("Aucun chiffre disponible pour ce territoire.")
        return
    first = card.rows.iloc[0]
    if card.owner:
        st.caption(md_escape(card.owner_note(place_name)))
    # in full text colour, not as a caption: a caption's 60 % opacity leaves a link below 4.5:1
    st.markdown(f":small[{card.year or 'année non précisée'} · {md_escape(first['scope'] or 'périmètre non précisé')}"
                f" · {md_link('source', first['source_url'])}]")
    for note in card.notes():
        st.caption(md_escape(note))


def events_dataframe(table) -> None:
    """A table of events (`report.events_table`) with its links clickable; days are in « Date »."""
    st.dataframe(table.drop(columns=["Début", "Fin"]), hide_index=True,
                 column_config={"Lien": st.column_config.LinkColumn("Lien", display_text="ouvrir")})


def territory_widgets(page: str) -> tuple:
    """The search box and the list of territories, their state kept in the URL (`q`, `territoire`);
    returns (search text, key of the territory chosen, e.g. « epci:200093201 »)."""
    text = st.text_input("Rechercher un territoire", key=url_key(page, "q", ""),
                         placeholder="nom ou code : Lille, 59350, 59000, Nord, 200093201, Hauts-de-France, France",
                         help="Communes (nom, code INSEE ou code postal), EPCI (nom ou SIREN), départements, "
                              "régions et la France.").strip()
    key = url_key(page, "territoire", portrait.FRANCE_KEY, convert=portrait.valid_key)
    choices = cached(portrait.read_choices)(text, st.session_state[key])
    if choices.no_match:
        st.warning(f"Aucun territoire ne correspond à « {md_escape(text)} ». Essayez un autre nom ou un code.")
    if choices.guessed:
        st.info(f"Aucun territoire ne s'appelle exactement « {md_escape(text)} » : voici les noms les plus "
                "proches.", icon=":material/spellcheck:")
    if choices.unknown:
        st.warning("Ce territoire n'existe pas dans la base ; voici la France.")
    if st.session_state[key] not in choices.labels:
        st.session_state[key] = next(iter(choices.labels))
    choice = st.selectbox("Territoire", list(choices.labels), format_func=choices.labels.get, key=key,
                          help="Sans recherche, la liste propose le territoire affiché et ses territoires parents.")
    return text, choice


# --- French to the last label ---------------------------------------------------------------------

FRENCH_SCRIPT = Path(__file__).parent / "static" / "french.js"


def speak_french() -> None:
    """Declare the document French and put Streamlit's own words (« Select all », « dd », toolbar labels)
    in French: Streamlit has no setting for either, so app.py sends this small script once per session.
    Its element is hidden: it only carries the script."""
    st.html(f'<div id="esscope-french"></div><script>{FRENCH_SCRIPT.read_text(encoding="utf-8")}</script>'
            '<style>div[data-testid="stElementContainer"]:has(#esscope-french) {display: none}</style>',
            unsafe_allow_javascript=True)


def show_chart(fig, key: str) -> None:
    """A Plotly chart as the pages show them: its title above it as text (it wraps on a phone, and the
    chart's toolbar never covers it), the toolbar and dates in French (`charts.PLOTLY_CONFIG`)."""
    title = fig.layout.title.text
    if title:
        st.markdown(f"**{md_escape(title)}**")
        fig = go.Figure(fig).update_layout(title_text=None, margin_t=30)
    st.plotly_chart(fig, key=key, config=PLOTLY_CONFIG)


def french_table(frame, numbers=None):
    """A frame for `st.dataframe` whose numbers read the French way (« 34 875 ») whatever the reader's
    browser language, and still sort as numbers (a pandas Styler: Streamlit shows its text, sorts its values).
    `numbers`: the columns to format (by default every numeric one)."""
    columns = numbers if numbers is not None else list(frame.select_dtypes("number").columns)
    return frame.style.format(lambda v: "" if pd.isna(v) else format_number(v), subset=columns)
