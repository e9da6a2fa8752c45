"""Making script text inert in subtitle files whose players read markup inside the text.

libass, VSFilter and every player built on ffmpeg obey `{\\an8}` override blocks and `\\N`
breaks in ASS and in SRT alike, and SRT readers also obey `<b>`-style tags and take a line
with `-->` for a new subtitle. The text must show as the script wrote it, so what could act
is turned into look-alikes: braces into ❴ ❵, and a word joiner (invisible, no width) after a
backslash or a tag's `<` and inside `-->`, which no reader then recognises.
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"
_OVERRIDES = str.maketrans({"{": "\u2774", "}": "\u2775", "\\": "\\" + WORD_JOINER})
_TAG_OPEN = re.compile(r"<(?=[/A-Za-z!])")
# A line with two of these is a timing line to pysubs2 and ffmpeg, arrow or not; WebVTT
# readers also take minutes and seconds alone (`01:00.000`).
_TIMESTAMP = re.compile(r"\d+:\d+:\d+[.,]\d+")
_VTT_TIMESTAMP = re.compile(r"(?:\d+:)?\d+:\d+[.,]\d+")


def inert_overrides(text: str) -> str:
    """Text in which no ASS override block or `\\N`-style escape can act."""
    return text.translate(_OVERRIDES)


def inert_srt_line(line: str) -> str:
    """One SRT line that no SRT reader or player takes for markup, timing or a cue number."""
    line = _TAG_OPEN.sub("<" + WORD_JOINER, inert_overrides(line)).replace("-->", "--" + WORD_JOINER + ">")
    line = _TIMESTAMP.sub(lambda m: m.group(0).replace(":", ":" + WORD_JOINER), line)
    # A line of digits alone before a blank line reads, to lenient parsers, as the next index.
    return line + WORD_JOINER if line.isdigit() else line


def inert_vtt_line(line: str) -> str:
    """One WebVTT line (already escaped for WebVTT) in which no reader finds a cue timing."""
    return _VTT_TIMESTAMP.sub(lambda m: m.group(0).replace(":", ":" + WORD_JOINER), line)


def restore(text: str) -> str:
    """The script's own text from inert text (for readers of our own files)."""
    return text.replace(WORD_JOINER, "").replace("\u2774", "{").replace("\u2775", "}")
