"""A generated community repository of openEuler's shape, for the scale benchmark (scale.py).

    generate_openeuler(root, sigs=120, repositories=12_000)

writes, from a seed (the same arguments write the same bytes):

- `sig/<name>/` for each SIG: `sig-info.yaml` (maintainers with a Gitee and an AtomGit account, often
  different or empty; repository groups with committers and sometimes repo_admin; now and then
  mentors; a personal e-mail on every entry; `mailing_list: <name>@openeuler.org`; `meeting_url` an
  etherpad address or NA), a README.md in Chinese or English (some with `README-en.md` or
  `README_cn.md`), some with OWNERS, a Hall of Fame, other documents and images, and one YAML file
  per repository under `openeuler/<letter>/` or `src-openeuler/<letter>/` (name, description,
  upstream for a package, branches with their types, type). The repositories are spread unevenly, as
  in the real repository: a few SIGs own a thousand packages or hundreds, most own tens.
- People drawn from one pool, so that the same person is named by many SIGs (a few by dozens), now
  and then written differently (lower case, the other name order); names shared by two people.
- `archived_sigs/<name>/` (one SIG in six): an older sig-info.yaml without AtomGit accounts, a
  Chinese README that lists personal addresses as the real ones do, sometimes a second document; the
  first has the folder name of an active SIG.
- `sig/sig-template/` and `sig/README.md`, the template and the format's description.

Written for this benchmark; nothing here is taken from the openEuler repository.
"""

from __future__ import annotations

import json
import random
import re
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

