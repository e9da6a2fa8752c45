"""Readings of the variants real scripts show: the correspondent an intro hands over to, an intro
typed without brackets, header fields however cased, voices and descriptions, capitals."""

from __future__ import annotations

import pytest

from broadcast.model import Kind
from broadcast.segment import segment
from broadcast.segment.common import correspondent_from_intro


@pytest.mark.parametrize("intro, name, place", [
    ("VOA Pakistan Bureau Chief Sarah Zaman reports.", "Sarah Zaman", None),
    ("VOA\u2019s Congressional Correspondent Katherine Gypson has more.", "Katherine Gypson", None),
    ("VOA's Senior Diplomatic Correspondent Cindy Saine reports.", "Cindy Saine", None),
    ("White House Correspondent Jane Doe reports.", "Jane Doe", None),
    ("VOA immigration reporter Aline Barros has the story.", "Aline Barros", None),
    ("For VOA News Antoni Belchi has the story.", "Antoni Belchi", None),
    ("Safiullah Ahmadzai has the story, narrated by Anne Ball.", "Safiullah Ahmadzai", None),
    ("VOA\u2019s Kane Farabaugh has more from Georgia.", "Kane Farabaugh", "Georgia"),
    ("Mohamed Sheikh Nor reports from Mogadishu, Somalia.", "Mohamed Sheikh Nor", "Mogadishu"),
    ("Our correspondent Julia Lyubova reports from Moscow.", "Julia Lyubova", "Moscow"),
])
def test_the_name_handed_over_to_without_its_title(intro, name, place):
    assert correspondent_from_intro(intro) == (name, place)


def test_a_title_alone_names_nobody():
    assert correspondent_from_intro("Our White House Correspondent reports.") == (None, None)


def test_the_correspondent_of_a_titled_handover_is_known_on_camera():
    script = ("((INTRO))\n[[Farmers count the cost of the drought. VOA's Senior Diplomatic Correspondent "
              "Cindy Saine reports.]]\n((NARRATOR))\nThe fields are dry.\n((Cindy Saine, VOA News))\n"
              "This is the last well in the valley.\n")
    report = segment(script)
    assert report.correspondent == "Cindy Saine"
    assert [s.kind for s in report.segments][-1] is Kind.STANDUP


def test_a_field_value_keeps_its_own_brackets_and_a_mixed_case_note_is_a_field():
    script = ("((TITLE: Clinton-First Female President (TV)\nTWEET:\nNUMBER: 16400923\n"
              "((Reporter/Camera: Gabrielle Weiss))\n((INTRO))\n[[The anchor reads this.]]\n"
              "((NARRATOR))\nThe track.\n")
    report = segment(script)
    assert report.title == "Clinton-First Female President (TV)"
    assert report.correspondent == "Gabrielle Weiss"
    assert [n.kind for n in report.notes if n.text.startswith(("TWEET", "NUMBER"))] == ["metadata", "metadata"]


def test_an_intro_typed_without_brackets_ends_at_its_handover():
    script = ("((TV INTRO: ))\nFormer President Donald Trump said he expected to be arrested. Laurel Bowman "
              "reports on reaction among U.S. political leaders.\nFor years, prosecutors have investigated "
              "a payment.\n((Mike Pence, Former Vice President))\n\"It is a politically charged prosecution.\"\n")
    kinds = [(s.kind, s.text.split()[0]) for s in segment(script).segments]
    assert kinds == [(Kind.ANCHOR_INTRO, "Former"), (Kind.NARRATION, "For"), (Kind.SOUNDBITE, "It")]


def test_prose_before_any_direction_in_a_script_without_an_intro_is_read_as_one_and_warned_about():
    script = ("((TITLE: TV Uyghur Refugees))\nHuman rights activists accuse China of detaining a million "
              "people. Sanjar Khamidov has the story.\nThe school opened ten years ago, and it has grown.\n"
              "((Uyghur Student (Boy 1)))\n\"My uncle is in prison.\"\n((NARRATION))\nThese are portraits.\n")
    report = segment(script)
    assert [s.kind for s in report.segments] == [Kind.ANCHOR_INTRO, Kind.NARRATION, Kind.SOUNDBITE, Kind.NARRATION]
    assert report.correspondent == "Sanjar Khamidov"
    assert any(w.startswith("line 2: no direction says who reads") for w in report.warnings)
    assert not report.doubts  # a guess said in a warning, with nothing left unplaced


