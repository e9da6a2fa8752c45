"""Office documents to script text: a Word `.docx` read as the plain text a script file holds,
and a clear refusal for every other document a newsroom might send instead.

A `.docx` is a zip holding `word/document.xml`. Its body is read in document order: each
paragraph is one line (its runs joined, formatting dropped, a soft line break a newline, a
tab a tab); text in tracked insertions, content controls, fields and hyperlinks is text like
any other, deleted and moved-away text is not; a text box follows the paragraph it sits in.
A table of two columns is a two-column script: each row's picture cell becomes bracketed
direction notes `((...))` and its sound cell the lines that are read, so that the segmenter
reads one as notes and the other as speech. Headers, footers, comments and footnotes are
page furniture and are left out.

python-docx opens the package (zip, relationships, the main part); the walk over the body
is done here because its `Paragraph.text` skips insertions, content controls and fields, and
drops page breaks, gluing the words either side of one.
"""

from __future__ import annotations

import io
import re
import zipfile

from broadcast.errors import UnusableInput

ZIP_MAGIC = b"PK\x03\x04"
#: an OLE compound file: a Word 97-2003 document, or any Office document with a password
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAIN_PART = "word/document.xml"
#: the body of a script is a few hundred kilobytes of XML at most; a far larger one is a zip
#: bomb or a book, and would be unpacked into memory whole
MAX_BODY_BYTES = 64_000_000

# Words of a two-column script's header row, bare and in capitals.
PICTURE_HEADINGS = frozenset({"VIDEO", "PICTURES", "PICTURE", "VISION", "VISUALS", "SHOTS", "IMAGES"})
SOUND_HEADINGS = frozenset({"AUDIO", "SOUND", "SCRIPT", "COPY"})

# Zips that are documents of another kind, by a part only they hold.
_OTHER_ZIPS = (
    ("xl/workbook.xml", "an Excel workbook (.xlsx)"),
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx)"),
    ("content.xml", "an OpenDocument file (.odt)"),
)


def is_office_file(data: bytes) -> bool:
    """A zip archive or an OLE compound file: a document to open, not text to decode."""
    return data.startswith(ZIP_MAGIC) or data.startswith(OLE_MAGIC)


def document_text(data: bytes) -> str:
    """The script text of a `.docx`; UnusableInput, in one line, for any other office file."""
    if data.startswith(OLE_MAGIC):
        # An encrypted .docx (or .xlsx) is an OLE file holding an `EncryptedPackage` stream.
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise UnusableInput("the file is a password-protected document; save it again without "
                                "the password, or save the script as plain text (.txt)")
        raise UnusableInput("the file is binary, a Word 97-2003 document (.doc); save the script "
                            "as .docx or as plain text (.txt)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise UnusableInput("the file is a damaged zip archive or .docx document (cut short?); "
                            "save the script again, or as plain text (.txt)") from None
    if MAIN_PART not in names:
        what = next((w for part, w in _OTHER_ZIPS if part in names), "a zip archive, not a Word .docx")
        raise UnusableInput(f"the file is binary, {what}; save the script as plain text (.txt)")
    if archive.getinfo(MAIN_PART).file_size > MAX_BODY_BYTES:
        raise UnusableInput(f"the document's text is over {MAX_BODY_BYTES // 1_000_000} MB "
                            f"unpacked; that is not a script")
    return "\n".join(_body_lines(_open(data)))


def _open(data: bytes):
    """The body element of the main document part."""
    import docx
    try:
        return docx.Document(io.BytesIO(data)).element.body
    except ValueError as exc:
        if "content type" in str(exc):  # python-docx's word for a .docm or a template
            raise UnusableInput("the file is a Word document of another kind (.docm or .dotx?); "
                                "save it as .docx or as plain text (.txt)") from None
        raise UnusableInput(_DAMAGED) from None
    # python-docx meets a broken package (parts missing, XML cut short or of the wrong shape)
    # with whatever its parser or its element classes raise; the file is at fault, whichever.
    except Exception:
        raise UnusableInput(_DAMAGED) from None


_DAMAGED = ("the file is a damaged .docx document; open it in Word and save it again, or save "
            "the script as plain text (.txt)")


# --- the body, block by block ---------------------------------------------------------------

_NAMESPACES = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
               "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}


def _qn(tag: str) -> str:
    """`w:p` as lxml names it, `{namespace}p`."""
    prefix, name = tag.split(":")
    return f"{{{_NAMESPACES[prefix]}}}{name}"


def _body_lines(container) -> list[str]:
    """The lines of a body, table cell, content control or text box, in document order."""
    lines: list[str] = []
    for child in container.iterchildren():
        tag = child.tag
        if tag == _qn("w:p"):
            lines.extend(_paragraph_lines(child))
        elif tag == _qn("w:tbl"):
            lines.extend(_table_lines(child))
        elif tag == _qn("w:sdt") and child.find(_qn("w:sdtContent")) is not None:
            lines.extend(_body_lines(child.find(_qn("w:sdtContent"))))
        elif tag == _qn("w:customXml"):
            lines.extend(_body_lines(child))
        # w:sectPr, bookmarks and the like carry no text
    return lines


# Inline containers whose text is not part of the paragraph as it now reads.
_SKIPPED = ("w:del", "w:moveFrom", "mc:Fallback", "w:pPr", "w:rPr")


_RUN_CHARACTERS = {_qn("w:tab"): "\t", _qn("w:ptab"): "\t", _qn("w:br"): "\n", _qn("w:cr"): "\n",
                   _qn("w:noBreakHyphen"): "-"}


