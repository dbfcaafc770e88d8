"""Text from documents shown through Streamlit markdown stays inert."""

import re

from esscope.webapp import md_escape, md_link, to_url_text


def test_md_escape_makes_markdown_and_links_inert():
    text = md_escape("**gras** [lien](javascript:alert(1)) ![img](x) <b>x</b> `code` $x$ # titre")
    assert re.search(r"(?<!\\)[*\[\]()`<>$#!_]", text) is None      # every markdown sign is escaped
    assert "\\*\\*gras\\*\\*" in text and "\\[lien\\]\\(javascript\\:alert\\(1\\)\\)" in text
    assert md_escape(None) == "" and md_escape("ligne\nsuivante") == "ligne suivante"


def test_md_link_only_links_web_addresses():
    assert md_link("source", "https://ex.org/a b(c)") == "[source](https://ex.org/a%20b%28c%29)"
    assert md_link("source", "javascript:alert(1)") == "javascript\\:alert\\(1\\)"
    assert md_link("source", "programme Mois de l'ESS 2017") == "programme Mois de l\\'ESS 2017"


def test_url_text_of_dates_and_booleans():
    import datetime as dt
    assert to_url_text(dt.date(2017, 11, 7)) == "2017-11-07" and to_url_text(True) == "oui"

