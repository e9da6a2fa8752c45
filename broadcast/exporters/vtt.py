"""`STEM.vtt`: WebVTT with the report and profile in a NOTE, soundbite speakers as voice
spans, and the cues that share the screen with a lower-third lifted to the top.

Text is escaped as WebVTT requires (`&`, `<`, `>`), so a script's `<script>` or `&` is shown
as written, and a time in the text (`00:00:01.000`) gets an invisible word joiner after each
colon, so that no reader takes a line with two of them for a new cue. A raised cue gets
`line:8%`: its top edge 8% down the picture, clear of the lower-third, which is where
broadcasters put a subtitle displaced from the bottom.
"""

from __future__ import annotations

from broadcast.cue_text import timestamp
from broadcast.exporters import Exporter
from broadcast.exporters._inert import inert_vtt_line
from broadcast.exporters.srt import checked_cues
from broadcast.model import Build

#: cue settings for a subtitle lifted above a lower-third
RAISED = "line:8% align:center"


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def note(build: Build) -> str:
    """A NOTE block naming the report and the profile; `-->` may not appear in it."""
    profile = build.profile
    lines = [
        "NOTE",
        build.report.title,
        f"Profile {profile.name}: {profile.max_chars_per_line} characters a line, "
        f"{profile.max_lines} lines, {profile.max_chars_per_second:g} characters a second, "
        f"{float(profile.fps):g} frames a second.",
        "Subtitles that share the screen with a lower-third are lifted to the top.",
    ]
    return "\n".join(" ".join(line.split()).replace("-->", "->") for line in lines if line.strip())


def export(build: Build) -> str:
    blocks = ["WEBVTT", note(build)]
    for cue, lines in checked_cues(build.cues):
        timing = f"{timestamp(cue.start)} --> {timestamp(cue.end)}"
        if cue.raised:
            timing += f" {RAISED}"
        text = "\n".join(inert_vtt_line(escape(line)) for line in lines)
        speaker = build.report.segments[cue.segment_index].speaker
        if speaker is not None and speaker.name:
            text = f"<v {escape(speaker.name)}>{text}</v>"
        blocks.append(f"{cue.index}\n{timing}\n{text}")
    return "\n\n".join(blocks) + "\n"


EXPORTER = Exporter("vtt", ".vtt", export, "WebVTT subtitles with speakers and raised cues")
