"""Agency shot lists assembled from tokens: every line is spoken or kept as a note of its
kind, and prose the shot list cannot place is unclassified, warned about by its line."""

from __future__ import annotations

from pathlib import Path

from broadcast.model import Kind, NoteKind
from broadcast.reading import read_script
from broadcast.segment import segment, uncovered

FIXTURES = Path(__file__).parent / "fixtures" / "scripts"


def _note_kinds(script: str) -> dict[str, NoteKind]:
    return {n.text.strip(): n.kind for n in segment(script).notes}


def test_each_line_of_a_shot_list_is_a_note_of_its_kind():
    script = read_script((FIXTURES / "agency-ap.txt").read_bytes())
    kinds = _note_kinds(script)
    assert kinds["AP Television"] is NoteKind.METADATA
    assert kinds["Beirut, Lebanon - 4 August 2021"] is NoteKind.METADATA
    assert kinds["1. 00:00 Wide of marchers carrying portraits of victims"] is NoteKind.SHOT
    assert kinds["Tracking shot of port"] is NoteKind.SHOT
    assert kinds["3. 00:13 SOUNDBITE (Arabic) Mireille Khoury, mother of victim:"] is NoteKind.SUPER
    assert kinds["4. 00:24 UPSOUND (Arabic) Protesters chanting:"] is NoteKind.DIRECTION  # names no one
    assert kinds["(English translation)"] is NoteKind.DIRECTION
    assert kinds['"'] is NoteKind.CLUTTER  # the quotation mark reopening the bite's second paragraph
    assert kinds["STORYLINE:"] is NoteKind.METADATA
    assert kinds["The blast, caused by hundreds of tons of ammonium nitrate stored at the port for years, "
                 "devastated large parts of the capital."] is NoteKind.METADATA
    assert not any(k is NoteKind.UNCLASSIFIED for k in kinds.values())


def test_the_reuters_layout_reads_its_datelines_and_storyline():
    script = read_script((FIXTURES / "agency-reuters.txt").read_bytes())
    report = segment(script)
    kinds = {n.text.strip(): n.kind for n in report.notes}
    assert kinds["SHOWS: SOCHI, RUSSIA (NOVEMBER 22, 2017) (REUTERS - ACCESS ALL)"] is NoteKind.METADATA
    assert kinds["RUSSIA-SYRIA/TALKS"] is NoteKind.METADATA
    assert kinds["The three countries agreed to hold a congress of the Syrian government and opposition."] \
        is NoteKind.METADATA
    assert (report.location, report.network, report.slug) == ("Sochi", "Reuters", None)  # STORY: is no slug here


def test_a_bite_keeps_its_quotation_marks_in_its_region():
    script = ('Headline\n\nMoscow, Russia - May 8, 2025 (CGTN - No access Chinese mainland)\n\n'
              '1. SOUNDBITE (Russian) Resident of Moscow (no name given):\n"It is calmer now."\n')
    report = segment(script)
    (bite,) = report.segments
    assert bite.kind is Kind.SOUNDBITE and bite.text == "It is calmer now." and bite.translated
    assert script[bite.span[0]:bite.span[1]] == '"It is calmer now."'
    assert uncovered(script, report) == []


def test_prose_the_shot_list_cannot_place_is_unclassified_and_named_in_a_warning():
    script = ("Headline of the story\n\nMoscow, Russia - May 8, 2025 (CGTN - No access Chinese mainland)\n\n"
              "1. Wide of station\n2. SOUNDBITE (English) Li Wen, tourist:\n\"The stations look like museums.\"\n"
              "The mayor said the line would open to the public next week as planned.\n")
    report = segment(script)
    (note,) = [n for n in report.notes if n.kind is NoteKind.UNCLASSIFIED]
    assert note.text.startswith("The mayor said")
    assert any(w.startswith("line 8: ") and "The mayor said" in w for w in report.warnings)
    assert [s.text for s in report.segments] == ["The stations look like museums."]


def test_a_soundbite_with_no_words_under_it_is_warned_about():
    script = ("Headline\n\nMoscow, Russia - May 8, 2025 (CGTN - No access Chinese mainland)\n\n"
              "1. SOUNDBITE (Russian) Andrei Voronin, deputy head:\n2. Wide of station\n"
              "3. SOUNDBITE (English) Li Wen, tourist:\n\"Fine.\"\n")
    report = segment(script)
    assert any(w.startswith("line 5: soundbite 'Andrei Voronin, deputy head'") for w in report.warnings)


def test_the_lead_in_is_the_anchors_each_paragraph_a_segment():
    script = ("HEADLINE: Storm hits coast\nSOURCE: AP Television\n\nLEAD IN:\nA storm hit the coast on Monday.\n"
              "Thousands lost power.\n\nSHOTLIST:\nMiami, Florida - 3 Aug 2021\n1. Wide of flooded street\n"
              "2. SOUNDBITE (English) Ana Ruiz, resident:\n\"The water came fast.\"\n")
    report = segment(script)
    assert [(s.kind, s.text) for s in report.segments] == [
        (Kind.ANCHOR_INTRO, "A storm hit the coast on Monday."), (Kind.ANCHOR_INTRO, "Thousands lost power."),
        (Kind.SOUNDBITE, "The water came fast.")]
    assert (report.title, report.network, report.location) == ("Storm hits coast", "AP Television", "Miami")


def test_an_unnumbered_bracketed_soundbite_header_still_names_its_speaker():
    # the scan cuts `(SOUNDBITE)` from the head of its line; the label after it is who speaks
    script = ("Talks in Sochi\n\nSHOWS: SOCHI, RUSSIA (NOVEMBER 22, 2017) (REUTERS - ACCESS ALL)\n\n"
              "(SOUNDBITE) (Russian) MOSCOW RESIDENT, IVAN PETROV, SAYING:\n\"It is good that they talk.\"\n")
    (bite,) = segment(script).segments
    assert (bite.text, bite.speaker.name, bite.language, bite.translated) == (
        "It is good that they talk.", "Ivan Petrov", "Russian", True)
