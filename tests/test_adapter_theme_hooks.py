"""Each behaviour of Material and mkdocs-static-i18n that sigsite relies on (adapters/theme_hooks.py),
checked on the site's real config in memory: an upgrade that changes one fails here, loudly."""

from __future__ import annotations

import gc
import json
import os
import re
from pathlib import Path

import pytest
from conftest import make_project
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import get_files

from sigsite.adapters.csp import THEME_SCRIPTS, _theme_scripts
from sigsite.adapters.plugin import SigsitePlugin
from sigsite.adapters.theme_hooks import (
    AFTER_I18N_INDEX,
    AFTER_SEARCH,
    alternate_links,
    every_language_built,
    languages_of,
    search_worker,
    split_search_index,
)


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    """The site's config after the plugins' start-up and config events, as a build has it."""
    project = make_project(tmp_path_factory.mktemp("hooks") / "project")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    loaded = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    loaded.plugins.on_startup(command="build", dirty=False)
    return loaded.plugins.on_config(loaded)


def _priority(method) -> int:
    return getattr(method, "mkdocs_priority", 0)


def test_material_search_indexes_in_on_page_context_before_we_put_pages_back(config):
    search = config.plugins["material/search"]
    assert type(search).on_page_context is not None
    ours = config.plugins["sigsite"]
    assert _priority(type(ours).on_page_context) == AFTER_SEARCH
    assert _priority(type(search).on_page_context) > AFTER_SEARCH
    i18n = config.plugins["i18n"]
    assert _priority(type(i18n).on_page_context) > AFTER_SEARCH
    assert i18n.config.reconfigure_search is False  # it would rework the index after us


def test_i18n_tells_which_language_is_built_and_its_switcher(config):
    languages = languages_of(config)
    assert (languages.current, languages.default, languages.built) == ("en", "en", ("en", "zh"))
    assert languages.prefixes == {"en": "", "zh": "zh/"}
    assert {entry["lang"] for entry in alternate_links(config)} == {"en", "zh"}


def test_our_generated_pages_join_i18ns_sitemap(config):
    files = config.plugins.on_files(get_files(config), config=config)
    plugin = config.plugins["sigsite"]
    assert isinstance(plugin, SigsitePlugin)
    listed = config.plugins["i18n"].i18n_files_per_language["en"]
    generated = plugin.build.generated_files()
    assert generated and all(file in listed for file in generated)
    assert all(files.get_file_from_path(file.src_uri) is file for file in generated)


def test_materials_inline_scripts_live_in_its_javascript_partials(config):
    env = config.theme.get_env()
    scripts = _theme_scripts(env)
    assert f"{THEME_SCRIPTS}base.html" in scripts and f"{THEME_SCRIPTS}palette.html" in scripts
    source = env.loader.get_source(env, "base.html")[0]
    assert f'{{% include "{THEME_SCRIPTS}base.html" %}}' in source


def test_we_split_the_search_index_after_i18n_wrote_it_for_every_language(config, tmp_path):
    """mkdocs-static-i18n writes the combined index in its on_post_build (-100) once it is no
    longer `building` the other languages; ours runs after it and gives each root its own."""
    import json

    i18n, ours = config.plugins["i18n"], config.plugins["sigsite"]
    assert (
        _priority(type(i18n).on_post_build) == -100 > _priority(type(ours).on_post_build) == AFTER_I18N_INDEX
    )
    assert i18n.building is False and every_language_built(config)
    index = {"config": {"lang": ["en", "zh"]}, "docs": [{"location": "", "title": "Home", "text": ""}]}
    index["docs"] += [{"location": "zh/meetings/", "title": "会议", "text": ""}]
    (tmp_path / "search").mkdir()
    (tmp_path / "search/search_index.json").write_text(json.dumps(index), "utf-8")
    config.site_dir = str(tmp_path)
    split_search_index(config, languages_of(config))
    english = json.loads((tmp_path / "search/search_index.full.json").read_text("utf-8"))
    chinese = json.loads((tmp_path / "zh/search/search_index.full.json").read_text("utf-8"))
    assert [d["location"] for d in english["docs"]] == [""]
    assert [d["location"] for d in chinese["docs"]] == ["meetings/"] and chinese["config"] == index["config"]
    for root in ("", "zh/"):  # what Material's page script fetches on every page load: the settings
        fetched = json.loads((tmp_path / root / "search/search_index.json").read_text("utf-8"))
        assert fetched == {"config": index["config"], "docs": []}


