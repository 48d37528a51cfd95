"""The action items a note records (its `Action items` section, at any heading level), as plain text."""

from __future__ import annotations

from dataclasses import dataclass

from sigsite.health.sections import sections_named
from sigsite.languages import words_of
from sigsite.model import Meeting

ACTION_NAMES = frozenset(words_of("action_headings"))
_NOT_AN_ACTION = frozenset(words_of("not_an_action"))


@dataclass(frozen=True)
class ActionItem:
    """One action item and the meeting that recorded it (the group's page links the two)."""

    text: str
    meeting: Meeting


def action_items(meeting: Meeting) -> tuple[ActionItem, ...]:
    """The action items of one note, in its order; placeholders (`TODO`, `None`) left out."""
    if meeting.is_external or not meeting.body:
        return ()
    found = []
    for part in sections_named(meeting.body, ACTION_NAMES):
        texts = [i.text for i in part.items] or list(part.prose)
        found += [
            ActionItem(t, meeting) for t in texts if t and t.strip(" .。").lower() not in _NOT_AN_ACTION
        ]
    return tuple(found)
