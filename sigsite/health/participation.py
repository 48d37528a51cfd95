"""The sessions each person of the people page is recorded as attending, across groups: each
attendee of a note is the person identity/resolve.py found them to be (by the account the note
links, the same name bound to one account, or a likeness within the group); an uncertain match is
reported (identity/report.py) and counts on nobody's entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sigsite.identity.mentions import GroupMentions
from sigsite.identity.resolve import Identities
from sigsite.model import Meeting


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


def participation(found: list[GroupMentions], identities: Identities) -> dict[str, tuple[Attended, ...]]:
    """Person key -> the sessions they attended, oldest first, each once."""
    attended: dict[str, dict[tuple[str, str], Attended]] = {}
    for group in found:
        sig = group.group
        for session, mentions in group.attendees:
            for mention in mentions:
                key = identities.key_of(mention)
                if key is not None:
                    record = Attended(sig.id, sig.name, session.meeting)
                    attended.setdefault(key, {}).setdefault((sig.id, session.meeting.slug), record)
    return {
        key: tuple(sorted(found.values(), key=lambda a: (a.date or date.min, a.sig_id)))
        for key, found in attended.items()
    }
