"""What each pathological shape costs, against the target of 2 s per 100 KB.

    python benchmarks/shapes.py                   # every shape, a note's way and the whole hub's
    python benchmarks/shapes.py --size 100000 --only "many headings" --only "tables"
    python benchmarks/shapes.py --notes           # a note's way only (a few minutes less)

Each shape of tests/pathological.py goes the way the cost battery sends it (tests/test_cost.py):
as a note, from its file to its page's HTML, search entry and health measures; and with
`--hub`'s shapes (the default), into a copy of the fixture community and through the whole hub's
load and plan in both languages, less what the fixture alone costs. It prints, as a Markdown
table, the least process time of --runs runs and the seconds per 100 KB, the worst first, and
marks each over the target. Run it on a quiet machine: the tests allow twice the target
(tests/costs.py), so a shape that creeps towards it shows here first.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))
from costs import timed
from hub_support import make_community
from pathological import SHAPES
from test_cost import EVERY_SHAPE, TARGET_SECONDS_PER_100_KB, _community, _hub, _publish


def _least(work: Callable[[], object], runs: int) -> float:
    return min(timed(work)[0] for _ in range(runs))


def _rows(args: argparse.Namespace, folder: Path) -> list[tuple[str, str, float, int]]:
    """(way, shape, seconds, bytes) for each shape measured."""
    chosen = set(args.only) or None
    rows = []
    note = folder / "note"
    note.mkdir()
    for name, shape in SHAPES.items():
        if chosen is None or name in chosen:
            text = shape(args.size)
            seconds = _least(lambda: _publish(note, text), args.runs)  # noqa: B023 (run at once)
            rows.append(("note", name, seconds, len(text.encode("utf-8"))))
    if args.notes:
        return rows
    fixture = make_community(folder / "fixture")
    alone = _least(lambda: _hub(fixture), args.runs)
    for index, (name, shape) in enumerate(EVERY_SHAPE.items()):
        if chosen is None or name in chosen:
            root, size = _community(folder / f"hub{index}", shape(args.size))
            seconds = _least(lambda: _hub(root), args.runs)  # noqa: B023 (run at once)
            rows.append(("hub", name, max(0.0, seconds - alone), size))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=200_000, help="bytes of each shape (200,000)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each, the least kept (3)")
    parser.add_argument("--only", action="append", default=[], help="a shape's name (repeatable)")
    parser.add_argument("--notes", action="store_true", help="a note's way only, not the hub's")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        rows = _rows(args, Path(folder))
    rows.sort(key=lambda row: -row[2] * 100_000 / max(row[3], 1))
    print(f"target: {TARGET_SECONDS_PER_100_KB:.1f} s per 100 KB; least of {args.runs} runs, process time\n")
    print("| way | shape | bytes | seconds | s per 100 KB | |\n|---|---|---:|---:|---:|---|")
    for way, name, seconds, size in rows:
        rate = seconds * 100_000 / max(size, 1)
        over = "over the target" if rate > TARGET_SECONDS_PER_100_KB else ""
        print(f"| {way} | {name} | {size:,} | {seconds:.2f} | {rate:.2f} | {over} |")


if __name__ == "__main__":
    main()
