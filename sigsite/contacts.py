"""The ways to reach a group that its files give, each with the file and line that give it.

- `sig-info.yaml`: its `mailing_list` (a public list, a web page, or a personal address withheld),
  its `meeting_url` (the group's meeting pad) and its maintainers' and mentors' `email`s;
- `sig_members.yaml`: its Maintainers' `email`s;
- a README: the e-mail addresses it gives (those of a section on joining or contacting the group
  when it has one, as "How to Join" is), and each channel it names (channels.py), with the web
  address written on the same line when there is one (`Slack channel: https://…`), and each
  service its calls are held on (Zoom, WeLink, Tencent Meeting) likewise.

A personal address is never kept: the README's text has it withheld already (privacy.py), and a
members entry's `email` is only looked at, never stored. What is kept is where it is, so the hub
can lead a visitor to that line of the file on the forge, where its author put it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from sigsite.channels import CHANNELS, Channel
from sigsite.emails import REDACTED, find_addresses
from sigsite.facts import LIST_ADDRESS
from sigsite.given import given
from sigsite.languages import alternation, named_by_every_language, words_of
from sigsite.links import is_web_url, urls_in
from sigsite.model import Contact, SigFacts
from sigsite.yaml_source import LocatedDict, items_of

_CALL_NAMES = named_by_every_language("call_names")
# The services a group's calls are held on, as a README names them ("join via **Zoom**") on a line
# that speaks of joining or meeting (`Zoom in on the figure` does not): with the call's address when
# the line gives one, else the line that tells how to join.
CALLS: dict[str, Channel] = {
    "zoom": Channel("Zoom", re.compile(r"(?<![A-Za-z])Zoom(?![A-Za-z])|zoom\.us/", re.ASCII)),
    "welink": Channel("WeLink", re.compile(r"(?<![A-Za-z])WeLink(?![A-Za-z])", re.IGNORECASE)),
    "tencent_meeting": Channel(
        "Tencent Meeting",
        re.compile(alternation(_CALL_NAMES["tencent_meeting"]) + r"|meeting\.tencent\.com", re.IGNORECASE),
    ),
}
_CALL_WORDS = re.compile(alternation(words_of("call_words")), re.IGNORECASE)
# How a card names each kind of contact (message ids of translations.py), in the order it lists them.
CONTACT_LABELS = {
    "mailing_list": "Mailing list",
    "email": "E-mail",
    **{key: channel.label for key, channel in CHANNELS.items()},
    **{key: call.label for key, call in CALLS.items()},
    "meeting_pad": "Meeting pad",
    "maintainers": "Maintainers' e-mail",
    "mentors": "Mentors' e-mail",
}
_ORDER = {kind: index for index, kind in enumerate(CONTACT_LABELS)}

_FENCE = re.compile(r" {0,3}(?:```|~~~)")
_HEADING = re.compile(r" {0,3}#{1,6}[ \t]([^\n]*)")
_CONTACT_HEADING = re.compile(alternation(words_of("contact_headings")), re.IGNORECASE)
# Where the maintainers are listed, by file: their entries' `email` is what leads to them.
MAINTAINER_KEYS = {"sig-info": "maintainers", "members": "Maintainers"}


def declared_public(data: Any, public_fields: Mapping[str, tuple[str, ...]]) -> frozenset[str]:
    """The addresses a community declares public by the field that holds them (the layout's
    `public_fields`: a key of `sig-info.yaml` and the domains of the group addresses it holds, as
    openEuler's `mailing_list: a-tune@openeuler.org`), in lower case. Only a value that is one
    address, at one of the field's domains or below, is one: anything else stays withheld."""
    if not isinstance(data, LocatedDict):
        return frozenset()
    found = set()
    for key, domains in public_fields.items():
        value = data.get(key)
        address = value.strip().lower() if isinstance(value, str) else ""
        if not LIST_ADDRESS.fullmatch(address):
            continue
        domain = address.rpartition("@")[2]
        if any(domain == d.lower() or domain.endswith("." + d.lower()) for d in domains):
            found.add(address)
    return frozenset(found)


def sig_info_contacts(
    data: LocatedDict, display: str, facts: SigFacts, meeting_pad: str | None, public: frozenset[str]
) -> tuple[Contact, ...]:
    """A `sig-info.yaml`'s contacts, once its values are read (`facts.mailing_list` is a public list
    or a web page; a personal address in it was withheld) and its `meeting_url` checked."""
    found = []
    line = data.line_of("mailing_list")
    written = data.get("mailing_list")
    if facts.mailing_list:
        found.append(Contact("mailing_list", display, line, address=facts.mailing_list))
    elif isinstance(written, str) and REDACTED in written:
        found.append(Contact("mailing_list", display, line, withheld=True))
    if meeting_pad:
        found.append(Contact("meeting_pad", display, data.line_of("meeting_url"), address=meeting_pad))
    found += maintainer_contacts(data, MAINTAINER_KEYS["sig-info"], display, public)
    found += maintainer_contacts(data, "mentors", display, public, kind="mentors")
    return tuple(found)


def maintainer_contacts(
    data: Any, key: str, display: str, public: frozenset[str], kind: str = "maintainers"
) -> tuple[Contact, ...]:
    """The line of the first entry under `key` (the maintainers, or the mentors: `kind`) whose
    `email` holds an address: withheld, unless the address is public. The address is looked at
    here and kept nowhere."""
    if not isinstance(data, LocatedDict):
        return ()
    for entry in items_of(data.get(key)):
        if not isinstance(entry, LocatedDict):
            continue
        value = entry.get("email")
        written = given(value) if isinstance(value, str) else None
        found = find_addresses(written, markdown=False) if written else []
        if not found:
            continue
        address = found[0].address
        if address.lower() in public and not found[0].written_on:
            return (Contact(kind, display, entry.line_of("email"), address=address),)
        return (Contact(kind, display, entry.line_of("email"), withheld=True),)
    return ()


def readme_contacts(path: str, text: str, public: frozenset[str]) -> tuple[Contact, ...]:
    """A README's contacts (its text with personal addresses withheld): its e-mail addresses, those
    under a heading on joining or contacting the group when it has any (a withheld one once, each
    `public` one once), and the first line naming each channel, with its web address if that line
    gives one (else the first later line naming it that does). Code blocks are not read."""
    addresses: list[tuple[bool, Contact]] = []  # (under a contact heading, the contact)
    channels: dict[str, Contact] = {}
    in_fence = joining = False
    for number, line in enumerate(text.split("\n"), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        heading = _HEADING.match(line)
        if heading:
            joining = bool(_CONTACT_HEADING.search(heading[1]))
        if REDACTED in line:
            addresses.append((joining, Contact("email", path, number, withheld=True)))
        addresses += [
            (joining, Contact("email", path, number, address=found.address))
            for found in find_addresses(line)
            if not found.in_web_address and found.address.lower() in public and not found.written_on
        ]
        for key, channel in (*CHANNELS.items(), *CALLS.items()):
            known = channels.get(key)
            if known is not None and known.address is not None:
                continue
            if not channel.named_by.search(line) or (key in CALLS and not _CALL_WORDS.search(line)):
                continue
            web = next((url for url in urls_in(line) if is_web_url(url)), None)
            if known is None or web is not None:
                channels[key] = Contact(key, path, number, web)
    chosen = [c for joins, c in addresses if joins] or [c for _, c in addresses]
    return (*_once(chosen), *channels.values())


def _once(contacts: Iterable[Contact]) -> list[Contact]:
    """The first withheld address, and each public one once."""
    kept, seen = [], set()
    for contact in contacts:
        key = contact.address.lower() if contact.address else None
        if key not in seen:
            seen.add(key)
            kept.append(contact)
    return kept


def public_addresses(contacts: Iterable[Contact]) -> frozenset[str]:
    """The e-mail addresses of `contacts` that are shown, in lower case: each public, by the
    settings' `public_emails` or by the field that holds it (`declared_public`)."""
    return frozenset(
        c.address.lower() for c in contacts if c.address and not is_web_url(c.address) and "@" in c.address
    )


def shown_contacts(contacts: Iterable[Contact], readme: str | None) -> tuple[Contact, ...]:
    """What a page that shows the README at `readme` lists: one contact of each kind (each public
    address once, whatever its kind), the shown README's first, in CONTACT_LABELS' order."""
    # By kind (a list before an e-mail address that is the list's), then the shown README's first.
    ranked = sorted(contacts, key=lambda c: (_ORDER.get(c.kind, len(_ORDER)), c.file != readme))
    kept: dict[tuple[str, str | None], Contact] = {}
    addresses: set[str] = set()
    for contact in ranked:
        address = contact.address.lower() if contact.address else None
        key = (contact.kind, address)
        if key in kept or (address is not None and address in addresses):
            continue
        kept[key] = contact
        if address is not None:
            addresses.add(address)
    return tuple(kept.values())
