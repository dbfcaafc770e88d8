"""Storing programmes: one source per document, all or nothing, stable ids, re-imports that add
nothing, new versions that update, removal; the CLI's parse/ingest/sources/remove; bad inputs
leave the store exactly as it was."""

import hashlib
import json
from pathlib import Path

import pytest

from esscope import store
from esscope.build import load_bundled_events
from esscope.bundled import read_bundle
from esscope.cli import main
from esscope.errors import UserError
from esscope.importing import (
    confirm_venue,
    ingest_file,
    list_sources,
    parse_bytes,
    parse_file,
    programme_source_id,
    save_programme,
)

PROGRAMME = """Mois de l'ESS 2024 — programme du bassin minier

• mardi 5 novembre : ciné-débat « Nourrir demain » à Lens, à l'initiative de l'AMAP du Coin
• jeudi 7 novembre : atelier vélo au Garage Solidaire
• samedi 9 novembre : festival des possibles à Avion
• samedi 9 novembre : festival des possibles à Avion
"""


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def events_of(db, source_id):
    con = store.connect(db)
    try:
        return store.query(con, "SELECT * FROM events WHERE source_id = ? ORDER BY position", [source_id])
    finally:
        con.close()


def write(tmp_path, text, name="bassin-minier.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_ingest_stores_one_source_with_its_events(db, tmp_path):
    outcome = ingest_file(write(tmp_path, PROGRAMME), db=db)
    assert outcome.source_id == "programme:2024-32-bassin-minier-txt"
    assert outcome.added == 4
    frame = events_of(db, outcome.source_id)
    assert [c if isinstance(c, str) else None for c in frame["commune_code"]] == ["62498", None, "62065", "62065"]
    assert frame["id"].is_unique


def test_ingesting_the_same_document_twice_adds_nothing(db, tmp_path):
    path = write(tmp_path, PROGRAMME)
    ingest_file(path, db=db)
    before = digest(db)
    outcome = ingest_file(path, db=db)
    assert (outcome.added, outcome.updated, outcome.removed) == (0, 0, 0)
    assert "déjà importé" in outcome.message
    assert digest(db) == before


def test_same_event_same_id_across_parses(built_store, tmp_path):
    path = write(tmp_path, PROGRAMME)
    first = [e["id"] for e in parse_file(path, db=built_store).events_as_dicts()]
    second = [e["id"] for e in parse_file(path, db=built_store).events_as_dicts()]
    assert first == second and len(set(first)) == 4


def test_changed_document_updates_its_events(db, tmp_path):
    ingest_file(write(tmp_path, PROGRAMME), db=db)
    changed = PROGRAMME.replace("atelier vélo au Garage Solidaire", "atelier vélo au Garage Solidaire, gratuit")
    changed = changed.replace("• samedi 9 novembre : festival des possibles à Avion\n", "", 1)
    changed += "• mardi 12 novembre : conférence sur les communs à Liévin\n"
    outcome = ingest_file(write(tmp_path, changed), db=db)
    assert (outcome.added, outcome.updated, outcome.removed, outcome.unchanged) == (1, 1, 1, 2)
    frame = events_of(db, outcome.source_id)
    assert len(frame) == 4 and "Liévin" in set(frame["commune_name"])


def test_remove_takes_the_source_and_its_events_out(db, tmp_path):
    outcome = ingest_file(write(tmp_path, PROGRAMME), db=db)
    assert main(["remove", outcome.source_id, "--db", str(db)]) == 0
    assert events_of(db, outcome.source_id).empty
    con = store.connect(db)
    try:
        assert outcome.source_id not in set(list_sources(con)["id"])
    finally:
        con.close()


def test_edited_events_are_saved_instead_of_the_parsed_ones(db, built_store, tmp_path):
    result = parse_file(write(tmp_path, PROGRAMME), db=built_store)
    edited = result.events_as_dicts()
    edited[1]["commune_code"] = "62498"
    outcome = save_programme(db, result, events=edited[:3])
    assert outcome.added == 3
    assert list(events_of(db, result.source_id)["commune_code"]) == ["62498", "62498", "62065"]


def test_edited_events_with_a_bad_value_write_nothing(db, built_store, tmp_path):
    result = parse_file(write(tmp_path, PROGRAMME), db=built_store)
    edited = result.events_as_dicts()
    edited[0]["start_time"] = "vers midi"
    before = digest(db)
    with pytest.raises(UserError, match="HH:MM"):
        save_programme(db, result, events=edited)
    assert digest(db) == before


def test_confirmed_venue_is_resolved_from_then_on(db, tmp_path):
    path = write(tmp_path, PROGRAMME)
    before = parse_file(path, db=db).events[1]
    assert before.commune_code is None and any("sans commune" in w for w in before.warnings)
    assert "Lens" in confirm_venue(db, "Garage Solidaire", "62498", region_code="32")
    after = parse_file(path, db=db).events[1]
    assert after.commune_code == "62498" and not any("sans commune" in w for w in after.warnings)


def test_confirming_a_venue_in_an_unknown_commune_is_refused(db):
    with pytest.raises(UserError, match="inconnu"):
        confirm_venue(db, "Garage Solidaire", "99999")


def test_source_id_comes_from_file_edition_and_region():
    assert programme_source_id("MEL 2017.txt", 2017, "32") == "programme:2017-32-mel-2017-txt"


def test_cli_parse_json_prints_the_contract_fields(built_store, tmp_path, capsys):
    assert main(["parse", str(write(tmp_path, PROGRAMME)), "--json", "--region", "32", "--db", str(built_store)]) == 0
    events = json.loads(capsys.readouterr().out)
    for field in ("start_date", "end_date", "start_time", "end_time", "title", "theme", "kind", "venue", "address",
                  "commune_code", "commune_name", "online", "organizer", "co_organizers", "contact", "price",
                  "confidence", "warnings"):
        assert field in events[0]
    assert events[0]["start_date"] == "2024-11-05" and events[0]["commune_code"] == "62498"


def test_cli_ingest_then_sources_lists_it(db, tmp_path, capsys):
    assert main(["ingest", str(write(tmp_path, PROGRAMME)), "--edition", "2024", "--db", str(db)]) == 0
    assert main(["sources", "--db", str(db)]) == 0
    assert "programme:2024-32-bassin-minier-txt" in capsys.readouterr().out


BAD_INPUTS = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 100,
    "scan.pdf": None,
    "scripts.html": b"<html><body>" + b"<script>var a=1;</script>" * 2000 + b"</body></html>",
    "columns.csv": "Quoi;Quand;Où\nAtelier;demain;ici\n".encode(),
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_input_exits_non_zero_with_one_message_and_leaves_the_store(db, tmp_path, capsys, name):
    data = BAD_INPUTS[name]
    if data is None:
        from test_parse_pdf import make_pdf
        data = make_pdf([None])
    path = tmp_path / name
    path.write_bytes(data)
    before = digest(db)
    assert main(["ingest", str(path), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("esscope : ") and err.count("\n") == 1
    assert digest(db) == before


def test_file_of_50_mb_is_refused_and_the_store_kept(db, tmp_path, capsys):
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    before = digest(db)
    assert main(["ingest", str(path), "--db", str(db)]) == 1
    assert "trop gros" in capsys.readouterr().err
    assert digest(db) == before


def test_missing_file_is_a_clear_error(db, capsys):
    assert main(["parse", "/nowhere/programme.txt", "--db", str(db)]) == 1
    assert "introuvable" in capsys.readouterr().err


def test_parse_bytes_writes_nothing(db):
    before = digest(db)
    parse_bytes(PROGRAMME.encode(), "upload.txt", db=db)
    assert digest(db) == before


BUNDLES = sorted(p.stem for p in (Path(__file__).resolve().parent.parent / "data" / "programmes").glob("*.csv"))


@pytest.mark.parametrize("name", BUNDLES)
def test_bundled_programme_events_are_in_the_built_store_and_a_real_ingest_adds_no_duplicate(db, shared, name):
    """Every bundled programme is what today's reader gives: ingesting the document itself, with the
    edition and région its bundle names, adds and removes nothing — it only fills in what a bundle leaves out
    (descriptions, contacts); `esscope bundle` rewrites a bundle after the reader changes."""
    header, _ = read_bundle((Path(__file__).resolve().parent.parent / "data" / "programmes" / f"{name}.csv")
                            .read_text(encoding="utf-8"))
    bundled = events_of(db, header["source_id"])
    assert len(bundled) >= 3 and bundled["description"].isna().all()
    outcome = ingest_file(shared / "programmes" / f"{name}.txt", edition=int(header["edition"]),
                          region=header["region"], db=db)
    assert outcome.source_id == header["source_id"] and (outcome.added, outcome.removed) == (0, 0)
    assert len(events_of(db, header["source_id"])) == len(bundled)


def test_an_ingest_opens_the_store_once_to_read_and_writes_once(db, tmp_path, monkeypatch):
    opened, written = [], []
    connect, writing = store.connect, store.writing
    monkeypatch.setattr(store, "connect", lambda *a, **k: opened.append(a) or connect(*a, **k))
    monkeypatch.setattr(store, "writing", lambda *a, **k: written.append(a) or writing(*a, **k))
    assert main(["ingest", str(write(tmp_path, PROGRAMME)), "--db", str(db)]) == 0
    assert len(opened) == 1 and len(written) == 1


def test_bundle_writes_the_facts_of_a_programme_that_build_loads_with_the_same_ids(db, tmp_path, capsys):
    path = write(tmp_path, PROGRAMME)
    assert main(["bundle", str(path), "--region", "32", "--db", str(db), "--data", str(tmp_path / "data")]) == 0
    bundle = tmp_path / "data" / "programmes" / "bassin-minier.csv"
    text = bundle.read_text(encoding="utf-8")
    assert text.startswith("# document: bassin-minier.txt\n") and "Festival des possibles" in text
    assert "description" not in text.splitlines()[7] and "contact" not in text.splitlines()[7]
    with store.writing(db) as con:
        con.execute("DELETE FROM events")
        con.execute("DELETE FROM sources WHERE kind = 'programme'")
        assert load_bundled_events(con, tmp_path / "data", log=lambda _: None) == 4
    outcome = ingest_file(path, region="32", db=db)       # the document itself: its descriptions, no new event
    assert (outcome.added, outcome.removed) == (0, 0) and len(events_of(db, outcome.source_id)) == 4


def test_bad_region_code_is_refused(built_store):
    with pytest.raises(UserError, match="région"):
        parse_bytes(b"Mardi 5 novembre : atelier", "x.txt", region="Bretagne", db=built_store)
