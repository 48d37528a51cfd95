"""One group's fault stays with that group: the hub publishes around what a group's files hold that
it cannot show, every other group comes out byte for byte as without the fault, and `sigsite check
--community` still fails on each fault with its file and line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hub_support import JUNE_2021, build_hub, check_community, make_community
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.build  # builds real sites (README: the test tiers)

# The groups the faults below never touch, by their folder on the site (both languages).
UNTOUCHED = ("sigs/vision-cv-suite-sig", "tsc")


def _pages_of(site: Path, folder: str) -> dict[str, bytes]:
    """Every file a group's folder of the site holds, in both languages, by path."""
    found = {}
    for root in (site / folder, site / "zh" / folder):
        for path in sorted(root.rglob("*")):
            if path.is_file():
                found[path.relative_to(site).as_posix()] = path.read_bytes()
    return found


def _inject_faults(community: Path) -> dict[str, str]:
    """Faults in five groups and the community's listing; what each group's page must name."""
    readme = community / "sigs/beta/README.md"
    readme.write_bytes(readme.read_bytes().replace(b"\n", b" user\x02friendly caf\xe9\n", 1))
    info = community / "sigs/alpha/sig-info.yaml"
    info.write_text(info.read_text("utf-8") + "broken: [unclosed\n", "utf-8")
    members = community / "sigs/delta/sig_members.yaml"
    members.unlink()
    members.mkdir()
    (members / "people.yaml").write_text("Maintainers: []\n", "utf-8")
    research = community / "working-groups/research"
    (research / "meetings").mkdir()
    (research / "meetings/001-20210230.md").write_text("# An impossible day\n\n## Agenda\n* x\n", "utf-8")
    (research / "Topic9_GBK.md").write_bytes("# 量子计算\n\n量子机器学习的研究方向。\n".encode("gbk"))
    (community / "sigs/ALPHA!").mkdir()
    (community / "sigs/ALPHA!/README.md").write_text("# Loud Alpha SIG\n\nA newcomer.\n", "utf-8")
    listing = community / "sigs/sig_info.yaml"
    listing.write_bytes(listing.read_bytes().replace(b"This SIG lives on GitHub.", b"This SIG\x01 lives"))
    return {
        "sigs/beta": "sigs/beta/README.md",
        "sigs/alpha": "sigs/alpha/sig-info.yaml",
        "sigs/delta": "sigs/delta/sig_members.yaml",
        "working-groups/research": "working-groups/research/meetings/001-20210230.md",
    }


def test_faults_in_some_groups_leave_every_other_group_unchanged(tmp_path):
    clean = make_community(tmp_path / "clean")
    faulty = make_community(tmp_path / "faulty")
    named = _inject_faults(faulty)
    env = {"SOURCE_DATE_EPOCH": JUNE_2021}
    before, after = (
        build_hub(clean, tmp_path / "before", env=env),
        build_hub(faulty, tmp_path / "after", env=env),
    )
    assert before.ok, before.result.stderr
    assert after.ok, after.result.stderr  # --strict: no fault stops the hub
    assert "Traceback" not in after.result.stderr
    for folder in UNTOUCHED:
        pages = _pages_of(after.site, folder)
        assert pages, folder
        assert pages == _pages_of(before.site, folder), f"{folder} changed"
    for folder, file in named.items():
        notice = after.article(f"{folder}/index.html").select_one(".sig-facts__faults")
        assert notice is not None and file in notice.get_text(), folder
    delta = after.article("sigs/delta/index.html").get_text(" ", strip=True)
    assert "sig_members.yaml could not be read, so the people listed there are not shown" in delta
    people = after.article("people/index.html").get_text(" ", strip=True)
    assert "The files that list the people of" in people and "delta" in people.lower()
    archive = after.article("sigs/alpha/meetings/index.html").select_one(".sig-section-nav__faults")
    assert archive is not None and archive.a["href"] == "../"  # every page of a faulted group says so
    notice = after.article("sigs/beta/index.html").select_one(".sig-facts__faults").get_text(" ", strip=True)
    assert "shown without characters a page cannot hold" in notice  # in plain words, then the detail
    beta = after.article("sigs/beta/index.html").get_text()
    assert "user" in beta and "friendly" in beta  # the text around the dropped byte is shown
    assert not (after.site / "sigs/alpha-2").exists()  # the newcomer takes no address
    assert (after.site / "sigs/alpha/index.html").is_file()
    health = after.article("health/index.html").select_one("#left-out")
    assert health is not None
    listed = after.html("health/index.html").get_text()
    for file in [
        *named.values(),
        "working-groups/research/Topic9_GBK.md",
        "sigs/ALPHA!",
        "sigs/sig_info.yaml",
    ]:
        assert file in listed, file
    checked = check_community(faulty)
    assert checked.returncode == 1
    for expected in (
        "sigs/beta/README.md:1:",
        "error: the file holds the control character U+0002",
        "error: the file is not valid UTF-8",
        "sigs/alpha/sig-info.yaml:",
        "error: YAML syntax error",
        "sigs/delta/sig_members.yaml: error: is a folder where a file belongs",
        "working-groups/research/meetings/001-20210230.md: error: '20210230' in the file name is not a real",
        "working-groups/research/Topic9_GBK.md:1: error: the file is not UTF-8",
        "sigs/ALPHA!: error: its address id 'alpha' is also the id of sigs/alpha",
        "sigs/sig_info.yaml:",
    ):
        assert expected in checked.stdout, expected
    for line in after.result.stderr.splitlines():  # the build names the same faults, as warnings
        assert not line.startswith(("ERROR", "WARNING")), line


