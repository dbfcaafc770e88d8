"""Chart builders: titled, axes with units, French numbers, nothing drawn from missing data."""

import datetime as dt

import pandas as pd

from esscope import charts


def figures(rows):
    return pd.DataFrame(rows, columns=["year", "value", "qualifier", "scope", "source_url"])


def test_national_chart_shows_one_point_per_source_grouped_by_qualifier():
    fig = charts.national_events_chart(figures([
        (2019, 1800, "", "national platform", "https://a"), (2019, 2000, "more_than", "", "https://b"),
        (2020, 1000, "more_than", "", "https://c")]))
    points = sum(len(t.x) for t in fig.data)
    assert points == 3
    assert {t.name for t in fig.data} == {"Chiffre exact", "Minimum (« plus de »)"}
    assert fig.layout.title.text and fig.layout.yaxis.title.text == "Événements (nombre)"
    assert fig.layout.separators == ",\u202f"


def test_provisional_count_and_approximate_year_are_marked_not_shown_as_exact():
    fig = charts.national_events_chart(figures([
        (2022, 2000, "more_than", "", "https://a"), (2023, 1584, "as_of_date", "national platform", "https://b"),
        (2016, 2000, "about|approx_year", "", "https://c"), (2019, 1800, "", "", "https://d")]))
    traces = {t.name: t for t in fig.data}
    assert set(traces) == {"Chiffre exact", "Minimum (« plus de »)", "Bilan provisoire",
                           "Approximation (« environ »), année approximative"}
    provisional = traces["Bilan provisoire"]
    assert list(provisional.x) == [2023] and provisional.marker.symbol == "circle-open"
    assert "1\u202f584 (bilan provisoire)" in provisional.hovertext[0]
    approx = traces["Approximation (« environ »), année approximative"]
    assert approx.marker.symbol == "diamond" and approx.error_x.visible
    assert approx.hovertext[0].startswith("2016 (année approximative) : environ 2\u202f000")
    assert traces["Chiffre exact"].marker.symbol == "circle" and list(traces["Chiffre exact"].x) == [2019]


def test_figure_kinds_read_from_qualifiers():
    assert charts.figure_kind("more_than|as_of_date") == ("more_than", True, False)
    assert charts.figure_kind(None) == ("exact", False, False)
    assert charts.figure_kind_label("exact", True, True) == "Bilan provisoire, année approximative"


def test_ranked_bar_chart_wraps_a_long_axis_title():
    frame = pd.DataFrame({"name": ["A", "B"], "value": [10.7, 9.6], "is_self": [False, True],
                          "disagree": [False, False]})
    fig = charts.ranked_bar_chart(frame, "Titre", "pct", "Part de l'ESS dans l'emploi salarié (%)")
    lines = fig.layout.xaxis.title.text.split("<br>")
    assert len(lines) == 2 and all(len(line) <= 30 for line in lines)
    assert " ".join(lines) == "Part de l'ESS dans l'emploi salarié (%)"


def test_hover_text_from_sources_is_inert():
    fig = charts.national_events_chart(figures([(2019, 10, "", "<b>x</b>", "https://a/<script>")]))
    hover = fig.data[0].hovertext[0]
    assert "<script>" not in hover and "&lt;script&gt;" in hover and "<br>" in hover


def test_empty_data_gives_a_figure_that_says_why():
    fig = charts.national_events_chart(figures([]))
    assert fig.layout.annotations[0].text.startswith("Aucun")
    assert charts.gantt_chart(pd.DataFrame()).layout.annotations[0].text.startswith("Aucun")


def test_calendar_heatmap_places_each_day_of_november_once():
    days = pd.DataFrame({"day": [dt.date(2017, 11, 1), dt.date(2017, 11, 30)], "events": [3, 5]})
    fig = charts.calendar_heatmap(days, 2017)
    z = fig.data[0].z
    cells = [v for row in z for v in row if v is not None]
    assert len(cells) == 30 and sum(cells) == 8
    assert z[0][2] == 3                      # 1 November 2017 was a Wednesday
    assert fig.data[0].colorscale is not None and fig.data[0].x[0] == "lun."


def test_sparse_calendar_scale_starts_at_zero_in_whole_events_and_says_when_empty():
    one = charts.calendar_heatmap(pd.DataFrame({"day": [dt.date(2024, 11, 7)], "events": [1]}), 2024)
    heat = one.data[0]
    assert (heat.zmin, heat.zmax) == (0, 1) and heat.colorbar.dtick == 1 and heat.colorbar.tickformat == ",d"
    empty = charts.calendar_heatmap(pd.DataFrame({"day": [], "events": []}), 2024)
    assert empty.layout.annotations[0].text == "Aucun événement daté en novembre 2024 pour ces filtres."


