"""A site's or an application's data file in YAML (a static site's « evenements.yaml »): read by PyYAML's safe
loader, then its longest list of objects flattened into rows as a JSON export's is (`json_rows`). A row that
says it is not shown — a draft (« statut: brouillon »), an internal item (« interne: true »), one the file says
to hide — is no event. Anchors and aliases are resolved by the loader; the rows they would multiply are
counted before they are made, within the programme's bounds."""

import re

import yaml

from ..errors import UserError
from ..limits import PROGRAMME_CELLS
from .json_rows import flat_rows

# « clé: valeur », « - id: copil-3 »: a line of a YAML mapping or of a list of mappings
# (no space before the colon: « Lieu : Salle des fêtes » is a French label, not a key)
_KEY_LINE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:(?:\s|$)")
_ITEM_LINE = re.compile(r"^\s*-\s+[A-Za-z_][\w-]*:(?:\s|$)")
_HIDDEN = re.compile(r"^\W*(?:brouillon|draft|masqu[ée]|cach[ée]|priv[ée]|interne)\b", re.IGNORECASE)
_TRUE = {"true", "oui", "yes", "1"}


def looks_like_yaml(text: str) -> bool:
    """True for a YAML data file: most of its written lines are keys, several open items of a list of mappings."""
    lines = [line for line in text.split("\n")[:400] if line.strip() and not line.lstrip().startswith("#")]
    keys = sum(bool(_KEY_LINE.match(line)) for line in lines)
    return len(lines) >= 8 and keys >= 0.6 * len(lines) and sum(bool(_ITEM_LINE.match(line)) for line in lines) >= 3


def yaml_rows(text: str, what: str) -> tuple:
    """(rows, columns) of a YAML data file's events, hidden rows left out; a clear message when it is malformed."""
    try:
        parsed = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (ligne {mark.line + 1}, colonne {mark.column + 1})" if mark else ""
        raise UserError(f"{what} est un fichier YAML mal formé{where} : vérifiez le fichier, ou exportez le "
                        "programme en CSV ou en JSON.") from exc
    except RecursionError as exc:
        raise UserError(f"{what} imbrique trop de niveaux pour être un programme : vérifiez le fichier.") from exc
    PROGRAMME_CELLS.check(_size(parsed, PROGRAMME_CELLS.limit + 1), what)
    rows, columns = flat_rows(parsed)
    shown = [row for row in rows if not _hidden(row)]
    return shown, [c for c in columns if any(c in row for row in shown)]


def _hidden(row: dict) -> bool:
    """A row the file says is not shown: a draft, an internal item."""
    status = str(row.get("statut") or row.get("status") or row.get("etat") or "")
    return bool(_HIDDEN.match(status)) or any(str(row.get(key)).strip().lower() in _TRUE
                                             for key in ("interne", "internal", "prive", "private", "masque", "hidden"))


def _size(value, budget: int) -> int:
    """How many values `value` holds, aliases counted each time they are used, counting no further than `budget`."""
    count, stack = 0, [value]
    while stack and count < budget:
        item = stack.pop()
        count += 1
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count
