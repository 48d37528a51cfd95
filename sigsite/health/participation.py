"""The sessions each person of the people page is recorded as attending, across groups.

A note's attendee is matched to a person only for certain: by the Gitee account the note links,
else by the exact name the group's own files (sig_members.yaml, sig-info.yaml) write for them.
A name that is close but not the same (`Wang Ze` for `Ze Wang`, `jiang zhiwen` for `Jiang Zhiwen`),
or the same only in another group's files, is an uncertain match: reported, never counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sigsite.health.attendance import Attendee, name_key
from sigsite.health.summary import GroupHealth
from sigsite.hub.model import Community
from sigsite.hub.people import CommunityPerson
from sigsite.model import Meeting
from sigsite.problems import Problems


@dataclass(frozen=True)
class Attended:
    """A session a person is recorded as attending."""

    sig_id: str
    sig_name: str
    meeting: Meeting

    @property
    def date(self) -> date | None:
        """The session's day."""
        return self.meeting.date


def _loose(name: str) -> str:
    """A name with case, spacing and word order aside: what makes a match uncertain."""
    return " ".join(sorted(name_key(name).replace(".", " ").split()))


def participation(
    community: Community,
    people: tuple[CommunityPerson, ...],
    health: dict[str, GroupHealth],
    problems: Problems,
) -> dict[str, tuple[Attended, ...]]:
    """Person key -> the sessions they attended, oldest first; uncertain matches are warnings."""
    by_key = {p.key: p for p in people}
    attended: dict[str, list[Attended]] = {}
    for sig in community.folders:
        group = health.get(sig.id)
        if group is None:
            continue
        # (attendee, candidate's key) -> the candidate, how and where they are named, the notes
        doubts: dict[tuple[str, str], tuple[CommunityPerson, str, str, list[str]]] = {}
        for session in group.sessions:
            meeting = session.meeting
            for attendee in session.attendance.people:
                person = _certain(attendee, sig.id, by_key)
                if person is not None:
                    attended.setdefault(person.key, []).append(Attended(sig.id, sig.name, meeting))
                    continue
                for candidate, said, where in _uncertain(attendee, sig.id, people):
                    doubt = doubts.setdefault((attendee.name, candidate.key), (candidate, said, where, []))
                    doubt[3].append(meeting.source_path)
        _spelled_two_ways(sig.path, group, problems)
        for (name, _key), (candidate, said, where, notes) in doubts.items():
            problems.warning(
                f"{sig.path}/{notes[0]}",
                None,
                f"the attendee '{name}' may be '{said}' of {where}'s files ({_account(candidate)}); "
                f"not counted on that person's entry ({_sessions(len(notes))})",
                "write the name as the group's members file does, or link the account: "
                "[Name](https://gitee.com/<account>)",
            )
    return {
        key: tuple(sorted(found, key=lambda a: (a.date or date.min, a.sig_id)))
        for key, found in attended.items()
    }


def _spelled_two_ways(path: str, group: GroupHealth, problems: Problems) -> None:
    """Warn where a group's notes write one name two ways (`Zhu Naipan`, `Naipan Zhu`): both count."""
    spellings: dict[str, dict[str, str]] = {}  # loose key -> spelling -> the first note writing it
    for session in group.sessions:
        for attendee in session.attendance.people:
            if not attendee.gitee_id:
                for key in (_loose(attendee.name), "joined:" + name_key(attendee.name).replace(" ", "")):
                    found = spellings.setdefault(key, {})
                    found.setdefault(attendee.name, session.meeting.source_path)
    reported: set[frozenset[str]] = set()
    for found in spellings.values():
        if len(found) > 1 and frozenset(found) not in reported:
            reported.add(frozenset(found))
            (first, note), *others = found.items()
            problems.warning(
                f"{path}/{others[0][1]}",
                None,
                f"the notes write one name {len(found)} ways: "
                + ", ".join(f"'{name}' ({where})" for name, where in [(first, note), *others])
                + "; each counts as a distinct person",
                "write a person's name the same way in every note",
            )


def _sessions(count: int) -> str:
    return "1 session" if count == 1 else f"{count} sessions"


def _certain(attendee: Attendee, sig_id: str, by_key: dict[str, CommunityPerson]) -> CommunityPerson | None:
    if attendee.gitee_id:
        return by_key.get(attendee.gitee_id.lower())
    named = [
        p
        for p in by_key.values()
        if any(m.sig_id == sig_id and m.name == attendee.name for m in p.memberships)
    ]
    return named[0] if len(named) == 1 else None


def _uncertain(
    attendee: Attendee, sig_id: str, people: tuple[CommunityPerson, ...]
) -> list[tuple[CommunityPerson, str, str]]:
    """People whose name some group's files write close to the attendee's, or the same elsewhere."""
    loose = _loose(attendee.name)
    found = []
    for person in people:
        for membership in person.memberships:
            same_group = membership.sig_id == sig_id
            if (membership.name == attendee.name and not same_group) or (
                membership.name != attendee.name and _loose(membership.name) == loose
            ):
                found.append((person, membership.name, membership.sig_name))
                break
    return found


def _account(person: CommunityPerson) -> str:
    return f"Gitee account {person.gitee_id}" if person.gitee_id else "no Gitee account"
