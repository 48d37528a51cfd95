"""The channels a group names for its announcements and talk, found in its own words: a sentence
about a channel (the WeChat group, say) is shown only for a group whose files name it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sigsite.languages import alternation, named_by_every_language, words_of


@dataclass(frozen=True)
class Channel:
    """A kind of channel: its label (translated in translations.py) and the words that name it."""

    label: str
    named_by: re.Pattern[str]


# A channel's name in each language (WeChat's), or a brand and the word for a group (`QQ group`).
_NAMES = named_by_every_language("channel_names")
CHANNELS: dict[str, Channel] = {
    "wechat": Channel("WeChat group", re.compile(alternation(_NAMES["wechat"]), re.IGNORECASE)),
    "qq": Channel(
        "QQ group", re.compile(rf"(?<![A-Za-z])QQ ?(?:{alternation(words_of('group_words'))})", re.IGNORECASE)
    ),
    "slack": Channel("Slack", re.compile(r"(?<![A-Za-z])slack(?![A-Za-z])", re.IGNORECASE)),
    "zulip": Channel("Zulip", re.compile(r"(?<![A-Za-z])zulip(?![A-Za-z])", re.IGNORECASE)),
    "discord": Channel("Discord", re.compile(r"(?<![A-Za-z])discord(?![A-Za-z])", re.IGNORECASE)),
}


def channels_named(texts: Iterable[str]) -> tuple[str, ...]:
    """The keys of CHANNELS that any of `texts` names, in CHANNELS' order."""
    texts = list(texts)
    return tuple(key for key, channel in CHANNELS.items() if any(channel.named_by.search(t) for t in texts))
