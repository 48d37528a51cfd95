"""Whether a group's files agree on who leads it and where its minutes are.

Each reader captures what its file says of the group's leaders or minutes as it reads it
(statements.py): `OWNERS`, `sig-info.yaml`, `sig_members.yaml`, its README and the community's
listing. A person is the same in two places by Gitee account, or by a name that a place giving both
ties to an account. Where the places differ, each says so as a warning with its file and line;
likewise when `sig-info.yaml`'s meeting_url and the README give different addresses for the
minutes (worded in proportion to the files by disagreements.py). No file is read here.
"""

from __future__ import annotations

from sigsite.given import PLACEHOLDER, TEMPLATE_DEFAULT
from sigsite.health.disagreements import leaders_differ, notes_links_differ
from sigsite.model import Group
from sigsite.problems import Problem, Problems

LEADERS = "leaders"
NOTES_LINK = "meeting notes link"
TOPICS = (LEADERS, NOTES_LINK, PLACEHOLDER, TEMPLATE_DEFAULT)  # what the consistency report lists


def check_consistency(sig: Group) -> tuple[list[Problem], tuple[str, ...]]:
    """The group's disagreements, as warnings, and the files that name its leaders or its minutes
    (what was compared)."""
    said = sig.statements
    found = Problems()
    leaders_differ(found, [s for s in said if s.leaders], LEADERS)
    notes_links_differ(found, [s for s in said if s.notes_link], NOTES_LINK)
    return found.items, tuple(sorted({s.file for s in said}))
