"""The HTML prompter: self-contained, escaped, and working in real Chromium: it scrolls at the
read rate, space pauses, arrows change speed and jump between segments, M mirrors."""

from __future__ import annotations

import re

import pytest

from broadcast.exporters.prompter_html import prompter_html
from broadcast.model import Kind, LowerThird, Report, Segment
from broadcast.pipeline import build_report
from broadcast.profiles import load_profile
from broadcast.prompter import prompter_blocks

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def reference_build(reference_report):
    return build_report(reference_report, load_profile("broadcast"), on_air="20:00:00")


@pytest.fixture(scope="module")
def hostile_build():
    segments = (
        Segment(Kind.ANCHOR_INTRO, f"The anchor reads {HOSTILE} here.", (0, 0)),
        Segment(Kind.SOUNDBITE, f"{HOSTILE} says the man.", (0, 0), LowerThird(HOSTILE, "A & B <i>")),
        Segment(Kind.STANDUP, "Closing words.", (0, 0), LowerThird("Jo </section> Doe", "Town")),
    )
    report = Report(f"Title {HOSTILE}", (), "NET", "Jo Doe", "Town", segments)
    return build_report(report, load_profile("broadcast"))


@pytest.fixture()
def prompter_page(page, tmp_path, reference_build):
    """The reference prompter open in Chromium, its clock under the test's control."""
    path = tmp_path / "report.prompter.html"
    path.write_text(prompter_html(reference_build), encoding="utf-8")
    page.clock.install(time=0)
    page.goto(path.as_uri())
    page.clock.pause_at(1000)  # from here the page's time moves only when the test runs it
    return page


def state(page) -> dict:
    return page.evaluate("({...document.body.dataset, scroll: document.getElementById('viewport').scrollTop})")


def reading_point(page, segment: int) -> float:
    """How far through segment's block the red reading line is, 0 at its top, 1 at its bottom."""
    return page.evaluate("""(i) => {
        const line = document.getElementById('reading-line').getBoundingClientRect().top;
        const block = document.querySelector(`.block[data-segment="${i}"]`).getBoundingClientRect();
        return (line - block.top) / block.height;
    }""", segment)


def test_page_is_self_contained(reference_build):
    html = prompter_html(reference_build)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html)
    assert "@import" not in html and "url(" not in html


def test_hostile_text_is_escaped(hostile_build):
    html = prompter_html(hostile_build)
    assert "<script>alert" not in html and "<img" not in html and "</section> Doe" not in html
    assert "&lt;SCRIPT&gt;ALERT(&quot;X&quot;)&lt;/SCRIPT&gt; &amp; &lt;IMG" in html
    assert html.count("<script>") == 1  # the page's own


@pytest.mark.browser
def test_hostile_text_shows_as_text_in_chromium(page, tmp_path, hostile_build):
    path = tmp_path / "hostile.prompter.html"
    path.write_text(prompter_html(hostile_build), encoding="utf-8")
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    assert dialogs == []
    assert '<SCRIPT>ALERT("X")</SCRIPT> &' in page.text_content(".block[data-segment='0'] .words")
    assert page.locator("img").count() == 0


@pytest.mark.browser
def test_scrolls_at_the_read_rate(prompter_page, reference_build):
    page = prompter_page
    first = prompter_blocks(reference_build)[0]
    assert state(page)["playing"] == "false"
    assert abs(reading_point(page, 0)) < 0.01  # the first words start on the reading line
    page.keyboard.press("Space")
    page.clock.run_for(10_000)
    now = state(page)
    assert now["playing"] == "true"
    assert abs(int(now["position"]) - 10_000) <= 50
    # ten seconds into the anchor's read, the line is that far through the anchor's block
    assert reading_point(page, 0) == pytest.approx(10_000 / (first.end - first.start), abs=0.01)
    page.keyboard.press("Space")
    paused = state(page)
    page.clock.run_for(5_000)
    assert state(page)["position"] == paused["position"] and state(page)["playing"] == "false"


@pytest.mark.browser
def test_reaches_each_segment_at_its_start_time(prompter_page, reference_build):
    page = prompter_page
    blocks = prompter_blocks(reference_build)
    page.keyboard.press("Space")
    page.clock.run_for(blocks[3].start + 500)
    assert state(page)["segment"] == "3"
    assert 0 < reading_point(page, 3) < 0.2
    page.clock.run_for(reference_build.total)  # runs to the end and stops there
    end = state(page)
    assert end["playing"] == "false" and int(end["position"]) == blocks[-1].end
    assert page.text_content("#remaining") == "0:00"


@pytest.mark.browser
def test_arrow_keys_change_the_speed(prompter_page):
    page = prompter_page
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert state(page)["speed"] == "1.2"
    page.keyboard.press("Space")
    page.clock.run_for(5_000)
    assert abs(int(state(page)["position"]) - 6_000) <= 60
    for _ in range(5):
        page.keyboard.press("ArrowDown")
    assert state(page)["speed"] == "0.7"


@pytest.mark.browser
def test_keys_jump_between_segments(prompter_page, reference_build):
    page = prompter_page
    blocks = prompter_blocks(reference_build)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("PageDown")
    now = state(page)
    assert now["segment"] == "2" and int(now["position"]) == blocks[2].start
    assert abs(reading_point(page, 2)) < 0.01  # the segment's first line is on the reading line
    page.keyboard.press("ArrowLeft")
    assert state(page)["segment"] == "1"
    page.keyboard.press("End")
    assert int(state(page)["position"]) == blocks[-1].end
    page.keyboard.press("Home")
    assert state(page)["position"] == "0" and state(page)["scroll"] == 0


@pytest.mark.browser
def test_mirror_flips_the_copy(prompter_page):
    page = prompter_page
    stage_transform = "getComputedStyle(document.getElementById('stage')).transform"
    assert page.evaluate(stage_transform) == "none"
    page.keyboard.press("m")
    assert state(page)["mirror"] == "true"
    assert page.evaluate(stage_transform) == "matrix(-1, 0, 0, 1, 0, 0)"
    assert page.is_checked("#mirror")
    page.click("#mirror")  # the setting in the status bar turns it back
    assert page.evaluate(stage_transform) == "none"


@pytest.mark.browser
def test_font_size_keeps_the_place(prompter_page):
    page = prompter_page
    page.keyboard.press("Space")
    page.clock.run_for(25_000)
    page.keyboard.press("Space")
    before = state(page)
    point = reading_point(page, int(before["segment"]))
    for _ in range(3):
        page.keyboard.press("+")
    after = state(page)
    assert int(after["fontSize"]) == int(before["fontSize"]) + 12
    assert after["position"] == before["position"]
    assert reading_point(page, int(after["segment"])) == pytest.approx(point, abs=0.01)


@pytest.mark.browser
def test_elapsed_remaining_and_clock(prompter_page, reference_build):
    page = prompter_page
    page.keyboard.press("Space")
    page.clock.run_for(61_500)
    assert page.text_content("#elapsed") == "1:01"
    left = -(-(reference_build.total - int(state(page)["position"])) // 1000)
    assert page.text_content("#remaining") == f"{left // 60}:{left % 60:02d}"
    assert page.text_content("#clock") == "20:01:01"
