"""`STEM.package.ass`: the `ass` exporter on the package alone, timed from the clip's first
frame (or `--start`), to play against the package video; none for a report without a package."""

from broadcast.exporters import Exporter, on_package
from broadcast.exporters.ass import export

EXPORTER = Exporter("package-ass", ".package.ass", on_package(export),
                    "ASS subtitles and lower-thirds of the package clip, from its first frame")
