"""openEuler's community on the hub (issue 32): the second layout of the family, read from a small
fixture of its shape (tests/fixtures/openeuler) and from the real sample in ../shared/openeuler."""

from __future__ import annotations

import os
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT
from costs import cost

from sigsite.hub import repository_files
from sigsite.hub.owners import read_owners
from sigsite.hub.repository_files import MAX_REPORTED_FILES, MAX_REPORTED_PROBLEMS, read_repository_files
from sigsite.languages import detect_language
from sigsite.layout import MINDSPORE, OPENEULER, detect_layout, layout_named
from sigsite.load import Loaded, LoadSettings, load
from sigsite.members import PeopleBuilder, read_sig_info
from sigsite.model import Group, Person, Repository
from sigsite.problems import Problems, Severity
from sigsite.render.blocks import render_repositories
from sigsite.statements import readme_statements

FIXTURE = PROJECT / "tests" / "fixtures" / "openeuler"
SAMPLE = PROJECT.parent / "shared" / "openeuler"
TODAY = date(2026, 12, 6)
requires_sample = pytest.mark.skipif(not SAMPLE.is_dir(), reason="../shared/openeuler is absent")


def _loaded(root: Path) -> Loaded:
    return load(root, LoadSettings(), TODAY, layout=OPENEULER)


@pytest.fixture(scope="module")
def fixture_loaded(tmp_path_factory: pytest.TempPathFactory) -> Loaded:
    root = tmp_path_factory.mktemp("openeuler") / "community"
    shutil.copytree(FIXTURE, root)
    return _loaded(root)


def test_the_layout_is_found_from_the_checkout_and_by_its_name():
    assert detect_layout(FIXTURE) is OPENEULER
    assert layout_named("openEuler") is OPENEULER
    assert detect_layout(PROJECT / "tests" / "fixtures" / "community") is MINDSPORE


def test_every_sig_and_archived_sig_is_a_group_and_the_template_is_none(fixture_loaded):
    community = fixture_loaded.community
    assert {s.id: (s.kind, s.path) for s in community.sigs} == {
        "alpha": ("sig", "sig/Alpha"),
        "beta": ("sig", "sig/Beta"),
        "gamma": ("sig", "sig/Gamma"),
        # An archived SIG's id never is an active one's, even for a folder of the same name.
        "archived-alpha": ("archived", "archived_sigs/Alpha"),
        "archived-sig-old": ("archived", "archived_sigs/sig-Old"),
    }
    assert community.layout.is_archived("archived") and not community.layout.is_archived("sig")
    assert not any("sig-template" in p.file for p in fixture_loaded.problems.items)


def test_a_readme_of_no_stated_language_takes_the_one_no_other_readme_takes(fixture_loaded):
    community = fixture_loaded.community
    languages = {s.id: {r.language: r.path for r in s.readmes} for s in community.folders}
    assert languages["alpha"] == {"en": "sig/Alpha/README.md"}  # the only one: its text says English
    assert languages["beta"] == {"en": "sig/Beta/README-en.md", "zh": "sig/Beta/README.md"}
    assert languages["gamma"] == {"en": "sig/Gamma/README.md", "zh": "sig/Gamma/README_cn.md"}


def test_a_chinese_readme_is_chinese_however_many_addresses_and_accounts_it_lists():
    """A-Tune's README: Chinese prose, and its maintainers' accounts and repositories' addresses,
    whose Latin words outnumber its Chinese characters; its sentences decide."""
    maintainers = "".join(
        f"- Name{n} Chen[@acct{n}](https://gitee.com/acct{n}) [e-mail hidden]\n" for n in range(5)
    )
    repositories = "".join(f"- https://gitee.com/src-openeuler/python-module-{n}\n" for n in range(30))
    readme = (
        "# A-Tune\n\n### 工作目标和范围\n\n- 调优领域相关技术探索\n- AI辅助性能分析\n\n"
        f"# 成员\n\n{maintainers}\n# 联系方式\n\n- 邮件列表: a-tune@openeuler.org\n\n"
        f"# 项目清单\n\nrepository地址：\n\n{repositories}"
    )
    assert detect_language(readme) == "zh"
    english = "# Alpha\n\nThe Alpha SIG tunes systems (调优). See https://gitee.com/a/b.\n"
    assert detect_language(english) == "en"


