"""Reading script files: encodings, line ends, invisible characters, and clear refusals."""

from __future__ import annotations

import codecs
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from broadcast.errors import UnusableInput
from broadcast.reading import normalise, read_script

SCRIPT = "Putin says talks in Sochi will go on. “We agreed,” he said — at the café in Zürich.\n"
EXPECTED = 'Putin says talks in Sochi will go on. "We agreed," he said — at the café in Zürich.\n'


@pytest.mark.parametrize("data", [
    SCRIPT.encode("utf-8"),
    codecs.BOM_UTF8 + SCRIPT.encode("utf-8"),
    codecs.BOM_UTF16_LE + SCRIPT.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + SCRIPT.encode("utf-16-be"),
    SCRIPT.encode("utf-16"),  # with the platform's BOM
    SCRIPT.encode("utf-16-le"),  # no BOM: told by the NUL in every other byte
    SCRIPT.encode("utf-16-be"),
    codecs.BOM_UTF32_LE + SCRIPT.encode("utf-32-le"),
    SCRIPT.encode("cp1252"),
    SCRIPT.replace("“", '"').replace("”", '"').replace("—", "-").encode("latin-1"),
], ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16", "utf16le", "utf16be", "utf32",
        "cp1252", "latin1"])
def test_encodings_read_to_the_same_text(data):
    text = read_script(data)
    assert text.replace("-", "—") == EXPECTED.replace("-", "—")


def test_utf8_that_went_through_windows_1252_is_repaired():
    original = "It’s the café in Zürich — déjà vu, Ελλάδα.\n"
    broken = original.encode("utf-8").decode("cp1252").encode("utf-8")
    assert "â€™" in broken.decode("utf-8")
    assert read_script(broken) == normalise(original)


def test_repair_leaves_real_accented_text_alone():
    for text in ("Order Ã la carte in São Paulo.\n", "SÃO PAULO, AMANHÃ O PRESIDENTE\n", "ÂGE D'OR\n",
                 "Ð is Icelandic: ÐÓR and Ðórr.\n", "Ngô Đình Diệm, Nguyễn Văn Thiệu.\n"):
        assert read_script(text.encode("utf-8")) == text


def test_cyrillic_in_its_own_code_page():
    russian = "Москва, Россия. Владимир Путин заявил, что переговоры продолжатся.\n"
    assert read_script(russian.encode("cp1251")) == russian
    assert read_script(russian.encode("koi8_r")) == russian


@pytest.mark.parametrize("ending", ["\r\n", "\r", "\n", "\u2028"])
def test_line_ends(ending):
    assert read_script(f"One line.{ending}Two line.{ending}".encode("utf-8")) == "One line.\nTwo line.\n"


def test_spaces_and_invisibles():
    raw = "A\u00a0B\u202fC\u200bD\ufeffE\u2060F\u00adG\tH  I"
    assert normalise(raw) == "A B CDEFG H I"


def test_curly_quotes_become_plain():
    assert normalise("\u201cYes,\u201d she said. \u2018No\u2019 \u00abnon\u00bb") == '"Yes," she said. \'No\' "non"'


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"   \n\r\n\t \n", "white space"),
    (codecs.BOM_UTF8 + b"  \n", "white space"),
    ("\u00a0\u200b\n".encode("utf-8"), "white space"),
    (bytes(range(256)) * 8, "binary"),
    (b"\x00\x01\x02\x03garbage\x00\x00\x10", "binary"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00", ".docx"),
    (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}", "RTF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "utf-16"),
])
def test_unusable_input_says_why(data, reason):
    with pytest.raises(UnusableInput, match=reason):
        read_script(data)


@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_any_text_reads_or_is_refused_cleanly(text, encoding):
    try:
        out = read_script(text.encode(encoding))
    except UnusableInput as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert "\r" not in out and "\u200b" not in out and "\u00a0" not in out
    assert out.strip()


@given(st.text(st.sampled_from("abc XYZ.,'\"\u201c\u201d\u2019é\n"), min_size=1, max_size=80))
def test_readable_words_survive_every_encoding(text):
    words = normalise(text).split()
    letters = [c for c in text if c.isalpha()]
    # Windows-1252 text that is mostly accented letters reads as Cyrillic in Windows-1251 just
    # as well; real Western scripts are mostly plain letters.
    western = text.count("é") <= 0.3 * len(letters)
    for encoding in ("utf-8", "utf-8-sig", "utf-16") + (("cp1252",) if western else ()):
        if encoding == "cp1252" and _is_utf8(text.encode(encoding)):
            continue  # bytes that are valid UTF-8 are read as UTF-8 ("é’’" is one Chinese sign)
        try:
            out = read_script(text.encode(encoding))
        except UnusableInput:
            assert not "".join(words).strip()
            continue
        assert out.split() == words, encoding


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b" \n \n", "white space"),
    (b"\x00\x01\x02binary\x00" * 20, "binary"),
    (b"PK\x03\x04 not a script", "zip"),
    (b"Shot list\n\nMoscow, Russia - May 8, 2025 (CGTN)\n1. Wide of square\n2. Close of flag\n", "no spoken text"),
])
def test_cli_refuses_in_one_line_with_exit_2(tmp_path, content, reason):
    path = tmp_path / "script.txt"
    path.write_bytes(content)
    for command in (["segment", str(path), "--format", "json"], ["build", str(path), "-o", str(tmp_path / "out")]):
        run = subprocess.run([sys.executable, "-m", "broadcast", *command], capture_output=True, text=True)
        assert run.returncode == 2, run.stderr
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and reason in lines[0], run.stderr
        assert "Traceback" not in run.stderr and run.stdout == ""
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_cli_reads_utf16_script_like_utf8(tmp_path):
    from tests.conftest import REFERENCE
    text = REFERENCE.read_text(encoding="utf-8").replace("\n", "\r\n")
    (tmp_path / "a.txt").write_bytes(REFERENCE.read_bytes())
    (tmp_path / "b.txt").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    outs = [subprocess.run([sys.executable, "-m", "broadcast", "segment", str(tmp_path / n), "--format", "json"],
                           capture_output=True, text=True, check=True).stdout for n in ("a.txt", "b.txt")]
    assert outs[0] == outs[1]


@pytest.mark.parametrize("args, reason", [
    (["segment", "missing.txt"], "No such file"),
    (["segment", "."], "folder"),
    (["segment", "{script}", "--convention", "teletext"], "unknown script convention"),
])
def test_cli_bad_paths_and_options(tmp_path, args, reason):
    script = tmp_path / "s.txt"
    script.write_text("Title\nSome anchor copy about the weather.\n")
    args = [a.format(script=script) for a in args]
    run = subprocess.run([sys.executable, "-m", "broadcast", *args], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1 and reason in run.stderr
