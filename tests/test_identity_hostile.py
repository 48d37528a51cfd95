"""People as identities against a hostile committer (issue 30's review): what a group's files (or
the hub's people file) write as a name or an account never leads a page out of people/, never stops
the build, and never changes another group's people, leaders or addresses."""

from __future__ import annotations

import json
import os
import posixpath
from datetime import date
from pathlib import Path

import pytest
from hub_support import JUNE_2021 as JUNE_2021_EPOCH
from hub_support import build_hub, make_community
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from sigsite.accounts import ACCOUNT
from sigsite.adapters.emit import add_file
from sigsite.hub.people import CommunityPerson, page_sources, person_source
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


LONG = "Abcdefghijklmnop " * 3  # names of 4 words alike in their first 60 letters, different after


@pytest.mark.parametrize(
    "names",
    [
        ("Zoë Ab", "Zo Ab"),  # a letter the address drops
        ("李明", "黎明", "Li Ming"),  # one pinyin: merged in the group or not, never one address for two
        (LONG + "Abcdefghijklmnop1", LONG + "Abcdefghijklmnop2"),
        ("عمر", "علي"),  # no letter the address keeps
        ("3fa9c0d2e1b4", "Zoë Ab"),  # a name that spells what a digest would be
    ],
)
def test_people_named_alone_never_share_a_page(tmp_path, names):
    root = make_community(tmp_path / "community")
    _write(root, "sigs/beta/sig_members.yaml", "Members:\n" + "".join(f"- name: {n}\n" for n in names))
    loaded = load(root, LoadSettings(), JUNE_2021)
    beta = [p for p in loaded.people if any(m.sig_id == "beta" for m in p.memberships)]
    sources = [person_source(p) for p in beta]
    assert None not in sources and len(set(sources)) == len(sources), sources
    assert all(posixpath.normpath(s) == s and len(s.encode()) < 255 for s in sources)


def test_two_people_at_one_address_give_the_first_a_page_and_the_other_none():
    first, second = (CommunityPerson(key, "Ada", "ada", None, None, ()) for key in ("ada", "ada2"))
    assert page_sources([first, second]) == {"ada": "people/ada/index.md"}


HOSTILE_NAMES = (
    "<img src=x onerror=alert(1)>",
    "Eve\u202eEvil",
    "Zero\u200bWidth",
    "{{ config }}",
    "index",
    "Zoë Ab",
    "Zo Ab",
    "李明",
    "黎明",
)


@pytest.fixture(scope="module")
def hostile_hub(tmp_path_factory):
    """The fixture with approvers that are no accounts, names that lose letters in an address, and
    markup, controls and template syntax as names in a members file, a README's leads and a note."""
    root = make_community(tmp_path_factory.mktemp("community"))
    _write(root, "sigs/alpha/OWNERS", "approvers:\n  - ada\n  - '..'\n  - ../../../outside\n  - index.html\n")
    members = "Maintainers:\n" + "".join(f"- name: {json.dumps(name)}\n" for name in HOSTILE_NAMES)
    _write(root, "sigs/delta/sig_members.yaml", members)
    leads = "# Beta\n\n## SIG Leads\n\n" + "".join(f"* {name}\n" for name in HOSTILE_NAMES)
    _write(root, "sigs/beta/README.md", leads)
    site = tmp_path_factory.mktemp("hub") / "inner" / "site"
    built = build_hub(root, site, env={"SOURCE_DATE_EPOCH": JUNE_2021_EPOCH})
    return built


@pytest.mark.build
def test_a_hostile_communitys_people_build_inside_the_site_each_at_an_address_of_their_own(hostile_hub):
    assert hostile_hub.ok, hostile_hub.result.stderr
    outside = hostile_hub.site.parent
    assert sorted(p.name for p in outside.iterdir()) == ["site"]  # nothing written beside the site
    home = hostile_hub.html("index.html")
    assert home.select_one(".sig-person-page") is None  # the hub's home page is its own
    listed = json.loads((hostile_hub.site / "people.json").read_text("utf-8"))["people"]
    pages = [p["page"] for p in listed if p["page"]]
    assert len(pages) == len(set(pages))
    for page in pages:
        assert (hostile_hub.site / page.split("/sigsite/hub/", 1)[1] / "index.html").is_file()
    named = {(p["name"], p["sigs"][0]["id"]): p["page"] for p in listed}
    assert named["Zoë Ab", "delta"] != named["Zo Ab", "delta"] != named["Zoë Ab", "beta"]
    assert named["EveEvil", "delta"]  # a person, the override left out (a control character)
    assert not hostile_hub.site.joinpath("people", "index.html", "index.html").exists()
    for page in hostile_hub.site.rglob("*.html"):
        assert "<img src=x" not in page.read_text("utf-8")


