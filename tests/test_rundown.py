"""Rundown files: where stories split (only where plain), their names, the summary, and the
CLI building a three-story rundown and a Word script."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadcast.rundown import StoryRun, file_slug, split, summary_json, summary_text
from tests.conftest import EXAMPLES, REFERENCE
from tests.hostile import check_deliverables

RUNDOWN = Path(__file__).parent / "fixtures" / "rundown" / "six-pm.txt"
SLUGS = ["HARBOUR BRIDGE", "MARKET FIRE", "SCHOOL BUDGET"]
STEMS = ["six-pm-01-harbour-bridge", "six-pm-02-market-fire", "six-pm-03-school-budget"]


def cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "broadcast", *map(str, args)], capture_output=True, text=True)


def test_three_stories_split_at_their_end_marks():
    text = RUNDOWN.read_text()
    found = split(text)
    assert [s.slug for s in found.stories] == SLUGS
    assert [s.stem("six-pm") for s in found.stories] == STEMS
    # the stories cover the file end to end, each ending with its end mark
    assert "".join(s.text for s in found.stories) == text
    assert [s.text.rstrip().splitlines()[-1] for s in found.stories] == ["##", "-30-", "##"]
    assert all(text[a:b] == s.text for s in found.stories for a, b in [s.span])
    assert found.stories[1].text.lstrip().startswith("SLUG: MARKET FIRE")
    assert found.warnings == ("3 stories found in this file (end marks on lines 10, 25)",)


@pytest.mark.parametrize("mark", ["##", "###", "-30-", "END", "ENDS", "- 30 -"])
def test_every_end_mark_followed_by_a_slug_splits(mark):
    text = f"SLUG: ONE\nANCHOR: First story.\n{mark}\n\n\nSLUG: TWO\nANCHOR: Second story.\n"
    assert [s.slug for s in split(text).stories] == ["ONE", "TWO"]


def test_a_header_without_a_slug_opens_a_story_with_two_fields():
    text = "ANCHOR: First story.\n##\nWRITER: AB\nSTATUS: READY\nANCHOR: Second story.\n"
    stories = split(text).stories
    assert len(stories) == 2 and stories[1].slug is None and stories[1].stem("x") == "x-02-story"


@pytest.mark.parametrize("text", [
    # one story with its end mark: as today
    "SLUG: ONE\nANCHOR: Only story.\n##\n",
    # an end mark and copy after it, no new header: a note after the end, not a story
    "SLUG: ONE\nANCHOR: Only story.\n##\nProducer: check the bite runs to time.\n",
    "SLUG: ONE\nANCHOR: Only story.\n###\nNEWSROOM PLAYBOOK - SCRIPT VIEW      Page 2 of 2\n",
    # a slug typed twice in the header
    "SLUG: ONE\nSLUG: ONE\nANCHOR: Only story.\n",
    # a wire story's ENDS and a single header field after it
    "Floods hit the valley.\nENDS\nNOTE: pictures to follow\n",
    # `##` inside a line is no end mark
    "SLUG: ONE\nANCHOR: Trending as ## tonight.\nSLUG: TWO\n",
])
def test_no_split_where_the_boundary_is_not_plain(text):
    found = split(text)
    assert len(found.stories) == 1 and found.stories[0].text == text
    assert not any("stories found" in w for w in found.warnings)


def test_a_slug_after_copy_without_an_end_mark_is_warned_not_split():
    text = "SLUG: ONE\nANCHOR: First story.\n\nSLUG: TWO\nANCHOR: Second story.\n"
    found = split(text)
    assert len(found.stories) == 1
    warning, = found.warnings
    assert warning.startswith("line 4: a new SLUG: line with no end mark (##) before it")


@pytest.mark.parametrize("after", ["NEWSROOM PLAYBOOK - SCRIPT VIEW      Page 2 of 2",
                                   "Rundown note: check pronunciation of Vilfand."])
def test_one_line_after_the_end_mark_is_no_story_and_no_doubt(after):
    assert split(f"SLUG: ONE\nANCHOR: Only story.\n((END))\n{after}\n").warnings == ()


def test_an_end_mark_with_copy_after_it_is_warned():
    found = split("SLUG: ONE\nANCHOR: Only story.\n##\nANCHOR: More copy.\nAnd more.\n")
    assert found.warnings == ("line 3: an end mark (##) with more copy after it and no new SLUG: "
                              "line; read as one story",)


@pytest.mark.parametrize("slug, name", [
    ("PAIPORTA FLOODS", "paiporta-floods"),
    ("Paiporta: Inundación / 6PM", "paiporta-inundacion-6pm"),
    ("  ***WX***  ", "wx"),
    ("Москва метро", "москва-метро"),
    ("../../etc/passwd", "etc-passwd"),
    ("", "story"),
    (None, "story"),
    ("A" * 80, "a" * 40),
])
def test_slugs_become_safe_file_names(slug, name):
    assert file_slug(slug) == name


story = st.text("abc DEF.\n", max_size=40).map(lambda body: f"ANCHOR: {body.strip()}\n")
slugs = st.text("ABCXYZ ", min_size=1, max_size=12).filter(str.strip)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(slugs, story, st.sampled_from(["##", "-30-", "ENDS", "###"])), min_size=1, max_size=5))
def test_stories_with_end_marks_and_slugs_split_one_by_one(stories):
    text = "".join(f"SLUG: {slug}\n{body}{mark}\n\n" for slug, body, mark in stories)
    found = split(text)
    assert "".join(s.text for s in found.stories) == text
    assert [s.slug for s in found.stories] == [slug.strip() for slug, _, _ in stories]
    assert [s.number for s in found.stories] == list(range(1, len(stories) + 1))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["SLUG: A\n", "##\n", "ANCHOR: x\n", "\n", "END", "REPORTER: B\n", "y"]),
                max_size=30).map("".join))
def test_any_text_is_covered_end_to_end(text):
    found = split(text)
    assert "".join(s.text for s in found.stories) == text
    assert all(s.text for s in found.stories[1:])


def test_the_summary_adds_whole_seconds():
    runs = [StoryRun(1, "BRIDGE", "x-01-bridge", "reader", 10_400),
            StoryRun(2, None, "x-02-story", None, 21_600, stated=20_000)]
    assert summary_text("x", runs) == (
        "RUNDOWN x: 2 stories\n\n"
        "#   SLUG    FORM    TIME  STATED  FILES\n"
        "01  BRIDGE  reader  0:10  -       x-01-bridge.*\n"
        "02  -       -       0:22  0:20    x-02-story.*\n"
        "    TOTAL           0:32\n")
    data = json.loads(summary_json("x", runs))
    assert data["total"] == "0:32" and data["total_seconds"] == 32
    assert [s["form"] for s in data["stories"]] == ["reader", None]


# --- the command line --------------------------------------------------------------------------

def test_cli_builds_a_three_story_rundown(tmp_path):
    run = cli("build", RUNDOWN, "-o", tmp_path)
    assert run.returncode == 0, run.stderr
    assert "3 stories found in this file" in run.stderr
    for stem in STEMS:
        check_deliverables(tmp_path, stem)
    assert not (tmp_path / "six-pm.srt").exists()
    summary = json.loads((tmp_path / "six-pm.rundown.json").read_text())
    assert [s["slug"] for s in summary["stories"]] == SLUGS
    assert [s["stem"] for s in summary["stories"]] == STEMS
    # the form and running time are each story's own, as its JSON has them
    for entry in summary["stories"]:
        report = json.loads((tmp_path / f"{entry['stem']}.json").read_text())
        assert entry["form"] == report.get("form")
    assert summary["total_seconds"] == sum((s["duration_ms"] + 500) // 1000 for s in summary["stories"])
    table = (tmp_path / "six-pm.rundown.txt").read_text().splitlines()
    assert table[0] == "RUNDOWN six-pm: 3 stories"
    assert [row.split()[0] for row in table[3:6]] == ["01", "02", "03"] and "TOTAL" in table[6]
    # the third story states its running time
    assert summary["stories"][2]["stated_trt_ms"] == 65_000
    # each story's words stay in its own files
    bridge = (tmp_path / f"{STEMS[0]}.prompter.txt").read_text().upper()
    assert "HARBOUR BRIDGE REOPENS" in bridge and "SCHOOL BOARD" not in bridge


def test_cli_builds_a_one_story_file_under_its_own_name(tmp_path):
    run = cli("build", REFERENCE, "-o", tmp_path, "--only", "srt")
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{REFERENCE.stem}.srt"]
    assert "stories found" not in run.stderr


def test_cli_refuses_timings_for_a_rundown(tmp_path):
    run = cli("build", RUNDOWN, "-o", tmp_path / "out", "--timings", EXAMPLES / "syria-peace-process.words.json")
    assert run.returncode == 2
    line, = run.stderr.strip().splitlines()
    assert "--timings belong to one recording" in line and "3 stories" in line
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_cli_builds_a_word_script(tmp_path):
    """A two-column Word script: the sound column reaches the subtitles, the picture column
    never does."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "KVLT 6PM page 1 of 1"
    document.add_paragraph("SLUG: HARBOUR BRIDGE")
    document.add_paragraph("ANCHOR:\tThe Harbour Bridge reopens to traffic on Monday.")
    table = document.add_table(rows=3, cols=2)
    rows = [("VIDEO", "AUDIO"),
            ("WIDE OF BRIDGE\nTRAFFIC CONES", "Crews finished resurfacing the eastern span overnight."),
            ("GFX: TOLLS", "The city says tolls stay where they are.")]
    for r, (left, right) in enumerate(rows):
        table.cell(r, 0).text, table.cell(r, 1).text = left, right
    document.add_paragraph("##")
    path = tmp_path / "bridge.docx"
    out = io.BytesIO()
    document.save(out)
    path.write_bytes(out.getvalue())
    run = cli("build", path, "-o", tmp_path / "out")
    assert run.returncode == 0, run.stderr
    check_deliverables(tmp_path / "out", "bridge")
    srt = " ".join((tmp_path / "out" / "bridge.srt").read_text().split())
    for words in ("The Harbour Bridge reopens to traffic on Monday.", "eastern span overnight.",
                  "tolls stay where they are."):
        assert words in srt
    for never in ("VIDEO", "WIDE OF BRIDGE", "GFX", "KVLT 6PM", "page 1"):
        assert never not in srt
    segmented = cli("segment", path, "--format", "json")
    assert segmented.returncode == 0 and json.loads(segmented.stdout)["segments"]


