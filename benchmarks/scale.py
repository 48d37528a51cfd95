"""How the build grows with the archive: sigsite against plain MkDocs + Material.

    python benchmarks/scale.py                 # N = 100, 500, 2000 meetings, M = N / 2 members
    python benchmarks/scale.py --sizes 50 200 --runs 1
    python benchmarks/scale.py --hub 25x20 100x20  # the community hub: S SIGs x N meetings each
    python benchmarks/scale.py --community ../shared/community   # the hub of a real checkout
    python benchmarks/scale.py --openeuler          # the hub of an openEuler-shaped community: 120 SIGs,
    python benchmarks/scale.py --openeuler 30x50    # 12,000 repository files; or S SIGs x R files each

For each N it writes a synthetic SIG (realistic notes, some in Chinese, 1 in 20 with front
matter, sequence numbers past 999) into a temporary folder, builds it with this project's
site, and builds the same meeting pages with plain MkDocs + Material: this site's own
mkdocs.yml, theme overrides and English pages without the three plugins that exist for
sigsite (sigsite, macros, i18n), the notes copied into docs/meetings/ as ordinary pages out
of the navigation. A third build, "plain + i18n", adds the site's Chinese pages and
mkdocs-static-i18n back to plain, to show what a second language costs Material by itself.
The three builds run `--runs` times each, in rounds of a rotating order; the table shows the
medians of wall time and peak memory, the output size and the search index size, and the
ratios to plain (for time, the median of the ratios within each round, so that a machine
that speeds up or slows down between rounds does not bias the result, and in brackets the
lowest and highest of those ratios); the sigsite row also gives its time ratio to
"plain + i18n".

The hub mode writes a synthetic community (S SIG folders, each with a README in one or two
languages, a members file and N notes; or, with --openeuler, one of openEuler's shape written by
openeuler.py: S SIGs holding S x R repository files, unevenly) or takes a real checkout, and builds
it with hub/mkdocs.yml, once as it is and once with `person_pages: false`; the baseline builds the
same Markdown files (READMEs, notes and documents, with the images they show) as ordinary pages of
plain MkDocs + Material with the hub's theme and English pages, without `--strict` (the READMEs link
to files that are no pages, which only the hub resolves); "plain + i18n" adds the hub's Chinese
pages and mkdocs-static-i18n, which builds every one of those files in the Chinese tree too, as the
hub builds each group in both languages. The table gives the medians of wall and CPU time (user and
system, the steadier on a shared machine), peak memory, output size and file count, and the ratios
to plain and, for time, to plain + i18n (the like-for-like baseline of a site in two languages;
each ratio the median of those within a round). Run by hand; nothing here is a test.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from openeuler import generate_openeuler

PROJECT = Path(__file__).resolve().parents[1]
SITE_SOURCES = ("mkdocs.yml", "docs", "overrides")
FIRST_MEETING = date(1990, 1, 4)
ROLES = ("Maintainers", "Committers", "Contributors")
TOPICS = [
    "differential privacy training in graph mode",
    "adversarial example detection",
    "membership inference evaluation",
    "federated learning client scheduling",
    "model encryption at rest",
    "fuzzing neural networks",
    "concept drift monitoring",
    "privacy budget accounting",
    "secure aggregation",
    "model obfuscation for deployment",
]
TOPICS_ZH = [
    "差分隐私训练的图模式适配",
    "对抗样本检测",
    "成员推理攻击评估",
    "联邦学习客户端调度",
    "模型加密",
    "神经网络模糊测试",
    "数据概念漂移检测",
    "隐私预算统计",
]
NAMES = [
    "Wang Ze",
    "Jin Xiulang",
    "Liu Zhidan",
    "Liu Liu",
    "Li Peng",
    "Duan Bo",
    "Zhang Rui",
    "Chen Yu",
    "Zhao Lei",
    "Sun Mei",
    "Hu Jun",
    "Tang Cong",
]
# Plugins that are sigsite's or exist for it: the baseline drops them, and keeps the theme.
I18N_PLUGIN = "i18n"
SIGSITE_PLUGINS = frozenset({"sigsite", "macros", I18N_PLUGIN})
# The builds compared; ratios are to PLAIN, the baseline. BILINGUAL also has the site's
# second language (mkdocs-static-i18n), to show what sigsite adds to a two-language Material site.
PLAIN, BILINGUAL, SIGSITE = "plain", "plain + i18n", "sigsite"


class _MkDocsYamlLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, taking the default of each `!ENV [NAME, default]`."""


_MkDocsYamlLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def note(rng: random.Random, sequence: int, day: date) -> str:
    """One meeting note in the SIG's format; some in Chinese, some with front matter."""
    chinese = sequence % 5 == 0
    topics = rng.sample(TOPICS_ZH if chinese else TOPICS, 3)
    people = rng.sample(NAMES, 6)
    front = ""
    if sequence % 20 == 0:
        front = f'---\ntitle: Planning session {sequence}\ntime: "10:00"\nduration: 90\n---\n'
    if chinese:
        heading = f"# {day.year}年{day.month}月{day.day}日 15:00 GMT+8"
        sections = {
            "议程": topics,
            "会议链接": [f"https://meeting.example.org/j/{sequence}"],
            "参会人员": [f"{p}（华为）" for p in people],
            "会议纪要": [f"讨论了{t}的进展。" for t in topics],
            "待办事项": [f"{people[0]}负责跟进{topics[0]}"],
        }
    else:
        heading = f"# {day.strftime('%A %B %d, %Y')} at 15:00 GMT+8"
        sections = {
            "Agenda": [t.capitalize() for t in topics],
            "Conference links": [f"https://meeting.example.org/j/{sequence}"],
            "Attendees": [f"{p} (Huawei)" for p in people],
            "Notes": [f"We agreed on the next steps for {t}; a design note follows." for t in topics],
            "Action items": [f"{people[0]} to prototype {topics[0]}"],
        }
    body = "\n\n".join(
        f"## {title}\n" + "\n".join(f"* {item}" for item in items) for title, items in sections.items()
    )
    return f"{front}{heading}\n\n{body}\n"


def members(rng: random.Random, count: int) -> str:
    """A sig_members.yaml with `count` people, some holding two roles."""
    lines = ["Description: Synthetic members for the scale benchmark."]
    people = [(f"Member {i}", f"member{i}") for i in range(count)]
    by_role: dict[str, list[tuple[str, str]]] = {role: [] for role in ROLES}
    for index, person in enumerate(people):
        role = "Maintainers" if index % 20 == 0 else "Committers" if index % 10 == 0 else "Contributors"
        by_role[role].append(person)
        if index % 10 == 0 and role != "Contributors":
            by_role["Contributors"].append(person)
    for role, entries in by_role.items():
        lines.append(f"{role}:")
        for name, account in entries:
            lines += [
                f"- name: {name}",
                f"  gitee_home: https://gitee.com/{account}",
                f"  email: {account}@example.org",
                f"  interest: {rng.choice(TOPICS)}",
            ]
    return "\n".join(lines) + "\n"


def generate(folder: Path, meetings: int, people: int, seed: int = 7) -> Path:
    """Write a synthetic SIG (meetings/ and sig_members.yaml) into `folder`."""
    rng = random.Random(seed)
    notes = folder / "meetings"
    notes.mkdir(parents=True, exist_ok=True)
    for sequence in range(1, meetings + 1):
        day = FIRST_MEETING + timedelta(weeks=sequence - 1)
        (notes / f"{sequence:03d}-{day:%Y%m%d}.md").write_text(note(rng, sequence, day), "utf-8")
    (folder / "sig_members.yaml").write_text(members(rng, people), "utf-8")
    return folder


