"""The glossary (data/glossary.csv): every acronym a lesson uses is defined, every row is sourced, the
page docs/glossary.md is current, and scripts/mark_abbreviations.py marks first uses safely and only once."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys

import nbformat
import pytest
from conftest import ROOT

from peaceops.sources import refusal
from scripts.mark_abbreviations import abbreviations, acronyms_in, lessons, mark, prose_cells, read_glossary

GLOSSARY = ROOT / "data" / "glossary.csv"
MARKER = ROOT / "scripts" / "mark_abbreviations.py"

# Capitalised tokens in the lessons' prose that are not acronyms, each with its reason. Keep it short:
# anything else in capitals belongs in the glossary.
NOT_ACRONYMS = {
    "README": "a file name (README.md)",
    # ISO 3166-1 alpha-3 country codes, as the explorers label their series ("Ireland (IRL)"):
    **dict.fromkeys("BIH COL CYP GBR HRV IRL SDN SRB SSD TLS XKX ZAF".split(), "an ISO 3166-1 alpha-3 country code"),
}
# Roman numerals are numbers, not acronyms: Chapter VII, UNEF I, resolution 3068 (XXVIII), Track II.
ROMAN = re.compile(r"(?=[IVXL]{2,}$)L?X{0,3}(?:IX|IV|V?I{0,3})")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return read_glossary(GLOSSARY)


def undefined(token: str, terms: set[str]) -> bool:
    """True if ``token`` is neither a glossary term, nor made of glossary terms (UCDP/PRIO, DPKO/DFS,
    AU-UN), nor a Roman numeral or an allowed word in capitals."""
    if token in terms or token in NOT_ACRONYMS or ROMAN.fullmatch(token):
        return False
    parts = [p for p in re.split(r"[-/]", token) if len(p) > 1]
    return not parts or len(parts) == 1 or any(undefined(p, terms) for p in parts)


def test_every_acronym_in_the_lessons_is_in_the_glossary(rows):
    terms = {r["term"] for r in rows}
    # Glossary terms that are not plain capitals (Geo-PKO, Chapter VII, DR Congo) are matched first.
    skip = [t for t in terms if not re.fullmatch(r"[A-ZÀ-Þ0-9/-]+", t)]
    missing: dict[str, str] = {}
    for path in lessons():
        for cell in prose_cells(nbformat.read(path, as_version=4)):
            for token in acronyms_in(cell.source, skip):
                if undefined(token, terms):
                    missing.setdefault(token, f"{path.name}, cell {cell.get('id')}")
    assert not missing, (
        "These acronyms are used in a lesson but not defined in data/glossary.csv (add a row with its "
        "expansion, definition, first lesson and source, then run `python scripts/build_glossary.py`; "
        "a word in capitals that is not an acronym goes in NOT_ACRONYMS above, with its reason): "
        + "; ".join(f"{t} ({where})" for t, where in sorted(missing.items()))
    )


def test_every_acronym_in_the_question_bank_is_in_the_glossary(rows):
    """exercises.check() shows the bank's prompts, options, feedback and positions to learners (the
    citations in `source` are left out, as the lessons' Sources lists are)."""
    import json

    terms = {r["term"] for r in rows}
    skip = [t for t in terms if not re.fullmatch(r"[A-ZÀ-Þ0-9/-]+", t)]
    bank = json.loads((ROOT / "data" / "question_bank.json").read_text(encoding="utf-8"))
    missing: dict[str, str] = {}

    def walk(value, where):
        if isinstance(value, str):
            for token in acronyms_in(value, skip):
                if undefined(token, terms):
                    missing.setdefault(token, where)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in ("id", "source", "source_url", "type", "kind"):
                    walk(item, where)
        elif isinstance(value, list):
            for item in value:
                walk(item, where)

    for item in bank["items"] if isinstance(bank, dict) else bank:
        walk(item, f"item {item.get('id')}")
    assert not missing, (
        "These acronyms are shown by the question bank but not defined in data/glossary.csv: "
        + "; ".join(f"{t} ({where})" for t, where in sorted(missing.items()))
    )


def test_the_allowed_capitals_are_not_glossary_terms(rows):
    terms = {r["term"] for r in rows}
    assert not terms & set(NOT_ACRONYMS), "a term is both defined and allowed as a non-acronym"


