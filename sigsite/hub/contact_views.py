"""A group's contacts as its home page lists them: what each is, and where its link leads.

A public address is written to, a web address opened; a withheld address, and a channel whose
line gives no address, lead to the line of the file that gives them, on the forge at the commit
the hub shows: the address stays where its author put it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from sigsite.addresses import safe_url
from sigsite.contacts import CONTACT_LABELS, shown_contacts
from sigsite.formatting import shortened
from sigsite.model import Contact, Group
from sigsite.translations import translator

WITHHELD_LINK_TEXT = "e-mail on {forge}"  # a withheld address's placeholder, linked to its line there
SHOWN_ADDRESS = 48  # characters of a web address a card shows (its host and path)


@dataclass(frozen=True)
class ContactView:
    """One contact as a card lists it."""

    label: str  # "Mailing list", "WeChat group", in the page's language
    text: str  # the link's text: the address, or where it is
    url: str  # where the link leads
    withheld: bool = False  # a personal address, shown as a placeholder
    on_forge: bool = False  # the link leads to the file's line on the forge


def contact_views(
    sig: Group,
    locale: str,
    forge: str,
    at_snapshot: Callable[[str, int | None], str],
    meeting_url_label: str = CONTACT_LABELS["meeting_pad"],
) -> tuple[ContactView, ...]:
    """The contacts a group's home page in `locale` lists (contacts.shown_contacts: its README in
    that language first), each with its link; `at_snapshot(path, line)` is a file's line on the
    forge named `forge`; sig-info.yaml's `meeting_url` is named as the layout says what it is."""
    _ = translator(locale)
    readme = sig.readme(locale)
    labels = {**CONTACT_LABELS, "meeting_pad": meeting_url_label}
    views = []
    for contact in shown_contacts(sig.contacts, readme.path if readme else None):
        label = _(labels.get(contact.kind, contact.kind))
        view = _view(contact, label, forge, at_snapshot, _)
        if view is not None:
            views.append(view)
    return tuple(views)


def _view(
    contact: Contact,
    label: str,
    forge: str,
    at_snapshot: Callable[[str, int | None], str],
    _: Callable[..., str],
) -> ContactView | None:
    if contact.withheld:
        return ContactView(
            label, _(WITHHELD_LINK_TEXT, forge=forge), at_snapshot(contact.file, contact.line), True, True
        )
    address = contact.address
    if address is None:  # a channel named, its way in told in words: lead to them
        name = contact.file.rsplit("/", 1)[-1]
        where = _("see {file}, line {line}", file=name, line=contact.line) if contact.line else name
        return ContactView(label, where, at_snapshot(contact.file, contact.line), on_forge=True)
    web = safe_url(address)
    if web:
        parts = urlsplit(web)
        return ContactView(label, shortened(f"{parts.netloc}{parts.path}".rstrip("/"), SHOWN_ADDRESS), web)
    if "@" in address:
        return ContactView(label, address, "mailto:" + quote(address, safe="@"))
    return None
