"""`STEM.stl`: EBU STL (EBU Tech 3264), the binary subtitle file European playout runs on,
written from the specification (no library writes it).

The file is a 1024-byte GSI block (general subtitle information, text fields in code page
850) and a 128-byte TTI block per subtitle (more where its text needs extension blocks):
- GSI: the programme title, the frame rate (`STL25.01`, or `STL30.01` with drop-frame
  time codes for the 29.97 family), the display standard, character code table 00 (Latin, ISO 6937), the number of
  blocks, subtitles and groups, the longest row and the rows, and the programme start
  (`--start`) as the time code of the first frame;
- TTI: subtitle number, times in and out (programme time, as the SRT), vertical position
  (teletext row: a cue raised above a lower-third at the top, the others at the foot),
  centred, and the text, rows separated by CR/LF.

A profile of at most 38 characters a line fits a teletext row of 40 cells (two cells start
the box), so the file is Level-1 teletext, in double height where the profile asks for it
(`double_height = true`, as the BBC sets it); wider profiles are written as open subtitles.
The text is the script's own, put in ISO 6937: a letter with an accent is the accent's byte
then the letter; a character the set lacks is shown in its nearest form or as `?`, and a
warning names it (see `_charset.py`).
"""

from __future__ import annotations

import os
import re
import struct
import time
import unicodedata
from fractions import Fraction
from functools import cache

from broadcast.errors import BeyondFormat
from broadcast.exporters import Exporter
from broadcast.exporters._charset import nearest, replaced
from broadcast.exporters.srt import checked_cues
from broadcast.model import Build
from broadcast.timecode import frames_to_timecode, ms_to_frames, nominal_rate

GSI_SIZE, TTI_SIZE, TEXT_FIELD = 1024, 128, 112
TELETEXT_ROWS, TELETEXT_COLUMNS = 23, 40
#: cells a teletext row spends before its text: start box twice (and double height)
BOX = bytes([0x0B, 0x0B])
DOUBLE_HEIGHT, CR_LF, UNUSED = 0x0D, 0x8A, 0x8F
LAST_BLOCK = 0xFF
CENTRED = 2
#: the first row of a raised cue: clear of the top edge of the picture
TOP_ROW = 2
LANGUAGE_ENGLISH = "09"

#: ISO 6937 non-spacing diacritical marks: the byte sent before the letter, and the letters
#: the set has with each (its repertoire: not every pairing is in it)
DIACRITICS = {"\u0300": (0xC1, "AEIOUaeiou"), "\u0301": (0xC2, "ACEILNORSUYZaceilnorsuyz"),
              "\u0302": (0xC3, "ACEGHIJOSUWYaceghijosuwy"), "\u0303": (0xC4, "AINOUainou"),
              "\u0304": (0xC5, "AEIOUaeiou"), "\u0306": (0xC6, "AGUagu"), "\u0307": (0xC7, "CEGIZcegz"),
              "\u0308": (0xC8, "AEIOUYaeiouy"), "\u030a": (0xCA, "AUau"), "\u0327": (0xCB, "CGKLNRSTcklnrst"),
              "\u030b": (0xCD, "OUou"), "\u0328": (0xCE, "AEIUaeiu"), "\u030c": (0xCF, "CDELNRSTZcdelnrstz")}
#: ISO 6937 characters above 0x7F that stand alone
SINGLE = dict(zip("¡¢£$¥", range(0xA1, 0xA6))) | dict(zip("§¤‘“«←↑→↓°±²³×µ¶·÷’”»¼½¾¿",
                                                         range(0xA7, 0xC0))) \
    | dict(zip("—¹®©™♪¬¦", range(0xD0, 0xD8))) | dict(zip("⅛⅜⅝⅞ΩÆĐªĦ", range(0xDC, 0xE5))) \
    | dict(zip("ĲĿŁØŒºÞŦŊŉĸæđðħıĳŀłøœßþŧŋ", range(0xE6, 0xFF)))
del SINGLE["$"]  # 0xA4: the dollar sign is sent as 0x24
SINGLE["\u2126"] = SINGLE["\u03a9"]  # 0xE0 is the ohm sign, which NFC text writes as omega


@cache
def encode_char(char: str) -> bytes | None:
    """The ISO 6937 bytes of a character, or None when the set lacks it."""
    if " " <= char <= "~":
        return char.encode("ascii")
    if char in SINGLE:
        return bytes([SINGLE[char]])
    if char == "ģ":  # the small g with cedilla has its accent above: ISO 6937 sends it as acute
        return b"\xc2g"
    parts = unicodedata.normalize("NFD", char)
    if len(parts) == 2 and parts[1] in DIACRITICS and parts[0] in DIACRITICS[parts[1]][1]:
        return bytes([DIACRITICS[parts[1]][0], ord(parts[0])])
    return None


def in_6937(char: str) -> bool:
    return encode_char(char) is not None


def encode_text(text: str) -> bytes:
    return b"".join(encode_char(c) or b"".join(encode_char(n) for n in nearest(c, in_6937)) for c in text)


def stl_rate(fps: Fraction) -> tuple[Fraction, bytes]:
    """The STL frame rate for a profile's: 29.97 (`STL30.01`) for the NTSC family, 25 for
    the rest."""
    return (Fraction(30000, 1001), b"STL30.01") if nominal_rate(fps) in (30, 60) else (Fraction(25), b"STL25.01")


