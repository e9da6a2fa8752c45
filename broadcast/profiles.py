"""Style profiles: the rules a broadcaster's subtitle guide sets, read from `styles/*.toml`."""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path

from broadcast.errors import UnknownProfile, UnusableInput
from broadcast.files import read_regular
from broadcast.timecode import frames_to_ms, ms_to_frames

#: a style profile is a few lines of TOML
MAX_PROFILE_BYTES = 100_000

#: frame rates a profile or --fps may name; NTSC rates are exact fractions
FRAME_RATES = {
    "23.976": Fraction(24000, 1001), "24": Fraction(24), "25": Fraction(25),
    "29.97": Fraction(30000, 1001), "30": Fraction(30), "50": Fraction(50),
    "59.94": Fraction(60000, 1001), "60": Fraction(60),
}


def styles_dir() -> Path:
    """Where the style profiles and ASS style sheets are: in the wheel, or in the checkout."""
    packaged = Path(__file__).parent / "_styles"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "styles"


def frame_rate(value: str | float) -> Fraction:
    """An exact frame rate from "25", "29.97" or 29.97."""
    key = f"{float(value):g}" if not isinstance(value, str) else value.strip()
    if key in FRAME_RATES:
        return FRAME_RATES[key]
    try:
        rate = Fraction(key).limit_denominator(1001)
    except (ValueError, ZeroDivisionError):
        raise UnusableInput(f"frame rate {value!r} is not a number") from None
    if not 1 <= rate <= 300:
        raise UnusableInput(f"frame rate {value!r} is out of range (1 to 300)")
    return rate


