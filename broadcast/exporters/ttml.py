"""`STEM.ttml`: IMSC1 (Text Profile), the TTML that streaming platforms and most modern
playout take; a raised cue stays raised (the `top` region). See `_ttml.py` for the layout."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from broadcast.exporters import Exporter
from broadcast.exporters._ttml import (TT, TTM, TTP, TTS, body, q, root, serialise, styling_and_layout,
                                       warnings, xml_text)
from broadcast.model import Build

PROFILE = "http://www.w3.org/ns/ttml/profile/imsc1/text"


def export(build: Build) -> str:
    tt = root(build, **{q(TTP, "profile"): PROFILE})
    head = ET.SubElement(tt, q(TT, "head"))
    metadata = ET.SubElement(head, q(TT, "metadata"))
    ET.SubElement(metadata, q(TTM, "title")).text = xml_text(" ".join(build.report.title.split()))
    styling_and_layout(head)
    body(tt, build)
    return serialise(tt, {"ttp": TTP, "tts": TTS, "ttm": TTM})


EXPORTER = Exporter("ttml", ".ttml", export, "IMSC1 (TTML) subtitles with raised cues",
                    warnings)