def sigsite_project(folder: Path, data: Path) -> Path:
    """This project's site with the synthetic data."""
    folder.mkdir(parents=True)
    for name in SITE_SOURCES:
        source = PROJECT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / name)
    shutil.copytree(data / "meetings", folder / "meetings")
    shutil.copy2(data / "sig_members.yaml", folder / "sig_members.yaml")
    return folder


def plain_config(*, bilingual: bool = False) -> dict[str, Any]:
    """This site's mkdocs.yml without the plugins that exist for sigsite; notes out of the navigation.

    `bilingual` keeps mkdocs-static-i18n, with no English fallback pages in the Chinese tree.
    """
    config = yaml.load((PROJECT / "mkdocs.yml").read_text("utf-8"), Loader=_MkDocsYamlLoader)
    dropped = SIGSITE_PLUGINS - {I18N_PLUGIN} if bilingual else SIGSITE_PLUGINS
    config["plugins"] = [p for p in config["plugins"] if _plugin_name(p) not in dropped]
    for plugin in config["plugins"]:
        if _plugin_name(plugin) == I18N_PLUGIN:
            plugin[I18N_PLUGIN]["fallback_to_default"] = False
    config["not_in_nav"] = "/meetings/*\n"
    return config


def _plugin_name(entry: object) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))  # type: ignore[arg-type]


def plain_project(folder: Path, data: Path, *, bilingual: bool = False) -> Path:
    """The site's English pages (and Chinese ones, if `bilingual`) and theme, with every note as
    a plain page out of the navigation.

    Pages that call macros show the calls as text: the baseline costs what the theme costs.
    """
    docs = folder / "docs"
    ignore = None if bilingual else shutil.ignore_patterns("*.zh.md")
    shutil.copytree(PROJECT / "docs", docs, ignore=ignore)
    shutil.copytree(PROJECT / "overrides", folder / "overrides")
    shutil.copytree(data / "meetings", docs / "meetings", dirs_exist_ok=True)
    config = plain_config(bilingual=bilingual)
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return folder


@dataclass
class Run:
    seconds: float
    peak_mb: float
    output_mb: float
    search_mb: float
    files: int  # in the built site
    cpu_seconds: float  # user and system: steadier than wall time on a shared machine


def measure_build(
    project: Path, config: str = "mkdocs.yml", *, strict: bool = True, env: dict[str, str] | None = None
) -> Run:
    """One `mkdocs build` in a child process: wall time and the child's peak memory."""
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    environment = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
        **(env or {}),
    }
    start = time.perf_counter()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            *(["--strict"] if strict else []),
            "-q",
            "-f",
            str(project / config),
            "-d",
            str(site),
        ],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    errors = process.stderr.read().decode() if process.stderr else ""
    if status != 0:
        raise SystemExit(f"build of {project} failed:\n{errors}")
    sizes = [p.stat().st_size for p in site.rglob("*") if p.is_file()]
    # The pages of the index: sigsite's sites keep them in search_index.full.json, fetched at the
    # first query; plain MkDocs in search_index.json.
    full = site / "search" / "search_index.full.json"
    index = full if full.is_file() else site / "search" / "search_index.json"
    return Run(
        seconds,
        usage.ru_maxrss / 1024,
        sum(sizes) / 2**20,
        index.stat().st_size / 2**20,
        len(sizes),
        usage.ru_utime + usage.ru_stime,
    )


def check_seconds(folder: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sigsite.cli", "check", str(folder)], capture_output=True, check=False
    )
    return time.perf_counter() - start


def median_run(runs: list[Run]) -> Run:
    return Run(
        *(
            statistics.median(getattr(r, f) for r in runs)
            for f in ("seconds", "peak_mb", "output_mb", "search_mb", "files", "cpu_seconds")
        )
    )


