"""One list of event fields (`parse.model.Event`): the store, the bundles, the exports, the filters and the
Import page's table all follow it, so adding a field is one edit (and a column in schema.sql)."""

import duckdb

from esscope import bundled, exports, review, store
from esscope.filters import EVENT_SELECT
from esscope.parse.model import EVENT_FIELDS, Event, event_fields


def test_the_store_has_a_column_of_the_right_type_for_every_field(tmp_path):
    con = duckdb.connect(str(tmp_path / "schema.duckdb"))
    con.execute(store.schema_sql())
    columns = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                               "WHERE table_name = 'events' ORDER BY ordinal_position").fetchall())
    con.close()
    assert set(columns) - {"search_text"} == set(store.EVENT_COLUMNS)
    assert {c: columns[c] for c in store.EVENT_COLUMNS} == store.EVENT_TYPES


def test_every_field_reaches_the_store_the_filters_and_the_exports():
    for f in event_fields():
        assert f.name in store.EVENT_COLUMNS and f"e.{f.name}" in EVENT_SELECT or f.name == "commune_name"
        assert f.name in exports.EVENT_EXPORT_COLUMNS or f.name == "position"
        assert (f.name in bundled.COLUMNS) == f.metadata["fact"]
        assert (f.name in review.EDIT_COLUMNS) == f.metadata["editable"]
        assert f.metadata["label"] and review.LABELS[f.name]


def test_parse_json_prints_the_fields_in_order_then_the_id():
    event = Event(title="Forum", start_date="2017-11-07")
    assert list(event.as_dict()) == [*EVENT_FIELDS, "id"]
    assert "line" not in EVENT_FIELDS and "id" not in EVENT_FIELDS


def test_an_event_saved_and_read_back_keeps_every_field(db):
    event = Event(title="Forum", start_date="2017-11-07", end_date="2017-11-08", start_time="10:00",
                  end_time="12:00", description="Un forum", theme="Emploi", kind="Forum", venue="Gare",
                  address="1 rue X", commune_code="59350", commune_name="Lille", online=False, organizer="APES",
                  co_organizers=["Cress"], contact="a@b.fr", price="gratuit", url="https://example.org",
                  confidence=0.8, warnings=["à vérifier"], position=3)
    row = {"id": "t:1", "source_id": "t", "edition": 2017, "region_code": "32", **event.as_dict()} | {"id": "t:1"}
    with store.writing(db) as con:
        store.save_events(con, [row])
        stored = store.stored_events(con, "t")["t:1"]
    assert {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in stored.items()} == row