@pytest.mark.parametrize("text, hands", [
    ("Laurel Bowman reports on reaction among U.S. political leaders.", True),
    ("VOA Pentagon correspondent Carla Babb has the latest.", True),
    ("He reports to the board every week. Then he left.", False),
    ("The company reports profits.", False),
])
def test_a_handover_is_a_name_and_its_verb_closing_the_text(text, hands):
    from broadcast.segment.common import hands_over
    assert hands_over(text) is hands


def test_a_byline_in_capitals_is_typed_on_the_standup_super_in_proper_case():
    script = ("((BYLINE: AYESHA TANZEEM DATELINE: KABUL, AFGHANISTAN))\n((INTRO))\n[[The anchor reads this. "
              "VOA's Ayesha Tanzeem takes stock.]]\n((NARRATOR))\nThe track.\n((Ayesha Tanzeem, VOA News) stand up))\n"
              "This room used to be the production floor.\n")
    report = segment(script)
    standup = [s for s in report.segments if s.kind is Kind.STANDUP]
    assert report.correspondent == "Ayesha Tanzeem"
    assert standup and (standup[0].speaker.name, standup[0].speaker.title) == ("Ayesha Tanzeem", "Kabul")


def test_small_words_of_a_title_in_capitals_stay_small():
    from broadcast.segment.supers import title_case
    assert title_case("GEORGIA'S SECRETARY OF STATE OFFICE") == "Georgia's Secretary of State Office"


def test_a_voice_note_names_a_language_no_list_has_and_a_quoted_question_on_camera_loses_its_marks():
    script = ("((BYLINE: Mohammed Yusuf))\n((INTRO))\n[[Herders lose their animals. Mohammed Yusuf reports.]]\n"
              "((NARRATOR))\nThe carcasses line the road.\n((Halima Galgalo, Herder)) ((Female, in Borana))\n"
              "\"I had seventy goats.\"\n((Reporter question))\n\"How much do you get for a cow?\"\n")
    bite, question = segment(script).segments[2:]
    assert (bite.language, bite.translated) == ("Borana", True)
    assert (question.kind, question.text) == (Kind.STANDUP, "How much do you get for a cow?")


def test_an_unnamed_speaker_with_a_description_is_supered_by_the_description():
    script = ("((INTRO))\n[[Power cuts again.]]\n((NARRATOR))\nThe lights go out.\n"
              "((Unidentified woman, Kyiv resident)) ((in Ukrainian))\n\"We cook when there is power.\"\n"
              "((Maksym Tymchenko, CEO, DTEK)) ((English translation))\n\"Every substation we fix, they hit.\"\n")
    woman, chief = [s for s in segment(script).segments if s.kind is Kind.SOUNDBITE]
    assert (woman.speaker.name, woman.speaker.title, woman.language, woman.translated) == (
        "", "Kyiv Resident", "Ukrainian", True)
    assert (chief.language, chief.translated) == (None, True)  # heard in English, spoken in another


def test_single_bracket_notes_pasted_into_a_line_are_notes_and_a_writers_parenthesis_is_not():
    script = ("((SLUG: X)) [[The anchor reads this. Jane Roe reports.]] (NARRATOR) Within ten days of the coup "
              "(mandatory cg: AP) the army took the capital. (John Kirby, Pentagon Press Secretary) \"These are "
              "not permanent moves.\" (NARRATOR) The senator (a Democrat) said (about ten) units moved.\n")
    report = segment(script)
    assert [(s.kind, s.text) for s in report.segments][1:] == [
        (Kind.NARRATION, "Within ten days of the coup"), (Kind.NARRATION, "the army took the capital."),
        (Kind.SOUNDBITE, "These are not permanent moves."),
        (Kind.NARRATION, "The senator (a Democrat) said (about ten) units moved.")]
    assert report.segments[3].speaker.name == "John Kirby"
    assert [n.kind for n in report.notes if n.text.startswith("(mandatory")] == ["credit"]


def test_a_marker_in_capitals_after_a_sound_direction_is_a_speaker_only_if_a_quote_follows():
    script = ("((INTRO))\n[[Uyghur children in America. Sanjar Khamidov has the story.]]\n((NARRATION)) ((NATS))\n"
              "((SCHOOL BELL RINGS))\nThis Islamic school opened ten years ago.\n((NATS))\n((UYGHUR STUDENT (BOY 1)))\n"
              "\"My uncle is in prison.\"\n")
    report = segment(script.upper())
    assert [s.kind for s in report.segments] == [Kind.ANCHOR_INTRO, Kind.NARRATION, Kind.SOUNDBITE]
    assert [n.kind for n in report.notes if "BELL" in n.text] == ["direction"]
    assert report.segments[2].speaker.title == "Uyghur Student"