def test_axes_of_counts_are_whole_french_numbers_and_years_stay_readable():
    series = pd.DataFrame({"indicator": "employees", "year": range(2006, 2024), "value": 2.5e6, "qualifier": "",
                           "unit": "count", "scope": "Insee", "source_url": "https://a"})
    fig = charts.series_chart(series, "Salariés", "count")
    assert fig.layout.yaxis.tickformat == ",d" and fig.layout.separators == ",\u202f"   # « 2 500 000 »
    assert fig.layout.xaxis.dtick == 5 and fig.layout.xaxis.tickformat == "d"
    assert fig.layout.legend.orientation == "h"          # above the plot, never squeezing it on a phone


def test_plotly_speaks_french_from_its_configuration():
    french = charts.PLOTLY_CONFIG["locales"][charts.PLOTLY_CONFIG["locale"]]
    assert french["dictionary"]["Download plot as a PNG"] == "Télécharger le graphique (PNG)"
    assert french["format"]["months"][10] == "novembre" and french["format"]["days"][0] == "Dimanche"


def test_events_by_region_grid_counts():
    frame = pd.DataFrame({"edition": [2017, 2017, 2024], "region_code": ["32", "11", "32"],
                          "region": ["Hauts-de-France", "Île-de-France", "Hauts-de-France"], "events": [5, 1, 2]})
    fig = charts.events_by_region_chart(frame)
    assert fig.data[0].z.sum() == 8 and fig.layout.xaxis.title.text == "Édition (année)"


def test_ranked_bar_chart_leaves_out_missing_values_and_highlights_the_territory():
    frame = pd.DataFrame({"name": ["A", "B", "C"], "value": [3.0, None, 7.0], "is_self": [True, False, False],
                          "disagree": [False, False, True]})
    fig = charts.ranked_bar_chart(frame, "Titre", "pct", "Part (%)")
    assert list(fig.data[0].y) == ["C", "A"]
    assert list(fig.data[0].marker.color) == [charts.MUTED, charts.HIGHLIGHT]
    assert fig.data[0].text[0] == "7\u00a0% *"


def test_gantt_bars_run_from_first_to_last_day():
    frame = pd.DataFrame({"title": ["Salon"], "commune_name": ["Roubaix"], "start_date": [dt.date(2017, 11, 14)],
                          "end_date": [dt.date(2017, 11, 16)], "days": [3]})
    fig = charts.gantt_chart(frame)
    assert fig.data[0].x[0] == 3 * 24 * 3600 * 1000


def test_compare_bars_one_trace_per_edition():
    frame = pd.DataFrame({"edition": [2017, 2024], "Thème": ["Emploi", "Emploi"], "share": [40.0, 50.0],
                          "events": [2, 1]})
    fig = charts.compare_bars(frame, "Thème", "Thèmes")
    assert [t.name for t in fig.data] == ["2017", "2024"] and fig.layout.xaxis.title.text.endswith("(%)")


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two « #rrggbb » colours."""
    def luminance(colour):
        channels = [int(colour[k:k + 2], 16) / 255 for k in (1, 3, 5)]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_text_of_a_chart_reads_at_4_5_to_1():
    # Streamlit's chart theme writes ticks and axis titles in #808495 (3.8:1) unless the figure says otherwise
    fig = charts.ranked_bar_chart(pd.DataFrame({"name": ["A", "B"], "value": [3.0, 5.0], "is_self": [True, False],
                                                "disagree": [False, False]}), "T", "pct", "Part (%)")
    assert fig.layout.font.color == fig.layout.xaxis.tickfont.color == fig.layout.yaxis.title.font.color == charts.TEXT
    assert contrast(charts.TEXT, "#ffffff") >= 4.5
    # the numbers inside a heatmap's cells, on every shade of its scale
    assert all(contrast(charts.CELL_TEXT, shade) >= 4.5 for _, shade in charts.SEQUENTIAL)
    heatmap = charts.calendar_heatmap(pd.DataFrame({"day": [dt.date(2024, 11, 5)], "events": [3]}), 2024)
    assert heatmap.data[0].textfont.color == charts.CELL_TEXT and heatmap.data[0].colorbar.tickfont.color == charts.TEXT
