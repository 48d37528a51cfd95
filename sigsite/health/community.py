"""The health of every group of the hub, computed once per build from what the hub has read."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sigsite.health.consistency import TOPICS, check_consistency, read_listing_statements
from sigsite.health.participation import Attended, participation
from sigsite.health.summary import GroupHealth, group_health
from sigsite.hub.model import Community, HubSig
from sigsite.hub.people import CommunityPerson
from sigsite.problems import Problem, Problems


@dataclass(frozen=True)
class CommunityHealth:
    """Each group's health by id, and the sessions each person is recorded as attending by key."""

    groups: dict[str, GroupHealth] = field(default_factory=dict)
    attended: dict[str, tuple[Attended, ...]] = field(default_factory=dict)

    def of(self, sig: HubSig) -> GroupHealth | None:
        """A group's health; None for a group hosted elsewhere."""
        return self.groups.get(sig.id)


def assess(
    community: Community,
    people: tuple[CommunityPerson, ...],
    root: Path,
    today: date,
    problems: Problems,
) -> CommunityHealth:
    """Every group's health; what disagrees is added to `problems` as warnings and kept with the
    group (its findings: consistency.TOPICS)."""
    groups = {}
    listing = read_listing_statements(root)
    for sig in community.folders:
        findings, compared = check_consistency(root, sig, listing, problems)
        left = [p for p in problems.items if p.topic in TOPICS and _belongs(p, sig) and p not in findings]
        health = group_health(sig, today)
        groups[sig.id] = replace(health, findings=tuple(sorted({*findings, *left})), compared=compared)
    return CommunityHealth(groups, participation(community, people, groups, problems))


def _belongs(problem: Problem, sig: HubSig) -> bool:
    return problem.file.startswith(f"{sig.path}/")
