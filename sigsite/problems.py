"""Problems found in the SIG's files, collected rather than raised one at a time."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from enum import StrEnum

from sigsite.emails import masked_in

# Line breaks and other controls, C1 controls, the Unicode line separators, and the lone surrogates
# that stand for bytes of a file name that are not UTF-8.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def logged(text: str) -> str:
    """`text` as a problem's file, message or fix says it: `printable`, and every e-mail address in
    it masked (`w…@example.org`), public ones too: a value quoted from the files (a key, a tag, an
    exception's words) may hold one, and logs and GitHub's annotations are public."""
    return masked_in(printable(text))


def printable(text: str) -> str:
    """`text` on one line as a log shows it: line breaks, controls and bytes that are not UTF-8
    written as escapes (`\\n`, `\\x01`, `\\udcff`). No value from the files can then start a
    line of its own, which GitHub would read as a workflow command (`::error`, `::add-mask::`)."""
    return _UNPRINTABLE.sub(
        lambda match: match.group().encode("unicode_escape", "backslashreplace").decode(), text
    )


MAX_PER_FILE = 20  # problems of one file a report lists before it counts the rest


class Severity(StrEnum):
    """How bad a problem is: errors stop the build, warnings are only reported."""

    ERROR = "error"
    WARNING = "warning"


# What the hub leaves out of a file at fault (an error's topic): the whole file, or characters no
# page may carry; an error of neither leaves out the part at fault (a link, a value).
FILE_LEFT_OUT = "file left out"
CHARACTERS_LEFT_OUT = "characters left out"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, located as precisely as the input allows."""

    file: str
    line: int | None
    column: int | None
    severity: Severity
    message: str
    fix: str = ""
    topic: str = ""  # what a report groups it under (health/consistency.py's TOPICS); "" for the rest

    def format(self) -> str:
        """Render as `file:line:column: severity: message (fix)`, the compiler convention."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.severity.value}: {self.message}"
        return f"{text} ({self.fix})" if self.fix else text

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready mapping of the problem."""
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


def _runs_by_file(ordered: list[Problem]) -> list[tuple[int, int]]:
    """(start, end) of each run of problems of one file in `ordered` (sorted by file)."""
    runs, start = [], 0
    for index in range(1, len(ordered) + 1):
        if index == len(ordered) or ordered[index].file != ordered[start].file:
            runs.append((start, index))
            start = index
    return runs


At = int | None  # a line or a column of a file, when one is known


@dataclass
class Problems:
    """Collects problems while files are read; loaders never raise on bad input."""

    items: list[Problem] = field(default_factory=list)

    def error(
        self, file: str, line: At, message: str, fix: str = "", column: At = None, *, topic: str = ""
    ) -> None:
        """Record something that keeps the file from being published as meant; `topic` says what
        the hub, which publishes around it, leaves out (FILE_LEFT_OUT, CHARACTERS_LEFT_OUT, else a
        part of the file: a link, a value)."""
        self._add(Severity.ERROR, file, line, column, message, fix, topic)

    def warning(
        self, file: str, line: At, message: str, fix: str = "", column: At = None, *, topic: str = ""
    ) -> None:
        """Record something publishable that is worth a maintainer's look."""
        self._add(Severity.WARNING, file, line, column, message, fix, topic)

    def _add(
        self,
        severity: Severity,
        file: str,
        line: int | None,
        column: int | None,
        message: str,
        fix: str,
        topic: str,
    ) -> None:
        """One problem, every text it quotes from the files made safe for a log line (logged)."""
        self.items.append(Problem(logged(file), line, column, severity, logged(message), logged(fix), topic))

    @contextmanager
    def reading(self, file: str) -> Iterator[None]:
        """Record any failure while reading `file` as an error of that file, never a traceback."""
        try:
            yield
        except Exception as exc:  # a bug met by odd input: name the file and keep going
            self.error(
                file,
                None,
                f"the file could not be read ({type(exc).__name__}: {exc})",
                "simplify the part you changed last, and report it to sigsite's maintainers",
            )

    @property
    def errors(self) -> list[Problem]:
        """The problems of error severity."""
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """The problems of warning severity."""
        return [p for p in self.items if p.severity is Severity.WARNING]

    def sorted(self) -> list[Problem]:
        """The problems by file, then line, so a report reads top to bottom: the first
        MAX_PER_FILE of each file, and one that counts the rest (a file of ten thousand unknown
        keys makes a report of twenty-one lines, not ten thousand)."""
        ordered = sorted(self.items, key=lambda p: (p.file, p.line or 0, p.column or 0, p.message))
        report: list[Problem] = []
        for start, end in _runs_by_file(ordered):
            report += ordered[start : min(end, start + MAX_PER_FILE)]
            rest = ordered[start + MAX_PER_FILE : end]
            if rest:
                errors = sum(p.severity is Severity.ERROR for p in rest)
                report.append(
                    Problem(
                        rest[0].file,
                        None,
                        None,
                        Severity.ERROR if errors else Severity.WARNING,
                        f"and {len(rest):,} more problem(s) of this file ({errors:,} error(s))",
                        "fix those above, then run sigsite check again to see the others",
                    )
                )
        return report
