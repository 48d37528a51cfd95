"""The action items a note records (its `Action items` section, at any heading level), as plain text."""

from __future__ import annotations

from dataclasses import dataclass

from sigsite.health.sections import sections_named
from sigsite.model import Meeting

ACTION_NAMES = frozenset(
    {"action items", "action item", "actions", "next steps", "待办事项", "行动项", "遗留问题", "后续行动"}
)
_NOT_AN_ACTION = frozenset({"todo", "tbd", "none", "n/a", "na", "无", "暂无"})


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
