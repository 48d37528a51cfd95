"""Every person of the community once, merged across SIGs by Gitee account (else by name)."""

from __future__ import annotations

from dataclasses import dataclass

from sigsite.hub.model import Community
from sigsite.model import ROLES, Person


@dataclass(frozen=True)
class Membership:
    """One SIG a person belongs to, and their roles there."""

    sig_id: str
    sig_name: str
    roles: tuple[str, ...]


@dataclass(frozen=True)
class CommunityPerson:
    """A person of the community, with every SIG and role."""

    key: str
    name: str
    gitee_id: str | None
    gitee_home: str | None
    organization: str | None
    memberships: tuple[Membership, ...]

    @property
    def roles(self) -> tuple[str, ...]:
        """Every role the person holds in any SIG, most responsible first."""
        held = {role for m in self.memberships for role in m.roles}
        return tuple(role for role in ROLES if role in held)

    @property
    def initials(self) -> str:
        """As the roster's avatars write them."""
        return Person(key=self.key, name=self.name, roles=()).initials


def community_people(community: Community) -> tuple[CommunityPerson, ...]:
    """Everyone once, by name; the first SIG (in the hub's order) that names a person gives their details."""
    found: dict[str, CommunityPerson] = {}
    for sig in community.folders:
        for person in sig.data.people:
            membership = Membership(sig.id, sig.name, person.roles)
            known = found.get(person.key)
            if known is None:
                found[person.key] = CommunityPerson(
                    key=person.key,
                    name=person.name,
                    gitee_id=person.gitee_id,
                    gitee_home=person.gitee_home,
                    organization=person.organization,
                    memberships=(membership,),
                )
            else:
                found[person.key] = CommunityPerson(
                    key=known.key,
                    name=known.name,
                    gitee_id=known.gitee_id,
                    gitee_home=known.gitee_home or person.gitee_home,
                    organization=known.organization or person.organization,
                    memberships=(*known.memberships, membership),
                )
    return tuple(sorted(found.values(), key=lambda p: (p.name.casefold(), p.key)))
