"""DO NOT PUBLISH: names a script marks for withholding (a reporter's or a witness's safety).

The marks a script uses, in any convention:

    DO NOT PUBLISH: Julia Lyubova                   a line of its own (also with NAME, or a reason)
    ((DO NOT PUBLISH NAME: Julia Lyubova))          a production note; [[...]] and (...) the same
    JULIA LYUBOVA (DO NOT PUBLISH) MOSCOW "..."     the mark right after the name, in a super,
    AHMAD KHALIL (DO NOT PUBLISH), RESIDENT: ...    a turn label, a SOUNDBITE line, a byline
    BYLINE: Julia Lyubova - DO NOT PUBLISH          or after a dash
    ((DO NOT PUBLISH REPORTER'S NAME))              the correspondent, whoever the script names

The mark itself is blanked out of the script before a convention reads it (its offsets kept,
so spans still point into the script), and after reading, every form of the name (in full,
in capitals, any part of it alone, the initials of a sign-off) is replaced in every field of
the Report. Nothing downstream ever sees it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from broadcast.model import Kind, LowerThird, Report, Segment
from broadcast.segment.supers import PARTICLES, SMALL_WORDS, UPPER, is_titleish

PLACEHOLDER = "[name withheld]"

_MARK = re.compile(r"(?i:do\s+not\s+publish)|NOT\s+FOR\s+PUBLICATION")
_OPEN = re.compile(r"(\(\(|\[\[|\(|\[)\s*$")
_CLOSE = {"((": "))", "[[": "]]", "(": ")", "[": "]"}
_NAME_WORD = rf"(?:{UPPER}[\w'.-]*|(?:al|el|bin|ibn|de|van|von|da|du|der|den)(?:-[\w'-]+)?)"
_NAME_BEFORE = re.compile(rf"(?:{_NAME_WORD}[ \t]+){{0,4}}{UPPER}[\w'.-]*$")
_REPORTER = re.compile(r"(?i)\b(?:reporter|correspondent|byline|journalist|producer)")
_HONORIFICS = frozenset("mr mrs ms miss dr prof sir dame lord lady sheikh".split())


@dataclass(frozen=True)
class Withheld:
    """What the marks ask: names to withhold and whether the correspondent is one of them."""

    names: tuple[str, ...]
    correspondent: bool
    masked: str  # the script with every mark blanked, offsets unchanged
    unnamed_marks: int  # marks where no name could be found


def _names_in(listing: str) -> list[str]:
    """`Ahmad Khalil, Mariam Haddad and Omar`: the parts that read as names, not as titles."""
    listing = re.split(r"\s[A-Z][A-Z/ ]+:", " " + listing)[0]  # the next KEY: of a metadata block
    listing = re.sub(r"\([^)]*\)?|\s[-\u2013\u2014]\s.*$", " ", listing)
    out = []
    for part in re.split(r",|;|\band\b|&|/", listing):
        words = part.strip(" .'\"").split()
        if words and len(words) <= 5 and all(re.fullmatch(_NAME_WORD, w) for w in words) \
                and not is_titleish(words):
            out.append(" ".join(words))
    return out


_NOTE = re.compile(r"(?i)\b(?:male|female|original|voice|translat\w*|in [a-z]+)\b")


def _name_before(prefix: str) -> str | None:
    """The name a mark follows: the words just before it, or, when those are a title or a
    production note (`AHMAD KHALIL, RESIDENT OF ALEPPO (DO NOT PUBLISH)`,
    `((Ahmad Khalil, resident - MALE IN ARABIC - DO NOT PUBLISH))`), the label's first part."""
    label = re.split(r"[:()\[\]\"]", prefix)[-1].rstrip(" ,-\u2013\u2014")
    parts = [p.strip() for p in re.split(r",|\s[-\u2013\u2014]+\s", label) if p.strip()]
    for part in reversed(parts):
        near = _NAME_BEFORE.search(part)
        if not near or is_titleish(near.group(0).split()) or _NOTE.search(near.group(0)):
            continue
        before = part[:near.start()].split()
        # "resident of Aleppo" is a title ending in a place; "correspondent Julia Lyubova" a name.
        if not before or before[-1].lower() not in SMALL_WORDS:
            return near.group(0).strip()
    return None


def _unclosed(suffix: str) -> int:
    """Length of `suffix` up to the first bracket it closes without opening (a note around it)."""
    depth = 0
    for i, c in enumerate(suffix):
        if c in "([":
            depth += 1
        elif c in ")]":
            if depth == 0:
                return i
            depth -= 1
    return len(suffix)


