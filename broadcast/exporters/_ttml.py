"""What the TTML formats share (IMSC1 in `ttml.py`, EBU-TT-D in `ebuttd.py`): the layout, the
style and one timed paragraph per cue, built with ElementTree, which escapes every `&`, `<`
and `>` of the script's text, so the text is shown as written and nothing in it acts.

The cue text is the script's own: the look-alike braces and word joiners that keep SRT and ASS
inert (`broadcast/exporters/_inert.py`) belong to those formats and never reach this one.

A cue raised above a lower-third goes to the `top` region, the others to `bottom`: both are
the title-safe area (10% in from each edge), aligned to its top or to its foot.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from broadcast.exporters._charset import nearest, replaced
from broadcast.exporters.srt import checked_cues
from broadcast.model import Build

TT = "http://www.w3.org/ns/ttml"
TTP = "http://www.w3.org/ns/ttml#parameter"
TTS = "http://www.w3.org/ns/ttml#styling"
TTM = "http://www.w3.org/ns/ttml#metadata"
XML = "http://www.w3.org/XML/1998/namespace"
#: the language of the subtitles: the segmenter and the read-time model read English scripts
LANGUAGE = "en"
#: rows and columns of the cell grid that font sizes and padding count in
CELL_RESOLUTION = "40 24"
BOTTOM, TOP = "bottom", "top"
#: what XML 1.0 cannot carry at all (the reader has removed the other control characters)
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
TEXT_STYLE, BACKGROUND_STYLE = "text", "background"


def in_xml(char: str) -> bool:
    return not _NOT_XML.match(char)


def xml_text(text: str) -> str:
    """The text with each character XML cannot carry (U+FFFE, U+FFFF) shown as `?`."""
    return _NOT_XML.sub(lambda m: nearest(m.group(0), in_xml), text)


def warnings(build: Build) -> tuple[str, ...]:
    return tuple(replaced(build, in_xml, "TTML", "XML"))


def q(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


def timestamp(ms: int) -> str:
    """A media time, `HH:MM:SS.mmm`, as IMSC1 and EBU-TT-D both take it."""
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def root(build: Build, **attributes: str) -> ET.Element:
    """The `tt` element: media time base, the cell grid and the language."""
    tt = ET.Element(q(TT, "tt"), {q(TTP, "timeBase"): "media", q(TTP, "cellResolution"): CELL_RESOLUTION,
                                  q(XML, "lang"): LANGUAGE})
    tt.attrib.update(attributes)
    return tt


def styling_and_layout(head: ET.Element, **text_style: str) -> None:
    """The one text style (white on a dark box, centred) and the two regions."""
    styling = ET.SubElement(head, q(TT, "styling"))
    ET.SubElement(styling, q(TT, "style"), {
        q(XML, "id"): TEXT_STYLE, q(TTS, "fontFamily"): "proportionalSansSerif",
        q(TTS, "fontSize"): "100%", q(TTS, "lineHeight"): "125%", q(TTS, "textAlign"): "center",
        q(TTS, "color"): "#FFFFFF", **text_style})
    ET.SubElement(styling, q(TT, "style"), {q(XML, "id"): BACKGROUND_STYLE,
                                            q(TTS, "backgroundColor"): "#000000C2"})
    layout = ET.SubElement(head, q(TT, "layout"))
    for name, align in ((BOTTOM, "after"), (TOP, "before")):
        ET.SubElement(layout, q(TT, "region"), {
            q(XML, "id"): name, q(TTS, "origin"): "10% 10%", q(TTS, "extent"): "80% 80%",
            q(TTS, "displayAlign"): align})


def body(tt: ET.Element, build: Build) -> None:
    """One `p` a cue, its lines in a background `span` each, in report time (as the WebVTT:
    played against the cut video)."""
    body = ET.SubElement(tt, q(TT, "body"), {"style": TEXT_STYLE})
    div = ET.SubElement(body, q(TT, "div"))
    for cue, lines in checked_cues(build.cues):
        p = ET.SubElement(div, q(TT, "p"), {
            q(XML, "id"): f"cue{cue.index}", "begin": timestamp(cue.start), "end": timestamp(cue.end),
            "region": TOP if cue.raised else BOTTOM})
        for n, line in enumerate(lines):
            if n:
                ET.SubElement(p, q(TT, "br"))
            ET.SubElement(p, q(TT, "span"), {"style": BACKGROUND_STYLE}).text = xml_text(line)


def serialise(tt: ET.Element, prefixes: dict[str, str]) -> str:
    for prefix, namespace in {"": TT, **prefixes}.items():
        ET.register_namespace(prefix, namespace)
    ET.indent(tt, space="  ")
    # The spans of a paragraph stay on one line: white space between them would show.
    for p in tt.iter(q(TT, "p")):
        for child in p:
            child.tail = None
        p.text = None
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tt, encoding="unicode") + "\n"
