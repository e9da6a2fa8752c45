"""Every non-blank character of a script ends in a segment or a note: on every fixture, the
examples, the reference and the real scripts beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadcast.model import NoteKind
from broadcast.reading import read_script
from broadcast.segment import segment, uncovered

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
SCRIPTS = sorted((ROOT / "tests" / "fixtures" / "scripts").glob("*.txt")) + sorted((ROOT / "examples").glob("*.txt"))
REAL = sorted((SHARED / "scripts").glob("*.txt")) + [SHARED / "syria-peace-process.txt"]


def _check(path: Path) -> None:
    text = read_script(path.read_bytes())
    report = segment(text)
    holes = [text[a:b] for a, b in uncovered(text, report)]
    assert not holes, f"{path.name}: not accounted for: {holes[:5]}"
    for note in report.notes:
        assert 0 <= note.span[0] <= note.span[1] <= len(text)


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.stem)
def test_fixture_is_wholly_accounted_for(path):
    _check(path)


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_real_script_is_wholly_accounted_for(path):
    if not path.exists():
        pytest.skip("shared data not beside the checkout")
    _check(path)


def test_unclaimed_prose_is_warned_about_with_its_line():
    script = ("((PLAYBOOK SLUG: FLOODS BYLINE: Jane Roe))\n"
              "This paragraph stands before any direction and nobody says who reads it.\n"
              "((INTRO))\n[[The anchor reads this.]]\n((NARRATOR))\nThe track.\n")
    report = segment(script)
    assert [n.kind for n in report.notes if n.text.startswith("This paragraph")] == [NoteKind.UNCLASSIFIED]
    assert any(w.startswith("line 2:") for w in report.warnings)
