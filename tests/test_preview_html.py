"""`STEM.preview.html`: the frame as the ASS places it, the timeline, escaping, and the page
driven in the system chromium."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from html.parser import HTMLParser

import pysubs2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadcast.cli import main
from broadcast.exporters import by_suffix, exporters
from broadcast.exporters._html import escape
from broadcast.exporters.ass import escape as ass_escape
from broadcast.exporters.preview_html import event_markup, frame_markup
from broadcast.pipeline import build_report, build_text
from broadcast.preview import Speed, cue_views, running_time
from broadcast.profiles import load_profile
from tests.conftest import REFERENCE

HOSTILE = (
    "Council <script>alert('x')</script> vote\n[]\n"
    "The council met tonight to <b>discuss</b> the {budget} & \\N roads </script><!-- in Springfield.\n"
    'JANE DOE CITY MAYOR "We will fix the roads this year, & <i>the</i> bridges next year."\n'
    "The vote was close.\nJL, CGTN, Springfield.\n"
)


@pytest.fixture(scope="module")
def reference_build(reference_report):
    return build_report(reference_report, load_profile())


@pytest.fixture(scope="module")
def reference_page(reference_build, tmp_path_factory):
    path = tmp_path_factory.mktemp("preview") / "reference.preview.html"
    path.write_text(exporters()["preview"].export(reference_build), encoding="utf-8")
    return path


class _Text(HTMLParser):
    """The text of elements with a given attribute, as a browser would show it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if tag == "span" and ("class", "line") in attrs:
            self.lines.append("")
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "span" and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.lines[-1] += data


def test_build_writes_the_preview_page(tmp_path):
    assert by_suffix(".preview.html") is exporters()["preview"]
    assert main(["build", str(REFERENCE), "-o", str(tmp_path), "--only", "preview"]) == 0
    text = (tmp_path / "syria-peace-process.preview.html").read_text(encoding="utf-8")
    assert text.startswith("<!doctype html>")


def test_page_carries_every_cue(reference_build, reference_page):
    text = reference_page.read_text(encoding="utf-8")
    assert len(re.findall(r'<div class="cue speed-\w+" data-cue="\d+"', text)) == len(reference_build.cues)
    assert len(re.findall(r'<tr data-cue="\d+"', text)) == len(reference_build.cues)
    for cue in reference_build.cues:
        assert "<br>".join(escape(line) for line in cue.lines) in text


def test_page_loads_nothing(reference_page):
    text = reference_page.read_text(encoding="utf-8")
    assert "default-src 'none'" in text
    assert not re.search(r"""\b(?:src|href)=["']?(?:https?:)?//""", text)
    assert "@import" not in text and "url(" not in text


def test_frame_holds_every_ass_event_with_its_style(reference_build):
    ass_text = exporters()["ass"].export(reference_build)
    ass = pysubs2.SSAFile.from_string(ass_text)
    css, events, play_res = frame_markup(ass_text)
    assert play_res == (int(ass.info["PlayResX"]), int(ass.info["PlayResY"]))
    assert events.count('class="ev ') == len(ass.events)
    assert events.count("data-subtitle") == sum(e.style in ("Subtitle", "SubtitleTop") for e in ass.events)
    # every style's margins and size reach the CSS, read from the sheet
    for name, style in ass.styles.items():
        assert f"line-height:{style.fontsize:g}px" in css, name
    subtitle = ass.styles["Subtitle"]
    assert f"bottom:{subtitle.marginv:g}px" in events
    assert f"top:{ass.styles['SubtitleTop'].marginv:g}px" in events


def test_speed_colours_of_the_timeline():
    build = build_text(HOSTILE, load_profile())
    first = build.cues[0]
    fast = replace(first, end=first.start + 500)
    build = replace(build, cues=(fast, *build.cues[1:]))
    text = exporters()["preview"].export(build)
    levels = {v.cue.index: v.speed for v in cue_views(build)}
    assert levels[1] == Speed.OVER
    for index, speed in levels.items():
        assert f'<div class="cue speed-{speed}" data-cue="{index}"' in text


