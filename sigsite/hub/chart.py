"""A SIG's meetings per year as a small bar chart: inline SVG drawn at build time, no script.

Every value is a number or escaped text; the chart carries its own text alternative. Search leaves
its figures out (`data-search-exclude`): run together, they are no words.
"""

from __future__ import annotations

from html import escape

BAR_WIDTH = 22
GAP = 6
HEIGHT = 60  # the tallest bar
LABEL = 14  # room for the year under the bars
MAX_YEARS = 12  # the most recent years drawn; the JSON keeps them all


def meetings_chart(per_year: dict[int, int], label: str) -> str:
    """The chart's `<svg>`; empty without meetings. `label` is its text alternative."""
    if not per_year:
        return ""
    per_year = dict(sorted(per_year.items())[-MAX_YEARS:])
    tallest = max(per_year.values()) or 1
    width = len(per_year) * (BAR_WIDTH + GAP) - GAP
    parts = [
        f'<svg class="sig-chart" role="img" data-search-exclude viewBox="0 0 {width} {HEIGHT + 2 * LABEL}" '
        f'width="{width}" height="{HEIGHT + 2 * LABEL}" aria-label="{escape(label)}">',
    ]
    for index, (year, count) in enumerate(sorted(per_year.items())):
        x = index * (BAR_WIDTH + GAP)
        middle = x + BAR_WIDTH // 2
        bar = round(HEIGHT * count / tallest)
        top = LABEL + HEIGHT - bar
        parts.append(
            f'<rect x="{x}" y="{top}" width="{BAR_WIDTH}" height="{bar}" rx="2"></rect>'
            f'<text x="{middle}" y="{top - 3}" text-anchor="middle">{count}</text>'
            f'<text x="{middle}" y="{HEIGHT + 2 * LABEL - 2}" text-anchor="middle">{year}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def sessions_chart(years: list[tuple[int, int, int]], label: str) -> str:
    """Sessions and distinct people per year as pairs of bars, `years` as (year, sessions, people);
    the people bar is lighter (CSS `.sig-chart__people`). Empty without sessions."""
    if not years:
        return ""
    years = years[-MAX_YEARS:]
    tallest = max(max(sessions, people) for _, sessions, people in years) or 1
    half = BAR_WIDTH // 2
    width = len(years) * (BAR_WIDTH + GAP) - GAP
    parts = [
        f'<svg class="sig-chart" role="img" data-search-exclude viewBox="0 0 {width} {HEIGHT + 2 * LABEL}" '
        f'width="{width}" height="{HEIGHT + 2 * LABEL}" aria-label="{escape(label)}">',
    ]
    for index, (year, sessions, people) in enumerate(years):
        x = index * (BAR_WIDTH + GAP)
        for offset, value, css in ((0, sessions, ""), (half, people, ' class="sig-chart__people"')):
            bar = round(HEIGHT * value / tallest)
            top = LABEL + HEIGHT - bar
            parts.append(
                f'<rect{css} x="{x + offset}" y="{top}" width="{half - 1}" height="{bar}" rx="1"></rect>'
                f'<text x="{x + offset + half // 2}" y="{top - 3}" text-anchor="middle">{value}</text>'
            )
        parts.append(
            f'<text x="{x + BAR_WIDTH // 2}" y="{HEIGHT + 2 * LABEL - 2}" text-anchor="middle">{year}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