SURNAMES = [
    ("Wang", "王"), ("Li", "李"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"), ("Yang", "杨"),
    ("Zhao", "赵"), ("Huang", "黄"), ("Zhou", "周"), ("Wu", "吴"), ("Xu", "徐"), ("Sun", "孙"),
    ("Hu", "胡"), ("Zhu", "朱"), ("Gao", "高"), ("Lin", "林"), ("He", "何"), ("Guo", "郭"),
    ("Ma", "马"), ("Luo", "罗"), ("Liang", "梁"), ("Song", "宋"), ("Zheng", "郑"), ("Xie", "谢"),
    ("Han", "韩"), ("Tang", "唐"), ("Feng", "冯"), ("Yu", "于"), ("Dong", "董"), ("Xiao", "萧"),
    ("Cheng", "程"), ("Cao", "曹"), ("Yuan", "袁"), ("Deng", "邓"), ("Fu", "傅"), ("Shen", "沈"),
    ("Zeng", "曾"), ("Peng", "彭"), ("Su", "苏"), ("Lu", "卢"), ("Jiang", "蒋"), ("Cai", "蔡"),
]  # fmt: skip
GIVEN_NAMES = [
    ("Wei", "伟"), ("Fang", "芳"), ("Min", "敏"), ("Jing", "静"), ("Qiang", "强"), ("Lei", "磊"),
    ("Jun", "军"), ("Yong", "勇"), ("Yan", "艳"), ("Jie", "杰"), ("Tao", "涛"), ("Ming", "明"),
    ("Chao", "超"), ("Hui", "辉"), ("Bin", "斌"), ("Peng", "鹏"), ("Hao", "浩"), ("Kai", "凯"),
    ("Zhen", "振"), ("Xin", "鑫"), ("Jian", "健"), ("Ning", "宁"), ("Hong", "红"), ("Gang", "刚"),
    ("Ping", "平"), ("Long", "龙"), ("Bo", "波"), ("Rui", "瑞"), ("Qing", "青"), ("Yi", "毅"),
    ("Kang", "康"), ("Xiang", "翔"), ("Zhiqiang", "志强"), ("Haitao", "海涛"), ("Jianhua", "建华"),
    ("Xiaoming", "晓明"), ("Yunfei", "云飞"), ("Donghui", "东辉"), ("Shuangmin", "双民"),
    ("Kefeng", "克锋"), ("Zenghui", "增辉"), ("Yafen", "亚芬"), ("Mingqiang", "明强"),
]  # fmt: skip
ORGANIZATIONS = [
    ("Huawei", 40), ("KylinSoft", 6), ("UnionTech", 5), ("iSoftStone", 4), ("China Telecom", 3),
    ("xFusion", 3), ("Intel", 3), ("Linaro", 2), ("ISCAS", 4), ("Alibaba", 2), ("Loongson", 2),
    ("Phytium", 2), ("Hygon", 2), ("China Mobile", 2), ("Inspur", 2), ("Tsinghua University", 1),
]  # fmt: skip
MAIL_DOMAINS = ["huawei.com", "163.com", "qq.com", "gmail.com", "outlook.com", "foxmail.com", "126.com"]
HANDLE_WORDS = [
    "fly", "cloud", "ksana", "lost", "way", "galaxy", "egg", "blue", "star", "sky", "river", "moon",
    "tiger", "panda", "code", "bit", "byte", "kernel", "root", "null", "echo", "delta", "nova",
]  # fmt: skip
SIG_NAMES = [
    "Kernel", "Base-service", "Compiler", "Virt", "Computing", "Storage", "Networking",
    "security-facility", "Programming-language", "Desktop", "GNOME", "KDE", "DDE", "UKUI", "Xfce",
    "Cinnamon", "Application", "System-tool", "Runtime", "Cloud", "CloudNative", "Container", "ai",
    "bigdata", "DB", "HPC", "Embedded", "iSulad", "A-Tune", "QA", "Release", "Infrastructure", "doc",
    "TC", "sig-ops", "sig-RISC-V", "sig-Arm", "sig-loongarch", "sig-Java", "sig-python-modules",
    "sig-golang", "sig-rust", "sig-perl-modules", "sig-ruby", "sig-nodejs", "sig-OpenStack",
    "sig-K8sDistro", "sig-Ha", "sig-CICD", "sig-EasyLife", "sig-high-performance-network",
    "sig-confidential-computing", "sig-Migration", "sig-SDS", "sig-Edge", "sig-IoT",
    "sig-industrial-control", "sig-mirror", "sig-Compatibility-Infra", "sig-SBOM", "sig-eBPF",
    "sig-AccLib", "sig-intelligence", "sig-memsafety", "sig-epol", "sig-Gatekeeper", "Packaging",
    "sig-OSCourse", "sig-UniProton", "sig-Yocto", "sig-ROS", "sig-DPU", "sig-CloudBase",
    "sig-Heterogeneous", "sig-Serverless", "sig-Testing", "sig-Security-Tools",
    "sig-Distributed-Middleware", "sig-MultiMedia", "sig-Graphics", "sig-Print", "sig-input-method",
    "sig-Observability", "sig-SystemTap", "sig-SecAudit", "sig-Rockchip", "sig-Raspberrypi",
    "sig-Hardware", "sig-Powerpc", "sig-Intel-Arch", "sig-Zhaoxin", "sig-Hygon", "sig-Phytium",
    "sig-Long", "sig-BMC", "sig-OpenDesign", "sig-Haskell", "sig-Lua", "sig-R", "sig-Julia",
    "sig-WebAssembly", "sig-Benchmark", "sig-Kunpeng", "sig-Ascend", "sig-GPU", "sig-NPU",
    "sig-Firmware", "sig-Bootloader", "sig-Filesystem", "sig-Memory", "sig-Scheduler", "sig-Power",
    "sig-Audio", "sig-Video", "sig-Fonts", "sig-i18n", "sig-Accessibility", "sig-Mail", "sig-Web",
]  # fmt: skip
ARCHIVED_NAMES = [
    "Backup", "Marketing", "Talent", "OpenBlock", "Blockchain", "Gaming", "Robotics", "Finance",
    "Telecom", "Education", "Quantum", "Automotive", "Medical", "Satellite", "Retail", "Energy",
    "Agriculture", "Aviation", "Legacy-Tools", "Old-Desktop", "Mainframe", "Grid", "Mesh", "Lab",
]  # fmt: skip
PACKAGE_PATTERNS = [
    "python-{w}", "python-{w}-{v}", "perl-{W}-{V}", "golang-github-{w}-{v}", "lib{w}", "{w}",
    "{w}-{v}", "rubygem-{w}", "nodejs-{w}", "texlive-{w}", "ghc-{w}", "qt5-{w}", "{w}{v}",
    "rust-{w}", "java-{w}", "{w}-tools",
]  # fmt: skip
WORDS = [
    "alpha", "arrow", "atlas", "bison", "blaze", "boost", "cairo", "cedar", "chrony", "cobra", "coral",
    "cyrus", "dapper", "delta", "dune", "ember", "fable", "falcon", "ferret", "flint", "fuse", "gala",
    "glade", "grain", "gravel", "harbor", "hazel", "heron", "husk", "iris", "jade", "jasper", "kappa",
    "kelp", "lark", "lemur", "lotus", "lynx", "magma", "maple", "marsh", "meadow", "mica", "moss",
    "nectar", "nimbus", "oak", "onyx", "orca", "otter", "pebble", "pine", "plume", "prism", "quartz",
    "quill", "raven", "reed", "ridge", "sable", "sage", "shale", "slate", "sonar", "spruce", "swift",
    "talon", "thistle", "tundra", "umber", "vale", "vapor", "willow", "wren", "yarrow", "zephyr",
]  # fmt: skip
TOPICS = [
    "kernel scheduling", "package maintenance", "virtualization", "compilers and toolchains",
    "cloud-native infrastructure", "storage systems", "network acceleration", "security hardening",
    "desktop environments", "AI frameworks", "big data stacks", "embedded devices", "release engineering",
    "quality assurance", "documentation", "hardware enablement", "programming language runtimes",
]  # fmt: skip
TOPICS_ZH = [
    "内核调度", "软件包维护", "虚拟化", "编译器与工具链", "云原生基础设施", "存储系统", "网络加速",
    "安全加固", "桌面环境", "AI 框架", "大数据组件", "嵌入式设备", "版本发布", "质量保障", "文档",
    "硬件使能", "编程语言运行时",
]  # fmt: skip
WEEKDAYS_ZH = "一二三四五"
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
HALL_OF_FAME_NAMES = ["Hall_of_Fame.md", "HALL_OF_FAME.md", "hall-of-honor.md"]
OTHER_DOCUMENTS = [
    ("committers.md", "Committers"),
    ("docs/roadmap.md", "Roadmap"),
    ("docs/meeting-guide.md", "Meeting guide"),
    ("贡献指南.md", "贡献指南"),
    ("补丁提交规范.md", "补丁提交规范"),
    ("docs/architecture.md", "Architecture"),
]
ORG_PROJECTS, ORG_PACKAGES = "openeuler", "src-openeuler"


def release_branches() -> list[tuple[str, str]]:
    """Each release branch of a package and the branch it is created from, oldest first."""
    branches: list[tuple[str, str]] = []
    for lts in ("20.03", "22.03", "24.03"):
        branches.append((f"openEuler-{lts}-LTS-Next", "master"))
        branches.append((f"openEuler-{lts}-LTS", f"openEuler-{lts}-LTS-Next"))
        branches += [(f"openEuler-{lts}-LTS-SP{n}", f"openEuler-{lts}-LTS-Next") for n in range(1, 4)]
        year = int(lts[:2])
        branches += [(f"openEuler-{year}.09", "master"), (f"openEuler-{year + 1}.03", "master")]
    return branches


RELEASES = release_branches()


@dataclass(frozen=True)
class Person:
    """One person of the pool: their accounts, name, organization and personal address."""

    gitee_id: str
    atomgit_id: str  # often the Gitee account, sometimes another, sometimes empty
    name: str
    organization: str
    email: str


@dataclass
class Sig:
    """What the generator decided for one SIG before writing its files."""

    name: str
    repositories: list[tuple[str, str]]  # (organization, repository), in the order sig-info lists them
    chinese: bool
    maintainers: list[Person] = field(default_factory=list)


class Community:
    """The generator's state: its random source, the people and the names already taken."""

    def __init__(self, seed: int, people: int) -> None:
        self.rng = random.Random(seed)
        self.taken: set[str] = set()
        self.people = [self._person() for _ in range(people)]
        # The first people of the pool are drawn far more often: a few are named by dozens of SIGs.
        self.weights = [1 / (index + 1) ** 0.6 for index in range(people)]

    def _unique(self, wanted: str) -> str:
        name, number = wanted, 2
        while name.lower() in self.taken:
            name, number = f"{wanted}{number}", number + 1
        self.taken.add(name.lower())
        return name

    def _person(self) -> Person:
        rng = self.rng
        (surname, surname_zh), (given, given_zh) = rng.choice(SURNAMES), rng.choice(GIVEN_NAMES)
        form = rng.random()
        account = self._unique(
            rng.choice(
                [
                    f"{surname}{given}".lower(),
                    f"{given[0]}{surname}".lower(),
                    f"{rng.choice(HANDLE_WORDS)}_{rng.randrange(1980, 2005)}",
                    f"{surname.lower()}{given.lower()}{rng.randrange(1, 99)}",
                    f"{rng.choice(HANDLE_WORDS).capitalize()}{rng.choice(HANDLE_WORDS)}",
                ]
            )
        )
        if form < 0.55:
            name = f"{surname} {given}"
        elif form < 0.7:
            name = f"{given} {surname}"
        elif form < 0.8:
            name = account
        elif form < 0.9:
            name = surname_zh + given_zh
        else:
            name = f"{surname} {given}".lower()
        other = rng.random()
        atomgit = (
            account
            if other < 0.55
            else ""
            if other < 0.75
            else f"{account.split('_')[0]}{rng.randrange(1, 9)}"
        )
        domain = rng.choice(MAIL_DOMAINS)
        local = (
            str(rng.randrange(10**8, 10**10))
            if domain == "qq.com"
            else f"{surname}{given}{rng.randrange(1, 200)}".lower()
        )
        organizations, weights = zip(*ORGANIZATIONS, strict=True)
        return Person(account, atomgit, name, rng.choices(organizations, weights)[0], f"{local}@{domain}")

    def some_people(self, count: int) -> list[Person]:
        """`count` different people of the pool, the popular ones more likely."""
        chosen: dict[str, Person] = {}
        while len(chosen) < count:
            person = self.rng.choices(self.people, self.weights)[0]
            chosen.setdefault(person.gitee_id, person)
        return list(chosen.values())

    def package_name(self) -> str:
        rng = self.rng
        pattern = rng.choice(PACKAGE_PATTERNS)
        w, v = rng.choice(WORDS), rng.choice(WORDS)
        return self._unique(pattern.format(w=w, v=v, W=w.capitalize(), V=v.capitalize()))

    def project_name(self) -> str:
        rng = self.rng
        w, v = rng.choice(WORDS), rng.choice(WORDS)
        return self._unique(rng.choice([f"{w}-{v}", f"{w.capitalize()}{v.capitalize()}", f"{w}_{v}", f"{w}"]))


def repository_counts(sigs: int, total: int, rng: random.Random) -> list[int]:
    """How many repository files each SIG has, `total` in all: by rank r, a share of 1 / (r + 2) (the
    largest a thousand and more of 12,000, most tens), at least one each; ranks in a random order."""
    weights = [1 / (rank + 2) for rank in range(sigs)]
    exact = [total * w / sum(weights) for w in weights]
    counts = [max(1, int(x)) for x in exact]
    by_remainder = sorted(range(sigs), key=lambda i: exact[i] - int(exact[i]), reverse=True)
    for index in range(total - sum(counts)):
        counts[by_remainder[index % sigs]] += 1
    while sum(counts) > total:  # the minimum of one each took more than the total gave
        counts[counts.index(max(counts))] -= 1
    rng.shuffle(counts)
    return counts


def sig_names(count: int) -> list[str]:
    """`count` distinct SIG folder names."""
    names = SIG_NAMES[:count]
    names += [f"sig-Extra-{n}" for n in range(1, count - len(names) + 1)]
    return names


def person_entry(community: Community, person: Person, *, atomgit: bool = True) -> dict[str, str]:
    """A person as a sig-info.yaml entry writes them: now and then another spelling of the name."""
    rng = community.rng
    name = person.name
    variant = rng.random()
    if variant < 0.03:
        name = name.lower()
    elif variant < 0.05 and " " in name:
        name = " ".join(reversed(name.split(" ")))
    entry = {"gitee_id": person.gitee_id}
    if atomgit:
        entry["atomgit_id"] = person.atomgit_id
    entry["name"] = name
    if rng.random() < 0.6:
        entry["organization"] = person.organization
    entry["email"] = person.email
    return entry


def repository_groups(community: Community, repositories: list[tuple[str, str]]) -> list[dict[str, object]]:
    """sig-info.yaml's `repositories`: the SIG's repositories cut into groups, each with committers
    (most), repo_admin (some) and contributors (few)."""
    rng = community.rng
    listed = [f"{org}/{name}" for org, name in repositories]
    count = 1 + rng.randrange(min(8, 1 + len(listed) // 10))
    cuts = sorted(rng.sample(range(1, len(listed)), count - 1)) if count > 1 else []
    groups: list[dict[str, object]] = []
    for start, end in zip([0, *cuts], [*cuts, len(listed)], strict=True):
        group: dict[str, object] = {"repo": listed[start:end]}
        if rng.random() < 0.3:
            group["repo_admin"] = [
                person_entry(community, p) for p in community.some_people(rng.randint(1, 3))
            ]
        if rng.random() < 0.85:
            group["committers"] = [
                person_entry(community, p) for p in community.some_people(rng.randint(1, 12))
            ]
        if rng.random() < 0.05:
            group["contributors"] = [
                person_entry(community, p) for p in community.some_people(rng.randint(1, 4))
            ]
        groups.append(group)
    return groups


def sig_info(community: Community, sig: Sig, topic: str) -> str:
    rng = community.rng
    slug = sig.name.removeprefix("sig-").lower()
    info: dict[str, object] = {
        "name": sig.name,
        "description": f"The {sig.name} SIG works on {topic} in the openEuler community.",
        "created_on": f"{rng.randrange(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "mailing_list": f"{slug}@openeuler.org",
        "meeting_url": f"https://etherpad.openeuler.org/p/{sig.name}-meetings"
        if rng.random() < 0.5
        else "NA",
        "mature_level": rng.choice(["startup", "incubation", "mature"]),
    }
    if rng.random() < 0.1:
        info["mentors"] = [person_entry(community, p) for p in community.some_people(rng.randint(1, 2))]
    info["maintainers"] = [person_entry(community, p) for p in sig.maintainers]
    if rng.random() < 0.05:
        info["security_contacts"] = [person_entry(community, p) for p in community.some_people(1)]
    info["repositories"] = repository_groups(community, sig.repositories)
    return yaml.safe_dump(info, allow_unicode=True, sort_keys=False, width=200)


def plain_or_quoted(text: str) -> str:
    """A YAML scalar: as it is where that reads back the same, else double-quoted."""
    return (
        text if re.fullmatch(r"[A-Za-z][A-Za-z0-9 ,.()/+-]*", text) else json.dumps(text, ensure_ascii=False)
    )


def repository_file(rng: random.Random, org: str, name: str, twin: bool) -> str:
    """One repository's YAML file: a package (src-openeuler) has an upstream and release branches."""
    what = rng.random()
    if what < 0.05:
        description = ""
    elif what < 0.15:
        description = f"{name} 的软件包，提供{rng.choice(TOPICS_ZH)}相关功能"
    else:
        description = f"{name.replace('-', ' ').capitalize()} for {rng.choice(TOPICS)}"
    lines = [f"name: {name}", f"description: {plain_or_quoted(description)}"]
    if rng.random() < 0.02:
        lines.insert(1, f"rename_from: {name}-old")
    if org == ORG_PACKAGES:
        upstream = (
            f"https://gitee.com/openeuler/{name}"
            if twin
            else rng.choice([f"https://github.com/{rng.choice(WORDS)}/{name}", f"https://www.{name}.org"])
        )
        lines.append(f"upstream: {upstream}")
    lines += ["branches:", "- name: master", "  type: protected"]
    releases = (
        0
        if rng.random() < 0.25
        else rng.randint(1, len(RELEASES))
        if org == ORG_PACKAGES
        else rng.randint(0, 3)
    )
    for branch, origin in RELEASES[:releases]:
        kind = "readonly" if rng.random() < 0.2 else "protected"
        lines += [f"- name: {branch}", f"  type: {kind}", f"  create_from: {origin}"]
    lines.append(f"type: {'private' if rng.random() < 0.01 else 'public'}")
    return "\n".join(lines) + "\n"


def member_lines(people: list[Person], with_emails: bool) -> list[str]:
    """A README's list of people, as openEuler's READMEs write them (an address only if asked)."""
    lines = []
    for person in people:
        line = f"- {person.name}[@{person.gitee_id}](https://gitee.com/{person.gitee_id})"
        if with_emails:
            line += f"  {person.email}"
        lines.append(line)
    return lines


def readme(
    sig: Sig,
    chinese: bool,
    committers: list[Person],
    links: dict[str, str],
    picture: str | None,
    rng: random.Random,
) -> str:
    """A SIG's README in one language: goals, meetings, members, contact, projects; links to its
    other files (`links`: text -> path), the image `picture`, sometimes the maintainers' addresses."""
    slug = sig.name.removeprefix("sig-").lower()
    emails = rng.random() < 0.1
    projects = [f"- https://gitee.com/{org}/{name}" for org, name in sig.repositories[:40]]
    day = rng.randrange(5)
    if chinese:
        parts = [
            f"# {sig.name}\n\n{sig.name} SIG 负责 openEuler 社区中{rng.choice(TOPICS_ZH)}相关的工作。",
            "## 工作目标和范围\n\n"
            + "\n".join(f"- {t}相关的技术探索与维护" for t in rng.sample(TOPICS_ZH, 3)),
            f"## 组织会议\n\n- 每双周周{WEEKDAYS_ZH[day]} 上午 10:00-12:00\n- 通过邮件申报议题",
            "## 成员\n\n### Maintainer列表\n\n" + "\n".join(member_lines(sig.maintainers, emails)),
            "### Committer列表\n\n" + "\n".join(member_lines(committers, False)),
            f"## 联系方式\n\n- 邮件列表: {slug}@openeuler.org",
            "## 项目清单\n\nrepository地址：\n\n" + "\n".join(projects),
        ]
    else:
        parts = [
            f"# {sig.name}\n\nThe {sig.name} SIG works on {rng.choice(TOPICS)} in the openEuler community.",
            "## Goals and scope\n\n"
            + "\n".join(f"- Explore and maintain {t}" for t in rng.sample(TOPICS, 3)),
            f"## Meetings\n\n- Every other {WEEKDAYS[day]}, 10:00-12:00 (UTC+8)\n"
            "- Topics are proposed on the mailing list",
            "## Members\n\n### Maintainers\n\n" + "\n".join(member_lines(sig.maintainers, emails)),
            "### Committers\n\n" + "\n".join(member_lines(committers, False)),
            f"## Contact\n\n- Mailing list: {slug}@openeuler.org",
            "## Repositories\n\n" + "\n".join(projects),
        ]
    if picture:
        parts.insert(1, f"![{'架构图' if chinese else 'Architecture'}]({picture})")
    if links:
        parts.append("\n".join(f"- [{text}](./{path})" for text, path in links.items()))
    return "\n\n".join(parts) + "\n"


def document(title: str, people: list[Person], rng: random.Random, image: str | None) -> str:
    """Another document of a SIG: sections of text, a table of people, sometimes an image."""
    sections = []
    for number in range(1, rng.randint(3, 6)):
        topic = rng.choice(TOPICS)
        sections.append(
            f"## {number}. {topic.capitalize()}\n\n"
            + " ".join(
                f"We review {rng.choice(TOPICS)} and plan the work on {topic}."
                for _ in range(rng.randint(2, 6))
            )
        )
    table = "| Name | Gitee |\n|---|---|\n" + "\n".join(f"| {p.name} | @{p.gitee_id} |" for p in people)
    picture = f"\n\n![{title}]({image})" if image else ""
    return f"# {title}\n\n" + "\n\n".join(sections) + f"\n\n{table}{picture}\n"


def hall_of_fame(people: list[Person], rng: random.Random) -> str:
    rows = "\n".join(f"| {rng.randrange(2020, 2025)} | {p.name} | @{p.gitee_id} |" for p in people)
    return f"# Hall of Fame\n\n感谢以下贡献者。\n\n| 年度 | 姓名 | Gitee |\n|---|---|---|\n{rows}\n"


def png(width: int, height: int, colour: tuple[int, int, int]) -> bytes:
    """A PNG of one colour (a real image: its header gives its size)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + bytes(colour) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height, 9))
        + chunk(b"IEND", b"")
    )


def write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")


def plan_repositories(community: Community, count: int) -> list[tuple[str, str]]:
    """`count` repositories of one SIG: its own projects (some packaged too, with the same name)
    and packages; a SIG of many owns mostly packages."""
    rng = community.rng
    projects = 0.4 if count < 50 else 0.05
    repositories: list[tuple[str, str]] = []
    while len(repositories) < count:
        if rng.random() < projects:
            name = community.project_name()
            repositories.append((ORG_PROJECTS, name))
            if len(repositories) < count and rng.random() < 0.5:
                repositories.append((ORG_PACKAGES, name))
        else:
            repositories.append((ORG_PACKAGES, community.package_name()))
    return repositories


def write_sig(community: Community, folder: Path, sig: Sig) -> None:
    """One SIG's folder: sig-info.yaml, READMEs, OWNERS, documents, images and repository files."""
    rng = community.rng
    topic = rng.choice(TOPICS)
    write(folder / "sig-info.yaml", sig_info(community, sig, topic))
    listed = {f"{org}/{name}" for org, name in sig.repositories}
    for org, name in sig.repositories:
        twin = org == ORG_PACKAGES and f"{ORG_PROJECTS}/{name}" in listed
        write(folder / org / name[0].lower() / f"{name}.yaml", repository_file(rng, org, name, twin))
    links: dict[str, str] = {"sig-info.yaml": "sig-info.yaml"}
    if rng.random() < 0.15:
        owners = community.some_people(rng.randint(2, 6))
        write(folder / "OWNERS", "maintainers:\n" + "".join(f"- {p.gitee_id}\n" for p in owners))
    if rng.random() < 0.15:
        hall = rng.choice(HALL_OF_FAME_NAMES)
        write(folder / hall, hall_of_fame(community.some_people(rng.randint(5, 30)), rng))
        links["Hall of Fame"] = hall
    if rng.random() < 0.25:
        for path, title in rng.sample(OTHER_DOCUMENTS, rng.randint(1, 3)):
            image = None
            if rng.random() < 0.3:
                image = f"images/{Path(path).stem}-{rng.randrange(1000)}.png"
                write(
                    folder / Path(path).parent / image,
                    png(rng.randint(200, 1200), rng.randint(100, 800), (40, 90, 160)),
                )
            write(folder / path, document(title, community.some_people(rng.randint(3, 15)), rng, image))
            links[title] = path
    picture = "images/architecture.png" if rng.random() < 0.2 else None
    if picture:
        write(
            folder / "images" / "architecture.png",
            png(rng.randint(400, 1600), rng.randint(300, 900), (200, 120, 40)),
        )
    committers = community.some_people(rng.randint(0, 10))
    write(folder / "README.md", readme(sig, sig.chinese, committers, links, picture, rng))
    if rng.random() < 0.25:
        other = "README-en.md" if sig.chinese else "README_cn.md"
        write(folder / other, readme(sig, not sig.chinese, committers, links, picture, rng))


def write_archived(community: Community, folder: Path, name: str) -> None:
    """A retired SIG: an older sig-info.yaml (no AtomGit accounts), a Chinese README listing its
    people with their personal addresses, sometimes a second document."""
    rng = community.rng
    maintainers = community.some_people(rng.randint(2, 6))
    info = {
        "name": name,
        "description": f"The {name} SIG worked on {rng.choice(TOPICS)}.",
        "created_on": f"{rng.randrange(2019, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "mailing_list": "NA" if rng.random() < 0.5 else f"{name.removeprefix('sig-').lower()}@openeuler.org",
        "meeting_url": "NA",
        "mature_level": "startup",
        "maintainers": [person_entry(community, p, atomgit=False) for p in maintainers],
        "repositories": [
            {
                "repo": [f"openeuler/{community.project_name()}" for _ in range(rng.randint(1, 3))],
                "committers": [
                    person_entry(community, p, atomgit=False)
                    for p in community.some_people(rng.randint(1, 6))
                ],
            }
        ],
    }
    write(folder / "sig-info.yaml", yaml.safe_dump(info, allow_unicode=True, sort_keys=False, width=200))
    members = "\n".join(f"- {p.name}@{p.gitee_id}     {p.email}" for p in maintainers)
    write(
        folder / "README.md",
        f"# {name}\n\n*{name} SIG 曾负责{rng.choice(TOPICS_ZH)}相关工作，现已归档。*\n\n"
        f"## 组织会议\n\n- 每双周周五下午16:30-18:00\n\n## 成员\n\n### Maintainer列表\n\n{members}\n",
    )
    if rng.random() < 0.4:
        write(folder / f"{name.removeprefix('sig-')}_cn.md", document(f"{name} 介绍", maintainers, rng, None))


TEMPLATE_INFO = """name: sig-template
description: This is a sample sig. Please copy it over and modify it accordingly.
created_on: '2019-12-30'
mailing_list: template@openeuler.org
meeting_url: NA
mature_level: startup
maintainers:
- gitee_id: sample-maintainer
  atomgit_id: ''
  name: Sample Maintainer
  email: maintainer@example.com
repositories:
- repo:
  - openeuler/sample-repository
  committers:
  - gitee_id: sample-committer
    atomgit_id: sample
    name: Sample Committer
    email: committer@example.com
"""
TEMPLATE_README = """# SIG名称

*<必选，请在此描述SIG的范围、工作职责和目标>*

# 组织会议

- 公开的会议时间：北京时间，每周X 下午，XX点~XX点

# 成员

### Maintainer列表

- name[@giteeID](giteeID链接)

# 联系方式

- [邮件列表](sig-yoursigname@openeuler.org)
"""
FORMAT_README = """# SIG相关信息的格式化存储

本目录下每一个子目录代表一个 SIG。信息的权威性：OWNERS > sig-info.yaml > 其他。

## sig-info.yaml 文件格式

| 字段 | 类型 | 说明 |
|--|--|--|
| name | 字符串 | SIG组名称 |
| mailing_list | 字符串 | SIG组讨论邮件列表地址 |
| meeting_url | 字符串 | SIG例会纪要URL |
| maintainers | 列表 | SIG组所有maintainer名单 |
| repositories | 列表 | SIG组所管辖的仓库信息 |

## 代码仓描述文件格式

每个代码仓一个 YAML 文件，位于 `<sig>/openeuler/<首字母>/` 或 `<sig>/src-openeuler/<首字母>/`。
"""


def generate_openeuler(root: Path, sigs: int = 120, repositories: int = 12_000, seed: int = 7) -> Path:
    """Write an openEuler-shaped community of `sigs` SIGs holding `repositories` repository files in
    all, one archived SIG for six active ones, the template and the format's README, into `root`."""
    community = Community(seed, people=max(40, sigs * 15))
    rng = community.rng
    names = sig_names(sigs)
    counts = repository_counts(sigs, repositories, rng)
    for name, count in zip(names, counts, strict=True):
        sig = Sig(name, plan_repositories(community, count), chinese=rng.random() < 0.6)
        sig.maintainers = community.some_people(rng.randint(2, 9))
        write_sig(community, root / "sig" / name, sig)
    archived = [names[0], *(f"sig-{n}" for n in ARCHIVED_NAMES)][: max(1, sigs // 6)]
    for name in archived:  # the first shares an active SIG's folder name
        write_archived(community, root / "archived_sigs" / name, name)
    template = root / "sig" / "sig-template"
    write(template / "sig-info.yaml", TEMPLATE_INFO)
    write(template / "README.md", TEMPLATE_README)
    write(template / "sig-template.md", "# SIG template\n\nCopy this folder to propose a SIG.\n")
    write(template / "sig-template_cn.md", "# SIG 模板\n\n复制本目录以申请新的 SIG。\n")
    write(root / "sig" / "README.md", FORMAT_README)
    return root
