"""Every place a group's files name a person, as Mentions (resolve.py tells who each is).

A group names people in its roster (sig_members.yaml, sig-info.yaml: each entry, with its line), in
what its files say of its leaders (statements.py: OWNERS, sig-info, members, its READMEs, the
community's listing) and in the attendees of its notes. The listing's lines for one group are not
bound to each other: its table links one account where its YAML names another lead (data: @liucunwei
beside Yang Luo), so a name there is found as any other name alone is.
"""

from __future__ import annotations

from dataclasses import dataclass

from sigsite.health.summary import SessionRecord
from sigsite.identity.resolve import ATTENDEE, Mention
from sigsite.model import Group
from sigsite.statements import LEADS, Statement

LEAD = "Lead"  # the role of a person a README or the listing names as the group's chair or lead
MAINTAINER = "Maintainer"


@dataclass(frozen=True)
class GroupMentions:
    """A group and each mention of a person in its files, where it stands."""

    group: Group
    roster: tuple[Mention, ...]
    leaders: tuple[tuple[Statement, tuple[Mention, ...]], ...]  # by statement, its leaders in order
    attendees: tuple[tuple[SessionRecord, tuple[Mention, ...]], ...]  # by session, as its people

    def all(self) -> tuple[Mention, ...]:
        """Every mention, in the order the files give them."""
        return (
            *self.roster,
            *(m for _, found in self.leaders for m in found),
            *(m for _, found in self.attendees for m in found),
        )


def gather(group: Group, sessions: tuple[SessionRecord, ...]) -> GroupMentions:
    """The mentions of a group's people; its sessions as health/summary.py found them."""
    roster = tuple(
        Mention(
            group.id,
            source.file,
            source.line,
            source.name,
            person.gitee_id,
            source.role,
            binds=source.binds,
            other_accounts=person.other_accounts,
            organization=person.organization,
        )
        for person in group.people
        for source in person.sources
    )
    leaders = []
    for statement in group.statements:
        if not statement.leaders:
            continue
        role = LEAD if statement.role == LEADS else MAINTAINER
        found = []
        for leader in statement.leaders:
            account = leader.account
            found.append(
                Mention(
                    group.id,
                    statement.file,
                    leader.line or statement.line,
                    leader.name,
                    account,
                    role,
                    binds=bool(account and leader.name),
                )
            )
        leaders.append((statement, tuple(found)))
    attendees = tuple(
        (
            session,
            tuple(
                Mention(
                    group.id,
                    f"{group.path}/{session.meeting.source_path}"
                    if group.path
                    else session.meeting.source_path,
                    None,
                    attendee.name,
                    attendee.gitee_id,
                    ATTENDEE,
                    binds=bool(attendee.gitee_id and attendee.name),
                    organization=attendee.organization,
                )
                for attendee in session.attendance.people
            ),
        )
        for session in sessions
    )
    return GroupMentions(group, roster, tuple(leaders), attendees)
