"""Stray bytes and other encodings: one bad byte in a UTF-8 file is repaired where it is,
with a warning naming its line, never a whole file read as Windows-1252; Cyrillic inside an
English Windows-1251 file, Shift-JIS, GB18030 and UTF-16/32 without a byte-order mark
holding CJK read as written; C1 controls, tag characters and U+061C never reach an output."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadcast.reading import normalise, read_script, read_script_noted
from tests.test_hostile_inputs import build_bytes, cli, script

ENGLISH_WITH_RUSSIAN = ("The minister, \u0421\u0435\u0440\u0433\u0435\u0439 \u041b\u0430\u0432\u0440\u043e\u0432, "
                        "said talks would resume in Geneva.\nLocals call the city \u0421\u043e\u0447\u0438.\n")
JAPANESE = ("\u6771\u4eac\u3067\u4f1a\u8ac7\u304c\u518d\u958b\u3055\u308c\u305f\u3002"
            "\u5916\u76f8\u306f\u6708\u66dc\u65e5\u306b\u30b8\u30e5\u30cd\u30fc\u30d6\u3067\u5354\u8b70\u3059"
            "\u308b\u3068\u8ff0\u3079\u305f\u3002")
CHINESE = ("\u65e5\u5185\u74e6\u548c\u8c08\u4eca\u5929\u6062\u590d\u3002\u5916\u4ea4\u90e8\u957f\u8868\u793a"
           "\uff0c\u661f\u671f\u4e00\u5c06\u7ee7\u7eed\u4f1a\u8c08\u3002")


@pytest.mark.parametrize("text, encoding", [
    (ENGLISH_WITH_RUSSIAN, "cp1251"),
    ("Talks resumed.\n" + JAPANESE + "\n", "shift_jis"), (JAPANESE, "shift_jis"),
    ("Talks in Geneva.\n" + CHINESE + "\n", "gb18030"), (CHINESE, "gb18030"),
    (JAPANESE, "utf-16-le"), (JAPANESE, "utf-16-be"), ("Tokyo\n" + JAPANESE, "utf-16-be"),
    (CHINESE, "utf-32-le"), (CHINESE, "utf-32-be"),
    ("Talks in Athens. \u039f \u03c0\u03c1\u03c9\u03b8\u03c5\u03c0\u03bf\u03c5\u03c1\u03b3\u03cc\u03c2 "
     "\u03bc\u03af\u03bb\u03b7\u03c3\u03b5.", "cp1253"),
    ("The caf\u00e9 owner, Se\u00f1or M\u00fcller, paid \u20ac5 at 20\u00b0C \u00a9 2024.", "cp1252"),
])
def test_a_file_in_another_encoding_reads_as_written(text, encoding):
    assert read_script(text.encode(encoding)) == normalise(text)


def test_one_bad_byte_in_utf8_is_repaired_in_place_and_its_line_named():
    data = "Jos\u00e9 \u00c1lvarez said the caf\u00e9\nwas closed.\nThe mayor, Zo\u00eb, agreed.\n".encode()
    data = data.replace("Zo\u00eb".encode(), b"Zo\xeb")
    text, notes = read_script_noted(data)
    assert text == "Jos\u00e9 \u00c1lvarez said the caf\u00e9\nwas closed.\nThe mayor, Zo\u00eb, agreed.\n"
    assert len(notes) == 1 and "line 3" in notes[0] and "0xEB" in notes[0]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Jos\u00e9", "\u00c1lvarez", "na\u00efve", "M\u00fcller", "caf\u00e9", "said",
                                 "the", "\u2014", "Geneva", "\u201cyes\u201d"]), min_size=3, max_size=30),
       st.integers(min_value=0), st.sampled_from([b"\xe9", b"\x92", b"\xff", b"\xc3"]))
def test_a_stray_byte_anywhere_never_garbles_the_rest(words, where, stray):
    text = " ".join(words) + "\n"
    data = text.encode()
    if not any(ord(c) > 127 for c in text):
        return
    cut = where % (len(data) + 1)
    while cut < len(data) and 0x80 <= data[cut] < 0xC0:  # never inside a character
        cut += 1
    damaged = data[:cut] + stray + data[cut:]
    out, notes = read_script_noted(damaged)
    line = data[:cut].count(b"\n") + 1
    assert len(notes) == 1 and f"line {line} (" in notes[0]
    # every character the file held whole is still there, in order, and only the stray changed
    expected = data[:cut].decode() + stray.decode("cp1252", errors="replace") + data[cut:].decode()
    assert out == normalise(expected)


def test_the_warning_reaches_the_command_line(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(script("The mayor, Zo\u00eb, agreed with Jos\u00e9.").encode().replace("Zo\u00eb".encode(),
                                                                                        b"Zo\xeb"))
    run = cli("build", path, "-o", tmp_path / "out")
    assert run.returncode == 0, run.stderr
    assert "not UTF-8" in run.stderr and "line 4" in run.stderr
    assert "Zo\u00eb" in (tmp_path / "out" / "story.srt").read_text(encoding="utf-8")


@pytest.mark.parametrize("invisible", ["\x9b31m", "\x85", "\x90", "\x9d", "\U000e0041\U000e0042",
                                       "\u061c", "\U000e007f"])
def test_c1_controls_tags_and_the_arabic_letter_mark_reach_no_output(tmp_path, invisible):
    source, out, result = build_bytes(tmp_path, script(
        f'ANNA BELL{invisible} MAYOR "We{invisible} agree."', f"The vote{invisible} passed.").encode())
    assert result.ok, result.error
    for path in out.iterdir():
        if path.suffix == ".stl":  # binary: its text as read back
            from tests.delivery import read_stl
            text = "\n".join(" ".join(lines) for _, _, lines, _ in read_stl(path.read_bytes()))
        else:
            text = path.read_text(encoding="utf-8")
        for char in invisible:
            if not char.isascii():
                assert char not in text, (path.name, repr(char))
