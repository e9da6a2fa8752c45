"""`broadcast render`: the ASS file burnt onto the video, or onto a plain background of the
style sheet's size, with ffmpeg and libass (`STEM.preview.mp4`), and a contact sheet of one
frame per cue (`STEM.contact.png`), both from one ffmpeg run.

The ASS text is the `ass` exporter's, so the video shows exactly what the deliverable holds.
libass is given a folder of font files (linked into the work folder) rather than left to
whatever fontconfig finds, so that text draws on any machine. Everything is made in a work
folder beside the outputs and renamed into place at the end: a failed or interrupted render
leaves no partial file.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pysubs2

from broadcast.errors import BroadcastError, UnusableInput
from broadcast.exporters import exporters
from broadcast.files import signals_held, temp_prefix
from broadcast.model import Build
from broadcast.preview import running_time
from broadcast.timecode import ms_to_timecode

INSTALL_FFMPEG = ("install it: `apt-get install ffmpeg` (Debian, Ubuntu), `dnf install ffmpeg` "
                  "(Fedora), `brew install ffmpeg` (macOS), or see https://ffmpeg.org/download.html")
#: where DejaVu (Debian's fonts-dejavu-core) and other fonts live when fc-match is missing
FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF",
    "/usr/share/fonts/truetype", "/usr/local/share/fonts", "/Library/Fonts", "/System/Library/Fonts",
    "C:/Windows/Fonts",
)
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".TTF", ".OTF")
BACKGROUND = "0x2a3440"  # a dark slate: white text and light boxes both stand out
#: contact sheet: tiles a fifth of 1920 wide, five a row, a thin gap between
TILE_WIDTH, COLUMNS, GAP = 384, 5, 4
LABEL_HEIGHT, SHEET_COLOUR = 28, "0x15171a"  # a strip above each tile for its label
#: what ffmpeg makes in the work folder, and the suffix each takes after the stem
OUTPUTS = (("preview.mp4", ".preview.mp4"), ("contact.png", ".contact.png"))


def find_ffmpeg() -> tuple[str, set[str]]:
    """The ffmpeg to run and the names of its filters; it must have libass's `ass`."""
    ffmpeg = shutil.which("ffmpeg")
    if not ffmpeg:
        raise UnusableInput(f"render needs ffmpeg with libass, which is not installed; {INSTALL_FFMPEG}")
    listing = subprocess.run([ffmpeg, "-hide_banner", "-filters"], capture_output=True, text=True).stdout
    filters = {line.split()[1] for line in listing.splitlines() if len(line.split()) > 2}
    if "ass" not in filters:
        raise UnusableInput(f"{ffmpeg} was built without libass (its `ass` filter); {INSTALL_FFMPEG}")
    return ffmpeg, filters


def font_files(families: list[str]) -> list[Path]:
    """Font files for libass: the folders fc-match names for the style sheet's families, or
    the first known font folder; DejaVu, which Debian's fonts-dejavu-core installs, first."""
    folders: list[Path] = []
    fc_match = shutil.which("fc-match")
    for family in families if fc_match else ():
        found = subprocess.run([fc_match, "-f", "%{file}", family], capture_output=True, text=True).stdout
        if found and Path(found).is_file() and Path(found).parent not in folders:
            folders.append(Path(found).parent)
    folders += [Path(d) for d in FONT_DIRS if Path(d).is_dir() and Path(d) not in folders][:1]
    files = [f for folder in folders for f in sorted(folder.iterdir()) if f.suffix in FONT_SUFFIXES]
    if not files:
        raise UnusableInput("no font files found for libass; install fonts-dejavu-core "
                            "(`apt-get install fonts-dejavu-core`) or fontconfig")
    return files


def label_font(files: list[Path], family: str) -> Path:
    """The file of the subtitles' font, for the contact sheet's labels."""
    wanted = family.replace(" ", "").lower()
    return next((f for f in files if f.stem.replace("-", "").lower() == wanted), files[0])


def cue_frames(build: Build) -> list[float]:
    """The moment shown for each cue on the contact sheet: its middle, in seconds."""
    return [(c.start + c.end) / 2000 for c in build.cues]


def select_expression(times: list[float]) -> str:
    """An ffmpeg `select` expression true on the first frame at or after each time."""
    return "+".join(f"gte(t,{t:.3f})*lt(prev_pts*TB,{t:.3f})" for t in times) or "0"


def sheet_grid(count: int) -> tuple[int, int]:
    columns = max(1, min(COLUMNS, count))
    return columns, max(1, math.ceil(count / columns))


def contact_labels(build: Build) -> list[str]:
    """The caption above each tile: the cue's number and its start as timecode."""
    return [f"{c.index}   {ms_to_timecode(build.offset + c.start, build.profile.fps)}" for c in build.cues]


