"""`STEM.supers.json`: the lower-thirds for the graphics system, one record a super.

Each record has its in and out times in seconds from the report's start (for a clip that
starts with the report) and as programme timecode with frames (`--start` added), and the template
fields as CasparCG templates name them: `f0` the name, `f1` the title (for a stand-up, the
location). The fields are exactly the lower-thirds of the subtitles and the script. `type`
says whether it is a name super (`lower-third`) or a credit the script asks for (`credit`,
its text in `f1`); `check` is set where the split of name and title is a guess, to be
checked before air.
"""

from __future__ import annotations

import json

from broadcast.exporters import Exporter
from broadcast.model import Build
from broadcast.timecode import ms_to_timecode

FIELDS = ("index", "segment", "kind", "in", "out", "duration", "in_timecode", "out_timecode", "f0", "f1",
          "type", "check")
#: what `check` says of a guessed split
GUESSED = "name/title split guessed: check before air"


def super_records(build: Build) -> list[dict]:
    """One dict a lower-third, keyed by `FIELDS`, in the order they go to air."""
    fps = build.profile.fps
    return [
        {
            "index": n,
            "segment": cue.segment_index,
            "kind": str(build.timeline[cue.segment_index].segment.kind),
            "in": cue.start / 1000,
            "out": cue.end / 1000,
            "duration": (cue.end - cue.start) / 1000,
            "in_timecode": ms_to_timecode(build.offset + cue.start, fps),
            "out_timecode": ms_to_timecode(build.offset + cue.end, fps),
            "f0": cue.lower_third.name,
            "f1": cue.lower_third.title,
            "type": "credit" if cue.credit else "lower-third",
            "check": GUESSED if cue.lower_third.guessed else "",
        }
        for n, cue in enumerate(build.supers, 1)
    ]


def supers_json(build: Build) -> str:
    data = {"title": build.report.title, "fps": float(build.profile.fps), "supers": super_records(build)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


EXPORTER = Exporter("supers-json", ".supers.json", supers_json,
                    "lower-thirds for the graphics system: in/out times, f0 name, f1 title")
