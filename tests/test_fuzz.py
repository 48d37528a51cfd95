"""No input makes the loaders raise: random damage to real files becomes problems, not tracebacks."""

from __future__ import annotations

import random
import shutil

import pytest
from conftest import PROJECT

from sigsite.loader import Sources, load_sig

MUTATIONS = 400
SNIPPETS = [
    "\n",
    ":",
    "- ",
    "  ",
    "---\n",
    "[",
    "{",
    "'",
    '"',
    "#",
    "\t",
    "\xff",
    "NA",
    "null",
    "12:30",
    "2021-02-30",
    "name:",
    "repo: 5",
    "- 5\n",
    "&a",
    "*a",
    "!!python/object:os.system",
    "\ufeff",
    "\r\n",
    "<script>",
    "{{ x }}",
    "Maintainers:\n  x: 1\n",
    "date: 5\n",
    "time: 99999\n",
    "duration: -1\n",
    "link: 5\n",
    "language: fr\n",
    "mentors: x\n",
    "repositories:\n- repo: 5\n  committers: 7\n",
    "- gitee_id: []\n",
    "title: []\n",
]
SIG_INFO = """name: Trusted AI SIG
description: A SIG.
meeting_url: https://example.org/pad
mentors:
- gitee_id: jxlang910
  name: Mr. Jin
  email: NA
maintainers:
- gitee_id: emmmmtang
  name: Mr. Tang
repositories:
- repo:
  - mindspore/mindarmour
  committers:
  - gitee_id: jxlang910
    name: Mr. Jin
  contributors:
  - gitee_id: hu2175
    name: Rice Zhang
"""


def mutate(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(text) + 1)
        action = rng.random()
        if action < 0.5:
            text = text[:at] + rng.choice(SNIPPETS) + text[at:]
        elif action < 0.8:
            text = text[:at] + text[at + rng.randint(1, 20) :]
        else:
            text = text[:at] + rng.choice(SNIPPETS) + text[at + rng.randint(1, 10) :]
    return text


@pytest.mark.parametrize("seed", range(4))
def test_damaged_files_never_raise(tmp_path, seed):
    rng = random.Random(seed)
    notes = sorted((PROJECT / "meetings").glob("*.md"))
    originals = {
        "sig_members.yaml": (PROJECT / "sig_members.yaml").read_text("utf-8"),
        "sig-info.yaml": SIG_INFO,
        **{f"meetings/{p.name}": p.read_text("utf-8") for p in notes},
    }
    for _ in range(MUTATIONS // 4):
        shutil.rmtree(tmp_path, ignore_errors=True)
        (tmp_path / "meetings").mkdir(parents=True)
        for name, text in originals.items():
            damaged = mutate(text, rng) if rng.random() < 0.5 else text
            (tmp_path / name).write_bytes(damaged.encode("utf-8", "surrogateescape"))
        data, problems = load_sig(Sources(tmp_path))
        published = {f"meetings/{m.source}" for m in data.meetings}
        failed = {p.file for p in problems.errors}
        for note in notes:  # nothing silently dropped: published, or an error says why not
            assert f"meetings/{note.name}" in published | failed
