"""Broadcast transcripts, as networks publish what went to air:

    HELEN MARSH, GNT ANCHOR: Anchor copy ... Our David Okafor reports.
    (BEGIN VIDEOTAPE)
    DAVID OKAFOR, GNT CORRESPONDENT (voice-over): The narration ...
    NIKOS PAPADAKIS, MAYOR OF MARATHON (through translator): The bite ...
    OKAFOR: More narration ...
    OKAFOR (on camera): The stand-up ... David Okafor, GNT, Varnavas, Greece.
    (END VIDEOTAPE)
    MARSH: The anchor's tag.

A turn label is a name in capitals, a title after a comma (or the title first:
`EUROPEAN COMMISSION PRESIDENT, JEAN-CLAUDE JUNCKER:`), notes in brackets, and a colon;
later turns give the surname alone. The anchor is the host who opens (or whose title says
ANCHOR or HOST), the correspondent the one the anchor hands to (or whose title says
CORRESPONDENT or REPORTER, or who speaks in voice-over). Inside the videotape the
correspondent narrates unless on camera; a question the correspondent asks on camera is
part of the interview, a soundbite. Bracketed directions, time stamps and the page around
the transcript are not speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from broadcast.model import Kind, LowerThird, Report, Segment
from broadcast.segment import common
from broadcast.segment import vocabulary as vocab
from broadcast.segment.lexer import mode_of
from broadcast.segment.common import Clip
from broadcast.segment.supers import UPPER, Spellings, is_capitals, lower_third, proper_case

NAME = "transcript"

_STAMP = r"(?:\[\d{1,2}:\d\d(?::\d\d)?\]\s*)"
_LABEL = re.compile(
    rf"^{_STAMP}?(?P<who>{UPPER}[\w .'\u2019-]*[\w.](?:\s*\([A-Z]{{1,2}}(?:-[A-Z]{{2}})?\))?"
    r"(?:\s*,\s*[^:()\n]{1,120}?)?)\s*"
    r"(?P<notes>(?:\([^)\n]{1,40}\)\s*)*):\s*(?P<text>.*)$", re.DOTALL)
_DIRECTION = re.compile(r"^\s*[(\[][A-Z][A-Z0-9 ,.'/-]+[)\]]\s*$")
_INLINE = re.compile(r"\s*\((?:CROSSTALK|LAUGHTER|LAUGHS|APPLAUSE|INAUDIBLE|UNINTELLIGIBLE|"
                     r"SIC|BEGIN VIDEO ?(?:TAPE|CLIP)|END VIDEO ?(?:TAPE|CLIP)|SOUNDBITE|"
                     r"NATURAL SOUND|NATS?|MUSIC|CHANTING|SIREN|GUNFIRE|BELL RINGS|AUDIO GAP|"
                     r"[A-Z ]*SPEAKING (?:IN )?[A-Z]+|FOREIGN LANGUAGE SPOKEN|[A-Z]+ SPOKEN)\)|"
                     rf"{_STAMP}")
_CLUTTER = re.compile(
    r"(?i)^\s*(?:return to transcripts main page|this is a rush transcript.*|aired .*\b(?:et|pt|gmt|utc)\b.*|"
    r"end|end of transcript|copyright .*|\u00a9.*|transcripts?|\[?\d{1,2}:\d\d(?::\d\d)?\]?)\s*$")
_ANCHOR = re.compile(r"\b(?:ANCHOR|HOST|PRESENTER|NEWSREADER)\b", re.I)
_REPORTER = re.compile(r"\b(?:CORRESPONDENT|REPORTER|BUREAU CHIEF|CONTRIBUTOR|JOURNALIST)\b", re.I)
_UNNAMED = re.compile(r"^(?:UNIDENTIFIED|UNKNOWN|UNNAMED|CROWD|GROUP|PROTESTERS?|VOICES?|MAN|WOMAN|MALE|FEMALE|"
                      r"CHILD|GIRL|BOY)\b")


_FIELDS = frozenset("""
HEADLINE BYLINE DATELINE SLUG TRT SOURCE EDITOR PRODUCER STORYLINE STORY SHOTLIST NOTE RESTRICTIONS
RESTRICTION DURATION LOCATION DATE TITLE CATEGORY KEYWORDS LANGUAGE AUDIO VIDEO TYPE ACCESS CREDIT
REPORTER CAMERA INTRO SHOW NETWORK PROGRAM PROGRAMME GUESTS SEGMENT TOPIC SUMMARY WRITER
""".split()) | {"VIDEO SOURCE", "PLAYBOOK SLUG", "SHOT LIST", "STORY NUMBER", "EDITOR'S NOTE", "LEAD IN"}


@dataclass(frozen=True)
class _Turn:
    label: str  # the speaker part of the label, as written
    notes: str  # "(through translator)", "(voice-over)"
    text: Clip
    on_tape: bool


def _label(text: str) -> re.Match | None:
    if ":" not in text:  # every label ends in one; the pattern backtracks long to find none
        return None
    m = _LABEL.match(text)
    if not m:
        return None
    who = m.group("who")
    head = re.sub(r"\s*\(.*\)", "", who.split(",")[0]).strip()
    # A name in capitals, not a sentence that happens to start with capitals ("US: ..."),
    # nor a field of a script's header ("BYLINE: ...").
    if not is_capitals(head) or len(head.split()) > 6 or len(head.strip(". ")) < 3 or head in _FIELDS:
        return None
    if mode_of(who) or vocab.bare(head) in vocab.metadata_keys():
        return None  # TRACK 1:, SOT:, PTC:, BYLINE: are directions and fields, never speakers
    if sum(c.isalpha() for c in head) < 2:  # "Ï 00:01" is a letter and a time, not a name
        return None
    return m


def score(text: str) -> float:
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    labels = 0.0
    for p in paragraphs:
        m = _label(p)
        if m:
            labels += 0.5 if m.group("text").lstrip().startswith('"') else 1.5
    directions = sum(1 for p in paragraphs if re.fullmatch(r"\((?:BEGIN|END) VIDEO ?(?:TAPE|CLIP)\)", p))
    return labels + 3 * directions


def parse(text: str) -> Report:
    lines = [line for line in common.lines(text)]
    paragraphs = common.unwrap(lines, lambda t: bool(_label(t) or _DIRECTION.match(t)))
    title = ""
    turns: list[_Turn] = []
    on_tape = False
    for para in paragraphs:
        bare = para.text.strip()
        if _DIRECTION.match(bare):
            if re.search(r"BEGIN VIDEO", bare):
                on_tape = True
            elif re.search(r"END VIDEO", bare):
                on_tape = False
            continue
        m = _label(bare)
        if not m and _CLUTTER.match(bare):
            continue
        if m:
            body = para[m.start("text"):m.end("text")].cut(_INLINE.pattern)
            turns.append(_Turn(m.group("who").strip(), m.group("notes").strip(), body, on_tape))
        elif turns:
            # A paragraph without a label continues the turn before.
            prev = turns[-1]
            turns.append(_Turn(prev.label, prev.notes, para.cut(_INLINE.pattern), on_tape))
        elif not title and not is_capitals(bare):
            title = re.split(r"[;.]\s*Aired\b", bare)[0].strip()

    spellings = Spellings.from_text("\n".join(t.text.text for t in turns))
    people, alias, warnings = _cast(turns, spellings)
    anchor = next((k for k, p in people.items() if _ANCHOR.search(p.title)), None)
    if anchor is None and turns and not turns[0].on_tape and not _REPORTER.search(people[alias[turns[0].label]].title):
        anchor = alias[turns[0].label]
    intro = " ".join(t.text.text for t in turns if alias[t.label] == anchor and not t.on_tape)
    named, place = common.correspondent_from_intro(intro)
    reporter = _correspondent(people, named, anchor)
    correspondent = people[reporter].lower_third.name if reporter else named

    # The sign-off closes the correspondent's last turn.
    signoff = None
    theirs = [i for i, t in enumerate(turns) if reporter and alias[t.label] == reporter]
    if theirs:
        found = common.find_signoff(turns[theirs[-1]].text.text)
        if found:
            signoff = (theirs[-1], found)
    network = signoff[1].network if signoff else _network(people, anchor, reporter)
    location = (signoff[1].location if signoff else None) or place

    segments: list[Segment] = []
    for i, turn in enumerate(turns):
        key = alias[turn.label]
        lt = people[key].lower_third
        notes = turn.notes.lower()
        translated = "translat" in notes or "interpret" in notes
        body = turn.text
        cut = signoff[1].start if signoff and signoff[0] == i else None
        if cut is not None:
            body = body[:cut]
        if key == anchor:
            kind, lt = Kind.ANCHOR_INTRO, None
        elif key == reporter:
            on_camera = "on camera" in notes or "on-camera" in notes
            kind = Kind.STANDUP if on_camera or not (turn.on_tape or "voice" in notes) else Kind.NARRATION
            following = turns[i + 1] if i + 1 < len(turns) else None
            if kind is Kind.STANDUP and following and alias[following.label] not in (key, anchor) \
                    and re.search(r"\?[\"']?\s*$", body.text):
                kind = Kind.SOUNDBITE  # a question on camera, answered in the next bite
            lt = LowerThird(lt.name, location or lt.title) if kind is not Kind.NARRATION else None
        else:
            kind = Kind.SOUNDBITE
        segment = common.make_segment(kind, body, speaker=lt, translated=translated)
        if segment:
            segments.append(segment)
        if cut is not None:
            segment = common.make_segment(Kind.SIGNOFF, turn.text[cut:])
            if segment:
                segments.append(segment)
    return Report(
        title=title,
        tags=(),
        network=network,
        correspondent=correspondent,
        location=location,
        segments=tuple(segments),
        convention=NAME,
        warnings=tuple(warnings),
    )


@dataclass
class _Person:
    lower_third: LowerThird | None
    title: str  # the title as the label wrote it, for telling anchor and correspondent apart
    voice_over: bool = False


def _cast(turns: list[_Turn], spellings: Spellings) -> tuple[dict[str, _Person], dict[str, str], list[str]]:
    """Everyone who speaks, by the capitals of their full name, and each label's person.

    Full labels first (`DAVID OKAFOR, GNT CORRESPONDENT`), then the short ones (`OKAFOR`)
    found by surname or by the end of a full name.
    """
    people: dict[str, _Person] = {}
    alias: dict[str, str] = {}
    warnings: list[str] = []
    short = []
    for turn in turns:
        label = turn.label
        if label in alias:
            continue
        if _UNNAMED.match(label):
            people.setdefault(label, _Person(None, label))
            alias[label] = label
        elif "," in label:
            # A party after the name (`SEN. JOHN MCCAIN (R), ARIZONA`) belongs with the title.
            party = re.search(r"\s*(\([A-Z]{1,2}(?:-[A-Z]{2})?\))", label)
            bare = label.replace(party.group(0), "", 1) if party else label
            lt, warning = lower_third(bare.split(), [], spellings)
            if party:
                lt = LowerThird(lt.name, f"{party.group(1)} {lt.title}".strip())
            if warning:
                lt = replace(lt, guessed=True)  # the split of name and title: marked for checking
            key = lt.name.upper()
            title_part = label.upper().replace(key, "", 1) if key in label.upper() else label
            people.setdefault(key, _Person(lt, title_part.strip(" ,")))
            alias[label] = key
            if warning:
                warnings.append(warning)
        else:
            short.append(label)
    for label in short:
        if label in alias:
            continue
        words = label.upper().split()
        match = [k for k in people if k.split()[-len(words):] == words] or \
                [k for k in people if k.split()[-1:] == words[-1:]]
        if match:
            alias[label] = match[0]
        else:
            # A name never given in full: the label is all there is.
            lt = LowerThird(proper_case(re.sub(r"\s*\(.*\)", "", label).split(), spellings, is_name=True), "")
            people.setdefault(label.upper(), _Person(lt, ""))
            alias[label] = label.upper()
            if len(words) == 1:
                warnings.append(f"speaker {label!r} is never named in full; the lower-third shows the surname only")
    for turn in turns:
        if "voice" in turn.notes.lower():
            people[alias[turn.label]].voice_over = True
    return people, alias, warnings


def _correspondent(people: dict[str, _Person], named: str | None, anchor: str | None) -> str | None:
    """The correspondent: the one the anchor hands to, else a reporter by title or voice-over."""
    candidates = [k for k in people if k != anchor and people[k].lower_third]
    surname = named.upper().split()[-1] if named else None
    tests = (lambda k: named and people[k].lower_third.name.upper() == named.upper(),
             lambda k: _REPORTER.search(people[k].title), lambda k: people[k].voice_over,
             lambda k: surname and k.split()[-1] == surname and not people[k].title)
    for test in tests:
        found = [k for k in candidates if test(k)]
        if found:
            return found[0]
    return None


def _network(people: dict[str, _Person], *keys: str | None) -> str | None:
    """`GNT` from `GNT ANCHOR` or `CNN SENIOR INTERNATIONAL CORRESPONDENT`."""
    for key in keys:
        if key and people[key].title:
            m = re.match(r"([A-Z][A-Z0-9]{1,5})\s+(?:[A-Z]+\s+)*(?:ANCHOR|HOST|PRESENTER|CORRESPONDENT|REPORTER)",
                         people[key].title)
            if m:
                return m.group(1)
    return None
