"""PDF brochures → text in reading order.

pypdf gives each piece of text with its position. Pieces are gathered into lines; a page laid out
in columns is read column by column (a column boundary is a vertical strip no line crosses); lines
repeated at the top or bottom of most pages (running headers, footers, page numbers) are dropped.
A PDF with no text layer (a scan) is refused with a message that suggests OCR.
"""

import io
import itertools
import logging
import re
from collections import Counter
from dataclasses import dataclass

from ..errors import UserError
from ..limits import PDF_PAGES, TEXT_CHARS

# pypdf tells on stderr, in English, what it repaired (« EOF marker not found »); a PDF it cannot
# read gets our own message instead.
logging.getLogger("pypdf").setLevel(logging.CRITICAL)


@dataclass
class Piece:
    x: float
    y: float
    text: str
    size: float
    width: float


def pdf_pages(data: bytes) -> tuple:
    """(per page its text in reading order, the running headers and footers taken out of them)."""
    # pypdf takes about 0.15 s to import: only when a PDF is read
    from pypdf import PdfReader
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as exc:
                raise UserError("Ce PDF est protégé par un mot de passe : enregistrez-en une copie sans "
                                "protection, puis réimportez-la.") from exc
        PDF_PAGES.check(len(reader.pages), "Ce PDF")
        budget = _Budget()
        pages = [(_pieces(page, budget), float(page.mediabox.width), float(page.mediabox.height))
                 for page in reader.pages]
    except UserError:
        raise
    except Exception as exc:    # pypdf's errors on a damaged file are many, and in English
        raise UserError("Ce PDF est illisible (fichier abîmé ou incomplet) : ouvrez-le et réenregistrez-le, ou "
                        "exportez le programme en texte.") from exc
    laid = [_lay_out(pieces, width, height) for pieces, width, height in pages]
    text_chars = sum(len(line.text) for page in laid for line in page)
    if text_chars < 20 * max(1, len(laid)) // 4:
        raise UserError("Ce PDF n'a pas de texte (c'est une image scannée) : passez-le d'abord par une "
                        "reconnaissance de caractères (OCR, par exemple « ocrmypdf »), puis réimportez-le.")
    return _drop_running_lines(laid)


class _Budget:
    """Characters extracted so far, checked against TEXT_CHARS as they come (a page may hold megabytes)."""

    def __init__(self):
        self.chars = 0

    def spend(self, n: int) -> None:
        self.chars += n
        TEXT_CHARS.check(self.chars, "Le texte de ce PDF")


def pdf_text(data: bytes) -> str:
    """The whole text of a PDF, pages separated by blank lines."""
    return "\n\n".join(pdf_pages(data)[0])


def pdf_document(data: bytes) -> tuple:
    """(text, running lines): the running lines are no content but may name the edition."""
    pages, running = pdf_pages(data)
    return "\n\n".join(pages), "\n".join(running)


def _pieces(page, budget: _Budget) -> list:
    pieces = []

    def visit(text, cm, tm, font, size):
        if not text or not text.strip("\n"):
            return
        budget.spend(len(text))
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        height = (size or 10) * (abs(tm[3] * cm[3]) or 1)
        for k, part in enumerate(text.split("\n")):
            if part.strip():
                # pypdf gives no glyph widths here: half the font size per character is close for text fonts
                pieces.append(Piece(x, y - k * height, part, height, len(part) * height * 0.5))

    page.extract_text(visitor_text=visit)
    return pieces


@dataclass
class PdfLine:
    x0: float
    x1: float
    y: float
    size: float
    text: str


def _lay_out(pieces: list, width: float, height: float) -> list:
    """Lines of a page in reading order, split into columns where a vertical gap runs through it."""
    rows = {}
    for piece in sorted(pieces, key=lambda p: (-p.y, p.x)):
        key = next((k for k in rows if abs(k - piece.y) <= max(1.5, piece.size * 0.35)), piece.y)
        rows.setdefault(key, []).append(piece)
    lines = []
    for y, row in rows.items():
        row.sort(key=lambda p: p.x)
        for chunk in _split_row(row):
            text, prev_end = "", chunk[0].x
            for piece in chunk:
                if text and piece.x > prev_end + piece.size * 0.15 and not text.endswith(" "):
                    text += " "
                text += piece.text
                prev_end = piece.x + piece.width
            lines.append(PdfLine(chunk[0].x, prev_end, y, max(p.size for p in chunk), text.strip()))
    columns = _columns(lines, width)
    ordered = []
    for lo, hi in columns:
        column = sorted((line for line in lines if lo <= line.x0 < hi), key=lambda line: -line.y)
        ordered.extend(_paragraphs(column))
    for line in ordered:
        line.y = line.y / height if height else 0
    return ordered


def _split_row(row: list) -> list:
    """Pieces of one row, cut where a wide gap shows they belong to different columns."""
    chunks, current = [], [row[0]]
    for prev, piece in itertools.pairwise(row):
        if piece.x - (prev.x + prev.width) > max(18.0, prev.size * 2.5):
            chunks.append(current)
            current = []
        current.append(piece)
    chunks.append(current)
    return chunks


def _columns(lines: list, width: float) -> list:
    """Column bounds: the gutters are vertical strips that no (not page-wide) line crosses."""
    narrow = [line for line in lines if line.x1 - line.x0 < width * 0.6]
    if len(narrow) < 6:
        return [(float("-inf"), float("inf"))]
    step = 4.0
    cells = int(width / step) + 2
    covered = [0] * cells
    for line in narrow:
        for c in range(max(0, int(line.x0 / step)), min(cells, int(line.x1 / step) + 1)):
            covered[c] += 1
    starts = Counter(int(line.x0 / step) for line in narrow)
    bounds, c = [], 0
    while c < cells:
        if covered[c] == 0:
            gap_start = c
            while c < cells and covered[c] == 0:
                c += 1
            left = sum(n for k, n in starts.items() if k < gap_start)
            right = sum(n for k, n in starts.items() if k >= c)
            if c - gap_start >= 3 and left >= 3 and right >= 3:
                bounds.append(c * step)
        c += 1
    edges = [float("-inf")] + bounds + [float("inf")]
    return list(itertools.pairwise(edges))


def _paragraphs(column: list) -> list:
    """A column's lines with a blank line where the vertical gap shows a new paragraph."""
    out, prev = [], None
    for line in column:
        if prev and prev.y - line.y > max(prev.size, line.size) * 1.9:
            out.append(PdfLine(line.x0, line.x0, (prev.y + line.y) / 2, line.size, ""))
        out.append(line)
        prev = line
    return out


def _drop_running_lines(pages: list) -> tuple:
    """(text of each page without the lines repeated at its top or bottom on most pages, those lines)."""
    def key(text):
        return re.sub(r"\d+", "#", text.strip().lower())

    if len(pages) >= 3:
        edge_keys = Counter()
        for page in pages:
            edge_keys.update({key(line.text) for line in page if line.text and (line.y > 0.88 or line.y < 0.12)})
        running = {k for k, n in edge_keys.items() if n >= max(2, len(pages) * 0.5)}
    else:
        running = set()
    out, dropped = [], []
    for page in pages:
        kept = []
        for line in page:
            if line.text and (line.y > 0.88 or line.y < 0.12) and key(line.text) in running:
                if line.text not in dropped:
                    dropped.append(line.text)
            else:
                kept.append(line.text)
        out.append("\n".join(kept))
    return out, dropped
