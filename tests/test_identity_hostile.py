"""People as identities against a hostile committer (issue 30's review): what a group's files (or
the hub's people file) write as a name or an account never leads a page out of people/, never stops
the build, and never changes another group's people, leaders or addresses."""

from __future__ import annotations

import os
import posixpath
from datetime import date
from pathlib import Path

import pytest
from hub_support import make_community
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from sigsite.accounts import ACCOUNT
from sigsite.adapters.emit import add_file
from sigsite.hub.people import CommunityPerson, person_source
from sigsite.identity.decisions import Decisions, read_decisions
from sigsite.load import LoadSettings, load
from sigsite.problems import Problems

JUNE_2021 = date(2021, 6, 1)


def _write(root: Path, relative: str, text: str) -> None:
    (root / relative).parent.mkdir(parents=True, exist_ok=True)
    (root / relative).write_text(text, "utf-8")


@pytest.mark.parametrize("account", ["..", "../../../evil", "a/b", "<b>x</b>", "x\u202ey", ".", "-x"])
def test_an_approver_or_maintainer_that_is_no_account_gets_no_page_and_no_link(tmp_path, account):
    root = make_community(tmp_path / "community")
    _write(root, "sigs/alpha/OWNERS", f"approvers:\n  - ada\n  - {account!r}\n")
    info = (root / "sigs/alpha/sig-info.yaml").read_text("utf-8")
    _write(root, "sigs/alpha/sig-info.yaml", info.replace("- gitee_id: ''", f"- gitee_id: {account!r}"))
    loaded = load(root, LoadSettings(), JUNE_2021)
    sources = [person_source(p) for p in loaded.people]
    assert all(s is None or (s.startswith("people/") and posixpath.normpath(s) == s) for s in sources)
    assert all(p.gitee_id is None or ACCOUNT.fullmatch(p.gitee_id) for p in loaded.people)
    assert any(p.file == "sigs/alpha/OWNERS" and p.line == 3 for p in loaded.problems.warnings)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("same:\n  - {account: ../../x, name: Dan Dev}\n", "hub/people.yaml:2: error: '../../x' is not"),
        ("same:\n  - {account: [a, b], name: Dan Dev}\n", "hub/people.yaml:2: error: 'account' is not"),
        ("different:\n  - {account: ada, name: {a: b}}\n", "hub/people.yaml:2: error: 'name' is not"),
        (
            "same:\n  - {account: ada, name: Dan Dev, group: [alpha]}\n",
            "hub/people.yaml:2: error: 'group' is",
        ),
        ("hidden:\n  - {account: a/b}\n", "hub/people.yaml:2: error: 'a/b' is not"),
        ("organisations:\n  same:\n    - [SJTU, {a: b}]\n", "hub/people.yaml:3: error: list two names"),
        ("organisations:\n  same:\n    - [SJTU, [a, [b]]]\n", "hub/people.yaml:3: error: list two names"),
        ("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", "hub/people.yaml:2:8: error: an alias"),
        ("same:\n" + "  - " + "[" * 200 + "]" * 200 + "\n", "hub/people.yaml:"),
    ],
)
def test_a_hostile_people_file_is_an_error_at_its_line_and_decides_nothing(tmp_path, text, said):
    path = tmp_path / "people.yaml"
    path.write_text(text, "utf-8")
    problems = Problems()
    decisions = read_decisions(path, "hub/people.yaml", problems)
    assert any(p.format().startswith(said) for p in problems.errors), [p.format() for p in problems.items]
    assert not decisions.same and not decisions.different and not decisions.hidden_accounts
    assert not decisions.organisations_same


@pytest.mark.parametrize("kind", ["folder", "fifo", "link to a folder"])
def test_something_else_than_a_file_in_the_people_files_place_is_an_error(tmp_path, kind):
    path = tmp_path / "people.yaml"
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        (tmp_path / "elsewhere").mkdir()
        path.symlink_to(tmp_path / "elsewhere")
    problems = Problems()
    assert read_decisions(path, "hub/people.yaml", problems) == Decisions(path="hub/people.yaml")
    assert [p.file for p in problems.errors] == ["hub/people.yaml"]


@pytest.mark.parametrize("src_uri", ["people/../index.md", "../evil/index.md", "/etc/x.md", "a\\..\\b.md"])
def test_no_generated_file_climbs_out_of_its_place(tmp_path, src_uri):
    file = File(src_uri, src_dir=None, dest_dir=str(tmp_path / "site"), use_directory_urls=True)
    with pytest.raises(PluginError, match="is no path inside the site"):
        add_file(Files([]), file)


def test_a_person_whose_account_is_no_folder_name_has_no_page():
    for account in ("../x", "a/b", "index.html", "INDEX.html"):
        person = CommunityPerson(account, "X", account, None, None, ())
        assert person.has_page and person_source(person) is None
