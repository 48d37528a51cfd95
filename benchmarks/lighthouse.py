"""Lighthouse's scores of every page type, the median of several runs, as a Markdown table; run by
hand, not in CI (scores depend on the machine: run it on a quiet one).

    (cd benchmarks/lighthouse && npm ci)                 # once: Lighthouse, the version the lock file pins
    python benchmarks/lighthouse.py                      # this SIG's site, built here
    python benchmarks/lighthouse.py --community ../shared/community           # the hub of a checkout
    python benchmarks/lighthouse.py --site /tmp/site --page home= --page people=people/   # a built site

It builds the site (unless `--site` names a built one) with the local address it is served at, serves
it as a static host does (benchmarks/serve.py: gzip, the site's 404 page), runs Lighthouse `--runs`
times per page (mobile, Lighthouse's default, unless `--form desktop`) in Debian's chromium
(CHROME_PATH), and prints the median of performance, accessibility, best practices and SEO per page,
then what costs each page points: the audits that fail in its median run, with the elements they name.
`--reports DIR` keeps Lighthouse's JSON reports. Target: 95 / 100 / 100 / 100 on every page.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "benchmarks" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless --no-sandbox"
RUN_SECONDS = 180  # one Lighthouse run; a hung browser is given up on
ELEMENTS_SHOWN = 4  # elements named per failing audit
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}
# What makes the metrics what they are: Lighthouse scores none of these, but each says what to fix.
DIAGNOSTICS = (
    "lcp-lazy-loaded",
    "prioritize-lcp-image",
    "uses-responsive-images",
    "modern-image-formats",
    "uses-optimized-images",
    "offscreen-images",
    "unsized-images",
    "render-blocking-resources",
    "unused-css-rules",
    "unused-javascript",
    "bootup-time",
    "mainthread-work-breakdown",
    "layout-shifts",
)
# The page types of each site (name: address below the site's root); a page the site lacks is skipped.
HUB_PAGES = {
    "home": "",
    "home (zh)": "zh/",
    "group": "sigs/security/",
    "group, a README with images (research)": "working-groups/research/",
    "members": "sigs/security/members/",
    "archive": "sigs/security/meetings/",
    "meeting note": "sigs/security/meetings/001-20200604/",
    "session record (usability 2024-11-30)": "zh/sigs/usability/meetings/2024-11-30/",
    "TSC record": "tsc/meetings/2020-06-18/",
    "document": "working-groups/research/documents/topic1-low-bit-neural-networks-training/",
    "activity": "sigs/security/health/",
    "activity (zh)": "zh/sigs/dx/health/",
    "people": "people/",
    "health": "health/",
}
SIG_PAGES = {
    "home": "",
    "home (zh)": "zh/",
    "members": "members/",
    "archive": "meetings/",
    "meeting": "meetings/001-20200604/",
    "join": "join/",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--community", type=Path, help="build the hub of this community checkout")
    where.add_argument("--site", type=Path, help="serve this built site as it is")
    parser.add_argument("--page", action="append", default=[], metavar="NAME=PATH", help="pages to run")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--form", choices=("mobile", "desktop"), default="mobile")
    parser.add_argument("--port", type=int, default=8787)
    parser.add_argument("--reports", type=Path, help="keep Lighthouse's JSON reports in this folder")
    options = parser.parse_args()
    if not LIGHTHOUSE.is_file():
        sys.exit(f"no Lighthouse at {LIGHTHOUSE}: run `npm ci` in {LIGHTHOUSE.parents[2]}")
    base = f"http://127.0.0.1:{options.port}/"
    with tempfile.TemporaryDirectory() as work:
        site = options.site or _build(options.community, Path(work) / "site", base)
        default = SIG_PAGES if options.site is None and options.community is None else HUB_PAGES
        pages = dict(entry.split("=", 1) for entry in options.page) if options.page else default
        reports = options.reports or Path(work) / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        serve = [sys.executable, str(ROOT / "benchmarks" / "serve.py"), str(site), str(options.port)]
        server = subprocess.Popen(serve)
        try:
            _wait_for(base)
            results = {}
            for name, path in pages.items():
                if not (site / path / "index.html").is_file():
                    print(f"skipped {name}: the site has no {path or 'home'} page", file=sys.stderr)
                    continue
                results[name] = [
                    _run(base + path, reports / f"{_file_name(name)}-{run}.json", options.form)
                    for run in range(options.runs)
                ]
        finally:
            server.terminate()
            server.wait()
    print(_table(results, options.runs, options.form))
    print()
    print(_failing(results))
    return 0


def _build(community: Path | None, site: Path, base: str) -> Path:
    """The site (this SIG's, or the hub of `community`) built into `site` for the address `base`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)]
    if community is not None:
        env |= {"SIGSITE_COMMUNITY": str(community.resolve()), "SIGSITE_HUB_URL": base}
        command += ["-f", str(ROOT / "hub" / "mkdocs.yml")]
    else:
        env["SIGSITE_SITE_URL"] = base
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return site


def _wait_for(url: str) -> None:
    for _ in range(50):
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"the site is not served at {url}")


