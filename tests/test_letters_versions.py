"""The letter classes stored for Unicode versions newer than this Python's (16.0 for Python
3.14, 17.0 after it), derived from unicodedata2 and regex of those versions."""

from __future__ import annotations

import json

import pytest

from broadcast.segment import letters

TABLE = json.loads(letters.TABLE.read_text(encoding="utf-8"))


def code_points(runs) -> set[int]:
    return {cp for first, last in runs for cp in range(first, last + 1)}


@pytest.mark.parametrize("version", ["16.0.0", "17.0.0"])
def test_the_version_is_stored_and_read_without_a_scan(version, monkeypatch):
    def no_scan(*args, **kwargs):
        raise AssertionError("scanned")
    monkeypatch.setattr(letters, "scan", no_scan)
    upper, lower = letters.ranges(version)
    assert upper and lower


@pytest.mark.parametrize("version", sorted(TABLE))
def test_runs_are_sorted_apart_and_within_the_scanned_range(version):
    for case in ("upper", "lower"):
        runs = TABLE[version][case]
        assert all(first <= last for first, last in runs)
        assert all(a[1] + 1 < b[0] for a, b in zip(runs, runs[1:]))
        assert runs[0][0] >= letters.SCANNED.start and runs[-1][1] < letters.SCANNED.stop
    assert not code_points(TABLE[version]["upper"]) & code_points(TABLE[version]["lower"])


# Letters each version added, by name in the Unicode Character Database:
ADDED = {
    "16.0.0": {"upper": [0x1C89, 0xA7CB, 0x10D50],  # CYRILLIC CAPITAL TJE, LATIN CAPITAL RAMS HORN, GARAY CAPITAL A
               "lower": [0x1C8A, 0xA7DB, 0x10D70]},  # CYRILLIC SMALL TJE, LATIN SMALL LAMBDA, GARAY SMALL A
    "17.0.0": {"upper": [0xA7CE, 0xA7D2],  # LATIN CAPITAL PHARYNGEAL VOICED FRICATIVE, DOUBLE THORN
               "lower": [0xA7CF, 0xA7F1]},  # LATIN SMALL PHARYNGEAL VOICED FRICATIVE, MODIFIER CAPITAL S
}
BEFORE = {"16.0.0": "15.1.0", "17.0.0": "16.0.0"}


@pytest.mark.parametrize("version", sorted(ADDED))
def test_each_version_has_the_letters_it_added_in_their_case(version):
    for case, added in ADDED[version].items():
        now, then = code_points(TABLE[version][case]), code_points(TABLE[BEFORE[version]][case])
        other = code_points(TABLE[version]["lower" if case == "upper" else "upper"])
        for cp in added:
            assert cp in now and cp not in then and cp not in other, hex(cp)


def test_16_keeps_every_letter_of_15_1_in_its_case():
    """Unicode 16 changed no letter's case: the derivation lost nothing the scan had."""
    for case in ("upper", "lower"):
        assert code_points(TABLE["15.1.0"][case]) <= code_points(TABLE["16.0.0"][case])


def test_17_moved_only_the_pharyngeal_fricative_out_of_the_lower_case():
    """17.0 made U+0295 ʕ a caseless letter (Lo) when it gave it a capital, U+A7CE."""
    lost = code_points(TABLE["16.0.0"]["lower"]) - code_points(TABLE["17.0.0"]["lower"])
    assert lost == {0x0295}
    assert code_points(TABLE["16.0.0"]["upper"]) <= code_points(TABLE["17.0.0"]["upper"])


def test_deriving_needs_unicodedata2_and_regex_of_one_version():
    unicodedata2 = pytest.importorskip("unicodedata2")
    regex = pytest.importorskip("regex")
    try:
        version, upper, lower = letters.derive()
    except SystemExit as refused:
        assert "know different characters" in str(refused)
        return
    if version in TABLE:
        stored = TABLE[version]
        assert ([list(r) for r in upper], [list(r) for r in lower]) == (stored["upper"], stored["lower"]), (
            unicodedata2.unidata_version, regex.__version__)
