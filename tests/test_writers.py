"""Writers in several real processes at once never lose or mix events: each waits for the store's lock
before reading what it compares, gives up after a bounded wait with a French message, and removes the
copies of writers that were killed."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from esscope import store

DAYS = {"Alpha": "mardi 5", "Bravo": "mercredi 6", "Charlie": "jeudi 7", "Delta": "vendredi 8", "Echo": "samedi 9"}
SOURCE = "programme:2024-32-versions-txt"


def version(tmp_path, *names, folder="v") -> str:
    """A programme (always the same file name: versions of one document) holding the events `names`."""
    path = tmp_path / folder / "versions.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text("Mois de l'ESS 2024 — programme du bassin minier\n\n" + "".join(
        f"• {DAYS[n]} novembre : atelier {n} à Lens\n" for n in names), encoding="utf-8")
    return str(path)


def esscope(*args, env=None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "esscope.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})


def finish(process) -> tuple:
    out, err = process.communicate(timeout=120)
    return process.returncode, out, err


def titles(db) -> set:
    with store.connect(db) as con:
        return {r[0] for r in con.execute("SELECT title FROM events WHERE source_id = ?", [SOURCE]).fetchall()}


def source_exists(db) -> bool:
    with store.connect(db) as con:
        return con.execute("SELECT count(*) FROM sources WHERE id = ?", [SOURCE]).fetchone()[0] == 1


HOLD = textwrap.dedent("""
    import sys, time
    from esscope import store
    with store.writing(sys.argv[1]):
        print("tenu", flush=True)
        time.sleep(float(sys.argv[2]))
        raise store.NothingToWrite
""")


def hold_the_lock(db, seconds) -> subprocess.Popen:
    """Another writer holding the store for `seconds`: the writers started meanwhile read, then queue."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "tenu"
    return holder


def test_two_new_versions_at_once_leave_exactly_one_of_them(db, tmp_path):
    assert finish(esscope("ingest", version(tmp_path, "Alpha", "Bravo", "Charlie"), "--db", str(db)))[0] == 0
    holder = hold_the_lock(db, 4)
    v2 = esscope("ingest", version(tmp_path, "Alpha", "Bravo", "Delta", folder="v2"), "--db", str(db))
    v3 = esscope("ingest", version(tmp_path, "Alpha", "Charlie", "Echo", folder="v3"), "--db", str(db))
    results = [finish(v2), finish(v3)]
    holder.wait(timeout=60)
    assert [code for code, _, _ in results] == [0, 0], results
    assert titles(db) in ({"Atelier Alpha", "Atelier Bravo", "Atelier Delta"},
                          {"Atelier Alpha", "Atelier Charlie", "Atelier Echo"})


def test_an_ingest_against_a_remove_leaves_all_or_nothing_of_the_source(db, tmp_path):
    assert finish(esscope("ingest", version(tmp_path, "Alpha", "Bravo", "Charlie"), "--db", str(db)))[0] == 0
    holder = hold_the_lock(db, 3)
    ingest = esscope("ingest", version(tmp_path, "Alpha", "Delta", folder="v2"), "--db", str(db))
    time.sleep(0.5)
    remove = esscope("remove", SOURCE, "--db", str(db))
    results = [finish(ingest), finish(remove)]
    holder.wait(timeout=60)
    assert all("Traceback" not in err for _, _, err in results)
    if source_exists(db):       # the ingest came last
        assert titles(db) == {"Atelier Alpha", "Atelier Delta"} and results[0][0] == 0
    else:                       # the remove came last: nothing of the source is left
        assert titles(db) == set() and results[1][0] == 0


def test_the_same_file_twice_at_once_is_saved_once_without_a_traceback(db, tmp_path):
    path = version(tmp_path, "Alpha", "Bravo", "Charlie")
    holder = hold_the_lock(db, 3)
    first, second = esscope("ingest", path, "--db", str(db)), esscope("ingest", path, "--db", str(db))
    results = [finish(first), finish(second)]
    holder.wait(timeout=60)
    assert [code for code, _, _ in results] == [0, 0] and all(err == "" for _, _, err in results), results
    outs = sorted(out for _, out, _ in results)
    assert "déjà importé" in outs[0] and "importé comme" in outs[1]
    with store.connect(db) as con:
        assert con.execute("SELECT count(*) FROM events WHERE source_id = ?", [SOURCE]).fetchone()[0] == 3


def test_a_writer_that_waits_too_long_gives_up_with_a_french_message(db, tmp_path):
    before = store.version(db)
    holder = hold_the_lock(db, 120)          # held until the other writer has given up, however slow the machine
    code, _, err = finish(esscope("ingest", version(tmp_path, "Alpha"), "--db", str(db),
                                  env={"ESSCOPE_LOCK_TIMEOUT": "1"}))
    holder.terminate()
    holder.wait(timeout=60)
    assert code == 1 and err.startswith("esscope : ") and "en cours d'écriture" in err and "Traceback" not in err
    assert store.version(db) == before


def test_a_later_write_removes_the_copy_of_a_killed_writer(db, tmp_path):
    killed = subprocess.Popen([sys.executable, "-c", HOLD, str(db), "60"], stdout=subprocess.PIPE, text=True)
    assert killed.stdout.readline().strip() == "tenu"
    left = db.with_name(f".{db.name}.{killed.pid}.tmp")
    assert left.exists()
    os.kill(killed.pid, signal.SIGKILL)
    killed.wait(timeout=30)
    assert left.exists()                                     # a kill -9 cleans nothing up
    code, _, err = finish(esscope("ingest", version(tmp_path, "Alpha"), "--db", str(db)))
    assert code == 0, err
    assert not left.exists() and titles(db) == {"Atelier Alpha"}
    assert [p.name for p in db.parent.iterdir() if p.name.endswith((".tmp", ".wal"))] == []


@pytest.mark.parametrize("alive", [True, False])
def test_only_copies_of_gone_processes_are_removed(db, alive):
    pid = os.getppid() if alive else _gone_pid()
    copy = db.with_name(f".{db.name}.{pid}.tmp")
    copy.write_bytes(b"x")
    with store.writing(db) as con:
        con.execute("SELECT 1")
    assert copy.exists() == alive
    copy.unlink(missing_ok=True)


def _gone_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid
