"""A synthetic store for scale tests: a copy of a built store plus generated events.

Everything generated is marked as synthetic: the source ids start with `synthetic:`, the
titles read « Événement synthétique n° … », organisers « Organisateur synthétique n° … ».
It writes only into the copy, never into data/.

    .venv/bin/python benchmarks/synthetic.py --from /tmp/built.duckdb --to /tmp/synthetic.duckdb
"""

import argparse
import datetime as dt
import hashlib
import shutil
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from esscope import store
from esscope.paths import DATA_DIR

EVENTS = 100_000
EDITIONS = tuple(range(2008, 2025))          # 17 editions
THEMES = [f"Thème synthétique {i}" for i in range(1, 13)]
KINDS = [f"Type synthétique {i}" for i in range(1, 7)]
SOURCE_PREFIX = "synthetic:"


def generate(db, events=EVENTS, editions=EDITIONS, seed=0) -> int:
    """Add `events` synthetic events to the store `db`, spread over `editions` and every commune
    (each commune gets at least one event when there are enough, the rest follow population).
    Returns the number of events written."""
    db = Path(db).resolve()
    if DATA_DIR.resolve() in db.parents:
        raise ValueError(f"Refus d'écrire des données synthétiques dans {DATA_DIR} : utilisez une copie.")
    rng = np.random.default_rng(seed)
    con = store.connect(db)
    try:
        communes = store.query(con, "SELECT code, region_code, population FROM territories WHERE level = 'commune'")
    finally:
        con.close()
    n_communes = len(communes)
    first = rng.permutation(n_communes)[: min(events, n_communes)]
    weights = communes["population"].fillna(0).to_numpy(dtype=float) + 50.0
    rest = rng.choice(n_communes, size=max(events - len(first), 0), p=weights / weights.sum())
    picks = np.concatenate([first, rest])
    rng.shuffle(picks)
    frame = _events(rng, communes.iloc[picks].reset_index(drop=True), editions)
    with store.writing(db) as con:
        for year in editions:
            raw = f"synthetic edition {year} seed {seed}".encode()
            con.execute(
                "INSERT OR REPLACE INTO sources (id, kind, name, format, sha256, edition, rows, imported_at, note) "
                "VALUES (?, 'programme', ?, 'synthetic', ?, ?, ?, now()::TIMESTAMP, ?)",
                [f"{SOURCE_PREFIX}{year}", f"Programme synthétique {year}", hashlib.sha256(raw).hexdigest(), year,
                 int((frame["edition"] == year).sum()), "Données synthétiques pour les mesures de performance"])
        con.register("synthetic_events", frame)
        con.execute("INSERT INTO events BY NAME SELECT * FROM synthetic_events")
        con.unregister("synthetic_events")
    return len(frame)


def _events(rng, communes: pd.DataFrame, editions) -> pd.DataFrame:
    n = len(communes)
    edition = rng.choice(np.array(editions), size=n)
    day = rng.integers(1, 31, size=n)
    length = np.where(rng.random(n) < 0.1, rng.integers(1, 6, size=n), 0)
    start = pd.to_datetime({"year": edition, "month": 11, "day": day}).dt.date
    end = [min(s + dt.timedelta(days=int(k)), dt.date(s.year, 11, 30)) if k else None for s, k in zip(start, length)]
    hour = rng.integers(8, 20, size=n)
    number = np.arange(1, n + 1)
    return pd.DataFrame({
        "id": [f"{SOURCE_PREFIX}{i}" for i in number],
        "source_id": [f"{SOURCE_PREFIX}{y}" for y in edition],
        "position": number,
        "edition": edition,
        "region_code": communes["region_code"].to_numpy(),
        "start_date": start,
        "end_date": end,
        "start_time": [f"{h:02d}:00" for h in hour],
        "end_time": [f"{h + 2:02d}:00" for h in hour],
        "title": [f"Événement synthétique n° {i}" for i in number],
        "description": "Événement généré pour les mesures de performance.",
        "theme": rng.choice(THEMES, size=n),
        "kind": rng.choice(KINDS, size=n),
        "venue": [f"Lieu synthétique n° {i}" for i in rng.integers(1, 30_000, size=n)],
        "commune_code": communes["code"].to_numpy(),
        "online": rng.random(n) < 0.05,
        "organizer": [f"Organisateur synthétique n° {i}" for i in rng.integers(1, 20_000, size=n)],
        "confidence": 1.0,
    })


def make_store(source, target, events=EVENTS, seed=0) -> Path:
    """Copy the built store `source` to `target` and add the synthetic events there."""
    target = Path(target)
    shutil.copyfile(source, target)
    generate(target, events=events, seed=seed)
    return target


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="source", type=Path, required=True, help="store built by `esscope build`")
    parser.add_argument("--to", dest="target", type=Path, required=True, help="where to write the synthetic copy")
    parser.add_argument("--events", type=int, default=EVENTS)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    make_store(args.source, args.target, events=args.events, seed=args.seed)
    print(f"Base synthétique : {args.target} ({args.events} événements synthétiques, {len(EDITIONS)} éditions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
