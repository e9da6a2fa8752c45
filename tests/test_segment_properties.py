"""Property tests: scripts generated in each convention never crash the segmenter, and every
spoken word reaches exactly one segment, in order. Only markup the segmenter recognises
(supers, labels, shot lists, production notes, storylines, page clutter) is dropped."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from broadcast.errors import UnusableInput
from broadcast.model import Kind
from broadcast.segment import segment

# Words as news copy has them: possessives, hyphens, numbers, accents, acronyms mid-sentence.
WORDS = st.sampled_from("""
the a of in to and says said will has have been talks peace city officials residents
government minister country week people water fire roads schools after before during more
than two thousand percent about 40% $3.5 billion U.S.-backed co-operated de-escalation
Sochi's Moscow Zürich café naïve O'Neill al-Assad 20,000 NATO UN EU well-known on-the-ground
region's (about ten) 'safe' zones again today tonight mid-2025 north-east
""".split())
FIRST = st.sampled_from("Officials Residents The Many Police Rescuers Farmers Diplomats Critics Nobody".split())
END = st.sampled_from([".", ".", ".", "!", "?"])


@st.composite
def sentence(draw) -> str:
    words = [draw(FIRST)] + draw(st.lists(WORDS, min_size=2, max_size=14))
    return " ".join(words) + draw(END)


@st.composite
def passage(draw, max_sentences: int = 3) -> str:
    return " ".join(draw(st.lists(sentence(), min_size=1, max_size=max_sentences)))


PEOPLE = st.sampled_from([
    ("Vladimir Putin", "Russian President"), ("Anna Grigoryeva", "School Teacher"),
    ("Sergey Lavrov", "Russian Foreign Minister"), ("Li Wen", "Tourist from Shanghai"),
    ("Mireille Khoury", "Mother of a Victim"), ("Nikos Papadakis", "Mayor of Marathon"),
])


def _words(texts: list[str]) -> list[str]:
    return [w for t in texts for w in t.split()]


def _spoken(report) -> list[str]:
    return _words([s.text for s in report.segments])


def _check_spans(report, script: str) -> None:
    last = 0
    for s in report.segments:
        start, end = s.span
        assert 0 <= start < end <= len(script)
        assert start >= last, "segments in script order, not overlapping"
        last = end
        region = script[start:end]
        chars = iter(region)
        assert all(c in chars for c in s.text if not c.isspace()), "text is drawn from its span"


def _wrap(paragraph: str, width: int | None) -> str:
    return paragraph if width is None else "\n".join(textwrap.wrap(paragraph, width, break_on_hyphens=False,
                                                                    break_long_words=False))


COMMON = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@COMMON
@given(data=st.data())
def test_web_scripts_keep_every_spoken_word(data):
    draw = data.draw
    width = draw(st.one_of(st.none(), st.integers(50, 90)))
    gap = "\n\n" if width is not None or draw(st.booleans()) else "\n"
    reporter = draw(st.booleans())
    spoken, paragraphs = [], []
    intro = draw(passage()) + (" Our correspondent Julia Lyubova reports from Moscow." if reporter else "")
    spoken.append(intro)
    paragraphs.append(intro)
    bites = 0
    for _ in range(draw(st.integers(0, 6))):
        if draw(st.booleans()):
            text = draw(passage())
            paragraphs.append(text)
            spoken.append(text)
        else:
            name, title = draw(PEOPLE)
            bite = draw(passage())
            form = draw(st.sampled_from(["{N} {T} ", "{N}, {T} ", "{N}, {T}: ", "{N} {t} "]))
            label = form.format(N=name.upper(), T=title.upper(), t=title)
            paragraphs.append(f'{label}"{bite}"')
            spoken.append(bite)
            bites += 1
    if reporter:
        standup = draw(passage())
        paragraphs.append(f"JULIA LYUBOVA MOSCOW {standup} JL, CGTN, Moscow.")
        spoken += [standup, "JL, CGTN, Moscow."]
    script = "Title of the report\n[]\n" + gap.join(_wrap(p, width) for p in paragraphs) + "\n"
    report = segment(script)
    assert report.convention == "web"
    assert _spoken(report) == _words(spoken)
    assert sum(s.kind is Kind.SOUNDBITE for s in report.segments) == bites
    _check_spans(report, script)


@COMMON
@given(data=st.data())
def test_agency_shot_lists_keep_the_bites_and_drop_the_shots(data):
    draw = data.draw
    lines = ["Headline of the story", "", "Moscow, Russia - May 8, 2025 (CGTN - No access Chinese mainland)"]
    spoken = []
    number = 0
    for _ in range(draw(st.integers(1, 8))):
        number += 1
        if draw(st.booleans()):
            lines.append(f"{number}. {draw(st.sampled_from(['Wide of', 'Various of', 'Close-up of']))} "
                         f"{draw(passage(1))}")
            continue
        language = draw(st.sampled_from(["English", "Russian", "Arabic"]))
        who = draw(st.one_of(PEOPLE.map(lambda p: f"{p[0]}, {p[1]}"),
                             st.just("Resident of Moscow (no name given)")))
        parts = draw(st.lists(passage(2), min_size=1, max_size=3))
        same_line = len(parts) == 1 and draw(st.booleans())
        header = f"{number}. SOUNDBITE ({language}) {who}:"
        if same_line:
            lines.append(f'{header} "{parts[0]}"')
        else:
            lines.append(header)
            # Each paragraph of a long quote opens with a quote mark; only the last closes.
            lines += [f'"{p}' for p in parts[:-1]] + [f'"{parts[-1]}"']
        spoken += parts
    lines += ["", "STORYLINE:", draw(passage()), draw(passage())]
    script = "\n".join(lines) + "\n"
    if not spoken:
        with pytest.raises(UnusableInput, match="no spoken text"):
            segment(script)  # shots and a storyline only: nothing for air
        return
    report = segment(script)
    assert report.convention == "agency"
    assert _spoken(report) == _words(spoken)
    assert all(s.kind is Kind.SOUNDBITE for s in report.segments)
    _check_spans(report, script)


@COMMON
@given(data=st.data())
def test_production_scripts_keep_the_copy_and_drop_the_notes(data):
    draw = data.draw
    width = draw(st.integers(50, 100))
    intro = draw(passage())
    blocks = ["Page 1 of 1", "((PLAYBOOK SLUG: STORY BYLINE: Julia Lyubova DATELINE: Moscow TRT: 2:31))", "",
              "((INTRO))", "[[" + _wrap(intro, width) + "]]", ""]
    spoken = [intro]
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["narration", "bite", "credit", "radio"]))
        text = draw(passage())
        if kind == "narration":
            blocks += [draw(st.sampled_from(["((NARRATOR))", "((NARRATION))"])), _wrap(text, width), ""]
            spoken.append(text)
        elif kind == "bite":
            name, title = draw(PEOPLE)
            notes = draw(st.sampled_from([" - MALE IN RUSSIAN - ORIGINAL", " - FEMALE IN ENGLISH", ""]))
            blocks += [f"(({name}, {title}{notes}))", '"' + _wrap(text, width) + '"', ""]
            spoken.append(text)
        elif kind == "credit":
            blocks += [draw(st.sampled_from(["((Via Zoom))", "((Mandatory cg: Skype))", "((NATS))"])), ""]
        else:
            blocks += ["[[RADIO VERSION: " + _wrap(text, width) + "]]", ""]
    tail = draw(passage())
    blocks += ["((NARRATOR))", _wrap(tail + " Julia Lyubova, VOA News, Moscow.", width), "", "###"]
    spoken += [tail, "Julia Lyubova, VOA News, Moscow."]
    script = "\n".join(blocks) + "\n"
    report = segment(script)
    assert report.convention == "production"
    assert _spoken(report) == _words(spoken)
    assert report.segments[-1].kind is Kind.SIGNOFF
    _check_spans(report, script)


@COMMON
@given(data=st.data())
def test_transcripts_keep_every_turn_and_drop_the_labels(data):
    draw = data.draw
    anchor = draw(passage()) + " Fred Pleitgen reports from Moscow."
    paragraphs = ["CNN NEWSROOM", "", "THIS IS A RUSH TRANSCRIPT.", "",
                  f"[10:00:00] POPPY HARLOW, CNN ANCHOR: {anchor}", "", "(BEGIN VIDEOTAPE)", ""]
    spoken = [anchor]
    first = True
    for _ in range(draw(st.integers(1, 6))):
        text = draw(passage())
        if draw(st.booleans()):
            label = ("FREDERIK PLEITGEN, CNN CORRESPONDENT (voice-over)" if first else
                     draw(st.sampled_from(["PLEITGEN", "PLEITGEN (voice-over)"])))
            first = False
        else:
            name, title = draw(PEOPLE)
            note = draw(st.sampled_from(["", " (through translator)"]))
            label = f"{name.upper()}, {title.upper()}{note}"
        paragraphs += [f"{label}: {text}", ""]
        spoken.append(text)
    close = draw(passage())
    paragraphs += [f"PLEITGEN (on camera): {close} Fred Pleitgen, CNN, Moscow.", "", "(END VIDEOTAPE)", "",
                   "HARLOW: Thank you, Fred.", "", "(COMMERCIAL BREAK)"]
    spoken += [close, "Fred Pleitgen, CNN, Moscow.", "Thank you, Fred."]
    script = "\n".join(paragraphs) + "\n"
    report = segment(script)
    assert report.convention == "transcript"
    assert _spoken(report) == _words(spoken)
    assert report.segments[0].kind is Kind.ANCHOR_INTRO
    _check_spans(report, script)


@settings(max_examples=150, deadline=None)
@given(st.text(st.sampled_from('ABCXYZ abcxyz.,:;"\'()[]-\n1234SOUNDBITE((NARRATOR))[[]]'), min_size=1, max_size=400))
def test_arbitrary_text_never_crashes(text):
    try:
        report = segment(text)
    except UnusableInput:
        return
    for s in report.segments:
        assert s.text.strip()
        assert 0 <= s.span[0] <= s.span[1] <= len(text)


def test_lines_of_similar_length_ending_in_full_stops_are_not_a_wrap():
    text = "\n".join(["Syria talks", "[]", "Talks went on. They will resume.",
                      'LI MING SPOKESMAN "We agree. Yes."', 'VLADIMIR PUTIN RUSSIAN PRESIDENT "We agree."',
                      "The talks resume. JL, CGTN, Beirut."])
    kinds = [(s.kind, s.text) for s in segment(text).segments]
    assert kinds[-2:] == [(Kind.NARRATION, "The talks resume."), (Kind.SIGNOFF, "JL, CGTN, Beirut.")]


def test_accented_capitals_in_labels_and_signoffs():
    from broadcast.segment.common import find_signoff
    for ending, who in [("ÖZ, TRT, Ankara.", "ÖZ"), ("José Álvarez, CGTN, Madrid.", "José Álvarez")]:
        assert find_signoff(f"The talks will go on. {ending}").initials == who
    text = ("JOSÉ DÍAZ, GNT ANCHOR: Talks resume tonight. David Okafor reports from Athens.\n\n"
            "(BEGIN VIDEOTAPE)\n\nDAVID OKAFOR, GNT CORRESPONDENT (voice-over): The fires spread.\n\n"
            "NIKOS PAPADÁKIS, MAYOR OF MARATHON (through translator): We need planes.\n\n(END VIDEOTAPE)\n")
    report = segment(text)
    assert [s.kind for s in report.segments] == [Kind.ANCHOR_INTRO, Kind.NARRATION, Kind.SOUNDBITE]
    assert report.segments[-1].speaker.name == "Nikos Papadákis"


@pytest.mark.parametrize("script, bite", [
    # hypothesis found both: a quote wrapped onto the next line was cut off there
    ('Title\n[]\nOfficials met.\n\nVLADIMIR PUTIN RUSSIAN PRESIDENT "Officials the the.\nOfficials the the."\n',
     "Officials the the. Officials the the."),
    ('Title\n[]\nOfficials met.\n\nVLADIMIR PUTIN RUSSIAN PRESIDENT "Officials the a.\n'
     'Officials the the north-east. Officials the\ntalks."\n',
     "Officials the a. Officials the the north-east. Officials the talks."),
    # without blank lines, a line that closes the open quote still belongs to it
    ('Title\n[]\nOfficials met.\nVLADIMIR PUTIN RUSSIAN PRESIDENT "We agreed.\nWe will go on."\nThe talks ended.\n',
     "We agreed. We will go on."),
])
def test_a_wrapped_quote_stays_in_its_soundbite(script, bite):
    bites = [s.text for s in segment(script).segments if s.kind is Kind.SOUNDBITE]
    assert bites == [bite]
