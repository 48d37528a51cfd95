"""The sessions each person of the people page is recorded as attending, across groups.

A note's attendee is matched to a person only for certain: by the Gitee account the note links,
else by the exact name the group's own files (sig_members.yaml, sig-info.yaml) write for them.
A name that is close but not the same (`Wang Ze` for `Ze Wang`, `jiang zhiwen` for `Jiang Zhiwen`),
or the same only in another group's files, is an uncertain match: reported, never counted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sigsite.health.attendance import Attendee, name_key
from sigsite.health.examples import MAX_EXAMPLES, clip, some
from sigsite.health.summary import GroupHealth
from sigsite.hub.model import Community
from sigsite.hub.people import CommunityPerson, Membership
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


Doubt = tuple[CommunityPerson, Membership]  # a person an attendee may be, and the group naming them so


class _Names:
    """The community's people indexed by the names their groups' files write: each attendee is
    looked up, never compared with everyone."""

    def __init__(self, people: tuple[CommunityPerson, ...]) -> None:
        self.exact: dict[tuple[str, str], dict[str, CommunityPerson]] = {}  # (group, name) -> people
        # a loose name (_loose) -> each person whose name is close, with the memberships that write it
        self.close: dict[str, list[tuple[CommunityPerson, list[Membership]]]] = {}
        # (group, name) -> the people of `close` whose close name only that group writes, just so
        self.only: Counter[tuple[str, str]] = Counter()
        for person in people:
            by_loose: dict[str, list[Membership]] = {}
            for membership in person.memberships:
                self.exact.setdefault((membership.sig_id, membership.name), {})[person.key] = person
                by_loose.setdefault(_loose(membership.name), []).append(membership)
            for loose, memberships in by_loose.items():
                self.close.setdefault(loose, []).append((person, memberships))
                written = {(m.sig_id, m.name) for m in memberships}
                if len(written) == 1:
                    self.only[written.pop()] += 1

    def certain(
        self, attendee: Attendee, sig_id: str, by_key: dict[str, CommunityPerson]
    ) -> CommunityPerson | None:
        """The person an attendee is for certain: by the account the note links, else by the exact
        name the group's own files write for one person alone."""
        if attendee.gitee_id:
            return by_key.get(attendee.gitee_id.lower())
        named = list(self.exact.get((sig_id, attendee.name), {}).values())
        return named[0] if len(named) == 1 else None

    def uncertain(self, name: str, sig_id: str) -> tuple[list[Doubt], int]:
        """The first MAX_EXAMPLES people whose name some group's files write close to `name`, or
        the same in another group, and how many there are in all."""
        candidates = self.close.get(_loose(name), [])
        total = len(candidates) - self.only[(sig_id, name)]  # all but those this group alone names so
        found: list[Doubt] = []
        for person, memberships in candidates:
            if len(found) == min(total, MAX_EXAMPLES):
                break  # past the examples; and what is left is no candidate (counted in `only`)
            said = next((m for m in memberships if m.name != name or m.sig_id != sig_id), None)
            if said is not None:
                found.append((person, said))
        return found, total


def participation(
    community: Community,
    people: tuple[CommunityPerson, ...],
    health: dict[str, GroupHealth],
    problems: Problems,
) -> dict[str, tuple[Attended, ...]]:
    """Person key -> the sessions they attended, oldest first; uncertain matches are warnings (a
    few for each group, and one that counts the rest)."""
    by_key = {p.key: p for p in people}
    names = _Names(people)
    attended: dict[str, list[Attended]] = {}
    for sig in community.folders:
        group = health.get(sig.id)
        if group is None:
            continue
        doubts: dict[str, _Doubts] = {}  # by the attendee's name, as the notes write it
        for session in group.sessions:
            meeting = session.meeting
            for attendee in session.attendance.people:
                person = names.certain(attendee, sig.id, by_key)
                if person is not None:
                    attended.setdefault(person.key, []).append(Attended(sig.id, sig.name, meeting))
                    continue
                if attendee.name not in doubts:
                    doubts[attendee.name] = _Doubts(attendee.name, *names.uncertain(attendee.name, sig.id))
                doubts[attendee.name].notes.append(meeting.source_path)
        _spelled_two_ways(sig.path, group, problems)
        _report_doubts(sig.path, [d for d in doubts.values() if d.total], problems)
    return {
        key: tuple(sorted(found, key=lambda a: (a.date or date.min, a.sig_id)))
        for key, found in attended.items()
    }


@dataclass
class _Doubts:
    """Whom an attendee's name may stand for: a few examples, how many in all, and the notes."""

    name: str
    examples: list[Doubt]
    total: int
    notes: list[str] = field(default_factory=list)

    def message(self) -> str:
        maybe = [
            f"'{clip(said.name)}' of {clip(said.sig_name)}'s files ({_account(person)})"
            for person, said in self.examples
        ]
        more = self.total - len(maybe)
        return (
            f"the attendee '{clip(self.name)}' may be {' or '.join(maybe)}"
            + (f" or one of {more} more" if more > 0 else "")
            + f"; not counted on that person's entry ({_sessions(len(self.notes))})"
        )


_DOUBT_FIX = "write the name as the group's members file does, or link the account: [Name](https://gitee.com/<account>)"


def _report_doubts(path: str, doubts: list[_Doubts], problems: Problems) -> None:
    """A warning for each of the group's first MAX_EXAMPLES attendees who may be someone of the
    community's files, and one that counts the rest."""
    for doubt in doubts[:MAX_EXAMPLES]:
        problems.warning(f"{path}/{doubt.notes[0]}", None, doubt.message(), _DOUBT_FIX)
    rest = doubts[MAX_EXAMPLES:]
    if rest:
        problems.warning(
            f"{path}/{rest[0].notes[0]}",
            None,
            f"{len(rest)} more attendees' names are close to names of the community's files, so they "
            f"are not counted on anyone's entry: {some([repr(clip(d.name)) for d in rest])}",
            _DOUBT_FIX,
        )


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
    fix = "write a person's name the same way in every note"
    twice = []
    for found in spellings.values():
        if len(found) > 1 and frozenset(found) not in reported:
            reported.add(frozenset(found))
            twice.append(list(found.items()))
    for written in twice[:MAX_EXAMPLES]:  # a few, and one warning that counts the rest
        problems.warning(
            f"{path}/{written[1][1]}",
            None,
            f"the notes write one name {len(written)} ways: "
            + some([f"'{clip(name)}' ({where})" for name, where in written])
            + "; each counts as a distinct person",
            fix,
        )
    rest = twice[MAX_EXAMPLES:]
    if rest:
        problems.warning(
            f"{path}/{rest[0][1][1]}",
            None,
            f"the notes write {len(rest)} more names more than one way: "
            + some([" / ".join(repr(clip(name)) for name, _ in written[:2]) for written in rest]),
            fix,
        )


def _sessions(count: int) -> str:
    return "1 session" if count == 1 else f"{count} sessions"


def _account(person: CommunityPerson) -> str:
    return f"Gitee account {person.gitee_id}" if person.gitee_id else "no Gitee account"
