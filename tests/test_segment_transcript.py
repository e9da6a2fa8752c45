"""A broadcast transcript read from the lexer's tokens: every line is spoken or kept as a note
of its kind (the page, the show and title, time stamps, the videotape, the transcriber's notes,
the turn labels), and prose no turn holds is kept unclassified with a warning naming its line."""

from __future__ import annotations

from pathlib import Path

from broadcast.model import Kind, NoteKind
from broadcast.reading import read_script
from broadcast.segment import segment, uncovered

FIXTURES = Path(__file__).parent / "fixtures" / "scripts"
EXAMPLE = Path(__file__).parents[1] / "examples" / "athens-wildfire-transcript.txt"


def _notes(report) -> dict[str, NoteKind]:
    return {n.text.strip(): n.kind for n in report.notes}


def test_each_kind_of_line_becomes_its_note():
    script = read_script(EXAMPLE.read_bytes())
    report = segment(script)
    notes = _notes(report)
    assert notes["Return to Transcripts main page"] is NoteKind.CLUTTER
    assert notes["Aired July 22, 2025 - 20:00 ET"] is NoteKind.CLUTTER
    assert notes["[20:14:05]"] is NoteKind.CLUTTER
    assert notes["GLOBAL NEWS TONIGHT"] is NoteKind.METADATA
    assert notes["Wildfires Force Evacuations Near Athens; Heat Wave Grips Southern Europe. Aired 8-9p ET"] \
        is NoteKind.METADATA
    assert notes["(BEGIN VIDEOTAPE)"] is NoteKind.DIRECTION and notes["(END VIDEOTAPE)"] is NoteKind.DIRECTION
    assert notes["(COMMERCIAL BREAK)"] is NoteKind.DIRECTION
    assert notes["OKAFOR (on camera):"] is NoteKind.SUPER
    assert notes["HELEN MARSH, GNT ANCHOR:"] is NoteKind.SUPER
    assert report.title == "Wildfires Force Evacuations Near Athens; Heat Wave Grips Southern Europe"
    assert not report.warnings and not uncovered(script, report)


def test_a_transcribers_note_and_a_time_stamp_are_cut_out_of_a_turn():
    script = ("[10:00:00]\n\nWOLF BLITZER, CNN ANCHOR: The Senate votes today. Manu Raju reports.\n\n"
              "(BEGIN VIDEO CLIP)\n\nMANU RAJU, CNN CORRESPONDENT (voice-over): Senators returned.\n\n"
              "SEN. JOHN MCCAIN (R), ARIZONA: I will vote (CROSSTALK) no. [10:02:31] It is a bad bill.\n\n"
              "(END VIDEO CLIP)\n")
    report = segment(script)
    bite = report.segments[-1]
    assert (bite.kind, bite.text) == (Kind.SOUNDBITE, "I will vote no. It is a bad bill.")
    assert bite.speaker.name == "Sen. John McCain"
    notes = _notes(report)
    assert notes["(CROSSTALK)"] is NoteKind.DIRECTION
    assert notes["[10:02:31]"] is NoteKind.CLUTTER and notes["[10:00:00]"] is NoteKind.CLUTTER
    assert notes["(BEGIN VIDEO CLIP)"] is NoteKind.DIRECTION
    assert not uncovered(script, report)


def test_a_time_stamp_before_a_label_is_clutter_and_the_label_a_super():
    report = segment(read_script((FIXTURES / "transcript-cnn.txt").read_bytes()))
    notes = _notes(report)
    assert notes["[10:00:04]"] is NoteKind.CLUTTER and notes["[10:02:31]"] is NoteKind.CLUTTER
    assert notes["PUTIN (through translator):"] is NoteKind.SUPER


