"""Plotly figures for the pages: titled, axes labelled with units, numbers the French way
(« 52 000 », « 10,7 »), colours readable by colour-blind readers (Okabe-Ito, cividis)."""

import datetime as dt
import textwrap

import pandas as pd
import plotly.graph_objects as go

from .french import MONTHS, WEEKDAYS, format_date, format_number
from .territory import format_value

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
HIGHLIGHT, MUTED = "#D55E00", "#0072B2"
SEQUENTIAL = "cividis"
SEPARATORS = ",\u202f"        # decimal comma, narrow no-break space between thousands


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
    fig.update_layout(title={"text": as_text(title), "x": 0, "xanchor": "left"}, separators=SEPARATORS,
                      template="plotly_white", height=height, margin={"l": 10, "r": 10, "t": 60, "b": 10},
                      font={"family": "sans-serif", "size": 13}, legend_title_text="", hoverlabel={"align": "left"})
    fig.update_xaxes(title_text=x_title)
    fig.update_yaxes(title_text=y_title)
    return fig


def empty_figure(title: str, message: str) -> go.Figure:
    """A figure that says there is nothing to show, and why."""
    fig = go.Figure()
    fig.add_annotation(text=message, x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False,
                       font={"size": 14, "color": "#444"})
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
    fig.update_xaxes(dtick=1)
    fig.update_yaxes(rangemode="tozero", tickformat=",d")
    return _layout(fig, title, "Édition (année)", "Événements (nombre)")


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
    fig = go.Figure(go.Heatmap(z=table.to_numpy(), x=[str(c) for c in table.columns], y=_texts(table.index),
                               colorscale=SEQUENTIAL, text=text, texttemplate="%{text}",
                               colorbar={"title": "Événements"},
                               hovertemplate="%{y}, %{x} : %{z} événement(s)<extra></extra>"))
    fig.update_xaxes(type="category")
    return _layout(fig, title, "Édition (année)", "", height=max(260, 60 + 28 * len(table)))


def calendar_heatmap(days: pd.DataFrame, edition: int) -> go.Figure:
    """The days of November of `edition` as a calendar (weeks in rows, Monday to Sunday in
    columns), coloured by the number of events running that day."""
    title = f"Événements par jour, novembre {edition}"
    counts = {pd.Timestamp(d).date(): int(n) for d, n in zip(days["day"], days["events"])} if len(days) else {}
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
    fig = go.Figure(go.Heatmap(z=z, x=[w.capitalize() for w in WEEKDAYS], y=[f"Semaine {i + 1}" for i in range(weeks)],
                               text=text, texttemplate="%{text}", hovertext=hover, hoverinfo="text",
                               colorscale=SEQUENTIAL, zmin=0, xgap=3, ygap=3,
                               colorbar={"title": "Événements<br>ce jour"}))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top")
    return _layout(fig, title, "", "", height=330)


def gantt_chart(events: pd.DataFrame, limit: int = 60) -> go.Figure:
    """Events over several days as bars from their first to their last day (the longest `limit`)."""
    title = "Événements sur plusieurs jours"
    if events.empty:
        return empty_figure(title, "Aucun événement sur plusieurs jours pour ces filtres.")
    shown = events.head(limit).iloc[::-1]
    starts = pd.to_datetime(shown["start_date"])
    ends = pd.to_datetime(shown["end_date"]) + pd.Timedelta(days=1)
    labels = [as_text(f"{t[:50]}{'…' if len(t) > 50 else ''} ({c or 'commune ?'})") for t, c in
              zip(shown["title"], shown["commune_name"].fillna(""))]
    hover = [_plain_hover(f"{t}<br>du {format_date(s)} au {format_date(e)} ({d} jours)")
             for t, s, e, d in zip(shown["title"], shown["start_date"], shown["end_date"], shown["days"])]
    fig = go.Figure(go.Bar(base=starts, x=(ends - starts).dt.total_seconds() * 1000, y=labels, orientation="h",
                           marker_color=MUTED, hovertext=hover, hoverinfo="text"))
    fig.update_xaxes(type="date", tickformat="%d/%m")
    fig.update_yaxes(tickfont={"size": 11})
    subtitle = title + (f" ({limit} plus longs sur {len(events)})" if len(events) > limit else "")
    return _layout(fig, subtitle, "Date (jour/mois)", "", height=max(240, 80 + 22 * len(shown)))


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
    return _layout(fig, title, value_label, "", height=max(260, 80 + 36 * frame[category].nunique()))


def breakdown_chart(frame: pd.DataFrame, category: str, title: str) -> go.Figure:
    """Horizontal bars of events per category (columns `category`, `Événements`)."""
    if frame.empty:
        return empty_figure(title, "Aucun événement.")
    fig = go.Figure(go.Bar(y=_texts(frame[category]), x=frame["Événements"], orientation="h", marker_color=MUTED,
                           text=[format_number(v) for v in frame["Événements"]], textposition="outside",
                           cliponaxis=False, hovertemplate="%{y} : %{x} événement(s)<extra></extra>"))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(range=[0, frame["Événements"].max() * 1.15])
    return _layout(fig, title, "Événements (nombre)", "", height=max(220, 80 + 28 * len(frame)))


def ranked_bar_chart(frame: pd.DataFrame, title: str, unit: str, axis_label: str) -> go.Figure:
    """Territories ranked by value (columns name, value, is_self, disagree); the chosen one stands out,
    territories without a figure are listed below the chart, not drawn as zero."""
    known = frame.dropna(subset=["value"]).sort_values("value", ascending=False)
    if known.empty:
        return empty_figure(title, "Aucun chiffre disponible pour ces territoires.")
    colors = [HIGHLIGHT if s else MUTED for s in known["is_self"]]
    text = [format_value(v, unit) + (" *" if d else "") for v, d in zip(known["value"], known["disagree"])]
    fig = go.Figure(go.Bar(y=_texts(known["name"]), x=known["value"], orientation="h", marker_color=colors, text=text,
                           textposition="outside", cliponaxis=False, hovertemplate="%{y} : %{text}<extra></extra>"))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(range=[0, known["value"].max() * 1.2], automargin=True)
    # the chart may get half a page, most of it taken by the names: a long axis title goes on two lines
    return _layout(fig, title, wrap_title(axis_label), "", height=max(240, 100 + 24 * len(known)))


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
    fig.update_xaxes(dtick=2, tickformat="d")
    fig.update_yaxes(rangemode="tozero")
    return _layout(fig, title, "Année", _unit_label(unit))


def _unit_label(unit: str) -> str:
    return {"pct": "Part (%)", "eur": "Montant (€)", "count": "Nombre"}.get(unit, "")


def month_name(month: int) -> str:
    return MONTHS[month - 1]
