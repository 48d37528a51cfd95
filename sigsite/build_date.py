"""The date a build considers "today": SOURCE_DATE_EPOCH when set, for reproducible builds."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo


def build_time() -> datetime:
    """The moment of the build: SOURCE_DATE_EPOCH (seconds since 1970, UTC) when set, else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC)


def build_date(zone: ZoneInfo) -> date:
    """Today in the SIG's zone, or the date of SOURCE_DATE_EPOCH (seconds since 1970, UTC)."""
    return build_time().astimezone(zone).date()
