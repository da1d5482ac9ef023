"""The printed materials of the simulation are generated from data/simulation.json and say only
what each reader may see: every voting party's brief holds its own points exactly as in the file and
nobody else's; the Brigades' brief does not give away the spoiler type (the slips do); the public
briefing holds no points; the scoring sheet holds every table and the minimums the model computes.
Every file is self-contained (no network address of any kind), passes the deny-list, and a damaged
scenario gives a short message. Where Debian's Chromium is installed, the briefs print one page per
role on A4 and on US Letter."""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT

from peaceops import sources
from peaceops.data import DataError
from peaceops.simulation import briefs, space
from peaceops.simulation import scenario as scenario_module
from peaceops.simulation.model import Conditions

RAW = json.loads((ROOT / "data" / "simulation.json").read_text(encoding="utf-8"))
PARTIES = {p["id"]: p for p in RAW["parties"]}
VOTERS = [p for p in RAW["parties"] if p["votes"]]
ISSUES = RAW["issues"]
TYPES = RAW["spoiler"]["types"]
SINGLE_PAGE = ["outcome-form.html", "scoring-sheet.html", "spoiler-slips.html"]


# --- a small reader of the generated HTML (standard library only) ------------------------------------
class Page(HTMLParser):
    """Tables (rows of cells: tag, attributes, text), the attributes of every element, the text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tables: list[dict] = []
        self.elements: list[tuple[str, dict]] = []
        self.title = ""
        self.text_parts: list[str] = []
        self._open: list[dict] = []  # tables being read
        self._cell: dict | None = None
        self._in_title = False
        self._skip = 0  # inside <style> or <title>: not page text
        self.feed(text)
        self.close()

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.text_parts))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag in ("title", "style"):
            self._in_title = tag == "title"
            self._skip += 1
        elif tag == "table":
            table = {"attrs": attrs, "rows": [], "caption": ""}
            self.tables.append(table)
            self._open.append(table)
        elif tag == "tr" and self._open:
            self._open[-1]["rows"].append([])
        elif tag in ("th", "td") and self._open:
            self._cell = {"tag": tag, "attrs": attrs, "text": ""}
            self._open[-1]["rows"][-1].append(self._cell)
        elif tag == "span" and self._cell is not None and attrs.get("data-minimum"):
            self._cell["attrs"] = {**self._cell["attrs"], "data-minimum": attrs["data-minimum"]}

    def handle_endtag(self, tag):
        if tag in ("title", "style"):
            self._in_title = False
            self._skip -= 1
        elif tag == "table" and self._open:
            self._open.pop()
        elif tag in ("th", "td"):
            self._cell = None

    def handle_data(self, data):
        if not self._skip:
            self.text_parts.append(data)
        if self._in_title:
            self.title += data
        if self._cell is not None:
            self._cell["text"] += data

    def cells(self, attribute: str) -> list[dict]:
        return [c for t in self.tables for r in t["rows"] for c in r if attribute in c["attrs"]]


def option_points(page: Page) -> dict[tuple[str, str], int]:
    """(issue id, option id) -> points, read from a brief's points table by the printed names only."""
    tables = [t for t in page.tables if "po-points" in t["attrs"].get("class", "").split()]
    assert len(tables) == 1, "a brief holds exactly one points table"
    found, issue = {}, None
    for row in tables[0]["rows"][1:]:
        for cell in row:
            text = cell["text"].strip()
            if cell["attrs"].get("scope") == "rowgroup":
                issue = next(i for i in ISSUES if text.startswith(i["name"]))
            elif cell["attrs"].get("scope") == "row":
                name = re.sub(r"^[a-z]\. ", "", text)
                option = next(o for o in issue["options"] if o["name"] == name)
            else:
                assert re.fullmatch(r"\d+", text), f"a points cell holds a whole number, not {text!r}"
                assert (issue["id"], option["id"]) not in found, "each option appears once"
                found[(issue["id"], option["id"])] = int(text)
    return found


def expected_points(party: dict) -> dict[tuple[str, str], int]:
    return {(i["id"], o["id"]): party["scores"][i["id"]][o["id"]] for i in ISSUES for o in i["options"]}


def minimum_row(page: Page) -> list[str]:
    tables = [t for t in page.tables if "po-minimums" in t["attrs"].get("class", "").split()]
    assert len(tables) == 1, "one table of minimums"
    return [c["text"].strip() for c in tables[0]["rows"][1][1:]]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("briefs")
    paths = briefs.build(out)
    assert paths[0].name == "index.html"
    return {p.name: p.read_text(encoding="utf-8") for p in paths}


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("printed")
    briefs.build(out)
    return out


