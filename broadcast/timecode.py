"""SMPTE timecode: HH:MM:SS:FF, with drop-frame (HH:MM:SS;FF) at 29.97 and 59.94.

Drop-frame numbering skips frame numbers 0 and 1 (0-3 at 59.94) at the start of every minute
except every tenth, so that the displayed time keeps pace with the clock on the wall.
"""

from __future__ import annotations

import re
from fractions import Fraction

from broadcast.errors import UnusableInput


def nominal_rate(fps: Fraction) -> int:
    """The whole frames a second timecode counts: round(fps), half to even, in integers
    (round() on a Fraction is slow, and every timecode asks for it)."""
    whole, rest = divmod(fps.numerator, fps.denominator)
    return whole + (2 * rest > fps.denominator or 2 * rest == fps.denominator and whole % 2)


def is_drop_frame_rate(fps: Fraction) -> bool:
    return fps.denominator == 1001 and nominal_rate(fps) in (30, 60)


def ms_to_frames(ms: float, fps: Fraction) -> int:
    """The frame at `ms`, rounded to the nearest frame boundary."""
    return round(ms * fps.numerator / (1000 * fps.denominator))


def frames_to_ms(frames: int, fps: Fraction) -> int:
    return round(frames * 1000 * fps.denominator / fps.numerator)


def _drop(fps: Fraction) -> int:
    return 2 * nominal_rate(fps) // 30  # 2 frame numbers a minute at 29.97, 4 at 59.94


def frames_to_timecode(frame: int, fps: Fraction, drop_frame: bool | None = None) -> str:
    """The timecode of a frame count; drop-frame by default at 29.97 and 59.94."""
    if frame < 0:
        raise ValueError("timecode of a negative frame count")
    nominal = nominal_rate(fps)
    drop = is_drop_frame_rate(fps) if drop_frame is None else drop_frame
    if drop:
        skipped = _drop(fps)
        per_ten = nominal * 600 - skipped * 9
        per_minute = nominal * 60 - skipped
        tens, rest = divmod(frame, per_ten)
        frame += skipped * 9 * tens + (skipped * ((rest - skipped) // per_minute) if rest > skipped else 0)
    ff = frame % nominal
    seconds = frame // nominal
    sep = ";" if drop else ":"
    return f"{seconds // 3600 % 24:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}{sep}{ff:02d}"


def ms_to_timecode(ms: float, fps: Fraction, drop_frame: bool | None = None) -> str:
    return frames_to_timecode(ms_to_frames(ms, fps), fps, drop_frame)


_TIMECODE = re.compile(r"^(\d{1,2}):(\d{2}):(\d{2})(?:([:;.,])(\d{2,3}))?$")


def timecode_to_frames(text: str, fps: Fraction, drop_frame: bool | None = None) -> int:
    """Frames from `HH:MM:SS:FF`, `HH:MM:SS;FF` (drop-frame) or `HH:MM:SS`.

    By default the separator says whether the label counts in drop-frame; `drop_frame`
    overrides it, for a label typed with either separator that means the numbering on screen.
    """
    m = _TIMECODE.match(text.strip())
    if not m:
        raise UnusableInput(f"timecode {text!r} is not HH:MM:SS:FF")
    hh, mm, ss = int(m.group(1)), int(m.group(2)), int(m.group(3))
    ff = int(m.group(5) or 0)
    nominal = nominal_rate(fps)
    if mm > 59 or ss > 59 or ff >= nominal:
        raise UnusableInput(f"timecode {text!r} is out of range at {float(fps):g} fps")
    frames = (hh * 3600 + mm * 60 + ss) * nominal + ff
    if drop_frame is None:
        drop_frame = m.group(4) == ";" or m.group(4) is None and is_drop_frame_rate(fps)
    if drop_frame:
        minutes = hh * 60 + mm
        if ss == 0 and ff < _drop(fps) and minutes % 10:
            raise UnusableInput(f"timecode {text!r} does not exist in drop-frame: frames 00 to "
                                f"{_drop(fps) - 1:02d} are skipped at the start of each minute but every tenth")
        frames -= _drop(fps) * (minutes - minutes // 10)
    return frames


def timecode_label_ms(text: str, fps: Fraction) -> int:
    """The time a timecode label reads as, in ms: `10:00:00;00` reads as ten hours, though at
    29.97 the frame it names comes 36 ms sooner (drop-frame keeps pace with the wall clock
    only every ten minutes). A clock in ms that starts at a label starts here."""
    m = _TIMECODE.match(text.strip())
    if not m:
        raise UnusableInput(f"timecode {text!r} is not HH:MM:SS:FF")
    frames = int(m.group(5) or 0)
    seconds = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3))
    return seconds * 1000 + -(-frames * 1000 // nominal_rate(fps))


def timecode_to_ms(text: str, fps: Fraction, drop_frame: bool | None = None) -> int:
    return frames_to_ms(timecode_to_frames(text, fps, drop_frame), fps)
