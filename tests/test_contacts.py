"""A way in for every group: the contacts its files give, each with its file and line (sig-info.yaml,
sig_members.yaml, READMEs); a withheld address's placeholder linked to its line on the forge at the
snapshot's commit; the card that lists them, or says there are none; addresses a layout's field
declares public."""

from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import validate_published
from hub_support import JUNE_2021, build_hub, make_community

from sigsite.contacts import declared_public, readme_contacts, shown_contacts
from sigsite.hub.loader import load_community
from sigsite.layout import MINDSPORE
from sigsite.loader import Sources, load_sig
from sigsite.markup.document import render_markdown
from sigsite.markup.withheld import localized, settled
from sigsite.model import Contact, Rendered
from sigsite.privacy import withhold_in_text
from sigsite.problems import Problems

FORGE = "https://gitee.com/mindspore/community"
PUBLIC = frozenset({"dev@mindspore.cn"})
SIG_INFO = """\
name: S
mailing_list: {mailing_list}
meeting_url: https://etherpad.example.org/p/s
mentors:
- name: Mentor
  email: TO_BE_CLARIFIED
- name: Second Mentor
  email: mentor@example.org
maintainers:
- gitee_id: ann
  name: Ann
  email: NA
- gitee_id: bob
  name: Bob
  email: bob@example.org
"""


def _contacts(folder: Path, public: frozenset[str] = PUBLIC) -> dict[str, Contact]:
    data, _ = load_sig(Sources(root=folder, public_emails=public))
    return {c.kind: c for c in data.contacts}


def _readme(text: str, public: frozenset[str] = PUBLIC) -> tuple[Contact, ...]:
    """The contacts of a README whose text is read as the hub reads it: addresses withheld first."""
    return readme_contacts("wg/README.md", withhold_in_text(text, public, "wg/README.md", Problems()), public)


# sig-info.yaml and sig_members.yaml


def test_a_public_mailing_list_is_shown_with_its_line(tmp_path):
    (tmp_path / "sig-info.yaml").write_text(SIG_INFO.format(mailing_list="dev@mindspore.cn"), "utf-8")
    contacts = _contacts(tmp_path)
    assert contacts["mailing_list"] == Contact("mailing_list", "sig-info.yaml", 2, "dev@mindspore.cn")
    assert contacts["meeting_pad"] == Contact(
        "meeting_pad", "sig-info.yaml", 3, "https://etherpad.example.org/p/s"
    )


def test_a_personal_mailing_list_is_withheld_and_its_line_kept(tmp_path):
    (tmp_path / "sig-info.yaml").write_text(SIG_INFO.format(mailing_list="ann@example.org"), "utf-8")
    contacts = _contacts(tmp_path)
    assert contacts["mailing_list"] == Contact("mailing_list", "sig-info.yaml", 2, None, withheld=True)


@pytest.mark.parametrize(
    ("written", "kept"), [("TO_BE_CLARIFIED", False), ("NA", False), ("https://lists.example.org/s", True)]
)
def test_a_mailing_list_that_is_no_address_is_no_contact_unless_a_web_page(tmp_path, written, kept):
    (tmp_path / "sig-info.yaml").write_text(SIG_INFO.format(mailing_list=written), "utf-8")
    contacts = _contacts(tmp_path)
    assert ("mailing_list" in contacts) is kept
    if kept:
        assert contacts["mailing_list"].address == written


def test_the_first_maintainer_and_mentor_with_an_address_lead_to_its_line_never_to_the_address(tmp_path):
    (tmp_path / "sig-info.yaml").write_text(SIG_INFO.format(mailing_list="NA"), "utf-8")
    contacts = _contacts(tmp_path)
    # Ann's email is NA: Bob's line is the way to a maintainer; the mentor's TO_BE_CLARIFIED is skipped.
    assert contacts["maintainers"] == Contact("maintainers", "sig-info.yaml", 15, None, withheld=True)
    assert contacts["mentors"] == Contact("mentors", "sig-info.yaml", 8, None, withheld=True)
    assert "bob@example.org" not in repr(contacts) and "mentor@example.org" not in repr(contacts)


