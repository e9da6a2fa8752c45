"""Script words aligned to recognised words, and captions conformed to real timings."""

from __future__ import annotations

import importlib.util
import json
from functools import cache

import pytest
import srt
from hypothesis import given, settings
from hypothesis import strategies as st

from broadcast.align import MIN_MATCH_RATE, align, conform, spoken_units
from broadcast.cli import main
from broadcast.errors import UnusableInput
from broadcast.exporters import render_all
from broadcast.model import WordTiming
from broadcast.pipeline import build_text
from broadcast.profiles import FRAME_RATES, load_profile
from broadcast.reading import read_script
from broadcast.exporters.vtt import timestamp
from broadcast.segment import segment
from tests.conftest import EXAMPLES, REFERENCE, ROOT
from tests.subtitles import spoken_words

WORDS = EXAMPLES / "syria-peace-process.words.json"
OTHER = ROOT / "tests" / "fixtures" / "timings" / "other-report.words.json"


@cache
def generator():
    """benchmarks/make_word_timings.py, which made the example's word timings."""
    spec = importlib.util.spec_from_file_location("make_word_timings", ROOT / "benchmarks" / "make_word_timings.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def reference_build(profile: str = "broadcast", fps: str | None = None, start: str | None = None):
    return build_text(read_script(REFERENCE.read_bytes()), load_profile(profile, fps),
                      timings=WORDS.read_bytes(), start=start)


def first_words(build):
    """(cue, script word index in its segment) of each cue's first word, in order."""
    taken: dict[int, int] = {}
    for cue in build.cues:
        k = taken.get(cue.segment_index, 0)
        yield cue, k
        taken[cue.segment_index] = k + len(cue.text.split())


# --- spoken forms ----------------------------------------------------------------------

@pytest.mark.parametrize("token, units", [
    ("Russia,", ["russia"]), ("U.S.-backed", ["us", "backed"]), ("co-operated", ["co", "operated"]),
    ("Erdoğan's", ["erdogans"]), ("'de-escalation", ["de", "escalation"]), ("—", []),
    ("1949", ["nineteen", "forty", "nine"]), ("1905", ["nineteen", "oh", "five"]),
    ("2005", ["two", "thousand", "five"]), ("1990s", ["nineteen", "nineties"]),
    ("21st", ["twenty", "first"]), ("3.5%", ["three", "point", "five", "percent"]),
    ("$40", ["forty", "dollars"]), ("140,000", ["one", "hundred", "and", "forty", "thousand"]),
    ("R&D", ["r", "and", "d"]),
])
def test_spoken_units(token, units):
    assert spoken_units(token) == units


def timed(words: str, step: int = 400) -> list[WordTiming]:
    return [WordTiming(w, k * step, k * step + step - 50) for k, w in enumerate(words.split())]


def test_numbers_match_whichever_way_they_are_written():
    script = "Syria has been divided since 1949 and 22 people".split()
    result = align(script, timed("Syria has been divided since nineteen forty-nine and twenty two people"))
    assert all(result.matched)
    assert result.times[5] == (2000, 2750)  # "1949" spans "nineteen" to "forty-nine"
    assert result.times[7][0] == 3200  # "22" starts at "twenty"
    reverse = align("since nineteen forty-nine and".split(), timed("since 1949 and"))
    assert all(reverse.matched) and reverse.times[1][0] == 400 and reverse.times[2][1] == 750


def test_near_misses_match_and_unrelated_words_do_not():
    script = "Putin hosted Khlebnikov in Sochi yesterday".split()
    result = align(script, timed("Poutine hosted Klebnikov in Sochy Tuesday"))
    assert result.matched == (True, True, True, True, True, False)
    assert result.times[-1][0] == 2000  # a wrong word still stands where the right one was said


def test_missing_and_extra_words():
    script = "the three sides say they are eager to press on".split()
    result = align(script, timed("the three sides uh say say they eager to to press on"))
    assert result.links[:3] == (0, 1, 2) and result.links[3] in (4, 5) and result.links[4] == 6
    assert result.links[5] is None and not result.matched[5]  # "are" was not heard...
    assert result.times[4][1] <= result.times[5][0] <= result.times[6][0]  # ...and is timed between
    assert result.links[6] == 7 and result.links[7] in (8, 9) and result.links[8:] == (10, 11)


def test_words_before_and_after_the_recognised_ones_keep_the_speakers_pace():
    script = "Russia Iran and Turkey have launched a push".split()
    result = align(script, timed("and Turkey have launched", step=300))
    assert result.times[2] == (0, 250)
    assert result.times[0][0] == 0 and result.times[1][1] <= 0  # no time before the file's zero
    assert 900 <= result.times[6][0] < result.times[7][0] < 2000


# --- properties ------------------------------------------------------------------------

VOCABULARY = ["Russia,", "Iran", "and", "Turkey", "the", "1949", "twenty-two", "22", "U.S.-backed",
              "co-operated", "Sochi.", "al-Assad", "—", "peace", "piece", "uh", "3%", "a"]


@st.composite
def scripts_and_recognition(draw):
    script = draw(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=40))
    heard = []
    for word in script:  # what a recogniser makes of it: kept, changed, dropped, doubled
        action = draw(st.sampled_from(["keep"] * 5 + ["change", "drop", "extra"]))
        if action == "drop":
            continue
        heard.append(draw(st.sampled_from(VOCABULARY)) if action == "change" else word)
        if action == "extra":
            heard.append(draw(st.sampled_from(VOCABULARY)))
    heard = heard or [draw(st.sampled_from(VOCABULARY))]
    times = draw(st.lists(st.one_of(st.none(), st.tuples(st.integers(0, 10**6), st.integers(0, 2000))),
                          min_size=len(heard), max_size=len(heard)))
    if all(t is None for t in times):
        times[0] = (0, 100)
    if draw(st.booleans()):  # a well-behaved file: times in order
        ordered = sorted(t[0] for t in times if t)
        times = [None if t is None else (ordered.pop(0), t[1]) for t in times]
    recognised = [WordTiming(w, None, None) if t is None else WordTiming(w, t[0], t[0] + t[1])
                  for w, t in zip(heard, times)]
    return script, recognised


