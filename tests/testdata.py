"""Hand-written test data shared by the tests (not real events: they only exist in test stores)."""

from esscope import store

XSS_TITLE = "<img src=x onerror=alert(1)> </script> `tick` ${alert(2)} \"double\" 'single'"

# Hand-written test events (not real ones): they only exist in the test stores below.
TEST_EVENTS = [
    # id, edition, region, start, end, time, title, theme, kind, commune, online, organizer, co-organisers
    ("test:1", 2017, "32", "2017-11-07", None, "10:00", "Forum de l'emploi solidaire", "Emploi", "Forum",
     "59350", False, "APES", []),
    ("test:2", 2017, "32", "2017-11-14", "2017-11-16", None, "Salon de la consommation responsable",
     "Consommation", "Salon", "59512", False, "  apes ", []),
    ("test:3", 2017, "32", "2017-11-21", None, "14:30", "Atelier finance solidaire", "Finance solidaire",
     "Atelier", "59350", False, "Cress Hauts-de-France", ["APES", "Ville de Lille"]),
    ("test:4", 2017, "32", "2017-11-23", None, "18:00", "Webinaire coopératives", "Emploi", "Conférence",
     None, True, "Cress Hauts-de-France", []),
    ("test:5", 2017, "32", "2017-11-28", None, None, XSS_TITLE, None, None, "59350", False,
     "=cmd|' /C calc'!A0", []),
    ("test:6", 2024, "32", "2024-11-05", None, "09:00", "Forum de l'emploi à Lens", "Emploi", "Forum",
     "62498", False, "APES", []),
    ("test:7", 2024, "32", "2024-11-12", "2024-11-13", None, "Journées de l'ESS à Liévin", "Culture", "Festival",
     "62510", False, "Lens-Liévin Agglo", []),
    ("test:8", 2017, "11", "2017-11-09", None, None, "Rencontre parisienne", "Culture", "Rencontre", "75056",
     False, "Atelier IDF", []),
]


def add_test_events(path) -> None:
    """Replace the events of the store at `path` by TEST_EVENTS (under the source « test:programme »)."""
    import datetime as dt
    with store.writing(path) as con:
        con.execute("DELETE FROM events")
        con.execute("INSERT INTO sources (id, kind, name, format, sha256, edition, rows, imported_at) VALUES "
                    "('test:programme', 'programme', 'Programme de test', 'test', ?, 2017, ?, now()::TIMESTAMP)",
                    ["0" * 64, len(TEST_EVENTS)])
        for i, (eid, edition, region, start, end, time, title, theme, kind, commune, online, org, co) in \
                enumerate(TEST_EVENTS):
            con.execute("""INSERT INTO events (id, source_id, position, edition, region_code, start_date, end_date,
                           start_time, title, theme, kind, commune_code, online, organizer, co_organizers,
                           confidence, url)
                           VALUES (?, 'test:programme', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        [eid, i, edition, region, dt.date.fromisoformat(start),
                         dt.date.fromisoformat(end) if end else None, time, title, theme, kind, commune, online, org,
                         co, 0.5 if eid == "test:5" else 0.95,
                         "javascript:alert(3)" if eid == "test:5" else "https://example.org/evenement"])