def test_repositories_come_from_sig_info_and_from_their_own_files(fixture_loaded):
    alpha = fixture_loaded.community.sig("alpha")
    people = {p.key: p.name for p in alpha.people}
    shown = [
        (
            r.name,
            r.description,
            r.listed,
            [people[k] for k in r.admins],
            [people[k] for k in r.committers],
        )
        for r in alpha.repositories
    ]
    assert shown == [
        ("openeuler/alpha-tool", "A tool that tunes the system", True, ["Chen Yu"], ["Dee Zhang", "Wang Bo"]),
        (
            "src-openeuler/alpha-tool",
            "Package of alpha-tool: tunes the system",
            True,
            ["Chen Yu"],
            ["Dee Zhang", "Wang Bo"],
        ),
        ("src-openeuler/python-alpha", "Python bindings for alpha-tool", False, [], []),
    ]
    assert [r.url for r in alpha.repositories][-1] == "https://gitee.com/src-openeuler/python-alpha"
    old = fixture_loaded.community.sig("archived-sig-old")
    assert [(r.name, r.listed) for r in old.repositories] == [("openeuler/old-pm", True)]


def test_maintainers_come_from_owners_first_and_everyone_is_one_person_across_sigs(fixture_loaded):
    alpha = fixture_loaded.community.sig("alpha")
    assert alpha.leadership is not None and alpha.leadership.source == "sig/Alpha/OWNERS"
    assert alpha.maintainers == ("Ann Lee", "Wang Bo", "@eve-owner")
    by_key = {p.key: p for p in fixture_loaded.people}
    ann = by_key["ann-gitee"]
    assert ann.other_accounts == ("ann1",)  # AtomGit: a second account, never another person
    assert {(m.sig_id, r) for m in ann.memberships for r in m.roles} >= {
        ("alpha", "Maintainer"),
        ("beta", "Committer"),
        ("archived-sig-old", "Maintainer"),
    }
    # The account is the key, whatever its case: `dee` commits to Alpha, `Dee` maintains Beta.
    dee = by_key["dee"]
    assert {(m.sig_id, r) for m in dee.memberships for r in m.roles} >= {
        ("alpha", "Committer"),
        ("beta", "Maintainer"),
    }
    assert set(dee.other_accounts) == {"dee2", "dee-other"}
    assert {(m.sig_id, r) for m in by_key["cy-admin"].memberships for r in m.roles} == {("alpha", "Admin")}
    # The SIG's own lists of openEuler's format: security contacts, and committers of no repository.
    assert [r for m in by_key["sec-hana"].memberships for r in m.roles] == ["Security contact"]
    assert [r for m in by_key["ivo"].memberships for r in m.roles] == ["Committer"]
    assert "ann1" not in by_key and "dee2" not in by_key


def test_a_readme_line_names_its_person_by_the_account_after_the_name(fixture_loaded):
    """`张迪@Dee` (an account written straight after a name in another script) and `Ann Lee[@ann-gitee](…)`
    name those accounts: the README's maintainers are the sig-info's, not people of their own."""
    findings = fixture_loaded.health.groups["beta"].findings
    assert not [f for f in findings if "张迪" in f.message]
    alpha_findings = fixture_loaded.health.groups["alpha"].findings
    assert not [f for f in alpha_findings if "Ann Lee" in f.message and "README" in f.message]


def test_mailing_lists_are_public_and_personal_addresses_are_not(fixture_loaded):
    community = fixture_loaded.community
    assert {"alpha@openeuler.org", "beta@openeuler.org"} <= community.public_emails
    assert "template@openeuler.org" not in community.public_emails  # the template is no group
    assert not {a for a in community.public_emails if not a.endswith("@openeuler.org")}
    minutes = [c for c in community.sig("alpha").contacts if c.kind == "meeting_pad"]
    assert [c.address for c in minutes] == ["https://etherpad.openeuler.org/p/Alpha-meetings"]
    readme = community.sig("alpha").readme("en")
    assert readme is not None and "12345678@qq.com" not in readme.text


