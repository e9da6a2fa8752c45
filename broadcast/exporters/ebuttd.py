"""`STEM.ebuttd.xml`: EBU-TT-D (EBU Tech 3380), the European broadcasters' distribution
profile of TTML.

What it asks beyond the shared TTML (`_ttml.py`): `ttp:timeBase="media"` and `xml:lang` on
the root; in the head, in this order, the metadata, the styling and the layout, each style
and region with an `xml:id`; the document metadata naming the standard it conforms to and
the frame rate the times were authored at; `p` elements with an `xml:id` and media times
(`HH:MM:SS.mmm`, never frames), directly in one level of `div`. Its own style attributes
pad each line's box by half a cell and centre the lines of a block on each other.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from broadcast import __version__
from broadcast.exporters import Exporter
from broadcast.exporters._ttml import (TT, TTM, TTP, TTS, body, q, root, serialise, styling_and_layout,
                                       warnings, xml_text)
from broadcast.model import Build
from broadcast.timecode import nominal_rate

EBUTTM = "urn:ebu:tt:metadata"
EBUTTS = "urn:ebu:tt:style"
#: EBU-TT-D 1.0 and 1.0.1
STANDARDS = ("urn:ebu:tt:distribution:2014-01", "urn:ebu:tt:distribution:2018-04")


def export(build: Build) -> str:
    tt = root(build)
    head = ET.SubElement(tt, q(TT, "head"))
    metadata = ET.SubElement(head, q(TT, "metadata"))
    ET.SubElement(metadata, q(TTM, "title")).text = xml_text(" ".join(build.report.title.split()))
    document = ET.SubElement(metadata, q(EBUTTM, "documentMetadata"))
    for standard in STANDARDS:
        ET.SubElement(document, q(EBUTTM, "conformsToStandard")).text = standard
    fps = build.profile.fps
    ET.SubElement(document, q(EBUTTM, "authoredFrameRate")).text = str(nominal_rate(fps))
    if fps.denominator != 1:
        multiplier = fps / nominal_rate(fps)
        ET.SubElement(document, q(EBUTTM, "authoredFrameRateMultiplier")).text = \
            f"{multiplier.numerator} {multiplier.denominator}"
    ET.SubElement(document, q(EBUTTM, "documentOriginatingSystem")).text = f"broadcast {__version__}"
    if build.report.network:
        publisher = ET.SubElement(document, q(EBUTTM, "documentPublisher"))
        publisher.text = xml_text(" ".join(build.report.network.split()))
    styling_and_layout(head, **{q(EBUTTS, "linePadding"): "0.5c", q(EBUTTS, "multiRowAlign"): "center"})
    body(tt, build)
    return serialise(tt, {"ttp": TTP, "tts": TTS, "ttm": TTM, "ebuttm": EBUTTM, "ebutts": EBUTTS})


EXPORTER = Exporter("ebuttd", ".ebuttd.xml", export, "EBU-TT-D (TTML for European distribution)",
                    warnings)
