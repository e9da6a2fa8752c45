"""The stored letter classes are what Python's own Unicode data says."""

import re
import unicodedata

from broadcast.segment import letters
from broadcast.segment.supers import LOWER, UPPER


def test_the_stored_ranges_of_this_python_s_unicode_match_a_fresh_scan():
    stored = letters.ranges()
    assert stored == (letters.scan(str.isupper), letters.scan(str.islower))


def test_this_python_s_unicode_version_is_stored():
    # a Python whose version is missing still works (scanning at every start), but slowly:
    # `python -m broadcast.segment.letters` adds it
    import json
    assert unicodedata.unidata_version in json.loads(letters.TABLE.read_text(encoding="utf-8"))


def test_an_unknown_version_is_scanned():
    assert letters.ranges("0.0.0") == (letters.scan(str.isupper), letters.scan(str.islower))


def test_the_classes_match_letters_of_every_alphabet():
    upper, lower = re.compile(UPPER), re.compile(LOWER)
    for char in "AZÉÖДΩԱ":
        assert upper.fullmatch(char) and not lower.fullmatch(char), char
    for char in "azéöдωա":
        assert lower.fullmatch(char) and not upper.fullmatch(char), char
    for char in "1_ -中ا":
        assert not upper.fullmatch(char) and not lower.fullmatch(char), char
