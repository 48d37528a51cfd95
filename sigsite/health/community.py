"""The health of every group of the hub, computed once per build from what the hub has read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from sigsite.health.consistency import TOPICS, check_consistency
from sigsite.health.participation import Attended, participation
from sigsite.health.summary import GroupHealth, group_health
from sigsite.hub.model import Community
from sigsite.hub.people import CommunityPerson
from sigsite.model import Group
from sigsite.problems import Problem, Problems


@dataclass(frozen=True)
class CommunityHealth:
    """Each group's health by id, and the sessions each person is recorded as attending by key."""

    groups: dict[str, GroupHealth] = field(default_factory=dict)
    attended: dict[str, tuple[Attended, ...]] = field(default_factory=dict)

    def of(self, sig: Group) -> GroupHealth | None:
        """A group's health; None for a group hosted elsewhere."""
        return self.groups.get(sig.id)


def assess(
    community: Community,
    people: tuple[CommunityPerson, ...],
    today: date,
    problems: Problems,
) -> CommunityHealth:
    """Every group's health, from what was loaded; what disagrees is added to `problems` as
    warnings, here and only here, and kept with the group (its findings: consistency.TOPICS)."""
    groups = {}
    reported = _by_folder(p for p in problems.items if p.topic in TOPICS)  # what loading found
    for sig in community.folders:
        findings, compared = check_consistency(sig)
        problems.items.extend(findings)
        health = group_health(sig, today, problems)
        found = {*findings, *reported.get(sig.path, ())}
        groups[sig.id] = replace(health, findings=tuple(sorted(found)), compared=compared)
    return CommunityHealth(groups, participation(community, people, groups, problems))


def _by_folder(problems: Iterable[Problem]) -> dict[str, list[Problem]]:
    """Problems by each folder that holds their file (`sigs/dx/a/b.md` under `sigs` and `sigs/dx`):
    a group's are found by its path, not by looking through every group's."""
    found: dict[str, list[Problem]] = {}
    for problem in problems:
        parts = problem.file.split("/")
        for depth in (1, 2):
            if len(parts) > depth:
                found.setdefault("/".join(parts[:depth]), []).append(problem)
    return found
