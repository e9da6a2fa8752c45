"""Reading the delivery formats back with a reader that is not ours: ttconv (IMSC/TTML, SCC
and EBU STL readers), each cue as (start ms, end ms, lines, where: "top" or "bottom")."""

from __future__ import annotations

import io
import logging
from xml.etree import ElementTree as ET

from ttconv import model
from ttconv.style_properties import DisplayAlignType, StyleProperties

#: ttconv reads two codes as other characters than the standards name: SCC's 0x12 0x2A (an em
#: dash) as a heavy box-drawing line, and ISO 6937's 0xE2 (Đ) as the Icelandic Ð
#: dash) as a heavy box-drawing line, and the caret, broken bar and box corners as look-alikes;
#: ISO 6937's 0xE2 (Đ) as the Icelandic Ð, and 0xE0 as the ohm sign, where NFC text has omega
TTCONV_READS = {".scc": str.maketrans({"\u2501": "\u2014", "\u028c": "^", "\u2503": "\u00a6", "\u250f": "\u250c",
                                       "\u2513": "\u2510", "\u2517": "\u2514", "\u251b": "\u2518"}),
                ".stl": str.maketrans({"\u00d0": "\u0110", "\u2126": "\u03a9"})}

logging.getLogger("ttconv").setLevel(logging.ERROR)


def _lines(p: model.P) -> list[str]:
    lines = [""]

    def walk(element):
        if isinstance(element, model.Br):
            lines.append("")
        elif isinstance(element, model.Text):
            lines[-1] += element.get_text()
        else:
            for child in element:
                walk(child)

    walk(p)
    return [" ".join(line.split()) for line in lines]


def _where(p: model.P, suffix: str) -> str:
    region = p.get_region()
    if suffix == ".scc":  # a region for each caption, at its first row
        return "top" if region.get_style(StyleProperties.Origin).y.value < 50 else "bottom"
    return "top" if region.get_style(StyleProperties.DisplayAlign) is DisplayAlignType.before else "bottom"


def _cues(doc: model.ContentDocument, suffix: str) -> list[tuple[int, int, list[str], str]]:
    table = TTCONV_READS.get(suffix, {})
    return [(round((p.get_begin() or 0) * 1000), round(p.get_end() * 1000),
             [line.translate(table) for line in _lines(p)], _where(p, suffix))
            for div in doc.get_body() for p in div]


def read_ttml(text: str):
    from ttconv.imsc.reader import to_model
    return _cues(to_model(ET.ElementTree(ET.fromstring(text.encode("utf-8")))), ".ttml")


def read_scc(text: str):
    from ttconv.scc.reader import to_model
    return _cues(to_model(text), ".scc")


def read_stl(data: bytes):
    from ttconv.stl.reader import to_model
    return _cues(to_model(io.BytesIO(data)), ".stl")
