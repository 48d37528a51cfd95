"""What a maintainer waits for under `mkdocs serve`: from saving a note to its page being rebuilt.

    python benchmarks/edit_loop.py                  # the project's own SIG, and 2,000 meetings
    python benchmarks/edit_loop.py --sizes 0 500    # 0 is the project's own SIG

For each size it starts `mkdocs serve` on a copy of the site (the synthetic SIG of
`benchmarks/scale.py` for sizes above 0), then `--edits` times appends a new line to one note
and measures the time until the served page shows it: the watcher's delay plus the rebuild. It
also reports how long the sigsite plugin's own events took in the last rebuild, from a profile of
one in-process build after an edit. Run by hand; nothing here is a test.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))
from scale import PROJECT, generate, sigsite_project
from servers import free_port, mkdocs_serve, wait_for

TIMEOUT = 600.0


def project_of(size: int, workdir: Path) -> Path:
    """A copy of the site: the project's own SIG (size 0) or a synthetic SIG of `size` meetings."""
    if size == 0:
        target = workdir / "own"
        shutil.copytree(
            PROJECT, target, ignore=shutil.ignore_patterns(".git", "site", ".venv", "test-artifacts")
        )
        return target
    data = generate(workdir / f"data-{size}", size, size // 2)
    return sigsite_project(workdir / f"site-{size}", data)


def last_note(project: Path) -> Path:
    """The newest note that has a page of its own."""
    notes = (p for p in (project / "meetings").glob("*.md") if re.fullmatch(r"\d{3,}-\d{8}", p.stem))
    return sorted(notes)[-1]


def measure_edits(project: Path, edits: int) -> list[float]:
    """Seconds from saving a note to its page showing the change, once per edit."""
    with mkdocs_serve(project / "mkdocs.yml", free_port()) as base:
        note = last_note(project)
        page = base + f"meetings/{note.stem}/"
        wait_for(page, "</html>", TIMEOUT)
        waits = []
        for edit in range(edits):
            marker = f"Edited line {edit} {time.time_ns()}"
            with note.open("a", encoding="utf-8") as handle:
                handle.write(f"\n* {marker}\n")
            waits.append(wait_for(page, marker, TIMEOUT))
            time.sleep(1.0)  # let the server settle before the next save
        return waits


def plugin_seconds(project: Path, note: Path) -> dict[str, float]:
    """Time in the sigsite plugin's events during a rebuild after a save, in process, as serve does:
    MkDocs keeps a plugin with an `on_startup` event from one rebuild to the next."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def config() -> Any:
        return load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site-profiled"))

    first = config()
    first.plugins.on_startup(command="serve", dirty=False)
    build(first)
    with note.open("a", encoding="utf-8") as handle:
        handle.write("\n* One more line\n")
    profiler = cProfile.Profile()
    profiler.enable()
    build(config())
    profiler.disable()
    stats = pstats.Stats(profiler)
    totals: dict[str, float] = {"whole build": 0.0}
    for (file, _, function), (_, _, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        if function == "build" and file.endswith("commands/build.py"):
            totals["whole build"] = max(totals["whole build"], cumulative)
        if "sigsite/adapters/plugin.py" in file and function.startswith("on_"):
            totals[f"sigsite {function}"] = totals.get(f"sigsite {function}", 0.0) + cumulative
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 2000], help="meetings; 0 = our own SIG")
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=None, help="where to write the projects")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.workdir) as folder:
        for size in args.sizes:
            project = project_of(size, Path(folder))
            waits = measure_edits(project, args.edits)
            label = "own SIG" if size == 0 else f"{size} meetings"
            print(
                f"{label}: save to page {statistics.median(waits):.2f} s median "
                f"({min(waits):.2f}-{max(waits):.2f} s over {len(waits)} edits)"
            )
            for name, seconds in plugin_seconds(project, last_note(project)).items():
                print(f"  {name}: {seconds:.2f} s")


if __name__ == "__main__":
    main()
