"""Downloads: files that open where they should, with document text kept as inert text."""

import csv
import datetime as dt
import io
import json
from dataclasses import replace

import icalendar
import openpyxl
import pandas as pd
import pytest
from pypdf import PdfReader
from testdata import XSS_TITLE

from esscope import exports
from esscope.filters import EventFilter, filtered_events
from esscope.report import read_edition_report


@pytest.fixture(scope="module")
def con(events_con):
    return events_con


@pytest.fixture(scope="module")
def events(con):
    return filtered_events(con, EventFilter(region="32"))


def test_csv_is_utf8_with_bom_semicolons_and_french_dates(events):
    data = exports.events_to_csv(events)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["Identifiant", "Édition", "Début", "Fin"] and len(body) == len(events) == 7
    first = dict(zip(header, body[0]))
    assert first["Début"] == "07/11/2017" and first["Commune"] == "Lille" and first["En ligne"] == "non"


def test_csv_and_xlsx_neutralise_formulas_and_keep_markup_as_text(events):
    rows = list(csv.DictReader(io.StringIO(exports.events_to_csv(events).decode("utf-8-sig")), delimiter=";"))
    xss = next(r for r in rows if r["Identifiant"] == "test:5")
    assert xss["Titre"] == XSS_TITLE
    assert xss["Organisateur"] == "'=cmd|' /C calc'!A0"
    book = openpyxl.load_workbook(io.BytesIO(exports.events_to_xlsx(events)))
    sheet = book["Événements"]
    header = [c.value for c in sheet[1]]
    cells = {c.value: c for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, str)}
    assert XSS_TITLE in cells
    formula_cell = next(c for v, c in cells.items() if "calc" in v)
    assert formula_cell.data_type == "s"
    assert header.index("Début") >= 0


def test_xlsx_lists_the_filters_applied(events):
    flt = EventFilter(editions=[2017], region="32", text="forum")
    book = openpyxl.load_workbook(io.BytesIO(exports.events_to_xlsx(events, flt.describe())))
    assert book.sheetnames == ["Événements", "Filtres appliqués"]
    filters = [tuple(c.value for c in row) for row in book["Filtres appliqués"].iter_rows(min_row=2)]
    assert ("Éditions", "2017") in filters and ("Recherche", "forum") in filters
    empty = openpyxl.load_workbook(io.BytesIO(exports.events_to_xlsx(events, [])))
    assert "aucun" in empty["Filtres appliqués"]["B2"].value


def _unfold(ics: str) -> list:
    return ics.replace("\r\n ", "").split("\r\n")


def test_ics_has_one_vevent_per_dated_event_with_escaped_text(events):
    text = exports.events_to_ics(events).decode("utf-8")
    lines = _unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    assert sum(1 for line in lines if line == "BEGIN:VEVENT") == len(events)
    assert "DTSTART:20171107T100000" in lines
    assert "DTSTART;VALUE=DATE:20171114" in lines and "DTEND;VALUE=DATE:20171117" in lines
    summary = next(line for line in lines if line.startswith("SUMMARY:<img"))
    assert "\\;" not in summary and summary.count("\\,") == 0
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    assert "URL:javascript" not in text


def test_ics_escapes_commas_semicolons_and_newlines():
    frame = pd.DataFrame([{"id": "x", "start_date": "2017-11-07", "end_date": None, "start_time": None,
                           "end_time": None, "title": "A, B; C\nD", "venue": None, "address": None,
                           "commune_name": None, "description": None, "organizer": None, "url": None}])
    lines = _unfold(exports.events_to_ics(frame).decode("utf-8"))
    assert "SUMMARY:A\\, B\\; C\\nD" in lines


