"""Pieces every script convention needs: paragraphs with offsets, segments with spans,
the correspondent named in an intro, and the sign-off."""

from __future__ import annotations

import re
from dataclasses import dataclass

from broadcast.model import Kind, LowerThird, Segment


@dataclass(frozen=True)
class Paragraph:
    text: str
    start: int  # offset of text[0] in the script


def paragraphs(text: str) -> list[Paragraph]:
    """Non-blank lines, stripped, with their offsets in the script."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0)
        lead = len(line) - len(line.lstrip())
        if line.strip():
            out.append(Paragraph(line.strip(), m.start() + lead))
    return out


def make_segment(
    kind: Kind,
    text: str,
    offset: int,
    start: int,
    end: int,
    *,
    speaker: LowerThird | None = None,
    unquote: bool = False,
    language: str | None = None,
    translated: bool = False,
) -> Segment:
    """The segment for text[start:end], trimmed (and its outer quotes dropped), with its span."""
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip(" ,:"))
    piece = piece.strip(" ,:")
    if unquote:
        piece, lead = unquoted(piece, lead)
    return Segment(kind=kind, text=piece, span=(offset + start + lead, offset + start + lead + len(piece)),
                   speaker=speaker, language=language, translated=translated)


def unquoted(piece: str, lead: int = 0) -> tuple[str, int]:
    """Drop a pair of outer quotation marks; a quote left open still loses its opening mark."""
    if piece.startswith('"'):
        inner = piece[1:]
        if inner.endswith('"') and inner.count('"') % 2 == 1:
            inner = inner[:-1]
        elif re.search(r'"[.,]?$', inner) and inner.count('"') % 2 == 1:
            inner = re.sub(r'"([.,]?)$', r"\1", inner)
        stripped = inner.strip()
        return stripped, lead + 1 + (len(inner) - len(inner.lstrip()))
    return piece, lead


_NAME = r"[A-Z][\w'.-]+(?:\s+(?:[A-Z][\w'.-]+|al-[\w'-]+|bin|de|van|von|da|el-[\w'-]+)){1,4}"
_INTRO_PATTERNS = (
    rf"(?:correspondent|reporter|producer|editor|CGTN's|[A-Z]{{2,5}}'s)\s+(?P<name>{_NAME})\s+"
    rf"(?:reports|has (?:more|the story|the details)|explains|takes a look|tells us more|looks)"
    rf"(?:\s+from\s+(?P<place>[A-Z][\w' -]+?))?[.,]",
    rf"(?P<name>{_NAME})\s+reports\s+from\s+(?P<place>[A-Z][\w' -]+?)[.,]",
)


def correspondent_from_intro(intro: str) -> tuple[str | None, str | None]:
    """(correspondent, location) from "Our correspondent Julia Lyubova reports from Moscow."."""
    for pattern in _INTRO_PATTERNS:
        m = re.search(pattern, intro)
        if m:
            return m.group("name"), (m.groupdict().get("place") or None)
    return None, None


@dataclass(frozen=True)
class SignOff:
    initials: str  # "JL" or a full name
    network: str
    location: str
    start: int  # offset of the sign-off within its paragraph


_SIGNOFF = re.compile(
    r"(?:^|(?<=[.!?\"'])\s+)(?P<who>[A-Z]{1,4}|[A-Z][a-z]+(?: [A-Z][\w'-]+){1,3}),\s*"
    r"(?P<net>[A-Z][A-Za-z0-9]*(?: [A-Z][A-Za-z0-9]*){0,2}),\s*(?P<place>[A-Z][\w' .-]{1,40}?)\.?\s*$"
)


def find_signoff(paragraph: str) -> SignOff | None:
    """`JL, CGTN, Moscow.` at the end of the last paragraph."""
    m = _SIGNOFF.search(paragraph)
    if not m:
        return None
    start = m.start("who")
    return SignOff(m.group("who"), m.group("net"), m.group("place").strip(), start)


def name_from_initials(initials: str, capital_runs: list[list[str]]) -> str | None:
    """The correspondent's name from sign-off initials and the supers (`JULIA LYUBOVA` for JL)."""
    if not re.fullmatch(r"[A-Z]{2,4}", initials):
        return initials if " " in initials else None
    for words in capital_runs:
        k = len(initials)
        if len(words) >= k and "".join(w[0] for w in words[:k]) == initials:
            return " ".join(w.capitalize() for w in words[:k])
    return None
