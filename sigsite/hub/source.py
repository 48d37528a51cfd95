"""Where the hub's data is from: the community repository on its forge, the commit its checkout is
at and that commit's date, or the build's date when the checkout has no history; and the forge's
address of a file at that commit, to a line.

The forge's addresses are made from the `forge_url` setting (`https://gitee.com/mindspore/community/
blob/master/`): the repository is what comes before `/blob/`, a commit is `<repository>/commit/<id>`
and a file at a commit `<repository>/blob/<id>/<path>#L<line>`, as Gitee, GitHub and GitLab have them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote, urlsplit

from sigsite.hub.history import History

SHORT_COMMIT = 7  # how many characters of a commit's id name it where it is shown, as git abbreviates
_COMMIT_ID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


def repository_url(forge_url: str) -> str:
    """The repository's page on the forge: `https://gitee.com/mindspore/community`."""
    return forge_url.split("/blob/", 1)[0].rstrip("/")


def repository_name(forge_url: str) -> str:
    """The repository as its forge names it: `mindspore/community`."""
    return urlsplit(repository_url(forge_url)).path.strip("/").removesuffix("/-")


def commit_url(forge_url: str, commit: str) -> str:
    """The page of a commit on the forge; ValueError for anything but a full commit id."""
    return f"{repository_url(forge_url)}/commit/{_checked(commit)}"


def file_at_commit(forge_url: str, commit: str | None, path: str, line: int | None = None) -> str:
    """The forge's page of the file at `path` (from the repository's top) as it is at `commit`, at
    `line` when given; at the branch of `forge_url` when the commit is unknown (None)."""
    base = (
        forge_url.rstrip("/") + "/"
        if commit is None
        else f"{repository_url(forge_url)}/blob/{_checked(commit)}/"
    )
    return base + quote(path.lstrip("/")) + (f"#L{line}" if line is not None else "")


def folder_at_commit(forge_url: str, commit: str | None, path: str) -> str:
    """The forge's page of the folder at `path` as it is at `commit` (`<repository>/tree/<id>/<path>`),
    or at the branch of `forge_url` when the commit is unknown."""
    branch = forge_url.split("/blob/", 1)[1].split("/", 1)[0] if "/blob/" in forge_url else "master"
    reference = _checked(commit) if commit is not None else quote(branch)
    return f"{repository_url(forge_url)}/tree/{reference}/{quote(path.strip('/'))}"


def _checked(commit: str) -> str:
    if not _COMMIT_ID.fullmatch(commit):
        raise ValueError(f"not a full commit id: {commit!r}")
    return commit


@dataclass(frozen=True)
class Source:
    """What the hub says its data is from: the repository, and the commit and its date when the
    checkout's history gives them; else the date it was built."""

    repository: str  # `mindspore/community`
    built: date  # the build's today: activity windows and "upcoming" count from it
    commit: str | None = None  # the full id of the commit the checkout is at
    committed: date | None = None  # its committer date
    url: str | None = None  # the commit on the forge
    unreadable: bool = False  # the checkout is a repository whose history could not be read

    @property
    def short_commit(self) -> str:
        """The commit's id as it is shown: its first characters."""
        return (self.commit or "")[:SHORT_COMMIT]


def source_of(history: History, forge_url: str, built: date) -> Source:
    """Where the data of a hub built on `built` from a checkout with this `history` is from."""
    commit = history.commit if history.available else None
    return Source(
        repository=repository_name(forge_url),
        built=built,
        commit=commit,
        committed=history.committed if commit else None,
        url=commit_url(forge_url, commit) if commit else None,
        unreadable=history.unreadable,
    )
