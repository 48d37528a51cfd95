"""One organisation however a group's notes write it: `SJTU` and `Shanghai Jiaotong University
OpenSource Team` are one, by its acronym, within one group's files, where only one longer form
fits; the people file (decisions.py) confirms or refuses what the acronym cannot tell.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from sigsite.identity.decisions import Decisions

_WORDS = re.compile(r"[^\W_]+")
_ACRONYM = re.compile(r"[A-Z]{2,8}")
_SMALL_WORDS = frozenset({"of", "for", "and", "the", "at", "in", "de"})
MAX_COMPARED = 20  # longer forms one acronym is tried against: a bounded search through an index


def organisation_keys(written: Iterable[str], decisions: Decisions) -> dict[str, str]:
    """Each way of writing an organisation -> the key it counts under (the first form found)."""
    names = list(dict.fromkeys(written))
    keys: dict[str, str] = {}
    by_initial: dict[str, list[str]] = {}  # a longer form's first letter -> its plain forms
    for name in names:
        spelled = _plain(name)
        keys[name] = decisions.organisations_same.get(spelled, spelled)
        if not _ACRONYM.fullmatch(name.strip()) and spelled[:1]:
            by_initial.setdefault(spelled[:1], []).append(spelled)
    for name in names:
        if not _ACRONYM.fullmatch(name.strip()) or _plain(name) in decisions.organisations_same:
            continue
        acronym = _plain(name)
        fits = [
            longer
            for longer in by_initial.get(acronym[:1], [])[:MAX_COMPARED]
            if _abbreviates(acronym, longer)
            and frozenset({acronym, longer}) not in decisions.organisations_different
        ]
        targets = {decisions.organisations_same.get(f, f) for f in fits}
        if len(targets) == 1:
            keys[name] = targets.pop()
    return keys


def _plain(name: str) -> str:
    return " ".join(_WORDS.findall(unicodedata.normalize("NFKC", name).casefold()))


def _abbreviates(acronym: str, longer: str) -> bool:
    """True when each letter of `acronym` begins the next word of `longer` (small words aside) or
    follows the last letter found within its word (`sjtu`: Shanghai Jiao-Tong University)."""
    words = [w for w in longer.split() if w not in _SMALL_WORDS]
    if len(words) < 2 or words[0][0] != acronym[0]:
        return False
    word, at = 0, 1  # the word of the last letter found, and where to look on in it
    for letter in acronym[1:]:
        if word + 1 < len(words) and words[word + 1][0] == letter:
            word, at = word + 1, 1
            continue
        found = words[word].find(letter, at)
        if found < 0:
            return False
        at = found + 1
    return word > 0
