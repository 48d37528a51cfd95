"""A group's name as plain text, and as the directory orders it.

A name is shown as text everywhere (titles, navigation, search, JSON), never as Markdown: the marks
a file puts in it (`**Data** SIG`, `` `ops` ``, a link) and a trailing `/` (`operators/`, a folder's
way of writing) are left out, with a warning at the name's line, since the file means the name
without them.
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt

from sigsite.emails import redact
from sigsite.formatting import shortened
from sigsite.markup.commonmark import MAX_INLINE_NESTING, inline_text
from sigsite.privacy import warn_withheld
from sigsite.problems import At, Problems

# The inline marks a name may carry by mistake. Raw HTML and entities are not read: a name that
# looks like a tag is shown as written (escaped), as any other text is.
_MARKS = ("emphasis", "strikethrough", "backticks", "escape", "link")


@cache
def _marks_parser() -> MarkdownIt:
    """A parser of the marks alone (built once: building costs more than parsing a name)."""
    md = MarkdownIt("zero", {"maxNesting": MAX_INLINE_NESTING})
    md.enable(list(_MARKS))
    return md


def plain_name(written: str) -> str:
    """`written` as plain text on one line: Markdown marks and a trailing `/` left out."""
    tokens = _marks_parser().parseInline(written, {})
    text = " ".join("".join(inline_text(token) for token in tokens).split())
    return text.rstrip("/ \t")


def name_as_text(written: str, file: str, line: At, problems: Problems) -> str | None:
    """The plain name a file gives (`plain_name`), warned about at its line when the file wrote it
    otherwise; None when nothing is left of it."""
    plain = plain_name(written)
    if plain != " ".join(written.split()):
        # The file's value was searched for addresses as written: one the marks hid (`a@**b**.org`)
        # is withheld now, public or not (a name is no place for one).
        plain, hidden = redact(plain, markdown=False)
        for address in hidden:
            warn_withheld(address, file, line, problems)
        shown = f"'{shortened(plain)}'" if plain else "nothing"
        problems.warning(
            file,
            line,
            f"the name '{shortened(written)}' holds Markdown marks or ends in '/'; it is shown as {shown}",
            "write the group's name as plain text, without **, `, [ ] or a trailing /",
        )
    return plain or None


def order_name(name: str, prefixes: tuple[str, ...]) -> str:
    """How the directory orders a name: without the words of `prefixes` it starts with (the
    community's own name: "MindSpore AKG SIG" orders as "akg sig"), in case-folded form. A name
    that is nothing but a prefix keeps it."""
    rest = name.strip()
    removed = True
    while removed:
        removed = False
        for prefix in prefixes:
            if rest[: len(prefix)].casefold() == prefix.casefold():
                after = rest[len(prefix) :]
                # The prefix as a word of its own: a separator, a change of script or case follows.
                if after and (not after[0].isalnum() or _word_boundary(rest[len(prefix) - 1], after[0])):
                    rest = _LEADING_SEPARATORS.sub("", after)
                    removed = bool(rest)
    return (rest or name).casefold()


_LEADING_SEPARATORS = re.compile(r"^[\W_]+")


def _word_boundary(last: str, following: str) -> bool:
    """True when `following` starts a new word after `last`: another script (昇思MindSpore), or
    an upper-case letter after a lower-case one (MindSporeLite)."""
    if last.isascii() != following.isascii():
        return True
    return last.islower() and following.isupper()
