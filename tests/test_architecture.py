"""The design rules, checked as rules: the import graph of sigsite/ has no cycle."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from conftest import PROJECT

# Cycles known and owned by a change under way, each as the set of its modules; nothing else.
KNOWN_CYCLES: list[frozenset[str]] = [
    # issue 29: the lead removes it
    frozenset({"sigsite.health.consistency", "sigsite.health.disagreements"}),
]


def _module_name(path: Path, project: Path) -> str:
    """sigsite/plan/hub.py -> sigsite.plan.hub; a package's __init__.py is the package."""
    parts = path.relative_to(project).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, module: str, modules: set[str]) -> Iterator[str]:
    """The modules of sigsite/ that `module` (at `path`) imports anywhere in its text: at the top,
    under `if TYPE_CHECKING:`, in a function's body; `from a import b` counts a.b when it is a module."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package, one level up per dot beyond the first
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            if base in modules:
                yield base
            yield from (f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in modules)


def import_graph(project: Path = PROJECT, package: str = "sigsite") -> dict[str, set[str]]:
    """Module -> the modules of the package it imports (itself left out)."""
    paths = {_module_name(path, project): path for path in sorted((project / package).rglob("*.py"))}
    names = set(paths)
    return {name: set(_imports(path, name, names)) - {name} for name, path in paths.items()}


def tangles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """Each strongly connected set of more than one module: modules that import each other, directly
    or through others (Tarjan's algorithm, iterative, linear in the graph's size)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph[successor]))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(frozenset(component))
    return found


def cycle_through(graph: dict[str, set[str]], component: frozenset[str]) -> list[str]:
    """One cycle inside a strongly connected `component`, from its first module back to it
    (a breadth-first path from the first module's successors back to it)."""
    first = min(component)
    came_from: dict[str, str] = {}
    frontier = [first]
    while frontier and first not in came_from:
        following = []
        for node in frontier:
            for successor in sorted(graph[node] & component):
                if successor not in came_from:
                    came_from[successor] = node
                    following.append(successor)
        frontier = following
    path = [first]
    while (previous := came_from[path[-1]]) != first:
        path.append(previous)
    return [first, *reversed(path[1:]), first]


def test_no_module_of_sigsite_takes_part_in_an_import_cycle():
    """No cycle, counting imports under `if TYPE_CHECKING:` and in function bodies: a cycle hidden
    from the interpreter is still two modules that cannot be understood one without the other."""
    graph = import_graph()
    found = [tangle for tangle in tangles(graph) if tangle not in KNOWN_CYCLES]
    assert not found, "import cycles: " + "; ".join(
        " -> ".join(cycle_through(graph, tangle)) + f" (all of {', '.join(sorted(tangle))})"
        for tangle in found
    )


def test_the_known_cycles_are_still_there():
    """An entry of KNOWN_CYCLES that no longer holds is taken out, so the list only shrinks."""
    assert set(KNOWN_CYCLES) <= set(tangles(import_graph()))


def test_the_cycle_check_finds_a_cycle_hidden_behind_type_checking(tmp_path):
    """The check is not blind: a package whose modules import each other, one of them only for its
    types and another inside a function, is one cycle, named module by module."""
    package = tmp_path / "sigsite"
    (package / "plan").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "plan" / "__init__.py").write_text("")
    (package / "plan" / "hub.py").write_text("from sigsite.plan.directory import directory\n")
    (package / "plan" / "directory.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import links\n"
    )
    (package / "plan" / "links.py").write_text("def f():\n    from sigsite.plan import hub\n")
    (package / "alone.py").write_text("import sigsite.plan.directory\n")
    graph = import_graph(tmp_path)
    (tangle,) = tangles(graph)
    assert tangle == {"sigsite.plan.directory", "sigsite.plan.links", "sigsite.plan.hub"}
    assert cycle_through(graph, tangle) == [
        "sigsite.plan.directory",
        "sigsite.plan.links",
        "sigsite.plan.hub",
        "sigsite.plan.directory",
    ]