@settings(max_examples=300, deadline=None)
@given(scripts_and_recognition())
def test_alignment_is_monotone_and_gives_every_word_a_time_in_order(case):
    script, recognised = case
    result = align(script, recognised)
    assert len(result.times) == len(result.links) == len(result.matched) == len(script)
    links = [j for j in result.links if j is not None]
    assert links == sorted(links) and all(0 <= j < len(recognised) for j in links)
    flat = [t for span in result.times for t in span]
    assert flat == sorted(flat) and flat[0] >= 0
    assert all(isinstance(t, int) for t in flat)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=30))
def test_a_perfect_recognition_matches_every_word_with_its_own_time(script):
    recognised = timed(" ".join(script))
    result = align(script, recognised)
    for word, times, heard in zip(script, result.times, recognised):
        if spoken_units(word):
            assert times[0] == heard.start
    assert result.matched == tuple(bool(spoken_units(w)) for w in script)


# --- the reference report with the example's word timings -------------------------------

def test_the_generator_is_deterministic_and_makes_the_faults_asked_for():
    module = generator()
    text = read_script(REFERENCE.read_bytes())
    doc, truth, counts = module.simulate(text, 6)
    assert module.simulate(text, 6)[0] == doc
    assert counts["mis-recognised"] >= 0.08 * len(truth) and counts["untimed"] and counts["missed"]
    assert counts["numbers"] and counts["extra"]
    example = json.loads(WORDS.read_text(encoding="utf-8"))
    assert example.keys() == doc.keys() and len(example["word_segments"]) > 350


def test_the_match_rate_is_reported():
    build = reference_build()
    assert build.alignment.source == "whisperx" and build.alignment.match_rate >= 0.9
    line = next(w for w in build.warnings if w.startswith("whisperx timings:"))
    assert f"{build.alignment.matched} of {build.alignment.words} script words matched" in line
    timing = json.loads(render_all(build, ["json"])[".json"])["timing"]
    assert timing["basis"] == "words" and timing["match_rate"] == round(build.alignment.match_rate, 4)
    assert timing["script_words"] == len(" ".join(s.text for s in build.report.segments).split())


@pytest.mark.parametrize("fps", list(FRAME_RATES))
def test_every_cue_starts_within_a_frame_of_its_first_word(fps):
    build = reference_build("broadcast", fps)
    profile = build.profile
    for cue, k in first_words(build):
        said = build.alignment.word_times[cue.segment_index][k][0]
        assert abs(cue.start - said) <= profile.frame_ms, (cue.index, cue.text)
        assert profile.snap(cue.start) == cue.start  # on a frame of this rate


@pytest.mark.parametrize("profile", ["netflix", "bbc", "dcmp"])
def test_every_cue_starts_within_a_frame_of_its_first_word_under_each_profile(profile):
    build = reference_build(profile)
    assert all(abs(cue.start - build.alignment.word_times[cue.segment_index][k][0]) <= build.profile.frame_ms
               for cue, k in first_words(build))


