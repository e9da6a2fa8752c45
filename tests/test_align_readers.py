"""Word-timing files in each format: detected from content, read, and aligned to a script."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadcast.align import align, read_timings
from broadcast.errors import UnusableInput

FIXTURES = Path(__file__).parent / "fixtures" / "timings"
SCRIPT = (FIXTURES / "short.txt").read_text(encoding="utf-8").split()
#: when each script word was said (ms), as the timed formats give it
SAID = dict(zip(range(len(SCRIPT)), [
    (500, 920), (1100, 1450), (1480, 1600), (1630, 2050), (2080, 2300), (2330, 2410), (2450, 2900),
    (2950, 3050), (3100, 3700), (3720, 4300), (4900, 5000), (5030, 5300), (5330, 5750), (5780, 6500),
    (6550, 6650), (6680, 6720), (6750, 7200)]))


def aligned(name: str):
    source, words = read_timings((FIXTURES / name).read_bytes())
    return source, words, align(SCRIPT, words)


def assert_in_order(times):
    flat = [t for span in times for t in span]
    assert flat == sorted(flat)
    assert len(times) == len(SCRIPT)


@pytest.mark.parametrize("name, source, count", [
    ("whisperx.json", "whisperx", 17), ("whisperx-word-segments.json", "whisperx", 17),
    ("stable-ts.json", "stable-ts", 17), ("gentle.json", "gentle", 17), ("aeneas.json", "aeneas", 17),
    ("short.srt", "srt", 17), ("short.vtt", "webvtt", 17),
])
def test_each_format_is_detected_from_its_content(name, source, count):
    found, words, result = aligned(name)
    assert (found, len(words)) == (source, count)
    assert_in_order(result.times)
    assert result.match_rate >= 0.9


def test_whisperx_near_misses_numbers_and_words_without_times():
    _, words, result = aligned("whisperx.json")
    assert words[11].word == "3" and words[11].start is None  # WhisperX leaves digits untimed
    assert result.matched == (True,) * len(SCRIPT)  # Sochy ~ Sochi, twenty-two ~ 22, 3 ~ three
    for k in range(len(SCRIPT)):
        if k != 11:
            assert result.times[k] == SAID[k], SCRIPT[k]
    # "three" is placed in the gap the untimed "3" left, between "The" and "leaders"
    assert SAID[10][1] <= result.times[11][0] < result.times[11][1] <= SAID[12][0]


def test_whisperx_word_segments_with_a_missed_word_and_a_hesitation():
    _, _, result = aligned("whisperx-word-segments.json")
    met = SCRIPT.index("met")
    assert not result.matched[met]
    # the hesitation does not stand in for the missed word: "met" is timed between its neighbours
    assert SAID[met - 1][1] <= result.times[met][0] <= result.times[met][1] <= SAID[met + 1][0]
    assert result.times[-1][0] == SAID[len(SCRIPT) - 1][0]  # "plan." has a start and no end


def test_stable_ts_words_with_leading_spaces_and_a_wrong_word():
    _, words, result = aligned("stable-ts.json")
    assert words[0].word == "Russia,"
    iran = SCRIPT.index("Iran")
    assert not result.matched[iran]  # heard as "Oman": too far to count as found...
    assert result.times[iran] == SAID[iran]  # ...but it stands where "Iran" was said
    assert sum(result.matched) == len(SCRIPT) - 1


def test_gentle_words_not_found_in_the_audio_are_interpolated():
    _, words, result = aligned("gentle.json")
    a = SCRIPT.index("a")
    assert words[a].start is None and words[a].end is None
    assert SAID[a - 1][1] <= result.times[a][0] <= result.times[a][1] <= SAID[a + 1][0]
    assert all(result.times[k] == SAID[k] for k in SAID if k != a)


@pytest.mark.parametrize("name", ["aeneas.json", "short.srt", "short.vtt"])
def test_fragment_and_cue_times_are_spread_over_their_words(name):
    _, words, result = aligned(name)
    assert result.times[0][0] == 500 and result.times[9][1] == 4300  # the first cue or fragment
    assert result.times[10][0] == 4900 and result.times[-1][1] == 7200  # the second
    lengths = [e - s for s, e in result.times[:10]]
    assert lengths[SCRIPT.index("November.")] > lengths[SCRIPT.index("in")]  # longer words, longer time


def test_webvtt_markup_and_escapes_are_not_words():
    _, words, _ = aligned("short.vtt")
    assert [w.word for w in words[:4]] == ["Russia,", "Iran", "&", "Turkey"]


def test_a_hierarchical_sync_map_is_read_at_its_finest_level():
    doc = {"fragments": [{"begin": "0.000", "end": "2.000", "lines": ["Iran and Turkey"], "children": [
        {"begin": "0.100", "end": "0.600", "lines": ["Iran"], "children": []},
        {"begin": "0.700", "end": "0.900", "lines": ["and"], "children": []},
        {"begin": "1.000", "end": "1.800", "lines": ["Turkey"], "children": []}]}]}
    _, words = read_timings(json.dumps(doc).encode())
    assert [(w.word, w.start, w.end) for w in words] == [("Iran", 100, 600), ("and", 700, 900),
                                                         ("Turkey", 1000, 1800)]


def test_whisper_segments_without_word_times_are_spread_over_their_words():
    doc = {"segments": [{"start": 1.0, "end": 2.0, "text": " Iran and Turkey"}]}
    source, words = read_timings(json.dumps(doc).encode())
    assert source == "whisper" and words[0].start == 1000 and words[-1].end == 2000


def test_a_byte_order_mark_and_utf16_are_read():
    data = (FIXTURES / "short.srt").read_text(encoding="utf-8").encode("utf-16")
    assert read_timings(data)[0] == "srt"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"\x00\x01\x02binary", "binary"),
    (b"{\"segments\": [", "not valid JSON (line 1"),
    (b"{\"title\": \"a report\"}", "no known word-timing format"),
    (b"[1, 2, 3]", "no known word-timing format"),
    (b"Russia, Iran and Turkey met in Sochi.", "not a word-timing file"),
    (b"{\"word_segments\": [{\"word\": \"Russia\"}, {\"word\": \"Iran\"}]}", "no word with a time"),
    (b"{\"fragments\": [{\"begin\": \"x\", \"end\": \"y\", \"lines\": [\"Iran\"]}]}", "'Iran' the time 'x'"),
    (b"[Script Info]\nTitle: not finished\n", "not readable subtitles"),
    (b"1\n00:00:01,000 --> soon\nIran\n", "not readable subtitles"),
])
def test_unusable_files_are_refused_with_one_line(data, reason):
    with pytest.raises(UnusableInput) as caught:
        read_timings(data)
    assert reason in str(caught.value) and "\n" not in str(caught.value)


def test_a_missing_time_leaves_the_word_untimed():
    doc = {"word_segments": [{"word": "Iran", "start": 1.0, "end": 1.5}, {"word": "and"},
                             {"word": "1949", "start": None, "end": 3.0}, {"word": "in", "start": 4.0, "end": 4.5}]}
    _, words = read_timings(json.dumps(doc).encode())
    assert [(w.start, w.end) for w in words] == [(1000, 1500), (None, None), (None, 3000), (4000, 4500)]


@pytest.mark.parametrize("start, end", [(-2, 3.0), (float("nan"), 3.0), (float("inf"), None), ("soon", 3.0),
                                        (True, 3.0), (2.0, "1e999"), (2.0, -0.5), (2.0, [1])])
def test_a_time_that_is_no_time_refuses_the_file_naming_the_word(start, end):
    doc = {"word_segments": [{"word": "Iran", "start": 1.0, "end": 1.5},
                             {"word": "Turkey", "start": start, "end": end}]}
    with pytest.raises(UnusableInput, match="'Turkey'") as caught:
        read_timings(json.dumps(doc).encode())
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("words", [
    [("Iran", 1.0, 1.5), ("Turkey", 4.0, 3.5)],  # ends before it starts
    [("Iran", 5.0, 5.5), ("Turkey", 1.0, 1.5)],  # starts before the word ahead of it
])
def test_times_out_of_order_refuse_the_file_naming_the_word(words):
    doc = {"word_segments": [{"word": w, "start": s, "end": e} for w, s, e in words]}
    with pytest.raises(UnusableInput, match="word 2, 'Turkey'"):
        read_timings(json.dumps(doc).encode())


def test_ass_subtitles_are_refused_for_their_lower_thirds_and_effects():
    import pysubs2
    subs = pysubs2.SSAFile()
    subs.events.append(pysubs2.SSAEvent(start=1000, end=2000, text="Iran and Turkey"))
    with pytest.raises(UnusableInput, match="use SRT or WebVTT"):
        read_timings(subs.to_string("ass").encode())


@pytest.mark.parametrize("data", [
    {"fragments": [{"lines": 5, "begin": 1, "end": 2}]},
    {"fragments": [{"lines": ["a"], "begin": 1, "end": 2, "children": 5}]},
    {"segments": [{"words": 5}]},
    {"word_segments": [{"word": "Iran", "start": 1e308, "end": 1e308}]},
    {"word_segments": [{"word": "Iran", "start": 10 ** 400, "end": 10 ** 400}]},
    b"[" * 100_000 + b"]" * 100_000,
    b'{"fragments": ' + b'[{"children": ' * 3000 + b"[]" + b"}]" * 3000 + b"}",
    b'{"word_segments": [{"word": "Iran", "start": ' + b"9" * 5000 + b"}]}",
])
def test_any_json_is_read_or_refused_never_an_internal_error(data):
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    with pytest.raises(UnusableInput) as caught:
        read_timings(raw)
    assert "\n" not in str(caught.value)


_KEYS = ["word_segments", "segments", "fragments", "words", "transcript", "word", "start", "end", "begin",
         "lines", "children", "text", "case", "probability"]
_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(_KEYS), inner,
                                                                                 max_size=5),
                     max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(doc=st.dictionaries(st.sampled_from(_KEYS), _JSON, max_size=5))
def test_json_of_any_shape_under_the_known_keys_is_read_or_refused(doc):
    try:
        read_timings(json.dumps(doc).encode())
    except UnusableInput as exc:
        assert "\n" not in str(exc)
