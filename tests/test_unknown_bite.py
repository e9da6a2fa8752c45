"""A soundbite the script gives only by its cue words (`IN:` / `OUT:` / `RUNS:`): kept as a
soundbite with no known words, timed by its running time, shown as a cue on the prompter,
with no subtitles and a warning saying what would supply them."""

from __future__ import annotations

from pathlib import Path

from broadcast.exporters import render_all
from broadcast.model import Kind
from broadcast.pipeline import build_text
from broadcast.profiles import load_profile

SCRIPT = (Path(__file__).parent / "fixtures" / "scripts" / "newsroom-network.txt").read_text()


def test_the_clip_is_a_soundbite_of_unknown_words_with_its_running_time():
    build = build_text(SCRIPT, load_profile("broadcast"))
    clip = next(t for t in build.timeline if t.segment.cue_words)
    assert clip.segment.kind is Kind.SOUNDBITE and not clip.segment.words_known
    assert clip.segment.cue_words == ("We are opening", "every library until Friday")
    assert clip.segment.speaker.name == "Mayor Kate Gallego"
    assert clip.duration == 14_000
    index = build.timeline.index(clip)
    assert not [c for c in build.cues if c.segment_index == index]
    assert any("given only by its cue words" in w and "--timings" in w for w in build.warnings)


def test_the_prompter_and_json_show_the_cue():
    out = render_all(build_text(SCRIPT, load_profile("broadcast")))
    assert '[SOT: MAYOR KATE GALLEGO, PHOENIX | IN: "WE ARE OPENING" | OUT: "EVERY LIBRARY UNTIL FRIDAY" | RUNS 0:14]' \
        in out[".prompter.txt"]
    assert '"words_known": false' in out[".json"] and '"runs": 14.0' in out[".json"]
    for suffix in (".srt", ".vtt", ".ass"):
        assert "library" not in out[suffix].lower()
