"""Style profiles: the rules a broadcaster's subtitle guide sets, read from `styles/*.toml`."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path

from broadcast.errors import UnknownProfile, UnusableInput
from broadcast.timecode import frames_to_ms, ms_to_frames

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


def load_profile(name: str = "broadcast", fps: str | float | None = None) -> StyleProfile:
    """A profile by name (`styles/NAME.toml`) or by the path of a TOML file."""
    path = Path(name) if name.endswith(".toml") else styles_dir() / f"{name}.toml"
    if not path.is_file():
        raise UnknownProfile(f"no style profile {name!r}; known: {', '.join(profile_names())}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        profile = StyleProfile(
            name=data["name"],
            description=data.get("description", ""),
            source=data.get("source", ""),
            max_chars_per_line=int(data["max_chars_per_line"]),
            max_lines=int(data["max_lines"]),
            max_chars_per_second=float(data["max_chars_per_second"]),
            min_duration=round(float(data["min_duration"]) * 1000),
            max_duration=round(float(data["max_duration"]) * 1000),
            min_gap_frames=int(data.get("min_gap_frames", 2)),
            fps=frame_rate(str(data.get("fps", 25))),
            lower_third_hold=round(float(data.get("lower_third_hold", 4.0)) * 1000),
            ass_style_sheet=data.get("ass_style_sheet", "broadcast.ass"),
            read_rate={k: float(v) for k, v in data.get("read_rate", {}).items()},
            double_height=bool(data.get("double_height", False)),
        )
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise UnusableInput(f"style profile {path.name} is not valid: {exc}") from None
    return profile.with_fps(fps)
