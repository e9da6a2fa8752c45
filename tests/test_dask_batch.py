"""The Dask example: the same build_one over a small folder on a LocalCluster."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES
from tests.hostile import check_deliverables

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """The examples, two copies of one under the same name in another folder, and a broken file."""
    folder = tmp_path_factory.mktemp("archive")
    for script in EXAMPLES.glob("*.txt"):
        (folder / script.name).write_bytes(script.read_bytes())
    (folder / "broken.txt").write_bytes(b"")
    return folder


def test_dask_builds_a_folder_as_the_command_line_does(archive, tmp_path):
    from dask.distributed import Client, LocalCluster

    from broadcast.batch import Settings, expand_inputs
    from broadcast.dask_batch import build_on_dask
    from broadcast.profiles import load_profile

    scripts = expand_inputs([archive])
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        results = build_on_dask(scripts, tmp_path / "dask", Settings(load_profile()), client)
    assert [r.path for r in results] == scripts
    assert [r.path.name for r in results if not r.ok] == ["broken.txt"]
    assert "empty" in results[[r.path.name for r in results].index("broken.txt")].error

    assert subprocess.run([sys.executable, "-m", "broadcast", "build", archive, "-o", tmp_path / "cli"],
                          capture_output=True).returncode == 1
    for script in EXAMPLES.glob("*.txt"):
        check_deliverables(tmp_path / "dask", script.stem)
        for path in (tmp_path / "cli").glob(f"{script.stem}.*"):
            assert (tmp_path / "dask" / path.name).read_bytes() == path.read_bytes(), path.name


def test_the_dask_command_reports_the_broken_file_and_exits_1(archive, tmp_path):
    run = subprocess.run([sys.executable, "-m", "broadcast.dask_batch", archive, "-o", tmp_path / "out",
                          "--workers", "2"], capture_output=True, text=True)
    assert run.returncode == 1, run.stderr
    assert f"broadcast: error: {archive / 'broken.txt'}: the file is empty" in run.stderr.splitlines()
    scripts = len(list(EXAMPLES.glob("*.txt"))) + 1  # and the broken one
    assert f"of {scripts} scripts built" in run.stdout and "Traceback" not in run.stderr
