"""Who each mention of a person is: one identity per person, however the files write them.

A person is keyed by their Gitee account (in lower case) wherever a file gives one; an entry that
gives a second forge's account as well makes it the same person's other account, never a key: a
Gitee account that spells it is another forge's name, and may be anyone's (one group's entry with
`atomgit_id: ada` would otherwise take Gitee's ada from every group). A name alone is tied to an
account by an entry that gives both (`binds`), and then:

- the same name (after `names.plain`) bound to exactly one account in the whole community is that
  account's person wherever it appears;
- a weaker likeness (`names.Likeness`: name order, spacing, pinyin, an account that spells it) is
  that person within one group, where only one person of the group is so alike;
- anything else that is alike (across groups, or where two people could fit) is a `Candidate`:
  reported, never merged.

A name tied to no account is a person of its group alone, one however its group's files space or
order it. The hub's people file (`decisions.py`) confirms or refuses a match, or hides a person.
Every match carries its evidence: the likeness and the entry that ties the name to the account.
Everything is looked up in indexes by key, so the cost is linear in the mentions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial

from sigsite.health.examples import MAX_EXAMPLES
from sigsite.identity.decisions import Decisions
from sigsite.identity.names import Likeness, account_spelling, is_person, likenesses, plain

ATTENDEE = "Attendee"  # the role of a person a note names as attending
CONFIRMED = "confirmed"  # how a match the hub's people file decides is made


@dataclass(frozen=True)
class Mention:
    """One place a file names a person."""

    group: str  # the group's id
    file: str  # from the community's root
    line: int | None
    name: str | None
    account: str | None  # the Gitee account, as written
    role: str  # a roster role (model.ROLES), "Lead", or ATTENDEE
    binds: bool = False  # the entry gives the name and the account as one person's
    other_accounts: tuple[str, ...] = ()  # the same person's accounts on another forge
    organization: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Why a mention is the person it is: how alike, and the entry that says so."""

    likeness: Likeness | None  # None: the mention gives the account itself
    file: str = ""  # the entry tying the name to the account (or the people file's decision)
    line: int | None = None
    decided: bool = False  # confirmed in the hub's people file

    @property
    def merged_by_likeness(self) -> bool:
        """True when the match rests on a likeness weaker than the same spelling."""
        return self.likeness not in (None, Likeness.SAME) and not self.decided

    def parts(self) -> tuple[str, str]:
        """How (`name order`, or `confirmed` for the people file's decision) and where
        (`sigs/security/sig_members.yaml:43`): what a page says in its language."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        return CONFIRMED if self.decided else self.likeness.value if self.likeness else "account", where

    def words(self) -> str:
        """`matched by name order in sigs/security/sig_members.yaml:43`, as logs and JSON say it."""
        how, where = self.parts()
        return f"confirmed in {where}" if how == CONFIRMED else f"matched by {how} in {where}"


@dataclass(frozen=True)
class Candidate:
    """A name that may be someone of the community's files, so is not merged with anyone."""

    mention: Mention
    people: tuple[tuple[str, Evidence], ...]  # each key it may be, and why: MAX_FOUND at most
    more: bool = False  # more people may be it than `people` holds


@dataclass
class Identities:
    """Each mention's person (its key, None for no person or a hidden one), why, and the
    candidates left for a maintainer to decide."""

    keys: dict[Mention, str | None] = field(default_factory=dict)
    evidence: dict[Mention, Evidence] = field(default_factory=dict)
    candidates: list[Candidate] = field(default_factory=list)
    hidden: set[str] = field(default_factory=set)  # keys hidden by the people file

    def key_of(self, mention: Mention) -> str | None:
        """The person a mention names; None for a placeholder, a team or a hidden person."""
        return self.keys.get(mention)

    def merges(self) -> list[tuple[Mention, str, Evidence]]:
        """Every mention without an account tied to a person with one, and why."""
        return [
            (m, key, self.evidence[m])
            for m, key in self.keys.items()
            if key and not m.account and not key.startswith(NAMED)
        ]


NAMED = "name:"  # the key of a person no file ties to an account: name:<group>:<plain name>


class _Index:
    """Keys of names and accounts -> the people they belong to, with the entry that says so."""

    def __init__(self) -> None:
        self.found: dict[str, dict[str, Evidence]] = {}

    def add(self, key: str, person: str, evidence: Evidence) -> None:
        self.found.setdefault(key, {}).setdefault(person, evidence)

    def people(
        self, keys: Iterable[tuple[str, Likeness]], refused: Callable[[str], bool] = lambda _: False
    ) -> tuple[dict[str, Evidence], bool]:
        """Everyone any of `keys` leads to (but the `refused`), and how alike: the weaker of the two
        sides' likenesses (`Qi Guo` in another order is `郭琦` by pinyin), the strongest over the
        keys. At most MAX_FOUND of them, and True when there are more: a name that a thousand
        entries bind costs each mention of it a few look-ups, never a thousand."""
        found: dict[str, Evidence] = {}
        for key, likeness in keys:
            for person, said in self.found.get(key, {}).items():
                if refused(person):
                    continue
                known = found.get(person)
                if known is None and len(found) == MAX_FOUND:
                    return found, True
                weaker = max(likeness, said.likeness or Likeness.SAME, key=_STRENGTH.index)
                if known is None or _STRENGTH.index(weaker) < _STRENGTH.index(
                    known.likeness or Likeness.SAME
                ):
                    found[person] = Evidence(weaker, said.file, said.line)
        return found, False


