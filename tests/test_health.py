"""Community health (issue 23), in the core: every count of the fixture community pinned, each
shape real notes write attendees in, schedules stated in English and Chinese, certain and
uncertain matches of people, and what the consistency report finds."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from costs import cost, seconds_of
from hub_support import FIXTURE

from sigsite.health.actions import action_items
from sigsite.health.attendance import attendance_of
from sigsite.health.cadence import MAX_SCHEDULES, stated_schedules
from sigsite.health.community import CommunityHealth
from sigsite.health.consistency import LEADERS, MAX_FINDINGS, NOTES_LINK
from sigsite.health.disagreements import MAX_PLACES
from sigsite.load import LoadSettings, load
from sigsite.model import Meeting
from sigsite.problems import Problems
from sigsite.statements import without_organisation

JUNE_2021 = date(2021, 6, 1)


def note(body: str) -> Meeting:
    return Meeting(
        source="001-20200604.md", slug="x", title="", date=None, start=None, timezone="UTC", body=body
    )


@pytest.fixture(scope="module")
def assessed() -> tuple[CommunityHealth, Problems]:
    loaded = load(FIXTURE, LoadSettings(), JUNE_2021)
    return loaded.health, loaded.problems


# Attendees as real notes write them (../shared/community: data, dx, security, the TSC)
@pytest.mark.parametrize(
    ("section", "people", "organizations", "at_least"),
    [
        ("## Attendees \n* Liu Cunwei (Huawei)\n* EricZhang (Huawei)\n* He Xiangdong\n", 3, 1, False),
        ("## Attendees\n\n- He Dongdong (Huawei)\n- Zhou Hongchao\n", 2, 1, False),
        ("### Attendance:\n1. Yedong Liu(Huawei)\n2. Han Xiao(Conic AI)\n", 2, 2, False),
        ("## Attendees\n* Wang Ze (Huawei)\n* Li Yanjun (Huawei), etc\n", 2, 1, True),
        (
            "## Attendees\n\n* Shanghai Jiaotong University OpenSource Team, Zhu Naipan, Clement Li\n",
            2,
            1,
            True,
        ),
        (
            "## Attendees\n\n* Shanghai Jiaotong University OpenSource Team, zhoufeng and 30 committers in "
            "MindSpore, Clement Li\n",
            32,
            1,
            True,
        ),
        ("## Attendees\n\n* Developer teams in Huawei,SJTU, USST.  \n", 0, 3, True),
        ("## 参会人员\n* 张三（华为）\n* 李四、王五等\n", 3, 1, True),
        ("## Attendees\n* [Cai](https://gitee.com/cai) (Example University)\n", 1, 1, False),
    ],
)
def test_attendees_are_counted_as_real_notes_write_them(section, people, organizations, at_least):
    attendance = attendance_of(note("## Agenda\n* x\n\n" + section + "\n## Notes\n* y\n"))
    assert attendance.readable
    assert (attendance.count, len(attendance.organizations), attendance.at_least) == (
        people,
        organizations,
        at_least,
    )


def test_an_attendee_linked_to_gitee_is_known_by_the_account():
    (person,) = attendance_of(
        note("## Attendees\n* [Cai](https://gitee.com/cai) (Example University)\n")
    ).people
    assert (person.name, person.gitee_id, person.organization) == ("Cai", "cai", "Example University")


@pytest.mark.parametrize(
    "section",
    [
        "### Attendance:\nUse Offline For Quorum Decision\n",
        "## Attendees\n* TODO\n",
        "## Notes\n* Participants: Liu Cunwei, Li Yong\n",  # not the Attendees section: not read
    ],
)
def test_prose_placeholders_and_other_sections_are_not_counted(section):
    attendance = attendance_of(note(section))
    assert not attendance.readable and attendance.count == 0


def test_prose_is_quoted_and_a_code_block_is_no_section():
    assert attendance_of(note("### Attendance:\nUse Offline For Quorum Decision\n")).quote == (
        "Use Offline For Quorum Decision"
    )
    assert not attendance_of(note("```\n## Attendees\n* Eve (X)\n```\n")).readable


def test_action_items_leave_placeholders_out():
    items = action_items(note("## Action items\n* Ada: draft it\n* TODO\n\n### Action Items:\n* Publish\n"))
    assert [i.text for i in items] == ["Ada: draft it", "Publish"]


@pytest.mark.parametrize(
    ("text", "frequency", "weekday", "ordinal", "start", "end", "offset"),
    [
        ("We meet biweekly Thursday 15:00 UTC+8.", "biweekly", 3, None, "15:00", None, "+08:00"),
        ("每周一上午10点召开例会。", "weekly", 0, None, "10:00", None, None),
        ("每两周周四下午3点半（北京时间）", "biweekly", 3, None, "15:30", None, "+08:00"),
        (
            "calls on the **3rd Thursday** every month (UTC+8)\nfrom *4:00pm* to *5:00pm*.",
            "monthly",
            3,
            3,
            "16:00",
            "17:00",
            "+08:00",
        ),
        ("活动频率：每月1次，每次围绕主题分享1-2个话题", "monthly", None, None, None, None, None),
    ],
)
def test_a_schedule_stated_unambiguously_is_read(text, frequency, weekday, ordinal, start, end, offset):
    (schedule,) = stated_schedules(text, "README.md", Problems())
    assert schedule.parsed
    assert (schedule.frequency, schedule.weekday, schedule.ordinal) == (frequency, weekday, ordinal)
    assert (schedule.start, schedule.end, schedule.utc_offset) == (start, end, offset)


@pytest.mark.parametrize(
    "text",
    [
        "时间：周六或周日晚上7点，每1-2周开展一次",  # two days, a range of weeks (sigs/data)
        "Time: irregular, once every 1-2 months",  # sigs/security
        "活动频率：不定期举行",
        "We meet weekly on Monday or Tuesday.",
        "Weekly, at 10:00 or 15:00.",
    ],
)
def test_an_ambiguous_schedule_is_quoted_never_parsed(text):
    (schedule,) = stated_schedules(text, "README.md", Problems())
    assert not schedule.parsed and schedule.quote == text and schedule.start is None


def test_a_sentence_without_a_rhythm_is_no_schedule():
    assert stated_schedules("The SIG was founded in 2020 at 10:00.", "README.md", Problems()) == ()


def test_every_count_of_the_fixture_community(assessed):
    health, _ = assessed
    alpha, beta, tsc = (health.groups[key] for key in ("alpha", "beta", "tsc"))
    # alpha: 2021-03-04 names 4 people and a lab (at least), 2021-04-01 names 3 and "3 committers";
    # its 2021-12-02 note is announced, not held, on 2021-06-01.
    assert [(s.meeting.date, s.attendance.count, s.attendance.at_least) for s in alpha.sessions] == [
        (date(2021, 3, 4), 4, True),
        (date(2021, 4, 1), 6, False),
    ]
    (year,) = alpha.years
    assert (year.year, year.sessions, year.counted, year.median_attendees) == (2021, 2, 2, 5)
    assert (year.people, year.organizations, year.at_least) == (5, 3, True)  # "Alpha Ada" is Ada Alpha
    assert alpha.total.organization_sessions == (
        ("Example University", 1),
        ("Example University Lab", 1),
        ("Huawei", 1),
    )
    # beta: three sessions (two records, one held elsewhere), none with an attendee list
    assert [(t.year, t.sessions, t.counted) for t in beta.years] == [(2020, 2, 0), (2021, 1, 0)]
    assert beta.total.median_attendees is None and not beta.has_attendance
    # the TSC: 2020-05-21 says "Use Offline For Quorum Decision", 2020-06-18 lists two people
    assert [(s.attendance.readable, s.attendance.count) for s in tsc.sessions] == [(False, 0), (True, 2)]
    assert (tsc.total.sessions, tsc.total.counted, tsc.total.median_attendees) == (2, 1, 2)
    assert (tsc.total.people, tsc.total.organizations) == (2, 2)


def test_action_items_are_gathered_newest_first(assessed):
    health, _ = assessed
    assert [(a.meeting.date, a.text) for a in health.groups["alpha"].actions] == [
        (date(2021, 3, 4), "Ada: draft the attestation roadmap")
    ]
    assert [a.text for a in health.groups["tsc"].actions] == ["Publish the release notes in both languages"]


def test_cadence_compares_the_records_with_the_stated_schedule(assessed):
    health, _ = assessed
    alpha, tsc = health.groups["alpha"], health.groups["tsc"]
    assert alpha.cadence.intervals == (28,) and alpha.cadence.agrees() is False  # biweekly, met after 28 days
    # biweekly Thursdays from the last session (2021-04-01): 2021-06-10 is the next on or after June 1
    assert alpha.expected == date(2021, 6, 10)
    assert tsc.cadence.intervals == (28,) and tsc.cadence.agrees() is True
    assert tsc.expected == date(2021, 6, 17)  # the 3rd Thursday of June 2021
    assert health.groups["beta"].expected is None  # its README states no schedule


def test_sessions_reach_a_person_by_account_the_same_name_or_a_likeness_in_the_group(assessed):
    health, problems = assessed
    attended = {key: [(a.sig_id, a.date) for a in found] for key, found in health.attended.items()}
    assert attended == {
        # the TSC's note writes 'Ada Alpha', the name one account alone is bound to (alpha's files);
        # alpha's second note writes 'Alpha Ada': the other order, unique in alpha
        "ada": [("tsc", date(2020, 6, 18)), ("alpha", date(2021, 3, 4)), ("alpha", date(2021, 4, 1))],
        "cai": [("alpha", date(2021, 3, 4))],  # by the account the note links
        # names no file ties to an account: people of their group alone
        "name:alpha:dan dev": [("alpha", date(2021, 3, 4)), ("alpha", date(2021, 4, 1))],
        "name:alpha:eve eng": [("alpha", date(2021, 3, 4))],
        "name:alpha:zhoufeng": [("alpha", date(2021, 4, 1))],
        "name:tsc:tom steer": [("tsc", date(2020, 6, 18))],
    }
    assert not [p for p in problems.warnings if "may be" in p.message]  # nobody else could fit


def test_the_consistency_report_names_each_person_missing_from_a_complete_list_once(assessed):
    health, problems = assessed
    findings = {(f.file, f.line, f.topic) for f in health.groups["alpha"].findings}
    assert findings == {
        ("sigs/alpha/OWNERS", 3, "leaders"),  # bob: OWNERS alone names him
        ("sigs/alpha/sig-info.yaml", 18, "leaders"),  # No Account: sig-info.yaml alone
        ("sigs/alpha/sig-info.yaml", 6, "meeting notes link"),
        ("sigs/alpha/README_en.md", 20, "meeting notes link"),
        ("sigs/alpha/sig-info.yaml", 5, "template default"),
        ("sigs/alpha/meetings/001-20210304.md", 14, "placeholder"),
    }
    bob = next(f for f in health.groups["alpha"].findings if f.file == "sigs/alpha/OWNERS")
    assert bob.message == (
        "@bob is named as a maintainer by sigs/alpha/OWNERS:3, "
        "but not by sigs/alpha/sig_members.yaml, sigs/alpha/sig-info.yaml"
    )
    # the listing's 'Ada Alpha' is @ada, a maintainer everywhere: no finding
    assert not [f for f in health.groups["alpha"].findings if f.file == "sigs/sig_info.yaml"]
    assert health.groups["tsc"].findings == () and health.groups["beta"].findings == ()
    assert all(f in problems.items for f in health.groups["alpha"].findings)  # check --community says it


def test_the_consistency_table_has_a_row_per_person_and_a_column_per_place(assessed):
    health, _ = assessed
    table = health.groups["alpha"].leaders
    assert [label for _, label in table.columns] == [
        "OWNERS",
        "sig-info",
        "members",
        "listing: sig_info.yaml",
    ]
    rows = {row.name: [[c.line for c in cell] for cell in row.cells] for row in table.rows}
    assert rows == {
        "Ada Alpha": [[2], [14], [2], [7]],  # one row: OWNERS' @ada is sig-info's and the listing's
        "Bob Both": [[3], [], [], []],
        "No Account": [[], [18], [], []],
    }
    ada = next(row for row in table.rows if row.key == "ada")
    assert ada.cells[3][0].lead and not ada.cells[0][0].lead  # the listing names its lead


def test_no_address_in_a_leaders_name_reaches_the_report(tmp_path):
    import shutil

    community = tmp_path / "community"
    shutil.copytree(FIXTURE, community)
    owners = community / "sigs" / "alpha" / "OWNERS"
    owners.write_text("approvers:\n  - ada\n  - mallory.private@example.org\n", "utf-8")
    health = load(community, LoadSettings(), JUNE_2021).health
    text = " ".join(f.message for f in health.groups["alpha"].findings)
    assert "mallory.private@example.org" not in text and "[e-mail hidden]" in text


def test_a_list_of_teams_counts_organisations_never_zero_people():
    attendance = attendance_of(note("## Attendees\n\n* Developer teams in Huawei,SJTU, USST.  \n"))
    assert attendance.readable and not attendance.counts_people and len(attendance.organizations) == 3


def test_what_was_compared_is_said_and_nothing_claimed_without_two_places(assessed):
    health, _ = assessed
    assert health.groups["alpha"].compared == (
        "sigs/alpha/OWNERS",
        "sigs/alpha/README_en.md",
        "sigs/alpha/sig-info.yaml",
        "sigs/alpha/sig_members.yaml",
        "sigs/sig_info.yaml",
    )
    assert health.groups["tsc"].compared == ("tsc/README.md",)  # its chair, marked **Chair**


def test_a_name_written_two_ways_in_a_groups_notes_is_one_person_with_its_evidence(assessed):
    _, problems = assessed
    loaded = load(FIXTURE, LoadSettings(), JUNE_2021)
    (merge,) = [e for m, key, e in loaded.identities.merges() if m.name == "Alpha Ada"]
    assert merge.words() == "matched by name order in sigs/alpha/sig_members.yaml:2"
    assert not [p for p in problems.warnings if "ways" in p.message]


@pytest.mark.parametrize(
    ("owners", "said"),
    [
        ("approvers: [ada\n", "sigs/alpha/OWNERS:2:1: warning: YAML syntax error"),  # does not parse
        (None, "sigs/alpha/OWNERS: warning: the file is a symbolic link, which the hub never follows"),
    ],
)
def test_an_owners_file_that_cannot_be_read_is_a_warning_of_its_own(tmp_path, owners, said):
    import shutil

    community = tmp_path / "community"
    shutil.copytree(FIXTURE, community)
    path = community / "sigs" / "alpha" / "OWNERS"
    path.unlink()
    if owners is None:
        path.symlink_to(community / "sigs" / "alpha" / "sig-info.yaml")
    else:
        path.write_text(owners, "utf-8")
    loaded = load(community, LoadSettings(), JUNE_2021)
    health, problems = loaded.health, loaded.problems
    assert any(p.format().startswith(said) for p in problems.warnings), [p.format() for p in problems.items]
    assert "sigs/alpha/OWNERS" not in health.groups["alpha"].compared


def test_an_owners_approver_that_is_a_list_or_mapping_names_nobody(tmp_path):
    """OWNERS has no schema: an approver written as a list or a mapping was shown as the account
    `@['a', 'b']`, which no file says; only text (or a number) is an account."""
    community = tmp_path / "community"
    shutil.copytree(FIXTURE, community)
    (community / "sigs" / "alpha" / "OWNERS").write_text(
        "approvers:\n  - [ada, bob]\n  - {x: y}\n  - ada\n  - 12345\n", "utf-8"
    )
    loaded = load(community, LoadSettings(), JUNE_2021)
    (owners,) = [s for s in loaded.community.sig("alpha").statements if s.file == "sigs/alpha/OWNERS"]
    assert [leader.account for leader in owners.leaders] == ["ada", "12345"]
    assert not [p for p in loaded.problems.items if "['ada'" in p.message or "{'x'" in p.message]


# Linear and bounded, whatever the files hold (issue 28) -----------------------------------------


def _community(tmp_path: Path, files: dict[str, str]) -> tuple[CommunityHealth, Problems]:
    """The fixture community with `files` written into it, assessed as `check --community` does."""
    return _assessed(_written(tmp_path, files))


def _written(tmp_path: Path, files: dict[str, str]) -> Path:
    """A copy of the fixture community with `files` written into it."""
    root = tmp_path / "community"
    shutil.copytree(FIXTURE, root)
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, "utf-8")
    return root


def _assessed(root: Path) -> tuple[CommunityHealth, Problems]:
    loaded = load(root, LoadSettings(), JUNE_2021)
    return loaded.health, loaded.problems


def test_a_list_that_ends_in_ellipses_is_read_in_one_pass():
    section = "## Attendees\n* Alice" + "…" * 40 + "x\n* Bob …… etc.\n* Carol and others\n* Dan 等\n"
    assert seconds_of(lambda: attendance_of(note(section))) < 0.5  # each "…" once doubled the time
    attendance = attendance_of(note(section))
    assert [p.name for p in attendance.people] == ["Alice" + "…" * 40 + "x", "Bob", "Carol", "Dan"]
    assert attendance.at_least
    assert [p.name for p in attendance_of(note("## Attendees\n* Fetc\n")).people] == ["Fetc"]  # no word


@pytest.mark.parametrize(
    ("text", "weekday"),
    [
        ("We meet weekly: the sun never sets on our community.", None),
        ("Weekly, we sat and wed our plans to the Mon river.", None),
        ("The weekly call is on Sat 10:00 UTC+8.", 5),
        ("Weekly, Sun. 9am", 6),
        ("Weekly on Thurs. at 15:00", 3),
        ("We meet weekly on Weds", 2),
        ("Tue, weekly", 1),
        ("每周一次例会", None),  # once a week, on no Monday
        ("每周一上午10点", 0),
    ],
)
def test_a_weekday_is_a_days_name_never_a_word(text, weekday):
    (schedule,) = stated_schedules(text, "README.md", Problems())
    assert schedule.parsed and schedule.weekday == weekday


@pytest.mark.parametrize(
    "text", ["Weekly, Mon-Fri at 9:00", "每周一至周五例会", "We meet monthly on the last Friday."]
)
def test_a_range_of_days_or_a_day_counted_from_a_months_end_is_quoted(text):
    (schedule,) = stated_schedules(text, "README.md", Problems())
    assert not schedule.parsed and schedule.quote == text


@pytest.mark.parametrize(
    ("text", "unreal"),
    [
        ("We meet weekly on Thursday at 15:00 UTC+99.", "the zone 'UTC+99'"),
        ("We meet weekly on Thursday at 15:00 UTC+5:75.", "the zone 'UTC+5:75'"),
        ("每周四下午25点", "the time '下午25点'"),
    ],
)
def test_a_time_or_zone_no_clock_keeps_is_a_warning_with_its_line_and_left_out(text, unreal):
    problems = Problems()
    (schedule,) = stated_schedules("# Alpha\n\n" + text, "sigs/alpha/README.md", problems)
    assert schedule.parsed and schedule.weekday == 3 and (schedule.start, schedule.utc_offset) == (None, None)
    (warning,) = problems.warnings
    assert (warning.file, warning.line) == ("sigs/alpha/README.md", 3) and unreal in warning.message


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("weekly Monday 9:00 UTC-12", "-12:00"),
        ("weekly Monday 9:00 UTC+14", "+14:00"),
        ("weekly UTC+5:30", "+05:30"),
    ],
)
def test_every_offset_a_clock_keeps_is_read(text, offset):
    problems = Problems()
    (schedule,) = stated_schedules(text, "README.md", problems)
    assert schedule.utc_offset == offset and not problems.items


def test_a_readme_gives_a_few_schedules_whatever_it_repeats():
    (problems, text) = (Problems(), "We meet weekly on Thursday at 15:00 UTC+99.\n\n" * 2_000)
    assert len(stated_schedules(text, "README.md", problems)) == MAX_SCHEDULES
    assert len(problems.warnings) == MAX_SCHEDULES


def test_many_addresses_for_the_minutes_make_a_few_warnings_that_count_them(tmp_path):
    readme = "".join(f"minutes https://a.example/{i}\n" for i in range(1_000))
    health, _ = _community(tmp_path, {"sigs/alpha/README_en.md": readme})
    said = [f for f in health.groups["alpha"].findings if f.topic == NOTES_LINK]
    assert len(said) == MAX_PLACES + 1  # 1,001 places: sig-info.yaml's and the README's 1,000
    assert any(
        f.message.startswith("993 more places give an address for the group's meeting notes") for f in said
    )
    assert all(len(f.message) < 2_000 for f in said)
    first = next(f for f in said if f.file == "sigs/alpha/sig-info.yaml")
    assert (
        "https://a.example/0 (sigs/alpha/README_en.md:1)" in first.message and "and 995 more" in first.message
    )


def test_many_people_named_in_one_place_make_a_few_findings_that_count_them(tmp_path):
    readme = "".join(f"## Maintainers\n\n* @lead{i}\n\n" for i in range(200))
    health, _ = _community(tmp_path, {"sigs/alpha/README_en.md": readme})
    said = [f for f in health.groups["alpha"].findings if f.topic == LEADERS]
    assert len(said) == MAX_FINDINGS + 1 and all(len(f.message) < 2_000 for f in said)
    # 200 leads of the README, bob of OWNERS, No Account of sig-info.yaml, and ada whom the README lacks
    assert any(
        f.message.startswith("191 more people are named as leaders in some places and not") for f in said
    )


def test_a_leader_and_a_run_of_spaces_is_read_in_one_pass(tmp_path):
    readme = "## Maintainers\n\n* @bob" + " " * 50_000 + "x\n* Ada (Huawei)\n"
    root = _written(tmp_path, {"sigs/alpha/README_en.md": readme})
    seconds, (health, _) = cost(lambda: _assessed(root), 2)
    assert seconds < 2  # 12 s before
    said = [f.message for f in health.groups["alpha"].findings if f.topic == LEADERS]
    assert any(
        m.startswith("@bob is named as a maintainer by sigs/alpha/OWNERS:3, sigs/alpha/README_en.md:3")
        for m in said
    )


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Ada Alpha (Huawei)", "Ada Alpha"),
        ("Ada Alpha（华为） ", "Ada Alpha"),
        ("Ada (a (b))", "Ada (a (b))"),
        ("Ada Alpha", "Ada Alpha"),
        ("(Huawei)", ""),
    ],
)
def test_a_leaders_organisation_in_brackets_is_left_out(written, name):
    assert without_organisation(written) == name


def test_the_communitys_listing_is_read_by_the_folder_each_statement_names():
    community = load(FIXTURE, LoadSettings(), JUNE_2021).community
    said = {
        s.id: [(t.file, t.line) for t in s.statements if t.file.startswith("sigs/sig")]
        for s in community.folders
    }
    assert said["alpha"] == [("sigs/sig_info.yaml", 7)]
    assert said["beta"] == []  # no list names beta's leaders


def test_attendees_are_looked_up_by_name_never_compared_with_everyone(tmp_path):
    files = {
        "sigs/alpha/sig_members.yaml": "Members:\n"
        + "".join(f"- name: Person Number{i}\n" for i in range(2_000)),
        "sigs/alpha/meetings/004-20210506.md": "# Meeting\n\n## Attendees\n"
        + "".join(f"* Person Number{i}\n" for i in range(1_000))
        + "".join(f"* Number{i} Person\n" for i in range(1_000)),
    }
    root = _written(tmp_path, files)
    seconds, (health, problems) = cost(lambda: _assessed(root), 3)
    assert seconds < 3  # every attendee against every person: 9 s before
    # 'Person Number7' and 'Number7 Person' are one person of alpha (the other order, unique there);
    # and the fixture's six: ada, cai, Dan Dev, Eve Eng, zhoufeng, and the TSC's Tom Steer
    assert len(health.attended) == 1_000 + 6
    assert [len(health.attended[f"name:alpha:person number{i}"]) for i in (0, 999)] == [1, 1]
    assert not [p for p in problems.warnings if "may be" in p.message]


def test_one_name_written_many_ways_makes_a_few_warnings(tmp_path):
    spellings = [f"Ze{'.' * i}Wang" for i in range(1, 30)]  # one name, written 29 ways
    files = {
        "sigs/alpha/sig_members.yaml": "Members:\n"
        + "".join(f"- name: Ze Wang\n  gitee_home: https://gitee.com/zw{i}\n" for i in range(50)),
        "sigs/alpha/meetings/004-20210506.md": "# Meeting\n\n## Attendees\n"
        + "".join(f"* {s}\n" for s in spellings),
    }
    _, problems = _community(tmp_path, files)
    said = [p.message for p in problems.warnings if p.file.startswith("sigs/alpha/")]
    # 'Ze.Wang' is spelled as fifty accounts' 'Ze Wang': one candidate, never merged, for all 29
    (maybe,) = [m for m in said if "may be" in m]
    assert maybe.startswith(
        "'Ze.Wang' may be Ze Wang (@zw0), by the same name in sigs/alpha/sig_members.yaml:2"
    )
    assert maybe.endswith("or more people; not merged (and 28 more places)")  # five looked up of fifty
    assert all(len(m) < 2_000 for m in said)


# Cadence reads every way the real READMEs state a rhythm (issue 30): the lines below are theirs
# (executor, heterogeneous_fusion, LLM Inference Serving, usability, the TSC) or their English forms.
@pytest.mark.parametrize(
    ("text", "frequency", "weekday", "start"),
    [
        ("时间：周六下午，每2周开展一次", "biweekly", 5, None),  # sigs/executor
        (
            "活动频率：每1个月1次，每次围绕同一个共同主题进行研讨",
            "monthly",
            None,
            None,
        ),  # heterogeneous_fusion
        ("每两周周四下午3点半（北京时间）", "biweekly", 3, "15:30"),
        ("双周例会，周二晚上7点", "biweekly", 1, "19:00"),
        ("每隔一周的周三", "biweekly", 2, None),
        ("每月第三个周四", "monthly", 3, None),
        ("每个月的例会", "monthly", None, None),
        ("每周二下午16点30分（北京时间）", "weekly", 1, "16:30"),
        ("周例会：周四 10:00", "weekly", 3, "10:00"),
        ("We meet weekly on Thursday.", "weekly", 3, None),
        ("We meet every week.", "weekly", None, None),
        ("We meet biweekly on Friday at 9:00.", "biweekly", 4, "09:00"),
        ("We meet bi-weekly on Friday.", "biweekly", 4, None),
        ("We meet every two weeks on Monday.", "biweekly", 0, None),
        ("We meet every 2 weeks.", "biweekly", None, None),
        ("We meet every other week, on Tuesday.", "biweekly", 1, None),
        ("A fortnightly call on Wednesday.", "biweekly", 2, None),
        ("We meet monthly.", "monthly", None, None),
        ("We meet every month on the 2nd Tuesday.", "monthly", 1, None),
        ("We meet once a month.", "monthly", None, None),
    ],
)
def test_cadence_reads_every_way_a_readme_states_a_rhythm(text, frequency, weekday, start):
    (schedule,) = stated_schedules(text, "README.md", Problems())
    assert schedule.parsed, schedule
    assert (schedule.frequency, schedule.weekday, schedule.start) == (frequency, weekday, start)


@pytest.mark.parametrize(
    ("text", "quote", "line"),
    [
        # a heading that contradicts itself: weekly (biweekly), in either kind of parentheses
        ("## ４，周例会(双周例会)\n\n时间：SIG微信群内通知\n", "４，周例会(双周例会)", 1),  # sigs/security
        ("### 周例会（双周例会）\n\n例会内容：对齐进展\n", "周例会（双周例会）", 1),
        ("## Weekly meeting (bi-weekly)\n\nWe sync on progress.\n", "Weekly meeting (bi-weekly)", 1),
        # a sentence that states another rhythm than its heading
        ("### 周例会\n\n* 时间：周四 15:00，每2周一次\n", "时间：周四 15:00，每2周一次", 3),
        (
            "## Weekly meeting\n\nWe meet every two weeks on Thursday.\n",
            "We meet every two weeks on Thursday.",
            3,
        ),
        # LLM Inference Serving's Chinese line: two days
        ("* 时间：周三或周四下午16点30分，每2周开展一次\n", "时间：周三或周四下午16点30分，每2周开展一次", 1),
        ("* 活动频率：每2-3个月1次\n", "活动频率：每2-3个月1次", 1),  # sigs/executor: a range
    ],
)
def test_a_contradicting_heading_or_an_unclear_rhythm_is_quoted_not_parsed(text, quote, line):
    (schedule,) = stated_schedules(text, "README.md", Problems())
    assert not schedule.parsed and (schedule.quote, schedule.line) == (quote, line)


def test_a_heading_that_agrees_with_its_sentence_leaves_it_parsed():
    """heterogeneous_fusion's `### 3. 双周例会` over a biweekly sentence; a heading alone states nothing."""
    text = "### 3. 双周例会\n\n- 时间：周六晚上7点，每2周开展一次\n\n## Weekly meeting\n\nTime: on WeChat\n"
    (schedule,) = stated_schedules(text, "README.md", Problems())
    assert schedule.parsed and (schedule.frequency, schedule.weekday, schedule.start) == (
        "biweekly",
        5,
        "19:00",
    )
    assert schedule.line == 3


