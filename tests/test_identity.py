"""People as identities (issue 30), in the core: how spellings compare, which mentions are one
person and why, what is left a candidate, the hub's people file in both directions, organisations,
leaders from each kind of README section, and counts by identity."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from costs import cost
from hub_support import COMMUNITY, FIXTURE

from sigsite.health.attendance import attendance_of
from sigsite.hub.people import community_people
from sigsite.identity.decisions import Decisions, read_decisions
from sigsite.identity.mentions import GroupMentions, gather
from sigsite.identity.names import Likeness, account_spelling, is_person, likenesses, plain
from sigsite.identity.organisations import organisation_keys
from sigsite.identity.report import people_report
from sigsite.identity.resolve import Mention, resolve
from sigsite.load import LoadSettings, load
from sigsite.loader import Sources, load_sig
from sigsite.model import Group, Meeting
from sigsite.problems import Problems
from sigsite.render.hub_blocks import render_sig_card
from sigsite.statements import LEADS, MAINTAINERS, readme_statements

JUNE_2021 = date(2021, 6, 1)


def member(group: str, name: str | None, account: str | None, line: int = 1) -> Mention:
    return Mention(
        group, f"sigs/{group}/sig-info.yaml", line, name, account, "Maintainer", binds=bool(name and account)
    )


def attendee(group: str, name: str) -> Mention:
    return Mention(group, f"sigs/{group}/meetings/001-20200604.md", None, name, None, "Attendee")


@pytest.mark.parametrize(
    ("written", "spelled"),
    [
        ("Dr. Ze  WANG (Huawei)", "ze wang"),
        ("Ｚｅ　Ｗａｎｇ", "ze wang"),  # full-width forms and spaces
        ("郭琦老师", "郭琦"),
        ("Professor Qi-Guo", "qi guo"),
    ],
)
def test_a_name_compares_without_case_spacing_punctuation_width_honorifics_or_organisation(written, spelled):
    assert plain(written) == spelled


def test_weaker_likenesses_each_say_what_makes_them_alike():
    assert likenesses("Ze Wang")["wang|ze"] is Likeness.ORDER
    assert likenesses("Zhong Jun")["=zhongjun"] is Likeness.SPACING
    assert likenesses("Zhongjun")["=zhongjun"] is Likeness.SPACING
    assert likenesses("郭琦")["guo|qi"] is Likeness.PINYIN  # 郭琦 is Guo Qi, in either order
    assert likenesses("朱家兴")["jiaxing|zhu"] is Likeness.PINYIN
    # a surname with more than one reading compares under each: 曾 is Zeng (and Ceng)
    assert {"wei|zeng", "ceng|wei"} <= likenesses("曾伟").keys()
    assert account_spelling("luoyang42") == "=luoyang" and account_spelling("q_1") is None


@pytest.mark.parametrize(
    "written",
    [
        "待安排人力",
        "TBD",
        "Developer teams in Huawei, SJTU, USST",
        "Tests and committers in MindSpore",
        "developers",
    ],
)
def test_placeholders_organisations_roles_and_teams_are_no_person(written):
    assert not is_person(written)


def test_real_names_are_people():
    assert all(is_person(n) for n in ("Ze Wang", "郭琦", "YUNG MANHONG", "Naipan Zhu", "jonyguo"))


def test_the_same_name_bound_to_one_account_is_that_person_in_every_group():
    executor, usability = attendee("executor", "Bao Chong"), member("usability", "Bao Chong", "baochong", 11)
    found = resolve([usability, executor], Decisions())
    assert found.key_of(executor) == "baochong"
    assert found.evidence[executor].words() == "matched by the same name in sigs/usability/sig-info.yaml:11"


def test_a_weaker_likeness_merges_within_its_group_and_is_a_candidate_elsewhere():
    ze = member("security", "Ze Wang", "randywangze", 43)
    here, elsewhere = attendee("security", "Wang Ze"), attendee("dx", "Wang Ze")
    found = resolve([ze, here, elsewhere], Decisions())
    assert found.key_of(here) == "randywangze"
    assert found.evidence[here].words() == "matched by name order in sigs/security/sig-info.yaml:43"
    assert found.key_of(elsewhere) == "name:dx:wang ze"  # never merged across groups
    (candidate,) = found.candidates
    assert candidate.mention == elsewhere and [key for key, _ in candidate.people] == ["randywangze"]


def test_pinyin_and_an_account_that_spells_a_name_are_likenesses():
    guo, qi = member("deviceadapter", "郭琦", "guoqi1024", 5), attendee("deviceadapter", "Qi Guo")
    luo, yang = member("data", "luoyang", "luoyang42", 8), attendee("data", "Yang Luo")
    found = resolve([guo, qi, luo, yang], Decisions())
    assert (found.key_of(qi), found.evidence[qi].likeness) == ("guoqi1024", Likeness.PINYIN)
    assert (found.key_of(yang), found.evidence[yang].likeness) == ("luoyang42", Likeness.ACCOUNT)


def test_where_two_people_could_fit_nobody_is_merged():
    one, two = member("a", "Li Wei", "liwei1"), member("b", "Li Wei", "liwei2")
    note = attendee("c", "Li Wei")
    found = resolve([one, two, note], Decisions())
    assert found.key_of(note) == "name:c:li wei"
    (candidate,) = found.candidates
    assert [key for key, _ in candidate.people] == ["liwei1", "liwei2"]


def test_a_name_alone_is_one_person_of_its_group_however_spaced_or_ordered():
    mentions = [attendee("dx", n) for n in ("Zhongjun", "Zhong Jun", "Zhu Naipan", "Naipan Zhu")]
    found = resolve(mentions, Decisions())
    assert len({found.key_of(m) for m in mentions}) == 2
    assert found.evidence[mentions[3]].words() == (
        "matched by name order in sigs/dx/meetings/001-20200604.md"
    )


def test_a_second_forges_account_is_the_same_persons_and_no_gitee_account():
    gitee = Mention(
        "kernel", "sig/kernel/sig-info.yaml", 9, "Chen", "chendh6", "Maintainer", True, ("chendh1",)
    )
    other = Mention("kernel", "sig/kernel/sig-info.yaml", 20, "Chen", "chendh1", "Committer", True)
    found = resolve([gitee, other], Decisions())
    assert found.key_of(gitee) == "chendh6"
    assert found.key_of(other) == "chendh1"  # Gitee's chendh1: another forge's name says nothing of it


def test_placeholders_are_nobody():
    found = resolve([attendee("a", "待安排人力"), attendee("a", "TBD")], Decisions())
    assert set(found.keys.values()) == {None}


def test_resolution_is_linear_in_the_mentions():
    mentions = [member(f"g{i % 50}", f"Person Number{i}", f"p{i}") for i in range(20_000)]
    mentions += [attendee(f"g{i % 50}", f"Number{i} Person") for i in range(20_000)]
    seconds, found = cost(lambda: resolve(mentions, Decisions()), 5)
    assert seconds < 5
    assert found.key_of(mentions[-1]) == "p19999"


PEOPLE_FILE = """\
same:
  - {account: randywangze, name: Wang Ze}
