"""Word scripts: a .docx read as script text (paragraphs in order, two-column tables), and
the one-line refusal of every other office file. The documents are made here with
python-docx, so no binary fixture is kept."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from hypothesis import given, settings
from hypothesis import strategies as st

from broadcast.documents import OLE_MAGIC, document_text
from broadcast.errors import UnusableInput
from broadcast.reading import read_script

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def two_column(rows, document=None):
    """A document holding one table, a row per (left, right) pair."""
    document = document or docx.Document()
    table = document.add_table(rows=len(rows), cols=2)
    for r, (left, right) in enumerate(rows):
        table.cell(r, 0).text, table.cell(r, 1).text = left, right
    return document


def test_paragraphs_in_order_runs_joined_formatting_dropped():
    document = docx.Document()
    document.add_paragraph("SLUG: PAIPORTA FLOODS")
    p = document.add_paragraph("ANCHOR:\tThe water ")
    p.add_run("came").bold = True
    run = p.add_run(" at night.")
    run.italic = True
    run.add_break()  # a soft line break (Shift+Enter)
    run.add_text("Nobody was")
    run.add_break(WD_BREAK.PAGE)  # the words either side of a page break stay apart
    run.add_text("ready.")
    document.add_paragraph("")
    document.add_paragraph("##")
    assert document_text(saved(document)) == \
        "SLUG: PAIPORTA FLOODS\nANCHOR:\tThe water came at night.\nNobody was\nready.\n\n##"
    # read as a script: the tab a space, like any text file's
    assert read_script(saved(document)).splitlines()[1] == "ANCHOR: The water came at night."


def test_headers_and_footers_are_left_out():
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "KXYZ 6PM SHOW page 1"
    document.sections[0].footer.paragraphs[0].text = "Printed 30/11 18:02 by desk"
    document.add_paragraph("ANCHOR: The council meets tonight.")
    assert document_text(saved(document)) == "ANCHOR: The council meets tonight."


def test_a_video_audio_table_is_a_two_column_script():
    document = docx.Document()
    document.add_paragraph("SLUG: MARKET FIRE")
    two_column([("VIDEO", "AUDIO"),
                ("WIDE OF MARKET\nCU CHARRED STALLS", "Traders came back at dawn to what was left."),
                ("(SOT)", "It was my father's stall before it was mine."),
                ("", "Nobody was hurt.")], document)
    document.add_paragraph("##")
    assert document_text(saved(document)).splitlines() == [
        "SLUG: MARKET FIRE", "",
        "((VIDEO / AUDIO))",
        "((WIDE OF MARKET))", "((CU CHARRED STALLS))", "Traders came back at dawn to what was left.",
        "(SOT)", "It was my father's stall before it was mine.",
        "Nobody was hurt.",
        "", "##"]


@pytest.mark.parametrize("heading", [("AUDIO", "VIDEO"), ("Sound:", "Pictures:"), ("SOUND", "VISION")])
def test_the_heading_row_says_which_column_is_spoken(heading):
    text = document_text(saved(two_column([heading, ("The bridge reopens on Monday.", "GVs BRIDGE")])))
    # the picture note first, as the row is seen, then the words read over it
    assert text.splitlines()[2:4] == ["((GVs BRIDGE))", "The bridge reopens on Monday."]


@pytest.mark.parametrize("sound", [0, 1])
def test_without_a_heading_the_column_of_prose_is_spoken(sound):
    rows = [("MS MAYOR AT PODIUM", "The mayor says the budget is balanced for the first time."),
            ("SOT :12", "We kept our promise, and we will keep the next one."),
            ("CG: Ana Lima / Mayor", "")]
    rows = [row if sound == 1 else row[::-1] for row in rows]
    lines = document_text(saved(two_column(rows))).splitlines()
    assert lines[1:-1] == ["((MS MAYOR AT PODIUM))",
                           "The mayor says the budget is balanced for the first time.",
                           "((SOT :12))", "We kept our promise, and we will keep the next one.",
                           "((CG: Ana Lima / Mayor))"]


def test_a_script_in_capitals_speaks_the_column_of_sentences():
    rows = [("THE FIRE STARTED JUST BEFORE MIDNIGHT IN THE BAKERY.", "WS FIRE"),
            ("CREWS FOUGHT IT FOR SIX HOURS.", "CU HOSE")]
    lines = document_text(saved(two_column(rows))).splitlines()
    assert lines[1:3] == ["((WS FIRE))", "THE FIRE STARTED JUST BEFORE MIDNIGHT IN THE BAKERY."]


@pytest.mark.parametrize("rows, lines", [
    ([("SLUG:", "HARBOUR STRIKE"), ("REPORTER:", "J. OKAFOR")],
     ["SLUG: HARBOUR STRIKE", "REPORTER: J. OKAFOR"]),
    # values in mixed case are no spoken copy: the labels say it is a form
    ([("Slug:", "Harbour strike"), ("Reporter", "Jo Okafor"), ("Status:", "Ready for the late bulletin")],
     ["Slug: Harbour strike", "Reporter Jo Okafor", "Status: Ready for the late bulletin"]),
])
def test_a_table_of_labels_is_read_row_by_row(rows, lines):
    assert read_script(saved(two_column(rows))).splitlines() == lines


def test_a_row_merged_across_a_two_column_script_is_read_as_typed():
    document = two_column([("VIDEO", "AUDIO"), ("", ""), ("WS HALL", "The hall was full by seven.")])
    table = document.tables[0]
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "TAKE PKG"
    assert document_text(saved(document)).splitlines()[1:] == \
        ["((VIDEO / AUDIO))", "TAKE PKG", "((WS HALL))", "The hall was full by seven."]


def test_subtitle_files_are_never_read_as_word_documents(tmp_path):
    """`check` reads subtitles: a .docx there is refused as before, in one line."""
    path = tmp_path / "story.srt"
    path.write_bytes(_document())
    run = subprocess.run([sys.executable, "-m", "broadcast", "check", str(path)], capture_output=True, text=True)
    assert run.returncode == 2 and "is not a subtitle file" in run.stderr and "Traceback" not in run.stderr


def test_a_table_of_three_columns_keeps_every_cell():
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    for c, word in enumerate(("10:02", "FLOODS", "Anchor reads the update.")):
        table.cell(0, c).text = word
    assert document_text(saved(document)) == "10:02\tFLOODS\tAnchor reads the update."


def test_tracked_changes_content_controls_and_text_boxes():
    document = docx.Document()
    body = document.element.body
    paragraph = document.add_paragraph("The vote was ")
    paragraph._p.append(parse_xml(f'<w:del {W} w:id="1" w:author="a"><w:r><w:delText>close</w:delText>'
                                  f'</w:r></w:del>'))
    paragraph._p.append(parse_xml(f'<w:ins {W} w:id="2" w:author="a"><w:r><w:t>unanimous</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(f'<w:r {W}><w:t>.</w:t></w:r>'))
    paragraph._p.append(parse_xml(f'<w:moveFrom {W} w:id="3" w:author="a"><w:r><w:t> Moved away.</w:t>'
                                  f'</w:r></w:moveFrom>'))
    body.insert(len(body) - 1, parse_xml(
        f'<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>ANCHOR TAG: More at eleven.</w:t></w:r></w:p>'
        f'</w:sdtContent></w:sdt>'))
    box = (f'<w:p {W} {MC}><w:r><w:t>CG:</w:t><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
           f'<w:txbxContent><w:p><w:r><w:t>Ana Lima / Mayor</w:t></w:r></w:p></w:txbxContent></w:drawing>'
           f'</mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Ana Lima / Mayor</w:t></w:r>'
           f'</w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
    body.insert(len(body) - 1, parse_xml(box))
    assert document_text(saved(document)).splitlines() == \
        ["The vote was unanimous.", "ANCHOR TAG: More at eleven.", "CG:", "Ana Lima / Mayor"]


words = st.text("abcdefghijklmnopqrstuvwxyzABCDEFGH", min_size=1, max_size=9)
lines = st.lists(words, min_size=1, max_size=6).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(lines.map(lambda line: ("p", line)),
                          st.lists(st.tuples(lines, lines), min_size=1, max_size=4).map(lambda r: ("t", r))),
                min_size=1, max_size=6))
def test_nothing_in_the_body_is_lost_or_reordered(blocks):
    """Every word of every paragraph and cell comes out once, paragraphs in order and each
    table row's cells together (picture then sound, or sound then picture)."""
    document = docx.Document()
    for kind, content in blocks:
        if kind == "p":
            document.add_paragraph(content)
        else:
            two_column(content, document)
    out = document_text(saved(document)).replace("((", " ").replace("))", " ").split()
    position = 0
    for kind, content in blocks:
        units = [content] if kind == "p" else [f"{a} {b}" for a, b in content]
        for unit in units:
            want = unit.split()
            got = out[position:position + len(want)]
            assert sorted(got) == sorted(want), (unit, out)
            position += len(want)
    assert position == len(out)


