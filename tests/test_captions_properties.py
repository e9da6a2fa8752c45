"""Cues for any script: every word in order, and the profile held or each breach warned."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from broadcast.check import check_cues
from broadcast.model import Kind, LowerThird, Report, Segment
from broadcast.pipeline import build_report
from broadcast.profiles import load_profile

WORD = st.one_of(
    st.from_regex(r"[A-Za-z][a-z]{0,13}[,.?]?", fullmatch=True),
    st.sampled_from(["the", "of", "and", "is", "Putin", "Vladimir", "U.S.", "1949", "15%", "--"]),
)
SEGMENT = st.tuples(st.sampled_from(list(Kind)), st.lists(WORD, min_size=1, max_size=60))


@settings(max_examples=40, deadline=None)
@given(st.lists(SEGMENT, min_size=1, max_size=5), st.sampled_from(["broadcast", "bbc", "dcmp"]))
def test_any_script_keeps_its_words_and_the_profile(segments, name):
    profile = load_profile(name)
    report = Report("t", (), None, None, None, tuple(
        Segment(kind, " ".join(words), (0, 0),
                LowerThird("Vladimir Putin", "Russian President") if kind is Kind.SOUNDBITE else None)
        for kind, words in segments))
    build = build_report(report, profile)
    assert " ".join(c.text for c in build.cues).split() == [w for _, words in segments for w in words]
    for breach in check_cues(list(build.cues), profile):
        # lines, characters and gaps always hold; time on screen only where the words rush by,
        # and then the cue is named in a warning
        assert breach.rule in ("reading speed", "duration"), breach
        assert any(w.startswith(f"cue {breach.cue} ") for w in build.warnings), breach
    for cue in build.cues:
        assert profile.snap(cue.start) == cue.start and profile.snap(cue.end) == cue.end
