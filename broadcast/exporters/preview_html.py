"""`STEM.preview.html`: how the captions play against time, in one self-contained page.

The 16:9 frame shows the events of the ASS file itself, read back with pysubs2: each style
of the profile's style sheet becomes a CSS rule with its font, colours, alignment and margins,
and each event keeps its layer, `\\pos`, `\\an`, fade and drawing. So the page places the
subtitles (moved ones included) and the lower-thirds where libass does, and a designer's
change to the style sheet shows in both. Below the frame: play, pause and seek, a timeline
with bands for the segments and lower-thirds and cue blocks coloured by reading speed, and
the list of cues. With `--video` the page plays that video with the WebVTT track, the
lower-thirds drawn over it.
"""

from __future__ import annotations

import math
import os
import re
from pathlib import Path
from urllib.parse import quote

import pysubs2

from broadcast.errors import BeyondFormat
from broadcast.exporters import Exporter, exporters
from broadcast.exporters._html import CONTENT_SECURITY_POLICY, escape, page, script_json
from broadcast.exporters.ass import SUBTITLE, SUBTITLE_TOP, unescape
from broadcast.model import Build
from broadcast.preview import CueView, Speed, cue_views, running_time
from broadcast.timecode import is_drop_frame_rate, ms_to_timecode
from broadcast.wording import count

#: libass sizes a font so that its ascent plus descent is the style's Fontsize; CSS sizes the
#: em. DejaVu Sans, the style sheets' font, is 2384 units high on a 2048 em.
EM_PER_FONTSIZE = 2048 / 2384
#: the page may play a local video and a WebVTT track made from a blob; nothing else loads
PREVIEW_POLICY = f"{CONTENT_SECURITY_POLICY}; media-src 'self' file: blob: data:"

_BLOCK = re.compile(r"\{([^}]*)\}")
_POS = re.compile(r"\\pos\(\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*\)")
_AN = re.compile(r"\\an([1-9])")
_FAD = re.compile(r"\\fade?\(\s*(\d+)\s*,\s*(\d+)\s*\)")
_DRAWING_MODE = re.compile(r"\\p(\d+)")
_BREAK = re.compile(r"\\[Nn]")
_DRAWING_COMMANDS = {"m": "M", "n": "M", "l": "L", "b": "C", "s": "L", "p": "L", "c": "Z"}


def _rgba(color: pysubs2.Color) -> str:
    return f"rgba({color.r},{color.g},{color.b},{(255 - color.a) / 255:.3f})"


def _column(alignment: int) -> int:
    """0 left, 1 centre, 2 right: the numpad layout ASS alignments follow."""
    return (alignment - 1) % 3


def _row(alignment: int) -> int:
    """0 bottom, 1 middle, 2 top."""
    return (alignment - 1) // 3


def style_css(selector: str, style: pysubs2.SSAStyle) -> str:
    """A style of the sheet as CSS on the PlayRes-sized canvas (sizes are canvas pixels)."""
    size = style.fontsize
    rules = [
        f"font-family:{escape(repr(style.fontname))},'DejaVu Sans',sans-serif",
        f"font-size:{size * EM_PER_FONTSIZE:.2f}px", f"line-height:{size:g}px",
        f"color:{_rgba(style.primarycolor)}",
        f"font-weight:{700 if style.bold else 400}", f"font-style:{'italic' if style.italic else 'normal'}",
        f"letter-spacing:{style.spacing:g}px",
        f"text-align:{('left', 'center', 'right')[_column(int(style.alignment))]}",
    ]
    box_rules = []
    if style.borderstyle in (3, 4):  # a box behind each line: 3 in OutlineColour, 4 in BackColour
        box = style.outlinecolor if style.borderstyle == 3 else style.backcolor
        # The box grows outwards from the text, which stays where it would be without it, and
        # lies under the text of every line (one line's box must not cover the line above).
        box_rules += ["content:''", "position:absolute", f"inset:{-style.outline:g}px", "z-index:-1",
                      f"background:{_rgba(box)}"]
        if style.shadow:
            box_rules.append(f"box-shadow:{style.shadow:g}px {style.shadow:g}px 0 {_rgba(style.backcolor)}")
    else:
        shadows = []
        if style.outline:
            # a ring of offset copies draws the outline around the glyphs, as libass does
            shadows += [f"{style.outline * math.cos(a):.2f}px {style.outline * math.sin(a):.2f}px 0 "
                        f"{_rgba(style.outlinecolor)}" for a in (i * math.pi / 8 for i in range(16))]
        if style.shadow:
            shadows.append(f"{style.shadow:g}px {style.shadow:g}px 0 {_rgba(style.backcolor)}")
        if shadows:
            rules.append(f"text-shadow:{','.join(shadows)}")
    css = f"{selector}{{{';'.join(rules)}}}"
    if box_rules:
        css += f"\n{selector} .line{{position:relative}}\n{selector} .line::before{{{';'.join(box_rules)}}}"
    return css