# --- refusals: one line, exit 2 -----------------------------------------------------------------

def zipped(parts: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


def _document() -> bytes:
    document = docx.Document()
    document.add_paragraph("ANCHOR: The council meets tonight.")
    return saved(document)


REFUSED = [
    (_document()[:1500], "damaged"),
    (zipped({"xl/workbook.xml": "<workbook/>"}), "Excel workbook"),
    (zipped({"notes.txt": "hello"}), "zip archive, not a Word .docx"),
    (zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document"}), "damaged"),
    (OLE_MAGIC + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 500,
     "password-protected"),
    (OLE_MAGIC + b"\x00" * 1000, "Word 97-2003"),
]


@pytest.mark.parametrize("data, reason", REFUSED)
def test_other_office_files_are_refused_saying_what_they_are(data, reason):
    with pytest.raises(UnusableInput, match=reason) as caught:
        read_script(data)
    assert "\n" not in str(caught.value)


def test_a_docx_with_no_text_is_refused():
    with pytest.raises(UnusableInput, match="no text"):
        read_script(saved(docx.Document()))


@pytest.mark.parametrize("data, reason", [REFUSED[0], REFUSED[4]])
def test_cli_refuses_a_bad_document_in_one_line_with_exit_2(tmp_path, data, reason):
    path = tmp_path / "story.docx"
    path.write_bytes(data)
    for command in (["segment", path], ["build", path, "-o", tmp_path / "out"]):
        run = subprocess.run([sys.executable, "-m", "broadcast", *map(str, command)],
                             capture_output=True, text=True)
        assert run.returncode == 2, run.stderr
        line, = run.stderr.strip().splitlines()
        assert line.startswith(f"broadcast: error: {path}: the file is") and reason in line
        assert "Traceback" not in run.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_damaged_document_is_read_or_refused_never_a_traceback(data):
    """Bytes of a real .docx overwritten or cut anywhere: text, or one line of refusal."""
    document = bytearray(_document())
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(document) - 1))
        document[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(5, len(document)))
    try:
        text = read_script(bytes(document[:cut]))
    except UnusableInput as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert isinstance(text, str) and text.strip()


def test_the_example_word_script_is_wholly_accounted_for():
    """Every non-blank character of the example's text ends in a segment or a note: the
    picture column among the notes, the sound column spoken."""
    from broadcast.segment import segment, uncovered
    from tests.conftest import EXAMPLES
    text = read_script((EXAMPLES / "harbour-bridge.docx").read_bytes())
    report = segment(text)
    assert not [text[a:b] for a, b in uncovered(text, report)]
    spoken = " ".join(s.text for s in report.segments)
    assert "Wide of bridge" not in spoken and "VIDEO" not in spoken and "page 1" not in text
    assert "Crews finished resurfacing the eastern span overnight." in spoken
