"""Benchmark of programme parsing and ingestion on SYNTHETIC programmes generated here.

    .venv/bin/python benchmarks/bench_parse.py [--db data/esscope.duckdb]

Prints the time to parse a 40-event programme, 1,000 pages of programme text (brochure entries and
bulleted lines), what storing the parsed events adds, the time to parse programmes in the other
layouts (agenda rows, « Commune — titre » lines, events told in sentences with their date at the start
or in the middle, entries written title first, « commune | horaires » lines above a title and labelled
fields) and tables whose header row names the columns (pipes and « ; »), and how the time per line of a
one-day list grows from 500 lines to 4,000 and the time per word of a single line from 10,000 words to
80,000 (as ratios, so that they read the same on a busy machine). The store is copied to a temporary folder first: it is never written. The text is invented
by code, not taken from real programmes.
"""

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from esscope.importing import parse_bytes, save_programme

COMMUNES = ["Lille", "Roubaix", "Tourcoing", "Lens", "Liévin", "Arras", "Amiens", "Beauvais", "Calais",
            "Dunkerque", "Valenciennes", "Douai", "Béthune", "Compiègne", "Saint-Quentin", "Boulogne-sur-Mer"]
KINDS = ["Atelier", "Rencontre", "Formation", "Portes ouvertes", "Conférence", "Projection"]
THEMES = ["COMPRENDRE", "AGIR ENSEMBLE", "CONSOMMER", "JEUNESSE"]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
WORDS = ["économie", "sociale", "solidaire", "coopérative", "association", "emploi", "territoire", "réemploi", "vélo", "alimentation", "circuit", "court", "numérique", "commun", "insertion", "jeunesse", "finance", "épargne"]


def synthetic_programme(events: int, seed: int = 1) -> str:
    """A SYNTHETIC 2024 programme of `events` entries (brochure entries and bulleted lines)."""
    rng = random.Random(seed)
    out = ["SYNTHETIC PROGRAMME — Mois de l'ESS 2024", ""]
    for n in range(events):
        day = 1 + n % 30
        weekday = WEEKDAYS[(day + 3) % 7]          # 1 November 2024 is a Friday
        commune = rng.choice(COMMUNES)
        title = " ".join(rng.choice(WORDS) for _ in range(4)).upper()
        if n % 2:
            out += [f"{weekday.capitalize()} {day:02d} novembre", rng.choice(THEMES), "", rng.choice(KINDS), title,
                    " ".join(rng.choice(WORDS) for _ in range(40)) + ".", "",
                    f"{commune}, Maison des associations {n}", f"{n % 200 + 1} rue de la République", "",
                    f"Organisateur : Association {n}", "Contact : 03 20 00 00 00",
                    f"Infos : {9 + n % 8} h à {12 + n % 8} h - gratuit sur inscription", ""]
        else:
            out += [f"  • {weekday} {day} novembre : {title.lower()} à {commune}, à l'initiative de "
                    f"l'association {n}, de {14 + n % 4}h à {17 + n % 4}h. "
                    + " ".join(rng.choice(WORDS) for _ in range(25)) + ".", ""]
    return "\n".join(out)


def synthetic_layouts(events: int, seed: int = 2) -> str:
    """A SYNTHETIC 2024 programme mixing the other layouts: agenda rows under day headers in capitals,
    « Commune — titre » lines with an organiser sentence, events told in sentences, entries written
    title first."""
    rng = random.Random(seed)
    out = ["SYNTHETIC PROGRAMME — MOIS DE L'ESS 2024", ""]
    for n in range(events):
        day = 1 + n % 30
        weekday = WEEKDAYS[(day + 3) % 7]
        commune = rng.choice(COMMUNES)
        title = " ".join(rng.choice(WORDS) for _ in range(4))
        kind = rng.choice(KINDS)
        layout = n % 6
        if layout == 0:
            row = f"{9 + n % 8}h-{12 + n % 8}h | {commune} | {kind} {title} | Association {n}"
            out += [f"{weekday.upper()} {day} NOVEMBRE", row,
                    f"📍 Maison des associations, {n % 200 + 1} rue de la République", "Gratuit, sur inscription", ""]
        elif layout == 1:
            out += [f"NOV. {day}", f"{commune} — {kind} « {title} »",
                    f"Organisé par l'association {n}, au Café {n}, {n % 90 + 1} rue de Paris. 18h30. Prix libre.", ""]
        elif layout == 2:
            out += [f"Le {day} novembre, l'association Les Amis {n} organise une {kind.lower()} sur {title} "
                    f"à {commune}, de {14 + n % 4} h à {17 + n % 4} h. " + " ".join(rng.choice(WORDS) for _ in range(20))
                    + ".", ""]
        elif layout == 3:
            out += [f"{kind} « {title} »", f"📅 {weekday.capitalize()} {day} novembre, {18 + n % 3}h",
                    f"Lieu : Salle {n}, {commune}", "Tarif : 5 €", ""]
        elif layout == 4:
            out += [f"{weekday.capitalize()} {day} novembre", f"{commune} | {9 + n % 8}h00 – {11 + n % 8}h00",
                    f"{kind} {title}", f"Lieu : Maison des associations, {n % 200 + 1} rue de la République",
                    f"Organisé par : Association {n}", "Entrée libre", ""]
        else:
            out += [f"À {commune}, la coopérative Coop {n} organise {weekday} {day} novembre une "
                    f"{kind.lower()} sur {title} ({18 + n % 3} h, Maison des associations). "
                    + " ".join(rng.choice(WORDS) for _ in range(15)) + ".", ""]
    return "\n".join(out)


