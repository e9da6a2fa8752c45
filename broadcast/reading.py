"""Bytes to normalised script text, and the clear errors for input that is not a script."""

from __future__ import annotations

import codecs
from bisect import bisect_right
import re
import unicodedata
from functools import cache

from broadcast.documents import document_text, is_office_file
from broadcast.errors import UnusableInput

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Typographers' quotes become plain ones so every convention reads one kind of quote;
# the words themselves are unchanged.
_QUOTES = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\t": " ", "\u3000": " ",
    "\u2028": "\n", "\u2029": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n",
})
# Invisible characters that break word matching. ZWJ and ZWNJ stay: they shape emoji and
# Persian or Indic words.
# C1 controls (U+0080-U+009F, terminal escapes), Unicode tag characters (invisible text
# that some models and terminals read) and the Arabic letter mark U+061C go too.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069"
                        "\u0080-\u009f\u061c\U000e0000-\U000e007f]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


# Files people send instead of a script (or a subtitle or timing file), by their first bytes:
# named, so the message says what to do rather than that the bytes are strange. A script
# that is a Word .docx is read (`broadcast.documents`) before it gets here.
_NOT_TEXT = (
    (b"%PDF-", "binary, a PDF document; export the script as plain text (.txt)"),
    (b"PK\x03\x04", "binary, a zip archive (a .docx or .odt document?); save the script as plain text (.txt)"),
    (b"\xd0\xcf\x11\xe0", "binary, a Word 97-2003 document; save the script as plain text (.txt)"),
    (b"{\\rtf", "an RTF document; save the script as plain text (.txt)"),
    (b"\x89PNG", "binary, a PNG image, not a script"),
    (b"\xff\xd8\xff", "binary, a JPEG image, not a script"),
    (b"GIF8", "binary, a GIF image, not a script"),
    (b"\x1f\x8b", "binary, gzip-compressed; unpack it first"),
)


def decode(data: bytes) -> str:
    """Script bytes as text (see `decode_noted`)."""
    return decode_noted(data)[0]


def decode_noted(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode script bytes, with a note for each line that needed repair: a BOM wins, then
    UTF-16 or UTF-32 without one, then UTF-8 (a few stray bytes in it read one by one as
    Windows-1252, with a note naming their lines), then a legacy code page: Windows-1252
    for Western text, else the code page whose reading is most coherent (Cyrillic, Greek,
    Shift-JIS, GB18030 and the like)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), ()
            except UnicodeDecodeError as exc:
                raise UnusableInput(f"the file starts with a {encoding} mark but is not {encoding} "
                                    f"(bad byte at {exc.start + len(bom)})") from None
    for magic, what in _NOT_TEXT:
        if data.startswith(magic):
            raise UnusableInput(f"the file is {what}")
    head = data[:4096]
    if b"\x00" in head:
        encoding = _utf16_without_bom(head)
        if encoding is not None:
            try:
                return data.decode(encoding), ()
            except UnicodeDecodeError:
                pass
        text = _most_coherent(data, _WIDE)
        if text is None:
            raise UnusableInput("the file is binary, not a script (it contains NUL bytes)")
        return text, ()
    try:
        return _repair_mojibake(data.decode("utf-8")), ()
    except UnicodeDecodeError:
        pass
    repaired = _utf8_with_strays(data)
    if repaired is not None:
        return repaired
    return _legacy(data), ()


#: UTF-8 with at most this many stray bytes for each well-formed non-ASCII character is
#: UTF-8 that a Windows-1252 character was pasted into (well-formed multi-byte sequences
#: hardly ever occur in a legacy file by chance); more, and it is a legacy file
_STRAY_SHARE = 1


