"""A Git tree's folders, found in the tree's bytes by regular expressions, in C.

A tree is a run of entries `<mode> <name>\\0<id>`, the id of 20 bytes (SHA-1) or 32 (SHA-256). A
community's top tree may hold thousands of files the hub never looks at, and each commit that
changes one of them has a top tree of its own: parsing every entry of each into Python objects
would cost the width of the tree times the commits. `named` finds the few folders asked for (the
kinds' folders): a pattern skips entries lazily, an entry at a time from the first (so a name that
contains ` sigs` or bytes of an id that look like an entry are never taken for one), and stops at a
folder's entry (mode `40000`) of one of the names. Each entry is an atomic group, so the match is
linear in the tree's size; it is resumed with `match` where the last one ended, never with
`finditer`, which would retry from every byte after the last folder. `folders` gives every folder
of a tree (a kind's folder, whose entries are mostly groups' folders): the run of entries is checked
whole, then read with `findall`, one entry after the other.
"""

from __future__ import annotations

import re
from functools import cache

_FOLDER_MODES = (b"40000", b"040000")  # a folder, as git writes it and as old trees may
_FOLDER_MODE = rb"0?40000"
_FILE_MODE = rb"100(?:644|755)"  # a regular file (never a symbolic link, 120000, nor a submodule)


def named(raw: bytes, names: frozenset[bytes], oid_length: int) -> dict[bytes, bytes]:
    """The ids of the folders among `names` in the tree `raw` (the first entry of a name): the
    entries before, and after the last, are skipped in C."""
    return _first_entries(raw, names, oid_length, _FOLDER_MODE)


def files(raw: bytes, names: frozenset[bytes], oid_length: int) -> dict[bytes, bytes]:
    """The ids of the regular files among `names` in the tree `raw` (a group's folder: its roster
    files), found as `named` finds folders."""
    return _first_entries(raw, names, oid_length, _FILE_MODE)


def _first_entries(raw: bytes, names: frozenset[bytes], oid_length: int, mode: bytes) -> dict[bytes, bytes]:
    """The ids of the entries of `mode` among `names` in the tree `raw`, the first of each name."""
    found: dict[bytes, bytes] = {}
    pattern, position = _named(tuple(sorted(names)), oid_length, mode), 0
    while len(found) < len(names) and (match := pattern.match(raw, position)) is not None:
        found.setdefault(match[1], match[2])
        position = match.end()
    return found


def folders(raw: bytes, oid_length: int) -> dict[bytes, bytes]:
    """The id of every folder in the tree `raw`, by name (the first entry of a name); ValueError
    when `raw` is no run of entries. Every entry is found, in C: most of a kind's folder's are
    groups' folders."""
    if _run(oid_length).fullmatch(raw) is None:
        raise ValueError("the tree's entries cannot be read")
    entries = _entry(oid_length).findall(raw)  # one after the other: the run was checked whole
    return {name: sha for mode, name, sha in reversed(entries) if mode in _FOLDER_MODES}


@cache
def _entry(oid_length: int) -> re.Pattern[bytes]:
    """An entry: its mode, its name and its id."""
    return re.compile(rb"(?s)([0-7]+) ([^\0]*)\0(.{%d})" % oid_length)


@cache
def _run(oid_length: int) -> re.Pattern[bytes]:
    """A whole tree: entries one after the other, each matched once (atomic, possessive)."""
    return re.compile(rb"(?s)(?>[0-7]+ [^\0]*\0.{%d})*+" % oid_length)


@cache
def _named(names: tuple[bytes, ...], oid_length: int, mode: bytes) -> re.Pattern[bytes]:
    """Entries skipped, lazily, then an entry of `mode` named one of `names`: its name and id."""
    name = b"|".join(re.escape(n) for n in names)
    entry = rb"(?>[^\0]+\0.{%d})" % oid_length
    return re.compile(rb"(?s)%s*?(?>%s (%s)\0(.{%d}))" % (entry, mode, name, oid_length))
