"""The checkout's `.git` folder, checked before anything in it is read, and its small files read.

A checkout's `.git` is not the community's to vouch for: a CI cache, an archive or a hand-made copy
may hold anything. So before dulwich opens a file, the hub checks that `.git` is the checkout's own
folder (not a symbolic link, not a `gitdir:` file naming another repository), that every file it
reads is a regular file of a bounded size (a FIFO would make a reader wait forever, a device such as
`/dev/zero` or an endless included file would fill the memory), and that the configuration names no
other file (`include.path`, `includeIf`): what such a file said could change how the repository is
meant to be read, and the hub reads no file a checkout's configuration names. Each file's type is
checked without following links before it is opened, and it is opened so as not to follow a link or
wait for a writer.

What dulwich would read from the configuration, HEAD and the refs, the shallow and grafts files is
read here instead (dulwich's `Repo` follows `include.path` and reads without bounds); dulwich reads
only the objects (`hub/gitobjects.py`). A folder that cannot be read this way raises `Refused`,
with why and what to do.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from dulwich.config import ConfigFile
from dulwich.object_format import DEFAULT_OBJECT_FORMAT, ObjectFormat, get_object_format
from dulwich.refs import Ref, check_ref_format
from dulwich.repo import parse_graftpoints

GIT_FOLDER = ".git"  # how a warning about the repository names it, from the community's root
KIB, MIB, GIB = 1 << 10, 1 << 20, 1 << 30
# The bounds on what is read. A clone's configuration is a few hundred bytes, and one with a thousand
# remotes and branches stays under 256 KiB (dulwich's parser takes 0.2 s at that size, at worst).
CONFIG_LIMIT = 256 * KIB
REF_LIMIT = 4 * KIB  # HEAD or a branch: one id, or `ref: ` and a name
# packed-refs, shallow, info/grafts: a line of 41 to 100 bytes per ref or commit, a million lines.
LIST_LIMIT = 64 * MIB
# A pack or its index. The hub reads only commits, trees and the groups' roster files (a few kilobytes
# a version), a few megabytes in a repository of documents after years of history; 4 GiB is past what
# a forge accepts for a whole repository (GitHub asks for under 5 GB) and past any pack a community
# repository makes.
PACK_LIMIT = 4 * GIB
SYMREF_DEPTH = 5  # references followed from HEAD before giving up, as git does (a loop ends here)
# Extensions that change nothing in reading commits and trees; any other (refStorage = reftable) is
# a repository the hub cannot read. A partial clone lacks blobs: only the roster files' versions are
# read (hub/role_history.py), and without them since when each role is held is unknown.
EXTENSIONS = frozenset(
    {b"objectformat", b"worktreeconfig", b"relativeworktrees", b"partialclone", b"preciousobjects", b"noop"}
)
REFUSED_FIX = "clone the community repository afresh (git clone) and build from that checkout"


class Refused(Exception):
    """The checkout's `.git` is not read: `why` says which file and what is wrong with it."""

    def __init__(self, why: str, fix: str = REFUSED_FIX) -> None:
        super().__init__(why)
        self.why = why
        self.fix = fix


@dataclass(frozen=True)
class GitFolder:
    """What the checked `.git` folder says, read without dulwich: how its objects are named, the
    commit HEAD leads to, the parents that grafts or a shallow clone replace, and its packs."""

    path: Path  # <checkout>/.git
    object_format: ObjectFormat = DEFAULT_OBJECT_FORMAT
    head: bytes | None = None  # the commit HEAD leads to (hex); None while its branch has no commit
    grafts: dict[bytes, list[bytes]] = field(default_factory=dict)  # commit -> parents, replaced
    shallow: bool = False  # a shallow clone (its oldest commits lost their parents), or grafts
    packs: tuple[Path, ...] = ()  # each pack, without .pack or .idx


