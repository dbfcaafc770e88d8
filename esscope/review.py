"""Reviewing a programme read before it is saved (the Import page): its events as an editable table,
the reader's doubts first, and back; the places a person still has to situate; the figures it cites.

Pure functions over DataFrames: tested without Streamlit.
"""

import pandas as pd

from .parse.model import EVENT_FIELDS, event_fields

# The fields a person may correct, in the table's order, and the table's French headings.
EDIT_COLUMNS = [f.name for f in event_fields() if f.metadata["editable"]]
LABELS = {"include": "Garder"} | {f.name: f.metadata["label"] for f in event_fields()} | {
    "confidence": "Confiance", "warnings": "À vérifier"}
SHOWN_COLUMNS = ["include", "confidence", "warnings"] + EDIT_COLUMNS
WARNING_SEPARATOR = " ; "
LOW_CONFIDENCE = 0.6
MAX_PLACES = 15
FIGURE_COLUMNS = ["keep", "indicator", "value", "qualifier", "territory_level", "territory_code", "territory_name",
                  "year", "scope", "source_url", "note", "text"]


def review_table(events: list) -> pd.DataFrame:
    """The events read (`ParseResult.events_as_dicts()`) as rows to review: the least sure first (by
    confidence, then in the document's order), each with why the reader doubts it in `warnings`
    (« date déduite ; commune ambiguë »), all kept (`include`) until a person unticks one."""
    frame = pd.DataFrame(events, columns=[*EVENT_FIELDS, "id"]).sort_values(["confidence", "position"], kind="stable")
    frame.insert(0, "include", True)
    frame["warnings"] = [WARNING_SEPARATOR.join(w) if isinstance(w, list) else (w or "") for w in frame["warnings"]]
    return frame


def for_editor(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as the review grid shows it: a missing text is an empty cell, not the grid's « None »."""
    text = frame.select_dtypes(["object", "str"]).columns
    return frame.assign(**{c: frame[c].where(frame[c].notna(), "") for c in text})


def from_editor(edited: pd.DataFrame) -> pd.DataFrame:
    """The grid's frame back with its empty texts missing again (as `for_editor` found them)."""
    text = edited.select_dtypes(["object", "str"]).columns
    return edited.assign(**{c: edited[c].where(edited[c] != "", None) for c in text})


def low_confidence(table: pd.DataFrame) -> int:
    """How many events were read with a low confidence."""
    return int((table["confidence"].fillna(1) < LOW_CONFIDENCE).sum())


def reviewed_events(table: pd.DataFrame, edited: pd.DataFrame) -> list:
    """The events kept after review, as dicts for `importing.save_programme`: the columns a person
    could edit taken from `edited` (the table as the editor gives it back), the others from `table`."""
    kept = edited[edited["include"]]
    rows = table.loc[kept.index].copy()
    rows[EDIT_COLUMNS] = kept[EDIT_COLUMNS]
    records = []
    for r in rows.drop(columns=["include"]).to_dict("records"):
        r["warnings"] = [w for w in (r.get("warnings") or "").split(WARNING_SEPARATOR) if w]
        r["co_organizers"] = r.get("co_organizers") if isinstance(r.get("co_organizers"), list) else []
        records.append({k: (None if not isinstance(v, list) and pd.isna(v) else v) for k, v in r.items()})
    return records


def places_to_locate(edited: pd.DataFrame) -> list:
    """The places of kept, on-site events with no known commune, each once (venue, commune_name,
    address, and `name`: the venue, else the commune as read), at most MAX_PLACES."""
    unknown = edited[edited["include"] & edited["commune_code"].isna() & ~edited["online"].fillna(False).astype(bool)]
    places = unknown[["venue", "commune_name", "address"]].fillna("").drop_duplicates()
    places = places[(places["venue"] != "") | (places["commune_name"] != "")].head(MAX_PLACES)
    return [dict(place, name=place["venue"] or place["commune_name"]) for place in places.to_dict("records")]


def commune_options(found: pd.DataFrame) -> dict:
    """INSEE code → label of the communes among territories found (`territory.search_territories`)."""
    communes = found[found["level"] == "commune"]
    return dict(zip(communes["code"], communes["label"]))


def place_located(table: pd.DataFrame, place: dict, commune_code: str) -> pd.DataFrame:
    """The table with the commune a person chose for a place (from `places_to_locate`) given to its events."""
    table = table.copy()
    same = (table["venue"].fillna("") == place["venue"]) & (table["commune_name"].fillna("") == place["commune_name"])
    table.loc[same, "commune_code"] = commune_code
    return table


def figures_table(figures: list) -> pd.DataFrame:
    """The figures a programme cites (`ParseResult.figures`) as rows to review, none kept until a person
    ticks it; scope and source to fill in (the document is the source when none is given)."""
    frame = pd.DataFrame(figures, columns=[c for c in FIGURE_COLUMNS if c not in ("keep", "scope", "source_url")])
    frame.insert(0, "keep", False)
    frame["scope"], frame["source_url"] = "", ""
    return frame[FIGURE_COLUMNS]


def kept_figures(edited: pd.DataFrame) -> list:
    """The figures ticked in the review, as dicts for `importing.save_figures`."""
    return edited[edited["keep"]].drop(columns=["keep"]).to_dict("records")
