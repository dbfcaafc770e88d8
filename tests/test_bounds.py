"""Every reader has bounds: a file made to exhaust memory (an XLSX declaring a million rows, a million-row
CSV, millions of figures) stops early with a French message naming the bound, never a traceback, and
the process stays under 1 Gio. The CLI runs in a subprocess under an address-space cap (a safety net
for the machine) and its peak resident memory is measured."""

import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from esscope import files, importing, indicators, limits
from esscope.errors import UserError
from esscope.limits import Bound, LimitError
from esscope.parse import pdf, records

GIB = 1024 ** 3
# Python, DuckDB, pandas and openpyxl reserve about 1.2 Gio of address space before reading anything.
ADDRESS_SPACE_CAP = 3 * GIB
ESSCOPE = Path(sys.executable).parent / "esscope"


def run_capped(*args, tmp_path: Path) -> tuple:
    """(exit code, stdout, stderr, peak resident memory in bytes) of `esscope ARGS` under the cap."""
    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_CAP, ADDRESS_SPACE_CAP))
    out, err = tmp_path / "stdout.txt", tmp_path / "stderr.txt"
    with out.open("w") as stdout, err.open("w") as stderr:
        # the cap is set in the child before exec; the tests start no thread that could hold a lock then
        process = subprocess.Popen([str(ESSCOPE), *map(str, args)], stdout=stdout, stderr=stderr,
                                   preexec_fn=cap)  # noqa: PLW1509
        _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, out.read_text(), err.read_text(), usage.ru_maxrss * 1024


def assert_refused(code, err, *words):
    assert code == 1, err
    assert "Traceback" not in err and "Error" not in err, err
    assert err.startswith("esscope : ") and err.count("\n") == 1, err
    for word in words:
        assert word in err, err


# ------------------------------------------------------------------ synthetic XLSX made by hand

_CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                  '2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                  'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
                  '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
                  'main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
                  'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
         'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
             '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet '
             'name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                  'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                  'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')


def xlsx(path: Path, rows: str, dimension: str | None = None, extra: dict | None = None) -> Path:
    """A minimal workbook whose one sheet holds `rows` (sheetData XML) under an optional declared dimension."""
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             'spreadsheetml/2006/main">' + (f'<dimension ref="{dimension}"/>' if dimension else "")
             + f"<sheetData>{rows}</sheetData></worksheet>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in {"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _RELS, "xl/workbook.xml": _WORKBOOK,
                           "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS, "xl/worksheets/sheet1.xml": sheet,
                           **(extra or {})}.items():
            archive.writestr(name, text)
    return path