_STRENGTH = list(Likeness)  # strongest first
MAX_FOUND = MAX_EXAMPLES  # people a name is looked up as at most: enough to tell one from several


def resolve(mentions: Sequence[Mention], decisions: Decisions) -> Identities:
    """Each mention's person, in the mentions' order (which makes the output deterministic)."""
    found = Identities()
    same_name = _Index()  # plain name -> people the files bind it to, anywhere
    alike_in: dict[str, _Index] = {}  # group -> likeness key -> people bound to it in that group
    alike = _Index()  # likeness key -> people bound to it anywhere
    for mention in mentions:
        if not mention.account:
            continue
        key = mention.account.lower()
        found.keys[mention] = key
        found.evidence[mention] = Evidence(None, mention.file, mention.line)
        spelled = account_spelling(mention.account)
        said = Evidence(Likeness.ACCOUNT, mention.file, mention.line)
        if spelled:
            alike_in.setdefault(mention.group, _Index()).add(spelled, key, said)
            alike.add(spelled, key, said)
        if mention.binds and mention.name and is_person(mention.name):
            same_name.add(plain(mention.name), key, Evidence(Likeness.SAME, mention.file, mention.line))
            for like, likeness in likenesses(mention.name).items():
                said = Evidence(likeness, mention.file, mention.line)
                alike_in.setdefault(mention.group, _Index()).add(like, key, said)
                alike.add(like, key, said)
    named = _NamedInGroup()
    for mention in mentions:
        if mention.account or not mention.name:
            continue
        if not is_person(mention.name):
            found.keys[mention] = None
            continue
        person, evidence = _person_of(mention, decisions, same_name, alike_in, alike, found)
        if person is None:
            person, evidence = named.key(mention)
        found.keys[mention] = person
        found.evidence[mention] = evidence
    for mention, person in found.keys.items():
        alone = person is not None and person.startswith(NAMED)
        if person and (decisions.hides(person) or (alone and decisions.hides_name(mention.name))):
            found.hidden.add(person)
    for mention, person in found.keys.items():
        if person in found.hidden or decisions.hides_name(mention.name):
            found.keys[mention] = None
    return found


def _person_of(
    mention: Mention,
    decisions: Decisions,
    same_name: _Index,
    alike_in: dict[str, _Index],
    alike: _Index,
    found: Identities,
) -> tuple[str | None, Evidence]:
    """The account-holder a name alone is, and why; (None, …) when it is nobody's for certain
    (then a Candidate is kept where someone is alike)."""
    name = mention.name or ""
    spelled = plain(name)
    decided = decisions.confirmed(mention.group, spelled)
    if decided:
        account, line = decided
        return account, Evidence(Likeness.SAME, decisions.path, line, decided=True)

    def allowed(index: _Index | None, keys: list[tuple[str, Likeness]]) -> tuple[dict[str, Evidence], bool]:
        refused = partial(decisions.refused, mention.group, spelled)
        return index.people(keys, refused) if index else ({}, False)

    weaker = list(likenesses(name).items())
    possible, more = allowed(same_name, [(spelled, Likeness.SAME)])  # anywhere: the same spelling
    if not possible:
        possible, more = allowed(alike_in.get(mention.group), weaker)  # in its group: a likeness
    if len(possible) == 1 and not more:
        ((person, evidence),) = possible.items()
        return person, evidence
    if not possible:
        possible, more = allowed(alike, weaker)  # elsewhere: only ever a candidate
    if possible:
        found.candidates.append(Candidate(mention, tuple(sorted(possible.items())), more))
    return None, Evidence(None)


class _NamedInGroup:
    """People no file ties to an account, one per group however its files space or order the name."""

    def __init__(self) -> None:
        self.alike: dict[str, _Index] = {}  # group -> the keys of the names met so far

    def key(self, mention: Mention) -> tuple[str, Evidence]:
        name = mention.name or ""
        spelled = plain(name)
        index = self.alike.setdefault(mention.group, _Index())
        close, more = index.people([(spelled, Likeness.SAME)])
        if not close:
            close, more = index.people(list(likenesses(name).items()))
        if len(close) == 1 and not more:
            ((key, evidence),) = close.items()
        else:
            key = f"{NAMED}{mention.group}:{spelled}"
            evidence = Evidence(Likeness.SAME, mention.file, mention.line)
        index.add(spelled, key, Evidence(Likeness.SAME, mention.file, mention.line))
        for like, likeness in likenesses(name).items():
            index.add(like, key, Evidence(likeness, mention.file, mention.line))
        return key, evidence