_NAMES = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"), min_size=1, max_size=12
).filter(lambda name: name not in {".", ".."})
_YAML = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def _hostile_files(draw: st.DrawFn) -> dict[str, bytes]:
    """A few files for one group: random names, random bytes, random YAML where YAML is read."""
    import yaml

    files: dict[str, bytes] = {}
    for _ in range(draw(st.integers(1, 4))):
        place = draw(
            st.sampled_from(["README.md", "sig-info.yaml", "sig_members.yaml", "meetings/", "docs/", ""])
        )
        if place.endswith(".yaml"):
            body = draw(st.one_of(st.binary(max_size=200), _YAML.map(lambda v: yaml.safe_dump(v).encode())))
            files[place] = body
        elif place.endswith("/") or not place:
            files[place + draw(_NAMES) + draw(st.sampled_from([".md", ".png", "", ".pdf"]))] = draw(
                st.binary(max_size=200)
            )
        else:
            files[place] = draw(st.binary(max_size=300))
    return files


@pytest.fixture(scope="module")
def clean_hub(tmp_path_factory):
    root = tmp_path_factory.mktemp("clean")
    community = make_community(root / "community")
    built = build_hub(community, root / "site", env={"SOURCE_DATE_EPOCH": JUNE_2021})
    assert built.ok, built.result.stderr
    return {folder: _pages_of(built.site, folder) for folder in UNTOUCHED}


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=_hostile_files())
def test_random_bytes_yaml_and_names_in_one_group_stay_in_that_group(tmp_path_factory, clean_hub, files):
    root = tmp_path_factory.mktemp("random")
    community = make_community(root / "community")
    group = community / "sigs/beta"
    for relative, content in files.items():
        path = group / relative
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.is_dir():
                shutil.rmtree(path)
            path.write_bytes(content)
        except OSError:  # a name the file system refuses (too long, ...): nothing a committer could push
            continue
    built = build_hub(community, root / "site", env={"SOURCE_DATE_EPOCH": JUNE_2021})
    assert built.ok, built.result.stderr[-3000:]
    assert "Traceback" not in built.result.stderr
    assert (built.site / "sigs/beta/index.html").is_file()
    for folder, pages in clean_hub.items():
        assert _pages_of(built.site, folder) == pages, folder
    checked = check_community(community)
    assert "Traceback" not in checked.stdout + checked.stderr


@pytest.mark.parametrize("kind", ["a path longer than the system opens", "a link", "a folder", "a FIFO"])
def test_a_name_that_is_no_readable_file_is_an_error_of_that_file(tmp_path, kind):
    """read_text looks at what a name is once (lstat): each kind is an error naming the file, never
    an exception (a path too long raised one from the symlink check before)."""
    import os

    from sigsite.problems import Problems
    from sigsite.reading import read_text

    folder = tmp_path
    if kind.startswith("a path"):
        for _ in range(20):
            folder = folder / ("d" * 200)
        path = folder / ("x" * 243 + ".md")
    else:
        path = tmp_path / "README.md"
        if kind == "a link":
            (tmp_path / "target.md").write_text("x", "utf-8")
            path.symlink_to(tmp_path / "target.md")
        elif kind == "a folder":
            path.mkdir()
        else:
            os.mkfifo(path)
    problems = Problems()
    assert read_text(path, "sigs/x/README.md", problems) is None
    (error,) = problems.errors
    assert error.file == "sigs/x/README.md", error
    expected = {
        "a path longer than the system opens": "cannot read the file: File name too long",
        "a link": "is a symbolic link",
        "a folder": "is a folder where a file belongs",
        "a FIFO": "is neither a file nor a folder",
    }[kind]
    assert error.message.startswith(expected), error.message


def test_a_bug_met_by_one_groups_files_leaves_the_others_as_they_are(tmp_path, monkeypatch):
    """A reader that raises on one group's files (a bug of ours, as the look-alike letters were)
    leaves that group with its name and an error of its folder; every other group reads as ever."""
    from sigsite.hub import loader

    community = make_community(tmp_path / "community")
    before, _ = loader.load_community(community)
    owners = loader.read_owners

    def failing(folder, display, problems):
        if display == "sigs/beta":
            raise StopIteration
        return owners(folder, display, problems)

    monkeypatch.setattr(loader, "read_owners", failing)
    after, problems = loader.load_community(community)
    assert [s.id for s in after.sigs] == [s.id for s in before.sigs]
    for sig, was in zip(after.sigs, before.sigs, strict=True):
        if sig.path != "sigs/beta":  # alpha's README links to beta's: that link alone may change
            assert (sig.name, sig.people, sig.meetings, sig.documents, sig.published_files) == (
                was.name,
                was.people,
                was.meetings,
                was.documents,
                was.published_files,
            )
            assert [r.text for r in sig.readmes] == [r.text for r in was.readmes]
    beta = after.sig("beta")
    assert (beta.name, beta.readmes, beta.path) == ("beta", (), "sigs/beta")
    (error,) = [p for p in problems.errors if p.file == "sigs/beta"]
    assert error.message.startswith("the folder could not be read (StopIteration"), error.message
    assert [f.message for f in after.faults_of(beta)] == [error.message]  # its page names it
