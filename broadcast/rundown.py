"""A file holding several stories of a rundown: where one story ends and the next begins, and
the rundown's summary (story, slug, form, running time, total).

A boundary is taken only where it is plain: an end mark alone on its line (`##`, `-30-`,
`ENDS`, ...) followed by a new story's header, a block of header lines (`SLUG:`, `STATION:`,
`WRITER:`, ...) holding a slug or title, or two header fields at least. A slug with no end
mark before it, or an end mark with more copy after it and no header, is not split on (a
story may carry a slug twice, or a note after its end) but said in a warning. The stories
cover the file end to end: what comes before the first slug belongs to the first story,
the blank lines after an end mark to the story it ends.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass

from broadcast.prompter import format_duration, whole_seconds
from broadcast.segment import vocabulary as vocab


@dataclass(frozen=True)
class Story:
    """One story of a rundown file."""

    #: 1 for the first story of the file
    number: int
    #: the slug as typed (`PAIPORTA FLOODS`), the title when there is no slug; None if neither
    slug: str | None
    text: str
    #: where `text` lies in the file's text
    span: tuple[int, int]

    def stem(self, file_stem: str) -> str:
        """The stem of this story's outputs: `STEM-NN-SLUG`."""
        return f"{file_stem}-{self.number:02d}-{file_slug(self.slug)}"


@dataclass(frozen=True)
class Rundown:
    stories: tuple[Story, ...]
    #: where a boundary looked likely but was not plain enough to split on, and the count found
    warnings: tuple[str, ...] = ()


_HEADER_FIELDS = ("slug", "title")


def split(text: str) -> Rundown:
    """The stories of a script file; a file of one story is one Story spanning all of it."""
    lines = _lines(text)
    fields = [_field(text, start, end) for start, end, _ in lines]
    first_lines, warnings = [0], []
    for i, (_, _, line) in enumerate(lines):
        if not _is_end_mark(line):
            continue
        header, copy_after = _header_after(lines, fields, i + 1)
        if _opens_story(header):
            first_lines.append(i + 1)
        elif copy_after > 1 and not _goes_on(lines, i + 1):
            # a line after the end (a page footer, a note) is no story
            warnings.append(f"line {i + 1}: an end mark ({line.strip()}) with more copy after it "
                            f"and no new SLUG: line; read as one story")
    stories = []
    for number, (first, stop) in enumerate(zip(first_lines, first_lines[1:] + [len(lines)]), 1):
        found = [f for f in fields[first:stop] if f and f[1]]
        slug = next((value for want in _HEADER_FIELDS for field, value in found if field == want), None)
        start, end = lines[first][0], lines[stop][0] if stop < len(lines) else len(text)
        stories.append(Story(number, slug, text[start:end], (start, end)))
    warnings.extend(_unsplit_slugs(lines, fields, first_lines))
    if len(stories) > 1:
        at = ", ".join(str(first) for first in first_lines[1:])  # the end mark: the line before, from 1
        marks = "end mark on line" if len(stories) == 2 else "end marks on lines"
        warnings.append(f"{len(stories)} stories found in this file ({marks} {at})")
    return Rundown(tuple(stories), tuple(warnings))


