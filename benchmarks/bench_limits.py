"""Benchmark of the readers at their bounds: peak memory and time of the CLI on SYNTHETIC files made here
at each limit of `esscope.limits` (and on the bombs that cross them), each in its own process under the
same address-space cap as the tests.

    .venv/bin/python benchmarks/bench_limits.py [--db data/esscope.duckdb] [--quick]

Programmes are read (`esscope parse`, nothing written); figures files are imported into a copy of the
store in a temporary folder. Every file is invented by code and named « synthétique ». The reference is
`esscope sources`, a command that only imports esscope and opens the store: each figure is printed
beside its ratio to it. `--quick` leaves out the largest files (2 million figures, 4 million characters
of text, 2,000 PDF pages).
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from esscope import limits, store

ESSCOPE = Path(sys.executable).parent / "esscope"
CAP = 3 * 1024 ** 3           # as in tests/test_bounds.py: Python, DuckDB and pandas reserve ~1.2 Gio
GIB = 1024 ** 3


def run(*args) -> tuple:
    """(exit code, last line of stderr, peak resident memory in bytes, seconds) of `esscope ARGS`."""
    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen([str(ESSCOPE), *map(str, args)], stdout=subprocess.DEVNULL, stderr=err,
                                   preexec_fn=cap)  # noqa: PLW1509 - no thread in this script
        _, status, usage = os.wait4(process.pid, 0)
        err.seek(0)
        message = err.read().decode("utf-8", "replace").strip().splitlines()
    return (os.waitstatus_to_exitcode(status), message[-1] if message else "", usage.ru_maxrss * 1024,
            time.perf_counter() - start)


# ------------------------------------------------------------------ synthetic files

COMMUNES = ["Lille", "Roubaix", "Tourcoing", "Lens", "Arras", "Amiens", "Beauvais", "Calais", "Douai"]


def table_rows(n: int) -> list:
    return [[f"Atelier synthétique {i}", f"{1 + i % 30}/11/2024", COMMUNES[i % len(COMMUNES)],
             f"Association synthétique {i % 400}"] for i in range(n)]


def programme_csv(path: Path, n: int) -> Path:
    lines = ["Titre;Date;Ville;Organisateur"] + [";".join(r) for r in table_rows(n)]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def short_rows_csv(path: Path, n: int) -> Path:
    """A programme table of `n` rows as short as can be (« 17;1/11/24 »): under the size bound for a million."""
    with path.open("w", encoding="utf-8") as out:
        out.write("Titre;Date\n")
        for i in range(n):
            out.write(f"{i};1/11/24\n")
    return path


def programme_xlsx(path: Path, n: int) -> Path:
    from openpyxl import Workbook
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Programme synthétique")
    sheet.append(["Titre", "Date", "Ville", "Organisateur"])
    for row in table_rows(n):
        sheet.append(row)
    book.save(path)
    return path


def programme_json(path: Path, n: int) -> Path:
    events = [{"title": {"fr": f"Atelier synthétique {i}"},
               "firstTiming": {"begin": f"2024-11-{1 + i % 30:02d}T10:00:00+01:00"},
               "location": {"name": "Salle synthétique", "city": COMMUNES[i % len(COMMUNES)]}} for i in range(n)]
    path.write_text(json.dumps({"events": events}, ensure_ascii=False), encoding="utf-8")
    return path


def programme_ics(path: Path, n: int) -> Path:
    events = "".join(f"BEGIN:VEVENT\r\nUID:synthetique-{i}\r\nSUMMARY:Atelier synthétique {i}\r\n"
                     f"DTSTART:202411{1 + i % 30:02d}T100000\r\nLOCATION:Salle synthétique\\, "
                     f"{COMMUNES[i % len(COMMUNES)]}\r\nEND:VEVENT\r\n" for i in range(n))
    path.write_text(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{events}END:VCALENDAR\r\n", encoding="utf-8")
    return path


def programme_text(path: Path, chars: int) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_parse import synthetic_programme
    events = 2000
    text = synthetic_programme(events)
    while len(text) < chars:
        events = int(events * chars / len(text)) + 1
        text = synthetic_programme(events)
    path.write_text(text[:chars], encoding="utf-8")
    return path


def programme_pdf(path: Path, pages: int) -> Path:
    from fpdf import FPDF
    document = FPDF()
    document.set_font("helvetica", size=11)
    for page in range(pages):
        document.add_page()
        for line in range(6):
            day = 1 + (page + line) % 30
            document.cell(0, 8, f"Mardi {day} novembre 2024 - atelier synthetique {page}-{line} a "
                          f"{COMMUNES[line % len(COMMUNES)]}", new_x="LMARGIN", new_y="NEXT")
    document.output(str(path))
    return path


def xlsx_bomb(path: Path) -> Path:
    """1.5 kB: a sheet declaring A1:XFD1048576 with one cell at XFD1048576 (the case of issue 10)."""
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             'spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData><row r="1048576">'
             '<c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>')
    source = programme_xlsx(path.with_name("modele.xlsx"), 1)
    with zipfile.ZipFile(source) as model, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in model.infolist():
            data = model.read(item.filename)
            out.writestr(item, sheet if item.filename.startswith("xl/worksheets/") else data)
    return path


def figures_csv(path: Path, n: int, codes: list) -> Path:
    indicators = ["employees", "establishments", "employees_fte", "enterprises"]
    with path.open("w", encoding="utf-8") as out:
        out.write("territory_level,territory_code,year,indicator,value,unit,scope,source_url\n")
        for i in range(n):
            code = codes[i % len(codes)]
            rest = i // len(codes)
            out.write(f"commune,{code},{1990 + rest % 100},{indicators[rest // 100 % 4]},{i % 5000},count,"
                      f"synthétique {rest // 400},https://example.org/synthetique\n")
    return path


def figures_xlsx(path: Path, n: int, codes: list) -> Path:
    from openpyxl import Workbook
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Chiffres synthétiques")
    sheet.append(["territory_level", "territory_code", "year", "indicator", "value", "unit", "scope", "source_url"])
    for i in range(n):
        sheet.append(["commune", codes[i % len(codes)], 1990 + (i // len(codes)) % 100, "employees", i % 5000,
                      "count", "synthétique", "https://example.org/synthetique"])
    book.save(path)
    return path


# ------------------------------------------------------------------ the benchmark

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=store.default_path())
    parser.add_argument("--quick", action="store_true", help="leave out the largest files")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="esscope-bench-limits-"))
    try:
        bench(args.db, folder, args.quick)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def bench(db: Path, folder: Path, quick: bool) -> None:
    with store.connect(db) as con:
        codes = [r[0] for r in con.execute("SELECT code FROM territories WHERE level = 'commune' ORDER BY code")
                 .fetchall()]
    copy = folder / "copie.duckdb"
    _, _, ref_peak, ref_time = run("sources", "--db", db)
    print(f"reference « esscope sources » : {ref_peak / 2**20:.0f} MiB, {ref_time:.1f} s\n")
    print(f"{'case':58} {'exit':>4} {'peak MiB':>9} {'× ref':>6} {'s':>7} {'× ref':>6}")
    rows = limits.PROGRAMME_ROWS.limit
    cases = [
        ("programme CSV, 20 000 rows (limit)", lambda p: programme_csv(p / "programme.csv", rows), "parse"),
        ("programme XLSX, 20 000 rows (limit)", lambda p: programme_xlsx(p / "programme.xlsx", rows), "parse"),
        ("OpenAgenda JSON, 20 000 events (limit)", lambda p: programme_json(p / "agenda.json", rows), "parse"),
        ("ICS, 20 000 events (limit)", lambda p: programme_ics(p / "agenda.ics", rows), "parse"),
        ("programme CSV, 20 001 rows: refused", lambda p: programme_csv(p / "trop.csv", rows + 1), "parse"),
        ("XLSX of 1.5 kB declaring A1:XFD1048576: refused", lambda p: xlsx_bomb(p / "bombe.xlsx"), "parse"),
        ("CSV of 1 000 000 short rows (14 MB): refused",
         lambda p: short_rows_csv(p / "million.csv", 1_000_000), "parse"),
        ("figures CSV, 300 000 rows", lambda p: figures_csv(p / "chiffres.csv", 300_000, codes), "import"),
        ("figures CSV, 1 300 000 rows (national list of establishments)",
         lambda p: figures_csv(p / "chiffres.csv", 1_300_000, codes), "import"),
        ("figures XLSX, 100 000 rows", lambda p: figures_xlsx(p / "chiffres.xlsx", 100_000, codes), "import"),
    ]
    if not quick:
        cases += [
            ("programme text, 4 000 000 characters (limit)",
             lambda p: programme_text(p / "programme.txt", limits.TEXT_CHARS.limit), "parse"),
            ("programme PDF, 2 000 pages (limit)",
             lambda p: programme_pdf(p / "brochure.pdf", limits.PDF_PAGES.limit), "parse"),
            ("figures CSV, 2 000 000 rows (limit)",
             lambda p: figures_csv(p / "chiffres.csv", limits.FIGURES_ROWS.limit, codes), "import"),
        ]
    worst = 0
    for label, make, action in cases:
        path = make(folder)
        if action == "parse":
            code, message, peak, seconds = run("parse", path, "--db", db, "--edition", 2024, "--region", 32)
        else:
            shutil.copyfile(db, copy)
            code, message, peak, seconds = run("indicators", "import", path, "--db", copy)
        worst = max(worst, peak)
        print(f"{label:58} {code:>4} {peak / 2**20:9.0f} {peak / ref_peak:6.1f} {seconds:7.1f} "
              f"{seconds / ref_time:6.1f}")
        if code:
            print(f"{'':4}{message[:150]}")
        path.unlink()
    print(f"\nlargest peak: {worst / 2**20:.0f} MiB ({'under' if worst < GIB else 'OVER'} 1 Gio)")


if __name__ == "__main__":
    main()
