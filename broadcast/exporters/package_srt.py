"""`STEM.package.srt`: the `srt` exporter on the package alone, timed from the clip's first
frame (or `--start`), to play against the package video; none for a report without a package."""

from broadcast.exporters import Exporter, on_package
from broadcast.exporters.srt import export

EXPORTER = Exporter("package-srt", ".package.srt", on_package(export),
                    "SubRip subtitles of the package clip, from its first frame")