def test_a_maintainers_public_address_is_shown(tmp_path):
    text = SIG_INFO.format(mailing_list="NA").replace("bob@example.org", "dev@mindspore.cn")
    (tmp_path / "sig-info.yaml").write_text(text, "utf-8")
    assert _contacts(tmp_path)["maintainers"].address == "dev@mindspore.cn"


def test_a_maintainers_public_address_written_on_with_another_domain_is_withheld(tmp_path):
    """`dev@mindspore.cn@corp-mail.cn` is not the public list (emails.FoundAddress.written_on)."""
    text = SIG_INFO.format(mailing_list="NA").replace("bob@example.org", "dev@mindspore.cn@corp-mail.cn")
    (tmp_path / "sig-info.yaml").write_text(text, "utf-8")
    maintainers = _contacts(tmp_path)["maintainers"]
    assert maintainers.withheld and maintainers.address is None


def test_a_members_files_maintainer_address_leads_to_its_line_and_a_contributors_does_not(tmp_path):
    (tmp_path / "sig_members.yaml").write_text(
        "Contributors:\n- name: C\n  gitee_home: https://gitee.com/c\n  email: c@example.org\n"
        "Maintainers:\n- name: M\n  gitee_home: https://gitee.com/m\n  email: m@example.org\n",
        "utf-8",
    )
    assert list(_contacts(tmp_path).values()) == [
        Contact("maintainers", "sig_members.yaml", 8, None, withheld=True)
    ]


# READMEs


def test_a_readmes_address_under_how_to_join_is_its_contact_and_others_are_not():
    text = (
        "# Research\n\nProf. A a@example.org leads it.\n\n## How To Join：\n\n"
        "* Submit an issue\n* Submit your proposal to us by email <wang1@example.org>\n"
        "* or b@example.org\n* or dev@mindspore.cn, our list\n"
    )
    assert _readme(text) == (
        Contact("email", "wg/README.md", 8, None, withheld=True),  # the first withheld one, once
        Contact("email", "wg/README.md", 10, "dev@mindspore.cn"),
    )


def test_without_a_section_on_joining_a_readmes_first_address_is_its_contact():
    assert _readme("# XAI\n\n## SIG members\n\nDr. A a@example.org lead\n\nDr. B b@example.org\n") == (
        Contact("email", "wg/README.md", 5, None, withheld=True),
    )


def test_a_channel_is_found_with_the_address_its_line_gives_and_never_in_code():
    text = (
        "## Discussion\n\n```\nSlack: https://fake.example.org\n```\n\n"
        "- Slack channel: <https://app.slack.com/client/T/C>\n"
        "- 时间：SIG微信群内通知\n- 微信群二维码: https://example.org/qr.png\n- a zulip stream\n"
    )
    assert _readme(text) == (
        Contact("slack", "wg/README.md", 7, "https://app.slack.com/client/T/C"),
        Contact("wechat", "wg/README.md", 9, "https://example.org/qr.png"),  # the line that gives one
        Contact("zulip", "wg/README.md", 10, None),  # named, its way in told in words
    )


def test_the_service_a_groups_calls_are_held_on_is_found_where_a_line_speaks_of_joining():
    text = (
        "Zoom in on the figure to read it.\n\nThe committee meets regularly and calls are available\n"
        "for any community member to join via **Zoom** on the **3rd Thursday** every month.\n"
        "- 腾讯会议链接: https://meeting.tencent.com/dm/abc\n"
    )
    assert _readme(text) == (
        Contact("zoom", "wg/README.md", 4, None),
        Contact("tencent_meeting", "wg/README.md", 5, "https://meeting.tencent.com/dm/abc"),
    )