def measure_size(n: int, runs: int, workdir: Path | None) -> tuple[dict[str, list[Run]], float]:
    """Build the three projects of one size `runs` times each, rotating their order."""
    with tempfile.TemporaryDirectory(prefix=f"sigsite-scale-{n}-", dir=workdir) as tmp:
        root = Path(tmp)
        data = generate(root / "data", n, n // 2)
        projects = {
            PLAIN: plain_project(root / "plain", data),
            BILINGUAL: plain_project(root / "bilingual", data, bilingual=True),
            SIGSITE: sigsite_project(root / "sigsite", data),
        }
        results: dict[str, list[Run]] = {name: [] for name in projects}
        names = list(projects)
        for index in range(runs):
            # A different order each time, so that a machine slowing down favours no build.
            shift = index % len(names)
            for name in names[shift:] + names[:shift]:
                results[name].append(measure_build(projects[name]))
        return results, check_seconds(projects[SIGSITE])


def time_ratio(runs: list[Run], baseline: list[Run]) -> str:
    """The median of the ratios within each round (machine drift cancels), and their range."""
    if runs is baseline:
        return "1.00"
    ratios = [a.seconds / b.seconds for a, b in zip(runs, baseline, strict=True)]
    return f"{statistics.median(ratios):.2f} ({min(ratios):.2f}–{max(ratios):.2f})"


HUB = "hub"


def cpu_ratio(runs: list[Run], baseline: list[Run]) -> str:
    """The median of the CPU time ratios within each round."""
    ratios = [a.cpu_seconds / b.cpu_seconds for a, b in zip(runs, baseline, strict=True)]
    return f"{statistics.median(ratios):.2f}"


OPENEULER_DEFAULT = "120x100"  # the size: 120 SIGs, 12,000 repository files


def generate_community(root: Path, sigs: int, meetings: int, seed: int = 7) -> Path:
    """A community checkout: `sigs` SIG folders with READMEs, members and `meetings` notes each."""
    rng = random.Random(seed)
    for number in range(sigs):
        folder = root / "sigs" / f"SIG {number:03d} ({rng.choice(TOPICS).split()[0]})"
        generate(folder, meetings, 12, seed=seed + number)
        topic = rng.choice(TOPICS)
        links = "\n".join(
            f"* [Meeting {s:03d}](./meetings/{p.name})"
            for s, p in enumerate(sorted((folder / "meetings").iterdir()), 1)
        )
        (folder / "README.md").write_text(
            f"# SIG {number:03d}\n\n本 SIG 研究{rng.choice(TOPICS_ZH)}。\n\n## 会议\n\n{links}\n\n"
            "成员见 [sig_members.yaml](./sig_members.yaml)。\n",
            "utf-8",
        )
        if number % 2 == 0:
            (folder / "README_en.md").write_text(
                f"# SIG {number:03d}\n\nThis SIG works on {topic}.\n\n## Meetings\n\n{links}\n\n"
                "Members are in [sig_members.yaml](./sig_members.yaml).\n",
                "utf-8",
            )
    (root / "sigs" / "README_en.md").write_text("# SIGs\n\nThe community's SIGs.\n", "utf-8")
    return root


HUB_WITHOUT_PEOPLE = "hub, no person pages"
HUB_PLUGIN = "  - sigsite-hub:\n"  # its line in hub/mkdocs.yml, which the plugin's settings follow
IMAGES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"})


def hub_project(folder: Path, *, person_pages: bool = True) -> Path:
    """This project's hub configuration, pages and theme overrides; `person_pages: false` if not
    `person_pages`."""
    shutil.copytree(PROJECT / "hub", folder / "hub")
    shutil.copytree(PROJECT / "overrides", folder / "overrides")
    if not person_pages:
        config = folder / "hub" / "mkdocs.yml"
        text = config.read_text("utf-8")
        assert text.count(HUB_PLUGIN) == 1, "hub/mkdocs.yml has no single sigsite-hub entry"
        config.write_text(text.replace(HUB_PLUGIN, HUB_PLUGIN + "      person_pages: false\n"), "utf-8")
    return folder


def group_folders(community: Path) -> list[Path]:
    """The community's top folders (`sigs/`, `tsc/`; `sig/`, `archived_sigs/`), hidden ones aside."""
    return sorted(p for p in community.iterdir() if p.is_dir() and not p.name.startswith("."))


def plain_hub_project(folder: Path, community: Path, *, bilingual: bool = False) -> Path:
    """The hub's English pages and theme, with every Markdown file of the community's folders as a
    plain page and the images beside them; `bilingual` adds the hub's Chinese pages and
    mkdocs-static-i18n, which builds each of those files in the Chinese tree too, as the hub does."""
    docs = folder / "hub" / "docs"
    ignore = None if bilingual else shutil.ignore_patterns("*.zh.md")
    shutil.copytree(PROJECT / "hub" / "docs", docs, ignore=ignore)
    shutil.copytree(PROJECT / "overrides", folder / "overrides")
    tops = group_folders(community)
    for top in tops:
        for path in sorted(top.rglob("*")):
            if path.is_file() and (path.suffix == ".md" or path.suffix.lower() in IMAGES):
                target = docs / path.relative_to(community)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
    config = yaml.load((PROJECT / "hub" / "mkdocs.yml").read_text("utf-8"), Loader=_MkDocsYamlLoader)
    dropped = {"sigsite-hub"} if bilingual else {"sigsite-hub", I18N_PLUGIN}
    config["plugins"] = [p for p in config["plugins"] if _plugin_name(p) not in dropped]
    config["not_in_nav"] = "".join(f"/{top.name}/*\n" for top in tops)
    (folder / "hub" / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return folder


def measure_hub(community: Path, runs: int, workdir: Path | None) -> dict[str, list[Run]]:
    """Build the hub of `community` (with and without person pages) and its plain baseline `runs`
    times each, rotating their order."""
    with tempfile.TemporaryDirectory(prefix="sigsite-hub-", dir=workdir) as tmp:
        root = Path(tmp)
        projects = {
            PLAIN: plain_hub_project(root / "plain", community),
            BILINGUAL: plain_hub_project(root / "bilingual", community, bilingual=True),
            HUB: hub_project(root / "hub"),
            HUB_WITHOUT_PEOPLE: hub_project(root / "hub-no-people", person_pages=False),
        }
        hub_options: dict[str, Any] = {"env": {"SIGSITE_COMMUNITY": str(community.resolve())}}
        options: dict[str, dict[str, Any]] = {
            PLAIN: {"strict": False},
            BILINGUAL: {"strict": False},
            HUB: hub_options,
            HUB_WITHOUT_PEOPLE: hub_options,
        }
        results: dict[str, list[Run]] = {name: [] for name in projects}
        names = list(projects)
        for index in range(runs):
            shift = index % len(names)
            for name in names[shift:] + names[:shift]:
                results[name].append(measure_build(projects[name], "hub/mkdocs.yml", **options[name]))
        return results


def print_hub_rows(label: str, community: Path, runs: int, workdir: Path | None) -> None:
    """One table row per build of a community's hub."""
    tops = group_folders(community)
    folders = sum(1 for top in tops for p in top.iterdir() if p.is_dir())
    files = [p for top in tops for p in top.rglob("*") if p.is_file()]
    markdown = sum(1 for p in files if p.suffix == ".md")
    data = sum(1 for p in files if p.suffix in {".yaml", ".yml"})
    results = measure_hub(community, runs, workdir)
    base = median_run(results[PLAIN])
    for name, measured in results.items():
        run = median_run(measured)
        cells = [
            label,
            folders,
            markdown,
            data,
            name,
            f"{run.seconds:.1f}",
            f"{run.cpu_seconds:.1f}",
            f"{run.peak_mb:.0f}",
            f"{run.output_mb:.1f}",
            f"{run.files:.0f}",
            time_ratio(measured, results[PLAIN]),
            cpu_ratio(measured, results[PLAIN]),
            time_ratio(measured, results[BILINGUAL]) if name not in {PLAIN, BILINGUAL} else "",
            cpu_ratio(measured, results[BILINGUAL]) if name not in {PLAIN, BILINGUAL} else "",
            f"{run.peak_mb / base.peak_mb:.2f}",
            f"{run.output_mb / base.output_mb:.2f}",
        ]
        print("| " + " | ".join(map(str, cells)) + " |", flush=True)


def hub_main(args: argparse.Namespace) -> None:
    columns = [
        "community",
        "group folders",
        "Markdown files",
        "YAML files",
        "build",
        "time s",
        "CPU s",
        "peak MB",
        "output MB",
        "output files",
        "time ×",
        "CPU ×",
        f"time × {BILINGUAL}",
        f"CPU × {BILINGUAL}",
        "memory ×",
        "output ×",
    ]
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    if args.community:
        print_hub_rows(args.community.name, args.community, args.runs, args.workdir)
    for size in args.hub or []:
        sigs, meetings = (int(n) for n in size.lower().split("x"))
        with tempfile.TemporaryDirectory(prefix="sigsite-community-", dir=args.workdir) as tmp:
            community = generate_community(Path(tmp), sigs, meetings)
            print_hub_rows(f"{sigs}×{meetings}", community, args.runs, args.workdir)
    for size in args.openeuler or []:
        sigs, each = (int(n) for n in size.lower().split("x"))
        with tempfile.TemporaryDirectory(prefix="sigsite-openeuler-", dir=args.workdir) as tmp:
            community = generate_openeuler(Path(tmp), sigs, sigs * each)
            print_hub_rows(f"openEuler {sigs}×{each}", community, args.runs, args.workdir)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 2000], help="meeting counts N")
    parser.add_argument("--runs", type=int, default=3, help="rounds of builds per size (median reported)")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="where to write the projects and their sites (default: the system's temporary folder); "
        "/dev/shm keeps a slow or shared disk out of the timings",
    )
    parser.add_argument(
        "--hub", nargs="+", metavar="SxN", help="hub mode: S SIGs of N meetings each, e.g. 100x20"
    )
    parser.add_argument("--community", type=Path, help="hub mode: a real checkout (the folder holding sigs/)")
    parser.add_argument(
        "--openeuler",
        nargs="*",
        metavar="SxR",
        help="hub mode: an openEuler-shaped community of S SIGs with R repository files each on average "
        f"(default {OPENEULER_DEFAULT}: 12,000 files)",
    )
    args = parser.parse_args()
    if args.openeuler == []:
        args.openeuler = [OPENEULER_DEFAULT]
    if args.hub or args.community or args.openeuler:
        hub_main(args)
        return
    columns = [
        "N",
        "M",
        "build",
        "time s",
        "peak MB",
        "output MB",
        "search MB",
        "time ×",
        "memory ×",
        "output ×",
        f"time × {BILINGUAL}",
        "check s",
    ]
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for n in args.sizes:
        results, check = measure_size(n, args.runs, args.workdir)
        base = median_run(results[PLAIN])
        for name, runs in results.items():
            run = median_run(runs)
            cells = [
                n,
                n // 2,
                name,
                f"{run.seconds:.1f}",
                f"{run.peak_mb:.0f}",
                f"{run.output_mb:.1f}",
                f"{run.search_mb:.2f}",
                time_ratio(runs, results[PLAIN]),
                f"{run.peak_mb / base.peak_mb:.2f}",
                f"{run.output_mb / base.output_mb:.2f}",
                time_ratio(runs, results[BILINGUAL]) if name == SIGSITE else "",
                f"{check:.2f}" if name == SIGSITE else "",
            ]
            print("| " + " | ".join(map(str, cells)) + " |", flush=True)


if __name__ == "__main__":
    main()
