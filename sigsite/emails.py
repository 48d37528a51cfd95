"""Personal e-mail addresses in committed text: found after every decoding an output applies, withheld.

A page, feed or mail client may decode what a file holds before anyone reads it: HTML entities
(`&#64;`, `&commat;`), percent-encoding (`mailto:a%40b.org`), Markdown's backslash escapes and
emphasis marks, the full-width forms Chinese input methods type (`＠`, `。`), markup between
the parts (`alice@<b>example</b>.org`), and characters no reader sees (a soft hyphen, a zero-width
space: `alice&shy;@example.org` reads as the address). A domain may be written wholly in another
script (`alice@例子.中国`), as an internationalised address is. The scanner reads decoded views of
the text in which every character remembers where it was written, and withholds each address where
it was written. A web address's user name (`https://user@host/`) is dropped from the address instead.

Everything here is linear in the text: the views are built by one regular expression each, and
the address scanner starts only at an `@` and looks at most an address's length to either side.
HTML (a built page) is read only in the parts around a character that a decoding can turn into an
`@`, between places no address crosses; a page's markup elsewhere is not decoded tag by tag.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from urllib.parse import unquote_to_bytes

REDACTED = "[e-mail hidden]"
MAX_LOCAL = 64  # RFC 5321 limits
MAX_DOMAIN = 255
_LOCAL_EXTRA = frozenset(".+-_%")
_DOMAIN_EXTRA = frozenset(".-")
_PUNYCODE_TLD = re.compile(r"xn--[a-z0-9-]{1,59}", re.IGNORECASE)
_IDEOGRAPHIC_STOPS = str.maketrans({"。": ".", "｡": "."})  # NFKC keeps them; in an address they are dots
# Unicode's default-ignorable code points (a soft hyphen, zero-width spaces and joiners, direction
# marks, variation selectors, fillers): nothing a reader sees, so an address reads as if they were not
# there. They are all outside ASCII, so each is found as part of a run of non-ASCII characters.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
# What a decoding can turn into an `@`: without any of these, a text holds no address at all.
_MAY_BECOME_AN_AT_IN_ASCII = "@&%"
_MAY_BECOME_AN_AT = _MAY_BECOME_AN_AT_IN_ASCII + "\uff20\ufe6b"  # and the full-width and small @
_MAY_HOLD_AN_ADDRESS = re.compile(f"[{_MAY_BECOME_AN_AT}]")

_PERCENT = r"(?:%[0-9A-Fa-f]{2})+"
_ENTITY = r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,7};?|[A-Za-z][A-Za-z0-9]{1,31};)"
_TAG = r"</?[A-Za-z][A-Za-z0-9-]{0,40}(?:\s[^<>]{0,4000})?/?>"
_NON_ASCII = r"[^\x00-\x7f]+"
# Elements inside a line of text: their tags join what stands on either side; others separate.
_INLINE = frozenset(
    "a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong sub sup "
    "time u var wbr".split()
)


WITHHELD_MARK = "…"  # stands for the withheld part of an address


@dataclass(frozen=True)
class FoundAddress:
    """An address found in a text: where it was written (`start`, `end`) and what it reads as."""

    start: int
    end: int
    address: str
    in_web_address: bool = False  # the user part of `https://user@host/`: dropped, not replaced
    personal: bool = True  # False for a plain user name (`https://git@host/`): nothing to report
    # True when domains are written on after it (`a@x.cn@y.com`): its span holds them, and what it
    # is written on with reads as another address (`x.cn@y.com`), so it is never public nor a mask.
    written_on: bool = False

    @property
    def masked(self) -> str:
        """`j…@example.org`: enough to find it in the file, not enough to publish it."""
        local, _, domain = self.address.partition("@")
        return f"{local[:1]}{WITHHELD_MARK}@{domain}"


def is_masked(found: FoundAddress) -> bool:
    """True for an address as `FoundAddress.masked` writes it (`j…@example.org`, read back as
    `j...@example.org`): one letter of it, no address; never one written on with another domain
    (`j…@wang.wu@example.org` holds `wang.wu@example.org`)."""
    local = found.address.partition("@")[0]
    return len(local) >= 2 and local[1:] in (WITHHELD_MARK, "...") and not found.written_on


@dataclass
class _View:
    """A decoded text and, for each run of it, the span of what it was decoded from: the original,
    or the text of an `inner` view that decoded the original first."""

    text: str
    starts: list[int]  # where each run begins in `text`
    spans: list[tuple[int, int, bool]]  # (start, end) it came from; True when copied as it was
    inner: _View | None = None

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original that `text[start:end]` was decoded from."""
        first, last = bisect_right(self.starts, start) - 1, bisect_right(self.starts, end - 1) - 1
        begin, _, copied = self.spans[first]
        source_start = begin + (start - self.starts[first]) if copied else begin
        last_begin, last_end, copied = self.spans[last]
        source_end = last_begin + (end - self.starts[last]) if copied else last_end
        return self.inner.original(source_start, source_end) if self.inner else (source_start, source_end)


