"""The kinds of group a community repository keeps, each declared once: where its folders are in
the repository, and whether that folder holds many groups (`sigs/<SIG>/`) or is the group itself
(`tsc/`). The hub publishes a group below the same path it has in the repository."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GroupKind:
    """A kind of group: `key` names it in the data (sigs.json's `kind`, the directory's filter)."""

    key: str
    folder: str  # in the repository, and in the hub's addresses
    single: bool = False  # the folder is one group (the TSC), not a folder of groups
    label: str = ""  # how the directory names the kind (a message id of translations.py)


SIG = GroupKind("sig", "sigs", label="SIG")
KINDS = (
    SIG,
    GroupKind("wg", "working-groups", label="Working group"),
    GroupKind("tsc", "tsc", single=True, label="Technical Steering Committee"),
)
BY_KEY = {kind.key: kind for kind in KINDS}
SINGLE_GROUP_FOLDERS = frozenset(kind.folder for kind in KINDS if kind.single)


def group_path(kind: GroupKind, folder: str) -> str:
    """A group's folder in the repository: `sigs/dx`, `working-groups/quantum`, `tsc`."""
    return kind.folder if kind.single else f"{kind.folder}/{folder}"
