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


def test_doubts_name_lines_and_conventions_never_script_text():
    report = segment("((SLUG: X))\nThis long paragraph about Jane Roe stands before any direction here.\n"
                     "((INTRO))\n[[The anchor reads this.]]\n")
    assert report.doubts == ("line 2: prose no rule placed (11 words)",)
    mixed = segment((FIXTURES / "production-mixed.txt").read_text(encoding="utf-8"))
    assert [d for d in mixed.doubts if "convention" in d] and not segment(
        (FIXTURES / "production-mixed.txt").read_text(encoding="utf-8"), "production").doubts


def test_build_strict_writes_nothing_for_a_doubtful_reading(tmp_path):
    script = tmp_path / "story.txt"
    script.write_text("((SLUG: X))\nThis long paragraph stands before any direction and no rule claims it.\n"
                      "((INTRO))\n[[The anchor reads this.]]\n((NARRATOR))\nThe track.\n")
    out = tmp_path / "out"
    refused = _run("build", str(script), "-o", str(out), "--strict")
    assert refused.returncode == 1 and "line 2: prose no rule placed" in refused.stderr
    assert not out.exists() or not any(out.iterdir())
    to_stdout = _run("build", str(script), "-o", "-", "--only", "srt", "--strict")
    assert to_stdout.returncode == 1 and to_stdout.stdout == ""
    clear = tmp_path / "clear.txt"
    clear.write_text((FIXTURES / "newsroom-local.txt").read_text(encoding="utf-8"), encoding="utf-8")
    batch = _run("build", str(script), str(clear), "-o", str(out), "--strict")
    assert batch.returncode == 1
    assert (out / "clear.srt").exists() and not (out / "story.srt").exists()
    built = _run("build", str(script), "-o", str(out))
    assert built.returncode == 0 and (out / "story.srt").exists()
