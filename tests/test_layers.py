"""Rules of the code's shape that no linter knows (issue 29): one load, and health computed from it."""

from __future__ import annotations

import ast
from pathlib import Path

SIGSITE = Path(__file__).resolve().parent.parent / "sigsite"
# What reads a file: its readers, the standard library's, and the YAML parser.
FILE_READERS = {"sigsite.reading", "sigsite.yaml_source", "sigsite.file_text", "pathlib", "io", "os", "yaml"}
FILE_CALLS = {"open", "read_text", "read_bytes", "iterdir", "glob", "rglob", "stat", "is_file", "exists"}


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text("utf-8"), str(path))


def _imports(tree: ast.Module) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_module_of_health_reads_a_file():
    offences = []
    for path in sorted((SIGSITE / "health").glob("*.py")):
        tree = _tree(path)
        offences += [f"{path.name} imports {m}" for m in sorted(_imports(tree) & FILE_READERS)]
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = (
                    node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                )
                if name in FILE_CALLS:
                    offences.append(f"{path.name}:{node.lineno} calls {name}")
    assert offences == []


def test_one_function_loads_a_community():
    """Only sigsite/load.py chains the loader, the people and the health: the build, check and
    the tests call it, so they cannot drift apart."""
    steps = {"load_community", "community_people", "assess"}
    callers = {}
    for path in sorted(SIGSITE.rglob("*.py")):
        called = {
            node.func.id
            for node in ast.walk(_tree(path))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in steps
        }
        if len(called) > 1:
            callers[str(path.relative_to(SIGSITE))] = sorted(called)
    assert callers == {"load.py": ["assess", "community_people", "load_community"]}


def test_a_sig_folder_is_read_by_the_one_load_module_and_the_hubs_loader_alone():
    """A SIG's own site and `sigsite check` read its folder through load.load_group (a community of
    one group); the hub's loader reads each group's folder the same way (load_sig)."""
    callers = sorted(
        str(path.relative_to(SIGSITE))
        for path in SIGSITE.rglob("*.py")
        if any(
            isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "load_sig"
            for node in ast.walk(_tree(path))
        )
    )
    assert callers == ["hub/loader.py", "load.py"]
