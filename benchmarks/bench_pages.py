"""Speed of the dashboard: each page's script run time once warm on the bundled data, and every
query's time on a synthetic store of 100,000 events over 17 editions across all communes.

    .venv/bin/python benchmarks/bench_pages.py [--db data/esscope.duckdb] [--events 100000]

Without --db (or when it does not exist) a store is built into a temporary folder first. The
synthetic store is a temporary copy (see benchmarks/synthetic.py); nothing is written in data/.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import synthetic
from apptiming import time_script

from esscope import queries, report, store
from esscope import territory as terr
from esscope.filters import EventFilter, commune_counts, filter_options, filtered_events

PAGE_VIEWS = [
    ("accueil.py", {}),
    ("carte.py", {}),
    ("carte.py", {"region": "32", "vue": "communes"}),
    ("editions.py", {}),
    ("editions.py", {"region": "32", "edition": "2017"}),
    ("territoires.py", {}),
    ("territoires.py", {"territoire": "epci:200093201"}),
    ("territoires.py", {"territoire": "commune:59350"}),
    ("rapport.py", {"region": "32", "edition": "2017"}),
    ("import.py", {}),
]
WARM_RUNS = 3


def time_pages(db: Path) -> list:
    """(page, query, first run s, warm median s, exception) per page view, with AppTest."""
    return [(page, params, *time_script(page, params, db, WARM_RUNS)) for page, params in PAGE_VIEWS]


def query_cases(con) -> list:
    """(name, callable) for every query the pages run, with typical arguments."""
    hdf = EventFilter(editions=[2017], region="32")
    everything = EventFilter()
    lille = queries.read_territory(con, "commune", "59350")
    nord = queries.read_territory(con, "department", "59")
    france = queries.read_territory(con, "country", "FR")
    return [
        ("filter_options", lambda: filter_options(con)),
        ("filtered_events (région, édition)", lambda: filtered_events(con, hdf)),
        ("filtered_events (commune)", lambda: filtered_events(con, EventFilter(commune="59350"))),
        ("filtered_events (recherche texte)", lambda: filtered_events(con, EventFilter(text="n° 4242"))),
        ("commune_counts (France)", lambda: commune_counts(con, everything)),
        ("commune_counts (région, édition)", lambda: commune_counts(con, hdf)),
        ("events_per_edition_region (France)", lambda: queries.events_per_edition_region(con, everything)),
        ("events_per_day (région, édition)", lambda: queries.events_per_day(con, hdf)),
        ("events_per_day (France, édition)", lambda: queries.events_per_day(con, EventFilter(editions=[2017]))),
        ("read_multi_day_events (France, édition)",
         lambda: queries.read_multi_day_events(con, EventFilter(editions=[2017]))),
        ("edition_counts (région, édition)", lambda: queries.edition_counts(con, hdf)),
        ("edition_counts (France)", lambda: queries.edition_counts(con, everything)),
        ("read_organisers (région, édition)", lambda: queries.read_organisers(con, hdf)),
        ("organiser_turnover (France, 2 éditions)",
         lambda: queries.organiser_turnover(con, everything, [2010, 2017])),
        ("count_by theme (France)", lambda: queries.count_by(con, everything, "theme")),
        ("events_per_week (région, édition)", lambda: queries.events_per_week(con, hdf)),
        ("events_per_territory département (France)",
         lambda: queries.events_per_territory(con, everything, "department")),
        ("read_event_figures", lambda: queries.read_event_figures(con, True)),
        ("read_territory_names epci", lambda: queries.read_territory_names(con, "epci")),
        ("read_shapes communes (région 32)", lambda: queries.read_shapes(con, "commune", region="32")),
        ("search_territories « lille »", lambda: terr.search_territories(con, "lille")),
        ("search_territories « 59000 »", lambda: terr.search_territories(con, "59000")),
        ("read_cards (France)", lambda: terr.read_cards(con, "country", "FR")),
        ("parent_values (Lille)", lambda: terr.parent_values(con, lille, "share_of_jobs_pct")),
        ("read_siblings (Nord, chiffre)", lambda: terr.read_siblings(con, nord, "share_of_jobs_pct")),
        ("read_siblings (Lille, événements)", lambda: terr.read_siblings(con, lille, terr.LOADED_EVENTS)),
        ("read_siblings (France, événements)", lambda: terr.read_siblings(con, france, terr.LOADED_EVENTS)),
        ("read_series (France)", lambda: terr.read_series(con, "country", "FR")),
        ("read_edition_report (32, 2017) : 9 requêtes", lambda: report.read_edition_report(con, "32", 2017)),
    ]


def time_queries(db: Path, repeat=5) -> list:
    """(name, first s, median s of `repeat`, rows) per query on the store `db`."""
    con = store.connect(db)
    out = []
    try:
        for name, run in query_cases(con):
            start = time.perf_counter()
            result = run()
            first = time.perf_counter() - start
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                run()
                times.append(time.perf_counter() - start)
            rows = len(result) if hasattr(result, "__len__") else 1
            out.append((name, first, statistics.median(times), rows))
    finally:
        con.close()
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "esscope.duckdb", help="built store (bundled data)")
    parser.add_argument("--events", type=int, default=synthetic.EVENTS)
    parser.add_argument("--skip-pages", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if not db.exists():
            from esscope.build import build
            db = Path(tmp) / "bundled.duckdb"
            print(f"Construction de la base dans {db}…", flush=True)
            build(db, log=lambda _: None)
        if not args.skip_pages:
            print(f"\nPages sur les données fournies ({db}) : exécution du script, en secondes")
            print(f"{'page':<16} {'paramètres':<44} {'1re':>6} {'à chaud':>8}")
            for page, params, first, warm, failed in time_pages(db):
                flag = "  ERREUR" if failed else ("" if warm < 1 else "  > 1 s")
                print(f"{page:<16} {params!s:<44} {first:6.2f} {warm:8.2f}{flag}")
        synth = Path(tmp) / "synthetic.duckdb"
        start = time.perf_counter()
        synthetic.make_store(db, synth, events=args.events)
        print(f"\nBase synthétique : {args.events} événements sur {len(synthetic.EDITIONS)} éditions "
              f"({time.perf_counter() - start:.1f} s) ; requêtes, en millisecondes")
        print(f"{'requête':<46} {'1re':>7} {'médiane':>8} {'lignes':>8}")
        for name, first, median, rows in time_queries(synth):
            flag = "" if median < 0.1 or "requêtes" in name else "  > 100 ms"
            print(f"{name:<46} {first * 1000:7.1f} {median * 1000:8.1f} {rows:8}{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