@settings(max_examples=150, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc"),
                             # the ASS escape's own stand-ins for braces and its word joiner
                             blacklist_characters="\u2774\u2775\u2060"), min_size=1, max_size=60))
def test_any_script_text_is_shown_as_written(text):
    """What the ASS exporter escapes, the frame shows as the script wrote it."""
    event = pysubs2.SSAEvent(start=0, end=1000, style="Subtitle", text=ass_escape(text))
    parser = _Text()
    parser.feed(event_markup(event, "st0", pysubs2.SSAStyle(), (1920, 1080)))
    assert parser.lines == [text]


def test_input_text_is_escaped():
    build = build_text(HOSTILE, load_profile())
    text = exporters()["preview"].export(build)
    assert "<script>alert" not in text and "<b>discuss" not in text and "<i>the</i>" not in text
    assert text.count("<script") == 2  # the page's data and its code
    assert "&lt;b&gt;discuss&lt;/b&gt;" in text
    data = text[text.index('id="preview-data">'):]
    assert "</script><!--" not in data[:data.index("</script>")]


def test_video_is_referred_to_from_the_output_folder(tmp_path):
    (tmp_path / "media").mkdir()
    video = tmp_path / "media" / "clip one.mp4"
    video.write_bytes(b"")
    build = build_text(HOSTILE, load_profile(), video=video, output_dir=tmp_path / "out")
    text = exporters()["preview"].export(build)
    assert '<video id="video" src="../media/clip%20one.mp4"' in text
    assert "WEBVTT" in text


in_chromium = pytest.mark.browser


@in_chromium
def test_seeking_to_each_cue_shows_its_text(page, reference_build, reference_page):
    page.goto(reference_page.as_uri())
    for cue in reference_build.cues:
        page.click(f'.cue[data-cue="{cue.index}"]')
        shown = page.locator("#canvas [data-subtitle].on")
        assert shown.count() == 1
        assert shown.inner_text() == "\n".join(cue.lines)
        assert str(cue.index) in page.text_content("#details")


@in_chromium
def test_raised_cue_and_lower_third_sit_where_the_ass_puts_them(page, reference_build, reference_page):
    sheet = pysubs2.load(str(reference_build.profile.style_sheet_path()))
    page.goto(reference_page.as_uri())
    frame = page.locator("#stage").bounding_box()
    scale = frame["width"] / 1920
    s = reference_build.supers[0]
    page.evaluate(f"preview.seek({s.start + 500})")
    raised = page.locator("#canvas [data-subtitle].on").bounding_box()
    assert raised["y"] - frame["y"] < frame["height"] / 3  # moved to the top
    name = page.locator("#canvas .ev.on", has_text=s.lower_third.name).bounding_box()
    title = page.locator("#canvas .ev.on", has_text=s.lower_third.title).bounding_box()
    style = sheet.styles["LowerThirdName"]
    assert name["x"] - frame["x"] == pytest.approx(style.marginl * scale, abs=3)
    bottom = frame["y"] + frame["height"] - sheet.styles["LowerThirdTitle"].marginv * scale
    assert title["y"] + title["height"] == pytest.approx(bottom, abs=3)
    assert name["y"] < title["y"]
    assert page.locator("#canvas .ev.on svg, #canvas svg.ev.on").count() == 1  # the accent bar
    # before it comes on and after it leaves, no lower-third
    for t in (s.start - 200, s.end + 200):
        page.evaluate(f"preview.seek({t})")
        assert page.locator("#canvas .ev.on", has_text=s.lower_third.name).count() == 0
    # a subtitle with no lower-third stays at the bottom
    low = next(c for c in reference_build.cues if not c.raised)
    page.click(f'.cue[data-cue="{low.index}"]')
    frame = page.locator("#stage").bounding_box()  # the click may have scrolled the page
    box = page.locator("#canvas [data-subtitle].on").bounding_box()
    bottom = frame["y"] + frame["height"] - sheet.styles["Subtitle"].marginv * scale
    assert box["y"] + box["height"] == pytest.approx(bottom, abs=3)


