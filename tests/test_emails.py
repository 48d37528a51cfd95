"""The scanner of e-mail addresses (sigsite/emails.py) on what a reader sees but the text hides:
characters no reader sees between an address's parts, and domains written in another script."""

from __future__ import annotations

import pytest
from costs import cost, seconds_of

from sigsite.emails import find_addresses, redact
from sigsite.file_text import plain_addresses


@pytest.mark.parametrize(
    "text",
    [
        "victim\u00ad@corpmail.cn",  # a soft hyphen, as the character
        "victim&shy;@corpmail.cn",  # and as the entity
        "vic%C2%ADtim@corpmail.cn",  # and percent-encoded
        "victim\u200b@corp\u200dmail.cn",  # zero-width space and joiner
        "victim@corpmail\u2060.cn",  # word joiner
        "vic\ufefftim@corpmail.cn",  # a byte order mark inside
        "victim\u200e@\u202ecorpmail.cn",  # direction marks
        "victim\ufe0f@corpmail.cn",  # a variation selector
    ],
)
def test_an_address_with_characters_no_reader_sees_is_withheld_whole(text):
    withheld, found = redact(text)
    assert [a.address for a in found] == ["victim@corpmail.cn"]
    assert withheld == "[e-mail hidden]"


def test_a_domain_wholly_in_another_script_is_an_address():
    withheld, found = redact("write to victim@例子.中国 or victim＠例子。中国 today")
    assert [a.address for a in found] == ["victim@例子.中国"] * 2
    assert withheld == "write to [e-mail hidden] or [e-mail hidden] today"


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("发送邮件至dev@mindspore.cn进行订阅", "dev@mindspore.cn"),  # Chinese written on without a space
        ("请联系sig-x@openeuler.org。如果不需要，请删除", "sig-x@openeuler.org"),  # an ideographic full stop
        ("zhou@huawei.com，谢谢", "zhou@huawei.com"),
    ],
)
def test_chinese_written_on_after_an_address_is_not_its_domain(text, address):
    assert [a.address for a in find_addresses(text)] == [address]


def test_a_public_list_followed_by_chinese_stays_public():
    public = frozenset({"dev@mindspore.cn"})
    assert redact("订阅dev@mindspore.cn。谢谢", public) == ("订阅dev@mindspore.cn。谢谢", [])


def test_letters_of_other_scripts_in_bytes_that_are_no_text_make_no_address():
    # Latin-1 letters after an `@` in binary data are chance: the domain is read in ASCII there
    assert list(plain_addresses(b"\x00\x01ab@\xe9\xe8\xe0\xe7.\xe9\xe8\x00")) == []
    assert [a.address for a in plain_addresses(b"\x00\x01ab@example.org\x00")] == ["ab@example.org"]


def test_invisible_characters_and_other_scripts_cost_in_proportion():
    for unit in ("a\u200b@", "x@例子\u00ad.", "\u00ad" * 8 + "@"):
        text = unit * 40_000
        assert seconds_of(lambda: find_addresses(text), 2.0) < 2.0, unit  # noqa: B023 (run at once)


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ("<p>ada&#64;<b>mindspore</b>.cn</p>", [(3, 30, "ada@mindspore.cn")]),  # joined by inline tags
        ('<div title="ada@mindspore.cn">x</div>', [(12, 28, "ada@mindspore.cn")]),  # in a block tag
        ("<p>ada</p>@mindspore.cn", []),  # a paragraph's end is a space between them
        ("<p>ada%<b></b>40mindspore.cn</p>", [(3, 28, "ada@mindspore.cn")]),  # a percent sign joined
        ("<li>" * 5_000 + "<span>ada</span>@mindspore.cn", [(20_006, 20_029, "ada@mindspore.cn")]),
        ('<a href="mailto:ada@mindspore.cn">ada</a>', [(9, 32, "ada@mindspore.cn")]),
        ("<div>" * 200 + "ada<b></b>@mindspore.cn", [(1_000, 1_023, "ada@mindspore.cn")]),  # read joined
        ("x" * 1_000 + "<p>ada<b></b>@mindspore.cn</p>" + "y" * 1_000, [(1_003, 1_026, "ada@mindspore.cn")]),
        (
            "<li>" * 300 + '<div title="ada@mindspore.cn">' + "<li>" * 300,
            [(1_212, 1_228, "ada@mindspore.cn")],
        ),
    ],
)
def test_html_read_in_parts_finds_each_address_where_it_is_written(html, found):
    """HTML is read only around the characters that can become an `@`, between the places no
    address crosses (`<` and `>` as written, a separating tag when joined): each address is
    found as reading the whole would, at its place in the whole."""
    assert [(a.start, a.end, a.address) for a in find_addresses(html, markdown=False)] == found