def test_a_page_lists_one_contact_of_each_kind_its_own_readmes_first():
    english = Contact("wechat", "g/README_en.md", 3, None)
    chinese = Contact("wechat", "g/README.md", 5, None)
    listed = Contact("mailing_list", "g/sig-info.yaml", 2, "dev@mindspore.cn")
    again = Contact("email", "g/README.md", 9, "DEV@mindspore.cn")
    pad = Contact("meeting_pad", "g/sig-info.yaml", 3, "https://pad.example.org/")
    assert shown_contacts([english, chinese, pad, listed, again], "g/README.md") == (listed, chinese, pad)
    assert shown_contacts([english, chinese, pad], "g/README_en.md") == (english, pad)


def test_every_fixture_groups_contacts_name_their_file_and_line(tmp_path):
    community, _ = load_community(make_community(tmp_path / "c"), public_emails=PUBLIC)
    contacts = {g.id: g.contacts for g in community.folders}
    assert contacts["research"] == (Contact("email", "working-groups/research/README.md", 17, None, True),)
    assert set(contacts["alpha"]) == {
        Contact("meeting_pad", "sigs/alpha/sig-info.yaml", 6, "https://etherpad.example.org/p/alpha"),
        Contact("maintainers", "sigs/alpha/sig-info.yaml", 17, None, True),
        Contact("email", "sigs/alpha/README_en.md", 22, None, True),
    }
    assert contacts["tsc"] == contacts["beta"] == contacts["delta"] == ()


# A withheld address's placeholder as a link to its line


def _rendered(text: str) -> Rendered:
    redacted = withhold_in_text(text, frozenset(), "x.md", Problems())
    return render_markdown(redacted, lambda *_: None, withheld_links=True)


def test_each_placeholder_links_to_its_own_line_and_then_to_the_forge_in_the_pages_language():
    rendered = _rendered(
        "# T\n\n- by email <a@example.org>.\n- or\n  b@example.org\n\n| c@example.org |\n|---|\n"
    )
    links = BeautifulSoup(rendered.html, "lxml").select("a.sig-withheld")
    assert [a["href"] for a in links] == ["#L3", "#L5", "#L7"]
    assert "&lt;" not in rendered.html  # an autolink's brackets go with its address
    forge = settled(rendered, lambda line: f"{FORGE}/blob/c0ffee/x.md#L{line}")
    shown = BeautifulSoup(localized(forge, "邮箱见 Gitee").html, "lxml")
    assert [(a["href"], a.get_text()) for a in shown.select("a.sig-withheld")][:1] == [
        (f"{FORGE}/blob/c0ffee/x.md#L3", "邮箱见 Gitee")
    ]
    assert not shown.select("[data-sigsite-withheld]") and "e-mail hidden" not in str(shown)


def test_a_placeholder_in_a_links_text_or_in_code_stays_text():
    rendered = _rendered(
        "[write to a@example.org](https://example.org/) `b@example.org` <a href='https://x.org'>c@example.org</a>\n"
    )
    soup = BeautifulSoup(rendered.html, "lxml")
    assert not soup.select("a.sig-withheld") and not soup.select("a a")
    assert soup.get_text().count("[e-mail hidden]") == 3


def test_a_link_to_a_withheld_address_shows_no_markdown_and_leads_to_its_line():
    """openEuler's Kernel README: a list's address as a mailto link and inside a web address."""
    rendered = _rendered(
        "# T\n\n| [kd@example.org](mailto:kd@example.org) |\n|---|\n\n"
        "- Write to [Frank](mailto:frank@example.org) ![logo](https://x.org/frank@example.org.png)\n"
        "- [https://lists.example.org/kd@example.org/](https://lists.example.org/kd@example.org) 订阅\n"
    )
    soup = BeautifulSoup(rendered.html, "lxml")
    assert not re.search(r"[\[\]()]", soup.get_text().replace("[e-mail hidden]", ""))
    links = soup.select("a:not(.headerlink)")
    assert [(a["href"], a.get_text()) for a in links] == [(f"#L{n}", "[e-mail hidden]") for n in (3, 6, 6, 7)]
    assert "Write to Frank [e-mail hidden]" in soup.get_text() and not soup.select("img")
    assert "https://lists.example.org/[e-mail hidden]/ 订阅" in soup.get_text()


