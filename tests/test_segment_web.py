"""The web assembler keeps every line of a web transcript as speech or as a note of its kind:
the title and tag lines are metadata, a super opening a paragraph is a super, the lexer's
other tokens keep their kinds, and what the page's text cannot place is unclassified, warned
about with its line."""

from __future__ import annotations

from pathlib import Path

from broadcast.model import Kind, NoteKind
from broadcast.reading import read_script
from broadcast.segment import explain, segment, uncovered

REFERENCE = Path(__file__).parent.parent / "examples" / "syria-peace-process.txt"

MIXED = (
    "Kremlin hosts talks on Syria\n"
    "[Russia, Syria]\n"
    "Russia has hosted new talks on Syria. Our correspondent Julia Lyubova reports from Moscow.\n"
    "The talks began on Monday **check the day** and ran late into the night.\n"
    "GVs Kremlin towers at dusk\n"
    'VLADIMIR PUTIN RUSSIAN PRESIDENT "We will continue to work for peace in Syria." (:09)\n'
    "[[The anchor reads this copy, which nobody has marked for anyone.]]\n"
    "JULIA LYUBOVA MOSCOW The next round is due in the spring. JL, CGTN, Moscow.\n"
)


def _notes(report) -> list[tuple[str, str]]:
    return [(str(n.kind), n.text) for n in report.notes]


def test_the_reference_title_and_tag_lines_are_metadata_and_each_super_a_note_before_its_bite():
    script = read_script(REFERENCE.read_bytes())
    report = segment(script)
    notes = _notes(report)
    assert notes[:2] == [("metadata", script.split("\n")[0]), ("metadata", "[]")]
    supers = [text for kind, text in notes if kind == "super"]
    assert supers == ['VLADIMIR PUTIN RUSSIAN PRESIDENT "', 'RECEP TAYYIP ERDOGAN TURKISH PRESIDENT "',
                      'ALEXEY KHLEBNIKOV RUSSIAN INTERNATIONAL AFFAIRS CENTER "', "JULIA LYUBOVA MOSCOW "]
    # what is left of a bite's line is its closing quotation mark
    assert {text for kind, text in notes if kind == "direction"} == {'"'}
    assert not any(n.kind is NoteKind.UNCLASSIFIED for n in report.notes)
    assert [str(s.kind) for s in report.segments][-2:] == ["standup", "signoff"]
    assert report.title.startswith("Syria Peace Process") and report.tags == ()
    assert uncovered(script, report) == []


def test_explain_shows_what_each_stretch_of_a_super_line_became():
    out = explain(read_script(REFERENCE.read_bytes()))
    assert "-> prose [line_prose] => super + soundbite + direction: 'VLADIMIR PUTIN" in out
    assert "-> prose [line_prose] => super + standup + signoff: 'JULIA LYUBOVA MOSCOW" in out
    assert "-> clutter [line_stray_bracket] => metadata: '[]'" in out


def test_each_kind_of_line_in_a_web_script_becomes_its_note():
    report = segment(MIXED, "web")
    notes = _notes(report)
    assert ("metadata", "Kremlin hosts talks on Syria") in notes and ("metadata", "[Russia, Syria]") in notes
    assert report.title == "Kremlin hosts talks on Syria" and report.tags == ("Russia", "Syria")
    assert ("direction", "**check the day**") in notes
    assert ("shot", "GVs Kremlin towers at dusk") in notes
    assert ("cue", "(:09)") in notes
    assert ("super", 'VLADIMIR PUTIN RUSSIAN PRESIDENT "') in notes and ("super", "JULIA LYUBOVA MOSCOW ") in notes
    assert [(s.kind, s.speaker.name if s.speaker else None) for s in report.segments] == [
        (Kind.ANCHOR_INTRO, None), (Kind.NARRATION, None), (Kind.SOUNDBITE, "Vladimir Putin"),
        (Kind.STANDUP, "Julia Lyubova"), (Kind.SIGNOFF, None)]
    # a note inside a paragraph does not cut the paragraph's words in two
    assert report.segments[1].text == "The talks began on Monday and ran late into the night."
    assert report.correspondent == "Julia Lyubova" and report.signoff.name == "Julia Lyubova"
    assert uncovered(MIXED, report) == []


def test_copy_the_page_cannot_place_is_unclassified_with_a_warning_naming_its_line():
    report = segment(MIXED, "web")
    unplaced = [n for n in report.notes if n.kind is NoteKind.UNCLASSIFIED]
    assert [n.text for n in unplaced] == ["[[The anchor reads this copy, which nobody has marked for anyone.]]"]
    assert any(w.startswith("line 7:") and "not read as speech" in w for w in report.warnings)


def test_a_super_cut_off_its_line_by_the_lexer_is_a_super_note():
    script = ("Juncker in Sochi\n[EU]\nThe EU chief visited Sochi. Our correspondent Julia Lyubova reports.\n"
              'EUROPEAN COMMISSION PRESIDENT, JEAN-CLAUDE JUNCKER: "Sanctions are not a goal."\n'
              "JULIA LYUBOVA SOCHI Talks go on. JL, CGTN, Sochi.\n")
    report = segment(script)
    assert report.convention == "web"
    bite = next(s for s in report.segments if s.kind is Kind.SOUNDBITE)
    assert (bite.speaker.name, bite.text) == ("Jean-Claude Juncker", "Sanctions are not a goal.")
    assert ("super", "EUROPEAN COMMISSION PRESIDENT, JEAN-CLAUDE JUNCKER: ") in _notes(report)
    assert uncovered(script, report) == []


def test_a_parenthesis_wrapped_onto_a_line_of_its_own_is_the_pages_text():
    # found by test_web_scripts_keep_every_spoken_word: the lexer takes the line for a direction
    script = "Title of the report\n[]\nOfficials the the. Officials the the. Officials\n(about ten).\n"
    report = segment(script)
    assert " ".join(s.text for s in report.segments).split() == \
        "Officials the the. Officials the the. Officials (about ten).".split()


def test_an_empty_tag_line_counts_for_the_web_convention():
    # found by test_web_scripts_keep_every_spoken_word: without the `[]` line's evidence, a
    # super wrapped off its bite read as a transcript turn
    script = ('Title of the report\n[]\nOfficials the the.\n\nOfficials the the.\n\n'
              'SERGEY LAVROV, RUSSIAN FOREIGN MINISTER:\n"Officials the the."\n')
    report = segment(script)
    assert report.convention == "web"
    assert [(str(s.kind), s.speaker.name if s.speaker else None) for s in report.segments][-1] == \
        ("soundbite", "Sergey Lavrov")
