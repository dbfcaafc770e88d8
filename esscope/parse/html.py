"""HTML pages → text that keeps the content's structure (headings, paragraphs, bullets, their depth)
and drops navigation, menus, headers and footers of the site, newsletters, comments, scripts and forms.
Structured events declared in the page (schema.org Event in JSON-LD) are read as well."""

import html
import json
import re
from html.parser import HTMLParser

_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "nav", "form", "button", "select",
              "textarea", "aside", "menu", "dialog", "canvas", "object", "embed", "head", "title"}
_BLOCK = {"p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
          "ul", "ol", "li", "table", "tr", "blockquote", "pre", "dl", "dt", "dd", "figure", "figcaption",
          "address", "hr", "br", "td", "th"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
_NOISE = re.compile(r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|fil-ariane|newsletter|comments?|"
                    r"commentaires?|respond|share|sharing|partage|social|cookies?|rgpd|sidebar|widget|banner|"
                    r"related|pagination|subscribe|abonnement|popup|modal|skip|footer|site-header|masthead|"
                    r"toolbar|search|recherche|ads?|advert|pub|publicite|tags|meta|author-box)(?:$|[\s_-])",
                    re.IGNORECASE)
_NOISE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.stack = []           # (tag, skipping)
        self.lists = 0
        self.json_ld = []
        self._in_json_ld = False

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and (attrs.get("type") or "").lower() == "application/ld+json":
            self._in_json_ld = True
        skip = self.skipping or tag in _SKIP_TAGS or self._noise(tag, attrs)
        if tag not in _VOID:
            self.stack.append((tag, skip))
        if skip:
            return
        if tag in ("ul", "ol"):
            self.lists += 1
            return
        if tag == "li":
            self.out.append("\n" + "    " * max(0, self.lists - 1) + "• ")
        elif tag in ("td", "th"):
            self.out.append(" | ")
        elif tag in _BLOCK:
            self.out.append("\n\n" if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article")
                            else "\n")

    def _noise(self, tag, attrs) -> bool:
        if (attrs.get("role") or "").lower() in _NOISE_ROLES or attrs.get("aria-hidden") == "true":
            return True
        if tag in ("header", "footer") and not any(t in ("article", "main") for t, _ in self.stack):
            return True
        marks = " ".join(filter(None, [attrs.get("class"), attrs.get("id")]))
        return bool(marks and _NOISE.search(marks)) and tag not in ("body", "html", "main", "article")

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        while self.stack:
            top, skip = self.stack.pop()
            if not skip and top in ("ul", "ol"):
                self.lists -= 1
            if top == tag:
                break
        if tag == "script":
            self._in_json_ld = False
        # cells of a table row stay on the row's line: « | mardi 5 novembre | 18h30 | Strasbourg | … »
        if not self.skipping and tag in _BLOCK and tag not in ("li", "ul", "ol", "td", "th"):
            self.out.append("\n")

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(data)
            return
        if self.skipping:
            return
        self.out.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> tuple:
    """(text, json_ld_blocks) of an HTML page: the readable content, one block per line."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    text = "".join(parser.out)
    lines = [re.match(r"\s*", line).group(0) + re.sub(r"[ ]{2,}", " ", line.strip()) for line in text.split("\n")]
    text = "\n".join(line if line.strip() else "" for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip(), parser.json_ld


def json_ld_events(blocks: list) -> list:
    """schema.org Event objects declared in the page's JSON-LD, as plain dicts."""
    found = []
    for block in blocks:
        try:
            data = json.loads(block)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and k.endswith("Event") for k in kinds):
                    found.append(item)
                stack.extend(v for k, v in item.items() if k == "@graph" or k == "subEvent")
    return found


def looks_like_html(text: str) -> bool:
    head = text[:4000].lower()
    return bool(re.search(r"<!doctype\s+html|<html[\s>]|<body[\s>]", head)) or \
        len(re.findall(r"</(?:p|div|li|td|span|a|h[1-6])>", head)) >= 5


_FEED = re.compile(r"<(?:rss|feed)[\s>]", re.IGNORECASE)
_ITEM_OPEN = re.compile(r"<(?:item|entry)(?:\s[^>]*)?>", re.IGNORECASE)
_ITEM_CLOSE = re.compile(r"</(?:item|entry)\s*>", re.IGNORECASE)
_FIELD = r"<{0}(?:\s[^>]*)?>(.*?)</{0}>"


def looks_like_feed(text: str) -> bool:
    """An RSS or Atom feed (an XML file of news items)."""
    return bool(_FEED.search(text[:4000])) and bool(_ITEM_OPEN.search(text[:200_000]))


def feed_to_text(feed: str) -> str:
    """The items of an RSS or Atom feed as text, each its title then its description (HTML written escaped
    inside the XML, read as HTML): the feed's dates of publication and its other fields are left out."""
    parts = []
    # cut on the items' tags rather than matched pairs: a feed with tags left open is read in one pass
    for piece in _ITEM_OPEN.split(feed)[1:]:
        item = _ITEM_CLOSE.split(piece, maxsplit=1)[0]
        block = []
        for name in ("title", "description", "summary", "content", "content:encoded"):
            m = re.search(_FIELD.format(re.escape(name)), item, re.IGNORECASE | re.DOTALL)
            if m:
                inner = re.sub(r"^\s*<!\[CDATA\[(.*)\]\]>\s*$", r"\1", m.group(1), flags=re.DOTALL)
                block.append(html_to_text(html.unescape(inner))[0])
        parts.append("\n\n".join(b for b in block if b))
    return "\n\n".join(p for p in parts if p)
