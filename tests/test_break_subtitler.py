"""What a subtitler weighs across subtitle boundaries: lists, phrasal verbs and phrase ends
kept together, no short tails, and one answer from `break` and `build`."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadcast.captions import break_paragraph
from broadcast.cli import read_input
from broadcast.linebreak import binds, list_spans
from broadcast.model import Kind
from broadcast.pipeline import build_text
from broadcast.profiles import load_profile
from tests.conftest import EXAMPLES, SHARED


def spans(text: str) -> list[str]:
    words = text.split()
    return [" ".join(words[a:b]) for a, b in list_spans(words)]


@pytest.mark.parametrize("text, found", [
    ("The leaders of Russia, Turkey and Iran have agreed", ["Russia, Turkey and Iran"]),
    ("Russia, Iran and Turkey have launched a push", ["Russia, Iran and Turkey"]),
    ("they lack food, water, and medicine this week", ["food, water, and medicine"]),
    ("preserving its sovereignty, unity and territorial integrity.", ["sovereignty, unity and territorial integrity."]),
    ("it is the oldest and the best", []),
    ("He came and went.", []),
])
def test_lists_are_found(text, found):
    assert spans(text) == found


@pytest.mark.parametrize("left, right", [("the", "leaders"), ("step", "up"), ("up", "efforts"),
                                         ("firefighting", "planes."), ("leave", "power."),
                                         ("Vladimir", "Putin"), ("President", "Putin")])
def test_words_that_bind(left, right):
    assert binds(left, right)


@pytest.mark.parametrize("left, right", [("crisis.", "The"), ("agreed", "to"), ("Turkey,", "which"),
                                         ("up", "in")])
def test_words_that_do_not_bind(left, right):
    assert not binds(left, right)


def ends(events) -> list[str]:
    """The last word of each subtitle but the last, with the next word."""
    words = [e.split() for e in (" ".join(lines) for lines in events)]
    return [f"{w[-1]} | {n[0]}" for w, n in zip(words, words[1:])]


REFERENCE_SENTENCES = [
    "The leaders of Russia, Turkey and Iran have agreed to convene a Syrian People's Congress "
    "as one of the first steps to establish a dialogue in the country.",
    "It remains to be seen if these latest efforts by Russia, Turkey and Iran can breathe new life "
    "into the negotiations.",
    "Russian President Vladimir Putin hosted his Turkish and Iranian counterparts in Sochi and says "
    "they agreed to step up efforts to finish off what Putin called terrorist groups in Syria.",
    "The opposition say it will continue to demand President Bashar al-Assad leave power at the "
    "start of any political transition.",
    "The three countries have agreed to hold a Syrian Congress involving all parties and opposition groups.",
]


@pytest.mark.parametrize("text", REFERENCE_SENTENCES)
def test_reference_sentences_keep_lists_and_phrases_and_leave_no_short_tail(text):
    words = text.split()
    events = break_paragraph(words, 42, 2)
    assert " ".join(" ".join(e) for e in events).split() == words
    bounds, at = [], 0
    for event in events:
        at += len(" ".join(event).split())
        bounds.append(at - 1)
    for a, b in list_spans(words):
        assert not any(a <= k < b - 1 for k in bounds[:-1]), (text, events)
    assert not any(binds(words[k], words[k + 1]) for k in bounds[:-1]), ends(events)
    for event in events[1:]:
        assert len(" ".join(event).split()) > 3, events


def test_break_and_build_give_one_answer_for_narration():
    """`broadcast break` on a narration paragraph cuts it as `build` does in the report."""
    profile = load_profile()
    paths = [*sorted(EXAMPLES.glob("*.txt"))]
    compared = 0
    for path in paths:
        build = build_text(read_input(path), profile)
        for i, timed in enumerate(build.timeline):
            if timed.segment.kind is not Kind.NARRATION:
                continue
            built = [list(c.lines) for c in build.cues if c.segment_index == i]
            assert break_paragraph(timed.segment.text.split(), 42, 2) == built, (path.name, i)
            compared += 1
    assert compared >= 10


def test_break_command_cuts_the_reference_sentence_as_build_does():
    sentence = REFERENCE_SENTENCES[0]
    marks = subprocess.run([sys.executable, "-m", "broadcast", "break"], input=sentence + "\n",
                           capture_output=True, text=True, check=True).stdout.strip()
    expected = " ".join(" <eol> ".join(e) + " <eob>" for e in break_paragraph(sentence.split(), 42, 2))
    assert marks == expected
    assert not marks.startswith("The leaders <eob>")
    blocks = subprocess.run([sys.executable, "-m", "broadcast", "break", "--blocks"], input=sentence + "\n",
                            capture_output=True, text=True, check=True).stdout
    assert [b.splitlines() for b in blocks.strip().split("\n\n")] == break_paragraph(sentence.split(), 42, 2)


def test_subtitle_rules_meet_their_aims_on_real_scripts():
    """benchmarks/subtitle_rules.py's figures, held: no list split, at most 1% binding ends,
    at most 2% short orphans, every word in order."""
    from benchmarks.subtitle_rules import Tally, default_scripts, tally_build
    scripts = [p for p in default_scripts() if p.is_file()]
    if not (SHARED / "scripts").is_dir():
        pytest.skip("shared scripts not beside the checkout")
    tally, examples = Tally(), {"list splits": [], "binding ends": [], "short orphans": []}
    profile = load_profile()
    for path in scripts:
        tally_build(build_text(read_input(path), profile), tally, examples)
    assert tally.words_out_of_order == 0
    assert tally.list_splits == 0, examples["list splits"]
    assert tally.binding_ends <= 0.01 * tally.subtitles, examples["binding ends"]
    assert tally.short_orphans <= 0.02 * tally.subtitles, examples["short orphans"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Russia,", "Turkey,", "Iran", "and", "the", "talks", "went", "on."]),
                min_size=1, max_size=30))
def test_list_spans_lie_within_the_words(words):
    for a, b in list_spans(words):
        assert 0 <= a < b <= len(words)
        assert any(w in ("and", "or") for w in words[a:b])
