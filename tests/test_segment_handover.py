"""The correspondent an intro hands over to, with the title, network or opening word before
the name set aside; and a header's field values kept as typed."""

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
