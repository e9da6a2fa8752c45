"""Prompter copy: every word read in order, soundbites only as cues, times that add up,
pronouncer respellings after names, back-timing to the on-air time."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadcast.errors import UnusableInput
from broadcast.exporters.prompter_txt import prompter_text
from broadcast.model import Kind, LowerThird, Report, Segment, SignOff
from broadcast.pipeline import build_report, build_text
from broadcast.profiles import load_profile
from broadcast.prompter import (
    BackTime, Pronunciation, format_clock, format_duration, in_cue, out_cue, parse_clock, parse_pronouncer,
    prompter_blocks, standard_out_cue, whole_seconds, with_pronunciations,
)
from tests.conftest import REFERENCE

READ_KINDS = (Kind.ANCHOR_INTRO, Kind.NARRATION, Kind.STANDUP)
PRONOUNCER = """# names in the Sochi story
Erdogan = AIR-doh-wahn
Khlebnikov = KHLEB-nee-kov
Bashar al-Assad = bah-SHAR al-ah-SAHD
Assad = ah-SAHD
"""


def words(text: str) -> list[str]:
    """Word tokens, case-folded: a word broken after a dash across lines stays comparable."""
    return re.findall(r"\w+", text.casefold())


def flat(text: str) -> str:
    """The prompter on one line, words broken after a dash joined again."""
    return " ".join(re.sub(r"(?<=-)\n", "", text).split())


def is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(any(w == h for h in it) for w in needle)


def spoken_by_anchor_and_correspondent(report: Report) -> list[str]:
    """What the anchor and the correspondent say, the sign-off as the standard out-cue."""
    out = []
    for segment in report.segments:
        if segment.kind in READ_KINDS:
            out += words(segment.text)
        elif segment.kind is Kind.SIGNOFF:
            out += words(f"{report.correspondent}, {report.network}, {report.location}")
    return out


@pytest.fixture(scope="module")
def profile():
    return load_profile("broadcast")


@pytest.fixture(scope="module")
def reference_build(reference_report, profile):
    return build_report(reference_report, profile)


@pytest.fixture(scope="module")
def reference_prompter(reference_build):
    return prompter_text(reference_build)


def read_copy(text: str) -> str:
    """The prompter without its bracketed marks."""
    return "\n".join(line for line in text.splitlines() if not line.startswith("["))


@pytest.mark.parametrize("options", [
    {}, {"prompter_case": "as-written"}, {"prompter_width": 18}, {"pronouncer": PRONOUNCER},
    {"on_air": "19:59:30", "prompter_width": 60},
])
def test_every_read_word_is_in_the_prompter_in_order(reference_report, profile, options):
    text = prompter_text(build_report(reference_report, profile, **options))
    assert is_subsequence(spoken_by_anchor_and_correspondent(reference_report), words(read_copy(text)))


def test_no_soundbite_body_is_read_copy(reference_report, reference_prompter):
    copy = words(read_copy(reference_prompter))
    copy_grams = {tuple(copy[i:i + 5]) for i in range(len(copy) - 4)}
    for segment in reference_report.segments:
        if segment.kind is Kind.SOUNDBITE:
            bite = words(segment.text)
            grams = {tuple(bite[i:i + 5]) for i in range(len(bite) - 4)}
            assert grams and not grams & copy_grams, segment.speaker


def test_soundbites_are_cue_blocks(reference_prompter):
    cues = re.findall(r"^\[SOT: .*\]$", reference_prompter, re.M)
    assert len(cues) == 3
    assert re.fullmatch(r'\[SOT: VLADIMIR PUTIN, RUSSIAN PRESIDENT \| IN: "WE HAVE AGREED" \| '
                        r'OUT: "AGAINST TERRORISM" \| RUNS 0:\d\d\]', cues[0])
    assert cues[1].startswith('[SOT: RECEP TAYYIP ERDOGAN, TURKISH PRESIDENT | IN: "THE POINT WE" | '
                              'OUT: "PEOPLE OF SYRIA"')
    assert cues[2].startswith("[SOT: ALEXEY KHLEBNIKOV, RUSSIAN INTERNATIONAL AFFAIRS CENTER")


def test_marks_say_who_reads(reference_prompter):
    marks = re.findall(r"^\[([A-Z]+)(?:: ([A-Z ]+))? \| READS", reference_prompter, re.M)
    assert marks[0] == ("ANCHOR", "")
    assert {m for m in marks[1:]} == {("VO", "JULIA LYUBOVA"), ("STANDUP", "JULIA LYUBOVA"),
                                      ("SOC", "JULIA LYUBOVA")}
    assert "[PKG: JULIA LYUBOVA | RUNS " in reference_prompter


def test_reference_layout_as_checked_by_eye(reference_report, profile):
    """The marks of the reference prompter in order, times masked (they follow the read-time
    model); the copy between them is checked word by word above."""
    text = prompter_text(build_report(reference_report, profile, on_air="20:00:00"))
    marks = [re.sub(r"\d+:\d\d(:\d\d)?", "T", line) for line in text.splitlines() if line.startswith("[")]
    read = "READS T | AT T | T | LEFT T]"
    assert marks == [
        "[TOTAL T | ON AIR T | OFF T]",
        f"[ANCHOR | {read}",
        "[PKG: JULIA LYUBOVA | RUNS T]",
        f"[VO: JULIA LYUBOVA | {read}",
        f"[VO: JULIA LYUBOVA | {read}",
        '[SOT: VLADIMIR PUTIN, RUSSIAN PRESIDENT | IN: "WE HAVE AGREED" | OUT: "AGAINST TERRORISM" | RUNS T]',
        f"[VO: JULIA LYUBOVA | {read}",
        '[SOT: RECEP TAYYIP ERDOGAN, TURKISH PRESIDENT | IN: "THE POINT WE" | OUT: "PEOPLE OF SYRIA" | RUNS T]',
        f"[VO: JULIA LYUBOVA | {read}",
        '[SOT: ALEXEY KHLEBNIKOV, RUSSIAN INTERNATIONAL AFFAIRS CENTER | IN: "THE POLITICAL" | '
        'OUT: "POLITICAL PROCESS" | RUNS T]',
        f"[VO: JULIA LYUBOVA | {read}",
        f"[STANDUP: JULIA LYUBOVA | {read}",
        f"[SOC: JULIA LYUBOVA | {read}",
        "[END | TOTAL T | OFF T]",
    ]


def test_sign_off_is_the_standard_out_cue_in_full(reference_prompter):
    lines = reference_prompter.splitlines()
    assert "JULIA LYUBOVA, CGTN, MOSCOW" in lines
    assert "JL," not in reference_prompter


def test_capitals_by_default_and_as_written_on_request(reference_report, profile):
    upper = read_copy(prompter_text(build_report(reference_report, profile)))
    assert upper == upper.upper()
    written = prompter_text(build_report(reference_report, profile, prompter_case="as-written"))
    assert "Russia, Iran and Turkey have" in written
    with pytest.raises(UnusableInput):
        prompter_text(build_report(reference_report, profile, prompter_case="shouting"))


@pytest.mark.parametrize("width", [0, -5])
def test_width_below_one_character_is_refused(reference_build, width):
    with pytest.raises(UnusableInput, match="width"):
        prompter_text(replace(reference_build, options={"prompter_width": width}))


@pytest.mark.parametrize("width", [12, 20, 32, 45])
def test_read_copy_fits_the_width(reference_report, profile, width):
    text = prompter_text(build_report(reference_report, profile, prompter_width=width))
    for line in read_copy(text).splitlines()[3:]:  # the title, wrapped too, comes first
        assert len(line) <= width or " " not in line, line
    assert "\n\n" in read_copy(text)  # blank lines between paragraphs


def test_block_times_add_up_to_the_total(reference_build, reference_prompter):
    times = [int(m) * 60 + int(s) for m, s in
             re.findall(r"^\[(?!PKG)[^\]]*?(?:READS|RUNS) (\d+):(\d\d)", reference_prompter, re.M)]
    assert len(times) == len(reference_build.timeline)
    total = re.search(r"^\[END \| TOTAL (\d+):(\d\d)", reference_prompter, re.M)
    assert sum(times) == int(total[1]) * 60 + int(total[2]) == whole_seconds(reference_build.total)
    package = re.search(r"^\[PKG: [^|]*\| RUNS (\d+):(\d\d)\]", reference_prompter, re.M)
    assert int(package[1]) * 60 + int(package[2]) == sum(times[1:])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=60), min_size=1, max_size=12))
def test_whole_seconds_always_add_up(profile, word_counts):
    kinds = [Kind.ANCHOR_INTRO] + [Kind.NARRATION, Kind.SOUNDBITE] * 6
    segments = tuple(Segment(kinds[i], " ".join(["word"] * n), (0, 0),
                             LowerThird("A Name", "A Title") if kinds[i] is Kind.SOUNDBITE else None)
                     for i, n in enumerate(word_counts))
    build = build_report(Report("t", (), None, None, None, segments), profile)
    blocks = prompter_blocks(build)
    assert sum(b.reads for b in blocks) == whole_seconds(build.total)
    assert all(later.at == earlier.at + earlier.reads for earlier, later in zip(blocks, blocks[1:]))


def test_back_timing_from_the_on_air_time(reference_build, reference_report, profile):
    text = prompter_text(build_report(reference_report, profile, on_air="20:00:00"))
    total = whole_seconds(reference_build.total)
    head = re.search(r"^\[TOTAL ([\d:]+) \| ON AIR 20:00:00 \| OFF ([\d:]+)\]$", text, re.M)
    assert head[2] == format_clock(20 * 3600 + total)
    rows = re.findall(r"^\[[^\]]*\| READS ([\d:]+) \| AT (\d+):(\d\d) \| (\d\d):(\d\d):(\d\d) \| LEFT (\d+):(\d\d)\]$",
                      text, re.M)
    assert rows
    for _, am, as_, hh, mm, ss, lm, ls in rows:
        at = int(am) * 60 + int(as_)
        assert int(hh) * 3600 + int(mm) * 60 + int(ss) == 20 * 3600 + at
        assert int(lm) * 60 + int(ls) == total - at


def test_prompter_keeps_report_time_whatever_the_programme_start(reference_report, profile, reference_prompter):
    assert prompter_text(build_report(reference_report, profile, start="10:00:00:00")) == reference_prompter


def test_back_timing_arithmetic():
    assert parse_clock("20:00:00") == 72000 and parse_clock("7:05") == 25500
    timing = BackTime(parse_clock("23:59:30"), 151)
    assert format_clock(timing.off_air) == "00:02:01"  # past midnight
    assert format_duration(151) == "2:31" and format_duration(3725) == "1:02:05"
    for bad in ("24:00:00", "8pm", "20:61:00", ""):
        with pytest.raises(UnusableInput):
            parse_clock(bad)


def test_bad_on_air_time_is_one_line_and_exit_2(tmp_path):
    run = subprocess.run([sys.executable, "-m", "broadcast", "build", str(REFERENCE), "-o", str(tmp_path),
                          "--on-air", "8pm"], capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "on-air time" in run.stderr
    assert list(tmp_path.iterdir()) == []


def test_cues_are_recognisable_first_and_last_words():
    assert in_cue("We have agreed to continue.") == "We have agreed"
    assert out_cue("the joint fight against terrorism.") == "against terrorism"
    assert in_cue('"Now is the time," he said') == "Now is the time"
    assert in_cue("Unprecedented cooperation here") == "Unprecedented cooperation"  # two words at least
    assert out_cue("Short.") == "Short"
    assert out_cue("a b c d e f") == "c d e f"  # never more than four words


def test_standard_out_cue_is_the_sign_off_as_heard():
    signoff = SignOff("JL, CGTN, Moscow.", "Julia Lyubova", "CGTN", "Moscow")
    report = Report("t", (), "CGTN", "Julia Lyubova", "Moscow", (), signoff=signoff)
    line = Segment(Kind.SIGNOFF, "JL, CGTN, Moscow.", (0, 0))
    assert standard_out_cue(report, line) == "Julia Lyubova, CGTN, Moscow"
    unknown = Report("t", (), "CGTN", None, "Moscow", (), signoff=SignOff("JL, CGTN, Moscow.", None, "CGTN", "Moscow"))
    assert standard_out_cue(unknown, line) == "JL, CGTN, Moscow"
    assert standard_out_cue(Report("t", (), None, None, None, ()), line) == "JL, CGTN, Moscow"


def test_the_segmenter_expands_the_sign_off_initials_once(reference_text):
    from broadcast.segment import segment
    assert segment(reference_text).signoff.spoken == "Julia Lyubova, CGTN, Moscow"
    other = reference_text.replace("JL, CGTN, Moscow.", "AB, CGTN, Moscow.")
    assert segment(other).signoff.spoken == "AB, CGTN, Moscow"


def test_pronouncer_puts_the_respelling_after_the_name():
    guides = parse_pronouncer(PRONOUNCER)
    text = with_pronunciations("PRESIDENT BASHAR AL-ASSAD MET ERDOGAN. ASSAD AND ERDOGAN'S AIDES.", guides)
    assert text == ("PRESIDENT BASHAR AL-ASSAD (bah-SHAR al-ah-SAHD) MET ERDOGAN (AIR-doh-wahn). "
                    "ASSAD (ah-SAHD) AND ERDOGAN'S AIDES.")
    # whole words only, and the name is never replaced
    assert with_pronunciations("ERDOGANS", guides) == "ERDOGANS"


def test_pronouncer_in_the_reference_prompter(reference_report, profile):
    text = prompter_text(build_report(reference_report, profile, pronouncer=PRONOUNCER))
    one_line = flat(text)
    assert "BASHAR AL-ASSAD (bah-SHAR al-ah-SAHD)" in one_line
    assert "ASSAD (ah-SAHD)" in one_line  # the later "Assad" in another block
    assert "AIR-doh-wahn" not in one_line  # Erdogan is named only in a soundbite's cue


def test_pronouncer_file_format():
    assert parse_pronouncer("# c\n\n  Putin =  POO-tin \nputin = POO-teen\n") == (Pronunciation("putin", "POO-teen"),)
    with pytest.raises(UnusableInput, match="line 2"):
        parse_pronouncer("Putin = POO-tin\nErdogan AIR-doh-wahn\n")
    with pytest.raises(UnusableInput):
        parse_pronouncer("= nobody\n")


def test_hostile_text_passes_through_plain(profile):
    text = prompter_text(build_text("Title\n[]\nThe <b>anchor</b> & a {tag} said \\N this.\n", profile))
    assert "<B>ANCHOR</B> & A {TAG} SAID \\N THIS." in flat(text)


def test_hyphenated_words_are_never_split_across_lines(reference_prompter):
    # AL-ASSAD and CO-OPERATED are read as one word each: no prompter line may end inside one.
    assert not [line for line in reference_prompter.splitlines() if re.search(r"\w-$", line)]
    assert "AL-ASSAD" in reference_prompter
