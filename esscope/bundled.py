"""Events of real programmes bundled with esscope (facts only: dates, times, titles, places, organisers).

`data/programmes/*.csv` each hold one programme: a header of `# key: value` lines naming the
document, its edition, région, checksum and source id, then one row per event with the ids
`esscope ingest` gives, so that ingesting the document itself later adds no duplicate. They are
written by `python -m esscope.bundled PROGRAMME [--edition YEAR] [--region CODE]` from the parser's
output, without descriptions, contacts or any sentence of the source.
"""

import argparse
import csv
import io
import sys
from pathlib import Path

from .paths import DATA_DIR

FOLDER = "programmes"
COLUMNS = ("id", "position", "start_date", "end_date", "start_time", "end_time", "title", "theme", "kind", "venue",
           "address", "commune_code", "commune_name", "online", "organizer", "co_organizers", "price",
           "confidence", "warnings")
LIST_SEPARATOR = " | "
NOTE = "Faits relevés dans un programme réel (dates, lieux, organisateurs), vérifiés contre sa référence annotée"


def load_bundled_events(con, data_dir=DATA_DIR, log=print) -> int:
    """Insert every bundled programme as a source with its events; returns the number of events."""
    from .build import save_source
    total = 0
    for path in sorted((Path(data_dir) / FOLDER).glob("*.csv")):
        header, rows = read_bundle(path.read_text(encoding="utf-8"))
        log(f"Programme fourni : {header['document']} ({len(rows)} événements)…")
        save_source(con, kind="programme", name=header["document"], fmt=header.get("format", "text"), raw=b"",
                    rows=len(rows), edition=int(header["edition"]), region_code=header.get("region") or None,
                    note=NOTE, source_id=header["source_id"])
        con.execute("UPDATE sources SET sha256 = ? WHERE id = ?", [header["sha256"], header["source_id"]])
        con.executemany(
            "INSERT INTO events (id, source_id, position, edition, region_code, start_date, end_date, start_time, "
            "end_time, title, theme, kind, venue, address, commune_code, commune_name, online, organizer, "
            "co_organizers, price, confidence, warnings) VALUES (" + ", ".join("?" * 22) + ")",
            [_event_row(row, header) for row in rows])
        total += len(rows)
    return total


def read_bundle(text: str) -> tuple:
    """(header, rows) of a bundled programme file."""
    header, body = {}, []
    for line in text.splitlines(keepends=True):
        if line.startswith("#") and not body:
            key, _, value = line[1:].partition(":")
            header[key.strip()] = value.strip()
        else:
            body.append(line)
    rows = list(csv.DictReader(io.StringIO("".join(body))))
    return header, rows


def _event_row(row: dict, header: dict) -> list:
    def value(name):
        return row.get(name) or None

    def listed(name):
        return [v for v in (row.get(name) or "").split(LIST_SEPARATOR) if v]

    return [row["id"], header["source_id"], int(row["position"]), int(header["edition"]),
            header.get("region") or None, value("start_date"), value("end_date"), value("start_time"),
            value("end_time"), row["title"], value("theme"), value("kind"), value("venue"), value("address"),
            value("commune_code"), value("commune_name"), row.get("online") == "true", value("organizer"),
            listed("co_organizers"), value("price"), float(row.get("confidence") or 1), listed("warnings")]


def write_bundle(result) -> str:
    """The bundled-programme file of a parse result (an `esscope.importing.ParseResult`)."""
    out = io.StringIO()
    for key, value in (("document", result.filename), ("format", result.format), ("edition", result.edition),
                       ("region", result.region or ""), ("sha256", result.sha256), ("source_id", result.source_id),
                       ("note", NOTE)):
        out.write(f"# {key}: {value}\n")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in result.events_as_dicts():
        row = {k: event.get(k) for k in COLUMNS}
        row["online"] = "true" if event["online"] else "false"
        row["co_organizers"] = LIST_SEPARATOR.join(event["co_organizers"])
        row["warnings"] = LIST_SEPARATOR.join(event["warnings"])
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return out.getvalue()


def main(argv=None) -> int:
    """Write data/programmes/NAME.csv from a real programme (run by a maintainer, not by the build)."""
    from .importing import parse_file
    parser = argparse.ArgumentParser(prog="python -m esscope.bundled", description=main.__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--edition", type=int)
    parser.add_argument("--region")
    parser.add_argument("--db", type=Path, default=Path("data/esscope.duckdb"))
    parser.add_argument("--data", type=Path, default=DATA_DIR)
    args = parser.parse_args(argv)
    result = parse_file(args.file, edition=args.edition, region=args.region, db=args.db)
    target = args.data / FOLDER / (args.file.stem + ".csv")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(write_bundle(result), encoding="utf-8")
    print(f"{target} : {len(result.events)} événements")
    return 0


if __name__ == "__main__":
    sys.exit(main())
