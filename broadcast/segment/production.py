"""Production scripts from a newsroom system, with notes in double brackets:

    ((PLAYBOOK SLUG: KENYA FLOODS  BYLINE: Mariama Diallo  DATELINE: Nairobi  TRT: 2:31))
    ((INTRO))
    [[Anchor copy ... Mariama Diallo reports.]]
    ((NARRATOR))                      or ((NARRATION)), ((TRACK)), ((VO))
    The voice-over ...
    ((Joseph Kamau, Mathare resident - MALE IN SWAHILI - ORIGINAL))
    "The bite ..."
    ((Via Zoom))  ((Mandatory cg: Skype))          credits, not speech
    [[RADIO VERSION: ...]]                          not for television
    ((STANDUP))  ...  ((SIGNOFF))  Mariama Diallo, VOA News, Nairobi.

`((...))` holds directions and speaker markers, `[[...]]` the anchor's copy; text outside
both belongs to the last direction. Text before the first direction and lines such as
`Page 1 of 2` or `###` are the page around the script, not the script.
"""

from __future__ import annotations

import re

from broadcast.model import Kind, LowerThird, Report, Segment
from broadcast.segment import common
from broadcast.segment.common import Clip
from broadcast.segment.supers import (
    LOWER, UPPER, Spellings, is_capitals, name_title_parts, proper_case, title_case,
)

NAME = "production"

_BLOCK = re.compile(r"\(\((?P<note>.*?)\)\)|\[\[(?P<copy>.*?)\]\]", re.DOTALL)
_KEYS = (r"(?:PLAYBOOK SLUG|VIDEO SOURCE|STORY SLUG|STORY ID|AUDIO SOURCE|RUNNING TIME|"
         r"[A-Z][A-Z'-]+)")
_KEY = re.compile(rf"(?P<key>\b{_KEYS}):\s*(?P<value>.*?)(?=\s+\b{_KEYS}:|\s*$)", re.DOTALL)
_MODES = (
    (re.compile(r"(?:ANCHOR\s+)?(?:INTRO|LEAD[- ]?IN|LEAD)"), "intro"),
    (re.compile(r"NARRAT(?:OR|ION)|TRACK|VO|V/O|VOICE[- ]?OVER|REPORTER(?: VO)?|TAKE VO"), "narration"),
    (re.compile(r"STAND[- ]?UP|PTC|PIECE TO CAMERA|ON CAM(?:ERA)?|REPORTER ON CAM(?:ERA)?"), "standup"),
    (re.compile(r"SIGN[- ]?OFF|SIGNOUT|SIG"), "signoff"),
    (re.compile(r"(?:ANCHOR\s+)?(?:TAG|OUTRO|BACK ?ANNOUNCE(?:MENT)?|END TAG)"), "tag"),
    (re.compile(r"(?:TAKE\s+)?(?:SOT|SOUNDBITE|SYNC|BITE)(?:\s+(?:FULL|UP|IN))?"), "soundbite"),
    (re.compile(r"TEASER|TEASE|HEADLINE|WEB(?: VERSION)?|RADIO(?: VERSION)?|RADIO SCRIPT|ONLINE|SOCIAL|"
                r"END(?:S| OF (?:SCRIPT|STORY))?"), "skip"),
)
# Notes that are not speech and do not change who speaks: credits, sound, graphics.
_CREDIT = re.compile(
    r"(?i)^(?:via\b|mandatory|cg\b|courtesy|source|video|camera|cam\b|producer|editor|shot by|graphic|gfx|"
    r"map|fullscreen|full screen|super|lower third|nats?\b|nat sound|natural sound|sound ?up|sot up|music|"
    r"sfx|pause|break|skype|zoom|file\b|archive|end\b|ends\b|out\b|trt\b|runs\b)")
_GENDER_LANGUAGE = re.compile(r"(?i)\b(?:male|female|man|woman|m|f)\s+in\s+(?P<language>[A-Za-z]+)\b")
_TRANSLATION_NOTE = re.compile(r"(?i)^(?:original|subtitled?|subtitles|voice ?over|vo|translat\w*|dubbed|overdub|"
                               r"interpret\w*|sot|on cam(?:era)?|via \w+|.*\bin [a-z]+)$")
