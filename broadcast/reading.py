"""Bytes to normalised script text, and the clear errors for input that is not a script."""

from __future__ import annotations

import codecs
import re
import unicodedata

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
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]")
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
# UTF-8 read as Windows-1252 and saved again: "â€™" for "'", "Ã©" for "é". A lead byte's
# character then the characters of its continuation bytes (0x80-0xBF in Windows-1252).
_CONTINUATION = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122"
_MOJIBAKE = re.compile(f"[\u00c2-\u00df][{_CONTINUATION}]|[\u00e0-\u00ef][{_CONTINUATION}]{{2}}")


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


def _repair_mojibake(text: str) -> str:
    """Undo UTF-8 that went through Windows-1252 once, sequence by sequence, where the text
    plainly shows it: an "â€" (a quote or dash seen that way, never written on purpose) or
    more than one "Ã©"-like pair. Each run that is the Windows-1252 reading of one accented
    letter or punctuation mark becomes that character again."""
    if "\u00e2\u20ac" not in text and len(re.findall(f"\u00c3[{_CONTINUATION}]", text)) < 2:
        return text

    def repair(m: re.Match) -> str:
        try:
            char = m.group(0).encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return m.group(0)
        # Letters of European alphabets, punctuation, currency; never an unlikely CJK sign.
        return char if ord(char) < 0x0530 or 0x2000 <= ord(char) < 0x2200 else m.group(0)

    return _MOJIBAKE.sub(repair, text)


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
    """The normalised text of a script file (a Word .docx read as its text); raises
    UnusableInput when there is none."""
    if not data:
        raise UnusableInput("the file is empty")
    text = document_text(data) if is_office_file(data) else decode(data)
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > max(8, len(text) // 100):
        raise UnusableInput("the file is binary, not a script (it contains control bytes)")
    text = normalise(_CONTROL.sub("", text))
    if not text.strip():
        raise UnusableInput("the file has no text, only white space")
    return text
