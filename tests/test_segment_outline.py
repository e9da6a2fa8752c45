"""`broadcast segment --format text`: an outline a producer reads at a glance."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from broadcast.outline import outline
from broadcast.reading import read_script
from broadcast.segment import segment
from tests.conftest import REFERENCE

FIXTURES = Path(__file__).parent / "fixtures" / "scripts"


def test_reference_outline_lists_kinds_speakers_and_counts(reference_report):
    text = outline(reference_report)
    lines = text.splitlines()
    assert lines[0] == reference_report.title
    assert "correspondent: Julia Lyubova" in lines[1] and "convention: web" in lines[1]
    rows = [line for line in lines if line.startswith(" ") and line[:3].strip().isdigit()]
    assert len(rows) == len(reference_report.segments)
    assert "SOUNDBITE" in rows[3] and "Vladimir Putin, Russian President" in rows[3]
    assert "STAND-UP" in rows[9] and "Julia Lyubova, Moscow" in rows[9]
    words = sum(len(s.text.split()) for s in reference_report.segments)
    assert lines[-1] == f"{len(rows)} segments, {words} words"


def test_languages_translation_and_anchor_tag_are_shown():
    report = segment(read_script((FIXTURES / "transcript-cnn.txt").read_bytes()))
    text = outline(report)
    assert "Vladimir Putin, Russian President [translated]" in text
    rows = [line for line in text.splitlines() if line.startswith(" ") and line[:3].strip().isdigit()]
    assert "ANCHOR INTRO" in rows[0] and "ANCHOR TAG" in rows[-1]
    report = segment(read_script((FIXTURES / "agency-cgtn.txt").read_bytes()))
    assert "Resident of Moscow [Russian, translated]" in outline(report)


def test_cli_text_is_the_outline_and_warnings_go_to_stderr(tmp_path):
    run = subprocess.run([sys.executable, "-m", "broadcast", "segment", str(REFERENCE), "--format", "text"],
                         capture_output=True, text=True, check=True)
    assert run.stdout == outline(segment(read_script(REFERENCE.read_bytes())))
    script = tmp_path / "s.txt"
    script.write_text('Title\n[]\nAnchor copy here. Our correspondent Ann Lee reports.\n'
                      'ZHANNA BORISOVNA KIRILLOVA OKTYABRSKAYA "A bite."\nAL, CGTN, Kyiv.\n')
    run = subprocess.run([sys.executable, "-m", "broadcast", "segment", str(script)], capture_output=True,
                         text=True, check=True)
    assert run.stderr.startswith("broadcast: warning: lower-third")
