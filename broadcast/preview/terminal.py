"""`broadcast preview`: the caption timeline in the terminal, and real-time playback (`--play`).

A table (rich) in a terminal; plain columns when the output is a pipe or a file, so that every
cue stays on one line for grep and diff.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from rich.align import Align
from rich.console import Console, Group
from rich.live import Live
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from broadcast.errors import UnusableInput
from broadcast.model import Build, Cue, SuperCue
from broadcast.preview import CueView, Speed, cue_views, running_time
from broadcast.timecode import ms_to_timecode
from broadcast.wording import count

SPEED_STYLE = {Speed.WITHIN: "green", Speed.NEAR: "yellow", Speed.OVER: "bold red"}
SUPER_STYLE = "cyan"


def show(build: Build, play: bool = False, speed: float = 1.0, console: Console | None = None,
         clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep) -> None:
    """Print the timeline, or play the captions at `speed` times real time."""
    console = console or Console(highlight=False)
    if play:
        if not speed > 0:
            raise UnusableInput(f"--speed must be more than 0, not {speed:g}")
        playback(build, speed, console, clock, sleep)
    elif console.is_terminal:
        console.print(timeline_table(build, console.width))
        console.print(summary(build))
    else:
        console.file.write(plain_timeline(build))


def _tc(build: Build, ms: int) -> str:
    return ms_to_timecode(build.offset + ms, build.profile.fps)


def _rows(build: Build) -> list[CueView | SuperCue]:
    """Cues and lower-thirds in order of appearance; a lower-third before the cue it comes with."""
    items: list[CueView | SuperCue] = [*cue_views(build), *build.supers]
    return sorted(items, key=lambda x: (x.start if isinstance(x, SuperCue) else x.cue.start,
                                        isinstance(x, CueView)))


def _super_text(s: SuperCue) -> str:
    return " — ".join(part for part in (s.lower_third.name, s.lower_third.title) if part)


#: the columns beside the subtitle lines, most wanted first: as the terminal narrows they
#: are dropped from the end, so that the lines keep their width and are never re-wrapped
COLUMNS = ("#", "start", "cps", "dur", "segment", "speaker", "end", "breaches")
_RIGHT = {"#", "dur", "cps"}
#: rich draws a column in its width plus a space each side and a rule
_PER_COLUMN, _EDGE = 3, 1
#: a breaches column narrower than this is not worth its place (it wraps)
_BREACHES_MIN = 16


def _cells(build: Build, row: CueView | SuperCue) -> dict[str, Text | str]:
    if isinstance(row, SuperCue):
        kind = "credit" if row.credit else "lower-third"
        return {"#": "LT", "start": _tc(build, row.start), "end": _tc(build, row.end),
                "dur": f"{(row.end - row.start) / 1000:.2f}", "cps": "",
                "lines": Text("\n".join(p for p in (row.lower_third.name, row.lower_third.title) if p),
                              style=SUPER_STYLE),
                "segment": Text(kind, style=SUPER_STYLE), "speaker": "", "breaches": ""}
    cue = row.cue
    return {"#": str(cue.index), "start": _tc(build, cue.start), "end": _tc(build, cue.end),
            "dur": f"{cue.duration / 1000:.2f}", "cps": Text(f"{row.cps:.1f}", style=SPEED_STYLE[row.speed]),
            "lines": Text("\n".join(cue.lines)), "segment": str(row.kind) + (" (top)" if cue.raised else ""),
            "speaker": row.speaker, "breaches": Text("; ".join(row.breaches), style="red")}


def _width(cell: Text | str) -> int:
    return max((len(line) for line in str(cell).split("\n")), default=0)


def timeline_table(build: Build, width: int = 200) -> Table:
    """The timeline as a table at most `width` columns wide: the subtitle lines get their
    full width first, then the other columns as they fit, most wanted first."""
    profile = build.profile
    rows = [_cells(build, row) for row in _rows(build)]
    widths = {name: max([len(name), *(_width(r[name]) for r in rows)]) for name in ("lines", *COLUMNS)}
    used = _EDGE + _PER_COLUMN + widths["lines"]
    shown = []
    for name in COLUMNS:
        need = min(widths[name], _BREACHES_MIN) if name == "breaches" else widths[name]
        if name == "breaches" and not any(str(r["breaches"]) for r in rows):
            continue
        if used + _PER_COLUMN + need <= width:
            shown.append(name)
            used += _PER_COLUMN + (need if name != "breaches" else 0)
    table = Table(title=f"{build.report.title}", caption=f"profile {profile.name}: "
                  f"{profile.max_chars_per_second:g} cps, {profile.max_chars_per_line} chars x "
                  f"{profile.max_lines} lines, {float(profile.fps):g} fps", title_justify="left")
    order = [name for name in ("#", "start", "end", "dur", "cps") if name in shown] + ["lines"] + \
        [name for name in ("segment", "speaker", "breaches") if name in shown]
    for name in order:
        if name == "lines":
            table.add_column(name, no_wrap=True, min_width=widths["lines"])
        elif name == "breaches":
            table.add_column(name, max_width=max(_BREACHES_MIN, width - used - _PER_COLUMN))
        else:
            table.add_column(name, justify="right" if name in _RIGHT else "left", no_wrap=True)
    for cells in rows:
        table.add_row(*(cells[name] for name in order))
    return table


def summary(build: Build) -> str:
    views = cue_views(build)
    over = sum(v.speed == Speed.OVER for v in views)
    near = sum(v.speed == Speed.NEAR for v in views)
    breaching = sum(bool(v.breaches) for v in views)
    return (f"{count(len(views), 'cue')}, {count(len(build.supers), 'lower-third')}, "
            f"running time {_tc(build, build.total)}; {over} over "
            f"{build.profile.max_chars_per_second:g} cps, {near} near it; "
            f"{count(breaching, 'cue')} breaching the profile")



def plain_timeline(build: Build) -> str:
    """One line a cue or lower-third, columns two spaces apart, lines of a cue joined by ' / '."""
    rows = _rows(build)
    speakers = [r.speaker for r in rows if isinstance(r, CueView)]
    width = max(map(len, speakers), default=7)
    out = [f"{'#':>3}  {'start':11}  {'end':11}  {'dur':>5}  {'cps':>4}  {'segment':13}  "
           f"{'speaker':{width}}  text"]
    for row in rows:
        if isinstance(row, SuperCue):
            out.append(f"{'LT':>3}  {_tc(build, row.start)}  {_tc(build, row.end)}  "
                       f"{(row.end - row.start) / 1000:5.2f}  {'':>4}  {'credit' if row.credit else 'lower-third':13}  "
                       f"{'':{width}}  {_super_text(row)}")
            continue
        cue = row.cue
        flag = {Speed.WITHIN: " ", Speed.NEAR: "~", Speed.OVER: "!"}[row.speed]
        kind = str(row.kind) + ("^" if cue.raised else "")
        line = (f"{cue.index:>3}  {_tc(build, cue.start)}  {_tc(build, cue.end)}  {cue.duration / 1000:5.2f}  "
                f"{row.cps:4.1f}{flag} {kind:13}  {row.speaker:{width}}  {' / '.join(cue.lines)}")
        if row.breaches:
            line += f"  [{'; '.join(row.breaches)}]"
        out.append(line)
    out.append(summary(build))
    out.append("cps: ~ near the profile's limit, ! over it; ^ subtitle moved to the top")
    return "\n".join(out) + "\n"


def _on_screen(build: Build, t: int) -> tuple[list[Cue], list[SuperCue]]:
    return ([c for c in build.cues if c.start <= t < c.end],
            [s for s in build.supers if s.start <= t < s.end])


def frame(build: Build, t: int) -> Panel:
    """A small picture of the screen at t: raised subtitles at the top, the lower-third at
    the lower left, subtitles at the bottom, as the ASS places them."""
    cues, supers = _on_screen(build, t)
    lines = build.profile.max_lines

    def block(texts: list[Text], centred: bool) -> list:
        texts = texts[:lines] + [Text(" ")] * (lines - len(texts))  # an empty Text takes no row
        return [Align.center(x) if centred else x for x in texts]

    top = [Text(line, style="bold") for c in cues if c.raised for line in c.lines]
    bottom = [Text(line, style="bold") for c in cues if not c.raised for line in c.lines]
    lower_third = [Text(x, style=f"{style} {SUPER_STYLE}") for s in supers if not s.credit
                   for x, style in ((s.lower_third.name, "bold"), (s.lower_third.title, ""))]
    body = [*block(top, True), Text(" "), *block(lower_third, False), *block(bottom[::-1], True)[::-1]]
    segment = next((ts.segment for ts in build.timeline if ts.start <= t < ts.end), None)
    where = " · ".join([str(segment.kind) if segment else "end",
                        *(f"credit: {s.lower_third.title}" for s in supers if s.credit)])
    return Panel(Group(*body), title=_tc(build, t), subtitle=where, width=build.profile.max_chars_per_line + 24)


def playback(build: Build, speed: float, console: Console,
             clock: Callable[[], float], sleep: Callable[[float], None]) -> None:
    """Show what is on screen as time runs, `speed` times real time, the way srt-play does."""
    end = running_time(build)
    changes = sorted({0, end, *(c.start for c in build.cues), *(c.end for c in build.cues),
                      *(s.start for s in build.supers), *(s.end for s in build.supers)})
    began = clock()

    def wait_until(t: int) -> None:
        remaining = began + t / 1000 / speed - clock()
        if remaining > 0:
            sleep(remaining)

    if not console.is_terminal:
        starts = sorted([(c.start, 1, " / ".join(c.lines)) for c in build.cues] +
                        [(s.start, 0, f"[lower-third] {_super_text(s)}") for s in build.supers])
        for t, _, text in starts:
            wait_until(t)
            console.file.write(f"{_tc(build, t)}  {text}\n")
            console.file.flush()
        wait_until(end)
        console.file.write(f"{_tc(build, end)}  [end]\n")
        return
    with Live(frame(build, 0), console=console, auto_refresh=False, transient=False) as live:
        for t in changes:
            wait_until(t)
            live.update(frame(build, t), refresh=True)
