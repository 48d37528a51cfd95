"""The design rules, checked as rules: the import graph of sigsite/ has no cycle, and only the
language data knows which languages exist and how they are written."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from conftest import PROJECT

# Cycles known and owned by a change under way, each as the set of its modules; nothing else.
KNOWN_CYCLES: list[frozenset[str]] = []


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


# What knows a language: a letter or punctuation mark of a script written without spaces (Han, kana,
# Hangul, CJK punctuation, full-width forms), or a language's code as a string.
_CJK = re.compile(
    r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]"
)
# The language data: the one place that knows which languages exist and how they are written.
LANGUAGE_DATA = {
    "sigsite/languages.py",
    "sigsite/translations.py",
    "sigsite/vocabulary.py",
    "sigsite/layout.py",
}
STILL_KNOWING = {
    # issue 29: not moved yet (wt-rules ran out of time): date and time grammar, full-width punctuation
    "sigsite/emails.py",
    "sigsite/headings.py",
    "sigsite/health/actions.py",
    "sigsite/health/attendance.py",
    "sigsite/health/cadence.py",
    "sigsite/health/sections.py",
    "sigsite/hub/readmes.py",
    "sigsite/hub/records.py",
    "sigsite/links.py",
    "sigsite/notes/checks.py",
    "sigsite/statements.py",
}


def _language_codes() -> set[str]:
    from sigsite.languages import LANGUAGES

    return {tag.lower() for lang in LANGUAGES.values() for tag in (lang.code, *lang.name_tags)}


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstring nodes of a module, its classes and functions."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _python_knowing(path: Path, codes: set[str]) -> Iterator[int]:
    """The lines of a Python file whose strings (docstrings aside) name a language or are written in one."""
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            code = re.split(r"[-_]", node.value)[0].lower() if len(node.value) <= 7 else ""
            if _CJK.search(node.value) or code in codes:
                yield node.lineno


_COMMENTS = re.compile(r"\{#.*?#\}|<!--.*?-->|/\*.*?\*/|^[ \t]*//[^\n]*", re.DOTALL | re.MULTILINE)


def _text_knowing(path: Path, codes: set[str]) -> Iterator[int]:
    """The lines of a template, script or stylesheet (comments aside) that hold a language's code in
    quotes or its characters."""
    text = path.read_text("utf-8")
    kept = _COMMENTS.sub(lambda m: "\n" * m[0].count("\n"), text)
    quoted = re.compile(rf"""["'](?:{"|".join(sorted(codes))})(?:[-_][A-Za-z]+)?["']""", re.IGNORECASE)
    for number, line in enumerate(kept.splitlines(), start=1):
        if _CJK.search(line) or quoted.search(line):
            yield number


def knowing_a_language() -> dict[str, list[int]]:
    """file -> the lines that know a specific language, outside the language data."""
    codes = _language_codes()
    found: dict[str, list[int]] = {}
    for path in sorted(PROJECT.glob("sigsite/**/*.py")):
        name = path.relative_to(PROJECT).as_posix()
        if name not in LANGUAGE_DATA and (lines := sorted(set(_python_knowing(path, codes)))):
            found[name] = lines
    others = [*PROJECT.glob("sigsite/**/*.html"), *PROJECT.glob("overrides/**/*.html")]
    others += [*PROJECT.glob("sigsite/assets/**/*.js"), *PROJECT.glob("sigsite/assets/**/*.css")]
    for path in sorted(others):
        if lines := list(_text_knowing(path, codes)):
            found[path.relative_to(PROJECT).as_posix()] = lines
    return found


def test_only_the_language_data_knows_which_languages_exist_and_how_they_are_written():
    """A third language is one entry in languages.py (its words in vocabulary.py, its labels in
    translations.py): no reader, template or script names a language or holds its words."""
    found = {name: lines for name, lines in knowing_a_language().items() if name not in STILL_KNOWING}
    assert not found, "knows a language: " + ", ".join(
        f"{name}:{line}" for name, lines in found.items() for line in lines
    )


def test_the_scan_finds_a_language_in_a_template_a_script_and_a_reader(tmp_path):
    """The scan is not blind: a code in quotes, a word in Chinese, outside comments and docstrings."""
    codes = {"en", "zh"}
    script = tmp_path / "a.js"
    script.write_text(
        '// "zh" in a comment\nvar chinese = lang.indexOf("zh") === 0;\n/* 您的 */ var a = 1;\n'
    )
    template = tmp_path / "a.html"
    template.write_text('{# 注释 #}\n<p>{% if locale == "zh-CN" %}您的时间{% endif %}</p>\n')
    reader = tmp_path / "a.py"
    reader.write_text('"""会议 in a docstring."""\nWORDS = ("meeting", "会议")\nif code == "en":\n    pass\n')
    assert list(_text_knowing(script, codes)) == [2]
    assert list(_text_knowing(template, codes)) == [2]
    assert list(_python_knowing(reader, codes)) == [2, 3]


def test_a_third_language_is_read_as_soon_as_its_words_are_data():
    """A language added to the data (here a made-up one, before the readers are imported) has its
    words found by every reader built from it: sections, attendance, actions, records, templates,
    READMEs' titles, channels, rhythms, topics and a record's time."""
    script = """
import sigsite.languages as languages
from sigsite.vocabulary import Vocabulary
words = Vocabulary(
    note_sections={"agenda": ("qqagenda",)},
    attendance_headings=("qqpresent",),
    action_headings=("qqtodo",),
    not_an_action=("qqnone",),
    not_a_name=("qqnobody",),
    list_goes_on=("qqetc",),
    organisation_words=("qqcollege",),
    record_words=("qqsession",),
    template_words=("qqtemplate",),
    readme_section_titles=("qqoverview",),
    channel_names={"wechat": ("qqchat",)},
    group_words=("qqgroup",),
    frequency_words={"biweekly": ("qqfortnight",)},
    topic_markers=("qqtopic:",),
    sentence_ends=("‽",),
    time_labels=("qqwhen",),
)
languages.LANGUAGES["qq"] = languages.Language("qq", "full", ("README.qq.md",), words=words)
from sigsite.channels import channels_named
from sigsite.health import actions, attendance
from sigsite.hub import readmes, records
from sigsite.model import section_key
assert section_key("QQAgenda") == "agenda"
assert "qqpresent" in attendance.ATTENDANCE_NAMES and "qqnobody" in attendance._NOT_A_NAME
assert "qqtodo" in actions.ACTION_NAMES and "qqnone" in actions._NOT_AN_ACTION
assert attendance._without_etc("Li Lei qqetc") == ("Li Lei", True)
assert attendance._ORGANISATION_WORDS.search("Big QQCollege")
assert records.RECORD_WORDS.search("2021/QQSession.md") and records.TEMPLATE.search("sig-qqtemplate.md")
assert "qqoverview" in readmes.SECTION_TITLES
assert channels_named(["join our qqchat", "or the QQ qqgroup"]) == ("wechat", "qq")
from sigsite.health.cadence import frequencies_in
from sigsite import summaries
from sigsite.hub import meeting_times
assert frequencies_in("we meet qqfortnight") == {"biweekly"}
assert summaries._TOPIC.search("qqtopic: x") and "‽" in summaries._ALL_ENDS
assert meeting_times._LABEL.match("qqwhen: 16:00")
print("read")
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=PROJECT, capture_output=True, text=True)
    assert result.stdout.strip() == "read", result.stderr
