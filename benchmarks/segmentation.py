"""Reading real scripts: the judge over the labelled production scripts beside the checkout.

    python3 benchmarks/segmentation.py [DIR]

Prints word kind accuracy, speakers exact, perfect reports, missing and extra words (from
../shared/eval/segjudge.py, run on `broadcast segment FILE --format json`), and note coverage:
the share of the scripts' non-blank characters that land in a segment or a note, with the
unclassified prose the reader warned about.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def coverage(folder: Path) -> tuple[int, int, int]:
    """(non-blank characters, of them accounted for, unclassified notes) over the folder."""
    sys.path.insert(0, str(ROOT))
    from broadcast.model import NoteKind
    from broadcast.reading import read_script
    from broadcast.segment import segment, uncovered
    total = covered = unclassified = 0
    for path in sorted(folder.glob("*.txt")):
        text = read_script(path.read_bytes())
        report = segment(text)
        blank = sum(1 for c in text if c.isspace())
        holes = sum(sum(1 for c in text[a:b] if not c.isspace()) for a, b in uncovered(text, report))
        total += len(text) - blank
        covered += len(text) - blank - holes
        unclassified += sum(1 for n in report.notes if n.kind is NoteKind.UNCLASSIFIED)
    return total, covered, unclassified


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else SHARED / "data" / "scripts"
    judge = SHARED / "eval" / "segjudge.py"
    if not judge.exists() or not folder.is_dir():
        print(f"no judge or scripts beside the checkout ({judge}, {folder})", file=sys.stderr)
        return 2
    out = subprocess.run([sys.executable, str(judge), "--dir", str(folder), "--cmd",
                          f"{sys.executable} -m broadcast segment {{}} --format json"],
                         capture_output=True, text=True, cwd=ROOT, check=True).stdout
    print(out.strip().splitlines()[-1])
    total, covered, unclassified = coverage(folder)
    print(f"coverage: {covered:,} of {total:,} non-blank characters in a segment or a note "
          f"({covered / max(1, total):.2%}); {unclassified} unclassified notes, each warned about")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
