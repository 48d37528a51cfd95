"""People of the SIG from `sig_members.yaml` and `sig-info.yaml`, merged by Gitee account."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sigsite.accounts import ACCOUNT, GITEE_HOST, GITEE_HOSTS, account_of_home, profile_address, valid_account
from sigsite.contacts import MAINTAINER_KEYS, declared_public, maintainer_contacts, sig_info_contacts
from sigsite.facts import read_facts
from sigsite.given import given
from sigsite.identity.names import plain
from sigsite.layout import MINDSPORE, TemplateDefaults
from sigsite.links import host_of, is_web_url
from sigsite.model import ROLE_KEYS, ROLES, Contact, Person, Repository, SigFacts, Source
from sigsite.privacy import withhold_in_data
from sigsite.problems import FILE_LEFT_OUT, Problems
from sigsite.reading import read_text
from sigsite.schema_check import check_against_schema
from sigsite.statements import Statement, members_statement, sig_info_statements
from sigsite.yaml_source import LocatedDict, items_of, load_yaml

REPOSITORY_NAME = re.compile(r"[\w.-]+(?:/[\w.-]+)*/?")
WRITTEN_AS_WEB_ADDRESS = re.compile(r"https?://", re.IGNORECASE)  # what the schema's pattern lets through

# sig-info.yaml lists people under these keys; mentors are a role of their own there.
# The people lists of sig-info.yaml, and each one's role; openEuler's format adds the last three.
SIG_INFO_ROLES = {
    "mentors": "Mentor",
    "maintainers": "Maintainer",
    "security_contacts": "Security contact",
    "committers": "Committer",
    "contributors": "Contributor",
}
SIG_INFO_REPO_ROLES = {"repo_admin": "Admin", "committers": "Committer", "contributors": "Contributor"}


@dataclass
class _Entry:
    """What one file says of one person, before merging."""

    name: str
    role: str
    file: str
    line: int
    gitee_id: str | None = None
    gitee_home: str | None = None
    interests: str | None = None
    organization: str | None = None
    other_accounts: tuple[str, ...] = ()
    binds: bool = False  # the entry gives the account and the name together

    @property
    def key(self) -> str:
        if self.gitee_id:
            return self.gitee_id.lower()
        return "name:" + self.name.casefold()


@dataclass
class PeopleBuilder:
    """Collects entries from both files and merges them into one Person per identity."""

    problems: Problems
    entries: dict[str, list[_Entry]] = field(default_factory=dict)

    def add(self, entry: _Entry) -> None:
        """Record one entry; the first name seen for an account is the one shown."""
        same = self.entries.setdefault(entry.key, [])
        spelled = plain(entry.name)  # `wang yi` is `Wang Yi`: one spelling, whatever the case
        if same and plain(same[0].name) != spelled and all(plain(e.name) != spelled for e in same[1:]):
            first = same[0]
            self.problems.warning(
                entry.file,
                entry.line,
                f"Gitee account '{entry.gitee_id}' is named '{entry.name}' here "
                f"but '{first.name}' in {first.file}:{first.line}",
                "use the same name everywhere; the site shows the first",
            )
        same.append(entry)

    def build(self) -> tuple[Person, ...]:
        """The merged people, by most responsible role, then by name."""
        people = [self._merge(key, entries) for key, entries in self.entries.items()]
        return tuple(sorted(people, key=lambda p: (ROLES.index(p.roles[0]), p.name.casefold())))

    @staticmethod
    def _merge(key: str, entries: list[_Entry]) -> Person:
        def first(attribute: str) -> str | None:
            return next((getattr(e, attribute) for e in entries if getattr(e, attribute)), None)

        roles = sorted({e.role for e in entries}, key=ROLES.index)
        gitee_id = first("gitee_id")
        # An account's own address, never the one a file wrote: one SIG's file cannot lead a
        # person's link anywhere else. A homepage elsewhere is shown for a person without one.
        home = profile_address(gitee_id) if gitee_id else first("gitee_home")
        return Person(
            key=key,
            name=entries[0].name,
            roles=tuple(roles),
            gitee_id=gitee_id,
            gitee_home=home,
            interests=first("interests"),
            organization=first("organization"),
            other_accounts=tuple(dict.fromkeys(a for e in entries for a in e.other_accounts)),
            sources=tuple(Source(e.file, e.line, e.role, e.name, e.binds) for e in entries),
        )


def _load_yaml_file(
    path: Path,
    display: str,
    public: frozenset[str],
    problems: Problems,
    public_fields: Mapping[str, tuple[str, ...]] | None = None,
) -> tuple[Any, frozenset[str]]:
    """The file's data, personal e-mail addresses withheld from every value the site may show;
    and the group's own addresses its `public_fields` give (contacts.declared_public)."""
    text = read_text(path, display, problems)
    data = None if text is None else load_yaml(text, display, problems)
    declared = declared_public(data, public_fields or {})
    withhold_in_data(data, public | declared, display, problems)
    return data, declared


