"""The reference CGTN report segments exactly as the producer's labels."""

from __future__ import annotations

import json
import subprocess
import sys

from broadcast.exporters.json import report_dict
from tests.conftest import REFERENCE


def test_reference_matches_labels(reference_report, reference_labels):
    data = report_dict(reference_report)
    for key in ("title", "tags", "network", "correspondent", "location"):
        assert data[key] == reference_labels[key], key
    got = [(s["kind"], s["text"], s["speaker"]) for s in data["segments"]]
    want = [(s["kind"], s["text"], s["speaker"]) for s in reference_labels["segments"]]
    assert got == want


def test_spans_point_at_the_words(reference_report, reference_text):
    for segment in reference_report.segments:
        start, end = segment.span
        assert reference_text[start:end] == segment.text


def test_segment_command_prints_schema_json(reference_labels):
    import jsonschema
    from tests.conftest import SHARED
    schema = json.loads((SHARED.parent / "spec" / "report.schema.json").read_text())
    out = subprocess.run([sys.executable, "-m", "broadcast", "segment", str(REFERENCE), "--format", "json"],
                         capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    jsonschema.validate(data, schema)
    assert [s["speaker"] for s in data["segments"]] == [s["speaker"] for s in reference_labels["segments"]]