# --- what is written -------------------------------------------------------------------------------
def test_every_file_is_written(built):
    expected = {"index.html", "briefs.html", "public.html", "outcome-form.html", "scoring-sheet.html",
                "spoiler-slips.html", *(f"brief-{p['id']}.html" for p in RAW["parties"])}
    assert set(built) == expected


def test_option_names_are_unique_so_the_reader_below_can_trust_them():
    names = [o["name"] for i in ISSUES for o in i["options"]]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("party", VOTERS, ids=lambda p: p["id"])
def test_each_voting_party_brief_holds_its_own_points_exactly(built, party):
    page = Page(built[f"brief-{party['id']}.html"])
    assert option_points(page) == expected_points(party)
    others = [c for c in page.cells("data-party") if c["attrs"]["data-party"] != party["id"]]
    assert not others and len(page.tables) == 2, "the points and the minimums: no other party's table"
    headings = {c["text"].strip() for t in page.tables for c in t["rows"][0]}
    assert not headings & {p["short"] for p in VOTERS}, "no party's name heads a column of points"


@pytest.mark.parametrize("party", VOTERS, ids=lambda p: p["id"])
def test_each_brief_gives_its_minimum_per_round_priorities_and_the_rule(built, party):
    page = Page(built[f"brief-{party['id']}.html"])
    rounds = RAW["rounds"]["count"]
    if party["batna"] is None:  # the spoiler: its type, and so its minimum, is on the slip
        assert minimum_row(page) == ["your slip"] + [f"slip \u2212 {party['hurt'] * r}" for r in range(1, rounds)]
    else:
        assert minimum_row(page) == [str(party["batna"] - party["hurt"] * r) for r in range(rounds)]
    spread = {i["id"]: max(party["scores"][i["id"]].values()) - min(party["scores"][i["id"]].values())
              for i in ISSUES}
    first = max(ISSUES, key=lambda i: spread[i["id"]])
    assert f"1. {first['label']};" in page.text, "the top priority is the issue whose points vary most"
    assert RAW["rule"]["text"] in page.text


def test_the_brigades_brief_does_not_reveal_the_spoiler_type(built):
    text = Page(built[f"brief-{RAW['spoiler']['party']}.html"]).text
    for kind in TYPES.values():
        assert kind["hint"] not in text and kind["text"] not in text
        assert f"{kind['name']} spoiler" not in text
        assert not re.search(rf"(?<!\d){kind['batna']}(?!\d)", text), "no type's minimum"


def test_the_mediators_brief_holds_no_points_but_every_tool(built):
    med = next(p for p in RAW["parties"] if not p["votes"])
    html = built[f"brief-{med['id']}.html"]
    page = Page(html)
    assert not page.cells("data-points") and not [t for t in page.tables if "po-points" in t["attrs"].get("class", "")]
    assert "Your points" not in page.text
    for strategy in RAW["spoiler"]["strategies"].values():
        assert strategy["text"] in page.text
        assert strategy.get("cost_text", "") in page.text
    assert RAW["track2"]["text"] in page.text and RAW["rule"]["text"] in page.text
    trust = RAW["trust"]
    assert f"trust {trust['start']}" in page.text
    assert f"\u2212{-trust['breach']['victim']}" in page.text and f"\u2212{-trust['breach']['others']}" in page.text
    assert f"at least {trust['caucus_below']}" in page.text and f"below {trust['walkout_below']}" in page.text
    for kind in TYPES.values():
        assert kind["hint"] not in page.text, "the back channel, not the brief, tells how the spoiler talks"


def test_briefs_html_holds_every_role_once_in_order_and_as_in_its_own_file(built):
    combined = built["briefs.html"]
    sections = re.findall(r'<section class="po-sheet po-brief" data-role="([a-z]+)">', combined)
    assert sections == [p["id"] for p in RAW["parties"]]
    for p in RAW["parties"]:
        single = built[f"brief-{p['id']}.html"]
        section = single[single.index("<section"):single.index("</section>") + len("</section>")]
        assert section in combined


@pytest.mark.parametrize("name", [f"brief-{p['id']}.html" for p in RAW["parties"]])
def test_each_brief_is_marked_confidential_fictional_and_an_assumption(built, name):
    text = Page(built[name]).text
    assert "Confidential \u2014 do not show to other parties" in text
    assert "Norvane" in text and "Dastia" in text and "fictional" in text
    assert "teaching assumptions" in text


