"""The members loader: MindSpore's sig_members.yaml and sig-info.yaml, merged by Gitee account."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import CORPUS, PROJECT, requires_corpus

from sigsite.accounts import gitee_account
from sigsite.given import given
from sigsite.loader import Sources, load_sig
from sigsite.members import PeopleBuilder, read_members_file
from sigsite.problems import Problems


def people_of(path: Path):
    builder = PeopleBuilder(Problems())
    read_members_file(path, path.name, builder)
    return builder.build(), builder.problems


def test_project_members_are_the_seed_maintainers():
    people, problems = people_of(PROJECT / "sig_members.yaml")
    assert problems.items == []
    assert {(p.name, p.gitee_home) for p in people} == {
        ("Ze Wang", "https://gitee.com/randywangze"),
        ("Mr. Jin", "https://gitee.com/jxlang910"),
        ("emmmmtang", "https://gitee.com/emmmmtang"),
    }
    assert all(p.roles == ("Maintainer",) for p in people)


@requires_corpus
def test_corpus_members_file_merges_roles_by_gitee_account():
    people, problems = people_of(CORPUS / "security" / "sig_members.yaml")
    assert problems.errors == []
    assert len(people) == 8
    by_id = {p.gitee_id: p for p in people}
    assert by_id["jxlang910"].roles == ("Maintainer", "Committer", "Contributor")
    assert by_id["emmmmtang"].roles == ("Maintainer", "Contributor")
    assert by_id["randywangze"].roles == ("Maintainer",)
    assert by_id["qmckw"].interests.startswith("graph neural networks")
    assert by_id["emmmmtang"].interests is None
    assert sum(len(p.roles) > 1 for p in people) == 2


@requires_corpus
def test_sig_info_people_join_the_roster_and_na_means_absent():
    data, problems = load_sig(Sources(CORPUS / "security"))
    assert problems.errors == []
    by_id = {p.gitee_id.lower(): p for p in data.people}
    # 8 people from sig_members.yaml, plus 5 only sig-info.yaml names.
    assert len(data.people) == 13
    assert by_id["jxlang910"].name == "Mr. Jin"  # the members file's spelling wins
    assert "Mentor" in by_id["jxlang910"].roles
    assert not hasattr(by_id["pkuliuliu"], "email")  # never loaded, so never published
    assert by_id["zhidanliu"].organization == "Huawei"
    assert [r.name for r in data.repositories] == ["mindspore/mindarmour", "mindspore/mindspore"]
    # sig-info.yaml's "Mr. JIn" is the members file's "Mr. Jin": one spelling, case aside, no warning
    assert not [p for p in problems.warnings if "Mr. JIn" in p.message]


def test_gitee_account_and_sentinels():
    assert gitee_account("https://gitee.com/jxlang910") == "jxlang910"
    assert gitee_account("https://gitee.com/jxlang910/") == "jxlang910"
    assert gitee_account("https://github.com/someone") is None
    assert given(" NA ") is None and given("n/a") is None and given("") is None
    assert given("Huawei") == "Huawei"


def test_optional_fields_and_initials(tmp_path):
    members = tmp_path / "sig_members.yaml"
    members.write_text(
        "Maintainers:\n"
        "- name: Rice Zhang\n  gitee_home: https://gitee.com/hu2175\n  organization: Zhejiang University\n"
        "  since: 2022-03-15\n"
        "Members:\n- name: 张三\n",
        "utf-8",
    )
    people, problems = people_of(members)
    assert problems.items == []
    rice, zhang = people
    assert rice.organization == "Zhejiang University" and rice.initials == "RZ"
    assert zhang.gitee_home is None and zhang.roles == ("Member",) and zhang.initials == "张"


COMMUNITY = PROJECT.parent / "shared" / "community" / "sigs"


def test_template_placeholders_and_missing_accounts_mean_not_given(tmp_path):
    """What the community's template tool writes (TO_BE_CLARIFIED, --xxx--) is not a value."""
    (tmp_path / "sig-info.yaml").write_text(
        "name: S\nmailing_list: TO_BE_CLARIFIED\nmeeting_url: --meeting url--\n"
        "maintainers:\n- gitee_id: TO_BE_CLARIFIED\n  name: 杨武\n  email: TO_BE_CLARIFIED\n"
        "- gitee_id: ''\n  name: Ann\n- gitee_id: NA\n  name: 杨武\n"
        "repositories:\n- repo: [mindspore/mindscience]\n"
        "  committers:\n  - gitee_id: hwyyj\n    name: --xxx--\n",
        "utf-8",
    )
    data, problems = load_sig(Sources(tmp_path))
    assert problems.errors == []
    assert data.meeting_pad is None
    assert sorted((p.name, p.gitee_id) for p in data.people) == [
        ("Ann", None),
        ("hwyyj", "hwyyj"),
        ("杨武", None),
    ]


