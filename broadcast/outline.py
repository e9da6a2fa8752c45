"""A readable outline of a segmented report: kinds, speakers and word counts."""

from __future__ import annotations

from broadcast.model import Report

_LABEL = {
    "anchor_intro": "ANCHOR INTRO", "narration": "NARRATION", "soundbite": "SOUNDBITE",
    "standup": "STAND-UP", "signoff": "SIGN-OFF",
}


def outline(report: Report) -> str:
    lines = [report.title or "(untitled)"]
    if report.tags:
        lines.append("tags: " + ", ".join(report.tags))
    facts = [f"{k}: {v}" for k, v in (("correspondent", report.correspondent),
                                       ("network", report.network), ("location", report.location)) if v]
    lines.append(" | ".join(facts + [f"convention: {report.convention}"]))
    lines.append("")
    total = 0
    spoken_before = False  # anchor copy after the report is the anchor's tag
    for i, s in enumerate(report.segments, 1):
        label = "ANCHOR TAG" if s.kind == "anchor_intro" and spoken_before else _LABEL[str(s.kind)]
        spoken_before = spoken_before or s.kind != "anchor_intro"
        words = len(s.text.split())
        total += words
        who = ""
        if s.speaker:
            who = " — " + ", ".join(p for p in (s.speaker.name, s.speaker.title) if p)
        notes = [n for n in (s.language, "translated" if s.translated else None) if n]
        extra = f" [{', '.join(notes)}]" if notes else ""
        lines.append(f"{i:>3}  {label:<12} {words:>4} words{who}{extra}")
        preview = s.text if len(s.text) <= 72 else s.text[:69] + "..."
        lines.append(f"     {preview}")
    lines.append("")
    lines.append(f"{len(report.segments)} segments, {total} words")
    return "\n".join(lines) + "\n"
