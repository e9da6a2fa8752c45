"""`broadcast render` draws ffmpeg's progress on a terminal and stays quiet when piped."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys

import pytest

from broadcast.pipeline import build_text
from broadcast.preview import running_time
from broadcast.preview.render import ffmpeg_command, progress_seconds, render
from broadcast.profiles import load_profile
from tests.test_render import SCRIPT


@pytest.mark.parametrize("line, seconds", [
    ("out_time_us=1500000\n", 1.5), ("out_time_us=N/A\n", None), ("frame=12\n", None),
    ("out_time_us=-23000\n", 0.0), ("progress=end\n", None),
])
def test_progress_lines_are_read_for_the_time_rendered(line, seconds):
    assert progress_seconds(line) == seconds


def test_the_command_asks_ffmpeg_for_progress_only_when_it_is_drawn():
    build = build_text(SCRIPT, load_profile())
    quiet = ffmpeg_command("ffmpeg", build, None, (1920, 1080), "25/1")
    assert "-progress" not in quiet
    reporting = ffmpeg_command("ffmpeg", build, None, (1920, 1080), "25/1", progress=True)
    assert reporting[reporting.index("-progress") + 1] == "pipe:1"
    assert [a for a in reporting if a not in ("-progress", "pipe:1", "-nostats")] == quiet


def test_render_reports_progress_up_to_the_running_time(tmp_path, ffmpeg):
    build = build_text(SCRIPT, load_profile())
    reports = []
    paths = render(build, tmp_path, "council", progress=lambda done, total: reports.append((done, total)))
    assert [p.name for p in paths] == ["council.preview.mp4", "council.contact.png"]
    total = running_time(build) / 1000
    assert len(reports) >= 2 and {t for _, t in reports} == {total}
    done = [d for d, _ in reports]
    assert done == sorted(done) and done[-1] == total and all(0 <= d <= total for d in done)


def run_render(tmp_path, terminal: bool) -> str:
    script = tmp_path / "council.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    command = [sys.executable, "-m", "broadcast", "render", str(script), "-o", str(tmp_path / "out")]
    if not terminal:
        run = subprocess.run(command, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        return run.stderr
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100"}
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=follower, env=env) as process:
        os.close(follower)
        seen = b""
        while True:
            ready, _, _ = select.select([leader], [], [], 60)
            if not ready:
                break
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            seen += chunk
        assert process.wait() == 0
    os.close(leader)
    return seen.decode("utf-8", "replace")


def test_on_a_terminal_render_draws_a_progress_bar(tmp_path, ffmpeg):
    shown = run_render(tmp_path, terminal=True)
    assert "rendering council" in shown
    assert "council.preview.mp4" in shown


def test_piped_render_says_only_what_it_wrote(tmp_path, ffmpeg):
    said = run_render(tmp_path, terminal=False)
    assert said.splitlines() == [f"wrote {tmp_path / 'out' / 'council.preview.mp4'}",
                                 f"wrote {tmp_path / 'out' / 'council.contact.png'}"]
