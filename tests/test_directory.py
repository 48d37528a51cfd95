"""The hub's directory and what it shows of each group, in the core (no build): names as plain text
(issue 31), each description in its language with the group's own files first, the order by name
without the community's own prefix, and the words the filter finds a group by."""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup
from hub_support import make_community
from markupsafe import Markup

from sigsite.hub.descriptions import group_descriptions, introductions
from sigsite.hub.listing import Listed
from sigsite.layout import MINDSPORE
from sigsite.load import LoadSettings, load
from sigsite.markup.inline import inline_html
from sigsite.model import Group, Meeting, Readme, SigFacts
from sigsite.names import name_as_text, order_name, plain_name
from sigsite.plan.directory import filter_words, latest_activity
from sigsite.problems import Problems
from sigsite.render.hub_blocks import DirectoryEntry, render_directory


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("operators/", "operators"),
        ("**Data** SIG", "Data SIG"),
        ("`ops` ~~old~~ SIG //", "ops old SIG"),
        ("[Trusted AI](https://example.org) SIG", "Trusted AI SIG"),
        ("Data\n  SIG", "Data SIG"),
    ],
)
def test_a_name_is_plain_text_and_its_marks_are_warned_about_at_its_line(written, shown):
    problems = Problems()
    assert plain_name(written) == shown
    assert name_as_text(written, "sigs/x/sig-info.yaml", 3, problems) == shown
    if " ".join(written.split()) == shown:  # only spacing: nothing to say
        assert problems.items == []
        return
    (warning,) = problems.warnings
    assert (warning.file, warning.line) == ("sigs/x/sig-info.yaml", 3)
    assert f"is shown as '{shown}'" in warning.message and "plain text" in warning.fix


@pytest.mark.parametrize(
    "name", ["MindSpore Flow&Earth {{ 7*7 }} SIG", "Alpha</title><script>alert(7)</script> SIG", "2 * 3 SIG"]
)
def test_a_name_without_marks_is_kept_as_written(name):
    """What looks like a tag or an entity is text, escaped where it is shown: no warning."""
    problems = Problems()
    assert name_as_text(name, "sigs/sig_info.yaml", 4, problems) == name
    assert problems.items == []


def test_a_name_of_nothing_but_marks_is_no_name():
    problems = Problems()
    assert name_as_text("**/**", "sigs/x/sig-info.yaml", 1, problems) is None
    assert "it is shown as nothing" in problems.warnings[0].message


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("MindSpore AKG SIG", "akg sig"),
        ("mindspore_reinforcement SIG", "reinforcement sig"),
        ("昇思MindSpore 量子 SIG", "量子 sig"),
        ("MindSporeLite", "lite"),
        ("Mindsporex SIG", "mindsporex sig"),  # the prefix is a word of its own, or it stays
        ("MindSpore", "mindspore"),  # nothing but the prefix: kept
        ("DevelopereXperience SIG", "developerexperience sig"),
    ],
)
def test_the_directory_orders_a_name_without_the_communitys_own_prefix(name, key):
    assert order_name(name, MINDSPORE.name_prefixes) == key


def _fixture_group(
    tmp_path, group_id: str, edits: dict[str, tuple[str, str]] | None = None
) -> tuple[Group, Problems]:
    """A group of the fixture community loaded, after `edits` (file -> (old, new)) to its files."""
    community = make_community(tmp_path / "community")
    for relative, (old, new) in (edits or {}).items():
        path = community / relative
        text = path.read_text("utf-8")
        assert old in text
        path.write_text(text.replace(old, new), "utf-8")
    loaded = load(community, LoadSettings(), date(2021, 6, 1))  # its leaders chosen, as the hub does
    return loaded.community.sig(group_id), loaded.problems


def test_a_groups_own_descriptions_come_before_the_listing_each_in_its_language(tmp_path):
    alpha, _ = _fixture_group(tmp_path, "alpha")
    # sig-info.yaml: description_en for English, its description (written in Chinese) for Chinese;
    # the listing's lines after them, the README's first paragraphs last.
    assert alpha.introduction == {
        "en": "The Alpha SIG works on trusted computing.",
        "zh": "Alpha SIG 研究可信计算与隐私保护。",
    }
    assert [(d.language, d.plain) for d in alpha.descriptions][:4] == [
        ("en", "The Alpha SIG works on trusted computing."),
        ("zh", "Alpha SIG 研究可信计算与隐私保护。"),
        ("en", "This SIG is responsible for trusted computing."),
        ("zh", "可信计算技术"),
    ]
    assert alpha.description("zh").language == "zh"


