"""SMPTE timecode at every frame rate the tool takes, drop-frame checked against known values."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from broadcast.errors import UnusableInput
from broadcast.profiles import FRAME_RATES, frame_rate, load_profile
from broadcast.timecode import (frames_to_ms, frames_to_timecode, is_drop_frame_rate, ms_to_frames,
                                ms_to_timecode, nominal_rate, timecode_to_frames, timecode_to_ms)

NTSC, NTSC60 = FRAME_RATES["29.97"], FRAME_RATES["59.94"]
RATES = ["23.976", "24", "25", "29.97", "30", "50", "59.94"]


@pytest.mark.parametrize("fps, frame, label", [
    # 29.97 drop-frame: numbers 00 and 01 skipped each minute but every tenth
    (NTSC, 0, "00:00:00;00"), (NTSC, 1799, "00:00:59;29"), (NTSC, 1800, "00:01:00;02"),
    (NTSC, 1801, "00:01:00;03"), (NTSC, 3597, "00:01:59;29"), (NTSC, 3598, "00:02:00;02"),
    (NTSC, 17981, "00:09:59;29"), (NTSC, 17982, "00:10:00;00"), (NTSC, 17983, "00:10:00;01"),
    (NTSC, 19782, "00:11:00;02"), (NTSC, 107892, "01:00:00;00"), (NTSC, 1078920, "10:00:00;00"),
    (NTSC, 2589407, "23:59:59;29"),
    # 59.94 drop-frame: numbers 00 to 03 skipped
    (NTSC60, 3599, "00:00:59;59"), (NTSC60, 3600, "00:01:00;04"), (NTSC60, 35964, "00:10:00;00"),
    (NTSC60, 215784, "01:00:00;00"),
    # the other rates count every frame
    (FRAME_RATES["23.976"], 86400, "01:00:00:00"), (FRAME_RATES["24"], 86399, "00:59:59:23"),
    (FRAME_RATES["25"], 90000, "01:00:00:00"), (FRAME_RATES["30"], 1800, "00:01:00:00"),
    (FRAME_RATES["50"], 49, "00:00:00:49"), (FRAME_RATES["50"], 180000, "01:00:00:00"),
])
def test_known_timecodes(fps, frame, label):
    assert frames_to_timecode(frame, fps) == label
    assert timecode_to_frames(label, fps) == frame


def test_drop_frame_keeps_pace_with_the_clock_and_non_drop_does_not():
    assert ms_to_timecode(3_600_000, NTSC) == "01:00:00;00"
    assert ms_to_timecode(3_600_000, NTSC, drop_frame=False) == "00:59:56:12"  # 3.6 s behind an hour
    assert ms_to_timecode(3_600_000, NTSC60) == "01:00:00;00"
    assert timecode_to_ms("01:00:00:00", FRAME_RATES["23.976"]) == 3_603_600  # 23.976 never drops


def test_a_separator_says_how_to_count_unless_told():
    assert timecode_to_frames("00:01:00:00", NTSC) == 1800  # ":" non-drop
    assert timecode_to_frames("00:01:00;02", NTSC) == 1800
    assert timecode_to_frames("00:10:00", NTSC) == 17982  # no frames: the rate's own count
    assert timecode_to_frames("10:00:00:00", NTSC, drop_frame=True) == 1078920
    assert timecode_to_frames("10:00:00;00", NTSC, drop_frame=False) == 1080000


@pytest.mark.parametrize("label, fps, reason", [
    ("00:01:00;00", NTSC, "does not exist in drop-frame"), ("00:01:00;01", NTSC, "does not exist"),
    ("00:02:00;03", NTSC60, "does not exist"), ("00:00:00:25", FRAME_RATES["25"], "out of range"),
    ("00:60:00:00", FRAME_RATES["25"], "out of range"), ("ten", FRAME_RATES["25"], "not HH:MM:SS:FF"),
    ("10:00", FRAME_RATES["25"], "not HH:MM:SS:FF"),
])
def test_labels_that_name_no_frame_are_refused(label, fps, reason):
    with pytest.raises(UnusableInput, match=reason):
        timecode_to_frames(label, fps)


def test_minutes_that_are_tenths_keep_their_first_frames():
    assert timecode_to_frames("00:10:00;00", NTSC) == 17982
    assert timecode_to_frames("00:20:00;01", NTSC) == 2 * 17982 + 1


@pytest.mark.parametrize("name", RATES)
def test_each_rate_is_an_exact_fraction_and_drops_only_at_ntsc_30_and_60(name):
    fps = frame_rate(name)
    assert fps == FRAME_RATES[name] and load_profile("broadcast", name).fps == fps
    assert is_drop_frame_rate(fps) == (name in ("29.97", "59.94"))
    if fps.denominator == 1001:
        assert fps == Fraction(round(fps) * 1000, 1001)


@given(st.sampled_from(RATES), st.integers(0, 24 * 3600 * 60 - 1), st.booleans())
def test_timecodes_and_milliseconds_go_back_to_the_same_frame(name, frame, drop):
    fps = FRAME_RATES[name]
    frame %= round(24 * 3600 * fps)  # within a day at that rate
    drop = drop and is_drop_frame_rate(fps)
    label = frames_to_timecode(frame, fps, drop)
    assert timecode_to_frames(label, fps, drop) == frame
    assert (";" in label) == drop
    assert ms_to_frames(frames_to_ms(frame, fps), fps) == frame
    assert ms_to_timecode(frames_to_ms(frame, fps), fps, drop) == label


@given(st.sampled_from(["29.97", "59.94"]), st.integers(0, 24 * 3600 * 60 - 2))
def test_drop_frame_labels_never_skip_or_repeat_a_frame(name, frame):
    fps = FRAME_RATES[name]
    frame %= round(24 * 3600 * fps) - 1
    a, b = frames_to_timecode(frame, fps), frames_to_timecode(frame + 1, fps)
    assert a < b  # labels rise with the frames (each field is zero-padded)
    hh, mm, ss, ff = map(int, b.replace(";", ":").split(":"))
    if ss == 0 and mm % 10:
        assert ff >= 2 * round(fps) // 30  # the skipped numbers


@given(st.integers(1, 10**6), st.sampled_from([1, 2, 3, 4, 1000, 1001]))
def test_the_nominal_rate_is_python_s_own_rounding(numerator, denominator):
    fps = Fraction(numerator, denominator)
    assert nominal_rate(fps) == round(fps)
