"""`broadcast preview`: the timeline table, its plain form in a pipe, and `--play`."""

from __future__ import annotations

import io
import re
import time
from dataclasses import replace

import pytest
from rich.console import Console

from broadcast.cli import main
from broadcast.pipeline import build_report, build_text
from broadcast.check import check_cues
from broadcast.preview import Speed, cue_views, reading_speed, running_time
from broadcast.preview.terminal import frame, show, timeline_table
from broadcast.profiles import load_profile
from broadcast.timecode import ms_to_timecode
from tests.conftest import REFERENCE

SHORT = (
    "Council passes budget\n[]\n"
    "The council met tonight to <b>discuss</b> the {budget} & roads in Springfield.\n"
    'JANE DOE CITY MAYOR "We will fix the roads this year, and the bridges next year."\n'
    "The vote was close.\nJL, CGTN, Springfield.\n"
)


@pytest.fixture(scope="module")
def reference_build(reference_report):
    return build_report(reference_report, load_profile())


def _plain(build, **kwargs) -> str:
    out = io.StringIO()
    show(build, console=Console(file=out), **kwargs)
    return out.getvalue()


def test_plain_timeline_prints_every_cue_and_lower_third_of_the_reference(reference_build):
    text = _plain(reference_build)
    rows = text.splitlines()[1:-2]
    assert len(rows) == len(reference_build.cues) + len(reference_build.supers)
    assert "\x1b[" not in text and "┃" not in text  # plain in a pipe
    cue_rows = [r for r in rows if not r.lstrip().startswith("LT")]
    for cue, row in zip(reference_build.cues, cue_rows, strict=True):
        assert row.split()[0] == str(cue.index)
        assert ms_to_timecode(cue.start, reference_build.profile.fps) in row
        assert " / ".join(cue.lines) in row
    for s in reference_build.supers:
        assert f"{s.lower_third.name} — {s.lower_third.title}" in text


def test_cli_preview_prints_every_cue(capsys, reference_build):
    assert main(["preview", str(REFERENCE)]) == 0
    out = capsys.readouterr().out
    for cue in reference_build.cues:
        assert " / ".join(cue.lines) in out


def test_rows_carry_segment_speaker_and_raised_mark(reference_build):
    text = _plain(reference_build)
    putin = next(c for c in reference_build.cues if c.raised)
    row = next(r for r in text.splitlines() if r.split()[0] == str(putin.index))
    assert "soundbite^" in row and "Vladimir Putin" in row
    narration = next(r for r in text.splitlines() if "narration" in r)
    assert "Julia Lyubova" in narration


def test_speed_levels_follow_the_profile():
    build = build_text(SHORT, load_profile())
    fast = replace(build.profile, max_chars_per_second=12.0)
    levels = {v.cue.index: v.speed for v in cue_views(replace(build, profile=fast))}
    for cue in build.cues:
        cps = reading_speed(cue)
        expected = Speed.OVER if cps > 12 else Speed.NEAR if cps > 10.8 else Speed.WITHIN
        assert levels[cue.index] == expected
    assert Speed.OVER in levels.values()


def test_breaches_are_shown_in_colour_in_a_terminal():
    build = build_text(SHORT, replace(load_profile(), max_chars_per_second=10.0))
    out = io.StringIO()
    show(build, console=Console(file=out, force_terminal=True, color_system="standard", width=200))
    text = out.getvalue()
    assert "┃" in text and "\x1b[" in text
    assert "\x1b[1;31m" in text  # bold red: a cue over the reading speed
    assert "(max 10)" in re.sub(r"\x1b\[[0-9;]*m", "", text)
    table = timeline_table(build)
    assert table.row_count == len(build.cues) + len(build.supers)


def test_breaches_are_those_broadcast_check_finds():
    build = build_text(SHORT, load_profile())
    first = build.cues[0]
    rushed = replace(first, end=first.start + 400, lines=(*first.lines, "x" * 50))
    build = replace(build, cues=(rushed, *build.cues[1:]))
    view = cue_views(build)[0]
    assert view.breaches == tuple(b.message for b in check_cues(list(build.cues), build.profile) if b.cue == 1)
    assert len(view.breaches) == 4  # characters per line, lines, reading speed, duration