def text_cell(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


HEADER = f'<row r="1">{text_cell("A1", "Titre")}{text_cell("B1", "Date")}</row>'


# ------------------------------------------------------------------ the cases of the issue, under a cap

def test_xlsx_declaring_every_cell_of_the_sheet_is_refused_at_once(tmp_path, built_store):
    # 1.5 kB: a sheet that declares A1:XFD1048576 and holds one cell at XFD1048576
    bomb = xlsx(tmp_path / "bombe.xlsx", HEADER + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
                dimension="A1:XFD1048576")
    assert bomb.stat().st_size < 5000
    code, _, err, peak = run_capped("parse", bomb, "--db", built_store, tmp_path=tmp_path)
    assert_refused(code, err, "dimension déclarée", "500 colonnes")
    assert peak < GIB
    code, _, err, peak = run_capped("indicators", "import", bomb, "--db", built_store, tmp_path=tmp_path)
    assert_refused(code, err, "dimension déclarée", "1\u202f000 colonnes")
    assert peak < GIB


def test_xlsx_with_cells_far_to_the_right_and_no_dimension_is_refused(tmp_path, built_store):
    rows = "".join(f'<row r="{i}">{text_cell(f"A{i}", "x")}<c r="XFD{i}"><v>1</v></c></row>' for i in range(2, 20002))
    wide = xlsx(tmp_path / "large.xlsx", HEADER + rows)
    code, _, err, peak = run_capped("parse", wide, "--db", built_store, tmp_path=tmp_path)
    assert_refused(code, err, "500 colonnes")
    assert peak < GIB


def test_programme_csv_of_a_million_rows_is_refused_early(tmp_path, built_store):
    # 14 MB, under the size bound: it used to take 2.8 Go and 79 s
    path = tmp_path / "million.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("Titre;Date\n")
        for i in range(1_000_000):
            out.write(f"{i};1/11/24\n")
    code, _, err, peak = run_capped("parse", path, "--db", built_store, tmp_path=tmp_path)
    assert_refused(code, err, "20\u202f000 lignes", "découpez-le")
    assert peak < GIB


def test_programme_table_beyond_the_row_bound_is_refused(tmp_path, built_store):
    path = tmp_path / "national.csv"
    lines = ["Titre;Date;Ville"] + [f"Atelier synthétique {i};18/11/2024;Lille" for i in range(20_001)]
    path.write_text("\n".join(lines), encoding="utf-8")
    code, _, err, _ = run_capped("parse", path, "--db", built_store, tmp_path=tmp_path)
    assert_refused(code, err, "20\u202f000 lignes", "découpez-le")


def synthetic_figures(path: Path, rows: int) -> Path:
    """A SYNTHETIC tidy figures file: `rows` commune figures with a made-up source."""
    with path.open("w", encoding="utf-8") as out:
        out.write("territory_level,territory_code,year,indicator,value,unit,scope,source_url\n")
        for i in range(rows):
            out.write(f"commune,59350,{1990 + i % 100},employees,{i},count,synthétique {i // 100},"
                      "https://example.org/synthetique\n")
    return path


def test_a_large_figures_file_is_read_in_bounded_memory(tmp_path, db):
    # 300,000 figures (27 MB) took 0.9 Gio read with pandas; read in chunks and staged in DuckDB, half that
    path = synthetic_figures(tmp_path / "chiffres.csv", 300_000)
    code, out, err, peak = run_capped("indicators", "import", path, "--db", db, tmp_path=tmp_path)
    assert code == 0, err
    assert "300000 ajouté(s)" in out
    assert peak < 0.6 * GIB


def test_figures_beyond_the_row_bound_are_refused(tmp_path, db, monkeypatch):
    monkeypatch.setattr(indicators, "FIGURES_ROWS", Bound(1_000, "lignes", "test", "découpez-le"))
    path = synthetic_figures(tmp_path / "chiffres.csv", 1_001)
    with pytest.raises(LimitError, match="1\u202f000 lignes"):
        importing.import_indicators(db, path)


# ------------------------------------------------------------------ each reader's own bounds

@pytest.fixture
def small(monkeypatch):
    """Shrink a bound of a module for one test: small(records, "PROGRAMME_EVENTS", 3)."""
    def shrink(module, name, limit):
        bound = getattr(module, name)
        monkeypatch.setattr(module, name, Bound(limit, bound.unit, bound.why, bound.advice))
    return shrink


def parse(data: bytes, name: str, db):
    return importing.parse_bytes(data, name, db=db)


def test_every_bound_is_sized_and_explained():
    bounds = [b for b in vars(limits).values() if isinstance(b, Bound)]
    assert len(bounds) >= 12
    assert all(b.limit > 0 and b.why and b.advice for b in bounds)
    assert limits.PROGRAMME_ROWS.limit >= 10 * 2_000 and limits.FIGURES_ROWS.limit >= 1_300_000


def test_xlsx_whose_archive_unpacks_beyond_the_bound_is_refused(tmp_path, built_store, small):
    small(files, "XLSX_UNPACKED", 1_000_000)
    filler = "<row/>" * 200_000                   # 1.2 MB of XML, a few kB zipped
    path = xlsx(tmp_path / "zip.xlsx", HEADER + filler)
    with pytest.raises(LimitError, match="une fois décompressé"):
        parse(path.read_bytes(), "zip.xlsx", built_store)


def test_xlsx_shared_strings_beyond_the_bound_are_refused(tmp_path, built_store, small):
    small(files, "XLSX_SHARED_STRINGS", 100_000)
    strings = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               + "<si><t>texte partagé</t></si>" * 10_000 + "</sst>")
    path = xlsx(tmp_path / "sst.xlsx", HEADER, extra={"xl/sharedStrings.xml": strings})
    with pytest.raises(LimitError, match="textes partagés"):
        parse(path.read_bytes(), "sst.xlsx", built_store)


