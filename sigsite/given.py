"""What counts as a value in the community's YAML: blanks, `NA` and the placeholders of its
template tool (sigs/create_sig_info_template.py writes TO_BE_CLARIFIED and --xxx--) do not."""

from __future__ import annotations

import re
from typing import Any

SENTINELS = frozenset({"", "na", "n/a", "none", "null", "tbd", "-", "to_be_clarified"})
_TEMPLATE_PLACEHOLDER = re.compile(r"--[\w\s-]*--")
# Problem topics (problems.Problem.topic) of what a template left: the consistency report lists them.
TEMPLATE_DEFAULT = "template default"
PLACEHOLDER = "placeholder"


def given(value: Any) -> str | None:
    """A YAML value as stripped text, or None for blanks and sentinels such as `NA`."""
    if value is None:
        return None
    text = str(value).strip()
    return None if text.lower() in SENTINELS or _TEMPLATE_PLACEHOLDER.fullmatch(text) else text
