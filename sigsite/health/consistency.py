"""Whether a group's files agree on who leads it and where its minutes are, person by person.

Each reader captures what its file says of the group's leaders or minutes (statements.py); who each
named person is comes from identity/resolve.py, so `Qinghua Zhang`, `Zhang Qinghua` and `@zh_qh`
bound to one account are one row. The report is a table (`LeadersTable`): a row per person, a
column per place, in each cell the line that names them. Places are compared only for like roles
and only where a place claims a complete list: maintainers with maintainers, and each lead among
the maintainers. A person missing from such a place is one finding. No file is read here.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from sigsite.given import PLACEHOLDER, TEMPLATE_DEFAULT
from sigsite.health.disagreements import notes_links_differ
from sigsite.health.examples import clip, some
from sigsite.health.leaders_table import Cell, LeadersRow, LeadersTable
from sigsite.identity.mentions import GroupMentions
from sigsite.identity.resolve import Identities
from sigsite.problems import Problem, Problems
from sigsite.statements import LEADS, LISTING, MAINTAINERS, PLACES, README, Statement

LEADERS = "leaders"
NOTES_LINK = "meeting notes link"
TOPICS = (LEADERS, NOTES_LINK, PLACEHOLDER, TEMPLATE_DEFAULT)  # what the consistency report lists
MAX_FINDINGS = 12  # a group's findings of people; the rest are counted in one more
# Whatever files the community's layout keeps (OWNERS, sig-info.yaml, a members file, the README,
# a listing): the finding names the two that disagree.
_FIX = "name the same leaders in every file of the group that names them"


def place_label(statement: Statement) -> str:
    """A column's heading: `OWNERS`, `sig-info`, `members`, `README_en.md`, `listing: sig_info.yaml`."""
    name = posixpath.basename(statement.file)
    if statement.place == README:
        return name
    return f"listing: {name}" if statement.place == LISTING else statement.place


def check_consistency(
    found: GroupMentions, identities: Identities, names: Mapping[str, str]
) -> tuple[list[Problem], LeadersTable, tuple[str, ...]]:
    """The group's disagreements as warnings, its table of leaders (each person by the name
    `names` gives their key), and the files compared."""
    said = found.group.statements
    problems = Problems()
    table = _table(found, identities, names)
    _leaders_differ(found, identities, problems)
    notes_links_differ(problems, [s for s in said if s.notes_link], NOTES_LINK)
    return problems.items, table, tuple(sorted({s.file for s in said}))


def _table(found: GroupMentions, identities: Identities, names: Mapping[str, str]) -> LeadersTable:
    columns: dict[str, str] = {}
    rows: dict[str, tuple[str, dict[str, list[Cell]]]] = {}
    for statement, mentions in found.leaders:
        columns.setdefault(statement.file, place_label(statement))
        for mention in mentions:
            key = identities.key_of(mention)
            if key is None:
                continue
            written = names.get(key) or mention.name or f"@{mention.account}"
            _, cells = rows.setdefault(key, (written, {}))
            cells.setdefault(statement.file, []).append(Cell(mention.line, statement.role == LEADS))
    by_place = {s.file: PLACES.index(s.place) for s, _ in found.leaders}
    files = sorted(columns, key=lambda file: by_place[file])  # most authoritative first, else in order
    return LeadersTable(
        tuple((file, columns[file]) for file in files),
        tuple(
            LeadersRow(name, key, tuple(tuple(cells.get(file, ())) for file in files))
            for key, (name, cells) in rows.items()
        ),
    )


def _leaders_differ(found: GroupMentions, identities: Identities, problems: Problems) -> None:
    """A finding per person a complete list of maintainers leaves out while another names them, and
    per lead whom no list of maintainers names."""
    named: dict[str, dict[str, tuple[str, int | None]]] = {}  # file -> key -> (as written, line)
    leads: dict[str, tuple[str, str, int | None]] = {}  # key -> (as written, file, line)
    complete: list[str] = []  # the files listing every maintainer
    for statement, mentions in found.leaders:
        for mention in mentions:
            key = identities.key_of(mention)
            if key is None:
                continue
            shown = mention.name or f"@{mention.account}"
            if statement.role == MAINTAINERS:
                named.setdefault(statement.file, {}).setdefault(key, (shown, mention.line))
            else:
                leads.setdefault(key, (shown, statement.file, mention.line))
        if statement.role == MAINTAINERS and statement.complete and statement.file not in complete:
            complete.append(statement.file)
    everyone: dict[str, tuple[str, str, int | None]] = {}
    for file in complete:
        for key, (written, line) in named.get(file, {}).items():
            everyone.setdefault(key, (written, file, line))
    findings: list[tuple[str, int | None, str]] = []
    for key, (written, file, line) in everyone.items():
        missing = [f for f in complete if key not in named.get(f, {})]
        if missing:
            naming = [
                f"{f}:{named[f][key][1]}" if named[f][key][1] else f
                for f in complete
                if key in named.get(f, {})
            ]
            findings.append(
                (
                    file,
                    line,
                    f"{clip(written)} is named as a maintainer by {some(naming)}, but not by {some(missing)}",
                )
            )
    for key, (written, file, line) in leads.items():
        if complete and key not in everyone:
            findings.append(
                (
                    file,
                    line,
                    f"{clip(written)}, named as the group's lead here, is not among the maintainers "
                    f"that {some(complete)} name",
                )
            )
    for file, line, message in findings[:MAX_FINDINGS]:
        problems.warning(file, line, message, _FIX, topic=LEADERS)
    rest = findings[MAX_FINDINGS:]
    if rest:
        problems.warning(
            rest[0][0],
            rest[0][1],
            f"{len(rest)} more people are named as leaders in some places and not in others",
            _FIX,
            topic=LEADERS,
        )
