"""A warning's examples, few and short: what keeps a report's size in proportion to its input.

A group whose files give a thousand addresses for its minutes gets a warning that counts them and
shows a few, each cut to a readable length, never a thousand warnings that list each other.
"""

from __future__ import annotations

from collections.abc import Sequence

MAX_EXAMPLES = 5  # shown in one warning; the rest are counted
MAX_VALUE = 80  # characters of a value from the files in a warning: a name, an address
MAX_EXAMPLE = 200  # characters of one example: a value and where it is written


def clip(text: str, limit: int = MAX_VALUE) -> str:
    """`text` cut to `limit` characters, an ellipsis saying where."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def some(examples: Sequence[str], total: int | None = None) -> str:
    """The first MAX_EXAMPLES of `examples`, each clipped, joined with commas, and how many more of
    `total` (by default, of `examples`) there are: `a, b, c and 7 more`."""
    total = len(examples) if total is None else total
    shown = ", ".join(clip(example, MAX_EXAMPLE) for example in examples[:MAX_EXAMPLES])
    rest = total - min(len(examples), MAX_EXAMPLES)
    return f"{shown} and {rest} more" if rest > 0 else shown
