"""Each segment's span points at its words in the normalised script.

Where the words run unbroken, `script[start:end]` is the text itself, or the text with a
wrapped line end read as a space. Where markup inside was dropped (a production note, a
label, a shot line inside a bite), the text's characters are an ordered subset of the span's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from broadcast.reading import read_script
from broadcast.segment import segment
from broadcast.segment.withheld import PLACEHOLDER
from tests.conftest import EXAMPLES

FIXTURES = Path(__file__).parent / "fixtures" / "scripts"
SCRIPTS = sorted(FIXTURES.glob("*.txt")) + sorted(EXAMPLES.glob("*.txt"))


def _subsequence(text: str, region: str) -> bool:
    chars = iter(region)
    return all(c in chars for c in text if not c.isspace())


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.stem)
def test_spans_point_at_the_words(path):
    script = read_script(path.read_bytes())
    report = segment(script)
    last = 0
    for s in report.segments:
        start, end = s.span
        assert last <= start < end <= len(script), s
        last = end
        region = script[start:end]
        if PLACEHOLDER in s.text:
            continue  # a withheld name: the script's words differ there, by design
        if not s.words_known:
            assert region.lstrip().startswith("IN"), region  # a clip given by its cue lines
            continue
        # the region opens with the words, or with the bite's quotation mark and a note on
        # the voice before them (`"(English translation) He went ...`)
        words = re.match(r'"?(?:\([^()\n]*\)\s*)?', region).end()
        assert region[0] == s.text[0] or region[words] == s.text[0]
        assert _subsequence(s.text, region), (s.text, region)


@pytest.mark.parametrize("stem", ["web-wrapped", "web-variants", "agency-cgtn", "transcript-cnn"])
def test_unbroken_words_are_the_span_itself(stem):
    script = read_script((FIXTURES / f"{stem}.txt").read_bytes())
    for s in segment(script).segments:
        region = script[s.span[0]:s.span[1]]
        if "\n" not in region and "(" not in region and "[" not in region:
            assert region in (s.text, f'"{s.text}"')  # a bite's quotation marks are its region's
        else:
            assert " ".join(region.split()) == s.text or _subsequence(s.text, region)
