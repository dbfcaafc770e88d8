"""HTML pages → text that keeps the content's structure (headings, paragraphs, bullets, their depth)
and drops navigation, menus, headers and footers of the site, newsletters, comments, scripts and forms.
Structured events declared in the page (schema.org Event in JSON-LD) are read as well."""

import email.utils
import html
import json
import re
from html.parser import HTMLParser

from .dates import match_date

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
            # the paragraphs of an event's card (« <article> », « class="evt-card" ») stay one block: one
            # line each, the card apart from the next
            if self._carded(tag):
                self._line_end()
            else:
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
            if self._carded(tag):
                self._line_end()
            else:
                self.out.append("\n\n" if tag == "article" else "\n")

    def _carded(self, tag: str) -> bool:
        """Inside an event's card (« <article> »): its paragraphs one line each, the card one block."""
        return tag != "article" and any(t == "article" for t, _ in self.stack)

    def _line_end(self):
        """A new line, unless the text already ends one (spaces between tags aside)."""
        k = len(self.out)
        while k and not self.out[k - 1].strip():
            if "\n" in self.out[k - 1]:
                return
            k -= 1
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


# where a schema.org document holds its events: a graph, a list's items, an event's parts
_HOLDERS = ("@graph", "itemListElement", "item", "mainEntity", "subEvent", "hasPart", "event", "events")


def json_ld_events(blocks: list) -> list:
    """schema.org Event objects declared in the page's JSON-LD, as plain dicts, in the page's order: from a
    list, a @graph, an ItemList or an event's subEvent. An event declared twice (a carousel, then the list)
    is one, its fullest telling; a reference alone (only an @id) tells nothing."""
    found, by_id = [], {}
    for block in blocks:
        try:
            data = json.loads(block)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
                continue
            if not isinstance(item, dict):
                continue
            key = item.get("@id") if isinstance(item.get("@id"), str) else None
            told = set(item) - {"@id", "@type"}
            if key is not None and key in by_id:
                if len(item) > len(found[by_id[key]]):
                    found[by_id[key]] = item
            elif _is_event(item) and told:
                if key is not None:
                    by_id[key] = len(found)
                found.append(item)
            stack.extend(reversed([v for k, v in item.items() if k in _HOLDERS]))
    return found


def json_ld_record(item: dict) -> dict:
    """A schema.org Event as a record of the table reader: its place the first with an address (a
    VirtualPlace beside it makes it hybrid), its organisers joined, its status in French (« annulé »)."""
    places = item.get("location") if isinstance(item.get("location"), list) else [item.get("location")]
    physical = next((p for p in places if isinstance(p, dict) and "Virtual" not in str(p.get("@type"))), None)
    virtual = any(isinstance(p, dict) and "Virtual" in str(p.get("@type")) for p in places)
    address = physical.get("address") if physical else None
    organizers = item.get("organizer") if isinstance(item.get("organizer"), list) else [item.get("organizer")]
    names = [_plain(o.get("name") if isinstance(o, dict) else o) for o in organizers]
    mode, status = str(item.get("eventAttendanceMode") or ""), str(item.get("eventStatus") or "")
    online = "oui" if "OnlineEvent" in mode or "MovedOnline" in status or virtual and not physical else \
        "mixte" if "Mixed" in mode or virtual else None
    return {
        "title": _plain(item.get("name")), "description": _plain(item.get("description")),
        "start": item.get("startDate"), "end": item.get("endDate"),
        "venue": _plain(physical.get("name")) if physical else _plain(places[0]) if isinstance(places[0], str) else None,
        "address": _plain(address.get("streetAddress")) if isinstance(address, dict) else _plain(address),
        "commune": _plain(address.get("addressLocality")) if isinstance(address, dict) else None,
        "postcode": _plain(address.get("postalCode")) if isinstance(address, dict) else None,
        "organizer": ", ".join(n for n in names if n) or None,
        "url": _plain(item.get("url")),
        "online": online,
        "status": _STATUS.get(status.rsplit("/", 1)[-1]),
    }