def test_a_second_forges_account_never_takes_a_gitee_account_from_another_group(tmp_path):
    root = make_community(tmp_path / "community")
    claim = "name: delta\nmaintainers:\n- gitee_id: mallory\n  atomgit_id: ada\n  name: Mallory\n"
    _write(root, "sigs/delta/sig-info.yaml", claim)
    loaded = load(root, LoadSettings(), JUNE_2021)
    people = {p.key: p for p in loaded.people}
    assert [m.sig_id for m in people["ada"].memberships] == ["alpha", "tsc"]
    assert [m.sig_id for m in people["mallory"].memberships] == ["delta"]
    assert people["mallory"].other_accounts == ("ada",)  # said by its entry, of the other forge
    assert [n.key for n in loaded.community.sig("alpha").leadership.leaders] == ["ada", "bob"]


def test_a_hidden_name_bound_to_an_account_in_one_group_hides_no_one_elsewhere(tmp_path):
    root = make_community(tmp_path / "community")
    claim = "name: delta\nmaintainers:\n- gitee_id: ada\n  name: Secret Person\n"
    _write(root, "sigs/delta/sig-info.yaml", claim)
    people_file = tmp_path / "people.yaml"
    people_file.write_text("hidden:\n  - {name: Secret Person}\n  - {name: Dan Dev}\n", "utf-8")
    loaded = load(root, LoadSettings(people_file=people_file), JUNE_2021)
    people = {p.key: p for p in loaded.people}
    assert [m.sig_id for m in people["ada"].memberships] == ["alpha", "tsc"]  # delta's entry is hidden
    assert "Secret Person" not in people["ada"].spellings
    assert [n.key for n in loaded.community.sig("alpha").leadership.leaders] == ["ada", "bob"]
    assert "name:alpha:dan dev" not in people  # a person known by a hidden name alone is hidden


def test_an_address_withheld_from_a_name_leaves_no_person_named_by_the_mark(tmp_path):
    root = make_community(tmp_path / "community")
    members = "".join(
        f"- name: {name}\n"
        for name in ("ada@realmail.com", "bob@othermail.com", "Carl Coder carl@realmail.com")
    )
    _write(root, "sigs/delta/sig_members.yaml", "Maintainers:\n" + members)
    loaded = load(root, LoadSettings(), JUNE_2021)
    delta = [p for p in loaded.people if any(m.sig_id == "delta" for m in p.memberships)]
    assert sorted(p.key for p in delta) == ["name:delta:carl coder"]
    assert [n.name for n in loaded.community.sig("delta").leadership.leaders][-1].startswith("Carl Coder")


def test_one_group_writing_a_persons_name_many_times_never_renames_them_for_another_group(tmp_path):
    root = make_community(tmp_path / "community")
    flood = "Members:\n" + "- name: Mallory\n  gitee_home: https://gitee.com/ada\n" * 40
    _write(root, "sigs/delta/sig_members.yaml", flood)
    loaded = load(root, LoadSettings(), JUNE_2021)
    people = {p.key: p for p in loaded.people}
    assert people["ada"].name == "Ada Alpha"  # as more groups write it, however often one writes another
    assert "Mallory" in people["ada"].spellings
    alpha = loaded.community.sig("alpha")  # OWNERS names @ada: shown as alpha's files write them
    assert [n.name for n in alpha.leadership.leaders] == ["Ada Alpha", "Bob Both"]
    table = loaded.health.groups["alpha"].leaders
    assert "Mallory" not in [row.name for row in table.rows]