def filter_graph(build: Build, label_font_file: str | None, size: tuple[int, int]) -> str:
    """The ffmpeg filter graph: subtitles burnt in, split into the video and the contact sheet.

    Paths are relative to the work folder and each tile's label is read from a file
    (`labels/N.txt`), so that no filter-graph escaping is needed. Without a label font (an
    ffmpeg without drawtext) the tiles go unlabelled."""
    times = cue_frames(build)
    columns, rows = sheet_grid(len(times))
    tile_height = round(TILE_WIDTH * size[1] / size[0] / 2) * 2
    labels = "".join(
        f",drawtext=fontfile={label_font_file}:textfile=labels/{i}.txt:expansion=none:fontsize=16:"
        f"fontcolor=white:x=6:y=6:enable='eq(n,{i})'" for i in range(len(times)) if label_font_file)
    return (f"[0:v]ass=filename=captions.ass:fontsdir=fonts,split=2[video][frames];\n"
            f"[frames]select='{select_expression(times)}',scale={TILE_WIDTH}:{tile_height},"
            f"pad=w=iw:h=ih+{LABEL_HEIGHT}:x=0:y={LABEL_HEIGHT}:color={SHEET_COLOUR}{labels},"
            f"tile={columns}x{rows}:nb_frames={max(1, len(times))}:padding={GAP}:margin={GAP}:"
            f"color={SHEET_COLOUR}[sheet]\n")


def ffmpeg_command(ffmpeg: str, build: Build, video: Path | None, size: tuple[int, int],
                   fps: str, progress: bool = False) -> list[str]:
    """The arguments of the one ffmpeg run, in the work folder; with `progress`, ffmpeg logs
    each video frame it encodes to `vstats.txt`. (Its `-progress` report says nothing until
    every output has begun, and the contact sheet begins only at the last cue.)"""
    if video is None:
        seconds = running_time(build) / 1000
        source = ["-f", "lavfi", "-i", f"color=c={BACKGROUND}:s={size[0]}x{size[1]}:r={fps}:d={seconds:.3f}"]
        audio = []
    else:
        source = ["-i", str(video)]
        audio = ["-map", "0:a:0?", "-c:a", "aac", "-b:a", "160k"]
    return [
        ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
        *(["-vstats_file", VSTATS] if progress else []), *source,
        "-filter_complex_script", "graph.txt",
        "-map", "[video]", *audio, "-c:v", "libx264", "-preset", "veryfast", "-crf", "20",
        "-pix_fmt", "yuv420p", "-movflags", "+faststart", "preview.mp4",
        "-map", "[sheet]", "-frames:v", "1", "-update", "1", "contact.png",
    ]


#: a video this close to the package's running time is the package clip (ms): a cut often
#: carries a few frames of black or a held last frame
PACKAGE_MATCH = 1500


def video_duration(video: Path) -> int | None:
    """The video's duration in ms, by ffprobe (installed with ffmpeg); None when unknown:
    the video is then taken to be the whole report."""
    ffprobe = shutil.which("ffprobe")
    if not ffprobe:
        return None
    done = subprocess.run([ffprobe, "-v", "error", "-show_entries", "format=duration", "-of",
                           "default=noprint_wrappers=1:nokey=1", str(video)], capture_output=True, text=True)
    try:
        return round(float(done.stdout.strip()) * 1000)
    except ValueError:
        return None


def fit_to_video(build: Build, duration: int | None) -> tuple[Build, list[str]]:
    """The build to burn onto a video of this duration (ms), and the warnings:
    a video as long as the package is the package clip, so it gets the package's time line;
    a video shorter than what it is to carry loses the subtitles past its end."""
    if duration is None:  # no ffprobe, or a file it cannot read (ffmpeg then says why)
        return build, []
    notes = []
    package = build.package
    if package is not None and abs(duration - running_time(package)) <= PACKAGE_MATCH \
            and abs(duration - running_time(package)) < abs(duration - running_time(build)):
        build = package
    # What it subtitles lasts until the last word is said (a subtitle lingering after it
    # may be cut short by the clip's end without loss).
    needed = build.total
    if duration < needed:
        lost = sum(1 for c in build.cues if c.start >= duration)
        what = "package" if build is package else "report"
        notes.append(f"the video is {(needed - duration) / 1000:.2f} s shorter than the {what} it "
                     f"subtitles ({duration / 1000:.2f} s against {needed / 1000:.2f} s): "
                     f"{lost} subtitle{'s' if lost != 1 else ''} start after its end")
    return build, notes