def open_git_folder(root: Path) -> GitFolder:
    """The checked `.git` folder of the checkout `root`; Refused when it is not the checkout's own
    folder or a file the hub reads in it is no regular file of a bounded size."""
    git = root / GIT_FOLDER
    kind = _kind(os.lstat(git).st_mode)
    if kind == "a file":
        raise Refused(
            f"{GIT_FOLDER} is a file naming the folder of another repository (a worktree, a submodule, "
            "--separate-git-dir), and the hub reads only a checkout's own .git folder",
        )
    if kind != "a folder":
        raise Refused(f"{GIT_FOLDER} is {kind}, and the hub reads only a checkout's own .git folder")
    object_format = _object_format(git)
    for borrowed in ("commondir", "objects/info/alternates"):
        if _lexists(git, borrowed):
            raise Refused(
                f"{GIT_FOLDER}/{borrowed} makes the repository read another repository's folder, which "
                "the hub does not do",
                "clone the community repository without --shared, --reference or worktrees",
            )
    grafts = read_file(git, "info/grafts", LIST_LIMIT)
    cut = _graftpoints(read_file(git, "shallow", LIST_LIMIT))
    return GitFolder(
        path=git,
        object_format=object_format,
        head=_head(git, object_format),
        grafts={**_graftpoints(grafts), **cut},
        shallow=bool(cut) or grafts is not None,
        packs=_packs(git),
    )


def read_file(git: Path, relative: str, limit: int) -> bytes | None:
    """The bytes of the file at `relative` (`refs/heads/master`) in the folder `git`; None when
    there is none. Refused when it or a folder on its way is of another type (a link, a FIFO, a
    device) or it is larger than `limit`: each is looked at before the file is opened."""
    parts = relative.split("/")
    path, info = git, None
    for depth, part in enumerate(parts, start=1):
        path /= part
        info = _lstat(path)
        if info is None:
            return None
        last = depth == len(parts)
        if not (stat.S_ISREG if last else stat.S_ISDIR)(info.st_mode):
            raise Refused(
                f"{_shown(git, path)} is {_kind(info.st_mode)}, not a {'file' if last else 'folder'}"
            )
    assert info is not None  # relative names one part at least
    if info.st_size > limit:
        raise Refused(
            f"{_shown(git, path)} holds {info.st_size:,} bytes, more than the {limit:,} the hub reads"
        )
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    with open(descriptor, "rb") as file:
        opened = os.fstat(descriptor)
        if (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino):
            raise Refused(f"{_shown(git, path)} was replaced while it was read")
        data = file.read(info.st_size + 1)  # never a buffer of `limit` bytes for a small file
    if len(data) != info.st_size:
        raise Refused(f"{_shown(git, path)} changed while it was read")
    return data


def _object_format(git: Path) -> ObjectFormat:
    """How the configuration says objects are named; Refused when it includes other files, or
    names a format or an extension the hub cannot read."""
    data = read_file(git, "config", CONFIG_LIMIT)
    if data is None:
        return DEFAULT_OBJECT_FORMAT
    try:
        config = ConfigFile.from_file(BytesIO(data), expand_includes=False)
    except ValueError as exc:
        raise Refused(f"{GIT_FOLDER}/config cannot be read ({quoted(exc)})") from exc
    if any(section[0].lower() in (b"include", b"includeif") for section in config.sections()):
        raise Refused(
            f"{GIT_FOLDER}/config includes other files ([include] or [includeIf]): what they say could "
            "change how the repository is read, and the hub reads no file a checkout's configuration names",
            "remove those sections from .git/config, or clone the community repository afresh",
        )
    version = _setting(config, b"core", b"repositoryformatversion") or b"0"
    if version.strip() not in (b"0", b"1"):
        raise Refused(
            f"{GIT_FOLDER}/config gives a repository format ({quoted(version)}) the hub cannot read"
        )
    for name, value in config.items((b"extensions",)):
        if name.lower() not in EXTENSIONS:
            raise Refused(
                f"{GIT_FOLDER}/config asks for the extension {quoted(name)} = {quoted(value)}, which the hub "
                "cannot read"
            )
    named = _setting(config, b"extensions", b"objectformat")
    if version.strip() == b"0" or named is None:
        return DEFAULT_OBJECT_FORMAT
    try:
        return get_object_format(named.decode("ascii").lower())
    except (UnicodeDecodeError, ValueError) as exc:
        raise Refused(
            f"{GIT_FOLDER}/config names an object format the hub cannot read ({quoted(named)})"
        ) from exc


def _setting(config: ConfigFile, section: bytes, name: bytes) -> bytes | None:
    try:
        return config.get((section,), name)
    except KeyError:
        return None


