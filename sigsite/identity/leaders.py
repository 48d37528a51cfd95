"""Who leads a group: the people the most authoritative place naming any names (statements.PLACES:
OWNERS, then sig-info.yaml, then the members file, then the README's lead, maintainer and chair
sections, then the community's listing). People whom only a less authoritative place names are
"also named", never leaders: a stale line of the listing leads nobody.
"""

from __future__ import annotations

from collections.abc import Mapping

from sigsite.identity.mentions import LEAD, GroupMentions
from sigsite.identity.resolve import Identities, Mention
from sigsite.model import Leadership, Named
from sigsite.statements import LEADS, MAINTAINERS, PLACES


def leadership(found: GroupMentions, identities: Identities, names: Mapping[str, str]) -> Leadership | None:
    """The group's leaders and who else its files name as leading it; None when no file names any.
    A person a place names by account alone is shown by `names` (person key -> name)."""
    named = [(statement, mentions) for statement, mentions in found.leaders if mentions]
    if not named:
        return None
    top = min(PLACES.index(statement.place) for statement, _ in named)
    chosen = [(s, m) for s, m in named if PLACES.index(s.place) == top]
    role = LEADS if all(s.role == LEADS for s, _ in chosen) else MAINTAINERS
    leaders = _each_once([m for _, mentions in chosen for m in mentions], identities, names, set())
    shown = {n.key or n.name for n in leaders}
    others = [m for s, mentions in named if PLACES.index(s.place) != top for m in mentions]
    return Leadership(role, tuple(leaders), tuple(_each_once(others, identities, names, shown)))


def _each_once(
    mentions: list[Mention], identities: Identities, names: Mapping[str, str], shown: set[str]
) -> list[Named]:
    """Each person of `mentions` once (by identity), as the first mention writes them; none of
    `shown`, and no placeholder."""
    found = []
    for mention in mentions:
        key = identities.key_of(mention)
        if key is None:
            continue  # a placeholder (`待安排人力`), a team, or a hidden person
        identity = key
        if identity in shown:
            continue
        shown.add(identity)
        written = mention.name or names.get(identity) or f"@{mention.account}"
        found.append(Named(written, key, mention.file, mention.line, mention.role == LEAD))
    return found