def _decoded(match: re.Match[str], markdown: bool) -> str | None:
    """What one piece of markup reads as; None to keep it as written."""
    piece = match.group()
    first = piece[0]
    if first == "&":
        return _compatible(html.unescape(piece))
    if first == "%":
        return _compatible(unquote_to_bytes(piece).decode("utf-8", errors="replace"))
    if first == "<":
        name = piece.lstrip("</").split(None, 1)[0].rstrip("/>").lower()
        return "" if name in _INLINE else " "
    if markdown and first == "\\":
        return piece[1]
    if markdown and first in "*~`":
        return ""
    if not piece.isascii():
        if (
            unicodedata.is_normalized("NFKC", piece)
            and "。" not in piece
            and "｡" not in piece
            and not _INVISIBLE.search(piece)
        ):
            return None
        return piece  # read character by character (_view), each as `_compatible` reads it
    return None


def _compatible(text: str) -> str:
    """Full-width and other compatibility forms as the characters they stand for (`＠` is `@`);
    characters no reader sees, left out."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text).translate(_IDEOGRAPHIC_STOPS))


@lru_cache(maxsize=4096)
def _compatible_character(char: str) -> str:
    """One character as `_compatible` reads it (a page repeats the same few thousand)."""
    return _compatible(char)


def _view(text: str, pattern: re.Pattern[str], markdown: bool) -> _View:
    """`text` decoded piece by piece (tags, where the pattern matches them, joined: their text only)."""
    parts: list[str] = []
    starts: list[int] = []
    spans: list[tuple[int, int, bool]] = []
    length = position = 0

    def add(piece: str, start: int, end: int, copied: bool) -> None:
        nonlocal length
        if piece:
            starts.append(length)
            spans.append((start, end, copied))
            parts.append(piece)
            length += len(piece)

    for match in pattern.finditer(text):
        decoded = _decoded(match, markdown)
        if decoded is None:
            continue
        add(text[position : match.start()], position, match.start(), True)
        if not match.group().isascii():  # character by character, each where it was written:
            piece, start = match.group(), match.start()
            same = 0  # where the run of characters that read as written begins: copied as one
            for offset, char in enumerate(piece):
                read = _compatible_character(char)
                if read != char:
                    add(piece[same:offset], start + same, start + offset, True)
                    add(read, start + offset, start + offset + 1, False)
                    same = offset + 1
            add(piece[same:], start + same, match.end(), True)
        elif len(decoded) == len(match.group()) and decoded == match.group():
            add(decoded, match.start(), match.end(), True)
        elif len(decoded) > 1 and match.group()[0] not in "&%":  # character by character
            for offset, char in enumerate(decoded):
                add(char, match.start() + offset, match.start() + offset + 1, False)
        else:
            add(decoded, match.start(), match.end(), False)
        position = match.end()
    add(text[position:], position, len(text), True)
    return _View("".join(parts), starts or [0], spans or [(0, 0, True)])


def _pattern(markdown: bool, join_tags: bool) -> re.Pattern[str]:
    pieces = [_ENTITY, _PERCENT, _NON_ASCII, *([_TAG] if join_tags else [])]
    if markdown:
        pieces += [r"\\[!-/:-@\[-`{-~]", r"[*~`]"]
    return re.compile("|".join(pieces))


# By (markdown, join tags): tags are read as written (attributes are decoded too) or joined away.
_PATTERNS = {
    (markdown, join): _pattern(markdown, join) for markdown in (True, False) for join in (True, False)
}
_PERCENT_ONLY = re.compile(_PERCENT)
_READ_ACROSS = 512  # how close two parts of HTML that may hold an address are read as one
# A tag `_TAG` matches whose element is not inline: joined, it reads as a space, which no address
# holds. (The inline names alone ignore case, as `_decoded` lowers a name; a name is ASCII.)
_SEPARATING_TAG = re.compile(
    r"</?(?!(?i:" + "|".join(sorted(_INLINE)) + r")(?![A-Za-z0-9-]))" + _TAG.removeprefix("</?")
)


def _is_local(char: str) -> bool:
    """A character of an address's user part: ASCII's, or a letter or digit of an alphabet
    (`josé@`, `иван@`, RFC 6531). Chinese, Japanese and Korean run on into the words before an
    address (`请发送至dev@mindspore.cn`): they are its user part only where nothing else is
    (`_is_east_asian`)."""
    if char.isascii():
        return char.isalnum() or char in _LOCAL_EXTRA
    return char.isalnum() and ord(char) < _EAST_ASIAN


def _is_east_asian(char: str) -> bool:
    """A letter of the scripts written without spaces between words (`张三@163.com`)."""
    return ord(char) >= _EAST_ASIAN and char.isalnum()


_EAST_ASIAN = 0x2E80  # the CJK radicals; below it, alphabets (Latin, Greek, Cyrillic, …) and Hangul jamo


def _is_domain(char: str) -> bool:
    """A character of a domain: a letter or digit of any script (`例子.中国`), a dot or a hyphen."""
    return char.isalnum() or char in _DOMAIN_EXTRA


def _is_ascii_domain(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in _DOMAIN_EXTRA)


def _is_top_level(label: str) -> bool:
    return label.isalpha() or _PUNYCODE_TLD.fullmatch(label) is not None


def scan(text: str, *, ascii_domains: bool = False) -> Iterator[tuple[int, int]]:
    """(start, end) of every address written plainly in `text`, left to right; linear. A domain may
    be in any script, or in ASCII only (`ascii_domains`: for bytes that need not be text, where
    letters of other scripts are mostly chance)."""
    for start, end, _ in _spans(text, _is_ascii_domain if ascii_domains else _is_domain):
        yield start, end


def _spans(text: str, in_domain: Callable[[str], bool]) -> Iterator[tuple[int, int, int]]:
    """(start, end, written_to) of every address written plainly in `text`, left to right: where it
    ends, and where the domains written on after it end (`_past_repeated_domains`). No address
    starts before the end of those: each character is read a bounded number of times."""
    scanned_to = 0  # no address starts before the end of the previous one
    at = text.find("@")
    while at != -1:
        start = at
        while start > max(scanned_to, at - MAX_LOCAL) and _is_local(text[start - 1]):
            start -= 1
        if start == at:  # nothing of an alphabet before the `@`: an East Asian name may be the user part
            while start > max(scanned_to, at - MAX_LOCAL) and _is_east_asian(text[start - 1]):
                start -= 1
        end = at + 1
        while end < len(text) and end - at <= MAX_DOMAIN and in_domain(text[end]):
            end += 1
        local, domain = text[start:at].strip("."), _one_script(text[at + 1 : end]).rstrip(".-")
        labels = domain.split(".")
        is_ssh_remote = local == "git" and text[at + 1 + len(domain) : at + 2 + len(domain)] == ":"
        if local and len(labels) >= 2 and all(labels) and _is_top_level(labels[-1]) and not is_ssh_remote:
            start = at - len(text[start:at].lstrip("."))
            end = at + 1 + len(domain)
            scanned_to = _past_repeated_domains(text, end, in_domain)
            yield start, end, scanned_to
        at = text.find("@", max(at + 1, scanned_to))


def _past_repeated_domains(text: str, end: int, in_domain: Callable[[str], bool]) -> int:
    """Where an address that ends at `end` ends with the domains written on after it: in
    `wang@iscas.ac.cn@iscas.ac.cn` (a slip), the second `@iscas.ac.cn` is part of the address, not
    text that would read as another with the words before the address's placeholder."""
    while text[end : end + 1] == "@":
        after = end + 1
        while after < len(text) and after - end <= MAX_DOMAIN and in_domain(text[after]):
            after += 1
        domain = _one_script(text[end + 1 : after]).rstrip(".-")
        labels = domain.split(".")
        if len(labels) < 2 or not all(labels) or not _is_top_level(labels[-1]):
            break
        end = end + 1 + len(domain)
    return end


