"""The line breaker on plain text: its rules, its limits, and `broadcast break`."""

from __future__ import annotations

import math
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from broadcast.captions import break_paragraph
from broadcast.linebreak import WEAK_WORDS, Timing, break_events, is_weak


def lines_of(events):
    return [line for event in events for line in event]


def test_one_line_when_the_words_fit():
    assert break_paragraph("Welcome to the world of cyberharassment.".split(), 42, 2) == [
        ["Welcome to the world of cyberharassment."]]


def test_never_after_an_article_preposition_conjunction_possessive_or_auxiliary():
    text = ("The opposition says it will continue to demand that the Syrian president step down "
            "and that his government hand power to a transitional body before the elections are held "
            "in the spring of next year in every province of the country")
    for width in (20, 26, 32, 37, 42):
        for line in lines_of(break_paragraph(text.split(), width, 2)):
            assert not is_weak(line.split()[-1]), (width, line)


def test_names_titles_and_units_stay_together():
    text = ("Yesterday in the afternoon Russian President Vladimir Putin said that 140 million people "
            "had met President Bashar al-Assad on 21 November")
    for width in (24, 28, 32, 37, 42):
        joined = " | ".join(lines_of(break_paragraph(text.split(), width, 2)))
        for phrase in ("Vladimir Putin", "140 million", "Bashar al-Assad", "21 November",
                       "President Bashar al-Assad", "Russian President Vladimir Putin"):
            # a title parts from its name only where the two do not fit on a line
            assert phrase in joined or len(phrase) > width, (width, joined)


def test_names_from_the_script_stay_whole():
    words = "the talks were hosted by the Russian International Affairs Center in Moscow".split()
    names = [["Russian", "International", "Affairs", "Center"]]
    for width in (36, 37, 42):  # the name is 36 characters
        joined = " | ".join(lines_of(break_events(words, width, 2, names=names)))
        assert "Russian International Affairs Center" in joined, joined


def test_breaks_at_punctuation_rather_than_filling_lines():
    # Filling each line greedily would cut "to || end"; the best cut is at the comma.
    words = "When I resisted this idea, he really didn't approve of this and threw me out of his house".split()
    events = break_paragraph(words, 42, 2)
    assert lines_of(events)[0] == "When I resisted this idea,"


def test_two_lines_are_balanced_the_lower_no_shorter_by_much():
    words = "The kind of harassment that women face in Pakistan is very serious".split()
    [[top, bottom]] = break_paragraph(words, 42, 2)
    assert abs(len(top) - len(bottom)) <= 16


def test_no_one_word_events():
    words = ("It remains to be seen if these latest efforts by Russia, Turkey and Iran can breathe "
             "new life into the negotiations.").split()
    for width in (24, 32, 42):
        for event in break_paragraph(words, width, 2):
            assert len(" ".join(event).split()) > 1, (width, event)


def test_an_event_is_never_longer_than_the_longest_duration():
    words = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
             "fifteen sixteen seventeen eighteen nineteen twenty").split()
    starts = [i * 500.0 for i in range(len(words))]
    timing = Timing(starts=starts, ends=[s + 400 for s in starts], until=11_000, gap=80,
                    min_duration=833, max_duration=3000, max_cps=20)
    events = break_events(words, 42, 2, timing=timing)
    k = 0
    for event in events:
        count = len(" ".join(event).split())
        assert (starts[k + count - 1] + 400) - starts[k] <= 3000
        k += count


WORD = st.one_of(
    st.sampled_from(sorted(WEAK_WORDS)),
    st.from_regex(r"[A-Za-z][a-z]{0,11}[,.?]?", fullmatch=True),
    st.from_regex(r"[0-9]{1,4}", fullmatch=True),
    st.sampled_from(["Vladimir", "Putin", "U.S.-backed", "--", "(Applause)", "al-Assad", "percent",
                     "Russia,", "Turkey", "up", "off", "efforts", "planes."]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=80), st.integers(8, 50), st.integers(1, 6))
def test_words_are_kept_in_order_within_the_limits(words, width, lines):
    events = break_paragraph(words, width, lines)
    assert " ".join(" ".join(e) for e in events).split() == words
    for event in events:
        assert 1 <= len(event) <= lines
        for line in event:
            assert len(line) <= width or len(line.split()) == 1, (line, width)


@st.composite
def timed_words(draw):
    """Words with the times they are said: gaps, pauses and rushes of every size."""
    words = draw(st.lists(WORD, min_size=1, max_size=60))
    starts, ends, t = [], [], draw(st.floats(0, 5000))
    for _ in words:
        t += draw(st.sampled_from([0.0, 40.0, 150.0, 900.0, 2500.0]))
        starts.append(t)
        t += draw(st.sampled_from([60.0, 250.0, 400.0, 1200.0]))
        ends.append(t)
    until = draw(st.sampled_from([math.inf, t, t + 2000]))
    timing = Timing(starts=starts, ends=ends, until=until, gap=draw(st.sampled_from([0, 80, 83])),
                    min_duration=draw(st.sampled_from([800, 833, 1000])),
                    max_duration=draw(st.sampled_from([3000, 6000, 7000])),
                    max_cps=draw(st.sampled_from([15, 17, 20])))
    return words, timing


@settings(max_examples=300, deadline=None)
@given(timed_words(), st.integers(8, 50), st.integers(1, 3), st.booleans())
def test_passing_events_by_gives_the_exhaustive_search_s_answer(case, width, lines, timed):
    words, timing = case
    names = [words[1:3]] if len(words) > 3 else []
    fast = break_events(words, width, lines, names=names, timing=timing if timed else None)
    assert fast == break_events(words, width, lines, names=names, timing=timing if timed else None,
                                exhaustive=True)


def test_break_command_marks_subtitles_and_lines():
    text = ("Pakistan is the sixth most populous country in the world, with 140 million people "
            "having access to mobile technologies.\n\nIt's a form of oppression.\n")
    out = subprocess.run([sys.executable, "-m", "broadcast", "break", "--max-chars", "42"], input=text,
                         capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[1] == "" and out[2] == "It's a form of oppression. <eob>"
    marked = out[0].split()
    assert [w for w in marked if w not in ("<eol>", "<eob>")] == text.split("\n")[0].split()
    assert marked[-1] == "<eob>" and "<eol>" in marked
    for subtitle in out[0].split("<eob>")[:-1]:
        parts = subtitle.split("<eol>")
        assert len(parts) <= 2 and all(len(p.strip()) <= 42 for p in parts)


def test_break_command_refuses_impossible_limits():
    run = subprocess.run([sys.executable, "-m", "broadcast", "break", "--max-chars", "0"], input="a b\n",
                         capture_output=True, text=True)
    assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1
