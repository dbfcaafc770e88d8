"""Plotly figures for the pages: titled, axes labelled with units, numbers the French way
(« 52 000 », « 10,7 »), colours readable by colour-blind readers (Okabe-Ito; counts in shades of one blue), every text at 4.5:1 or more."""

import datetime as dt
import textwrap

import pandas as pd
import plotly.graph_objects as go

from .french import MONTHS, WEEKDAYS, format_date, format_number
from .territory import format_value

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
HIGHLIGHT, MUTED = "#D55E00", "#0072B2"
# every text of a chart in one dark grey, 9.7:1 on white: Streamlit's chart theme writes ticks, axis titles and
# bar labels in #808495 (3.8:1, below the 4.5:1 of WCAG AA)
TEXT = "#444444"
# counts as shades of one blue, from near white to a mid blue light enough (luminance 0.26) that the dark
# number written in every cell reads at 5.5:1 or more; cividis's dark and middle shades left it under 4.5:1
SEQUENTIAL = [[0, "#f7fbff"], [0.5, "#9ecae1"], [1, "#4292c6"]]
CELL_TEXT = "#111111"
SEPARATORS = ",\u202f"        # decimal comma, narrow no-break space between thousands
WHOLE = ",d"                  # a count on an axis: « 150 000 », never « 150k »

# Plotly's interface in French (toolbar, messages, dates), handed to each chart with its configuration
# (Plotly's `locales` option), so nothing needs loading from the web nor registering before Plotly starts.
_SUNDAY_FIRST = WEEKDAYS[-1:] + WEEKDAYS[:-1]
PLOTLY_FRENCH = {
    "dictionary": {
        "Autoscale": "Ajuster l'échelle", "Box Select": "Sélection rectangulaire",
        "Click to enter Colorscale title": "Cliquez pour saisir le titre de l'échelle",
        "Compare data on hover": "Comparer les données au survol",
        "Double-click on legend to isolate one trace": "Double-cliquez sur la légende pour n'afficher qu'une série",
        "Double-click to zoom back out": "Double-cliquez pour revenir au zoom initial",
        "Download plot": "Télécharger le graphique", "Download plot as a PNG": "Télécharger le graphique (PNG)",
        "Download plot as JSON": "Télécharger le graphique (JSON)", "Lasso Select": "Sélection au lasso",
        "Pan": "Déplacer", "Produced with Plotly.js": "Réalisé avec Plotly.js", "Reset": "Réinitialiser",
        "Reset axes": "Réinitialiser les axes", "Reset view": "Réinitialiser la vue",
        "Reset views": "Réinitialiser les vues", "Show closest data on hover": "Donnée la plus proche au survol",
        "Snapshot succeeded": "Image enregistrée", "Sorry, there was a problem downloading your image!":
            "L'image n'a pas pu être téléchargée.", "Taking snapshot - this may take a few seconds":
            "Enregistrement de l'image, quelques secondes…", "Toggle Spike Lines": "Lignes de repère",
        "Toggle show closest data on hover": "Donnée la plus proche au survol", "Zoom": "Zoomer",
        "Zoom in": "Agrandir", "Zoom out": "Réduire", "trace": "série", "new text": "nouveau texte",
    },
    "format": {
        "days": [d.capitalize() for d in _SUNDAY_FIRST], "shortDays": [d[:3] + "." for d in _SUNDAY_FIRST],
        "months": MONTHS, "shortMonths": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
                                             "oct.", "nov.", "déc."],
        "periods": ["", ""], "dateTime": "%A %e %B %Y, %X", "date": "%d/%m/%Y", "time": "%H:%M:%S",
        "decimal": ",", "thousands": "\u202f", "grouping": [3], "currency": ["", "\u00a0€"],
        "year": "%Y", "month": "%B %Y", "dayMonth": "%-d %b", "dayMonthYear": "%-d %b %Y",
    },
}
PLOTLY_CONFIG = {"locale": "fr", "locales": {"fr": PLOTLY_FRENCH}, "displaylogo": False}


def as_text(value) -> str:
    """A string as a chart shows it, letter for letter. Plotly reads a few HTML tags in every label,
    legend entry, title, annotation and hover text (« <a href> » makes a link, « <b> », « <br> »…):
    written as character references, « < », « > » and « & » are shown and never read as markup.
    Every string from a document goes through this before it reaches a chart:
    « T <a href="…">lien</a> » → « T &lt;a href="…"&gt;lien&lt;/a&gt; »."""
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _texts(values) -> list:
    return [as_text(v) for v in values]


