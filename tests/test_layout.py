"""The community's layout as data (issue 29): found from the checkout or named, and the hub's
defaults taken from it unless hub/mkdocs.yml names its own."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import PROJECT
from hub_support import FIXTURE, JUNE_2021, build_hub, hub_config_with, make_community

from sigsite.layout import LAYOUTS, MINDSPORE, UnknownLayout, detect_layout, layout_named
from sigsite.load import LoadSettings, load

JUNE_2021_DATE = date(2021, 6, 1)


def test_the_layout_is_found_from_the_checkout(tmp_path):
    assert detect_layout(FIXTURE) is MINDSPORE
    assert detect_layout(tmp_path) is None  # no folder of any layout's groups
    (tmp_path / "sigs").symlink_to(FIXTURE / "sigs")
    assert detect_layout(tmp_path) is None  # a link is never followed


def test_a_layout_is_named_by_its_key_and_an_unknown_name_says_what_is_known():
    assert layout_named(" MindSpore ") is MINDSPORE
    with pytest.raises(
        UnknownLayout, match="no community layout is named 'kde'; sigsite knows mindspore, openeuler"
    ):
        layout_named("kde")


def test_every_layout_names_its_kinds_files_and_texts_in_every_language():
    for layout in LAYOUTS.values():
        assert len({kind.key for kind in layout.kinds}) == len(layout.kinds)
        assert len({kind.folder for kind in layout.kinds}) == len(layout.kinds)
        for texts in (layout.site_name, layout.site_description, layout.copyright, layout.readmes):
            assert set(texts) == {"en", "zh"}, layout.key
        assert layout.forge.source.endswith("/") and layout.forge.name


def test_the_published_schema_names_every_kind_of_every_layout():
    import json

    schema = json.loads((PROJECT / "sigsite" / "schemas" / "api_sigs.schema.json").read_text("utf-8"))
    kinds = schema["properties"]["sigs"]["items"]["properties"]["kind"]["enum"]
    assert set(kinds) == {kind.key for layout in LAYOUTS.values() for kind in layout.kinds}


def test_what_a_layout_says_is_what_the_loader_reads(tmp_path):
    """The groups' folders, the listing and the READMEs come from the layout's entry, not from
    constants: a layout whose README names differ reads other files."""
    from dataclasses import replace

    community = make_community(tmp_path / "community")
    loaded = load(community, LoadSettings(), JUNE_2021_DATE)
    assert {s.kind for s in loaded.community.folders} == {"sig", "wg", "tsc"}
    assert loaded.community.layout is MINDSPORE
    english_only = replace(MINDSPORE, readmes={"en": ("README_en.md",), "zh": ()}, readmes_either=())
    reread = load(community, LoadSettings(), JUNE_2021_DATE, layout=english_only)
    alpha = reread.community.sig("alpha")
    assert [r.path for r in alpha.readmes] == ["sigs/alpha/README_en.md"]
    assert [r.path for r in loaded.community.sig("alpha").readmes] != [r.path for r in alpha.readmes]


def _check(community: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sigsite.cli", "check", "--community", str(community)],
        capture_output=True,
        text=True,
        cwd=community,
        env={**os.environ, **env},
        check=False,
    )


def test_check_refuses_a_layout_it_does_not_know(tmp_path):
    community = make_community(tmp_path / "community")
    result = _check(community, SIGSITE_LAYOUT="nope")
    assert result.returncode == 1
    assert (
        "no community layout is named 'nope'; sigsite knows mindspore, openeuler (in SIGSITE_LAYOUT)"
        in result.stderr
        and "Traceback" not in result.stderr
    )


@pytest.mark.build
def test_the_hub_takes_its_name_from_the_layout_unless_mkdocs_yml_names_one(tmp_path):
    """hub/mkdocs.yml names nothing of MindSpore: the layout gives the name, copyright and repository
    in each language; a site_name written in mkdocs.yml wins in every language."""
    community = make_community(tmp_path / "community")
    shutil.copytree(PROJECT / "hub", tmp_path / "hub")
    shutil.copytree(PROJECT / "overrides", tmp_path / "overrides")
    config = tmp_path / "hub" / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "gitee.com/mindspore" not in text and "MindSpore SIG" not in text
    config.write_text(text.replace('site_name: ""', "site_name: Open Hub"), "utf-8")
    result = build_hub(
        community, tmp_path / "site", env={"SOURCE_DATE_EPOCH": JUNE_2021}, config=config
    ).result
    assert result.returncode == 0, result.stderr
    from bs4 import BeautifulSoup

    def page(relative: str) -> BeautifulSoup:
        return BeautifulSoup((tmp_path / "site" / relative).read_text("utf-8"), "lxml")

    english, chinese = page("index.html"), page("zh/index.html")
    assert english.title is not None and chinese.title is not None
    assert english.title.text.endswith("Open Hub") and chinese.title.text.endswith("Open Hub")
    assert MINDSPORE.copyright["en"] in english.get_text() and MINDSPORE.copyright["zh"] in chinese.get_text()
    assert english.select_one(f'a[href="{MINDSPORE.repo_url}"]') is not None


def test_every_config_mkdocs_serve_loads_gets_the_layouts_defaults(monkeypatch, tmp_path):
    """The hub's plugin lives across `mkdocs serve` rebuilds (it has on_startup) while each rebuild
    loads hub/mkdocs.yml again: the new config gets the layout's name too, not an empty one."""
    from hub_support import HUB_CONFIG
    from mkdocs.config import load_config

    monkeypatch.setenv("SIGSITE_COMMUNITY", str(FIXTURE))
    first = load_config(str(HUB_CONFIG), site_dir=str(tmp_path / "site"))
    plugin = first.plugins["sigsite-hub"]
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_config(first)
    again = load_config(str(HUB_CONFIG), site_dir=str(tmp_path / "site"))
    assert again.site_name == ""  # as hub/mkdocs.yml writes it
    plugin.on_config(again)
    assert first.site_name == again.site_name == MINDSPORE.site_name["en"]


