"""`broadcast check` over several files, as JSON for automation, and in its own words when
a file is not subtitles at all."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from broadcast.check import UNITS, check_text
from broadcast.profiles import load_profile
from tests.conftest import REFERENCE
from tests.test_check import PLANTED, bad_ass, bad_srt, bad_vtt

GOOD_SRT = "1\n00:00:01,000 --> 00:00:03,000\nA fine subtitle\n"


def check(*args, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "broadcast", "check", *map(str, args)], input=stdin,
                          capture_output=True)


@pytest.fixture
def files(tmp_path):
    made = {}
    for name, text in (("bad.srt", bad_srt()), ("bad.vtt", bad_vtt()), ("bad.ass", bad_ass()),
                       ("good.srt", GOOD_SRT)):
        made[name] = tmp_path / name
        made[name].write_text(text, encoding="utf-8")
    return made


def test_several_files_are_listed_each_line_naming_its_file(files):
    run = check(files["bad.srt"], files["good.srt"], files["bad.vtt"])
    assert run.returncode == 1
    lines = run.stdout.decode().splitlines()
    assert len(lines) == 2 * len(PLANTED)
    assert sum(line.startswith(f"{files['bad.srt']}: cue ") for line in lines) == len(PLANTED)
    assert sum(line.startswith(f"{files['bad.vtt']}: cue ") for line in lines) == len(PLANTED)
    assert run.stderr.decode().strip() == "14 breaches of profile broadcast in 3 files"


def test_json_has_one_object_per_breach_with_file_cue_rule_value_and_limit(files):
    run = check(*files.values(), "--format", "json")
    assert run.returncode == 1
    records = json.loads(run.stdout)
    assert len(records) == 3 * len(PLANTED)
    for record in records:
        assert {"file", "cue", "rule", "value", "limit"} <= set(record)
        assert record["unit"] == UNITS[record["rule"]]
        assert record["rule"] in UNITS
        assert record["value"] is None or isinstance(record["value"], (int, float))
    assert {(r["cue"], r["rule"]) for r in records if r["file"] == str(files["bad.vtt"])} == set(PLANTED)
    profile = load_profile("broadcast")
    by_rule = {r["rule"]: r for r in records}
    assert by_rule["characters per line"]["limit"] == profile.max_chars_per_line
    assert by_rule["characters per line"]["value"] > profile.max_chars_per_line
    assert by_rule["lines"]["limit"] == profile.max_lines
    assert by_rule["reading speed"]["limit"] == profile.max_chars_per_second


def test_json_values_are_the_breaches_measured():
    """The value breaks the limit the way the rule says (over a maximum, under a minimum)."""
    profile = load_profile("broadcast")
    for breach in check_text(bad_srt(), profile):
        if breach.rule in ("gap",):
            assert breach.value < breach.limit
        elif breach.rule == "overlap":
            assert breach.value > 0 == breach.limit
        elif breach.rule == "duration":
            assert breach.value < breach.limit or breach.value > breach.limit
        elif breach.value is not None:
            assert breach.value > breach.limit, breach


def test_a_clean_file_is_an_empty_array_and_exit_0(files):
    run = check(files["good.srt"], "--format", "json", "--profile", "bbc")
    assert (run.returncode, json.loads(run.stdout)) == (0, [])


def test_an_unreadable_file_among_several_is_said_and_the_rest_still_checked(files, tmp_path):
    missing = tmp_path / "missing.srt"
    run = check(files["bad.srt"], missing, files["good.srt"], "--format", "json")
    assert run.returncode == 2
    errors = [line for line in run.stderr.decode().splitlines() if line.startswith("broadcast: error:")]
    assert errors == [f"broadcast: error: {missing}: No such file or directory"]
    assert {r["file"] for r in json.loads(run.stdout)} == {str(files["bad.srt"])}


PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)


@pytest.mark.parametrize("content, says", [
    (REFERENCE.read_bytes(), "is not a subtitle file: no line in it is a cue's timing"),
    (b"Title\nJust prose, the way a script is typed.\n", "is not a subtitle file: no line in it is a cue's timing"),
    (PDF, "is not a subtitle file: it is binary, not text"),
    (PNG, "is not a subtitle file: it is binary, not text"),
    (b"", "the file is empty: no subtitles in it"),
])
def test_a_file_that_is_not_subtitles_is_said_so_in_its_own_words(content, says, tmp_path):
    path = tmp_path / "input.srt"
    path.write_bytes(content)
    run = check(path)
    assert run.returncode == 2 and run.stdout == b""
    (line,) = run.stderr.decode().splitlines()
    assert line.startswith(f"broadcast: error: {path}: {says}")
    # none of a parser's words, nor a script reader's advice
    for foreign in ("Expected contiguous", "unmatched content", "char ", "script as plain text"):
        assert foreign not in line