def _layout(fig: go.Figure, title: str, x_title: str = "", y_title: str = "", height: int = 380) -> go.Figure:
    """Title (shown as text), axes titles (ours, which may hold <br>), French number format, height."""
    # the legend goes above the plot, in rows: beside it, it would squeeze the plot to nothing on a phone
    fig.update_layout(title={"text": as_text(title), "x": 0, "xanchor": "left"}, separators=SEPARATORS,
                      template="plotly_white", height=height, margin={"l": 10, "r": 10, "t": 60, "b": 10},
                      font={"family": "sans-serif", "size": 13, "color": TEXT}, legend_title_text="",
                      hoverlabel={"align": "left"}, legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0,
                                                            "xanchor": "left", "font_color": TEXT})
    for axes, text in ((fig.update_xaxes, x_title), (fig.update_yaxes, y_title)):
        axes(title_text=text, tickfont_color=TEXT, title_font_color=TEXT)
    return fig


LABEL_CHAR_PX = 8        # a generous width of one character of a 13 px label, in pixels


def room_for_labels(fig: go.Figure, labels) -> go.Figure:
    """Widen the right margin so that the longest label written past the end of its bar (« 14,5 % * ») is
    shown in full: Plotly cuts text at the chart's edge, and the plot is narrow on a phone."""
    longest = max((len(str(label)) for label in labels), default=0)
    return fig.update_layout(margin_r=10 + LABEL_CHAR_PX * longest)


def flat_colorbar(title: str, top, below: bool) -> dict:
    """A colour scale laid flat across the chart, below the plot or above it: upright beside the plot it
    would take a third of a phone's width from the grid it explains."""
    return {"title": {"text": title, "side": "top", "font": {"color": TEXT}}, "tickfont": {"color": TEXT},
            "orientation": "h", "thickness": 12, "len": 0.6,
            "lenmode": "fraction", "x": 0, "xanchor": "left", "y": -0.04 if below else 1.02,
            "yanchor": "top" if below else "bottom", **count_scale(top)}


def empty_figure(title: str, message: str) -> go.Figure:
    """A figure that says there is nothing to show, and why."""
    fig = go.Figure()
    fig.add_annotation(text=message, x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False,
                       font={"size": 14, "color": TEXT})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title, height=220)


VALUE_KINDS = {   # qualifier of the value → (legend words, marker symbol)
    "exact": ("", "circle"),
    "more_than": ("Minimum (« plus de »)", "triangle-up"),
    "about": ("Approximation (« environ »)", "diamond"),
    "less_than": ("Maximum (« moins de »)", "triangle-down"),
}
PROVISIONAL, APPROX_YEAR = "as_of_date", "approx_year"


def figure_kind(qualifier) -> tuple:
    """(value kind, provisional, approximate year) of a figure's qualifier, e.g. 'more_than|as_of_date'
    → ('more_than', True, False)."""
    parts = set((qualifier or "").split("|"))
    kind = next((k for k in ("more_than", "about", "less_than") if k in parts), "exact")
    return kind, PROVISIONAL in parts, APPROX_YEAR in parts


def figure_kind_label(kind: str, provisional: bool, approx_year: bool) -> str:
    """The legend entry of a kind of figure: « Chiffre exact », « Bilan provisoire »,
    « Minimum (« plus de »), année approximative »…"""
    notes = [n for n, on in (("bilan provisoire", provisional), ("année approximative", approx_year)) if on]
    words = VALUE_KINDS[kind][0]
    if not notes:
        return words or "Chiffre exact"
    if not words:
        return ", ".join(notes).capitalize()
    return ", ".join([words] + notes)