def test_a_file_cannot_write_a_placeholders_link_itself():
    forged = (
        "\ufdd00\ufdd1 "
        '<a class="sig-withheld" data-sigsite-withheld href="#L1" rel="noopener">[e-mail hidden]</a>\n'
    )
    rendered = render_markdown(forged, lambda *_: None, withheld_links=True)
    assert "\ufdd0" not in rendered.html and "data-sigsite-withheld" not in rendered.html
    assert settled(rendered, lambda line: "https://elsewhere.example.org/") == rendered


def _git_checkout(root: Path) -> str:
    env = {
        **os.environ,
        **{
            f"GIT_{who}_{what}": value
            for who in ("AUTHOR", "COMMITTER")
            for what, value in (("NAME", "t"), ("EMAIL", "t@t"), ("DATE", "2021-05-20T12:00:00+08:00"))
        },
    }
    for arguments in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "snapshot"]):
        subprocess.run(["git", "-C", str(root), *arguments], check=True, env=env, capture_output=True)
    return subprocess.run(
        ["git", "-C", str(root), "rev-parse", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()


def test_a_readmes_and_a_notes_placeholders_lead_to_their_lines_at_the_snapshots_commit(tmp_path):
    root = make_community(tmp_path / "c")
    note = root / "sigs" / "alpha" / "meetings" / "001-20210304.md"
    lines = note.read_text("utf-8").split("\n")
    note.write_text("\n".join([*lines[:3], "Write to carol@example.org.", *lines[3:]]), "utf-8")
    commit = _git_checkout(root)
    community, _ = load_community(root)
    research = community.sig("research").readme("en")
    assert research is not None
    link = BeautifulSoup(research.rendered.html, "lxml").select_one("a.sig-withheld")
    assert link is not None
    assert link["href"] == f"{FORGE}/blob/{commit}/working-groups/research/README.md#L17"
    meeting = next(m for m in community.sig("alpha").meetings if m.source == note.name)
    link = BeautifulSoup(meeting.rendered.html, "lxml").select_one("a.sig-withheld")
    assert link is not None and link["href"] == f"{FORGE}/blob/{commit}/sigs/alpha/meetings/{note.name}#L4"


# A group address public by the meaning of its field (the layout's public_fields)


def test_a_field_declares_only_one_address_at_its_domains_public():
    from sigsite.yaml_source import load_yaml

    fields = {"mailing_list": ("openeuler.org",)}
    for written, public in [
        ("a-tune@openeuler.org", True),
        ("kernel@lists.openeuler.org", True),
        ("someone@gmail.com", False),
        ("a@openeuler.org, b@openeuler.org", False),
        ("a@notopeneuler.org", False),
    ]:
        data = load_yaml(
            f"mailing_list: {written}\nmaintainers:\n- email: x@openeuler.org\n", "s", Problems()
        )
        assert bool(declared_public(data, fields)) is public, written
        assert "x@openeuler.org" not in declared_public(data, fields)  # only the field named


def test_a_layouts_public_field_publishes_the_groups_list_and_nothing_else(tmp_path):
    root = make_community(tmp_path / "c")
    info = root / "sigs" / "alpha" / "sig-info.yaml"
    info.write_text(
        info.read_text("utf-8").replace("TO_BE_CLARIFIED", "alpha@lists.openeuler.org", 1), "utf-8"
    )
    readme = root / "sigs" / "alpha" / "README_en.md"
    readme.write_text(readme.read_text("utf-8") + "\nOur list: alpha@lists.openeuler.org\n", "utf-8")
    layout = replace(MINDSPORE, public_fields={"mailing_list": ("openeuler.org",)})
    community, problems = load_community(root, layout=layout)
    assert not any("a…@lists.openeuler.org" in p.message for p in problems.items)  # not withheld
    alpha = community.sig("alpha")
    assert (
        Contact("mailing_list", "sigs/alpha/sig-info.yaml", 5, "alpha@lists.openeuler.org") in alpha.contacts
    )
    assert "alpha@lists.openeuler.org" in community.public_emails
    assert "alpha@lists.openeuler.org" in alpha.readme("en").rendered.html  # the group's own, public
    assert "ada.private@example.org" not in alpha.readme("en").rendered.html
    without, said = load_community(root)  # MindSpore's layout declares no field public
    assert any("a…@lists.openeuler.org is withheld" in p.message for p in said.items)
    assert not any(c.kind == "mailing_list" and c.address for c in without.sig("alpha").contacts)
    assert "alpha@lists.openeuler.org" not in without.public_emails


# The built hub


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    root = make_community(tmp_path_factory.mktemp("community"))
    commit = _git_checkout(root)
    built = build_hub(root, tmp_path_factory.mktemp("hub") / "site", env={"SOURCE_DATE_EPOCH": JUNE_2021})
    assert built.ok, built.result.stderr
    return built, commit


def _contact_row(built, page: str) -> BeautifulSoup:
    row = built.html(page).select_one("dd.sig-contacts")
    assert row is not None, page
    return row


@pytest.mark.build
def test_a_working_groups_card_and_readme_lead_to_the_line_that_holds_its_address(hub):
    built, commit = hub
    line = f"{FORGE}/blob/{commit}/working-groups/research/README.md#L17"
    for page, label, text in [
        ("working-groups/research/index.html", "E-mail: ", "e-mail on Gitee"),
        ("zh/working-groups/research/index.html", "邮箱：", "邮箱见 Gitee"),
    ]:
        row = _contact_row(built, page)
        assert [
            (li.select_one(".sig-label").get_text(), li.a.get_text(), li.a["href"]) for li in row.select("li")
        ] == [(label, text, line)]
        in_readme = built.article(page).select(".sig-facts ~ * a.sig-withheld, h2 ~ * a.sig-withheld")
        assert [(a.get_text(), a["href"]) for a in in_readme] == [(text, line)]
        assert "lead.research@example.org" not in (built.site / page).read_text("utf-8")


@pytest.mark.build
def test_a_group_whose_files_give_no_contact_says_so_and_links_to_its_folder(hub):
    built, commit = hub
    for page, group in [("tsc/index.html", "tsc"), ("zh/sigs/beta/index.html", "sigs/beta")]:
        row = _contact_row(built, page)
        assert not row.select("li")
        assert row.a["href"] == f"{FORGE}/tree/{commit}/{group}"
    assert (
        "Its files give no mailing list, channel or address to write to."
        in _contact_row(built, "tsc/index.html").get_text()
    )
    assert (
        "该小组的文件未给出邮件列表、交流渠道或联系邮箱。"
        in _contact_row(built, "zh/sigs/beta/index.html").get_text()
    )


@pytest.mark.build
def test_a_sigs_card_lists_each_kind_once_and_sigs_json_gives_every_contact(hub):
    built, commit = hub
    row = _contact_row(built, "sigs/alpha/index.html")
    assert [li.get_text(" ", strip=True) for li in row.select("li")] == [
        "E-mail: e-mail on Gitee",
        "Meeting pad: etherpad.example.org/p/alpha",
        "Maintainers' e-mail: e-mail on Gitee",
    ]
    assert row.select("a")[2]["href"] == f"{FORGE}/blob/{commit}/sigs/alpha/sig-info.yaml#L17"
    sigs = json.loads((built.site / "sigs.json").read_text("utf-8"))
    validate_published(sigs, built.site / "schemas", "api_sigs")
    research = next(s for s in sigs["sigs"] if s["id"] == "research")
    assert research["contacts"] == [
        {
            "kind": "email",
            "file": "working-groups/research/README.md",
            "line": 17,
            "address": None,
            "withheld": True,
        }
    ]
