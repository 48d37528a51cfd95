"""Gitee accounts: the one address a person's link may have, made from the account alone.

A `gitee_home` must name exactly one account (no user part, no `..`, one path segment): otherwise
a file could give a person a link that resolves somewhere else than the account it names.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from sigsite.links import host_of
from sigsite.problems import Problems

GITEE_HOST = "gitee.com"
GITEE_HOSTS = frozenset({GITEE_HOST, "www.gitee.com"})  # exactly: evilgitee.com is someone else
ACCOUNT = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")  # not "..": it starts with a letter or digit


def gitee_account(url: str) -> str | None:
    """The account in a Gitee profile address, e.g. `jxlang910`; None for any other host.

    Raises ValueError for a Gitee address that is not exactly one account: a user part, a `..`, a
    second segment, a query: it would lead somewhere else than the account it names.
    """
    if host_of(url) not in GITEE_HOSTS:
        return None
    parts = urlsplit(url.strip())
    segments = parts.path.strip("/").split("/")
    if "@" in parts.netloc or parts.query or parts.fragment or len(segments) != 1:
        raise ValueError(url)
    return valid_account(unquote(segments[0]))


def valid_account(account: str) -> str:
    """`account` when it can be a Gitee account's name; else ValueError."""
    if not ACCOUNT.fullmatch(account):
        raise ValueError(account)
    return account


def profile_address(account: str) -> str:
    """The one address of a Gitee account's profile."""
    return f"https://{GITEE_HOST}/{account}"


def account_of_home(home: str, display: str, line: int, problems: Problems) -> str | None:
    """The account of a `gitee_home`; a Gitee address that names no single account is a warning."""
    try:
        return gitee_account(home)
    except ValueError:
        problems.warning(
            display,
            line,
            f"gitee_home '{home}' is not the address of one Gitee account; it is not linked",
            "write it as https://gitee.com/<account>",
        )
        return None
