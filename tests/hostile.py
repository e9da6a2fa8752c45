"""Reading deliverables back, for the hostile-input, batch and fuzz tests.

Every check is keyed by file suffix and driven by the registered exporters, so an output
added later is checked by the generic rules (UTF-8, not empty; HTML tag structure; JSON,
CSV parse) and by the format's own reader where one exists here.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pysubs2
import srt
import webvtt

from broadcast.exporters import exporters

#: HTML a script may hold that no page may ever obey
INJECTED_TAGS = ("script", "img", "b", "iframe")


def words(texts) -> list[str]:
    return " ".join(texts).split()


def srt_words(text: str) -> list[str]:
    subtitles = list(srt.parse(text))
    # pysubs2 reads the same file as a different library would (players differ in leniency)
    assert len(pysubs2.SSAFile.from_string(text, format_="srt").events) == len(subtitles), \
        "pysubs2 reads another number of subtitles than srt does"
    from broadcast.exporters._inert import restore
    return words(restore(s.content) for s in subtitles)


def vtt_words(text: str) -> list[str]:
    from broadcast.exporters._inert import WORD_JOINER
    captions = webvtt.from_buffer(io.StringIO(text)).captions
    assert len(pysubs2.SSAFile.from_string(text, format_="vtt").events) == len(captions), \
        "pysubs2 reads another number of cues than webvtt-py does"
    return words(html.unescape(c.text).replace(WORD_JOINER, "") for c in captions)


def ass_subtitles(text: str) -> list[pysubs2.SSAEvent]:
    from broadcast.exporters.ass import SUBTITLE, SUBTITLE_TOP
    subs = pysubs2.SSAFile.from_string(text, format_="ass")
    return [e for e in subs.events if e.style in (SUBTITLE, SUBTITLE_TOP)]


def ass_words(text: str) -> list[str]:
    from broadcast.exporters.ass import WORD_JOINER, unescape
    events = ass_subtitles(text)
    for event in events:
        # The script's text never opens an override block, and every backslash of its own is
        # made inert; the only escape left is our \N between lines.
        assert "{" not in event.text, event.text
        assert re.fullmatch(rf"(?:[^\\]|\\N|\\{WORD_JOINER})*", event.text, re.S), event.text
    return words(unescape(e.plaintext) for e in events)


def ttml_words(text: str) -> list[str]:
    from tests.delivery import read_ttml
    return words(" ".join(lines) for _, _, lines, _ in read_ttml(text))


def scc_words(text: str) -> list[str]:
    from tests.delivery import read_scc
    return words(" ".join(lines) for _, _, lines, _ in read_scc(text))


def stl_words(data: bytes) -> list[str]:
    from tests.delivery import read_stl
    return words(" ".join(lines) for _, _, lines, _ in read_stl(data))


#: readers of the subtitle files: the words each shows, in order
SUBTITLE_READERS = {".srt": srt_words, ".vtt": vtt_words, ".ass": ass_words, ".ttml": ttml_words,
                    ".ebuttd.xml": ttml_words, ".scc": scc_words, ".stl": stl_words}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple]] = []
        self.text: list[str] = []
        self._raw = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(name for name, _ in attrs)))
        if tag in ("script", "style"):
            self._raw += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._raw = max(0, self._raw - 1)

    def handle_data(self, data):
        if not self._raw:
            self.text.append(data)


def html_tags(text: str) -> list[tuple[str, tuple]]:
    parser = _Tags()
    parser.feed(text)
    parser.close()
    return parser.tags


def injected(text: str) -> list[tuple[str, tuple]]:
    """Tags in a page that came from the script: an `onerror` handler, or an element the
    pages never use (the page's own <script> blocks have no `onerror` and no `src=x`)."""
    return [(tag, attrs) for tag, attrs in html_tags(text)
            if "onerror" in attrs or tag in ("img", "iframe") or (tag == "script" and "src" in attrs)]


def squashed(text: str) -> str:
    """Text without white space, in capitals: what survives wrapping and the prompter's case."""
    return re.sub(r"\s+", "", text).upper()


def in_order(needles: list[str], haystack: str) -> str | None:
    """The first needle not found after the ones before it, or None when all are in order."""
    at = 0
    for needle in needles:
        found = haystack.find(needle, at)
        if found < 0:
            return needle
        at = found + len(needle)
    return None


#: the binary deliverables, read back as bytes
BINARY = (".stl",)


def deliverables(out_dir: Path, stem: str) -> dict[str, str | bytes]:
    """Every registered deliverable for `stem` in `out_dir`, by suffix, as text (bytes for a
    binary format)."""
    found = {}
    package = json.loads((out_dir / f"{stem}.json").read_text(encoding="utf-8"))["package"]
    for exporter in exporters().values():
        path = out_dir / f"{stem}{exporter.suffix}"
        if exporter.name.startswith("package-") and package is None:
            assert not path.exists(), f"{path.name} was written for a report with no package"
            continue
        assert path.is_file(), f"{path.name} was not written"
        data = path.read_bytes()
        found[exporter.suffix] = data if exporter.suffix in BINARY else data.decode("utf-8")
    return found


def heard(report: dict, indices=None) -> list[str]:
    """The words the subtitles of these segments (all by default) show, in order: as written,
    but the sign-off as it is heard (the JSON's `signoff.spoken`, with the written stop)."""
    out = []
    for i, segment in enumerate(report["segments"]):
        if indices is not None and i not in indices:
            continue
        text = segment["text"]
        if segment["kind"] == "signoff" and report.get("signoff") and report["signoff"]["spoken"]:
            spoken = report["signoff"]["spoken"]
            if text.rstrip()[-1:] in ".!" and not spoken.endswith((".", "!")):
                spoken += text.rstrip()[-1]
            text = spoken
        out += text.split()
    return out


def check_deliverables(out_dir: Path, stem: str) -> dict:
    """Read back every deliverable of one script and check it; returns the report's JSON."""
    return check_outputs(deliverables(out_dir, stem), stem)


def _in_608(text: str) -> str:
    from broadcast.exporters.scc import text_608
    return text_608(text)


def _in_6937(text: str) -> str:
    from broadcast.exporters._charset import nearest
    from broadcast.exporters.stl import in_6937
    return "".join(nearest(c, in_6937) for c in text)


#: what the SCC and STL can show of a word
DELIVERY_CHARSETS = {".scc": _in_608, ".stl": _in_6937}


def check_outputs(files: dict[str, str | bytes], stem: str = "") -> dict:
    """Check every output of one script, by suffix ({suffix: text}); returns the report's JSON.

    The JSON names the segments; every spoken word reaches each subtitle file in order, the
    words read on air reach the prompter in order, pages obey no tag from the script, and
    each structured file parses.
    """
    report = json.loads(files[".json"])
    segments = report["segments"]
    for suffix, text in files.items():
        assert text.strip(), f"{stem}{suffix} is empty"
        format_ = suffix.removeprefix(".package")
        if format_ in SUBTITLE_READERS:
            # The package files hold the package's words; the others every spoken word.
            spoken = heard(report, set(report["package"]["segments"]) if suffix != format_ else None)
            # The ASS and SRT show a script's braces as the look-alikes ❴ ❵, so reading them
            # back cannot tell the two apart.
            expected = [w.replace("\u2774", "{").replace("\u2775", "}") for w in spoken] \
                if format_ in (".ass", ".srt") else spoken
            if suffix in DELIVERY_CHARSETS:
                # SCC and STL show what their character sets have: the rest in nearest forms
                expected = words(DELIVERY_CHARSETS[suffix](w) for w in expected)
            if suffix in (".scc", ".stl"):  # a word longer than a 608 or teletext row goes over rows
                read = SUBTITLE_READERS[suffix](text)
                assert "".join(read) == "".join(expected), f"{stem}{suffix} lost or moved words"
            else:
                assert SUBTITLE_READERS[format_](text) == expected, f"{stem}{suffix} lost or moved words"
        elif suffix.endswith(".html"):
            assert not injected(text), f"{stem}{suffix} obeys a tag from the script"
        elif suffix.endswith(".json"):
            json.loads(text)
        elif suffix.endswith(".csv"):
            rows = list(csv.reader(io.StringIO(text)))
            assert len({len(r) for r in rows}) <= 1, f"{stem}{suffix} has ragged rows"
    prompter = files.get(".prompter.txt")
    if prompter is not None:
        # Soundbites are played, not read; the sign-off is read in full from its parts.
        read = [squashed(s["text"]) for s in segments if s["kind"] not in ("soundbite", "signoff")]
        missing = in_order([r for r in read if r], squashed(prompter))
        assert missing is None, f"the prompter lost read copy: {missing[:80]}"
    return report