def test_a_line_break_in_a_title_or_a_link_adds_no_property_to_the_calendar():
    hostile = "Forum\r\nATTACH:https://evil.example/x\nBEGIN:VALARM\r\n ; , \\ fin"
    frame = pd.DataFrame([{"id": "x\nUID:y", "start_date": "2017-11-07", "end_date": None, "start_time": "10:00",
                           "end_time": "09:00", "title": hostile, "venue": hostile, "address": None,
                           "commune_name": "Lille", "description": hostile, "organizer": "APES",
                           "url": "https://example.org/a b\nATTACH:https://evil.example/\r\nX-EVIL:1"}])
    calendar = icalendar.Calendar.from_ical(exports.events_to_ics(frame))
    [event] = calendar.walk("VEVENT")
    assert set(event) == {"UID", "DTSTAMP", "DTSTART", "SUMMARY", "LOCATION", "DESCRIPTION", "URL"}
    text = hostile.replace("\r\n", "\n")          # iCalendar text has one line break: \n
    assert str(event["SUMMARY"]) == text and str(event["LOCATION"]) == f"{text}, Lille"
    assert str(event["DESCRIPTION"]) == f"{text}\nAPES" and str(event["UID"]) == "x\nUID:y@esscope"
    assert str(event["URL"]) == "https://example.org/a%20b%0AATTACH:https://evil.example/%0D%0AX-EVIL:1"
    assert event["DTSTART"].dt == dt.datetime(2017, 11, 7, 10, 0)       # an end before the start is left out
    assert not calendar.walk("VALARM") and len(calendar.subcomponents) == 1


def test_geojson_points_at_the_commune_and_null_geometry_when_online(events):
    data = json.loads(exports.events_to_geojson(events))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == len(events)
    by_id = {f["properties"]["Identifiant"]: f for f in data["features"]}
    lon, lat = by_id["test:1"]["geometry"]["coordinates"]
    assert 2.9 < lon < 3.2 and 50.5 < lat < 50.7
    assert by_id["test:4"]["geometry"] is None
    assert by_id["test:5"]["properties"]["Titre"] == XSS_TITLE


def test_report_xlsx_has_one_sheet_per_table_and_the_filters(con):
    report = read_edition_report(con, "32", 2017)
    book = openpyxl.load_workbook(io.BytesIO(exports.report_to_xlsx(report)))
    assert book.sheetnames == list(report.tables()) + ["Complétude", "Filtres appliqués"]
    assert book["Synthèse"]["A2"].value == "Événements" and book["Synthèse"]["B2"].value == 5
    filters = [tuple(c.value for c in row) for row in book["Filtres appliqués"].iter_rows(min_row=2)]
    assert ("Région", "Hauts-de-France (32)") in filters


def test_report_xlsx_stores_numbers_as_numbers_in_a_french_cell_format(con):
    book = openpyxl.load_workbook(io.BytesIO(exports.report_to_xlsx(read_edition_report(con, "32", 2017))))
    values = {row[0].value: row[1] for row in book["Synthèse"].iter_rows(min_row=2)}
    assert all(cell.data_type == "n" for cell in values.values())
    assert values["Événements"].value == 5 and values["Événements"].number_format == "#,##0"
    share = values["Part de la population régionale vivant dans une commune avec au moins un événement"]
    assert share.value == pytest.approx(0.055) and share.number_format == "0.0 %"      # shown « 5,5 % »
    assert all(row[2].data_type == "n" for row in book["Thèmes"].iter_rows(min_row=2))


def pdf_pages(data: bytes) -> list:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_report_pdf_has_the_map_and_keeps_each_chart_on_one_page(con):
    report = read_edition_report(con, "32", 2017)
    weeks = replace(report, weeks=pd.concat([report.weeks] * 6, ignore_index=True),
                    kinds=pd.concat([report.kinds] * 8, ignore_index=True))   # long charts, so a page ends nearby
    pages = pdf_pages(exports.report_to_pdf(weeks))
    with_weeks = [i for i, text in enumerate(pages) if "du 6 au 12 novembre" in text]
    assert len(set(with_weeks)) == 1 and "Par semaine" in pages[with_weeks[0]]
    text = " ".join(pages)
    assert "Carte : événements par commune" in text and "Événements par commune (nombre)" in text
    # the map is drawn: a filled and outlined shape per commune of the région (Hauts-de-France: 3 782)
    drawn = b"".join(page.get_contents().get_data() for page in PdfReader(io.BytesIO(
        exports.report_to_pdf(report))).pages)
    assert drawn.count(b" h\n B") >= 3700


