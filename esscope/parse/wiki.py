"""A wiki page saved as its source (MediaWiki's wikitext) → the text a reader of the page sees: headings on
their own lines, links as their labels, a table's rows as cells joined by « | », short templates written
out (« {{date|3|novembre|2014}} » → « 3 novembre 2014 », « {{Annulé}} » → « Annulé »), struck-out text kept
as struck (« ~~…~~ »), references, comments, infoboxes and categories dropped. The parsing is
mwparserfromhell's."""

import re

import mwparserfromhell
from mwparserfromhell.nodes import Comment, ExternalLink, Heading, HTMLEntity, Tag, Template, Text, Wikilink

# marks of wikitext, of which a page holds several kinds: « == Titre == », « {| », « |- », « [[ », « {{ », « ''' »
_MARKS = [re.compile(p, re.MULTILINE) for p in (r"^=={1,4}[^=\n]+={2,5}\s*$", r"^\{\|", r"^\|-", r"\[\[[^\]\n]+\]\]",
                                                r"\{\{[^}\n]+\}\}", r"'''[^'\n]+'''")]
_FEWEST_MARKS = 3
_HIDDEN_LINKS = re.compile(r"^\s*:?\s*(?:cat[ée]gorie|category|fichier|file|image|media)\s*:", re.IGNORECASE)
_DROPPED_TAGS = {"ref", "references", "gallery", "nowiki", "math", "syntaxhighlight", "source", "templatedata"}
_STRUCK_TAGS = {"s", "del", "strike"}


# a wiki page's source is some tens of thousands of characters; a longer text is read as plain text
LONGEST_PAGE = 1_000_000


def looks_like_wikitext(text: str) -> bool:
    """True for a page's wikitext: at least three kinds of its marks in its first 20,000 characters."""
    head = text[:20_000]
    return len(text) <= LONGEST_PAGE and sum(bool(mark.search(head)) for mark in _MARKS) >= _FEWEST_MARKS


def wikitext_to_text(text: str) -> str:
    """The page as its reader sees it (see the module's docstring)."""
    rendered = _render(mwparserfromhell.parse(_closed_only(text)))
    return re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]+\n", "\n", rendered))


# Each opening mark with its closing one. The parser looks for the end of every construct it meets, so a page with
# thousands of marks left open takes it a time that grows with their square: an opening mark with no closing one
# is written as plain text before parsing (« {{ » as « &#123;&#123; », which it reads back as « {{ »).
_PAIRS = [(re.compile(r"\{\{|\}\}"), "{{", "&#123;&#123;"), (re.compile(r"\[\[|\]\]"), "[[", "&#91;&#91;"),
          (re.compile(r"(?m)^\s*\{\||^\s*\|\}"), "{|", "&#123;|"), (re.compile(r"<!--|-->"), "<!--", "&lt;!--"),
          (re.compile(r"\[(?=https?://|//)|\]"), "[", "&#91;"),
          (re.compile(r"<(?P<tag>[a-zA-Z]+)\b[^<>]*?(?<!/)>|</[a-zA-Z]+\s*>"), "<", "&lt;")]


def _closed_only(text: str) -> str:
    """`text` with every opening mark that no closing mark matches written as plain text (see _PAIRS)."""
    for pattern, opening, plain in _PAIRS:
        open_at = []
        for m in pattern.finditer(text):
            if m.group(0).lstrip().startswith(opening) and not m.group(0).startswith("</"):
                open_at.append(m)
            elif open_at and (opening != "<" or _same_tag(open_at[-1], m)):
                open_at.pop()
        unmatched = open_at
        if opening == "<":
            unmatched = [m for m in unmatched if m.group("tag").lower() not in _VOID_TAGS]
        parts, done = [], 0
        for m in unmatched:
            at = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            parts += [text[done:at], plain]
            done = at + len(opening)
        text = "".join(parts) + text[done:]
    return text


_VOID_TAGS = {"br", "hr", "references", "img", "wbr"}


def _same_tag(opening, closing) -> bool:
    return closing.group(0)[2:].strip(" >").lower() == opening.group("tag").lower()


def _render(code) -> str:
    return "".join(_node(node) for node in code.nodes)


def _node(node) -> str:
    if isinstance(node, Text):
        return re.sub(r"__[A-Z]+__", "", node.value)        # « __TOC__ »: a switch of the wiki, no text
    if isinstance(node, Wikilink):
        if _HIDDEN_LINKS.match(str(node.title)):
            return ""
        return _render(node.text) if node.text else str(node.title).split("#")[0].strip()
    if isinstance(node, ExternalLink):
        return _render(node.title) if node.title else str(node.url)
    if isinstance(node, Template):
        return _template(node)
    if isinstance(node, Heading):
        return f"\n{_render(node.title).strip()}\n"
    if isinstance(node, HTMLEntity):
        return node.normalize()
    if isinstance(node, Comment):
        return ""
    if isinstance(node, Tag):
        return _tag(node)
    return str(node)


def _template(node) -> str:
    """A template without parameters, its name (« {{Annulé}} »); with short positional ones only, their values
    (« {{date|3|novembre|2014}} »); any other (an infobox, a banner), nothing."""
    params = node.params
    if not params:
        return str(node.name).strip()
    values = [_render(p.value).strip() for p in params]
    if all(not p.showkey for p in params) and all(len(v) <= 30 and "\n" not in v for v in values):
        return " ".join(values)
    return ""


def _tag(node) -> str:
    name = str(node.tag).lower()
    inside = _render(node.contents) if node.contents is not None else ""
    if name in _DROPPED_TAGS:
        return ""
    if name in _STRUCK_TAGS:
        return f"~~{inside}~~" if inside.strip() else ""
    if name == "table":
        return _table(node)
    if name == "li":
        return "- "
    if name == "dt" or name == "dd":
        return ""
    if name == "br":
        return "\n"
    return inside


def _table(node) -> str:
    """The table in Markdown: its caption on a line of its own, its header row then a rule, a line per row."""
    caption, rows, row = [], [], []
    for child in node.contents.nodes:
        if not isinstance(child, Tag):
            continue
        tag = str(child.tag).lower()
        if tag == "tr":
            rows.append(row)
            row = [(str(cell.tag).lower(), _cell(cell)) for cell in child.contents.nodes
                   if isinstance(cell, Tag) and str(cell.tag).lower() in ("td", "th")]
        elif tag == "td" and not row and _cell(child).startswith("+"):
            caption.append(_cell(child).lstrip("+ ").strip())     # « |+ Programme 2014 »
        elif tag in ("td", "th"):
            row.append((tag, _cell(child)))
        elif tag == "caption":
            caption.append(_render(child.contents).strip())
    rows = [r for r in rows + [row] if r]
    lines = []
    for k, cells in enumerate(rows):
        lines.append("| " + " | ".join(text for _, text in cells) + " |")
        if k == 0 and all(tag == "th" for tag, _ in cells):
            lines.append("|" + "---|" * len(cells))
    return "\n" + "\n".join(caption + [""] * bool(caption) + lines) + "\n"


def _cell(node) -> str:
    text = _render(node.contents) if node.contents is not None else ""
    return re.sub(r"\s+", " ", text).strip()