# schema.org's states of an event that make it none (a rescheduled one keeps its new date; moved online, its date)
_STATUS = {"EventCancelled": "annulé", "EventPostponed": "déprogrammé (reporté à une date inconnue)"}


def _plain(value):
    """A JSON-LD value as text, its HTML entities read (« l&#039;économie »); None unless text or a number."""
    return html.unescape(str(value)).strip() if isinstance(value, (str, int, float)) and not isinstance(value, bool) \
        else None


# schema.org's kinds of Event whose names do not end in « Event »
_OTHER_EVENTS = {"Festival", "Hackathon", "CourseInstance"}


def _is_event(item: dict) -> bool:
    kind = item.get("@type")
    return any(isinstance(k, str) and (k.endswith("Event") or k in _OTHER_EVENTS) for k in (kind if isinstance(kind, list) else [kind]))


def looks_like_html(text: str) -> bool:
    head = text[:4000].lower()
    return bool(re.search(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<script\s+type=[\"']application/ld\+json", head)) or \
        len(re.findall(r"</(?:p|div|li|td|span|a|h[1-6])>", head)) >= 5


_FEED = re.compile(r"<(?:rss|feed)[\s>]", re.IGNORECASE)
_ITEM_OPEN = re.compile(r"<(?:item|entry)(?:\s[^>]*)?>", re.IGNORECASE)
_ITEM_CLOSE = re.compile(r"</(?:item|entry)\s*>", re.IGNORECASE)
_FIELD = r"<{0}(?:\s[^>]*)?>(.*?)</{0}>"


def looks_like_feed(text: str) -> bool:
    """An RSS or Atom feed (an XML file of news items)."""
    return bool(_FEED.search(text[:4000])) and bool(_ITEM_OPEN.search(text[:200_000]))


def _field(item: str, name: str) -> str | None:
    m = re.search(_FIELD.format(re.escape(name)), item, re.IGNORECASE | re.DOTALL)
    if not m:
        return None
    inner = re.sub(r"^\s*<!\[CDATA\[(.*)\]\]>\s*$", r"\1", m.group(1), flags=re.DOTALL)
    return html.unescape(inner).strip() or None


# « [ANNULÉ] Soirée jeux – ven. 18 nov. », « [MODIFIÉ] Ciné-débat … »: an agenda's state before the title
_STATE = re.compile(r"^\s*\[(?P<state>[^\]]{2,20})\]\s*")


def feed_records(feed: str) -> list:
    """The events of a feed that gives them as data (RSS's event module: « ev:startdate », « ev:location »,
    « ev:organizer »), as records of the table reader; one per item's id, its latest version. [] for a feed
    of news."""
    latest = {}
    for k, piece in enumerate(_ITEM_OPEN.split(feed)[1:]):
        item = _ITEM_CLOSE.split(piece, maxsplit=1)[0]
        start = _field(item, "ev:startdate")
        if not start:
            continue
        title = _field(item, "title") or ""
        state = _STATE.match(title)
        description = _field(item, "description")
        title = title[state.end():] if state else title
        cut = title.rfind(" – ")
        if cut > 0 and match_date(title[cut + 3:]):
            title = title[:cut]         # « Ciné-débat … – jeu. 17 nov. »: the date, said again in the fields
        record = {"title": title, "start": start, "end": _field(item, "ev:enddate"),
                  "venue": _field(item, "ev:location"), "_place_string": True,
                  "organizer": _field(item, "ev:organizer"), "url": _field(item, "link"),
                  "description": html_to_text(description)[0] if description else None,
                  "status": state.group("state") if state else None}
        key = _field(item, "guid") or f"#{k}"
        sent = _published(_field(item, "pubDate"))
        if key not in latest or sent and latest[key][0] and sent > latest[key][0]:
            latest[key] = (sent, k, record)
    return [record for _, _, record in sorted(latest.values(), key=lambda v: v[1])]


def _published(value: str | None):
    try:
        return email.utils.parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError):
        return None


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