def test_html_read_in_parts_finds_what_reading_it_whole_finds():
    """On thousands of fragments of HTML, addresses hidden in entities, percent signs, tags of
    either kind and other scripts: the same addresses at the same places as one reading of the
    whole text in each way (tags as written, then joined)."""
    import random

    from sigsite.emails import _found_in

    pieces = [
        *"ab.@-_ <>/&#;%4０＠﹫。，x\u200b中\"=", "&#64;", "%40", "<b>", "</b>", "<B >", "<div>",
        "</DIV>", "<br/>", "<span class=\"x\">", "</span>", "mailto:", "//", '<a href="', '">',
        "<abbr>", "<abbrx>", "<s>", "<sub/>", "<ſpan>", "<KBD>", "&lt;", "\u00a0", "<b\u00a0x>",
        "<x-y>", "git@", ".org", ".cn", "mindspore",
        "<div>" * 120, "<b>" * 200, "y" * 600, "中" * 600,  # parts far apart are read apart
    ]  # fmt: skip
    rng = random.Random(5)
    for _ in range(4_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        whole = [a for join in (False, True) for a in _found_in(text, False, join)]
        whole.sort(key=lambda a: (a.start, -a.end))
        kept: list = []
        for address in whole:
            if not kept or address.start >= kept[-1].end:
                kept.append(address)
        assert find_addresses(text, markdown=False) == kept, text


def test_an_address_with_its_domain_written_on_and_on_costs_in_proportion():
    """`a@x.cn@x.cn@…`: each domain written on is read once, not once for every address that
    could start inside the run (which took half a minute for 25 KB)."""
    seconds = {}
    for count in (10_000, 40_000):
        text = "a@x.cn" + "@x.cn" * count
        seconds[count], found = cost(lambda: find_addresses(text))  # noqa: B023 (run at once)
        assert [(a.address, a.start, a.end) for a in found] == [("a@x.cn", 0, len(text))]
    assert seconds[40_000] < 2.0 and seconds[40_000] <= 6 * seconds[10_000] + 0.3, seconds


def test_a_public_address_written_on_with_another_domain_is_withheld_whole():
    """`dev@mindspore.cn@corp-mail.cn` is not the public list: what it is written on with reads as
    another address (`mindspore.cn@corp-mail.cn`), so the whole is withheld."""
    public = frozenset({"dev@mindspore.cn"})
    assert redact("mail dev@mindspore.cn@corp-mail.cn now", public)[0] == "mail [e-mail hidden] now"
    assert redact("mail dev@mindspore.cn now", public)[0] == "mail dev@mindspore.cn now"


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("josé@gmail.com", "josé@gmail.com"),
        ("иван@yandex.ru", "иван@yandex.ru"),
        ("write to müller@gmx.de", "müller@gmx.de"),
        ("张三@163.com", "张三@163.com"),  # an East Asian name is the user part where nothing else is
        ("请发送至dev@mindspore.cn订阅", "dev@mindspore.cn"),  # Chinese before an address is no part of it
        ("订阅 dev@mindspore.cn", "dev@mindspore.cn"),
    ],
)
def test_a_user_part_in_another_alphabet_is_an_address(text, address):
    """RFC 6531 user parts (`josé@`, `иван@`) are addresses too; they reached pages as written."""
    assert [a.address for a in find_addresses(text, markdown=False)] == [address]
    assert "@" not in redact(text, markdown=False)[0]


def test_the_places_that_may_become_an_at_are_those_the_expression_finds():
    """`_Candidates` (a `str.find` for each character) answers as `_MAY_HOLD_AN_ADDRESS.search`
    does, asked forwards, again at the same place, and further back."""
    import random

    from sigsite.emails import _MAY_HOLD_AN_ADDRESS, _Candidates

    rng = random.Random(7)
    alphabet = ["a", "<", "@", "&", "%", "\uff20", "\ufe6b", "中", " "]
    for _ in range(2_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        candidates = _Candidates(text)
        for position in [*sorted(rng.randint(0, len(text) + 1) for _ in range(6)), 0, len(text) // 2]:
            expected = _MAY_HOLD_AN_ADDRESS.search(text, position)
            assert candidates.first(position) == (expected.start() if expected else -1), (text, position)
