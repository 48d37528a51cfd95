"""The community as data: every SIG folder of `sigs/`, the SIGs listed but hosted elsewhere, and the
community's own introduction. Frozen records, built by `hub.loader`, read by every renderer."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from sigsite.hub.history import History
from sigsite.layout import MINDSPORE, Layout
from sigsite.model import Group, Readme
from sigsite.problems import Problem


@dataclass(frozen=True)
class Community:
    """Everything the hub shows."""

    introduction: tuple[Readme, ...] = ()  # the community's README(s), first section only
    sigs: tuple[Group, ...] = ()  # folders first, by name; then SIGs hosted elsewhere
    history: History = field(default_factory=History)  # what the checkout's Git history says
    layout: Layout = MINDSPORE  # how its repository keeps its groups
    # Errors of the files the hub shows around (a dropped byte, a file or folder left out), by file:
    # `sigsite check --community` fails on each; the hub names them on the group's page and /health/.
    faults: tuple[Problem, ...] = ()
    # The addresses it publishes: the settings' public_emails, and the groups' own that a field of
    # theirs declares public (layout.public_fields). The last wall lets these through.
    public_emails: frozenset[str] = frozenset()

    @cached_property
    def _faults_by_folder(self) -> dict[str, tuple[Problem, ...]]:
        """The faults by each folder a group's folder may be (`tsc`, `sigs/dx`): looked up, not searched."""
        found: dict[str, list[Problem]] = {}
        for fault in self.faults:
            for folder in dict.fromkeys(_folders_of(fault.file)):
                found.setdefault(folder, []).append(fault)
        return {folder: tuple(faults) for folder, faults in found.items()}

    def faults_of(self, sig: Group) -> tuple[Problem, ...]:
        """The faults in a group's own folder."""
        return self._faults_by_folder.get(sig.path, ()) if sig.folder is not None else ()

    @property
    def faults_elsewhere(self) -> tuple[Problem, ...]:
        """The faults of no group shown: the community's own files, and folders left out whole."""
        shown = {s.path for s in self.folders}
        return tuple(p for p in self.faults if not shown.intersection(_folders_of(p.file)))

    def sig(self, sig_id: str) -> Group:
        """The SIG of an id."""
        return next(s for s in self.sigs if s.id == sig_id)

    @property
    def folders(self) -> tuple[Group, ...]:
        """The SIGs that have a folder in this repository (and so pages on the hub)."""
        return tuple(s for s in self.sigs if not s.is_external)


def _folders_of(file: str) -> tuple[str, str]:
    """The two folders a group's folder may be of a file in it: `tsc`, `sigs/dx` of `sigs/dx/a.md`."""
    parts = file.split("/")
    return parts[0], "/".join(parts[:2])
