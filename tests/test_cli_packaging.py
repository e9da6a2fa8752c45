"""What the installed package carries: the report schema, the style profiles, the licence,
and only the dependencies it imports. Run against a wheel (as CI does) these fail when a
file is missing from it."""

from __future__ import annotations

import ast
import json
import os
import re
import sys
from importlib import metadata
from pathlib import Path

import pytest

import broadcast
from broadcast.cli import main

PACKAGE = Path(broadcast.__file__).parent
ROOT = Path(__file__).resolve().parent.parent
SHARED_SCHEMA = ROOT.parent / "shared" / "spec" / "report.schema.json"
DISTRIBUTION = "broadcast-newsroom"


def test_broadcast_schema_prints_the_shipped_schema(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert json.loads((PACKAGE / "report.schema.json").read_text(encoding="utf-8")) == schema


def test_the_shipped_schema_is_the_shared_spec():
    if not SHARED_SCHEMA.is_file():
        pytest.skip("the shared spec is not beside the checkout")
    assert (PACKAGE / "report.schema.json").read_bytes() == SHARED_SCHEMA.read_bytes()


def test_the_report_json_validates_against_the_shipped_schema(capsys):
    jsonschema = pytest.importorskip("jsonschema")
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert main(["segment", str(ROOT / "examples" / "syria-peace-process.txt"), "--format", "json"]) == 0
    jsonschema.validate(json.loads(capsys.readouterr().out), schema)


def test_the_style_profiles_are_installed():
    from broadcast.profiles import load_profile, profile_names
    assert {"broadcast", "netflix", "bbc", "dcmp"} <= set(profile_names())
    for name in profile_names():
        assert load_profile(name).style_sheet_path().is_file()


def test_the_distribution_carries_the_licence():
    dist = metadata.distribution(DISTRIBUTION)
    assert dist.metadata["License-Expression"] == "MIT"
    licences = [f for f in dist.files or () if "licenses" in f.parts and f.name == "LICENSE"]
    assert licences, "no LICENSE in the installed distribution"
    assert "MIT License" in licences[0].read_text()


def test_the_distribution_is_named_apart_from_the_unrelated_broadcast_on_pypi():
    dist = metadata.distribution(DISTRIBUTION)
    assert dist.entry_points.select(group="console_scripts", name="broadcast")
    assert dist.metadata["Keywords"] and dist.metadata.get_all("Classifier")


def third_party_imports() -> set[str]:
    """The top-level names of every module the package imports that is not its own or the
    standard library's."""
    names = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    return {n for n in names if n != "broadcast" and n not in sys.stdlib_module_names}


#: imported only by `python -m broadcast.segment.letters --derive`, which makes letters.json
#: for a Unicode version newer than any installable Python, never when the tool runs
TABLE_MAKING = {"unicodedata2", "regex"}


def requirement_name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_every_runtime_dependency_is_imported_and_every_import_is_a_dependency():
    requirements = metadata.requires(DISTRIBUTION) or []
    runtime = {requirement_name(r) for r in requirements if "extra ==" not in r}
    extras = {requirement_name(r) for r in requirements if "extra ==" in r}
    by_module = metadata.packages_distributions()
    imported = {by_module[name][0].lower().replace("_", "-") for name in third_party_imports() - TABLE_MAKING}
    # dask is imported only by broadcast/dask_batch.py, behind the `dask` extra
    assert imported - runtime <= {"dask"} and "dask" in extras
    assert runtime <= imported, f"dependencies nothing imports: {runtime - imported}"
    assert "pyphen" not in runtime


def test_installed_from_a_wheel_when_ci_says_so():
    """CI installs the wheel in a fresh environment and sets BROADCAST_TEST_INSTALLED: the
    package under test must then be the installed one, not the checkout's source."""
    if not os.environ.get("BROADCAST_TEST_INSTALLED"):
        pytest.skip("not a test of an installed wheel")
    assert not PACKAGE.is_relative_to(ROOT), PACKAGE
    assert (PACKAGE / "_styles").is_dir()


def test_ci_runs_the_readme_commands_step_by_step():
    """The README's two fresh-machine commands, each step a line of .ci/run (where a failing
    step stops CI), and the README names the distribution."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, re.S)[:2]
    assert blocks[0].endswith("-o examples/built") and blocks[1].endswith(".venv/bin/python -m pytest")
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    for block in blocks:
        for step in block.split(" && "):
            assert any(line == step or line.endswith(f" {step}") for line in ci), step
    assert "broadcast-newsroom" in readme