def _paragraph_lines(p) -> list[str]:
    """A paragraph as one line (soft breaks inside it make more), then its text boxes' lines."""
    text: list[str] = []
    boxes: list = []
    skipped = {_qn(t) for t in _SKIPPED}

    def walk(element) -> None:
        for child in element.iterchildren():
            if child.tag in skipped:
                continue
            if child.tag == _qn("w:r"):
                text.append(_run_text(child))
                boxes.extend(_text_boxes(child))
            else:
                walk(child)

    walk(p)
    lines = "".join(text).split("\n")
    for box in boxes:
        lines.extend(_body_lines(box))
    return lines


def _run_text(run) -> str:
    """A run's text: a tab a tab, any break a new line (a page or column break too, so the
    words either side of it stay apart), a non-breaking hyphen a hyphen."""
    out = []
    for child in run.iterchildren():
        if child.tag == _qn("w:t"):
            out.append(child.text or "")
        elif child.tag in _RUN_CHARACTERS:
            out.append(_RUN_CHARACTERS[child.tag])
    return "".join(out)


def _text_boxes(run) -> list:
    """The outermost text boxes drawn in a run (the modern drawing, not its VML fallback)."""
    found = []
    for box in run.iter(_qn("w:txbxContent")):
        outer, inside = box.getparent(), False
        while outer is not None and outer is not run:
            if outer.tag in (_qn("mc:Fallback"), _qn("w:txbxContent")):
                inside = True
                break
            outer = outer.getparent()
        if not inside:
            found.append(box)
    return found


# --- tables -----------------------------------------------------------------------------------

def _rows(tbl) -> list[list[list[str]]]:
    """A table's rows, each a list of its cells, each cell its lines (merged cells once)."""
    rows = []
    for tr in tbl.xpath("./w:tr | ./w:sdt/w:sdtContent/w:tr | ./w:customXml/w:tr"):
        cells = tr.xpath("./w:tc | ./w:sdt/w:sdtContent/w:tc | ./w:customXml/w:tc")
        rows.append([_body_lines(tc) for tc in cells])
    return rows


def _table_lines(tbl) -> list[str]:
    """A two-column table as a two-column script; any other table row by row, cell by cell."""
    rows = _rows(tbl)
    sound = _sound_column(rows)
    if sound is None:
        return [line for row in rows for line in _row_lines(row)]
    lines = [""]
    for row in rows:
        if len(row) != 2:  # a row merged across the page: a heading, or copy, as typed
            lines.extend(_row_lines(row))
        elif _heading_row(row) is not None:
            lines.append(_note(" / ".join(" ".join(_words(cell)) for cell in row)))
        else:
            lines.extend(_note(line) for line in row[1 - sound] if line.strip())
            lines.extend(row[sound])
    return lines + [""]


def _row_lines(row: list[list[str]]) -> list[str]:
    """A row of a table that is no script: one line, its cells apart by a tab, as Word saves
    a table as text (`SLUG: | FLOODS` reads `SLUG: FLOODS`); cells of several lines in turn."""
    if all(len(cell) <= 1 for cell in row):
        return ["\t".join(cell[0] if cell else "" for cell in row).strip()]
    return [line for cell in row for line in cell]


def _words(lines: list[str]) -> list[str]:
    return " ".join(lines).split()


def _heading_row(row: list[list[str]]) -> int | None:
    """Which column a `VIDEO | AUDIO` (`PICTURES | SOUND`) heading row names as sound."""
    heads = [_bare(cell) for cell in row]
    for sound in (0, 1):
        if heads[sound] in SOUND_HEADINGS and heads[1 - sound] in PICTURE_HEADINGS:
            return sound
    return None


def _bare(lines: list[str]) -> str:
    return re.sub(r"[\W_]+", " ", " ".join(lines)).strip().upper()


_PROSE_WORD = re.compile(r"[^\W\d_]*[a-z\u00df-\u00ff][^\W\d_]*")


def _sound_column(rows: list[list[list[str]]]) -> int | None:
    """The column read aloud in a table of two columns: the one a heading row names, else the
    one with more words of prose (lower-case words: shot lists are capitals, codes and times),
    else, in a script typed all in capitals, the one with more words; None when the table is
    not a two-column script (other widths, a form of labels, or no prose and no heading)."""
    if not rows or max(len(row) for row in rows) != 2:
        return None
    pairs = [row for row in rows if len(row) == 2]
    for row in pairs:
        named = _heading_row(row)
        if named is not None:
            return named
    if 2 * sum(1 for row in pairs if _is_label(row[0])) >= len(pairs):
        return None  # `Slug: | Harbour bridge`, `Reporter: | Sam Patel`: a form, not a script
    prose = [sum(len(_PROSE_WORD.findall(" ".join(row[c]))) for row in pairs) for c in (0, 1)]
    if prose[0] != prose[1]:
        return 0 if prose[0] > prose[1] else 1
    words = [sum(len(_words(row[c])) for row in pairs) for c in (0, 1)]
    # Capitals only: a column of sentences (several words a cell) against one of labels.
    sentences = [sum(1 for row in pairs if len(_words(row[c])) >= 6) for c in (0, 1)]
    if sentences[0] == sentences[1] == 0 or words[0] == words[1]:
        return None
    return 0 if words[0] > words[1] else 1


def _is_label(cell: list[str]) -> bool:
    """A cell that names the field beside it: `Slug:`, `REPORTER`, `Pkg TRT:`."""
    from broadcast.segment.vocabulary import bare, metadata_keys
    text = " ".join(cell).strip()
    return len(cell) == 1 and len(text.split()) <= 4 and (text.endswith(":") or bare(text) in metadata_keys())


def _note(text: str) -> str:
    """A picture-column line as a direction note; one already in brackets stays as typed."""
    stripped = text.strip()
    if re.fullmatch(r"\(.*\)|\[.*\]|\{.*\}", stripped):
        return stripped
    return f"(({stripped}))"
