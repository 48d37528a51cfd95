"""What identity resolution tells a maintainer: each candidate (a name that may be someone, not
merged) as a warning at the place that writes it, a few per group and one line that counts the
rest; and, for `sigsite check --community --people`, every merge and candidate with its evidence.
"""

from __future__ import annotations

from sigsite.health.examples import MAX_EXAMPLES, clip, some
from sigsite.hub.people import CommunityPerson
from sigsite.identity.names import plain
from sigsite.identity.resolve import Candidate, Identities, Mention
from sigsite.problems import Problems, logged

FIX = (
    "write the name as the person's entry does, link the account ([Name](https://gitee.com/<account>)), "
    "or decide in the hub's people file"
)


def _by_name(candidates: list[Candidate]) -> dict[tuple[str, str], list[Candidate]]:
    """Candidates by group and name as spelled: one name in forty notes is one candidate."""
    found: dict[tuple[str, str], list[Candidate]] = {}
    for candidate in candidates:
        found.setdefault((candidate.mention.group, plain(candidate.mention.name or "")), []).append(candidate)
    return found


def candidate_words(candidate: Candidate, people: dict[str, CommunityPerson]) -> str:
    """`'Wang Ze' may be Ze Wang (@randywangze), by name order in sigs/security/sig_members.yaml:43`."""
    maybe = []
    for key, evidence in candidate.people[:MAX_EXAMPLES]:
        person = people.get(key)
        who = _who(person) if person else clip(key)
        maybe.append(f"{who}, {evidence.words().replace('matched by', 'by')}")
    return (
        f"'{clip(candidate.mention.name or '')}' may be "
        + " or ".join(maybe)
        + (" or more people" if candidate.more or len(candidate.people) > len(maybe) else "")
    )


def report_candidates(identities: Identities, people: dict[str, CommunityPerson], problems: Problems) -> None:
    """A warning per candidate name, at most MAX_EXAMPLES per group, and one that counts the rest."""
    by_group: dict[str, list[list[Candidate]]] = {}
    for (group, _), same in _by_name(identities.candidates).items():
        by_group.setdefault(group, []).append(same)
    for named in by_group.values():
        for same in named[:MAX_EXAMPLES]:
            first = same[0]
            places = f" (and {len(same) - 1} more places)" if len(same) > 1 else ""
            problems.warning(
                first.mention.file,
                first.mention.line,
                candidate_words(first, people) + f"; not merged{places}",
                FIX,
            )
        rest = named[MAX_EXAMPLES:]
        if rest:
            at = rest[0][0].mention
            problems.warning(
                at.file,
                at.line,
                f"{len(rest)} more names may be people of the community's files, so are merged with no one: "
                + some([repr(clip(same[0].mention.name or "")) for same in rest]),
                FIX,
            )


def people_report(identities: Identities, people: dict[str, CommunityPerson]) -> list[str]:
    """Every merge and every candidate, a line each, for `sigsite check --community --people`: each
    line as a problem's (`problems.logged`), so no name starts a line or shows an address."""
    lines = ["Merged (a name without an account, found to be a person with one):"]
    for mention, key, evidence in identities.merges():
        person = people.get(key)
        who = _who(person) if person else key
        lines.append(f"  {_where(mention)}: '{mention.name}' is {who}: {evidence.words()}")
    lines.append("Candidates (not merged; decide in the hub's people file):")
    for same in _by_name(identities.candidates).values():
        lines.append(f"  {_where(same[0].mention)}: {candidate_words(same[0], people)}")
        lines += [f"    also at {_where(c.mention)}" for c in same[1:]]
    return [logged(line) for line in lines]


def _who(person: CommunityPerson) -> str:
    """`Ze Wang (@randywangze)`; `@clement_li` for one the files name by account alone."""
    account = f"@{person.gitee_id}" if person.gitee_id else ""
    if not account or person.name == account:
        return clip(person.name)
    return f"{clip(person.name)} ({account})"


def _where(mention: Mention) -> str:
    return f"{mention.file}:{mention.line}" if mention.line else mention.file
