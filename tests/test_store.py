"""The store is written all or nothing, and readers are never blocked by a writer."""

import duckdb
import pytest

from esscope import store


def test_a_failed_write_leaves_the_store_as_it_was(db):
    before = store.version(db)
    with pytest.raises(RuntimeError), store.writing(db) as con:
        con.execute("DELETE FROM indicators")
        raise RuntimeError("boom")
    assert store.version(db) == before
    reader = store.connect(db)
    assert reader.execute("SELECT count(*) FROM indicators").fetchone()[0] > 0
    reader.close()


def test_a_constraint_violation_rolls_everything_back(db):
    with pytest.raises(duckdb.ConstraintException), store.writing(db) as con:
        con.execute("INSERT INTO editions VALUES (2040, 'x', DATE '2040-11-01', DATE '2040-11-30')")
        con.execute("INSERT INTO editions VALUES (1999, 'x', DATE '1999-11-01', DATE '1999-11-30')")
    reader = store.connect(db)
    assert reader.execute("SELECT count(*) FROM editions WHERE year = 2040").fetchone()[0] == 0
    reader.close()


def test_a_reader_keeps_its_snapshot_while_a_writer_replaces_the_store(db):
    reader = store.connect(db)
    editions = reader.execute("SELECT count(*) FROM editions").fetchone()[0]
    with store.writing(db) as con:
        con.execute("INSERT INTO editions VALUES (2040, 'x', DATE '2040-11-01', DATE '2040-11-30')")
    assert reader.execute("SELECT count(*) FROM editions").fetchone()[0] == editions
    reader.close()
    fresh = store.connect(db)
    assert fresh.execute("SELECT count(*) FROM editions").fetchone()[0] == editions + 1
    fresh.close()


def test_version_changes_when_the_store_is_replaced(db):
    before = store.version(db)
    with store.writing(db) as con:
        con.execute("INSERT INTO editions VALUES (2041, 'x', DATE '2041-11-01', DATE '2041-11-30')")
    assert store.version(db) != before


def test_missing_store_says_how_to_build_it(tmp_path):
    with pytest.raises(store.StoreError, match="esscope build"):
        store.connect(tmp_path / "none.duckdb")


@pytest.mark.parametrize("sql", [
    # a percentage above 100
    """INSERT INTO indicators (id, territory_level, territory_code, territory_name, year, indicator, value, unit,
       source_url, source_id) VALUES ('x', 'department', '59', 'Nord', 2020, 'share_of_jobs_pct', 140, 'pct', 'u', 's')""",
    # an event that ends before it starts
    """INSERT INTO events (id, source_id, position, edition, start_date, end_date, title, confidence)
       VALUES ('x', 's', 0, 2017, DATE '2017-11-20', DATE '2017-11-10', 't', 0.5)""",
    # a commune without its département
    """INSERT INTO territories (level, code, name) VALUES ('commune', '99999', 'Nulle part')""",
])
def test_wrong_rows_are_refused_by_the_schema(db, sql):
    with pytest.raises(duckdb.ConstraintException), store.writing(db) as con:
        con.execute(sql)


def test_a_process_sees_its_own_write_even_while_an_old_reader_is_open(db):
    old = store.connect(db)
    editions = old.execute("SELECT count(*) FROM editions").fetchone()[0]
    with store.writing(db) as con:
        con.execute("INSERT INTO editions VALUES (2042, 'x', DATE '2042-11-01', DATE '2042-11-30')")
    new = store.connect(db)
    assert new.execute("SELECT count(*) FROM editions").fetchone()[0] == editions + 1
    assert old.execute("SELECT count(*) FROM editions").fetchone()[0] == editions
    old.close()
    new.close()


def test_every_written_event_gets_its_accent_free_search_text(db):
    with store.writing(db) as con:
        con.execute("""INSERT INTO events (id, source_id, position, edition, start_date, title, commune_code, confidence,
                       organizer) VALUES ('s1', 's', 0, 2017, DATE '2017-11-13', 'Forum Métiers', '59009', 0.9,
                       'Université Lille')""")
    with store.connect(db) as reader:
        text = reader.execute("SELECT search_text FROM events WHERE id = 's1'").fetchone()[0]
    assert "forum metiers" in text and "universite lille" in text and "villeneuve-d'ascq" in text


def test_a_writer_with_nothing_to_write_leaves_the_store_as_it_was(db):
    before = store.version(db)
    with store.writing(db) as con:
        con.execute("DELETE FROM events")
        raise store.NothingToWrite
    assert store.version(db) == before
    with store.connect(db) as con:
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    assert [p.name for p in db.parent.iterdir() if p.name.endswith(".tmp")] == []
