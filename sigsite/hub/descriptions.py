"""What a hub group says it is about, in each language, each text in its own language.

A group's own files come before the community's listing: its sig-info.yaml's field of a language
(`description_en`), then its `description` in the language its text is written in, then the
listing's introductions (each in the language its text is written in, whichever listing holds
it), then its README's first paragraph. A page in a language none of them is written in shows the
first in another language, which the page marks as such.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from sigsite.emails import redact
from sigsite.hub.listing import Listed
from sigsite.hub.readmes import first_paragraph
from sigsite.languages import CODES, detect_language
from sigsite.markup.inline import inline_html, plain_text
from sigsite.model import Description, Readme, SigFacts
from sigsite.privacy import warn_withheld
from sigsite.problems import Problems
from sigsite.sanitize import sanitize_inline


def group_descriptions(
    facts: SigFacts,
    listed: Iterable[tuple[str, Listed | None]],
    readmes: tuple[Readme, ...] = (),
    *,
    own_file: str = "",
    public: frozenset[str] = frozenset(),
    problems: Problems | None = None,
) -> tuple[Description, ...]:
    """Every description a group's files give, in order of precedence (the module's docstring);
    the same text in one language once. `facts` are its sig-info.yaml's (`own_file`), `listed` each
    listing's file and entry. An e-mail address the rendering makes (`a@**b**.org`: the YAML's
    value holds none as written) is withheld from what is shown, with a warning, unless `public`."""
    found: dict[tuple[str, str], Description] = {}
    problems = problems if problems is not None else Problems()

    def add(text: str, file: str, language: str | None = None, *, markdown: bool = True) -> None:
        html, hidden = redact(
            inline_html(text) if markdown else escape(text, quote=False), public, markdown=False
        )
        for address in hidden:
            warn_withheld(address, file, None, problems)
        html = sanitize_inline(html) if hidden else html  # the address may have spanned tags
        plain = plain_text(html)
        if plain:
            code = language or detect_language(plain)
            found.setdefault((code, plain), Description(code, text, html, plain))

    for code, text in facts.descriptions.items():
        add(text, own_file, code)
    if facts.description:
        add(facts.description, own_file)
    for file, entry in listed:
        if entry is not None and entry.introduction:
            add(entry.introduction, file)
    for code in CODES:
        readme = next((r for r in readmes if r.language == code), None)
        if readme is not None and (paragraph := first_paragraph(readmes, code)):
            add(paragraph, readme.path, code, markdown=False)
    return tuple(found.values())


def introductions(descriptions: tuple[Description, ...]) -> dict[str, str]:
    """Language code -> the plain text of the first description in it, in the languages' order."""
    first: dict[str, str] = {}
    for description in descriptions:
        first.setdefault(description.language, description.plain)
    return {code: first[code] for code in CODES if code in first}