_CLUTTER = re.compile(
    r"(?i)^\s*(?:page \d+(?: of \d+)?|printed\b.*|#{2,}|-{3,}|={3,}|\*{3,}|-*\s*end\s*-*|-*\s*30\s*-*|"
    r"copyright\b.*|\u00a9.*|.*\bpage \d+ of \d+\s*|(?:story|script) (?:id|status|version)\b.*)\s*$")
_SOT_PREFIX = re.compile(r"(?i)^\s*(?:SOT|SOUNDBITE|BITE|SYNC|INTERVIEW|ACTUALITY)\s*[:\-]\s*")


def score(text: str) -> float:
    notes = len(re.findall(r"\(\([^()]*\)\)", text))
    copy = len(re.findall(r"\[\[", text))
    return 1.5 * notes + 1.5 * copy


def _mode(note: str) -> str | None:
    bare = re.sub(r"\s+", " ", note).strip().upper().strip(" :")
    for pattern, mode in _MODES:
        if pattern.fullmatch(bare):
            return mode
    return None


def _metadata(note: str) -> dict[str, str] | None:
    """`PLAYBOOK SLUG: ... BYLINE: ... DATELINE: ...` as a dict, or None for another note."""
    pairs = {m.group("key").strip().upper(): re.sub(r"\s+", " ", m.group("value")).strip()
             for m in _KEY.finditer(note)}
    keys = set(pairs)
    if len(pairs) >= 2 or keys & {"SLUG", "PLAYBOOK SLUG", "BYLINE", "DATELINE", "HEADLINE", "TRT"}:
        return pairs
    return None


def _speaker(note: str, spellings: Spellings) -> tuple[LowerThird, str | None, bool] | None:
    """`Sergey Lavrov, Russian Foreign Minister - MALE IN RUSSIAN - ORIGINAL` as a lower-third,
    language and translation; None when the note is not a speaker marker."""
    note = _SOT_PREFIX.sub("", re.sub(r"\s+", " ", note).strip())
    pieces = [p.strip() for p in re.split(r"\s+[-\u2013\u2014]+\s+|\s*;\s*", note) if p.strip()]
    if not pieces:
        return None
    label, notes = pieces[0], pieces[1:]
    language = None
    for piece in notes:
        m = _GENDER_LANGUAGE.search(piece) or re.search(r"(?i)\bin (?P<language>[A-Za-z]+)\b", piece)
        if m:
            language = m.group("language").title()
    translated = bool(language) and language.lower() != "english"
    if not notes and ("," not in label or _CREDIT.match(label)):
        return None  # no comma, no production notes: a direction, not a speaker
    if notes and not any(_GENDER_LANGUAGE.search(p) or _TRANSLATION_NOTE.match(p) for p in notes):
        if "," not in label:
            return None
    label = re.sub(r"\s*\((?:no name(?: given)?|name not given|unnamed)\)", "", label, flags=re.I)
    name, title = name_title_parts(label.split(","), spellings)
    if name and not title and not re.search(rf"{UPPER}{LOWER}+ {UPPER}", name):
        # "Moscow resident": a description, not a name.
        return LowerThird("", title_case(name)), language, translated
    if is_capitals(name):
        name = proper_case(name.split(), spellings, is_name=True)
    return LowerThird(name, title_case(title)), language, translated


def _paragraphs(clip: Clip) -> list[Clip]:
    """Paragraphs of the text between notes: lines joined up to a blank line, the page's
    clutter lines dropped. (Consecutive paragraphs of one kind may be one segment.)"""
    out: list[list[Clip]] = [[]]
    start = 0
    for part in clip.text.split("\n"):
        line = clip[start:start + len(part)]
        start += len(part) + 1
        if not part.strip():
            out.append([])
        elif not _CLUTTER.match(part):
            out[-1].append(line.strip())
    return [Clip.join(lines) for lines in out if lines]


