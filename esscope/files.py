"""The files people give, read within bounds: the encoding of a text file told or refused, an XLSX
workbook opened only once its archive is known to unpack to a sane size, its sheets read row by
row without trusting what they declare.

Programmes and figures files both come through here, each with its own bounds (`limits`).
"""

import io
import zipfile
from collections.abc import Iterator

from .errors import UserError
from .limits import XLSX_SHARED_STRINGS, XLSX_UNPACKED, Bound, LimitError

# Characters a French (or Western European) text in Windows-1252 is made of beyond ASCII. Text in
# another encoding read as Windows-1252 (Shift-JIS, Big5, KOI8…) is mostly made of other ones.
_FRENCH = set("àâäáçéèêëîïíìôöóòùûüúÿñæœÀÂÄÁÇÉÈÊËÎÏÍÔÖÓÙÛÜÚŸÑÆŒ«»‘’“”–—…€°•·²ºª\u00a0")
_ODD_SHARE, _ODD_MIN = 0.3, 3


def decode(data: bytes, what: str = "Le fichier") -> tuple:
    """(text, encoding) of a text file: UTF-8 (with or without BOM), UTF-16 (with or without BOM) or
    Windows-1252. Anything else (Shift-JIS, bytes no encoding of French text uses) is refused with a
    UserError rather than read as garbage. A slice cut inside a character is read up to that character."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _utf8(data[3:]), "utf-8-sig"
    utf16 = _utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace").lstrip("\ufeff"), utf16
    try:
        return _utf8(data), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise _not_french(what) from None
    others = [ch for ch in text if ord(ch) > 127]
    odd = sum(1 for ch in others if ch not in _FRENCH)
    if odd >= _ODD_MIN and odd > _ODD_SHARE * len(others):
        raise _not_french(what)
    return text, "cp1252"


def _utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            return data[:exc.start].decode("utf-8")
        raise


def _utf16(data: bytes) -> str | None:
    """'utf-16' with a BOM, 'utf-16-le'/'utf-16-be' when every other byte of the start is NUL
    (text in Latin letters saved as « Unicode » without a BOM), else None."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:4096]
    pairs = len(head) // 2
    if pairs < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > 0.6 * pairs and even < 0.05 * pairs:
        return "utf-16-le"
    if even > 0.6 * pairs and odd < 0.05 * pairs:
        return "utf-16-be"
    return None


def _not_french(what: str) -> UserError:
    return UserError(f"{what} n'est écrit ni en UTF-8 ni en Windows-1252 (il contient des caractères qui ne "
                     "sont pas du français : un autre encodage, japonais ou cyrillique par exemple) : ouvrez-le "
                     "et enregistrez-le en « UTF-8 », puis réimportez-le.")


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read (NUL bytes, many control characters)."""
    head = data[:65536]
    if not head or _utf16(head):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(head) > 0.02


# ------------------------------------------------------------------ XLSX

def open_workbook(source, what: str = "Ce classeur", unpacked: Bound | None = None):
    """An XLSX workbook (bytes or a path) opened read-only, its sheets streaming from the archive, once
    the archive is known to unpack to no more than `unpacked`: a few kilobytes of ZIP may declare
    gigabytes."""
    source = io.BytesIO(source) if isinstance(source, bytes | bytearray) else source
    try:
        with zipfile.ZipFile(source) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise UserError(f"{what} n'est pas un classeur XLSX lisible (archive abîmée) : ouvrez-le et "
                        "réenregistrez-le en XLSX, ou exportez-le en CSV.") from exc
    # zipfile never unpacks more than a member declares: checking the declared sizes is enough
    (unpacked or XLSX_UNPACKED).check_bytes(sum(m.file_size for m in members), f"{what}, une fois décompressé,")
    for member in members:
        if member.filename.lower().endswith("sharedstrings.xml"):
            XLSX_SHARED_STRINGS.check_bytes(member.file_size, f"{what} (ses textes partagés)")
    from openpyxl import load_workbook  # about 0.3 s to import: only when a workbook is read
    try:
        return load_workbook(source, read_only=True, data_only=True)
    except LimitError:
        raise
    except Exception as exc:    # openpyxl raises anything from KeyError to XML syntax errors
        raise UserError(f"{what} est un classeur XLSX illisible : ouvrez-le et réenregistrez-le en XLSX, ou "
                        "exportez-le en CSV.") from exc


def column_names(header) -> list:
    """The names of a sheet's columns from its header row: text, stripped, « colonne 3 » for an empty cell."""
    return [str(c).strip() if c is not None else f"colonne {i + 1}" for i, c in enumerate(header)]


def sheet_rows(sheet, rows: Bound, columns: Bound, cells: Bound | None, what: str) -> Iterator[tuple]:
    """The rows of a read-only sheet that hold something, trailing empty cells dropped, stopping with a
    LimitError as soon as the sheet declares or holds more rows, columns or cells than the bounds.

    A sheet's declared dimension (« A1:XFD1048576 ») is checked first, then set aside: openpyxl would
    pad every row to it. Each row then costs at most the width of its last cell (16,384 at most, one
    row at a time) and is checked at once."""
    name = f"{what} (feuille « {sheet.title} »)"
    if sheet.max_row and sheet.max_column:
        declared = f"{name}, d'après sa dimension déclarée,"
        columns.check(sheet.max_column - sheet.min_column + 1, declared)
        rows.check(sheet.max_row - sheet.min_row, declared)
    sheet.reset_dimensions()
    kept = total = 0
    try:
        for row in sheet.iter_rows(values_only=True):
            last = len(row)
            while last and row[last - 1] is None:
                last -= 1
            if not last:
                continue
            columns.check(last, name)
            kept += 1
            rows.check(kept - 1, name)          # the first row is the header
            total += last
            if cells:
                cells.check(total, name)
            yield row[:last]
    except LimitError:
        raise
    except Exception as exc:    # malformed XML or values, in openpyxl's words (English)
        raise UserError(f"{name} est illisible après {kept} ligne(s) : ouvrez le classeur et réenregistrez-le "
                        "en XLSX, ou exportez-le en CSV.") from exc
