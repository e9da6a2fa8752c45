"""`STEM.ass` through pysubs2, on the profile's style sheet (`styles/*.ass`).

The style sheet holds the look; this module adds the events:
- layer 0, the subtitles: style `Subtitle` at the bottom, `SubtitleTop` for a cue raised
  above a lower-third;
- layers 1 to 3, the lower-thirds: `LowerThirdBar` (when the sheet has it, an accent bar
  drawn beside the text), `LowerThirdTitle` and `LowerThirdName`, each fading in and out.
Each event's Name (actor) field says who speaks, as Aegisub lists it.

Escaping. Inside event text libass and VSFilter treat `{...}` as override tags and `\\N`,
`\\n`, `\\h` as breaks and hard spaces; `\\{` is a brace only in some libass versions,
not in VSFilter. So a script's braces become the look-alike brackets U+2774/U+2775 (in
DejaVu Sans and most fonts), and each backslash is followed by U+2060 WORD JOINER, which is
invisible and stops it pairing with the next character: every character is shown, none
acts as a tag.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pysubs2
import pysubs2.formats.substation

from broadcast.cue_text import speaker_label
from broadcast.errors import BeyondFormat, UnusableInput
from broadcast.exporters import Exporter
from broadcast.exporters._inert import WORD_JOINER, inert_overrides, restore  # noqa: F401
from broadcast.exporters.srt import checked_cues
from broadcast.model import Build, SuperCue

SUBTITLE, SUBTITLE_TOP = "Subtitle", "SubtitleTop"
NAME, TITLE, BAR = "LowerThirdName", "LowerThirdTitle", "LowerThirdBar"
#: a credit's style; a sheet without it shows credits in the title style, top right
CREDIT = "Credit"
REQUIRED_STYLES = (SUBTITLE, SUBTITLE_TOP, NAME, TITLE)
#: the subtitles under the lower-thirds; the bar, title and name each on a layer of their
#: own, because libass moves apart overlapping events of one layer and the straps touch
SUBTITLE_LAYER = 0
LAYERS = {BAR: 1, TITLE: 2, NAME: 3, CREDIT: 4}
#: what a 1920x1080 style sheet assumes; libass would take 384x288 without it
PLAY_RES = ("1920", "1080")
FADE_MS = 250
#: a line's height in font sizes: ASS sizes a font by its line (ascent plus descent)
LINE_HEIGHT = 1.0
#: script text made inert: libass and VSFilter show it as written
escape = inert_overrides
unescape = restore


@cache
def _style_sheet_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise UnusableInput(f"ASS style sheet {path.name}: {exc.strerror or exc}") from None


def style_sheet(path: Path) -> pysubs2.SSAFile:
    """A fresh copy of the style sheet, with the settings the exporter relies on."""
    try:
        sheet = pysubs2.SSAFile.from_string(_style_sheet_text(path), format_="ass")
    except Exception as exc:  # pysubs2 raises several kinds on a broken file
        raise UnusableInput(f"ASS style sheet {path.name} is not valid: {exc}") from None
    missing = [name for name in REQUIRED_STYLES if name not in sheet.styles]
    if missing:
        raise UnusableInput(f"ASS style sheet {path.name} lacks the styles {', '.join(missing)}")
    sheet.info.setdefault("PlayResX", PLAY_RES[0])
    sheet.info.setdefault("PlayResY", PLAY_RES[1])
    sheet.info.setdefault("ScaledBorderAndShadow", "yes")
    sheet.info["WrapStyle"] = "2"  # no automatic wrapping: the cues' line breaks stand
    sheet.events.clear()
    return sheet


def _actor(text: str) -> str:
    """Text for the Name field, where a comma would end the field."""
    return " ".join(text.replace(",", " ").split())


def _bar_drawing(sheet: pysubs2.SSAFile, title_only: bool = False) -> str:
    """A vertical bar from the foot of the title box to the top of the name box (of the
    title box alone for a super with no name, so that it reaches into nothing).

    Heights come from the name and title styles, so that a designer who changes their
    sizes or margins in Aegisub moves the bar with them.
    """
    name, title, bar = sheet.styles[NAME], sheet.styles[TITLE], sheet.styles[BAR]
    bottom = title.marginv - title.outline
    top_box = title if title_only else name
    top = top_box.marginv + top_box.fontsize * LINE_HEIGHT + top_box.outline
    width = max(4, round(bar.fontsize / 2))
    height = round(top - bottom)
    x, y = round(bar.marginl), round(int(sheet.info["PlayResY"]) - bottom)
    return (rf"{{\an1\pos({x},{y})\fad({FADE_MS},{FADE_MS})\p1}}"
            f"m 0 0 l {width} 0 {width} {height} 0 {height}{{\\p0}}")


def _lower_third(sheet: pysubs2.SSAFile, sup: SuperCue) -> list[pysubs2.SSAEvent]:
    fade = rf"{{\fad({FADE_MS},{FADE_MS})}}"
    who = _actor(sup.lower_third.name or sup.lower_third.title)
    if sup.credit:
        style, place = (CREDIT, "") if CREDIT in sheet.styles else (TITLE, r"{\an9}")
        return [pysubs2.SSAEvent(start=sup.start, end=sup.end, style=style, name="credit",
                                 layer=LAYERS[CREDIT], text=place + fade + escape(who))]
    events = []
    title_only = not sup.lower_third.name.strip()
    if BAR in sheet.styles:
        events.append(pysubs2.SSAEvent(start=sup.start, end=sup.end, style=BAR, name=who,
                                       layer=LAYERS[BAR], text=_bar_drawing(sheet, title_only)))
    for style, text in ((NAME, sup.lower_third.name), (TITLE, sup.lower_third.title)):
        text = " ".join(text.split())
        if text:
            events.append(pysubs2.SSAEvent(start=sup.start, end=sup.end, style=style, name=who,
                                           layer=LAYERS[style], text=fade + escape(text)))
    return events


#: the last time an ASS file can hold (H:MM:SS.cc, one digit of hours); pysubs2 would
#: clamp every later time to it, making events of no length that are never shown
LATEST_TIME = pysubs2.formats.substation.MAX_REPRESENTABLE_TIME


def _clock(ms: int) -> str:
    hours, rest = divmod(ms // 10, 360_000)
    return f"{hours}:{rest // 6000 % 60:02d}:{rest // 100 % 60:02d}.{rest % 100:02d}"


def export(build: Build) -> str:
    # The preview page draws this file's own events, so a build rendered in full asks for
    # it twice: the text is kept with the build (immutable, so the same build, the same text).
    if "ass" not in build.memo:
        build.memo["ass"] = _render(build)
    return build.memo["ass"]


def _render(build: Build) -> str:
    latest = max([c.end for c in build.cues] + [s.end for s in build.supers], default=0)
    if latest > LATEST_TIME:
        raise BeyondFormat(f"the report runs {_clock(latest)} and ASS times stop at {_clock(LATEST_TIME)}; "
                           f"the SRT and WebVTT hold it all")
    sheet = style_sheet(build.profile.style_sheet_path())
    sheet.info["Title"] = " ".join(build.report.title.split()) or "broadcast"
    for cue, lines in checked_cues(build.cues):
        speaker = _actor(speaker_label(build.report.segments[cue.segment_index], build))
        sheet.events.append(pysubs2.SSAEvent(
            start=cue.start, end=cue.end, layer=SUBTITLE_LAYER, name=speaker,
            style=SUBTITLE_TOP if cue.raised else SUBTITLE,
            text=r"\N".join(escape(line) for line in lines)))
    for sup in build.supers:
        sheet.events.extend(_lower_third(sheet, sup))
    sheet.sort()
    return sheet.to_string("ass")


EXPORTER = Exporter("ass", ".ass", export, "Advanced SubStation Alpha: subtitles and lower-thirds")
