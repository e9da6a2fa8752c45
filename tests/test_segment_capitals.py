"""A script typed all in capitals, as prompter copy often is, is read like the same script in
mixed case: capitals are no evidence of a super when every word is in capitals."""

from __future__ import annotations

from broadcast.segment import segment, uncovered


def test_the_reference_in_capitals_reads_like_the_reference(reference_text):
    mixed = segment(reference_text)
    upper_text = reference_text.upper()
    upper = segment(upper_text)
    assert [s.kind for s in upper.segments] == [s.kind for s in mixed.segments]
    assert [s.speaker for s in upper.segments] == [s.speaker for s in mixed.segments]
    assert [s.text.upper() for s in upper.segments] == [s.text.upper() for s in mixed.segments]
    assert (upper.correspondent, upper.location, upper.network) == (mixed.correspondent, mixed.location,
                                                                     mixed.network)
    assert upper.signoff.spoken.upper() == mixed.signoff.spoken.upper()
    assert not uncovered(upper_text, upper)
    assert not any("not read as speech" in w for w in upper.warnings)
    assert any("typed in capitals" in w and "Recep Tayyip Erdogan" in w for w in upper.warnings)


def test_a_capitals_paragraph_with_no_quote_and_no_known_name_is_narration():
    script = ("FLOODS IN THE NORTH\n\nRIVERS ROSE OVERNIGHT ACROSS THE REGION. OUR CORRESPONDENT ANNA "
              "BERG REPORTS FROM LULEA.\nTHE WATER REACHED THE TOWN HALL BY MORNING AND SCHOOLS STAYED "
              "SHUT\nANNA BERG LULEA THE WORST MAY BE OVER, BUT THE CLEAN-UP HAS NOT BEGUN. AB, NRK, LULEA.\n")
    report = segment(script)
    kinds = [str(s.kind) for s in report.segments]
    assert kinds == ["anchor_intro", "narration", "standup", "signoff"]
    assert report.segments[2].speaker.name == "Anna Berg"
