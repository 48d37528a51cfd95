"""Who attended a meeting, as its Attendees section writes it (CHAOSS "Meeting Attendee Count").

Real notes write a person and their organisation (`* Liu Cunwei (Huawei)`, `1. Yedong Liu(Huawei)`),
an organisation and then people on one line (`* Shanghai Jiaotong University OpenSource Team,
Naipan Zhu, Clement Li`), teams (`Developer teams in Huawei, SJTU, USST.`), a stated number
(`zhoufeng and 30 committers in MindSpore`) and lists that end in "etc.". What the section lets
one count is counted; where it names a team, a number or "etc.", the count is a lower bound
(`at_least`). A section of prose (`Use Offline For Quorum Decision`) is quoted, never counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sigsite.health.sections import Item, sections_named
from sigsite.identity.names import is_person
from sigsite.languages import words_of
from sigsite.model import Meeting

ATTENDANCE_NAMES = frozenset(words_of("attendance_headings"))
_SEPARATORS = re.compile(r"[,，、;；]")
# What ends a list that goes on ("etc.", "and others", "…"), as many as it writes: read from the
# end, one at a time (a pattern repeating an ellipsis of any length backtracks exponentially).
_ETC_ENDINGS = (*words_of("list_goes_on"), "...", "…")
# A Latin word is a whole word: not "fetc".
_WORD_ENDINGS = frozenset(e for e in _ETC_ENDINGS if e[:1].isascii() and e[:1].isalpha())
_TEAMS_IN = re.compile(r"^(?:\w+\s+)?teams?\s+(?:in|from|of|at)\s+(?P<rest>.+)$", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d{1,4}")
_ORGANISATION_WORDS = re.compile("|".join(words_of("organisation_words")), re.IGNORECASE)
_NOT_A_NAME = frozenset(words_of("not_a_name"))
MAX_NAME_WORDS = 5
MAX_ITEM = 300  # a longer list item is a sentence, not a list of names: never parsed, so cost stays linear
QUOTE_LENGTH = 200


def name_key(name: str) -> str:
    """How two spellings of one name compare: case and spacing aside (`Jiang  Zhiwen` = `jiang zhiwen`)."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Attendee:
    """A person a note names as attending: as written, with the Gitee account it links, if any."""

    name: str
    organization: str | None = None
    gitee_id: str | None = None

    @property
    def key(self) -> str:
        """The person within one group: the account in lower case, else the name (name_key)."""
        return self.gitee_id.lower() if self.gitee_id else "name:" + name_key(self.name)


@dataclass(frozen=True)
class Attendance:
    """What a note's Attendees section says; `readable` is False when it has no list to count
    (then `quote` holds what it says)."""

    readable: bool
    people: tuple[Attendee, ...] = ()
    organizations: tuple[str, ...] = ()  # as first written, each once (case aside)
    unnamed: int = 0  # people stated by number only (`and 30 committers`)
    at_least: bool = False  # a team, a number or "etc.": more people than counted may have come
    quote: str = ""

    @property
    def count(self) -> int:
        """People counted: the named and those stated by number."""
        return len(self.people) + self.unnamed

    @property
    def counts_people(self) -> bool:
        """True when the list names people or a number of them: `Developer teams in Huawei, SJTU`
        names organisations only, and its number of people is unknown, not zero."""
        return bool(self.people or self.unnamed)


NOT_RECORDED = Attendance(readable=False)


def attendance_of(meeting: Meeting) -> Attendance:
    """The attendance its note records; NOT_RECORDED without an Attendees section."""
    if meeting.is_external or not meeting.body:
        return NOT_RECORDED
    for part in sections_named(meeting.body, ATTENDANCE_NAMES):
        if part.items:
            return _counted(part.items)
        if part.prose:
            return Attendance(readable=False, quote=" ".join(part.prose)[:QUOTE_LENGTH])
    return NOT_RECORDED