def test_the_public_briefing_holds_no_points(built):
    html = built["public.html"]
    page = Page(html)
    assert not page.cells("data-points") and "data-party" not in html
    assert not re.search(r"\d+\s*points?\b", page.text), "no points"
    assert not re.search(r"minimum\D{0,12}\d", page.text), "no minimums"
    numeric = [c for t in page.tables for r in t["rows"] for c in r if re.fullmatch(r"\s*\d+\s*", c["text"])]
    assert not numeric, "no table cell holds a bare number"
    for party in RAW["parties"]:
        assert party["position"] in page.text
    for issue in ISSUES:
        assert issue["name"] in page.text and all(o["name"] in page.text for o in issue["options"])
    for paragraph in RAW["setting"]:
        assert paragraph in page.text
    assert RAW["rule"]["text"] in page.text and "events" in page.text.lower()
    assert not any(e["name"] in page.text or e["text"] in page.text for e in RAW["events"]), "not which events"
    assert not any(k["hint"] in page.text for k in TYPES.values())


def test_the_slips_hold_each_spoiler_type_and_its_minimums(built):
    html = built["spoiler-slips.html"]
    page = Page(html)
    hurt = PARTIES[RAW["spoiler"]["party"]]["hurt"]
    for type_id, kind in TYPES.items():
        assert re.search(rf"data-batna='{type_id}'>{kind['batna']}<", html), f"the {type_id} slip's minimum"
        assert f"you are a {kind['name']} spoiler" in page.text and kind["hint"] in page.text
        for r in range(RAW["rounds"]["count"]):
            assert re.search(rf'data-minimum="{type_id}:{r}">{kind["batna"] - hurt * r}<', html)
    assert html.count('class="po-slip"') == len(TYPES)


def test_the_scoring_sheet_holds_every_table_and_the_models_minimums(built):
    page = Page(built["scoring-sheet.html"])
    cells = page.cells("data-party")
    assert len(cells) == len(VOTERS) * sum(len(i["options"]) for i in ISSUES)
    for cell in cells:
        issue, option = cell["attrs"]["data-points"].split(":")
        assert int(cell["text"]) == PARTIES[cell["attrs"]["data-party"]]["scores"][issue][option]
    sp = space()
    ids = sp.ids
    seen = 0
    for cell in page.cells("data-minimum"):
        key, r = cell["attrs"]["data-minimum"].rsplit(":", 1)
        pid, _, kind = key.partition(":")
        computed = sp.minimums(Conditions(round=int(r), spoiler_type=kind or "greedy"))[ids.index(pid)]
        assert int(cell["text"]) == computed, f"{key} in round {r}"
        seen += 1
    assert seen == (len(VOTERS) - 1 + len(TYPES)) * RAW["rounds"]["count"]
    for event in RAW["events"]:
        assert event["name"] in page.text


def test_the_outcome_form_has_a_box_for_every_round_issue_vote_and_signature(built):
    page = Page(built["outcome-form.html"])
    rounds = next(t for t in page.tables if "po-rounds" in t["attrs"].get("class", ""))
    assert [c["text"] for c in rounds["rows"][0][1:]] == [str(r) for r in range(RAW["rounds"]["count"])]
    labels = [row[0]["text"] for row in rounds["rows"][1:]]
    for issue in ISSUES:
        assert any(label.lower().startswith(issue["label"].lower()) for label in labels)
    for party in VOTERS:
        assert f"{party['short']}: yes or no" in labels
    assert all(len(row) == 1 + RAW["rounds"]["count"] for row in rounds["rows"])
    for issue in ISSUES:
        assert all(o["name"] in page.text for o in issue["options"])
    sign = next(t for t in page.tables if "po-sign" in t["attrs"].get("class", ""))
    assert len(sign["rows"][0]) == len(RAW["parties"])
    assert "spoiler strategy" in page.text and "Breaches of confidence" in page.text


# --- well-formed, self-contained, escaped ---------------------------------------------------------------
def test_every_file_is_self_contained_and_accessible(built):
    for name, html in built.items():
        page = Page(html)
        assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html, name
        assert '<meta charset="utf-8">' in html and page.title.strip(), name
        assert not re.search(r"https?:|//[a-z0-9]|@import|url\(", html, re.I), f"{name} reaches out"
        tags = {tag for tag, _ in page.elements}
        assert not tags & {"script", "link", "img", "iframe", "object", "embed", "video", "audio", "source"}, name
        for tag, attrs in page.elements:
            if tag == "th":
                assert attrs.get("scope") in ("col", "row", "rowgroup", "colgroup"), f"{name}: a th without scope"
            for key in ("href", "src"):
                if key in attrs:
                    assert attrs[key] in built, f"{name} links to {attrs[key]}, not a file written beside it"


def test_every_file_passes_the_deny_list(out_dir):
    assert sources.refused_in_files(sorted(out_dir.glob("*.html"))) == []
    assert sources.refused_in_files([Path(briefs.__file__), *sorted(briefs.TEMPLATES.glob("*"))]) == []