def test_xlsx_cells_beyond_the_bound_are_refused(tmp_path, built_store, small):
    small(records, "PROGRAMME_CELLS", 100)
    rows = "".join(f'<row r="{i}">{text_cell(f"A{i}", "Atelier")}{text_cell(f"B{i}", "18/11/2024")}</row>'
                   for i in range(2, 60))
    with pytest.raises(LimitError, match="100 cellules"):
        parse(xlsx(tmp_path / "cells.xlsx", HEADER + rows).read_bytes(), "cells.xlsx", built_store)


def test_csv_columns_beyond_the_bound_are_refused(built_store):
    header = ";".join(f"colonne {i}" for i in range(600))
    with pytest.raises(LimitError, match="500 colonnes"):
        parse(f"Titre;Date;{header}\nAtelier;18/11/2024\n".encode(), "large.csv", built_store)


def test_csv_with_a_field_longer_than_the_csv_module_allows_gets_a_french_message(built_store):
    data = ('Titre;Date\n"' + "x" * 200_000 + '";18/11/2024\n').encode()
    with pytest.raises(UserError, match="mal formé") as caught:
        parse(data, "long.csv", built_store)
    assert "field" not in str(caught.value)


def test_json_events_beyond_the_bound_are_refused(built_store, small):
    small(records, "PROGRAMME_EVENTS", 3)
    events = ",".join('{"title": {"fr": "Atelier"}, "firstTiming": {"begin": "2024-11-18T10:00:00+01:00"}}'
                      for _ in range(4))
    with pytest.raises(LimitError, match="3 événements"):
        parse(f'{{"events": [{events}]}}'.encode(), "agenda.json", built_store)


def test_json_nested_too_deep_gets_a_french_message(built_store):
    with pytest.raises(UserError, match="imbrique trop de niveaux"):
        parse(b"[" * 200_000 + b"]" * 200_000, "profond.json", built_store)


def test_ics_events_beyond_the_bound_are_refused(built_store, small):
    small(records, "PROGRAMME_EVENTS", 3)
    event = "BEGIN:VEVENT\r\nSUMMARY:Atelier\r\nDTSTART:20241118T100000\r\nEND:VEVENT\r\n"
    data = ("BEGIN:VCALENDAR\r\n" + event * 4 + "END:VCALENDAR\r\n").encode()
    with pytest.raises(LimitError, match="3 événements"):
        parse(data, "agenda.ics", built_store)


def test_html_json_ld_events_beyond_the_bound_are_refused(built_store, monkeypatch):
    import esscope.parse as parse_package
    monkeypatch.setattr(parse_package, "PROGRAMME_EVENTS", Bound(3, "événements", "test", "découpez-le"))
    item = '{"@type": "Event", "name": "Atelier", "startDate": "2024-11-18"}'
    page = f'<html><body><script type="application/ld+json">[{",".join([item] * 4)}]</script></body></html>'
    with pytest.raises(LimitError, match="3 événements"):
        parse(page.encode(), "page.html", built_store)


def test_text_beyond_the_character_bound_is_refused(built_store, monkeypatch):
    import esscope.parse as parse_package
    monkeypatch.setattr(parse_package, "TEXT_CHARS", Bound(1_000, "caractères", "test", "découpez-le"))
    text = "Mardi 18 novembre 2024 : atelier à Lille.\n" * 100
    with pytest.raises(LimitError, match="1\u202f000 caractères"):
        parse(text.encode(), "programme.txt", built_store)
    with pytest.raises(LimitError, match="1\u202f000 caractères"):
        parse(f"<html><body><p>{text}</p></body></html>".encode(), "programme.html", built_store)


def synthetic_pdf(pages: int, lines: int = 5) -> bytes:
    from fpdf import FPDF
    document = FPDF()
    document.set_font("helvetica", size=11)
    for page in range(pages):
        document.add_page()
        for line in range(lines):
            document.cell(0, 8, f"Mardi {line + 1} novembre 2024 - atelier {page}-{line} a Lille",
                          new_x="LMARGIN", new_y="NEXT")
    return bytes(document.output())


def test_pdf_pages_beyond_the_bound_are_refused(built_store, small):
    small(pdf, "PDF_PAGES", 3)
    with pytest.raises(LimitError, match="3 pages"):
        parse(synthetic_pdf(4), "brochure.pdf", built_store)


