"""The `sigsite` command: `check` validates a SIG folder; `new-meeting` starts a note."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date, time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sigsite.build_date import build_date
from sigsite.loader import Sources, load_sig
from sigsite.meetings import parse_meeting
from sigsite.new_meeting import create_note
from sigsite.problems import Problems


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


def _new_meeting(args: argparse.Namespace) -> int:
    sources = Sources(root=Path(args.path).resolve())
    default_zone = ZoneInfo(sources.timezone)
    try:
        day = date.fromisoformat(args.date)
        clock = time.fromisoformat(args.time) if args.time else None
        zone = ZoneInfo(args.timezone) if args.timezone else default_zone
    except ValueError as exc:
        print(f"sigsite new-meeting: {exc} (use --date YYYY-MM-DD --time HH:MM)", file=sys.stderr)
        return 2
    except ZoneInfoNotFoundError:
        print(
            f"sigsite new-meeting: unknown time zone '{args.timezone}' (use an IANA name such as "
            "Asia/Shanghai)",
            file=sys.stderr,
        )
        return 2
    folder = sources.path(sources.meetings_dir)
    try:
        path = create_note(folder, day, clock, zone, default_zone, args.title)
    except FileExistsError as exc:
        print(f"sigsite new-meeting: {exc.filename} exists; not overwriting it", file=sys.stderr)
        return 1
    problems = Problems()
    parse_meeting(
        path, f"{sources.meetings_dir}/{path.name}", default_zone, problems, build_date(default_zone)
    )
    for problem in problems.sorted():
        print(problem.format(), file=sys.stderr)
    print(f"wrote {path.relative_to(sources.root)}: fill in the agenda and commit it")
    return 1 if problems.errors else 0


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
    new = commands.add_parser(
        "new-meeting",
        help="write meetings/NNN-YYYYMMDD.md for a coming meeting",
        description="Write the note of a meeting with the next free sequence number and the SIG's "
        "sections. Never overwrites a file.",
    )
    new.add_argument("--date", required=True, help="the meeting's date, YYYY-MM-DD")
    new.add_argument("--time", help="start time, HH:MM (24-hour)")
    new.add_argument("--timezone", help="IANA time zone (default: the site's, Asia/Shanghai)")
    new.add_argument("--title", help="a title for the archive (default: 'Meeting NNN')")
    new.add_argument("--path", default=".", help="the SIG folder (default: the current one)")
    new.set_defaults(run=_new_meeting)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