def test_text_is_escaped_and_the_brief_is_generated_not_copied():
    raw = copy.deepcopy(RAW)
    gov = next(p for p in raw["parties"] if p["id"] == "gov")
    gov["position"] = "We <b>insist</b> & \"more\""
    issue = ISSUES[0]["id"]
    low = min(gov["scores"][issue], key=gov["scores"][issue].get)  # raising the worst option keeps the best at 100
    gov["scores"][issue][low] += 1
    s = scenario_module.parse(raw)
    html = briefs.brief_html("gov", s)
    assert "We &lt;b&gt;insist&lt;/b&gt; &amp; &quot;more&quot;" in html and "<b>insist" not in html
    assert option_points(Page(html)) == expected_points(gov)
    assert option_points(Page(html)) != expected_points(PARTIES["gov"])


def test_brief_html_is_a_fragment_for_a_lesson():
    html = briefs.brief_html("wpc")
    assert html.startswith("<style>") and "<html" not in html and "@page" not in html
    assert "body" not in html.split("</style>")[0], "the inline style does not restyle the notebook"
    assert option_points(Page(html)) == expected_points(PARTIES["wpc"])
    with pytest.raises(ValueError, match="No role 'xyz'"):
        briefs.brief_html("xyz")


# --- a damaged scenario --------------------------------------------------------------------------------
def damaged_folder(tmp_path: Path, damage) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    raw = copy.deepcopy(RAW)
    text = damage(raw)
    (folder / "simulation.json").write_text(text if isinstance(text, str) else json.dumps(raw), encoding="utf-8")
    return folder


def drop_a_score(raw):
    del raw["parties"][0]["scores"]["power"]["autonomy"]


def test_a_damaged_scenario_gives_a_short_message(tmp_path, capsys):
    folder = damaged_folder(tmp_path, drop_a_score)
    with pytest.raises(DataError, match="autonomy"):
        briefs.build(tmp_path / "out", folder)
    assert briefs.main(["--out", str(tmp_path / "out"), "--data", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: simulation.json") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and len(err) < 400
    assert not (tmp_path / "out" / "briefs.html").exists()


def test_the_command_line_reports_a_broken_file_without_a_traceback(tmp_path):
    folder = damaged_folder(tmp_path, lambda raw: '{"fictional": true, "issues": [')
    env = {**os.environ, "PEACEOPS_DATA": str(folder)}
    done = subprocess.run([sys.executable, "-m", "peaceops.simulation.briefs", "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "not valid JSON" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


# --- printing, where Debian's Chromium is installed ---------------------------------------------------------
CHROMIUM = shutil.which("chromium")


def pdf_pages(pdf: Path) -> int:
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data))
    if pages:
        return pages
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data, re.S)]
    return max(counts, default=0)


def print_all(jobs: list[tuple[Path, Path]], work: Path) -> None:
    running = []
    for n, (html, pdf) in enumerate(jobs):
        running.append(subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--user-data-dir={work / f'profile-{n}'}", f"--print-to-pdf={pdf}", html.as_uri()],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    for proc in running:
        proc.wait(timeout=120)


def test_the_briefs_print_one_page_per_role_on_a4_and_letter(out_dir, tmp_path):
    if not CHROMIUM:
        if os.environ.get("PEACEOPS_REQUIRE_BROWSER"):
            pytest.fail("PEACEOPS_REQUIRE_BROWSER is set but chromium is not installed")
        pytest.skip("Debian's chromium is not installed")
    names = ["briefs.html", "public.html", *SINGLE_PAGE]
    jobs = []
    for paper in ("A4", "letter"):
        folder = tmp_path / paper
        folder.mkdir()
        for name in names:
            html = (out_dir / name).read_text(encoding="utf-8")
            assert html.count("size: A4;") == 1
            (folder / name).write_text(html.replace("size: A4;", f"size: {paper};"), encoding="utf-8")
            jobs.append((folder / name, folder / name.replace(".html", ".pdf")))
    print_all(jobs, tmp_path)
    pages = {(pdf.parent.name, pdf.stem): pdf_pages(pdf) for _html, pdf in jobs}
    for paper in ("A4", "letter"):
        assert pages[(paper, "briefs")] == len(RAW["parties"]), f"{paper}: one page per role ({pages})"
        assert 1 <= pages[(paper, "public")] <= 2, f"{paper}: the public briefing ({pages})"
        for name in SINGLE_PAGE:
            assert pages[(paper, name[:-5])] == 1, f"{paper}: {name} on one page ({pages})"