def _counted(items: tuple[Item, ...]) -> Attendance:
    people: dict[str, Attendee] = {}
    organizations: dict[str, str] = {}
    unnamed, at_least = 0, False

    def organization(text: str) -> None:
        organizations.setdefault(name_key(text), text)

    for item in items:
        if len(item.text) > MAX_ITEM:
            at_least = True  # someone came that we cannot count
            continue
        text, etc = _without_etc(item.text)
        at_least = at_least or etc
        accounts = list(item.accounts)
        whole = _with_organisation(text)
        if whole and not _SEPARATORS.search(whole[0]):
            account = accounts[0] if len(accounts) == 1 else None
            said = None if account and whole[1].lstrip("@").lower() == account.lower() else whole[1]
            if said:  # `Ze Wang (@randywangze)` gives an account in brackets, not an organisation
                organization(said)
            person = Attendee(whole[0], said, account)
            people.setdefault(person.key, person)
            continue
        teams = _TEAMS_IN.match(text)
        for part in _parts(teams["rest"] if teams else text):
            part, etc = _without_etc(part)
            at_least = at_least or etc
            if not part or part.lower() in _NOT_A_NAME:
                continue
            numbered = _number_of(part)
            if teams or _ORGANISATION_WORDS.search(part):
                organization(part)
                at_least = True  # a team of unknown size
            elif numbered:
                name, number = numbered
                unnamed += number
                if name:
                    person = Attendee(name)
                    people.setdefault(person.key, person)
            elif len(part.split()) <= MAX_NAME_WORDS and is_person(part):
                account = next((a for a in accounts if a.lower() in part.lower()), None)
                person = Attendee(part, None, account)
                people.setdefault(person.key, person)
            else:
                at_least = True  # a sentence, not a name: someone came that we cannot count
    readable = bool(people or organizations or unnamed)
    return Attendance(
        readable=readable,
        people=tuple(people.values()),
        organizations=tuple(organizations.values()),
        unnamed=unnamed,
        at_least=at_least,
        quote="" if readable else " ".join(i.text for i in items)[:QUOTE_LENGTH],
    )


def _with_organisation(text: str) -> tuple[str, str] | None:
    """`Name (Org)`, `Name(Org)` or `Name（Org）` as (name, organisation); None otherwise."""
    if text[-1:] not in ")）":
        return None
    opening = max(text.rfind("("), text.rfind("（"))
    name, organization = text[:opening].strip(), text[opening + 1 : -1].strip()
    if opening <= 0 or not name or not organization or any(c in organization for c in "()（）"):
        return None
    return name, organization


def _without_etc(text: str) -> tuple[str, bool]:
    """`text` without the words that say the list goes on, and whether it had any."""
    stripped = text.strip().rstrip(".。,，;；").strip()
    end = len(stripped)
    while ending := _etc_ending(stripped, end):
        end -= len(ending)
        while end and stripped[end - 1].isspace():
            end -= 1
    return stripped[:end].strip().rstrip(".。,，;；").strip(), end != len(stripped)


def _etc_ending(text: str, end: int) -> str:
    """The ending of _ETC_ENDINGS that `text[:end]` ends with, "" for none."""
    for ending in _ETC_ENDINGS:
        start = end - len(ending)
        if start < 0 or text[start:end].lower() != ending:
            continue
        if ending not in _WORD_ENDINGS or start == 0 or not text[start - 1].isalnum():
            return ending
    return ""


def _number_of(part: str) -> tuple[str, int] | None:
    """`zhoufeng and 30 committers` as ("zhoufeng", 30), `30 committers in MindSpore` as ("", 30):
    a number of people and a word, after a name and "and" (the first such "and") or alone."""
    words = part.split()

    def counted(at: int) -> bool:  # words[at] is a number of at most four digits, then a word
        return at + 1 < len(words) and bool(_NUMBER.fullmatch(words[at]) and _WORD.fullmatch(words[at + 1]))

    for index in range(1, len(words)):
        if words[index].lower() == "and" and counted(index + 1):
            return " ".join(words[:index]), int(words[index + 1])
    return ("", int(words[0])) if counted(0) else None


def _parts(text: str) -> list[str]:
    return [p.strip() for p in _SEPARATORS.split(text) if p.strip()]