def test_a_language_suffixed_field_wins_in_its_language_and_names_its_language(tmp_path):
    alpha, _ = _fixture_group(
        tmp_path,
        "alpha",
        {
            "sigs/alpha/sig-info.yaml": (
                "description_en: The Alpha SIG works on trusted computing.",
                "description_en: '**Trusted** computing'\ndescription_cn: 可信\nname_en: Alpha (English)",
            )
        },
    )
    assert alpha.description("en").html == "<strong>Trusted</strong> computing"
    assert alpha.introduction["en"] == "Trusted computing"
    assert alpha.introduction["zh"] == "可信"  # description_cn is Chinese, before the description
    assert alpha.name_in("en") == "Alpha (English)" and alpha.name_in("zh") == alpha.name


def test_a_page_in_a_language_no_description_is_written_in_shows_another_marked(tmp_path):
    """A group whose files describe it in Chinese alone: the English page shows the Chinese text,
    and says which language it is in (the card marks it)."""
    facts = SigFacts(description="只有中文的简介")
    described = group_descriptions(facts, ())
    group = Group(name="x", kind="sig", descriptions=described, introduction=introductions(described))
    shown = group.description("en")
    assert shown is not None and shown.language == "zh" and group.intro("en") == "只有中文的简介"
    entry = DirectoryEntry(
        group, "x/", "quiet", name="x", intro=Markup(shown.html), intro_language=shown.language, search="x"
    )
    html = render_directory([entry], _no_history(), MINDSPORE.kinds, "en")
    intro = BeautifulSoup(html, "lxml").select_one(".sig-card__intro")
    assert intro.select_one("span[lang=zh]").get_text() == "只有中文的简介"
    assert intro.select_one(".sig-badge--language").get_text() == "中文"


def test_the_listing_in_one_language_holding_another_languages_text_counts_as_that_language():
    english = Listed("Gamma", None, "This SIG lives on GitHub.", None)
    chinese = Listed("Gamma", None, "This SIG lives on GitHub.", None)  # sig_info_chinese.yaml's
    described = group_descriptions(SigFacts(), [("sigs/sig_info.yaml", english), ("sigs/zh.yaml", chinese)])
    assert [(d.language, d.plain) for d in described] == [("en", "This SIG lives on GitHub.")]
    assert introductions(described) == {"en": "This SIG lives on GitHub."}


def test_a_readmes_first_paragraph_is_plain_text_and_comes_last():
    readme = Readme("en", "sigs/x/README_en.md", "# X SIG\n\nX SIG works on *things* that matter, a lot.\n")
    described = group_descriptions(SigFacts(), (), (readme,))
    assert [(d.language, d.plain, d.html) for d in described] == [
        ("en", "X SIG works on things that matter, a lot.", "X SIG works on things that matter, a lot.")
    ]


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        ("**ops - operators of computation**", "<strong>ops - operators of computation</strong>"),
        (
            "see [the guide](docs/guide.md) and [site](https://example.org)",
            'see the guide and <a href="https://example.org">site</a>',
        ),
        ('"><script>alert(6)</script>', '"&gt;'),
        ("<h1 id=__config>T</h1> ![chart](a.png) <img src=https://x.org/a.png>", "T chart "),
        ('<span id="__search" class="md-search" onclick="x()">s</span>', "<span>s</span>"),
        ('<a href="javascript:alert(1)">j</a> <a href="#top">t</a>', "<a>j</a> <a>t</a>"),
    ],
)
def test_a_description_is_rendered_as_inline_text_and_takes_no_id_block_or_script(markdown, html):
    assert inline_html(markdown) == html


def test_the_filter_finds_a_group_by_its_descriptions_topics_and_leaders_in_the_pages_language(tmp_path):
    alpha, _ = _fixture_group(tmp_path, "alpha")
    english, chinese = " ".join(filter_words(alpha, "en")), " ".join(filter_words(alpha, "zh"))
    assert "This SIG is responsible for trusted computing." in english  # the listing's line too
    assert "隐私保护" not in english and "隐私保护" in chinese  # each page its own language's
    assert "mindspore/alpha" in english  # a repository
    assert "Ada Alpha" in english and "Prof. Mentor" in english  # leaders


