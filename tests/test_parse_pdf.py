"""PDF brochures: text read column by column, running headers and footers dropped, scans refused."""

import pytest

from esscope.errors import UserError
from esscope.parse.pdf import pdf_text


def make_pdf(pages, width=595, height=842) -> bytes:
    """A small PDF written by hand: `pages` is a list of pages, each a list of (x, y, size, text)
    drawn in Helvetica; a page given as None has no text at all (a drawing, like a scan)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None,
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for page in pages:
        if page is None:
            stream = "0.5 g 40 40 500 700 re f"
        else:
            stream = "\n".join(
                f"BT /F1 {size} Tf {x} {y} Td ({_escape(text)}) Tj ET" for x, y, size, text in page)
        data = stream.encode("cp1252")
        objects.append(f"<< /Length {len(data)} >>\nstream\n".encode("latin-1") + data + b"\nendstream")
        content = len(objects)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content} 0 R >>")
        kids.append(len(objects))
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, obj in enumerate(objects, 1):
        offsets.append(len(out))
        body = obj if isinstance(obj, bytes) else obj.encode("latin-1")
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def column(x, top, lines, size=10, step=14):
    return [(x, top - i * step, size, line) for i, line in enumerate(lines) if line]


LEFT_1 = ["Mardi 5 novembre", "Atelier", "REPARER SON VELO", "Quimper, Maison des associations",
          "Organisateur : Cyclo'Ess", "", "", "Jeudi 7 novembre", "Conférence", "LA MONNAIE LOCALE",
          "Brest, Le Quartz", "Organisateur : Heol"]
RIGHT_1 = ["Samedi 9 novembre", "Portes ouvertes", "LA RECYCLERIE DU PORT", "Lorient, 12 rue du Port",
           "Organisateur : Emmaüs", "", "", "Lundi 11 novembre", "Rencontre", "ENTREPRENDRE AUTREMENT",
           "Vannes, Hôtel de ville", "Organisateur : CAE 56"]
LEFT_2 = ["Mardi 12 novembre", "Formation", "GERER UNE ASSOCIATION", "Morlaix, La Virgule",
          "Organisateur : Ligue 29"]
RIGHT_2 = ["Vendredi 15 novembre", "Projection", "LE GRAND PARTAGE", "Rennes, Cinéma Arvor",
           "Organisateur : Résess"]


def _brochure():
    def page(left, right, number):
        return (column(50, 760, ["MOIS DE L'ESS 2019 EN BRETAGNE"], size=9)
                + column(50, 700, left) + column(320, 700, right)
                + column(50, 40, [f"INFOS & INSCRIPTION - lemois-ess.example - page {number}"], size=8))
    return make_pdf([page(LEFT_1, RIGHT_1, 1), page(LEFT_2, RIGHT_2, 2), page(["Mercredi 20 novembre",
                     "Atelier", "CUISINE ANTI-GASPI", "Saint-Brieuc, Le Pari", "Organisateur : Epi"], [], 3)])


def test_two_column_page_is_read_one_column_after_the_other():
    text = pdf_text(_brochure())
    order = [text.index(t) for t in ("REPARER SON VELO", "LA MONNAIE LOCALE", "LA RECYCLERIE DU PORT",
                                     "ENTREPRENDRE AUTREMENT", "GERER UNE ASSOCIATION", "LE GRAND PARTAGE")]
    assert order == sorted(order)


def test_running_headers_and_footers_of_every_page_are_dropped():
    text = pdf_text(_brochure())
    assert "INFOS & INSCRIPTION" not in text
    assert "MOIS DE L'ESS 2019 EN BRETAGNE" not in text
    assert "Cinéma Arvor" in text


def test_pdf_brochure_gives_its_events_with_communes(read):
    result = read(_brochure(), "bretagne-2019.pdf")
    assert result.format == "pdf"
    found = {e.title: (e.start_date, e.commune_name, e.organizer) for e in result.events}
    assert found["La recyclerie du Port"] == ("2019-11-09", "Lorient", "Emmaüs")
    assert found["Le grand partage"] == ("2019-11-15", "Rennes", "Résess")
    assert len(result.events) == 7
    assert result.region == "53"


def test_scanned_pdf_without_text_layer_is_refused_with_ocr_advice():
    with pytest.raises(UserError, match="OCR"):
        pdf_text(make_pdf([None, None]))


def test_broken_pdf_gets_a_clear_message():
    with pytest.raises(UserError, match="PDF"):
        pdf_text(b"%PDF-1.4\n garbage garbage")