def parse(text: str) -> Report:
    script = Clip.of(text)
    meta: dict[str, str] = {}
    spellings = Spellings.from_text(_BLOCK.sub(" ", text))
    items: list[tuple[str, object]] = []  # ("note", str) / ("copy", Clip) / ("text", Clip)
    last = 0
    for m in _BLOCK.finditer(text):
        items.append(("text", script[last:m.start()]))
        if m.group("note") is not None:
            items.append(("note", m.group("note")))
        else:
            items.append(("copy", script[m.start("copy"):m.end("copy")]))
        last = m.end()
    items.append(("text", script[last:]))

    mode: str | None = None  # None before the first direction: the page header
    speaker: tuple[LowerThird, str | None, bool] | None = None
    pending: list[tuple[str, Clip, tuple | None]] = []  # (mode, paragraph, speaker)
    warnings: list[str] = []
    for kind, item in items:
        if kind == "note":
            note = str(item)
            data = _metadata(note)
            if data is not None:
                meta.update(data)
                continue
            new_mode = _mode(note)
            if new_mode:
                # ((TAKE SOT)) after the speaker's marker keeps the speaker.
                speaker = speaker if new_mode == mode == "soundbite" else None
                mode = new_mode
                continue
            found = _speaker(note, spellings)
            if found:
                mode, speaker = "soundbite", found
            elif not _CREDIT.match(note.strip()) and not re.search(r"(?i)do not publish", note):
                warnings.append(f"production note (({note.strip()})) not recognised; read as a note, not speech")
            continue
        if kind == "copy":
            clip = item
            if re.match(r"\s*(?:RADIO|WEB|ONLINE|SOCIAL)\b", clip.text, re.I):
                continue  # another medium's version
            for para in _paragraphs(clip):
                pending.append(("tag" if mode not in (None, "intro") else "intro", para, None))
            continue
        if mode in (None, "skip"):
            continue  # the page header, a teaser, a radio version
        for para in _paragraphs(item):
            pending.append((mode, para, speaker))

    correspondent = meta.get("BYLINE") or meta.get("REPORTER") or meta.get("CORRESPONDENT") or None
    location = meta.get("DATELINE") or meta.get("LOCATION") or None
    title = meta.get("HEADLINE") or meta.get("TITLE") or meta.get("PLAYBOOK SLUG") or meta.get("SLUG") or ""
    network = meta.get("NETWORK") or meta.get("SERVICE") or None
    intro = " ".join(p.text for m, p, _ in pending if m == "intro")
    if not correspondent or not location:
        named, place = common.correspondent_from_intro(intro)
        correspondent, location = correspondent or named, location or place

    # The sign-off: what follows ((SIGNOFF)), or the end of the correspondent's last words.
    signoff = None
    spoken = [i for i, (m, _, _) in enumerate(pending) if m in ("narration", "standup", "signoff")]
    if spoken:
        i = spoken[-1]
        m, para, who = pending[i]
        found = common.find_signoff(para.text)
        if m == "signoff" or found:
            signoff = found
            start = found.start if found else 0
            if start:
                pending[i] = (m, para[:start], who)
                pending.insert(i + 1, ("signoff", para[start:], None))
            else:
                pending[i] = ("signoff", para, None)
    if signoff:
        network = network or signoff.network
        location = location or signoff.location
        if not correspondent and " " in signoff.initials:
            correspondent = signoff.initials

    kinds = {"intro": Kind.ANCHOR_INTRO, "tag": Kind.ANCHOR_INTRO, "narration": Kind.NARRATION,
             "standup": Kind.STANDUP, "signoff": Kind.SIGNOFF, "soundbite": Kind.SOUNDBITE}
    segments: list[Segment] = []
    for m, para, who in pending:
        kind = kinds[m]
        lt, language, translated = who if who else (None, None, False)
        if kind is Kind.SOUNDBITE and lt and correspondent and lt.name.lower() == correspondent.lower():
            kind = Kind.STANDUP
        if kind is Kind.STANDUP:
            lt = LowerThird(correspondent or (lt.name if lt else ""), location or (lt.title if lt else ""))
        # A bite under the correspondent's own marker is a stand-up, still quoted like a bite.
        segment = common.make_segment(kind, para, speaker=lt, unquote=m == "soundbite",
                                      language=language, translated=translated)
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
