"""How two spellings of a person's name compare.

A name is first made `plain`: full-width forms folded (NFKC), case, punctuation and spacing aside,
honorifics (`Dr.`, `老师`), an organisation in brackets and a withheld e-mail address left out.
Two names that are then the same are the same spelling. Weaker likenesses each have a key of
their own, with what makes them alike (`Likeness`): the other order of a two-part Latin name
(`Ze Wang`, `Wang Ze`), the same letters spaced otherwise (`Zhongjun`, `Zhong Jun`), the pinyin
of a Chinese name in either order under each reading of its surname (`郭琦`, `Qi Guo`), and an
account that spells a name (`luoyang42`, `Yang Luo`). Keys are looked up in an index, never
compared pairwise.
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum
from functools import lru_cache

from pypinyin import Style, lazy_pinyin, pinyin

from sigsite.emails import REDACTED
from sigsite.languages import words_of
from sigsite.statements import without_organisation

_HONORIFICS = frozenset(words_of("honorifics"))
_NO_PERSON = frozenset(words_of("no_person"))
_TEAM_WORDS = frozenset(words_of("team_words"))
_ORGANISATION = re.compile("|".join(words_of("organisation_words")), re.IGNORECASE)
_NOT_LETTERS = re.compile(r"[\W_]+")  # punctuation and spacing: what separates a name's words
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_ACCOUNT_NOISE = re.compile(r"[\d_.-]+")
MAX_NAME = 80  # a longer "name" is a sentence: compared as written, never spelled otherwise
MAX_WORDS = 4


class Likeness(Enum):
    """What makes two spellings of a name alike, strongest first."""

    SAME = "the same name"
    ORDER = "name order"
    SPACING = "spacing"
    PINYIN = "pinyin"
    ACCOUNT = "an account that spells the name"


# A community's files name the same few thousand people over and over (a committer on each of
# hundreds of repositories): each spelling is worked out once.
@lru_cache(maxsize=16_384)
def plain(name: str) -> str:
    """`name` as spellings compare: `Dr. Ze  WANG (Huawei)` -> `ze wang`, `郭琦老师` -> `郭琦`."""
    written = without_organisation(
        name[: MAX_NAME * 2].replace(REDACTED, " ")
    )  # a withheld address names no one
    text = unicodedata.normalize("NFKC", written).casefold()
    words = [w for w in _NOT_LETTERS.split(text) if w and w not in _HONORIFICS]
    if len(words) == 1 and _HAN.fullmatch(words[0]):
        for honorific in _HONORIFICS:
            if (
                not honorific.isascii()
                and words[0].endswith(honorific)
                and len(words[0]) > len(honorific) + 1
            ):
                words = [words[0][: -len(honorific)]]
    return " ".join(words)


@lru_cache(maxsize=16_384)
def is_person(name: str) -> bool:
    """False for what holds a person's place without naming one: a placeholder (`待安排人力`,
    `TBD`), an organisation, a role or a team (`Tests and committers in MindSpore`)."""
    key = plain(name)
    if not key or key in _NO_PERSON or len(name) > MAX_NAME:
        return False
    words = key.split()
    if len(words) > MAX_WORDS or any(w in _TEAM_WORDS for w in words):
        return False
    return not (_ORGANISATION.search(name) or any(w in key for w in _TEAM_WORDS if not w.isascii()))


def likenesses(name: str) -> dict[str, Likeness]:
    """The weaker keys of a name, each with what makes a name sharing it alike: never its plain
    spelling (compared as SAME) and never more than a few, so an index of them stays linear."""
    key = plain(name)
    words = key.split()
    if not key or len(key) > MAX_NAME or len(words) > MAX_WORDS:
        return {}
    found: dict[str, Likeness] = {}
    if len(words) == 1 and _HAN.fullmatch(key):
        for surname, given in _pinyin_readings(key):
            found.setdefault(_ordered(surname, given), Likeness.PINYIN)
            found.setdefault("=" + surname + given, Likeness.PINYIN)
            found.setdefault("=" + given + surname, Likeness.PINYIN)
        return found
    if not key.isascii():
        return found
    if len(words) == 2:
        found[_ordered(*words)] = Likeness.ORDER
        found.setdefault("=" + words[1] + words[0], Likeness.SPACING)
    found.setdefault("=" + "".join(words), Likeness.SPACING)
    return found


def account_spelling(account: str) -> str | None:
    """The key (as `likenesses` makes them) of a name an account spells: `luoyang42` -> `=luoyang`;
    None for an account too short to spell one."""
    letters = _ACCOUNT_NOISE.sub("", account.casefold())
    return "=" + letters if len(letters) >= 4 and letters.isascii() and letters.isalpha() else None


def _ordered(first: str, second: str) -> str:
    """The key of a two-part name in either order."""
    return "|".join(sorted((first, second)))


@lru_cache(maxsize=4096)
def _pinyin_readings(name: str) -> tuple[tuple[str, str], ...]:
    """A Chinese name (2 to 4 characters) as (surname, given name) in pinyin, under each reading of
    its surname: `曾` is read Zeng as a surname and Ceng otherwise."""
    if not 2 <= len(name) <= 4:
        return ()
    given = "".join(lazy_pinyin(name[1:], style=Style.NORMAL))
    surnames = pinyin(name[0], style=Style.NORMAL, heteronym=True)[0]
    return tuple((surname, given) for surname in dict.fromkeys(surnames) if surname.isascii())
