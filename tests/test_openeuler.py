"""openEuler's community on the hub (issue 32): the second layout of the family, read from a small
fixture of its shape (tests/fixtures/openeuler) and from the real sample in ../shared/openeuler."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import PROJECT

from sigsite.hub.repository_files import MAX_REPORTED_FILES, read_repository_files
from sigsite.languages import detect_language
from sigsite.layout import MINDSPORE, OPENEULER, detect_layout, layout_named
from sigsite.load import Loaded, LoadSettings, load
from sigsite.privacy import PublishableNames
from sigsite.problems import Problems

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
    found = read_repository_files(
        folder,
        "sig/Big",
        ("openeuler", "src-openeuler"),
        frozenset(),
        PublishableNames("sig/Big", problems),
        problems,
    )
    names = [r.name for r in found]
    assert "src-openeuler/good" in names and "src-openeuler/linked" not in names
    assert "src-openeuler/bad name!" not in names and len(names) == MAX_REPORTED_FILES + 6
    assert {r.description for r in found if r.name.startswith("src-openeuler/pkg")} == {""}
    assert [r.description for r in found if r.name == "src-openeuler/good"] == ["fine, quoted"]
    reported = {p.file for p in problems.items}
    assert len(reported) <= MAX_REPORTED_FILES + 1  # the first files' problems, and one count of the rest
    assert any("more repository files have problems" in p.message for p in problems.items)
    assert any(
        p.file.endswith("linked.yaml") and "symbolic link" in p.message for p in problems.items
    ) or any("more repository files" in p.message for p in problems.items)


def test_a_repository_file_is_read_in_linear_time(tmp_path):
    """A description line of a megabyte and a hundred thousand continuation lines: one pass each."""
    import time

    folder = tmp_path / "Big"
    owner = folder / "openeuler" / "x"
    owner.mkdir(parents=True)
    (owner / "long.yaml").write_text("description: " + "a " * 500_000 + "\n", "utf-8")
    (owner / "lines.yaml").write_text("description: >\n" + "  b\n" * 100_000 + "name: x\n", "utf-8")
    (owner / "blanks.yaml").write_text("description:" + " " * 100_000 + "\n" * 100_000, "utf-8")
    problems = Problems()
    started = time.perf_counter()
    found = read_repository_files(
        folder, "sig/Big", ("openeuler",), frozenset(), PublishableNames("sig/Big", problems), problems
    )
    assert time.perf_counter() - started < 5
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