@pytest.mark.parametrize("kind_folder", ["working-groups", "tsc"])
@pytest.mark.parametrize("odd", ["file", "fifo", "link to a folder", "link to a file", "dangling link"])
def test_a_kind_of_groups_folder_that_is_not_a_folder_is_one_error_and_no_groups(tmp_path, kind_folder, odd):
    """`working-groups` or `tsc` committed as a file, a FIFO or a link (which git can commit):
    the kind is left out with one error on its folder, never a traceback, and no group is made of
    what it points at."""
    community = make_community(tmp_path / "community")
    top = community / kind_folder
    shutil.rmtree(top)
    if odd == "file":
        top.write_text("x", "utf-8")
    elif odd == "fifo":
        os.mkfifo(top)
    elif odd == "link to a folder":
        top.symlink_to(FIXTURE / kind_folder)
    elif odd == "link to a file":
        top.symlink_to(FIXTURE / "sigs" / "sig_info.yaml")
    else:
        top.symlink_to(tmp_path / "nowhere")
    loaded = load(community, LoadSettings(), JUNE_2021_DATE)
    kind = next(k for k in MINDSPORE.kinds if k.folder == kind_folder)
    assert not [s for s in loaded.community.folders if s.kind == kind.key]
    about = [p for p in loaded.problems.errors if p.file == kind_folder]
    assert len(about) == 1 and "where the folder of a kind of group belongs" in about[0].message
    assert not [p for p in loaded.problems.items if p.file.startswith(f"{kind_folder}/")]


@pytest.mark.build
@pytest.mark.parametrize(("settings", "public"), [("", True), ("      public_emails: []\n", False)])
def test_public_emails_written_as_an_empty_list_wins_over_the_layouts_in_the_build_and_check(
    tmp_path, settings, public
):
    """The layout's public addresses fill `public_emails` only where hub/mkdocs.yml does not set it:
    an empty list says no address is public, so the layout's mailing list is withheld, with the
    same warning in the build and in `sigsite check --community`."""
    community = make_community(tmp_path / "community")
    info = community / "sigs" / "alpha" / "sig-info.yaml"
    text = info.read_text("utf-8")
    assert "mailing_list: TO_BE_CLARIFIED" in text
    address = MINDSPORE.public_emails[0]
    info.write_text(text.replace("mailing_list: TO_BE_CLARIFIED", f"mailing_list: {address}"), "utf-8")
    config = hub_config_with(tmp_path, settings)
    site = tmp_path / "site"
    built = build_hub(community, site, env={"SOURCE_DATE_EPOCH": JUNE_2021}, config=config).result
    assert built.returncode == 0, built.stderr
    page = (site / "sigs" / "alpha" / "index.html").read_text("utf-8")
    assert (address in page) is public
    command = ["check", "--community", str(community), "--config", str(config)]
    checked = subprocess.run(
        [sys.executable, "-m", "sigsite.cli", *command],
        capture_output=True,
        text=True,
        check=False,
    )
    masked = "sigs/alpha/sig-info.yaml:5: warning: the personal e-mail address d…@mindspore.cn is withheld"
    assert (masked in built.stderr) is not public and (masked in checked.stdout) is not public


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ("layout: mindspore", None),
        ("public_emails: []", None),
        ("layout: false", "layout must be text"),
        ("layout: [mindspore]", "layout must be text"),
        ("public_emails: dev@example.org", "public_emails must be a list of addresses"),
        ("public_emails: [1, 2]", "public_emails must be a list of addresses"),
        ("public_emails: null", "public_emails must be a list of addresses"),
    ],
)
def test_check_refuses_a_hub_setting_of_a_type_the_build_refuses(tmp_path, setting, said):
    """MkDocs refuses these in hub/mkdocs.yml; check read `layout: false` as no layout and a
    `public_emails` that is not a list as none, and checked with settings the hub never builds."""
    community = make_community(tmp_path / "community")
    config = hub_config_with(tmp_path, f"      {setting}\n")
    command = ["check", "--community", str(community), "--config", str(config)]
    result = subprocess.run([sys.executable, "-m", "sigsite.cli", *command], capture_output=True, text=True)
    assert "Traceback" not in result.stderr and "example.org" not in result.stderr
    if said is None:
        assert result.returncode == 0, result.stderr
    else:
        assert result.returncode == 1 and said in result.stderr


@pytest.mark.parametrize(
    "file",
    [
        "sigs/sig_info.yaml",
        "sigs/README_en.md",
        "sigs/alpha/README_en.md",
        "sigs/alpha/sig-info.yaml",
        "sigs/alpha/meetings/001-20210304.md",
        "sigs/alpha/meetings/slides-20210304.pdf",
    ],
)
def test_a_fifo_where_a_file_belongs_is_an_error_and_the_load_goes_on(tmp_path, file):
    """Reading a FIFO blocks until something writes to it: the load hung for ever on one (a checkout
    made by hand; git commits none). It is left out with an error, as a folder in its place is."""
    community = make_community(tmp_path / "community")
    (community / file).unlink()
    os.mkfifo(community / file)
    loaded = load(community, LoadSettings(), JUNE_2021_DATE)  # before the fix: never returned
    (error,) = [p for p in loaded.problems.errors if p.file == file]
    assert "neither a file nor a folder (a FIFO" in error.message
    assert loaded.community.sig("alpha") is not None