def _one_script(domain: str) -> str:
    """`domain` in one script: ASCII (`mindspore.cn`), or wholly another (`例子.中国`, as an
    internationalised address writes it). A domain that turns from ASCII to another script is
    ASCII up to there: `dev@mindspore.cn进行订阅`, or `openeuler.org。如果不需要` (the ideographic
    full stop reads as a dot), is Chinese written on after the address."""
    if all(not char.isascii() or char in _DOMAIN_EXTRA for char in domain):
        return domain
    for index, char in enumerate(domain):
        if not char.isascii():
            return domain[:index]
    return domain


def _in_view(view: _View) -> Iterator[FoundAddress]:
    text = view.text
    for start, end, written_to in _spans(text, _is_domain):
        if text[max(0, start - 2) : start] == "//":  # a web address's user part, and its `@`
            holds_address = text[end : end + 1] == "@"  # https://alice@example.org@host/
            user_end = end + 1 if holds_address else text.index("@", start) + 1
            begin, finish = view.original(start, user_end)
            yield FoundAddress(begin, finish, text[start:end], in_web_address=True, personal=holds_address)
            continue
        if text[max(0, start - 7) : start].lower() == "mailto:":
            start -= 7
        begin, finish = view.original(start, written_to)
        address = text[start:end].removeprefix("mailto:").removeprefix("MAILTO:")
        yield FoundAddress(begin, finish, address, written_on=written_to > end)