def test_pdf_text_beyond_the_bound_stops_the_extraction(built_store, small, monkeypatch):
    small(pdf, "TEXT_CHARS", 500)
    pages_read = []
    visit = pdf._pieces
    monkeypatch.setattr(pdf, "_pieces", lambda page, budget: pages_read.append(page) or visit(page, budget))
    with pytest.raises(LimitError, match="500 caractères"):
        parse(synthetic_pdf(20), "brochure.pdf", built_store)
    assert len(pages_read) < 20


def test_bounds_are_checked_in_the_figures_reader_too(tmp_path):
    path = tmp_path / "large.csv"
    path.write_text(",".join(f"c{i}" for i in range(1_001)) + "\n" + ",".join("1" * 1_001) + "\n", encoding="utf-8")
    with pytest.raises(LimitError, match="1\u202f000 colonnes"):
        next(indicators.read_chunks(path))



def test_a_line_whose_ends_were_lost_is_cut_after_its_sentences_keeping_every_word():
    from esscope.parse.textnorm import LONGEST_LINE, clean
    sentence = "L'association des Amis du vélo répare les cycles « Roue libre » à Lille (59). "
    line = sentence * 600
    cut = clean(line + "\nLigne suivante")
    lines = cut.split("\n")
    assert len(lines) > 2 and all(len(part) <= LONGEST_LINE for part in lines)
    assert all(part.endswith("(59).") for part in lines[:-2])       # each cut after a full stop
    assert cut.split() == (line + "\nLigne suivante").split()


def test_a_line_without_any_full_stop_is_cut_between_words():
    from esscope.parse.textnorm import LONGEST_LINE, clean
    line = " ".join(["Atelier", "Marché", "Solidaire", "Lille"] * 5000)
    lines = clean(line).split("\n")
    assert len(lines) > 1 and all(len(part) <= LONGEST_LINE for part in lines)
    assert " ".join(lines).split() == line.split()


def test_the_first_sentence_is_read_without_splitting_the_whole_text():
    from esscope.parse.prose import first_sentence, sentences
    for text in ["Forum à Lille. Atelier à Roubaix.", " ; Forum le 5 novembre ; atelier", "Un seul bloc sans fin",
                 "", ";", "Café (Lille). Suite »", "Le 8 novembre, atelier ! Le 9, forum ?"]:
        assert first_sentence(text) == next(iter(sentences(text)), "")


def test_an_entry_told_at_the_end_of_a_very_long_paragraph_is_still_read(read):
    filler = "Les structures de l'économie sociale et solidaire ouvrent leurs portes au public. " * 200
    text = ("Mois de l'ESS 2024\n\n" + filler + "Le mardi 12 novembre 2024, l'association Vélo Cité organise un "
            "atelier de réparation de vélos à Lille, de 14 h à 18 h.\n")
    events = read(text).events_as_dicts()
    assert [(e["start_date"], e["commune_name"]) for e in events] == [("2024-11-12", "Lille")]


def test_a_wiki_pages_marks_left_open_are_read_as_plain_text():
    # (the wiki parser looks for the end of each open mark: thousands left open took it minutes)
    from esscope.parse.wiki import wikitext_to_text
    page = "== Programme ==\n'''Mois''' {{date|4|novembre|2016}} [[Aiacciu|Ajaccio]]\n" + "{{a|b\n[[c|\n<ref>d\n" * 3
    text = wikitext_to_text(page)
    assert "4 novembre 2016 Ajaccio" in text
    assert text.count("{{a|b") == 3 and text.count("[[c|") == 3 and text.count("<ref>d") == 3
    closed = wikitext_to_text("== A ==\n{{x|y}} [[z]] '''w'''\n{| \n| a || b\n|}\n")
    assert "y z w" in closed and "| a | b |" in closed


def test_a_latex_sources_hidden_blocks_are_read_in_one_pass():
    # (each « \iffalse » searched for its « \fi »: 50,000 left open took about three minutes)
    from esscope.parse.latex import latex_to_text
    head = "\\documentclass{article}\n\\begin{document}\n"
    assert latex_to_text(head + "a\n\\iffalse\nb\n\\fi\nc\n\\begin{comment}d\\end{comment}e\n") == "a\n\nc\ne\n"
    assert latex_to_text(head + "vu\n\\iffalse\ncaché\n" + "\\iffalse x\n" * 3) == "vu\n"
    assert latex_to_text(head + "seul \\fi reste\n") == "seul reste\n"
