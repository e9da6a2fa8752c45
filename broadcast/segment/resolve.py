"""Resolve: the facts of a report worked out once for every convention: title, slug,
correspondent, dateline, network, stated running time, story form, who each stand-up is, and
the sign-off (kept on the Report, so no later stage parses it again)."""

from __future__ import annotations

import re
from dataclasses import replace

from broadcast.model import Kind, LowerThird, Report, Segment, SignOff
from broadcast.segment import common
from broadcast.segment.assembly import Assembly, Part, People
from broadcast.segment.common import Clip
from broadcast.segment.supers import ACRONYMS, Spellings, is_capitals, proper_case, title_case

_FORMS = {"TVPKG": "package", "PKG": "package", "PACKAGE": "package", "VO": "vo", "VOSOT": "vo-sot",
          "VO/SOT": "vo-sot", "VO SOT": "vo-sot", "READER": "reader", "RDR": "reader"}


def running_time(value: str) -> int | None:
    """`2:31`, `:45`, `1:02:10`, `2'04"`, `2m 31s`, `151 sec` as milliseconds."""
    value = value.strip()
    m = re.match(r"^(?:(\d{1,2}):)?(\d{0,3}):(\d\d)\b", value)
    if m:
        h, mnt, s = int(m.group(1) or 0), int(m.group(2) or 0), int(m.group(3))
        return ((h * 60 + mnt) * 60 + s) * 1000
    m = re.match(r"^(\d{1,3})\s*(?:'|m|min)\w*\s*(\d{1,2})\s*(?:\"|''|s|sec)?", value)
    if m:
        return (int(m.group(1)) * 60 + int(m.group(2))) * 1000
    m = re.match(r"^(\d{1,4})\s*(?:\"|s|sec|secs|seconds)\b", value)
    return int(m.group(1)) * 1000 if m else None


def _field(fields: list[tuple[str, str, str]], name: str) -> str | None:
    return next((v for _, f, v in fields if f == name and v.strip(" _-")), None)


def _form(fields, parts: list[Part]) -> str:
    stated = _field(fields, "form")
    if stated:
        for word in re.split(r"[\s,]+", stated.upper()):
            if word.split("/")[0] in _FORMS or word in _FORMS:
                return _FORMS.get(word) or _FORMS[word.split("/")[0]]
    kinds = {p.kind for p in parts if not p.vo}
    if kinds & {Kind.NARRATION, Kind.STANDUP, Kind.SIGNOFF}:
        return "package"
    if Kind.SOUNDBITE in kinds:
        return "vo-sot"
    return "vo" if any(p.vo for p in parts) else "reader"


def _place(location: str | None) -> str:
    """A stand-up's super: the dateline as written, or, typed in capitals, its place as an
    operator types it (`KABUL, AFGHANISTAN` -> Kabul)."""
    if not location:
        return ""
    if not is_capitals(location):
        return location
    return title_case(location.split(",")[0].strip())


def _network(fields, intro: str, signoff: SignOff | None, read: str | None = None) -> str | None:
    stated = _field(fields, "network")
    if stated:
        return stated
    if signoff and signoff.network:
        return signoff.network
    if read:
        return read
    m = re.search(r"\b([A-Z]{2,6})(?:'s|\u2019s)\s", intro) or re.search(
        r"\b([A-Z]{2,6})\s+(?:\w+\s+){0,3}(?:correspondent|reporter)\b", intro)
    return m.group(1) if m and m.group(1) in ACRONYMS else None


def _split_signoff(parts: list[Part], people: People) -> SignOff | None:
    """The sign-off: what follows a SIGNOFF direction, or the end of the correspondent's last
    words (a track, a stand-up, or a turn under the correspondent's own label)."""
    spoken = [i for i, p in enumerate(parts) if p.kind in (Kind.NARRATION, Kind.STANDUP, Kind.SIGNOFF)
              or p.kind is Kind.SOUNDBITE and people.is_correspondent(p.speaker)]
    if not spoken:
        return None
    i = spoken[-1]
    part = parts[i]
    joined = Clip.join(part.clips, "\n").squeeze()  # a sign-off wrapped over two lines reads as one
    found = common.find_signoff(joined.text)
    if part.kind is Kind.SIGNOFF or found:
        start = found.start if found else 0
        if start:
            parts[i] = replace(part, clips=[joined[:start]])
            parts.insert(i + 1, Part(Kind.SIGNOFF, [joined[start:]], line=part.line))
        else:
            parts[i] = replace(part, kind=Kind.SIGNOFF, speaker=None)
        return _signoff(joined[start:].text.strip())
    return None


def _signoff(text: str) -> SignOff:
    """The sign-off as written, and who, for whom and where, where it has the usual shape."""
    found = common.find_signoff(text)
    return SignOff(text, found.initials if found else None, found.network if found else None,
                   found.location if found else None)