def find_addresses(text: str, *, markdown: bool = True) -> list[FoundAddress]:
    """Every address `text` reads as once decoded (as Markdown, or as HTML), in order, not overlapping."""
    if not _MAY_HOLD_AN_ADDRESS.search(text):
        return []
    found: list[FoundAddress] = []
    for join_tags in (
        (False, True) if "<" in text else (False,)
    ):  # tags as written, then as a browser joins text
        if markdown:
            found += _found_in(text, markdown, join_tags)
            continue
        for start, end in _segments(text, join_tags):
            piece = text[start:end]
            part = (
                _found_in_html(piece, join_tags)
                if len(piece) <= _REMEMBERED_PART
                else _found_in(piece, False, join_tags)
            )
            found += (replace(a, start=a.start + start, end=a.end + start) for a in part) if start else part
    found.sort(key=lambda a: (a.start, -a.end))
    kept: list[FoundAddress] = []
    for address in found:
        if kept and address.start < kept[-1].end:
            continue
        kept.append(address)
    return kept


# A part of HTML up to this long is read once a build: the theme's parts are the same on every page
# (its icons' credits, its inline scripts), three quarters of what the last wall reads on a hub.
_REMEMBERED_PART = 4096


@lru_cache(maxsize=1024)
def _found_in_html(text: str, join_tags: bool) -> tuple[FoundAddress, ...]:
    """`_found_in` of a short part of HTML, remembered."""
    return tuple(_found_in(text, False, join_tags))


def _found_in(text: str, markdown: bool, join_tags: bool) -> list[FoundAddress]:
    """The addresses of one reading of `text`: its tags as written, or joined."""
    view = _view(text, _PATTERNS[markdown, join_tags], markdown)
    if "%" in view.text:  # an entity may have written the percent sign: decode once more
        view = replace(_view(view.text, _PERCENT_ONLY, False), inner=view)
    return list(_in_view(view))