def read_members_file(
    path: Path,
    display: str,
    builder: PeopleBuilder,
    public: frozenset[str] = frozenset(),
    contacts: list[Contact] | None = None,
) -> Statement | None:
    """Add the people of a `sig_members.yaml` to the builder; what it says of the group's leaders.
    The line of its first Maintainer's address is added to `contacts`, when given."""
    problems = builder.problems
    data, _ = _load_yaml_file(path, display, public, problems)
    if data is None:
        return None
    if contacts is not None:
        contacts += maintainer_contacts(data, MAINTAINER_KEYS["members"], display, public)
    if not isinstance(data, LocatedDict):
        problems.error(
            display,
            1,
            "the file must be a mapping of role names to lists of people",
            "start with 'Maintainers:' followed by '- name: ...' entries",
            topic=FILE_LEFT_OUT,
        )
        return None
    check_against_schema(data, "sig_members", display, problems)
    for role_key, role in ROLE_KEYS.items():
        for entry in items_of(data.get(role_key)):
            if not isinstance(entry, LocatedDict) or not given(entry.get("name")):
                continue  # reported by the schema check
            home = given(entry.get("gitee_home"))
            if home and not is_web_url(home):
                if WRITTEN_AS_WEB_ADDRESS.match(home):  # else the schema check reported it
                    problems.error(
                        display,
                        entry.line_of("gitee_home"),
                        f"gitee_home '{home}' is not a web address that can be read",
                        "write it as https://gitee.com/<account>",
                    )
                home = None
            account = account_of_home(home, display, entry.line_of("gitee_home"), problems) if home else None
            line = entry.line
            builder.add(
                _Entry(
                    name=given(entry["name"]) or "",
                    role=role,
                    file=display,
                    line=line,
                    gitee_id=account,
                    gitee_home=None if account is None and home and host_of(home) in GITEE_HOSTS else home,
                    interests=given(entry.get("interest")),
                    organization=given(entry.get("organization")),
                    binds=bool(account and given(entry["name"])),
                )
            )
    return members_statement(data, display)


@dataclass(frozen=True)
class SigInfo:
    """What `sig-info.yaml` adds beyond people."""

    meeting_pad: str | None = None  # its meeting_url
    repositories: tuple[Repository, ...] = ()
    facts: SigFacts = field(default_factory=SigFacts)
    statements: tuple[Statement, ...] = ()  # what it says of the group's leaders and minutes
    contacts: tuple[Contact, ...] = ()  # its mailing list, meeting pad and maintainers' addresses
    public_emails: frozenset[str] = frozenset()  # the group's own addresses a public field gives