def _utf8_with_strays(data: bytes) -> tuple[str, tuple[str, ...]] | None:
    """UTF-8 in which a few bytes are not UTF-8: each read as the Windows-1252 character it
    most likely was, and a note naming the lines; None when the file is not mostly UTF-8."""
    text = data.decode("utf-8", errors="surrogateescape")
    strays = _STRAY.findall(text)
    good = len(text) - len(text.encode("ascii", errors="ignore")) - len(strays)
    if not good or len(strays) > _STRAY_SHARE * good:
        return None
    lines: dict[int, list[str]] = {}
    line_starts = [m.end() for m in re.finditer("\n", text)]

    def repair(m: re.Match) -> str:
        byte = bytes([ord(m.group(0)) - 0xDC00])
        char = byte.decode("cp1252", errors="replace")
        lines.setdefault(bisect_right(line_starts, m.start()) + 1, []).append(f"0x{byte[0]:02X} as {char!r}")
        return char

    repaired = _STRAY.sub(repair, text)
    shown = [f"line {n} ({', '.join(found)})" for n, found in list(lines.items())[:5]]
    more = f" and {len(lines) - 5} more lines" if len(lines) > 5 else ""
    bytes_are = "1 byte that is" if len(strays) == 1 else f"{len(strays)} bytes that are"
    note = f"{bytes_are} not UTF-8 read as Windows-1252 in {', '.join(shown)}{more}: check the spelling there"
    return _repair_mojibake(repaired), (note,)


