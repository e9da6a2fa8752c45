"""Putting text in a broadcast format's own character set (CEA-608 for SCC, ISO 6937 for EBU
STL): a character the set lacks becomes its nearest form there, or `?`, and the user is told.

Nothing is dropped: a letter loses an accent the set has no room for (`ő` as `o`), a few
signs become their usual spelling (`…` as `...`), and anything else (an emoji, a script
the set does not carry) is shown as `?`. Each such character is named once in a warning.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from broadcast.model import Build

REPLACEMENT = "?"
#: usual spellings of signs no broadcast set may have, tried after the set's own characters
NEAREST = {"–": "-", "‑": "-", "‐": "-", "−": "-", "—": "-", "…": "...", "`": "'", "´": "'", "′": "'",
           "″": '"', "„": '"', "‚": "'", "‘": "'", "’": "'", "“": '"', "”": '"', "«": '"', "»": '"',
           "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "œ": "oe", "Œ": "OE", "æ": "ae",
           "Æ": "AE", "ø": "o", "Ø": "O", "ß": "ss", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
           "€": "EUR", "×": "x", "•": "*", "{": "(", "}": ")", "\\": "/", "|": "/", "~": "-",
           # the look-alike braces a script may hold (the SRT and ASS make their own)
           "\u2774": "{", "\u2775": "}"}


def nearest(char: str, has: Callable[[str], bool]) -> str:
    """The character as a set that `has` some characters can show it: itself, its nearest
    form (every character of which the set has), or `?`."""
    if has(char):
        return char
    composed = unicodedata.normalize("NFC", char)
    if len(composed) == 1 and has(composed):
        return composed
    spelled = NEAREST.get(char)
    if spelled and all(has(c) for c in spelled):
        return spelled
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    if base and base != char and not any(c.isspace() for c in base) and all(has(c) for c in base):
        return base
    return REPLACEMENT


def replaced(build: Build, has: Callable[[str], bool], fmt: str, charset: str) -> list[str]:
    """A warning for each character of the cues that the set lacks: what it became, and the
    first cue that has it."""
    found: dict[str, tuple[int, int]] = {}
    for cue in build.cues:
        for char in dict.fromkeys(cue.text):
            if not char.isspace() and not has(char):
                first, count = found.get(char, (cue.index, 0))
                found[char] = (first, count + 1)
    return [f"{fmt}: {charset} has no {char!r} (U+{ord(char):04X}): shown as {nearest(char, has)!r} "
            f"(cue {first}" + (f" and {count - 1} more)" if count > 1 else ")")
            for char, (first, count) in found.items()]
