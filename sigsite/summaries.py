"""A session's summary, its own: the topic line its record gives ("主题是《…》", "Topic: …"), else
its first sentence that is neither a date nor one the group's other records share.

Many groups write their records from one template: every usability session says "感谢开发者们的热
情参与…", every TSC note "The meeting information is as follows". Such a sentence says nothing of
one session, so the sentences of a group's records are counted first (an index of normalised
sentences, each record counted once), and a record's summary is the first sentence of its own.
Normalising leaves out case, spacing, punctuation, full-width forms and numbers, so "第1次" and
"第2次" share a template. The cost is linear in the records' text: each record is read once, to at
most MAX_READ characters and MAX_SENTENCES sentences, and looked up in the index once per sentence.

A note with a summary in its front matter or an agenda keeps them (formatting.agenda_summary).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from sigsite.formatting import SUMMARY_LENGTH, shortened
from sigsite.health.sections import heading_key
from sigsite.languages import whole_words, words_of
from sigsite.model import Meeting

MAX_READ = 6000  # characters of a record's Markdown read for its sentences: a summary is near its start
MAX_SENTENCES = 60  # sentences of one record counted and looked at
MIN_WIDTH = 12  # a sentence narrower than this ("Roll Call", "参会人员") says too little to summarise
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>]*", re.IGNORECASE)
_TOPIC = re.compile(whole_words(words_of("topic_markers")), re.IGNORECASE)
# The words of a date or time, and the labels of a line that gives one ("Duration: …").
_DATE_WORDS = re.compile(whole_words(words_of("date_words") + words_of("time_labels")), re.IGNORECASE)
_ENDS = "".join(re.escape(mark) for mark in words_of("sentence_ends") if mark != ".")
# A sentence: up to an end mark, a line's end, or a full stop before a space ("3.0.2.0" is one word).
_SENTENCE = re.compile(rf"(?:[^\n{_ENDS}.]|\.(?![ \t]|$))+(?:[{_ENDS}]+|\.+)?", re.MULTILINE)
_LIST_NUMBER = re.compile(r"^[ \t]*\d{1,3}[.)](?!\d)[ \t]*")  # "1.Roll Call", as a list the parser missed
_NUMBERED = re.compile(r"\d{1,3}[.)]")  # what starts an item of such a list ("3.0.2.0 release review" too)
# The blocks of Markdown a record's prose is read from, line by line; each pattern is linear (no
# class of one can run past the line's end, no quantifier is nested in another).
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}(?=[ \t]|$)")
_MARKERS = re.compile(r"^[ \t]{0,12}(?:>[ \t]?){0,8}(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")  # quotes, list items
_NO_PROSE = re.compile(r"^[ \t]*(?:\||<(?!https?://)|(?:[-*_=][ \t]*){3,}$)")  # tables, HTML, rules
_IMAGE = re.compile(r"!\[[^\[\]\n]{0,500}\]\([^()\n]{0,1000}\)")
_LINK = re.compile(r"\[([^\[\]\n]{0,500})\]\([^()\n]{0,1000}\)")
_AUTOLINK = re.compile(r"<((?:https?://|www\.)[^<>\s]{0,1000})>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,500}>")
_EMPHASIS = re.compile(r"\*+|`+|~~|_+")  # a run of `_` inside a word stays (`sig_members`)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_DIGIT = re.compile(r"\d")
_BLOCK_MARKS = frozenset(" \t#`~>|<-*+_=0123456789") | {""}  # what a line that is not plain prose starts with
_MARKUP = re.compile(r"[!\[<*`~_\\]")  # what a line of inline markup holds, and plain prose does not
_ATTENDANCE = frozenset(words_of("attendance_headings"))
_ALL_ENDS = "".join(words_of("sentence_ends"))


def with_summaries(meetings: tuple[Meeting, ...]) -> tuple[Meeting, ...]:
    """The meetings of one group, each that has no summary of its own and no agenda given one from
    its text (its topic line, else its first sentence of its own); the others as they are."""
    wanted = [bool(m.body) and not m.summary and not m.agenda_items and not m.is_external for m in meetings]
    if not any(wanted):
        return meetings
    sentences = [_sentences(m.body) if m.body else [] for m in meetings]
    shared = Counter(key for found in sentences for key in {key for _, key in found})
    return tuple(
        replace(meeting, summary=_summary(found, shared)) if want else meeting
        for meeting, want, found in zip(meetings, wanted, sentences, strict=True)
    )


def _summary(sentences: list[tuple[str, str]], shared: Counter[str]) -> str:
    """The topic line among `sentences`, else the first that is neither a date nor `shared` by
    another record; "" when every sentence is one of these."""
    for text, _ in sentences:
        topic = _TOPIC.search(text)
        if topic and _key(text[topic.end() :]):
            return shortened(text[topic.start() :].rstrip(_ALL_ENDS), SUMMARY_LENGTH)
    for text, key in sentences:
        if shared[key] < 2 and _width(text) >= MIN_WIDTH and not _is_a_date(text):
            return shortened(text, SUMMARY_LENGTH)
    return ""


def _sentences(body: str) -> list[tuple[str, str]]:
    """The sentences of a record's prose, each as written and as its key; its headings, code and
    the names under its attendance heading left out."""
    found: list[tuple[str, str]] = []
    for paragraph in _prose(body[:MAX_READ]):
        for match in _SENTENCE.finditer(paragraph):
            number = _LIST_NUMBER.match(match[0])
            text = " ".join(match[0][number.end() if number else 0 :].split())
            if text:
                found.append((text, _key(text)))
                if len(found) == MAX_SENTENCES:
                    return found
    return found


def _prose(markdown: str) -> Iterator[str]:
    """The text of each paragraph (in lists and quotes too) of `markdown`, as plain text: its lines
    joined, but a line that starts with a number ("2.Community Progress Update") starts a line of
    its own; no heading, table, HTML, code block or rule, and nothing under an attendance heading.

    Read line by line, with the forge's block structure approximated rather than parsed: a summary
    needs a record's first sentences, and the forge's parser (markup.commonmark) costs more per
    record than the rest of this module, which a community's every record passes through."""
    lines: list[str] = []
    fence = ""  # the fence of the code block the line is in, if any
    attendance = False
    for line in markdown.splitlines():
        if fence:
            if line.strip().startswith(fence):
                fence = ""
            continue
        if line[:1] not in _BLOCK_MARKS:  # a line of prose, the most common: no block to look for
            if not attendance:
                _add(lines, _plain(line).strip(), joined=True)
            continue
        opened = _FENCE.match(line)
        heading = _HEADING.match(line)
        text = line[_MARKERS.match(line).end() :]  # type: ignore[union-attr]  # it matches any line
        if opened or heading or not text.strip() or _NO_PROSE.match(text):
            if lines:
                yield "\n".join(lines)
                lines = []
            if opened:
                fence = opened[1]
            elif heading:
                attendance = heading_key(_plain(line[heading.end() :]).rstrip("# \t")) in _ATTENDANCE
            continue
        if not attendance:
            _add(lines, _plain(text).strip(), joined=len(text) == len(line))
    if lines:
        yield "\n".join(lines)


