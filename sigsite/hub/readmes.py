"""A folder's READMEs (one per language), the community's introduction, and what the hub takes from
them: a SIG's name from its heading, a one-line introduction from its first paragraph. READMEs are
rendered once the whole community is known, their links resolved against what the hub publishes."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from sigsite.cost_limits import check_cost
from sigsite.formatting import SUMMARY_LENGTH
from sigsite.hub.links import ReadmeLinks
from sigsite.hub.model import Community, Readme
from sigsite.languages import LANGUAGES, detect_language
from sigsite.markup.document import render_markdown
from sigsite.notes.checks import check_link_schemes
from sigsite.privacy import warn_withheld, withhold_in_text
from sigsite.problems import Problems
from sigsite.reading import read_text
from sigsite.settings import SIGS_DIR

# Links (their text kept), emphasis and tags, out of a one-line introduction. Linear: no scan
# passes the next bracket or angle bracket, so a run of `[` or `<` costs its length, not its square.
_MARKUP = re.compile(r"!?\[([^\[\]]*)\]\([^()\s]*\)|[*_`>#|]+|<[^<>]*>")


def read_readmes(
    folder: Path, display: str, public_emails: frozenset[str], problems: Problems
) -> tuple[Readme, ...]:
    """The folder's README in each language, e-mail addresses withheld, costly or unsafe ones refused."""
    readmes = []
    for language in LANGUAGES.values():
        candidates = language.readmes
        name = next((n for n in candidates if (folder / n).is_file() or (folder / n).is_symlink()), None)
        if name is None:
            continue
        file_display = f"{display}/{name}"
        text = read_text(folder / name, file_display, problems)
        if text is None:
            continue
        text = withhold_in_text(text, public_emails, file_display, problems)
        check_link_schemes(text, file_display, problems)
        if check_cost(text, file_display, problems):
            readmes.append(Readme(language=language.code, path=file_display, text=text))
    if len(readmes) == 1:  # README.md is often the only one, in either language: say which
        only = readmes[0]
        return (Readme(detect_language(only.text), only.path, only.text),)
    return tuple(readmes)


def community_readmes(
    sigs_dir: Path, public_emails: frozenset[str], problems: Problems
) -> tuple[Readme, ...]:
    """The community's README(s) cut to their introduction: after the title, before the first `##`."""
    readmes = read_readmes(sigs_dir, SIGS_DIR, public_emails, problems)
    introductions = []
    for readme in readmes:
        first_section = re.split(r"(?m)^##\s", readme.text, maxsplit=1)[0]
        untitled = re.sub(r"(?m)\A\s*#\s[^\n]*\n", "", first_section)
        introductions.append(Readme(readme.language, readme.path, untitled.strip() + "\n"))
    return tuple(introductions)


# H1s that name a part of a README, not its group.
SECTION_TITLES = frozenset(
    {
        "summary",
        "overview",
        "introduction",
        "readme",
        "contents",
        "table of contents",
        "简介",
        "概述",
        "介绍",
        "目录",
    }
)


def heading_name(readmes: tuple[Readme, ...], *, names_a_sig: bool = True) -> str | None:
    """The README's H1 when it names its group: a SIG's must say so (`# MindSpore Data SIG`, not
    `# Summary`); another group's may be any title but a section's (`# Joint Research on Future AI
    Topics`)."""
    for readme in readmes:
        for line in readme.text.splitlines():
            if line.startswith("# "):
                title = plain_line(line[2:])
                if names_a_sig:
                    return title if "sig" in title.lower() else None
                return None if title.strip(" :：").casefold() in SECTION_TITLES else title or None
    return None


def first_paragraph(readmes: tuple[Readme, ...], language: str) -> str | None:
    """The first paragraph of prose of the README in `language`, as one plain line."""
    readme = next((r for r in readmes if r.language == language), None)
    if readme is None:
        return None
    for block in re.split(r"\n\s*\n", readme.text):
        stripped = block.strip()
        if not stripped or stripped[0] in "#|-*+>!<`[" or stripped[0].isdigit():
            continue
        text = plain_line(" ".join(stripped.split()))
        if len(text) >= 20:
            return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1].rstrip() + "…"
    return None


def plain_line(markdown: str) -> str:
    """One line of Markdown as plain text: link texts kept, markup out."""
    return _MARKUP.sub(lambda m: m.group(1) or "", markdown).strip()


def rendered_readmes(
    community: Community, forge_url: str, public: frozenset[str], problems: Problems
) -> Community:
    """Every README rendered once, its links leading to what the hub publishes or to the forge.

    A SIG's README goes below the SIG's name, which is its page's title: its headings move down
    a level. The community's introduction is part of the hub's home page and keeps its levels.
    """
    links = ReadmeLinks(community, forge_url)

    def rendered(readme: Readme, shift: int) -> Readme:
        html = render_markdown(
            readme.text,
            links.resolver(readme.path),
            shift=shift,
            public=public,
            withheld=lambda address: warn_withheld(address, readme.path, None, problems),
        )
        return replace(readme, rendered=html)

    return Community(
        introduction=tuple(rendered(r, 0) for r in community.introduction),
        sigs=tuple(replace(s, readmes=tuple(rendered(r, 1) for r in s.readmes)) for s in community.sigs),
    )
