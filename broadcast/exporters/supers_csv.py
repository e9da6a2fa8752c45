"""`STEM.supers.csv`: the lower-thirds of `STEM.supers.json` as a table (RFC 4180), for
graphics systems and rundowns that import CSV."""

from __future__ import annotations

import csv
import io

from broadcast.exporters import Exporter
from broadcast.exporters.supers_json import FIELDS, super_records
from broadcast.model import Build


def supers_csv(build: Build) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, FIELDS)
    writer.writeheader()
    writer.writerows(super_records(build))
    return out.getvalue()


EXPORTER = Exporter("supers-csv", ".supers.csv", supers_csv,
                    "lower-thirds for the graphics system as CSV: in/out times, f0 name, f1 title")