def _expanded(signoff: SignOff, correspondent: str | None) -> SignOff:
    name = signoff.name
    if name and " " not in name:
        initials = "".join(w[0] for w in (correspondent or "").split() if w[:1].isupper())
        name = correspondent if correspondent and initials.upper() == name.replace(".", "").upper() else None
    return replace(signoff, name=name)


def _read_signoff(parts: list[Part]) -> SignOff | None:
    """The sign-off an assembler made a part of its own."""
    last = next((p for p in reversed(parts) if p.kind is Kind.SIGNOFF), None)
    return None if last is None else _signoff(Clip.join(last.clips, "\n").squeeze().text.strip())


def _wholly_quoted(text: str) -> bool:
    """One quotation and nothing else: `"How much for a cow?"`, or one left open."""
    text = text.strip()
    return text.startswith('"') and (text.count('"') == 1 or text.count('"') == 2 and bool(
        re.search(r'"[.,!?]?$', text)))


def _intro(parts: list[Part]) -> str:
    return " ".join(c.text for p in parts if p.kind is Kind.ANCHOR_INTRO for c in p.clips)


def finish(out: Assembly, convention: str) -> Report:
    """The Report from an assembly: segments from the spoken parts, facts from the fields (and,
    where the header states none, from what the assembler read in the body)."""
    fields = out.fields
    out.settle_header(_intro(out.parts))
    parts = list(out.parts)
    correspondent = out.people.correspondent
    location = _field(fields, "location") or out.facts.get("location")
    intro = _intro(parts)
    if not correspondent or not location:
        named, place = common.correspondent_from_intro(intro)
        correspondent, location = correspondent or named, location or place
        if named and not out.people.correspondent:
            out.people.correspondent_named(named)
    # VO is the reporter's track in a package (a reporter named, a track or stand-up heard),
    # the anchor's voice over pictures otherwise
    packaged = bool(_field(fields, "correspondent")) or any(
        p.kind in (Kind.NARRATION, Kind.STANDUP) and not p.vo for p in parts)
    parts = [replace(p, kind=Kind.ANCHOR_INTRO) if p.vo and not packaged else p for p in parts]
    signoff = _read_signoff(parts) if out.signoff_read else _split_signoff(parts, out.people)
    if signoff:
        signoff = _expanded(signoff, correspondent)
        location = location or signoff.location
        correspondent = correspondent or signoff.name
    if correspondent and is_capitals(correspondent):
        # `BYLINE: AYESHA TANZEEM`: the stand-up's super as an operator types it
        correspondent = proper_case(correspondent.split(), Spellings.from_text(out.script), is_name=True)
    segments = []
    for p in parts:
        speaker = p.speaker
        kind = p.kind
        if p.cue_words:  # a clip given only by its cue words: no words, a running time
            segments.append(Segment(Kind.SOUNDBITE, "", p.span, speaker=speaker, runs=p.runs,
                                    cue_words=p.cue_words))
            continue
        if kind is Kind.SOUNDBITE and not p.settled and out.people.is_correspondent(speaker):
            kind = Kind.STANDUP
        if kind is Kind.STANDUP and not p.settled and not (speaker and p.kind is Kind.STANDUP):
            # the correspondent at the dateline, unless a super typed for the stand-up says so
            speaker = LowerThird(correspondent or (speaker.name if speaker else ""), _place(location))
        if kind is not Kind.SOUNDBITE and kind is not Kind.STANDUP:
            speaker = None
        translated = kind is Kind.SOUNDBITE and (p.translated or bool(p.language) and p.language.lower() != "english")
        words = Clip.join(p.clips, "\n")
        # a question the reporter asks on camera, quoted whole: the marks are not heard
        unquote = p.unquote or kind is Kind.STANDUP and _wholly_quoted(words.text)
        segment = common.make_segment(kind, words, speaker=speaker, unquote=unquote,
                                      language=p.language if kind is Kind.SOUNDBITE else None,
                                      translated=translated)
        if segment:
            # the span covers the part's whole region: the bite's quotation marks included
            region = Clip.join(p.clips).span
            segments.append(replace(segment, span=(min(region[0], segment.span[0]), max(region[1], segment.span[1])),
                                    runs=p.runs if kind is Kind.SOUNDBITE else None))
    trt = _field(fields, "trt")
    title = _field(fields, "title") or out.facts.get("title") or _field(fields, "slug") or ""
    return Report(
        title=title,
        tags=out.tags,
        network=_network(fields, intro, signoff, out.facts.get("network")),
        correspondent=correspondent,
        location=location,
        segments=tuple(segments),
        convention=convention,
        warnings=tuple(out.warnings),
        notes=tuple(sorted(out.notes, key=lambda n: n.span)),
        signoff=signoff,
        stated_trt=running_time(trt) if trt else None,
        form=_form(fields, parts) if segments else None,
        slug=_field(fields, "slug"),
    )