_STRAY = re.compile("[\udc80-\udcff]")


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text of mostly Latin letters has a NUL in every other byte."""
    even, odd = head[0::2], head[1::2]
    if len(head) < 4:
        return None
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


#: wide encodings without a byte-order mark, for text that is not mostly Latin
_WIDE = ["utf_32_le", "utf_32_be", "utf_16_le", "utf_16_be"]
#: a reading of a file is taken when at least this share of its non-ASCII characters are
#: coherent (see `_coherence`)
_COHERENT = 0.9


def _family(char: str) -> str:
    """The writing system of a letter, by its Unicode name: CJK ideographs and kana are one."""
    first = unicodedata.name(char, "").split(" ", 1)[0]
    return "CJK" if first in _CJK else first


_CJK = {"CJK", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "IDEOGRAPHIC", "HALFWIDTH", "FULLWIDTH"}


def _coherence(text: str) -> float:
    """The share of a text's non-ASCII characters that read like writing: runs of letters
    of one writing system in one case pattern (lower, upper or capitalised), with
    punctuation; a code page that is not the file's gives mixed systems, random case,
    symbols and unassigned or control characters."""
    runs = _NON_ASCII.findall(text)
    total = sum(len(run) for run in runs)
    if not total:
        return 1.0
    good = 0
    for run in runs:
        letters = "".join(c for c in run if c.isalpha())
        signs = [unicodedata.category(c) for c in run if not c.isalpha()]
        if letters:
            # a word: letters of one system in one case pattern, with punctuation at most
            families = {_family(c) for c in letters}
            if any(sign[0] not in "PMN" for sign in signs) or len(families) > 1:
                continue
            if families == {"LATIN"} and len(letters) >= 3:
                continue  # accented Latin letters alone are no word: another alphabet's bytes
            if letters.lower() != letters.upper() and not (letters.islower() or letters.isupper()
                                                           or letters.istitle()):
                continue
        elif any(sign[0] not in "PMNS" or sign == "Sk" for sign in signs):
            continue  # signs alone (a dash, a quote, a currency sign) read as they are
        good += len(run)
    return good / total


_NON_ASCII = re.compile(r"[^\x00-\x7f\s]+")


def _most_coherent(data: bytes, encodings: list[str]) -> str | None:
    """The most coherent strict reading of the bytes among the encodings, the first on a tie;
    None when none is coherent enough. charset-normalizer proposes them, in its order."""
    from charset_normalizer import from_bytes
    proposed = [m.encoding for m in from_bytes(data, cp_isolation=encodings)]
    best, best_score = None, _COHERENT
    sample = data[:65536]
    for encoding in sorted(set(proposed) | set(encodings), key=lambda e: (e not in proposed, encodings.index(e)
                                                                              if e in encodings else 0)):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if any(unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs") and c not in "\t\n\r\x0c"
               for c in text[:len(sample)]):
            continue
        score = _coherence(text[:len(sample)])
        if score > best_score:
            best, best_score = text, score
    return best


# The code pages newsroom mojibake comes through (Western, and Cyrillic Windows): UTF-8 read
# through one of them puts the character of a lead byte (0xC2-0xF4) before that of a
# continuation byte (0x80-0xBF).
_MOJIBAKE_CODE_PAGES = ("latin-1", "cp1252", "cp1251")


@cache
def _mojibake_pair() -> re.Pattern:
    """A lead character then a continuation character, in any of the code pages: without such
    pairs the text is not mojibake, and ftfy (a fifth of a second to load) is not needed."""
    def characters(low: int, high: int) -> str:
        return "".join(sorted({bytes([b]).decode(page, errors="ignore")
                               for page in _MOJIBAKE_CODE_PAGES for b in range(low, high + 1)} - {""}))
    return re.compile(f"[{re.escape(characters(0xC2, 0xF4))}][{re.escape(characters(0x80, 0xBF))}]")


def _plainly_mojibake(text: str) -> bool:
    """An "â€" (a quote or dash seen through Windows-1252, never written on purpose) or more
    than one lead-and-continuation pair: one stray pair ("À¢") is as likely meant."""
    pairs = _mojibake_pair().finditer(text)
    return "\u00e2\u20ac" in text or next(pairs, None) is not None and next(pairs, None) is not None


def _repair_mojibake(text: str) -> str:
    """Undo UTF-8 that went through a legacy code page, once or twice ("Ã©" and "ÃƒÂ©" for
    "é", "ÐŸÑ€Ð¸" for "При") where the text plainly shows it, with ftfy, which weighs whether
    each run is mojibake or meant. Measured against the hand-written repair it replaced
    (`benchmarks/mojibake.py`), it also repairs double encoding and Cyrillic. Only the
    encoding is touched: quotes, spaces, line ends and widths are `normalise`'s, and a
    sequence that lost a byte stays as it came rather than becoming U+FFFD."""
    if text.isascii() or not _plainly_mojibake(text):
        return text
    import ftfy
    return ftfy.fix_text(text, ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_encoding=True, restore_byte_a0=True,
        replace_lossy_sequences=False, decode_inconsistent_utf8=True, fix_c1_controls=True,
        fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
        fix_surrogates=False, remove_control_chars=False, normalization=None, max_decode_length=10**7))


# Legacy code pages a newsroom file plausibly comes in when it is not Western European,
# single-byte first: a reading of a few words that is coherent in one of them is taken
# before a multi-byte one, in which short byte runs read as CJK characters by chance.
_CODE_PAGES = ["cp1250", "cp1251", "koi8_r", "iso8859_5", "cp1253", "iso8859_7", "cp1254",
               "cp1255", "cp1256", "cp1257", "cp932", "gb18030", "big5", "euc_kr"] + _WIDE


def _legacy(data: bytes) -> str:
    """Bytes that are not UTF-8: Windows-1252 when that reads as Western text, else the
    code page whose reading is most coherent (Windows-1252 when none is)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # bytes Windows-1252 leaves undefined
        text = None
    if text is not None and _coherence(text[:65536]) >= _WESTERN:
        return text
    return _most_coherent(data, _CODE_PAGES) or data.decode("cp1252", errors="replace")


#: share of coherent non-ASCII characters in Windows-1252 text: accents inside Latin words,
#: typographers' punctuation; Cyrillic or CJK bytes read in it make runs of mixed signs
_WESTERN = 0.95


def normalise(text: str) -> str:
    """One form for every script: NFC, LF line ends, plain quotes and spaces, no invisibles."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_QUOTES)
    text = _INVISIBLE.sub("", text)
    return re.sub(r" {2,}", " ", text)


def read_script(data: bytes) -> str:
    """The normalised text of a script file (a Word .docx read as its text); raises
    UnusableInput when there is none."""
    return read_script_noted(data)[0]


def read_script_noted(data: bytes) -> tuple[str, tuple[str, ...]]:
    """The normalised text of a script file and the notes on what reading it repaired."""
    if not data:
        raise UnusableInput("the file is empty")
    text, notes = (document_text(data), ()) if is_office_file(data) else decode_noted(data)
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > max(8, len(text) // 100):
        raise UnusableInput("the file is binary, not a script (it contains control bytes)")
    text = normalise(_CONTROL.sub("", text))
    if not text.strip():
        raise UnusableInput("the file has no text, only white space")
    return text, notes
