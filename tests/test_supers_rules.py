"""Lower-thirds as a graphics operator runs them: once a person, a gap apart, off at a
subtitle change, credits from the script's credit notes, guessed splits marked, title-only
supers on one strap."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pysubs2
from hypothesis import given, settings
from hypothesis import strategies as st
import pytest

from broadcast.captions import credit_text
from broadcast.exporters import render_all
from broadcast.exporters.ass import BAR, CREDIT, NAME, TITLE
from broadcast.model import Kind, LowerThird, Note, NoteKind, Report, Segment
from broadcast.pipeline import build_report
from broadcast.profiles import load_profile
from tests.conftest import EXAMPLES

ANA = LowerThird("Ana Diaz", "Farmer")
BEN = LowerThird("Ben Osei", "Mayor of Marathon")


def story(*parts, notes=()) -> Report:
    segments, at = [], 0
    for kind, text, speaker in parts:
        segments.append(Segment(kind, text, (at, at + len(text)), speaker=speaker))
        at += len(text) + 1
    return Report("Story", (), "GNT", "Sam Lee", "Athens", tuple(segments), notes=tuple(notes))


LONG = "We have lived here for forty years and never seen a fire come this close to the houses."


def test_a_returning_speaker_is_supered_once():
    report = story((Kind.NARRATION, "The fire reached the village at dawn.", None),
                   (Kind.SOUNDBITE, LONG, ANA), (Kind.NARRATION, "Then the wind changed direction.", None),
                   (Kind.SOUNDBITE, LONG, ANA))
    build = build_report(report, load_profile())
    assert [s.segment_index for s in build.supers] == [1]


def test_a_returning_speaker_is_supered_again_after_the_profiles_wait():
    report = story((Kind.SOUNDBITE, LONG, ANA), (Kind.NARRATION, "Then the wind changed direction.", None),
                   (Kind.SOUNDBITE, LONG, ANA))
    build = build_report(report, replace(load_profile(), resuper_after=1000))
    assert [s.segment_index for s in build.supers] == [0, 2]


@pytest.mark.parametrize("gap", [1000, 2000])
def test_supers_are_a_profile_gap_apart(gap):
    report = story((Kind.SOUNDBITE, "Mayor, do you have enough firefighters?", BEN),
                   (Kind.SOUNDBITE, LONG, ANA), (Kind.SOUNDBITE, "No. We need more people.", BEN),
                   (Kind.SOUNDBITE, LONG, LowerThird("Cleo Park", "Neighbour")))
    build = build_report(report, replace(load_profile(), super_gap=gap))
    names = [s for s in build.supers if not s.credit]
    assert len(names) == 3  # Ben once, Ana, Cleo
    for before, after in zip(names, names[1:]):
        assert after.start - before.end >= gap
    # each comes on and goes off as a subtitle changes
    starts, ends = {c.start for c in build.cues}, {c.end for c in build.cues}
    assert all(s.start in starts and s.end in ends for s in names)


def test_subtitles_move_only_at_their_own_boundaries():
    """A subtitle is either wholly under a super (raised) or wholly clear of it: the super
    goes off as a subtitle changes, not in the middle of one."""
    from broadcast.cli import read_input
    for path in sorted(EXAMPLES.glob("*.txt")):
        build = build_report_from(path, read_input)
        for sup in (s for s in build.supers if not s.credit):
            for cue in build.cues:
                overlap = sup.start < cue.end and cue.start < sup.end
                assert cue.raised == overlap or any(
                    o.start < cue.end and cue.start < o.end for o in build.supers if o is not sup and not o.credit)
                if overlap:
                    assert sup.start <= cue.start and cue.end <= sup.end, (path.name, cue, sup)


def build_report_from(path, read_input):
    from broadcast.pipeline import build_text
    return build_text(read_input(path), load_profile())


def credit_report():
    segments = story((Kind.NARRATION, "The fire reached the village at dawn.", None),
                     (Kind.SOUNDBITE, LONG, ANA)).segments
    # the credit note sits between the narration and the soundbite it credits
    notes = (Note(NoteKind.CREDIT, "((COURTESY: NEUTRA FAMILY))", (segments[1].span[0] - 1, segments[1].span[0] - 1), "credit"),
             Note(NoteKind.CREDIT, "((Mandatory cg: Skype))", (segments[1].span[0] - 1, segments[1].span[0] - 1), "credit"),
             Note(NoteKind.DIRECTION, "((NAT SOUND))", (0, 0), "direction"))
    return replace(story(), segments=segments, notes=notes)


def test_credit_notes_become_credit_supers_over_their_shot():
    build = build_report(credit_report(), load_profile())
    credits = [s for s in build.supers if s.credit]
    assert [c.lower_third.title for c in credits] == ["COURTESY: NEUTRA FAMILY", "Skype"]
    assert all(c.segment_index == 1 and c.start == build.timeline[1].start for c in credits)
    files = render_all(build)
    rows = list(csv.DictReader(io.StringIO(files[".supers.csv"], newline="")))
    assert [r["type"] for r in rows].count("credit") == 2
    assert {r["f1"] for r in rows if r["type"] == "credit"} == {"COURTESY: NEUTRA FAMILY", "Skype"}
    assert [s["type"] for s in json.loads(files[".supers.json"])["supers"]].count("credit") == 2
    assert files[".script.html"].count("CG CREDIT") == 2 and "Skype" in files[".script.html"]
    events = [e for e in pysubs2.SSAFile.from_string(files[".ass"]) if e.style == CREDIT]
    assert sorted(e.plaintext for e in events) == ["COURTESY: NEUTRA FAMILY", "Skype"]
    # a credit does not raise the subtitles (it sits top right, not in the lower third)
    assert not any(c.raised for c in build.cues if c.segment_index == 0)


@pytest.mark.parametrize("note, shown", [("((Mandatory cg: Skype))", "Skype"), ("((Via Zoom))", "Via Zoom"),
                                         ("((COURTESY: NEUTRA FAMILY))", "COURTESY: NEUTRA FAMILY"),
                                         ("CG: Reuters", "Reuters"), ("((mandatory cg SPACEX))", "SPACEX"),
                                         ("((Mandatory courtesy: RSG))", "Courtesy: RSG")])
def test_credit_text_drops_the_instruction_not_the_credit(note, shown):
    assert credit_text(note) == shown


def test_guessed_split_is_marked_for_checking():
    guessed = LowerThird("Dr Miguel", "Angel Ortega, surgeon", guessed=True)
    assert guessed == LowerThird("Dr Miguel", "Angel Ortega, surgeon")  # equality is what airs
    build = build_report(story((Kind.SOUNDBITE, LONG, guessed), (Kind.SOUNDBITE, LONG * 2, ANA)), load_profile())
    files = render_all(build)
    rows = list(csv.DictReader(io.StringIO(files[".supers.csv"], newline="")))
    assert rows[0]["check"] and not rows[1]["check"]
    records = json.loads(files[".supers.json"])["supers"]
    assert records[0]["check"] and not records[1]["check"]
    assert files[".script.html"].count('class="cg check"') == 1


def test_title_only_super_is_one_strap_with_a_bar_to_match():
    vox = LowerThird("", "Resident of Moscow")
    build = build_report(story((Kind.SOUNDBITE, LONG, vox), (Kind.SOUNDBITE, LONG * 2, ANA)), load_profile())
    events = pysubs2.SSAFile.from_string(render_all(build)[".ass"]).events
    first = [e for e in events if e.start == build.supers[0].start and e.style in (NAME, TITLE, BAR)]
    assert sorted(e.style for e in first) == sorted([BAR, TITLE])
    second = [e for e in events if e.start == build.supers[1].start and e.style == BAR]

    def height(event):
        return max(int(v) for v in event.text.split("m 0 0 l ")[1].split("{")[0].split()[1::2])
    assert height(first[[e.style for e in first].index(BAR)]) < height(second[0])


PEOPLE = [ANA, BEN, LowerThird("Cleo Park", "Neighbour"), LowerThird("", "Resident of Moscow")]
TEXTS = ["No.", "We need more people and more planes.", LONG, LONG + " " + LONG]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([Kind.SOUNDBITE, Kind.NARRATION, Kind.STANDUP]),
                          st.sampled_from(TEXTS), st.sampled_from(PEOPLE)), min_size=1, max_size=8),
       st.sampled_from([1000, 2000]))
def test_supers_hold_their_rules_for_any_run_of_speakers(parts, gap):
    report = story(*((k, t, None if k is Kind.NARRATION else p) for k, t, p in parts))
    build = build_report(report, replace(load_profile(), super_gap=gap))
    names = [s for s in build.supers if not s.credit]
    people = [s.lower_third for s in names]
    assert len(people) == len(set(people))  # once a person
    for before, after in zip(names, names[1:]):
        assert after.start - before.end >= gap
    for cue in build.cues:
        covering = [s for s in names if s.start < cue.end and cue.start < s.end]
        assert cue.raised == bool(covering)
        if covering:
            # raised with no super under it for at most the gap (a super held back for the
            # one before, in a segment of one subtitle); otherwise they move together
            bare = (cue.end - cue.start) - sum(min(cue.end, s.end) - max(cue.start, s.start) for s in covering)
            assert bare <= gap


def test_a_short_vox_pop_between_two_supered_speakers_keeps_its_super():
    from broadcast.pipeline import build_text
    from broadcast.profiles import load_profile
    from tests.conftest import EXAMPLES
    build = build_text((EXAMPLES / "hebden-floods-newsroom.txt").read_text(), load_profile("broadcast"))
    supered = [s.lower_third.title for s in build.supers if not s.credit]
    assert supered == ["Shop Owner", "Hebden Bridge Resident", "Hebden Bridge"]
    for before, after in zip(build.supers, build.supers[1:]):
        assert after.start - before.end >= build.profile.super_gap
