"""The health of every group of the hub, computed once per build from what the hub has read."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from sigsite.health.consistency import TOPICS, check_consistency
from sigsite.health.participation import Attended, participation
from sigsite.health.summary import Counting, GroupHealth, SessionRecord, group_health
from sigsite.identity.decisions import Decisions
from sigsite.identity.mentions import GroupMentions
from sigsite.identity.organisations import organisation_keys
from sigsite.identity.resolve import Identities
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
    found: list[GroupMentions],
    identities: Identities,
    decisions: Decisions,
    names: Callable[[str], Mapping[str, str]],
    today: date,
    problems: Problems,
) -> CommunityHealth:
    """Every group's health, from what was loaded and who each person is; what disagrees is added
    to `problems` as warnings, here and only here, and kept with the group (its findings:
    consistency.TOPICS); `names(group id)` are the people's names by key, as that group shows them."""
    groups = {}
    reported = _by_folder(p for p in problems.items if p.topic in TOPICS)  # what loading found
    for mentions in found:
        sig = mentions.group
        if sig.is_external:
            continue
        findings, table, compared = check_consistency(mentions, identities, names(sig.id))
        problems.items.extend(findings)
        sessions = tuple(session for session, _ in mentions.attendees)
        health = group_health(sig, sessions, _counting(mentions, identities, decisions), today, problems)
        kept = {*findings, *reported.get(sig.path, ())}
        groups[sig.id] = replace(health, findings=tuple(sorted(kept)), compared=compared, leaders=table)
    return CommunityHealth(groups, participation(found, identities))


def _counting(found: GroupMentions, identities: Identities, decisions: Decisions) -> Counting:
    """Each session's people by identity, and each organisation under one name."""
    people: dict[int, set[str]] = {}
    for session, mentions in found.attendees:
        people[id(session)] = {key for m in mentions if (key := identities.key_of(m)) is not None}
    written = (name for session, _ in found.attendees for name in session.attendance.organizations)
    organisations = organisation_keys(written, decisions)

    def people_of(session: SessionRecord) -> set[str]:
        return people.get(id(session), set())

    def organisation_of(name: str) -> str:
        return organisations.get(name, name)

    return Counting(people_of, organisation_of)


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
