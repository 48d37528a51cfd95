"""The `sigsite` command: `sigsite check [PATH]` validates a SIG folder."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from sigsite.loader import Sources, load_sig


def _check(args: argparse.Namespace) -> int:
    sources = Sources(root=Path(args.path).resolve())
    _, problems = load_sig(sources)
    report = problems.sorted()
    files = len(sources.data_files())
    errors, warnings = len(problems.errors), len(problems.warnings)
    if args.format == "json":
        summary = {"files": files, "errors": errors, "warnings": warnings}
        json.dump({"problems": [p.as_dict() for p in report], "summary": summary}, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        for problem in report:
            print(problem.format())
        print(f"checked {files} file(s): {errors} error(s), {warnings} warning(s)")
    return 1 if errors else 0


def build_parser() -> argparse.ArgumentParser:
    """The command line of `sigsite`."""
    parser = argparse.ArgumentParser(prog="sigsite", description="Tools for a MindSpore SIG's site.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check",
        help="validate sig_members.yaml, sig-info.yaml and meetings/",
        description="Print every problem as file:line:column: severity: message (fix). "
        "Exit status 1 when there is an error.",
    )
    check.add_argument("path", nargs="?", default=".", help="the SIG folder (default: the current one)")
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    check.set_defaults(run=_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
