"""A folder's READMEs (one per language), the community's introduction, and what the hub takes from
them: a SIG's name from its heading, a one-line introduction from its first paragraph. READMEs are
rendered once the whole community is known, their links resolved against what the hub publishes."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from sigsite.cost_limits import check_cost
from sigsite.formatting import MAX_TITLE, SUMMARY_LENGTH, shortened
from sigsite.languages import DEFAULT, LANGUAGES, detect_language, words_of
from sigsite.layout import Layout
from sigsite.markup.commonmark import inline_text, parser
from sigsite.model import Readme
from sigsite.notes.checks import check_link_schemes
from sigsite.privacy import withhold_in_text
from sigsite.problems import Problems
from sigsite.reading import read_text
from sigsite.statements import Listing, table_statements

# Links (their text kept), emphasis and tags, out of a one-line introduction. Linear: no scan
# passes the next bracket or angle bracket, so a run of `[` or `<` costs its length, not its square.


def read_readmes(
    folder: Path,
    display: str,
    layout: Layout,
    public_emails: frozenset[str],
    problems: Problems,
) -> tuple[Readme, ...]:
    """The folder's README in each language, by the layout's names: a README of a stated
    language (`README_en.md`), then one of none (`README.md`) in the language no other takes, or
    when it is the only one, in the language of its text; e-mail addresses withheld, costly or
    unsafe ones refused."""
    chosen: dict[str, str] = {}  # language code -> the README's name
    for language in LANGUAGES.values():
        present = _present(folder, display, layout.readmes.get(language.code, ()), problems)
        if present:
            chosen[language.code] = present
    either = _present(folder, display, layout.readmes_either, problems)
    free = [code for code in LANGUAGES if code not in chosen]
    if either and len(free) == 1:
        chosen[free[0]] = either
    readmes = []
    for code, name in chosen.items():
        readme = _read_readme(folder, display, name, code, public_emails, problems)
        if readme is not None:
            readmes.append(readme)
    if either and not free:
        problems.warning(
            f"{display}/{either}",
            None,
            f"{', '.join(chosen.values())} are the READMEs of every language, so this one is not shown",
            "merge it into the README of its language, or remove it",
        )
    elif either and len(free) > 1:  # the only README, in either language: its text says which
        readme = _read_readme(folder, display, either, DEFAULT, public_emails, problems)
        if readme is not None:
            readmes.append(replace(readme, language=detect_language(readme.text)))
    return tuple(sorted(readmes, key=lambda r: list(LANGUAGES).index(r.language)))


def _present(folder: Path, display: str, names: tuple[str, ...], problems: Problems) -> str | None:
    """The first of `names` the folder holds; the others it holds are warned about, not shown."""
    present = [n for n in names if (folder / n).exists() or (folder / n).is_symlink()]
    if not present:
        return None
    name, *unread = present
    for other in unread:
        problems.warning(
            f"{display}/{other}",
            None,
            f"{name} is this language's README, so this one is not shown",
            f"merge it into {name}, or remove it",
        )
    return name


def _read_readme(
    folder: Path, display: str, name: str, code: str, public_emails: frozenset[str], problems: Problems
) -> Readme | None:
    """One README, addresses withheld; None when it cannot be read or shown."""
    file_display = f"{display}/{name}"
    text = read_text(folder / name, file_display, problems)
    if text is None:
        return None
    text = withhold_in_text(text, public_emails, file_display, problems)
    check_link_schemes(text, file_display, problems)
    return (
        Readme(language=code, path=file_display, text=text)
        if check_cost(text, file_display, problems)
        else None
    )


def community_readmes(
    sigs_dir: Path, layout: Layout, public_emails: frozenset[str], problems: Problems, said: Listing
) -> tuple[Readme, ...]:
    """The community's README(s) cut to their introduction: after the title, before the first `##`;
    what the rows of their tables say of each group's leaders added to `said`."""
    readmes = read_readmes(sigs_dir, layout.listed_kind.folder, layout, public_emails, problems)
    for readme in sorted(readmes, key=lambda r: r.path):
        table_statements(readme.path, readme.text, said)
    introductions = []
    for readme in readmes:
        first_section = re.split(r"(?m)^##\s", readme.text, maxsplit=1)[0]
        untitled = re.sub(r"(?m)\A\s*#\s[^\n]*\n", "", first_section)
        cut = first_section[: len(first_section) - len(untitled.lstrip())].count("\n")
        # The lines cut before it stay as blank ones: a link's warning names its line of the file.
        introductions.append(Readme(readme.language, readme.path, "\n" * cut + untitled.strip() + "\n"))
    return tuple(introductions)


# H1s that name a part of a README, not its group.
SECTION_TITLES = frozenset(words_of("readme_section_titles"))


def heading_name(readmes: tuple[Readme, ...], *, names_a_sig: bool = True) -> str | None:
    """The README's H1 when it names its group: a SIG's must say so (`# MindSpore Data SIG`, not
    `# Summary`); another group's may be any title but a section's (`# Joint Research on Future AI
    Topics`)."""
    for readme in readmes:
        for line in readme.text.splitlines():
            if line.startswith("# "):
                title = plain_title(line[2:])
                if names_a_sig:
                    return title if "sig" in title.lower() else None
                return None if title.strip(" :：").casefold() in SECTION_TITLES else title or None
    return None


def first_paragraph(readmes: tuple[Readme, ...], language: str) -> str | None:
    """The first paragraph of prose of the README in `language`, as one plain line."""
    readme = next((r for r in readmes if r.language == language), None)
    return first_prose(readme.text) if readme is not None else None


def first_prose(text: str) -> str | None:
    """The first paragraph of prose of a Markdown text (not a heading, list, table or quote), as
    one plain line of at most SUMMARY_LENGTH characters."""
    for block in re.split(r"\n\s*\n", text):
        stripped = block.strip()
        if not stripped or stripped[0] in "#|>!<`[" or stripped[0].isdigit() or _LIST_OR_RULE.match(stripped):
            continue
        line = plain_line(" ".join(stripped[:_READ_FOR_SUMMARY].split()))  # a summary's worth, not all
        if len(line) >= 20:
            return shortened(line, SUMMARY_LENGTH)
    return None


# A list item or a thematic break (`- a`, `* a`, `---`, `***`); `*ebackup 是…*` is emphasised prose.
_LIST_OR_RULE = re.compile(r"[-*+](?:[ \t]|$)|([-*_])[ \t]*\1[ \t]*\1")
_READ_FOR_SUMMARY = 8 * SUMMARY_LENGTH  # characters of Markdown read for a summary's text


def plain_title(markdown: str) -> str:
    """A heading's Markdown as one plain line of at most MAX_TITLE characters; only the start of
    a longer one is read, and then the title ends in "…"."""
    read = markdown[: 4 * MAX_TITLE]
    title = plain_line(read)
    return shortened(title if len(read) == len(markdown) else title.rstrip() + "…")


def plain_line(markdown: str) -> str:
    """One line of Markdown as plain text, as the forge reads it (CommonMark): link texts and a
    `*` that is no emphasis kept, markup out."""
    return " ".join(inline_text(token) for token in parser().parseInline(markdown, {})).strip()
