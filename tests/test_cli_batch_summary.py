"""A batch's summary: its warnings readable after the run, plain text when piped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from broadcast.batch import FileResult, Settings, build_one, summary_text, warnings_text
from broadcast.profiles import load_profile
from broadcast.wording import count
from tests.conftest import REFERENCE

#: a super whose split of name and title is a guess: the tool warns about it
GUESSED_SUPER = (
    "Syria talks resume\n[Syria, Russia]\n"
    "Talks resumed today in Geneva. Our correspondent Julia Lyubova reports from Moscow.\n"
    "The leaders met in Sochi and agreed to convene a congress.\n"
    'KOFI MENSAH ZAKHAROVA BLUE "We have agreed to continue our efforts."\n'
    "JULIA LYUBOVA MOSCOW The three sides say they are eager to press on. JL, CGTN, Moscow.\n"
)
BOX = set("─│┏┃┡━╇┗└┌┐┘├┤┬┴┼╭╮╯╰")


def test_counts_are_worded_in_the_singular_for_one():
    assert [count(n, "file") for n in (0, 1, 2)] == ["0 files", "1 file", "2 files"]
    assert count(1, "breach", "breaches") == "1 breach" and count(3, "breach", "breaches") == "3 breaches"


def test_the_plain_summary_is_a_line_per_script_and_the_warnings_follow():
    results = [
        FileResult(Path("a.txt"), (Path("out/a.srt"),), ("line 3: a guess",)),
        FileResult(Path("b.txt"), error="b.txt: the file is empty"),
        FileResult(Path("c.txt"), (Path("out/c.srt"), Path("out/c.vtt")), ("one", "two")),
    ]
    text = summary_text(results, Path("out"), 2.0)
    assert text.splitlines() == [
        "2 of 3 scripts built into out in 2.0 s (2 scripts/s)",
        "a.txt\tbuilt\t1 file\t1 warning",
        "b.txt\tfailed\t0 files\t0 warnings\tthe file is empty",
        "c.txt\tbuilt\t2 files\t2 warnings",
    ]
    assert warnings_text(results).splitlines() == [
        "", "3 warnings:", "a.txt: line 3: a guess", "c.txt: one", "c.txt: two"]
    assert warnings_text(results[1:2]) == ""
    assert summary_text(results[:1], Path("out"), 1.0).startswith("1 of 1 script built")


def test_a_piped_batch_prints_plain_text_with_every_warning(tmp_path):
    scripts = tmp_path / "scripts"
    scripts.mkdir()
    (scripts / "guess.txt").write_text(GUESSED_SUPER, encoding="utf-8")
    (scripts / "reference.txt").write_bytes(REFERENCE.read_bytes())
    (scripts / "empty.txt").write_bytes(b"")
    run = subprocess.run([sys.executable, "-m", "broadcast", "build", scripts, "-o", tmp_path / "out"],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert not BOX & set(run.stdout), run.stdout
    lines = run.stdout.splitlines()
    assert lines[0].startswith(f"2 of 3 scripts built into {tmp_path / 'out'} in ")
    assert f"{scripts / 'empty.txt'}\tfailed\t0 files\t0 warnings\t" in run.stdout
    warned = build_one(scripts / "guess.txt", tmp_path / "single", Settings(load_profile())).warnings
    assert warned, "the guessed super no longer warns: pick another script for this test"
    for warning in warned:
        assert f"{scripts / 'guess.txt'}: {warning}" in lines
    others = build_one(scripts / "reference.txt", tmp_path / "single", Settings(load_profile())).warnings
    assert f"{count(len(warned) + len(others), 'warning')}:" in lines
