"""The `sigsite` command: `check` validates a SIG folder; `new-meeting` starts a note."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib.metadata import version
from typing import NoReturn

from sigsite.cli.check import run_check
from sigsite.cli.meeting import run_new_meeting
from sigsite.problems import printable


class Parser(argparse.ArgumentParser):
    """argparse, whose errors quote the arguments (`invalid choice: '…'`) on one line, escaped as
    every other message of the command is (cli/common.py)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {printable(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    """The command line of `sigsite`; its subcommands' parsers are Parsers too."""
    parser = Parser(prog="sigsite", description="Tools for a MindSpore SIG's site.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {version('sigsite')}")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check",
        help="validate sig_members.yaml, sig-info.yaml and meetings/",
        description="Print every problem as file:line:column: severity: message (fix). "
        "Exit status 1 when there is an error.",
    )
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="folders of projects (default: the current one); a project is the nearest folder at or "
        "above one with a mkdocs.yml, whose sigsite settings are used, else the folder itself",
    )
    check.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text (file:line:column: ...), json, or github (workflow annotations on pull requests)",
    )
    check.add_argument(
        "--community",
        metavar="PATH",
        help="check every SIG folder of a community checkout (the folder that holds sigs/), as the "
        "hub reads them; problems are grouped by folder",
    )
    check.add_argument(
        "--people",
        action="store_true",
        help="with --community: also list every name found to be a person with an account, with its "
        "evidence, and every candidate left for the hub's people file to decide, with file:line",
    )
    check.add_argument(
        "--config",
        metavar="FILE",
        help="with --community: the hub's mkdocs.yml whose sigsite-hub settings apply (default: the "
        "nearest hub/mkdocs.yml at or above the current folder)",
    )
    check.set_defaults(run=run_check)
    new = commands.add_parser(
        "new-meeting",
        help="write meetings/NNN-YYYYMMDD.md for a coming meeting",
        description="Write the note of a meeting with the next free sequence number and the SIG's "
        "sections. Never overwrites a file.",
    )
    new.add_argument("--date", required=True, help="the meeting's date, YYYY-MM-DD")
    new.add_argument("--time", help="start time: 15:00, 3pm or 3:30pm")
    new.add_argument("--timezone", help="IANA time zone (default: the site's, Asia/Shanghai)")
    new.add_argument("--title", help="a title for the archive (default: 'Meeting NNN')")
    new.add_argument("--path", default=".", help="a folder of the project (default: the current one)")
    new.add_argument("--force", action="store_true", help="write a note even if that day has one")
    new.set_defaults(run=run_new_meeting)
    return parser


# The options that take a value: argparse reads `--time -1:00` as two options and answers only
# "expected one argument"; joined as `--time=-1:00`, the command says what it expected instead.
VALUE_OPTIONS = frozenset(
    {"--format", "--community", "--config", "--date", "--time", "--timezone", "--title", "--path"}
)


def _values_joined(argv: Sequence[str]) -> list[str]:
    joined: list[str] = []
    for item in argv:
        if joined and joined[-1] in VALUE_OPTIONS and item.startswith("-") and not item.startswith("--"):
            joined[-1] = f"{joined[-1]}={item}"
        else:
            joined.append(item)
    return joined


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(_values_joined(sys.argv[1:] if argv is None else argv))
    try:
        return int(args.run(args))
    except BrokenPipeError:  # `sigsite check | head`: the reader stopped reading
        # As the Python documentation advises: no second error while flushing at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