def test_breaches_listed_in_plain_text():
    build = build_text(SHORT, load_profile())
    first = build.cues[0]
    rushed = replace(first, end=first.start + 400)
    text = _plain(replace(build, cues=(rushed, *build.cues[1:])))
    row = next(r for r in text.splitlines() if r.split()[0] == "1")
    assert "!" in row and "characters a second" in row and "on screen (min" in row


def test_play_shows_each_cue_in_order_at_its_time():
    build = build_text(SHORT, load_profile())
    now = [0.0]

    def sleep(seconds):
        now[0] += seconds

    out = _plain(build, play=True, speed=4.0, clock=lambda: now[0], sleep=sleep)
    lines = out.splitlines()
    texts = [" / ".join(c.lines) for c in build.cues]
    shown = [line.split("  ", 1)[1] for line in lines if "[lower-third]" not in line][:-1]
    assert shown == texts
    assert any("[lower-third] Jane Doe" in line for line in lines)
    assert now[0] == pytest.approx(running_time(build) / 1000 / 4)  # the last cue may outlast its segment
    for cue in build.cues:
        assert f"{ms_to_timecode(cue.start, build.profile.fps)}  {' / '.join(cue.lines)}" in out


def test_play_in_real_time_with_a_large_speed_factor(reference_build):
    began = time.monotonic()
    out = _plain(reference_build, play=True, speed=2000)
    elapsed = time.monotonic() - began
    assert elapsed >= reference_build.total / 1000 / 2000
    assert out.count("\n") == len(reference_build.cues) + len(reference_build.supers) + 1


def test_play_in_a_terminal_draws_frames():
    build = build_text(SHORT, load_profile())
    out = io.StringIO()
    show(build, play=True, speed=1000, console=Console(file=out, force_terminal=True, width=100))
    for cue in build.cues:
        assert cue.lines[0] in out.getvalue()


def test_frame_puts_raised_subtitle_above_the_lower_third():
    build = build_text(SHORT, load_profile())
    raised = next(c for c in build.cues if c.raised)
    out = io.StringIO()
    Console(file=out, width=80).print(frame(build, raised.start))
    rows = out.getvalue().splitlines()
    subtitle_row = next(i for i, r in enumerate(rows) if raised.lines[0] in r)
    name_row = next(i for i, r in enumerate(rows) if "Jane Doe" in r)
    assert subtitle_row < name_row


@pytest.mark.parametrize("speed", ["0", "-2"])
def test_speed_must_be_positive(speed, capsys):
    assert main(["preview", str(REFERENCE), "--play", "--speed", speed]) == 2
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.parametrize("width", [80, 120, 200])
def test_table_gives_subtitle_lines_their_width_first_and_never_rewraps_them(reference_build, width):
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=True, color_system=None)
    console.print(timeline_table(reference_build, width))
    rows = out.getvalue().splitlines()
    assert max(len(r) for r in rows) <= width
    cells = [r.split("│") for r in rows if r.startswith("│")]
    header = next(r for r in rows if r.startswith("┃")).split("┃")
    column = [h.strip() for h in header].index("lines")
    shown = [cell[column].strip() for cell in cells]
    # every subtitle line stands whole in one cell, in order
    expected = [line for cue in reference_build.cues for line in cue.lines]
    assert [s for s in shown if s in expected] == expected
    names = [h.strip() for h in header if h.strip()]
    if width >= 120:
        assert {"#", "start", "dur", "cps", "lines", "segment"} <= set(names)
    if width >= 200:
        assert "end" in names


def test_table_drops_columns_before_it_narrows_the_lines(reference_build):
    narrow = [c.header for c in timeline_table(reference_build, 80).columns]
    wide = [c.header for c in timeline_table(reference_build, 200).columns]
    assert set(narrow) < set(wide) and "lines" in narrow
