"""What `sig-info.yaml` says of the SIG itself: its name, descriptions, creation date, maturity and
mailing list. The values the community's template tool writes are warned about, never shown."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from sigsite.emails import REDACTED, WITHHELD_MARK
from sigsite.given import TEMPLATE_DEFAULT, given
from sigsite.languages import language_of_name
from sigsite.layout import MINDSPORE, TemplateDefaults
from sigsite.links import is_web_url
from sigsite.model import SigFacts
from sigsite.names import name_as_text
from sigsite.problems import Problems
from sigsite.yaml_source import LocatedDict

TEMPLATE_FACTS = ("description", "mailing_list", "meeting_url")  # the SIG's own values it stands for
_LANGUAGE_TAG = re.compile(r"[-_][A-Za-z]{2}")  # after a field's name: description_en, name-zh
LIST_ADDRESS = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def read_facts(
    data: LocatedDict, display: str, problems: Problems, template: TemplateDefaults = MINDSPORE.template
) -> SigFacts:
    """The SIG's name, descriptions, creation date, maturity and mailing list, as far as they are
    given: the values the community's template tool writes (`template`) are warned about, never shown."""
    for key in TEMPLATE_FACTS:
        value = data.get(key)
        if isinstance(value, str) and value.strip().upper() == template.placeholder:
            problems.warning(
                display,
                data.line_of(key),
                f"{key} is still the template's {template.placeholder}; nothing is shown for it",
                f"write the SIG's {key}, or NA when it has none",
                topic=TEMPLATE_DEFAULT,
            )

    def text(key: str) -> str | None:
        value = data.get(key)
        return given(value) if isinstance(value, str) else None

    created = data.get("created_on")
    created_on = created if isinstance(created, date) else None
    if isinstance(created, str) and given(created):
        try:
            created_on = date.fromisoformat(created)
        except ValueError:
            problems.warning(
                display,
                data.line_of("created_on"),
                f"created_on '{created}' is not a date; it is not shown",
                "write it as YYYY-MM-DD",
            )
    if created_on is not None and created_on == template.created_on:
        problems.warning(
            display,
            data.line_of("created_on"),
            f"created_on {created_on.isoformat()} is the date the community's template tool "
            f"({template.tool}) writes, not the SIG's; it is not shown",
            "write the date the SIG was founded (YYYY-MM-DD), or remove the line",
            topic=TEMPLATE_DEFAULT,
        )
        created_on = None

    def name(key: str) -> str | None:
        written = text(key)
        return name_as_text(written, display, data.line_of(key), problems) if written else None

    return SigFacts(
        name=name("name"),
        names=_by_language(data, "name", name),
        description=text("description"),
        descriptions=_by_language(data, "description", text),
        created_on=created_on,
        mature_level=text("mature_level"),
        mailing_list=_mailing_list(text("mailing_list"), display, data.line_of("mailing_list"), problems),
    )


def _by_language(data: LocatedDict, field: str, read: Callable[[str], str | None]) -> dict[str, str]:
    """Language code -> the value of `field`'s key in that language (`description_en`,
    `name_zh`, `description_cn`), as `read` reads it; a key of another language is not read."""
    found: dict[str, str] = {}
    for key in data:
        if isinstance(key, str) and key.startswith(field) and _LANGUAGE_TAG.fullmatch(key[len(field) :]):
            code = language_of_name(key)
            value = read(key) if code is not None and code not in found else None
            if code is not None and value:
                found[code] = value
    return found


def _mailing_list(value: str | None, display: str, line: int | None, problems: Problems) -> str | None:
    """A mailing list as an address to write to or a web page; a withheld (personal) address or
    anything else is left out, with a warning for what is neither."""
    if value is None or is_web_url(value):
        return value
    if LIST_ADDRESS.fullmatch(value):
        return value
    if WITHHELD_MARK not in value and REDACTED not in value:  # else withheld, with its own warning
        problems.warning(
            display,
            line,
            f"mailing_list '{value}' is neither an e-mail address nor a web address; it is not shown",
            "write the list's e-mail address, or the address of its web page",
        )
    return None
