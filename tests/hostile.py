"""Trying hostile input: a project with extra (or linked) files, the refusal it must meet, and the
check that a built site carries no foreign script, theme id or unsafe address."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from conftest import build, check_report, make_project

from sigsite.cli import main as cli_main

THEME_IDS = ("__config", "__search", "__drawer", "__palette_0", "__consent")
ADDRESS_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href")


def project_with(
    tmp_path: Path, files: dict[str, str | bytes], *, symlinks: dict[str, str] | None = None
) -> Path:
    project = make_project(tmp_path / "project")
    for name, content in files.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    for name, target in (symlinks or {}).items():
        link = project / name
        link.parent.mkdir(parents=True, exist_ok=True)
        if link.is_dir():
            shutil.rmtree(link)
        link.unlink(missing_ok=True)
        link.symlink_to(target)
    return project


def assert_refused(project: Path, expected: str) -> None:
    """`sigsite check` (run in-process: fast) exits 1 with `expected` and no traceback. The build
    reads the project with the same loader and stops with the same messages: `assert_build_refuses`
    proves it on one case of each kind."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli_main(["check", str(project)])
    output = out.getvalue() + err.getvalue()
    assert status == 1, output[-3000:]
    assert expected in output, output[-3000:]
    assert "Traceback" not in output


def assert_build_refuses(project: Path, expected: str) -> None:
    """The build fails and `sigsite check` (a process of its own, as in CI) exits 1, both with
    `expected`, neither with a traceback."""
    result = build(project)
    output = result.result.stdout + result.result.stderr
    assert not result.ok, "the build published a hostile file"
    assert expected in output, output[-3000:]
    assert "Traceback" not in output
    status, report = check_report(project)
    assert status == 1
    assert any(expected in _formatted(p) for p in report["problems"]), report


def _formatted(problem: dict) -> str:
    where = problem["file"] + (f":{problem['line']}" if problem["line"] else "")
    where += f":{problem['column']}" if problem["line"] and problem["column"] else ""
    text = f"{where}: {problem['severity']}: {problem['message']}"
    return f"{text} ({problem['fix']})" if problem["fix"] else text


def safe_address(value: str) -> bool:
    """http(s), mailto, webcal (the calendar), or a path on the site with no scheme."""
    value = value.strip()
    scheme = urlsplit(value).scheme.lower()
    if scheme in {"http", "https", "mailto", "webcal"}:
        return True
    return not scheme and not value.startswith("//") and ":" not in value.split("/", 1)[0]


def assert_harmless(site: Path) -> None:
    """No built file runs script the site did not write, takes a theme id, or links unsafely."""
    for path in site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text("utf-8"), "lxml")
        for tag in soup.find_all(True):
            handlers = [name for name in tag.attrs if name.lower().startswith("on")]
            assert not handlers, f"{path}: <{tag.name} {handlers}>"
            for attribute in ADDRESS_ATTRIBUTES:
                if tag.has_attr(attribute):
                    assert safe_address(tag[attribute]), f"{path}: {attribute}={tag[attribute]!r}"
        for theme_id in THEME_IDS:
            assert len(soup.select(f"[id='{theme_id}']")) <= 1, f"{path}: two elements take #{theme_id}"
        config = soup.select_one("#__config")
        if config is not None:
            assert config.name == "script" and config.get("type") == "application/json", path
        for script in soup.find_all("script"):
            assert "alert" not in script.get_text(), path
        article = soup.select_one("article")
        for element in article.select("[id]") if article else []:
            assert not element["id"].startswith("__"), f"{path}: #{element['id']}"