@in_chromium
def test_play_pause_and_seek_bar(page, reference_page):
    page.goto(reference_page.as_uri())
    assert page.evaluate("preview.time()") == 0
    page.click("#play")
    page.wait_for_timeout(400)
    page.click("#play")
    paused = page.evaluate("preview.time()")
    assert 200 < paused < 3000
    page.wait_for_timeout(200)
    assert page.evaluate("preview.time()") == paused
    page.locator("#seek").fill("60000")
    assert page.evaluate("preview.time()") == 60000
    assert page.text_content("#clock") == "00:01:00:00"


@in_chromium
def test_hover_shows_details(page, reference_build, reference_page):
    page.goto(reference_page.as_uri())
    cue = reference_build.cues[3]
    page.hover(f'.cue[data-cue="{cue.index}"]')
    details = page.text_content("#details")
    assert f"Cue {cue.index}" in details and cue.lines[0] in details


@in_chromium
def test_hostile_text_runs_nothing_and_shows_as_written(page, tmp_path):
    build = build_text(HOSTILE, load_profile())
    path = tmp_path / "hostile.preview.html"
    path.write_text(exporters()["preview"].export(build), encoding="utf-8")
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    assert not dialogs and not errors
    assert page.title().startswith("Council <script>alert('x')</script> vote")
    cue = build.cues[0]
    page.click(f'.cue[data-cue="{cue.index}"]')
    assert page.locator("#canvas [data-subtitle].on").inner_text() == "\n".join(cue.lines)
    assert "<b>discuss</b>" in page.text_content(".cues-list")


@in_chromium
def test_with_video_the_page_plays_it_with_the_webvtt_track(page, tmp_path, ffmpeg):
    video = tmp_path / "clip.mp4"
    subprocess.run([ffmpeg, "-v", "error", "-f", "lavfi", "-i", "color=c=gray:s=320x180:r=25:d=14",
                    "-c:v", "libx264", "-pix_fmt", "yuv420p", str(video)], check=True)
    out = tmp_path / "out"
    script = tmp_path / "council.txt"
    script.write_text(HOSTILE, encoding="utf-8")
    assert main(["build", str(script), "-o", str(out), "--only", "preview", "--video", str(video)]) == 0
    build = build_text(HOSTILE, load_profile())
    page.goto((out / "council.preview.html").as_uri())
    page.wait_for_function("document.getElementById('video').readyState >= 1")
    page.wait_for_function("(document.getElementById('video').textTracks[0].cues || []).length > 0")
    assert page.evaluate("document.getElementById('video').textTracks[0].cues.length") == len(build.cues)
    s = build.supers[0]
    page.evaluate(f"preview.seek({s.start + 500})")
    page.wait_for_function(f"Math.abs(preview.time() - {s.start + 500}) < 50")
    assert page.locator("#canvas .ev.on", has_text=s.lower_third.name).is_visible()
    # the subtitles are the track's, drawn by the video element, not the frame's own
    assert not page.locator("#canvas [data-subtitle].on").is_visible()
    active = page.evaluate("[...document.getElementById('video').textTracks[0].activeCues].map(c => c.text)")
    assert len(active) == 1


def test_running_time_covers_every_cue(reference_build):
    assert running_time(reference_build) >= max(c.end for c in reference_build.cues)




SIZE = (960, 540)  # both pictures are compared at this size