def _file_name(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name).strip("-")


def _run(url: str, report: Path, form: str) -> dict:
    """One Lighthouse run of `url`, its JSON report written to `report` and returned."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
        *(["--preset=desktop"] if form == "desktop" else []),
    ]
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(command, env=env, check=True, timeout=RUN_SECONDS, capture_output=True)
    return json.loads(report.read_text("utf-8"))


def _score(report: dict, category: str) -> int:
    score = report["categories"][category]["score"]
    return -1 if score is None else round(score * 100)


def _median_run(runs: list[dict]) -> dict:
    """The run whose performance is the median's (the others' audits may differ by chance)."""
    ordered = sorted(runs, key=lambda r: _score(r, "performance"))
    return ordered[len(ordered) // 2]


def _table(results: dict[str, list[dict]], runs: int, form: str) -> str:
    lines = [
        f"| page ({form}, median of {runs}) | {' | '.join(CATEGORIES)} | LCP s | bytes |",
        "|---|" + "---:|" * (len(CATEGORIES) + 2),
    ]
    for name, reports in results.items():
        medians = [round(statistics.median(_score(r, c) for r in reports)) for c in CATEGORIES]
        chosen = _median_run(reports)
        lcp = chosen["audits"]["largest-contentful-paint"]["numericValue"] / 1000
        transferred = chosen["audits"]["total-byte-weight"]["numericValue"]
        lines.append(f"| {name} | {' | '.join(map(str, medians))} | {lcp:.1f} | {transferred:,.0f} |")
    return "\n".join(lines)


def _failing(results: dict[str, list[dict]]) -> str:
    """What costs each page points in its median run: its performance metrics and the diagnostics
    behind them that fail, and every scored audit of the other categories that fails, each with the
    elements or files it names."""
    lines = ["| page | category: audit | elements |", "|---|---|---|"]
    for name, reports in results.items():
        report = _median_run(reports)
        audits = report["audits"]
        metrics = ", ".join(f"{label} {audits[key]['displayValue']}" for key, label in METRICS.items())
        lines.append(f"| {name} | performance: {metrics} | |")
        lines += [
            f"| {name} | performance: {key} ({audits[key].get('displayValue') or audits[key]['score']}) "
            f"| {_elements(audits[key])} |"
            for key in DIAGNOSTICS
            if key in audits and audits[key].get("score") is not None and audits[key]["score"] < 0.9
        ]
        for category in CATEGORIES[1:]:
            for ref in report["categories"][category]["auditRefs"]:
                audit = audits[ref["id"]]
                if not ref["weight"] or audit.get("score") is None or audit["score"] >= 1:
                    continue
                shown = audit.get("displayValue") or audit["score"]
                lines.append(f"| {name} | {category}: {audit['id']} ({shown}) | {_elements(audit)} |")
    return "\n".join(lines)


def _elements(audit: dict) -> str:
    items = (audit.get("details") or {}).get("items") or []
    named = []
    for item in items[:ELEMENTS_SHOWN]:
        node = item.get("node") or {}
        named.append(
            node.get("selector") or node.get("snippet") or item.get("url") or item.get("groupLabel") or ""
        )
    more = f" (+{len(items) - ELEMENTS_SHOWN})" if len(items) > ELEMENTS_SHOWN else ""
    return "; ".join(f"`{n}`" for n in named if n).replace("|", "\\|") + more


if __name__ == "__main__":
    sys.exit(main())
