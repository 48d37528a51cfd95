"""Publishing a note or README costs time in proportion to its size, whatever its shape.

Each pathological shape (tests/pathological.py) goes at 50 KB and at 200 KB through everything a
file meets on its way to a page: reading and checking it, rendering and sanitizing it, resolving
its links for the page, Material's search indexer reading it, the policy check of the page, and
the health measures reading its attendees, action items and any schedule it states. Then
Hypothesis mixes the shapes, and one real build publishes every shape. The budget is the issue's:
2 s per 100 KB, and four times the size may cost at most about four times the time.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import build
from hostile import project_with
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import Parser
from pathological import SHAPES

from sigsite.adapters.csp import inline_scripts
from sigsite.health.actions import action_items
from sigsite.health.attendance import attendance_of
from sigsite.health.cadence import stated_schedules
from sigsite.health.sections import outline
from sigsite.markup.references import resolve_references
from sigsite.notes.note import parse_meeting
from sigsite.problems import Problems

pytestmark = pytest.mark.build  # builds real sites (README: the test tiers)

SECONDS_PER_100_KB = 2.0
HEADING = "# Thursday June 04, 2020 at 15:00 GMT+8\n\n"


def _publish(folder: Path, text: str) -> tuple[float, Problems]:
    """Seconds a note of `text` takes from its file to its page's HTML, and what was reported."""
    path = folder / "001-20200604.md"
    path.write_text(HEADING + text, "utf-8")
    problems = Problems()
    outline.cache_clear()  # a run again parses again
    gc.collect()  # the test session's own garbage is not the note's cost
    start = time.process_time()  # the work done, not what other processes take of the machine
    meeting = parse_meeting(path, "meetings/001-20200604.md", ZoneInfo("Asia/Shanghai"), problems)
    stated_schedules(text, "README.md", Problems())  # a README's text meets the same reader
    if meeting is not None:
        attendance_of(meeting)
        action_items(meeting)
        page = resolve_references(meeting.rendered.html, lambda target: "../x/")
        search = Parser()
        search.feed(meeting.rendered.search_html)
        search.close()
        list(inline_scripts(page))
    return time.process_time() - start, problems


def _budget(text: str) -> float:
    return SECONDS_PER_100_KB * len(text.encode("utf-8")) / 100_000


def _least(folder: Path, text: str, within: float) -> tuple[float, Problems]:
    """The least time of up to five runs, stopping at the first within `within` seconds: a shared
    machine can stall runs (another process, the host taking the CPU back: once three in a row, a
    0.17 s note measured at 1.9 s), hardly five; a cost that grows with the square of the input is
    over the budget every time."""
    seconds, problems = _publish(folder, text)
    for _ in range(4):
        if seconds <= within:
            break
        seconds = min(seconds, _publish(folder, text)[0])
    return seconds, problems


@pytest.mark.parametrize("shape", SHAPES)
def test_each_shape_costs_time_in_proportion_to_its_size(tmp_path, shape):
    small, large = SHAPES[shape](50_000), SHAPES[shape](200_000)
    small_seconds, _ = _least(tmp_path, small, max(_budget(small), 0.2))
    large_seconds, problems = _least(tmp_path, large, min(_budget(large), 6 * small_seconds + 0.3))
    assert small_seconds <= max(_budget(small), 0.2), f"{small_seconds:.2f} s for 50 KB"
    assert large_seconds <= _budget(large), f"{large_seconds:.2f} s for 200 KB"
    # Linear: four times the text, about four times the time (timer noise allowed for).
    assert large_seconds <= 6 * small_seconds + 0.3, f"{small_seconds:.2f} s -> {large_seconds:.2f} s"
    for problem in problems.items:  # a refusal names the file, and the line where it knows it
        assert problem.file == "meetings/001-20200604.md"


_FRAGMENTS = [shape(40) for shape in SHAPES.values()] + ["\n", "\n\n", "text ", "- ", "> ", "  ", "|"]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=6))
def test_any_mixture_of_shapes_stays_within_the_budget(tmp_path, fragments):
    unit = "".join(fragments)
    text = unit * max(1, 50_000 // max(1, len(unit.encode("utf-8"))))
    seconds, _ = _least(tmp_path, text, max(_budget(text), 0.2))
    assert seconds <= max(_budget(text), 0.2), f"{seconds:.2f} s for {len(text)} characters of {unit!r}"


def test_a_build_publishing_every_shape_stays_within_the_budget(tmp_path):
    probe = tmp_path / "probe"
    probe.mkdir()
    accepted = {
        name: shape(50_000) for name, shape in SHAPES.items() if not _publish(probe, shape(50_000))[1].errors
    }
    files = {
        f"meetings/{index:03d}-20200604.md": HEADING + text for index, text in enumerate(accepted, start=1)
    }
    empty = build(project_with(tmp_path / "empty", {}))
    start = time.perf_counter()
    result = build(project_with(tmp_path / "shapes", files))
    seconds = time.perf_counter() - start
    assert result.ok, result.result.stderr[-2000:]
    assert empty.ok
    size = sum(len(text.encode("utf-8")) for text in files.values())
    assert seconds <= 5 + SECONDS_PER_100_KB * size / 100_000, f"{seconds:.1f} s for {size} bytes"
    for source in files:  # every shape has its page
        assert (result.site / source.removesuffix(".md") / "index.html").is_file() or (
            result.site / "zh" / source.removesuffix(".md") / "index.html"
        ).is_file()