def test_repository_files_refuse_links_and_report_a_bounded_number_of_bad_files(tmp_path):
    folder = tmp_path / "Big"
    owner = folder / "src-openeuler" / "p"
    owner.mkdir(parents=True)
    for index in range(MAX_REPORTED_FILES + 5):
        (owner / f"pkg{index}.yaml").write_bytes(b"description: [unclosed\n")
    (owner / "good.yaml").write_text("name: good\ndescription: 'fine, quoted'\n", "utf-8")
    (owner / "linked.yaml").symlink_to(owner / "good.yaml")
    (owner / "bad name!.yaml").write_text("description: x\n", "utf-8")
    (owner / "notes.txt").write_text("not a repository\n", "utf-8")
    problems = Problems()
    found = read_repository_files(folder, "sig/Big", ("openeuler", "src-openeuler"), frozenset(), problems)
    names = [r.name for r in found]
    assert "src-openeuler/good" in names and "src-openeuler/linked" not in names
    assert "src-openeuler/bad name!" not in names and len(names) == MAX_REPORTED_FILES + 6
    assert {r.description for r in found if r.name.startswith("src-openeuler/pkg")} == {""}
    assert [r.description for r in found if r.name == "src-openeuler/good"] == ["fine, quoted"]
    reported = {p.file for p in problems.items}
    assert len(reported) <= MAX_REPORTED_FILES + 1  # the first files' problems, and one count of the rest
    assert any("more problems of repository files" in p.message for p in problems.items)
    assert any(
        p.file.endswith("linked.yaml") and "symbolic link" in p.message for p in problems.items
    ) or any("more problems of repository files" in p.message for p in problems.items)


def test_a_repository_file_is_read_in_linear_time(tmp_path):
    """A description line of a megabyte and a hundred thousand continuation lines: one pass each."""

    folder = tmp_path / "Big"
    owner = folder / "openeuler" / "x"
    owner.mkdir(parents=True)
    (owner / "long.yaml").write_text("description: " + "a " * 500_000 + "\n", "utf-8")
    (owner / "lines.yaml").write_text("description: >\n" + "  b\n" * 100_000 + "name: x\n", "utf-8")
    (owner / "blanks.yaml").write_text("description:" + " " * 100_000 + "\n" * 100_000, "utf-8")
    seconds, found = cost(
        lambda: read_repository_files(folder, "sig/Big", ("openeuler",), frozenset(), Problems()), 5
    )
    assert seconds < 5
    assert len(found) == 3 and all(len(r.description) <= 300 for r in found)


@requires_sample
def test_the_sample_of_the_real_repository_reads_as_its_files_say(tmp_path):
    root = tmp_path / "openeuler"
    shutil.copytree(SAMPLE, root, symlinks=True)
    loaded = _loaded(root)
    community = loaded.community
    assert {s.id: s.kind for s in community.sigs} == {
        "a-tune": "sig",
        "kernel": "sig",
        "tc": "sig",
        "archived-sig-backup": "archived",
    }
    tc = community.sig("tc")
    assert {r.language: r.path for r in tc.readmes} == {"en": "sig/TC/README-en.md", "zh": "sig/TC/README.md"}
    assert {r.language for r in community.sig("kernel").readmes} == {"zh"}
    assert {r.language for r in community.sig("a-tune").readmes} == {"zh"}  # however many addresses
    kernel = community.sig("kernel")
    assert len(kernel.repositories) >= 19 and all(
        r.url.startswith("https://gitee.com/") for r in kernel.repositories
    )
    assert next(r for r in kernel.repositories if r.name == "openeuler/kernel").admins
    # Xie XiuQi: kernel maintainer and admin, TC member, 谢秀奇 in Kernel's README; one person.
    xie = {p.key: p for p in loaded.people}["xiexiuqi"]
    assert {m.sig_id for m in xie.memberships} >= {"kernel", "tc"}
    assert "oekernel" in xie.other_accounts and "谢秀奇" in xie.spellings
    # A-Tune's README links a maintainer's account under another's text: the link is the account.
    a_tune = loaded.health.groups["a-tune"].findings
    assert not [f for f in a_tune if "Vchanger" in f.message or "chendh6" in f.message]
    public = community.public_emails
    assert {"a-tune@openeuler.org", "kernel@openeuler.org", "tc@openeuler.org"} <= public
    assert all(a.endswith("@openeuler.org") for a in public)