def _info_person(raw: Any, role: str, display: str, builder: PeopleBuilder) -> str | None:
    """Add one person of sig-info.yaml; without a Gitee account (empty, NA, TO_BE_CLARIFIED), by name."""
    if not isinstance(raw, LocatedDict):
        return None
    problems = builder.problems
    gitee_id = given(raw.get("gitee_id"))
    if gitee_id is not None:
        try:
            gitee_id = valid_account(gitee_id)
        except ValueError:
            problems.warning(
                display,
                raw.line_of("gitee_id"),
                f"gitee_id '{gitee_id}' is not a Gitee account name; the person is listed by name",
                "write the account name alone, e.g. jxlang910",
            )
            gitee_id = None
    name = given(raw.get("name")) or gitee_id
    if not name:
        return None  # neither an account nor a name: nobody to show
    other = given(raw.get("atomgit_id"))
    entry = _Entry(
        name=name,
        role=role,
        file=display,
        line=raw.line,
        gitee_id=gitee_id,
        organization=given(raw.get("organization")),
        other_accounts=(other,) if other and gitee_id and ACCOUNT.fullmatch(other) else (),
        binds=bool(gitee_id and given(raw.get("name"))),
    )
    builder.add(entry)
    return entry.key


def read_sig_info(
    path: Path,
    display: str,
    builder: PeopleBuilder,
    public: frozenset[str] = frozenset(),
    template: TemplateDefaults = MINDSPORE.template,
    public_fields: Mapping[str, tuple[str, ...]] | None = None,
) -> SigInfo:
    """Add the people of a `sig-info.yaml` and return its other facts (`template`: what the
    community's template tool writes, warned about and never shown). An address that one of
    `public_fields` gives (the layout's: a key, and the domains of the group addresses it holds)
    is the group's own, and public."""
    problems = builder.problems
    data, declared = _load_yaml_file(path, display, public, problems, public_fields)
    public = public | declared
    if not isinstance(data, LocatedDict):
        if data is not None:
            problems.error(
                display, 1, "the file must be a mapping (name:, description:, ...)", topic=FILE_LEFT_OUT
            )
        return SigInfo()
    check_against_schema(data, "sig_info", display, problems)
    for key, role in SIG_INFO_ROLES.items():
        for raw in items_of(data.get(key)):
            _info_person(raw, role, display, builder)
    repositories = []
    for raw_repo in items_of(data.get("repositories")):
        if not isinstance(raw_repo, LocatedDict):
            continue
        names = raw_repo.get("repo")
        names = [names] if isinstance(names, str) else items_of(names)
        committers: list[str] = []
        admins: list[str] = []
        for key, role in SIG_INFO_REPO_ROLES.items():
            for raw in items_of(raw_repo.get(key)):
                person_key = _info_person(raw, role, display, builder)
                if person_key and role == "Committer":
                    committers.append(person_key)
                elif person_key and role == "Admin":
                    admins.append(person_key)
        # One tuple each, for every repository of the entry: an entry of thousands of repositories
        # and thousands of people holds them once, not once per repository.
        entry_committers, entry_admins = tuple(committers), tuple(admins)
        # A mapping in the list (`directories: [...]`) narrows the repository before it: not a name.
        for name in filter(None, (given(n) for n in names if not isinstance(n, dict))):
            if not REPOSITORY_NAME.fullmatch(name):
                problems.warning(
                    display,
                    raw_repo.line_of("repo"),
                    f"'{name}' is not a repository name; it is listed without a link",
                    "write it as owner/name, e.g. mindspore/mindarmour",
                )
            url = f"https://{GITEE_HOST}/{name.strip('/')}" if REPOSITORY_NAME.fullmatch(name) else ""
            repositories.append(
                Repository(name=name, url=url, committers=entry_committers, admins=entry_admins)
            )
    meeting_url = data.get("meeting_url")
    meeting_url = given(meeting_url) if isinstance(meeting_url, str) else None
    if meeting_url and not is_web_url(meeting_url):
        problems.error(
            display,
            data.line_of("meeting_url"),
            f"meeting_url '{meeting_url}' is not an http or https address",
        )
        meeting_url = None
    facts = read_facts(data, display, problems, template)
    return SigInfo(
        meeting_pad=meeting_url,
        repositories=tuple(repositories),
        facts=facts,
        statements=sig_info_statements(data, display),
        contacts=sig_info_contacts(data, display, facts, meeting_url, public),
        public_emails=declared,
    )
