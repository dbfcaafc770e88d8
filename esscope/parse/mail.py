"""A message saved whole (an .eml file, « Afficher la source » of a mail): its headers and MIME parts read by
the standard library's `email` package, the text it shows to its reader kept: the subject, the day it was sent
(what « jeudi dernier » is said from), then its plain text — or its HTML part made text."""

import email
import email.policy
import email.utils
import re

from .dates import MONTH_NAMES, WEEKDAY_NAMES
from .html import html_to_text

# a message's own headers on its first lines: « Received: », « Message-ID: », « MIME-Version: »
_HEADERS = re.compile(rb"^(?:return-path|received|message-id|mime-version|delivered-to|x-[\w-]+|dkim-signature):",
                      re.IGNORECASE | re.MULTILINE)


def looks_like_mail(data: bytes) -> bool:
    """True for a message's source: it opens on mail headers, a MIME version or a transfer among them."""
    head = data[:4096].lstrip()
    return bool(re.match(rb"[\w-]+:\s", head)) and len(_HEADERS.findall(head)) >= 2 \
        and re.search(rb"^(?:mime-version|content-type):", head, re.IGNORECASE | re.MULTILINE) is not None


def mail_to_text(data: bytes) -> str:
    """The text a message shows: « Objet : … », « Diffusé le lundi 9 novembre 2009 », then its body."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    lines = []
    if message["subject"]:
        lines.append(f"Objet : {message['subject']}")
    sent = _sent(message["date"])
    if sent:
        lines.append(f"Diffusé le {WEEKDAY_NAMES[sent.weekday()]} {sent.day} {MONTH_NAMES[sent.month - 1]} {sent.year}")
    body = message.get_body(preferencelist=("plain", "html"))
    if body is not None:
        content = body.get_content()
        lines += ["", html_to_text(content)[0] if body.get_content_subtype() == "html" else content]
    return "\n".join(lines)


def _sent(value):
    try:
        return email.utils.parsedate_to_datetime(str(value)) if value else None
    except (TypeError, ValueError):
        return None
