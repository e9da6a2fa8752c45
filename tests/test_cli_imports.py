"""Imports run one way, from the command line down to the model: no module below the
command line imports it (the batch runner once did, for reading a script and exit codes)."""

import ast
from pathlib import Path

import broadcast

PACKAGE = Path(broadcast.__file__).parent
TOP = {"cli.py", "__main__.py"}


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_no_module_below_the_command_line_imports_it():
    below = [p for p in PACKAGE.rglob("*.py") if p.name not in TOP or p.parent != PACKAGE]
    assert len(below) > 20
    offenders = [str(p.relative_to(PACKAGE)) for p in below if "broadcast.cli" in imported_modules(p)]
    assert offenders == []


def test_the_batch_runner_reads_scripts_through_inputs():
    from broadcast import batch, inputs
    assert batch.read_input is inputs.read_input
