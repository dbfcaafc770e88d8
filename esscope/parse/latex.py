"""A brochure's LaTeX source → the text it prints: the body between « \\begin{document} » and « \\end{document} »,
comments left out, formatting commands reduced to their words, and a command of the brochure's own that takes
several arguments (« \\evt{Mardi 4 novembre}{18h30}{Soirée …}{Espace Encan}{La Rochelle}{Réseau …} ») written as
one row of cells, « Mardi 4 novembre | 18h30 | Soirée … | … », that the rest of the reader reads as any row.
Struck text (« \\sout{…} ») stays struck (« ~~…~~ »). Pure text in, text out."""

import re

_SOURCE = re.compile(r"^[ \t]*\\(?:documentclass|begin\{document\})", re.MULTILINE)
_COMMENT = re.compile(r"(?<!\\)%.*$", re.MULTILINE)
# « \iffalse … \fi », « \begin{comment} … \end{comment} »: set aside, never printed
_HIDING = re.compile(r"\\iffalse\b|\\fi\b|\\begin\{comment\}|\\end\{comment\}")
# a command of the document named for a cancelled entry (« \annule{…}{…} »): its row says so
_CANCELLING = re.compile(r"annul|cancel|supprim", re.IGNORECASE)
# commands whose argument is no text: a colour, a width, a picture, a length
_SETTINGS = re.compile(r"\\(?:color|definecolor|includegraphics|usepackage|setlength|pagestyle|thispagestyle|label|ref|"
                       r"vspace|hspace|newcommand|renewcommand)\*?(?:\[[^\]]*\])?(?:\{[^{}]*\})+")
_FIRST_ARGUMENT_IS_SETTING = re.compile(r"\\(colorbox|textcolor|parbox|makebox|raisebox)(?:\[[^\]]*\])?\{[^{}]*\}(?=\s*\{)")
_STRUCK = re.compile(r"\\(?:sout|st|xout)\{([^{}]*)\}")
_ARGUMENTS = re.compile(r"\\(?P<name>[A-Za-z]+)\*?(?:\[[^\]]*\])?(?P<cells>(?:\s*\{[^{}]*\}){2,})(?!\s*\{)")
_ONE_ARGUMENT = re.compile(r"\\[A-Za-z]+\*?(?:\[[^\]]*\])?\{([^{}]*)\}(?!\{)")
# a group that is no command's argument (« {\large …} », the « {} » after « \fg »)
_BARE_GROUP = re.compile(r"(?<![}\w\]*])\{([^{}]*)\}(?!\{)")
_GROUP = re.compile(r"\{([^{}]*)\}")
_COMMAND = re.compile(r"\\[A-Za-z]+\*?(?:\[[^\]]*\])?")
_SIGNS = [("\\\\", "\n"), (r"\&", "&"), (r"\%", "%"), (r"\_", "_"), (r"\ier", "er"),
          ("---", "—"), ("--", "–")]
_ROUNDS = 40        # nesting levels undone, at most (each round takes the innermost braces off)


def looks_like_latex(text: str) -> bool:
    """True for a LaTeX source (« \\documentclass », « \\begin{document} » opening a line)."""
    return bool(_SOURCE.search(text[:20_000]))


def latex_to_text(text: str) -> str:
    """The text a LaTeX source prints (see the module's description)."""
    start = re.search(r"\\begin\{document\}", text)
    body = text[start.end():] if start else text
    body = body.split("\\end{document}")[0]
    body = _SETTINGS.sub("", _COMMENT.sub("", _printed(body)))
    body = re.sub(r"\}[ \t]*\n[ \t]*\{", "}{", body)      # a command's arguments written over several lines
    body = body.replace(r"\og", "«").replace(r"\fg", "»")
    body = re.sub(r"\\(?:begin|end)\{[^{}]*\}(?:\{[^{}]*\})?", "\n", body)     # « \begin{center} », « \begin{tabular}{ll} »
    body = re.sub(r"\\(?:par|newpage|clearpage|medskip|bigskip|smallskip)\b", "\n\n", body)
    body = re.sub(r"\\\\(?:\[[^\]]*\])?", "\n", body)
    body = _FIRST_ARGUMENT_IS_SETTING.sub(r"\\\1", body)
    for _ in range(_ROUNDS):
        before = body
        body = _STRUCK.sub(lambda m: f"~~{m.group(1)}~~", body)
        body = _ARGUMENTS.sub(_row, body)
        body = _ONE_ARGUMENT.sub(r"\1", body)
        body = _BARE_GROUP.sub(r"\1", body)
        if body == before:
            break
    for sign, written in _SIGNS:
        body = body.replace(sign, written)
    body = re.sub(r"(?<!~)~(?!~)", " ", _COMMAND.sub("", body))      # (« ~~…~~ » says struck, « ~ » a space)
    # a row's cells written over several lines (« {…}\n    {…} ») are on one line once read
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in body.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _printed(body: str) -> str:
    """`body` without what « \\iffalse … \\fi » or a comment environment hides, read in one pass (a mark
    that opens and is never closed hides the rest: a search for each one's end took time with their square)."""
    out, at, hidden = [], 0, False
    for mark in _HIDING.finditer(body):
        opens = mark.group(0) in ("\\iffalse", "\\begin{comment}")
        if opens and not hidden:
            out.append(body[at:mark.start()])
            hidden = True
        elif not opens and hidden:
            at, hidden = mark.end(), False
    return "".join(out) + ("" if hidden else body[at:])


def _row(m) -> str:
    """A command's arguments as a row of cells, « ANNULÉ » first when the command is named for a cancelled entry."""
    cells = [group.strip() for group in _GROUP.findall(m.group("cells"))]
    return " | ".join((["ANNULÉ"] if _CANCELLING.search(m.group("name")) else []) + cells)