def test_a_groups_latest_activity_is_its_last_session_or_change_whichever_is_later():
    meeting = Meeting("001-20210304.md", "001-20210304", "x", date(2021, 3, 4), None, "Asia/Shanghai")
    group = Group(meetings=(meeting,), last_change=date(2021, 1, 1))
    assert latest_activity(group, date(2021, 6, 1)) == date(2021, 3, 4)
    assert latest_activity(Group(last_change=date(2021, 5, 1)), date(2021, 6, 1)) == date(2021, 5, 1)
    assert latest_activity(Group(), date(2021, 6, 1)) is None


def test_names_with_marks_in_the_listing_and_sig_info_are_warned_at_their_line(tmp_path):
    alpha, problems = _fixture_group(
        tmp_path,
        "alpha",
        {
            "sigs/sig_info.yaml": ("- name: MindSpore Alpha SIG", "- name: '**MindSpore Alpha SIG**/'"),
            "sigs/alpha/sig-info.yaml": ("name: alpha", "name: alpha/"),
        },
    )
    assert alpha.name == "MindSpore Alpha SIG" and alpha.facts.name == "alpha"
    located = {(p.file, p.line) for p in problems.warnings if "Markdown marks" in p.message}
    assert located == {("sigs/sig_info.yaml", 4), ("sigs/alpha/sig-info.yaml", 1)}


def test_the_directory_is_in_the_order_of_names_without_the_prefix_with_a_second_by_activity():
    groups = [
        Group(id=key, name=name, kind="sig")
        for key, name in (("b", "MindSpore Beta SIG"), ("a", "MindSpore AKG SIG"), ("z", "Zeta SIG"))
    ]
    entries = [
        DirectoryEntry(g, f"{g.id}/", "quiet", latest=date(2021, 1, 1) if g.id == "z" else None)
        for g in groups
    ]
    html = render_directory(entries, _no_history(), MINDSPORE.kinds, "zh", name_prefixes=("MindSpore",))
    page = BeautifulSoup(html, "lxml")
    assert [li["id"] for li in page.select(".sig-card h2")] == ["sig-a", "sig-b", "sig-z"]
    assert [li["data-latest"] for li in page.select(".sig-card")] == ["", "", "2021-01-01"]
    status = page.select_one(".sig-roster__status")
    assert status["data-showing"] == "显示 {shown} / {total} 个小组"  # groups, not people
    order = page.select_one(".sig-roster__order")
    assert order["data-param"] == "order" and [b["data-order"] for b in order.select("button")] == [
        "",
        "activity",
    ]
    assert {g["data-param"] for g in page.select(".sig-roster__filters")} == {"kind", "activity"}
    assert page.select_one("#sig-directory-find")["data-param"] == "find"


def _no_history():
    from sigsite.hub.history import History

    return History()


def test_an_address_the_rendering_makes_is_withheld_with_a_warning_naming_the_file(tmp_path):
    """The YAML's values are searched for addresses as written; `a@**b**.com` becomes one only once
    rendered, so the rendered description is searched too."""
    alpha, problems = _fixture_group(
        tmp_path,
        "alpha",
        {
            "sigs/alpha/sig-info.yaml": (
                "description_en: The Alpha SIG works on trusted computing.",
                "description_en: 'write to ada@**huawei**.com'",
            ),
            "sigs/sig_info.yaml": ("introduction: Computer vision kits.", "introduction: 'eve@*huawei*.com'"),
        },
    )
    assert alpha.description("en").html == "write to [e-mail hidden]"
    assert alpha.introduction["en"] == "write to [e-mail hidden]"
    withheld = {(p.file, p.message) for p in problems.warnings if "withheld" in p.message}
    assert (
        "sigs/alpha/sig-info.yaml",
        "the personal e-mail address a…@huawei.com is withheld from the site",
    ) in withheld
    assert (
        "sigs/sig_info.yaml",
        "the personal e-mail address e…@huawei.com is withheld from the site",
    ) in withheld


def test_an_address_a_names_marks_hid_is_withheld():
    problems = Problems()
    assert name_as_text("ada@**huawei**.com SIG", "sigs/sig_info.yaml", 8, problems) == "[e-mail hidden] SIG"
    withheld = [p for p in problems.warnings if "withheld" in p.message]
    assert [(p.file, p.line) for p in withheld] == [("sigs/sig_info.yaml", 8)]
