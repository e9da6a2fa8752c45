"""`STEM.prompter.html`: a prompter in one self-contained page.

Large copy on black scrolls past a reading line at the read rate: each block takes exactly
its read time to pass the line, so the page keeps to the report's timing whatever the font
size. Keys: Space starts and pauses; Up and Down change the speed; Right/Page Down and
Left/Page Up jump between segments; Home and End go to either end; M mirrors the copy for a
beam-splitter glass; + and - change the font size. The state is on `<body>` as data
attributes (`data-playing`, `data-position` in ms, `data-speed`, `data-mirror`,
`data-segment`, `data-font-size`) and in `window.prompter`, for automation and tests.
"""

from __future__ import annotations

from broadcast.exporters import Exporter
from broadcast.exporters._html import escape, page
from broadcast.model import Build
from broadcast.prompter import PrompterBlock, back_time, block_marks, format_clock, format_duration, \
    package_marks, prompter_blocks, prompter_width, runs

CSS = """
html, body { margin: 0; height: 100%; overflow: hidden; background: #000; color: #fff; }
body { font-family: "Liberation Sans", "Helvetica Neue", Arial, sans-serif; }
#stage { position: fixed; top: 0; left: 0; right: 0; bottom: 3rem; }
body[data-mirror="true"] #stage { transform: scaleX(-1); }
#viewport { position: absolute; inset: 0; overflow: hidden; }
#copy { position: relative; width: 88%; margin: 0 auto; font-size: 64px; line-height: 1.3;
        font-weight: 700; }
.block { margin: 0; padding: 0 0 0.9em; }
.mark { margin: 0 0 0.3em; font-size: 0.4em; font-weight: 400; letter-spacing: 0.04em;
        color: #f5c542; }
.words { margin: 0; overflow-wrap: break-word; }
.package { color: #7fd1ff; }
.cue { margin: 0; padding: 0.4em 0.6em; font-size: 0.45em; font-weight: 700; color: #000;
       background: #f5c542; border-radius: 0.2em; }
.cue span { display: block; }
.signoff .words { color: #7fd1ff; }
#reading-line { position: absolute; left: 0; right: 0; top: 30%; height: 0;
                border-top: 3px solid rgba(255, 70, 70, 0.7); pointer-events: none; }
#reading-line::before { content: "\\25B6"; position: absolute; left: 0.4rem; top: -0.8em;
                        font-size: 1.6rem; color: #ff4646; }
#status { position: fixed; left: 0; right: 0; bottom: 0; height: 3rem; display: flex;
          align-items: center; gap: 1.4rem; padding: 0 1rem; background: #151515; color: #ccc;
          font: 14px/1 "DejaVu Sans Mono", monospace; white-space: nowrap; overflow: hidden; }
#status b { color: #fff; font-weight: 700; }
#status label { display: flex; align-items: center; gap: 0.4rem; }
#status .keys { margin-left: auto; min-width: 0; overflow: hidden; text-overflow: ellipsis;
                color: #777; }
"""

