"""A video's subtitles (SubRip « .srt » or WebVTT): cue numbers and timecodes taken off, the spoken text joined
across cues into paragraphs, one per speaker's turn, and each on-screen card (« [CARTON] SAM. 3 NOV. – 18H » /
« Soirée de lancement – Fort-de-France ») kept as its own lines — the text a viewer reads and hears."""

import re

_TIMECODE = re.compile(r"^\s*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}\s*-->\s*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}\b.*$")
_CUE_NUMBER = re.compile(r"^\s*\d{1,5}\s*$")
_FEWEST = 3         # timecodes for a text to be subtitles
# « [CARTON] … », « [TEXTE À L'ÉCRAN] … »: words shown on screen, not spoken
_CARD = re.compile(r"^\s*\[(?:carton|[ée]cran|texte(?:\s+à\s+l['’][ée]cran)?|incrustation|titre|bandeau|insert)\]\s*",
                   re.IGNORECASE)
# « [Musique] », « [Rires] »: a sound, no words
_SOUND = re.compile(r"^\s*\[[^\]]{1,60}\]\s*$")
# « NARRATRICE : », « - [Rosemonde Clairval, présidente] », « - »: a new speaker's turn
_SPEAKER = re.compile(r"^\s*(?:[A-ZÀ-Ý][A-ZÀ-Ý'’ -]{1,30}\s*:\s*|-\s*(?:\[[^\]]*\]\s*)?)")


def is_subtitles(text: str) -> bool:
    """True when a text is a subtitles file: several cues timed « 00:00:03,200 --> 00:00:06,800 »."""
    return sum(1 for line in text.split("\n", 2000)[:2000] if _TIMECODE.match(line)) >= _FEWEST


def unsubtitled(text: str) -> str:
    """The subtitles' words as paragraphs (see the module's description); any other text as it is."""
    if not is_subtitles(text):
        return text
    paragraphs, current, card = [], [], False
    for cue in _cues(text):
        for k, line in enumerate(cue):
            if _SOUND.match(line) and not _CARD.match(line):
                continue
            shown, speaker = _CARD.match(line), _SPEAKER.match(line)
            turn = speaker is not None and bool(speaker.group(0).strip())
            # a card goes on in the next cue only while its line calls for more (« Espace Koumbit, »)
            if (shown or turn or k == 0 and card and not _goes_on(current)) and current:
                paragraphs.append((card, current))
                current = []
            if shown:
                card, line = True, line[shown.end():]
            elif turn:
                card, line = False, line[speaker.end():]
            if line.strip() and card and current and re.match(r"^(?:[a-zà-ÿ(]|l['’]|d['’])", line.strip()):
                current[-1] = f"{current[-1]} {line.strip()}"     # « Vidéo mise en ligne » / « le mercredi 31 octobre »
            elif line.strip():
                current.append(line.strip())
    if current:
        paragraphs.append((card, current))
    # a card keeps its lines (its layout says what and when); speech is one line, as it was said
    return "\n\n".join("\n".join(lines) if shown else " ".join(lines) for shown, lines in paragraphs)


def _cues(text: str) -> list:
    """Each cue's lines of text, in order (numbers, timecodes and a WebVTT header left out)."""
    cues, current = [], []
    for line in text.split("\n"):
        if not line.strip():
            if current:
                cues.append(current)
            current = []
        elif _TIMECODE.match(line) or (not current and _CUE_NUMBER.match(line)) or line.strip() == "WEBVTT":
            continue
        else:
            current.append(line)
    if current:
        cues.append(current)
    return cues


def _goes_on(lines: list) -> bool:
    """The last line of a paragraph calls for the next one (a comma, no end of sentence)."""
    return bool(lines) and not re.search(r"[.!?…»]\s*$", lines[-1])
