"""The objects of a checked `.git` folder (hub/gitfolder.py), read with dulwich within bounds.

dulwich inflates a pack's object to the size its header claims and applies a delta's instructions
up to the size the delta claims: a damaged or hostile pack could claim gigabytes from a few bytes (a
zlib stream inflates about 1,000 to 1, a delta copies 64 KiB for each byte of its instructions). So
before dulwich reads an object of a pack, the headers of the objects of its delta chain are read
here: each object's size, and for a delta the size of what it makes, must be at most OBJECT_LIMIT,
and the chain at most CHAIN_LIMIT deltas long. A loose object must be a regular file of at most
OBJECT_LIMIT bytes, and is inflated here to at most OBJECT_LIMIT bytes.

Only the packs the folder's check listed and the loose objects are read: no commit graph, no
multi-pack index, no alternate object folder.
"""

from __future__ import annotations

import os
import stat
import zlib
from types import TracebackType

from dulwich.errors import ObjectFormatException
from dulwich.objects import ObjectID, RawObjectID, hex_to_sha, object_class, sha_to_hex
from dulwich.pack import Pack

from sigsite.hub.gitfolder import MIB, GitFolder, Refused, read_file

# The largest commit or tree read, inflated: a top tree of about 300,000 entries, a commit message of
# 16 million characters. The only files' contents read are the versions of the groups' roster files
# (hub/role_history.py: a few kilobytes each; one larger than a text may be names nobody).
OBJECT_LIMIT = 16 * MIB
CHAIN_LIMIT = 4095  # deltas on the way to an object: git's own largest pack.depth
# An object's delta chain, inflated: dulwich holds every delta of it and the base while it applies them;
# real deltas of trees and commits are tens or hundreds of bytes.
CHAIN_BUDGET = 4 * OBJECT_LIMIT
DELTA_CACHE = 16 * MIB  # objects dulwich keeps resolved to apply the next delta to (its default: 96 MiB)
CHECKED_KEPT = 1_000_000  # objects of a pack known to be within bounds, remembered (then forgotten)
_OFS_DELTA, _REF_DELTA = 6, 7  # a pack's delta types: the base at an offset, or named by its id
_PACK_HEADER = 12  # the bytes before a pack's first object
GIT_PACK = ".git/objects/pack"  # how a warning names the folder of the packs
_FSCK = "check the repository with `git fsck`, or clone it again"
_REPACK = "repack the repository (git gc --aggressive), or clone it again"


