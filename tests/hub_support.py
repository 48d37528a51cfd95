"""A small community repository with every variant the hub must take, building the hub, and a link
check over a whole built site."""

from __future__ import annotations

import os
import posixpath
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from conftest import PROJECT, Build

HUB_CONFIG = PROJECT / "hub" / "mkdocs.yml"
JUNE_2021 = "1622505600"  # SOURCE_DATE_EPOCH of the fixture's builds: between its past and coming meetings
COMMUNITY = PROJECT.parent / "shared" / "community"

ALPHA_INFO = """\
name: alpha
description: Alpha SIG 研究可信计算与隐私保护。
description_en: The Alpha SIG works on trusted computing.
created_on: '2021-03-01'
mailing_list: TO_BE_CLARIFIED
meeting_url: https://etherpad.example.org/p/alpha
mature_level: startup
mentors:
- gitee_id: TO_BE_CLARIFIED
  name: Prof. Mentor
  organization: --organization name--
  email: TO_BE_CLARIFIED
maintainers:
- gitee_id: ada
  name: Ada Alpha
  organization: Huawei
  email: ada@example.org
- gitee_id: ''
  name: No Account
  organization: NA
  email: NA
repositories:
- repo:
  - mindspore/alpha
  - directories:
    - alpha/src
  repo_admin:
  - gitee_id: ada
    name: Ada Alpha
  committers:
  - gitee_id: bob
    name: Bob Both
    organization: Example University
    email: bob@example.org
"""
ALPHA_MEMBERS = """\
Maintainers:
- name: Ada Alpha
  gitee_home: https://gitee.com/ada
  organization: Huawei
Contributors:
- name: Cai Contributor
  gitee_home: https://gitee.com/cai
"""
DELTA_MEMBERS = """\
Maintainers:
- name: Bob Both
  gitee_home: https://gitee.com/bob
  organization: Example University
"""
ALPHA_README_EN = """\
# Alpha SIG

The Alpha SIG works on trusted computing: attestation, enclaves and secure model serving.

![Architecture](arch.png)

* Notes: [first meeting](./meetings/001-20210304.md), [second](meetings/002-20210401.md#notes)
* Members: [the list](./sig_members.yaml), [sig-info](sig-info.yaml)
* Guide: [PDF](docs/guide.pdf), and one not in this checkout: [old plan](docs/missing.pdf)
* Design template: [template](docs/design-template.md)
* Sub-project: [reviewer](sub%20project/README.md)
* Sister SIG: [Beta](../beta/README.md); the community: [all SIGs](../README.md)
* Outside the repository: [up](../../../elsewhere.md)
* A folder: [meetings](meetings/)

<p>Raw HTML link: <a href="docs/guide.pdf">guide</a> and <img src="arch.png" alt="again"></p>

Contact: ada.private@example.org
"""
ALPHA_README_ZH = """\
# Alpha SIG

Alpha SIG 研究可信计算：远程证明、可信执行环境与安全的模型服务。

会议纪要：[第一次会议](./meetings/001-20210304.md)
"""
NOTE_EN = """\
# Thursday March 4, 2021 at 15:00 GMT+8

## Agenda
* Attestation roadmap
* Enclave benchmarks

## Attendees
* Ada Alpha

## Notes
* Agreed on the roadmap.
"""
NOTE_ZH = """\
# 2021年4月1日 星期四 15:00 GMT+8

## 议程
* 可信执行环境的性能评测
* 模型加密方案讨论

## 会议纪要
* 确定了评测方案。
"""
NOTE_COMING = """\
# Thursday December 2, 2021 at 10:00 GMT+8

## Agenda
* Plans for the next century
"""
LISTING = """\
name: MindSpore SIG
description: The community's SIGs.
SIG list:
  - name: MindSpore Alpha SIG
    links: https://gitee.com/mindspore/community/tree/master/sigs/alpha/README.md
    introduction: This SIG is responsible for trusted computing.
    maintainer: Ada Alpha (Huawei)
  - name: MindSpore Gamma SIG
    links: https://github.com/example/gamma/blob/master/README.md
    introduction: This SIG lives on GitHub.
    maintainer: Gus Gamma (Example)
  - name: MindSpore Vision SIG
    links: https://gitee.com/mindspore/community/blob/master/sigs/Vision%20(CV)%20Suite%20SIG/README.md
    introduction: Computer vision kits.
    maintainer: Vic Vision (Huawei)
"""
LISTING_ZH = LISTING.replace("This SIG is responsible for trusted computing.", "可信计算技术")
COMMUNITY_README_EN = """\
# SIGs - Special Interest Groups

The MindSpore community's SIGs are open groups of experts and students. See [Alpha](alpha/README.md).

## Current SIGs

| SIG | Leads |
|---|---|
| [Alpha](alpha/README.md) | Ada |
"""
COMMUNITY_README_ZH = "# SIG 特别兴趣小组\n\nMindSpore 社区的 SIG 是开放的兴趣小组。\n\n## 目前的SIG组\n"

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def make_community(root: Path) -> Path:
    """A checkout with sigs/: alpha (everything), beta (README only), delta (members only),
    `Vision (CV) Suite SIG` (two READMEs, spaces and parentheses), and Gamma hosted elsewhere."""
    files: dict[str, str | bytes] = {
        "sigs/README.md": COMMUNITY_README_ZH,
        "sigs/README_en.md": COMMUNITY_README_EN,
        "sigs/sig_info.yaml": LISTING,
        "sigs/sig_info_chinese.yaml": LISTING_ZH,
        "sigs/create_sig_info_template.py": "print('the community tool')\n",
        "sigs/alpha/README.md": ALPHA_README_ZH,
        "sigs/alpha/README_en.md": ALPHA_README_EN,
        "sigs/alpha/sig-info.yaml": ALPHA_INFO,
        "sigs/alpha/sig_members.yaml": ALPHA_MEMBERS,
        "sigs/alpha/arch.png": PNG,
        "sigs/alpha/docs/guide.pdf": b"%PDF-1.4\n%%EOF\n",
        "sigs/alpha/docs/design-template.md": "# Design template\n",
        "sigs/alpha/sub project/README.md": "# Reviewer tool\n",
        "sigs/alpha/meetings/001-20210304.md": NOTE_EN,
        "sigs/alpha/meetings/002-20210401.md": NOTE_ZH,
        "sigs/alpha/meetings/003-20211202.md": NOTE_COMING,
        "sigs/alpha/meetings/meeting-template.md": "# Template\n\n## Agenda\n* TODO\n",
        "sigs/alpha/meetings/slides-20210304.pdf": b"%PDF-1.4\n%%EOF\n",
        "sigs/beta/README.md": "# Beta SIG\r\n\r\nBeta SIG 研究数据合规与数据集许可证。\r\n",
        "sigs/delta/sig_members.yaml": DELTA_MEMBERS,
        "sigs/Vision (CV) Suite SIG/README.md": "## 计算机视觉 SIG\n\n计算机视觉套件的开发与研究。\n",
        "sigs/Vision (CV) Suite SIG/README.en.md": "## Computer Vision (CV) Suite SIG\n\nVision kits.\n",
    }
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root


