"""Every person of the community once, by identity (identity/resolve.py): their accounts, the
spellings the files use, each group with its roles and the file that says so, and how each
mention without an account was found to be them.

What one group's files say of a person (the name, the organisation) stays with that group: it
never overwrites what another group's say. The person is shown by the spelling most groups' files
use (a group counts once, however often it writes a name), on a group's own pages as its files write
them, with an organisation only where their groups agree on one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from hashlib import sha256

from pypinyin import lazy_pinyin

from sigsite.accounts import ACCOUNT, profile_address
from sigsite.hub.role_history import RoleHistory, Unknown
from sigsite.identity.mentions import GroupMentions
from sigsite.identity.resolve import ATTENDEE, NAMED, Identities, Mention
from sigsite.model import ROLES, Person

ROLE_ORDER = ("Lead", *ROLES)  # a chair or lead first, then the roster's roles
PEOPLE_ROLES = (*ROLE_ORDER, ATTENDEE)  # every role the people page filters by


@dataclass(frozen=True)
class Said:
    """One place that names the person: the file and line, the role, how it writes them, and why
    it is them (empty where it gives their account)."""

    file: str
    line: int | None
    role: str
    name: str
    evidence: str = ""  # in English, as logs and JSON say it
    since: date | Unknown | None = None  # a roster file's: since when it names them so; else None
    how: str = ""  # what the evidence rests on (`name order`, `confirmed`), for a page in its language
    where: str = ""  # the entry it rests on (`sigs/security/sig_members.yaml:43`)


@dataclass(frozen=True)
class Membership:
    """One group a person takes part in, their roles there, and how that group's files name them."""

    sig_id: str
    sig_name: str
    roles: tuple[str, ...]  # ROLE_ORDER's, and "Attendee" for one named only in notes
    name: str  # as this group's files first write it (`@account` where they write none)
    organization: str | None
    said: tuple[Said, ...] = ()

    @property
    def written(self) -> bool:
        """True when the group's files write a name for the person (not only their account)."""
        return any(s.name and not s.name.startswith("@") for s in self.said)


@dataclass(frozen=True)
class CommunityPerson:
    """A person of the community, with every group and role."""

    key: str  # their Gitee account in lower case; `name:<group>:<name>` for a name alone
    name: str  # the spelling most groups' files use
    gitee_id: str | None
    gitee_home: str | None
    organization: str | None  # None unless every group that gives one gives this one
    memberships: tuple[Membership, ...]
    other_accounts: tuple[str, ...] = ()
    spellings: tuple[str, ...] = ()  # every way the files write them, most used first

    @property
    def roles(self) -> tuple[str, ...]:
        """Every role the person holds in any group, most responsible first."""
        held = {role for m in self.memberships for role in m.roles}
        return tuple(role for role in PEOPLE_ROLES if role in held)

    @property
    def has_page(self) -> bool:
        """True for a person with an account or a role: a page of their own. One the notes alone
        name is listed on the people page with their sessions."""
        return bool(self.gitee_id) or any(r != ATTENDEE for r in self.roles)

    @property
    def merged(self) -> tuple[Said, ...]:
        """Each place that names them without their account, with its evidence."""
        return tuple(s for m in self.memberships for s in m.said if s.evidence and self.gitee_id)

    @property
    def initials(self) -> str:
        """As the roster's avatars write them."""
        return Person(key=self.key, name=self.name, roles=()).initials

    def statement(self, membership: Membership) -> str:
        """What a group's files say that differs from the person's entry: `Bob B., Example Univ.`; ''."""
        name = membership.name if membership.name != self.name else ""
        organization = membership.organization if membership.organization != self.organization else ""
        return ", ".join(part for part in (name, organization) if part)


def community_people(
    found: list[GroupMentions], identities: Identities, roles: RoleHistory | None = None
) -> tuple[CommunityPerson, ...]:
    """Everyone once, by identity; each group's statement about a person kept with that group, and
    since when each roster file names them so (`roles`, from the history: hub/role_history.py)."""
    by_person: dict[str, dict[str, list[Mention]]] = {}  # key -> group id -> mentions
    names: dict[str, str] = {}
    for group in found:
        names[group.group.id] = group.group.name
        for mention in group.all():
            key = identities.key_of(mention)
            if key is not None:
                by_person.setdefault(key, {}).setdefault(mention.group, []).append(mention)
    people = [_person(key, groups, names, identities, roles) for key, groups in by_person.items()]
    return tuple(sorted(people, key=lambda p: (p.name.casefold(), p.key)))


