"""Text from documents made inert wherever it goes: maps (HTML, attributes, JavaScript strings, <script>)
and links (pages, exports, calendars).

folium's own `Popup` and `Tooltip` put their HTML inside JavaScript template literals, so
`html.escape` alone leaves `${…}`, backticks and backslashes live. `safe_text` writes as HTML
character references both the characters that mean something in HTML and those that mean
something in a JavaScript string (quotes, backtick, `$`, backslash, line terminators): the browser
shows the character and no parser ever sees code. The escaped fragments travel as JSON
(`to_script_json`) in which `<` and `>` are escaped too, so `</script>` cannot end the script.
"""

import json
import math
from urllib.parse import quote

import pandas as pd

_ESCAPES = {
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
    "`": "&#96;", "$": "&#36;", "\\": "&#92;",
    "\n": "&#10;", "\r": "&#13;", "\u2028": "&#8232;", "\u2029": "&#8233;",
}
_TABLE = str.maketrans({**_ESCAPES, **{chr(c): None for c in [*range(9), 11, 12, *range(14, 32), 127]}})


def safe_text(value) -> str:
    """`value` as text that is safe in HTML, in an HTML attribute, in any JavaScript string literal
    (quoted or template) and inside a <script> element; the browser displays the original characters.

    None and missing values give ''. Control characters other than tab and line breaks are dropped:
    « <b>l'été</b> » → « &lt;b&gt;l&#39;été&lt;/b&gt; »."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).translate(_TABLE)


def to_script_json(value) -> str:
    """JSON that stays data when placed in a <script> element or evaluated as JavaScript."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def web_address(url) -> str | None:
    """An http(s) link with every space, line break or other character a link cannot hold
    percent-encoded (« https://a.fr/b c » → « https://a.fr/b%20c »); None for anything else
    (« javascript:… », plain text, nothing)."""
    url = "" if url is None or (isinstance(url, float) and math.isnan(url)) else str(url).strip()
    if not url.lower().startswith(("http://", "https://")):
        return None
    return quote(url, safe=":/?#[]@!$&'()*+,;=%-._~")