#: the work folder's log of encoded frames, read for progress, and how often it is read
VSTATS, PROGRESS_SECONDS = "vstats.txt", 0.25
_VSTATS_FRAME = re.compile(r"out=\s*0\s+st=\s*0\s+frame=\s*(\d+)")
#: what render's `progress` is called with: seconds rendered, and the seconds there are
#: (None when unknown: a video ffprobe cannot measure)
Progress = Callable[[float, float | None], None]


def render(build: Build, out_dir: Path, stem: str, video: Path | None = None,
           progress: Progress | None = None) -> list[Path]:
    """Write `STEM.preview.mp4` and `STEM.contact.png` into out_dir; return their paths.

    `progress`, when given, is called as ffmpeg reports how far it has got."""
    ffmpeg, filters = find_ffmpeg()
    if not build.cues:
        raise UnusableInput(f"{stem}: no captions to render")
    if video is not None:
        video = Path(video).resolve()
        if not video.is_file():
            raise UnusableInput(f"{video}: no such video file")
    ass_text = exporters()["ass"].export(build)
    ass = pysubs2.SSAFile.from_string(ass_text, format_="ass")
    size = (int(ass.info.get("PlayResX", 1920)), int(ass.info.get("PlayResY", 1080)))
    families = list(dict.fromkeys(style.fontname for style in ass.styles.values()))
    fonts = font_files(families)
    subtitle_family = families[0] if families else "DejaVu Sans"
    fps = f"{build.profile.fps.numerator}/{build.profile.fps.denominator}"
    out_dir = Path(out_dir)
    work = Path(tempfile.mkdtemp(prefix=f"{temp_prefix(stem)}render-", dir=out_dir))
    try:
        (work / "captions.ass").write_text(ass_text, encoding="utf-8")
        (work / "fonts").mkdir()
        # numbered: two folders may hold files of one name
        links = {font: Path("fonts") / f"{i:03d}-{font.name}" for i, font in enumerate(fonts)}
        for font, link in links.items():
            (work / link).symlink_to(font)
        label = links[label_font(fonts, subtitle_family)].as_posix() if "drawtext" in filters else None
        (work / "labels").mkdir()
        for i, text in enumerate(contact_labels(build)):
            (work / "labels" / f"{i}.txt").write_text(text, encoding="utf-8")
        (work / "graph.txt").write_text(filter_graph(build, label, size), encoding="utf-8")
        command = ffmpeg_command(ffmpeg, build, video, size, fps, progress=progress is not None)
        if progress is None:
            done = subprocess.run(command, cwd=work, capture_output=True, text=True)
            returncode, errors = done.returncode, done.stderr
        else:
            length = video_duration(video) if video is not None else running_time(build)
            total = length / 1000 if length else None
            returncode, errors = _run_reporting(command, work, Fraction(fps), total, progress)
        if returncode != 0:
            problem = (errors.strip().splitlines() or ["no message"])[-1]
            raise BroadcastError(f"ffmpeg could not render {stem}: {problem}")
        outputs = []
        for name, suffix in OUTPUTS:
            target = out_dir / f"{stem}{suffix}"
            with open(work / name, "rb") as made:  # on disk before it takes the final name
                os.fsync(made.fileno())
            os.replace(work / name, target)
            outputs.append(target)
        return outputs
    finally:
        with signals_held():
            shutil.rmtree(work, ignore_errors=True)


def encoded_frames(lines: list[str]) -> int | None:
    """The frames of the first output's video encoded, by the last of these whole lines of
    ffmpeg's `-vstats_file` (`out=  0 st=  0 frame=   248 ...`); None when none says."""
    for line in reversed(lines):
        found = _VSTATS_FRAME.match(line)
        if found:
            return int(found.group(1))
    return None


def _run_reporting(command: list[str], work: Path, fps: Fraction, total: float | None,
                   progress: Progress) -> tuple[int, str]:
    """Run ffmpeg, passing on how far it has got a few times a second; its exit status and
    error text."""
    # stderr goes to a file: read only at the end, a pipe could fill and stall ffmpeg
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as errors, \
            subprocess.Popen(command, cwd=work, stdout=subprocess.DEVNULL, stderr=errors) as run:
        vstats, pending = None, ""
        while run.poll() is None:
            time.sleep(PROGRESS_SECONDS)
            if vstats is None:
                try:
                    vstats = open(work / VSTATS, encoding="utf-8", errors="replace")  # noqa: SIM115
                except FileNotFoundError:  # not begun yet
                    continue
            # only what was added since the last look, whole lines; a part line waits
            *lines, pending = (pending + vstats.read()).split("\n")
            frames = encoded_frames(lines)
            if frames is not None:
                seconds = float(frames / fps)
                progress(min(seconds, total) if total else seconds, total)
        if vstats is not None:
            vstats.close()
        if run.returncode == 0 and total:
            progress(total, total)
        errors.seek(0)
        return run.returncode, errors.read()
