"""Upper- and lower-case letters of every alphabet (É, Ö, Д) as regex character classes.

Python's re has no \\p{Lu}, so the classes are made from the code points Python itself calls
letters. Scanning them took ~45 ms at every start, before a word was read; the ranges depend
only on the Unicode version, so they are kept in `letters.json` for the versions of the
Pythons the tool supports, and scanned afresh under any other. To add the running Python's
version:

    python -m broadcast.segment.letters
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

TABLE = Path(__file__).with_name("letters.json")
#: letters below A are none; above the Supplementary Ideographic Plane, none has a case
SCANNED = range(0x41, 0x20000)

Ranges = list[tuple[int, int]]


def scan(test) -> Ranges:
    """The runs of code points that are letters and pass `test` (str.isupper, str.islower)."""
    ranges: Ranges = []
    start = last = None
    for cp in SCANNED:
        char = chr(cp)
        if char.isalpha() and test(char):
            if start is None:
                start = cp
            last = cp
        elif start is not None:
            ranges.append((start, last))
            start = None
    if start is not None:
        ranges.append((start, last))
    return ranges


def ranges(version: str = unicodedata.unidata_version) -> tuple[Ranges, Ranges]:
    """(upper, lower) for this Unicode version: from the table, or scanned."""
    try:
        stored = json.loads(TABLE.read_text(encoding="utf-8")).get(version)
    except (OSError, ValueError):
        stored = None
    if stored is None:
        return scan(str.isupper), scan(str.islower)
    return [tuple(r) for r in stored["upper"]], [tuple(r) for r in stored["lower"]]


def character_class(runs: Ranges) -> str:
    return "[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in runs) + "]"


def _store() -> None:
    """Add the running Python's Unicode version to the table."""
    try:
        table = json.loads(TABLE.read_text(encoding="utf-8"))
    except FileNotFoundError:
        table = {}
    table[unicodedata.unidata_version] = {"upper": scan(str.isupper), "lower": scan(str.islower)}
    TABLE.write_text(json.dumps(dict(sorted(table.items())), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{TABLE.name}: Unicode {', '.join(sorted(table))}")


if __name__ == "__main__":
    _store()