def test_report_pdf_opens_and_shows_document_text_as_text(con):
    report = read_edition_report(con, "32", 2017)
    data = exports.report_to_pdf(report)
    assert data.startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Rapport d'édition" in text and "Hauts-de-France" in text
    assert "sous-compte" in text
    assert "<img src=x onerror=alert(1)>" in text


def test_portrait_pdf_opens(con):
    import pandas as pd

    from esscope import territory as terr
    cards = terr.read_cards(con, "epci", "200093201")
    data = exports.portrait_to_pdf("Métropole Européenne de Lille", cards, pd.DataFrame(), pd.DataFrame(),
                                   pd.DataFrame())
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Portrait" in text and "9,6" in text
    assert "France : 180" in text          # a parent's figure is printed as the parent's


def test_portrait_pdf_draws_the_comparison_with_parents_and_the_map_of_siblings(con):
    import pandas as pd

    from esscope import portrait, queries
    from esscope import territory as terr
    tourcoing = queries.read_territory(con, "commune", "59599")
    comparison = portrait.read_comparison(con, tourcoing, "share_of_jobs_pct")
    data = exports.portrait_to_pdf("Tourcoing", terr.read_cards(con, "commune", "59599"), pd.DataFrame(),
                                   pd.DataFrame(), pd.DataFrame(), comparison=comparison)
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "le territoire et ses parents" in text and "Tourcoing (commune)" in text and "19,9" in text
    assert "communes du même epci" in text and "Part de l'ESS dans l'emploi salarié (%)" in text   # map, legend
    drawn = b"".join(page.get_contents().get_data() for page in reader.pages)
    assert drawn.count(b" h\n B") >= 95            # one shape per commune of the Métropole Européenne de Lille


def pdf_words(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_pdfs_print_french_typography_and_document_text_exactly(con):
    import pandas as pd

    from esscope import territory as terr
    title = "L’œuvre « solidaire » à 5\u00a0€ — Ça coûte 52\u202f000\u00a0€"
    cards = terr.read_cards(con, "epci", "200093201")
    events = pd.DataFrame({"Titre": [XSS_TITLE, "Cœur d’Œuvre…"]})
    text = pdf_words(exports.portrait_to_pdf(title, cards, pd.DataFrame(), pd.DataFrame(), events))
    for piece in ("L’œuvre « solidaire »", "5\u00a0€", "Ça coûte 52\u202f000", XSS_TITLE, "Cœur d’Œuvre…"):
        assert piece in text, piece
    assert "oeuvre" not in text and "EUR" not in text
    report = read_edition_report(con, "32", 2017)
    text = pdf_words(exports.report_to_pdf(replace(report, region_name="Côte d’Œuvre")))
    assert "Mois de l'ESS 2017 — Côte d’Œuvre" in text and XSS_TITLE in text


def test_pdf_font_comes_from_an_installed_package():
    path = exports.font_file("B")
    assert path.is_file() and path.suffix == ".ttf" and "site-packages" in str(path)


def test_pdf_text_keeps_characters_and_drops_only_control_ones():
    assert exports.pdf_text("Élodie « œuvre » – 52\u202f000 €") == "Élodie « œuvre » – 52\u202f000 €"
    assert exports.pdf_text("a\x00b\u200bc\u2009d") == "abc\u00a0d"
    assert exports.pdf_text("e\u0301") == "é"
