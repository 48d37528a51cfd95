"""How a community repository of the MindSpore family keeps its groups, as data: one entry a
community. A layout says where groups live and what kind each is, the community's listing files,
the names of a README in each language, the forge that shows the files, what its template tool
writes by default, and the hub's name, description, repository link, copyright line and public
addresses (each a default that `hub/mkdocs.yml` may override).

Another community of the family is one more entry here (and the readers its files need);
`SIGSITE_LAYOUT` or the hub's `layout` setting names one, else `detect_layout` finds it from the
checkout.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

LAYOUT_VARIABLE = "SIGSITE_LAYOUT"


@dataclass(frozen=True)
class GroupKind:
    """A kind of group: `key` names it in the data (sigs.json's `kind`, the directory's filter)."""

    key: str
    folder: str  # in the repository, and in the hub's addresses
    single: bool = False  # the folder is one group (the TSC), not a folder of groups
    label: str = ""  # how the directory names the kind (a message id of translations.py)
    archived: bool = False  # its groups are retired: shown as such, and out of the activity counts
    # What a group's id starts with, so that no id of this kind is ever an id of another kind
    # (openEuler's archived SIG `sig-Backup` is `archived-sig-backup`, whatever SIG is named so).
    id_prefix: str = ""

    def path(self, folder: str) -> str:
        """A group's folder in the repository: `sigs/dx`, `working-groups/quantum`, `tsc`."""
        return self.folder if self.single else f"{self.folder}/{folder}"


@dataclass(frozen=True)
class Forge:
    """Where the community repository is shown: its name, and the address of its files."""

    name: str  # as a link names it: "The group's folder on Gitee"
    source: str  # the address of a file is this and its path (its folders' and commits' follow
    # from it as Gitee and GitHub write them: hub/source.py)


@dataclass(frozen=True)
class TemplateDefaults:
    """What the community's template tool writes for every group, which says nothing of one."""

    tool: str = ""  # its name, as a warning names it
    placeholder: str = "TO_BE_CLARIFIED"  # a value still to be written
    created_on: date | None = None  # the date it writes as every group's creation


@dataclass(frozen=True)
class Layout:
    """One community repository's shape, and the hub's defaults for it."""

    key: str  # as SIGSITE_LAYOUT names it
    kinds: tuple[GroupKind, ...]  # the first is the kind the listings list
    listings: dict[str, str]  # language code -> the listing of groups, in the first kind's folder
    listing_key: str  # the listing's key of its list of entries
    readmes: dict[str, tuple[str, ...]]  # language code -> a README's names, the first found wins
    # README names of no stated language (`README.md`): the language no other README of the folder
    # takes, else the one its text is written in (languages.detect_language).
    readmes_either: tuple[str, ...]
    forge: Forge
    template: TemplateDefaults
    site_name: dict[str, str]  # language code -> the hub's name
    site_description: dict[str, str]
    copyright: dict[str, str]
    repo_url: str
    repo_name: str
    public_emails: tuple[str, ...] = ()  # addresses the community publishes itself: never withheld
    # Words most of its groups' names start with that name the community itself ("MindSpore AKG
    # SIG"): the directory orders names without them, so AKG sorts under A.
    name_prefixes: tuple[str, ...] = ()
    # Keys of a group's sig-info.yaml whose value, one address at one of these domains (or below),
    # is the group's own address by the field's meaning, and published: a list such as openEuler's
    # `mailing_list: a-tune@openeuler.org` would be {"mailing_list": ("openeuler.org",)}.
    public_fields: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Folders of the listed kind's folder that are no group (openEuler's `sig/sig-template`).
    not_groups: frozenset[str] = frozenset()
    # Folders of a group that hold one YAML file per repository it looks after, each named after
    # the repository's owner on the forge: `sig/Kernel/src-openeuler/k/kernel.yaml` is
    # src-openeuler/kernel (hub/repository_files.py).
    repository_folders: tuple[str, ...] = ()
    # False when the community keeps its meetings in a system of its own, not in the repository:
    # the hub then says a group's activity is unknown from its files, never that it has none.
    meetings_in_repository: bool = True
    # What sig-info.yaml's `meeting_url` is in this community, as a contact row names it (a message
    # id of translations.py): MindSpore's meeting pad, openEuler's minutes ("SIG例会纪要URL").
    meeting_url_label: str = "Meeting pad"

    def is_archived(self, kind_key: str) -> bool:
        """True when groups of the kind keyed `kind_key` are retired (openEuler's archived_sigs/)."""
        return any(kind.archived for kind in self.kinds if kind.key == kind_key)

    @property
    def listed_kind(self) -> GroupKind:
        """The kind of group the community's listings list (SIGs)."""
        return self.kinds[0]

    @property
    def single_group_folders(self) -> frozenset[str]:
        """The folders that are one group each (`tsc`)."""
        return frozenset(kind.folder for kind in self.kinds if kind.single)

    @property
    def readme_names(self) -> frozenset[str]:
        """Every name a README may have, in any language."""
        return frozenset(name for names in self.readmes.values() for name in names) | frozenset(
            self.readmes_either
        )

    def fits(self, root: Path) -> bool:
        """True when the checkout at `root` has the folder of this layout's listed kind."""
        folder = root / self.listed_kind.folder
        return folder.is_dir() and not folder.is_symlink()


