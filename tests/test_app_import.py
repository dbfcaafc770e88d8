"""The Import page, run with AppTest: staff only, and nothing written without the password."""

import pytest

from esscope import auth, staffui, store
from esscope.limits import FIGURES_BYTES, MIB, PROGRAMME_BYTES
from esscope.parse import detect_format

PASSWORD = "un mot de passe de test"


@pytest.fixture(autouse=True)
def fresh_throttle(monkeypatch):
    """Every test starts with no failed attempt counted (the app counts them for all its sessions)."""
    monkeypatch.setattr(staffui, "THROTTLE", auth.Throttle())


def counts(path) -> tuple:
    con = store.connect(path)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("events", "indicators",
                                                                                          "sources"))
    finally:
        con.close()


def test_without_a_configured_password_the_page_explains_and_offers_nothing(run_page, db, monkeypatch):
    monkeypatch.delenv(auth.ENV_VAR, raising=False)
    before = counts(db)
    at = run_page("import.py", db)
    assert not at.exception
    assert "réservée à l'équipe" in at.warning[0].value
    assert any("esscope hash-password" in m.value for m in at.markdown)
    assert not at.get("file_uploader") and not at.button
    assert counts(db) == before


def test_wrong_password_is_refused_and_right_one_opens_the_page(run_page, db, monkeypatch):
    monkeypatch.setenv(auth.ENV_VAR, auth.hash_password(PASSWORD))
    at = run_page("import.py", db)
    assert not at.tabs and len(at.text_input) == 1
    at.text_input[0].input("pas le bon mot de passe")
    at.button[0].click().run()
    assert at.error[0].value == "Mot de passe incorrect." and not at.tabs
    at.text_input[0].input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception
    assert [t.label for t in at.tabs] == ["Programme du Mois de l'ESS", "Chiffres de l'ESS", "Sources"]


@pytest.fixture
def logged_in(run_page, db, monkeypatch):
    monkeypatch.setenv(auth.ENV_VAR, auth.hash_password(PASSWORD))
    at = run_page("import.py", db)
    at.text_input[0].input(PASSWORD)
    at.button[0].click().run()
    return at


def test_repeated_wrong_passwords_lock_the_door_even_to_the_right_one(run_page, db, monkeypatch, caplog):
    monkeypatch.setenv(auth.ENV_VAR, auth.hash_password(PASSWORD))
    at = run_page("import.py", db)
    with caplog.at_level("WARNING", logger="esscope.auth"):
        for n in range(auth.Throttle.FREE):
            at.text_input[0].input(f"mauvais essai {n}")
            at.button[0].click().run()
            assert at.error[0].value == "Mot de passe incorrect."
        at.text_input[0].input(PASSWORD)
        at.button[0].click().run()
    assert at.error[0].value.startswith("Trop d'essais manqués : réessayez dans ") and not at.tabs
    assert caplog.text.count("refusé") == auth.Throttle.FREE and "mauvais essai" not in caplog.text
    assert at.text_input[0].max_chars == auth.MAX_LENGTH


def test_sources_are_listed_and_one_can_be_taken_out(logged_in, db):
    at = logged_in
    sources = at.dataframe[-1].value
    assert "Données fournies" in set(sources["Type"])
    before = counts(db)
    at.selectbox(key="import.remove.source").set_value(sources["Identifiant"].iloc[0])
    at.checkbox(key="import.remove.sure").check().run()
    at.button(key="import.remove").click().run()
    assert not at.exception
    assert at.success and "retirée" in at.success[0].value
    assert counts(db)[2] == before[2] - 1


PROGRAMME = """Mois de l'ESS 2017 - programme de test
Mardi 7 novembre 2017 à 10h, Lille
Forum de l'emploi solidaire
Organisé par APES

Jeudi 9 novembre 2017 à 14h, Roubaix
Atelier de la finance solidaire
Organisé par la Cress
"""


def click(at, label_start):
    return next(b for b in at.button if b.label.startswith(label_start)).click().run()


def test_a_programme_is_read_reviewed_and_committed_once(logged_in, db):
    at = logged_in
    before = counts(db)
    at.get("file_uploader")[0].set_value(("programme-test.txt", PROGRAMME.encode("utf-8"), "text/plain"))
    at.run()
    click(at, "Lire le document")
    assert not at.exception
    table = at.dataframe[0].value                      # the editable table of what was read
    assert "Forum de l'emploi solidaire" in list(table["title"])
    assert set(table["commune_code"]) == {"59350", "59512"}
    assert counts(db) == before                        # reading writes nothing
    click(at, "Enregistrer 2 événement(s)")
    assert not at.exception
    assert "importé" in at.success[0].value.replace("\\", "")
    after = counts(db)
    assert after[0] == before[0] + 2 and after[2] == before[2] + 1
    # the same document again adds nothing
    at.get("file_uploader")[0].set_value(("programme-test.txt", PROGRAMME.encode("utf-8"), "text/plain"))
    at.run()
    click(at, "Lire le document")
    click(at, "Enregistrer")
    assert counts(db) == after
    assert "déjà importé" in at.success[0].value.replace("\\", "")


def test_figures_cited_by_a_programme_are_offered_for_review_not_stored(logged_in, db):
    at = logged_in
    text = PROGRAMME.replace("programme de test\n", "programme de test\nL'ESS compte 52 000 salariés dans le Nord.\n")
    at.get("file_uploader")[0].set_value(("programme-chiffres.txt", text.encode("utf-8"), "text/plain"))
    at.run()
    before = counts(db)
    click(at, "Lire le document")
    assert not at.exception
    assert any(h.value == "Chiffres cités dans le document" for h in at.subheader)
    figures = at.dataframe[1].value
    assert list(figures["value"]) == [52000.0] and list(figures["keep"]) == [False]
    assert next(b for b in at.button if b.label.startswith("Enregistrer 0 chiffre")).disabled
    assert counts(db) == before


@pytest.mark.parametrize(("name", "data", "fmt"), [
    ("lettre.eml", b"Received: x\nMessage-ID: <1@x>\nMIME-Version: 1.0\nContent-Type: text/plain\n\nSamedi 9 novembre", "mail"),
    ("agenda.rss", b"<rss><channel><item><title>Atelier</title></item></channel></rss>", "feed"),
    ("agenda.tsv", b"Titre\tDate\tVille\nAtelier\t09/11/2019\tLyon\n", "csv"),
    ("evenements.yaml", b"evenements:\n  - titre: Atelier\n    date: 2019-11-09\n", "yaml"),
    ("brochure.tex", b"\\documentclass{article}\n\\begin{document}\nSamedi 9 novembre\n\\end{document}\n", "text"),
    ("teaser.srt", b"1\n00:00:01,000 --> 00:00:03,000\nSamedi 9 novembre\n", "text"),
])
def test_the_uploader_takes_every_kind_of_programme_the_reader_reads(name, data, fmt):
    # a file the reader knows by its name must not be refused by the page before it is read
    assert detect_format(data, name) == fmt
    assert name.rsplit(".", 1)[1] in staffui.PROGRAMME_TYPES


def test_each_uploader_says_the_size_its_reader_takes(logged_in):
    # the uploader's « 20 Mo par fichier » is the reader's own bound, not Streamlit's 200 Mo
    programme, figures = logged_in.get("file_uploader")
    assert programme.proto.max_upload_size_mb == PROGRAMME_BYTES.limit // MIB == 20
    assert figures.proto.max_upload_size_mb == FIGURES_BYTES.limit // MIB