different:
  - {account: baochong, name: Bao Chong, group: executor}
hidden:
  - {account: hideme}
  - {name: Secret Person}
organisations:
  same:
    - [ICT, Institute of Computing Technology]
  different:
    - [SJTU, Shanghai Jiaotong University OpenSource Team]
"""


def test_the_people_file_confirms_refuses_and_hides(tmp_path):
    path = tmp_path / "people.yaml"
    path.write_text(PEOPLE_FILE, "utf-8")
    problems = Problems()
    decisions = read_decisions(path, "hub/people.yaml", problems)
    assert not problems.items
    ze, bao = member("security", "Ze Wang", "randywangze"), member("usability", "Bao Chong", "baochong")
    elsewhere, refused = attendee("dx", "Wang Ze"), attendee("executor", "Bao Chong")
    kept = attendee("graphengine", "Bao Chong")
    hidden, secret = member("x", "Hide Me", "hideme"), attendee("x", "Secret Person")
    found = resolve([ze, bao, hidden, elsewhere, refused, kept, secret], decisions)
    assert found.key_of(elsewhere) == "randywangze"  # confirmed across groups
    assert found.evidence[elsewhere].words() == "confirmed in hub/people.yaml:2"
    assert found.key_of(refused) == "name:executor:bao chong"  # refused in executor alone
    assert found.key_of(kept) == "baochong"
    assert found.key_of(hidden) is None and found.key_of(secret) is None
    keys = organisation_keys(["SJTU", "Shanghai Jiaotong University OpenSource Team", "ICT"], decisions)
    assert keys["SJTU"] != keys["Shanghai Jiaotong University OpenSource Team"]  # refused
    assert keys["ICT"] == "ict"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("- {account: a}\n", "hub/people.yaml:1: error: the people file is not a mapping"),
        (
            "same:\n  - {account: a}\n",
            "hub/people.yaml:2: error: a decision needs both an account and a name",
        ),
        ("odd: 1\n", "hub/people.yaml:1: error: 'odd' is no part of the people file"),
        ("hidden:\n  - 3\n", "hub/people.yaml:2: error: an entry of 'hidden' is not a mapping"),
    ],
)
def test_a_mistake_in_the_people_file_is_an_error_at_its_line(tmp_path, text, said):
    path = tmp_path / "people.yaml"
    path.write_text(text, "utf-8")
    problems = Problems()
    read_decisions(path, "hub/people.yaml", problems)
    assert any(p.format().startswith(said) for p in problems.items), [p.format() for p in problems.items]


def test_an_acronym_is_its_longer_form_within_a_group():
    keys = organisation_keys(
        ["SJTU", "Shanghai Jiaotong University OpenSource Team", "USST", "Huawei", "HUAWEI"], Decisions()
    )
    assert keys["SJTU"] == keys["Shanghai Jiaotong University OpenSource Team"]
    assert keys["Huawei"] == keys["HUAWEI"]
    assert keys["USST"] == "usst"  # no longer form fits it


@pytest.mark.parametrize(
    ("readme", "role", "names"),
    [
        ("## SIG Leads\n\n* [Bea](https://gitee.com/bea) (Huawei)\n* Cai\n", LEADS, ["Bea", "Cai"]),
        ("## Maintainers\n\n* Luoyang （华为）\n", MAINTAINERS, ["Luoyang"]),
        ("## WG Leads\n\nYUNG MANHONG (SUSTech)\n\n## Motivation\n\nLong text.\n", LEADS, ["YUNG MANHONG"]),
        ("# WG Co-chairs\n\n- Ann\n- Ben (X)\n", LEADS, ["Ann", "Ben"]),
        ("The members are:\n* Amos (Edinburgh)\n* Lei Chen (Huawei)\t**Chair**\n", LEADS, ["Lei Chen"]),
        ("## 负责人\n\n* 郭琦\n", LEADS, ["郭琦"]),
    ],
)
def test_leaders_are_read_from_each_kind_of_readme_section(readme, role, names):
    (said,) = [s for s in readme_statements("README.md", readme) if s.leaders]
    assert said.role == role and [leader.name for leader in said.leaders] == names


def test_teams_and_an_account_in_brackets_are_not_counted_as_people_or_organisations():
    note = Meeting(
        source="001-20200604.md",
        slug="x",
        title="",
        date=None,
        start=None,
        timezone="UTC",
        body="## Attendees\n* Tests and committers in MindSpore, developers.\n* Ze Wang (@randywangze)\n",
    )
    attendance = attendance_of(note)
    assert [(p.name, p.gitee_id, p.organization) for p in attendance.people] == [
        ("Ze Wang", "randywangze", None)
    ]
    assert attendance.organizations == () and attendance.at_least


def test_health_counts_each_person_and_organisation_once(tmp_path):
    community = tmp_path / "community"
    shutil.copytree(FIXTURE, community)
    notes = community / "sigs" / "beta" / "meetings"
    notes.mkdir()
    (notes / "001-20210305.md").write_text(
        "# Meeting\n\n## Attendees\n* Zhongjun (SJTU)\n* Zhu Naipan\n", "utf-8"
    )
    (notes / "002-20210319.md").write_text(
        "# Meeting\n\n## Attendees\n"
        "* Shanghai Jiaotong University OpenSource Team, Naipan Zhu\n* Zhong Jun\n",
        "utf-8",
    )
    total = load(community, LoadSettings(), JUNE_2021).health.groups["beta"].total
    assert (total.people, total.organizations) == (2, 1)


def test_the_fixtures_people_merges_and_leaders(tmp_path):
    loaded = load(FIXTURE, LoadSettings(), JUNE_2021)
    merged = {(m.file, m.name, key, e.words()) for m, key, e in loaded.identities.merges()}
    assert merged == {
        (
            "sigs/sig_info.yaml",
            "Ada Alpha",
            "ada",
            "matched by the same name in sigs/alpha/sig_members.yaml:2",
        ),
        (
            "sigs/alpha/meetings/001-20210304.md",
            "Ada Alpha",
            "ada",
            "matched by the same name in sigs/alpha/sig_members.yaml:2",
        ),
        (
            "sigs/alpha/meetings/002-20210401.md",
            "Alpha Ada",
            "ada",
            "matched by name order in sigs/alpha/sig_members.yaml:2",
        ),
        ("tsc/README.md", "Ada Alpha", "ada", "matched by the same name in sigs/alpha/sig_members.yaml:2"),
        (
            "tsc/meeting-notes/2020/2020-06-18.md",
            "Ada Alpha",
            "ada",
            "matched by the same name in sigs/alpha/sig_members.yaml:2",
        ),
    }
    assert loaded.identities.candidates == []
    led = {
        g.id: (g.leadership.role, [n.name for n in g.leadership.leaders]) if g.leadership else None
        for g in loaded.community.folders
    }
    assert led == {
        "vision-cv-suite-sig": (
            LEADS,
            ["Vic Vision"],
        ),  # the listing's, its folder's name encoded in the link
        "alpha": (MAINTAINERS, ["Ada Alpha", "Bob Both"]),  # OWNERS: accounts, shown by their names
        "beta": (LEADS, ["Bea Beta"]),  # its README's SIG Leads; 待安排人力 is nobody
        "delta": (MAINTAINERS, ["Bob Both"]),
        "research": (LEADS, ["Ray Search"]),  # a WG Leads paragraph
        "tsc": (LEADS, ["Ada Alpha"]),  # **Chair**
    }
    alpha = loaded.community.sig("alpha").leadership
    assert [(n.name, n.file) for n in alpha.also] == [("No Account", "sigs/alpha/sig-info.yaml")]
    people = {p.key: p for p in loaded.people}
    assert people["ada"].spellings == ("Ada Alpha", "Alpha Ada") and people["ada"].has_page
    assert people["bob"].roles == ("Maintainer", "Committer") and [
        m.sig_id for m in people["bob"].memberships
    ] == [
        "alpha",
        "delta",
    ]
    assert not people["name:alpha:dan dev"].has_page  # named by notes alone: listed, no page


def test_a_people_file_beside_the_hub_changes_the_load_in_both_directions(tmp_path):
    path = tmp_path / "people.yaml"
    path.write_text("different:\n  - {account: ada, name: Alpha Ada, group: alpha}\n", "utf-8")
    refused = load(FIXTURE, LoadSettings(people_file=path), JUNE_2021)
    assert len(refused.health.attended["ada"]) == 2  # not 'Alpha Ada' of 2021-04-01
    assert "name:alpha:alpha ada" in refused.health.attended
    path.write_text("same:\n  - {account: ada, name: Dan Dev, group: alpha}\n", "utf-8")
    confirmed = load(FIXTURE, LoadSettings(people_file=path), JUNE_2021)
    assert (
        len(confirmed.health.attended["ada"]) == 3 and "name:alpha:dan dev" not in confirmed.health.attended
    )


def test_no_decision_without_the_file(tmp_path):
    assert read_decisions(tmp_path / "missing.yaml", "x", Problems()) == Decisions(path="x")
    assert read_decisions(None, "x", Problems()) == Decisions(path="x")


def test_a_link_is_never_followed_as_the_people_file(tmp_path: Path):
    target = tmp_path / "elsewhere.yaml"
    target.write_text("hidden:\n  - {account: ada}\n", "utf-8")
    (tmp_path / "people.yaml").symlink_to(target)
    problems = Problems()
    assert read_decisions(tmp_path / "people.yaml", "hub/people.yaml", problems).hidden_accounts == set()
    assert problems.items  # said, not silently ignored


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    if not COMMUNITY.is_dir():
        pytest.skip("../shared/community is absent")
    copy = tmp_path_factory.mktemp("community") / "community"
    shutil.copytree(COMMUNITY, copy, symlinks=True)
    return load(copy, LoadSettings(), date(2026, 12, 6))


def test_the_real_communitys_people_are_identities(real):
    people = {p.key: p for p in real.people}
    attended = real.health.attended
    # Trusted AI's notes write "Wang Ze"; its members file "Ze Wang" (randywangze): all four 2020 meetings
    assert [a.date.isoformat() for a in attended["randywangze"] if a.sig_id == "security"] == [
        "2020-06-04", "2020-07-03", "2020-08-08", "2020-09-04",
    ]  # fmt: skip
    assert sum(1 for p in real.people if attended.get(p.key)) >= 60
    assert people["jiancao81"].spellings == ("Cao Jian", "Jian Cao") or set(
        people["jiancao81"].spellings
    ) >= {
        "Cao Jian",
        "Jian Cao",
    }
    # leaders from READMEs where no other file names them; only two groups' files name nobody
    assert [g.id for g in real.community.folders if not g.leadership] == ["xai", "research"]
    tsc = real.community.sig("tsc").leadership
    assert [n.name for n in tsc.leaders] == ["Lei Chen"]
    # the listing's stale leads are findings, once each, never leaders
    found = [p.message for p in real.problems.items if p.topic == "leaders"]
    assert any(m.startswith("Siming Liu, named as the group's lead here") for m in found)
    assert any(m.startswith("Shize Han, named as the group's lead here") for m in found)
    assert len(found) <= 12
    dx = real.health.groups["dx"].total
    assert dx.people <= 12 and dx.organizations == 3  # Zhongjun/Zhong Jun, SJTU and its longer form


OPENEULER = COMMUNITY.parent / "openeuler" / "sig"


def test_openeulers_sample_people_are_merged_across_sigs_by_account_with_their_roles(tmp_path):
    if not OPENEULER.is_dir():
        pytest.skip("../shared/openeuler is absent")
    copy = tmp_path / "sig"
    shutil.copytree(OPENEULER, copy, symlinks=True)
    found = []
    for folder in sorted(p for p in copy.iterdir() if p.is_dir() and p.name != "sig-template"):
        group, _ = load_sig(Sources(root=folder))
        found.append(gather(replace(group, id=folder.name, name=folder.name, path=f"sig/{folder.name}"), ()))
    identities = resolve([m for group in found for m in group.all()], Decisions())
    people = {p.key: p for p in community_people(found, identities)}
    # the Gitee account is the key; the AtomGit account of the same entry is the same person's
    assert people["chendh6"].other_accounts == ("chendh1",)
    across = {key: [m.sig_id for m in p.memberships] for key, p in people.items() if len(p.memberships) > 1}
    assert across["xiexiuqi"] == ["Kernel", "TC"] and len(across) >= 5
    assert people["jimmy_hero"].roles == ("Maintainer", "Committer")  # committers per repository are roles
    # an entry with an AtomGit account alone (no Gitee account) is known by its name in its SIG
    assert people["name:Kernel:gang he"].gitee_id is None


URLS = {"forge": "f", "calendar": "", "webcal": "", "feed": ""}


def test_a_card_says_in_a_visitors_words_when_no_file_names_the_leaders():
    card = render_sig_card(Group(id="x", name="X", path="sigs/x"), URLS, JUNE_2021, "", False, "en")
    assert "None of the group&#39;s files names its leaders." in card and "sig_members.yaml" not in card
    zh = render_sig_card(Group(id="x", name="X", path="sigs/x"), URLS, JUNE_2021, "", False, "zh")
    assert "该小组的文件没有写明负责人。" in zh


def test_the_people_report_is_a_line_each_with_no_control_and_no_address():
    bound = Mention("alpha", "sigs/alpha/sig_members.yaml", 2, "Ada Alpha", "ada", "Member", binds=True)
    written = Mention(
        "alpha", "sigs/alpha/meetings/1.md", None, "Ada\u2028Alpha (ada@example.org)", None, "Attendee"
    )
    other = Mention("beta", "sigs/beta/meetings/1.md", None, "Alpha Ada\u0085", None, "Attendee")
    identities = resolve([bound, written, other], Decisions())
    found = [
        GroupMentions(Group(id="alpha", name="A"), (bound, written), (), ()),
        GroupMentions(Group(id="beta", name="B"), (other,), (), ()),
    ]
    lines = people_report(identities, {p.key: p for p in community_people(found, identities)})
    assert len(lines) > 2 and all(line.isprintable() and "ada@example.org" not in line for line in lines), (
        lines
    )