def find(script: str) -> Withheld:
    """The marks in a script and the script with them blanked out."""
    chars = list(script)
    names: list[str] = []
    correspondent = False
    unnamed = 0
    for m in _MARK.finditer(script):
        line_start = script.rfind("\n", 0, m.start()) + 1
        line_end = script.find("\n", m.end())
        line_end = len(script) if line_end < 0 else line_end
        prefix, suffix = script[line_start:m.start()], script[m.end():line_end]
        opened = _OPEN.search(prefix)
        close = _CLOSE[opened.group(1)] if opened else None
        start = line_start + opened.start() if opened else m.start()
        if close and close in suffix:
            inside = suffix.split(close)[0]
            end = m.end() + len(inside) + len(close)
        else:  # unbracketed: up to the close of a note around it, or the line's end
            inside = suffix[:_unclosed(suffix)]
            end = m.end() + len(inside)
        after = re.match(r"\s*(?P<what>[^:\n]{0,40}?)\s*(?::|\s[-\u2013\u2014]\s)(?P<names>.*)$", inside)
        found = _names_in(after.group("names")) if after else []
        if not found and not after:
            before = prefix[:opened.start()] if opened else re.sub(r"[-\u2013\u2014]+\s*$", "", prefix)
            name = _name_before(before) if before.strip() else None
            found = [name] if name else []
        if found:
            names.extend(found)
        elif _REPORTER.search(inside):
            correspondent = True
        else:
            unnamed += 1
        if re.fullmatch(r"\s*(?:[\w' ]{1,20}:)?\s*", script[line_start:start]) and not script[end:line_end].strip():
            start, end = line_start, line_end  # the mark is the whole line
        elif not (opened or found and after):
            start = start - len(prefix) + len(prefix.rstrip(" -\u2013\u2014"))  # "Name - DO NOT PUBLISH"
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return Withheld(tuple(dict.fromkeys(names)), correspondent, "".join(chars), unnamed)


class _Redactor:
    """Replaces every form of the withheld names in a string."""

    def __init__(self, names: list[str]):
        forms = set()
        self.initials = set()
        for name in names:
            words = name.split()
            forms.add(name)
            for word in words:
                for part in {word, *word.split("-")}:
                    part = part.strip(".'")
                    if len(part) >= 2 and part.lower() not in PARTICLES | _HONORIFICS:
                        forms.add(part)
            if len(words) >= 2:
                self.initials.add("".join(w[0] for w in words if w.lower() not in PARTICLES | _HONORIFICS).upper())
        ordered = sorted(forms, key=len, reverse=True)
        words = [r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", form)) for form in ordered]
        self.pattern = re.compile(r"(?<![\w])(?:" + "|".join(words) + r")(?![\w])", re.IGNORECASE) if words else None
        self.count = 0

    def __call__(self, text: str | None, *, signoff: bool = False) -> str | None:
        if text is None or self.pattern is None:
            return text

        def sub(m: re.Match) -> str:
            if not m.group(0)[0].isupper():
                return m.group(0)  # a common word in lower case ("rose", "hope"), not the name
            self.count += 1
            return PLACEHOLDER

        out = self.pattern.sub(sub, text)
        if signoff and self.initials:
            out = re.sub(r"^(\s*)(" + "|".join(map(re.escape, self.initials)) + r")\b",
                         lambda m: (self._counted() or m.group(1)) + PLACEHOLDER, out)
        return re.sub(rf"{re.escape(PLACEHOLDER)}(?:[\s-]+{re.escape(PLACEHOLDER)})+", PLACEHOLDER, out)

    def _counted(self) -> str:
        self.count += 1
        return ""


def redact(report: Report, withheld: Withheld) -> Report:
    """The report with every withheld name replaced, in every field."""
    names = list(withheld.names)
    if withheld.correspondent:
        names += [n for n in (report.correspondent,) if n]
        names += [s.speaker.name for s in report.segments if s.kind is Kind.STANDUP and s.speaker and s.speaker.name]
    warnings = list(report.warnings)
    if withheld.unnamed_marks:
        warnings.append(f"{withheld.unnamed_marks} DO NOT PUBLISH mark(s) name no one the segmenter could "
                        f"find; check the script by hand")
    if not names:
        return replace(report, warnings=tuple(warnings))
    scrub = _Redactor(names)

    def speaker(lt: LowerThird | None) -> LowerThird | None:
        if lt is None:
            return None
        name = scrub(lt.name)
        return LowerThird("" if PLACEHOLDER in name else name, scrub(lt.title))

    segments = tuple(
        Segment(s.kind, scrub(s.text, signoff=s.kind is Kind.SIGNOFF), s.span, speaker(s.speaker),
                s.language, s.translated)
        for s in report.segments
    )
    correspondent = scrub(report.correspondent)
    out = replace(
        report,
        title=scrub(report.title),
        tags=tuple(scrub(t) for t in report.tags),
        network=scrub(report.network),
        correspondent=None if correspondent and PLACEHOLDER in correspondent else correspondent,
        location=scrub(report.location),
        segments=segments,
        warnings=tuple(scrub(w) for w in warnings),
    )
    return replace(out, warnings=out.warnings + (
        f"a name marked DO NOT PUBLISH is withheld from every output ({scrub.count} place(s))",))
