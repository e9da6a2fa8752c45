"""`STEM.json`: the segmented report (report.schema.json) with timings, cues and supers."""

from __future__ import annotations

import json

from broadcast.exporters import Exporter
from broadcast.model import Build, Report, Segment
from broadcast.timecode import is_drop_frame_rate, ms_to_timecode


def _speaker(segment: Segment) -> dict | None:
    s = segment.speaker
    return None if s is None else {"name": s.name, "title": s.title}


def report_dict(report: Report) -> dict:
    """The report in the fixed JSON form, plus the source spans and the convention read."""
    return {
        "title": report.title,
        "tags": list(report.tags),
        "network": report.network,
        "correspondent": report.correspondent,
        "location": report.location,
        "convention": report.convention,
        "warnings": list(report.warnings),
        "segments": [
            {
                "kind": str(s.kind),
                "text": s.text,
                "speaker": _speaker(s),
                "span": list(s.span),
                **({"language": s.language} if s.language else {}),
                **({"translated": True} if s.translated else {}),
                **({"runs": s.runs / 1000} if s.runs else {}),
                **({"words_known": False, "in_words": s.cue_words[0], "out_words": s.cue_words[1]}
                   if s.cue_words else {}),
            }
            for s in report.segments
        ],
        "notes": [{"kind": str(n.kind), "text": n.text, "span": list(n.span), "rule": n.rule}
                  for n in report.notes],
        **({"signoff": {"written": report.signoff.written, "spoken": report.signoff.spoken,
                        "network": report.signoff.network, "location": report.signoff.location}}
           if report.signoff else {}),
        **({"stated_trt": report.stated_trt / 1000} if report.stated_trt is not None else {}),
        **({"form": report.form} if report.form else {}),
        **({"slug": report.slug} if report.slug else {}),
        "reading": dict(zip(("spoken_words", "prose_words"), report.prose_read())),
    }


def build_dict(build: Build) -> dict:
    data = report_dict(build.report)
    for entry, timed in zip(data["segments"], build.timeline):
        entry["start"], entry["end"] = timed.start / 1000, timed.end / 1000
    profile = build.profile
    data["profile"] = {"name": profile.name, "fps": float(profile.fps)}
    data["running_time"] = build.total / 1000
    data["cues"] = [
        {"index": c.index, "start": c.start / 1000, "end": c.end / 1000, "lines": list(c.lines),
         "segment": c.segment_index, "raised": c.raised}
        for c in build.cues
    ]
    data["supers"] = [
        {"name": s.lower_third.name, "title": s.lower_third.title, "start": s.start / 1000,
         "end": s.end / 1000, "segment": s.segment_index}
        for s in build.supers
    ]
    data["warnings"] = list(build.warnings)
    data["timing"] = timing_dict(build)
    data["package"] = package_dict(build)
    return data


def package_dict(build: Build) -> dict | None:
    """Which subtitle files play against what: the whole report's (`STEM.srt`, ...) from the
    anchor's first word, the package's (`STEM.package.srt`, ...) from the clip's first frame.
    None when the report has no package (a reader)."""
    from broadcast.exporters import exporters
    if build.package is None:
        return None
    taped = {id(s) for s in build.package.report.segments}
    segments = [i for i, s in enumerate(build.report.segments) if id(s) in taped]
    start = build.timeline[segments[0]].start
    whole = [e.suffix for e in exporters().values() if e.name in ("srt", "vtt", "ass")]
    clip = [e.suffix for e in exporters().values() if e.name.startswith("package-")]
    return {
        "start": start / 1000, "end": (start + build.package.total) / 1000,
        "running_time": build.package.total / 1000,
        "segments": segments,
        "files": {"report": whole, "package": clip},
        "note": "report files run from the anchor's first word; package files from the "
                "clip's first frame, to play against the package video",
    }


def timing_dict(build: Build) -> dict:
    """Where the times come from, and the programme time of the report's zero (`--start`):
    times in this file are from the report's start; add `offset` for programme time."""
    fps = build.profile.fps
    timing = {"basis": "words" if build.alignment else "read-time",
              "start": ms_to_timecode(build.offset, fps), "offset": build.offset / 1000,
              "drop_frame": is_drop_frame_rate(fps)}
    if a := build.alignment:
        timing |= {"source": a.source, "script_words": a.words, "recognised_words": a.recognised,
                   "matched": a.matched, "match_rate": round(a.match_rate, 4)}
    return timing


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


EXPORTER = Exporter("json", ".json", lambda build: dumps(build_dict(build)),
                    "the report, its timings, cues and lower-thirds as JSON")