def test_a_folder_builds_its_word_scripts_and_rundowns_into_itself_twice(tmp_path):
    """`*.docx` scripts are found in a folder, Word's lock files are not, and a rundown's
    summary is never taken for a script on the second run."""
    document = docx.Document()
    document.add_paragraph("ANCHOR: The library stays open late through the exam weeks.")
    out = io.BytesIO()
    document.save(out)
    (tmp_path / "library.docx").write_bytes(out.getvalue())
    (tmp_path / "~$library.docx").write_bytes(b"\x0bWord lock file")
    (tmp_path / "six-pm.txt").write_text(RUNDOWN.read_text())
    for _ in range(2):
        run = cli("build", tmp_path, "-o", tmp_path)
        assert run.returncode == 0, run.stdout + run.stderr
        assert "2 of 2 scripts built" in run.stdout
    check_deliverables(tmp_path, "library")
    for stem in STEMS:
        check_deliverables(tmp_path, stem)


def test_each_story_of_the_rundown_is_wholly_accounted_for():
    from broadcast.segment import segment, uncovered
    for story in split(RUNDOWN.read_text()).stories:
        report = segment(story.text)
        assert not [story.text[a:b] for a, b in uncovered(story.text, report)], story.slug


def test_segment_reads_a_rundown_as_one_report_and_says_so():
    run = cli("segment", RUNDOWN, "--format", "json")
    assert run.returncode == 0 and json.loads(run.stdout)["segments"]
    assert "broadcast: warning: 3 stories found in this file (end marks on lines 10, 25)" in run.stderr
    assert "`broadcast build` builds each story on its own" in run.stderr


def test_a_back_announcement_after_the_package_ends_is_the_same_story():
    found = split("SLUG: FLOODS\nPRESENTER: The river rose.\nVT\nThe water came fast.\nENDS\n"
                  "BACK ANNO:\nSix flood warnings are in force.\nThe army is on standby.\n")
    assert len(found.stories) == 1 and found.warnings == ()
