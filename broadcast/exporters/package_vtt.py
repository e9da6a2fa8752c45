"""`STEM.package.vtt`: the `vtt` exporter on the package alone, timed from the clip's first
frame (or `--start`), to play against the package video; none for a report without a package."""

from broadcast.exporters import Exporter, on_package
from broadcast.exporters.vtt import export

EXPORTER = Exporter("package-vtt", ".package.vtt", on_package(export),
                    "WebVTT subtitles of the package clip, from its first frame")