def national_events_chart(figures: pd.DataFrame) -> go.Figure:
    """Published counts of Mois de l'ESS events per edition France-wide: one point per source,
    its shape saying whether the value is exact, a lower bound (« plus de »), an approximation
    (« environ ») or an upper bound; a hollow marker is a provisional count (« bilan provisoire »),
    a horizontal bar an approximate year. The legend and the hover text say so in words."""
    title = "Événements du Mois de l'ESS en France, chiffres publiés"
    dated = figures.dropna(subset=["year"])
    if dated.empty:
        return empty_figure(title, "Aucun chiffre national publié n'est enregistré.")
    fig = go.Figure()
    kinds = [figure_kind(q) for q in dated["qualifier"]]
    order = sorted(set(kinds), key=lambda k: (list(VALUE_KINDS).index(k[0]), k[1], k[2]))
    for kind, provisional, approx_year in order:
        part = dated[[k == (kind, provisional, approx_year) for k in kinds]]
        colour = OKABE_ITO[list(VALUE_KINDS).index(kind)]
        symbol = VALUE_KINDS[kind][1] + ("-open" if provisional else "")
        hover = [f"{int(y)}{' (année approximative)' if approx_year else ''} : {format_value(v, 'count', q)}"
                 f"{' (bilan provisoire)' if provisional else ''}<br>{(s or 'périmètre non précisé')}"
                 f"<br>Source : {u[:80]}"
                 for y, v, q, s, u in zip(part["year"], part["value"], part["qualifier"], part["scope"],
                                          part["source_url"])]
        fig.add_trace(go.Scatter(
            x=part["year"].astype(int), y=part["value"], mode="markers",
            name=figure_kind_label(kind, provisional, approx_year),
            marker={"size": 12, "symbol": symbol, "color": colour,
                    "line": {"width": 2 if provisional else 1, "color": colour if provisional else "#333"}},
            error_x={"type": "constant", "value": 0.5, "color": colour, "thickness": 2, "width": 0,
                     "visible": True} if approx_year else None,
            hovertext=[_plain_hover(h) for h in hover], hoverinfo="text"))
    year_axis(fig, dated["year"])
    fig.update_yaxes(rangemode="tozero", tickformat=WHOLE)
    return _layout(fig, title, "Édition (année)", "Événements (nombre)")


def year_axis(fig: go.Figure, years) -> go.Figure:
    """Years on the x axis, whole, one tick every 1, 2 or 5 years so that they stay readable on a phone."""
    years = [int(y) for y in years if pd.notna(y)]
    span = max(years) - min(years) if years else 0
    return fig.update_xaxes(tickformat="d", dtick=1 if span <= 6 else 2 if span <= 14 else 5)


def count_scale(top) -> dict:
    """A colour bar (or axis) of counts: whole numbers from 0, « 1 000 » written the French way."""
    top = float(top or 0)
    ticks = {"tickformat": WHOLE}
    if top <= 5:
        ticks["dtick"] = 1
    return ticks


def _plain_hover(text: str) -> str:
    """Hover text built with our own <br> between its lines: every line shown as text."""
    return "<br>".join(as_text(p) for p in text.split("<br>"))


def events_by_region_chart(frame: pd.DataFrame) -> go.Figure:
    """Events of the loaded programmes per édition and région, as a grid coloured by count."""
    title = "Événements des programmes chargés, par édition et par région"
    if frame.empty:
        return empty_figure(title, "Aucun programme chargé pour ces filtres.")
    table = frame.assign(region=frame["region"].fillna("Région non précisée")).pivot_table(
        index="region", columns="edition", values="events", aggfunc="sum", fill_value=0)
    text = [[format_number(v) if v else "" for v in row] for row in table.to_numpy()]
    top = max(int(table.to_numpy().max()), 1)
    fig = go.Figure(go.Heatmap(z=table.to_numpy(), x=[str(c) for c in table.columns], y=_texts(table.index),
                               colorscale=SEQUENTIAL, text=text, texttemplate="%{text}", zmin=0, zmax=top,
                               textfont={"color": CELL_TEXT},
                               colorbar=flat_colorbar("Événements", top, below=False),
                               hovertemplate="%{y}, %{x} : %{z} événement(s)<extra></extra>"))
    fig.update_xaxes(type="category")
    # the colour scale above the grid takes some 70 px of the height
    return _layout(fig, title, "Édition (année)", "", height=max(260, 60 + 28 * len(table)) + 70)


def region_grid_caption(per_region: pd.DataFrame) -> str:
    """What the grid of `events_per_edition_region` adds up to, in French, also when it is empty:
    « Événements enregistrés par édition : 2017 : 39 · 2024 : 15. … »."""
    if per_region.empty:
        return ("Aucun événement des programmes importés ne correspond à ces filtres. Un programme importé "
                "sous-compte l'édition réelle : l'absence d'événement ici ne veut pas dire qu'il n'y en a pas eu.")
    totals = per_region.groupby("edition")["events"].sum()
    return ("Événements enregistrés par édition : " + " · ".join(f"{e} : {format_number(n)}" for e, n in totals.items())
            + ". Un programme importé sous-compte l'édition réelle.")


