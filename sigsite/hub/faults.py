"""What the hub says of the files it published around (`Community.faults`): each fault as a group's
page and the Health page show it, linked to its file and line on the forge."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from sigsite.emails import redact
from sigsite.problems import CHARACTERS_LEFT_OUT, FILE_LEFT_OUT, Problem

SHOWN_ON_A_GROUP_PAGE = 20  # the Health page, health.json and `sigsite check --community` list all


# What the hub did with the file, in plain words (message ids of translations.py), by the fault's topic.
LEFT_OUT_IN_WORDS = {
    FILE_LEFT_OUT: "not shown",
    CHARACTERS_LEFT_OUT: "shown without characters a page cannot hold",
}
PART_LEFT_OUT_IN_WORDS = "shown without the part at fault"


@dataclass(frozen=True)
class FaultView:
    """A fault as a page lists it."""

    file: str  # repository path
    line: int | None
    message: str  # what was left out and why, as `sigsite check --community` says it
    url: str  # the file, at its line, on the forge
    topic: str = ""  # what the hub left out: problems.FILE_LEFT_OUT, CHARACTERS_LEFT_OUT or a part

    @property
    def in_words(self) -> str:
        """What the hub did with the file, in plain words (a message id)."""
        return LEFT_OUT_IN_WORDS.get(self.topic, PART_LEFT_OUT_IN_WORDS)

    @property
    def name(self) -> str:
        """The file's name, without its folders."""
        return self.file.rsplit("/", 1)[-1]


def published(fault: Problem, public: frozenset[str]) -> Problem:
    """A fault as the site may show it: no address in its path or words, not even masked (a log's
    `w…@example.org` still names a domain)."""
    return replace(
        fault,
        file=redact(fault.file, public, markdown=False)[0],
        message=redact(fault.message, public, markdown=False)[0],
        fix=redact(fault.fix, public, markdown=False)[0],
    )


def fault_views(
    faults: tuple[Problem, ...], forge: Callable[[str, int | None], str]
) -> tuple[FaultView, ...]:
    """Each fault with its file's address on the forge (`forge(path, line)`)."""
    return tuple(FaultView(f.file, f.line, f.message, forge(f.file, f.line), f.topic) for f in faults)
