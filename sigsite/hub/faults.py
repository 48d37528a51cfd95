"""What the hub says of the files it published around (`Community.faults`): each fault as a group's
page and the Health page show it, linked to its file and line on the forge."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from sigsite.emails import redact
from sigsite.problems import Problem

SHOWN_ON_A_GROUP_PAGE = 20  # the Health page, health.json and `sigsite check --community` list all


@dataclass(frozen=True)
class FaultView:
    """A fault as a page lists it."""

    file: str  # repository path
    line: int | None
    message: str  # what was left out and why, as `sigsite check --community` says it
    url: str  # the file, at its line, on the forge


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
    return tuple(FaultView(f.file, f.line, f.message, forge(f.file, f.line)) for f in faults)