@pytest.mark.parametrize(
    ("text", "frequency", "weekday"),
    [
        ("Weekly meeting on Frıday at 15:00 UTC+8.", "weekly", 4),  # a Turkish keyboard's dotless ı
        ("We meet weekly on ſunday at 10:00.", "weekly", 6),  # the long s
        ("We meet weekly, ſat 10:00.", "weekly", 5),
        ("Bıweekly on Monday at 09:00.", "biweekly", 0),
        ("Wee\u212aly on Thursday at 09:00.", "weekly", 3),  # the Kelvin sign
        ("We meet weekly on the ſecond Monday at 09:00.", "weekly", 0),
    ],
)
def test_a_letter_that_matches_an_english_word_as_its_look_alike_is_read_as_it(text, frequency, weekday):
    """Case-insensitive matching takes `ı`, `İ`, `ſ` and the Kelvin sign for i, s and k: a day or a
    rhythm so written is read as the word it matched (it stopped the build with StopIteration)."""
    (schedule,) = stated_schedules(text, "README.md", Problems())
    assert (schedule.frequency, schedule.weekday) == (frequency, weekday)


def test_a_file_whose_month_is_written_with_a_look_alike_is_dated():
    from sigsite.hub.records import file_date

    assert file_date("slides/2020/TSC-Meeting-\u017fep-18.pdf") == date(2020, 9, 18)  # ValueError before