class Objects:
    """The commits and trees of a checked `.git` folder, by id; use it with `with`, which closes
    the packs."""

    def __init__(self, folder: GitFolder) -> None:
        self.folder = folder
        self.oid_length = folder.object_format.oid_length
        self.packs = [
            Pack(str(base), object_format=folder.object_format, delta_base_cache_limit=DELTA_CACHE)
            for base in folder.packs
        ]
        self.descriptors: dict[int, int] = {}  # a pack's number -> its file, opened to read headers
        # Offsets whose chains are in bounds, in each pack: how many objects and bytes from there.
        self.checked: list[dict[int, tuple[int, int]]] = [{} for _ in self.packs]

    def __enter__(self) -> Objects:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        for pack in self.packs:
            pack.close()
        for descriptor in self.descriptors.values():
            os.close(descriptor)

    def raw(self, sha: bytes) -> tuple[int, bytes]:
        """The type and contents of the object `sha` (in hex or in bytes); KeyError when the
        repository lacks it, Refused when it is beyond the bounds, any other exception when it is
        damaged."""
        binary = RawObjectID(sha) if len(sha) == self.oid_length else hex_to_sha(ObjectID(sha))
        for number, pack in enumerate(self.packs):
            try:
                offset = pack.index.object_offset(binary)
            except KeyError:
                continue
            self._check_chain(number, offset)
            return pack.get_raw(binary)
        return self._loose(sha_to_hex(binary))

    def _check_chain(self, number: int, offset: int) -> None:
        """Refused when an object of the delta chain at `offset` of a pack, or what a delta of it
        makes, is larger than OBJECT_LIMIT, the chain is longer than CHAIN_LIMIT, or its objects
        (which dulwich holds all at once to apply the deltas) are larger than CHAIN_BUDGET in all."""
        checked = self.checked[number]
        chain: list[tuple[int, int]] = []  # (offset, size inflated) of the objects not checked before
        while offset not in checked:
            if len(chain) > CHAIN_LIMIT:
                raise Refused(f"an object of {GIT_PACK} is made of more than {CHAIN_LIMIT:,} deltas", _REPACK)
            kind, size, base, start = self._header(number, offset)
            made = self._delta_size(number, start) if kind in (_OFS_DELTA, _REF_DELTA) else size
            if max(size, made) > OBJECT_LIMIT:
                raise Refused(
                    f"an object of {GIT_PACK} at offset {offset:,} claims {max(size, made):,} bytes, more "
                    f"than the {OBJECT_LIMIT:,} the hub reads of a commit or a tree",
                    _FSCK,
                )
            chain.append((offset, size))
            if isinstance(base, bytes):
                try:
                    base = self.packs[number].index.object_offset(RawObjectID(base))
                except KeyError:  # the base is not in this pack: dulwich says the object is missing
                    break
            if base is None:
                break
            offset = base
        objects, size = checked.get(offset, (0, 0))  # of the chain below, checked before
        if len(checked) > CHECKED_KEPT:
            checked.clear()
        for at, inflated in reversed(chain):
            objects, size = objects + 1, size + inflated
            if objects > CHAIN_LIMIT + 1 or size > CHAIN_BUDGET:
                raise Refused(
                    f"an object of {GIT_PACK} is made of more than {CHAIN_LIMIT:,} deltas or of more than "
                    f"{CHAIN_BUDGET:,} bytes inflated",
                    _REPACK,
                )
            checked[at] = (objects, size)

    def _header(self, number: int, offset: int) -> tuple[int, int, int | bytes | None, int]:
        """The header of the pack object at `offset`: its type, its size inflated, its base (an
        offset, an id or None) and where its compressed data starts."""
        head = os.pread(self._descriptor(number), 20 + self.oid_length, offset)
        byte, at = head[0], 1
        kind, size, shift = (byte >> 4) & 7, byte & 15, 4
        while byte & 0x80:
            byte, at = head[at], at + 1
            size |= (byte & 0x7F) << shift
            shift += 7
        if kind == _REF_DELTA:
            return kind, size, head[at : at + self.oid_length], offset + at + self.oid_length
        if kind != _OFS_DELTA:
            return kind, size, None, offset + at
        byte, at = head[at], at + 1
        distance = byte & 0x7F
        while byte & 0x80:
            byte, at = head[at], at + 1
            distance = ((distance + 1) << 7) | (byte & 0x7F)
        if not _PACK_HEADER <= offset - distance < offset:
            raise ValueError(f"a delta at offset {offset:,} of a pack has its base outside the pack")
        return kind, size, offset - distance, offset + at

    def _delta_size(self, number: int, start: int) -> int:
        """The size of what the delta whose compressed data starts at `start` makes: the second
        number of its header, after the size of its base."""
        head = zlib.decompressobj().decompress(os.pread(self._descriptor(number), 1024, start), 20)
        at, made = 0, []
        for _ in range(2):
            value, shift, byte = 0, 0, 0x80
            while byte & 0x80:
                byte, at = head[at], at + 1
                value |= (byte & 0x7F) << shift
                shift += 7
            made.append(value)
        return made[1]

    def _descriptor(self, number: int) -> int:
        """The pack's file, opened once, as a regular file and without following a link."""
        if number not in self.descriptors:
            path = f"{self.folder.packs[number]}.pack"
            descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                os.close(descriptor)
                raise Refused(f"{GIT_PACK} {os.path.basename(path)} is not a file")
            self.descriptors[number] = descriptor
        return self.descriptors[number]

    def _loose(self, hexsha: bytes) -> tuple[int, bytes]:
        """A loose object: its file inflated to at most OBJECT_LIMIT bytes, and its header checked."""
        name = hexsha.decode("ascii")
        data = read_file(self.folder.path, f"objects/{name[:2]}/{name[2:]}", OBJECT_LIMIT)
        if data is None:
            raise KeyError(hexsha)
        inflater = zlib.decompressobj()
        text = inflater.decompress(data, OBJECT_LIMIT + 32)  # and its header: `tree 1234\0`
        if inflater.unconsumed_tail:
            raise Refused(
                f"the object {name} is larger than the {OBJECT_LIMIT:,} bytes the hub reads of a commit or "
                "a tree",
                _FSCK,
            )
        header, _, body = text.partition(b"\0")
        kind, _, size = header.partition(b" ")
        found = object_class(kind)
        if found is None or not size.isdigit() or int(size) != len(body):
            raise ObjectFormatException(f"the loose object {name} is damaged")
        return found.type_num, body
