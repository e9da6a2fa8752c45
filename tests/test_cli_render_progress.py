"""`broadcast render` draws ffmpeg's progress on a terminal and stays quiet when piped."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys


from broadcast.pipeline import build_text
from broadcast.preview import running_time
from broadcast.preview.render import VSTATS as VSTATS_NAME
from broadcast.preview.render import encoded_frames, ffmpeg_command, render
from broadcast.profiles import load_profile
from tests.test_render import SCRIPT


VSTATS = [
    "out=  0 st=  0 frame=     1 q= 0.0 f_size=  4521 s_size=       4kB time=  0.000 br=  0.0kbits/s",
    "out=  1 st=  0 frame=     1 q= 0.0 f_size=  9000 s_size=       9kB time=  0.000 br=  0.0kbits/s",
    "out=  0 st=  0 frame=   248 q= 25.0 f_size=  465 s_size=      93kB time=  9.880 br= 77.1kbits/s",
]


def test_the_encoded_frames_are_the_last_line_of_the_first_output_s_video():
    assert encoded_frames(VSTATS) == 248
    assert encoded_frames(VSTATS[:2]) == 1  # the contact sheet (output 1) does not count
    assert encoded_frames(VSTATS[1:2]) is None and encoded_frames([]) is None


def test_the_command_logs_encoded_frames_only_when_progress_is_drawn():
    build = build_text(SCRIPT, load_profile())
    quiet = ffmpeg_command("ffmpeg", build, None, (1920, 1080), "25/1")
    assert "-vstats_file" not in quiet
    reporting = ffmpeg_command("ffmpeg", build, None, (1920, 1080), "25/1", progress=True)
    assert reporting[reporting.index("-vstats_file") + 1] == VSTATS_NAME
    assert [a for a in reporting if a not in ("-vstats_file", VSTATS_NAME)] == quiet


def test_render_reports_progress_up_to_the_running_time(tmp_path, ffmpeg):
    build = build_text(SCRIPT, load_profile())
    reports = []
    paths = render(build, tmp_path, "council", progress=lambda done, total: reports.append((done, total)))
    assert [p.name for p in paths] == ["council.preview.mp4", "council.contact.png"]
    total = running_time(build) / 1000
    assert len(reports) >= 2 and {t for _, t in reports} == {total}
    done = [d for d, _ in reports]
    assert done == sorted(done) and done[-1] == total and all(0 <= d <= total for d in done)
    # reported while the video is made, not only at the end
    assert any(0 < d < total * 0.9 for d in done), done


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
