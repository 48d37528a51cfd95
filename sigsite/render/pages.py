"""The Markdown sources of generated pages: our own front matter, then the content.

The front matter is ours alone, so a generated page can never opt into template rendering.
"""

from __future__ import annotations

import json

from sigsite.formatting import agenda_summary, meeting_page_title, theme_text
from sigsite.model import Meeting
from sigsite.translations import DEFAULT_LOCALE, translator


def year_page_markdown(year: int, locale: str = DEFAULT_LOCALE) -> str:
    """The Markdown source of a year's page: only our front matter; `render_year` adds the list.

    The list repeats the meetings' titles and summaries, so search leaves the page out and
    finds the meetings themselves.
    """
    _ = translator(locale)
    title = _("Meetings of {year}", year=year)
    front = {"title": title, "description": title, "render_macros": False, "search": {"exclude": True}}
    return front_matter(front)


def meeting_markdown(meeting: Meeting, locale: str = DEFAULT_LOCALE, group: str = "") -> str:
    """The Markdown source of a meeting's page: our front matter alone.

    The note itself is rendered by the core (`Meeting.rendered`) and put in after Markdown has
    run, so MkDocs never renders it and the page can never opt into template rendering.
    """
    title = theme_text(meeting_page_title(meeting, locale, group))
    description = theme_text(agenda_summary(meeting)) or title
    front = {"title": title, "description": description, "render_macros": False}
    return front_matter(front)


def group_page_title(page: str, group: str) -> str:
    """The title of one of a group's pages on the hub (`Members · MindSpore Alpha SIG`), as its
    meetings' and documents' titles name their group: search lists a page by its title alone, and
    the theme prints it as the page's h1."""
    return f"{page} · {group}"


def titled_front_matter(title: str, description: str, **more: object) -> str:
    """Front matter of a page whose title comes from the community's files, escaped for the theme."""
    return front_matter({"title": theme_text(title), "description": theme_text(description), **more})


def front_matter(values: dict[str, object]) -> str:
    """YAML front matter for a generated page; JSON scalars are valid YAML, and fast to write."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"