@dataclass(frozen=True)
class StyleProfile:
    name: str
    description: str
    source: str
    max_chars_per_line: int
    max_lines: int
    max_chars_per_second: float
    min_duration: int  # ms
    max_duration: int  # ms
    min_gap_frames: int
    fps: Fraction
    lower_third_hold: int  # ms
    ass_style_sheet: str
    read_rate: dict[str, float] = field(default_factory=dict)  # words a minute by role
    #: the least time between one super going off and the next coming on (ms)
    super_gap: int = 1000
    #: how long after a person's super they may be supered again when they return (ms)
    resuper_after: int = 300_000
    #: teletext subtitles in double-height characters (EBU STL), as the BBC sets them
    double_height: bool = False

    @property
    def frame_ms(self) -> float:
        return 1000 / float(self.fps)

    @property
    def min_gap(self) -> int:
        """The minimum gap in ms, rounded up so that it is never less than the frames."""
        return -(-self.min_gap_frames * 1000 * self.fps.denominator // self.fps.numerator)

    def frame(self, ms: float) -> int:
        """The frame at ms, rounded to the nearest frame boundary."""
        return ms_to_frames(ms, self.fps)

    def snap(self, ms: float) -> int:
        """ms moved to the nearest frame boundary, as whole milliseconds."""
        return frames_to_ms(ms_to_frames(ms, self.fps), self.fps)

    def with_fps(self, fps: str | float | None) -> StyleProfile:
        return self if fps is None else replace(self, fps=frame_rate(fps))

    def style_sheet_path(self) -> Path:
        return styles_dir() / self.ass_style_sheet


def profile_names() -> list[str]:
    return sorted(p.stem for p in styles_dir().glob("*.toml"))


#: what a subtitle guide can ask for, by key: (least, most, unit). Outside these a value is
#: a typing slip (`max_lines = 0`, `max_duration = 1e300`) that would stall or break a build.
LIMITS = {
    "max_chars_per_line": (1, 100, "characters"),
    "max_lines": (1, 4, "lines"),
    "max_chars_per_second": (1, 100, "characters a second"),
    "min_duration": (0, 60, "seconds"),
    "max_duration": (0.1, 600, "seconds"),
    "min_gap_frames": (0, 100, "frames"),
    "lower_third_hold": (0.5, 600, "seconds"),
    "read_rate": (30, 600, "words a minute"),
    "super_gap": (0, 60, "seconds"),
    "resuper_after": (0, 36_000, "seconds"),
}
#: keys whose value is a count
WHOLE = ("max_chars_per_line", "max_lines", "min_gap_frames")


def _number(file: str, key: str, value) -> float:
    """A profile value checked against `LIMITS`; UnusableInput naming the key otherwise."""
    low, high, unit = LIMITS[key.partition(".")[0]]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise UnusableInput(f"style profile {file}: {key} = {value!r} is not a number")
    if key in WHOLE and math.isfinite(value) and value != int(value):
        raise UnusableInput(f"style profile {file}: {key} = {value!r} is not a whole number")
    if not (math.isfinite(value) and low <= value <= high):
        raise UnusableInput(f"style profile {file}: {key} = {value!r} is out of range "
                            f"({low:g} to {high:g} {unit})")
    return value


def _flag(file: str, key: str, value) -> bool:
    if not isinstance(value, bool):
        raise UnusableInput(f"style profile {file}: {key} = {value!r} is not true or false")
    return value


def load_profile(name: str = "broadcast", fps: str | float | None = None) -> StyleProfile:
    """A profile by name (`styles/NAME.toml`) or by the path of a TOML file, its values
    checked against `LIMITS`."""
    path = Path(name) if name.endswith(".toml") else styles_dir() / f"{name}.toml"
    if not path.exists():
        raise UnknownProfile(f"no style profile {name!r}; known: {', '.join(profile_names())}")
    file = path.name
    try:
        data = tomllib.loads(read_regular(path, MAX_PROFILE_BYTES).decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UnusableInput(f"style profile {file} is not valid: {exc}") from None
    for key in ("name", "max_chars_per_line", "max_lines", "max_chars_per_second", "min_duration",
                "max_duration"):
        if key not in data:
            raise UnusableInput(f"style profile {file} is not valid: it has no {key}")
    numbers = {key: _number(file, key, data[key] if key in data else default)
               for key, default in (("max_chars_per_line", None), ("max_lines", None),
                                    ("max_chars_per_second", None), ("min_duration", None),
                                    ("max_duration", None), ("min_gap_frames", 2),
                                    ("lower_third_hold", 4.0), ("super_gap", 1.0),
                                    ("resuper_after", 300.0))}
    if numbers["min_duration"] > numbers["max_duration"]:
        raise UnusableInput(f"style profile {file}: min_duration = {numbers['min_duration']!r} is more "
                            f"than max_duration = {numbers['max_duration']!r}")
    rates = data.get("read_rate", {})
    if not isinstance(rates, dict):
        raise UnusableInput(f"style profile {file}: read_rate is not a table of words a minute by role")
    sheet = data.get("ass_style_sheet", "broadcast.ass")
    if not isinstance(sheet, str) or not (styles_dir() / sheet).is_file():
        raise UnusableInput(f"style profile {file}: ass_style_sheet = {sheet!r} names no style sheet "
                            f"in {styles_dir().name}/")
    profile = StyleProfile(
        name=str(data["name"]),
        description=str(data.get("description", "")),
        source=str(data.get("source", "")),
        max_chars_per_line=int(numbers["max_chars_per_line"]),
        max_lines=int(numbers["max_lines"]),
        max_chars_per_second=float(numbers["max_chars_per_second"]),
        min_duration=round(numbers["min_duration"] * 1000),
        max_duration=round(numbers["max_duration"] * 1000),
        min_gap_frames=int(numbers["min_gap_frames"]),
        fps=frame_rate(str(data.get("fps", 25))),
        lower_third_hold=round(numbers["lower_third_hold"] * 1000),
        ass_style_sheet=sheet,
        read_rate={str(k): float(_number(file, f"read_rate.{k}", v)) for k, v in rates.items()},
        double_height=_flag(file, "double_height", data.get("double_height", False)),
        super_gap=round(numbers["super_gap"] * 1000),
        resuper_after=round(numbers["resuper_after"] * 1000),
    )
    return profile.with_fps(fps)