def test_template_defaults_are_warned_about_and_never_shown_as_facts(tmp_path):
    """create_sig_info_template.py writes created_on 2019-12-31 and TO_BE_CLARIFIED for every SIG:
    each is a warning at its line, and the fact stays unknown."""
    (tmp_path / "sig-info.yaml").write_text(
        "name: S\ndescription: TO_BE_CLARIFIED\ncreated_on: '2019-12-31'\n"
        "mailing_list: TO_BE_CLARIFIED\nmaintainers:\n- gitee_id: ann\n  name: Ann\n",
        "utf-8",
    )
    data, problems = load_sig(Sources(tmp_path))
    assert (data.facts.created_on, data.facts.description, data.facts.mailing_list) == (None, None, None)
    warned = {(p.line, p.message.split(" ", 1)[0]) for p in problems.warnings}
    assert warned == {(2, "description"), (3, "created_on"), (4, "mailing_list")}
    assert "create_sig_info_template.py" in next(p.message for p in problems.warnings if p.line == 3)


@pytest.mark.parametrize(
    ("written", "shown", "warned"),
    [
        ("dev@mindspore.cn", "dev@mindspore.cn", False),  # public: listed in public_emails
        ("https://mail.mindspore.cn/postorius/lists/", "https://mail.mindspore.cn/postorius/lists/", False),
        ("ann.person@example.org", None, True),  # personal: withheld, with the privacy warning
        ("the dev list", None, True),
        ("NA", None, False),
    ],
)
def test_a_mailing_list_is_shown_only_as_a_public_address_or_a_web_page(tmp_path, written, shown, warned):
    (tmp_path / "sig-info.yaml").write_text(f"name: S\nmailing_list: {written}\n", "utf-8")
    data, problems = load_sig(Sources(tmp_path, public_emails=frozenset({"dev@mindspore.cn"})))
    assert data.facts.mailing_list == shown
    assert len([p for p in problems.warnings if p.line == 2]) == warned  # one, never a second about it


@pytest.mark.skipif(not COMMUNITY.is_dir(), reason="../shared/community is absent")
@pytest.mark.parametrize("folder", sorted(p.name for p in COMMUNITY.glob("*/")) if COMMUNITY.is_dir() else [])
def test_every_community_sig_folder_loads_without_errors(folder):
    data, problems = load_sig(Sources(COMMUNITY / folder))
    assert problems.errors == [], [p.format() for p in problems.errors]
    info = COMMUNITY / folder / "sig-info.yaml"
    if not info.is_file():
        return
    raw = yaml.safe_load(info.read_text("utf-8"))
    listed = [*(raw.get("mentors") or []), *(raw.get("maintainers") or [])]
    for repository in raw.get("repositories") or []:
        listed += [*(repository.get("committers") or []), *(repository.get("contributors") or [])]
    shown = {p.gitee_id for p in data.people} | {p.name for p in data.people}
    for person in listed:  # nobody silently dropped: by account, else by name
        key = given(person.get("gitee_id")) or given(person.get("name"))
        assert key is None or key in shown, person
