"""Web transcripts, as broadcasters publish them (the CGTN reference shape).

    Title line
    [tags]
    Anchor intro ... Our correspondent Julia Lyubova reports from Moscow.
    Narration paragraphs.
    VLADIMIR PUTIN RUSSIAN PRESIDENT "The soundbite."
    JULIA LYUBOVA MOSCOW The stand-up ... JL, CGTN, Moscow.
"""

from __future__ import annotations

import re

from broadcast.model import Kind, LowerThird, Report, Segment
from broadcast.segment import common
from broadcast.segment.supers import Spellings, is_capitals, is_caseless, lower_third

NAME = "web"

# A capitals run at the start of a paragraph: a super. Tokens may carry a trailing comma.
_TOKEN = re.compile(r"\S+")


def score(text: str) -> float:
    """How much this looks like a web transcript: capitals supers opening paragraphs."""
    paragraphs = common.paragraphs(text)
    hits = sum(1 for p in paragraphs if _leading_capitals(p.text)[0] >= 2)
    tagline = any(re.fullmatch(r"\[.*\]", p.text) for p in paragraphs[:3])
    return hits + (2 if tagline else 0) + 0.5


def _leading_capitals(text: str) -> tuple[int, int]:
    """(number of words, end offset) of the capitals run opening `text`.

    A lone "A" or "I" followed by a lower-case word starts the speech, not the super.
    """
    count, end = 0, 0
    tokens = list(_TOKEN.finditer(text))
    for i, m in enumerate(tokens):
        word = m.group(0)
        if word.startswith('"'):
            break
        if not (is_capitals(word.rstrip(",:")) or is_caseless(word) and count):
            break
        nxt = tokens[i + 1].group(0) if i + 1 < len(tokens) else ""
        if word in ("A", "I") and nxt[:1].islower():
            break
        count, end = count + 1, m.end()
    return count, end


def _is_super(words: list[str]) -> bool:
    """Two or more words of capitals that are not all acronyms ("UN, NATO ...")."""
    from broadcast.segment.supers import ACRONYMS
    letters = [w.strip(",:") for w in words]
    return len(letters) >= 2 and sum(1 for w in letters if w not in ACRONYMS and len(w) > 1) >= 2


def parse(text: str) -> Report:
    paragraphs = common.paragraphs(text)
    title = paragraphs[0].text if paragraphs else ""
    body = paragraphs[1:]
    tags: tuple[str, ...] = ()
    if body and re.fullmatch(r"\[.*\]", body[0].text):
        tags = tuple(t.strip() for t in body[0].text[1:-1].split(",") if t.strip())
        body = body[1:]
    if not body:
        # A one-paragraph script is all anchor copy; the title line is then the title only.
        body = paragraphs[:1] if len(paragraphs) == 1 else body
        title = "" if len(paragraphs) == 1 else title

    # Supers first, so that the body's own spelling can be learnt without them.
    pieces = []  # (paragraph, capitals words, super end offset within paragraph)
    for para in body:
        count, end = _leading_capitals(para.text)
        words = para.text[:end].split()
        pieces.append((para, words if count and _is_super(words) else [], end))
    spellings = Spellings.from_text("\n".join(p.text[e if w else 0:] for p, w, e in pieces))

    intro_text = pieces[0][0].text if pieces and not pieces[0][1] else ""
    correspondent, location = common.correspondent_from_intro(intro_text)
    signoff = common.find_signoff(body[-1].text) if body else None
    network = signoff.network if signoff else None
    location = (signoff.location if signoff and signoff.location else None) or location
    if signoff and not correspondent:
        correspondent = common.name_from_initials(signoff.initials, [w for _, w, _ in pieces])

    segments: list[Segment] = []
    warnings: list[str] = []
    for i, (para, words, end) in enumerate(pieces):
        text, start = para.text, para.start
        stop = len(text)
        if signoff and i == len(pieces) - 1:
            stop = signoff.start
        if not words:
            kind = Kind.ANCHOR_INTRO if i == 0 else Kind.NARRATION
            if stop > 0:
                segments.append(common.make_segment(kind, text, start, 0, stop))
            continue
        known = (correspondent,) if correspondent else ()
        rest = text[end:stop]
        title_words = []
        if not rest.lstrip().startswith('"'):
            # `VLADIMIR PUTIN Russian President "..."`: a mixed-case title before the quote.
            m = re.match(r'\s*,?\s*([^"]{1,80}?)\s*[,:]?\s*(?=")', rest)
            if m and not _sentence_like(m.group(1)):
                title_words = m.group(1).split()
                end += m.end()
        lt, warning = lower_third(words, title_words, spellings, known)
        if warning:
            warnings.append(warning)
        is_standup = bool(correspondent) and lt.name.lower() == correspondent.lower()
        if is_standup and not lt.title and location:
            lt = LowerThird(lt.name, location)
        kind = Kind.STANDUP if is_standup else Kind.SOUNDBITE
        segments.append(common.make_segment(kind, text, start, end, stop, speaker=lt, unquote=True))
        if is_standup and not location:
            location = lt.title or None
    if signoff:
        last = body[-1]
        segments.append(common.make_segment(Kind.SIGNOFF, last.text, last.start, signoff.start, len(last.text)))
    return Report(
        title=title,
        tags=tags,
        network=network,
        correspondent=correspondent,
        location=location,
        segments=tuple(segments),
        convention=NAME,
        warnings=tuple(warnings),
    )


def _sentence_like(text: str) -> bool:
    """Text before a quote that is speech, not a title: long, or with a full stop."""
    return len(text.split()) > 8 or bool(re.search(r"[.!?]\s", text))
