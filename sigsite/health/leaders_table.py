"""The consistency report's table of a group's leaders: a row per person, a column per place that
names them, in each cell the line (health/consistency.py fills it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cell:
    """Where one place names one person: its line, and whether as a lead."""

    line: int | None
    lead: bool


@dataclass(frozen=True)
class LeadersRow:
    """One person and, by column, where each place names them."""

    name: str
    key: str
    cells: tuple[tuple[Cell, ...], ...]  # by column; empty where the place does not name them


@dataclass(frozen=True)
class LeadersTable:
    """A group's places that name its leaders (the columns: file and label) and its people (the rows)."""

    columns: tuple[tuple[str, str], ...] = ()
    rows: tuple[LeadersRow, ...] = ()
