"""Bytes to normalised script text, and the clear errors for input that is not a script."""

from __future__ import annotations

import codecs
import re
import unicodedata

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


def decode(data: bytes) -> str:
    """Decode script bytes: a BOM wins, then UTF-8, then Windows-1252, then Latin-1."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise UnusableInput(f"the file starts with a {encoding} mark but is not {encoding} "
                                    f"(bad byte at {exc.start + len(bom)})") from None
    if b"\x00" in data[:4096]:
        raise UnusableInput("the file is binary, not a script (it contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


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
