"""Rewrite the golden files from the current pipeline: `python -m tests.golden`."""

from broadcast.files import write_atomic
from tests.golden import EXPORTERS, golden_path, rendered

for name in EXPORTERS:
    write_atomic(golden_path(name), rendered(name))
    print(f"wrote {golden_path(name).relative_to(golden_path(name).parents[2])}")
