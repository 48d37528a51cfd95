"""Every person of the community once, merged across SIGs by Gitee account (else by name).

What one SIG's files say of a person (the name, the organisation) stays with that SIG: it never
overwrites what another SIG's files say. The person is shown by the name most of their SIGs use,
with an organisation only where their SIGs agree on one; each SIG's own statement is shown with
that SIG, and a disagreement is reported. The account's address is made from the account alone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sigsite.hub.model import Community
from sigsite.model import ROLES, Person
from sigsite.problems import Problems


@dataclass(frozen=True)
class Membership:
    """One SIG a person belongs to, their roles there, and how that SIG's files name them."""

    sig_id: str
    sig_name: str
    roles: tuple[str, ...]
    name: str  # as this SIG's files write it
    organization: str | None  # as this SIG's files give it


@dataclass(frozen=True)
class CommunityPerson:
    """A person of the community, with every SIG and role."""

    key: str
    name: str  # the name most of their SIGs use
    gitee_id: str | None
    gitee_home: str | None
    organization: str | None  # None unless every SIG that gives one gives this one
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

    def statement(self, membership: Membership) -> str:
        """What a SIG's files say that differs from the person's entry: `Bob B., Example Univ.`; ''."""
        name = membership.name if membership.name != self.name else ""
        organization = membership.organization if membership.organization != self.organization else ""
        return ", ".join(part for part in (name, organization) if part)


def community_people(community: Community, problems: Problems) -> tuple[CommunityPerson, ...]:
    """Everyone once, by name; each SIG's statement about a person kept with that SIG."""
    found: dict[str, list[tuple[Person, Membership, str]]] = {}
    for sig in community.folders:
        for person in sig.people:
            membership = Membership(sig.id, sig.name, person.roles, person.name, person.organization)
            found.setdefault(person.key, []).append((person, membership, sig.path))
    people = [_merged(key, statements, problems) for key, statements in found.items()]
    return tuple(sorted(people, key=lambda p: (p.name.casefold(), p.key)))


Testimony = tuple[Person, Membership, str]  # what one SIG's files say, and that SIG's folder


def _merged(key: str, statements: list[Testimony], problems: Problems) -> CommunityPerson:
    names = Counter(m.name for _, m, _ in statements)  # ties: the first SIG's (insertion order)
    organizations = {m.organization for _, m, _ in statements if m.organization}
    first, said_first, first_folder = statements[0]
    for person, said, folder in statements[1:]:
        if said.name != said_first.name or len({said.organization, said_first.organization} - {None}) > 1:
            problems.warning(
                folder,
                None,
                f"names {_who(person)} {_as(said)}, while {first_folder} names them {_as(said_first)}; "
                "the people page shows each SIG's words with that SIG",
                "agree on one name and organization across the SIGs' files",
            )
    return CommunityPerson(
        key=key,
        name=names.most_common(1)[0][0],
        gitee_id=first.gitee_id,
        gitee_home=first.gitee_home,
        organization=organizations.pop() if len(organizations) == 1 else None,
        memberships=tuple(m for _, m, _ in statements),
    )


def _as(said: Membership) -> str:
    return f"'{said.name}' ({said.organization or 'no organization'})"


def _who(person: Person) -> str:
    return f"Gitee account '{person.gitee_id}'" if person.gitee_id else "the person"