def _described(tmp_path: Path, text: str) -> tuple[str, Problems]:
    """The description a repository file of `text` gives, and what reading it reported."""
    owner = tmp_path / "Big" / "openeuler" / "x"
    owner.mkdir(parents=True)
    (owner / "tool.yaml").write_text(text, "utf-8")
    problems = Problems()
    found = read_repository_files(tmp_path / "Big", "sig/Big", ("openeuler",), frozenset(), problems)
    assert [r.name for r in found] == ["openeuler/tool"]  # listed, whatever its description
    return found[0].description, problems


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # aliases: nine levels of nine would be 9**9 strings once written out
        (
            "description:\n  - &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            + "".join(f"  - &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)),
            "alias",
        ),
        ("description: &a [*a]\n", "alias"),  # a list that holds itself
        ("description: !!set {b, a, c}\n", "!!set"),  # str() of a set: in no fixed order
        ("description: !!binary aGVsbG8=\n", "!!binary"),
        ("description: !!python/object/apply:os.system [id]\n", "tag of its own"),
        ("description: [a, list]\n", "not text"),
        ("description: {a: mapping}\n", "not text"),
        ("description: yes\n", "not text"),  # YAML 1.1's true, not the word
    ],
)
def test_a_description_that_is_no_text_is_left_out_with_its_problem(tmp_path, text, said):
    seconds, (description, problems) = cost(lambda: _described(tmp_path, text), 2)
    assert seconds < 2
    assert description == ""
    assert [p.line for p in problems.items if said in p.message], problems.items


def test_a_description_is_shown_without_the_control_characters_its_escapes_write(tmp_path):
    description, problems = _described(tmp_path, 'description: "red \\x1b[31m, nul \\x00, end"\n')
    assert description == "red [31m, nul , end"
    assert [p.severity for p in problems.items if "control character" in p.message] == [Severity.ERROR]


def test_a_description_is_read_as_its_file_writes_it(tmp_path):
    description, problems = _described(tmp_path, "name: tool\ndescription: >-\n  Tunes the\n  system\n")
    assert description == "Tunes the system" and not problems.items
    assert _described(tmp_path / "n", "description: 42\n")[0] == "42"


def test_names_of_repository_files_that_cannot_be_published_are_reported_a_bounded_number_of_times(tmp_path):
    """A thousand files named with an address (each shown masked, all as one path) or a control
    character: the first files' errors, and one that counts the rest, as for every other problem
    of these files."""
    owner = tmp_path / "Big" / "src-openeuler" / "p"
    owner.mkdir(parents=True)
    for index in range(500):
        (owner / f"a{index}@corp-mail.cn.yaml").write_text("description: x\n", "utf-8")
        (owner / f"c{index}\x1b.yaml").write_text("description: x\n", "utf-8")
    (tmp_path / "Big" / "openeuler").write_text("a file where the folder belongs\n", "utf-8")
    problems = Problems()
    found = read_repository_files(
        tmp_path / "Big", "sig/Big", ("openeuler", "src-openeuler"), frozenset(), problems
    )
    assert found == ()
    assert len(problems.items) <= MAX_REPORTED_PROBLEMS + 1
    counted = [p for p in problems.items if "more problems of repository files" in p.message]
    assert [(p.severity, p.message.split()[0]) for p in counted] == [
        (Severity.ERROR, str(1001 - len(problems.items) + 1))
    ]
    assert [p.file for p in problems.items if "is a file" in p.message] == ["sig/Big/openeuler"]


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("  repo_admin: someone\n", "'repositories' > entry 1 > 'repo_admin' must be a list"),
        ("  repo_admin: {gitee_id: someone}\n", "'repositories' > entry 1 > 'repo_admin' must be a list"),
        ("  repo_admin:\n  - gitee_id: someone\n    atomgit_id: [a, b]\n", "'atomgit_id' must be"),
    ],
)
def test_a_repository_admin_written_as_no_list_of_people_is_an_error(tmp_path, written, said):
    """Not a person silently lost: `repo_admin` is a list of people, as committers are."""
    info = tmp_path / "sig-info.yaml"
    info.write_text("name: X\nrepositories:\n- repo: openeuler/x\n" + written, "utf-8")
    problems = Problems()
    read_sig_info(info, "sig/X/sig-info.yaml", PeopleBuilder(problems))
    assert [p.severity for p in problems.items if said in p.message] == [Severity.ERROR], problems.items


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("approvers:\n- ann\nmaintainers:\n- bob\n", (3, "maintainers is not read: approvers names")),
        ("maintainers:\n  ann: bob\n", (1, "maintainers must be a list of accounts")),
        ("approvers: ann\n", (1, "approvers must be a list of accounts")),
    ],
)
def test_owners_leaders_that_are_not_read_are_said_so(tmp_path, written, said):
    """OWNERS with both keys (only the first is read), or its leaders as one name or a mapping
    (nobody): a warning at the key, never silence."""
    (tmp_path / "OWNERS").write_text(written, "utf-8")
    problems = Problems()
    read_owners(tmp_path, "sig/X", problems)
    line, message = said
    assert [(p.file, p.line) for p in problems.items if message in p.message] == [("sig/X/OWNERS", line)]


