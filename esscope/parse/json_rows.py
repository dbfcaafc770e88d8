"""An agenda exported as JSON in a layout of its own (a tourism office's, a town's): its events are the longest
list of objects in the file; each object is flattened into a row whose column names say what its fields say, so
that the table reader maps them as it maps a CSV export's header.

{"nom": {"fr": "Forum"}, "lieu": {"nom": "Salle", "commune": "Apt"}, "organisateur": {"nom": "X"},
"periodes": [{"debut": "2016-11-17", "horaires": "18h"}]} → {"nom": "Forum", "nom lieu": "Salle",
"commune": "Apt", "organisateur": "X", "debut": "2016-11-17", "horaires": "18h"}, one row per period.
"""

import re

_LANGUAGES = {"fr", "en", "de", "es", "it", "br", "oc", "eu", "co"}
_DEPTH = 6
_ISO_DAY = re.compile(r"^\d{4}-\d\d-\d\d")


def flat_rows(parsed) -> tuple:
    """(rows, columns) of the longest list of objects found in a parsed JSON document ([], [] when none)."""
    items = _longest_list(parsed, _DEPTH)
    rows = []
    for item in items:
        row, periods = _flattened(item)
        rows += [{**row, **period} for period in periods] if periods else [row]
    return rows, list(dict.fromkeys(key for row in rows for key in row))


def _longest_list(value, depth: int) -> list:
    found = [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []
    if depth and isinstance(value, (dict, list)):
        for child in value.values() if isinstance(value, dict) else value:
            deeper = _longest_list(child, depth - 1)
            if len(deeper) > len(found):
                found = deeper
    return found


def _flattened(item: dict) -> tuple:
    """(row, periods): the object's fields by name, and the rows of its first list of dated objects (its
    periods or sessions, each an event); other lists of objects (sessions struck out, links) are left out."""
    row, periods = {}, None
    for key, value in item.items():
        if isinstance(value, dict):
            single = _single(value)
            if single is not None:
                row[key] = single       # {"fr": "Forum"}, {"nom": "Association X"}: the value, named after its key
                continue
            for child, inner in value.items():
                if not isinstance(inner, (dict, list)):
                    # a child that says what the row says already (« nom » of « lieu »): named after both
                    row[child if child not in item and child not in row else f"{child} {key}"] = inner
        elif isinstance(value, list):
            objects = [v for v in value if isinstance(v, dict)]
            if objects and periods is None and any(_dated(o) for o in objects):
                periods = [{k: v for k, v in o.items() if not isinstance(v, (dict, list))} for o in objects]
            elif not objects:
                row[key] = ", ".join(str(v) for v in value if v not in (None, ""))
        else:
            row[key] = value
    return row, periods


def _single(value: dict):
    """The one text an object holds (« {"nom": "X"} »), or its French text (« {"fr": …, "en": …} »), else None."""
    scalars = {k: v for k, v in value.items() if not isinstance(v, (dict, list))}
    if len(scalars) != len(value) or not value:
        return None
    if set(value) <= _LANGUAGES:
        return value.get("fr") or next((v for v in value.values() if v), None)
    return next(iter(value.values())) if len(value) == 1 else None


def _dated(item: dict) -> bool:
    return any(isinstance(v, str) and _ISO_DAY.match(v) for v in item.values())