def test_each_languages_index_lists_the_pages_in_the_order_of_their_addresses(config, tmp_path):
    """Stamped pages' entries are added last; search ranks an entry before another it ties with, so
    each index is in the order of the pages' addresses, a page's sections after it as they came."""
    docs = [{"location": loc, "title": "", "text": ""} for loc in ("", "sig/b/", "zh/", "sig/a/documents/x/")]
    index = {"config": {"lang": ["en", "zh"]}, "docs": docs}
    (tmp_path / "search").mkdir()
    (tmp_path / "search/search_index.json").write_text(json.dumps(index), "utf-8")
    config.site_dir = str(tmp_path)
    stamped = [{"location": loc, "title": "", "text": ""} for loc in ("sig/a/", "sig/a/#z", "sig/a/#b")]
    split_search_index(config, languages_of(config), stamped)
    english = json.loads((tmp_path / "search/search_index.full.json").read_text("utf-8"))
    locations = [d["location"] for d in english["docs"]]
    assert locations == ["", "sig/a/", "sig/a/#z", "sig/a/#b", "sig/a/documents/x/", "sig/b/"]


def test_an_index_split_before_every_language_is_in_it_stops_the_build(config, tmp_path):
    """An index holding no page of a language was read before mkdocs-static-i18n wrote it whole
    (an event of ours run too early): the build stops instead of publishing a search that finds nothing."""
    index = {"config": {"lang": ["en", "zh"]}, "docs": [{"location": "", "title": "Home", "text": ""}]}
    (tmp_path / "search").mkdir()
    (tmp_path / "search/search_index.json").write_text(json.dumps(index), "utf-8")
    config.site_dir = str(tmp_path)
    with pytest.raises(PluginError, match="no page of zh/"):
        split_search_index(config, languages_of(config))


def test_i18n_applies_a_language_entry_given_before_its_config_event(tmp_path, monkeypatch):
    """The hub names its languages from the community's layout (name_other_languages, in our
    on_config, before mkdocs-static-i18n's at -100): i18n applies the entry it is given to the
    config of that language's build, and keeps the default language's top-level values."""
    from hub_support import FIXTURE, HUB_CONFIG

    from sigsite.layout import MINDSPORE

    monkeypatch.setenv("SIGSITE_COMMUNITY", str(FIXTURE))
    loaded = load_config(str(HUB_CONFIG), site_dir=str(tmp_path / "site"))
    loaded.plugins.on_startup(command="build", dirty=False)
    configured = loaded.plugins.on_config(loaded)
    i18n = configured.plugins["i18n"]
    assert _priority(type(i18n).on_config) < _priority(type(configured.plugins["sigsite-hub"]).on_config)
    chinese = next(language for language in i18n.config.languages if language.locale == "zh")
    assert chinese.site_name == MINDSPORE.site_name["zh"] and chinese.copyright == MINDSPORE.copyright["zh"]
    assert configured.site_name == MINDSPORE.site_name["en"]  # the default language's build
    i18n.current_language = "zh"
    assert i18n.apply_user_overrides(configured).site_name == MINDSPORE.site_name["zh"]


