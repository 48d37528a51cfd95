"""The site built from each real SIG folder of the corpus: nothing lost, nothing leaked."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from conftest import (
    build,
    check_report,
    corpus_sigs,
    emails_in,
    emails_published,
    make_project,
    requires_corpus,
)

from sigsite.loader import Sources, load_sig

pytestmark = [requires_corpus, pytest.mark.build]


@pytest.fixture(scope="module", params=corpus_sigs(), ids=lambda p: p.name)
def corpus_build(request, tmp_path_factory):
    sig = request.param
    project = make_project(tmp_path_factory.mktemp(sig.name), sig=sig)
    result = build(project)
    assert result.ok, result.result.stderr
    return sig, project, result


def test_build_is_clean(corpus_build):
    _, _, result = corpus_build
    assert "WARNING" not in result.result.stderr
    assert "Traceback" not in result.result.stderr


def test_every_meeting_file_is_on_the_site(corpus_build):
    sig, project, result = corpus_build
    data, _ = load_sig(Sources(project))
    notes = sorted(p.stem for p in (sig / "meetings").glob("*.md") if p.name != "meeting-template.md")
    others = sorted(p.name for p in (sig / "meetings").iterdir() if p.suffix != ".md")
    assert sorted(m.slug for m in data.meetings) == notes
    archive = result.article("meetings/index.html")
    linked = {unquote(a["href"]).rstrip("/") for a in archive.select("a")}
    for slug in notes:
        assert slug in linked
        page = result.html(f"meetings/{slug}/index.html")
        assert page.select_one(".sig-meeting-meta") is not None
    for name in others:
        assert name in linked
        assert (result.site / "meetings" / name).read_bytes() == (sig / "meetings" / name).read_bytes()


def test_every_member_is_on_the_site(corpus_build):
    _, project, result = corpus_build
    data, _ = load_sig(Sources(project))
    cards = result.article("members/index.html").select(".sig-person")
    assert len(cards) == len(data.people)
    shown = sorted(c.select_one(".sig-person__name").get_text(strip=True) for c in cards)
    assert shown == sorted(p.name for p in data.people)


def test_no_email_address_is_published(corpus_build):
    sig, _, result = corpus_build
    emails = emails_in(sig / "sig_members.yaml", sig / "sig-info.yaml")
    assert emails_published(result.site, emails) == []


@pytest.mark.parametrize("sig", corpus_sigs(), ids=lambda p: p.name)
def test_check_reports_the_corpus_quirks_as_warnings(sig):
    status, report = check_report(sig)
    assert status == 0, report
    assert report["summary"]["errors"] == 0
    assert report["summary"]["warnings"] == len(report["problems"]) > 0
    assert all(p["file"] and p["message"] for p in report["problems"])


def test_data_is_loaded_once_for_both_languages(corpus_build):
    sig, _, result = corpus_build
    warnings = check_report(sig)[1]["problems"]
    logged = [line for line in result.result.stderr.splitlines() if "data warning:" in line]
    assert len(logged) == len(warnings)  # not once per language build


def test_meeting_pad_of_sig_info_is_linked(corpus_build):
    sig, _, result = corpus_build
    links = [a["href"] for a in result.article("meetings/index.html").select(".sig-subscribe a")]
    if sig.name == "security":  # the only SIG whose sig-info.yaml gives a meeting_url
        assert "https://etherpad.mindspore.cn/p/meetings-Security" in links
    else:
        assert not any("etherpad" in link for link in links)