def test_every_row_is_defined_and_sourced(rows):
    existing = {int(p.name[:2]) for p in lessons()}
    seen = set()
    for row in rows:
        term = row["term"]
        assert term and term not in seen, f"{term!r}: empty or duplicate term"
        seen.add(term)
        assert len(row["definition"].split()) >= 5, f"{term}: no definition (one or two sentences)"
        assert row["source"].strip(), f"{term}: no source"
        urls = row["source_url"].split(" ; ")
        titles = row["source"].split("; ")
        assert len(titles) == len(urls), f"{term}: {len(titles)} source titles for {len(urls)} addresses"
        for url in urls:
            assert re.fullmatch(r"https?://\S+", url), f"{term}: {url!r} is not an http(s) address"
            assert refusal(url) is None, f"{term}: {url} is refused ({refusal(url)})"
        lesson = row["lesson"]
        assert lesson.isdigit() and int(lesson) in existing, f"{term}: lesson {lesson!r} does not exist"
        if re.fullmatch(r"[A-ZÀ-Þ][A-ZÀ-Þ0-9/-]+", term):
            assert row["expansion"].strip(), f"{term}: an acronym needs its expansion"


def test_the_rows_are_in_alphabetical_order(rows):
    from scripts.build_glossary import _sort_key

    terms = [r["term"] for r in rows]
    assert terms == sorted(terms, key=_sort_key), "keep data/glossary.csv in alphabetical order of term"


def test_the_glossary_page_is_current():
    from scripts.build_glossary import PAGE, build

    assert (ROOT / PAGE).read_text(encoding="utf-8") == build(ROOT), (
        "docs/glossary.md is out of date: run `python scripts/build_glossary.py`"
    )


def test_the_glossary_loads_with_its_descriptor(tmp_path):
    """The table matches data/descriptors/glossary.json (checked on a copy, as the lead's build would)."""
    from peaceops import data
    from scripts.build_datapackage import assemble

    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy)
    assemble(copy)
    table = data.load("glossary", folder=copy)
    assert len(table) == len(read_glossary(GLOSSARY))
    assert table["lesson"].between(0, 13).all()


# --- scripts/mark_abbreviations.py -------------------------------------------------------------

SAMPLE = {
    "UNTSO": "United Nations Truce Supervision Organization",
    "FARC": "Fuerzas Armadas Revolucionarias de Colombia",
    "FARC-EP": "Fuerzas Armadas Revolucionarias de Colombia - Ejército del Pueblo",
    "UN": "United Nations",
    "CLA": "community liaison assistant",
    "SPLM/A": "Sudan People's Liberation Movement/Army",
}


def abbr(term: str) -> str:
    return f'<abbr title="{SAMPLE[term]}">{term}</abbr>'


def notebook(*sources: str, sources_cell: str = "## Sources\n\nUNTSO, UN.") -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(s, id=f"cell-{i}") for i, s in enumerate(sources)]
    nb.cells.append(nbformat.v4.new_markdown_cell(sources_cell, id="sources"))
    return nb


def test_mark_wraps_the_first_use_only():
    nb = notebook("# 01 · UNTSO and the UN\n\nThe first mission was `UNTSO` ([UNTSO](https://x.org/UNTSO)).",
                  "UNTSO watched the truce; UNTSO still exists. The FARC-EP, not the FARC, signed.",
                  "The UN-led talks; the CLAs; the SPLM/A.")
    marked = mark(nb, SAMPLE)
    assert sorted(marked) == ["CLA", "FARC", "FARC-EP", "SPLM/A", "UN", "UNTSO"]
    heading, first, second, sources = (c.source for c in nb.cells)
    assert heading.startswith("# 01 · UNTSO and the UN\n\nThe first mission was `UNTSO` ([UNTSO](https://x.org/UNTSO))")
    assert first.count("<abbr") == 3 and first.count("UNTSO") == 2
    assert first.startswith(abbr("UNTSO") + " watched")
    assert f"{abbr('FARC-EP')}, not the {abbr('FARC')}, signed" in first
    assert second == f"The {abbr('UN')}-led talks; the {abbr('CLA')}s; the {abbr('SPLM/A')}."
    assert sources == "## Sources\n\nUNTSO, UN."


