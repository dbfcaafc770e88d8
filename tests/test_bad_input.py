"""Smaller failures, each a clear French message: a bad --wide pattern, a closed pipe, an unknown région,
files in UTF-16 or in an encoding that is not French, damaged PDFs, a system file named .csv, and a link
to an edition without events."""

import subprocess
import sys
from pathlib import Path

import pytest

from esscope.cli import main
from esscope.errors import UserError
from esscope.importing import import_indicators, parse_bytes

ESSCOPE = Path(sys.executable).parent / "esscope"
FIGURES = ("niveau,code,année,indicateur,valeur,unité,périmètre,source\n"
           "department,59,2020,employees,1000,count,Insee Clap,https://example.org/panorama\n")
WIDE = "code_departement,part_2019,part_2020\n59,10.1,10.4\n"
ENGLISH = ("Error", "Traceback", "codec", "Stream has ended", "EOF marker", "Expected", "field", "line ")


def cli(capsys, *args) -> tuple:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_french(message: str):
    assert message.strip(), "no message"
    assert not [w for w in ENGLISH if w in message], message


@pytest.mark.parametrize(("pattern", "words"), [
    ("part_(", "n'est pas une expression régulière valide"),
    ("part_", "n'a pas de groupe entre parenthèses"),
])
def test_wide_pattern_that_is_no_pattern_or_has_no_group_is_explained(capsys, tmp_path, db, pattern, words):
    path = tmp_path / "large.csv"
    path.write_text(WIDE, encoding="utf-8")
    code, _, err = cli(capsys, "indicators", "import", path, "--db", db, "--wide", pattern,
                       "--column", "territory_code=code_departement", "--set", "territory_level=department",
                       "--set", "indicator=share_of_jobs_pct", "--set", "source_url=https://example.org")
    assert code == 1 and words in err
    assert_french(err)


