"""An archive built on Dask: `dask.bag` maps the same `build_one` over the scripts.

    python -m broadcast.dask_batch ARCHIVE/ -o OUT/ [--workers N] [--scheduler tcp://HOST:8786]

Without `--scheduler` a `LocalCluster` of worker processes starts on this machine. With it,
the same code runs on that cluster (`Client(address)`): its workers need `broadcast`
installed, and the input and output paths must be the same on every worker (a shared
filesystem), since each worker reads its scripts and writes their deliverables itself.
Needs the optional extra: `pip install 'broadcast-newsroom[dask]'`.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from broadcast.batch import FileResult, Settings, build_one, expand_inputs, plan, prepare_output
from broadcast.files import folder_lock


def build_on_dask(paths: list[Path], out_dir: Path, settings: Settings, client) -> list[FileResult]:
    """Build every script on the cluster `client` is connected to; results in input order."""
    import dask.bag as db

    todo, clashes, protected = plan(paths, out_dir)
    # A few partitions per worker keep them all busy without one task per script.
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    bag = db.from_sequence(todo, npartitions=max(1, min(len(todo), workers * 4)))
    # this process holds the folder's lock for the whole archive, so the workers do not
    built = bag.map(build_one, out_dir=out_dir, settings=settings, protected=protected, lock=False)
    prepare_output(out_dir)
    with folder_lock(out_dir):
        results = {r.path: r for r in (client.compute(built).result() if todo else [])}
    results.update((r.path, r) for r in clashes)
    return [results[p] for p in paths]


def main(argv: list[str] | None = None) -> int:
    from broadcast.batch import print_summary
    from broadcast.errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE, BroadcastError
    from broadcast.profiles import load_profile

    p = argparse.ArgumentParser(prog="python -m broadcast.dask_batch",
                                description="Build folders of scripts on a Dask cluster.")
    p.add_argument("files", type=Path, nargs="+", metavar="FILE_OR_DIR")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    p.add_argument("--profile", default="broadcast")
    p.add_argument("--fps")
    p.add_argument("--scheduler", metavar="ADDRESS", help="a running cluster's scheduler, e.g. tcp://host:8786")
    p.add_argument("--workers", type=int, default=2, help="worker processes of the local cluster")
    args = p.parse_args(argv)
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        print("broadcast: error: Dask is not installed: pip install 'broadcast-newsroom[dask]'", file=sys.stderr)
        return EXIT_USAGE
    try:
        settings = Settings(load_profile(args.profile, args.fps))
        scripts = expand_inputs(args.files)
        prepare_output(args.output)
    except BroadcastError as exc:
        print(f"broadcast: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    # Absolute paths: the workers need not share this process's working directory.
    scripts = [s.absolute() for s in scripts]
    out_dir = args.output.absolute()
    started = time.perf_counter()
    if args.scheduler:
        with Client(args.scheduler) as client:
            results = build_on_dask(scripts, out_dir, settings, client)
    else:
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            results = build_on_dask(scripts, out_dir, settings, client)
    for result in results:
        if not result.ok:
            print(f"broadcast: error: {result.error}", file=sys.stderr)
    print_summary(results, out_dir, time.perf_counter() - started)
    return EXIT_FAILED if any(not r.ok for r in results) else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