def file_slug(slug: str | None) -> str:
    """A slug as a file name part: lower case, letters and digits, hyphens between words,
    accents dropped (`Paiporta: Inundación` -> `paiporta-inundacion`); `story` when none."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", slug or "") if not unicodedata.combining(c))
    name = re.sub(r"[\W_]+", "-", plain.lower()).strip("-")[:40].rstrip("-")
    return name or "story"


# --- lines and header fields -----------------------------------------------------------------

def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of every line."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def _is_end_mark(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 24:  # the longest, `((END OF SCRIPT))`, is 17
        return False
    bare = vocab.bare(stripped)
    # `##` is all edge characters, bare of which nothing is left
    return bool(bare and bare in vocab.words("end_marks")) or set(stripped) == {"#"}


def _field(text: str, start: int, end: int) -> tuple[str, str] | None:
    """(field, value) of a header line `SLUG: PAIPORTA FLOODS`, or None."""
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    m = vocab.metadata_key_pattern().match(text, start + lead, end)
    if m is None:
        return None
    return vocab.metadata_keys()[vocab.bare(m.group("key"))], text[m.end():end].strip()


def _header_after(lines, fields, first: int) -> tuple[list[str], int]:
    """The fields of the header block starting at line `first` (blank lines between fields
    allowed), and how many lines of other copy follow it before the next end mark."""
    header, copy = [], 0
    for i in range(first, len(lines)):
        line, found = lines[i][2], fields[i]
        if not line.strip():
            continue
        if _is_end_mark(line):
            break
        if found and not copy:
            header.append(found[0])
        else:
            copy += 1
    return header, copy


def _goes_on(lines, first: int) -> bool:
    """The copy after an end mark is the same story's: the anchor's tag or back-announcement
    after the package's `ENDS` (`BACK ANNO:`, `ANCHOR TAG:`)."""
    from broadcast.segment.lexer import mode_of
    following = next((line for _, _, line in lines[first:] if line.strip()), "")
    return mode_of(following.split(":")[0]) == "tag"


def _opens_story(fields: list[str]) -> bool:
    return any(f in _HEADER_FIELDS for f in fields) or len(fields) >= 2


def _unsplit_slugs(lines, fields, first_lines: list[int]) -> list[str]:
    """Warnings for a slug line that follows a slug and then copy, with no end mark between
    (a slug typed twice in a header, or a title line above it, is no new story)."""
    out, story = [], 0
    slugged = seen_copy = False
    for i, ((_, _, line), found) in enumerate(zip(lines, fields)):
        if story + 1 < len(first_lines) and i >= first_lines[story + 1]:
            story += 1
            slugged = seen_copy = False
        if not line.strip():
            continue
        if found and found[0] == "slug":
            if seen_copy:
                out.append(f"line {i + 1}: a new SLUG: line with no end mark (##) before it; read "
                           f"as part of story {story + 1}; end each story with ## to build the "
                           f"stories one by one")
            slugged, seen_copy = True, False
        elif found is None and slugged and not _is_end_mark(line):
            seen_copy = True
    return out


# --- the summary -------------------------------------------------------------------------------

@dataclass(frozen=True)
class StoryRun:
    """A built story as the rundown summary lists it."""

    number: int
    slug: str | None
    stem: str
    #: reader, vo, vo-sot, package (the Report's form); None when the script does not show it
    form: str | None
    #: the running time of the built story, in ms
    duration: int
    #: the running time the script states, in ms
    stated: int | None = None


def summary_text(source: str, runs: list[StoryRun]) -> str:
    """The rundown as a table of plain text: a row per story, then the total (whole seconds
    that add up, as a running order counts)."""
    rows = [("#", "SLUG", "FORM", "TIME", "STATED", "FILES")]
    for run in runs:
        rows.append((f"{run.number:02d}", run.slug or "-", run.form or "-",
                     format_duration(whole_seconds(run.duration)),
                     format_duration(whole_seconds(run.stated)) if run.stated is not None else "-",
                     f"{run.stem}.*"))
    total = sum(whole_seconds(run.duration) for run in runs)
    rows.append(("", "TOTAL", "", format_duration(total), "", ""))
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
    table = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    return f"RUNDOWN {source}: {len(runs)} stories\n\n" + "\n".join(table) + "\n"


def summary_json(source: str, runs: list[StoryRun]) -> str:
    stories = [{"story": run.number, "slug": run.slug, "stem": run.stem, "form": run.form,
                "duration_ms": run.duration, "stated_trt_ms": run.stated,
                "running_time": format_duration(whole_seconds(run.duration))} for run in runs]
    total = sum(whole_seconds(run.duration) for run in runs)
    return json.dumps({"source": source, "stories": stories, "total_seconds": total,
                       "total": format_duration(total)}, ensure_ascii=False, indent=2) + "\n"