def test_output_cut_short_by_head_ends_quietly(tmp_path, built_store):
    path = tmp_path / "programme.txt"
    path.write_text("\n".join(f"Mardi {1 + i % 28} novembre 2024 : atelier {i} à Lille" for i in range(400)),
                    encoding="utf-8")
    result = subprocess.run(f"'{ESSCOPE}' parse '{path}' --db '{built_store}' | head -n 1", shell=True,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.stdout.startswith("programme.txt (text) : 400 événement(s)")
    assert result.stderr == ""


def test_unknown_region_is_refused_with_the_codes_accepted(built_store):
    with pytest.raises(UserError, match="« 99 » inconnu") as caught:
        parse_bytes(b"Mardi 5 novembre 2024 : atelier a Lille", "p.txt", region="99", db=built_store)
    assert "32 (Hauts-de-France)" in str(caught.value) and "94 (Corse)" in str(caught.value)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_figures_file_in_utf16_is_read(tmp_path, db, encoding):
    path = tmp_path / "chiffres.csv"
    path.write_bytes(FIGURES.encode(encoding))
    result = import_indicators(db, path)
    assert (result["added"], result["bad"]) == (1, 0)


SHIFT_JIS = "Titre,Date,Ville\n日本語のイベント,18/11/2024,Lille\n".encode("shift_jis")


def test_programme_in_shift_jis_is_refused_not_read_as_garbage_while_french_windows_1252_is_read(built_store):
    with pytest.raises(UserError, match="ni en UTF-8 ni en Windows-1252") as caught:
        parse_bytes(SHIFT_JIS, "programme.csv", db=built_store)
    assert "enregistrez-le en « UTF-8 »" in str(caught.value)
    french = "Titre;Date;Ville\nCœur d'œuvre « solidaire » – 5 €;18/11/2024;Lille\n".encode("cp1252")
    assert parse_bytes(french, "programme.csv", db=built_store).events[0].title == "Cœur d'œuvre « solidaire » – 5 €"


def test_figures_in_shift_jis_or_undecodable_bytes_are_refused(capsys, tmp_path, db):
    for name, data in [("sjis.csv", SHIFT_JIS), ("octets.csv", FIGURES.encode().replace(b"https", b"\x81\x8d"))]:
        path = tmp_path / name
        path.write_bytes(data)
        code, _, err = cli(capsys, "indicators", "import", path, "--db", db)
        assert code == 1 and "ni en UTF-8 ni en Windows-1252" in err
        assert_french(err)


def damaged_pdf() -> bytes:
    from fpdf import FPDF
    document = FPDF()
    document.add_page()
    document.set_font("helvetica", size=11)
    for i in range(20):
        document.cell(0, 8, f"Mardi {i + 1} novembre 2024 - atelier {i} a Lille", new_x="LMARGIN", new_y="NEXT")
    data = bytes(document.output())
    return data[:len(data) // 2]


def test_damaged_pdf_gets_a_french_message_and_pypdf_stays_silent(tmp_path, built_store):
    path = tmp_path / "brochure.pdf"
    path.write_bytes(damaged_pdf())
    result = subprocess.run([str(ESSCOPE), "parse", str(path), "--db", str(built_store)], capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 1
    assert result.stderr.startswith("esscope : Ce PDF est illisible") and result.stderr.count("\n") == 1
    assert_french(result.stderr)


def test_a_system_file_named_csv_is_refused_without_echoing_its_first_line(capsys, tmp_path, db):
    path = tmp_path / "passwd.csv"
    path.write_text("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon,,,:/usr/sbin:/usr/sbin/nologin\n",
                    encoding="utf-8")
    for args in (["parse", path, "--db", db], ["indicators", "import", path, "--db", db]):
        code, _, err = cli(capsys, *args)
        assert code == 1 and "root" not in err and "/bin" not in err, err
        assert_french(err)


def test_figures_file_with_bytes_no_encoding_knows_gets_no_codec_jargon(capsys, tmp_path, db):
    path = tmp_path / "chiffres.csv"
    path.write_bytes(FIGURES.encode("cp1252") + b"department,62,2020,employees,5,count,x,https://e.org/\x81\n")
    code, _, err = cli(capsys, "indicators", "import", path, "--db", db)
    assert code == 1
    assert_french(err)


def test_a_link_to_an_edition_without_events_shows_no_event(run_page, events_store):
    at = run_page("carte.py", events_store, {"editions": "2022"})
    assert not at.exception
    assert at.multiselect(key="carte.editions").value == [2022]
    assert {m.label: m.value for m in at.metric}["Événements"] == "0"


@pytest.mark.parametrize(("name", "data"), [
    ("nombres.json", b'{"events": [{"title": 5, "firstTiming": 3, "location": 7, "timings": "x"}]}'),
    ("horaires.json", b'[{"title": {"fr": ["Atelier", "velo"]}, "timings": [1, {"begin": "2024"}]}]'),
    ("page.html", (b'<html><script type="application/ld+json">{"@type": "Event", "name": 5, "location": [1], '
                   b'"startDate": []}</script></html>')),
    ("agenda.ics", (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Atelier\r\nDTSTART:2024XXXX\r\nEND:VEVENT\r\n"
                    b"END:VCALENDAR\r\n")),
])
def test_an_export_with_values_of_the_wrong_kind_is_read_not_crashed_on(built_store, name, data):
    result = parse_bytes(data, name, db=built_store)
    assert len(result.events) == 1 and not result.events[0].start_date
    assert any("date" in w for w in result.events[0].warnings)


def test_figures_that_are_no_finite_number_are_bad_rows(capsys, tmp_path, db):
    path = tmp_path / "chiffres.csv"
    path.write_text(FIGURES + "".join(f"department,62,{2000 + i},employees,{v},count,Insee,https://example.org/p\n"
                                      for i, v in enumerate(["nan", "inf", "1e400"])), encoding="utf-8")
    code, _, err = cli(capsys, "indicators", "import", path, "--db", db)
    assert code == 1 and err.count("valeur non numérique") == 3
    assert_french(err)
