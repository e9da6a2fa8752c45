"""`broadcast render`: the ASS burnt in with ffmpeg and libass, and the contact sheet; rendered
for real with the system ffmpeg."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess

import pytest

from broadcast.cli import main
from broadcast.pipeline import build_text
from broadcast.preview import running_time
from broadcast.preview.render import (
    BACKGROUND, GAP, LABEL_HEIGHT, SHEET_COLOUR, TILE_WIDTH, contact_labels, select_expression, sheet_grid,
)
from broadcast.profiles import load_profile

SCRIPT = (
    "Council passes budget\n[]\n"
    "The council met tonight to <b>discuss</b> the {budget} & roads in Springfield, and after a "
    "long debate it voted to spend more on the bridges than on the parks.\n"
    'JANE DOE CITY MAYOR "We will fix the roads this year, and the bridges next year."\n'
    "The vote was close, seven to six, and the mayor's opponents promised to bring the budget "
    "back before the council in the spring.\nJL, CGTN, Springfield.\n"
)


@pytest.fixture(scope="module")
def script(tmp_path_factory):
    path = tmp_path_factory.mktemp("script") / "council.txt"
    path.write_text(SCRIPT, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def build():
    return build_text(SCRIPT, load_profile())


@pytest.fixture(scope="module")
def rendered(script, tmp_path_factory, ffmpeg):
    out = tmp_path_factory.mktemp("render")
    assert main(["render", str(script), "-o", str(out)]) == 0
    return out


def _probe(path) -> dict:
    done = subprocess.run(["ffprobe", "-v", "error", "-show_entries",
                           "format=duration:stream=codec_type,codec_name,width,height,r_frame_rate",
                           "-of", "json", str(path)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _png_size(path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def _rgb(ffmpeg, path) -> bytes:
    return subprocess.run([ffmpeg, "-v", "error", "-i", str(path), "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
                          capture_output=True, check=True).stdout


def _colour(hex_colour: str) -> tuple[int, int, int]:
    value = int(hex_colour, 16)
    return value >> 16, value >> 8 & 255, value & 255


def test_sheet_grid():
    assert sheet_grid(1) == (1, 1)
    assert sheet_grid(4) == (4, 1)
    assert sheet_grid(5) == (5, 1)
    assert sheet_grid(6) == (5, 2)
    assert sheet_grid(36) == (5, 8)


def test_one_frame_chosen_per_cue(build):
    expression = select_expression([1.0, 2.5])
    assert expression == "gte(t,1.000)*lt(prev_pts*TB,1.000)+gte(t,2.500)*lt(prev_pts*TB,2.500)"
    labels = contact_labels(build)
    assert len(labels) == len(build.cues)
    assert labels[0].startswith("1 ") and labels[0].endswith("00:00:00:00")


@pytest.mark.ffmpeg
def test_render_writes_the_video_and_the_contact_sheet(rendered, build):
    assert sorted(p.name for p in rendered.iterdir()) == ["council.contact.png", "council.preview.mp4"]
    probe = _probe(rendered / "council.preview.mp4")
    video = next(s for s in probe["streams"] if s["codec_type"] == "video")
    assert (video["codec_name"], video["width"], video["height"]) == ("h264", 1920, 1080)
    assert video["r_frame_rate"] == "25/1"
    frame = 1 / float(build.profile.fps)
    assert float(probe["format"]["duration"]) == pytest.approx(running_time(build) / 1000, abs=frame)


@pytest.mark.ffmpeg
def test_contact_sheet_has_one_tile_per_cue(rendered, build, ffmpeg):
    columns, rows = sheet_grid(len(build.cues))
    assert len(build.cues) > columns  # a second row, with empty slots
    tile_w, tile_h = TILE_WIDTH, TILE_WIDTH * 9 // 16 + LABEL_HEIGHT
    width, height = _png_size(rendered / "council.contact.png")
    assert (width, height) == (columns * tile_w + (columns + 1) * GAP, rows * tile_h + (rows + 1) * GAP)
    rgb = _rgb(ffmpeg, rendered / "council.contact.png")
    background, white = _colour(BACKGROUND), (255, 255, 255)

    def pixels(slot: int, top: float, bottom: float) -> set:
        """The colours in a band of a slot's picture (below its label)."""
        x0 = GAP + (slot % columns) * (tile_w + GAP)
        y0 = GAP + (slot // columns) * (tile_h + GAP) + LABEL_HEIGHT
        found = set()
        for y in range(y0 + int(top * (tile_h - LABEL_HEIGHT)), y0 + int(bottom * (tile_h - LABEL_HEIGHT))):
            row = rgb[(y * width + x0) * 3:(y * width + x0 + tile_w) * 3]
            found.update(tuple(row[i:i + 3]) for i in range(0, len(row), 3))
        return found

    def near(colour, found: set, tolerance: int = 6) -> bool:  # colours pass through YUV
        return any(all(abs(a - b) <= tolerance for a, b in zip(colour, c)) for c in found)

    for slot in range(columns * rows):
        frame = pixels(slot, 0.3, 0.6)  # between the top and bottom subtitles: background only
        if slot < len(build.cues):
            assert near(background, frame), f"tile {slot + 1} has no picture"
            cue = build.cues[slot]
            text = pixels(slot, 0, 0.3) if cue.raised else pixels(slot, 0.7, 1)
            assert near(white, text, 24), f"tile {slot + 1}: no subtitle drawn"
        else:
            assert not near(background, frame), f"slot {slot + 1} should be empty"
            assert near(_colour(SHEET_COLOUR), frame), f"slot {slot + 1} should be empty"


@pytest.mark.ffmpeg
def test_render_onto_a_video_keeps_its_size_length_and_sound(script, tmp_path, ffmpeg, build):
    clip = tmp_path / "clip.mp4"
    subprocess.run([ffmpeg, "-v", "error", "-f", "lavfi", "-i", "testsrc2=s=640x360:r=30:d=15", "-f", "lavfi",
                    "-i", "sine=d=15", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                    str(clip)], check=True)
    out = tmp_path / "out"
    assert main(["render", str(script), "-o", str(out), "--video", str(clip)]) == 0
    probe = _probe(out / "council.preview.mp4")
    kinds = {s["codec_type"]: s for s in probe["streams"]}
    assert set(kinds) == {"video", "audio"}
    assert (kinds["video"]["width"], kinds["video"]["height"]) == (640, 360)
    assert float(probe["format"]["duration"]) == pytest.approx(15, abs=0.1)
    columns, rows = sheet_grid(len(build.cues))
    tile_h = round(TILE_WIDTH * 360 / 640 / 2) * 2 + LABEL_HEIGHT
    assert _png_size(out / "council.contact.png") == (columns * TILE_WIDTH + (columns + 1) * GAP,
                                                      rows * tile_h + (rows + 1) * GAP)


@pytest.mark.ffmpeg
def test_a_failed_render_leaves_nothing(script, tmp_path, capsys, ffmpeg):
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"not a video at all" * 100)
    out = tmp_path / "out"
    assert main(["render", str(script), "-o", str(out), "--video", str(broken)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ffmpeg could not render council" in err
    assert list(out.iterdir()) == []


def test_missing_video_is_unusable_input(script, tmp_path, capsys, ffmpeg):
    out = tmp_path / "out"
    assert main(["render", str(script), "-o", str(out), "--video", str(tmp_path / "none.mp4")]) == 2
    assert "no such video file" in capsys.readouterr().err
    assert list(out.iterdir()) == []


def test_without_ffmpeg_render_says_how_to_install_it(script, tmp_path, capsys, monkeypatch):
    real_which = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None if name == "ffmpeg" else real_which(name, *a, **k))
    assert main(["render", str(script), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "apt-get install ffmpeg" in err
    assert not any((tmp_path / "out").iterdir())


def test_sigterm_stops_ffmpeg_and_removes_the_work_folder(ffmpeg, tmp_path):
    """SIGTERM while ffmpeg renders: ffmpeg is stopped with the command, and neither its work
    folder nor a partial output is left."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import REFERENCE
    body = REFERENCE.read_text(encoding="utf-8").splitlines()
    source = tmp_path / "long.txt"
    source.write_text("\n".join(body[:2] + body[2:-1] * 4 + body[-1:]), encoding="utf-8")
    out = tmp_path / "out"
    run = subprocess.Popen([sys.executable, "-m", "broadcast", "render", str(source), "-o", str(out)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    children: list[str] = []
    while time.monotonic() < deadline and not children:  # until ffmpeg is rendering
        time.sleep(0.1)
        children = subprocess.run(["pgrep", "-P", str(run.pid), "ffmpeg"], capture_output=True,
                                  text=True).stdout.split()
    assert children, "ffmpeg never started"
    time.sleep(0.5)
    run.send_signal(signal.SIGTERM)
    _, err = run.communicate(timeout=60)
    # 130; or 2 when ffmpeg itself failed first (a machine short of memory): either way
    # nothing may be left behind
    assert run.returncode in (130, 2) and "Traceback" not in err, err
    for pid in children:
        assert not os.path.exists(f"/proc/{pid}") or "zombie" in open(f"/proc/{pid}/status").read().lower()
    assert list(out.iterdir()) == []
