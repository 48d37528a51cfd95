"""The languages the sites are written in, each declared once: a third language is one entry here
and a catalogue of its labels in translations.py.

A language says how its dates are written, how to tell a text written in it, and the words the
readers of committed files look for in it (vocabulary.py); which README and listing files of a
community are in it is the community's layout (layout.py). English is the default: a label
without a translation, or a file in no language, falls back to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from sigsite.emails import REDACTED
from sigsite.vocabulary import CHINESE, ENGLISH, Vocabulary

_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# What no reader reads as words of a language: a web address, a Markdown link's address, an
# @account (or an e-mail address's domain), and the placeholder of a withheld address. A README
# written in Chinese that lists its repositories' addresses and its maintainers' accounts holds
# more of their Latin words than Chinese characters. Each piece is bounded or one run: linear.
_NOT_PROSE = re.compile(
    r"[A-Za-z][A-Za-z0-9+.-]{0,15}://[^\s<>()]*|\]\([^\s()]*\)|@[A-Za-z0-9_.-]+|" + re.escape(REDACTED)
)


@dataclass(frozen=True)
class Language:
    """One language of the sites."""

    code: str  # as the sites and mkdocs-static-i18n name it: "en", "zh"
    date_format: str  # Babel's pattern of a full date ("full": Babel's own)
    script: re.Pattern[str] | None = None  # characters that mark a text as written in it
    name_tags: tuple[str, ...] = ()  # how a file name says it is in this language: `guide_EN.md`
    words: Vocabulary = field(default_factory=Vocabulary)  # what the readers look for in it
    name: str = ""  # its own name, as a mark on a text or a link in it says it: "English", "中文"
    no_space_before: str = ""  # punctuation its text sets no space before: `,` `)`
    no_space_after: str = ""  # and after: `(`, its full-width punctuation, which holds its own


DEFAULT = "en"
LANGUAGES: dict[str, Language] = {
    language.code: language
    for language in (
        Language(
            "en",
            "full",
            name_tags=("en",),
            words=ENGLISH,
            name="English",
            no_space_before=",.;:!?)",
            no_space_after="(",
        ),
        # Babel's full Chinese date runs the weekday into the day; the SIGs write them apart.
        Language(
            "zh",
            "y年M月d日 EEEE",
            re.compile(r"[\u3400-\u9fff\uf900-\ufaff]"),
            name_tags=("cn", "zh"),
            words=CHINESE,
            name="中文",
            no_space_before="，。；：、！？）",
            no_space_after="（，。；：、！？",
        ),
    )
}
CODES = tuple(LANGUAGES)


def punctuation_of(kind: str) -> str:
    """The characters of every language for one punctuation field (`no_space_before`), each once."""
    return "".join(dict.fromkeys(char for lang in LANGUAGES.values() for char in getattr(lang, kind)))


def words_of(kind: str) -> tuple[str, ...]:
    """The words of every language for one field of Vocabulary (`record_words`), each once, in the
    languages' order: what a reader builds its pattern from."""
    found = (word for lang in LANGUAGES.values() for word in getattr(lang.words, kind))
    return tuple(dict.fromkeys(found))


def named_by_every_language(kind: str) -> dict[str, tuple[str, ...]]:
    """A mapping field of Vocabulary (`note_sections`) merged over every language: key -> words."""
    merged: dict[str, dict[str, None]] = {}
    for lang in LANGUAGES.values():
        for key, words in getattr(lang.words, kind).items():
            merged.setdefault(key, {}).update(dict.fromkeys(words))
    return {key: tuple(words) for key, words in merged.items()}


def alternation(words: tuple[str, ...]) -> str:
    """A pattern matching any of `words` as written (literal, escaped), the longest first."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


# The letters beyond ASCII that a case-insensitive expression matches for an ASCII one (Python's re
# folds case as Unicode does): `ſ` for s, `ı` and `İ` for i, the Kelvin sign for k. A README's `ſunday`
# or a Turkish keyboard's `Frıday` is matched by `sunday|friday` with re.IGNORECASE.
_ASCII_LOOKALIKES = str.maketrans({"\u017f": "s", "\u0131": "i", "\u0130": "i", "\u212a": "k"})


def keyword(matched: str) -> str:
    """An ASCII keyword as a case-insensitive expression matched it, in ASCII lower case: the key of
    the keyword's table (`ſun`, `Frı` are sun and fri)."""
    return matched.translate(_ASCII_LOOKALIKES).lower()


def whole_words(words: tuple[str, ...]) -> str:
    """As `alternation`, but a word written in Latin letters matches only as a whole word (`weekly`
    not in `biweekly`, `on` not in `month`); a word of a script written without spaces, anywhere."""

    def bounded(word: str) -> str:
        start = r"\b" if word[:1].isascii() and (word[:1].isalnum() or word[:1] == "_") else ""
        end = r"\b" if word[-1:].isascii() and (word[-1:].isalnum() or word[-1:] == "_") else ""
        return f"{start}{re.escape(word)}{end}"

    return "|".join(bounded(word) for word in sorted(words, key=len, reverse=True))


_NAME_TAG = re.compile(r"[-_.]([A-Za-z]{2})$")


def language_of_name(stem: str) -> str | None:
    """The language a file's name says it is in (`README_CN`, `guide-en`), if it says one."""
    match = _NAME_TAG.search(stem)
    tag = match[1].lower() if match else ""
    return next((code for code, lang in LANGUAGES.items() if tag in lang.name_tags), None)


@cache
def language(code: str) -> Language:
    """The language of a code (`zh_CN` and `zh-Hans` are `zh`); the default for an unknown one."""
    return LANGUAGES.get(code.replace("-", "_").split("_")[0], LANGUAGES[DEFAULT])


def detect_language(text: str) -> str:
    """The language a text is written in: one whose characters outnumber its Latin words (those
    of its prose: web addresses and accounts aside), else the default."""
    latin = len(_LATIN_WORD.findall(_NOT_PROSE.sub(" ", text)))
    for candidate in LANGUAGES.values():
        if candidate.script is not None and len(candidate.script.findall(text)) > latin:
            return candidate.code
    return DEFAULT
