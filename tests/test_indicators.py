"""Importing sector figures: good files, bad rows, wide tables, re-imports."""

import duckdb
import pytest

from esscope import store
from esscope.cli import main
from esscope.importing import import_indicators
from esscope.indicators import IndicatorFileError, read_chunks, tidy

GOOD = """territory_level,territory_code,territory_name,year,indicator,value,unit,scope,source_url
department,59,Nord,2020,share_of_jobs_pct,"10,4",pct,CRESS observatory,https://example.org/panorama
epci,200093201,Métropole Européenne de Lille,2012,employees,52 000,count,Insee,https://example.org/mel
commune,,Roubaix,2020,share_of_jobs_pct,12.5,pct,CRESS observatory,https://example.org/panorama
"""

BAD = """territory_level,territory_code,territory_name,year,indicator,value,unit,scope,source_url
department,59,Nord,2020,share_of_jobs_pct,10.4,pct,CRESS,https://example.org/a
department,999,Nowhere,2020,share_of_jobs_pct,10.4,pct,CRESS,https://example.org/a
department,62,Pas-de-Calais,2020,share_of_jobs_pct,beaucoup,pct,CRESS,https://example.org/a
department,62,Pas-de-Calais,2020,bonheur_pct,10,pct,CRESS,https://example.org/a
department,62,Pas-de-Calais,,share_of_jobs_pct,10,pct,CRESS,https://example.org/a
"""


def figures(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM indicators").fetchone()[0]
    finally:
        con.close()


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_file_is_imported_with_values_read_the_french_way(db, tmp_path):
    before = figures(db)
    result = import_indicators(db, write(tmp_path, "good.csv", GOOD))
    assert result["errors"] == [] and result["added"] == 3
    assert figures(db) == before + 3
    con = duckdb.connect(str(db), read_only=True)
    rows = dict(con.execute("""SELECT territory_code, value FROM indicators
                               WHERE source_url LIKE 'https://example.org/%'""").fetchall())
    con.close()
    assert rows == {"59": 10.4, "200093201": 52000.0, "59512": 12.5}


def test_importing_the_same_file_twice_adds_nothing(db, tmp_path):
    path = write(tmp_path, "good.csv", GOOD)
    import_indicators(db, path)
    before = figures(db)
    again = import_indicators(db, path)
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, 3)
    assert figures(db) == before


def test_a_file_with_bad_rows_writes_nothing_and_reports_every_bad_row(db, tmp_path):
    before = store.version(db)
    result = import_indicators(db, write(tmp_path, "bad.csv", BAD))
    reasons = {e.line: e.reason for e in result["errors"]}
    assert sorted(reasons) == [3, 4, 5, 6]
    assert "territoire inconnu" in reasons[3]
    assert "non numérique" in reasons[4]
    assert "indicateur inconnu" in reasons[5]
    assert "année manquante" in reasons[6]
    assert store.version(db) == before


def test_skip_bad_imports_the_good_rows_only(db, tmp_path):
    before = figures(db)
    result = import_indicators(db, write(tmp_path, "bad.csv", BAD), skip_bad=True)
    assert result["added"] == 1 and len(result["errors"]) == 4
    assert figures(db) == before + 1


def test_cli_exits_non_zero_on_bad_rows_and_names_them(db, tmp_path, capsys):
    code = main(["indicators", "import", str(write(tmp_path, "bad.csv", BAD)), "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 1
    assert "ligne 3" in err and "ligne 6" in err and "rien n'a été importé" in err


def test_french_column_names_and_semicolons_are_understood(db, tmp_path):
    text = "niveau;code;nom;année;indicateur;valeur;unité;périmètre;source\n" \
           "région;32;Hauts-de-France;2020;employees;220 000;count;Insee;https://example.org/hdf\n"
    result = import_indicators(db, write(tmp_path, "fr.csv", text))
    assert result["added"] == 1, result["errors"]


def test_wide_table_with_one_column_per_year_is_reshaped(shared, db):
    path = shared / "data" / "fetched" / "insee_itdd_ess_share_of_jobs_departments_2008_2014.csv"
    before = figures(db)
    result = import_indicators(
        db, path,
        columns={"territory_code": "code_departement", "territory_name": "departement", "source_url": "source"},
        constants={"territory_level": "department", "indicator": "share_of_jobs_pct", "unit": "pct",
                   "scope": "Insee Clap"},
        wide=r"part_ess_emploi_salarie_(\d{4})_pct")
    assert result["errors"] == []
    assert result["added"] == figures(db) - before >= 2 * 95
    con = duckdb.connect(str(db), read_only=True)
    years = con.execute("""SELECT DISTINCT year FROM indicators WHERE scope = 'Insee Clap'
                           AND territory_level = 'department' AND indicator = 'share_of_jobs_pct' AND year IN (2008, 2014)
                           ORDER BY year""").fetchall()
    nord = con.execute("""SELECT count(*) FROM indicators WHERE territory_code = '59' AND year = 2014
                          AND scope = 'Insee Clap'""").fetchone()[0]
    con.close()
    assert years == [(2008,), (2014,)] and nord == 1


def test_wide_table_through_the_cli(shared, db, capsys):
    path = shared / "data" / "fetched" / "insee_itdd_ess_share_of_jobs_departments_2008_2014.csv"
    code = main(["indicators", "import", str(path), "--db", str(db),
                 "--column", "territory_code=code_departement", "--column", "territory_name=departement",
                 "--column", "source_url=source", "--set", "territory_level=department",
                 "--set", "indicator=share_of_jobs_pct", "--set", "scope=Insee Clap",
                 "--wide", r"part_ess_emploi_salarie_(\d{4})_pct"])
    assert code == 0, capsys.readouterr().err
    assert "ajouté" in capsys.readouterr().out


def test_xlsx_files_are_read(db, tmp_path):
    import pandas as pd
    path = tmp_path / "figures.xlsx"
    pd.read_csv(write(tmp_path, "good.csv", GOOD), dtype=str).to_excel(path, index=False)
    assert import_indicators(db, path)["added"] == 3


def test_columns_that_match_nothing_get_one_clear_message(tmp_path):
    frame = next(read_chunks(write(tmp_path, "odd.csv", "foo,bar\n1,2\n")))
    with pytest.raises(IndicatorFileError, match="Colonnes introuvables"):
        tidy(frame)


def test_empty_file_is_refused_with_a_message(tmp_path):
    with pytest.raises(IndicatorFileError, match="vide"):
        next(read_chunks(write(tmp_path, "empty.csv", "")))
