"""Agency shot lists (news agency and broadcaster feeds):

    Headline
    Moscow, Russia - May 8, 2025 (CGTN - No access Chinese mainland)
    1. Wide of station concourse
    2. SOUNDBITE (Russian) Andrei Voronin, deputy head, Moscow Metro construction department:
    "We opened three stations this morning ..."
    3. SOUNDBITE (Russian) Resident of Moscow (no name given):
    "..."
    STORYLINE:
    Background for the writer ...

What is spoken is the soundbites (and an anchor lead-in where the feed suggests one). Shot
descriptions, datelines, restrictions and the STORYLINE block are for the newsroom, not for
air: they never become segment text. A bite in another language than English is marked as
translated; `(no name given)` makes a vox pop, its description the lower-third's title.
"""

from __future__ import annotations

import re

from broadcast.model import Kind, LowerThird, Report, Segment
from broadcast.segment import common
from broadcast.segment.common import Clip
from broadcast.segment.supers import UPPER, Spellings, is_acronym, is_capitals, speaker_label, title_case

NAME = "agency"

_MONTH = r"(?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[A-Za-z]*\.?"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d\d-\d\d|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
# `Moscow, Russia - May 8, 2025 (CGTN - No access Chinese mainland)`, and the capitals form
# `SHOWS: SOCHI, RUSSIA (NOVEMBER 22, 2017) (REUTERS - ACCESS ALL)`.
DATELINE = re.compile(
    rf"^\s*(?:SHOWS:\s*)?(?P<place>{UPPER}[^\n()]{{0,80}}?)\s*(?:[-\u2013\u2014,]\s*(?:[A-Z][a-z]+day,?\s+)?"
    rf"(?P<date>{_DATE})|\((?:[A-Z]+DAY,?\s+)?(?P<date2>{_DATE})\))"
    rf"\s*(?:\((?P<source>[^)\n]*)\))?\s*(?:\[[^\]\n]*\])?\s*$")
_SHOT = re.compile(r"^\s*(?P<number>\d{1,3})[.)]\s+(?:\(?\d{1,2}:\d\d(?::\d\d)?\)?\s+)?(?P<rest>.*)$")
_BITE = re.compile(
    r"^\s*(?:\d{1,3}[.)]\s+)?(?:\(?\d{1,2}:\d\d(?::\d\d)?\)?\s+)?\(?(?P<what>SOUNDBITES?|SOT|UPSOUND|VOX POPS?|"
    r"SOUNDBITE/VOX POP)\)?\s*:?\s*(?:\((?P<lang>[^)\n]*)\))?\s*:?\s*(?P<who>[^\n]*?)\s*:\s*(?P<rest>[^\n]*)$")
_HEADER = re.compile(
    r"^\s*(?P<key>STORYLINE|STORY|SHOTLIST|SHOT LIST|SHOTS|RESTRICTIONS?|DURATION|SOURCE|AUDIO|"
    r"LANGUAGE|LENGTH|DATELINE|DATE|LOCATION|CATEGORY|TYPE|KEYWORDS|SLUG|HEADLINE|TITLE|REPORTER|BYLINE|"
    r"REPORTED BY|CAMERA|PRODUCER|EDITOR|ACCESS|CREDIT|TRANSCRIPT|LEAD[- ]IN|INTRO|SUGGESTED INTRO|"
    r"ANCHOR INTRO|ANCHOR LEAD|NOTE|EDITORS?'? NOTE|STORY NUMBER)\s*:\s*(?P<value>.*)$", re.IGNORECASE)
_INTRO_KEYS = {"lead-in", "lead in", "intro", "suggested intro", "anchor intro", "anchor lead"}
_TRANSLATED_NOTE = re.compile(r"^\s*\"?\s*(?P<note>\((?:english )?(?:translation|translated|interpreted|voice ?over)\)\s*)",
                              re.I)


def score(text: str) -> float:
    lines = text.split("\n")
    bites = sum(1 for line in lines if _BITE.match(line))
    shots = sum(1 for line in lines if _SHOT.match(line))
    datelines = sum(1 for line in lines if DATELINE.match(line))
    storyline = any(re.match(r"\s*STORYLINE\s*:", line, re.I) for line in lines)
    return 3 * bites + shots + 2 * datelines + (4 if storyline else 0)


def _is_structure(text: str) -> bool:
    return bool(_SHOT.match(text) or _BITE.match(text) or DATELINE.match(text) or _HEADER.match(text))


def _closed(clips: list[Clip]) -> bool:
    """The bite so far is a quotation whose last line closes it."""
    return _quoted(clips) and clips[-1].text.rstrip().endswith(('"', '".', '",'))


def _quoted(clips: list[Clip]) -> bool:
    return clips[0].text.lstrip().startswith('"')


def _cased(words: str) -> str:
    """`SOCHI` as Sochi, `REUTERS` as Reuters; a network's acronym (CGTN, AP) stays."""
    if is_capitals(words) and not is_acronym(words):
        return title_case(words)
    return words