def _add(lines: list[str], plain: str, *, joined: bool) -> None:
    """A line of a paragraph added to `lines`: to the one before when it goes on with it (`joined`,
    and no number starts it), else as a line of its own (a list item, "2.Community Progress")."""
    if lines and joined and not _NUMBERED.match(plain):
        lines[-1] = f"{lines[-1]} {plain}"
    else:
        lines.append(plain)


def _plain(text: str) -> str:
    """A line's inline Markdown as text: images out, links' and emphasis' text kept, tags out."""
    if not _MARKUP.search(text):
        return text  # most lines of prose: nothing to take out
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _EMPHASIS.sub(lambda m: m[0] if _inside_a_word(m) else "", text)
    return _ESCAPE.sub(r"\1", text)


def _inside_a_word(mark: re.Match[str]) -> bool:
    """Whether a run of `_` has a letter or digit on both sides (looked up, not searched for: a
    run's neighbours are two characters, whatever its length)."""
    text, start, end = mark.string, mark.start(), mark.end()
    return (
        mark[0][0] == "_"
        and start > 0
        and end < len(text)
        and text[start - 1].isalnum()
        and text[end].isalnum()
    )


def _key(text: str) -> str:
    """A sentence as the index counts it: full-width forms, case, spacing, punctuation and numbers
    left out."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return "".join(filter(str.isalpha, text.casefold()))


def _is_a_date(text: str) -> bool:
    """Whether a sentence says nothing but a date or a time ("2022年04月16日", "Thursday June 4,
    2020 at 15:00 GMT+8", "Duration: 2020-06-18 16:00 ~ 17:30 (UTC +08:00)")."""
    if not _DIGIT.search(text):
        return False  # a date has a number
    return not _key(_DATE_WORDS.sub(" ", unicodedata.normalize("NFKC", text)))


def _width(text: str) -> int:
    """How wide a text's letters are, its addresses left out: a letter outside ASCII counts two (a
    character of a script written without spaces says about as much as a word of two letters)."""
    if "://" in text or "www." in text:
        text = _URL.sub("", text)
    key = _key(text)
    return 2 * len(key) - len(key.encode("ascii", "ignore"))
