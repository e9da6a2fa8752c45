"""`STEM.supers.csv`: the lower-thirds of `STEM.supers.json` as a table (RFC 4180), for
graphics systems and rundowns that import CSV.

A spreadsheet evaluates a cell that starts with `=`, `+`, `-` or `@` (and, in some, a tab or
a carriage return) as a formula, so a super such as `=HYPERLINK(...)` or `-2+3` would run
or change when a producer opens the file. Such a cell gets a leading apostrophe, which
spreadsheets read as "text follows" (the OWASP rule for CSV injection); the JSON keeps the
text as written.
"""

from __future__ import annotations

import csv
import io

from broadcast.exporters import Exporter
from broadcast.exporters.supers_json import FIELDS, super_records
from broadcast.model import Build

#: first characters that make a spreadsheet cell a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert_cell(value) -> str:
    """The cell's text, with an apostrophe in front when a spreadsheet would evaluate it."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def supers_csv(build: Build) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, FIELDS)
    writer.writeheader()
    writer.writerows({k: inert_cell(v) for k, v in record.items()} for record in super_records(build))
    return out.getvalue()


EXPORTER = Exporter("supers-csv", ".supers.csv", supers_csv,
                    "lower-thirds for the graphics system as CSV: in/out times, f0 name, f1 title")