def test_an_active_sig_named_as_an_archived_one_never_takes_its_id(tmp_path):
    """`archived-…` is an archived SIG's id: an active folder `sig/archived-alpha` keeps its address
    and is known by another id; archived_sigs/Alpha keeps its own, whatever folder is added."""
    root = tmp_path / "community"
    shutil.copytree(FIXTURE, root)
    squatter = root / "sig" / "archived-alpha"
    squatter.mkdir()
    (squatter / "sig-info.yaml").write_text("name: Squatter\nmailing_list: sq@openeuler.org\n", "utf-8")
    loaded = _loaded(root)
    ids = {s.path: s.id for s in loaded.community.sigs}
    assert ids["archived_sigs/Alpha"] == "archived-alpha"
    assert ids["sig/archived-alpha"] == "sig-archived-alpha"
    assert [
        p.file for p in loaded.problems.items if "also the id of a group of another kind" in p.message
    ] == ["sig/archived-alpha"]
    assert loaded.community.sig("sig-archived-alpha").prefix == "sig/archived-alpha/"


def test_a_domain_after_a_name_is_no_account(tmp_path):
    """`张三@qq.com` (a name, then an address's domain) names no Gitee account `qq.com`, whose page
    the hub would make; `张双民@tsingzsm` still names tsingzsm."""
    text = "# X SIG\n\n## Maintainers\n\n- 张三@qq.com\n- 李四@mail.huawei.com\n- 张双民@tsingzsm\n"
    (statement,) = readme_statements("sig/X/README.md", text)
    assert [(leader.account, leader.name) for leader in statement.leaders] == [("tsingzsm", "张双民")]


def test_a_readme_line_naming_two_people_is_no_one_account(tmp_path):
    """`Ann Lee[@ann](…), Bob Wu @bob` names two people: neither is the line's account, and Ann is
    never spelled "Ann Lee, Bob Wu"; a link's own text (`[@gaoruoshu](…/znzjugod)`) is the link's."""
    text = (
        "# X SIG\n\n## Maintainers\n\n"
        "- Ann Lee[@ann](https://gitee.com/ann), Bob Wu @bob\n"
        "- Nan Zhang[@gaoruoshu](https://gitee.com/znzjugod)\n"
        "- Cat Li @cat[@cat](https://gitee.com/cat)\n"
    )
    (statement,) = readme_statements("sig/X/README.md", text)
    assert [(leader.account, leader.name) for leader in statement.leaders] == [
        (None, "Ann Lee, Bob Wu"),
        ("znzjugod", "Nan Zhang"),
        ("cat", "Cat Li"),
    ]


