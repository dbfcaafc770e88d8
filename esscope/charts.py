"""Plotly figures for the pages: titled, axes labelled with units, numbers the French way
(« 52 000 », « 10,7 »), colours readable by colour-blind readers (Okabe-Ito, cividis)."""

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from .french import MONTHS, WEEKDAYS, format_date, format_number
from .territory import format_value

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
HIGHLIGHT, MUTED = "#D55E00", "#0072B2"
SEQUENTIAL = "cividis"
SEPARATORS = ",\u202f"        # decimal comma, narrow no-break space between thousands


def _layout(fig: go.Figure, title: str, x_title: str = "", y_title: str = "", height: int = 380) -> go.Figure:
    fig.update_layout(title={"text": title, "x": 0, "xanchor": "left"}, separators=SEPARATORS,
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


def national_events_chart(figures: pd.DataFrame) -> go.Figure:
    """Published counts of Mois de l'ESS events per edition France-wide: one point per source,
    marked when the value is a lower bound (« plus de ») or an approximation."""
    title = "Événements du Mois de l'ESS en France, chiffres publiés"
    dated = figures.dropna(subset=["year"])
    if dated.empty:
        return empty_figure(title, "Aucun chiffre national publié n'est enregistré.")
    fig = go.Figure()
    symbols = {"more_than": "triangle-up", "about": "diamond", "less_than": "triangle-down"}
    groups = {"exact": "Chiffre exact", "more_than": "Minimum (« plus de »)", "about": "Approximation (« environ »)",
              "less_than": "Maximum (« moins de »)"}
    for i, (kind, label) in enumerate(groups.items()):
        part = dated[dated["qualifier"].fillna("").map(lambda q: next(
            (k for k in ("more_than", "about", "less_than") if k in q.split("|")), "exact")) == kind]
        if part.empty:
            continue
        hover = [f"{int(y)} : {format_value(v, 'count', q)}<br>{(s or 'périmètre non précisé')}<br>Source : {u[:80]}"
                 for y, v, q, s, u in zip(part["year"], part["value"], part["qualifier"], part["scope"],
                                          part["source_url"])]
        fig.add_trace(go.Scatter(x=part["year"].astype(int), y=part["value"], mode="markers", name=label,
                                 marker={"size": 12, "symbol": symbols.get(kind, "circle"), "color": OKABE_ITO[i],
                                         "line": {"width": 1, "color": "#333"}},
                                 hovertext=[_plain_hover(h) for h in hover], hoverinfo="text"))
    fig.update_xaxes(dtick=1)
    fig.update_yaxes(rangemode="tozero", tickformat=",d")
    return _layout(fig, title, "Édition (année)", "Événements (nombre)")


def _plain_hover(text: str) -> str:
    """Plotly hover text accepts a few HTML tags: keep our <br> and make everything else inert."""
    parts = text.split("<br>")
    return "<br>".join(p.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for p in parts)


def events_by_region_chart(frame: pd.DataFrame) -> go.Figure:
    """Events of the loaded programmes per édition and région, as a grid coloured by count."""
    title = "Événements des programmes chargés, par édition et par région"
    if frame.empty:
        return empty_figure(title, "Aucun programme chargé pour ces filtres.")
    table = frame.assign(region=frame["region"].fillna("Région non précisée")).pivot_table(
        index="region", columns="edition", values="events", aggfunc="sum", fill_value=0)
    text = [[format_number(v) if v else "" for v in row] for row in table.to_numpy()]
    fig = go.Figure(go.Heatmap(z=table.to_numpy(), x=[str(c) for c in table.columns], y=list(table.index),
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
    labels = [f"{t[:50]}{'…' if len(t) > 50 else ''} ({c or 'commune ?'})" for t, c in
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
        fig.add_trace(go.Bar(y=part[category], x=part["share"], name=str(edition), orientation="h",
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
    fig = go.Figure(go.Bar(y=frame[category], x=frame["Événements"], orientation="h", marker_color=MUTED,
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
    fig = go.Figure(go.Bar(y=known["name"], x=known["value"], orientation="h", marker_color=colors, text=text,
                           textposition="outside", cliponaxis=False, hovertemplate="%{y} : %{text}<extra></extra>"))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(range=[0, known["value"].max() * 1.2])
    return _layout(fig, title, axis_label, "", height=max(240, 80 + 24 * len(known)))


def series_chart(series: pd.DataFrame, label: str, unit: str) -> go.Figure:
    """One line per source scope over the years (markers only where a single year is known)."""
    title = f"{label} au fil des années"
    if series.empty:
        return empty_figure(title, "Pas de série : un seul millésime connu.")
    fig = go.Figure()
    for i, (scope, part) in enumerate(series.groupby(series["scope"].replace("", "périmètre non précisé"), sort=True)):
        fig.add_trace(go.Scatter(x=part["year"], y=part["value"], mode="lines+markers", name=scope,
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