def test_a_paragraph_without_a_label_goes_on_with_the_turn_before():
    script = ("HELEN MARSH, GNT ANCHOR: Fires spread tonight. Our David Okafor reports.\n\n(BEGIN VIDEOTAPE)\n\n"
              "DAVID OKAFOR, GNT CORRESPONDENT (voice-over): The smoke turned the sun orange.\n\n"
              "Firefighters held the line.\n\n(END VIDEOTAPE)\n")
    report = segment(script)
    assert [(s.kind, s.text) for s in report.segments[1:]] == [
        (Kind.NARRATION, "The smoke turned the sun orange."), (Kind.NARRATION, "Firefighters held the line.")]


def test_prose_before_the_first_turn_is_unclassified_and_warned_about_by_line():
    script = ("CNN NEWSROOM\n\nRussia Hosts Syria Talks. Aired 10-11a ET\n\n"
              "Officials in three capitals were said to be preparing for a long winter of talks.\n\n"
              "POPPY HARLOW, CNN ANCHOR: Russia hosts talks. Fred Pleitgen reports.\n\n(BEGIN VIDEOTAPE)\n\n"
              "FREDERIK PLEITGEN, CNN CORRESPONDENT (voice-over): Three leaders met.\n\n(END VIDEOTAPE)\n")
    report = segment(script)
    notes = _notes(report)
    assert notes["Officials in three capitals were said to be preparing for a long winter of talks."] \
        is NoteKind.UNCLASSIFIED
    assert any(w.startswith("line 5:") for w in report.warnings), report.warnings
    assert notes["CNN NEWSROOM"] is NoteKind.METADATA
    assert report.title == "Russia Hosts Syria Talks"


def test_header_fields_of_a_transcript_page_are_no_speakers():
    script = ("GUESTS: Helen Marsh, David Okafor\nTOPIC: Wildfires in Greece\nSUMMARY: Thousands evacuated.\n\n"
              "HELEN MARSH, GNT ANCHOR: Thousands have been ordered out. Our David Okafor reports.\n\n"
              "DAVID OKAFOR, GNT CORRESPONDENT (voice-over): By late afternoon the sun was red.\n")
    report = segment(script)
    assert [s.kind for s in report.segments] == [Kind.ANCHOR_INTRO, Kind.NARRATION]
    assert [n.kind for n in report.notes if n.text.startswith(("GUESTS", "TOPIC", "SUMMARY"))] == ["metadata"] * 3


def test_the_signoff_closes_the_correspondents_own_turn_under_role_labels():
    script = ("ANCHOR: Thousands have been ordered out near Athens. Our David Okafor reports.\n\n"
              "DAVID OKAFOR, GNT CORRESPONDENT: By late afternoon the sun was red.\n\n"
              "NIKOS PAPADAKIS, MAYOR OF MARATHON (through translator): The wind changed.\n\n"
              "OKAFOR: Firefighters say the next day will decide it. David Okafor, GNT, Varnavas.\n\n"
              "ANCHOR: We will keep following that story.\n")
    report = segment(script)
    assert report.signoff is not None and report.signoff.spoken == "David Okafor, GNT, Varnavas"
    assert [s.kind for s in report.segments][-3:] == [Kind.STANDUP, Kind.SIGNOFF, Kind.ANCHOR_INTRO]


def test_a_videotape_begun_inside_a_turn_puts_the_turns_after_it_on_tape():
    script = ("HELEN MARSH, GNT ANCHOR: Thousands have been ordered out. Our David Okafor reports. "
              "(BEGIN VIDEOTAPE)\n\nDAVID OKAFOR, GNT CORRESPONDENT: By late afternoon the sun was red.\n\n"
              "OKAFOR: Firefighters say the next day will decide it. (END VIDEOTAPE)\n\n"
              "MARSH: We will keep following that story.\n")
    report = segment(script)
    assert [s.kind for s in report.segments] == [Kind.ANCHOR_INTRO, Kind.NARRATION, Kind.NARRATION,
                                                 Kind.ANCHOR_INTRO]
    assert [n.kind for n in report.notes if "VIDEOTAPE" in n.text] == [NoteKind.DIRECTION] * 2