def calendar_heatmap(days: pd.DataFrame, edition: int) -> go.Figure:
    """The days of November of `edition` as a calendar (weeks in rows, Monday to Sunday in
    columns), coloured by the number of events running that day."""
    title = f"Événements par jour, novembre {edition}"
    counts = {pd.Timestamp(d).date(): int(n) for d, n in zip(days["day"], days["events"])} if len(days) else {}
    if not any(dt.date(edition, 11, 1) <= d <= dt.date(edition, 11, 30) for d in counts):
        return empty_figure(title, f"Aucun événement daté en novembre {edition} pour ces filtres.")
    first, last = dt.date(edition, 11, 1), dt.date(edition, 11, 30)
    start = first - dt.timedelta(days=first.weekday())
    weeks = (last - start).days // 7 + 1
    z, text, hover = [], [], []
    for w in range(weeks):
        z_row, t_row, h_row = [], [], []
        for d in range(7):
            day = start + dt.timedelta(days=7 * w + d)
            inside = first <= day <= last
            n = counts.get(day, 0)
            z_row.append(n if inside else None)
            t_row.append(f"{day.day}<br>{n} év." if inside and n else (str(day.day) if inside else ""))
            h_row.append(f"{format_date(day)} : {format_number(n)} événement(s)" if inside else "")
        z.append(z_row)
        text.append(t_row)
        hover.append(h_row)
    # the scale starts at 0 in whole events, also when no day has any (Plotly would centre it on 0)
    top = max(counts.values(), default=0) or 1
    fig = go.Figure(go.Heatmap(z=z, x=[w[:3] + "." for w in WEEKDAYS], y=[f"Sem. {i + 1}" for i in range(weeks)],
                               text=text, texttemplate="%{text}", hovertext=hover, hoverinfo="text",
                               textfont={"color": CELL_TEXT},
                               colorscale=SEQUENTIAL, zmin=0, zmax=top, xgap=3, ygap=3,
                               colorbar=flat_colorbar("Événements ce jour", top, below=True)))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top")
    return _layout(fig, title, "", "", height=400)     # 330 for the grid, the rest for its scale below


def gantt_chart(events: pd.DataFrame, limit: int = 60) -> go.Figure:
    """Events over several days as bars from their first to their last day (the longest `limit`)."""
    title = "Événements sur plusieurs jours"
    if events.empty:
        return empty_figure(title, "Aucun événement sur plusieurs jours pour ces filtres.")
    shown = events.head(limit).iloc[::-1]
    starts = pd.to_datetime(shown["start_date"])
    ends = pd.to_datetime(shown["end_date"]) + pd.Timedelta(days=1)
    labels = [as_text(f"{t[:45]}{'…' if len(t) > 45 else ''} ({c or 'commune ?'})") for t, c in
              zip(shown["title"], shown["commune_name"].fillna(""))]
    hover = [_plain_hover(f"{t}<br>du {format_date(s)} au {format_date(e)} ({d} jours)")
             for t, s, e, d in zip(shown["title"], shown["start_date"], shown["end_date"], shown["days"])]
    fig = go.Figure(go.Bar(base=starts, x=(ends - starts).dt.total_seconds() * 1000, y=labels, orientation="h",
                           marker_color=MUTED, hovertext=hover, hoverinfo="text"))
    # each event's name on a line of its own above its bar, across the whole chart: beside the bars the
    # names took four fifths of a phone's width and the dates were squeezed into the rest. A row is some
    # 40 px (the plot is the height less about 90 px of margins and axis), its bar 40 % of it: the name
    # starts just above the bar.
    height = 130 + 40 * len(shown)
    above = 0.2 * (height - 90) / len(shown) + 2
    for label in labels:
        fig.add_annotation(x=0, xref="paper", xanchor="left", y=label, yanchor="bottom", yshift=above, text=label,
                           showarrow=False, font={"size": 11})
    fig.update_xaxes(type="date", tickformat="%d/%m")
    fig.update_yaxes(showticklabels=False)
    fig.update_layout(bargap=0.6)
    subtitle = title + (f" ({limit} plus longs sur {len(events)})" if len(events) > limit else "")
    return _layout(fig, subtitle, "Date (jour/mois)", "", height=height)