SCRIPT = r"""
(() => {
  const body = document.body;
  const viewport = document.getElementById("viewport");
  const lead = document.getElementById("lead");
  const tail = document.getElementById("tail");
  const copy = document.getElementById("copy");
  const blocks = Array.from(document.querySelectorAll(".block")).map((el) => ({
    el, start: Number(el.dataset.start), end: Number(el.dataset.end), mark: el.dataset.mark,
  }));
  const total = Number(body.dataset.total);
  const onAir = body.dataset.onAir === undefined ? null : Number(body.dataset.onAir);
  const READING_LINE = 0.3;  // of the height of the copy area, as on the red line
  const SPEEDS = { min: 0.1, max: 4, step: 0.1 };
  const SIZES = { min: 20, max: 200, step: 4 };
  const state = { playing: false, position: 0, speed: 1, mirrored: false, fontSize: 64, segment: 0 };
  const show = {
    elapsed: document.getElementById("elapsed"), remaining: document.getElementById("remaining"),
    speed: document.getElementById("speed"), segment: document.getElementById("segment"),
    clock: document.getElementById("clock"), playing: document.getElementById("playing"),
  };
  const mirrorBox = document.getElementById("mirror");
  const sizeRange = document.getElementById("font-size");

  const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
  const mss = (seconds) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  const hms = (seconds) => [Math.floor(seconds / 3600) % 24, Math.floor(seconds / 60) % 60, seconds % 60]
    .map((n) => String(n).padStart(2, "0")).join(":");

  function readingLine() { return viewport.clientHeight * READING_LINE; }

  function blockAt(t) {
    let i = 0;
    while (i + 1 < blocks.length && blocks[i + 1].start <= t) i += 1;
    return i;
  }

  // The scroll offset that puts the copy being read at time t on the reading line.
  function scrollFor(t) {
    if (!blocks.length) return 0;
    const b = blocks[blockAt(t)];
    const span = b.end - b.start;
    const part = span > 0 ? clamp((t - b.start) / span, 0, 1) : 1;
    return b.el.offsetTop + part * b.el.offsetHeight - readingLine();
  }

  function layout() {
    copy.style.fontSize = `${state.fontSize}px`;
    lead.style.height = `${readingLine()}px`;
    tail.style.height = `${viewport.clientHeight - readingLine()}px`;
  }

  function render() {
    state.segment = blockAt(state.position);
    viewport.scrollTop = scrollFor(state.position);
    const d = body.dataset;
    d.playing = String(state.playing);
    d.position = String(Math.round(state.position));
    d.speed = state.speed.toFixed(1);
    d.mirror = String(state.mirrored);
    d.segment = String(state.segment);
    d.fontSize = String(state.fontSize);
    const elapsed = Math.floor(state.position / 1000);
    show.elapsed.textContent = mss(elapsed);
    show.remaining.textContent = mss(Math.ceil((total - state.position) / 1000));
    show.speed.textContent = `\u00d7${state.speed.toFixed(1)}`;
    show.segment.textContent = blocks.length ? `${state.segment + 1}/${blocks.length} ${blocks[state.segment].mark}` : "";
    show.playing.textContent = state.playing ? "\u25B6 ON" : "\u275A\u275A PAUSED";
    if (onAir !== null) show.clock.textContent = hms(onAir + elapsed);
    mirrorBox.checked = state.mirrored;
    sizeRange.value = String(state.fontSize);
  }

  let last = null;
  function tick(now) {
    if (state.playing) {
      if (last !== null) state.position = Math.min(total, state.position + (now - last) * state.speed);
      last = now;
      if (state.position >= total) { state.playing = false; }
      render();
    } else {
      last = null;
    }
    requestAnimationFrame(tick);
  }

  const api = {
    state,
    scrollFor,
    play() { state.playing = state.position < total; render(); },
    pause() { state.playing = false; render(); },
    toggle() { if (state.playing) api.pause(); else api.play(); },
    seek(ms) { state.position = clamp(ms, 0, total); render(); },
    // Next segment, or back to the start of this one (to the one before when just begun).
    jump(step) {
      const i = blockAt(state.position);
      if (step > 0) api.seek(i + 1 < blocks.length ? blocks[i + 1].start : total);
      else api.seek(state.position - blocks[i].start > 1000 ? blocks[i].start : blocks[Math.max(0, i - 1)].start);
    },
    setSpeed(x) { state.speed = Math.round(clamp(x, SPEEDS.min, SPEEDS.max) * 10) / 10; render(); },
    setMirror(on) { state.mirrored = Boolean(on); render(); },
    setFontSize(px) { state.fontSize = clamp(Math.round(px), SIZES.min, SIZES.max); layout(); render(); },
  };
  window.prompter = api;

  const KEYS = {
    " ": () => api.toggle(),
    ArrowUp: () => api.setSpeed(state.speed + SPEEDS.step),
    ArrowDown: () => api.setSpeed(state.speed - SPEEDS.step),
    ArrowRight: () => api.jump(1), PageDown: () => api.jump(1),
    ArrowLeft: () => api.jump(-1), PageUp: () => api.jump(-1),
    Home: () => api.seek(0), End: () => api.seek(total),
    m: () => api.setMirror(!state.mirrored), M: () => api.setMirror(!state.mirrored),
    "+": () => api.setFontSize(state.fontSize + SIZES.step), "=": () => api.setFontSize(state.fontSize + SIZES.step),
    "-": () => api.setFontSize(state.fontSize - SIZES.step), _: () => api.setFontSize(state.fontSize - SIZES.step),
  };
  document.addEventListener("keydown", (event) => {
    const action = KEYS[event.key];
    if (!action || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    if (document.activeElement && document.activeElement !== body) document.activeElement.blur();
    action();
  });
  // The wheel nudges the copy: one wheel step moves it about as far as it scrolls.
  viewport.addEventListener("wheel", (event) => {
    event.preventDefault();
    const b = blocks[blockAt(state.position)];
    const msPerPixel = b && b.el.offsetHeight > 0 ? (b.end - b.start) / b.el.offsetHeight : 0;
    api.seek(state.position + event.deltaY * msPerPixel);
  }, { passive: false });
  mirrorBox.addEventListener("change", () => api.setMirror(mirrorBox.checked));
  sizeRange.addEventListener("input", () => api.setFontSize(Number(sizeRange.value)));
  window.addEventListener("resize", () => { layout(); render(); });

  // About `data-width` characters of capitals across the copy column.
  const width = Number(body.dataset.width);
  state.fontSize = clamp(Math.round(copy.clientWidth / (width * 0.68)), SIZES.min, SIZES.max);
  layout();
  render();
  requestAnimationFrame(tick);
})();
"""