def test_repository_files_too_deep_for_the_system_to_open_are_errors_not_a_crash(tmp_path, monkeypatch):
    """Folders nested past the system's longest path (4,096 bytes on Linux): each file there is left
    out with an error, and the group's other repositories are read."""
    owner = tmp_path / "Big" / "src-openeuler"
    (owner / "a").mkdir(parents=True)
    (owner / "a" / "fine.yaml").write_text("description: fine\n", "utf-8")
    monkeypatch.chdir(owner)
    for _ in range(150):  # made a folder at a time: the whole path is too long for one call
        os.mkdir("d" * 30)
        os.chdir("d" * 30)
    Path("deep.yaml").write_text("description: deep\n", "utf-8")
    Path("x" * 200 + ".yaml").write_text("description: long\n", "utf-8")
    os.chdir(owner)
    for _ in range(126):  # the folder opens, the file's path is too long
        os.chdir("d" * 30)
    Path("y" * 250 + ".yaml").write_text("description: the file's path alone is too long\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    problems = Problems()
    found = read_repository_files(tmp_path / "Big", "sig/Big", ("src-openeuler",), frozenset(), problems)
    assert [r.name for r in found] == ["src-openeuler/fine"]
    assert problems.items and all(p.severity is Severity.ERROR for p in problems.items)
    assert all("File name too long" in p.message for p in problems.items), problems.items
    assert any(p.file.endswith("y.yaml") for p in problems.items)


def _shared_people_page(count: int) -> str:
    """The Repositories page of a group whose one sig-info entry lists `count` repositories and
    `count` committers: every repository is looked after by all of them."""
    people = tuple(
        Person(key=f"c{i}", name=f"Committer Number {i}", roles=("Committer",)) for i in range(count)
    )
    repositories = tuple(
        Repository(
            f"openeuler/r{i}", f"https://gitee.com/openeuler/r{i}", committers=tuple(p.key for p in people)
        )
        for i in range(count)
    )
    return render_repositories(Group(people=people, repositories=repositories))


def test_a_repositories_page_grows_with_its_files_not_with_repositories_times_people():
    """A few kilobytes of sig-info.yaml (one entry of 400 repositories and 400 committers) made a
    page naming 160,000 people; each entry's people are named once in full, then referred to."""
    small, large = _shared_people_page(100), _shared_people_page(400)
    assert len(large) <= 6 * len(small), (len(small), len(large))
    soup = BeautifulSoup(large, "html.parser")
    rows = soup.select("li.sig-repo")
    assert len(rows) == 400
    first = rows[0]
    assert len(first.select("details.sig-repo__people a, details.sig-repo__people")) >= 1
    assert "Committer Number 399" in first.get_text()
    later = rows[1].select_one(".sig-repo__people a")
    assert later is not None and later["href"] == f"#{first['id']}" and later["title"] == "openeuler/r0"
    assert "r0" not in rows[1].get_text()  # a search for openeuler/r0 finds its own row alone


def test_a_sig_info_entry_of_many_repositories_and_people_takes_memory_in_proportion(tmp_path):
    """One entry of n repositories and n committers: each repository shares the entry's people,
    never a copy of them (n × n keys: 4,000 of each took 130 MB more than 1,000)."""
    import tracemalloc

    peaks = {}
    for count in (500, 2000):
        info = tmp_path / f"{count}.yaml"
        info.write_text(
            "name: X\nrepositories:\n- repo:\n"
            + "".join(f"  - openeuler/r{i}\n" for i in range(count))
            + "  committers:\n"
            + "".join(f"  - gitee_id: c{i}\n    name: Committer {i}\n" for i in range(count)),
            "utf-8",
        )
        tracemalloc.start()
        found = read_sig_info(info, "sig/X/sig-info.yaml", PeopleBuilder(Problems()))
        peaks[count] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert len(found.repositories) == count and len(found.repositories[-1].committers) == count
    assert peaks[2000] <= 6 * peaks[500], peaks


def test_repositories_that_share_their_people_are_compared_once_each():
    """Each repository of an entry holds the entry's people (members.read_sig_info): finding rows of
    the same people compares each list once, not once per repository (time grew as n²)."""

    from sigsite.render.blocks import _same_people

    seconds = {}
    for count in (2000, 8000):
        people = tuple(f"committer-{i}" for i in range(count))
        repositories = tuple(Repository(f"openeuler/r{i}", "", committers=people) for i in range(count))
        seconds[count], same = cost(lambda: _same_people(repositories))  # noqa: B023 (run at once)
        assert same[:3] == [None, 0, 0] and len(same) == count
    assert seconds[8000] <= 6 * seconds[2000] + 0.05, seconds


DESCRIPTION_LINES = [
    "description: Alpha4 for programming language runtimes\n",
    'description: "AlphaOnyx 的软件包，提供大数据组件相关功能"\n',
    "description: A, B; (C) / d_e+f-g.   \n",
    "description: yes\n",
    "description: NA\n",
    'description: "yes"\n',
    'description: ""\n',
    'description: "a\\tb"\n',
    'description: "x" # a comment\n',
    "description: a: b\n",
    "description: a # a comment\n",
    "description: Foo\n  continued\n",
    "description: 'single'\n",
    "description: -x\n",
    "description: 12\n",
    'description: "bell \x07"\n',
    'description: "line\u2028separator"\n',
    "description: mail me at dev@corp-mail.cn\n",
]


@pytest.mark.parametrize("line", DESCRIPTION_LINES)
def test_a_description_read_without_a_yaml_parser_is_what_the_parser_reads(line, monkeypatch):
    """Most repository files' descriptions skip the YAML parser (repository_files._PLAIN_DESCRIPTION,
    _QUOTED_DESCRIPTION): the text and problems must be the parser's."""
    fast_problems = Problems()
    fast = repository_files._description(line, "f.yaml", frozenset(), fast_problems)
    never = re.compile(r"(?!)")
    monkeypatch.setattr(repository_files, "_PLAIN_DESCRIPTION", never)
    monkeypatch.setattr(repository_files, "_QUOTED_DESCRIPTION", never)
    parsed_problems = Problems()
    parsed = repository_files._description(line, "f.yaml", frozenset(), parsed_problems)
    assert fast == parsed
    assert [p.format() for p in fast_problems.items] == [p.format() for p in parsed_problems.items]
