"""The code stays ruff clean, and its types check: strictly on the core, plainly on the adapters."""

from __future__ import annotations

import subprocess
import sys

from conftest import PROJECT


def test_ruff_is_clean():
    """ruff from the interpreter that runs the tests (the README's command puts no venv on PATH):
    installed with the test extra, so its absence is a failure, never a skip."""
    for command in (["check", "sigsite", "tests"], ["format", "--check", "sigsite", "tests"]):
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *command], cwd=PROJECT, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr


MYPY = [sys.executable, "-m", "mypy", "--no-incremental"]


def test_the_code_type_checks_strictly_as_pyproject_says():
    """`mypy` with pyproject.toml's settings: strict, relaxed only where the adapters meet MkDocs."""
    result = subprocess.run([*MYPY], cwd=PROJECT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def _imported_modules(skip: set[str]):
    """(file, names of the modules it imports) for each Python file under sigsite/ but `skip`."""
    import ast

    for path in sorted((PROJECT / "sigsite").rglob("*.py")):
        if path.relative_to(PROJECT / "sigsite").parts[0] in skip:
            continue
        names: list[str] = []
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names.append(node.module or "")
        yield path, names


def test_the_core_imports_nothing_from_mkdocs():
    """Only sigsite/adapters/ knows MkDocs: the core would serve another generator unchanged."""
    for path, names in _imported_modules({"adapters"}):
        assert not [n for n in names if n.split(".")[0] in {"mkdocs", "material", "mkdocs_static_i18n"}], path
        assert not [n for n in names if n.startswith("sigsite.adapters")], path


def test_only_the_templates_know_jinja():
    """Outputs, checks and `new-meeting` take their wording from plain modules, not from templates;
    the blocks rendered with them are put on pages by the site plan."""
    for path, names in _imported_modules({"adapters", "render", "plan"}):
        assert not [n for n in names if n.split(".")[0] in {"jinja2", "markupsafe"}], path
        assert not [n for n in names if n.startswith("sigsite.render")], path


def test_the_readme_layout_names_every_module_and_only_modules_that_exist():
    """The README's Layout is the next maintainer's map: each module of sigsite/ is on it, and
    nothing it names is gone."""
    import re

    readme = (PROJECT / "README.md").read_text("utf-8")
    layout = readme.split("## Layout", 1)[1].split("```")[1]
    package = PROJECT / "sigsite"
    modules = {
        path.relative_to(package)
        for path in package.rglob("*.py")
        if path.name not in {"__init__.py", "__main__.py"} and "__pycache__" not in path.parts
    }
    for module in modules:
        top = module.parts[0]
        assert re.search(rf"^  {re.escape(top)}/?\s", layout, re.M), f"{top} is not on the README's Layout"
        assert re.search(rf"\b{re.escape(module.name)}\b", layout), f"{module} is not on the README's Layout"
    named = set(re.findall(r"\b(\w+\.py)\b", layout)) - {"__init__.py"}
    existing = {path.name for path in package.rglob("*.py")} | {
        path.name for path in (PROJECT / "tests").glob("*.py")
    }
    assert named <= existing, sorted(named - existing)
