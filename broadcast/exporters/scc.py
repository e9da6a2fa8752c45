"""`STEM.scc`: Scenarist SCC, CEA-608 pop-on captions on channel 1, as US broadcast playout
takes them.

The captions are not this build's cues cut down: the report is captioned again under the
`cea608` profile (`styles/cea608.toml`: 32 columns, 2 rows, 29.97 fps) by the project's own
line breaker (`broadcast.pipeline.recaption`), on the same speech times. Before that, the text
is put in the CEA-608 character set, so the breaker counts the characters that will be sent:
a character 608 has is sent as it is (the basic set, or a two-byte special or extended code);
one it lacks becomes its nearest 608 form (`ł` as `l`, `…` as `...`) or `?`, and a warning
names each such character once. The script's own characters are what is mapped: the look-alike
braces of the SRT and ASS never reach this file, and a `{` is sent as 608's own `{`.

Each caption is loaded into the hidden memory (RCL, ENM, a preamble address code per row,
tab offsets to centre it, the text), shown with EOC on its first frame and erased with EDM
on its last: two bytes a frame, every control code sent twice as 608 asks, in 29.97 drop-frame
timecode and in programme time (`--start`), as the SRT. Loading takes a frame for every two
characters, and a caption can only be loaded once the one before it is up: where there is not
that time, the caption comes up late and a warning says by how much.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from functools import cache, lru_cache

from broadcast.exporters import Exporter
from broadcast.exporters._charset import REPLACEMENT, nearest, replaced
from broadcast.exporters.srt import CueError, checked_cues
from broadcast.model import Build
from broadcast.timecode import frames_to_timecode, ms_to_frames

COLUMNS, MAX_ROWS = 32, 4
PROFILE = "cea608"
HEADER = "Scenarist_SCC V1.0"

# Channel 1 control codes (before parity).
RCL, EDM, ENM, EOC = (0x14, 0x20), (0x14, 0x2C), (0x14, 0x2E), (0x14, 0x2F)
TAB_OFFSETS = {1: (0x17, 0x21), 2: (0x17, 0x22), 3: (0x17, 0x23)}
#: first byte and second-byte base of the preamble address code of each row (1 to 15)
PAC_ROWS = {1: (0x11, 0x40), 2: (0x11, 0x60), 3: (0x12, 0x40), 4: (0x12, 0x60), 5: (0x15, 0x40),
            6: (0x15, 0x60), 7: (0x16, 0x40), 8: (0x16, 0x60), 9: (0x17, 0x40), 10: (0x17, 0x60),
            11: (0x10, 0x40), 12: (0x13, 0x40), 13: (0x13, 0x60), 14: (0x14, 0x40), 15: (0x14, 0x60)}
#: the rows a raised caption starts on (clear of a lower-third at the foot of the picture)
TOP_ROW = 2

#: the basic set: ASCII, but for nine places that hold other characters
BASIC = {chr(b): b for b in range(0x20, 0x7F)}
for _ascii in "*\\^_`{|}~":
    del BASIC[_ascii]
BASIC.update({"á": 0x2A, "é": 0x5C, "í": 0x5E, "ó": 0x5F, "ú": 0x60, "ç": 0x7B, "÷": 0x7C,
              "Ñ": 0x7D, "ñ": 0x7E, "█": 0x7F})
#: special characters (two bytes, 0x11 then the code)
SPECIAL = dict(zip("®°½¿™¢£♪à", range(0x30, 0x39))) | dict(zip("èâêîôû", range(0x3A, 0x40)))
#: extended characters (two bytes, after a basic character they replace)
EXTENDED = dict(zip("ÁÉÓÚÜü‘¡*’—©℠•“”ÀÂÇÈÊËëÎÏïÔÙùÛ«»", ((0x12, c) for c in range(0x20, 0x40)))) \
    | dict(zip("ÃãÍÌìÒòÕõ{}\\^_|~ÄäÖöß¥¤¦ÅåØø┌┐└┘", ((0x13, c) for c in range(0x20, 0x40))))
#: what a decoder without the extended set shows in place of an extended character
FALLBACK = {"‘": "'", "’": "'", "“": '"', "”": '"', "«": '"', "»": '"', "¡": "!", "—": "-", "©": "c",
            "℠": "s", "•": ".", "*": ".", "{": "(", "}": ")", "\\": "/", "^": "'", "_": "-", "|": "!",
            "~": "-", "ß": "s", "¥": "Y", "¤": "o", "¦": "!", "Ø": "O", "ø": "o",
            "┌": "+", "┐": "+", "└": "+", "┘": "+"}


def odd_parity(byte: int) -> int:
    """The byte with its top bit set where that makes the count of ones odd, as 608 sends it."""
    return byte | 0x80 if bin(byte).count("1") % 2 == 0 else byte


#: each 7-bit byte as 608 sends it, in hex: a caption's every character goes through here
_SENT = tuple(f"{odd_parity(byte):02x}" for byte in range(0x80))


def word(first: int, second: int) -> str:
    return _SENT[first] + _SENT[second]


def in_608(char: str) -> bool:
    return char in BASIC or char in SPECIAL or char in EXTENDED


@cache
def to_608(char: str) -> str:
    """The character as 608 can show it: itself, its nearest form, or `?`."""
    return nearest(char, in_608)


def text_608(text: str) -> str:
    return "".join(to_608(c) for c in text)


@lru_cache(maxsize=4096)
def row_words(line: str) -> tuple[tuple[str, ...], ...]:
    """The code words of one row's text, in units sent on consecutive frames: basic characters
    two to a word, each special or extended character as its code sent twice (an extended one
    after its fallback), the two never parted, or a decoder takes the second for a new one."""
    units: list[tuple[str, ...]] = []
    pending: list[int] = []

    def basic(byte: int) -> None:
        pending.append(byte)
        if len(pending) == 2:
            units.append((word(*pending),))
            pending.clear()

    def code(first: int, second: int) -> None:
        if pending:
            units.append((word(pending.pop(), 0x00),))
        units.append((word(first, second),) * 2)

    for char in line:
        if char in BASIC:
            basic(BASIC[char])
        elif char in SPECIAL:
            code(0x11, SPECIAL[char])
        else:
            fallback = FALLBACK.get(char) or to_608(unicodedata.normalize("NFKD", char)[0])
            basic(BASIC.get(fallback, BASIC[REPLACEMENT]))
            code(*EXTENDED[char])
    if pending:
        units.append((word(pending.pop(), 0x00),))
    return tuple(units)


def caption_words(lines: tuple[str, ...], raised: bool) -> list[tuple[str, ...]]:
    """The units of words that load one pop-on caption into hidden memory, each row centred."""
    if len(lines) > MAX_ROWS or any(len(line) > COLUMNS for line in lines):
        raise CueError(f"a 608 caption has at most {MAX_ROWS} rows of {COLUMNS} columns: {lines!r}")
    first_row = TOP_ROW if raised else 16 - len(lines)
    units = [(word(*RCL),) * 2, (word(*ENM),) * 2]
    for row, line in enumerate(lines, start=first_row):
        column = (COLUMNS - len(line)) // 2
        first, base = PAC_ROWS[row]
        units.append((word(first, base + 0x10 + column // 4 * 2),) * 2)
        if column % 4:
            units.append((word(*TAB_OFFSETS[column % 4]),) * 2)
        units += row_words(line)
    return units


def _place(units: list[tuple[str, ...]], frames: dict[int, str], ready: int,
           shown: int) -> list[tuple[int, str]] | None:
    """Frames for a caption's units, as late as possible before `shown` and not before `ready`,
    each unit on free consecutive frames; None when they do not fit."""
    placed, frame = [], shown - 1
    for unit in reversed(units):
        while frame - len(unit) + 1 >= ready and any(f in frames for f in range(frame - len(unit) + 1,
                                                                                  frame + 1)):
            frame -= 1
        if frame - len(unit) + 1 < ready:
            return None
        placed += zip(range(frame - len(unit) + 1, frame + 1), unit)
        frame -= len(unit)
    return placed


def _pieces(word: str) -> list[str]:
    """A word as rows hold it: a word longer than a row is sent over rows of 32."""
    return [word[i:i + COLUMNS] for i in range(0, len(word), COLUMNS)]


def caption_build(build: Build) -> Build:
    """The build captioned for 608: its text in the 608 set, broken under the cea608 profile."""
    from broadcast.pipeline import recaption
    from broadcast.profiles import load_profile
    words = [[_pieces(w) for w in text_608(t.segment.text).split()] for t in build.timeline]
    timeline = tuple(replace(t, segment=replace(t.segment, text=" ".join(p for w in ws for p in w)))
                     for t, ws in zip(build.timeline, words))
    alignment = build.alignment and replace(build.alignment, word_times=tuple(
        tuple(time for time, pieces in zip(times, ws) for _ in pieces)
        for times, ws in zip(build.alignment.word_times, words)))
    return recaption(replace(build, timeline=timeline, alignment=alignment), load_profile(PROFILE))


def long_words(build: Build) -> list[str]:
    """A warning for each word no 608 row can hold."""
    return [f"SCC: cue {cue.index} has a word of {len(word)} characters, longer than a 608 row: "
            f"sent over rows of {COLUMNS}"
            for cue in build.cues for word in cue.text.split() if len(word) > COLUMNS]


def schedule(build: Build) -> tuple[dict[int, str], list[str]]:
    """The code word sent on each frame, and the captions that had to come up late."""
    fps = build.profile.fps
    frames: dict[int, str] = {}
    late: list[str] = []
    ready = 0  # the first frame the hidden memory is free to load
    for cue, lines in checked_cues(build.cues):
        start = ms_to_frames(cue.start + build.offset, fps)
        end = ms_to_frames(cue.end + build.offset, fps)
        load = caption_words(lines, cue.raised)
        # the load needs a frame a word after `ready`; past that, only another caption's EDM
        # can stand in its way
        shown = max(start, ready + sum(len(unit) for unit in load))
        while (placed := _place(load, frames, ready, shown)) is None:
            shown += 1
        if shown > start:
            frames_late = f"{shown - start} frame{'s' if shown - start > 1 else ''}"
            late.append(f"SCC: caption {cue.index} at {frames_to_timecode(start, fps)} comes up "
                        f"{frames_late} late: 608 sends two characters a frame, and there "
                        f"was not the time to send it before" +
                        (" (a --start leaves room before the first)" if cue.index == 1 else ""))
        frames.update(placed)
        frames[shown] = frames[shown + 1] = word(*EOC)
        end = max(end, shown + 2)
        for frame in (end, end + 1):
            frames.setdefault(frame, word(*EDM))
        ready = shown + 2
    return frames, late


def scc_text(frames: dict[int, str], fps) -> str:
    """The file: one line for each run of consecutive frames, at the timecode of its first."""
    blocks, run, first = [HEADER], [], None
    for frame in sorted(frames):
        if run and frame != first + len(run):
            blocks.append(f"{frames_to_timecode(first, fps)}\t{' '.join(run)}")
            run = []
        if not run:
            first = frame
        run.append(frames[frame])
    if run:
        blocks.append(f"{frames_to_timecode(first, fps)}\t{' '.join(run)}")
    return "\n\n".join(blocks) + "\n"


def _render(build: Build) -> tuple[str, tuple[str, ...]]:
    """The SCC and its warnings, made once a build: both the file and the warnings ask for them."""
    if "scc" not in build.memo:
        captions = caption_build(build)
        frames, late = schedule(captions)
        warnings = tuple(replaced(build, in_608, "SCC", "CEA-608")) + tuple(long_words(build)) + \
            tuple(f"SCC: {w}" for w in captions.warnings if captions.profile != build.profile) + tuple(late)
        build.memo["scc"] = (scc_text(frames, captions.profile.fps), warnings)
    return build.memo["scc"]


def export(build: Build) -> str:
    return _render(build)[0]


def warnings(build: Build) -> tuple[str, ...]:
    return _render(build)[1]


EXPORTER = Exporter("scc", ".scc", export, "Scenarist SCC (CEA-608 pop-on captions, 32 columns)",
                    warnings)
