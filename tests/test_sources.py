"""Sources: no encyclopaedia, mirror, aggregator or raw IP address anywhere a learner or a
facilitator reads a source (the deny-list lives once, in peaceops.sources)."""

from __future__ import annotations

from pathlib import Path

import pytest

from peaceops import sources

ROOT = Path(__file__).resolve().parent.parent

REFUSED = [
    "https://en.wikipedia.org/wiki/Dayton_Agreement",
    "https://simple.m.wikipedia.org/wiki/Sarajevo",
    "https://ms.m.wikipedia.org./wiki/Belfast",
    "https://en.wikisource.org/wiki/United_Nations_Security_Council_Resolution_981",
    "https://en.m.wikinews.org/wiki/Something",
    "https://wikimili.com/en/UNAMID",
    "https://it.wiki34.com/wiki/Pretoria",
    "http://dbpedia.org/resource/Cyprus",
    "https://www.britannica.com/event/Dayton-Accords",
    "https://fakti.bg/en/world/839367-14-dekemvri-1995",
    "http://134.155.108.49:8890/describe/?url=x",
    "https://vdocuments.in/brahimi-report.html",
    "https://worddisk.com/wiki/ONUC",
    "https://app.lexploria.com/sejdic",
    "https://studylib.net/doc/123",
    "https://docslib.org/doc/1/x",
    "http://unscr.com/en/resolutions/1779",
    "https://memim.com/united-nations-security-council-resolution-1769.html",
    "https://staging.sahistory.org.za/article/writers-constitution-0",
    "https://cdc.univ-lille.fr/ucdp-dyadic-dataset-v-22-1",
    "http://www.oxfordlearnersdictionaries.com/us/definition/english/the-good-friday-agreement",
]
ALLOWED = [
    "https://undocs.org/S/RES/1769(2007)",
    "https://press.un.org/en/2014/sc11536.doc.htm",
    "https://peacekeeping.un.org/en/mission/unficyp",
    "https://ucdp.uu.se/downloads/",
    "https://www.icty.org/x/cases/krstic/acjug/en/krs-aj040419e.pdf",
    "https://hudoc.echr.coe.int/eng?i=001-96491",
    "https://cain.ulster.ac.uk/sutton/",
    "http://127.0.0.1:8888/lab",
    "https://www.sahistory.org.za/article/x",
    "https://www.theguardian.com/world/2004/apr/25/cyprus",
]


@pytest.mark.parametrize("url", REFUSED)
def test_refuses_encyclopaedias_mirrors_aggregators_and_raw_ips(url):
    assert sources.refusal(url), f"{url} should be refused"


@pytest.mark.parametrize("url", ALLOWED)
def test_allows_producers_and_authoritative_publishers(url):
    assert sources.refusal(url) is None, f"{url} should be allowed"


def test_finds_addresses_inside_csv_markdown_and_json_text():
    text = ('"src","https://press.un.org/a ; https://en.wikipedia.org/wiki/X"\n'
            "[link](https://fakti.bg/x). <a href=\"https://docslib.org/doc/1\">x</a>")
    hits = sources.refused_in(text, "here")
    assert [h.url for h in hits] == ["https://en.wikipedia.org/wiki/X", "https://fakti.bg/x",
                                     "https://docslib.org/doc/1"]
    assert all(h.where == "here" and h.reason for h in hits)


def test_the_scan_covers_tables_descriptors_lessons_guide_and_package():
    files = {p.relative_to(ROOT).as_posix() for p in sources.collection_files(ROOT)}
    for expected in ("data/cases.csv", "data/milestones.csv", "data/descriptors/missions.json",
                     "data/datapackage.json", "data/README.md", "notebooks/00_introduction.ipynb",
                     "facilitator/README.md", "facilitator/02_principles.md", "src/peaceops/lessons/principles.py",
                     "README.md"):
        assert expected in files, f"{expected} is not scanned"
    assert "src/peaceops/sources.py" not in files  # the deny-list itself names the refused hosts


def test_no_refused_source_anywhere_in_the_collection():
    hits = sources.refused_in_files(sources.collection_files(ROOT))
    listing = "\n".join(str(h).replace(str(ROOT) + "/", "") for h in hits[:40])
    assert not hits, (
        f"{len(hits)} refused source address(es); cite the producer or an authoritative publisher "
        f"instead (STYLE.md §7; the deny-list is peaceops/sources.py):\n{listing}"
    )
