"""Strings from documents reach charts as text: Plotly reads « <a href> », « <b> », « <br> » in labels,
legends, titles and hover text, so every builder shows them letter for letter instead."""

import datetime as dt
import json

import pandas as pd
import pytest

from esscope import charts

LINK = 'T <a href="https://evil.example/">lien</a>'
BOLD = "<b>Gras</b> & <i>italique</i><br>retour"
SHOWN = 'T &lt;a href="https://evil.example/"&gt;lien&lt;/a&gt;'


def strings(fig) -> list:
    """Every string of the figure as Plotly.js receives it."""
    found = []

    def walk(value):
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)
    walk(json.loads(fig.to_json()))
    return found


OURS = ("<br>", "<extra>", "</extra>")      # the builders' own line breaks and hover boxes


def markup_in(fig) -> list:
    """Strings where a tag other than the builders' own would be read by Plotly."""
    def without_ours(text):
        for tag in OURS:
            text = text.replace(tag, "")
        return text
    return [s for s in strings(fig) if "<" in without_ours(s)]


def frame(**columns):
    return pd.DataFrame(columns)


BUILDERS = {
    "gantt (Éditions)": lambda: charts.gantt_chart(frame(
        title=[LINK, BOLD], commune_name=[LINK, None], start_date=[dt.date(2017, 11, 14)] * 2,
        end_date=[dt.date(2017, 11, 16)] * 2, days=[3, 3])),
    "thèmes comparés (Éditions)": lambda: charts.compare_bars(frame(
        edition=[2017, 2024], Thème=[LINK, BOLD], share=[40.0, 50.0], events=[2, 1]), "Thème", LINK),
    "par thème (Rapport)": lambda: charts.breakdown_chart(frame(Thème=[LINK, BOLD], Événements=[3, 1]), "Thème",
                                                          "Événements par thème"),
    "par région (Éditions)": lambda: charts.events_by_region_chart(frame(
        edition=[2017, 2017], region_code=["32", "11"], region=[LINK, BOLD], events=[5, 1])),
    "territoires classés (Territoires)": lambda: charts.ranked_bar_chart(frame(
        name=[LINK, BOLD], value=[3.0, 7.0], is_self=[True, False], disagree=[False, True]), LINK, "pct", BOLD),
    "séries (Territoires)": lambda: charts.series_chart(frame(
        year=[2019, 2020], value=[1.0, 2.0], qualifier=["", ""], scope=[LINK, LINK], source_url=[BOLD, BOLD]),
        "Salariés", "count"),
}


@pytest.mark.parametrize("build", BUILDERS.values(), ids=BUILDERS.keys())
def test_document_text_reaches_a_chart_as_text_never_as_markup(build):
    fig = build()
    assert markup_in(fig) == []
    assert any(SHOWN in s for s in strings(fig))


def test_labels_and_legend_entries_keep_the_characters():
    fig = charts.breakdown_chart(frame(Type=["Atelier & débat <2h>"], Événements=[1]), "Type", "Types")
    assert list(fig.data[0].y) == ["Atelier &amp; débat &lt;2h&gt;"]
    fig = charts.series_chart(frame(year=[2019, 2020], value=[1.0, 2.0], qualifier=["", ""], scope=["A<br>B"] * 2,
                                    source_url=["u", "u"]), "Salariés", "count")
    assert fig.data[0].name == "A&lt;br&gt;B"


def test_our_own_line_breaks_stay_line_breaks():
    fig = charts.ranked_bar_chart(frame(name=["A"], value=[1.0], is_self=[False], disagree=[False]), "T", "pct",
                                  "Part de l'ESS dans l'emploi salarié <b> (%)")
    assert fig.layout.xaxis.title.text == "Part de l'ESS dans l'emploi<br>salarié &lt;b&gt; (%)"


def test_as_text_is_the_one_helper():
    assert charts.as_text(LINK) == SHOWN
    assert charts.as_text("&lt;") == "&amp;lt;"
