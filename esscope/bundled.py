"""Events of real programmes bundled with esscope (facts only: dates, times, titles, places, organisers).

`data/programmes/*.csv` each hold one programme: a header of `# key: value` lines naming the
document, its edition, région, checksum and source id, then one row per event with the ids
`esscope ingest` gives, so that ingesting the document itself later adds no duplicate. They are
written by `esscope bundle PROGRAMME [--edition YEAR] [--region CODE]` from the parser's output,
without descriptions, contacts or any sentence of the source, and loaded by `esscope build`.
"""

import csv
import io

FOLDER = "programmes"
COLUMNS = ("id", "position", "start_date", "end_date", "start_time", "end_time", "title", "theme", "kind", "venue",
           "address", "commune_code", "commune_name", "online", "organizer", "co_organizers", "price",
           "confidence", "warnings")
LIST_SEPARATOR = " | "
NOTE = "Faits relevés dans un programme réel (dates, lieux, organisateurs), vérifiés contre sa référence annotée"


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


def event_row(row: dict, header: dict) -> tuple:
    """A bundled event as the store keeps it (a tuple in `store.EVENT_COLUMNS` order)."""
    def value(name):
        return row.get(name) or None

    def listed(name):
        return [v for v in (row.get(name) or "").split(LIST_SEPARATOR) if v]

    return (row["id"], header["source_id"], int(row["position"]), int(header["edition"]),
            header.get("region") or None, value("start_date"), value("end_date"), value("start_time"),
            value("end_time"), row["title"], None, value("theme"), value("kind"), value("venue"), value("address"),
            value("commune_code"), value("commune_name"), row.get("online") == "true", value("organizer"),
            listed("co_organizers"), None, value("price"), None, float(row.get("confidence") or 1), listed("warnings"))


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