def _head(git: Path, object_format: ObjectFormat) -> bytes | None:
    """The commit HEAD leads to through at most SYMREF_DEPTH references, loose or packed; None when
    the branch it names has no commit yet."""
    commit_id = re.compile(b"[0-9a-f]{%d}" % object_format.hex_length)
    name, path = b"HEAD", [b"HEAD"]
    packed: dict[bytes, bytes] | None = None
    for _ in range(SYMREF_DEPTH + 1):
        shown = f"{GIT_FOLDER}/{os.fsdecode(name)}"
        value = read_file(git, os.fsdecode(name), REF_LIMIT)
        if value is None and name != b"HEAD":
            packed = packed if packed is not None else _packed_refs(git)
            value = packed.get(name)
            if value is None:
                return None  # a branch without a commit, as a new repository's
        if value is None:
            raise Refused(f"{GIT_FOLDER} has no HEAD: it is not a repository")
        value = value.strip()
        if not value.startswith(b"ref:"):  # `ref: refs/heads/master`, or the commit itself
            if commit_id.fullmatch(value):
                return value
            raise Refused(
                f"{shown} holds no commit id of the repository's format ({object_format.name}): "
                + quoted(value)
            )
        name = value[4:].strip()
        if not name.startswith(b"refs/") or not check_ref_format(Ref(name)):
            raise Refused(f"{shown} names no reference: {quoted(name)}")
        path.append(name)
    raise Refused(f"HEAD leads through more than {SYMREF_DEPTH} references: {quoted(b' -> '.join(path))}")


def _packed_refs(git: Path) -> dict[bytes, bytes]:
    """The references of packed-refs, by name (the first of a name that appears twice)."""
    refs: dict[bytes, bytes] = {}
    for line in (read_file(git, "packed-refs", LIST_LIMIT) or b"").splitlines():
        if line[:1] not in (b"#", b"^"):
            value, _, name = line.partition(b" ")
            refs.setdefault(name.strip(), value)
    return refs


def _graftpoints(data: bytes | None) -> dict[bytes, list[bytes]]:
    """The commits whose parents a grafts or shallow file replaces, and their new parents."""
    lines = [line for line in (data or b"").splitlines() if line.strip() and not line.startswith(b"#")]
    return {
        bytes(commit): [bytes(p) for p in parents] for commit, parents in parse_graftpoints(lines).items()
    }


def _packs(git: Path) -> tuple[Path, ...]:
    """The packs of objects/pack, each with its index; Refused for anything there that is no
    regular file, or a file over PACK_LIMIT."""
    folder = git / "objects"
    for path in (folder, folder / "pack"):
        info = _lstat(path)
        if info is None:
            return ()
        if not stat.S_ISDIR(info.st_mode):
            raise Refused(f"{_shown(git, path)} is {_kind(info.st_mode)}, not a folder")
    names = set()
    with os.scandir(folder / "pack") as entries:
        for entry in entries:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode):
                raise Refused(f"{_shown(git, Path(entry.path))} is {_kind(info.st_mode)}, not a file")
            if info.st_size > PACK_LIMIT:
                raise Refused(
                    f"{_shown(git, Path(entry.path))} holds {info.st_size:,} bytes, more than the "
                    f"{PACK_LIMIT:,} the hub reads of a pack"
                )
            names.add(entry.name)
    return tuple(
        folder / "pack" / name.removesuffix(".pack")
        for name in sorted(names)
        if name.endswith(".pack") and name.removesuffix(".pack") + ".idx" in names
    )


def _lexists(git: Path, relative: str) -> bool:
    """True when anything is at `relative` in `git`, a link included (never followed)."""
    return _lstat(git / relative) is not None


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None


def _kind(mode: int) -> str:
    """What a file's mode says it is, in words."""
    if stat.S_ISREG(mode):
        return "a file"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a socket" if stat.S_ISSOCK(mode) else "of an unknown type"


def _shown(git: Path, path: Path) -> str:
    """`path` as a warning names it, from the checkout's root: `.git/refs/heads/master`."""
    return f"{GIT_FOLDER}/{path.relative_to(git).as_posix()}"


def quoted(value: bytes | Exception) -> str:
    """A value from the repository as a message quotes it: its first 100 characters."""
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return text if len(text) <= 100 else text[:100] + "…"
