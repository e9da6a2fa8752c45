"""`broadcast segment --explain` and `--strict`, and the share of prose read as speech."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from broadcast.segment import segment

FIXTURES = Path(__file__).parent / "fixtures" / "scripts"


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "broadcast", *args], capture_output=True, text=True)


def test_explain_shows_each_line_with_its_token_rule_and_reading():
    done = _run("segment", str(FIXTURES / "newsroom-local.txt"), "--explain")
    assert done.returncode == 0
    out = done.stdout
    assert out.startswith("convention: newsroom (margin")
    assert "  11 | Volunteers are still shoveling mud" in out
    assert "-> prose [line_prose] => narration: 'The water is gone" in out
    assert "-> direction soundbite [line_label] => direction: 'SOT'" in out
    assert "-> super [line_super] => super:" in out
    assert "-> metadata trt [line_metadata] => metadata: 'PKG TRT: 1:52'" in out


def test_strict_refuses_doubt_and_unclassified_prose(tmp_path):
    clear = _run("segment", str(FIXTURES / "newsroom-local.txt"), "--strict")
    assert clear.returncode == 0
    mixed = _run("segment", str(FIXTURES / "production-mixed.txt"), "--strict")
    assert mixed.returncode == 1 and "--strict" in mixed.stderr
    script = tmp_path / "s.txt"
    script.write_text("((SLUG: X))\nThis long paragraph stands before any direction and no rule claims it.\n"
                      "((INTRO))\n[[The anchor reads this.]]\n")
    unclaimed = _run("segment", str(script), "--strict")
    assert unclaimed.returncode == 1 and "line 2:" in unclaimed.stderr


def test_a_reading_that_leaves_most_prose_in_notes_is_warned_about():
    script = ("((SLUG: X))\n"
              "This long paragraph stands before any direction and no rule claims it at all.\n"
              "So does this second paragraph, which nobody has marked for anyone to read.\n"
              "((INTRO))\n[[Short copy.]]\n")
    report = segment(script)
    spoken, prose = report.prose_read()
    assert (spoken, prose) == (2, 29)
    assert any("only 2 of the script's 29 prose words" in w for w in report.warnings)