def time_code(frame: int, rate: Fraction) -> bytes:
    """TCI/TCO: hours, minutes, seconds, frames, one binary byte each; at 29.97 in drop-frame
    numbering, as the time code of NTSC material is read."""
    return bytes(int(part) for part in re.split("[:;]", frames_to_timecode(frame, rate)))


def time_code_text(frame: int, rate: Fraction) -> bytes:
    """A GSI time code: HHMMSSFF in characters."""
    return b"%02d%02d%02d%02d" % tuple(time_code(frame, rate))


def field(value: str, size: int) -> bytes:
    """A GSI text field in code page 850, cut to its size and padded with spaces."""
    return " ".join(value.split()).encode("cp850", "replace")[:size].ljust(size, b" ")


def teletext_rows(lines: tuple[str, ...], width: int) -> list[str]:
    """The lines as teletext rows hold them: a line longer than a row (a word longer than the
    profile's lines, which the line breaker leaves whole) goes on over the next rows."""
    return [line[i:i + width] for line in lines for i in range(0, len(line), width)]


def text_field(rows: list[str], teletext: bool, double: bool) -> bytes:
    encoded = []
    for text in rows:
        row = encode_text(text)
        if teletext:
            row = (bytes([DOUBLE_HEIGHT]) if double else b"") + BOX + row
        encoded.append(row)
    return bytes([CR_LF] * (2 if double else 1)).join(encoded)


def tti_blocks(number: int, tci: bytes, tco: bytes, row: int, text: bytes) -> bytes:
    """The TTI blocks of one subtitle: its text in 112-byte parts, the last numbered 0xFF."""
    parts = [text[i:i + TEXT_FIELD] for i in range(0, len(text), TEXT_FIELD)] or [b""]
    if len(parts) > LAST_BLOCK or number > 0xFFFF:  # extension numbers end at 0xFE; subtitle numbers at 0xFFFF
        raise BeyondFormat(f"subtitle {number} needs {len(parts)} text blocks; EBU STL numbers at most "
                           f"{LAST_BLOCK} a subtitle and 65,535 subtitles")
    blocks = []
    for n, part in enumerate(parts):
        extension = LAST_BLOCK if n == len(parts) - 1 else n
        blocks.append(struct.pack("<BHBB4s4sBBB112s", 0, number, extension, 0, tci, tco, row, CENTRED, 0,
                                  part.ljust(TEXT_FIELD, bytes([UNUSED]))))
    return b"".join(blocks)


def _date() -> bytes:
    """Creation date, YYMMDD: today, or SOURCE_DATE_EPOCH's for a reproducible file."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return time.strftime("%y%m%d", time.gmtime(int(epoch) if epoch and epoch.isdigit() else None)).encode()


def export(build: Build) -> bytes:
    profile = build.profile
    rate, dfc = stl_rate(profile.fps)
    width = TELETEXT_COLUMNS - len(BOX) - int(profile.double_height)
    teletext = profile.max_chars_per_line <= width
    double = profile.double_height and teletext
    height = 2 if double else 1
    blocks, subtitles, longest, first_in = [], 0, 0, None
    for cue, lines in checked_cues(build.cues):
        tci = ms_to_frames(build.offset + cue.start, rate)
        tco = ms_to_frames(build.offset + cue.end, rate)
        first_in = tci if first_in is None else first_in
        rows = teletext_rows(lines, width) if teletext else list(lines)
        row = TOP_ROW if cue.raised else max(1, TELETEXT_ROWS + 1 - len(rows) * height)
        longest = max(longest, *(len(text) for text in rows))
        blocks.append(tti_blocks(cue.index, time_code(tci, rate), time_code(tco, rate), row,
                                 text_field(rows, teletext, double)))
        subtitles += 1
    tti = b"".join(blocks)
    start = ms_to_frames(build.offset, rate)
    gsi = b"".join([
        b"850", dfc, b"1" if teletext else b"0", b"00", LANGUAGE_ENGLISH.encode(),
        field(build.report.title, 32), field("", 32), field("", 32), field("", 32),  # OPT OET TPT TET
        field("", 32), field("", 32), field("", 16),  # TN TCD SLR
        _date(), _date(), b"00",  # CD RD RN
        b"%05d" % (len(tti) // TTI_SIZE), b"%05d" % subtitles, b"001",  # TNB TNS TNG
        b"%02d" % min(99, longest), b"%02d" % TELETEXT_ROWS,  # MNC MNR
        b"1", time_code_text(start, rate), time_code_text(first_in if first_in is not None else start, rate),
        b"1", b"1", field("", 3),  # TND DSN CO
        field(build.report.network or "", 32), field("", 32), field("", 32),  # PUB EN ECD
        field("", 75), field("", 576),  # spare, UDA
    ])
    assert len(gsi) == GSI_SIZE
    return gsi + tti


def warnings(build: Build) -> tuple[str, ...]:
    return tuple(replaced(build, in_6937, "STL", "ISO 6937"))


EXPORTER = Exporter("stl", ".stl", export, "EBU STL (Tech 3264) subtitles for playout", warnings)