def _person(
    key: str,
    groups: dict[str, list[Mention]],
    names: dict[str, str],
    identities: Identities,
    role_history: RoleHistory | None,
) -> CommunityPerson:
    mentions = [m for found in groups.values() for m in found]
    spellings = Counter(m.name for m in mentions if m.name)
    account = None if key.startswith(NAMED) else next((m.account for m in mentions if m.account), key)
    organizations = {m.organization for m in mentions if m.organization and m.role != ATTENDEE}
    memberships = []
    for group_id, found in groups.items():
        roles = {m.role for m in found}
        said = tuple(  # once each: a members entry is both a roster entry and a statement of leaders
            dict.fromkeys(
                Said(
                    m.file,
                    m.line,
                    m.role,
                    m.name or f"@{m.account}",
                    "" if m.account else identities.evidence[m].words(),
                    role_history.since(m.file, m.role, m.account, m.name) if role_history else None,
                    *(("", "") if m.account else identities.evidence[m].parts()),
                )
                for m in found
            )
        )
        memberships.append(
            Membership(
                group_id,
                names[group_id],
                tuple(r for r in PEOPLE_ROLES if r in roles),
                next((m.name for m in found if m.name), f"@{account}"),
                next((m.organization for m in found if m.organization), None),
                said,
            )
        )
    shown = _most_groups_write(groups) or f"@{account}"
    return CommunityPerson(
        key=key,
        name=shown,
        gitee_id=account,
        gitee_home=profile_address(account) if account else None,
        organization=organizations.pop() if len(organizations) == 1 else None,
        memberships=tuple(memberships),
        other_accounts=tuple(dict.fromkeys(a for m in mentions for a in m.other_accounts)),
        spellings=tuple(name for name, _ in spellings.most_common()),
    )


def _most_groups_write(groups: dict[str, list[Mention]]) -> str | None:
    """The spelling of a person that most groups' files use, the first group's on a tie: a group
    that writes another spelling a thousand times counts once, so it never renames them."""
    votes = Counter(
        name for found in groups.values() for name in dict.fromkeys(m.name for m in found if m.name)
    )
    return votes.most_common(1)[0][0] if votes else None


def names_in_groups(people: Iterable[CommunityPerson]) -> dict[str, dict[str, str]]:
    """Group id -> person key -> the person's name as that group's files write it (where they
    write one): what the group's own pages show of a person another place names by account."""
    found: dict[str, dict[str, str]] = {}
    for person in people:
        for membership in person.memberships:
            if membership.written:
                found.setdefault(membership.sig_id, {})[person.key] = membership.name
    return found


PEOPLE_FOLDER = "people"
_PEOPLE_FOLDER_FILES = frozenset({"index.html"})  # what people/ publishes beside a folder per person
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 60


def person_source(person: CommunityPerson) -> str | None:
    """The source path of a person's page (`people/ada/index.md`); None for one without a page.
    An account is a folder's name as it is (accounts are letters, digits, `_`, `.`, `-`); a name
    alone becomes ASCII (pinyin for Chinese), below its group's folder. Where that loses part of
    the name (a letter ASCII lacks, a pinyin two names share, a name too long), a digest of the
    name follows a `~` no ASCII spelling has, so two names never make one address."""
    if not person.has_page:
        return None
    if person.gitee_id:
        folder = person.gitee_id.lower()
        if not ACCOUNT.fullmatch(folder) or folder in _PEOPLE_FOLDER_FILES:
            return None  # no account's name (readers let none through), or a file's of people/
        return f"{PEOPLE_FOLDER}/{folder}/index.md"
    group, _, name = person.key.removeprefix(NAMED).partition(":")
    words = _NOT_SLUG.sub("-", " ".join(lazy_pinyin(name)).lower()).strip("-")
    if words != name.replace(" ", "-") or len(words) > MAX_SLUG:  # not the name itself: not unique
        words = words[:MAX_SLUG].strip("-") + "~" + sha256(name.encode()).hexdigest()[:12]
    return f"{PEOPLE_FOLDER}/{_NOT_SLUG.sub('-', group.lower()).strip('-')}/~{words}/index.md"


def page_sources(people: Iterable[CommunityPerson]) -> dict[str, str]:
    """Person key -> their page's source path (person_source), for each person with a page. Two
    people at one address (names whose digests agree) would stop the build: the first keeps it,
    the other has none and is listed on the people page alone."""
    found: dict[str, str] = {}
    taken: set[str] = set()
    for person in people:
        source = person_source(person)
        if source is not None and source not in taken:
            taken.add(source)
            found[person.key] = source
    return found