MINDSPORE = Layout(
    key="mindspore",
    kinds=(
        GroupKind("sig", "sigs", label="SIG"),
        GroupKind("wg", "working-groups", label="Working group"),
        GroupKind("tsc", "tsc", single=True, label="Technical Steering Committee"),
    ),
    listings={"en": "sig_info.yaml", "zh": "sig_info_chinese.yaml"},
    listing_key="SIG list",
    readmes={"en": ("README_en.md", "README.en.md"), "zh": ()},
    readmes_either=("README.md",),
    forge=Forge(
        "Gitee",
        "https://gitee.com/mindspore/community/blob/master/",
    ),
    # sigs/create_sig_info_template.py writes TO_BE_CLARIFIED, --xxx-- and this date for every SIG.
    template=TemplateDefaults("create_sig_info_template.py", created_on=date(2019, 12, 31)),
    site_name={"en": "MindSpore SIGs", "zh": "MindSpore SIG 一览"},
    site_description={
        "en": "Every Special Interest Group, working group and the TSC of the MindSpore community: what "
        "each works on, who leads it, when it meets, its notes, sessions and documents. Built from its "
        "own files.",
        "zh": "MindSpore 社区的全部特别兴趣小组（SIG）、工作组与技术指导委员会：研究方向、负责人、"
        "会议时间、纪要、活动与文档，均取自各小组自己的文件。",
    },
    copyright={
        "en": "MindSpore community · Content under the licenses of the community repository",
        "zh": "MindSpore 社区 · 内容遵循社区仓库的许可",
    },
    repo_url="https://gitee.com/mindspore/community/tree/master/sigs",
    repo_name="mindspore/community",
    public_emails=("dev@mindspore.cn",),
    name_prefixes=("MindSpore", "昇思"),
)
OPENEULER = Layout(
    key="openeuler",
    kinds=(
        GroupKind("sig", "sig", label="SIG"),
        GroupKind("archived", "archived_sigs", label="Archived SIG", archived=True, id_prefix="archived-"),
    ),
    listings={},  # sig/README.md describes the format; each SIG's folder is its only entry
    listing_key="",
    readmes={"en": ("README-en.md", "README_en.md", "README.en.md"), "zh": ("README_cn.md", "README-cn.md")},
    readmes_either=("README.md",),
    forge=Forge("Gitee", "https://gitee.com/openeuler/community/blob/master/"),
    # sig/sig-template/sig-info.yaml is the template: its values are examples, not placeholders.
    template=TemplateDefaults(),
    site_name={"en": "openEuler SIGs", "zh": "openEuler SIG 一览"},
    site_description={
        "en": "Every Special Interest Group of the openEuler community, active and archived: what each "
        "works on, its maintainers, committers and repositories, its mailing list and minutes. Built "
        "from its own files.",
        "zh": "openEuler 社区的全部特别兴趣小组（SIG），包括已归档的：研究方向、Maintainer、Committer "
        "与代码仓、邮件列表与会议纪要，均取自各小组自己的文件。",
    },
    copyright={
        "en": "openEuler community · Content under the licenses of the community repository",
        "zh": "openEuler 社区 · 内容遵循社区仓库的许可",
    },
    repo_url="https://gitee.com/openeuler/community/tree/master/sig",
    repo_name="openeuler/community",
    name_prefixes=("openEuler",),
    # Every `mailing_list` is a list of the community (`a-tune@openeuler.org`): public by its meaning.
    public_fields={"mailing_list": ("openeuler.org",)},
    not_groups=frozenset({"sig-template"}),
    repository_folders=("openeuler", "src-openeuler"),
    meetings_in_repository=False,  # openEuler's meeting system keeps them
    meeting_url_label="Minutes",
)
LAYOUTS = {layout.key: layout for layout in (MINDSPORE, OPENEULER)}


class UnknownLayout(ValueError):
    """A layout named that no entry of LAYOUTS is."""


def layout_named(key: str) -> Layout:
    """The layout of a key (`SIGSITE_LAYOUT`, the hub's `layout` setting)."""
    try:
        return LAYOUTS[key.strip().lower()]
    except KeyError:
        raise UnknownLayout(
            f"no community layout is named '{key}'; sigsite knows {', '.join(LAYOUTS)}"
        ) from None


def detect_layout(root: Path) -> Layout | None:
    """The first layout whose folders the checkout at `root` has; None when none fits."""
    return next((layout for layout in LAYOUTS.values() if layout.fits(root)), None)