def _block(block: PrompterBlock, marks: list[str], package: list[str] | None) -> str:
    classes = f"block {block.kind}"
    head = f'<p class="mark package">{escape(" | ".join(package))}</p>\n' if package else ""
    if block.soundbite:
        lines = "".join(f"<span>{escape(part)}</span>" for part in marks)
        inner = f'<p class="cue">{lines}</p>'
    else:
        inner = f'<p class="mark">{escape(" | ".join(marks))}</p>\n<p class="words">{escape(block.copy)}</p>'
    return (f'<section class="{classes}" data-segment="{block.segment_index}" data-start="{block.start}" '
            f'data-end="{block.end}" data-mark="{escape(block.mark)}">\n{head}{inner}\n</section>')


def prompter_html(build: Build) -> str:
    width = prompter_width(build)
    blocks = prompter_blocks(build)
    timing = back_time(build, blocks)
    total = sum(b.reads for b in blocks)
    sections = []
    for run in runs(blocks):
        package = package_marks(run)
        for i, block in enumerate(run):
            sections.append(_block(block, block_marks(block, timing), package if i == 0 else None))
    clock = (f'<span>ON AIR {format_clock(timing.on_air)} · CLOCK <b id="clock"></b></span>'
             if timing else '<span hidden id="clock"></span>')
    status = (
        '<div id="status">'
        '<b id="playing"></b>'
        '<span>ELAPSED <b id="elapsed"></b></span>'
        f'<span>REMAINING <b id="remaining"></b> of {format_duration(total)}</span>'
        '<span>SPEED <b id="speed"></b></span>'
        f"{clock}"
        '<span>SEGMENT <b id="segment"></b></span>'
        '<label><input type="checkbox" id="mirror"> mirror</label>'
        '<label>size <input type="range" id="font-size" min="20" max="200" step="4"></label>'
        '<span class="keys">Space start/pause · ↑↓ speed · ←→ segment · M mirror · +− size</span>'
        "</div>"
    )
    body = (
        '<div id="stage"><div id="viewport"><div id="copy"><div id="lead"></div>\n'
        + "\n".join(sections)
        + '\n<div id="tail"></div></div></div><div id="reading-line"></div></div>\n'
        + status
    )
    attrs = (f'data-total="{build.total}" data-width="{width}"'
             + (f' data-on-air="{timing.on_air}"' if timing else ""))
    return page(f"Prompter: {build.report.title}", body, css=CSS, script=SCRIPT, body_attrs=attrs)


EXPORTER = Exporter("prompter-html", ".prompter.html", prompter_html,
                    "a scrolling prompter page: read rate, speed, segment jumps, mirror")
