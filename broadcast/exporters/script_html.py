"""`STEM.script.html`: the two-column newsroom script, for the screen and for print.

Left, what the control room does (ANCHOR ON CAM, PKG, VO, SOT with in-cue, out-cue and
duration, CG supers exactly as the lower-thirds air, STANDUP with its locator, SOC); right,
the words. Each row carries its programme timecode and running time; the rows add up to
the total at the foot. Print styles keep rows whole across pages and repeat the column heads.
"""

from __future__ import annotations

from broadcast.exporters import Exporter
from broadcast.exporters._html import escape, page
from broadcast.exporters.supers_json import GUESSED
from broadcast.model import Build, Kind, SuperCue, TimedSegment
from broadcast.prompter import PrompterBlock, back_time, format_clock, format_duration, in_cue, out_cue, \
    prompter_blocks, runs, standard_out_cue
from broadcast.timecode import ms_to_timecode

CSS = """
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; background: #fff; color: #000;
       font: 12pt/1.45 "Liberation Serif", "Times New Roman", serif; }
header h1 { margin: 0 0 0.3rem; font: 700 15pt/1.2 "Liberation Sans", Arial, sans-serif; }
header p { margin: 0 0 1rem; font: 10pt/1.4 "Liberation Sans", Arial, sans-serif; color: #333; }
table { width: 100%; border-collapse: collapse; }
thead th { text-align: left; font: 700 9pt "Liberation Sans", Arial, sans-serif; letter-spacing: 0.06em;
           border-bottom: 2px solid #000; padding: 0.3rem 0.5rem; }
td { vertical-align: top; padding: 0.5rem; border-bottom: 1px solid #bbb; }
td.control { width: 36%; font: 9.5pt/1.35 "Liberation Sans", Arial, sans-serif; border-right: 1px solid #bbb; }
td.words { font-size: 12.5pt; line-height: 1.7; }
.time { font: 9pt "DejaVu Sans Mono", "Liberation Mono", monospace; color: #444; margin-bottom: 0.2rem; }
.command { font-weight: 700; letter-spacing: 0.03em; }
.detail { margin-top: 0.15rem; }
.cg { margin-top: 0.35rem; padding: 0.25rem 0.4rem; border-left: 3px solid #000; background: #f2f2f2; }
.cg .name { font-weight: 700; }
.cg.credit { border-left-style: dashed; }
.cg.check { background: #fff3b0; border-left-color: #b35c00; }
.cg .check { font-weight: 700; color: #8a3b00; }
.cg .time { margin: 0.1rem 0 0; }
tr.package td { background: #e8e8e8; font: 700 10pt "Liberation Sans", Arial, sans-serif; }
tr.soundbite td.words { font-style: italic; color: #333; }
tr.soundbite td.words::before { content: "SOT: "; font-style: normal; font-weight: 700;
                                font-family: "Liberation Sans", Arial, sans-serif; font-size: 9pt; }
tfoot td { border-top: 2px solid #000; border-bottom: 0; font: 700 10pt "Liberation Sans", Arial, sans-serif; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  .cg { background: none; }
}
"""

_COMMAND = {Kind.ANCHOR_INTRO: "ANCHOR ON CAM", Kind.NARRATION: "VO", Kind.SOUNDBITE: "SOT",
            Kind.STANDUP: "STANDUP", Kind.SIGNOFF: "SOC"}


def _timecode(build: Build, ms: int) -> str:
    """The programme timecode, with frames, of a time in the report (`--start` added)."""
    return ms_to_timecode(build.offset + ms, build.profile.fps)


def _cg(build: Build, cue: SuperCue, locator: bool) -> str:
    lt = cue.lower_third
    label = "CG CREDIT" if cue.credit else "CG LOCATOR" if locator else "CG"
    classes = "cg" + " credit" * cue.credit + " check" * lt.guessed
    return (f'<div class="{classes}" data-name="{escape(lt.name)}" data-title="{escape(lt.title)}">'
            f"<div>{label}</div>"
            + (f'<div class="check">CHECK: {escape(GUESSED)}</div>' if lt.guessed else "")
            + (f'<div class="name">{escape(lt.name)}</div>' if lt.name else "")
            + (f'<div class="title">{escape(lt.title)}</div>' if lt.title else "")
            + f'<div class="time">IN {_timecode(build, cue.start)}</div>'
            f'<div class="time">OUT {_timecode(build, cue.end)}</div></div>')


def _control(build: Build, block: PrompterBlock) -> str:
    timed = build.timeline[block.segment_index]
    segment = timed.segment
    runs = format_duration(block.reads)
    parts = [f'<div class="time"><span class="tc">{_timecode(build, timed.start)}</span> · '
             f'<span class="runs">{runs}</span></div>',
             f'<div class="command">{_COMMAND[segment.kind]}</div>']
    details: list[str] = []
    if segment.kind is Kind.NARRATION and build.report.correspondent:
        details.append(f"track: {build.report.correspondent}")
    if segment.kind is Kind.SOUNDBITE:
        if segment.language:
            details.append(segment.language + (", translated" if segment.translated else ""))
        details += [f'IN: "{in_cue(segment.text)}"', f'OUT: "{out_cue(segment.text)}"', f"RUNS {runs}"]
    parts += [f'<div class="detail">{escape(d)}</div>' for d in details]
    parts += [_cg(build, cue, segment.kind is Kind.STANDUP)
              for cue in build.supers if cue.segment_index == block.segment_index]
    return "".join(parts)


def _words(build: Build, timed: TimedSegment) -> str:
    segment = timed.segment
    if segment.kind is Kind.SIGNOFF:
        return escape(standard_out_cue(build.report, segment))
    return escape(segment.text)


def script_html(build: Build) -> str:
    blocks = prompter_blocks(build)
    timing = back_time(build, blocks)
    total = sum(b.reads for b in blocks)
    report = build.report
    rows = []
    for run in runs(blocks):
        if run[0].kind is not Kind.ANCHOR_INTRO:
            last = build.timeline[run[-1].segment_index].segment
            out = standard_out_cue(report, last) if last.kind is Kind.SIGNOFF else out_cue(last.text)
            out_line = escape(f'OUT: "{out}"')
            rows.append(f'<tr class="package"><td class="control">PKG · RUNS '
                        f'{format_duration(sum(b.reads for b in run))}</td>'
                        f'<td class="words">{out_line}</td></tr>')
        for block in run:
            timed = build.timeline[block.segment_index]
            rows.append(f'<tr class="{block.kind}" data-segment="{block.segment_index}">'
                        f'<td class="control">{_control(build, block)}</td>'
                        f'<td class="words">{_words(build, timed)}</td></tr>')
    facts = [f for f in (report.network, report.correspondent, report.location) if f]
    facts += [f"{float(build.profile.fps):g} fps", f"starts {_timecode(build, 0)}"]
    if timing:
        facts += [f"on air {format_clock(timing.on_air)}", f"off {format_clock(timing.off_air)}"]
    body = (
        f"<header><h1>{escape(report.title)}</h1><p>{escape(' · '.join(facts))}</p></header>\n"
        '<table><thead><tr><th>CONTROL ROOM</th><th>WORDS</th></tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + f'\n</tbody><tfoot><tr><td class="control" id="total">TOTAL {format_duration(total)} · '
        f'ends {_timecode(build, build.total)}</td><td></td></tr></tfoot></table>'
    )
    return page(f"Script: {report.title}", body, css=CSS)


EXPORTER = Exporter("script", ".script.html", script_html,
                    "the two-column newsroom script: control-room column, words, running times")