def test_aligned_times_are_the_true_times_of_the_words():
    """Against the generator's record of when each word was really said: the recognised
    words keep their times, and the rest land close to where they were spoken."""
    module = generator()
    text = read_script(REFERENCE.read_bytes())
    for seed in (6, 7, 8):
        doc, truth, _ = module.simulate(text, seed)
        alignment, _ = conform(segment(text), module.dumps(doc).encode())
        times = [t for segment in alignment.word_times for t in segment]
        errors = sorted(abs(a[0] - b[0]) for a, b in zip(times, truth))
        assert len(times) == len(truth)
        assert errors[int(len(errors) * 0.9)] <= 40  # nine in ten within a frame at 25 fps
        assert errors[-1] < 1000


def test_the_timeline_and_lower_thirds_follow_the_real_times():
    build = reference_build()
    for timed, times in zip(build.timeline, build.alignment.word_times):
        assert timed.start == build.profile.snap(times[0][0])
    assert all(a.end == b.start for a, b in zip(build.timeline, build.timeline[1:]))
    for sup in build.supers:
        assert sup.start == build.timeline[sup.segment_index].start


def test_every_spoken_word_reaches_the_subtitles_in_order():
    build = reference_build()
    spoken = spoken_words(build)
    subtitles = list(srt.parse(render_all(build, ["srt"])[".srt"]))
    assert " ".join(s.content for s in subtitles).split() == spoken
    starts = [s.start for s in subtitles]
    assert starts == sorted(starts)


def test_a_programme_start_puts_the_subtitle_files_on_the_programme_clock():
    build = reference_build(start="10:00:00:00")
    assert build.offset == 36_000_000 and build.cues == reference_build().cues
    files = render_all(build, ["srt", "vtt", "json"])
    first = next(srt.parse(files[".srt"]))
    assert first.start.total_seconds() * 1000 == 36_000_000 + build.cues[0].start
    # WebVTT plays against the video, which starts at the report's zero
    assert f"\n{timestamp(build.cues[0].start)} --> " in files[".vtt"]
    timing = json.loads(files[".json"])["timing"]
    assert (timing["start"], timing["offset"]) == ("10:00:00:00", 36000.0)


def test_timings_for_another_script_are_refused():
    with pytest.raises(UnusableInput, match=r"not for this script: only \d+ of its 390 words found"):
        conform(reference_build().report, OTHER.read_bytes())
    assert MIN_MATCH_RATE == 0.5


# --- the command line -------------------------------------------------------------------

def run(capsys, *args):
    code = main(list(map(str, args)))
    return code, capsys.readouterr().err


def test_build_with_timings_and_a_programme_start(tmp_path, capsys):
    code, err = run(capsys, "build", REFERENCE, "-o", tmp_path, "--timings", WORDS, "--start", "10:00:00:00")
    assert code == 0, err
    assert "script words matched" in err
    first = next(srt.parse((tmp_path / "syria-peace-process.srt").read_text(encoding="utf-8")))
    assert first.start.total_seconds() >= 36_000


@pytest.mark.parametrize("fps, label", [("29.97", "10:00:00;00"), ("59.94", "10:00:00;00"), ("23.976", "10:00:00:00"),
                                        ("50", "10:00:00:00")])
def test_each_frame_rate_from_the_command_line(tmp_path, capsys, fps, label):
    code, err = run(capsys, "build", REFERENCE, "-o", tmp_path, "--timings", WORDS, "--start", "10:00:00:00",
                    "--fps", fps, "--only", "json")
    assert code == 0, err
    data = json.loads((tmp_path / "syria-peace-process.json").read_text(encoding="utf-8"))
    assert data["profile"]["fps"] == float(FRAME_RATES[fps]) and data["timing"]["start"] == label


@pytest.mark.parametrize("args, reason", [
    (["--timings", OTHER], "not for this script"),
    (["--timings", ROOT / "tests" / "fixtures" / "timings" / "missing.json"], "No such file"),
    (["--timings", REFERENCE], "not a word-timing file"),
    (["--timings", WORDS, "--start", "ten o'clock"], "not HH:MM:SS:FF"),
    (["--timings", WORDS, "--start", "10:01:00:00", "--fps", "29.97"], "does not exist in drop-frame"),
])
def test_unusable_timings_exit_2_with_one_line_and_no_files(tmp_path, capsys, args, reason):
    code, err = run(capsys, "build", REFERENCE, "-o", tmp_path / "out", *args)
    assert code == 2 and reason in err and err.count("\n") == 1
    assert not (tmp_path / "out").exists()
