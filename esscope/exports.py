"""Downloads: events as CSV (for a French Excel), XLSX, ICS and GeoJSON; the edition report and the
territory portrait as XLSX and PDF.

Text from documents stays text everywhere: cells that a spreadsheet would read as a formula are
neutralised, the ICS file is written by icalendar (every text escaped as RFC 5545 says, links
percent-encoded), the PDF prints characters, never markup.
"""

import datetime as dt
import io
import json
import math
import unicodedata
from importlib import resources
from pathlib import Path

import icalendar
import pandas as pd
import shapely

from .escaping import web_address
from .french import Percent, format_date, format_number, format_percent
from .parse.model import event_fields
from .pdfmaps import draw_choropleth, draw_legend
from .territory import format_value

# The columns of an events export: its id and edition, the event's fields (`parse.model.Event`, but its
# rank in the document) with the commune's département, and its source.
EVENT_EXPORT_COLUMNS = {"id": "Identifiant", "edition": "Édition"}
for _field in event_fields():
    if _field.name != "position":
        EVENT_EXPORT_COLUMNS[_field.name] = _field.metadata["label"]
    if _field.name == "commune_name":
        EVENT_EXPORT_COLUMNS["department_code"] = "Département"
EVENT_EXPORT_COLUMNS["source_id"] = "Source"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _is_missing(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return value is pd.NaT or (not isinstance(value, (list, tuple, str)) and pd.isna(value) is True)


def _day(value):
    if _is_missing(value):
        return None
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    if hasattr(value, "date") and callable(value.date):
        return value.date()
    return value


def events_for_export(events: pd.DataFrame) -> pd.DataFrame:
    """The events (as `filters.filtered_events` returns them) with French headers and plain values:
    dates as dates, lists joined with « ; », online as oui/non."""
    out = pd.DataFrame(index=events.index)
    for column, label in EVENT_EXPORT_COLUMNS.items():
        if column not in events:
            continue
        values = events[column]
        if column in ("start_date", "end_date"):
            values = [_day(v) for v in values]
        elif column in ("co_organizers", "warnings"):
            values = [" ; ".join(v) if isinstance(v, (list, tuple)) or hasattr(v, "tolist") else "" for v in
                      (list(x) if x is not None and not isinstance(x, float) else [] for x in values)]
        elif column == "online":
            values = values.map({True: "oui", False: "non"})
        out[label] = list(values)
    return out.reset_index(drop=True)


def neutralise(value):
    """A text a spreadsheet would run as a formula (starting with = + - @) gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv(frame: pd.DataFrame) -> bytes:
    """CSV for a French Excel: UTF-8 with BOM, « ; » between fields, decimal comma, dates as jj/mm/aaaa."""
    out = frame.copy()
    for column in out.columns:
        out[column] = [
            v.strftime("%d/%m/%Y") if isinstance(v, (dt.date, pd.Timestamp)) and not _is_missing(v)
            else neutralise(v) for v in out[column]]
    return out.to_csv(sep=";", index=False, decimal=",", lineterminator="\r\n").encode("utf-8-sig")


def events_to_csv(events: pd.DataFrame) -> bytes:
    """The events as CSV for a French Excel."""
    return to_csv(events_for_export(events))


def to_xlsx(sheets: dict) -> bytes:
    """An XLSX workbook with one sheet per frame (sheet name → frame). Text stays text: a cell whose
    text starts with « = » is stored as a string, not as a formula."""
    # openpyxl takes about 0.3 s to import: loaded when a workbook is made, not by every page that offers one
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    used = set()
    for name, frame in sheets.items():
        title = _sheet_title(name, used)
        sheet = book.create_sheet(title)
        sheet.append([str(c) for c in frame.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in frame.itertuples(index=False):
            sheet.append([_cell(v) for v in row])
            for cell, value in zip(sheet[sheet.max_row], row):
                if cell.data_type == "f":       # openpyxl reads a leading « = » as a formula
                    cell.data_type = "s"
                cell.number_format = _number_format(value, cell.value)
        for i, column in enumerate(frame.columns, start=1):
            width = max([len(str(column))] + [len(str(v)) for v in frame[column].head(200) if not _is_missing(v)])
            sheet.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 60)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet_title(name: str, used: set) -> str:
    title = "".join(c for c in str(name) if c not in "[]:*?/\\")[:31] or "Feuille"
    base, n = title, 2
    while title in used:
        title = f"{base[:28]} {n}"
        n += 1
    used.add(title)
    return title


def _number_format(value, stored) -> str:
    """The cell format that shows a value the French way in a spreadsheet (Excel puts the reader's own
    separators in place of « , » and « . »): dates jj/mm/aaaa, shares as percentages, thousands apart."""
    if isinstance(stored, (dt.date, dt.datetime)):
        return "DD/MM/YYYY"
    if isinstance(value, Percent):
        return "0.0 %"
    if isinstance(stored, bool) or not isinstance(stored, (int, float)):
        return "General"
    return "#,##0" if float(stored).is_integer() else "#,##0.0"


def _cell(value):
    if _is_missing(value):
        return None
    if isinstance(value, Percent):
        return float(value) / 100
    if isinstance(value, pd.Timestamp):
        return value.date() if value == value.normalize() else value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, (list, tuple, str)):
        try:
            return value.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
        return " ; ".join(str(v) for v in (value.tolist() if hasattr(value, "tolist") else value))
    return value


def filters_sheet(filters: list) -> pd.DataFrame:
    """The (Filtre, Valeur) pairs of an export, or one line saying nothing was filtered."""
    rows = list(filters) or [("Filtre", "aucun : tous les événements")]
    return pd.DataFrame(rows, columns=["Filtre", "Valeur"])


def events_to_xlsx(events: pd.DataFrame, filters=()) -> bytes:
    """The events on one sheet and the filters applied on another."""
    return to_xlsx({"Événements": events_for_export(events), "Filtres appliqués": filters_sheet(filters)})


# --- ICS --------------------------------------------------------------------------------------

ICS_PRODID = "-//esscope//Mois de l'ESS//FR"


def events_to_ics(events: pd.DataFrame, now=None) -> bytes:
    """The dated events as an iCalendar file, written by icalendar: every text escaped as RFC 5545
    says (a line break in a title stays in the title), links percent-encoded, lines folded. Times are
    local to France (floating times); undated events are left out."""
    calendar = icalendar.Calendar()
    for name, value in (("prodid", ICS_PRODID), ("version", "2.0"), ("calscale", "GREGORIAN"),
                        ("x-wr-calname", "Mois de l'ESS (esscope)")):
        calendar.add(name, value)
    stamp = now or dt.datetime.now(dt.UTC)
    for r in events.to_dict("records"):
        start = _day(r.get("start_date"))
        if start is not None:
            calendar.add_component(_vevent(r, start, stamp))
    return calendar.to_ical()


def _vevent(r: dict, start: dt.date, stamp: dt.datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"{r['id']}@esscope")
    event.add("dtstamp", stamp)
    end = _day(r.get("end_date")) or start
    start_time, end_time = _clock(r.get("start_time")), _clock(r.get("end_time"))
    if start_time:
        event.add("dtstart", dt.datetime.combine(start, start_time))
        if end_time and (end, end_time) >= (start, start_time):
            event.add("dtend", dt.datetime.combine(end, end_time))
    else:
        event.add("dtstart", start)
        event.add("dtend", end + dt.timedelta(days=1))
    event.add("summary", _text(r.get("title")))
    place = ", ".join(_text(r.get(k)) for k in ("venue", "address", "commune_name") if _text(r.get(k)))
    if place:
        event.add("location", place)
    details = "\n".join(_text(r.get(k)) for k in ("description", "organizer") if _text(r.get(k)))
    if details:
        event.add("description", details)
    url = web_address(r.get("url"))
    if url:
        event.add("url", url)
    return event


def _text(value) -> str:
    return "" if _is_missing(value) else str(value)


def _clock(value) -> dt.time | None:
    """A « HH:MM » time, None when there is none (or it is not one)."""
    try:
        return dt.time.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


# --- GeoJSON ----------------------------------------------------------------------------------

def events_to_geojson(events: pd.DataFrame) -> bytes:
    """A FeatureCollection with one point per event at its commune (geometry null when none)."""
    table = events_for_export(events)
    features = []
    for (_, row), lon, lat in zip(table.iterrows(), events.get("lon", [None] * len(events)),
                                  events.get("lat", [None] * len(events))):
        props = {k: (v.isoformat() if isinstance(v, dt.date) else (None if _is_missing(v) else _plain(v)))
                 for k, v in row.items()}
        geometry = None if _is_missing(lon) or _is_missing(lat) else {
            "type": "Point", "coordinates": [round(float(lon), 5), round(float(lat), 5)]}
        features.append({"type": "Feature", "geometry": geometry, "properties": props})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode("utf-8")


def _plain(value):
    return value.item() if hasattr(value, "item") else value


# --- Reports ----------------------------------------------------------------------------------

def report_to_xlsx(report) -> bytes:
    """The edition report: one sheet per table, then one listing the filters applied."""
    sheets = dict(report.tables())
    sheets["Complétude"] = pd.DataFrame({"Remarque": report.completeness()})
    sheets["Filtres appliqués"] = filters_sheet(report.filters)
    return to_xlsx(sheets)


# The PDF font: Source Sans Pro (Streamlit's own typeface), a Unicode TrueType font taken from the installed
# package font-source-sans-pro, so that « œ », « € », « ’ » and every letter of a document print as they are
# (fpdf2's core fonts know Latin-1 only). Style → file.
FONT_FAMILY = "SourceSansPro"
HIGHLIGHT_RGB = (213, 94, 0)         # the chosen territory, as on the page's charts
FONT_FILES = {"": "SourceSansPro-Regular.ttf", "B": "SourceSansPro-Bold.ttf", "I": "SourceSansPro-It.ttf",
              "BI": "SourceSansPro-BoldIt.ttf"}


def font_file(style: str = "") -> Path:
    """The installed TrueType file of the PDF font in a style ('', 'B', 'I', 'BI')."""
    return Path(str(resources.files("font_source_sans_pro") / "files" / FONT_FILES[style]))


def pdf_text(text) -> str:
    """Text as the PDF prints it: the same characters, composed (NFC), with control characters dropped
    and the spaces the font lacks (thin, hair, figure…) shown as a no-break space."""
    text = "" if _is_missing(text) else unicodedata.normalize("NFC", str(text))
    out = []
    for ch in text:
        if ch in "\n\t":
            out.append(ch)
        elif unicodedata.category(ch) in ("Cc", "Cf"):
            continue
        elif unicodedata.category(ch) == "Zs" and ch not in " \u00a0\u202f":
            out.append("\u00a0")
        else:
            out.append(ch)
    return "".join(out)


class _Pdf:
    """A small A4 document builder over fpdf2 (text is always printed as text, never markup)."""

    def __init__(self, title: str):
        # fpdf2 takes about 0.4 s to import: loaded when a PDF is made, not by every page that offers one
        from fpdf import FPDF
        self.pdf = FPDF(orientation="portrait", unit="mm", format="A4")
        for style in FONT_FILES:
            self.pdf.add_font(FONT_FAMILY, style, font_file(style))
        self.pdf.set_auto_page_break(auto=True, margin=15)
        self.pdf.set_title(pdf_text(title))
        self.pdf.set_creator("esscope")
        self.pdf.set_margins(15, 15, 15)
        footer_title = pdf_text(title)

        def footer(pdf=self.pdf):
            pdf.set_y(-12)
            pdf.set_font(FONT_FAMILY, size=8)
            pdf.set_text_color(90)
            pdf.cell(0, 5, f"{footer_title} – esscope – page {pdf.page_no()}", align="C")
            pdf.set_text_color(0)
        self.pdf.footer = footer
        self.pdf.add_page()

    def heading(self, text: str, size=16):
        if self.pdf.will_page_break(size * 0.5 + 12):     # a heading is not left alone at the foot of a page
            self.pdf.add_page()
        self.pdf.set_font(FONT_FAMILY, "B", size)
        self.pdf.multi_cell(0, size * 0.5, pdf_text(text), new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(2)

    def paragraph(self, text: str, size=10, style=""):
        self.pdf.set_font(FONT_FAMILY, style, size)
        self.pdf.multi_cell(0, 5, pdf_text(text), new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(1)

    def table(self, frame: pd.DataFrame, widths=None, max_rows=None, size=8):
        """A table of text cells; `max_rows` cuts long tables with a note."""
        from fpdf.fonts import FontFace  # with FPDF, on first use (see __init__)
        if frame.empty:
            self.paragraph("(aucune ligne)", size=9, style="I")
            return
        shown = frame if max_rows is None else frame.head(max_rows)
        self.pdf.set_font(FONT_FAMILY, size=size)
        with self.pdf.table(col_widths=widths, headings_style=FontFace(emphasis="BOLD", fill_color=(225, 230, 240)),
                            line_height=size * 0.5, text_align="LEFT", markdown=False,
                            padding=(0.8, 1.2)) as table:
            table.row([pdf_text(c) for c in frame.columns])
            for values in shown.itertuples(index=False):
                table.row([pdf_text(_pdf_cell(v)) for v in values])
        if max_rows is not None and len(frame) > max_rows:
            self.paragraph(f"… et {format_number(len(frame) - max_rows)} ligne(s) de plus dans l'export XLSX.",
                           size=8, style="I")
        self.pdf.ln(3)

    def keep_together(self, height: float) -> None:
        """Start a new page unless `height` mm still fit on this one (a chart is never cut in two)."""
        if self.pdf.will_page_break(height):
            self.pdf.add_page()

    def bars(self, labels, values, unit="", color=(0, 114, 178), texts=None, highlight=None):
        """A horizontal bar chart drawn with rectangles, each bar labelled with its value (`texts`, or the
        value and `unit`); bars whose `highlight` is true take the highlight colour. Never cut by a page end."""
        labels, values = list(labels), [float(v) for v in values]
        if not values:
            return
        texts = list(texts) if texts is not None else [format_number(v) + unit for v in values]
        highlight = list(highlight) if highlight is not None else [False] * len(values)
        top = max(values) or 1.0
        label_w, bar_w = 70, 85
        self.keep_together(5 * len(values) + 3 if len(values) <= 40 else 6)
        self.pdf.set_font(FONT_FAMILY, size=8)
        for lab, val, text, strong in zip(labels, values, texts, highlight):
            if self.pdf.will_page_break(6):
                self.pdf.add_page()
            y = self.pdf.get_y()
            self.pdf.set_xy(15, y)
            self.pdf.set_font(FONT_FAMILY, "B" if strong else "", 8)
            self.pdf.cell(label_w, 5, pdf_text(str(lab))[:48])
            self.pdf.set_fill_color(*(HIGHLIGHT_RGB if strong else color))
            self.pdf.rect(15 + label_w, y + 0.8, max(bar_w * val / top, 0.3), 3.4, style="F")
            self.pdf.set_xy(15 + label_w + bar_w * val / top + 2, y)
            self.pdf.cell(25, 5, pdf_text(text))
            self.pdf.ln(5)
        self.pdf.set_font(FONT_FAMILY, size=8)
        self.pdf.set_fill_color(255)        # tables drawn next would take the bars' colour
        self.pdf.ln(3)

    def choropleth(self, geoms, values, legend_title: str, *, codes=(), highlight=None, decimals=0,
                   zero_class=False, height=95):
        """A map of territories filled by value (`pdfmaps.draw_choropleth`) with its legend on the right."""
        self.keep_together(height + 4)
        top = self.pdf.get_y()
        legend = draw_choropleth(self.pdf, geoms, values, codes=codes, highlight=highlight, x=15, y=top,
                                 width=120, height=height, decimals=decimals, zero_class=zero_class)
        draw_legend(self.pdf, legend, pdf_text(legend_title), x=140, y=top + 2, font=FONT_FAMILY)
        self.pdf.set_xy(15, top + height + 4)

    def output(self) -> bytes:
        return bytes(self.pdf.output())


def _pdf_cell(value) -> str:
    if _is_missing(value):
        return ""
    if isinstance(value, Percent):
        return format_percent(value)
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        return format_number(value, 1 if value % 1 else 0)
    if isinstance(value, int):
        return format_number(value)
    return str(value)


def shapes_of(frame: pd.DataFrame) -> list:
    """Shapely geometries of shapes read from the store (`queries.read_shapes`, WKB as bytes)."""
    return list(shapely.from_wkb([None if g is None else bytes(g) for g in frame["geometry"]]))


def report_to_pdf(report, max_events=400) -> bytes:
    """The edition report as a PDF: counts, completeness, breakdowns with bars, organisers, communes, events."""
    doc = _Pdf(report.title)
    doc.heading(f"Rapport d'édition : {report.title}")
    doc.paragraph(f"Produit par esscope le {format_date(dt.date.today())}.", size=9, style="I")
    doc.heading("Chiffres clés", 12)
    doc.table(report.summary(), widths=(130, 50), size=9)
    doc.heading("Complétude des sources", 12)
    for text in report.completeness():
        doc.paragraph(text, size=9)
    for title, frame, column in (("Par thème", report.themes, "Thème"), ("Par type d'événement", report.kinds, "Type"),
                                 ("Par semaine", report.weeks, "Semaine")):
        doc.keep_together(12 + 5 * min(len(frame), 40))        # the heading stays with its chart
        doc.heading(title, 12)
        if frame.empty:
            doc.paragraph("Aucun événement.", size=9, style="I")
            continue
        doc.bars(frame[column], frame["Événements"], " év.")
    if len(report.shapes):
        doc.keep_together(120)
        doc.heading("Carte : événements par commune", 12)
        events = dict(zip(report.communes["Code commune"], report.communes["Événements"]))
        doc.choropleth(shapes_of(report.shapes), [events.get(c, 0) for c in report.shapes["code"]],
                       "Événements par commune (nombre)", zero_class=True)
        doc.paragraph("Gris très clair : aucun événement enregistré. Les mêmes classes de couleurs que les cartes "
                      "de l'application.", size=8, style="I")
    doc.heading("Principaux organisateurs", 12)
    doc.table(report.organisers, widths=(150, 30), size=8)
    doc.heading("Communes", 12)
    doc.table(report.communes, widths=(30, 90, 30, 30), max_rows=60, size=8)
    doc.heading("Événements", 12)
    doc.table(report.events[["Date", "Titre", "Commune", "Organisateur"]], widths=(45, 65, 30, 40),
              max_rows=max_events, size=7)
    doc.heading("Filtres appliqués", 12)
    doc.table(filters_sheet(report.filters), widths=(50, 130), size=9)
    return doc.output()


def portrait_to_pdf(title: str, cards: list, parents: pd.DataFrame, figures: pd.DataFrame,
                    events: pd.DataFrame, notes=(), comparison=None) -> bytes:
    """A territory's printable portrait: its cards with year, scope and source, its parents, its figures
    and the events held there. `cards` are `territory.Card`; frames carry French column names.

    `comparison` (a `portrait.Comparison`, the page's « Comparaison » block) adds the bar chart of the
    territory and its parents and the map of its siblings, drawn from the same frames as the page."""
    doc = _Pdf(f"Portrait : {title}")
    doc.heading(f"Portrait : {title}")
    doc.paragraph(f"Produit par esscope le {format_date(dt.date.today())}. Chaque chiffre garde son année, "
                  "son périmètre et sa source ; là où aucun chiffre n'existe, le portrait le dit.", size=9, style="I")
    for note in notes:
        doc.paragraph(note, size=9)
    rows = []
    for card in cards:
        if card.empty:
            rows.append((card.label, "aucun chiffre disponible", "", "", ""))
            continue
        first = card.rows.iloc[0]
        rows.append((card.label, card.value_text, str(card.year or "non précisée"), first["scope"] or "",
                     first["source_url"]))
        rows += [("", "Remarque : " + n, "", "", "") for n in card.notes()]
    doc.heading("Chiffres de l'ESS", 12)
    doc.table(pd.DataFrame(rows, columns=["Indicateur", "Valeur", "Année", "Périmètre", "Source"]),
              widths=(38, 42, 15, 30, 55), size=7)
    if comparison is not None:
        _comparison_charts(doc, comparison)
    if not parents.empty:
        doc.heading("Comparaison avec les territoires parents", 12)
        doc.table(parents, size=8)
    if not figures.empty:
        doc.heading("Tous les chiffres connus", 12)
        doc.table(figures, size=7, max_rows=150)
    doc.heading("Événements du Mois de l'ESS enregistrés", 12)
    if events.empty:
        doc.paragraph("Aucun événement enregistré pour ce territoire dans les programmes chargés.", size=9)
    else:
        doc.table(events, size=7, max_rows=200)
    return doc.output()


def _comparison_charts(doc: _Pdf, comparison) -> None:
    """The territory against its parents (bars) and among its siblings (map), as on the page."""
    chain = comparison.chain.dropna(subset=["value"])
    doc.keep_together(20 + 5 * len(chain))
    doc.heading(f"{comparison.indicator_label} : le territoire et ses parents", 12)
    if chain.empty:
        doc.paragraph("Aucun chiffre disponible pour ce territoire ni pour ses parents.", size=9, style="I")
    else:
        doc.bars(chain["label"], chain["value"], texts=[format_value(v, comparison.unit) for v in chain["value"]],
                 highlight=chain["is_self"])
    siblings = comparison.siblings
    doc.keep_together(115)
    doc.heading(f"{comparison.indicator_label} : {comparison.siblings_title.lower()}", 12)
    if siblings["value"].notna().any():
        doc.choropleth(shapes_of(siblings), siblings["value"], comparison.axis, codes=siblings["code"],
                       highlight=comparison.highlight, decimals=1 if comparison.unit == "pct" else 0,
                       zero_class=comparison.zero_class)
        doc.paragraph("Le territoire choisi est entouré en orange ; gris : aucun chiffre disponible.", size=8,
                      style="I")
    else:
        doc.paragraph("Aucun chiffre disponible parmi ces territoires : pas de carte à dessiner.", size=9, style="I")
