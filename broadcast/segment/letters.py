"""Upper- and lower-case letters of every alphabet (É, Ö, Д) as regex character classes.

Python's re has no \\p{Lu}, so the classes are made from the code points Python itself calls
letters. Scanning them took ~45 ms at every start, before a word was read; the ranges depend
only on the Unicode version, so they are kept in `letters.json` for the versions of the
Pythons the tool supports, and scanned afresh under any other. To add the running Python's
version:

    python -m broadcast.segment.letters

A version newer than any installable Python's (16.0 and 17.0, for Python 3.14 and later) is
derived from the same data other packages carry: letters by the general category of
`unicodedata2`, cases by the Lowercase and Uppercase properties (what str.islower and
str.isupper read) of `regex`, each of that version; the two must agree on every assigned
code point. Derived this way, 15.1 came out equal to the scan of a Python with 15.1.

    pip install unicodedata2==17.0.1 regex==2025.11.3 && python -m broadcast.segment.letters --derive
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


def scan(test, is_letter=str.isalpha) -> Ranges:
    """The runs of code points that are letters and pass `test` (str.isupper, str.islower)."""
    ranges: Ranges = []
    start = last = None
    for cp in SCANNED:
        char = chr(cp)
        if is_letter(char) and test(char):
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


def derive() -> tuple[str, Ranges, Ranges]:
    """(version, upper, lower) from the installed unicodedata2 and regex (see above)."""
    import regex
    import unicodedata2
    unassigned = regex.compile(r"\p{Cn}")
    disagree = [cp for cp in range(0x110000) if not 0xD800 <= cp < 0xE000
                and (unicodedata2.category(chr(cp)) == "Cn") != bool(unassigned.match(chr(cp)))]
    if disagree:
        raise SystemExit(f"unicodedata2 {unicodedata2.unidata_version} and regex {regex.__version__} "
                         f"know different characters ({len(disagree)}, first U+{disagree[0]:04X}): "
                         f"install the regex release of the same Unicode version")
    upper, lower = regex.compile(r"\p{Uppercase}"), regex.compile(r"\p{Lowercase}")

    def is_letter(char: str) -> bool:
        return unicodedata2.category(char).startswith("L")

    return (unicodedata2.unidata_version, scan(lambda c: upper.match(c) is not None, is_letter),
            scan(lambda c: lower.match(c) is not None, is_letter))


def _store(version: str, upper: Ranges, lower: Ranges) -> None:
    """Add a Unicode version to the table."""
    try:
        table = json.loads(TABLE.read_text(encoding="utf-8"))
    except FileNotFoundError:
        table = {}
    table[version] = {"upper": upper, "lower": lower}
    TABLE.write_text(json.dumps(dict(sorted(table.items())), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{TABLE.name}: Unicode {', '.join(sorted(table))}")


if __name__ == "__main__":
    import sys
    if "--derive" in sys.argv[1:]:
        _store(*derive())
    else:
        _store(unicodedata.unidata_version, scan(str.isupper), scan(str.islower))