def _drawing_path(commands: str, scale: int) -> tuple[str, tuple[float, float, float, float]]:
    """An ASS drawing as an SVG path, with its bounding box (x, y, width, height)."""
    factor = 2 ** (scale - 1)
    out, xs, ys, numbers = [], [], [], []
    for token in commands.split():
        if token in _DRAWING_COMMANDS:
            out.append(_DRAWING_COMMANDS[token])
            continue
        try:
            value = float(token) / factor
        except ValueError:
            continue
        (xs if len(numbers) % 2 == 0 else ys).append(value)
        numbers.append(value)
        out.append(f"{value:g}")
    if not xs:
        return "", (0, 0, 0, 0)
    return " ".join(out) + " Z", (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def _placement(alignment: int, pos: tuple[float, float] | None, event: pysubs2.SSAEvent,
               style: pysubs2.SSAStyle, play_res: tuple[int, int]) -> list[str]:
    """CSS placing an event: at its `\\pos` anchor, else inside the margins, as libass does."""
    column, row = _column(alignment), _row(alignment)
    if pos is not None:
        x, y = pos
        return [f"left:{x:g}px", f"top:{y:g}px", "width:max-content",
                f"transform:translate({-50 * column}%,{-50 * (2 - row)}%)",
                f"text-align:{('left', 'center', 'right')[column]}"]
    left = event.marginl or style.marginl
    right = event.marginr or style.marginr
    vertical = event.marginv or style.marginv
    rules = [f"left:{left:g}px", f"right:{right:g}px", f"text-align:{('left', 'center', 'right')[column]}"]
    if row == 0:
        rules.append(f"bottom:{vertical:g}px")
    elif row == 2:
        rules.append(f"top:{vertical:g}px")
    else:
        rules += [f"top:{play_res[1] / 2:g}px", "transform:translateY(-50%)"]
    return rules


def event_markup(event: pysubs2.SSAEvent, style_class: str, style: pysubs2.SSAStyle,
                 play_res: tuple[int, int]) -> str:
    """One ASS event as an element of the frame, shown by the page's script between its times."""
    tags = " ".join(_BLOCK.findall(event.text))
    pos = _POS.search(tags)
    an = _AN.search(tags)
    fade = _FAD.search(tags)
    alignment = int(an.group(1)) if an else int(style.alignment)
    place = _placement(alignment, (float(pos.group(1)), float(pos.group(2))) if pos else None,
                       event, style, play_res)
    place.append(f"z-index:{event.layer}")
    data = f'data-start="{event.start}" data-end="{event.end}"'
    if fade:
        data += f' data-fade-in="{fade.group(1)}" data-fade-out="{fade.group(2)}"'
    subtitle = ' data-subtitle=""' if event.style in (SUBTITLE, SUBTITLE_TOP) else ""
    text, drawing, scale = [], [], 0
    for i, piece in enumerate(_BLOCK.split(event.text)):
        if i % 2:  # an override block: only the drawing mode changes what follows
            mode = _DRAWING_MODE.findall(piece)
            scale = int(mode[-1]) if mode else scale
        elif scale:
            drawing.append(_drawing_path(piece, scale))
        else:
            text.append(piece)
    if drawing:
        path, (x, y, width, height) = drawing[0]
        return (f'<svg class="ev {style_class}" {data}{subtitle} style="{";".join(place)};'
                f'width:{width:g}px;height:{height:g}px" viewBox="{x:g} {y:g} {width:g} {height:g}" '
                f'aria-hidden="true"><path d="{escape(path)}" fill="{_rgba(style.primarycolor)}"/></svg>')
    lines = _BREAK.split("".join(text).replace("\\h", "\u00a0"))
    body = "<br>".join(f'<span class="line">{escape(unescape(line))}</span>' for line in lines)
    return f'<div class="ev {style_class}" {data}{subtitle} style="{";".join(place)}">{body}</div>'


def frame_markup(ass_text: str) -> tuple[str, str, tuple[int, int]]:
    """The ASS file as (CSS for its styles, the frame's elements, its PlayRes)."""
    ass = pysubs2.SSAFile.from_string(ass_text, format_="ass")
    play_res = (int(ass.info.get("PlayResX", 384)), int(ass.info.get("PlayResY", 288)))
    classes = {name: f"st{i}" for i, name in enumerate(ass.styles)}
    css = "\n".join(style_css(f".canvas .{classes[name]}", style) for name, style in ass.styles.items())
    events = "\n".join(
        event_markup(e, classes.get(e.style, ""), ass.styles.get(e.style, pysubs2.SSAStyle()), play_res)
        for e in ass.events if not e.is_comment)
    return css, events, play_res


def _tc(build: Build, ms: int) -> str:
    return ms_to_timecode(build.offset + ms, build.profile.fps)


def _percent(ms: int, total: int) -> str:
    return f"{100 * ms / total:.4f}%" if total else "0%"


def timeline_markup(build: Build, views: tuple[CueView, ...]) -> str:
    total = running_time(build)
    segments, supers, cues = [], [], []
    for i, timed in enumerate(build.timeline):
        segment = timed.segment
        label = str(segment.kind).replace("_", " ")
        who = segment.speaker.name or segment.speaker.title if segment.speaker else ""
        segments.append(
            f'<div class="band kind-{segment.kind}" data-segment="{i}" data-start="{timed.start}" '
            f'style="left:{_percent(timed.start, total)};width:{_percent(timed.duration, total)}" '
            f'title="{escape(label + (": " + who if who else ""))}">{escape(label)}</div>')
    for s in build.supers:
        text = " — ".join(p for p in (s.lower_third.name, s.lower_third.title) if p)
        supers.append(
            f'<div class="band super" data-start="{s.start}" style="left:{_percent(s.start, total)};'
            f'width:{_percent(s.end - s.start, total)}" title="{escape(text)}">{escape(text)}</div>')
    for v in views:
        c = v.cue
        cues.append(
            f'<div class="cue speed-{v.speed}" data-cue="{c.index}" tabindex="0" '
            f'style="left:{_percent(c.start, total)};width:{_percent(c.duration, total)}" '
            f'title="{escape(f"{c.index}: {c.text}")}"></div>')
    return (
        '<section class="timeline" id="timeline" aria-label="timeline">\n'
        f'<div class="track segments"><span class="label">segments</span>{"".join(segments)}</div>\n'
        f'<div class="track supers"><span class="label">lower-thirds</span>{"".join(supers)}</div>\n'
        f'<div class="track cues"><span class="label">cues</span>{"".join(cues)}</div>\n'
        '<div class="playhead" id="playhead"></div>\n</section>')


def cue_table(build: Build, views: tuple[CueView, ...]) -> str:
    rows = []
    for v in views:
        c = v.cue
        lines = "<br>".join(escape(line) for line in c.lines)
        rows.append(
            f'<tr data-cue="{c.index}"><td>{c.index}</td><td>{_tc(build, c.start)}</td>'
            f'<td>{_tc(build, c.end)}</td><td>{c.duration / 1000:.2f}</td>'
            f'<td class="speed-{v.speed}">{v.cps:.1f}</td><td>{escape(str(v.kind))}'
            f'{" (top)" if c.raised else ""}</td><td>{escape(v.speaker)}</td><td>{lines}</td>'
            f'<td class="breach">{escape("; ".join(v.breaches))}</td></tr>')
    return ('<table class="cues-list"><thead><tr><th>#</th><th>start</th><th>end</th><th>dur</th>'
            '<th>cps</th><th>segment</th><th>speaker</th><th>text</th><th>breaches</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _video_url(video: Path, output_dir: Path | None) -> str:
    """The video as a URL relative to the page's folder, so the folder can be moved whole."""
    if output_dir is not None:
        video = Path(os.path.relpath(Path(video).resolve(), Path(output_dir).resolve()))
    return quote(Path(video).as_posix())


def page_data(build: Build, views: tuple[CueView, ...]) -> dict:
    """What the page's script reads: times, and each cue's details for the panel."""
    return {
        "total": running_time(build),
        "offset": build.offset,
        "fps": [build.profile.fps.numerator, build.profile.fps.denominator],
        "dropFrame": is_drop_frame_rate(build.profile.fps),
        "cues": [
            {"index": v.cue.index, "start": v.cue.start, "end": v.cue.end, "lines": list(v.cue.lines),
             "from": _tc(build, v.cue.start), "to": _tc(build, v.cue.end),
             "duration": v.cue.duration, "cps": round(v.cps, 1), "speed": v.speed,
             "kind": str(v.kind), "speaker": v.speaker, "raised": v.cue.raised,
             "breaches": list(v.breaches)}
            for v in views
        ],
        "vtt": exporters()["vtt"].export(build) if build.options.get("video") else None,
    }


def export(build: Build) -> str:
    views = cue_views(build)
    try:
        ass_text = exporters()["ass"].export(build)
    except BeyondFormat as exc:
        raise BeyondFormat(f"the page draws the ASS file's events, and {exc}") from None
    style_rules, events, (width, height) = frame_markup(ass_text)
    profile = build.profile
    over = sum(v.speed == Speed.OVER for v in views)
    near = sum(v.speed == Speed.NEAR for v in views)
    video = build.options.get("video")
    player = ""
    if video:
        player = (f'<video id="video" src="{escape(_video_url(video, build.options.get("output_dir")))}" '
                  'preload="auto" playsinline><track id="track" kind="subtitles" srclang="en" '
                  'label="Subtitles" default></video>')
    body = f"""<header>
<h1>{escape(build.report.title)}</h1>
<p class="summary">Caption preview · profile <b>{escape(profile.name)}</b>
({profile.max_chars_per_second:g} characters a second, {profile.max_chars_per_line} characters ×
{profile.max_lines} lines, {float(profile.fps):g} fps) · running time {ms_to_timecode(build.total, profile.fps)} ·
{count(len(views), "cue")}, {count(len(build.supers), "lower-third")} · <span class="{'speed-over' if over else ''}">{over} over</span>,
<span class="{'speed-near' if near else ''}">{near} near</span> the reading speed</p>
</header>
<main>
<div class="stage{' with-video' if video else ''}" id="stage">{player}
<div class="canvas" id="canvas" style="width:{width}px;height:{height}px">
{events}
</div></div>
<div class="controls">
<button id="play" type="button">Play</button>
<input id="seek" type="range" min="0" max="{running_time(build)}" step="1" value="0" aria-label="seek">
<output id="clock">{_tc(build, 0)}</output>
<span class="legend"><span class="speed-within">within</span> <span class="speed-near">over 90%</span>
<span class="speed-over">over the limit</span></span>
</div>
{timeline_markup(build, views)}
<aside class="details" id="details" aria-live="polite">Point at a cue for its details; click to go to it.</aside>
{cue_table(build, views)}
</main>
<script type="application/json" id="preview-data">{script_json(page_data(build, views))}</script>"""
    html = page(f"{build.report.title} — caption preview", body, css=CSS + "\n" + style_rules, script=SCRIPT)
    # The one change to the shared policy: this page may play the producer's video.
    return html.replace(CONTENT_SECURITY_POLICY, PREVIEW_POLICY, 1)


CSS = """
:root{--within:#2e9d4f;--near:#e0a100;--over:#d23b3b}
body{margin:0;background:#15171a;color:#e8e8e8;font:14px/1.4 'DejaVu Sans',system-ui,sans-serif}
header,main{max-width:1180px;margin:0 auto;padding:0 16px}
h1{font-size:20px;margin:14px 0 4px}
.summary{margin:0 0 12px;color:#b8bcc2}
.stage{position:relative;aspect-ratio:16/9;overflow:hidden;background:linear-gradient(#3a4654,#1f262e);
  border:1px solid #333}
.stage video{position:absolute;inset:0;width:100%;height:100%;background:#000}
.canvas{position:absolute;left:0;top:0;transform-origin:0 0;pointer-events:none}
.canvas .ev{position:absolute;display:none;margin:0;white-space:pre}
.canvas .ev.on{display:block}
.with-video .canvas [data-subtitle]{visibility:hidden}
.controls{display:flex;align-items:center;gap:12px;margin:10px 0}
.controls button{min-width:72px;padding:4px 10px;font:inherit}
#seek{flex:1}
#clock{font-family:'DejaVu Sans Mono',monospace;font-size:15px}
.legend span{padding:1px 6px;border-radius:3px;color:#111}
.speed-within{background:var(--within)}.speed-near{background:var(--near)}.speed-over{background:var(--over)}
.summary .speed-over,.summary .speed-near{padding:0 4px;border-radius:3px;color:#111}
.timeline{position:relative;background:#1d2025;border:1px solid #333;padding:4px 0;cursor:pointer}
.track{position:relative;height:26px;margin:3px 0 3px 96px}
.track .label{position:absolute;left:-92px;top:4px;font-size:12px;color:#9aa}
.band,.cue{position:absolute;top:0;height:100%;box-sizing:border-box;overflow:hidden;white-space:nowrap;
  font-size:11px;line-height:26px;padding:0 3px;border-right:1px solid #15171a}
.kind-anchor_intro{background:#5b6abf}.kind-narration{background:#3f7f8f}.kind-soundbite{background:#a0602f}
.kind-standup{background:#7b4f9e}.kind-signoff{background:#556}
.super{background:#2a4f7a;border:1px solid #6fa0d8}
.cue{border-radius:2px}.cue:hover,.cue.pinned{outline:2px solid #fff;z-index:2}
.cue.now{filter:brightness(1.3)}
.playhead{position:absolute;top:0;bottom:0;width:2px;background:#fff;left:96px;pointer-events:none}
.details{min-height:3.6em;margin:10px 0;padding:8px 10px;background:#1d2025;border-left:4px solid #555;white-space:pre-line}
.cues-list{width:100%;border-collapse:collapse;margin:12px 0 32px;font-size:13px}
.cues-list th,.cues-list td{text-align:left;padding:3px 6px;border-bottom:1px solid #2a2d33;vertical-align:top}
.cues-list td.speed-within,.cues-list td.speed-near,.cues-list td.speed-over{color:#111}
.cues-list tr.now{background:#263040}.cues-list tbody tr{cursor:pointer}
.breach{color:#ff8a80}
"""

SCRIPT = r"""
(() => {
const D = JSON.parse(document.getElementById('preview-data').textContent);
const stage = document.getElementById('stage'), canvas = document.getElementById('canvas');
const video = document.getElementById('video');
const seekBar = document.getElementById('seek'), clock = document.getElementById('clock');
const playButton = document.getElementById('play'), details = document.getElementById('details');
const timeline = document.getElementById('timeline'), playhead = document.getElementById('playhead');
const cueTrack = timeline.querySelector('.track.cues');
const events = [...canvas.querySelectorAll('.ev')].map(el => ({el, start: +el.dataset.start,
  end: +el.dataset.end, fadeIn: +(el.dataset.fadeIn || 0), fadeOut: +(el.dataset.fadeOut || 0)}));
const cueBlocks = new Map([...document.querySelectorAll('.cue[data-cue]')].map(el => [+el.dataset.cue, el]));
const cueRows = new Map([...document.querySelectorAll('tr[data-cue]')].map(el => [+el.dataset.cue, el]));
const byIndex = new Map(D.cues.map(c => [c.index, c]));
let time = 0, playing = false, startedAt = 0, startedFrom = 0;

if (video && D.vtt) {  // the WebVTT track travels inside the page, as a blob
  const track = document.getElementById('track');
  track.src = URL.createObjectURL(new Blob([D.vtt], {type: 'text/vtt'}));
  track.track.mode = 'showing';
}

function fit() { canvas.style.transform = `scale(${stage.clientWidth / canvas.offsetWidth})`; }

// SMPTE timecode, drop-frame at 29.97 and 59.94, as broadcast/timecode.py writes it.
function timecode(ms) {
  const [num, den] = D.fps, nominal = Math.round(num / den);
  let frame = Math.round((ms + D.offset) * num / (1000 * den));
  if (D.dropFrame) {
    const skipped = 2 * Math.floor(nominal / 30), perTen = nominal * 600 - skipped * 9;
    const perMinute = nominal * 60 - skipped, tens = Math.floor(frame / perTen), rest = frame % perTen;
    frame += skipped * 9 * tens + (rest > skipped ? skipped * Math.floor((rest - skipped) / perMinute) : 0);
  }
  const two = n => String(n).padStart(2, '0'), seconds = Math.floor(frame / nominal);
  return `${two(Math.floor(seconds / 3600) % 24)}:${two(Math.floor(seconds / 60) % 60)}:` +
    `${two(seconds % 60)}${D.dropFrame ? ';' : ':'}${two(frame % nominal)}`;
}

function now() {
  if (video) return video.currentTime * 1000;
  return playing ? Math.min(D.total, startedFrom + performance.now() - startedAt) : time;
}

function render(t) {
  time = t;
  for (const e of events) {
    const on = e.start <= t && t < e.end;
    e.el.classList.toggle('on', on);
    if (on) {
      const fade = Math.min(1, e.fadeIn ? (t - e.start) / e.fadeIn : 1, e.fadeOut ? (e.end - t) / e.fadeOut : 1);
      e.el.style.opacity = fade;
    }
  }
  for (const c of D.cues) {
    const on = c.start <= t && t < c.end;
    cueBlocks.get(c.index).classList.toggle('now', on);
    cueRows.get(c.index).classList.toggle('now', on);
  }
  seekBar.value = Math.round(t);
  clock.textContent = timecode(t);
  playhead.style.left = `${cueTrack.offsetLeft + cueTrack.offsetWidth * (D.total ? t / D.total : 0)}px`;
}

function tick() {
  const t = now();
  render(t);
  if (!video && t >= D.total) pause();
  if (playing) requestAnimationFrame(tick);
}

function play() {
  if (playing) return;
  if (!video && time >= D.total) time = 0;
  playing = true; startedFrom = time; startedAt = performance.now();
  playButton.textContent = 'Pause';
  if (video) video.play();
  requestAnimationFrame(tick);
}

function pause() {
  if (!playing) return;
  time = now(); playing = false;
  playButton.textContent = 'Play';
  if (video) video.pause();
}

function seek(ms) {
  ms = Math.max(0, Math.min(D.total, ms));
  if (video) video.currentTime = ms / 1000;
  time = startedFrom = ms; startedAt = performance.now();
  render(ms);
}

function show(cue, pin) {
  details.textContent = [
    `Cue ${cue.index}  ${cue.from} → ${cue.to}  (${(cue.duration / 1000).toFixed(2)} s)`,
    `${cue.cps} characters a second · ${cue.kind}${cue.raised ? ', moved to the top' : ''} · ${cue.speaker}`,
    ...cue.lines,
    ...(cue.breaches.length ? [`Breaches: ${cue.breaches.join('; ')}`] : []),
  ].join('\n');
  details.style.borderLeftColor = `var(--${cue.speed})`;
  if (pin) {
    document.querySelectorAll('.cue.pinned').forEach(el => el.classList.remove('pinned'));
    cueBlocks.get(cue.index).classList.add('pinned');
  }
}

// a cue's start, to the next centisecond: ASS times are centiseconds
const cueTime = cue => Math.ceil(cue.start / 10) * 10;

playButton.addEventListener('click', () => playing ? pause() : play());
seekBar.addEventListener('input', () => seek(+seekBar.value));
for (const [index, el] of cueBlocks) {
  el.addEventListener('mouseenter', () => show(byIndex.get(index), false));
  el.addEventListener('focus', () => show(byIndex.get(index), false));
}
timeline.addEventListener('click', event => {
  const block = event.target.closest('.cue');
  if (block) {
    const cue = byIndex.get(+block.dataset.cue);
    show(cue, true); seek(cueTime(cue)); return;
  }
  const box = cueTrack.getBoundingClientRect();
  seek((event.clientX - box.left) / box.width * D.total);
});
for (const [index, row] of cueRows) {
  row.addEventListener('click', () => { const cue = byIndex.get(index); show(cue, true); seek(cueTime(cue)); });
}
document.addEventListener('keydown', event => {
  if (event.target.closest('input,button')) return;
  if (event.key === ' ') { event.preventDefault(); playing ? pause() : play(); }
  const step = {ArrowRight: 1, ArrowLeft: -1}[event.key];
  if (step) {
    const t = now(), list = step > 0 ? D.cues.filter(c => c.start > t + 10) : D.cues.filter(c => c.start < t - 10).reverse();
    if (list.length) { show(list[0], true); seek(cueTime(list[0])); }
  }
});
if (video) {
  video.addEventListener('seeked', () => render(now()));
  video.addEventListener('pause', () => { if (playing) pause(); });
}
new ResizeObserver(fit).observe(stage);
fit(); render(0);
window.preview = {seek, play, pause, time: now, timecode};
})();
"""

EXPORTER = Exporter("preview", ".preview.html", export,
                    "caption preview page: the frame as the ASS places it, timeline and reading speeds")