def _segments(html_text: str, join_tags: bool) -> Iterator[tuple[int, int]]:
    """(start, end) of each part of HTML that may hold an address, in order: the text between two
    places no address crosses, around the characters a decoding turns into an `@`. Tags as
    written, no address and no decoded piece holds a `<` or `>`; joined, none crosses a tag that
    reads as a space (`_SEPARATING_TAG`), and a character inside such a tag is not read. The rest
    reads as nothing that holds an address: skipped, the page's markup and theme are not decoded
    tag by tag. A part runs on while another such character stands within `_READ_ACROSS` of its
    end: text dense with them is read in a few long reads. (Markdown is read whole: there a `\\<`
    escape is one piece.) The tags around a part are found from it, each `<` looked at once: linear."""

    def part_end(after: int) -> int:
        """The first place at or after `after` where a part may end."""
        if join_tags:
            while (opening := html_text.find("<", after)) != -1:
                if _SEPARATING_TAG.match(html_text, opening):
                    return opening
                after = opening + 1
            return len(html_text)
        ends = [found for found in (html_text.find("<", after), html_text.find(">", after)) if found != -1]
        return min(ends, default=len(html_text))

    candidates = _Candidates(html_text)
    position = 0
    while (at := candidates.first(position)) != -1:
        if join_tags:
            start, inside = _after_separating_tag(html_text, position, at)
            if inside:  # inside a separating tag: gone when joined
                position = start
                continue
        else:
            start = max(html_text.rfind("<", position, at), html_text.rfind(">", position, at)) + 1
            start = max(start, position)
        end = part_end(at)
        while (near := candidates.first(end)) != -1 and near < end + _READ_ACROSS:
            end = part_end(end + _READ_ACROSS)
        yield start, end
        position = end


class _Candidates:
    """Where the characters that a decoding may turn into an `@` (_MAY_BECOME_AN_AT) stand in a
    text, asked for left to right: each character's next place is found with `str.find` and kept
    until a question passes it, so each character of the text is looked at once for each of them
    (a scan in C, several times faster than the expression's over a page)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._chars = _MAY_BECOME_AN_AT_IN_ASCII if text.isascii() else _MAY_BECOME_AN_AT
        self._next = [-2] * len(self._chars)  # -2: not looked for yet; -1: none after `_asked`
        self._asked = 0

    def first(self, position: int) -> int:
        """The first place at or after `position` of any of the characters, or -1."""
        if position < self._asked:  # asked again further back: look again
            self._next = [-2] * len(self._chars)
        self._asked = position
        first = -1
        for index, char in enumerate(self._chars):
            found = self._next[index]
            if found == -2 or (found != -1 and found < position):
                found = self._next[index] = self._text.find(char, position)
            if found != -1 and (first == -1 or found < first):
                first = found
        return first


def _after_separating_tag(html_text: str, position: int, at: int) -> tuple[int, bool]:
    """Where the text that holds `at` begins, no earlier than `position`: after the last separating
    tag before it; and True when `at` is inside that tag (where the text begins after the tag). A tag
    holds no `<`, so only the last `<` before `at` can hold it."""
    opening = html_text.rfind("<", position, at)
    while opening != -1:
        tag = _SEPARATING_TAG.match(html_text, opening)
        if tag is not None:
            return tag.end(), tag.end() > at
        opening = html_text.rfind("<", position, opening)
    return position, False


def redact(
    text: str, public: frozenset[str] = frozenset(), *, markdown: bool = True
) -> tuple[str, list[FoundAddress]]:
    """`text` with every address not in `public` (nor written on with more domains) withheld; and
    the addresses withheld."""
    hidden = [
        a for a in find_addresses(text, markdown=markdown) if a.written_on or a.address.lower() not in public
    ]
    if not hidden:
        return text, []
    parts: list[str] = []
    position = 0
    for address in hidden:
        parts.append(text[position : address.start])
        parts.append("" if address.in_web_address else REDACTED)
        position = address.end
    parts.append(text[position:])
    return "".join(parts), [a for a in hidden if a.personal]


def masked_in(text: str) -> str:
    """`text` with every address it reads as masked (`w…@example.org`): enough to find it in the
    file, not enough to publish it. Linear, like `find_addresses`."""
    found = find_addresses(text, markdown=False)
    if not found:
        return text
    parts, position = [], 0
    for address in found:
        parts += [text[position : address.start], address.masked]
        position = address.end
    return "".join([*parts, text[position:]])
