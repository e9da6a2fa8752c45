"""Supers for the graphics system: one record per lower-third, in and out times in seconds and
timecode, and `f0` name, `f1` title exactly as the lower-thirds."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadcast.exporters.supers_csv import FORMULA_STARTS, inert_cell, supers_csv
from broadcast.exporters.supers_json import supers_json
from broadcast.model import Kind, LowerThird, Report, Segment
from broadcast.pipeline import build_report
from broadcast.profiles import load_profile
from broadcast.timecode import ms_to_timecode


@pytest.fixture(scope="module")
def reference_build(reference_report):
    return build_report(reference_report, load_profile("broadcast"))


def expected(build) -> list[dict]:
    fps = build.profile.fps
    return [{"f0": s.lower_third.name, "f1": s.lower_third.title, "in": s.start / 1000, "out": s.end / 1000,
             "in_timecode": ms_to_timecode(s.start, fps), "out_timecode": ms_to_timecode(s.end, fps),
             "segment": s.segment_index} for s in build.supers]


def test_json_has_every_lower_third(reference_build):
    data = json.loads(supers_json(reference_build))
    assert data["fps"] == 25.0
    got = [{k: r[k] for k in ("f0", "f1", "in", "out", "in_timecode", "out_timecode", "segment")}
           for r in data["supers"]]
    assert got == expected(reference_build)
    assert [r["f0"] for r in data["supers"]] == ["Vladimir Putin", "Recep Tayyip Erdogan", "Alexey Khlebnikov",
                                                 "Julia Lyubova"]
    assert [r["kind"] for r in data["supers"]] == ["soundbite"] * 3 + ["standup"]
    assert [r["index"] for r in data["supers"]] == [1, 2, 3, 4]
    assert all(r["duration"] == pytest.approx(r["out"] - r["in"]) for r in data["supers"])


def test_csv_matches_json(reference_build):
    rows = list(csv.DictReader(io.StringIO(supers_csv(reference_build))))
    records = json.loads(supers_json(reference_build))["supers"]
    assert len(rows) == len(records) == 4
    for row, record in zip(rows, records):
        assert row == {k: str(v) for k, v in record.items()}
    assert rows[0]["f1"] == "Russian President" and rows[3]["f1"] == "Moscow"


def test_programme_start_moves_the_timecodes_only(reference_build):
    plain = json.loads(supers_json(reference_build))["supers"]
    shifted = json.loads(supers_json(replace(reference_build, offset=36_000_000)))["supers"]
    assert [r["in"] for r in shifted] == [r["in"] for r in plain]
    assert [r["in_timecode"] for r in shifted] == ["10" + r["in_timecode"][2:] for r in plain]


def test_start_option_reaches_the_supers(reference_report, reference_build):
    build = build_report(reference_report, load_profile("broadcast"), start="10:00:00:00")
    records = json.loads(supers_json(build))["supers"]
    assert [r["in_timecode"] for r in records] == \
        ["10" + r["in_timecode"][2:] for r in json.loads(supers_json(reference_build))["supers"]]


def test_drop_frame_timecode_at_29_97(reference_report):
    build = build_report(reference_report, load_profile("broadcast", "29.97"))
    records = json.loads(supers_json(build))["supers"]
    assert all(";" in r["in_timecode"] for r in records)
    assert [r["in_timecode"] for r in records] == [e["in_timecode"] for e in expected(build)]


@settings(max_examples=40, deadline=None)
@given(name=st.text(min_size=1, max_size=30).filter(str.strip), title=st.text(max_size=30))
def test_any_text_round_trips_through_csv_and_json(name, title):
    name, title = name.strip(), title.strip()
    segments = (Segment(Kind.NARRATION, "Words here.", (0, 0)),
                Segment(Kind.SOUNDBITE, "He said this.", (0, 0), LowerThird(name, title)))
    build = build_report(Report("t", (), None, None, None, segments), load_profile("broadcast"))
    (row,) = csv.DictReader(io.StringIO(supers_csv(build), newline=""))
    (record,) = json.loads(supers_json(build))["supers"]
    assert (record["f0"], record["f1"]) == (name, title)
    assert (row["f0"], row["f1"]) == (inert_cell(name), inert_cell(title))
    assert not row["f0"].startswith(FORMULA_STARTS) and not row["f1"].startswith(FORMULA_STARTS)


# Payloads from the OWASP CSV-injection list: each would run or be computed in a spreadsheet.
FORMULAS = ["=cmd|'/c calc'!A1", "+cmd|'/c calc'!A1", "-2+3", "@SUM(1+1)*cmd|'/c calc'!A1",
            "\t=1+1", "=HYPERLINK(\"http://x\",\"y\")", "-", "+44 20 7946 0000", "@handle"]


@pytest.mark.parametrize("payload", FORMULAS)
def test_a_super_a_spreadsheet_would_evaluate_is_text_in_the_csv_and_as_written_in_the_json(payload):
    segments = (Segment(Kind.NARRATION, "Words here.", (0, 0)),
                Segment(Kind.SOUNDBITE, "He said this.", (0, 0), LowerThird(payload, payload)))
    build = build_report(Report("t", (), None, None, None, segments), load_profile("broadcast"))
    (row,) = csv.DictReader(io.StringIO(supers_csv(build), newline=""))
    (record,) = json.loads(supers_json(build))["supers"]
    assert record["f0"] == record["f1"] == payload
    assert row["f0"] == row["f1"] == "'" + payload
