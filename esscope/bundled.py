"""Events of real programmes bundled with esscope (facts only: dates, times, titles, places, organisers).

`data/programmes/*.csv` each hold one programme: a header of `# key: value` lines naming the
document, its edition, région, checksum and source id, then one row per event with the ids
`esscope ingest` gives, so that ingesting the document itself later adds no duplicate. They are
written by `esscope bundle PROGRAMME [--edition YEAR] [--region CODE]` from the parser's output,
without descriptions, contacts or any sentence of the source, and loaded by `esscope build`.
"""

import csv
import io

from .parse.model import event_fields

FOLDER = "programmes"
FACTS = {f.name: f.metadata["kind"] for f in event_fields() if f.metadata["fact"]}
COLUMNS = ("id", *FACTS)
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


def event_row(row: dict, header: dict) -> dict:
    """A bundled event as the store keeps it (a dict of `store.EVENT_COLUMNS`; what is not a fact is None)."""
    event = {"id": row["id"], "source_id": header["source_id"], "edition": int(header["edition"]),
             "region_code": header.get("region") or None}
    return event | {f.name: _from_text(row.get(f.name) or "", f.metadata["kind"]) if f.name in FACTS else None
                    for f in event_fields()}


def _from_text(text: str, kind: str):
    if kind == "bool":
        return text == "true"
    if kind == "list":
        return [v for v in text.split(LIST_SEPARATOR) if v]
    if kind == "int":
        return int(text or 0)
    if kind == "real":
        return float(text or 1)
    return text or None


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