def compare_bars(frame: pd.DataFrame, category: str, title: str, value_label="Part des événements (%)") -> go.Figure:
    """Grouped horizontal bars: one colour per edition (columns `edition`, `category`, `share`, `events`)."""
    if frame.empty:
        return empty_figure(title, "Aucun événement à comparer.")
    fig = go.Figure()
    for i, (edition, part) in enumerate(frame.groupby("edition", sort=True)):
        fig.add_trace(go.Bar(y=_texts(part[category]), x=part["share"], name=as_text(edition), orientation="h",
                             marker_color=OKABE_ITO[i % len(OKABE_ITO)],
                             text=[f"{format_number(s, 1)} %" for s in part["share"]], textposition="outside",
                             cliponaxis=False,
                             customdata=part["events"],
                             hovertemplate="%{y} : %{x:.1f} % (%{customdata} év.)<extra>" + str(edition) + "</extra>"))
    fig.update_layout(barmode="group")
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(range=[0, frame["share"].max() * 1.05 or 1])
    fig = _layout(fig, title, value_label, "", height=max(260, 80 + 36 * frame[category].nunique()))
    return room_for_labels(fig, [t for trace in fig.data for t in trace.text])


def breakdown_chart(frame: pd.DataFrame, category: str, title: str) -> go.Figure:
    """Horizontal bars of events per category (columns `category`, `Événements`)."""
    if frame.empty:
        return empty_figure(title, "Aucun événement.")
    fig = go.Figure(go.Bar(y=_texts(frame[category]), x=frame["Événements"], orientation="h", marker_color=MUTED,
                           text=[format_number(v) for v in frame["Événements"]], textposition="outside",
                           cliponaxis=False, hovertemplate="%{y} : %{x} événement(s)<extra></extra>"))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(range=[0, frame["Événements"].max() * 1.05], **count_scale(frame["Événements"].max()))
    fig = _layout(fig, title, "Événements (nombre)", "", height=max(220, 80 + 28 * len(frame)))
    return room_for_labels(fig, fig.data[0].text)


def ranked_bar_chart(frame: pd.DataFrame, title: str, unit: str, axis_label: str) -> go.Figure:
    """Territories ranked by value (columns name, value, is_self, disagree); the chosen one stands out,
    territories without a figure are listed below the chart, not drawn as zero."""
    known = frame.dropna(subset=["value"]).sort_values("value", ascending=False)
    if known.empty:
        return empty_figure(title, "Aucun chiffre disponible pour ces territoires.")
    colors = [HIGHLIGHT if s else MUTED for s in known["is_self"]]
    text = [format_value(v, unit) + (" *" if d else "") for v, d in zip(known["value"], known["disagree"])]
    # long names (« Métropole Européenne de Lille (EPCI) ») on two lines: on a phone they left the bars a sliver
    fig = go.Figure(go.Bar(y=[wrap_title(n, 24) for n in known["name"]], x=known["value"], orientation="h", marker_color=colors, text=text,
                           textposition="outside", cliponaxis=False, hovertemplate="%{y} : %{text}<extra></extra>"))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(range=[0, known["value"].max() * 1.05], automargin=True,
                     **(count_scale(known["value"].max()) if unit != "pct" else {}))
    # the chart may get half a page, most of it taken by the names: a long axis title goes on two lines
    fig = _layout(fig, title, wrap_title(axis_label), "", height=max(240, 100 + 24 * len(known)))
    return room_for_labels(fig, text)


def wrap_title(text: str, width: int = 30) -> str:
    """An axis title cut into lines of at most `width` characters (Plotly's <br>), words kept whole,
    each shown as text."""
    return "<br>".join(_texts(textwrap.wrap(text, width, break_long_words=False))) or as_text(text)


def series_chart(series: pd.DataFrame, label: str, unit: str) -> go.Figure:
    """One line per source scope over the years (markers only where a single year is known)."""
    title = f"{label} au fil des années"
    if series.empty:
        return empty_figure(title, "Pas de série : un seul millésime connu.")
    fig = go.Figure()
    for i, (scope, part) in enumerate(series.groupby(series["scope"].replace("", "périmètre non précisé"), sort=True)):
        fig.add_trace(go.Scatter(x=part["year"], y=part["value"], mode="lines+markers", name=as_text(scope),
                                 line={"color": OKABE_ITO[i % len(OKABE_ITO)]},
                                 hovertext=[_plain_hover(f"{int(y)} : {format_value(v, unit, q)}<br>{u[:80]}") for
                                            y, v, q, u in zip(part["year"], part["value"], part["qualifier"],
                                                              part["source_url"])], hoverinfo="text"))
    year_axis(fig, series["year"])
    fig.update_yaxes(rangemode="tozero", **({"tickformat": WHOLE} if unit != "pct" else {}))
    return _layout(fig, title, "Année", _unit_label(unit))


def _unit_label(unit: str) -> str:
    return {"pct": "Part (%)", "eur": "Montant (€)", "count": "Nombre"}.get(unit, "")


def month_name(month: int) -> str:
    return MONTHS[month - 1]
