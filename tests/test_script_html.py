"""The two-column script: control-room column and words, every super exactly as the
lower-thirds, running times per row that add up, and a clean print to PDF."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from broadcast.exporters.script_html import script_html
from broadcast.model import Kind, LowerThird, Report, Segment
from broadcast.pipeline import build_report
from broadcast.profiles import load_profile
from broadcast.timecode import ms_to_timecode

HOSTILE = '<script>alert("x")</script> & <b>'


class Rows(HTMLParser):
    """The script's table as rows of (class, control text, words text, [(cg name, cg title)])."""

    def __init__(self):
        super().__init__()
        self.rows: list[dict] = []
        self.cell: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr" and a.get("class"):
            self.rows.append({"class": a["class"], "control": "", "words": "", "cg": []})
        elif tag == "td" and self.rows:
            self.cell = a.get("class")
        elif tag == "div" and "cg" == a.get("class") and self.rows:
            self.rows[-1]["cg"].append((a["data-name"], a["data-title"]))

    def handle_endtag(self, tag):
        if tag == "td":
            self.cell = None

    def handle_data(self, data):
        if self.cell in ("control", "words") and self.rows:
            self.rows[-1][self.cell] += data + " "


def rows_of(text: str) -> list[dict]:
    parser = Rows()
    parser.feed(text)
    for row in parser.rows:
        row["control"], row["words"] = " ".join(row["control"].split()), " ".join(row["words"].split())
    return parser.rows


@pytest.fixture(scope="module")
def reference_build(reference_report):
    return build_report(reference_report, load_profile("broadcast"))


@pytest.fixture(scope="module")
def reference_script(reference_build):
    return script_html(reference_build)


def seconds(m_ss: str) -> int:
    m, s = m_ss.split(":")
    return int(m) * 60 + int(s)


def test_every_super_exactly_as_the_lower_thirds(reference_build, reference_script):
    rows = [r for r in rows_of(reference_script) if r["class"] != "package"]
    got = [(i, cg) for i, r in enumerate(rows) for cg in r["cg"]]
    want = [(s.segment_index, (s.lower_third.name, s.lower_third.title)) for s in reference_build.supers]
    assert got == want and len(want) == 4
    for s in reference_build.supers:
        control = rows[s.segment_index]["control"]
        assert f"{s.lower_third.name} {s.lower_third.title}" in control
        assert f"IN {ms_to_timecode(s.start, reference_build.profile.fps)}" in control


def test_control_column_says_what_the_control_room_does(reference_report, reference_script):
    rows = [r for r in rows_of(reference_script) if r["class"] != "package"]
    commands = {Kind.ANCHOR_INTRO: "ANCHOR ON CAM", Kind.NARRATION: "VO", Kind.SOUNDBITE: "SOT",
                Kind.STANDUP: "STANDUP", Kind.SIGNOFF: "SOC"}
    for segment, row in zip(reference_report.segments, rows, strict=True):
        assert row["class"] == str(segment.kind)
        assert re.match(rf"\S+ · \S+ {commands[segment.kind]}\b", row["control"])
    putin = rows[3]["control"]
    assert re.search(r'IN: "We have agreed" OUT: "against terrorism" RUNS 0:\d\d', putin)
    assert "CG LOCATOR Julia Lyubova Moscow" in rows[-2]["control"]
    assert rows[-1]["words"] == "Julia Lyubova, CGTN, Moscow"


def test_words_column_carries_every_word(reference_report, reference_script):
    rows = [r for r in rows_of(reference_script) if r["class"] != "package"]
    for segment, row in zip(reference_report.segments, rows):
        if segment.kind is not Kind.SIGNOFF:
            assert row["words"] == " ".join(segment.text.split())


def test_running_times_per_row_add_up(reference_build, reference_script):
    rows = rows_of(reference_script)
    body = [r for r in rows if r["class"] != "package"]
    times = [re.match(r"(\d\d:\d\d:\d\d[:;]\d\d) · (\d+:\d\d)", r["control"]).groups() for r in body]
    fps = reference_build.profile.fps
    assert reference_build.offset == 0
    assert [tc for tc, _ in times] == [ms_to_timecode(t.start, fps) for t in reference_build.timeline]
    total = re.search(r'id="total">TOTAL (\d+:\d\d)', reference_script)[1]
    assert sum(seconds(r) for _, r in times) == seconds(total) == (reference_build.total + 500) // 1000
    package = re.match(r"PKG · RUNS (\d+:\d\d)", rows[1]["control"])[1]
    assert seconds(package) == sum(seconds(r) for _, r in times[1:])
    assert 'OUT: "Julia Lyubova, CGTN, Moscow"' in html.unescape(rows[1]["words"])


def test_programme_start_shifts_timecodes_not_running_times(reference_build):
    shifted = replace(reference_build, offset=10 * 3600 * 1000)  # --start 10:00:00:00
    rows, plain = rows_of(script_html(shifted)), rows_of(script_html(reference_build))
    assert rows[0]["control"].startswith("10:00:00:00 · ")
    assert [re.sub(r"\b10:(\d\d:\d\d:\d\d)", r"00:\1", r["control"]) for r in rows] == \
        [r["control"] for r in plain]


def test_start_option_gives_programme_timecodes(reference_report):
    build = build_report(reference_report, load_profile("broadcast"), start="10:00:00:00")
    text = script_html(build)
    assert rows_of(text)[0]["control"].startswith("10:00:00:00 · ")
    assert "ends 10:0" in text


def test_hostile_text_is_escaped():
    segments = (Segment(Kind.ANCHOR_INTRO, f"Read {HOSTILE} this.", (0, 0)),
                Segment(Kind.SOUNDBITE, f"{HOSTILE} he says.", (0, 0), LowerThird(HOSTILE, f"T {HOSTILE}")))
    text = script_html(build_report(Report(HOSTILE, (), None, None, None, segments), load_profile("broadcast")))
    assert "<script>" not in text and "<b>" not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;" in text
    cg = [cg for r in rows_of(text) for cg in r["cg"]]
    assert cg == [(HOSTILE, f"T {HOSTILE}")]


@pytest.mark.browser
def test_prints_to_pdf(page, tmp_path, reference_script):
    path = tmp_path / "report.script.html"
    path.write_text(reference_script, encoding="utf-8")
    page.goto(path.as_uri())
    page.emulate_media(media="print")
    # no row is cut by the edge of the printed page: each fits the A4 width
    widths = page.evaluate("[...document.querySelectorAll('tr')].map(r => r.getBoundingClientRect().right)")
    assert max(widths) <= page.evaluate("document.documentElement.clientWidth")
    pdf = page.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert 1 <= pages <= 4