def synthetic_tables(events: int, seed: int = 3) -> str:
    """A SYNTHETIC 2024 programme made of tables with a header row, half with pipes, half with « ; »."""
    rng = random.Random(seed)
    out = ["SYNTHETIC PROGRAMME — MOIS DE L'ESS 2024", ""]
    for block in range(0, events, 50):
        pipes = block % 100 == 0
        out += ["Date | Horaires | Événement | Lieu | Ville | Organisateur" if pipes else
                "Date;Heure;Intitulé;Salle;Commune;Structure"]
        for n in range(block, min(events, block + 50)):
            cells = [f"{1 + n % 30:02d}/11/2024", f"{9 + n % 8}h-{12 + n % 8}h",
                     f"{rng.choice(KINDS)} {' '.join(rng.choice(WORDS) for _ in range(3))}",
                     f"Salle {n}" if n % 5 else "", rng.choice(COMMUNES), f"Association {n}"]
            out.append((" | " if pipes else ";").join(cells))
        out.append("")
    return "\n".join(out)


def synthetic_one_day(events: int) -> str:
    """A SYNTHETIC list of `events` entries all on the same day, without a blank line: an agenda export
    that the merging of repeated events once read in pairs (time grew with the square of the entries)."""
    return "SYNTHETIC AGENDA 2024\n\n" + "\n".join(
        f"Mercredi 6 novembre 2024 – {KINDS[n % len(KINDS)]} numéro {n} à {COMMUNES[n % len(COMMUNES)]}"
        for n in range(events))


def synthetic_long_line(words: int, seed: int = 4) -> str:
    """A SYNTHETIC page whose line ends were lost: one dated entry, then `words` words on a single line,
    with quotes, brackets and dates among them (each once read in time growing with the square of the line)."""
    rng = random.Random(seed)
    pool = WORDS + COMMUNES + ["«", "»", "(", ")", "mardi 12 novembre", "le 14 novembre", "12/11", "59000 Lille"]
    return ("SYNTHETIC PAGE — Mois de l'ESS 2024\n\nMardi 12 novembre 2024\n18h Forum de l'ESS\n"
            + " ".join(rng.choice(pool) for _ in range(words)) + "\n")


def time_per_unit(make, counts: tuple, name: str, db: Path) -> tuple:
    """(seconds per unit at the smaller count, at the larger, their ratio) of reading `make(count)`: the ratio
    reads the same on a busy machine, 1 when the time grows as the count."""
    per_unit = []
    for count in counts:
        text = make(count).encode("utf-8")
        _, seconds = timed(lambda text=text: parse_bytes(text, name, db=db))
        per_unit.append(seconds / count)
    return per_unit[0], per_unit[1], per_unit[1] / per_unit[0]


def timed(function):
    start = time.perf_counter()
    value = function()
    return value, time.perf_counter() - start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("data/esscope.duckdb"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.duckdb"
        shutil.copyfile(args.db, db)
        small = synthetic_programme(40).encode("utf-8")
        result, seconds = timed(lambda: parse_bytes(small, "synthetic-40.txt", db=db))
        print(f"Programme de 40 événements ({len(small) / 1000:.0f} ko) : lecture {seconds:.2f} s, "
              f"{len(result.events)} événements")
        _, saved = timed(lambda: save_programme(db, result))
        print(f"  enregistrement dans la base : +{saved:.2f} s")
        # a printed programme page holds about 4 entries and 3,000 characters
        big = synthetic_programme(6100).encode("utf-8")
        pages = len(big) / 3000
        result, seconds = timed(lambda: parse_bytes(big, "synthetic-1000-pages.txt", db=db))
        print(f"{pages:.0f} pages de programme ({len(big) / 1e6:.1f} Mo) : lecture {seconds:.1f} s, "
              f"{len(result.events)} événements")
        _, saved = timed(lambda: save_programme(db, result))
        print(f"  enregistrement dans la base : +{saved:.2f} s")
        mixed = synthetic_layouts(4000).encode("utf-8")
        result, seconds = timed(lambda: parse_bytes(mixed, "synthetic-layouts.txt", db=db))
        print(f"{len(mixed) / 3000:.0f} pages d'autres mises en page (lignes d'agenda, récits, titre d'abord, « commune | horaires » ; "
              f"{len(mixed) / 1e6:.1f} Mo) : lecture {seconds:.1f} s, {len(result.events)} événements")
        tables = synthetic_tables(4000).encode("utf-8")
        result, seconds = timed(lambda: parse_bytes(tables, "synthetic-tables.txt", db=db))
        print(f"Tableaux à ligne d'en-tête, 4 000 lignes (« | » et « ; » ; {len(tables) / 1e6:.1f} Mo) : "
              f"lecture {seconds:.1f} s, {len(result.events)} événements")
        small, large, growth = time_per_unit(synthetic_one_day, (500, 4000), "synthetic-one-day.txt", db)
        print(f"Liste d'un seul jour : {small * 1000:.1f} ms par ligne pour 500 lignes, {large * 1000:.1f} ms pour "
              f"4 000, soit ×{growth:.1f} (×1 : le temps croît comme le nombre de lignes)")
        small, large, growth = time_per_unit(synthetic_long_line, (10_000, 80_000), "synthetic-long-line.txt", db)
        print(f"Une seule ligne de 10 000 mots : {small * 1e6:.0f} µs par mot ; de 80 000 mots : {large * 1e6:.0f} µs, "
              f"soit ×{growth:.1f} (×1 : le temps croît comme la longueur de la ligne)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
