"""Bytes to normalised script text, and the clear errors for input that is not a script."""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache

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
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


# Files people send instead of a script, by their first bytes: named, so the message says
# what to do rather than that the bytes are strange.
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
    """Decode script bytes: a BOM wins, then UTF-16 without one, then UTF-8, then a legacy
    code page (Windows-1252 for Western text, a detected one for Cyrillic, Greek and the like)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise UnusableInput(f"the file starts with a {encoding} mark but is not {encoding} "
                                    f"(bad byte at {exc.start + len(bom)})") from None
    for magic, what in _NOT_TEXT:
        if data.startswith(magic):
            raise UnusableInput(f"the file is {what}")
    head = data[:4096]
    if b"\x00" in head:
        encoding = _utf16_without_bom(head)
        if encoding is None:
            raise UnusableInput("the file is binary, not a script (it contains NUL bytes)")
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            raise UnusableInput("the file is binary, not a script (it contains NUL bytes)") from None
    try:
        return _repair_mojibake(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return _legacy(data)


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


# Legacy code pages a newsroom file plausibly comes in when it is not Western European.
_CODE_PAGES = ["cp1252", "cp1250", "cp1251", "koi8_r", "iso8859_5", "cp1253", "iso8859_7", "cp1254",
               "cp1255", "cp1256", "cp1257"]


def _legacy(data: bytes) -> str:
    """Bytes that are not UTF-8: Windows-1252, unless that reads as a jumble of accented
    capitals (Cyrillic, Greek, Arabic, Hebrew in their own code pages); then the code page
    that reads most like text."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    letters = [c for c in text if c.isalpha()]
    accented = sum(1 for c in letters if "\u00c0" <= c <= "\u00ff")
    if len(letters) < 12 or accented <= 0.5 * len(letters):
        return text
    from charset_normalizer import from_bytes
    best = from_bytes(data, cp_isolation=_CODE_PAGES).best()
    return str(best) if best is not None else text


def normalise(text: str) -> str:
    """One form for every script: NFC, LF line ends, plain quotes and spaces, no invisibles."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_QUOTES)
    text = _INVISIBLE.sub("", text)
    return re.sub(r" {2,}", " ", text)


def read_script(data: bytes) -> str:
    """The normalised text of a script file; raises UnusableInput when there is none."""
    if not data:
        raise UnusableInput("the file is empty")
    text = decode(data)
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > max(8, len(text) // 100):
        raise UnusableInput("the file is binary, not a script (it contains control bytes)")
    text = normalise(_CONTROL.sub("", text))
    if not text.strip():
        raise UnusableInput("the file has no text, only white space")
    return text