def test_materials_search_worker_is_named_by_the_config_script_and_reads_the_messages_ours_hands_it(config):
    """Our worker (assets/javascripts/workers/sigsite-search.js) runs Material's, found by the name
    `search_worker` reads from `__config`, and hands it the index (type 0) and each query (type 2);
    Material cuts a query's Chinese itself, with its `\\p{sc=Han}` runs."""
    from sigsite.adapters.theme_hooks import _THEME_WORKER

    env = config.theme.get_env()
    source = env.loader.get_source(env, "base.html")[0]
    named = re.search(r'"search": "assets/javascripts/workers/([^"]+)" \| url', source)
    assert named and _THEME_WORKER.fullmatch(named[1])
    found = [Path(folder) / "assets/javascripts/workers" / named[1] for folder in config.theme.dirs]
    code = next(path for path in found if path.is_file()).read_text("utf-8")
    assert 'addEventListener("message"' in code
    assert re.search(r"case 0:return yield \w+\(\w+\.data\.config\)", code)  # the index: {type: 0, data}
    assert re.search(r"\{type:3,data:\w+\.search\(\w+\)\}", code)  # a query's answer, after type 2
    assert 'new RegExp("\\\\p{sc=Han}+","gu")' in code and "invertedIndex" in code
    # Ours holds a query until the index's pages are in: the index built, Material answers type 1
    # with the global postMessage (which ours wraps to keep that answer from the page).
    assert re.search(
        r"case 0:return yield \w+\(\w+\.data\.config\),\w+=new \w+\(\w+\.data\),\{type:1\}", code
    )
    assert re.search(r"[^.\w]postMessage\(yield \w+\(\w+\.data\)\)", code)


def test_materials_page_script_fetches_the_search_index_on_every_load_and_heeds_the_first_ready(config):
    """Why the pages are not in search/search_index.json (split_search_index): Material's script
    fetches it as a page loads (over http; on file: pages once the search opens) and hands it to the
    worker; every part of it waits for the worker's first type-1 answer only, so ours may build the
    index of the pages later and keep Material's second answer to itself."""
    bundle = _theme_file(config, "assets/javascripts/bundle.*.min.js")
    assert 'new URL("search/search_index.json",' in bundle
    gate = re.search(
        r'\(\$\(location\.protocol!=="file:"\),\w+\("search"\)\)\.pipe\((\w+)\(\w=>\w\),', bundle
    )
    assert gate, "Material no longer fetches the index as the page loads"
    ready = re.search(r"function (\w+)\(e\)\{return e\.type===1\}", bundle)
    assert ready, "Material no longer tells the worker's type-1 answer apart"
    uses = re.findall(rf"(\w+)\({ready[1]}\)", bundle)
    assert uses and set(uses) == {gate[1]}  # first(ready), as first(active) in the gate
    assert bundle.count(ready[1]) == len(uses) + 1


def test_every_page_names_our_search_worker_with_the_themes_beside_it():
    page = (
        '<html><script id="__config" type="application/json">{"base": "..", '
        '"search": "../assets/javascripts/workers/search.a7633da7.min.js"}</script></html>'
    )
    settings = json.loads(search_worker(page).split('json">')[1].split("</script>")[0])
    assert settings == {
        "base": "..",
        "search": "../assets/javascripts/workers/sigsite-search.js?theme=search.a7633da7.min.js"
        "&index=../../../search/search_index.full.json",  # from the worker's folder
    }
    chinese = json.loads(search_worker(page, "zh/").split('json">')[1].split("</script>")[0])
    assert chinese["search"].endswith("&index=../../../zh/search/search_index.full.json")
    odd = page.replace("search.a7633da7.min.js", "other.js")
    assert search_worker(odd) == odd  # a worker of another shape: Material's own stays


def _theme_file(config, pattern: str) -> str:
    """The text of the theme's file at `pattern` (a glob below the theme's folders)."""
    found = [path for folder in config.theme.dirs for path in sorted(Path(folder).glob(pattern))]
    assert found, pattern
    return found[0].read_text("utf-8")


def test_a_build_keeps_what_it_loaded_out_of_the_collectors_passes_until_it_ends(config, tmp_path):
    """`on_config` freezes what is loaded (gc.freeze); the last `on_post_build` gives it back to the
    collector, and so does a build that stops: under `mkdocs serve`, nothing is frozen for ever."""
    ours = config.plugins["sigsite"]
    for end in (
        lambda: ours.on_build_error(error=RuntimeError("the build stopped")),
        lambda: ours.on_post_build(config=config),
    ):
        gc.unfreeze()
        ours.on_config(config)
        assert gc.get_freeze_count() > 0
        config.site_dir = str(tmp_path)  # an empty site: nothing to split, nothing for the wall
        end()
        assert gc.get_freeze_count() == 0