def build_hub(community: Path | None, site: Path, *, env: dict[str, str] | None = None) -> Build:
    """`mkdocs build --strict -f hub/mkdocs.yml` for a community checkout, as the README says
    (`env` adds to the environment, e.g. `SOURCE_DATE_EPOCH=JUNE_2021` for the fixture); with no
    community, SIGSITE_COMMUNITY is left unset."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(HUB_CONFIG), "-d", str(site)],
        capture_output=True,
        text=True,
        env={
            **{k: v for k, v in os.environ.items() if k != "SIGSITE_COMMUNITY"},
            **({"SIGSITE_COMMUNITY": str(community)} if community else {}),
            **(env or {}),
        },
        check=False,
    )
    return Build(site=site, result=result)


def broken_links(site: Path, site_path: str) -> list[str]:
    """`page: address` for every link, image, stylesheet or script on the site that leads nowhere;
    `site_path` is the path of the site's address (`/sigsite/hub/`), which absolute links start with."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        folder = posixpath.dirname(page.relative_to(site).as_posix())
        soup = BeautifulSoup(page.read_text("utf-8"), "lxml")
        for tag, attribute in (("a", "href"), ("img", "src"), ("link", "href"), ("script", "src")):
            for element in soup.find_all(tag):
                value = element.get(attribute)
                if not value:
                    continue
                parts = urlsplit(value)
                if parts.scheme or parts.netloc or not parts.path:
                    continue
                if parts.path.startswith("/"):
                    assert parts.path.startswith(site_path), f"{page}: {value} is outside the site"
                    target = unquote(parts.path[len(site_path) :]) or "."
                else:
                    target = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
                path = site / target
                if not (path.is_file() or (path / "index.html").is_file()):
                    broken.append(f"{page.relative_to(site)}: {value}")
    return broken