def _continued(clips: list[Clip], line: Clip) -> Clip:
    """A line of a bite; a quote mark reopening a quotation that never closed (each paragraph
    of a long quote opens with one) is markup, dropped."""
    text = line.text.lstrip()
    if clips and text.startswith('"') and sum(c.text.count('"') for c in clips) % 2 == 1:
        lead = len(line.text) - len(text)
        return line[lead + 1:]
    return line


def parse(text: str) -> Report:
    lines = common.lines(text)
    title = ""
    first_lines: list[str] = []  # before the first structure: a slug, a headline, the feed's name
    network = location = correspondent = None
    anchor_blocks: list[list[Clip]] = []
    bites: list[tuple[re.Match, list[Clip]]] = []
    state = "start"  # start, shots, bite, storyline, intro
    for line in lines:
        raw = line.text
        stripped = raw.strip()
        bite = _BITE.match(raw)
        header = _HEADER.match(raw) if not bite else None
        dateline = DATELINE.match(raw) if not (bite or header) else None
        shot = _SHOT.match(raw) if not (bite or header or dateline) else None
        if bite:
            bites.append((bite, []))
            if bite.group("rest").strip():
                bites[-1][1].append(line[bite.start("rest"):bite.end("rest")])
            state = "bite"
        elif header:
            key = header.group("key").lower()
            value = header.group("value").strip()
            if key in _INTRO_KEYS:
                anchor_blocks.append([line[header.start("value"):header.end("value")]] if value else [])
                state = "intro"
            elif key in ("storyline", "story"):
                state = "storyline"
            else:
                if key in ("headline", "title", "slug") and value and not title:
                    title = value
                elif key in ("reporter", "byline", "reported by") and value:
                    correspondent = correspondent or value
                elif key in ("location", "dateline") and value:
                    place = DATELINE.match(value)
                    place = place.group("place") if place else re.split(r"\s+[-\u2013\u2014]\s+", value)[0]
                    location = location or place.split(",")[0].strip()
                elif key == "source" and value:
                    network = network or value
                state = "shots" if key in ("shotlist", "shot list", "shots") else state
        elif dateline:
            location = location or _cased(dateline.group("place").split(",")[0].strip())
            source = dateline.group("source")
            if source and not network:
                network = _cased(re.split(r"\s+[-\u2013\u2014/]\s*|,", source)[0].strip()) or None
            state = "shots"
        elif shot:
            state = "shots"
        elif not stripped:
            # A blank line ends a bite that is closed or was never quoted.
            if state == "bite" and bites[-1][1] and (_closed(bites[-1][1]) or not _quoted(bites[-1][1])):
                state = "shots"
        elif state == "bite":
            if bites[-1][1] and _closed(bites[-1][1]):
                state = "shots"  # an unnumbered shot line after a closed quote
            else:
                bites[-1][1].append(_continued(bites[-1][1], line))
        elif state == "intro":
            anchor_blocks[-1].append(line)
        elif state == "start":
            first_lines.append(stripped)
        # Anything else is a shot description, the storyline or page clutter: not spoken.

    # Names in the storyline and the shot descriptions show how the script spells them.
    spellings = Spellings.from_text("\n".join(line for line in text.split("\n") if not _BITE.match(line)))
    segments: list[Segment] = []
    for block in anchor_blocks:
        for para in common.unwrap(block):
            segment = common.make_segment(Kind.ANCHOR_INTRO, para)
            if segment:
                segments.append(segment)
    warnings: list[str] = []
    for header, clips in bites:
        speaker, language, translated = _speaker(header, spellings)
        body = Clip.join([c.strip() for c in clips if c.text.strip()])
        note = _TRANSLATED_NOTE.match(body.text)
        if note:
            body, translated = Clip.concat([body[:note.start("note")], body[note.end():]]), True
        segment = common.make_segment(Kind.SOUNDBITE, body, speaker=speaker, unquote=True,
                                      language=language, translated=translated)
        if segment:
            segments.append(segment)
        else:
            warnings.append(f"soundbite {header.group(0).strip()!r} has no words under it")
    return Report(
        title=title or next((t for t in first_lines if not is_capitals(t)), first_lines[0] if first_lines else ""),
        tags=(),
        network=network,
        correspondent=correspondent,
        location=location,
        segments=tuple(segments),
        convention=NAME,
        warnings=tuple(warnings),
    )


def _speaker(header: re.Match, spellings: Spellings) -> tuple[LowerThird | None, str | None, bool]:
    """The lower-third, language and translation of `SOUNDBITE (Russian) Name, title:`.

    Natural sound (UPSOUND) and a bite with no one named carry no lower-third."""
    lang = (header.group("lang") or "").strip()
    language = None
    if lang and not re.search(r"(?i)no dialogue|nat|natural|sound|music|silent", lang):
        language = re.split(r"[/,;]| and ", lang)[0].strip().title() or None
    translated = bool(language) and language.lower() != "english"
    who = header.group("who").strip()
    if not who or header.group("what").upper() == "UPSOUND":
        return None, language, translated
    return speaker_label(who, spellings), language, translated
