"""Fixture scripts of each convention segment exactly as a producer checked them.

Each `tests/fixtures/scripts/NAME.txt` has its expected report in `NAME.expected.json`
(kinds, texts, lower-thirds, languages, title, correspondent, network, location). The name's
first word is the convention detection must pick. Set BROADCAST_UPDATE_GOLDEN=1 to rewrite the
expected files after a deliberate change, then read the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from broadcast.reading import read_script
from broadcast.segment import CONVENTIONS, detect, lex, segment

FIXTURES = Path(__file__).parent / "fixtures" / "scripts"
SCRIPTS = sorted(FIXTURES.glob("*.txt"))


def _expected_form(report) -> dict:
    return {
        "convention": report.convention,
        "title": report.title,
        "tags": list(report.tags),
        "network": report.network,
        "correspondent": report.correspondent,
        "location": report.location,
        "form": report.form,
        "stated_trt": report.stated_trt,
        "signoff": report.signoff.spoken if report.signoff else None,
        "segments": [
            {
                "kind": str(s.kind),
                "text": s.text,
                "speaker": None if s.speaker is None else {"name": s.speaker.name, "title": s.speaker.title},
                **({"language": s.language} if s.language else {}),
                **({"translated": True} if s.translated else {}),
                **({"runs": s.runs} if s.runs else {}),
                **({"cue_words": list(s.cue_words)} if s.cue_words else {}),
            }
            for s in report.segments
        ],
    }


def _read(path: Path) -> str:
    return read_script(path.read_bytes())


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.stem)
def test_fixture_segments_as_expected(path):
    got = _expected_form(segment(_read(path)))
    golden = path.with_suffix(".expected.json")
    if os.environ.get("BROADCAST_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    want = json.loads(golden.read_text(encoding="utf-8"))
    for key in ("convention", "title", "tags", "network", "correspondent", "location", "form", "stated_trt",
                "signoff"):
        assert got[key] == want.get(key), key
    assert got["segments"] == want["segments"]


@pytest.mark.parametrize("path", [p for p in SCRIPTS if p.stem.split("-")[0] in CONVENTIONS], ids=lambda p: p.stem)
def test_detection_picks_the_fixture_convention(path):
    text = _read(path)
    assert detect(text, lex(text)).convention == path.stem.split("-")[0]


def test_every_convention_has_fixtures():
    named = {p.stem.split("-")[0] for p in SCRIPTS}
    assert set(CONVENTIONS) <= named


def test_a_capital_and_a_time_is_not_a_transcript_speaker():
    # found by benchmarks/fuzz.py: "Ï 00:01.000" read as the label of a speaker "Ï 00"
    script = ("Ï 00:01.000 e.g. Zo\nThe talks went on. Our correspondent María Lyubova reports from "
              "Nairobi.\nMARÍA LYUBOVA NAIROBI The rains came.\n")
    assert segment(read_script(script.encode())).convention == "web"


def test_a_long_headline_without_a_full_stop_is_the_title():
    # found by benchmarks/fuzz.py: a 197-character first line was taken for anchor copy
    title = " ".join(["x" * 60, "to", "x" * 60, "x" * 60])
    script = f"{title}\nThe talks went on in Sochi. Our correspondent reports.\nMK, BBC, Sochi.\n"
    report = segment(read_script(script.encode()))
    assert report.title == title
    assert report.segments[0].text.startswith("The talks")


def test_a_script_mixing_two_conventions_is_read_with_a_warning_naming_both():
    report = segment(_read(FIXTURES / "production-mixed.txt"))
    doubt = [w for w in report.warnings if "also as" in w]
    assert doubt and "production" in doubt[0] and "transcript" in doubt[0]
    assert [str(s.kind) for s in report.segments] == ["anchor_intro", "narration", "soundbite", "standup", "signoff"]


def test_a_clear_script_is_read_without_doubt():
    text = _read(FIXTURES / "newsroom-local.txt")
    detection = detect(text, lex(text))
    assert detection.convention == "newsroom" and not detection.warnings and detection.margin > 0.5