def _pixels(ffmpeg: str, inputs: list[str], filters: str, cwd, stdin: bytes | None = None) -> bytes:
    """RGB bytes of one picture, after `filters`, scaled to SIZE by ffmpeg."""
    return subprocess.run(
        [ffmpeg, "-v", "error", *inputs, "-vf", f"{filters}scale={SIZE[0]}:{SIZE[1]}", "-frames:v", "1",
         "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
        input=stdin, capture_output=True, check=True, cwd=cwd).stdout


def _box(rgb: bytes, colour: pysubs2.Color, rows: tuple[float, float] = (0, 1), tolerance: int = 12):
    """Where a colour is: (left, top, right, bottom) as fractions of the picture."""
    width, height = SIZE
    xs, ys = [], []
    for y in range(int(rows[0] * height), int(rows[1] * height)):
        line = rgb[y * width * 3:(y + 1) * width * 3]
        for x in range(width):
            r, g, b = line[3 * x:3 * x + 3]
            if abs(r - colour.r) <= tolerance and abs(g - colour.g) <= tolerance and abs(b - colour.b) <= tolerance:
                xs.append(x)
                ys.append(y)
    assert xs, f"no pixel of {colour}"
    return min(xs) / width, min(ys) / height, (max(xs) + 1) / width, (max(ys) + 1) / height


@in_chromium
@pytest.mark.parametrize("profile", ["broadcast", "bbc", "dcmp"])
def test_frame_matches_what_libass_draws(page, tmp_path, ffmpeg, profile):
    """The page's frame and a frame libass renders from the same ASS file agree on where the
    raised subtitle, the lower-third boxes and the accent bar are."""
    from broadcast.preview.render import font_files
    build = build_text(HOSTILE, load_profile(profile))
    sup = build.supers[0]
    t = sup.start + 1000  # faded in, with the raised cue on screen
    (tmp_path / "council.ass").write_text(exporters()["ass"].export(build), encoding="utf-8")
    (tmp_path / "fonts").mkdir()
    for font in font_files(["DejaVu Sans"]):
        (tmp_path / "fonts" / font.name).symlink_to(font)
    libass = _pixels(ffmpeg, ["-f", "lavfi", "-i", f"color=c=0x406080:s=1920x1080:r=25:d={t / 1000 + 1}",
                              "-ss", f"{t / 1000}"], "ass=council.ass:fontsdir=fonts,", tmp_path)
    page.goto(_page(tmp_path, build).as_uri())
    page.evaluate(f"preview.seek({t})")
    page.add_style_tag(content=".stage{background:#406080}")
    shot = page.locator("#stage").screenshot()
    chromium = _pixels(ffmpeg, ["-f", "png_pipe", "-i", "-"], "", tmp_path, stdin=shot)
    sheet = pysubs2.load(str(tmp_path / "council.ass"))
    parts = {
        "name box": (sheet.styles["LowerThirdName"].outlinecolor, (0.5, 1)),
        "title box": (sheet.styles["LowerThirdTitle"].outlinecolor, (0.5, 1)),
        **({"accent bar": (sheet.styles["LowerThirdBar"].primarycolor, (0.5, 1))}
           if "LowerThirdBar" in sheet.styles else {}),
        "raised subtitle": (sheet.styles["SubtitleTop"].primarycolor, (0, 0.5)),
    }
    for part, (colour, rows) in parts.items():
        drawn, shown = _box(libass, colour, rows), _box(chromium, colour, rows)
        for edge, a, b in zip(("left", "top", "right", "bottom"), drawn, shown):
            assert a == pytest.approx(b, abs=0.008), f"{part} {edge}: libass {a:.3f}, page {b:.3f}"


def _page(folder, build):
    path = folder / "page.preview.html"
    path.write_text(exporters()["preview"].export(build), encoding="utf-8")
    return path


def test_running_time_is_a_duration_not_programme_time(reference_report):
    # With --start 10:00:00:00 the cues show programme time, but the running time stays 2:47-ish.
    build = build_report(reference_report, load_profile(), start="10:00:00:00")
    assert build.offset == 36_000_000
    page = exporters()["preview"].export(build)
    assert re.search(r"running time 00:0\d:\d\d:\d\d", page)