def test_mark_prefers_a_visible_use_to_a_folded_solution():
    nb = notebook("<details>\n<summary>Solution</summary>\n\nUNTSO.\n</details>", "Later, UNTSO.")
    mark(nb, SAMPLE)
    assert "<abbr" not in nb.cells[0].source and "<abbr" in nb.cells[1].source


def test_mark_never_touches_links_urls_tags_or_existing_abbr():
    text = ('See <https://un.org/UNTSO>, https://x.org/UN/UNTSO and <a href="#UNTSO">UNTSO</a>; '
            '<abbr title="United Nations">UN</abbr> again UN.')
    nb = notebook(text)
    marked = mark(nb, SAMPLE)
    assert marked == [] and nb.cells[0].source == text


def test_mark_is_idempotent_on_the_lessons(tmp_path):
    """A copy of three lessons: the first run marks, the second changes nothing, and --check agrees."""
    expansions = abbreviations(read_glossary(GLOSSARY))
    paths = []
    for path in lessons()[:13:6]:
        paths.append(tmp_path / path.name)
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:  # start from unmarked prose, whether or not the lessons are marked yet
            cell.source = re.sub(r"<abbr\b[^>]*>(.*?)</abbr>", r"\1", cell.source, flags=re.DOTALL)
        nbformat.write(nb, paths[-1])
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        mark(nb, expansions)
        once = [c.source for c in nb.cells]
        assert mark(nb, expansions) == [], f"{path.name}: a second run marked more"
        assert [c.source for c in nb.cells] == once
        for source in once:
            assert len(re.findall(r"<abbr\b", source)) == len(re.findall(r"</abbr>", source))
        marked = [m for c in nb.cells for m in re.findall(r"<abbr title=\"[^\"]*\">([^<]*)</abbr>", c.source)]
        assert len(marked) == len(set(marked)), f"{path.name}: an acronym was marked twice"
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert "<abbr" not in cell.source

    def check(*args):
        return subprocess.run([sys.executable, str(MARKER), "--check", *map(str, paths), *args],
                              capture_output=True, text=True, cwd=ROOT).returncode

    assert check() == 1, "--check should report lessons with unmarked acronyms"
    subprocess.run([sys.executable, str(MARKER), *map(str, paths)], check=True, capture_output=True, cwd=ROOT)
    assert check() == 0, "after a run, --check should find nothing to change"
    before = [p.read_bytes() for p in paths]
    subprocess.run([sys.executable, str(MARKER), *map(str, paths)], check=True, capture_output=True, cwd=ROOT)
    assert [p.read_bytes() for p in paths] == before, "a second run changed a file"


def test_the_lessons_are_marked_once_marking_has_begun():
    """Once `python scripts/mark_abbreviations.py` has run on notebooks/, every lesson must stay marked:
    a new acronym's first use, or text added before a marked one, needs a new run."""
    paths = lessons()
    if not any("<abbr" in c.source for p in paths for c in prose_cells(nbformat.read(p, as_version=4))):
        pytest.skip("no lesson is marked yet: run `python scripts/mark_abbreviations.py` after the lesson edits")
    result = subprocess.run([sys.executable, str(MARKER), "--check"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, f"run `python scripts/mark_abbreviations.py`:\n{result.stdout}"


def test_the_scanner_reads_prose_not_code_or_symbols():
    text = ("The `NA` value, S/RES/1769 (2007), A/RES/79/1, SC/16059, IT-98-33-A and "
            "[BBC](https://bbc.co.uk/ABC) are not acronyms here; UNTSO, FARC-EP, M-19 and RTÉ are, "
            "and so is the link text.")
    assert list(acronyms_in(text)) == ["BBC", "UNTSO", "FARC-EP", "M-19", "RTÉ"]
    assert list(acronyms_in("Geo-PKO and Chapter VII", skip=["Geo-PKO", "Chapter VII"])) == []


def test_the_glossary_csv_is_plain_utf8_with_lf_endings():
    raw = GLOSSARY.read_bytes()
    assert b"\r\n" not in raw and not raw.startswith(b"\xef\xbb\xbf")
    with GLOSSARY.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == ["term", "expansion", "definition", "lesson", "source", "source_url"]
