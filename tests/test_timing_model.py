"""The read-time model: syllables, numbers and abbreviations as spoken, pauses, role rates."""

from __future__ import annotations

import pytest

from broadcast.model import Kind, Report, Segment
from broadcast.profiles import load_profile
from broadcast.timing import read_time, time_report, token_syllables, word_spans, word_syllables

# Syllables as a dictionary gives them, for words of news copy (hand-checked).
SYLLABLES = dict(pair.split(":") for pair in """Russia:2 Iran:2 Turkey:2 launched:1 major:2
diplomatic:4 push:1 Syrian:3 crisis:2 congress:2 involving:3 opposition:4 continue:3 demand:2
president:3 leaders:2 convene:2 dialogue:3 country:2 hosted:2 counterparts:3 terrorist:3 agreed:2
active:2 efforts:2 reaching:2 establishing:4 stability:4 preserving:3 unity:3 territorial:5
integrity:4 satisfaction:4 stated:2 success:2 important:3 enough:2 critical:3 concerned:2
permanent:3 acceptable:4 political:4 solution:3 trilateral:4 constitutional:5 elections:3
priority:4 involved:2 basically:4 switching:2 attention:3 military:4 remains:2 divided:3 loyal:2
backed:1 democratic:4 forces:2 jihadist:3 latest:2 breathe:1 negotiations:5 increasingly:4
cooperated:5 recent:2 months:1 several:3 escalation:4 zones:1 aimed:1 calming:2 fighting:2
eager:2 cooperation:5 attempt:2 evening:3 family:3 area:3 idea:3 create:2 being:2 science:2
quiet:2 poem:2 chaos:2 video:3 radio:3 table:2 little:2 people:2 whole:1 make:1 makes:1 pushes:2
wanted:2 pushed:1 judged:1 completely:3 statement:2 various:3 terrorism:4 Iranian:4 Christian:2
social:2 media:3 the:1 reached:1 meeting:2 Sochi:2 Saudi:2 Arabia:4 supports:2 intensify:4
settle:2 committed:3 process:2 reform:2 should:1 become:2 tables:2 likely:2 themselves:2
government:3 minister:3 education:4 technology:4 harassment:3 Pakistan:3 internet:3
information:4 university:5 hospital:3 children:2 women:2 police:2 officials:3 authorities:4
violence:3 agreement:3 announced:2 accused:2 described:2 continued:3 situation:4 united:3
nations:2 economy:4 economic:4 energy:3 refugees:3 humanitarian:6 sovereignty:3 business:2
something:2 ceasefire:2""".split())


def test_syllables_of_words_are_nearly_always_right():
    wrong = {w: (int(n), word_syllables(w)) for w, n in SYLLABLES.items() if word_syllables(w) != int(n)}
    assert len(wrong) <= len(SYLLABLES) * 0.05, wrong


@pytest.mark.parametrize(("token", "syllables"), [
    ("1949", 5),        # nine-teen for-ty nine
    ("2005", 4),        # two thou-sand and five
    ("1900", 4),        # nine-teen hun-dred
    ("140,000", 8),     # one hun-dred and for-ty thou-sand
    ("3.5", 3),         # three point five
    ("15%", 4),         # fif-teen per-cent
    ("$5", 3),          # five dol-lars
    ("10:30", 3),       # ten thir-ty
    ("U.S.", 2),        # you ess
    ("U.S.-backed", 3),
    ("CGTN", 4),
    ("UN", 2),
    ("WHO", 5),         # dub-ble-you aitch oh
    ("NATO", 2),        # said as a word
    ("People's", 2),
    ("Congress's", 3),
])
def test_numbers_and_abbreviations_count_as_spoken(token, syllables):
    assert token_syllables(token) == syllables


@pytest.fixture(scope="module")
def profile():
    return load_profile("broadcast")


def test_longer_words_take_longer(profile):
    assert read_time("territorial integrity", "anchor", profile) > 2 * read_time("the end", "anchor", profile)


def test_pauses_at_full_stops_and_commas(profile):
    plain = read_time("we went home then we slept", "anchor", profile)
    comma = read_time("we went home, then we slept", "anchor", profile)
    stop = read_time("we went home. Then we slept", "anchor", profile)
    assert plain < comma < stop


def test_ordinary_copy_reads_at_the_roles_rate(profile):
    # 60 words of 1.5 syllables and typical punctuation: about the words-a-minute rate
    sentence = "The city council met on Monday to agree a budget for the coming year, and voted it down."
    words = len(sentence.split())
    for role, wpm in profile.read_rate.items():
        ms = read_time(sentence, role, profile)
        assert 0.8 < ms / (words * 60_000 / wpm) < 1.25, role


def test_a_slower_voice_takes_longer(profile):
    text = "The opposition says it will continue to demand that the president step down."
    assert read_time(text, "soundbite", profile) > read_time(text, "anchor", profile)


def test_the_segments_follow_one_another_on_frames(profile):
    report = Report("t", (), None, None, None, (
        Segment(Kind.ANCHOR_INTRO, "Good evening. Talks on Syria began today in Sochi.", (0, 1)),
        Segment(Kind.NARRATION, "The three leaders met for four hours.", (1, 2)),
        Segment(Kind.SIGNOFF, "JL, CGTN, Moscow.", (2, 3)),
    ))
    timeline = time_report(report, profile)
    assert timeline[0].start == 0
    for before, after in zip(timeline, timeline[1:]):
        assert before.end == after.start
    for timed in timeline:
        assert timed.duration > 0
        assert profile.snap(timed.end) == timed.end


def test_word_spans_fill_the_segment_in_order(profile):
    tokens = "Russia, Iran and Turkey have launched a push. It failed.".split()
    spans = word_spans(tokens, "anchor", profile, 1000, 5000)
    assert spans[0][0] == 1000
    assert all(a < b for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))
    assert spans[-1][1] < 5000  # the pause after the last full stop ends the segment
    # the breath after "push." is longer than the beat after "Russia,"
    assert spans[8][0] - spans[7][1] > spans[1][0] - spans[0][1] > 0
